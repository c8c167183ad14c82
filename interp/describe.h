/* The machine shown between reductions: --trace and the library's step
 * hook see the configuration through these, never through the machine's
 * frames, and interp/ still knows nothing of the text format (the caller
 * prints instructions and values). */
#ifndef INTERP_DESCRIBE_H
#define INTERP_DESCRIBE_H

#include <stdbool.h>
#include <stdint.h>

#include "interp/eval.h"
#include "util/buf.h"

/* What the next reduction is about: the configuration's innermost frame
 * and instruction. */
typedef struct EvalView {
  uint32_t depth;             /* active calls, on every stack */
  const FuncInst *func;       /* the innermost frame's function; NULL: a constant expression */
  const Instr *instr;         /* the instruction about to be reduced */
  bool located;               /* whether `at` is known: the code has a source */
  Loc at;                     /* the instruction's place in its module's source */
} EvalView;

/* The view of a machine that has not finished. */
void eval_view(const Machine *M, EvalView *v);

/* How the caller prints what interp/ cannot: an instruction and a value
 * in the text format. */
typedef struct EvalPrinter {
  void (*instr)(Buf *b, const Instr *in);
  void (*value)(Buf *b, Value v);
} EvalPrinter;

/* Appends one line (without its newline) describing the configuration
 * before the next reduction: the call depth, a `prompt` for each
 * continuation the step runs inside (Explainer: prompt{hdl*} … end), the
 * innermost frame{F} and the label and handler frames inside it, the
 * instruction and its place, and the operands it can see (the top four):
 *   2 prompt frame{$gen} label | suspend 0 (g.wast:7:6) | (i32.const 1) */
void eval_describe(const Machine *M, const EvalPrinter *p, Buf *b);

/* Called before each reduction of eval_invoke_stepped; false stops the
 * run, with err set by the hook. */
typedef bool EvalHook(void *ctx, const Machine *M, Error *err);

/* $invoke a reduction at a time, showing the hook the configuration before
 * each (--trace, a step hook); as eval_invoke otherwise. */
bool eval_invoke_stepped(Store *s, FuncInst *f, const Value *args, Value *results, Buf *backtrace,
                         EvalHook *hook, void *ctx, Error *err);

#endif
