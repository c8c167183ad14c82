/* Unit tests of the vector numerics (interp/simd.c) at their edges: signed
 * zeroes and NaNs in each float lane (pmin and pmax pass an operand's bits
 * through, min and max and arithmetic produce the positive canonical NaN,
 * abs and neg keep payloads), ties in nearest and in conversions, the
 * bounds of saturating truncation, saturation in narrow, add_sat and
 * q15mulr, swizzle indices out of range, shift counts mod the lane width,
 * bitmask, loads and stores of lanes, and the result the deterministic
 * profile fixes for each relaxed instruction.  Floats are given as bit
 * patterns. */

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/simd.h"
#include "test/unit/tap.h"

/* Vectors by lanes, lane 0 first */
#define I8X16(...) ((V128){.i8 = {__VA_ARGS__}})
#define I16X8(...) ((V128){.i16 = {__VA_ARGS__}})
#define I32X4(...) ((V128){.i32 = {__VA_ARGS__}})
#define I64X2(...) ((V128){.i64 = {__VA_ARGS__}})

/* f32 bit patterns */
#define CANON32 0x7fc00000u           /* +nan, the deterministic profile's NaN */
#define NEG_NAN32 0xffc00000u         /* -nan: what x86 itself produces */
#define SNAN32 0x7fa00001u            /* nan:0x200001, signalling */
#define NEG_SNAN32 0xffa00001u
#define INF32 0x7f800000u
#define NEG_INF32 0xff800000u
#define ZERO32 0x00000000u
#define NEG_ZERO32 0x80000000u
#define ONE32 0x3f800000u
#define TWO32 0x40000000u
#define NEG_ONE32 0xbf800000u
/* f64 bit patterns */
#define CANON64 UINT64_C(0x7ff8000000000000)
#define NEG_NAN64 UINT64_C(0xfff8000000000000)
#define SNAN64 UINT64_C(0x7ff4000000000001)
#define NEG_SNAN64 UINT64_C(0xfff4000000000001)
#define INF64 UINT64_C(0x7ff0000000000000)
#define ZERO64 UINT64_C(0)
#define NEG_ZERO64 UINT64_C(0x8000000000000000)
#define ONE64 UINT64_C(0x3ff0000000000000)
#define TWO64 UINT64_C(0x4000000000000000)

static const uint64_t GUARD = UINT64_C(0x5a5a5a5a5a5a5a5a);

static Value v128(V128 x)
{
  Value v = {.v128 = x};
  v.kind = VAL_V128;
  return v;
}

static uint8_t kind_of(char type)
{
  switch (type) {
  case 'i': return VAL_I32;
  case 'I': return VAL_I64;
  case 'f': return VAL_F32;
  case 'F': return VAL_F64;
  default: return VAL_V128;
  }
}

/* Applies `in` to the operands on a stack with a guard value below them and
 * checks the new top, the result's kind and that the guard is intact. */
static Value apply_instr(const Instr *in, const Value *args)
{
  const InstrInfo *info = &instr_info[in->op];
  size_t n = strlen(info->params);
  Value stack[4] = {value_i64(GUARD)};
  for (size_t i = 0; i < n; i++)
    stack[1 + i] = args[i];
  Value *sp = simd_apply((Op)in->op, in, stack + 1 + n);
  ck_assert_msg(sp == stack + 2, "%s: top %p, want %p", info->mnemonic, (void *)sp,
                (void *)(stack + 2));
  ck_assert_msg(stack[1].kind == kind_of(info->results[0]), "%s: kind %d", info->mnemonic,
                stack[1].kind);
  ck_assert(stack[0].kind == VAL_I64 && stack[0].i64 == GUARD);
  return stack[1];
}

static Value apply(Op op, const Value *args)
{
  Instr in = {.op = op};
  return apply_instr(&in, args);
}

static void check_v128(const char *what, V128 got, V128 want)
{
  ck_assert_msg(memcmp(&got, &want, sizeof got) == 0,
                "%s = %016llx%016llx, want %016llx%016llx", what,
                (unsigned long long)got.i64[1], (unsigned long long)got.i64[0],
                (unsigned long long)want.i64[1], (unsigned long long)want.i64[0]);
}

/* One application of an instruction to one, two or three vectors */
typedef struct Case {
  Op op;
  int line;
  V128 a, b, c;
  V128 want;
} Case;

#define UN(op, a, want) {OP_##op, __LINE__, a, {{0}}, {{0}}, want}
#define BIN(op, a, b, want) {OP_##op, __LINE__, a, b, {{0}}, want}
#define TERN(op, a, b, c, want) {OP_##op, __LINE__, a, b, c, want}

static void check_case(const Case *k)
{
  const Value args[3] = {v128(k->a), v128(k->b), v128(k->c)};
  char what[80];
  snprintf(what, sizeof what, "%s (line %d)", instr_info[k->op].mnemonic, k->line);
  check_v128(what, apply(k->op, args).v128, k->want);
}

