/* THE MACHINE (spec: 4.3-execution.instructions).  See interp/eval.h for
 * the frames.
 *
 * eval_run() is the reduction loop.  Its registers — pc, the operand stack top
 * sp, the current function's locals, module and code — mirror the innermost
 * call frame; SYNC() writes them back to the Stack and the Machine before
 * anything that looks at the whole configuration (calls, branches that
 * leave frames, throws, the collector), and RELOAD() reads them again.
 * Only instructions that push more than they pop may grow the value array,
 * so only they check its capacity. */

#include "interp/eval.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "interp/gc.h"
#include "interp/messages.h"
#include "interp/num.h"
#include "interp/simd.h"
#include "util/mem.h"

/* Trap messages, as the official interpreter spells them (the suite's
 * assertions match their beginnings). */

/* ================================================================ Stacks */

/* The heap limit is reached (or the host has no memory left). */
static bool heap_full(const Store *s, Error *err)
{
  return store_out_of_memory(err, LIMIT_HEAP, s->limits.heap_bytes);
}

/* The memory a stack takes: charged to the heap, so that suspended
 * continuations count against its limit like any other object. */
static size_t stack_size(uint32_t cvals, uint32_t cframes)
{
  return sizeof(Stack) + (size_t)cvals * sizeof(Value) + (size_t)cframes * sizeof(Frame);
}

/* A stack with room for `nvals` values and `nframes` frames (its arrays
 * are never NULL); NULL when the heap or the host has no room. */
static Stack *stack_new(Store *s, uint32_t nvals, uint32_t nframes)
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
  s->stack_bytes += size;
  s->gc_debt += size;
  return st;
}

static void stack_free(Store *s, Stack *st)
{
  s->stack_bytes -= stack_size(st->cvals, st->cframes);
  mem_free(st->vals);
  mem_free(st->frames);
  mem_free(st);
}

void stack_free_chain(Store *s, Stack *st)
{
  while (st) {
    Stack *parent = st->parent;
    stack_free(s, st);
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
  s->stack_bytes += new - old;
  s->gc_debt += new - old;
  return p;
}

/* Makes room for n more values on a stack; beyond the limit of values a
 * stack may hold, it is exhausted. */
static bool stack_reserve(Store *s, Stack *S, uint32_t n, Error *err)
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

/* Room for n more values on the running stack. */
static bool reserve(Machine *M, uint32_t n, Error *err)
{
  return stack_reserve(M->store, M->stack, n, err);
}

static bool grow_frames(Store *s, Stack *S, Error *err)
{
  uint32_t cap = S->cframes * 2;
  Frame *frames = stack_grow(s, S->frames, S->cframes * sizeof *frames, cap * sizeof *frames, err);
  if (!frames)
    return false;
  S->frames = frames;
  S->cframes = cap;
  return true;
}

static inline bool push_frame(Machine *M, const Frame *f, Error *err)
{
  Stack *S = M->stack;
  if (S->nframes == S->cframes && !grow_frames(M->store, S, err))
    return false;
  S->frames[S->nframes++] = *f;
  return true;
}

/* The innermost call frame of the running stack: the current frame F. */
static Frame *current(Machine *M)
{
  Stack *S = M->stack;
  return S->call == FRAME_NONE ? NULL : &S->frames[S->call];
}

/* ================================================================ Traps */

/* A backtrace shows the innermost and the outermost call frames, and
 * counts the ones between: a deep recursion makes a few lines, not
 * megabytes. */
enum { BACKTRACE_INNER = 64, BACKTRACE_OUTER = 16 };

/* The line of one call frame, with the position of the instruction it was
 * executing. */
static void backtrace_frame(Buf *b, const Frame *f, const Instr *pc)
{
  const ModuleInst *mi = f->call.module;
  buf_puts(b, "  at ");
  if (f->call.func)
    funcinst_print_name(b, f->call.func);
  else
    buf_puts(b, "constant expression");
  if (mi && mi->module && pc) {
    char where[ERROR_MESSAGE_MAX];
    loc_format(where, sizeof where, module_loc(mi->module, pc->at));
    buf_printf(b, " (%s)", where);
  }
  buf_putc(b, '\n');
}

/* One line per active call frame, innermost first, but those between the
 * innermost BACKTRACE_INNER and the outermost BACKTRACE_OUTER, which one
 * line counts. */
static void backtrace(Machine *M, Buf *b)
{
  uint64_t total = 0, k = 0;
  for (Stack *S = M->stack; S; S = S->parent)
    total += S->calls;
  uint64_t omit = total > BACKTRACE_INNER + BACKTRACE_OUTER ? total - BACKTRACE_INNER - BACKTRACE_OUTER : 0;
  const Instr *pc = M->pc;
  for (Stack *S = M->stack; S; S = S->parent) {
    for (uint32_t i = S->nframes; i-- > 0;) {
      const Frame *f = &S->frames[i];
      if (f->kind != FRAME_CALL)
        continue;
      if (k < BACKTRACE_INNER || k >= BACKTRACE_INNER + omit)
        backtrace_frame(b, f, pc);
      else if (k == BACKTRACE_INNER)
        buf_printf(b, "  ... %" PRIu64 " frames omitted\n", omit);
      k++;
      pc = f->cont ? f->cont - 1 : NULL;
    }
    pc = S->parent ? S->parent->pc - 1 : NULL;   /* the resume (or switch) that runs S */
  }
}

/* A failure of the whole invocation at the current instruction, with a
 * backtrace: a trap, or a suspension nothing handles. */
static bool abort_at(Machine *M, Phase phase, const char *msg, Error *err)
{
  const Frame *f = current(M);
  Loc loc = {0};
  if (f && f->call.module && f->call.module->module && M->pc)
    loc = module_loc(f->call.module->module, M->pc->at);
  if (phase == PHASE_TRAP && err->phase == PHASE_NONE) {   /* a harness may word it its own way */
    M->store->trap_instr = f && f->call.module ? M->pc : NULL;
    M->store->trap_module = f ? f->call.module : NULL;
  }
  if (M->backtrace)
    backtrace(M, M->backtrace);
  return error_at(err, phase, loc, "%s", msg);
}

static bool trap(Machine *M, const char *msg, Error *err)
{
  return abort_at(M, PHASE_TRAP, msg, err);
}

/* A trap whose message is made of a prefix and two types, as the official
 * interpreter words it: "<what>, expected <want> but got <got>". */
static bool trap_types(Machine *M, const char *what, const Buf *want, const Buf *got, Error *err)
{
  char msg[ERROR_MESSAGE_MAX];
  snprintf(msg, sizeof msg, "%s, expected %.*s but got %.*s", what, (int)want->len,
           want->data ? want->data : "", (int)got->len, got->data ? got->data : "");
  return trap(M, msg, err);
}

/* ref.cast's trap: the type it casts to (as written: a type index is a
 * number) and the reference's own type. */
static bool cast_failure(Machine *M, ValType rt, ValType closed, Ref r, Error *err)
{
  Buf want, got;
  buf_init(&want);
  buf_init(&got);
  reftype_print(&want, M->store->types, rt);
  ref_type_print(&got, M->store->types, r, closed);
  trap_types(M, TRAP_CAST, &want, &got, err);
  buf_free(&want);
  buf_free(&got);
  return false;
}

/* call_indirect's trap when the function's type does not match. */
static bool indirect_mismatch(Machine *M, const DefType *want, const DefType *got, Error *err)
{
  Buf w, g;
  buf_init(&w);
  buf_init(&g);
  deftype_print(&w, M->store->types, want);
  deftype_print(&g, M->store->types, got);
  trap_types(M, TRAP_INDIRECT, &w, &g, err);
  buf_free(&w);
  buf_free(&g);
  return false;
}

/* ================================================================ Fuel */

/* Fuel bounds the work of an invocation.  Each reduction costs a unit; a
 * bulk instruction also costs a unit per element it makes or touches
 * (array and struct allocation, array and table fill, copy, init and grow,
 * the elements of a segment) and one per whole 64 bytes of memory
 * (memory.fill, copy and init, and the zeroed pages of memory.grow), charged
 * once its work is done; a suspend or switch costs one per prompt its
 * handler search crosses, and a resume one per stack it attaches.
 *
 * The reduction loop counts the units of a slice down in a register;
 * settling charges them to the machine, reads the clock of --timeout every
 * CLOCK_EVERY units, and starts the next slice. */
enum { CLOCK_EVERY = 1 << 20 };   /* a few milliseconds of reductions */

/* The units for n bytes of memory. */
static inline uint64_t bytes_fuel(uint64_t n)
{
  return n >> 6;
}

static inline uint64_t min_u64(uint64_t a, uint64_t b)
{
  return a < b ? a : b;
}

/* Charges the `used` units of the slice, and n more for an instruction's
 * work; false with err set if the fuel does not cover them or the deadline
 * has passed.  Sets M->slice to the next slice's units. */
static bool settle(Machine *M, uint64_t used, uint64_t n, Error *err)
{
  const Store *s = M->store;
  M->fuel -= used;
  M->steps -= used;
  if (n > M->fuel)
    return abort_at(M, PHASE_LIMIT, LIMIT_OUT_OF_FUEL, err);
  M->fuel -= n;
  M->steps = n < M->steps ? M->steps - n : 0;
  if (M->until_clock > used + n) {
    M->until_clock -= used + n;
  } else {
    if (s->deadline && store_clock() >= s->deadline) {
      char msg[ERROR_MESSAGE_MAX];
      snprintf(msg, sizeof msg, "the run took more than its time limit of %" PRIu64 " s",
               s->limits.timeout);
      return abort_at(M, PHASE_TIMEOUT, msg, err);
    }
    M->until_clock = s->deadline ? CLOCK_EVERY : UINT64_MAX;
  }
  M->slice = min_u64(M->steps, min_u64(M->fuel, M->until_clock));
  return true;
}

/* ================================================================ Types */

static const FuncType *functype(const ModuleInst *inst, uint32_t x)
{
  return &inst->types[x]->comp.func;
}

/* blocktype: the number of values a block takes and gives */
static void block_arity(const ModuleInst *inst, BlockType bt, uint32_t *params, uint32_t *results)
{
  switch (bt.kind) {
  case BLOCK_EMPTY: *params = 0; *results = 0; break;
  case BLOCK_VALTYPE: *params = 0; *results = 1; break;
  default: {
    const FuncType *ft = functype(inst, bt.idx);
    *params = ft->params.len;
    *results = ft->results.len;
  }
  }
}

/* Ref_ok with subtyping: the dynamic type of a reference matches rt */
bool ref_matches(const Store *s, Ref r, ValType rt)
{
  if (!r)
    return rt.null;
  ValType t = valtype_ref(false, HEAP_I31, 0);
  if (!ref_is_i31(r)) {
    switch (r->kind) {
    case OBJ_HOST: t.heap = HEAP_ANY; break;
    case OBJ_EXTERN: t.heap = HEAP_EXTERN; break;
    case OBJ_EXN: t.heap = HEAP_EXN; break;
    default:   /* a suspend's continuation has no type of its own: just cont */
      if (r->kind == OBJ_CONT && !r->type)
        t.heap = HEAP_CONT;
      else {
        t.heap = HEAP_DEF;
        t.idx = r->type->id;
      }
      break;
    }
  }
  return heaptype_sub(s->types, t, rt);
}

/* ================================================================ Calls */

/* The running stack's bottom frame has returned, its values at the
 * stack's base.  The root's end the invocation; a continuation's go to the
 * stack that resumed it, which continues after its resume (Explainer:
 * prompt{hdl*} val* end → val*). */
static bool stack_done(Machine *M, Error *err)
{
  Stack *S = M->stack, *P = S->parent;
  if (!P) {
    M->done = true;
    return true;
  }
  M->stack = P;
  M->pc = P->pc;
  bool ok = reserve(M, S->nvals, err);
  if (ok) {
    memcpy(P->vals + P->nvals, S->vals, S->nvals * sizeof(Value));
    P->nvals += S->nvals;
  }
  stack_free(M->store, S);
  return ok;
}

static bool throw_exn(Machine *M, ExnInst *exn, Error *err);

/* A host function failed: an exception it threw is thrown at its call, as
 * by `throw` (its arguments consumed); anything else ends the invocation,
 * a trap with the host's message, a nested machine's failure with its own
 * phase. */
static bool host_failed(Machine *M, uint32_t nargs, const Instr *ret, Error *err)
{
  ExnInst *exn = M->store->exn;
  if (err->phase != PHASE_EXCEPTION || !exn)
    return trap(M, err->message, err);
  M->store->exn = NULL;
  error_clear(err);
  M->stack->nvals -= nargs;
  M->pc = ret;
  return throw_exn(M, exn, err);
}

/* Invocation of a function instance, its arguments on top of the stack
 * (spec: Step_read/call_ref with the function's frame, 4.3 "Function
 * calls").  `ret` is where the caller continues. */
static bool invoke(Machine *M, FuncInst *f, const Instr *ret, Error *err)
{
  Stack *S = M->stack;
  const FuncType *ft = f->type;
  uint32_t n = ft->params.len, m = ft->results.len;
  if (f->host) {
    if (!reserve(M, m, err))
      return false;
    Value *args = S->vals + S->nvals - n, *results = S->vals + S->nvals;
    if (!f->host(M->store, f, args, results, err))
      return host_failed(M, n, ret, err);
    memmove(args, results, m * sizeof *results);
    S->nvals = S->nvals - n + m;
    M->pc = ret;
    return S->call != FRAME_NONE || stack_done(M, err);   /* a tail call from the bottom frame */
  }
  if (M->calls >= M->store->limits.call_depth)
    return error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_CALL_STACK);
  if (!reserve(M, f->nlocals, err))
    return false;
  if (S->nframes == S->cframes && !grow_frames(M->store, S, err))
    return false;
  /* frame_n{F}, written in place */
  Frame *frame = &S->frames[S->nframes];
  frame->kind = FRAME_CALL;
  frame->arity = m;
  frame->height = S->nvals - n;
  frame->cont = ret;
  frame->call.func = f;
  frame->call.module = f->module;
  frame->call.code = f->code->body.data;
  frame->call.caller = S->call;
  S->call = S->nframes++;
  S->calls++;
  M->calls++;
  for (uint32_t i = 0; i < f->nlocals; i++)
    value_set_default(&S->vals[S->nvals++], f->local_kinds[i]);
  M->pc = frame->call.code;
  return true;
}

