/* Unit tests of the scalar numerics (interp/num.c) at their edges: traps
 * and the exact bounds of float to integer truncation, rounding at ties in
 * conversions, shift and rotate counts mod N, signed zeroes in min, max and
 * nearest, and NaNs: the bit operators keep payloads, every other operator
 * produces the positive canonical NaN (the deterministic profile).  Floats
 * are given as bit patterns. */

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "interp/num.h"
#include "test/unit/tap.h"

static const char DIV_ZERO[] = "integer divide by zero";
static const char OVERFLOW[] = "integer overflow";
static const char CONVERSION[] = "invalid conversion to integer";

/* NaNs: the canonical ones, and ones that are not */
#define NAN32 0x7fc00000u             /* +nan */
#define NEG_NAN32 0xffc00000u         /* -nan */
#define SNAN32 0x7fa00001u            /* nan:0x200001, signalling */
#define NEG_SNAN32 0xffa00001u
#define ANAN32 0x7fe00000u            /* nan:0x600000, arithmetic */
#define NEG_ANAN32 0xffe00000u
#define INF32 0x7f800000u
#define NEG_INF32 0xff800000u
#define NEG_ZERO32 0x80000000u
#define NAN64 UINT64_C(0x7ff8000000000000)
#define NEG_NAN64 UINT64_C(0xfff8000000000000)
#define SNAN64 UINT64_C(0x7ff4000000000001)
#define NEG_SNAN64 UINT64_C(0xfff4000000000001)
#define NEG_ANAN64 UINT64_C(0xfffc000000000000)
#define INF64 UINT64_C(0x7ff0000000000000)
#define NEG_INF64 UINT64_C(0xfff0000000000000)
#define NEG_ZERO64 UINT64_C(0x8000000000000000)

/* One application: operand bits (c2 only for binary operators), and the
 * result's bits or the trap. */
typedef struct Case {
  Op op;
  uint64_t c1, c2;
  uint64_t c;
  const char *trap;
} Case;

#define RET1(op, c1, c) {OP_##op, c1, 0, c, NULL}
#define RET2(op, c1, c2, c) {OP_##op, c1, c2, c, NULL}
#define TRAP1(op, c1, msg) {OP_##op, c1, 0, 0, msg}
#define TRAP2(op, c1, c2, msg) {OP_##op, c1, c2, 0, msg}

static const uint64_t GUARD = UINT64_C(0x5a5a5a5a5a5a5a5a);

/* A value of the type named by a letter of instr_info's signatures. */
static Value operand(char type, uint64_t bits)
{
  switch (type) {
  case 'i': return value_i32((uint32_t)bits);
  case 'I': return value_i64(bits);
  case 'f': return value_f32((uint32_t)bits);
  default: return value_f64(bits);
  }
}

static uint8_t kind_of(char type)
{
  switch (type) {
  case 'i': return VAL_I32;
  case 'I': return VAL_I64;
  case 'f': return VAL_F32;
  default: return VAL_F64;
  }
}

static uint64_t bits_of(Value v)
{
  return v.kind == VAL_I32 || v.kind == VAL_F32 ? v.i32 : v.i64;
}

/* Applies a case's instruction to a stack holding a guard value below the
 * operands and checks the result, the new top, and that the guard is intact. */
static void check_case(const Case *k)
{
  const InstrInfo *in = &instr_info[k->op];
  size_t n = strlen(in->params);
  Value stack[3] = {value_i64(GUARD)};
  stack[1] = operand(in->params[0], k->c1);
  if (n == 2)
    stack[2] = operand(in->params[1], k->c2);
  const char *trap = NULL;
  Value *sp = num_apply(k->op, stack + 1 + n, &trap);
  if (k->trap) {
    ck_assert_msg(sp == NULL, "%s 0x%llx 0x%llx: no trap, got 0x%llx", in->mnemonic,
                  (unsigned long long)k->c1, (unsigned long long)k->c2,
                  (unsigned long long)bits_of(stack[1]));
    ck_assert_msg(trap && strcmp(trap, k->trap) == 0, "%s 0x%llx: trap \"%s\", want \"%s\"",
                  in->mnemonic, (unsigned long long)k->c1, trap ? trap : "(null)", k->trap);
  } else {
    ck_assert_msg(sp == stack + 2, "%s 0x%llx 0x%llx: trapped (%s)", in->mnemonic,
                  (unsigned long long)k->c1, (unsigned long long)k->c2, trap ? trap : "bad sp");
    ck_assert_int_eq(stack[1].kind, kind_of(in->results[0]));
    ck_assert_msg(bits_of(stack[1]) == k->c, "%s 0x%llx 0x%llx = 0x%llx, want 0x%llx",
                  in->mnemonic, (unsigned long long)k->c1, (unsigned long long)k->c2,
                  (unsigned long long)bits_of(stack[1]), (unsigned long long)k->c);
  }
  ck_assert(stack[0].kind == VAL_I64 && stack[0].i64 == GUARD);
}