/* Float lanes: each lane an edge of its own */
static const Case float_cases[] = {
  /* pmin(a, b) = b < a ? b : a: the first operand unless the second is
   * smaller, NaN payloads and zero signs passed through as they are */
  BIN(F32X4_PMIN, I32X4(ZERO32, NEG_ZERO32, SNAN32, ONE32),
      I32X4(NEG_ZERO32, ZERO32, ONE32, NEG_SNAN32),
      I32X4(ZERO32, NEG_ZERO32, SNAN32, ONE32)),
  BIN(F32X4_PMIN, I32X4(TWO32, NEG_NAN32, INF32, ONE32), I32X4(ONE32, NEG_INF32, SNAN32, ONE32),
      I32X4(ONE32, NEG_NAN32, INF32, ONE32)),
  BIN(F32X4_PMAX, I32X4(ZERO32, NEG_ZERO32, SNAN32, ONE32),
      I32X4(NEG_ZERO32, ZERO32, ONE32, NEG_SNAN32),
      I32X4(ZERO32, NEG_ZERO32, SNAN32, ONE32)),
  BIN(F32X4_PMAX, I32X4(ONE32, NEG_NAN32, NEG_INF32, TWO32), I32X4(TWO32, ONE32, SNAN32, ONE32),
      I32X4(TWO32, NEG_NAN32, NEG_INF32, TWO32)),
  BIN(F64X2_PMIN, I64X2(NEG_SNAN64, NEG_ZERO64), I64X2(ONE64, ZERO64), I64X2(NEG_SNAN64, NEG_ZERO64)),
  BIN(F64X2_PMIN, I64X2(TWO64, ONE64), I64X2(ONE64, SNAN64), I64X2(ONE64, ONE64)),
  BIN(F64X2_PMAX, I64X2(ZERO64, ONE64), I64X2(NEG_ZERO64, NEG_NAN64), I64X2(ZERO64, ONE64)),
  BIN(F64X2_PMAX, I64X2(ONE64, SNAN64), I64X2(TWO64, TWO64), I64X2(TWO64, SNAN64)),

  /* min and max: -0 < +0 either way round, any NaN gives +nan(canon) */
  BIN(F32X4_MIN, I32X4(ZERO32, NEG_ZERO32, SNAN32, ONE32), I32X4(NEG_ZERO32, ZERO32, ONE32, NEG_NAN32),
      I32X4(NEG_ZERO32, NEG_ZERO32, CANON32, CANON32)),
  BIN(F32X4_MAX, I32X4(ZERO32, NEG_ZERO32, SNAN32, ONE32), I32X4(NEG_ZERO32, ZERO32, ONE32, NEG_NAN32),
      I32X4(ZERO32, ZERO32, CANON32, CANON32)),
  BIN(F32X4_MIN, I32X4(ONE32, TWO32, NEG_INF32, INF32), I32X4(TWO32, ONE32, ONE32, ONE32),
      I32X4(ONE32, ONE32, NEG_INF32, ONE32)),
  BIN(F64X2_MIN, I64X2(ZERO64, NEG_SNAN64), I64X2(NEG_ZERO64, ONE64), I64X2(NEG_ZERO64, CANON64)),
  BIN(F64X2_MAX, I64X2(NEG_ZERO64, ONE64), I64X2(ZERO64, SNAN64), I64X2(ZERO64, CANON64)),

  /* nearest: ties to even, the sign of zero kept */
  UN(F32X4_NEAREST, I32X4(0x3f000000, 0x3fc00000, 0x40200000, 0xbf000000),  /* .5 1.5 2.5 -.5 */
     I32X4(ZERO32, TWO32, TWO32, NEG_ZERO32)),
  UN(F64X2_NEAREST, I64X2(0xc004000000000000, 0x400c000000000000),            /* -2.5 3.5 */
     I64X2(0xc000000000000000, 0x4010000000000000)),
  UN(F32X4_CEIL, I32X4(0xbf000000, SNAN32, 0x3f000001, NEG_INF32),
     I32X4(NEG_ZERO32, CANON32, ONE32, NEG_INF32)),
  UN(F64X2_FLOOR, I64X2(0x3fe0000000000000, NEG_SNAN64), I64X2(ZERO64, CANON64)),
  UN(F32X4_TRUNC, I32X4(0xbfc00000, 0x4b800001, NEG_NAN32, 0x3f7fffff),
     I32X4(NEG_ONE32, 0x4b800001, CANON32, ZERO32)),

  /* arithmetic: a NaN result is +nan(canon) in each lane, whichever NaN
   * went in and whatever the hardware makes of inf - inf */
  BIN(F32X4_ADD, I32X4(SNAN32, NEG_NAN32, INF32, ONE32), I32X4(ONE32, ONE32, NEG_INF32, ONE32),
      I32X4(CANON32, CANON32, CANON32, TWO32)),
  BIN(F32X4_DIV, I32X4(ZERO32, ONE32, NEG_ONE32, ONE32), I32X4(ZERO32, 0x40400000, ZERO32, NEG_ZERO32),
      I32X4(CANON32, 0x3eaaaaab, NEG_INF32, NEG_INF32)),
  BIN(F64X2_MUL, I64X2(ZERO64, NEG_SNAN64), I64X2(INF64, ONE64), I64X2(CANON64, CANON64)),
  BIN(F64X2_SUB, I64X2(INF64, ONE64), I64X2(INF64, ONE64), I64X2(CANON64, ZERO64)),
  UN(F32X4_SQRT, I32X4(NEG_ONE32, 0x40800000, NEG_ZERO32, INF32), I32X4(CANON32, TWO32, NEG_ZERO32, INF32)),
  UN(F64X2_SQRT, I64X2(0xbff0000000000000, SNAN64), I64X2(CANON64, CANON64)),

  /* abs and neg are bit operations: payloads stay */
  UN(F32X4_ABS, I32X4(NEG_SNAN32, NEG_NAN32, NEG_ZERO32, ONE32), I32X4(SNAN32, CANON32, ZERO32, ONE32)),
  UN(F32X4_NEG, I32X4(SNAN32, CANON32, ZERO32, NEG_ONE32), I32X4(NEG_SNAN32, NEG_NAN32, NEG_ZERO32, ONE32)),
  UN(F64X2_ABS, I64X2(NEG_SNAN64, NEG_ZERO64), I64X2(SNAN64, ZERO64)),
  UN(F64X2_NEG, I64X2(SNAN64, ZERO64), I64X2(NEG_SNAN64, NEG_ZERO64)),

  /* comparisons: lanes of all ones or all zeroes; NaN unordered; -0 == +0 */
  BIN(F32X4_EQ, I32X4(ZERO32, CANON32, ONE32, ONE32), I32X4(NEG_ZERO32, CANON32, ONE32, TWO32),
      I32X4(~0u, 0, ~0u, 0)),
  BIN(F32X4_NE, I32X4(ZERO32, CANON32, ONE32, ONE32), I32X4(NEG_ZERO32, CANON32, ONE32, TWO32),
      I32X4(0, ~0u, 0, ~0u)),
  BIN(F64X2_LT, I64X2(NEG_ZERO64, ONE64), I64X2(ZERO64, CANON64), I64X2(0, 0)),
  BIN(F64X2_GE, I64X2(NEG_ZERO64, TWO64), I64X2(ZERO64, ONE64), I64X2(UINT64_MAX, UINT64_MAX)),
};

