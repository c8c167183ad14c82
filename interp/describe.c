/* The configuration between reductions, for --trace and step hooks
 * (interp/describe.h). */

#include "interp/describe.h"

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
  for (const Stack *q = S; q->parent; q = q->parent)   /* inside a resumed continuation */
    buf_puts(b, "prompt ");
  buf_puts(b, "frame{");
  if (v.func)
    funcinst_print_name(b, v.func);
  else
    buf_puts(b, "constant expression");
  buf_putc(b, '}');
  for (uint32_t i = S->call + 1; i < S->nframes; i++)
    buf_puts(b, S->frames[i].kind == FRAME_HANDLER ? " handler" : " label");
  buf_puts(b, " | ");
  p->instr(b, v.instr);
  if (v.located) {
    char where[ERROR_MESSAGE_MAX];
    loc_format(where, sizeof where, v.at);
    buf_printf(b, " (%s)", where);
  }
  buf_puts(b, " |");
  uint32_t base = operand_base(S);
  for (uint32_t i = S->nvals > base + 4 ? S->nvals - 4 : base; i < S->nvals; i++) {
    buf_putc(b, ' ');
    p->value(b, S->vals[i]);
  }
}

bool eval_invoke_stepped(Store *s, FuncInst *f, const Value *args, Value *results, Buf *backtrace,
                         EvalHook *hook, void *ctx, Error *err)
{
  Machine *M = eval_start(s, f, args, backtrace, err);
  if (!M)
    return false;
  EvalStatus st = EVAL_PAUSED;
  while (st == EVAL_PAUSED) {
    /* the machine counts the fuel: without any, the step fails unreduced,
     * and the hook is not shown it */
    bool shown = M->done || M->fuel == 0 || hook(ctx, M, err);
    st = shown ? eval_step(M, err) : EVAL_FAILED;
  }
  eval_end(M, st == EVAL_DONE ? results : NULL, f->type->results.len);
  return st == EVAL_DONE;
}
