/* Scalar numerics (spec: 3.1-numerics.scalar, 4.3-execution.instructions
 * "Numeric instructions"), in the deterministic profile: every NaN that an
 * operation generates is the positive canonical NaN. */
#ifndef INTERP_NUM_H
#define INTERP_NUM_H

#include "interp/value.h"

/* Whether num_apply implements an instruction: the scalar instructions of
 * syntax/instr.def with a fixed signature and no immediate (unop, binop,
 * testop, relop, cvtop) — not constants, loads, stores or vector ones. */
bool num_is_scalar(Op op);

/* Executes one of those instructions on the operands at the top of the
 * stack, whose top is sp[-1] (so the operands are sp[-n] .. sp[-1]).  The
 * result replaces them; returns the new stack top.  On a trap returns NULL
 * with *trap set to the suite's message ("integer divide by zero",
 * "integer overflow", "invalid conversion to integer").  For any other
 * instruction returns NULL with *trap NULL. */
Value *num_apply(Op op, Value *sp, const char **trap);

#endif
