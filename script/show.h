/* Values, types and results as the official interpreter prints them
 * (script/run.ml print_values: `3 : [i32]`, `[1 2] : [i32 i64]`), for every
 * part of the command line that shows what an action returned. */
#ifndef SCRIPT_SHOW_H
#define SCRIPT_SHOW_H

#include <stdio.h>

#include "interp/value.h"
#include "syntax/types.h"
#include "util/buf.h"

/* A number from its bits: signed decimal integers, floats in %.17g or
 * nan:0xPAYLOAD, digits grouped by `_` (1_000, 0.100_000_001). */
void show_num(Buf *b, ValKind k, uint64_t bits);

/* A value: a number, a v128 as four i32 lanes, or a reference (null,
 * (i31 N), func, (struct ...), (extern (host N)) …). */
void show_value(Buf *b, Value v);

/* An action's results, one line without its newline: `v : [t]`, or
 * `[v1 v2] : [t1 t2]` for several; `declared` has n types. */
void show_results(Buf *b, const TypeStore *ts, const Value *vs, const ValType *declared, uint32_t n);

/* The line above with its newline on f, unless there are no results (the
 * official interpreter prints nothing then). */
void show_print_results(FILE *f, const TypeStore *ts, const Value *vs, const ValType *declared,
                        uint32_t n);

/* A value as a script writes it, (i32.const 1), (ref.null), (ref.i31 5) …:
 * how failed assertions and --trace show values. */
void show_const(Buf *b, Value v);

/* Several, separated by spaces. */
void show_consts(Buf *b, const Value *vs, uint32_t n);

#endif