/* Leaves the current call frame, the top n values taking its place;
 * returns the frame left (a copy: its slot is free again). */
static Frame pop_call(Machine *M, uint32_t n)
{
  Stack *S = M->stack;
  Frame f = S->frames[S->call];
  memmove(S->vals + f.height, S->vals + S->nvals - n, n * sizeof(Value));
  S->nvals = f.height + n;
  S->nframes = S->call;
  S->call = f.call.caller;
  S->calls--;
  M->calls--;
  return f;
}

/* return: frame_n{F} val^n return → val^n; the stack is done when its
 * bottom frame returns. */
static bool do_return(Machine *M, Error *err)
{
  Stack *S = M->stack;
  M->pc = pop_call(M, S->frames[S->call].arity).cont;
  return S->call != FRAME_NONE || stack_done(M, err);
}

/* return_call*: the callee replaces the current frame (spec: Step_read/
 * return_call_ref), so tail recursion runs in constant space. */
static bool tail_invoke(Machine *M, FuncInst *f, Error *err)
{
  return invoke(M, f, pop_call(M, f->type->params.len).cont, err);
}

/* br l to a label (not the function's own frame), with the operand stack
 * ending at sp: the label's arity values stay, everything above the label
 * goes (spec: Step_pure/br-label-*).  Returns the new operand top and sets
 * *pc to where execution continues. */
static inline Value *branch_label(Stack *S, uint32_t l, Value *sp, const Instr **pc)
{
  uint32_t i = S->nframes - 1 - l;
  const Frame *f = &S->frames[i];
  uint32_t n = f->arity;
  Value *base = S->vals + f->height;
  if (n)
    memmove(base, sp - n, n * sizeof(Value));
  S->nframes = f->loop ? i + 1 : i;
  *pc = f->cont;
  return base + n;
}

/* Whether br l leaves the function: its target is the call frame. */
static inline bool branch_returns(const Stack *S, uint32_t l)
{
  return S->frames[S->nframes - 1 - l].kind == FRAME_CALL;
}

/* br l on the synchronised configuration; to the call frame, a return. */
static bool branch(Machine *M, uint32_t l, Error *err)
{
  Stack *S = M->stack;
  if (branch_returns(S, l))
    return do_return(M, err);
  S->nvals = (uint32_t)(branch_label(S, l, S->vals + S->nvals, &M->pc) - S->vals);
  return true;
}

/* ================================================================ Exceptions */

/* The first catch clause of a handler that catches an exception. */
static const Catch *catch_for(const ModuleInst *inst, const Catches *cs, const ExnInst *exn)
{
  for (uint32_t k = 0; k < cs->len; k++) {
    const Catch *c = &cs->catch_[k];
    if (c->kind == CATCH_ALL || c->kind == CATCH_ALL_REF || inst->tags[c->tag] == exn->tag)
      return c;
  }
  return NULL;
}

/* A catch clause takes the exception: its values (catch, catch_ref), the
 * exnref (catch_ref, catch_all_ref), then br to its label. */
static bool catch_exn(Machine *M, const Catch *c, ExnInst *exn, Error *err)
{
  Stack *S = M->stack;
  uint32_t n = (c->kind == CATCH || c->kind == CATCH_REF) ? exn->len : 0;
  if (!reserve(M, n + 1, err))
    return false;
  memcpy(S->vals + S->nvals, exn->fields, n * sizeof(Value));
  S->nvals += n;
  if (c->kind == CATCH_REF || c->kind == CATCH_ALL_REF)
    S->vals[S->nvals++] = value_ref(&exn->obj);
  return branch(M, c->label, err);
}

/* throw_ref: unwinds to the innermost handler with a matching catch clause
 * (spec: Step_read/throw_ref-handler-*), which branches to its label with
 * the exception's values.  A prompt does not catch: the exception leaves
 * the continuation, which is abandoned, and goes on in the stack that
 * resumed it.  False, with err set, if nothing catches it. */
