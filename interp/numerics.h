/* The scalar operators (spec: 3.1-numerics.scalar, with the deterministic
 * profile's choices for those of 3.0-numerics.relaxed; prose:
 * exec/numerics), each written once, for every N it is used at.
 *
 * Both interp/num.c and interp/simd.c build on these: the scalar
 * instructions apply them to N = 32 and 64, and the vector instructions to
 * each lane, as the spec writes a lane operator in terms of the scalar one,
 * $ivbinop_(Jnn X M, $iadd_, v_1, v_2).  An operand is a uint64_t holding
 * an N-bit pattern: an N-bit integer (iN), or the bits of an fN.  Floats are
 * unpacked into float (N = 32) or double (N = 64) only to compute, and so
 * round in their own format; every NaN that an arithmetic operator produces
 * is +nan(canon_N), the single element of $nans_N in the deterministic
 * profile, and every relaxed operator makes that profile's choice,
 * alternative 0 of $relaxed2 / $relaxed4.
 *
 * No operator relies on C's undefined cases: integer arithmetic is unsigned,
 * shift counts are reduced mod N, signed division and float to integer
 * conversions are range-checked first. */
#ifndef INTERP_NUMERICS_H
#define INTERP_NUMERICS_H

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* f32 and f64 arithmetic must round once, in the operand's own format. */
#if FLT_EVAL_METHOD != 0
#error "numerics need FLT_EVAL_METHOD == 0 (e.g. SSE2, not x87)"
#endif
#ifdef __FAST_MATH__
#error "numerics must not be compiled with -ffast-math"
#endif

/* The suite's messages for the partial operators ($idiv_, $irem_, $trunc__)
 * where they are undefined, which is a trap. */
static const char TRAP_DIVIDE_BY_ZERO[] = "integer divide by zero";
static const char TRAP_OVERFLOW[] = "integer overflow";
static const char TRAP_CONVERSION[] = "invalid conversion to integer";

/* $canon_N with a positive sign: what the deterministic profile produces. */
#define CANON_NAN_32 UINT64_C(0x7fc00000)
#define CANON_NAN_64 UINT64_C(0x7ff8000000000000)

enum Sx { U, S };

/* Signed numbers and saturation -------------------------------------- */

/* 2^N - 1, the largest iN */
static inline uint64_t mask_(unsigned N) { return N == 64 ? UINT64_MAX : (UINT64_C(1) << N) - 1; }

/* $signed_(N, i) */
static inline int64_t signed_(unsigned N, uint64_t i)
{
  uint64_t sign = UINT64_C(1) << (N - 1);
  return (int64_t)((i ^ sign) - sign);  /* sign-extends to 64 bits */
}

/* $inv_signed_(N, i) */
static inline uint64_t inv_signed_(unsigned N, int64_t i) { return (uint64_t)i & mask_(N); }

/* $sat_s_(N, i) */
static inline int64_t sat_s_(unsigned N, int64_t i)
{
  int64_t max = (int64_t)(mask_(N) >> 1);
  return i < -max - 1 ? -max - 1 : i > max ? max : i;
}

/* $sat_u_(N, i) */
static inline uint64_t sat_u_(unsigned N, int64_t i)
{
  return i < 0 ? 0 : (uint64_t)i > mask_(N) ? mask_(N) : (uint64_t)i;
}

/* Integer operators -------------------------------------------------- */

/* $ineg_(N, i) */
static inline uint64_t ineg_(unsigned N, uint64_t i) { return (0 - i) & mask_(N); }

/* $iabs_(N, i) */
static inline uint64_t iabs_(unsigned N, uint64_t i) { return signed_(N, i) >= 0 ? i : ineg_(N, i); }

/* $iclz_(N, i) */
static inline uint64_t iclz_(unsigned N, uint64_t i)
{
  return i == 0 ? N : (uint64_t)__builtin_clzll(i) - (64 - N);
}

/* $ictz_(N, i) */
static inline uint64_t ictz_(unsigned N, uint64_t i) { return i == 0 ? N : (uint64_t)__builtin_ctzll(i); }

/* $ipopcnt_(N, i) */
static inline uint64_t ipopcnt_(unsigned N, uint64_t i) { (void)N; return (uint64_t)__builtin_popcountll(i); }

