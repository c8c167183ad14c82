/* Control (spec: 4.3-execution.instructions, "Control instructions";
 * the Explainer's "Execution"): calls, returns and branches, exceptions,
 * and every rule of stack switching, one function a rule, each quoting it.
 * They work on the synchronised configuration (interp/machine.h) that
 * eval_run's STEP hands them, and leave M->pc where the loop goes on.
 * Failures end the invocation through abort_at, with a backtrace. */

#include "interp/control.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "interp/describe.h"
#include "interp/gc.h"
#include "interp/messages.h"

/* Tells the store's watcher of a control event (interp/describe.h), if
 * one watches: --trace=control and --stats. */
#define TELL(M, ...)                                                   \
  do {                                                                 \
    if ((M)->watch && (M)->watch->event) {                             \
      EvalEvent ev_ = {__VA_ARGS__};                                   \
      (M)->watch->event((M)->watch->ctx, (M), &ev_);                   \
    }                                                                  \
  } while (0)

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
    if (S->parent)   /* the resume (or switch) that runs S comes next */
      buf_printf(b, "  in cont#%" PRIu32 ", resumed by\n", S->cont);
    pc = S->parent ? S->parent->pc - 1 : NULL;
  }
}

/* spec: trap */
/* A failure of the whole invocation at the current instruction, with a
 * backtrace: a trap, or a suspension nothing handles. */
bool abort_at(Machine *M, Phase phase, const char *msg, Error *err)
{
  const Frame *f = machine_frame(M);
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

bool trap(Machine *M, const char *msg, Error *err)
{
  return abort_at(M, PHASE_TRAP, msg, err);
}

/* A trap whose message is made of a prefix and two types, as the official
 * interpreter words it: "<what>, expected <want> but got <got>". */
static bool trap_types(Machine *M, const char *what, const Buf *want, const Buf *got, Error *err)
{
  char msg[ERROR_MESSAGE_MAX];
  snprintf(msg, sizeof msg, TRAP_TYPES, what, (int)want->len,
           want->data ? want->data : "", (int)got->len, got->data ? got->data : "");
  return trap(M, msg, err);
}

/* ref.cast's trap: the type it casts to (as written: a type index is a
 * number) and the reference's own type. */
bool cast_failure(Machine *M, ValType rt, ValType closed, Ref r, Error *err)
{
  Buf want, got;
  buf_init(&want);
  buf_init(&got);
  valtype_print(&want, M->store->types, rt);
  value_type_print(&got, M->store->types, value_ref(r), closed);
  trap_types(M, TRAP_CAST, &want, &got, err);
  buf_free(&want);
  buf_free(&got);
  return false;
}

/* call_indirect's trap when the function's type does not match. */
bool indirect_mismatch(Machine *M, const DefType *want, const DefType *got, Error *err)
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


/* ================================================================ Blocks */

static const FuncType *functype(const ModuleInst *inst, uint32_t x)
{
  return &inst->types[x]->comp.func;
}

/* blocktype: the number of values a block takes and gives */
void block_arity(const ModuleInst *inst, BlockType bt, uint32_t *params, uint32_t *results)
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

/* ================================================================ Calls */

/* spec: prompt-end */
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
  TELL(M, .kind = EVENT_PROMPT_END, .values = S->vals, .nvalues = S->nvals);
  M->stack = P;
  M->prompts--;
  M->pc = P->pc;
  bool ok = machine_reserve(M, S->nvals, err);
  if (ok) {
    memcpy(P->vals + P->nvals, S->vals, S->nvals * sizeof(Value));
    P->nvals += S->nvals;
  }
  stack_free(M->store, S);
  return ok;
}

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

/* spec: call */
/* Invocation of a function instance, its arguments on top of the stack
 * (spec: Step_read/call_ref with the function's frame, 4.3 "Function
 * calls").  `ret` is where the caller continues. */