static bool throw_exn(Machine *M, ExnInst *exn, Error *err)
{
  for (Stack *S = M->stack;; S = M->stack) {
    while (S->nframes > 0) {
      Frame *f = &S->frames[S->nframes - 1];
      if (f->kind == FRAME_CALL) {
        S->call = f->call.caller;
        S->calls--;
        M->calls--;
      } else if (f->kind == FRAME_HANDLER) {
        const Catch *c = catch_for(S->frames[S->call].call.module, f->catches, exn);
        if (c) {
          S->nframes--;
          S->nvals = f->height;
          return catch_exn(M, c, exn, err);
        }
      }
      S->nframes--;
    }
    S->nvals = 0;
    if (!S->parent) {
      M->store->exn = exn;   /* for whoever invoked the machine: a host function may rethrow it */
      return error_at(err, PHASE_EXCEPTION, (Loc){0}, EXCEPTION_UNHANDLED);
    }
    M->stack = S->parent;
    stack_free(M->store, S);
  }
}

/* ================================================================ Continuations */

/* The function type of a continuation type cont ft. */
static const FuncType *cont_functype(const Store *s, const DefType *ct)
{
  return &typestore_get(s->types, ct->comp.cont)->comp.func;
}

/* The continuation on top of the running stack; a trap if it is null or
 * consumed (Explainer, "Reduction": ref.null → trap, epsilon → trap). */
static ContInst *cont_operand(Machine *M, Error *err)
{
  Stack *S = M->stack;
  ContInst *c = (ContInst *)S->vals[S->nvals - 1].ref;
  if (!c)
    trap(M, TRAP_NULL_CONT, err);
  else if (!c->top)
    trap(M, TRAP_CONSUMED, err);
  return c && c->top ? c : NULL;
}

/* A new continuation object; when the heap is full, once more after a
 * collection (the configuration is synchronised and unchanged yet). */
static ContInst *cont_alloc(Machine *M, const DefType *type, Error *err)
{
  ContInst *c = store_alloc_object(M->store, OBJ_CONT, type, sizeof *c);
  if (!c) {
    gc_collect(M->store);
    c = store_alloc_object(M->store, OBJ_CONT, type, sizeof *c);
  }
  if (!c)
    heap_full(M->store, err);
  return c;
}

/* After an instruction that allocated or switched stacks: the collector
 * may run now that the configuration is whole again. */
static bool collect_if_due(Machine *M)
{
  if (gc_due(M->store))
    gc_collect(M->store);
  return true;
}

/* The stack whose prompt has the innermost handler of the given kind for a
 * tag, and that handler; NULL if none (Explainer: the context H^ea, which
 * only crosses prompts without one). */
static Stack *prompt_for(Machine *M, const TagInst *tag, HandlerKind kind, const Handler **h)
{
  for (Stack *S = M->stack; S->parent; S = S->parent) {
    M->debt++;   /* a unit of fuel per prompt crossed */
    for (uint32_t k = 0; k < S->handlers->len; k++) {
      const Handler *hd = &S->handlers->handler[k];
      if (hd->kind == kind && S->handler_module->tags[hd->tag] == tag) {
        *h = hd;
        return S;
      }
    }
  }
  return NULL;
}

/* Call frames on the stacks from `top` up to, not including, `end`. */
static uint32_t chain_calls(const Stack *top, const Stack *end)
{
  uint32_t n = 0;
  for (const Stack *st = top; st != end; st = st->parent)
    n += st->calls;
  return n;
}

/* Makes the active stacks from the running one through `bottom` into the
 * continuation c, which continues at `pc`: the context H^ea that suspend
 * and switch capture.  Nothing is copied. */
static void cont_capture(Machine *M, ContInst *c, Stack *bottom, const Instr *pc)
{
  c->top = M->stack;
  c->top->pc = pc;
  M->calls -= chain_calls(c->top, bottom->parent);
  bottom->parent = NULL;
}

/* Consumes c and makes its stacks the running chain, on top of stack P
 * under the prompt hdl* (whose tags are those of module hm).  Its bottom
 * stack is the one without a parent. */
static void cont_attach(Machine *M, ContInst *c, Stack *P, const Handlers *hdl, ModuleInst *hm)
{
  Stack *top = c->top, *bottom = top;
  for (; bottom->parent; M->debt++)   /* a unit per stack attached */
    bottom = bottom->parent;
  c->top = NULL;
  bottom->parent = P;
  bottom->handlers = hdl;
  bottom->handler_module = hm;
  M->calls += chain_calls(top, P);
  M->stack = top;
}

/* Pushes n values onto the running stack. */
static bool push_values(Machine *M, const Value *v, uint32_t n, Error *err)
{
  Stack *S = M->stack;
  if (!reserve(M, n, err))
    return false;
  memcpy(S->vals + S->nvals, v, n * sizeof *v);
  S->nvals += n;
  return true;
}

/* Runs the stack just attached from where it stopped, or, if cont.new
 * made it, by invoking its function: E = _ (invoke fa). */
static bool cont_start(Machine *M, Error *err)
{
  Stack *T = M->stack;
  FuncInst *f = T->fresh;
  if (!f) {
    M->pc = T->pc;
    return true;
  }
  T->fresh = NULL;
  return invoke(M, f, NULL, err);
}

/* cont.new ct: (ref.func fa) → (ref.cont a), S.conts[a] = _ (invoke fa) */
static bool cont_new(Machine *M, const DefType *ct, Error *err)
{
  Stack *S = M->stack;
  FuncInst *f = (FuncInst *)S->vals[S->nvals - 1].ref;
  if (!f)
    return trap(M, TRAP_NULL_FUNC, err);
  ContInst *c = cont_alloc(M, ct, err);
  if (!c)
    return false;
  Stack *st = stack_new(M->store, 8, 2);   /* small: a million of them may wait at once */
  if (!st)
    return heap_full(M->store, err);
  st->fresh = f;
  c->top = st;
  value_set_ref(&S->vals[S->nvals - 1], &c->obj);
  M->pc++;
  return collect_if_due(M);
}

/* cont.bind ct ct': v^n (ref.cont ca) → (ref.cont a), S.conts[a] = E[v^n _]
 * and ca consumed: the values go onto the continuation's top stack. */
static bool cont_bind(Machine *M, const DefType *ct, const DefType *ct2, Error *err)
{
  Store *s = M->store;
  ContInst *c = cont_operand(M, err);
  if (!c)
    return false;
  uint32_t n = cont_functype(s, ct)->params.len - cont_functype(s, ct2)->params.len;
  ContInst *d = cont_alloc(M, ct2, err);
  if (!d || !stack_reserve(s, c->top, n, err))
    return false;
  Stack *S = M->stack, *top = c->top;
  S->nvals -= n + 1;
  memcpy(top->vals + top->nvals, S->vals + S->nvals, n * sizeof(Value));
  top->nvals += n;
  d->top = top;
  c->top = NULL;
  value_set_ref(&S->vals[S->nvals++], &d->obj);
  M->pc++;
  return collect_if_due(M);
}

/* resume ct hdl*: v^n (ref.cont ca) → prompt{hdl'*} E[v^n] end */
static bool resume(Machine *M, const Instr *in, ModuleInst *inst, Error *err)
{
  ContInst *c = cont_operand(M, err);
  if (!c)
    return false;
  Stack *S = M->stack;
  uint32_t n = cont_functype(M->store, inst->types[in->imm.resume.type])->params.len;
  S->nvals -= n + 1;
  S->pc = in + 1;
  cont_attach(M, c, S, in->imm.resume.handlers, inst);
  return push_values(M, S->vals + S->nvals, n, err) && cont_start(M, err) && collect_if_due(M);
}

/* resume_throw_ref ct hdl*: (ref.exn ea) (ref.cont ca)
 *   → prompt{hdl'*} E[(ref.exn ea) throw_ref] end */
static bool resume_throw_ref(Machine *M, const Instr *in, ModuleInst *inst, Error *err)
{
  ContInst *c = cont_operand(M, err);
  if (!c)
    return false;
  Stack *S = M->stack;
  ExnInst *exn = (ExnInst *)S->vals[S->nvals - 2].ref;
  if (!exn)
    return trap(M, TRAP_NULL_EXN, err);
  S->nvals -= 2;
  S->pc = in + 1;
  cont_attach(M, c, S, in->imm.resume.handlers, inst);
  /* a fresh continuation has no frames: the exception leaves it at once */
  return throw_exn(M, exn, err) && collect_if_due(M);
}

/* suspend ea: prompt{hdl1* (on ea l) hdl2*} H^ea[v^n (suspend ea)] end
 *   → v^n (ref.cont a) (br l), S.conts[a] = H^ea */
static bool suspend(Machine *M, TagInst *tag, Error *err)
{
  const Handler *h;
  Stack *bottom = prompt_for(M, tag, ON_LABEL, &h);
  if (!bottom)
    return abort_at(M, PHASE_SUSPENSION, SUSPENSION_UNHANDLED, err);
  ContInst *c = cont_alloc(M, NULL, err);
  if (!c)
    return false;
  Stack *S = M->stack, *R = bottom->parent;
  uint32_t n = tag->type->comp.func.params.len;
  S->nvals -= n;
  cont_capture(M, c, bottom, M->pc + 1);
  M->stack = R;
  M->pc = R->pc;
  Value k = value_ref(&c->obj);
  return push_values(M, S->vals + S->nvals, n, err) && push_values(M, &k, 1, err)
         && branch(M, h->label, err) && collect_if_due(M);
}

/* switch ct ea: prompt{hdl1* (on ea switch) hdl2*} H^ea[v^n (ref.cont ca) (switch ct ea)] end
 *   → prompt{hdl1* (on ea switch) hdl2*} E[v^n (ref.cont a)] end, S.conts[a] = H^ea */