static const Case integer_cases[] = {
  /* add_sat and sub_sat at both ends */
  BIN(I8X16_ADD_SAT_S, I8X16(0x7f, 0x80, 0x80, 0x01), I8X16(0x01, 0xff, 0x7f, 0x01),
      I8X16(0x7f, 0x80, 0xff, 0x02)),
  BIN(I8X16_ADD_SAT_U, I8X16(0xff, 0x80, 0x01), I8X16(0x01, 0x80, 0x01), I8X16(0xff, 0xff, 0x02)),
  BIN(I16X8_SUB_SAT_S, I16X8(0x8000, 0x7fff, 0), I16X8(1, 0xffff, 0x8000), I16X8(0x8000, 0x7fff, 0x7fff)),
  BIN(I16X8_SUB_SAT_U, I16X8(0, 5, 0xffff), I16X8(1, 3, 0xffff), I16X8(0, 2, 0)),
  /* wrapping arithmetic, abs of the most negative value */
  BIN(I8X16_ADD, I8X16(0xff, 0x80), I8X16(0x01, 0x80), I8X16(0x00, 0x00)),
  BIN(I64X2_MUL, I64X2(UINT64_C(0x100000000), UINT64_MAX), I64X2(UINT64_C(0x100000000), 2),
      I64X2(0, UINT64_C(0xfffffffffffffffe))),
  UN(I8X16_ABS, I8X16(0x80, 0xff, 0x01, 0x7f), I8X16(0x80, 0x01, 0x01, 0x7f)),
  UN(I64X2_ABS, I64X2(UINT64_C(0x8000000000000000), UINT64_MAX),
     I64X2(UINT64_C(0x8000000000000000), 1)),
  UN(I32X4_NEG, I32X4(0x80000000, 1, 0, 0xffffffff), I32X4(0x80000000, 0xffffffff, 0, 1)),
  UN(I8X16_POPCNT, I8X16(0xff, 0x80, 0x55, 0x00, 0x0f), I8X16(8, 1, 4, 0, 4)),
  /* avgr_u rounds up, without overflowing */
  BIN(I8X16_AVGR_U, I8X16(0xff, 0, 1, 2), I8X16(0xff, 1, 2, 2), I8X16(0xff, 1, 2, 2)),
  BIN(I16X8_AVGR_U, I16X8(0xffff, 0), I16X8(0xfffe, 0), I16X8(0xffff, 0)),
  /* min and max by signedness */
  BIN(I8X16_MIN_S, I8X16(0x80, 0x7f), I8X16(0x7f, 0x80), I8X16(0x80, 0x80)),
  BIN(I8X16_MIN_U, I8X16(0x80, 0x7f), I8X16(0x7f, 0x80), I8X16(0x7f, 0x7f)),
  BIN(I32X4_MAX_S, I32X4(0x80000000, 1), I32X4(0x7fffffff, 0xffffffff), I32X4(0x7fffffff, 1)),
  BIN(I32X4_MAX_U, I32X4(0x80000000, 1), I32X4(0x7fffffff, 0xffffffff), I32X4(0x80000000, 0xffffffff)),
  /* comparisons by signedness */
  BIN(I16X8_LT_S, I16X8(0x8000, 0x7fff, 1), I16X8(0x7fff, 0x8000, 1), I16X8(0xffff, 0, 0)),
  BIN(I16X8_LT_U, I16X8(0x8000, 0x7fff, 1), I16X8(0x7fff, 0x8000, 1), I16X8(0, 0xffff, 0)),
  BIN(I64X2_GE_S, I64X2(UINT64_MAX, 5), I64X2(0, 5), I64X2(0, UINT64_MAX)),

  /* q15mulr_sat_s: (a * b + 0x4000) >> 15, rounding toward -inf, and
   * 0x8000 * 0x8000 = 1.0 saturating to 0x7fff */
  BIN(I16X8_Q15MULR_SAT_S, I16X8(0x8000, 0x8000, 0x4000, 1, 0xffff, 0xffff, 0x7fff, 0),
      I16X8(0x8000, 0x7fff, 0x4000, 0x4000, 0x4000, 0x4001, 0x7fff, 0x8000),
      I16X8(0x7fff, 0x8001, 0x2000, 1, 0, 0xffff, 0x7ffe, 0)),

  /* swizzle: an index of 16 or more, or negative as i8, selects 0 */
  BIN(I8X16_SWIZZLE, I8X16(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25),
      I8X16(15, 0, 16, 0x80, 0xff, 31, 0x7f, 1, 14, 2, 3, 4, 5, 6, 7, 8),
      I8X16(25, 10, 0, 0, 0, 0, 0, 11, 24, 12, 13, 14, 15, 16, 17, 18)),

  /* narrow: signed saturation to the signed or unsigned half width; the
   * first operand's lanes come first */
  BIN(I8X16_NARROW_I16X8_S, I16X8(0x7fff, 0x8000, 0x0080, 0xff7f, 0xffff, 0x007f, 0xff80, 0),
      I16X8(1, 2, 3, 4, 5, 6, 7, 8),
      I8X16(0x7f, 0x80, 0x7f, 0x80, 0xff, 0x7f, 0x80, 0, 1, 2, 3, 4, 5, 6, 7, 8)),
  BIN(I8X16_NARROW_I16X8_U, I16X8(0x7fff, 0x8000, 0x0100, 0x00ff, 0xffff, 0x0080, 0, 1),
      I16X8(0xfffe, 2),
      I8X16(0xff, 0x00, 0xff, 0xff, 0x00, 0x80, 0, 1, 0, 2)),
  BIN(I16X8_NARROW_I32X4_S, I32X4(0x7fffffff, 0x80000000, 0x8000, 0xffff7fff), I32X4(0xffffffff, 0x7fff),
      I16X8(0x7fff, 0x8000, 0x7fff, 0x8000, 0xffff, 0x7fff, 0, 0)),
  BIN(I16X8_NARROW_I32X4_U, I32X4(0x7fffffff, 0x80000000, 0x10000, 0xffff), I32X4(0xffffffff, 0x8000),
      I16X8(0xffff, 0, 0xffff, 0xffff, 0, 0x8000, 0, 0)),

  /* extensions of the low and high halves */
  UN(I16X8_EXTEND_LOW_I8X16_S, I8X16(0x80, 0x7f, 0xff, 0, 0, 0, 0, 0, 0xff),
     I16X8(0xff80, 0x007f, 0xffff, 0, 0, 0, 0, 0)),
  UN(I16X8_EXTEND_HIGH_I8X16_U, I8X16(0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0xff),
     I16X8(0x0080, 0x00ff, 0, 0, 0, 0, 0, 0)),
  UN(I64X2_EXTEND_HIGH_I32X4_S, I32X4(0, 0, 0x80000000, 1), I64X2(UINT64_C(0xffffffff80000000), 1)),
  UN(I16X8_EXTADD_PAIRWISE_I8X16_S, I8X16(0x80, 0x80, 0x7f, 0x7f, 0xff, 0x01),
     I16X8(0xff00, 0x00fe, 0, 0, 0, 0, 0, 0)),
  UN(I32X4_EXTADD_PAIRWISE_I16X8_U, I16X8(0xffff, 0xffff, 1, 2), I32X4(0x1fffe, 3, 0, 0)),
  BIN(I16X8_EXTMUL_LOW_I8X16_S, I8X16(0x80, 0x7f), I8X16(0x80, 0x80), I16X8(0x4000, 0xc080, 0, 0, 0, 0, 0, 0)),
  BIN(I64X2_EXTMUL_HIGH_I32X4_U, I32X4(0, 0, 0xffffffff, 2), I32X4(0, 0, 0xffffffff, 3),
      I64X2(UINT64_C(0xfffffffe00000001), 6)),
  /* dot: the one sum that does not fit wraps around */
  BIN(I32X4_DOT_I16X8_S, I16X8(0x8000, 0x8000, 1, 0xffff), I16X8(0x8000, 0x8000, 2, 3),
      I32X4(0x80000000, 0xffffffff, 0, 0)),

  /* whole-vector bit operations */
  TERN(V128_BITSELECT, I64X2(0x1111111111111111, UINT64_MAX), I64X2(0x2222222222222222, 0),
       I64X2(0x00000000ffffffff, 0xf0f0f0f0f0f0f0f0),
       I64X2(0x2222222211111111, 0xf0f0f0f0f0f0f0f0)),
  BIN(V128_ANDNOT, I64X2(UINT64_MAX, 0xff), I64X2(0xf, 0xf), I64X2(0xfffffffffffffff0, 0xf0)),
};

