/* The generator's inside: the module being written, the function being
 * written, and the plain Wasm 3.0 code that patterns mix in (plain.c). */
#ifndef GEN_EMIT_H
#define GEN_EMIT_H

#include <stdbool.h>
#include <stdint.h>

#include "gen/gen.h"

/* The value types that travel through the channels: each has a scratch
 * local $x_<name> in every function and a logging function $log_<name>
 * (the numeric types' are the host's; v128's logs its two i64 lanes). */
typedef enum VT { VT_I32, VT_I64, VT_F32, VT_F64, VT_I31, VT_BOX, VT_V128, VT_COUNT } VT;
enum { VT_NUMERIC = VT_F64 + 1, MAX_TUPLE = 3 };

/* A short list of value types (the parameters or results of a channel). */
typedef struct Tuple {
  uint8_t n;
  uint8_t t[MAX_TUPLE];
} Tuple;

/* The module as it is written: declarations and functions apart, so that a
 * pattern can add both as it goes. */
typedef struct Gen {
  Choices *c;
  uint32_t size;
  uint32_t npat;   /* patterns so far: their names' prefix */
  Buf decls, funcs;
} Gen;

/* A function as it is written: its header, its extra locals and its body
 * (lines indented by `indent`), joined by fn_finish. */
typedef struct Fn {
  Gen *g;
  Buf head, locals, body;
  int indent;
  int depth;            /* nesting of plain statements */
  uint32_t labels;      /* labels named so far ($l0, $l1, ...) */
  uint32_t counters;    /* loop counters of plain loops ($c0, ...) */
  bool uses_s, uses_a;  /* the non-null $s (ref $box) and $a (ref $arr) */
} Fn;

/* Text of a value type. */
const char *vt_text(VT t);
/* Its name in $x_<name> and $log_<name>. */
const char *vt_name(VT t);

/* A choice among n, and a coin that comes up true one time in n. */
uint32_t pick(Gen *g, uint32_t n);
bool one_in(Gen *g, uint32_t n);

/* A random value type (numeric only if `numeric`), a tuple of up to max. */
VT random_vt(Gen *g, bool numeric);
Tuple random_tuple(Gen *g, unsigned max);
/* " (param t...)" / " (result t...)" of a tuple, or nothing if empty; the
 * types alone, space-separated. */
void put_params(Buf *b, const char *kw, const Tuple *t);
void put_types(Buf *b, const Tuple *t);

/* Starts a function: `(func $name` then the text of rest (params,
 * results, export); its body follows at indent 2. */
void fn_start(Fn *f, Gen *g, const char *name, const char *rest);
/* Adds a local of that type, returns its name's number ($v<N>). */
uint32_t fn_local(Fn *f, const char *type);
uint32_t fn_label(Fn *f);
/* Writes the whole function into the module, and frees f. */
void fn_finish(Fn *f);

/* A line of the body: the indent, then formatted text, then a newline.
 * ind() writes the indent alone, put() text alone (to build a line with
 * expressions in it). */
void line(Fn *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ind(Fn *f);
void put(Fn *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Plain code (plain.c).  An expression of type t, on the current line. */
void expr(Fn *f, VT t, int depth);
/* One expression per type of the tuple, on the current line. */
void exprs(Fn *f, const Tuple *t);
/* Lines that take a tuple's values off the stack, last first: each logged,
 * kept in its scratch local, or dropped. */
void consume(Fn *f, const Tuple *t);
/* Between 0 and the size's bound of plain statements, lines of the body. */
void filler(Fn *f);
/* The declarations every module has (the host's log functions and tag
 * $wasmtag, $box, $arr, memory, the scratch globals, the exception $e_i32,
 * $log_i31, $log_box, $log_v128). */
void plain_prelude(Gen *g);
/* A function of plain statements alone, exported as name. */
void plain_pattern(Gen *g, const char *name);

/* The continuation patterns (patterns.c): one of them, chosen at random,
 * its export named name. */
void cont_pattern(Gen *g, const char *name);

#endif
