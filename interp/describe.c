/* The configuration between reductions, and the control events, for
 * --trace and step hooks (interp/describe.h). */

#include "interp/describe.h"

#include <inttypes.h>

#include "interp/machine.h"

/* The innermost call frame: the spec's frame_n{F} around the next step. */
static const Frame *frame_of(const Machine *M)
{
  const Stack *S = M->stack;
  return &S->frames[S->call];
}

void eval_view(const Machine *M, EvalView *v)
{
  const Frame *call = frame_of(M);
  const ModuleInst *mi = call->call.module;
  *v = (EvalView){.depth = M->calls, .func = call->call.func, .instr = M->pc};
  if (mi && mi->module) {
    v->located = true;
    v->at = module_loc(mi->module, M->pc->at);
  }
}

/* ---- Names ---- */

/* Where an instruction's indices are looked up: the innermost call frame
 * of a stack (its module's names, its function's locals) and the labels
 * inside it, innermost last. */
typedef struct Scope {
  const Stack *S;
  const ModuleInst *inst;     /* whose names index spaces other than labels and locals */
} Scope;

/* The name of a label, `l` frames out from the innermost of the scope's
 * call frame: by its key, the instruction before where a branch goes. */
static const Name *label_name(const Stack *S, const Module *m, uint32_t l)
{
  const Frame *call = &S->frames[S->call];
  if (!call->call.func || l >= S->nframes - S->call - 1)   /* the function's own block: no name */
    return NULL;
  const Frame *f = &S->frames[S->nframes - 1 - l];
  uint32_t key = (uint32_t)(f->cont - call->call.code) - 1;
  return indirect_namemap_find(&m->names.labels, call->call.func->idx, key);
}

/* IndexNamer.name over a Scope. */
static const Name *scope_name(const void *ctx, ImmIndex space, uint32_t idx)
{
  const Scope *sc = ctx;
  const Stack *S = sc->S;
  const Module *m = sc->inst ? sc->inst->module : NULL;
  if (!m || S->call == FRAME_NONE)
    return NULL;
  const Frame *call = &S->frames[S->call];
  if (space == INDEX_LABEL)
    return sc->inst == call->call.module ? label_name(S, m, idx) : NULL;
  if (space == INDEX_LOCAL)
    return call->call.func ? indirect_namemap_find(&m->names.locals, call->call.func->idx, idx) : NULL;
  const NameMap *map = names_of(&m->names, space);
  return map ? namemap_find(map, idx) : NULL;
}

/* Prints an instruction with the names of the scope. */
static void print_instr(Buf *b, const EvalPrinter *p, const Stack *S, const ModuleInst *inst,
                        const Instr *in)
{
  Scope sc = {S, inst};
  IndexNamer nm = {scope_name, &sc};
  p->instr(b, in, &nm);
}

/* A value; a continuation is shown with its identity. */
static void print_value(Buf *b, const EvalPrinter *p, Value v)
{
  if (v.kind == VAL_REF && ref_is_object(v.ref) && v.ref->kind == OBJ_CONT)
    buf_printf(b, "(ref.cont cont#%" PRIu32 ")", ((const ContInst *)v.ref)->id);
  else
    p->value(b, v);
}

static void print_values(Buf *b, const EvalPrinter *p, const Value *v, uint32_t n)
{
  for (uint32_t i = 0; i < n; i++) {
    buf_putc(b, ' ');
    print_value(b, p, v[i]);
  }
}

/* A prompt's handlers, named from the stack that resumed it, whose
 * frames have not changed since: prompt{(on $yield $next)}.  With `only`,
 * just that clause of them. */
static void print_prompt(Buf *b, const EvalPrinter *p, const Stack *S, const Handler *only)
{
  Scope sc = {S->parent, S->handler_module};
  IndexNamer nm = {scope_name, &sc};
  buf_puts(b, "prompt{");
  for (uint32_t i = 0; i < S->handlers->len; i++) {
    const Handler *h = &S->handlers->handler[i];
    if (only && h != only)
      continue;
    if (i && !only)
      buf_putc(b, ' ');
    p->handler(b, h, &nm);
  }
  buf_putc(b, '}');
}

