/* The machine (spec: 4.3-execution.instructions; doc/design.md "The
 * machine"), as the rest of the program sees it: a Machine is opaque here
 * (interp/machine.h has its frames and stacks, for interp/ alone), and
 * interp/describe.h shows a configuration between reductions. */
#ifndef INTERP_EVAL_H
#define INTERP_EVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "interp/store.h"
#include "util/buf.h"

/* eval_run's outcome: the bottom frame of the root stack has returned
 * (its results are at the base of the stack), the steps ran out first, or
 * the run failed (err says how). */
typedef enum EvalStatus { EVAL_DONE, EVAL_PAUSED, EVAL_FAILED } EvalStatus;

/* $invoke, step by step: a machine about to run a function on arguments of
 * its parameter types (a host function has run already).  NULL with err
 * set on failure. */
Machine *eval_start(Store *s, FuncInst *f, const Value *args, Buf *backtrace, Error *err);

/* Performs reductions until `steps` units of fuel are used (at least one
 * reduction; a bulk instruction uses the units of its work: see "Fuel" in
 * interp/stack.c); eval_step exactly one.  Running out of the invocation's
 * fuel or of --timeout's time fails with PHASE_FUEL or PHASE_TIMEOUT.
 * Each reduction is counted by its opcode in the store's counts.op_steps,
 * if that is set (--stats). */
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
 * PHASE_EXHAUSTION (the call stack or the heap ran out), PHASE_FUEL (the
 * fuel ran out), PHASE_TIMEOUT, PHASE_SUSPENSION or PHASE_EXCEPTION
 * (an uncaught exception, left in s->exn); a failure during a reduction
 * writes a backtrace to `backtrace` if not NULL.  Called from a host
 * function, it runs a nested machine that shares the caller's fuel and call
 * depth. */
bool eval_invoke(Store *s, FuncInst *f, const Value *args, Value *results, Buf *backtrace,
                 Error *err);

/* Work outside an invocation (instantiation's: interp/instantiate.c) draws
 * on one budget, *fuel, which starts at eval_fuel: the store's fuel, or
 * what is left to the machine whose host function instantiates.  Running
 * out fails with PHASE_FUEL. */
uint64_t eval_fuel(const Store *s);
/* Takes n units of such work from *fuel. */
bool eval_charge(Store *s, uint64_t *fuel, uint64_t n, Loc at, Error *err);

/* Eval_expr: evaluates a constant expression in a module instance, within
 * *fuel, which it takes the work from. */
bool eval_const(Store *s, ModuleInst *m, const Expr *e, Value *result, uint64_t *fuel, Error *err);

/* Runs the active initialisation of a segment: table.init / memory.init of
 * the whole segment, then the drop (spec: $runelem_, $rundata_), at the
 * fuel rates of those instructions, taken from *fuel. */
bool eval_init_elem(Store *s, ModuleInst *m, uint32_t x, uint64_t offset, uint64_t *fuel, Error *err);
bool eval_init_data(Store *s, ModuleInst *m, uint32_t x, uint64_t offset, uint64_t *fuel, Error *err);

#endif