static bool do_switch(Machine *M, const DefType *ct, TagInst *tag, Error *err)
{
  ContInst *c = cont_operand(M, err);
  if (!c)
    return false;
  const Handler *h;
  Stack *bottom = prompt_for(M, tag, ON_SWITCH, &h);
  if (!bottom)
    return abort_at(M, PHASE_SUSPENSION, SUSPENSION_UNHANDLED, err);
  const FuncType *ft = cont_functype(M->store, ct);
  uint32_t n = ft->params.len - 1;   /* the last parameter takes the switching continuation */
  ContInst *k = cont_alloc(M, typestore_get(M->store->types, ft->params.data[n].idx), err);
  if (!k)
    return false;
  Stack *S = M->stack, *P = bottom->parent;
  const Handlers *hdl = bottom->handlers;
  ModuleInst *hm = bottom->handler_module;
  S->nvals -= n + 1;
  cont_capture(M, k, bottom, M->pc + 1);
  cont_attach(M, c, P, hdl, hm);
  Value kv = value_ref(&k->obj);
  return push_values(M, S->vals + S->nvals, n, err) && push_values(M, &kv, 1, err)
         && cont_start(M, err) && collect_if_due(M);
}

/* ================================================================ Memory */

/* The effective address of an access of n bytes, or NULL if it is out of
 * bounds (spec: Step_read/load-oob). */
static inline uint8_t *mem_at(const MemInst *m, uint64_t addr, uint64_t offset, uint64_t n)
{
  uint64_t ea = addr + offset;
  if (ea < addr || ea > m->size || n > m->size - ea)
    return NULL;
  return m->bytes + ea;
}

/* An operand of an address type. */
static inline uint64_t addr_of(AddrType at, Value v)
{
  return at == ADDR_I64 ? v.i64 : v.i32;
}

static inline ValKind addr_kind(AddrType at)
{
  return at == ADDR_I64 ? VAL_I64 : VAL_I32;
}

/* An address-typed result: an i32 result keeps the low 32 bits. */
static inline void set_addr(Value *v, AddrType at, uint64_t x)
{
  value_set(v, addr_kind(at), at == ADDR_I64 ? x : (uint32_t)x);
}

/* Whether [i, i+n) fits in a length; the spec's bounds checks. */
static inline bool in_bounds(uint64_t i, uint64_t n, uint64_t len)
{
  return i <= len && n <= len - i;
}

/* t.load memarg and t.loadN_sx: pops the address, pushes the value */
static bool load(Op op, const MemInst *m, const MemArg *ma, Value *top)
{
  uint8_t n = instr_info[op].n;
  uint8_t *p = mem_at(m, addr_of(m->type.addr, *top), ma->offset, n);
  if (!p)
    return false;
  uint64_t x = 0;
  memcpy(&x, p, n);   /* little-endian hosts only: the configure check says so */
  switch (op) {
  case OP_I32_LOAD: value_set(top, VAL_I32, (uint32_t)x); break;
  case OP_I64_LOAD: value_set(top, VAL_I64, x); break;
  case OP_F32_LOAD: value_set(top, VAL_F32, (uint32_t)x); break;
  case OP_F64_LOAD: value_set(top, VAL_F64, x); break;
  case OP_I32_LOAD8_S: value_set(top, VAL_I32, (uint32_t)(int32_t)(int8_t)x); break;
  case OP_I32_LOAD8_U: value_set(top, VAL_I32, (uint32_t)x); break;
  case OP_I32_LOAD16_S: value_set(top, VAL_I32, (uint32_t)(int32_t)(int16_t)x); break;
  case OP_I32_LOAD16_U: value_set(top, VAL_I32, (uint32_t)x); break;
  case OP_I64_LOAD8_S: value_set(top, VAL_I64, (uint64_t)(int64_t)(int8_t)x); break;
  case OP_I64_LOAD16_S: value_set(top, VAL_I64, (uint64_t)(int64_t)(int16_t)x); break;
  case OP_I64_LOAD32_S: value_set(top, VAL_I64, (uint64_t)(int64_t)(int32_t)x); break;
  default: value_set(top, VAL_I64, x); break;   /* i64.loadN_u */
  }
  return true;
}

/* t.store memarg and t.storeN: the low N bytes of the value */
static bool store(Op op, MemInst *m, const MemArg *ma, const Value *addr, const Value *v)
{
  uint8_t n = instr_info[op].n;
  uint8_t *p = mem_at(m, addr_of(m->type.addr, *addr), ma->offset, n);
  if (!p)
    return false;
  uint64_t x = n == 8 ? v->i64 : v->i32;
  memcpy(p, &x, n);
  return true;
}

/* memory.fill: a byte at a time in the spec; at once here, after the check */
static bool memory_fill(MemInst *m, const Value *sp)
{
  uint64_t d = addr_of(m->type.addr, sp[-3]), n = addr_of(m->type.addr, sp[-1]);
  if (!in_bounds(d, n, m->size))
    return false;
  memset(m->bytes + d, (uint8_t)sp[-2].i32, n);
  return true;
}

/* The operands d s n of memory.copy and table.copy, at the top of the
 * stack: n has the smaller of the two address types. */
static void copy_operands(AddrType dt, AddrType st, const Value *sp, uint64_t *d, uint64_t *s, uint64_t *n)
{
  *d = addr_of(dt, sp[-3]);
  *s = addr_of(st, sp[-2]);
  *n = addr_of(dt == ADDR_I64 && st == ADDR_I64 ? ADDR_I64 : ADDR_I32, sp[-1]);
}

/* The n of memory.copy's or table.copy's operands, for its fuel. */
static inline uint64_t copy_count(AddrType dt, AddrType st, const Value *sp)
{
  uint64_t d, s, n;
  copy_operands(dt, st, sp, &d, &s, &n);
  return n;
}

/* memory.copy */
static bool memory_copy(MemInst *dm, MemInst *sm, const Value *sp)
{
  uint64_t d, s, n;
  copy_operands(dm->type.addr, sm->type.addr, sp, &d, &s, &n);
  if (!in_bounds(d, n, dm->size) || !in_bounds(s, n, sm->size))
    return false;
  memmove(dm->bytes + d, sm->bytes + s, n);
  return true;
}

/* memory.init */
static bool memory_init(MemInst *m, const DataInst *data, uint64_t d, uint32_t s, uint32_t n)
{
  if (!in_bounds(d, n, m->size) || !in_bounds(s, n, data->len))
    return false;
  if (n)   /* an empty segment has no bytes at all */
    memcpy(m->bytes + d, data->bytes + s, n);
  return true;
}

/* ================================================================ Tables */

/* table.fill */
static bool table_fill(TableInst *t, uint64_t i, Ref r, uint64_t n)
{
  if (!in_bounds(i, n, t->type.limits.min))
    return false;
  for (uint64_t k = 0; k < n; k++)
    t->refs[i + k] = r;
  return true;
}

/* table.copy */
static bool table_copy(TableInst *dt, TableInst *st, const Value *sp)
{
  uint64_t d, s, n;
  copy_operands(dt->type.addr, st->type.addr, sp, &d, &s, &n);
  if (!in_bounds(d, n, dt->type.limits.min) || !in_bounds(s, n, st->type.limits.min))
    return false;
  memmove(dt->refs + d, st->refs + s, n * sizeof(Ref));
  return true;
}

/* table.init */
static bool table_init(TableInst *t, const ElemInst *e, uint64_t d, uint32_t s, uint32_t n)
{
  if (!in_bounds(d, n, t->type.limits.min) || !in_bounds(s, n, e->len))
    return false;
  memcpy(t->refs + d, e->refs + s, (size_t)n * sizeof(Ref));
  return true;
}

/* ================================================================ Aggregates */

/* The value of an element or a data segment's bytes at an array's element
 * type (spec: array.new_data: $inverse_of_bytes). */
static Value data_value(ValType elem, const uint8_t *p)
{
  Value v = value_default(elem);
  switch (elem.kind) {
  case PACK_I8: v.i32 = p[0]; break;
  case PACK_I16: { uint16_t x; memcpy(&x, p, 2); v.i32 = x; break; }
  case VAL_I32: case VAL_F32: memcpy(&v.i32, p, 4); break;
  case VAL_I64: case VAL_F64: memcpy(&v.i64, p, 8); break;
  default: memcpy(&v.v128, p, 16); break;
  }
  return v;
}

/* array.init_data: d, s, n on the stack (the array below them is checked) */
static const char *array_init_data(ArrayInst *a, const DataInst *data, uint32_t d, uint32_t s, uint32_t n)
{
  uint64_t bytes = (uint64_t)n * a->elem_size;
  if (!in_bounds(d, n, a->len))
    return TRAP_ARRAY;
  if (!in_bounds(s, bytes, data->len))
    return TRAP_MEMORY;
  for (uint32_t k = 0; k < n; k++)
    array_set(a, d + k, data_value(a->elem, data->bytes + s + (uint64_t)k * a->elem_size));
  return NULL;
}

/* array.init_elem */
static const char *array_init_elem(ArrayInst *a, const ElemInst *e, uint32_t d, uint32_t s, uint32_t n)
{
  if (!in_bounds(d, n, a->len))
    return TRAP_ARRAY;
  if (!in_bounds(s, n, e->len))
    return TRAP_TABLE;
  for (uint32_t k = 0; k < n; k++)
    array_set(a, d + k, value_ref(e->refs[s + k]));
  return NULL;
}