static const Case conversion_cases[] = {
  /* trunc_sat f32x4: NaN 0, the last values in range, saturation beyond */
  UN(I32X4_TRUNC_SAT_F32X4_S, I32X4(0x4effffff, 0x4f000000, 0xcf000000, CANON32),
     I32X4(0x7fffff80, 0x7fffffff, 0x80000000, 0)),
  UN(I32X4_TRUNC_SAT_F32X4_S, I32X4(0xcf000001, INF32, NEG_INF32, 0xbf7fffff),
     I32X4(0x80000000, 0x7fffffff, 0x80000000, 0)),
  UN(I32X4_TRUNC_SAT_F32X4_U, I32X4(0xbf666666, NEG_ONE32, 0x4f7fffff, 0x4f800000),
     I32X4(0, 0, 0xffffff00, 0xffffffff)),
  UN(I32X4_TRUNC_SAT_F32X4_U, I32X4(NEG_SNAN32, INF32, NEG_INF32, 0x3fffffff), I32X4(0, 0xffffffff, 0, 1)),
  /* trunc_sat f64x2: two lanes, then two zeroes */
  UN(I32X4_TRUNC_SAT_F64X2_S_ZERO, I64X2(0x41dffffffff9999a, 0xc1e00000001ccccd),  /* 2^31-1+.9, -2^31-.9 */
     I32X4(0x7fffffff, 0x80000000, 0, 0)),
  UN(I32X4_TRUNC_SAT_F64X2_S_ZERO, I64X2(0x41e0000000000000, NEG_SNAN64), I32X4(0x7fffffff, 0, 0, 0)),
  UN(I32X4_TRUNC_SAT_F64X2_U_ZERO, I64X2(0x41effffffffccccd, 0xbfefae147ae147ae),  /* 2^32-1+.9, -.99 */
     I32X4(0xffffffff, 0, 0, 0)),
  UN(I32X4_TRUNC_SAT_F64X2_U_ZERO, I64X2(0x41f0000000000000, 0xbff0000000000000), I32X4(0xffffffff, 0, 0, 0)),

  /* convert: round to nearest even */
  UN(F32X4_CONVERT_I32X4_S, I32X4(0x80000000, 0x01000001, 0x7fffffff, 0xffffffff),
     I32X4(0xcf000000, 0x4b800000, 0x4f000000, NEG_ONE32)),
  UN(F32X4_CONVERT_I32X4_U, I32X4(0xffffffff, 0x01000003, 0x80000000, 0),
     I32X4(0x4f800000, 0x4b800002, 0x4f000000, ZERO32)),
  UN(F64X2_CONVERT_LOW_I32X4_S, I32X4(0x80000000, 0xffffffff, 7, 7),
     I64X2(0xc1e0000000000000, 0xbff0000000000000)),
  UN(F64X2_CONVERT_LOW_I32X4_U, I32X4(0xffffffff, 0x80000000, 7, 7),
     I64X2(0x41efffffffe00000, 0x41e0000000000000)),
  /* demote: overflow to infinity from the midpoint above FLT_MAX on, NaN
   * canonical, upper lanes zero */
  UN(F32X4_DEMOTE_F64X2_ZERO, I64X2(0x47efffffefffffff, 0x47effffff0000000), I32X4(0x7f7fffff, INF32, 0, 0)),
  UN(F32X4_DEMOTE_F64X2_ZERO, I64X2(NEG_SNAN64, 0xc7f0000000000000), I32X4(CANON32, NEG_INF32, 0, 0)),
  UN(F32X4_DEMOTE_F64X2_ZERO, I64X2(0x3ff0000010000000, 0x3ff0000030000000),  /* ties to even */
     I32X4(ONE32, 0x3f800002, 0, 0)),
  UN(F64X2_PROMOTE_LOW_F32X4, I32X4(NEG_SNAN32, NEG_ZERO32, ONE32, ONE32), I64X2(CANON64, NEG_ZERO64)),
};

