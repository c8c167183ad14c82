/* Scalar numerics (spec: 3.1-numerics.scalar; prose: exec/numerics).
 *
 * Integer operators are written once for N = 32 and 64, on uint64_t
 * holding an N-bit value.  Floats stay bit patterns in a Value and are
 * unpacked into float/double only to compute; every NaN that comes out of
 * an arithmetic operator is replaced by +nan(canon_N), the single element
 * of $nans_N in the deterministic profile.  No operation relies on C's
 * undefined cases: shifts are reduced mod N, signed division and float to
 * integer conversions are range-checked first. */
#include "interp/num.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* f32 and f64 arithmetic must round once, in the operand's own format. */
#if FLT_EVAL_METHOD != 0
#error "scalar numerics need FLT_EVAL_METHOD == 0 (e.g. SSE2, not x87)"
#endif
#ifdef __FAST_MATH__
#error "scalar numerics must not be compiled with -ffast-math"
#endif

static const char TRAP_DIVIDE_BY_ZERO[] = "integer divide by zero";
static const char TRAP_OVERFLOW[] = "integer overflow";
static const char TRAP_CONVERSION[] = "invalid conversion to integer";

/* $canon_N with a positive sign: what the deterministic profile produces. */
#define CANON_NAN_32 UINT32_C(0x7fc00000)
#define CANON_NAN_64 UINT64_C(0x7ff8000000000000)

enum Sx { U, S };

/* Integers ---------------------------------------------------------- */

static uint64_t mask_(unsigned N) { return N == 64 ? UINT64_MAX : (UINT64_C(1) << N) - 1; }

/* $signed_(N, i) */
static int64_t signed_(unsigned N, uint64_t i)
{
  uint64_t sign = UINT64_C(1) << (N - 1);
  return (int64_t)((i ^ sign) - sign);  /* sign-extends to 64 bits */
}

/* $iextend_(N, K, S, i): the low K bits of i, sign-extended to N bits */
static uint64_t iextend_s(unsigned N, unsigned K, uint64_t i)
{
  return (uint64_t)signed_(K, i & mask_(K)) & mask_(N);
}

/* $iclz_ */
static uint64_t iclz_(unsigned N, uint64_t i)
{
  return i == 0 ? N : (uint64_t)__builtin_clzll(i) - (64 - N);
}

/* $ictz_ */
static uint64_t ictz_(unsigned N, uint64_t i) { return i == 0 ? N : (uint64_t)__builtin_ctzll(i); }

/* $ipopcnt_ */
static uint64_t ipopcnt_(uint64_t i) { return (uint64_t)__builtin_popcountll(i); }

/* $idiv_(N, sx, i_1, i_2): undefined (a trap) for 0 and for the one
 * quotient that does not fit, -2^(N-1) / -1. */
static uint64_t idiv_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2, const char **trap)
{
  if (i2 == 0) {
    *trap = TRAP_DIVIDE_BY_ZERO;
    return 0;
  }
  if (sx == U)
    return i1 / i2;
  if (i1 == UINT64_C(1) << (N - 1) && signed_(N, i2) == -1) {
    *trap = TRAP_OVERFLOW;
    return 0;
  }
  return (uint64_t)(signed_(N, i1) / signed_(N, i2)) & mask_(N);
}

/* $irem_(N, sx, i_1, i_2): undefined only for 0; x rem -1 is 0 even where
 * the matching quotient overflows (which C would make undefined). */
static uint64_t irem_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2, const char **trap)
{
  if (i2 == 0) {
    *trap = TRAP_DIVIDE_BY_ZERO;
    return 0;
  }
  if (sx == U)
    return i1 % i2;
  if (signed_(N, i2) == -1)
    return 0;
  return (uint64_t)(signed_(N, i1) % signed_(N, i2)) & mask_(N);
}

/* $ishl_(N, i_1, i_2) */
static uint64_t ishl_(unsigned N, uint64_t i1, uint64_t i2) { return (i1 << (i2 % N)) & mask_(N); }