static const Case integer_cases[] = {
  RET2(I32_ADD, 0xffffffff, 1, 0),
  RET2(I32_SUB, 0, 1, 0xffffffff),
  RET2(I32_MUL, 0x10000, 0x10000, 0),
  RET2(I32_MUL, 0x7fffffff, 2, 0xfffffffe),
  RET2(I64_ADD, UINT64_MAX, 1, 0),
  RET2(I64_SUB, 0, 1, UINT64_MAX),
  RET2(I64_MUL, 0x100000000, 0x100000000, 0),
  RET2(I64_MUL, 0x7fffffffffffffff, 2, 0xfffffffffffffffe),

  /* division truncates toward zero; -2^(N-1) / -1 overflows, x rem -1 = 0 */
  RET2(I32_DIV_S, 7, 0xfffffffe, 0xfffffffd),
  RET2(I32_DIV_S, 0xfffffff9, 2, 0xfffffffd),
  RET2(I32_DIV_S, 0x80000000, 2, 0xc0000000),
  RET2(I32_DIV_S, 0x80000000, 1, 0x80000000),
  TRAP2(I32_DIV_S, 0x80000000, 0xffffffff, OVERFLOW),
  TRAP2(I32_DIV_S, 1, 0, DIV_ZERO),
  TRAP2(I32_DIV_S, 0x80000000, 0, DIV_ZERO),
  RET2(I32_DIV_U, 0x80000000, 2, 0x40000000),
  RET2(I32_DIV_U, 0xffffffff, 0xffffffff, 1),
  RET2(I32_DIV_U, 0x80000000, 0xffffffff, 0),
  TRAP2(I32_DIV_U, 1, 0, DIV_ZERO),
  RET2(I32_REM_S, 0xfffffff9, 2, 0xffffffff),
  RET2(I32_REM_S, 7, 0xfffffffe, 1),
  RET2(I32_REM_S, 0x80000000, 0xffffffff, 0),
  RET2(I32_REM_S, 0x80000001, 2, 0xffffffff),
  TRAP2(I32_REM_S, 1, 0, DIV_ZERO),
  RET2(I32_REM_U, 0xffffffff, 0x80000000, 0x7fffffff),
  RET2(I32_REM_U, 0x80000000, 0xffffffff, 0x80000000),
  TRAP2(I32_REM_U, 1, 0, DIV_ZERO),
  RET2(I64_DIV_S, 0xfffffffffffffff9, 2, 0xfffffffffffffffd),
  RET2(I64_DIV_S, 0x80000000, UINT64_MAX, 0xffffffff80000000),
  TRAP2(I64_DIV_S, 0x8000000000000000, UINT64_MAX, OVERFLOW),
  TRAP2(I64_DIV_S, 0x8000000000000000, 0, DIV_ZERO),
  RET2(I64_DIV_U, UINT64_MAX, 2, 0x7fffffffffffffff),
  RET2(I64_DIV_U, 0x8000000000000000, UINT64_MAX, 0),
  TRAP2(I64_DIV_U, 1, 0, DIV_ZERO),
  RET2(I64_REM_S, 0x8000000000000000, UINT64_MAX, 0),
  RET2(I64_REM_S, 0xfffffffffffffff9, 2, UINT64_MAX),
  TRAP2(I64_REM_S, 1, 0, DIV_ZERO),
  RET2(I64_REM_U, UINT64_MAX, 0x8000000000000000, 0x7fffffffffffffff),
  TRAP2(I64_REM_U, 1, 0, DIV_ZERO),

  /* shift and rotate counts are taken mod N */
  RET2(I32_SHL, 1, 31, 0x80000000),
  RET2(I32_SHL, 1, 32, 1),
  RET2(I32_SHL, 1, 33, 2),
  RET2(I32_SHL, 0xffffffff, 0xffffffff, 0x80000000),
  RET2(I32_SHR_S, 0x80000000, 1, 0xc0000000),
  RET2(I32_SHR_S, 0x80000000, 31, 0xffffffff),
  RET2(I32_SHR_S, 0x80000000, 32, 0x80000000),
  RET2(I32_SHR_S, 0x80000000, 63, 0xffffffff),
  RET2(I32_SHR_S, 0x7fffffff, 30, 1),
  RET2(I32_SHR_U, 0x80000000, 31, 1),
  RET2(I32_SHR_U, 0x80000000, 32, 0x80000000),
  RET2(I32_SHR_U, 0xffffffff, 36, 0x0fffffff),
  RET2(I64_SHL, 1, 63, 0x8000000000000000),
  RET2(I64_SHL, 1, 64, 1),
  RET2(I64_SHL, 1, 0xffffffffffffffc1, 2),
  RET2(I64_SHR_S, 0x8000000000000000, 32, 0xffffffff80000000),
  RET2(I64_SHR_S, 0x8000000000000000, 63, UINT64_MAX),
  RET2(I64_SHR_S, 0x8000000000000000, 64, 0x8000000000000000),
  RET2(I64_SHR_S, 0x7fffffffffffffff, 62, 1),
  RET2(I64_SHR_U, 0x8000000000000000, 63, 1),
  RET2(I64_SHR_U, 0x8000000000000000, 0x8000000000000040, 0x8000000000000000),
  RET2(I64_SHR_U, UINT64_MAX, 32, 0xffffffff),
  RET2(I32_ROTL, 0x12345678, 0, 0x12345678),
  RET2(I32_ROTL, 0x12345678, 4, 0x23456781),
  RET2(I32_ROTL, 0x80000001, 1, 0x00000003),
  RET2(I32_ROTL, 0x80000001, 31, 0xc0000000),
  RET2(I32_ROTL, 0x12345678, 32, 0x12345678),
  RET2(I32_ROTL, 0x12345678, 0xffffffe4, 0x23456781),
  RET2(I32_ROTR, 0x12345678, 0, 0x12345678),
  RET2(I32_ROTR, 0x12345678, 4, 0x81234567),
  RET2(I32_ROTR, 0x80000001, 31, 0x00000003),
  RET2(I32_ROTR, 0x12345678, 32, 0x12345678),
  RET2(I32_ROTR, 0x12345678, 36, 0x81234567),
  RET2(I64_ROTL, 0x0123456789abcdef, 0, 0x0123456789abcdef),
  RET2(I64_ROTL, 0x0123456789abcdef, 4, 0x123456789abcdef0),
  RET2(I64_ROTL, 0x8000000000000001, 1, 3),
  RET2(I64_ROTL, 0x8000000000000001, 63, 0xc000000000000000),
  RET2(I64_ROTL, 0x0123456789abcdef, 64, 0x0123456789abcdef),
  RET2(I64_ROTR, 0x0123456789abcdef, 4, 0xf0123456789abcde),
  RET2(I64_ROTR, 0x0123456789abcdef, 63, 0x02468acf13579bde),
  RET2(I64_ROTR, 0x0123456789abcdef, 64, 0x0123456789abcdef),
  RET2(I64_ROTR, 0x0123456789abcdef, 0x8000000000000044, 0xf0123456789abcde),
  RET2(I64_ROTR, 1, 1, 0x8000000000000000),

  RET1(I32_CLZ, 0, 32),
  RET1(I32_CLZ, 1, 31),
  RET1(I32_CLZ, 0x80000000, 0),
  RET1(I32_CLZ, 0x00008000, 16),
  RET1(I32_CTZ, 0, 32),
  RET1(I32_CTZ, 1, 0),
  RET1(I32_CTZ, 0x80000000, 31),
  RET1(I32_CTZ, 0x00010000, 16),
  RET1(I32_POPCNT, 0, 0),
  RET1(I32_POPCNT, 0xffffffff, 32),
  RET1(I32_POPCNT, 0x55555555, 16),
  RET1(I32_POPCNT, 0x80000001, 2),
  RET1(I64_CLZ, 0, 64),
  RET1(I64_CLZ, 1, 63),
  RET1(I64_CLZ, 0x8000000000000000, 0),
  RET1(I64_CLZ, 0xffffffff, 32),
  RET1(I64_CTZ, 0, 64),
  RET1(I64_CTZ, 0x8000000000000000, 63),
  RET1(I64_CTZ, 0x100000000, 32),
  RET1(I64_POPCNT, 0, 0),
  RET1(I64_POPCNT, UINT64_MAX, 64),
  RET1(I64_POPCNT, 0x5555555555555555, 32),
  RET1(I64_POPCNT, 0x8000000000000001, 2),

  RET1(I32_EXTEND8_S, 0x80, 0xffffff80),
  RET1(I32_EXTEND8_S, 0x7f, 0x7f),
  RET1(I32_EXTEND8_S, 0x12345680, 0xffffff80),
  RET1(I32_EXTEND8_S, 0xffffff01, 1),
  RET1(I32_EXTEND16_S, 0x8000, 0xffff8000),
  RET1(I32_EXTEND16_S, 0x12347fff, 0x7fff),
  RET1(I64_EXTEND8_S, 0xff, UINT64_MAX),
  RET1(I64_EXTEND8_S, 0x0123456789abcd7f, 0x7f),
  RET1(I64_EXTEND16_S, 0x8000, 0xffffffffffff8000),
  RET1(I64_EXTEND16_S, 0xffffffffffff7fff, 0x7fff),
  RET1(I64_EXTEND32_S, 0x80000000, 0xffffffff80000000),
  RET1(I64_EXTEND32_S, 0xffffffff7fffffff, 0x7fffffff),
  RET1(I64_EXTEND_I32_S, 0x80000000, 0xffffffff80000000),
  RET1(I64_EXTEND_I32_S, 0x7fffffff, 0x7fffffff),
  RET1(I64_EXTEND_I32_U, 0x80000000, 0x80000000),
  RET1(I64_EXTEND_I32_U, 0xffffffff, 0xffffffff),
  RET1(I32_WRAP_I64, 0x0000000123456789, 0x23456789),
  RET1(I32_WRAP_I64, 0xffffffff00000000, 0),

  RET1(I32_EQZ, 0, 1),
  RET1(I32_EQZ, 0x80000000, 0),
  RET1(I64_EQZ, 0, 1),
  RET1(I64_EQZ, 0x100000000, 0),
  RET2(I32_EQ, 1, 1, 1),
  RET2(I32_NE, 1, 1, 0),
  RET2(I32_LT_S, 0x80000000, 1, 1),
  RET2(I32_LT_U, 0x80000000, 1, 0),
  RET2(I32_GT_S, 0xffffffff, 0, 0),
  RET2(I32_GT_U, 0xffffffff, 0, 1),
  RET2(I32_LE_S, 0x80000000, 0x80000000, 1),
  RET2(I32_LE_U, 1, 0, 0),
  RET2(I32_GE_S, 0, 0xffffffff, 1),
  RET2(I32_GE_U, 0, 0xffffffff, 0),
  RET2(I64_EQ, 0x100000000, 0, 0),
  RET2(I64_NE, 0x100000000, 0, 1),
  RET2(I64_LT_S, 0x8000000000000000, 0, 1),
  RET2(I64_LT_U, 0x8000000000000000, 0, 0),
  RET2(I64_GT_S, 0x7fffffffffffffff, 0x8000000000000000, 1),
  RET2(I64_GT_U, 0x7fffffffffffffff, 0x8000000000000000, 0),
  RET2(I64_LE_S, UINT64_MAX, 0, 1),
  RET2(I64_LE_U, UINT64_MAX, 0, 0),
  RET2(I64_GE_S, 0x8000000000000000, 0x8000000000000000, 1),
  RET2(I64_GE_U, 0, 0x100000000, 0),
};