/* Up to this many stacks of a chain are shown, the innermost: a deep
 * nesting of prompts makes a short line, not a long one per step. */
enum { CHAIN_SHOWN = 8 };

/* The innermost stacks of the chain from S out, up to CHAIN_SHOWN, inner
 * first; their number, and in *more those left out. */
static uint32_t chain_of(const Stack *S, const Stack **out, uint64_t *more)
{
  uint32_t n = 0;
  *more = 0;
  for (; S; S = S->parent) {
    if (n < CHAIN_SHOWN)
      out[n++] = S;
    else
      (*more)++;
  }
  return n;
}

/* The continuation a stack runs: cont#id, or root for an invocation's. */
static void print_stack_name(Buf *b, const Stack *S)
{
  if (S->parent)
    buf_printf(b, "cont#%" PRIu32, S->cont);
  else
    buf_puts(b, "root");
}

/* ---- The configuration ---- */

/* Where the operands of the next instruction start: above the locals of
 * the innermost call and the values under its innermost label. */
static uint32_t operand_base(const Stack *S)
{
  const Frame *call = &S->frames[S->call];
  uint32_t height = call->height;
  if (call->call.func)
    height += call->call.func->type->params.len + call->call.func->nlocals;
  if (S->nframes > S->call + 1)
    height = S->frames[S->nframes - 1].height;
  return height;
}

void eval_describe(const Machine *M, const EvalPrinter *p, Buf *b)
{
  const Stack *S = M->stack;
  EvalView v;
  eval_view(M, &v);
  buf_printf(b, "%u ", v.depth);
  const Stack *chain[CHAIN_SHOWN];
  uint64_t more;
  uint32_t n = chain_of(S, chain, &more);
  if (more)
    buf_printf(b, "… %" PRIu64 " ", more);
  for (uint32_t i = n; i-- > 0;)   /* outermost first, as the spec nests them */
    if (chain[i]->parent) {
      print_prompt(b, p, chain[i], NULL);
      buf_putc(b, ' ');
      print_stack_name(b, chain[i]);
      buf_putc(b, ' ');
    }
  buf_puts(b, "frame{");
  if (v.func)
    funcinst_print_name(b, v.func);
  else
    buf_puts(b, "constant expression");
  buf_putc(b, '}');
  for (uint32_t i = S->call + 1; i < S->nframes; i++)
    buf_puts(b, S->frames[i].kind == FRAME_HANDLER ? " handler" : " label");
  buf_puts(b, " | ");
  print_instr(b, p, S, frame_of(M)->call.module, v.instr);
  if (v.located) {
    char where[ERROR_MESSAGE_MAX];
    loc_format(where, sizeof where, v.at);
    buf_printf(b, " (%s)", where);
  }
  buf_puts(b, " |");
  uint32_t base = operand_base(S);
  print_values(b, p, S->vals + (S->nvals > base + 4 ? S->nvals - 4 : base),
               S->nvals > base + 4 ? 4 : S->nvals - base);
}

/* ---- Control events ---- */

/* The chain of continuations an event happens in, outermost first:
 * root > cont#1 > cont#3 */
static void print_chain(Buf *b, const Stack *S)
{
  const Stack *chain[CHAIN_SHOWN];
  uint64_t more;
  uint32_t n = chain_of(S, chain, &more);
  if (more)
    buf_printf(b, "… %" PRIu64 " > ", more);
  for (uint32_t i = n; i-- > 0;) {
    print_stack_name(b, chain[i]);
    if (i)
      buf_puts(b, " > ");
  }
}

/* A tag by its index and name in the running module, if it is one of its. */
static void print_tag(Buf *b, const Machine *M, const EvalPrinter *p, const TagInst *tag)
{
  const Stack *S = M->stack;
  const ModuleInst *inst = S->call != FRAME_NONE ? frame_of(M)->call.module : NULL;
  Scope sc = {S, inst};
  IndexNamer nm = {scope_name, &sc};
  for (uint32_t i = 0; inst && i < inst->ntags; i++)
    if (inst->tags[i] == tag) {
      p->index(b, &nm, INDEX_TAG, i);
      return;
    }
  buf_puts(b, "(a tag of another module)");
}