/* $ishr_(N, sx, i_1, i_2): signed shifts fill with the sign bit, done by
 * hand since C leaves >> of a negative number implementation-defined. */
static uint64_t ishr_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2)
{
  unsigned k = (unsigned)(i2 % N);
  uint64_t r = i1 >> k;
  if (sx == S && (i1 >> (N - 1)) != 0)
    r |= mask_(N) & ~(mask_(N) >> k);
  return r;
}

/* $irotl_(N, i_1, i_2) */
static uint64_t irotl_(unsigned N, uint64_t i1, uint64_t i2)
{
  unsigned k = (unsigned)(i2 % N);
  return k == 0 ? i1 : ((i1 << k) | (i1 >> (N - k))) & mask_(N);
}

/* $irotr_(N, i_1, i_2) */
static uint64_t irotr_(unsigned N, uint64_t i1, uint64_t i2) { return irotl_(N, i1, N - i2 % N); }

/* $ilt_ $igt_ $ile_ $ige_ reduce to a three-way comparison. */
static int icmp_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2)
{
  if (sx == S) {
    int64_t j1 = signed_(N, i1), j2 = signed_(N, i2);
    return (j1 > j2) - (j1 < j2);
  }
  return (i1 > i2) - (i1 < i2);
}

/* Floats ------------------------------------------------------------ */

static float f32_of(const Value *v)
{
  float z;
  memcpy(&z, &v->f32, sizeof z);
  return z;
}

static double f64_of(const Value *v)
{
  double z;
  memcpy(&z, &v->f64, sizeof z);
  return z;
}

/* A computed f32; a NaN result is $nans_32{...} = +nan(canon_32). */
static uint32_t f32_result(float z)
{
  uint32_t bits = CANON_NAN_32;
  if (!isnan(z))
    memcpy(&bits, &z, sizeof bits);
  return bits;
}

/* A computed f64; a NaN result is $nans_64{...} = +nan(canon_64). */
static uint64_t f64_result(double z)
{
  uint64_t bits = CANON_NAN_64;
  if (!isnan(z))
    memcpy(&bits, &z, sizeof bits);
  return bits;
}

/* $fabs_, $fneg_, $fcopysign_ act on the sign bit alone, NaN payloads
 * included, which is why they work on bits and not through float. */
static uint64_t fsign_(unsigned N) { return UINT64_C(1) << (N - 1); }
static uint64_t fabs_(unsigned N, uint64_t z) { return z & ~fsign_(N); }
static uint64_t fneg_(unsigned N, uint64_t z) { return z ^ fsign_(N); }
static uint64_t fcopysign_(unsigned N, uint64_t z1, uint64_t z2)
{
  return (z1 & ~fsign_(N)) | (z2 & fsign_(N));
}

/* $fmin_(N, z_1, z_2): NaN if either is NaN (C's fmin would return the
 * other operand); -0 counts as smaller than +0.  Widening f32 to double
 * is exact, so one function serves both sizes. */
static double fmin_(double z1, double z2)
{
  if (isnan(z1) || isnan(z2))
    return NAN;
  if (z1 == z2)  /* equal, or zeroes of either sign */
    return signbit(z1) ? z1 : z2;
  return z1 < z2 ? z1 : z2;
}

/* $fmax_(N, z_1, z_2): as $fmin_, with +0 larger than -0. */
static double fmax_(double z1, double z2)
{
  if (isnan(z1) || isnan(z2))
    return NAN;
  if (z1 == z2)
    return signbit(z1) ? z2 : z1;
  return z1 > z2 ? z1 : z2;
}

/* $demote__(64, 32, z) = $ieee_32(z), rounding to nearest even.  C leaves
 * converting a double beyond FLT_MAX undefined, so that rounding is done
 * here: from the midpoint between FLT_MAX and 2^128 on (a tie goes to the
 * even side, 2^128) the result is infinite. */
static float demote_(double z)
{
  if (isnan(z))
    return NAN;
  if (fabs(z) > FLT_MAX) {
    float r = fabs(z) >= 0x1.ffffffp127 ? INFINITY : FLT_MAX;
    return signbit(z) ? -r : r;
  }
  return (float)z;
}

