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
  void (*instr)(Buf *b, const Instr *in, const IndexNamer *names);
  void (*value)(Buf *b, Value v);
  void (*index)(Buf *b, const IndexNamer *names, ImmIndex space, uint32_t idx);
  void (*handler)(Buf *b, const Handler *h, const IndexNamer *names);
  void (*catch_)(Buf *b, const Catch *c, const IndexNamer *names);
} EvalPrinter;

/* Appends one line (without its newline) describing the configuration
 * before the next reduction: the call depth, each prompt the step runs
 * inside with its handlers and the continuation in it (Explainer:
 * prompt{hdl*} … end), the innermost frame{F} and the label and handler
 * frames inside it, the instruction with its names and its place, and the
 * operands it can see (the top four; doc/trace.md):
 *   2 prompt{(on $yield $next)} cont#0 frame{$gen} label | suspend $yield (g.wast:7:6) | (i32.const 1) */
void eval_describe(const Machine *M, const EvalPrinter *p, Buf *b);

/* Called before each reduction of a watched machine (EvalWatch.step,
 * eval_invoke_stepped); false stops the run, with err set by the hook. */
typedef bool EvalHook(void *ctx, const Machine *M, Error *err);

/* ---- Control events (--trace=control, --stats) ---- */

/* What a rule of interp/control.c is doing, told as it happens: before the
 * configuration changes, but for EVENT_CALL (the callee's frame is there)
 * and EVENT_CONT_NEW (the continuation is made). */
typedef enum EvalEventKind {
  EVENT_INSTANTIATE,   /* a module is being instantiated (no machine) */
  EVENT_CALL,          /* func is invoked, its arguments the values */
  EVENT_RETURN,        /* func returns the values */
  EVENT_CONT_NEW,      /* `to` is made, to invoke func */
  EVENT_CONT_BIND,     /* `from` is consumed, with the values bound into `to` */
  EVENT_RESUME,        /* `from` is consumed and runs under a new prompt; with a
                        * tag, resume_throw(_ref) throws into it */
  EVENT_SUSPEND,       /* the values go to `clause` of `prompt`'s handlers; the
                        * context up to it becomes `to` */
  EVENT_SWITCH,        /* likewise, and `from` runs under that prompt instead */
  EVENT_PROMPT_END,    /* the running continuation returns the values through its prompt */
  EVENT_THROW,         /* an exception of tag is thrown, with the values */
  EVENT_CATCH,         /* …and caught by `catch` of the innermost handler, `crossed`
                        * prompts out */
} EvalEventKind;

typedef struct EvalEvent {
  EvalEventKind kind;
  const Instr *instr;         /* the instruction doing it, NULL for an invocation */
  const FuncInst *func;
  const ContInst *from, *to;
  const TagInst *tag;
  const Stack *prompt;        /* SUSPEND, SWITCH: the stack the handling prompt is around */
  const Handler *clause;
  const Catch *catch_;
  uint32_t crossed;
  const Value *values;
  uint32_t nvalues;
  const Module *module;       /* INSTANTIATE */
} EvalEvent;

typedef void EvalObserver(void *ctx, const Machine *M, const EvalEvent *ev);

/* Who watches a store's machines (Store.watch): every invocation, start
 * functions and host callbacks included, shows `step` each configuration
 * (none: they run at full speed), and `event` each control event. */
typedef struct EvalWatch {
  EvalHook *step;
  EvalObserver *event;
  void *ctx;
} EvalWatch;

/* Appends the line of a control event, without its newline: the chain of
 * continuations it happens in, then what happens, with names:
 *   root > cont#1 | suspend $yield (i32.const 1) → prompt{(on $yield $next)} of cont#1, captured as cont#2
 * M may be NULL for EVENT_INSTANTIATE. */
void eval_describe_event(const Machine *M, const EvalEvent *ev, const EvalPrinter *p, Buf *b);

/* $invoke a reduction at a time, showing the hook the configuration before
 * each, nested invocations (host callbacks) too; as eval_invoke otherwise.
 * The store's own watcher is set aside meanwhile. */
bool eval_invoke_stepped(Store *s, FuncInst *f, const Value *args, Value *results, Buf *backtrace,
                         EvalHook *hook, void *ctx, Error *err);

#endif