/* array.copy: overlapping copies behave as if through a temporary */
static const char *array_copy(ArrayInst *da, uint32_t d, ArrayInst *sa, uint32_t s, uint32_t n)
{
  if (!in_bounds(d, n, da->len) || !in_bounds(s, n, sa->len))
    return TRAP_ARRAY;
  memmove(da->data + (size_t)d * da->elem_size, sa->data + (size_t)s * sa->elem_size,
          (size_t)n * da->elem_size);
  return NULL;
}

/* array.fill */
static const char *array_fill(ArrayInst *a, uint32_t d, Value v, uint32_t n)
{
  if (!in_bounds(d, n, a->len))
    return TRAP_ARRAY;
  for (uint32_t k = 0; k < n; k++)
    array_set(a, d + k, v);
  return NULL;
}

/* ================================================================ The loop */

/* eval_run: up to `steps` reductions from M->pc on M->stack. */
EvalStatus eval_run(Machine *M, uint64_t steps, Error *err)
{
  if (M->done)
    return EVAL_DONE;
  Store *s = M->store;
  Stack *S;
  const Instr *pc, *code;
  Value *sp, *vend, *locals;
  ModuleInst *inst;
  const char *msg = NULL;
  char index_msg[64];
  uint64_t slice = 0, left = 0;   /* the units of this slice of fuel, and those left */
  M->steps = steps;

#define SYNC() (S->nvals = (uint32_t)(sp - S->vals), M->pc = pc)
#define RELOAD()                                         \
  do {                                                   \
    S = M->stack;                                        \
    Frame *f_ = &S->frames[S->call];                     \
    code = f_->call.code;                                \
    inst = f_->call.module;                              \
    locals = S->vals + f_->height;                       \
    sp = S->vals + S->nvals;                             \
    vend = S->vals + S->cvals;                           \
    pc = M->pc;                                          \
  } while (0)
  /* Calls a helper that works on the synchronised configuration and may
   * fail or finish the invocation. */
#define STEP(e)                                          \
  do {                                                   \
    SYNC();                                              \
    if (!(e))                                            \
      goto fail;                                         \
    if (M->done)                                         \
      goto done;                                         \
    RELOAD();                                            \
  } while (0)
  /* br l: within the function without leaving the registers */
#define BRANCH(l)                                        \
  do {                                                   \
    if (branch_returns(S, (l)))                          \
      STEP(do_return(M, err));                           \
    else                                                 \
      sp = branch_label(S, (l), sp, &pc);                \
  } while (0)
  /* A label frame: pushed in place unless the frame array must grow. */
#define PUSH_LABEL(f)                                    \
  do {                                                   \
    if (S->nframes < S->cframes)                         \
      S->frames[S->nframes++] = (f);                     \
    else                                                 \
      STEP(push_frame(M, &(f), err));                    \
  } while (0)
#define TRAP(m) do { msg = (m); goto trapped; } while (0)
  /* A load or store out of bounds; its address is kept for harnesses
   * that word the trap with it. */
#define TRAP_ACCESS(a_)                                                   \
  do {                                                                    \
    s->trap_operands[0] = addr_of(inst->mems[in->imm.memarg.mem]->type.addr, (a_)); \
    TRAP(TRAP_MEMORY);                                                    \
  } while (0)
  /* memory.init or table.init out of bounds, its operands kept (which of
   * its bounds failed is the same message in the spec, not elsewhere). */
#define TRAP_INIT(at, m)                                                  \
  do {                                                                    \
    s->trap_operands[0] = addr_of((at), sp[0]);                           \
    s->trap_operands[1] = sp[1].i32;                                      \
    s->trap_operands[2] = sp[2].i32;                                      \
    TRAP(m);                                                              \
  } while (0)
  /* A trap naming the index at fault, as the official interpreter does. */
#define TRAP_INDEX(m, i)                                                  \
  do {                                                                    \
    snprintf(index_msg, sizeof index_msg, "%s %llu", (m), (unsigned long long)(i)); \
    TRAP(index_msg);                                                      \
  } while (0)
  /* The next free slot, made room for: pushing writes it in place. */
#define SLOT(dst)                                        \
  do {                                                   \
    if (sp == vend) {                                    \
      SYNC();                                            \
      if (!reserve(M, 1, err))                           \
        goto fail;                                       \
      RELOAD();                                          \
    }                                                    \
    (dst) = sp++;                                        \
  } while (0)
#define PUSH(k, bits) do { Value *v_; SLOT(v_); value_set(v_, (k), (bits)); } while (0)
#define PUSH_REF(r) do { Value *v_; SLOT(v_); value_set_ref(v_, (r)); } while (0)
#define PUSH_COPY(src) do { Value *v_; SLOT(v_); value_copy(v_, (src)); } while (0)
  /* After an allocation: the collector may run between steps.  (These two
   * are blocks, not do-while statements, so that `continue` continues the
   * reduction loop.) */
#define COLLECT()                                        \
  if (gc_due(s)) {                                       \
    pc++;                                                \
    SYNC();                                              \
    gc_collect(s);                                       \
    RELOAD();                                            \
    continue;                                            \
  }
#define NEXT() { pc++; continue; }
  /* n units of fuel for the current instruction's work (see "Fuel"). */
#define CHARGE(n)                                        \
  do {                                                   \
    uint64_t n_ = (n);                                   \
    if (n_ <= left) {                                    \
      left -= n_;                                        \
    } else {                                             \
      SYNC();                                            \
      if (!settle(M, slice - left, n_, err))             \
        goto fail;                                       \
      left = slice = M->slice;                           \
    }                                                    \
  } while (0)
  /* The work a helper did, charged after it (see "Fuel"). */
#define CHARGE_DEBT()                                    \
  do {                                                   \
    if (M->debt) {                                       \
      uint64_t d_ = M->debt;                             \
      M->debt = 0;                                       \
      CHARGE(d_);                                        \
    }                                                    \
  } while (0)
  /* An allocation; when the heap is full, once more after a collection
   * (the instruction has not changed the configuration yet). */
#define ALLOC(var, e)                                    \
  do {                                                   \
    if (!((var) = (e))) {                                \
      SYNC();                                            \
      gc_collect(s);                                     \
      RELOAD();                                          \
      if (!((var) = (e))) {                              \
        heap_full(s, err);                               \
        goto fail;                                       \
      }                                                  \
    }                                                    \
  } while (0)

  RELOAD();
  for (;;) {
    if (left == 0) {   /* the slice is used up: settle it, pause or go on */
      SYNC();
      if (!settle(M, slice, 0, err))
        goto fail;
      if (M->steps == 0)
        return EVAL_PAUSED;
      if (M->slice == 0 && !settle(M, 0, 1, err))   /* out of fuel */
        goto fail;
      left = slice = M->slice;
    }
    left--;
    const Instr *in = pc;
    switch ((Op)in->op) {

    /* ---- Parametric instructions ---- */

    case OP_UNREACHABLE:
      TRAP(TRAP_UNREACHABLE);
    case OP_NOP:
      NEXT();
    case OP_DROP:
      sp--;
      NEXT();
    case OP_SELECT:
      sp -= 2;
      if (!sp[1].i32)
        value_copy(&sp[-1], &sp[0]);
      NEXT();

    /* ---- Control instructions ---- */

    case OP_BLOCK:
    case OP_LOOP:
    case OP_TRY_TABLE: {
      uint32_t params, results;
      block_arity(inst, in->imm.block.type, &params, &results);
      Frame f = {.kind = FRAME_LABEL, .height = (uint32_t)(sp - S->vals) - params};
      if (in->op == OP_LOOP) {
        f.loop = true;
        f.arity = params;
        f.cont = in + 1;
      } else {
        f.arity = results;
        f.cont = code + in->imm.block.end + 1;
      }
      if (in->op == OP_TRY_TABLE) {
        f.kind = FRAME_HANDLER;
        f.catches = in->imm.block.catches;
      }
      pc++;
      PUSH_LABEL(f);
      continue;
    }
    case OP_IF: {
      uint32_t params, results;
      bool c = (--sp)->i32 != 0;
      block_arity(inst, in->imm.block.type, &params, &results);
      Frame f = {.kind = FRAME_LABEL, .arity = results, .height = (uint32_t)(sp - S->vals) - params,
                 .cont = code + in->imm.block.end + 1};
      if (c) {
        pc++;
      } else {
        pc = code + in->imm.block.else_;
        if (pc->op == OP_ELSE)
          pc++;
      }
      PUSH_LABEL(f);
      continue;
    }
    case OP_ELSE:   /* the end of the then branch: leave the label */
      S->nframes--;
      pc = code + in->imm.end + 1;
      continue;
    case OP_END:
      if (S->frames[S->nframes - 1].kind != FRAME_CALL) {
        S->nframes--;
        NEXT();
      }
      STEP(do_return(M, err));
      continue;
    case OP_BR:
      BRANCH(in->imm.x);
      continue;
    case OP_BR_IF:
      if ((--sp)->i32)
        BRANCH(in->imm.x);
      else
        pc++;
      continue;
    case OP_BR_TABLE: {
      const Labels *ls = in->imm.br_table;
      uint32_t i = (--sp)->i32;
      BRANCH(ls->label[i < ls->len - 1 ? i : ls->len - 1]);
      continue;
    }
    case OP_BR_ON_NULL:
      if (sp[-1].ref) NEXT();
      sp--;
      BRANCH(in->imm.x);
      continue;
    case OP_BR_ON_NON_NULL:
      if (!sp[-1].ref) {
        sp--;
        NEXT();
      }
      BRANCH(in->imm.x);
      continue;
    case OP_BR_ON_CAST:
    case OP_BR_ON_CAST_FAIL: {
      ValType rt = valtype_close(in->imm.br_on_cast.rt2, inst->types);
      if (ref_matches(s, sp[-1].ref, rt) != (in->op == OP_BR_ON_CAST))
        NEXT();
      BRANCH(in->imm.br_on_cast.label);
      continue;
    }
    case OP_RETURN:
      STEP(do_return(M, err));
      continue;
    case OP_CALL:
      STEP(invoke(M, inst->funcs[in->imm.x], in + 1, err));
      CHARGE_DEBT();   /* a host function's callbacks */
      continue;
    case OP_RETURN_CALL:
      STEP(tail_invoke(M, inst->funcs[in->imm.x], err));
      CHARGE_DEBT();
      continue;
    case OP_CALL_REF:
    case OP_RETURN_CALL_REF: {
      Ref r = (--sp)->ref;
      if (!r)
        TRAP(TRAP_NULL_FUNC);
      if (in->op == OP_CALL_REF)
        STEP(invoke(M, (FuncInst *)r, in + 1, err));
      else
        STEP(tail_invoke(M, (FuncInst *)r, err));
      CHARGE_DEBT();
      continue;
    }
    case OP_CALL_INDIRECT:
    case OP_RETURN_CALL_INDIRECT: {
      TableInst *t = inst->tables[in->imm.xy.x];
      uint64_t i = addr_of(t->type.addr, *--sp);
      if (i >= t->type.limits.min)
        TRAP_INDEX(TRAP_UNDEFINED, i);
      Ref r = t->refs[i];
      if (!r)
        TRAP_INDEX(TRAP_UNINITIALIZED, i);
      if (!deftype_sub(r->type, inst->types[in->imm.xy.y])) {
        M->pc = pc;
        indirect_mismatch(M, inst->types[in->imm.xy.y], r->type, err);
        goto fail;
      }
      if (in->op == OP_CALL_INDIRECT)
        STEP(invoke(M, (FuncInst *)r, in + 1, err));
      else
        STEP(tail_invoke(M, (FuncInst *)r, err));
      CHARGE_DEBT();
      continue;
    }
    case OP_THROW: {
      TagInst *tag = inst->tags[in->imm.x];
      uint32_t n = tag->type->comp.func.params.len;
      ExnInst *exn;
      ALLOC(exn, store_alloc_exn(s, tag, n));
      sp -= n;
      memcpy(exn->fields, sp, n * sizeof(Value));
      STEP(throw_exn(M, exn, err));
      continue;
    }
    case OP_THROW_REF: {
      Ref r = (--sp)->ref;
      if (!r)
        TRAP(TRAP_NULL_EXN);
      STEP(throw_exn(M, (ExnInst *)r, err));
      continue;
    }

    /* ---- Stack switching (Explainer, "Instructions") ---- */

    case OP_CONT_NEW:
      STEP(cont_new(M, inst->types[in->imm.x], err));
      continue;
    case OP_CONT_BIND:
      STEP(cont_bind(M, inst->types[in->imm.xy.x], inst->types[in->imm.xy.y], err));
      continue;
    case OP_RESUME:
      STEP(resume(M, in, inst, err));
      CHARGE_DEBT();
      continue;
    case OP_RESUME_THROW: {
      /* v^m (ref.cont ca) → (ref.exn a) (ref.cont ca) resume_throw_ref */
      TagInst *tag = inst->tags[in->imm.resume.tag];
      uint32_t n = tag->type->comp.func.params.len;
      if (!sp[-1].ref)
        TRAP(TRAP_NULL_CONT);
      ExnInst *exn;
      ALLOC(exn, store_alloc_exn(s, tag, n));
      Value k = sp[-1];
      sp -= n + 1;
      memcpy(exn->fields, sp, n * sizeof(Value));
      PUSH_REF(&exn->obj);
      PUSH_COPY(&k);
      STEP(resume_throw_ref(M, in, inst, err));
      CHARGE_DEBT();
      continue;
    }
    case OP_RESUME_THROW_REF:
      STEP(resume_throw_ref(M, in, inst, err));
      CHARGE_DEBT();
      continue;
    case OP_SUSPEND:
      STEP(suspend(M, inst->tags[in->imm.x], err));
      CHARGE_DEBT();
      continue;
    case OP_SWITCH:
      STEP(do_switch(M, inst->types[in->imm.xy.x], inst->tags[in->imm.xy.y], err));
      CHARGE_DEBT();
      continue;

    /* ---- Variable instructions ---- */

    case OP_LOCAL_GET:
      PUSH_COPY(&locals[in->imm.x]);
      NEXT();
    case OP_LOCAL_SET:
      value_copy(&locals[in->imm.x], --sp);
      NEXT();
    case OP_LOCAL_TEE:
      value_copy(&locals[in->imm.x], &sp[-1]);
      NEXT();
    case OP_GLOBAL_GET:
      PUSH_COPY(&inst->globals[in->imm.x]->value);
      NEXT();
    case OP_GLOBAL_SET:
      value_copy(&inst->globals[in->imm.x]->value, --sp);
      NEXT();

    /* ---- Table instructions ---- */

    case OP_TABLE_GET: {
      TableInst *t = inst->tables[in->imm.x];
      uint64_t i = addr_of(t->type.addr, sp[-1]);
      if (i >= t->type.limits.min)
        TRAP(TRAP_TABLE);
      value_set_ref(&sp[-1], t->refs[i]);
      NEXT();
    }
    case OP_TABLE_SET: {
      TableInst *t = inst->tables[in->imm.x];
      sp -= 2;
      uint64_t i = addr_of(t->type.addr, sp[0]);
      if (i >= t->type.limits.min)
        TRAP(TRAP_TABLE);
      t->refs[i] = sp[1].ref;
      NEXT();
    }
    case OP_TABLE_SIZE: {
      TableInst *t = inst->tables[in->imm.x];
      PUSH(addr_kind(t->type.addr), t->type.limits.min);
      NEXT();
    }
    case OP_TABLE_GROW: {
      TableInst *t = inst->tables[in->imm.x];
      uint64_t old = t->type.limits.min;
      sp--;
      uint64_t n = addr_of(t->type.addr, sp[0]);
      bool ok = table_grow(s, t, n, sp[-1].ref);
      set_addr(&sp[-1], t->type.addr, ok ? old : UINT64_MAX);
      CHARGE(ok ? n : 0);
      NEXT();
    }
    case OP_TABLE_FILL: {
      TableInst *t = inst->tables[in->imm.x];
      sp -= 3;
      if (!table_fill(t, addr_of(t->type.addr, sp[0]), sp[1].ref, addr_of(t->type.addr, sp[2])))
        TRAP(TRAP_TABLE);
      CHARGE(addr_of(t->type.addr, sp[2]));
      NEXT();
    }
    case OP_TABLE_COPY:
      if (!table_copy(inst->tables[in->imm.xy.x], inst->tables[in->imm.xy.y], sp))
        TRAP(TRAP_TABLE);
      sp -= 3;
      CHARGE(copy_count(inst->tables[in->imm.xy.x]->type.addr, inst->tables[in->imm.xy.y]->type.addr, sp + 3));
      NEXT();
    case OP_TABLE_INIT: {
      TableInst *t = inst->tables[in->imm.xy.x];
      sp -= 3;
      if (!table_init(t, &inst->elems[in->imm.xy.y], addr_of(t->type.addr, sp[0]), sp[1].i32, sp[2].i32))
        TRAP_INIT(t->type.addr, TRAP_TABLE);
      CHARGE(sp[2].i32);
      NEXT();
    }
    case OP_ELEM_DROP:
      inst->elems[in->imm.x].len = 0;
      NEXT();

    /* ---- Memory instructions ---- */

    case OP_I32_LOAD: case OP_I64_LOAD: case OP_F32_LOAD: case OP_F64_LOAD:
    case OP_I32_LOAD8_S: case OP_I32_LOAD8_U: case OP_I32_LOAD16_S: case OP_I32_LOAD16_U:
    case OP_I64_LOAD8_S: case OP_I64_LOAD8_U: case OP_I64_LOAD16_S: case OP_I64_LOAD16_U:
    case OP_I64_LOAD32_S: case OP_I64_LOAD32_U:
      if (!load((Op)in->op, inst->mems[in->imm.memarg.mem], &in->imm.memarg, &sp[-1]))
        TRAP_ACCESS(sp[-1]);
      NEXT();
    case OP_I32_STORE: case OP_I64_STORE: case OP_F32_STORE: case OP_F64_STORE:
    case OP_I32_STORE8: case OP_I32_STORE16: case OP_I64_STORE8: case OP_I64_STORE16:
    case OP_I64_STORE32:
      sp -= 2;
      if (!store((Op)in->op, inst->mems[in->imm.memarg.mem], &in->imm.memarg, &sp[0], &sp[1]))
        TRAP_ACCESS(sp[0]);
      NEXT();
    case OP_V128_LOAD: case OP_V128_LOAD8X8_S: case OP_V128_LOAD8X8_U:
    case OP_V128_LOAD16X4_S: case OP_V128_LOAD16X4_U: case OP_V128_LOAD32X2_S:
    case OP_V128_LOAD32X2_U: case OP_V128_LOAD8_SPLAT: case OP_V128_LOAD16_SPLAT:
    case OP_V128_LOAD32_SPLAT: case OP_V128_LOAD64_SPLAT: case OP_V128_LOAD32_ZERO:
    case OP_V128_LOAD64_ZERO: {
      const MemInst *m = inst->mems[in->imm.memarg.mem];
      const uint8_t *p = mem_at(m, addr_of(m->type.addr, sp[-1]), in->imm.memarg.offset, instr_info[in->op].n);
      if (!p)
        TRAP_ACCESS(sp[-1]);
      simd_load((Op)in->op, in, p, &sp[-1]);
      NEXT();
    }
    case OP_V128_LOAD8_LANE: case OP_V128_LOAD16_LANE: case OP_V128_LOAD32_LANE:
    case OP_V128_LOAD64_LANE: {
      const MemInst *m = inst->mems[in->imm.memarg.mem];
      const uint8_t *p = mem_at(m, addr_of(m->type.addr, sp[-2]), in->imm.memarg.offset, instr_info[in->op].n);
      if (!p)
        TRAP_ACCESS(sp[-2]);
      sp--;
      value_copy(&sp[-1], &sp[0]);   /* the vector takes the address's place */
      simd_load((Op)in->op, in, p, &sp[-1]);
      NEXT();
    }
    case OP_V128_STORE: case OP_V128_STORE8_LANE: case OP_V128_STORE16_LANE:
    case OP_V128_STORE32_LANE: case OP_V128_STORE64_LANE: {
      MemInst *m = inst->mems[in->imm.memarg.mem];
      sp -= 2;
      uint8_t *p = mem_at(m, addr_of(m->type.addr, sp[0]), in->imm.memarg.offset, instr_info[in->op].n);
      if (!p)
        TRAP_ACCESS(sp[0]);
      simd_store((Op)in->op, in, &sp[1], p);
      NEXT();
    }
    case OP_MEMORY_SIZE: {
      MemInst *m = inst->mems[in->imm.x];
      PUSH(addr_kind(m->type.addr), m->type.limits.min);
      NEXT();
    }
    case OP_MEMORY_GROW: {
      MemInst *m = inst->mems[in->imm.x];
      uint64_t old = m->type.limits.min;
      uint64_t n = addr_of(m->type.addr, sp[-1]);
      bool ok = mem_grow(s, m, n);
      set_addr(&sp[-1], m->type.addr, ok ? old : UINT64_MAX);
      CHARGE(ok ? bytes_fuel(n << 16) : 0);   /* 64 KiB pages */
      NEXT();
    }
    case OP_MEMORY_FILL:
      if (!memory_fill(inst->mems[in->imm.x], sp))
        TRAP(TRAP_MEMORY);
      sp -= 3;
      CHARGE(bytes_fuel(addr_of(inst->mems[in->imm.x]->type.addr, sp[2])));
      NEXT();
    case OP_MEMORY_COPY:
      if (!memory_copy(inst->mems[in->imm.xy.x], inst->mems[in->imm.xy.y], sp))
        TRAP(TRAP_MEMORY);
      sp -= 3;
      CHARGE(bytes_fuel(copy_count(inst->mems[in->imm.xy.x]->type.addr, inst->mems[in->imm.xy.y]->type.addr, sp + 3)));
      NEXT();
    case OP_MEMORY_INIT: {
      MemInst *m = inst->mems[in->imm.xy.x];
      sp -= 3;
      if (!memory_init(m, &inst->datas[in->imm.xy.y], addr_of(m->type.addr, sp[0]), sp[1].i32, sp[2].i32))
        TRAP_INIT(m->type.addr, TRAP_MEMORY);
      CHARGE(bytes_fuel(sp[2].i32));
      NEXT();
    }
    case OP_DATA_DROP:
      inst->datas[in->imm.x].len = 0;
      NEXT();

    /* ---- Reference instructions ---- */

    case OP_REF_NULL:
      PUSH_REF(NULL);
      NEXT();
    case OP_REF_FUNC:
      PUSH_REF(&inst->funcs[in->imm.x]->obj);
      NEXT();
    case OP_REF_IS_NULL:
      value_set(&sp[-1], VAL_I32, sp[-1].ref == NULL);
      NEXT();
    case OP_REF_AS_NON_NULL:
      if (!sp[-1].ref)
        TRAP(TRAP_NULL);
      NEXT();
    case OP_REF_EQ:
      sp--;
      value_set(&sp[-1], VAL_I32, sp[-1].ref == sp[0].ref);
      NEXT();
    case OP_REF_TEST:
      value_set(&sp[-1], VAL_I32, ref_matches(s, sp[-1].ref, valtype_close(in->imm.ref, inst->types)));
      NEXT();
    case OP_REF_CAST: {
      ValType rt = valtype_close(in->imm.ref, inst->types);
      if (!ref_matches(s, sp[-1].ref, rt)) {
        M->pc = pc;
        cast_failure(M, in->imm.ref, rt, sp[-1].ref, err);
        goto fail;
      }
      NEXT();
    }
    case OP_REF_I31:
      value_set_ref(&sp[-1], ref_i31(sp[-1].i32));
      NEXT();
    case OP_I31_GET_S:
    case OP_I31_GET_U: {
      Ref r = sp[-1].ref;
      if (!r)
        TRAP(TRAP_NULL_I31);
      uint32_t x = ref_i31_value(r);
      if (in->op == OP_I31_GET_S && (x & 0x40000000u))
        x |= 0x80000000u;
      value_set(&sp[-1], VAL_I32, x);
      NEXT();
    }

    /* ---- Aggregate instructions ---- */

    case OP_STRUCT_NEW:
    case OP_STRUCT_NEW_DEFAULT: {
      const DefType *dt = inst->types[in->imm.x];
      StructInst *o;
      ALLOC(o, store_alloc_struct(s, dt));
      if (in->op == OP_STRUCT_NEW) {
        const FieldTypes *fs = &dt->comp.fields;
        sp -= fs->len;
        for (uint32_t k = 0; k < fs->len; k++)
          o->fields[k] = field_pack(fs->data[k].type, sp[k]);
      }
      PUSH_REF(&o->obj);
      CHARGE(dt->comp.fields.len);
      COLLECT();
      NEXT();
    }
    case OP_STRUCT_GET:
    case OP_STRUCT_GET_S:
    case OP_STRUCT_GET_U: {
      StructInst *o = (StructInst *)sp[-1].ref;
      if (!o)
        TRAP(TRAP_NULL_STRUCT);
      ValType ft = o->obj.type->comp.fields.data[in->imm.xy.y].type;
      int sx = in->op == OP_STRUCT_GET_S ? 's' : 'u';
      sp[-1] = field_unpack(ft, o->fields[in->imm.xy.y], sx);
      NEXT();
    }
    case OP_STRUCT_SET: {
      sp -= 2;
      StructInst *o = (StructInst *)sp[0].ref;
      if (!o)
        TRAP(TRAP_NULL_STRUCT);
      ValType ft = o->obj.type->comp.fields.data[in->imm.xy.y].type;
      o->fields[in->imm.xy.y] = field_pack(ft, sp[1]);
      NEXT();
    }
    case OP_ARRAY_NEW:
    case OP_ARRAY_NEW_DEFAULT: {
      const DefType *dt = inst->types[in->imm.x];
      uint32_t n = (--sp)->i32;
      ArrayInst *a;
      ALLOC(a, store_alloc_array(s, dt, n));
      if (in->op == OP_ARRAY_NEW) {
        Value v = *--sp;
        for (uint32_t k = 0; k < n; k++)
          array_set(a, k, v);
      }
      PUSH_REF(&a->obj);
      CHARGE(n);
      COLLECT();
      NEXT();
    }
    case OP_ARRAY_NEW_FIXED: {
      const DefType *dt = inst->types[in->imm.xy.x];
      uint32_t n = in->imm.xy.y;
      ArrayInst *a;
      ALLOC(a, store_alloc_array(s, dt, n));
      sp -= n;
      for (uint32_t k = 0; k < n; k++)
        array_set(a, k, sp[k]);
      PUSH_REF(&a->obj);
      CHARGE(n);
      COLLECT();
      NEXT();
    }
    case OP_ARRAY_NEW_DATA: {
      const DefType *dt = inst->types[in->imm.xy.x];
      const DataInst *data = &inst->datas[in->imm.xy.y];
      ArrayInst *a;
      sp -= 2;
      uint32_t off = sp[0].i32, n = sp[1].i32;
      if (!in_bounds(off, (uint64_t)n * storage_size(dt->comp.array.type), data->len))
        TRAP(TRAP_MEMORY);
      ALLOC(a, store_alloc_array(s, dt, n));
      array_init_data(a, data, 0, off, n);
      PUSH_REF(&a->obj);
      CHARGE(n);
      COLLECT();
      NEXT();
    }
    case OP_ARRAY_NEW_ELEM: {
      const DefType *dt = inst->types[in->imm.xy.x];
      const ElemInst *e = &inst->elems[in->imm.xy.y];
      ArrayInst *a;
      sp -= 2;
      uint32_t off = sp[0].i32, n = sp[1].i32;
      if (!in_bounds(off, n, e->len))
        TRAP(TRAP_TABLE);
      ALLOC(a, store_alloc_array(s, dt, n));
      array_init_elem(a, e, 0, off, n);
      PUSH_REF(&a->obj);
      CHARGE(n);
      COLLECT();
      NEXT();
    }
    case OP_ARRAY_GET:
    case OP_ARRAY_GET_S:
    case OP_ARRAY_GET_U: {
      sp--;
      ArrayInst *a = (ArrayInst *)sp[-1].ref;
      uint32_t i = sp[0].i32;
      if (!a)
        TRAP(TRAP_NULL_ARRAY);
      if (i >= a->len)
        TRAP(TRAP_ARRAY);
      sp[-1] = array_get(a, i, in->op == OP_ARRAY_GET_S ? 's' : 'u');
      NEXT();
    }
    case OP_ARRAY_SET: {
      sp -= 3;
      ArrayInst *a = (ArrayInst *)sp[0].ref;
      uint32_t i = sp[1].i32;
      if (!a)
        TRAP(TRAP_NULL_ARRAY);
      if (i >= a->len)
        TRAP(TRAP_ARRAY);
      array_set(a, i, sp[2]);
      NEXT();
    }
    case OP_ARRAY_LEN: {
      ArrayInst *a = (ArrayInst *)sp[-1].ref;
      if (!a)
        TRAP(TRAP_NULL_ARRAY);
      value_set(&sp[-1], VAL_I32, a->len);
      NEXT();
    }
    case OP_ARRAY_FILL: {
      sp -= 4;
      ArrayInst *a = (ArrayInst *)sp[0].ref;
      if (!a)
        TRAP(TRAP_NULL_ARRAY);
      if ((msg = array_fill(a, sp[1].i32, sp[2], sp[3].i32)))
        goto trapped;
      CHARGE(sp[3].i32);
      NEXT();
    }
    case OP_ARRAY_COPY: {
      sp -= 5;
      ArrayInst *da = (ArrayInst *)sp[0].ref, *sa = (ArrayInst *)sp[2].ref;
      if (!da || !sa)
        TRAP(TRAP_NULL_ARRAY);
      if ((msg = array_copy(da, sp[1].i32, sa, sp[3].i32, sp[4].i32)))
        goto trapped;
      CHARGE(sp[4].i32);
      NEXT();
    }
    case OP_ARRAY_INIT_DATA:
    case OP_ARRAY_INIT_ELEM: {
      sp -= 4;
      ArrayInst *a = (ArrayInst *)sp[0].ref;
      if (!a)
        TRAP(TRAP_NULL_ARRAY);
      if (in->op == OP_ARRAY_INIT_DATA)
        msg = array_init_data(a, &inst->datas[in->imm.xy.y], sp[1].i32, sp[2].i32, sp[3].i32);
      else
        msg = array_init_elem(a, &inst->elems[in->imm.xy.y], sp[1].i32, sp[2].i32, sp[3].i32);
      if (msg)
        goto trapped;
      CHARGE(sp[3].i32);
      NEXT();
    }
    case OP_ANY_CONVERT_EXTERN: {
      Ref r = sp[-1].ref;
      if (r)
        value_set_ref(&sp[-1], ((ExternInst *)r)->ref);
      NEXT();
    }
    case OP_EXTERN_CONVERT_ANY: {
      Ref r = sp[-1].ref;
      if (!r)
        NEXT();
      ExternInst *x;
      ALLOC(x, store_alloc_extern(s, r));
      value_set_ref(&sp[-1], &x->obj);
      COLLECT();
      NEXT();
    }

    /* ---- Numeric instructions ---- */

    case OP_I32_CONST:
      PUSH(VAL_I32, in->imm.i32);
      NEXT();
    case OP_I64_CONST:
      PUSH(VAL_I64, in->imm.i64);
      NEXT();
    case OP_F32_CONST:
      PUSH(VAL_F32, in->imm.f32);
      NEXT();
    case OP_F64_CONST:
      PUSH(VAL_F64, in->imm.f64);
      NEXT();
    case OP_V128_CONST: {
      Value *v;
      SLOT(v);
      v->v128 = in->imm.v128;
      v->kind = VAL_V128;
      NEXT();
    }

    /* The numeric and vector instructions whose immediates are not
     * constants: num_apply and simd_apply reduce them.  Their case labels
     * come from the table, so a new instruction without its case does not
     * compile (-Wswitch: no default). */
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results) APPLIED_##shape(id)
#define APPLIED_NONE(id) case OP_##id:
#define APPLIED_LANE(id) case OP_##id:
#define APPLIED_SHUFFLE(id) case OP_##id:
#define APPLIED_I32(id)
#define APPLIED_I64(id)
#define APPLIED_F32(id)
#define APPLIED_F64(id)
#define APPLIED_V128(id)
#include "syntax/instr_numeric.def"
#include "syntax/instr_vector.def"
#undef INSTR
#undef APPLIED_NONE
#undef APPLIED_LANE
#undef APPLIED_SHUFFLE
#undef APPLIED_I32
#undef APPLIED_I64
#undef APPLIED_F32
#undef APPLIED_F64
#undef APPLIED_V128
    {
      Value *top = num_apply((Op)in->op, sp, &msg);
      if (!top && !msg)
        top = simd_apply((Op)in->op, in, sp);
      if (top) {
        sp = top;
        NEXT();
      }
      if (msg)
        goto trapped;
      SYNC();
      error_at(err, PHASE_INTERNAL, (Loc){0}, INTERNAL_NOT_IMPLEMENTED, instr_info[in->op].mnemonic);
      return EVAL_FAILED;
    }
    }
  }

