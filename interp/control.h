/* The rules of control and of stack switching (interp/control.c), for the
 * reduction loop in interp/eval.c: inside interp/ only.  Each works on the
 * synchronised configuration and returns false, with err set, when the
 * invocation fails; the comments at the definitions quote the rules. */
#ifndef INTERP_CONTROL_H
#define INTERP_CONTROL_H

#include <string.h>

#include "interp/machine.h"

/* ---- Failures ---- */

/* Ends the invocation at the current instruction, with a backtrace. */
bool abort_at(Machine *M, Phase phase, const char *msg, Error *err);
bool trap(Machine *M, const char *msg, Error *err);
/* The traps of ref.cast and call_indirect, which name both types. */
bool cast_failure(Machine *M, ValType rt, ValType closed, Ref r, Error *err);
bool indirect_mismatch(Machine *M, const DefType *want, const DefType *got, Error *err);

/* ---- Blocks, calls and branches ---- */

/* blocktype: the number of values a block takes and gives. */
void block_arity(const ModuleInst *inst, BlockType bt, uint32_t *params, uint32_t *results);
/* call: `ret` is where the caller continues (NULL: the bottom frame). */
bool invoke(Machine *M, FuncInst *f, const Instr *ret, Error *err);
bool tail_invoke(Machine *M, FuncInst *f, Error *err);
bool do_return(Machine *M, Error *err);
bool branch(Machine *M, uint32_t l, Error *err);

/* spec: br */
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


/* ---- Exceptions ---- */

bool throw_exn(Machine *M, ExnInst *exn, Error *err);

/* ---- Stack switching (Explainer, "Instructions") ---- */

bool cont_new(Machine *M, const DefType *ct, Error *err);
bool cont_bind(Machine *M, const DefType *ct, const DefType *ct2, Error *err);
bool resume(Machine *M, const Instr *in, ModuleInst *inst, Error *err);
bool resume_throw(Machine *M, const Instr *in, ModuleInst *inst, Error *err);
bool resume_throw_ref(Machine *M, const Instr *in, ModuleInst *inst, Error *err);
bool suspend(Machine *M, TagInst *tag, Error *err);
bool do_switch(Machine *M, const DefType *ct, TagInst *tag, Error *err);

#endif