/* The deterministic profile's choice, alternative 0, for each relaxed
 * instruction (3.0-numerics.relaxed, exec/numerics "Relaxed operations") */
static const Case relaxed_cases[] = {
  /* madd: $fadd_($fmul_(z_1, z_2), z_3), rounded twice.  (1 + 2^-12)^2 =
   * 1 + 2^-11 + 2^-24 rounds to 1 + 2^-11, so the sum is 0; fused it
   * would be 2^-24. */
  TERN(F32X4_RELAXED_MADD, I32X4(0x3f800800, SNAN32, INF32, ONE32), I32X4(0x3f800800, ONE32, ZERO32, TWO32),
       I32X4(0xbf801000, ONE32, ONE32, ONE32), I32X4(ZERO32, CANON32, CANON32, 0x40400000)),
  TERN(F32X4_RELAXED_NMADD, I32X4(0x3f800800, ONE32, NEG_NAN32, ONE32), I32X4(0x3f800800, TWO32, ONE32, ONE32),
       I32X4(0x3f801000, ONE32, ONE32, ONE32), I32X4(ZERO32, NEG_ONE32, CANON32, ZERO32)),
  /* (1 + 2^-27)^2 = 1 + 2^-26 + 2^-54 rounds to 1 + 2^-26 */
  TERN(F64X2_RELAXED_MADD, I64X2(0x3ff0000002000000, 0x7fefffffffffffff), I64X2(0x3ff0000002000000, TWO64),
       I64X2(0xbff0000004000000, 0xffefffffffffffff), I64X2(ZERO64, INF64)),
  TERN(F64X2_RELAXED_NMADD, I64X2(0x3ff0000002000000, ONE64), I64X2(0x3ff0000002000000, SNAN64),
       I64X2(0x3ff0000004000000, ONE64), I64X2(ZERO64, CANON64)),
  /* min and max: $fmin_ and $fmax_, so NaNs canonical and -0 < +0 */
  BIN(F32X4_RELAXED_MIN, I32X4(ZERO32, NEG_ZERO32, SNAN32, ONE32), I32X4(NEG_ZERO32, ZERO32, ONE32, NEG_NAN32),
      I32X4(NEG_ZERO32, NEG_ZERO32, CANON32, CANON32)),
  BIN(F32X4_RELAXED_MAX, I32X4(ZERO32, NEG_ZERO32, SNAN32, ONE32), I32X4(NEG_ZERO32, ZERO32, ONE32, NEG_NAN32),
      I32X4(ZERO32, ZERO32, CANON32, CANON32)),
  BIN(F64X2_RELAXED_MIN, I64X2(ZERO64, ONE64), I64X2(NEG_ZERO64, NEG_SNAN64), I64X2(NEG_ZERO64, CANON64)),
  BIN(F64X2_RELAXED_MAX, I64X2(NEG_ZERO64, SNAN64), I64X2(ZERO64, ONE64), I64X2(ZERO64, CANON64)),
  /* q15mulr: 0x8000 * 0x8000 is 2^(N-1) - 1 */
  BIN(I16X8_RELAXED_Q15MULR_S, I16X8(0x8000, 0x8000, 0x4000, 0xffff),
      I16X8(0x8000, 0x7fff, 0x4000, 0x4001), I16X8(0x7fff, 0x8001, 0x2000, 0xffff)),
  /* swizzle: every index of 16 or more selects 0, not lane i mod 16 */
  BIN(I8X16_RELAXED_SWIZZLE, I8X16(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25),
      I8X16(16, 17, 0x7f, 0x80, 0xff, 0, 15, 31),
      I8X16(0, 0, 0, 0, 0, 10, 25, 0, 10, 10, 10, 10, 10, 10, 10, 10)),
  /* laneselect: a bitwise select by the whole mask, not by its top bit */
  TERN(I8X16_RELAXED_LANESELECT, I8X16(0xff, 0xff, 0xff), I8X16(0, 0, 0), I8X16(0x0f, 0x80, 0x7f),
       I8X16(0x0f, 0x80, 0x7f)),
  TERN(I16X8_RELAXED_LANESELECT, I16X8(0x1234, 0x1234), I16X8(0xabcd, 0xabcd), I16X8(0xff00, 0x8000),
       I16X8(0x12cd, 0x2bcd)),
  TERN(I32X4_RELAXED_LANESELECT, I32X4(0xffffffff, 0xffffffff), I32X4(0, 0), I32X4(0x80000000, 0x7fffffff),
       I32X4(0x80000000, 0x7fffffff)),
  TERN(I64X2_RELAXED_LANESELECT, I64X2(UINT64_MAX, 0), I64X2(0, UINT64_MAX), I64X2(1, 1),
       I64X2(1, 0xfffffffffffffffe)),
  /* trunc: $trunc_sat__, so NaN 0 and saturation */
  UN(I32X4_RELAXED_TRUNC_F32X4_S, I32X4(CANON32, 0x4f000000, 0xcf000001, 0xbfc00000),
     I32X4(0, 0x7fffffff, 0x80000000, 0xffffffff)),
  UN(I32X4_RELAXED_TRUNC_F32X4_U, I32X4(CANON32, 0x4f800000, NEG_ONE32, 0x4f7fffff), I32X4(0, 0xffffffff, 0, 0xffffff00)),
  UN(I32X4_RELAXED_TRUNC_F64X2_S_ZERO, I64X2(NEG_SNAN64, 0xc1e0000000200000), I32X4(0, 0x80000000, 0, 0)),
  UN(I32X4_RELAXED_TRUNC_F64X2_U_ZERO, I64X2(0x41f0000000000000, 0xbff0000000000000),
     I32X4(0xffffffff, 0, 0, 0)),
  /* dot: the second operand signed too (-1, not 255), the pairs added with
   * signed saturation */
  BIN(I16X8_RELAXED_DOT_I8X16_I7X16_S, I8X16(0x80, 0x80, 1, 0, 0x80, 0x80, 0x7f, 0x7f),
      I8X16(0x80, 0x80, 0xff, 0, 0x7f, 0x7f, 0x7f, 0x7f),
      I16X8(0x7fff, 0xffff, 0x8100, 0x7e02, 0, 0, 0, 0)),
  /* dot_add: the saturated i16 sums, added pairwise into i32, plus c */
  TERN(I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S, I8X16(0x80, 0x80, 0x80, 0x80, 1, 0, 0, 0),
       I8X16(0x80, 0x80, 0x80, 0x80, 0xff, 0, 0, 0), I32X4(1, 0, 0x7fffffff, 0),
       I32X4(0xffff, 0xffffffff, 0x7fffffff, 0)),
};

