/* The generator of random, valid, terminating modules built around stack
 * switching (issue 14): module text from a stream of choices, so that a
 * seed (or a fuzzer's bytes) always gives the same program. */
#ifndef GEN_GEN_H
#define GEN_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* Where the generator's choices come from: a seeded PRNG (splitmix64), or
 * a byte buffer (a fuzzer's input) that gives 0 once it runs out.  Only
 * integer arithmetic: the same source gives the same choices everywhere. */
typedef struct Choices {
  uint64_t state;          /* the PRNG's state */
  const uint8_t *bytes;    /* the byte buffer; NULL: the PRNG */
  size_t len, pos;
} Choices;

void choices_seed(Choices *c, uint64_t seed);
void choices_bytes(Choices *c, const uint8_t *bytes, size_t len);

/* A choice among n (n >= 1): 0 .. n-1. */
uint32_t choose(Choices *c, uint32_t n);

enum { GEN_DEFAULT_SIZE = 10, GEN_MAX_SIZE = 1000 };

/* Appends to out the text of a module (`(module ...)`, one construct per
 * line) drawn from c; size (1 .. GEN_MAX_SIZE) bounds how many patterns it
 * holds and how many statements each body mixes in.  The module validates
 * and every export it has, called with no arguments, terminates. */
void gen_module(Choices *c, uint32_t size, Buf *out);

/* The module of a seed, as --generate prints it. */
void gen_seed(uint64_t seed, uint32_t size, Buf *out);

/* The kinds of type errors gen_mutate makes (mutate.c), and their names. */
enum { GEN_MUTATIONS = 14 };
const char *gen_mutation_name(int kind);

/* Makes the text of a module gen_module made invalid: one type error in a
 * stack-switching construct, drawn from c (the choices that made it, going
 * on).  Returns its kind, or -1 if the text has no site for any (never
 * gen_module's: each has a cont.new). */
int gen_mutate(Choices *c, Buf *text);

/* The invalid module of a seed, as --generate --invalid prints it: the
 * valid one's text, mutated by the choices after it.  Returns the kind. */
int gen_seed_invalid(uint64_t seed, uint32_t size, Buf *out);

#endif
