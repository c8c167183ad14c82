/* Scalar numerics (spec: 3.1-numerics.scalar; prose: exec/numerics).
 *
 * The scalar instructions, each the operator of interp/numerics.h that the
 * spec names for it, at N = 32 or 64.  Values stay bit patterns: an integer
 * is its N-bit pattern, a float the bits of its fN; every NaN that comes
 * out of an arithmetic operator is +nan(canon_N), the single element of
 * $nans_N in the deterministic profile. */
#include "interp/num.h"

#include "interp/numerics.h"

/* The scalar instructions are the rows of syntax/instr.def with no
 * immediate, outside the vector prefix 0xfd, and with a fixed signature;
 * this is each one's operand count (the length of its params), 0 for the
 * other instructions. */
#define PARAMS_LEN(p) _Generic((p), char *: sizeof(p) - 1, default: 0)
static const uint8_t arity[OP_COUNT] = {
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results) \
  [OP_##id] = IMM_##shape == IMM_NONE && (prefix) != 0xfd ? PARAMS_LEN(params) : 0,
#include "syntax/instr.def"
#undef INSTR
};

bool num_is_scalar(Op op)
{
  return arity[op] > 0;
}

#define I32(x) value_set(r, VAL_I32, (uint32_t)(x))
#define I64(x) value_set(r, VAL_I64, (uint64_t)(x))
#define F32(x) value_set(r, VAL_F32, (uint32_t)(x))
#define F64(x) value_set(r, VAL_F64, (uint64_t)(x))

/* unop, binop, testop, relop and cvtop: t.op c_1 (c_2) → c, or a trap
 * where the operator is partial (spec: 4.3-execution.instructions). */