trapped:
  M->pc = pc;
  trap(M, msg, err);
  return EVAL_FAILED;
fail:
  return EVAL_FAILED;
done:
  return EVAL_DONE;
#undef SYNC
#undef RELOAD
#undef STEP
#undef BRANCH
#undef PUSH_LABEL
#undef TRAP
#undef TRAP_INDEX
#undef TRAP_ACCESS
#undef TRAP_INIT
#undef SLOT
#undef PUSH
#undef PUSH_REF
#undef PUSH_COPY
#undef COLLECT
#undef NEXT
#undef CHARGE
#undef CHARGE_DEBT
#undef ALLOC
}

/* ================================================================ Entry points */

/* A machine on a fresh root stack; the store knows it, for the collector.
 * Started by a host function while another runs, it is nested in that one:
 * it takes over the fuel left and the call depth, and a host callback can
 * go only EVAL_NESTING_MAX deep. */
static Machine *machine_new(Store *s, Buf *backtrace, Error *err)
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
  M->backtrace = backtrace;
  M->stack = st;
  M->outer = outer;
  M->nesting = outer ? outer->nesting + 1 : 0;
  M->calls = outer ? outer->calls : 0;
  M->fuel = outer ? outer->fuel : s->limits.fuel;
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
    M->outer->debt += M->outer->fuel - M->fuel;
  stack_free_chain(M->store, M->stack);
  mem_free(M);
}