/* $extend__(M, N, sx, i), from M to N bits */
static inline uint64_t extend_(unsigned M, unsigned N, enum Sx sx, uint64_t i)
{
  return sx == S ? inv_signed_(N, signed_(M, i)) : i;
}

/* $iextend_(N, K, sx, i): the low K bits of i, extended to N bits */
static inline uint64_t iextend_(unsigned N, unsigned K, enum Sx sx, uint64_t i)
{
  return extend_(K, N, sx, i & mask_(K));
}

/* $iadd_(N, i_1, i_2) */
static inline uint64_t iadd_(unsigned N, uint64_t i1, uint64_t i2) { return (i1 + i2) & mask_(N); }

/* $isub_(N, i_1, i_2) */
static inline uint64_t isub_(unsigned N, uint64_t i1, uint64_t i2) { return (i1 - i2) & mask_(N); }

/* $imul_(N, i_1, i_2) */
static inline uint64_t imul_(unsigned N, uint64_t i1, uint64_t i2) { return (i1 * i2) & mask_(N); }

/* $idiv_(N, sx, i_1, i_2): undefined (a trap) for 0 and for the one
 * quotient that does not fit, -2^(N-1) / -1. */
static inline uint64_t idiv_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2, const char **trap)
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
static inline uint64_t irem_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2, const char **trap)
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

/* $ilt_ $igt_ $ile_ $ige_ $imin_ $imax_ reduce to this three-way comparison. */
static inline int icmp_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2)
{
  if (sx == S) {
    int64_t j1 = signed_(N, i1), j2 = signed_(N, i2);
    return (j1 > j2) - (j1 < j2);
  }
  return (i1 > i2) - (i1 < i2);
}

/* $imin_(N, sx, i_1, i_2) */
static inline uint64_t imin_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2)
{
  return icmp_(N, sx, i1, i2) <= 0 ? i1 : i2;
}

/* $imax_(N, sx, i_1, i_2) */
static inline uint64_t imax_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2)
{
  return icmp_(N, sx, i1, i2) >= 0 ? i1 : i2;
}

/* $iadd_sat_(N, sx, i_1, i_2): exact in int64_t, for the sizes that have
 * it (N <= 16). */
static inline uint64_t iadd_sat_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2)
{
  if (sx == U)
    return sat_u_(N, (int64_t)i1 + (int64_t)i2);
  return inv_signed_(N, sat_s_(N, signed_(N, i1) + signed_(N, i2)));
}

/* $isub_sat_(N, sx, i_1, i_2): as $iadd_sat_ */
static inline uint64_t isub_sat_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2)
{
  if (sx == U)
    return sat_u_(N, (int64_t)i1 - (int64_t)i2);
  return inv_signed_(N, sat_s_(N, signed_(N, i1) - signed_(N, i2)));
}

/* $ishl_(N, i_1, i_2) */
static inline uint64_t ishl_(unsigned N, uint64_t i1, uint64_t i2) { return (i1 << (i2 % N)) & mask_(N); }

/* $ishr_(N, sx, i_1, i_2): signed shifts fill with the sign bit, done by
 * hand since C leaves >> of a negative number implementation-defined. */
static inline uint64_t ishr_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2)
{
  unsigned k = (unsigned)(i2 % N);
  uint64_t r = i1 >> k;
  if (sx == S && (i1 >> (N - 1)) != 0)
    r |= mask_(N) & ~(mask_(N) >> k);
  return r;
}

/* $iq15mulr_sat_(N, S, i_1, i_2) = $sat_s_(N, $ishr_(i_1 * i_2 + 2^14, 15))
 * signed: the product of two N-bit values (N = 16) is exact in 64 bits,
 * where the shift rounds toward minus infinity. */
static inline uint64_t iq15mulr_sat_s(unsigned N, uint64_t i1, uint64_t i2)
{
  int64_t j = signed_(N, i1) * signed_(N, i2) + (INT64_C(1) << 14);
  return inv_signed_(N, sat_s_(N, signed_(64, ishr_(64, S, (uint64_t)j, 15))));
}