Value *num_apply(Op op, Value *sp, const char **trap)
{
  if (!arity[op])
    return *trap = NULL, NULL;
  /* The result replaces the operands, written in place (see value_set). */
  Value *r = sp - arity[op];
  const Value *c1 = r, *c2 = sp - 1;  /* for unary operators c2 is c1 */
  *trap = NULL;
  switch (op) {
  case OP_I32_EQZ:            I32(ieqz_(32, c1->i32)); break;
  case OP_I64_EQZ:            I32(ieqz_(64, c1->i64)); break;

  case OP_I32_EQ:             I32(ieq_(32, c1->i32, c2->i32)); break;
  case OP_I32_NE:             I32(ine_(32, c1->i32, c2->i32)); break;
  case OP_I32_LT_S:           I32(ilt_(32, S, c1->i32, c2->i32)); break;
  case OP_I32_LT_U:           I32(ilt_(32, U, c1->i32, c2->i32)); break;
  case OP_I32_GT_S:           I32(igt_(32, S, c1->i32, c2->i32)); break;
  case OP_I32_GT_U:           I32(igt_(32, U, c1->i32, c2->i32)); break;
  case OP_I32_LE_S:           I32(ile_(32, S, c1->i32, c2->i32)); break;
  case OP_I32_LE_U:           I32(ile_(32, U, c1->i32, c2->i32)); break;
  case OP_I32_GE_S:           I32(ige_(32, S, c1->i32, c2->i32)); break;
  case OP_I32_GE_U:           I32(ige_(32, U, c1->i32, c2->i32)); break;
  case OP_I64_EQ:             I32(ieq_(64, c1->i64, c2->i64)); break;
  case OP_I64_NE:             I32(ine_(64, c1->i64, c2->i64)); break;
  case OP_I64_LT_S:           I32(ilt_(64, S, c1->i64, c2->i64)); break;
  case OP_I64_LT_U:           I32(ilt_(64, U, c1->i64, c2->i64)); break;
  case OP_I64_GT_S:           I32(igt_(64, S, c1->i64, c2->i64)); break;
  case OP_I64_GT_U:           I32(igt_(64, U, c1->i64, c2->i64)); break;
  case OP_I64_LE_S:           I32(ile_(64, S, c1->i64, c2->i64)); break;
  case OP_I64_LE_U:           I32(ile_(64, U, c1->i64, c2->i64)); break;
  case OP_I64_GE_S:           I32(ige_(64, S, c1->i64, c2->i64)); break;
  case OP_I64_GE_U:           I32(ige_(64, U, c1->i64, c2->i64)); break;

  case OP_F32_EQ:             I32(feq_(32, c1->f32, c2->f32)); break;
  case OP_F32_NE:             I32(fne_(32, c1->f32, c2->f32)); break;
  case OP_F32_LT:             I32(flt_(32, c1->f32, c2->f32)); break;
  case OP_F32_GT:             I32(fgt_(32, c1->f32, c2->f32)); break;
  case OP_F32_LE:             I32(fle_(32, c1->f32, c2->f32)); break;
  case OP_F32_GE:             I32(fge_(32, c1->f32, c2->f32)); break;
  case OP_F64_EQ:             I32(feq_(64, c1->f64, c2->f64)); break;
  case OP_F64_NE:             I32(fne_(64, c1->f64, c2->f64)); break;
  case OP_F64_LT:             I32(flt_(64, c1->f64, c2->f64)); break;
  case OP_F64_GT:             I32(fgt_(64, c1->f64, c2->f64)); break;
  case OP_F64_LE:             I32(fle_(64, c1->f64, c2->f64)); break;
  case OP_F64_GE:             I32(fge_(64, c1->f64, c2->f64)); break;

  case OP_I32_CLZ:            I32(iclz_(32, c1->i32)); break;
  case OP_I32_CTZ:            I32(ictz_(32, c1->i32)); break;
  case OP_I32_POPCNT:         I32(ipopcnt_(32, c1->i32)); break;
  case OP_I32_EXTEND8_S:      I32(iextend_(32, 8, S, c1->i32)); break;
  case OP_I32_EXTEND16_S:     I32(iextend_(32, 16, S, c1->i32)); break;
  case OP_I64_CLZ:            I64(iclz_(64, c1->i64)); break;
  case OP_I64_CTZ:            I64(ictz_(64, c1->i64)); break;
  case OP_I64_POPCNT:         I64(ipopcnt_(64, c1->i64)); break;
  case OP_I64_EXTEND8_S:      I64(iextend_(64, 8, S, c1->i64)); break;
  case OP_I64_EXTEND16_S:     I64(iextend_(64, 16, S, c1->i64)); break;
  case OP_I64_EXTEND32_S:     I64(iextend_(64, 32, S, c1->i64)); break;

  case OP_F32_ABS:            F32(fabs_(32, c1->f32)); break;
  case OP_F32_NEG:            F32(fneg_(32, c1->f32)); break;
  case OP_F32_SQRT:           F32(fsqrt_(32, c1->f32)); break;
  case OP_F32_CEIL:           F32(fceil_(32, c1->f32)); break;
  case OP_F32_FLOOR:          F32(ffloor_(32, c1->f32)); break;
  case OP_F32_TRUNC:          F32(ftrunc_(32, c1->f32)); break;
  case OP_F32_NEAREST:        F32(fnearest_(32, c1->f32)); break;
  case OP_F64_ABS:            F64(fabs_(64, c1->f64)); break;
  case OP_F64_NEG:            F64(fneg_(64, c1->f64)); break;
  case OP_F64_SQRT:           F64(fsqrt_(64, c1->f64)); break;
  case OP_F64_CEIL:           F64(fceil_(64, c1->f64)); break;
  case OP_F64_FLOOR:          F64(ffloor_(64, c1->f64)); break;
  case OP_F64_TRUNC:          F64(ftrunc_(64, c1->f64)); break;
  case OP_F64_NEAREST:        F64(fnearest_(64, c1->f64)); break;

  case OP_I32_ADD:            I32(iadd_(32, c1->i32, c2->i32)); break;
  case OP_I32_SUB:            I32(isub_(32, c1->i32, c2->i32)); break;
  case OP_I32_MUL:            I32(imul_(32, c1->i32, c2->i32)); break;
  case OP_I32_DIV_S:          I32(idiv_(32, S, c1->i32, c2->i32, trap)); break;
  case OP_I32_DIV_U:          I32(idiv_(32, U, c1->i32, c2->i32, trap)); break;
  case OP_I32_REM_S:          I32(irem_(32, S, c1->i32, c2->i32, trap)); break;
  case OP_I32_REM_U:          I32(irem_(32, U, c1->i32, c2->i32, trap)); break;
  case OP_I32_AND:            I32(iand_(32, c1->i32, c2->i32)); break;
  case OP_I32_OR:             I32(ior_(32, c1->i32, c2->i32)); break;
  case OP_I32_XOR:            I32(ixor_(32, c1->i32, c2->i32)); break;
  case OP_I32_SHL:            I32(ishl_(32, c1->i32, c2->i32)); break;
  case OP_I32_SHR_S:          I32(ishr_(32, S, c1->i32, c2->i32)); break;
  case OP_I32_SHR_U:          I32(ishr_(32, U, c1->i32, c2->i32)); break;
  case OP_I32_ROTL:           I32(irotl_(32, c1->i32, c2->i32)); break;
  case OP_I32_ROTR:           I32(irotr_(32, c1->i32, c2->i32)); break;
  case OP_I64_ADD:            I64(iadd_(64, c1->i64, c2->i64)); break;
  case OP_I64_SUB:            I64(isub_(64, c1->i64, c2->i64)); break;
  case OP_I64_MUL:            I64(imul_(64, c1->i64, c2->i64)); break;
  case OP_I64_DIV_S:          I64(idiv_(64, S, c1->i64, c2->i64, trap)); break;
  case OP_I64_DIV_U:          I64(idiv_(64, U, c1->i64, c2->i64, trap)); break;
  case OP_I64_REM_S:          I64(irem_(64, S, c1->i64, c2->i64, trap)); break;
  case OP_I64_REM_U:          I64(irem_(64, U, c1->i64, c2->i64, trap)); break;
  case OP_I64_AND:            I64(iand_(64, c1->i64, c2->i64)); break;
  case OP_I64_OR:             I64(ior_(64, c1->i64, c2->i64)); break;
  case OP_I64_XOR:            I64(ixor_(64, c1->i64, c2->i64)); break;
  case OP_I64_SHL:            I64(ishl_(64, c1->i64, c2->i64)); break;
  case OP_I64_SHR_S:          I64(ishr_(64, S, c1->i64, c2->i64)); break;
  case OP_I64_SHR_U:          I64(ishr_(64, U, c1->i64, c2->i64)); break;
  case OP_I64_ROTL:           I64(irotl_(64, c1->i64, c2->i64)); break;
  case OP_I64_ROTR:           I64(irotr_(64, c1->i64, c2->i64)); break;

  case OP_F32_ADD:            F32(fadd_(32, c1->f32, c2->f32)); break;
  case OP_F32_SUB:            F32(fsub_(32, c1->f32, c2->f32)); break;
  case OP_F32_MUL:            F32(fmul_(32, c1->f32, c2->f32)); break;
  case OP_F32_DIV:            F32(fdiv_(32, c1->f32, c2->f32)); break;
  case OP_F32_MIN:            F32(fmin_(32, c1->f32, c2->f32)); break;
  case OP_F32_MAX:            F32(fmax_(32, c1->f32, c2->f32)); break;
  case OP_F32_COPYSIGN:       F32(fcopysign_(32, c1->f32, c2->f32)); break;
  case OP_F64_ADD:            F64(fadd_(64, c1->f64, c2->f64)); break;
  case OP_F64_SUB:            F64(fsub_(64, c1->f64, c2->f64)); break;
  case OP_F64_MUL:            F64(fmul_(64, c1->f64, c2->f64)); break;
  case OP_F64_DIV:            F64(fdiv_(64, c1->f64, c2->f64)); break;
  case OP_F64_MIN:            F64(fmin_(64, c1->f64, c2->f64)); break;
  case OP_F64_MAX:            F64(fmax_(64, c1->f64, c2->f64)); break;
  case OP_F64_COPYSIGN:       F64(fcopysign_(64, c1->f64, c2->f64)); break;

  case OP_I32_WRAP_I64:       I32(wrap_(64, 32, c1->i64)); break;
  case OP_I64_EXTEND_I32_S:   I64(extend_(32, 64, S, c1->i32)); break;
  case OP_I64_EXTEND_I32_U:   I64(extend_(32, 64, U, c1->i32)); break;

  case OP_I32_TRUNC_F32_S:    I32(trunc_(32, 32, S, c1->f32, trap)); break;
  case OP_I32_TRUNC_F32_U:    I32(trunc_(32, 32, U, c1->f32, trap)); break;
  case OP_I32_TRUNC_F64_S:    I32(trunc_(64, 32, S, c1->f64, trap)); break;
  case OP_I32_TRUNC_F64_U:    I32(trunc_(64, 32, U, c1->f64, trap)); break;
  case OP_I64_TRUNC_F32_S:    I64(trunc_(32, 64, S, c1->f32, trap)); break;
  case OP_I64_TRUNC_F32_U:    I64(trunc_(32, 64, U, c1->f32, trap)); break;
  case OP_I64_TRUNC_F64_S:    I64(trunc_(64, 64, S, c1->f64, trap)); break;
  case OP_I64_TRUNC_F64_U:    I64(trunc_(64, 64, U, c1->f64, trap)); break;
  case OP_I32_TRUNC_SAT_F32_S: I32(trunc_sat_(32, 32, S, c1->f32)); break;
  case OP_I32_TRUNC_SAT_F32_U: I32(trunc_sat_(32, 32, U, c1->f32)); break;
  case OP_I32_TRUNC_SAT_F64_S: I32(trunc_sat_(64, 32, S, c1->f64)); break;
  case OP_I32_TRUNC_SAT_F64_U: I32(trunc_sat_(64, 32, U, c1->f64)); break;
  case OP_I64_TRUNC_SAT_F32_S: I64(trunc_sat_(32, 64, S, c1->f32)); break;
  case OP_I64_TRUNC_SAT_F32_U: I64(trunc_sat_(32, 64, U, c1->f32)); break;
  case OP_I64_TRUNC_SAT_F64_S: I64(trunc_sat_(64, 64, S, c1->f64)); break;
  case OP_I64_TRUNC_SAT_F64_U: I64(trunc_sat_(64, 64, U, c1->f64)); break;

  case OP_F32_DEMOTE_F64:     F32(demote_(c1->f64)); break;
  case OP_F64_PROMOTE_F32:    F64(promote_(c1->f32)); break;

  case OP_F32_CONVERT_I32_S:  F32(convert_(32, 32, S, c1->i32)); break;
  case OP_F32_CONVERT_I32_U:  F32(convert_(32, 32, U, c1->i32)); break;
  case OP_F32_CONVERT_I64_S:  F32(convert_(64, 32, S, c1->i64)); break;
  case OP_F32_CONVERT_I64_U:  F32(convert_(64, 32, U, c1->i64)); break;
  case OP_F64_CONVERT_I32_S:  F64(convert_(32, 64, S, c1->i32)); break;
  case OP_F64_CONVERT_I32_U:  F64(convert_(32, 64, U, c1->i32)); break;
  case OP_F64_CONVERT_I64_S:  F64(convert_(64, 64, S, c1->i64)); break;
  case OP_F64_CONVERT_I64_U:  F64(convert_(64, 64, U, c1->i64)); break;

  /* $reinterpret__: the same bits under the other type */
  case OP_I32_REINTERPRET_F32: I32(c1->f32); break;
  case OP_I64_REINTERPRET_F64: I64(c1->f64); break;
  case OP_F32_REINTERPRET_I32: F32(c1->i32); break;
  case OP_F64_REINTERPRET_I64: F64(c1->i64); break;

  default:   /* not a scalar instruction */
    return NULL;
  }
  return *trap ? NULL : r + 1;
}
