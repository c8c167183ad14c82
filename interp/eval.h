/* The machine (spec: 4.3-execution.instructions; DESIGN.md "The machine").
 *
 * A configuration's evaluation context is kept as explicit administrative
 * frames on a Stack: the spec's `frame_n{F}` is a FRAME_CALL, `label_n{…}`
 * a FRAME_LABEL, and try_table's `handler_n{catch*} (label_n{} …)` one
 * FRAME_HANDLER (a label carrying its catch clauses).  Operands and locals
 * share the Stack's value array.  Nothing recurses on the C stack: a Wasm
 * call pushes a frame, a return pops it. */
#ifndef INTERP_EVAL_H
#define INTERP_EVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "interp/store.h"
#include "util/buf.h"

typedef enum FrameKind { FRAME_CALL, FRAME_LABEL, FRAME_HANDLER } FrameKind;

enum { FRAME_NONE = UINT32_MAX };

typedef struct Frame {
  uint8_t kind;               /* FrameKind */
  bool loop;                  /* label of a loop: a branch re-enters it */
  uint32_t arity;             /* values a branch to the label (or a return) carries */
  uint32_t height;            /* label: operand height below its values; call: where its locals start */
  const Instr *cont;          /* label: where a branch continues; call: the caller's pc, NULL at the bottom */
  union {
    const Catches *catches;   /* FRAME_HANDLER */
    struct {                  /* FRAME_CALL: the frame F */
      FuncInst *func;         /* NULL while evaluating a constant expression */
      ModuleInst *module;     /* F.MODULE */
      const Instr *code;      /* the body, which block ends are relative to */
      uint32_t caller;        /* the caller's call frame, or FRAME_NONE */
    } call;
  };
} Frame;

/* A stack: the values and frames of one computation.  The root of an
 * invocation is one; each continuation has its own (Explainer,
 * "Execution").  While a continuation runs, its bottom stack's parent is
 * the stack that resumed it, and `handlers` are that resume's: the spec's
 * prompt{hdl*} … end around it.  The active stacks are the chain from the
 * running one through the parents to the root. */
struct Stack {
  Value *vals;
  uint32_t nvals, cvals;
  Frame *frames;
  uint32_t nframes, cframes;
  uint32_t call;              /* the innermost call frame, or FRAME_NONE */
  uint32_t calls;             /* call frames on this stack */
  struct Stack *parent;       /* the stack to return to when this one finishes */
  const Handlers *handlers;   /* the prompt's hdl* (with a parent) */
  ModuleInst *handler_module; /* whose tags they name */
  const Instr *pc;            /* where it continues, while another stack runs */
  FuncInst *fresh;            /* cont.new's function, until the first resume invokes it */
};

/* The machine: the running stack, and the registers of the innermost frame
 * while it is not running. */
struct Machine {
  Store *store;
  Machine *outer;             /* the machine whose host function started this one, or NULL */
  uint32_t nesting;           /* how many machines are outside this one */
  Stack *stack;
  const Instr *pc;
  uint32_t calls;             /* call frames of the active stacks */
  bool done;                  /* the root stack's bottom frame has returned */
  Buf *backtrace;             /* where a trap's backtrace is written, if not NULL */
  /* Fuel (interp/eval.c, "Fuel"): units of work, one per reduction plus
   * the elements and bytes a bulk instruction touches. */
  uint64_t fuel;              /* left for this invocation, as of the slice's start */
  uint64_t steps;             /* left before eval_run pauses, likewise */
  uint64_t slice;             /* units eval_run may use before it settles again */
  uint64_t until_clock;       /* units before --timeout's clock is read again */
  uint64_t debt;              /* work a helper did (a handler search), to be charged */
};

/* eval_run's outcome: the bottom frame of the root stack has returned
 * (its results are at the base of the stack), the steps ran out first, or
 * the run failed (err says how). */
typedef enum EvalStatus { EVAL_DONE, EVAL_PAUSED, EVAL_FAILED } EvalStatus;

/* Frees a chain of stacks, from `st` through its parents (a
 * continuation's, when the collector frees it). */
void stack_free_chain(Store *s, Stack *st);

/* $invoke, step by step: a machine about to run a function on arguments of
 * its parameter types (a host function has run already).  NULL with err
 * set on failure. */
Machine *eval_start(Store *s, FuncInst *f, const Value *args, Buf *backtrace, Error *err);

/* Performs reductions until `steps` units of fuel are used (at least one
 * reduction; a bulk instruction uses the units of its work: see "Fuel" in
 * interp/eval.c); eval_step exactly one.  Running out of the invocation's
 * fuel or of --timeout's time fails with PHASE_LIMIT or PHASE_TIMEOUT. */
EvalStatus eval_run(Machine *M, uint64_t steps, Error *err);
static inline EvalStatus eval_step(Machine *M, Error *err) { return eval_run(M, 1, err); }

/* Frees a machine, first copying its n results (if `results` is not NULL:
 * after EVAL_DONE). */
void eval_end(Machine *M, Value *results, uint32_t n);

/* How many machines may run inside one another, each started by a host
 * function of the one outside it (a host callback into Wasm); one more
 * fails with PHASE_EXHAUSTION. */
enum { EVAL_NESTING_MAX = 500 };

/* $invoke: calls a function with arguments of its parameter types and
 * writes its results.  On failure err says what went wrong: PHASE_TRAP,
 * PHASE_EXHAUSTION (the call stack ran out), PHASE_LIMIT (the heap
 * or the fuel ran out), PHASE_TIMEOUT, PHASE_SUSPENSION or PHASE_EXCEPTION
 * (an uncaught exception, left in s->exn); a failure during a reduction
 * writes a backtrace to `backtrace` if not NULL.  Called from a host
 * function, it runs a nested machine that shares the caller's fuel and call
 * depth. */
bool eval_invoke(Store *s, FuncInst *f, const Value *args, Value *results, Buf *backtrace,
                 Error *err);

/* Eval_expr: evaluates a constant expression in a module instance. */
bool eval_const(Store *s, ModuleInst *m, const Expr *e, Value *result, Error *err);

/* Whether a reference has a reference type (spec: Ref_ok with subtyping),
 * the test of ref.test, ref.cast and br_on_cast. */
bool ref_matches(const Store *s, Ref r, ValType rt);

/* Runs the active initialisation of a segment: table.init / memory.init of
 * the whole segment, then the drop (spec: $runelem_, $rundata_). */
bool eval_init_elem(Store *s, ModuleInst *m, uint32_t x, uint64_t offset, Error *err);
bool eval_init_data(Store *s, ModuleInst *m, uint32_t x, uint64_t offset, Error *err);

#endif