START_TEST(test_float) { check_case(&float_cases[_i]); }
END_TEST

START_TEST(test_integer) { check_case(&integer_cases[_i]); }
END_TEST

START_TEST(test_conversion) { check_case(&conversion_cases[_i]); }
END_TEST

START_TEST(test_relaxed) { check_case(&relaxed_cases[_i]); }
END_TEST

/* Shift counts are taken mod the lane width. */
START_TEST(test_shift)
{
  static const struct { Op op; V128 a; uint32_t count; V128 want; } shifts[] = {
    {OP_I8X16_SHL, I8X16(0x81, 0x01), 9, I8X16(0x02, 0x02)},
    {OP_I8X16_SHR_S, I8X16(0x80, 0x7f), 7, I8X16(0xff, 0x00)},
    {OP_I8X16_SHR_U, I8X16(0x80, 0x7f), 15, I8X16(0x01, 0x00)},
    {OP_I16X8_SHR_S, I16X8(0x8000, 0x1234), 16, I16X8(0x8000, 0x1234)},
    {OP_I16X8_SHL, I16X8(0x8001, 1), 0xffffffff, I16X8(0x8000, 0x8000)},
    {OP_I32X4_SHR_U, I32X4(0x80000000, 3), 33, I32X4(0x40000000, 1)},
    {OP_I32X4_SHR_S, I32X4(0x80000000, 3), 31, I32X4(0xffffffff, 0)},
    {OP_I64X2_SHL, I64X2(1, UINT64_MAX), 64, I64X2(1, UINT64_MAX)},
    {OP_I64X2_SHR_S, I64X2(UINT64_C(0x8000000000000000), 4), 65,
     I64X2(UINT64_C(0xc000000000000000), 2)},
    {OP_I64X2_SHR_U, I64X2(UINT64_C(0x8000000000000000), 4), 127, I64X2(1, 0)},
  };
  for (size_t i = 0; i < sizeof shifts / sizeof *shifts; i++) {
    const Value args[2] = {v128(shifts[i].a), value_i32(shifts[i].count)};
    char what[64];
    snprintf(what, sizeof what, "%s by %u", instr_info[shifts[i].op].mnemonic, shifts[i].count);
    check_v128(what, apply(shifts[i].op, args).v128, shifts[i].want);
  }
}
END_TEST

static uint32_t test_op(Op op, V128 a)
{
  const Value args[1] = {v128(a)};
  return apply(op, args).i32;
}

/* bitmask: lane i's top bit is bit i; any_true and all_true */
START_TEST(test_tests)
{
  ck_assert_uint_eq(test_op(OP_I8X16_BITMASK, I8X16(0x80, 0x7f, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80)), 0x8005);
  ck_assert_uint_eq(test_op(OP_I16X8_BITMASK, I16X8(0x7fff, 0x8000, 0, 0, 0, 0, 0, 0xffff)), 0x82);
  ck_assert_uint_eq(test_op(OP_I32X4_BITMASK, I32X4(0x80000000, 0x7fffffff, 0xffffffff, 1)), 0x5);
  ck_assert_uint_eq(test_op(OP_I64X2_BITMASK, I64X2(UINT64_C(0x7fffffffffffffff), UINT64_C(0x8000000000000000))), 0x2);
  ck_assert_uint_eq(test_op(OP_I8X16_BITMASK, I8X16(0)), 0);
  ck_assert_uint_eq(test_op(OP_V128_ANY_TRUE, I64X2(0, UINT64_C(1) << 63)), 1);
  ck_assert_uint_eq(test_op(OP_V128_ANY_TRUE, I64X2(0, 0)), 0);
  ck_assert_uint_eq(test_op(OP_I8X16_ALL_TRUE, I8X16(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0)), 0);
  ck_assert_uint_eq(test_op(OP_I16X8_ALL_TRUE, I16X8(0x100, 1, 1, 1, 1, 1, 1, 1)), 1);
  ck_assert_uint_eq(test_op(OP_I32X4_ALL_TRUE, I32X4(0x10000, 1, 1, 0)), 0);
  ck_assert_uint_eq(test_op(OP_I64X2_ALL_TRUE, I64X2(UINT64_C(1) << 32, 1)), 1);
}
END_TEST