bool invoke(Machine *M, FuncInst *f, const Instr *ret, Error *err)
{
  Stack *S = M->stack;
  const FuncType *ft = f->type;
  uint32_t n = ft->params.len, m = ft->results.len;
  if (f->host) {
    if (!machine_reserve(M, m, err))
      return false;
    Value *args = S->vals + S->nvals - n, *results = S->vals + S->nvals;
    TELL(M, .kind = EVENT_CALL, .func = f, .values = args, .nvalues = n);
    if (!f->host(M->store, f, args, results, err))
      return host_failed(M, n, ret, err);
    memmove(args, results, m * sizeof *results);
    S->nvals = S->nvals - n + m;
    M->pc = ret;
    return S->call != FRAME_NONE || stack_done(M, err);   /* a tail call from the bottom frame */
  }
  if (M->calls >= M->store->limits.call_depth)
    return error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_CALL_STACK);
  if (!machine_reserve(M, f->nlocals, err))
    return false;
  if (S->nframes == S->cframes && !stack_grow_frames(M->store, S, err))
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
  TELL(M, .kind = EVENT_CALL, .func = f, .values = S->vals + frame->height, .nvalues = n);
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

/* spec: return */
/* return: frame_n{F} val^n return → val^n; the stack is done when its
 * bottom frame returns. */
bool do_return(Machine *M, Error *err)
{
  Stack *S = M->stack;
  const Frame *f = &S->frames[S->call];
  TELL(M, .kind = EVENT_RETURN, .func = f->call.func, .values = S->vals + S->nvals - f->arity,
       .nvalues = f->arity);
  M->pc = pop_call(M, S->frames[S->call].arity).cont;
  return S->call != FRAME_NONE || stack_done(M, err);
}

/* spec: return_call */
/* return_call*: the callee replaces the current frame (spec: Step_read/
 * return_call_ref), so tail recursion runs in constant space. */
bool tail_invoke(Machine *M, FuncInst *f, Error *err)
{
  return invoke(M, f, pop_call(M, f->type->params.len).cont, err);
}

/* spec: br */
/* br l on the synchronised configuration; to the call frame, a return. */
bool branch(Machine *M, uint32_t l, Error *err)
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
  if (!machine_reserve(M, n + 1, err))
    return false;
  memcpy(S->vals + S->nvals, exn->fields, n * sizeof(Value));
  S->nvals += n;
  if (c->kind == CATCH_REF || c->kind == CATCH_ALL_REF)
    S->vals[S->nvals++] = value_ref(&exn->obj);
  return branch(M, c->label, err);
}

/* spec: throw_ref */
/* throw_ref: unwinds to the innermost handler with a matching catch clause
 * (spec: Step_read/throw_ref-handler-*), which branches to its label with
 * the exception's values.  A prompt does not catch: the exception leaves
 * the continuation, which is abandoned, and goes on in the stack that
 * resumed it.  False, with err set, if nothing catches it.  The frames and
 * stacks it pops were each pushed by a step that paid for it; the catch
 * clauses it looks at cost a unit each. */