/* Float to integer ---------------------------------------------------- */

/* $trunc__ is defined where -2^(N-1) - 1 < truncz(z) < 2^(N-1) (signed) or
 * -1 < truncz(z) < 2^N (unsigned), i.e. for z strictly between these two
 * bounds.  For N = 64 the signed lower bound is not a double; the largest
 * double below it, -2^63 - 2048, bounds the same set of doubles.  An f32
 * widens to double exactly, so these serve f32 operands as well. */
static double trunc_lo(unsigned N, enum Sx sx)
{
  if (sx == U)
    return -1.0;
  return N == 32 ? -0x1.00000002p31 : -0x1.0000000000001p63;
}

static double trunc_hi(unsigned N, enum Sx sx)
{
  if (sx == U)
    return N == 32 ? 0x1p32 : 0x1p64;
  return N == 32 ? 0x1p31 : 0x1p63;
}

/* $truncz(z) for z within the bounds above, as an N-bit pattern. */
static uint64_t truncz_(unsigned N, enum Sx sx, double z)
{
  return sx == S ? (uint64_t)(int64_t)z & mask_(N) : (uint64_t)z;
}

/* $trunc__(M, N, sx, z): undefined for NaN, infinities and out-of-range
 * values; the suite tells NaN apart from the rest. */
static uint64_t trunc_(unsigned N, enum Sx sx, double z, const char **trap)
{
  if (isnan(z)) {
    *trap = TRAP_CONVERSION;
    return 0;
  }
  if (!(z > trunc_lo(N, sx) && z < trunc_hi(N, sx))) {
    *trap = TRAP_OVERFLOW;
    return 0;
  }
  return truncz_(N, sx, z);
}

/* $trunc_sat__(M, N, sx, z): NaN is 0, everything else saturates. */
static uint64_t trunc_sat_(unsigned N, enum Sx sx, double z)
{
  if (isnan(z))
    return 0;
  if (z <= trunc_lo(N, sx))
    return sx == S ? UINT64_C(1) << (N - 1) : 0;
  if (z >= trunc_hi(N, sx))
    return sx == S ? mask_(N) >> 1 : mask_(N);
  return truncz_(N, sx, z);
}