static const Case float_cases[] = {
  /* arithmetic: any NaN result is +nan, whatever the inputs' sign and payload */
  RET2(F32_ADD, 0x3f800000, 0x40000000, 0x40400000),     /* 1 + 2 = 3 */
  RET2(F32_ADD, INF32, NEG_INF32, NAN32),
  RET2(F32_ADD, SNAN32, 0x3f800000, NAN32),
  RET2(F32_ADD, 0x3f800000, NEG_ANAN32, NAN32),
  RET2(F32_ADD, NEG_NAN32, NEG_NAN32, NAN32),
  RET2(F32_ADD, 0x3f800000, 0x33800000, 0x3f800000),     /* 1 + 2^-24: tie, to even */
  RET2(F32_ADD, 0x3f800000, 0x33800001, 0x3f800001),     /* just above the tie */
  RET2(F32_ADD, NEG_ZERO32, NEG_ZERO32, NEG_ZERO32),
  RET2(F32_ADD, NEG_ZERO32, 0, 0),
  RET2(F32_SUB, INF32, INF32, NAN32),
  RET2(F32_SUB, 0x3f800000, 0x3f800000, 0),
  RET2(F32_MUL, 0, INF32, NAN32),
  RET2(F32_MUL, 0x7f000000, 0x40000000, INF32),          /* 2^127 * 2 */
  RET2(F32_MUL, 0x00800000, 0x3f000000, 0x00400000),     /* subnormal, not flushed */
  RET2(F32_MUL, NEG_ZERO32, 0x3f800000, NEG_ZERO32),
  RET2(F32_DIV, 0, 0, NAN32),
  RET2(F32_DIV, NEG_ZERO32, 0, NAN32),
  RET2(F32_DIV, INF32, NEG_INF32, NAN32),
  RET2(F32_DIV, NEG_NAN32, 0x3f800000, NAN32),
  RET2(F32_DIV, 0x3f800000, 0x40400000, 0x3eaaaaab),     /* 1/3 */
  RET2(F32_DIV, 0x3f800000, 0, INF32),
  RET2(F32_DIV, 0x3f800000, NEG_ZERO32, NEG_INF32),
  RET1(F32_SQRT, 0x40800000, 0x40000000),
  RET1(F32_SQRT, 0x40000000, 0x3fb504f3),
  RET1(F32_SQRT, 0xbf800000, NAN32),
  RET1(F32_SQRT, NEG_INF32, NAN32),
  RET1(F32_SQRT, INF32, INF32),
  RET1(F32_SQRT, NEG_ZERO32, NEG_ZERO32),
  RET1(F32_SQRT, SNAN32, NAN32),
  RET2(F64_ADD, INF64, NEG_INF64, NAN64),
  RET2(F64_ADD, SNAN64, 0x3ff0000000000000, NAN64),
  RET2(F64_ADD, 0x3ff0000000000000, NEG_ANAN64, NAN64),
  RET2(F64_ADD, 0x3ff0000000000000, 0x3ca0000000000000, 0x3ff0000000000000),  /* tie */
  RET2(F64_ADD, 0x3ff0000000000000, 0x3ca0000000000001, 0x3ff0000000000001),
  RET2(F64_SUB, INF64, INF64, NAN64),
  RET2(F64_MUL, 0, INF64, NAN64),
  RET2(F64_MUL, 0x0010000000000000, 0x3fe0000000000000, 0x0008000000000000),
  RET2(F64_DIV, 0, 0, NAN64),
  RET2(F64_DIV, NEG_ZERO64, NEG_ZERO64, NAN64),
  RET2(F64_DIV, 0x3ff0000000000000, 0x4008000000000000, 0x3fd5555555555555),
  RET2(F64_DIV, 0x3ff0000000000000, NEG_ZERO64, NEG_INF64),
  RET2(F64_DIV, NEG_SNAN64, 0x3ff0000000000000, NAN64),
  RET1(F64_SQRT, 0x4000000000000000, 0x3ff6a09e667f3bcd),
  RET1(F64_SQRT, 0xbff0000000000000, NAN64),
  RET1(F64_SQRT, NEG_ZERO64, NEG_ZERO64),
  RET1(F64_SQRT, SNAN64, NAN64),

  /* min and max: NaN if either is NaN; -0 < +0 */
  RET2(F32_MIN, NEG_ZERO32, 0, NEG_ZERO32),
  RET2(F32_MIN, 0, NEG_ZERO32, NEG_ZERO32),
  RET2(F32_MIN, 0, 0, 0),
  RET2(F32_MAX, NEG_ZERO32, 0, 0),
  RET2(F32_MAX, 0, NEG_ZERO32, 0),
  RET2(F32_MAX, NEG_ZERO32, NEG_ZERO32, NEG_ZERO32),
  RET2(F32_MIN, 0x3f800000, NAN32, NAN32),
  RET2(F32_MIN, SNAN32, 0x3f800000, NAN32),
  RET2(F32_MIN, NEG_INF32, NEG_ANAN32, NAN32),
  RET2(F32_MAX, INF32, NEG_NAN32, NAN32),
  RET2(F32_MIN, 0x3f800000, 0x40000000, 0x3f800000),
  RET2(F32_MIN, NEG_INF32, 0x3f800000, NEG_INF32),
  RET2(F32_MAX, 0x3f800000, 0x40000000, 0x40000000),
  RET2(F32_MAX, 0x80000001, 0x00000001, 0x00000001),     /* -/+ smallest subnormal */
  RET2(F64_MIN, NEG_ZERO64, 0, NEG_ZERO64),
  RET2(F64_MIN, 0, NEG_ZERO64, NEG_ZERO64),
  RET2(F64_MAX, NEG_ZERO64, 0, 0),
  RET2(F64_MAX, 0, NEG_ZERO64, 0),
  RET2(F64_MIN, 0x3ff0000000000000, NAN64, NAN64),
  RET2(F64_MIN, NEG_SNAN64, NEG_INF64, NAN64),
  RET2(F64_MAX, NEG_INF64, 0x3ff0000000000000, 0x3ff0000000000000),
  RET2(F64_MAX, NEG_ANAN64, INF64, NAN64),

  /* rounding to integral: ties to even, the sign of zero kept */
  RET1(F32_NEAREST, 0x3f000000, 0),                      /* 0.5 */
  RET1(F32_NEAREST, 0xbf000000, NEG_ZERO32),             /* -0.5 */
  RET1(F32_NEAREST, 0xbecccccd, NEG_ZERO32),             /* -0.4 */
  RET1(F32_NEAREST, 0x3fc00000, 0x40000000),             /* 1.5 → 2 */
  RET1(F32_NEAREST, 0x40200000, 0x40000000),             /* 2.5 → 2 */
  RET1(F32_NEAREST, 0x40600000, 0x40800000),             /* 3.5 → 4 */
  RET1(F32_NEAREST, 0xbfc00000, 0xc0000000),             /* -1.5 → -2 */
  RET1(F32_NEAREST, 0xc0200000, 0xc0000000),             /* -2.5 → -2 */
  RET1(F32_NEAREST, 0x4affffff, 0x4b000000),             /* 2^23 - 0.5 → 2^23 */
  RET1(F32_NEAREST, 0x4b000001, 0x4b000001),             /* 2^23 + 1 */
  RET1(F32_NEAREST, 0x7f7fffff, 0x7f7fffff),
  RET1(F32_NEAREST, NEG_ZERO32, NEG_ZERO32),
  RET1(F32_NEAREST, NEG_INF32, NEG_INF32),
  RET1(F32_NEAREST, SNAN32, NAN32),
  RET1(F32_NEAREST, NEG_NAN32, NAN32),
  RET1(F32_CEIL, 0xbf000000, NEG_ZERO32),
  RET1(F32_CEIL, 0x3f000000, 0x3f800000),
  RET1(F32_CEIL, ANAN32, NAN32),
  RET1(F32_FLOOR, 0x3f000000, 0),
  RET1(F32_FLOOR, 0xbf000000, 0xbf800000),
  RET1(F32_FLOOR, NEG_INF32, NEG_INF32),
  RET1(F32_TRUNC, 0xbfc00000, 0xbf800000),
  RET1(F32_TRUNC, 0xbf000000, NEG_ZERO32),
  RET1(F32_TRUNC, 0x4affffff, 0x4afffffe),
  RET1(F32_TRUNC, NEG_SNAN32, NAN32),
  RET1(F64_NEAREST, 0x3fe0000000000000, 0),
  RET1(F64_NEAREST, 0xbfe0000000000000, NEG_ZERO64),
  RET1(F64_NEAREST, 0x3ff8000000000000, 0x4000000000000000),
  RET1(F64_NEAREST, 0x4004000000000000, 0x4000000000000000),
  RET1(F64_NEAREST, 0xbff8000000000000, 0xc000000000000000),
  RET1(F64_NEAREST, 0x432fffffffffffff, 0x4330000000000000),  /* 2^52 - 0.5 → 2^52 */
  RET1(F64_NEAREST, 0x4330000000000001, 0x4330000000000001),  /* 2^52 + 1 */
  RET1(F64_NEAREST, 0x7fefffffffffffff, 0x7fefffffffffffff),
  RET1(F64_NEAREST, SNAN64, NAN64),
  RET1(F64_CEIL, 0xbfe0000000000000, NEG_ZERO64),
  RET1(F64_FLOOR, 0xbfe0000000000000, 0xbff0000000000000),
  RET1(F64_TRUNC, 0xbff8000000000000, 0xbff0000000000000),
  RET1(F64_TRUNC, NEG_NAN64, NAN64),

  /* abs, neg and copysign touch the sign bit only, payloads included */
  RET1(F32_ABS, NEG_SNAN32, SNAN32),
  RET1(F32_ABS, NEG_ZERO32, 0),
  RET1(F32_ABS, 0xbf800000, 0x3f800000),
  RET1(F32_NEG, SNAN32, NEG_SNAN32),
  RET1(F32_NEG, NEG_NAN32, NAN32),
  RET1(F32_NEG, 0, NEG_ZERO32),
  RET2(F32_COPYSIGN, SNAN32, 0xbf800000, NEG_SNAN32),
  RET2(F32_COPYSIGN, NEG_ANAN32, 0, ANAN32),
  RET2(F32_COPYSIGN, 0x3f800000, NEG_NAN32, 0xbf800000),
  RET2(F32_COPYSIGN, 0xbf800000, SNAN32, 0x3f800000),
  RET1(F64_ABS, NEG_SNAN64, SNAN64),
  RET1(F64_NEG, SNAN64, NEG_SNAN64),
  RET1(F64_NEG, 0, NEG_ZERO64),
  RET2(F64_COPYSIGN, SNAN64, NEG_ZERO64, NEG_SNAN64),
  RET2(F64_COPYSIGN, 0x3ff0000000000000, NEG_NAN64, 0xbff0000000000000),

  /* comparisons: false on NaN (true for ne), -0 = +0 */
  RET2(F32_EQ, NAN32, NAN32, 0),
  RET2(F32_EQ, SNAN32, SNAN32, 0),
  RET2(F32_EQ, NEG_ZERO32, 0, 1),
  RET2(F32_NE, NAN32, NAN32, 1),
  RET2(F32_NE, NEG_ZERO32, 0, 0),
  RET2(F32_LT, NEG_ZERO32, 0, 0),
  RET2(F32_LT, NEG_INF32, INF32, 1),
  RET2(F32_LT, NAN32, 0x3f800000, 0),
  RET2(F32_LE, NEG_ZERO32, 0, 1),
  RET2(F32_GT, 0x3f800000, NAN32, 0),
  RET2(F32_GT, INF32, 0x7f7fffff, 1),
  RET2(F32_GE, NAN32, NAN32, 0),
  RET2(F32_GE, 0, NEG_ZERO32, 1),
  RET2(F64_EQ, NAN64, NAN64, 0),
  RET2(F64_EQ, NEG_ZERO64, 0, 1),
  RET2(F64_NE, NAN64, NAN64, 1),
  RET2(F64_LT, NEG_ZERO64, 0, 0),
  RET2(F64_LT, 0x3ff0000000000000, NAN64, 0),
  RET2(F64_LE, NAN64, 0x3ff0000000000000, 0),
  RET2(F64_GT, 0x7fefffffffffffff, INF64, 0),
  RET2(F64_GE, NEG_ZERO64, 0, 1),
};