/* $irelaxed_q15mulr_(N, S, i_1, i_2): only 0x8000 * 0x8000 overflows, and
 * alternative 0 for it, 2^(N-1) - 1, is what saturation gives. */
static inline uint64_t irelaxed_q15mulr_s(unsigned N, uint64_t i1, uint64_t i2)
{
  return iq15mulr_sat_s(N, i1, i2);
}

/* $iavgr_(N, U, i_1, i_2) = truncz((i_1 + i_2 + 1) / 2), for N <= 16 */
static inline uint64_t iavgr_u(unsigned N, uint64_t i1, uint64_t i2) { (void)N; return (i1 + i2 + 1) / 2; }

/* $iand_(N, i_1, i_2) */
static inline uint64_t iand_(unsigned N, uint64_t i1, uint64_t i2) { (void)N; return i1 & i2; }

/* $ior_(N, i_1, i_2) */
static inline uint64_t ior_(unsigned N, uint64_t i1, uint64_t i2) { (void)N; return i1 | i2; }

/* $ixor_(N, i_1, i_2) */
static inline uint64_t ixor_(unsigned N, uint64_t i1, uint64_t i2) { (void)N; return i1 ^ i2; }

/* $irotl_(N, i_1, i_2) */
static inline uint64_t irotl_(unsigned N, uint64_t i1, uint64_t i2)
{
  unsigned k = (unsigned)(i2 % N);
  return k == 0 ? i1 : ((i1 << k) | (i1 >> (N - k))) & mask_(N);
}

/* $irotr_(N, i_1, i_2) */
static inline uint64_t irotr_(unsigned N, uint64_t i1, uint64_t i2) { return irotl_(N, i1, N - i2 % N); }

/* $ieqz_(N, i) */
static inline uint64_t ieqz_(unsigned N, uint64_t i) { (void)N; return i == 0; }

/* $ieq_(N, i_1, i_2) */
static inline uint64_t ieq_(unsigned N, uint64_t i1, uint64_t i2) { (void)N; return i1 == i2; }

/* $ine_(N, i_1, i_2) */
static inline uint64_t ine_(unsigned N, uint64_t i1, uint64_t i2) { (void)N; return i1 != i2; }

/* $ilt_(N, sx, i_1, i_2) */
static inline uint64_t ilt_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2)
{
  return icmp_(N, sx, i1, i2) < 0;
}

/* $igt_(N, sx, i_1, i_2) */
static inline uint64_t igt_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2)
{
  return icmp_(N, sx, i1, i2) > 0;
}

/* $ile_(N, sx, i_1, i_2) */
static inline uint64_t ile_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2)
{
  return icmp_(N, sx, i1, i2) <= 0;
}

/* $ige_(N, sx, i_1, i_2) */
static inline uint64_t ige_(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2)
{
  return icmp_(N, sx, i1, i2) >= 0;
}

/* Floats ------------------------------------------------------------- */

/* The f32 whose bits are the low 32 of bits */
static inline float f32_of(uint64_t bits)
{
  uint32_t b = (uint32_t)bits;
  float z;
  memcpy(&z, &b, sizeof z);
  return z;
}

/* The f64 whose bits are bits */
static inline double f64_of(uint64_t bits)
{
  double z;
  memcpy(&z, &bits, sizeof z);
  return z;
}

/* The value of an fN, f32 widened to double, which is exact: so min, max,
 * promotion and truncation serve both sizes. */
static inline double fN_of(unsigned N, uint64_t bits) { return N == 32 ? f32_of(bits) : f64_of(bits); }

/* +nan(canon_N) */
static inline uint64_t canon_nan(unsigned N) { return N == 32 ? CANON_NAN_32 : CANON_NAN_64; }

/* A computed f32; a NaN result is $nans_32{...} = +nan(canon_32). */
static inline uint64_t f32_result(float z)
{
  uint32_t bits = (uint32_t)CANON_NAN_32;
  if (!isnan(z))
    memcpy(&bits, &z, sizeof bits);
  return bits;
}

/* A computed f64; a NaN result is $nans_64{...} = +nan(canon_64). */
static inline uint64_t f64_result(double z)
{
  uint64_t bits = CANON_NAN_64;
  if (!isnan(z))
    memcpy(&bits, &z, sizeof bits);
  return bits;
}

