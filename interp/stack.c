/* Stacks and frames (interp/machine.h): their memory, charged to the
 * heap; the machine that runs them, from its start to its end; and the
 * fuel that bounds its work. */

#include "interp/machine.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "interp/control.h"
#include "interp/describe.h"
#include "interp/messages.h"
#include "util/mem.h"

/* ================================================================ Stacks */

bool heap_full(const Store *s, Error *err)
{
  return store_out_of_memory(err, EXHAUSTION_HEAP, s->limits.heap_bytes);
}

/* The memory a stack takes: charged to the heap, so that suspended
 * continuations count against its limit like any other object. */
static size_t stack_size(uint32_t cvals, uint32_t cframes)
{
  return sizeof(Stack) + (size_t)cvals * sizeof(Value) + (size_t)cframes * sizeof(Frame);
}

/* n more bytes of stacks: the collector's debt, and perhaps a new peak. */
static void stack_charge(Store *s, size_t n)
{
  s->stack_bytes += n;
  s->gc_debt += n;
  if (s->stack_bytes > s->counts.stack_peak)
    s->counts.stack_peak = s->stack_bytes;
}

/* A new stack: its arrays are never NULL. */
Stack *stack_new(Store *s, uint32_t nvals, uint32_t nframes)
{
  size_t size = stack_size(nvals, nframes);
  if (!heap_room(s, size))
    return NULL;
  Stack *st = mem_calloc(1, sizeof *st);
  Value *vals = mem_calloc(nvals, sizeof *vals);
  Frame *frames = mem_calloc(nframes, sizeof *frames);
  if (!st || !vals || !frames) {
    mem_free(st);
    mem_free(vals);
    mem_free(frames);
    return NULL;
  }
  *st = (Stack){.vals = vals, .cvals = nvals, .frames = frames, .cframes = nframes, .call = FRAME_NONE};
  stack_charge(s, size);
  return st;
}

void stack_free(Store *s, Stack *st)
{
  s->stack_bytes -= stack_size(st->cvals, st->cframes);
  mem_free(st->vals);
  mem_free(st->frames);
  mem_free(st);
}

void stack_abandon(Store *s, Stack *st)
{
  s->counts.abandoned++;
  stack_free(s, st);
}

void stack_abandon_chain(Store *s, Stack *st)
{
  while (st) {
    Stack *parent = st->parent;
    stack_abandon(s, st);
    st = parent;
  }
}

/* One of a stack's arrays, grown from `old` to `new` bytes and charged to
 * the heap; NULL, with err set, when the heap or the host has no room. */
static void *stack_grow(Store *s, void *array, size_t old, size_t new, Error *err)
{
  void *p = heap_room(s, new - old) ? mem_realloc(array, new) : NULL;
  if (!p) {
    heap_full(s, err);
    return NULL;
  }
  stack_charge(s, new - old);
  return p;
}

/* Makes room for n more values on a stack; beyond the limit of values a
 * stack may hold, it is exhausted. */
bool stack_reserve(Store *s, Stack *S, uint32_t n, Error *err)
{
  if (S->cvals - S->nvals >= n)
    return true;
  uint64_t need = (uint64_t)S->nvals + n;
  if (need > s->limits.stack_values)
    return error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_CALL_STACK);
  uint64_t cap = S->cvals ? S->cvals : 256;
  while (cap < need)
    cap *= 2;
  Value *vals = stack_grow(s, S->vals, S->cvals * sizeof *vals, cap * sizeof *vals, err);
  if (!vals)
    return false;
  S->vals = vals;
  S->cvals = (uint32_t)cap;
  return true;
}

bool machine_reserve(Machine *M, uint32_t n, Error *err)
{
  return stack_reserve(M->store, M->stack, n, err);
}

bool stack_grow_frames(Store *s, Stack *S, Error *err)
{
  uint32_t cap = S->cframes * 2;
  Frame *frames = stack_grow(s, S->frames, S->cframes * sizeof *frames, cap * sizeof *frames, err);
  if (!frames)
    return false;
  S->frames = frames;
  S->cframes = cap;
  return true;
}

/* ================================================================ Fuel */