static const Case conversion_cases[] = {
  /* promote and demote: any NaN becomes +nan */
  RET1(F64_PROMOTE_F32, NAN32, NAN64),
  RET1(F64_PROMOTE_F32, SNAN32, NAN64),
  RET1(F64_PROMOTE_F32, NEG_NAN32, NAN64),
  RET1(F64_PROMOTE_F32, 0x00000001, 0x36a0000000000000),  /* 2^-149 */
  RET1(F64_PROMOTE_F32, NEG_ZERO32, NEG_ZERO64),
  RET1(F64_PROMOTE_F32, 0x7f7fffff, 0x47efffffe0000000),
  RET1(F64_PROMOTE_F32, NEG_INF32, NEG_INF64),
  RET1(F32_DEMOTE_F64, SNAN64, NAN32),
  RET1(F32_DEMOTE_F64, NEG_NAN64, NAN32),
  RET1(F32_DEMOTE_F64, 0x7ff8000000000001, NAN32),
  RET1(F32_DEMOTE_F64, 0x47efffffd0000000, 0x7f7ffffe),   /* tie below FLT_MAX, to even */
  RET1(F32_DEMOTE_F64, 0x47efffffd0000001, 0x7f7fffff),
  RET1(F32_DEMOTE_F64, 0x47efffffe0000001, 0x7f7fffff),   /* just above FLT_MAX */
  RET1(F32_DEMOTE_F64, 0x47efffffefffffff, 0x7f7fffff),   /* just below the midpoint to 2^128 */
  RET1(F32_DEMOTE_F64, 0x47effffff0000000, INF32),        /* the midpoint: to even, infinity */
  RET1(F32_DEMOTE_F64, 0xc7effffff0000000, NEG_INF32),
  RET1(F32_DEMOTE_F64, 0x7fefffffffffffff, INF32),
  RET1(F32_DEMOTE_F64, 0xffefffffffffffff, NEG_INF32),
  RET1(F32_DEMOTE_F64, INF64, INF32),
  RET1(F32_DEMOTE_F64, NEG_ZERO64, NEG_ZERO32),
  RET1(F32_DEMOTE_F64, 0x36a0000000000000, 0x00000001),   /* 2^-149 */
  RET1(F32_DEMOTE_F64, 0x3690000000000000, 0),            /* 2^-150: tie, to even 0 */
  RET1(F32_DEMOTE_F64, 0x3690000000000001, 0x00000001),
  RET1(F32_DEMOTE_F64, 0x0000000000000001, 0),
  RET1(F32_DEMOTE_F64, 0x8000000000000001, NEG_ZERO32),
  RET1(F32_DEMOTE_F64, 0x380fffffe0000000, 0x00800000),   /* rounds up to 2^-126 */
  RET1(F32_DEMOTE_F64, 0x3ff0000010000000, 0x3f800000),   /* tie, to even */
  RET1(F32_DEMOTE_F64, 0x3ff0000030000000, 0x3f800002),   /* tie, to even */

  /* integer to float: round to nearest, ties to even, in one step */
  RET1(F32_CONVERT_I32_S, 0x80000000, 0xcf000000),
  RET1(F32_CONVERT_I32_S, 0x7fffffff, 0x4f000000),
  RET1(F32_CONVERT_I32_S, 0xffffffff, 0xbf800000),
  RET1(F32_CONVERT_I32_S, 16777217, 0x4b800000),
  RET1(F32_CONVERT_I32_S, 16777219, 0x4b800002),
  RET1(F32_CONVERT_I32_U, 0xffffffff, 0x4f800000),
  RET1(F32_CONVERT_I32_U, 0x80000080, 0x4f000000),
  RET1(F32_CONVERT_I32_U, 0x80000081, 0x4f000001),
  RET1(F32_CONVERT_I64_S, 0x7fffff4000000001, 0x5effffff),
  RET1(F32_CONVERT_I64_S, 0x8000004000000001, 0xdeffffff),
  RET1(F32_CONVERT_I64_S, 0x0020000020000001, 0x5a000001),  /* 9007199791611905: not via double */
  RET1(F32_CONVERT_I64_S, 0xffdfffffdfffffff, 0xda000001),
  RET1(F32_CONVERT_I64_S, 0x8000000000000000, 0xdf000000),
  RET1(F32_CONVERT_I64_S, UINT64_MAX, 0xbf800000),
  RET1(F32_CONVERT_I64_U, UINT64_MAX, 0x5f800000),
  RET1(F32_CONVERT_I64_U, 0x8000008000000000, 0x5f000000),  /* tie, to even */
  RET1(F32_CONVERT_I64_U, 0x8000008000000001, 0x5f000001),
  RET1(F32_CONVERT_I64_U, 0xfffffe8000000001, 0x5f7fffff),
  RET1(F32_CONVERT_I64_U, 0x7fffffbfffffffff, 0x5effffff),
  RET1(F32_CONVERT_I64_U, 0x0020000020000001, 0x5a000001),
  RET1(F64_CONVERT_I32_S, 0x80000000, 0xc1e0000000000000),
  RET1(F64_CONVERT_I32_S, 0xffffffff, 0xbff0000000000000),
  RET1(F64_CONVERT_I32_U, 0xffffffff, 0x41efffffffe00000),
  RET1(F64_CONVERT_I32_U, 0x80000000, 0x41e0000000000000),
  RET1(F64_CONVERT_I64_S, 0x0020000000000001, 0x4340000000000000),  /* 2^53 + 1: tie */
  RET1(F64_CONVERT_I64_S, 0x0020000000000003, 0x4340000000000002),
  RET1(F64_CONVERT_I64_S, 0xffdfffffffffffff, 0xc340000000000000),
  RET1(F64_CONVERT_I64_S, 0x8000000000000000, 0xc3e0000000000000),
  RET1(F64_CONVERT_I64_S, 0x7fffffffffffffff, 0x43e0000000000000),
  RET1(F64_CONVERT_I64_U, UINT64_MAX, 0x43f0000000000000),
  RET1(F64_CONVERT_I64_U, 0x8000000000000400, 0x43e0000000000000),  /* tie, to even */
  RET1(F64_CONVERT_I64_U, 0x8000000000000401, 0x43e0000000000001),
  RET1(F64_CONVERT_I64_U, 0x8000000000000c00, 0x43e0000000000002),  /* tie, to even */

  RET1(I32_REINTERPRET_F32, SNAN32, SNAN32),
  RET1(I32_REINTERPRET_F32, NEG_NAN32, NEG_NAN32),
  RET1(I64_REINTERPRET_F64, NEG_SNAN64, NEG_SNAN64),
  RET1(F32_REINTERPRET_I32, SNAN32, SNAN32),
  RET1(F64_REINTERPRET_I64, SNAN64, SNAN64),

  /* float to integer: the last value inside the range and the first outside */
  RET1(I32_TRUNC_F32_S, 0xcf000000, 0x80000000),        /* -2^31 */
  TRAP1(I32_TRUNC_F32_S, 0xcf000001, OVERFLOW),          /* -2147483904 */
  RET1(I32_TRUNC_F32_S, 0x4effffff, 0x7fffff80),         /* 2147483520 */
  TRAP1(I32_TRUNC_F32_S, 0x4f000000, OVERFLOW),          /* 2^31 */
  RET1(I32_TRUNC_F32_S, 0xbfc00000, 0xffffffff),         /* -1.5 */
  RET1(I32_TRUNC_F32_S, 0x80000001, 0),
  RET1(I32_TRUNC_F32_U, 0xbf7fffff, 0),                  /* -0.99999994 */
  TRAP1(I32_TRUNC_F32_U, 0xbf800000, OVERFLOW),          /* -1 */
  RET1(I32_TRUNC_F32_U, 0x4f7fffff, 0xffffff00),
  TRAP1(I32_TRUNC_F32_U, 0x4f800000, OVERFLOW),          /* 2^32 */
  RET1(I32_TRUNC_F32_U, 0x4f000000, 0x80000000),
  RET1(I32_TRUNC_F64_S, 0xc1e00000001ccccd, 0x80000000), /* -2147483648.9 */
  TRAP1(I32_TRUNC_F64_S, 0xc1e0000000200000, OVERFLOW),  /* -2147483649 */
  RET1(I32_TRUNC_F64_S, 0x41dffffffff9999a, 0x7fffffff), /* 2147483647.9 */
  TRAP1(I32_TRUNC_F64_S, 0x41e0000000000000, OVERFLOW),  /* 2^31 */
  RET1(I32_TRUNC_F64_U, 0xbfefffffffffffff, 0),
  TRAP1(I32_TRUNC_F64_U, 0xbff0000000000000, OVERFLOW),
  RET1(I32_TRUNC_F64_U, 0x41effffffffccccd, 0xffffffff), /* 4294967295.9 */
  TRAP1(I32_TRUNC_F64_U, 0x41f0000000000000, OVERFLOW),  /* 2^32 */
  RET1(I64_TRUNC_F32_S, 0xdf000000, 0x8000000000000000),
  TRAP1(I64_TRUNC_F32_S, 0xdf000001, OVERFLOW),
  RET1(I64_TRUNC_F32_S, 0x5effffff, 0x7fffff8000000000),
  TRAP1(I64_TRUNC_F32_S, 0x5f000000, OVERFLOW),
  RET1(I64_TRUNC_F32_U, 0xbf7fffff, 0),
  TRAP1(I64_TRUNC_F32_U, 0xbf800000, OVERFLOW),
  RET1(I64_TRUNC_F32_U, 0x5f7fffff, 0xffffff0000000000),
  TRAP1(I64_TRUNC_F32_U, 0x5f800000, OVERFLOW),
  RET1(I64_TRUNC_F64_S, 0xc3e0000000000000, 0x8000000000000000),
  TRAP1(I64_TRUNC_F64_S, 0xc3e0000000000001, OVERFLOW),
  RET1(I64_TRUNC_F64_S, 0x43dfffffffffffff, 0x7ffffffffffffc00),
  TRAP1(I64_TRUNC_F64_S, 0x43e0000000000000, OVERFLOW),
  RET1(I64_TRUNC_F64_U, 0xbfefffffffffffff, 0),
  TRAP1(I64_TRUNC_F64_U, 0xbff0000000000000, OVERFLOW),
  RET1(I64_TRUNC_F64_U, 0x43efffffffffffff, 0xfffffffffffff800),
  TRAP1(I64_TRUNC_F64_U, 0x43f0000000000000, OVERFLOW),

  /* the same values, saturating */
  RET1(I32_TRUNC_SAT_F32_S, 0xcf000000, 0x80000000),
  RET1(I32_TRUNC_SAT_F32_S, 0xcf000001, 0x80000000),
  RET1(I32_TRUNC_SAT_F32_S, 0x4effffff, 0x7fffff80),
  RET1(I32_TRUNC_SAT_F32_S, 0x4f000000, 0x7fffffff),
  RET1(I32_TRUNC_SAT_F32_S, 0xbfc00000, 0xffffffff),
  RET1(I32_TRUNC_SAT_F32_U, 0xbf7fffff, 0),
  RET1(I32_TRUNC_SAT_F32_U, 0xbf800000, 0),
  RET1(I32_TRUNC_SAT_F32_U, 0xcf000000, 0),
  RET1(I32_TRUNC_SAT_F32_U, 0x4f7fffff, 0xffffff00),
  RET1(I32_TRUNC_SAT_F32_U, 0x4f800000, 0xffffffff),
  RET1(I32_TRUNC_SAT_F64_S, 0xc1e00000001ccccd, 0x80000000),
  RET1(I32_TRUNC_SAT_F64_S, 0xc1e0000000200000, 0x80000000),
  RET1(I32_TRUNC_SAT_F64_S, 0x41dffffffff9999a, 0x7fffffff),
  RET1(I32_TRUNC_SAT_F64_S, 0x41e0000000000000, 0x7fffffff),
  RET1(I32_TRUNC_SAT_F64_S, 0xbff8000000000000, 0xffffffff),
  RET1(I32_TRUNC_SAT_F64_U, 0xbfefffffffffffff, 0),
  RET1(I32_TRUNC_SAT_F64_U, 0xbff0000000000000, 0),
  RET1(I32_TRUNC_SAT_F64_U, 0x41effffffffccccd, 0xffffffff),
  RET1(I32_TRUNC_SAT_F64_U, 0x41f0000000000000, 0xffffffff),
  RET1(I32_TRUNC_SAT_F64_U, 0x41e0000000000000, 0x80000000),
  RET1(I64_TRUNC_SAT_F32_S, 0xdf000000, 0x8000000000000000),
  RET1(I64_TRUNC_SAT_F32_S, 0xdf000001, 0x8000000000000000),
  RET1(I64_TRUNC_SAT_F32_S, 0x5effffff, 0x7fffff8000000000),
  RET1(I64_TRUNC_SAT_F32_S, 0x5f000000, 0x7fffffffffffffff),
  RET1(I64_TRUNC_SAT_F32_U, 0xbf7fffff, 0),
  RET1(I64_TRUNC_SAT_F32_U, 0xbf800000, 0),
  RET1(I64_TRUNC_SAT_F32_U, 0x5f7fffff, 0xffffff0000000000),
  RET1(I64_TRUNC_SAT_F32_U, 0x5f800000, UINT64_MAX),
  RET1(I64_TRUNC_SAT_F64_S, 0xc3e0000000000000, 0x8000000000000000),
  RET1(I64_TRUNC_SAT_F64_S, 0xc3e0000000000001, 0x8000000000000000),
  RET1(I64_TRUNC_SAT_F64_S, 0x43dfffffffffffff, 0x7ffffffffffffc00),
  RET1(I64_TRUNC_SAT_F64_S, 0x43e0000000000000, 0x7fffffffffffffff),
  RET1(I64_TRUNC_SAT_F64_U, 0xbfefffffffffffff, 0),
  RET1(I64_TRUNC_SAT_F64_U, 0xbff0000000000000, 0),
  RET1(I64_TRUNC_SAT_F64_U, 0x43efffffffffffff, 0xfffffffffffff800),
  RET1(I64_TRUNC_SAT_F64_U, 0x43f0000000000000, UINT64_MAX),
};