/* $fabs_, $fneg_ and $fcopysign_ act on the sign bit alone, NaN payloads
 * included, which is why they work on bits and not through float. */
static inline uint64_t fsign_(unsigned N) { return UINT64_C(1) << (N - 1); }

/* $fabs_(N, z) */
static inline uint64_t fabs_(unsigned N, uint64_t z) { return z & ~fsign_(N); }

/* $fneg_(N, z) */
static inline uint64_t fneg_(unsigned N, uint64_t z) { return z ^ fsign_(N); }

/* $fcopysign_(N, z_1, z_2) */
static inline uint64_t fcopysign_(unsigned N, uint64_t z1, uint64_t z2)
{
  return (z1 & ~fsign_(N)) | (z2 & fsign_(N));
}

/* $fsqrt_(N, z) */
static inline uint64_t fsqrt_(unsigned N, uint64_t z)
{
  return N == 32 ? f32_result(sqrtf(f32_of(z))) : f64_result(sqrt(f64_of(z)));
}

/* $fceil_(N, z) */
static inline uint64_t fceil_(unsigned N, uint64_t z)
{
  return N == 32 ? f32_result(ceilf(f32_of(z))) : f64_result(ceil(f64_of(z)));
}

/* $ffloor_(N, z) */
static inline uint64_t ffloor_(unsigned N, uint64_t z)
{
  return N == 32 ? f32_result(floorf(f32_of(z))) : f64_result(floor(f64_of(z)));
}

/* $ftrunc_(N, z) */
static inline uint64_t ftrunc_(unsigned N, uint64_t z)
{
  return N == 32 ? f32_result(truncf(f32_of(z))) : f64_result(trunc(f64_of(z)));
}

/* $fnearest_(N, z): ties to even under the default rounding mode, the only
 * one we use. */
static inline uint64_t fnearest_(unsigned N, uint64_t z)
{
  return N == 32 ? f32_result(nearbyintf(f32_of(z))) : f64_result(nearbyint(f64_of(z)));
}

/* $fadd_(N, z_1, z_2) */
static inline uint64_t fadd_(unsigned N, uint64_t z1, uint64_t z2)
{
  return N == 32 ? f32_result(f32_of(z1) + f32_of(z2)) : f64_result(f64_of(z1) + f64_of(z2));
}

/* $fsub_(N, z_1, z_2) */
static inline uint64_t fsub_(unsigned N, uint64_t z1, uint64_t z2)
{
  return N == 32 ? f32_result(f32_of(z1) - f32_of(z2)) : f64_result(f64_of(z1) - f64_of(z2));
}

/* $fmul_(N, z_1, z_2) */
static inline uint64_t fmul_(unsigned N, uint64_t z1, uint64_t z2)
{
  return N == 32 ? f32_result(f32_of(z1) * f32_of(z2)) : f64_result(f64_of(z1) * f64_of(z2));
}

/* $fdiv_(N, z_1, z_2) */
static inline uint64_t fdiv_(unsigned N, uint64_t z1, uint64_t z2)
{
  return N == 32 ? f32_result(f32_of(z1) / f32_of(z2)) : f64_result(f64_of(z1) / f64_of(z2));
}

/* $fmin_(N, z_1, z_2): NaN if either is NaN (C's fmin would return the
 * other operand); -0 counts as smaller than +0.  Otherwise the result is
 * one of the operands, returned as it is. */
static inline uint64_t fmin_(unsigned N, uint64_t z1, uint64_t z2)
{
  double a = fN_of(N, z1), b = fN_of(N, z2);
  if (isnan(a) || isnan(b))
    return canon_nan(N);
  if (a == b)  /* equal, or zeroes of either sign */
    return signbit(a) ? z1 : z2;
  return a < b ? z1 : z2;
}

/* $fmax_(N, z_1, z_2): as $fmin_, with +0 larger than -0. */
static inline uint64_t fmax_(unsigned N, uint64_t z1, uint64_t z2)
{
  double a = fN_of(N, z1), b = fN_of(N, z2);
  if (isnan(a) || isnan(b))
    return canon_nan(N);
  if (a == b)
    return signbit(a) ? z2 : z1;
  return a > b ? z1 : z2;
}