/* The instructions ------------------------------------------------------ */

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
  case OP_I32_EQZ:            I32(c1->i32 == 0); break;
  case OP_I64_EQZ:            I32(c1->i64 == 0); break;

  case OP_I32_EQ:             I32(c1->i32 == c2->i32); break;
  case OP_I32_NE:             I32(c1->i32 != c2->i32); break;
  case OP_I32_LT_S:           I32(icmp_(32, S, c1->i32, c2->i32) < 0); break;
  case OP_I32_LT_U:           I32(icmp_(32, U, c1->i32, c2->i32) < 0); break;
  case OP_I32_GT_S:           I32(icmp_(32, S, c1->i32, c2->i32) > 0); break;
  case OP_I32_GT_U:           I32(icmp_(32, U, c1->i32, c2->i32) > 0); break;
  case OP_I32_LE_S:           I32(icmp_(32, S, c1->i32, c2->i32) <= 0); break;
  case OP_I32_LE_U:           I32(icmp_(32, U, c1->i32, c2->i32) <= 0); break;
  case OP_I32_GE_S:           I32(icmp_(32, S, c1->i32, c2->i32) >= 0); break;
  case OP_I32_GE_U:           I32(icmp_(32, U, c1->i32, c2->i32) >= 0); break;
  case OP_I64_EQ:             I32(c1->i64 == c2->i64); break;
  case OP_I64_NE:             I32(c1->i64 != c2->i64); break;
  case OP_I64_LT_S:           I32(icmp_(64, S, c1->i64, c2->i64) < 0); break;
  case OP_I64_LT_U:           I32(icmp_(64, U, c1->i64, c2->i64) < 0); break;
  case OP_I64_GT_S:           I32(icmp_(64, S, c1->i64, c2->i64) > 0); break;
  case OP_I64_GT_U:           I32(icmp_(64, U, c1->i64, c2->i64) > 0); break;
  case OP_I64_LE_S:           I32(icmp_(64, S, c1->i64, c2->i64) <= 0); break;
  case OP_I64_LE_U:           I32(icmp_(64, U, c1->i64, c2->i64) <= 0); break;
  case OP_I64_GE_S:           I32(icmp_(64, S, c1->i64, c2->i64) >= 0); break;
  case OP_I64_GE_U:           I32(icmp_(64, U, c1->i64, c2->i64) >= 0); break;

  /* C's float comparisons are IEEE's: false on NaN (true for !=), -0 == +0 */
  case OP_F32_EQ:             I32(f32_of(c1) == f32_of(c2)); break;
  case OP_F32_NE:             I32(f32_of(c1) != f32_of(c2)); break;
  case OP_F32_LT:             I32(f32_of(c1) < f32_of(c2)); break;
  case OP_F32_GT:             I32(f32_of(c1) > f32_of(c2)); break;
  case OP_F32_LE:             I32(f32_of(c1) <= f32_of(c2)); break;
  case OP_F32_GE:             I32(f32_of(c1) >= f32_of(c2)); break;
  case OP_F64_EQ:             I32(f64_of(c1) == f64_of(c2)); break;
  case OP_F64_NE:             I32(f64_of(c1) != f64_of(c2)); break;
  case OP_F64_LT:             I32(f64_of(c1) < f64_of(c2)); break;
  case OP_F64_GT:             I32(f64_of(c1) > f64_of(c2)); break;
  case OP_F64_LE:             I32(f64_of(c1) <= f64_of(c2)); break;
  case OP_F64_GE:             I32(f64_of(c1) >= f64_of(c2)); break;

  case OP_I32_CLZ:            I32(iclz_(32, c1->i32)); break;
  case OP_I32_CTZ:            I32(ictz_(32, c1->i32)); break;
  case OP_I32_POPCNT:         I32(ipopcnt_(c1->i32)); break;
  case OP_I32_EXTEND8_S:      I32(iextend_s(32, 8, c1->i32)); break;
  case OP_I32_EXTEND16_S:     I32(iextend_s(32, 16, c1->i32)); break;
  case OP_I64_CLZ:            I64(iclz_(64, c1->i64)); break;
  case OP_I64_CTZ:            I64(ictz_(64, c1->i64)); break;
  case OP_I64_POPCNT:         I64(ipopcnt_(c1->i64)); break;
  case OP_I64_EXTEND8_S:      I64(iextend_s(64, 8, c1->i64)); break;
  case OP_I64_EXTEND16_S:     I64(iextend_s(64, 16, c1->i64)); break;
  case OP_I64_EXTEND32_S:     I64(iextend_s(64, 32, c1->i64)); break;

  case OP_F32_ABS:            F32(fabs_(32, c1->f32)); break;
  case OP_F32_NEG:            F32(fneg_(32, c1->f32)); break;
  case OP_F32_SQRT:           F32(f32_result(sqrtf(f32_of(c1)))); break;
  case OP_F32_CEIL:           F32(f32_result(ceilf(f32_of(c1)))); break;
  case OP_F32_FLOOR:          F32(f32_result(floorf(f32_of(c1)))); break;
  case OP_F32_TRUNC:          F32(f32_result(truncf(f32_of(c1)))); break;
  /* ties to even under the default rounding mode, the only one we use */
  case OP_F32_NEAREST:        F32(f32_result(nearbyintf(f32_of(c1)))); break;
  case OP_F64_ABS:            F64(fabs_(64, c1->f64)); break;
  case OP_F64_NEG:            F64(fneg_(64, c1->f64)); break;
  case OP_F64_SQRT:           F64(f64_result(sqrt(f64_of(c1)))); break;
  case OP_F64_CEIL:           F64(f64_result(ceil(f64_of(c1)))); break;
  case OP_F64_FLOOR:          F64(f64_result(floor(f64_of(c1)))); break;
  case OP_F64_TRUNC:          F64(f64_result(trunc(f64_of(c1)))); break;
  case OP_F64_NEAREST:        F64(f64_result(nearbyint(f64_of(c1)))); break;

  case OP_I32_ADD:            I32(c1->i32 + c2->i32); break;
  case OP_I32_SUB:            I32(c1->i32 - c2->i32); break;
  case OP_I32_MUL:            I32(c1->i32 * c2->i32); break;
  case OP_I32_DIV_S:          I32(idiv_(32, S, c1->i32, c2->i32, trap)); break;
  case OP_I32_DIV_U:          I32(idiv_(32, U, c1->i32, c2->i32, trap)); break;
  case OP_I32_REM_S:          I32(irem_(32, S, c1->i32, c2->i32, trap)); break;
  case OP_I32_REM_U:          I32(irem_(32, U, c1->i32, c2->i32, trap)); break;
  case OP_I32_AND:            I32(c1->i32 & c2->i32); break;
  case OP_I32_OR:             I32(c1->i32 | c2->i32); break;
  case OP_I32_XOR:            I32(c1->i32 ^ c2->i32); break;
  case OP_I32_SHL:            I32(ishl_(32, c1->i32, c2->i32)); break;
  case OP_I32_SHR_S:          I32(ishr_(32, S, c1->i32, c2->i32)); break;
  case OP_I32_SHR_U:          I32(ishr_(32, U, c1->i32, c2->i32)); break;
  case OP_I32_ROTL:           I32(irotl_(32, c1->i32, c2->i32)); break;
  case OP_I32_ROTR:           I32(irotr_(32, c1->i32, c2->i32)); break;
  case OP_I64_ADD:            I64(c1->i64 + c2->i64); break;
  case OP_I64_SUB:            I64(c1->i64 - c2->i64); break;
  case OP_I64_MUL:            I64(c1->i64 * c2->i64); break;
  case OP_I64_DIV_S:          I64(idiv_(64, S, c1->i64, c2->i64, trap)); break;
  case OP_I64_DIV_U:          I64(idiv_(64, U, c1->i64, c2->i64, trap)); break;
  case OP_I64_REM_S:          I64(irem_(64, S, c1->i64, c2->i64, trap)); break;
  case OP_I64_REM_U:          I64(irem_(64, U, c1->i64, c2->i64, trap)); break;
  case OP_I64_AND:            I64(c1->i64 & c2->i64); break;
  case OP_I64_OR:             I64(c1->i64 | c2->i64); break;
  case OP_I64_XOR:            I64(c1->i64 ^ c2->i64); break;
  case OP_I64_SHL:            I64(ishl_(64, c1->i64, c2->i64)); break;
  case OP_I64_SHR_S:          I64(ishr_(64, S, c1->i64, c2->i64)); break;
  case OP_I64_SHR_U:          I64(ishr_(64, U, c1->i64, c2->i64)); break;
  case OP_I64_ROTL:           I64(irotl_(64, c1->i64, c2->i64)); break;
  case OP_I64_ROTR:           I64(irotr_(64, c1->i64, c2->i64)); break;

  case OP_F32_ADD:            F32(f32_result(f32_of(c1) + f32_of(c2))); break;
  case OP_F32_SUB:            F32(f32_result(f32_of(c1) - f32_of(c2))); break;
  case OP_F32_MUL:            F32(f32_result(f32_of(c1) * f32_of(c2))); break;
  case OP_F32_DIV:            F32(f32_result(f32_of(c1) / f32_of(c2))); break;
  case OP_F32_MIN:            F32(f32_result((float)fmin_(f32_of(c1), f32_of(c2)))); break;
  case OP_F32_MAX:            F32(f32_result((float)fmax_(f32_of(c1), f32_of(c2)))); break;
  case OP_F32_COPYSIGN:       F32(fcopysign_(32, c1->f32, c2->f32)); break;
  case OP_F64_ADD:            F64(f64_result(f64_of(c1) + f64_of(c2))); break;
  case OP_F64_SUB:            F64(f64_result(f64_of(c1) - f64_of(c2))); break;
  case OP_F64_MUL:            F64(f64_result(f64_of(c1) * f64_of(c2))); break;
  case OP_F64_DIV:            F64(f64_result(f64_of(c1) / f64_of(c2))); break;
  case OP_F64_MIN:            F64(f64_result(fmin_(f64_of(c1), f64_of(c2)))); break;
  case OP_F64_MAX:            F64(f64_result(fmax_(f64_of(c1), f64_of(c2)))); break;
  case OP_F64_COPYSIGN:       F64(fcopysign_(64, c1->f64, c2->f64)); break;

  /* $wrap__ and $extend__ */
  case OP_I32_WRAP_I64:       I32((uint32_t)c1->i64); break;
  case OP_I64_EXTEND_I32_S:   I64(iextend_s(64, 32, c1->i32)); break;
  case OP_I64_EXTEND_I32_U:   I64(c1->i32); break;

  case OP_I32_TRUNC_F32_S:    I32(trunc_(32, S, f32_of(c1), trap)); break;
  case OP_I32_TRUNC_F32_U:    I32(trunc_(32, U, f32_of(c1), trap)); break;
  case OP_I32_TRUNC_F64_S:    I32(trunc_(32, S, f64_of(c1), trap)); break;
  case OP_I32_TRUNC_F64_U:    I32(trunc_(32, U, f64_of(c1), trap)); break;
  case OP_I64_TRUNC_F32_S:    I64(trunc_(64, S, f32_of(c1), trap)); break;
  case OP_I64_TRUNC_F32_U:    I64(trunc_(64, U, f32_of(c1), trap)); break;
  case OP_I64_TRUNC_F64_S:    I64(trunc_(64, S, f64_of(c1), trap)); break;
  case OP_I64_TRUNC_F64_U:    I64(trunc_(64, U, f64_of(c1), trap)); break;
  case OP_I32_TRUNC_SAT_F32_S: I32(trunc_sat_(32, S, f32_of(c1))); break;
  case OP_I32_TRUNC_SAT_F32_U: I32(trunc_sat_(32, U, f32_of(c1))); break;
  case OP_I32_TRUNC_SAT_F64_S: I32(trunc_sat_(32, S, f64_of(c1))); break;
  case OP_I32_TRUNC_SAT_F64_U: I32(trunc_sat_(32, U, f64_of(c1))); break;
  case OP_I64_TRUNC_SAT_F32_S: I64(trunc_sat_(64, S, f32_of(c1))); break;
  case OP_I64_TRUNC_SAT_F32_U: I64(trunc_sat_(64, U, f32_of(c1))); break;
  case OP_I64_TRUNC_SAT_F64_S: I64(trunc_sat_(64, S, f64_of(c1))); break;
  case OP_I64_TRUNC_SAT_F64_U: I64(trunc_sat_(64, U, f64_of(c1))); break;

  /* $promote__ and $demote__ of any NaN give $nans_N{...}, so +nan(canon_N) */
  case OP_F32_DEMOTE_F64:     F32(f32_result(demote_(f64_of(c1)))); break;
  case OP_F64_PROMOTE_F32:    F64(f64_result(f32_of(c1))); break;

  /* $convert__: C's integer to floating conversions round to nearest even,
   * also from 64 bits to float (no double rounding through double). */
  case OP_F32_CONVERT_I32_S:  F32(f32_result((float)signed_(32, c1->i32))); break;
  case OP_F32_CONVERT_I32_U:  F32(f32_result((float)c1->i32)); break;
  case OP_F32_CONVERT_I64_S:  F32(f32_result((float)signed_(64, c1->i64))); break;
  case OP_F32_CONVERT_I64_U:  F32(f32_result((float)c1->i64)); break;
  case OP_F64_CONVERT_I32_S:  F64(f64_result((double)signed_(32, c1->i32))); break;
  case OP_F64_CONVERT_I32_U:  F64(f64_result((double)c1->i32)); break;
  case OP_F64_CONVERT_I64_S:  F64(f64_result((double)signed_(64, c1->i64))); break;
  case OP_F64_CONVERT_I64_U:  F64(f64_result((double)c1->i64)); break;

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