Machine *eval_start(Store *s, FuncInst *f, const Value *args, Buf *backtrace, Error *err)
{
  Machine *M = machine_new(s, backtrace, err);
  if (!M)
    return NULL;
  uint32_t n = f->type->params.len;
  if (!reserve(M, n, err)) {
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

/* Runs a machine to the end within the store's fuel. */
static bool finish(Machine *M, Value *results, uint32_t n, Error *err)
{
  EvalStatus st = eval_run(M, UINT64_MAX, err);
  if (st == EVAL_PAUSED)   /* only with --fuel=2^64-1 */
    error_at(err, PHASE_LIMIT, (Loc){0}, LIMIT_OUT_OF_FUEL);
  eval_end(M, st == EVAL_DONE ? results : NULL, n);
  return st == EVAL_DONE;
}

bool eval_invoke(Store *s, FuncInst *f, const Value *args, Value *results, Buf *bt, Error *err)
{
  Machine *M = eval_start(s, f, args, bt, err);
  return M && finish(M, results, f->type->results.len, err);
}

bool eval_const(Store *s, ModuleInst *m, const Expr *e, Value *result, Error *err)
{
  Machine *M = machine_new(s, NULL, err);
  if (!M)
    return false;
  Frame f = {.kind = FRAME_CALL, .arity = 1};
  f.call.module = m;
  f.call.code = e->data;
  f.call.caller = FRAME_NONE;
  if (!push_frame(M, &f, err)) {
    eval_end(M, NULL, 0);
    return false;
  }
  M->stack->call = 0;
  M->stack->calls = 1;
  M->calls++;
  M->pc = e->data;
  return finish(M, result, 1, err);
}

/* $runelem_: table.init of the whole segment, then elem.drop */
bool eval_init_elem(Store *s, ModuleInst *m, uint32_t x, uint64_t offset, Error *err)
{
  const Elem *e = &m->module->elems.data[x];
  ElemInst *ei = &m->elems[x];
  if (!table_init(m->tables[e->table], ei, offset, 0, ei->len))
    return error_at(err, PHASE_TRAP, module_loc(m->module, e->at), TRAP_TABLE);
  ei->len = 0;
  (void)s;
  return true;
}

/* $rundata_: memory.init of the whole segment, then data.drop */
bool eval_init_data(Store *s, ModuleInst *m, uint32_t x, uint64_t offset, Error *err)
{
  const Data *d = &m->module->datas.data[x];
  DataInst *di = &m->datas[x];
  if (!memory_init(m->mems[d->mem], di, offset, 0, di->len))
    return error_at(err, PHASE_TRAP, module_loc(m->module, d->at), TRAP_MEMORY);
  di->len = 0;
  (void)s;
  return true;
}