/* $feq_(N, z_1, z_2); C's float comparisons are IEEE's: false on NaN (true
 * for !=), -0 == +0. */
static inline uint64_t feq_(unsigned N, uint64_t z1, uint64_t z2)
{
  return N == 32 ? f32_of(z1) == f32_of(z2) : f64_of(z1) == f64_of(z2);
}

/* $fne_(N, z_1, z_2) */
static inline uint64_t fne_(unsigned N, uint64_t z1, uint64_t z2)
{
  return N == 32 ? f32_of(z1) != f32_of(z2) : f64_of(z1) != f64_of(z2);
}

/* $flt_(N, z_1, z_2) */
static inline uint64_t flt_(unsigned N, uint64_t z1, uint64_t z2)
{
  return N == 32 ? f32_of(z1) < f32_of(z2) : f64_of(z1) < f64_of(z2);
}

/* $fgt_(N, z_1, z_2) */
static inline uint64_t fgt_(unsigned N, uint64_t z1, uint64_t z2)
{
  return N == 32 ? f32_of(z1) > f32_of(z2) : f64_of(z1) > f64_of(z2);
}

/* $fle_(N, z_1, z_2) */
static inline uint64_t fle_(unsigned N, uint64_t z1, uint64_t z2)
{
  return N == 32 ? f32_of(z1) <= f32_of(z2) : f64_of(z1) <= f64_of(z2);
}

/* $fge_(N, z_1, z_2) */
static inline uint64_t fge_(unsigned N, uint64_t z1, uint64_t z2)
{
  return N == 32 ? f32_of(z1) >= f32_of(z2) : f64_of(z1) >= f64_of(z2);
}

/* $fpmin_(N, z_1, z_2) picks an operand, NaN or not, without
 * canonicalising: the comparison-and-select of the hardware, not min. */
static inline uint64_t fpmin_(unsigned N, uint64_t z1, uint64_t z2) { return flt_(N, z2, z1) ? z2 : z1; }

/* $fpmax_(N, z_1, z_2): as $fpmin_ */
static inline uint64_t fpmax_(unsigned N, uint64_t z1, uint64_t z2) { return flt_(N, z1, z2) ? z2 : z1; }

/* $frelaxed_min_(N, z_1, z_2) differs from $fmin_ only for NaNs and zeroes
 * of opposite signs, and there alternative 0 is $fmin_ itself. */
static inline uint64_t frelaxed_min_(unsigned N, uint64_t z1, uint64_t z2) { return fmin_(N, z1, z2); }

/* $frelaxed_max_(N, z_1, z_2): likewise, $fmax_ */
static inline uint64_t frelaxed_max_(unsigned N, uint64_t z1, uint64_t z2) { return fmax_(N, z1, z2); }

/* $frelaxed_madd_(N, z_1, z_2, z_3): alternative 0 is the unfused
 * $fadd_($fmul_(z_1, z_2), z_3), rounded twice.  The product goes through
 * $fmul_'s NaN check, which also keeps the compiler from contracting the
 * two into an fma (gnu11 allows that by default). */
static inline uint64_t frelaxed_madd_(unsigned N, uint64_t z1, uint64_t z2, uint64_t z3)
{
  return fadd_(N, fmul_(N, z1, z2), z3);
}

/* $frelaxed_nmadd_(N, z_1, z_2, z_3) = $frelaxed_madd_(N, -z_1, z_2, z_3) */
static inline uint64_t frelaxed_nmadd_(unsigned N, uint64_t z1, uint64_t z2, uint64_t z3)
{
  return frelaxed_madd_(N, fneg_(N, z1), z2, z3);
}

/* Conversions -------------------------------------------------------- */

/* $wrap__(M, N, i) */
static inline uint64_t wrap_(unsigned M, unsigned N, uint64_t i) { (void)M; return i & mask_(N); }