bool throw_exn(Machine *M, ExnInst *exn, Error *err)
{
  uint32_t crossed = 0;
  TELL(M, .kind = EVENT_THROW, .tag = exn->tag, .values = exn->fields, .nvalues = exn->len);
  for (Stack *S = M->stack;; S = M->stack, crossed++) {
    while (S->nframes > 0) {
      Frame *f = &S->frames[S->nframes - 1];
      if (f->kind == FRAME_CALL) {
        S->call = f->call.caller;
        S->calls--;
        M->calls--;
      } else if (f->kind == FRAME_HANDLER) {
        M->debt += f->catches->len;   /* a unit per clause looked at: the code sets how many */
        const Catch *c = catch_for(S->frames[S->call].call.module, f->catches, exn);
        if (c) {
          S->nframes--;
          S->nvals = f->height;
          TELL(M, .kind = EVENT_CATCH, .tag = exn->tag, .catch_ = c, .crossed = crossed);
          return catch_exn(M, c, exn, err);
        }
      }
      S->nframes--;
    }
    /* spec: throw_ref-prompt */
    S->nvals = 0;
    if (!S->parent) {
      M->store->exn = exn;   /* for whoever invoked the machine: a host function may rethrow it */
      return error_at(err, PHASE_EXCEPTION, (Loc){0}, EXCEPTION_UNHANDLED);
    }
    M->stack = S->parent;
    M->prompts--;
    stack_abandon(M->store, S);
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

/* A new object for a rule below; when the heap is full, once more after a
 * collection (the configuration is synchronised and unchanged yet). */
static void *object_alloc(Machine *M, ObjKind kind, const DefType *type, size_t size, Error *err)
{
  void *o = store_alloc_object(M->store, kind, type, size);
  if (!o) {
    gc_collect(M->store);
    o = store_alloc_object(M->store, kind, type, size);
  }
  if (!o)
    heap_full(M->store, err);
  return o;
}

/* A new continuation object, of type ct (NULL: a suspend's, untyped). */
static ContInst *cont_alloc(Machine *M, const DefType *ct, Error *err)
{
  ContInst *c = object_alloc(M, OBJ_CONT, ct, sizeof(ContInst), err);
  if (c)
    c->id = M->store->conts++;   /* the spec's address: |S.conts| */
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

/* spec: handler-context */
/* The stack whose prompt has the innermost handler of the given kind for a
 * tag, and that handler; NULL if none (Explainer: the context H^ea, which
 * only crosses prompts without one).  *stacks counts the stacks it passes
 * and *calls their call frames: the captured context's.  The search is a
 * walk the program makes as long as it likes: it costs a unit of fuel per
 * prompt and per handler clause it looks at, and stops, finding nothing,
 * once that is more than the fuel left (no_handler tells which). */
static Stack *prompt_for(Machine *M, const TagInst *tag, HandlerKind kind, const Handler **h,
                         uint32_t *calls, uint32_t *stacks)
{
  *calls = 0;
  *stacks = 0;
  for (Stack *S = M->stack; S->parent && M->debt <= M->fuel; S = S->parent) {
    *calls += S->calls;
    (*stacks)++;
    M->debt += 1 + S->handlers->len;
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

/* spec: unhandled */
/* prompt_for found no handler: a suspension nothing handles, unless the
 * search ran out of fuel first (M->fuel is at least what is left). */
static bool no_handler(Machine *M, Error *err)
{
  if (M->debt > M->fuel)
    return abort_at(M, PHASE_FUEL, FUEL_OUT, err);
  return abort_at(M, PHASE_SUSPENSION, SUSPENSION_UNHANDLED, err);
}

/* Makes the active stacks from the running one through `bottom`, `stacks`
 * of them holding `calls` call frames, into the continuation c, which
 * continues at `pc`: the context H^ea that suspend and switch capture.
 * Nothing is copied, and nothing is walked (prompt_for has counted). */
static void cont_capture(Machine *M, ContInst *c, Stack *bottom, uint32_t calls, uint32_t stacks,
                         const Instr *pc)
{
  c->top = M->stack;
  c->top->pc = pc;
  c->bottom = bottom;
  c->calls = calls;
  c->stacks = stacks;
  M->calls -= calls;
  M->prompts -= stacks;
  bottom->parent = NULL;
}

/* Consumes c and makes its stacks the running chain, on top of stack P
 * under the prompt hdl* (whose tags are those of module hm).  O(1): the
 * continuation knows its bottom stack and its call frames. */
static void cont_attach(Machine *M, ContInst *c, Stack *P, const Handlers *hdl, ModuleInst *hm)
{
  Stack *bottom = c->bottom;
  bottom->parent = P;
  bottom->cont = c->id;
  bottom->handlers = hdl;
  /* spec: prompt-tags */
  bottom->handler_module = hm;
  M->calls += c->calls;
  M->prompts += c->stacks;
  if (M->prompts > M->store->counts.chain_peak)
    M->store->counts.chain_peak = M->prompts;
  M->stack = c->top;
  c->top = NULL;
}

/* Pushes n values onto the running stack. */
static bool push_values(Machine *M, const Value *v, uint32_t n, Error *err)
{
  Stack *S = M->stack;
  if (!machine_reserve(M, n, err))
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

/* spec: cont.new */
/* cont.new ct: (ref.func fa) → (ref.cont a), S.conts[a] = _ (invoke fa) */
bool cont_new(Machine *M, const DefType *ct, Error *err)
{
  Stack *S = M->stack;
  FuncInst *f = (FuncInst *)S->vals[S->nvals - 1].ref;
  /* spec: cont.new-null */
  if (!f)
    return trap(M, TRAP_NULL_FUNC, err);
  Stack *st = stack_new(M->store, 8, 2);   /* small: a million of them may wait at once */
  if (!st) {   /* the stack is no object: the collector can run before it exists */
    gc_collect(M->store);
    if (!(st = stack_new(M->store, 8, 2)))
      return heap_full(M->store, err);
  }
  ContInst *c = cont_alloc(M, ct, err);
  if (!c) {
    stack_free(M->store, st);
    return false;
  }
  st->fresh = f;
  st->cont = c->id;
  c->top = c->bottom = st;
  c->calls = 0;
  c->stacks = 1;
  value_set_ref(&S->vals[S->nvals - 1], &c->obj);
  TELL(M, .kind = EVENT_CONT_NEW, .instr = M->pc, .func = f, .to = c);
  M->pc++;
  return collect_if_due(M);
}

/* spec: cont.bind */
/* cont.bind ct ct': v^n (ref.cont ca) → (ref.cont a), S.conts[a] = E[v^n _]
 * and ca consumed: the values go onto the continuation's top stack. */
bool cont_bind(Machine *M, const DefType *ct, const DefType *ct2, Error *err)
{
  Store *s = M->store;
  /* spec: cont.bind-null */
  ContInst *c = cont_operand(M, err);
  if (!c)
    return false;
  uint32_t n = cont_functype(s, ct)->params.len - cont_functype(s, ct2)->params.len;
  ContInst *d = cont_alloc(M, ct2, err);
  if (!d || !stack_reserve(s, c->top, n, err))
    return false;
  Stack *S = M->stack, *top = c->top;
  TELL(M, .kind = EVENT_CONT_BIND, .instr = M->pc, .from = c, .to = d, .values = S->vals + S->nvals - n - 1,
       .nvalues = n);
  S->nvals -= n + 1;
  memcpy(top->vals + top->nvals, S->vals + S->nvals, n * sizeof(Value));
  top->nvals += n;
  d->top = top;
  d->bottom = c->bottom;
  d->calls = c->calls;
  d->stacks = c->stacks;
  c->top = NULL;
  value_set_ref(&S->vals[S->nvals++], &d->obj);
  M->pc++;
  return collect_if_due(M);
}

/* spec: resume */
/* resume ct hdl*: v^n (ref.cont ca) → prompt{hdl'*} E[v^n] end */
bool resume(Machine *M, const Instr *in, ModuleInst *inst, Error *err)
{
  /* spec: resume-null */
  ContInst *c = cont_operand(M, err);
  if (!c)
    return false;
  Stack *S = M->stack;
  uint32_t n = cont_functype(M->store, inst->types[in->imm.resume.type])->params.len;
  TELL(M, .kind = EVENT_RESUME, .instr = in, .from = c, .values = S->vals + S->nvals - n - 1, .nvalues = n);
  S->nvals -= n + 1;
  S->pc = in + 1;
  cont_attach(M, c, S, in->imm.resume.handlers, inst);
  return push_values(M, S->vals + S->nvals, n, err) && cont_start(M, err) && collect_if_due(M);
}

/* spec: resume_throw */
/* resume_throw ct ea hdl*: v^m (ref.cont ca)
 *   → (ref.exn a) (ref.cont ca) (resume_throw_ref ct hdl*), S.exns[a] = {ea, v^m}
 * A null continuation traps before the exception is made. */
bool resume_throw(Machine *M, const Instr *in, ModuleInst *inst, Error *err)
{
  Stack *S = M->stack;
  /* spec: resume_throw-null */
  if (!S->vals[S->nvals - 1].ref)
    return trap(M, TRAP_NULL_CONT, err);
  TagInst *tag = inst->tags[in->imm.resume.tag];
  uint32_t m = tag->type->comp.func.params.len;
  ExnInst *exn = object_alloc(M, OBJ_EXN, NULL, sizeof *exn + (size_t)m * sizeof(Value), err);
  if (!exn || !machine_reserve(M, 1, err))   /* v^m (ref.cont ca) becomes two values */
    return false;
  exn->tag = tag;   /* as store_alloc_exn makes them */
  exn->len = m;
  Value k = S->vals[S->nvals - 1];
  S->nvals -= m + 1;
  memcpy(exn->fields, S->vals + S->nvals, m * sizeof(Value));
  S->vals[S->nvals++] = value_ref(&exn->obj);
  S->vals[S->nvals++] = k;
  return resume_throw_ref(M, in, inst, err);
}

/* spec: resume_throw_ref */
/* resume_throw_ref ct hdl*: (ref.exn ea) (ref.cont ca)
 *   → prompt{hdl'*} E[(ref.exn ea) throw_ref] end */
bool resume_throw_ref(Machine *M, const Instr *in, ModuleInst *inst, Error *err)
{
  /* spec: resume_throw_ref-null */
  ContInst *c = cont_operand(M, err);
  if (!c)
    return false;
  Stack *S = M->stack;
  ExnInst *exn = (ExnInst *)S->vals[S->nvals - 2].ref;
  if (!exn)
    return trap(M, TRAP_NULL_EXN, err);
  TELL(M, .kind = EVENT_RESUME, .instr = in, .from = c, .tag = exn->tag, .values = exn->fields,
       .nvalues = exn->len);
  S->nvals -= 2;
  S->pc = in + 1;
  cont_attach(M, c, S, in->imm.resume.handlers, inst);
  /* a fresh continuation has no frames: the exception leaves it at once */
  return throw_exn(M, exn, err) && collect_if_due(M);
}

/* spec: suspend */
/* suspend ea: prompt{hdl1* (on ea l) hdl2*} H^ea[v^n (suspend ea)] end
 *   → v^n (ref.cont a) (br l), S.conts[a] = H^ea */
bool suspend(Machine *M, TagInst *tag, Error *err)
{
  const Handler *h;
  uint32_t calls, stacks;
  Stack *bottom = prompt_for(M, tag, ON_LABEL, &h, &calls, &stacks);
  if (!bottom)
    return no_handler(M, err);
  ContInst *c = cont_alloc(M, NULL, err);
  if (!c)
    return false;
  Stack *S = M->stack, *R = bottom->parent;
  uint32_t n = tag->type->comp.func.params.len;
  TELL(M, .kind = EVENT_SUSPEND, .instr = M->pc, .to = c, .tag = tag, .prompt = bottom, .clause = h,
       .values = S->vals + S->nvals - n, .nvalues = n);
  S->nvals -= n;
  cont_capture(M, c, bottom, calls, stacks, M->pc + 1);
  M->stack = R;
  M->pc = R->pc;
  Value k = value_ref(&c->obj);
  return push_values(M, S->vals + S->nvals, n, err) && push_values(M, &k, 1, err)
         && branch(M, h->label, err) && collect_if_due(M);
}

/* spec: switch */
/* switch ct ea: prompt{hdl1* (on ea switch) hdl2*} H^ea[v^n (ref.cont ca) (switch ct ea)] end
 *   → prompt{hdl1* (on ea switch) hdl2*} E[v^n (ref.cont a)] end, S.conts[a] = H^ea */
bool do_switch(Machine *M, const DefType *ct, TagInst *tag, Error *err)
{
  /* spec: switch-null */
  ContInst *c = cont_operand(M, err);
  if (!c)
    return false;
  const Handler *h;
  uint32_t calls, stacks;
  Stack *bottom = prompt_for(M, tag, ON_SWITCH, &h, &calls, &stacks);
  if (!bottom)
    return no_handler(M, err);
  const FuncType *ft = cont_functype(M->store, ct);
  uint32_t n = ft->params.len - 1;   /* the last parameter takes the switching continuation */
  ContInst *k = cont_alloc(M, typestore_get(M->store->types, ft->params.data[n].idx), err);
  if (!k)
    return false;
  Stack *S = M->stack, *P = bottom->parent;
  TELL(M, .kind = EVENT_SWITCH, .instr = M->pc, .from = c, .to = k, .tag = tag, .prompt = bottom, .clause = h,
       .values = S->vals + S->nvals - n - 1, .nvalues = n);
  const Handlers *hdl = bottom->handlers;
  ModuleInst *hm = bottom->handler_module;
  S->nvals -= n + 1;
  cont_capture(M, k, bottom, calls, stacks, M->pc + 1);
  cont_attach(M, c, P, hdl, hm);
  Value kv = value_ref(&k->obj);
  return push_values(M, S->vals + S->nvals, n, err) && push_values(M, &kv, 1, err)
         && cont_start(M, err) && collect_if_due(M);
}