/* The instruction of an event, with the running frame's names. */
static void print_event_instr(Buf *b, const Machine *M, const EvalPrinter *p, const Instr *in)
{
  print_instr(b, p, M->stack, frame_of(M)->call.module, in);
}

void eval_describe_event(const Machine *M, const EvalEvent *ev, const EvalPrinter *p, Buf *b)
{
  if (ev->kind == EVENT_INSTANTIATE) {
    buf_puts(b, "instantiate");
    if (ev->module && ev->module->file) {
      char where[ERROR_MESSAGE_MAX];
      loc_format(where, sizeof where, module_loc(ev->module, ev->module->at));
      buf_printf(b, " (%s)", where);
    }
    return;
  }
  print_chain(b, M->stack);
  buf_puts(b, " | ");
  switch (ev->kind) {
  case EVENT_INSTANTIATE:
    break;
  case EVENT_CALL:
    buf_puts(b, "call ");
    funcinst_print_name(b, ev->func);
    print_values(b, p, ev->values, ev->nvalues);
    break;
  case EVENT_RETURN:
    buf_puts(b, "return from ");
    if (ev->func)
      funcinst_print_name(b, ev->func);
    else
      buf_puts(b, "constant expression");
    print_values(b, p, ev->values, ev->nvalues);
    break;
  case EVENT_CONT_NEW:
    print_event_instr(b, M, p, ev->instr);
    buf_puts(b, " ");
    funcinst_print_name(b, ev->func);
    buf_printf(b, " → cont#%" PRIu32, ev->to->id);
    break;
  case EVENT_CONT_BIND:
    print_event_instr(b, M, p, ev->instr);
    buf_printf(b, " cont#%" PRIu32, ev->from->id);
    print_values(b, p, ev->values, ev->nvalues);
    buf_printf(b, " → cont#%" PRIu32, ev->to->id);
    break;
  case EVENT_RESUME:
    print_event_instr(b, M, p, ev->instr);
    buf_printf(b, " cont#%" PRIu32, ev->from->id);
    print_values(b, p, ev->values, ev->nvalues);
    break;
  case EVENT_SUSPEND:
  case EVENT_SWITCH:
    print_event_instr(b, M, p, ev->instr);
    if (ev->kind == EVENT_SWITCH)
      buf_printf(b, " cont#%" PRIu32, ev->from->id);
    print_values(b, p, ev->values, ev->nvalues);
    buf_puts(b, " → ");
    print_prompt(b, p, ev->prompt, ev->clause);
    buf_puts(b, " of ");
    print_stack_name(b, ev->prompt);
    buf_printf(b, ", captured as cont#%" PRIu32, ev->to->id);
    break;
  case EVENT_PROMPT_END:
    buf_puts(b, "return through prompt");
    print_values(b, p, ev->values, ev->nvalues);
    break;
  case EVENT_THROW:
    buf_puts(b, "throw ");
    print_tag(b, M, p, ev->tag);
    print_values(b, p, ev->values, ev->nvalues);
    break;
  case EVENT_CATCH: {
    Scope sc = {M->stack, frame_of(M)->call.module};
    IndexNamer nm = {scope_name, &sc};
    buf_puts(b, "caught by ");
    p->catch_(b, ev->catch_, &nm);
    if (ev->crossed)
      buf_printf(b, ", %" PRIu32 " prompt%s out", ev->crossed, ev->crossed == 1 ? "" : "s");
    break;
  }
  }
}

bool eval_invoke_stepped(Store *s, FuncInst *f, const Value *args, Value *results, Buf *backtrace,
                         EvalHook *hook, void *ctx, Error *err)
{
  const EvalWatch *outer = s->watch;
  EvalWatch w = {hook, NULL, ctx};
  s->watch = &w;
  bool ok = eval_invoke(s, f, args, results, backtrace, err);
  s->watch = outer;
  return ok;
}