/* $trunc__(M, N, sx, z) is defined where -2^(N-1) - 1 < truncz(z) < 2^(N-1)
 * (signed) or -1 < truncz(z) < 2^N (unsigned), i.e. for z strictly between
 * these two bounds.  For N = 64 the signed lower bound is not a double; the
 * largest double below it, -2^63 - 2048, bounds the same set of doubles.
 * An f32 widens to double exactly, so these serve f32 operands as well. */
static inline double trunc_lo(unsigned N, enum Sx sx)
{
  if (sx == U)
    return -1.0;
  return N == 32 ? -0x1.00000002p31 : -0x1.0000000000001p63;
}

/* The upper bound, see trunc_lo */
static inline double trunc_hi(unsigned N, enum Sx sx)
{
  if (sx == U)
    return N == 32 ? 0x1p32 : 0x1p64;
  return N == 32 ? 0x1p31 : 0x1p63;
}

/* $truncz(z) for z within the bounds above, as an N-bit pattern. */
static inline uint64_t truncz_(unsigned N, enum Sx sx, double z)
{
  return sx == S ? (uint64_t)(int64_t)z & mask_(N) : (uint64_t)z;
}

/* $trunc__(M, N, sx, z): undefined for NaN, infinities and out-of-range
 * values; the suite tells NaN apart from the rest. */
static inline uint64_t trunc_(unsigned M, unsigned N, enum Sx sx, uint64_t z, const char **trap)
{
  double d = fN_of(M, z);
  if (isnan(d)) {
    *trap = TRAP_CONVERSION;
    return 0;
  }
  if (!(d > trunc_lo(N, sx) && d < trunc_hi(N, sx))) {
    *trap = TRAP_OVERFLOW;
    return 0;
  }
  return truncz_(N, sx, d);
}

/* $trunc_sat__(M, N, sx, z): NaN is 0, everything else saturates. */
static inline uint64_t trunc_sat_(unsigned M, unsigned N, enum Sx sx, uint64_t z)
{
  double d = fN_of(M, z);
  if (isnan(d))
    return 0;
  if (d <= trunc_lo(N, sx))
    return sx == S ? UINT64_C(1) << (N - 1) : 0;
  if (d >= trunc_hi(N, sx))
    return sx == S ? mask_(N) >> 1 : mask_(N);
  return truncz_(N, sx, d);
}

/* $relaxed_trunc__(M, N, sx, z): truncation where it is defined, else
 * alternative 0, which is $trunc_sat__. */
static inline uint64_t relaxed_trunc_(unsigned M, unsigned N, enum Sx sx, uint64_t z)
{
  return trunc_sat_(M, N, sx, z);
}

/* $demote__(64, 32, z) = $ieee_32(z), rounding to nearest even.  C leaves
 * converting a double beyond FLT_MAX undefined, so that rounding is done
 * here: from the midpoint between FLT_MAX and 2^128 on (a tie goes to the
 * even side, 2^128) the result is infinite.  Any NaN gives +nan(canon_32). */
static inline uint64_t demote_(uint64_t z)
{
  double d = f64_of(z);
  if (isnan(d))
    return CANON_NAN_32;
  if (fabs(d) > FLT_MAX) {
    float r = fabs(d) >= 0x1.ffffffp127 ? INFINITY : FLT_MAX;
    return f32_result(signbit(d) ? -r : r);
  }
  return f32_result((float)d);
}

/* $promote__(32, 64, z): exact, except that a NaN becomes +nan(canon_64). */
static inline uint64_t promote_(uint64_t z) { return f64_result(f32_of(z)); }

/* $convert__(M, N, sx, i): C's integer to floating conversions round to
 * nearest even, also from 64 bits to float (no double rounding through
 * double). */
static inline uint64_t convert_(unsigned M, unsigned N, enum Sx sx, uint64_t i)
{
  if (N == 32)
    return f32_result(sx == S ? (float)signed_(M, i) : (float)i);
  return f64_result(sx == S ? (double)signed_(M, i) : (double)i);
}

/* $narrow__(M, N, sx, i): the signed value of i saturated to N bits */
static inline uint64_t narrow_(unsigned M, unsigned N, enum Sx sx, uint64_t i)
{
  return sx == S ? inv_signed_(N, sat_s_(N, signed_(M, i))) : sat_u_(N, signed_(M, i));
}

#endif