/* Fuel bounds the work of an invocation.  Each reduction costs a unit; a
 * bulk instruction also costs a unit per element it makes or touches
 * (array and struct allocation, array and table fill, copy, init and grow,
 * the elements of a segment) and one per whole 64 bytes of memory
 * (memory.fill, copy and init, and the zeroed pages of memory.grow), charged
 * once its work is done.  Every other loop whose length the program sets is
 * either O(1) or charged in proportion:
 *   - the handler search of suspend and switch: a unit per prompt crossed
 *     and per handler clause looked at; it gives up once that is more than
 *     the fuel left (control.c, prompt_for);
 *   - capturing the continuation: no walk, the search counts its frames;
 *   - resume, resume_throw and switch attaching a continuation: O(1), the
 *     continuation keeps its bottom stack and its call frames;
 *   - throw: a unit per catch clause looked at; the frames and stacks it
 *     pops were paid for by the steps that pushed them;
 *   - a collection: a unit per 8 slots it marks and objects it sweeps
 *     (gc.c), charged to the machine it runs for after the step;
 *   - instantiation (instantiate.c): its constant expressions and active
 *     segments draw on one budget, the store's fuel, at the rates above;
 *   - a trap's backtrace walks the frames once, as the invocation ends.
 * A helper adds its work to M->debt, which the loop charges after it.
 *
 * The reduction loop counts the units of a slice down in a register;
 * settling charges them to the machine, reads the clock of --timeout every
 * CLOCK_EVERY units, and starts the next slice. */
enum { CLOCK_EVERY = 1 << 20 };   /* a few milliseconds of reductions */

static inline uint64_t min_u64(uint64_t a, uint64_t b)
{
  return a < b ? a : b;
}

/* The slice is charged here, not per reduction, so that the loop only
 * counts down a register. */
bool fuel_settle(Machine *M, uint64_t used, uint64_t n, Error *err)
{
  const Store *s = M->store;
  M->fuel -= used;
  M->steps -= used;
  if (n > M->fuel)
    return abort_at(M, PHASE_FUEL, FUEL_OUT, err);
  M->fuel -= n;
  M->steps = n < M->steps ? M->steps - n : 0;
  if (M->until_clock > used + n) {
    M->until_clock -= used + n;
  } else {
    if (s->deadline && store_clock() >= s->deadline) {
      char msg[ERROR_MESSAGE_MAX];
      snprintf(msg, sizeof msg, TIMEOUT_EXCEEDED, s->limits.timeout);
      return abort_at(M, PHASE_TIMEOUT, msg, err);
    }
    M->until_clock = s->deadline ? CLOCK_EVERY : UINT64_MAX;
  }
  M->slice = min_u64(M->steps, min_u64(M->fuel, M->until_clock));
  return true;
}


/* ================================================================ Entry points */

/* A machine on a fresh root stack, with at most `fuel` units; the store
 * knows it, for the collector.  Started by a host function while another
 * runs, it is nested in that one: it takes over the fuel left and the call
 * depth, and a host callback can go only EVAL_NESTING_MAX deep. */
static Machine *machine_new(Store *s, Buf *backtrace, uint64_t fuel, Error *err)
{
  Machine *outer = s->machine;
  if (outer && outer->nesting + 1 >= EVAL_NESTING_MAX) {
    error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_HOST_NESTED,
             (unsigned)EVAL_NESTING_MAX);
    return NULL;
  }
  Machine *M = mem_calloc(1, sizeof *M);
  Stack *st = stack_new(s, 256, 64);
  if (!M || !st) {
    mem_free(M);
    if (st)
      stack_free(s, st);
    heap_full(s, err);
    return NULL;
  }
  M->store = s;
  M->watch = s->watch;
  M->backtrace = backtrace;
  M->stack = st;
  M->outer = outer;
  M->nesting = outer ? outer->nesting + 1 : 0;
  M->calls = outer ? outer->calls : 0;
  M->fuel = M->budget = min_u64(fuel, eval_fuel(s));
  if (!outer) {   /* a new invocation: nothing thrown or trapped yet */
    s->exn = NULL;
    s->trap_instr = NULL;
    s->trap_module = NULL;
  }
  M->until_clock = s->deadline ? 0 : UINT64_MAX;   /* read the clock before the first step */
  s->machine = M;
  return M;
}