START_TEST(test_integer) { check_case(&integer_cases[_i]); }
END_TEST

START_TEST(test_float) { check_case(&float_cases[_i]); }
END_TEST

START_TEST(test_conversion) { check_case(&conversion_cases[_i]); }
END_TEST

/* Each truncation with its saturating twin and the range they share. */
typedef struct Trunc {
  Op trunc, trunc_sat;
  uint64_t min, max;
} Trunc;

static const Trunc truncs[] = {
  {OP_I32_TRUNC_F32_S, OP_I32_TRUNC_SAT_F32_S, 0x80000000, 0x7fffffff},
  {OP_I32_TRUNC_F32_U, OP_I32_TRUNC_SAT_F32_U, 0, 0xffffffff},
  {OP_I32_TRUNC_F64_S, OP_I32_TRUNC_SAT_F64_S, 0x80000000, 0x7fffffff},
  {OP_I32_TRUNC_F64_U, OP_I32_TRUNC_SAT_F64_U, 0, 0xffffffff},
  {OP_I64_TRUNC_F32_S, OP_I64_TRUNC_SAT_F32_S, 0x8000000000000000, 0x7fffffffffffffff},
  {OP_I64_TRUNC_F32_U, OP_I64_TRUNC_SAT_F32_U, 0, UINT64_MAX},
  {OP_I64_TRUNC_F64_S, OP_I64_TRUNC_SAT_F64_S, 0x8000000000000000, 0x7fffffffffffffff},
  {OP_I64_TRUNC_F64_U, OP_I64_TRUNC_SAT_F64_U, 0, UINT64_MAX},
};

