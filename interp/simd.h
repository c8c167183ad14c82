/* Vector numerics (spec: 3.2-numerics.vector, 3.0-numerics.relaxed,
 * 4.3-execution.instructions "Vector instructions"), in the deterministic
 * profile: every NaN that an operation generates is the positive canonical
 * NaN, and every relaxed instruction makes the profile's fixed choice. */
#ifndef INTERP_SIMD_H
#define INTERP_SIMD_H

#include "interp/value.h"

/* Executes a vector instruction that does not touch memory — those with no
 * immediate, a lane index (extract_lane, replace_lane) or a shuffle's lanes
 * (`in` gives the immediate) — on the operands at the top of the stack,
 * sp[-n] .. sp[-1].  The result replaces them; returns the new stack top.
 * Vector instructions never trap.  For any other instruction returns NULL
 * and leaves the stack alone. */
Value *simd_apply(Op op, const Instr *in, Value *sp);

/* v128.load*: the value loaded from the n bytes at p, n being the
 * instruction's access size (instr_info[op].n).  For the lane loads, *v is
 * the vector operand on entry and in->imm.memarg.lane the lane. */
void simd_load(Op op, const Instr *in, const uint8_t *p, Value *v);

/* v128.store and v128.storeN_lane: writes the n bytes of v to p. */
void simd_store(Op op, const Instr *in, const Value *v, uint8_t *p);

#endif