void eval_end(Machine *M, Value *results, uint32_t n)
{
  if (results && n)
    memcpy(results, M->stack->vals, n * sizeof *results);
  M->store->machine = M->outer;
  if (M->outer)   /* the work of a host callback is the caller's */
    M->outer->debt += M->budget - M->fuel;
  Stack *st = M->stack;
  for (Stack *parent; (parent = st->parent); st = parent)
    stack_abandon(M->store, st);   /* continuations a failure left running */
  stack_free(M->store, st);
  mem_free(M);
}

/* $invoke, up to the first reduction: the arguments, then the call */
Machine *eval_start(Store *s, FuncInst *f, const Value *args, Buf *backtrace, Error *err)
{
  Machine *M = machine_new(s, backtrace, UINT64_MAX, err);
  if (!M)
    return NULL;
  uint32_t n = f->type->params.len;
  if (!machine_reserve(M, n, err)) {
    eval_end(M, NULL, 0);
    return NULL;
  }
  if (n)
    memcpy(M->stack->vals, args, n * sizeof *args);
  M->stack->nvals = n;
  if (!invoke(M, f, NULL, err)) {
    eval_end(M, NULL, 0);
    return NULL;
  }
  return M;
}

/* Runs a machine a reduction at a time, showing the hook each
 * configuration first (the fuel bounds the steps). */
static EvalStatus eval_watched(Machine *M, EvalHook *hook, void *ctx, Error *err)
{
  EvalStatus st = EVAL_PAUSED;
  while (st == EVAL_PAUSED) {
    /* the machine counts the fuel: without any, the step fails unreduced,
     * and the hook is not shown it */
    bool shown = M->done || M->fuel == 0 || hook(ctx, M, err);
    st = shown ? eval_step(M, err) : EVAL_FAILED;
  }
  return st;
}

/* Runs a machine to the end within its fuel; takes what it used from
 * *fuel if not NULL. */
static bool finish(Machine *M, Value *results, uint32_t n, uint64_t *fuel, Error *err)
{
  EvalStatus st = M->watch && M->watch->step ? eval_watched(M, M->watch->step, M->watch->ctx, err)
                                             : eval_run(M, UINT64_MAX, err);
  if (st == EVAL_PAUSED)   /* only with --fuel=2^64-1 */
    error_at(err, PHASE_FUEL, (Loc){0}, FUEL_OUT);
  if (fuel)
    *fuel -= M->budget - M->fuel;
  eval_end(M, st == EVAL_DONE ? results : NULL, n);
  return st == EVAL_DONE;
}

/* $invoke: to the end */
bool eval_invoke(Store *s, FuncInst *f, const Value *args, Value *results, Buf *bt, Error *err)
{
  Machine *M = eval_start(s, f, args, bt, err);
  return M && finish(M, results, f->type->results.len, NULL, err);
}

/* Eval_expr: a constant expression, in a frame of module m without a function */
bool eval_const(Store *s, ModuleInst *m, const Expr *e, Value *result, uint64_t *fuel, Error *err)
{
  Machine *M = machine_new(s, NULL, *fuel, err);
  if (!M)
    return false;
  Frame f = {.kind = FRAME_CALL, .arity = 1};
  f.call.module = m;
  f.call.code = e->data;
  f.call.caller = FRAME_NONE;
  if (!machine_push_frame(M, &f, err)) {
    eval_end(M, NULL, 0);
    return false;
  }
  M->stack->call = 0;
  M->stack->calls = 1;
  M->calls++;
  M->pc = e->data;
  return finish(M, result, 1, fuel, err);
}

uint64_t eval_fuel(const Store *s)
{
  return s->machine ? s->machine->fuel : s->limits.fuel;
}

/* Work done outside a machine: n units from *fuel, and from the machine
 * whose host function is instantiating, if one is. */
bool eval_charge(Store *s, uint64_t *fuel, uint64_t n, Loc at, Error *err)
{
  if (n > *fuel)
    return error_at(err, PHASE_FUEL, at, FUEL_OUT);
  *fuel -= n;
  if (s->machine)
    s->machine->debt += n;
  return true;
}