/* splat, extract_lane (sign- or zero-extended), replace_lane (wrapped),
 * shuffle */
START_TEST(test_lanes)
{
  Value args[2] = {value_i32(0x1ff)};
  check_v128("i8x16.splat", apply(OP_I8X16_SPLAT, args).v128,
             I8X16(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff));
  args[0] = value_i32(0x18000);
  check_v128("i16x8.splat", apply(OP_I16X8_SPLAT, args).v128,
             I16X8(0x8000, 0x8000, 0x8000, 0x8000, 0x8000, 0x8000, 0x8000, 0x8000));
  args[0] = value_f32(SNAN32);
  check_v128("f32x4.splat", apply(OP_F32X4_SPLAT, args).v128, I32X4(SNAN32, SNAN32, SNAN32, SNAN32));
  args[0] = value_i64(UINT64_C(0x8000000000000001));
  check_v128("i64x2.splat", apply(OP_I64X2_SPLAT, args).v128,
             I64X2(UINT64_C(0x8000000000000001), UINT64_C(0x8000000000000001)));

  Instr in = {.op = OP_I8X16_EXTRACT_LANE_S, .imm.lane = 15};
  args[0] = v128(I8X16(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80));
  Value r = apply_instr(&in, args);
  ck_assert_uint_eq(r.i32, 0xffffff80);
  in.op = OP_I8X16_EXTRACT_LANE_U;
  ck_assert_uint_eq(apply_instr(&in, args).i32, 0x80);
  in = (Instr){.op = OP_I16X8_EXTRACT_LANE_S, .imm.lane = 1};
  args[0] = v128(I16X8(0, 0x8001));
  ck_assert_uint_eq(apply_instr(&in, args).i32, 0xffff8001);
  in.op = OP_I16X8_EXTRACT_LANE_U;
  ck_assert_uint_eq(apply_instr(&in, args).i32, 0x8001);
  in = (Instr){.op = OP_F64X2_EXTRACT_LANE, .imm.lane = 1};
  args[0] = v128(I64X2(0, NEG_SNAN64));
  r = apply_instr(&in, args);
  ck_assert(r.kind == VAL_F64 && r.f64 == NEG_SNAN64);
  in = (Instr){.op = OP_F32X4_EXTRACT_LANE, .imm.lane = 3};
  args[0] = v128(I32X4(0, 0, 0, SNAN32));
  r = apply_instr(&in, args);
  ck_assert(r.kind == VAL_F32 && r.f32 == SNAN32);

  in = (Instr){.op = OP_I8X16_REPLACE_LANE, .imm.lane = 2};
  args[0] = v128(I8X16(1, 2, 3, 4));
  args[1] = value_i32(0x1234);
  check_v128("i8x16.replace_lane 2", apply_instr(&in, args).v128, I8X16(1, 2, 0x34, 4));
  in = (Instr){.op = OP_F64X2_REPLACE_LANE, .imm.lane = 0};
  args[0] = v128(I64X2(1, 2));
  args[1] = value_f64(SNAN64);
  check_v128("f64x2.replace_lane 0", apply_instr(&in, args).v128, I64X2(SNAN64, 2));

  in = (Instr){.op = OP_I8X16_SHUFFLE,
               .imm.shuffle = {31, 0, 16, 15, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 30, 14}};
  args[0] = v128(I8X16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
  args[1] = v128(I8X16(16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31));
  check_v128("i8x16.shuffle", apply_instr(&in, args).v128,
             I8X16(31, 0, 16, 15, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 30, 14));
}
END_TEST

static V128 load(Op op, uint8_t lane, const uint8_t *bytes, V128 operand)
{
  Instr in = {.op = op, .imm.memarg = {.lane = lane}};
  Value v = v128(operand);
  v.kind = VAL_I32;  /* simd_load must set it */
  simd_load(op, &in, bytes, &v);
  ck_assert_int_eq(v.kind, VAL_V128);
  return v.v128;
}

/* The load forms, from little-endian bytes */
START_TEST(test_load)
{
  static const uint8_t mem[16] = {0x80, 0x01, 0xff, 0x7f, 0x00, 0x80, 0x34, 0x12,
                                  0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01};
  const V128 ones = I64X2(UINT64_MAX, UINT64_MAX), zero = I64X2(0, 0);
  check_v128("v128.load", load(OP_V128_LOAD, 0, mem, zero),
             I64X2(UINT64_C(0x123480007fff0180), UINT64_C(0x0123456789abcdef)));
  check_v128("load8x8_s", load(OP_V128_LOAD8X8_S, 0, mem, zero),
             I16X8(0xff80, 0x0001, 0xffff, 0x007f, 0x0000, 0xff80, 0x0034, 0x0012));
  check_v128("load8x8_u", load(OP_V128_LOAD8X8_U, 0, mem, zero),
             I16X8(0x80, 0x01, 0xff, 0x7f, 0x00, 0x80, 0x34, 0x12));
  check_v128("load16x4_s", load(OP_V128_LOAD16X4_S, 0, mem, zero),
             I32X4(0x00000180, 0x00007fff, 0xffff8000, 0x00001234));
  check_v128("load16x4_u", load(OP_V128_LOAD16X4_U, 0, mem, zero), I32X4(0x0180, 0x7fff, 0x8000, 0x1234));
  check_v128("load32x2_s", load(OP_V128_LOAD32X2_S, 0, mem + 8, zero),
             I64X2(UINT64_C(0xffffffff89abcdef), UINT64_C(0x01234567)));
  check_v128("load32x2_u", load(OP_V128_LOAD32X2_U, 0, mem + 8, zero),
             I64X2(UINT64_C(0x89abcdef), UINT64_C(0x01234567)));
  check_v128("load8_splat", load(OP_V128_LOAD8_SPLAT, 0, mem + 2, zero), ones);
  check_v128("load16_splat", load(OP_V128_LOAD16_SPLAT, 0, mem + 6, zero),
             I16X8(0x1234, 0x1234, 0x1234, 0x1234, 0x1234, 0x1234, 0x1234, 0x1234));
  check_v128("load32_splat", load(OP_V128_LOAD32_SPLAT, 0, mem, zero),
             I32X4(0x7fff0180, 0x7fff0180, 0x7fff0180, 0x7fff0180));
  check_v128("load64_splat", load(OP_V128_LOAD64_SPLAT, 0, mem + 8, zero),
             I64X2(UINT64_C(0x0123456789abcdef), UINT64_C(0x0123456789abcdef)));
  check_v128("load32_zero", load(OP_V128_LOAD32_ZERO, 0, mem, ones), I32X4(0x7fff0180, 0, 0, 0));
  check_v128("load64_zero", load(OP_V128_LOAD64_ZERO, 0, mem + 8, ones),
             I64X2(UINT64_C(0x0123456789abcdef), 0));
  check_v128("load8_lane 15", load(OP_V128_LOAD8_LANE, 15, mem + 1, zero),
             I8X16(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01));
  check_v128("load16_lane 3", load(OP_V128_LOAD16_LANE, 3, mem + 6, ones),
             I16X8(0xffff, 0xffff, 0xffff, 0x1234, 0xffff, 0xffff, 0xffff, 0xffff));
  check_v128("load32_lane 1", load(OP_V128_LOAD32_LANE, 1, mem, ones),
             I32X4(0xffffffff, 0x7fff0180, 0xffffffff, 0xffffffff));
  check_v128("load64_lane 1", load(OP_V128_LOAD64_LANE, 1, mem + 8, zero),
             I64X2(0, UINT64_C(0x0123456789abcdef)));
}
END_TEST

/* v128.store and the lane stores write exactly their bytes, little-endian */
START_TEST(test_store)
{
  static const struct { Op op; uint8_t lane; uint8_t want[18]; } stores[] = {
    {OP_V128_STORE, 0, {0xee, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0xee}},
    {OP_V128_STORE8_LANE, 13, {0xee, 13, 0xee}},
    {OP_V128_STORE16_LANE, 7, {0xee, 14, 15, 0xee}},
    {OP_V128_STORE32_LANE, 1, {0xee, 4, 5, 6, 7, 0xee}},
    {OP_V128_STORE64_LANE, 1, {0xee, 8, 9, 10, 11, 12, 13, 14, 15, 0xee}},
  };
  const Value v = v128(I8X16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
  for (size_t i = 0; i < sizeof stores / sizeof *stores; i++) {
    Instr in = {.op = stores[i].op, .imm.memarg = {.lane = stores[i].lane}};
    unsigned n = instr_info[stores[i].op].n;
    uint8_t mem[18];
    memset(mem, 0xee, sizeof mem);
    simd_store(stores[i].op, &in, &v, mem + 1);
    ck_assert_msg(memcmp(mem, stores[i].want, n + 2) == 0, "%s", instr_info[stores[i].op].mnemonic);
  }
}
END_TEST

/* simd_apply implements exactly the 233 vector rows with no immediate, a
 * lane or a shuffle, each with the result type of its signature, and
 * declines every other instruction without touching the stack, even one
 * given the very bottom of the stack. */
START_TEST(test_every_vector)
{
  unsigned count = 0;
  for (int op = 0; op < OP_COUNT; op++) {
    const InstrInfo *info = &instr_info[op];
    bool ours = info->prefix == 0xfd &&
                (info->shape == IMM_NONE || info->shape == IMM_LANE || info->shape == IMM_SHUFFLE);
    if (!ours) {
      Value stack[1] = {value_i64(GUARD)};
      Instr in = {.op = (uint16_t)op};
      ck_assert_msg(simd_apply((Op)op, &in, stack) == NULL, "%s", info->mnemonic);
      ck_assert(stack[0].kind == VAL_I64 && stack[0].i64 == GUARD);
      continue;
    }
    count++;
    Value args[3];
    for (size_t i = 0; i < strlen(info->params); i++) {
      switch (info->params[i]) {
      case 'i': args[i] = value_i32(1); break;
      case 'I': args[i] = value_i64(1); break;
      case 'f': args[i] = value_f32(ONE32); break;
      case 'F': args[i] = value_f64(ONE64); break;
      default: args[i] = v128(I32X4(1, 2, 3, 4)); break;
      }
    }
    Instr in = {.op = (uint16_t)op};
    if (info->shape == IMM_LANE)
      in.imm.lane = (uint8_t)(info->n - 1);
    apply_instr(&in, args);
  }
  ck_assert_uint_eq(count, 233);
}
END_TEST

static Suite *simd_suite(void)
{
  Suite *s = suite_create("simd");
  TCase *tc = tcase_create("simd");
  tcase_add_loop_test(tc, test_float, 0, sizeof float_cases / sizeof *float_cases);
  tcase_add_loop_test(tc, test_integer, 0, sizeof integer_cases / sizeof *integer_cases);
  tcase_add_loop_test(tc, test_conversion, 0, sizeof conversion_cases / sizeof *conversion_cases);
  tcase_add_loop_test(tc, test_relaxed, 0, sizeof relaxed_cases / sizeof *relaxed_cases);
  tcase_add_test(tc, test_shift);
  tcase_add_test(tc, test_tests);
  tcase_add_test(tc, test_lanes);
  tcase_add_test(tc, test_load);
  tcase_add_test(tc, test_store);
  tcase_add_test(tc, test_every_vector);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  return tap_run(simd_suite());
}