/* NaNs trap as invalid conversions, infinities as overflow; saturating,
 * NaN is 0 and the infinities are the range's ends. */
START_TEST(test_trunc_nan_inf)
{
  const Trunc *t = &truncs[_i];
  bool f32 = instr_info[t->trunc].params[0] == 'f';
  uint64_t nan = f32 ? NAN32 : NAN64, neg_snan = f32 ? NEG_SNAN32 : NEG_SNAN64;
  uint64_t inf = f32 ? INF32 : INF64, neg_inf = f32 ? NEG_INF32 : NEG_INF64;
  const Case cases[] = {
    {t->trunc, nan, 0, 0, CONVERSION},
    {t->trunc, neg_snan, 0, 0, CONVERSION},
    {t->trunc, inf, 0, 0, OVERFLOW},
    {t->trunc, neg_inf, 0, 0, OVERFLOW},
    {t->trunc_sat, nan, 0, 0, NULL},
    {t->trunc_sat, neg_snan, 0, 0, NULL},
    {t->trunc_sat, inf, 0, t->max, NULL},
    {t->trunc_sat, neg_inf, 0, t->min, NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    check_case(&cases[i]);
}
END_TEST

/* num_is_scalar picks out exactly the 136 rows of the "Numeric
 * instructions" section without an immediate, and num_apply implements
 * each of them with the result type of its signature. */
START_TEST(test_every_scalar)
{
  unsigned count = 0;
  for (int op = 0; op < OP_COUNT; op++) {
    if (!num_is_scalar((Op)op))
      continue;
    count++;
    const InstrInfo *in = &instr_info[op];
    size_t n = strlen(in->params);
    ck_assert_msg(n == 1 || n == 2, "%s", in->mnemonic);
    Value stack[3] = {value_i64(GUARD), operand(in->params[0], 1), operand(in->params[n - 1], 1)};
    const char *trap = NULL;
    Value *sp = num_apply((Op)op, stack + 1 + n, &trap);
    ck_assert_msg(sp == stack + 2, "%s: %s", in->mnemonic, trap ? trap : "bad top");
    ck_assert_msg(stack[1].kind == kind_of(in->results[0]), "%s: kind %d", in->mnemonic,
                  stack[1].kind);
    ck_assert(stack[0].kind == VAL_I64 && stack[0].i64 == GUARD);
  }
  ck_assert_uint_eq(count, 136);
  ck_assert(!num_is_scalar(OP_I32_CONST));
  ck_assert(!num_is_scalar(OP_F64_CONST));
  ck_assert(!num_is_scalar(OP_I32_LOAD));
  ck_assert(!num_is_scalar(OP_I64_STORE32));
  ck_assert(!num_is_scalar(OP_DROP));
  ck_assert(!num_is_scalar(OP_SELECT));
  ck_assert(!num_is_scalar(OP_REF_IS_NULL));
  ck_assert(!num_is_scalar(OP_I32X4_SPLAT));
  ck_assert(!num_is_scalar(OP_F32X4_EXTRACT_LANE));
  ck_assert(!num_is_scalar(OP_V128_ANY_TRUE));
}
END_TEST

/* A binary operator consumes both operands and leaves what lies below. */
START_TEST(test_stack_discipline)
{
  Value stack[4] = {value_i32(7), value_f64(GUARD), value_i64(5), value_i64(3)};
  const char *trap = NULL;
  Value *sp = num_apply(OP_I64_SUB, stack + 4, &trap);
  ck_assert_ptr_eq(sp, stack + 3);
  ck_assert_uint_eq(stack[2].i64, 2);
  ck_assert(stack[1].kind == VAL_F64 && stack[1].f64 == GUARD);
  sp = num_apply(OP_I64_EQZ, sp, &trap);
  ck_assert_ptr_eq(sp, stack + 3);
  ck_assert(stack[2].kind == VAL_I32 && stack[2].i32 == 0);
}
END_TEST

static Suite *num_suite(void)
{
  Suite *s = suite_create("num");
  TCase *tc = tcase_create("num");
  tcase_add_loop_test(tc, test_integer, 0, sizeof integer_cases / sizeof *integer_cases);
  tcase_add_loop_test(tc, test_float, 0, sizeof float_cases / sizeof *float_cases);
  tcase_add_loop_test(tc, test_conversion, 0, sizeof conversion_cases / sizeof *conversion_cases);
  tcase_add_loop_test(tc, test_trunc_nan_inf, 0, sizeof truncs / sizeof *truncs);
  tcase_add_test(tc, test_every_scalar);
  tcase_add_test(tc, test_stack_discipline);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  return tap_run(num_suite());
}
