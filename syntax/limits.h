/* This interpreter's limits on the size of a module (spec: appendix,
 * "Implementation Limitations", which allows them): those the JS API sets
 * for every embedding (its "Limits" section), and one of its own on
 * nesting.  A module beyond one is refused when it is read, in either
 * format, with or without validation, as a resource exhaustion: an
 * implementation limit, never a malformed or invalid module.
 *
 * The text parser and the binary decoder call module_check_limits on every
 * module they finish; the decoder also checks a count as it reads it
 * wherever it would otherwise make room for that many entries first, and
 * the two limits only a binary has (the module's size, a function body's).
 * Recursion groups are counted as they are read, in either format: an
 * empty one leaves nothing in the syntax, and the others are fewer than
 * the types.  In the text format, parentheses and blocks are held to the
 * nesting limit as they open, which bounds the parser's stack.
 * README.md ("Limits") and doc/design.md list them. */
#ifndef SYNTAX_LIMITS_H
#define SYNTAX_LIMITS_H

#include <stdbool.h>

#include "syntax/ast.h"
#include "util/error.h"

/* LIMIT(NAME, MAX, MESSAGE): the limit, and its message in syntax/messages.h.
 * Functions, globals and tags count those the module defines (its imports
 * count among the imports); tables and memories count the imported ones
 * too; locals count the function's parameters. */
#define MODULE_LIMITS(LIMIT)                                \
  LIMIT(MODULE_SIZE, 1073741824, EXHAUSTION_MODULE_SIZE)    \
  LIMIT(TYPES, 1000000, EXHAUSTION_TYPES)                   \
  LIMIT(REC_GROUPS, 1000000, EXHAUSTION_REC_GROUPS)         \
  LIMIT(FUNCS, 1000000, EXHAUSTION_FUNCS)                   \
  LIMIT(IMPORTS, 1000000, EXHAUSTION_IMPORTS)               \
  LIMIT(EXPORTS, 1000000, EXHAUSTION_EXPORTS)               \
  LIMIT(GLOBALS, 1000000, EXHAUSTION_GLOBALS)               \
  LIMIT(TAGS, 1000000, EXHAUSTION_TAGS)                     \
  LIMIT(DATAS, 100000, EXHAUSTION_DATAS)                    \
  LIMIT(ELEMS, 10000000, EXHAUSTION_ELEMS)                  \
  LIMIT(TABLES, 100000, EXHAUSTION_TABLES)                  \
  LIMIT(MEMS, 100, EXHAUSTION_MEMS)                         \
  LIMIT(PARAMS, 1000, EXHAUSTION_PARAMS)                    \
  LIMIT(RESULTS, 1000, EXHAUSTION_RESULTS)                  \
  LIMIT(FIELDS, 10000, EXHAUSTION_FIELDS)                   \
  LIMIT(BODY_SIZE, 7654321, EXHAUSTION_BODY_SIZE)           \
  LIMIT(LOCALS, 50000, EXHAUSTION_LOCALS)                   \
  LIMIT(FIXED, 10000, EXHAUSTION_FIXED)                     \
  LIMIT(NESTING, 100000, EXHAUSTION_NESTING)

typedef enum Limit {
#define LIMIT_ENUM(name, max, message) LIMIT_##name,
  MODULE_LIMITS(LIMIT_ENUM)
#undef LIMIT_ENUM
} Limit;

/* The most a module may have of what a limit counts. */
uint32_t limit_max(Limit l);

/* Whether n is within limit l; if not, false with err set: a resource
 * exhaustion at `at`, whose message says how many and the limit. */
bool limit_within(Limit l, uint64_t n, Loc at, Error *err);

/* Whether module m keeps within every limit that both formats share; if
 * not, false with err set at the first item beyond one (the type, import,
 * function, instruction …): the counts of the module's items first, then
 * each type, each function's locals, and each instruction. */
bool module_check_limits(const Module *m, Error *err);

#endif
