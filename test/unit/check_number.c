/* Unit tests for text/number.c: the values of number tokens
 * (spec: 6.1-text.values).  Every expected bit pattern below was worked
 * out from the literal's exact value; the comments say how. */
#include "text/number.h"

#include <check.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "test/unit/tap.h"

/* A copy of s[0..n) with no terminating NUL, so that ASan catches a read
 * past the token. */
static char *exact_copy(const char *s, size_t n)
{
  char *copy = malloc(n > 0 ? n : 1);
  ck_assert_ptr_nonnull(copy);
  memcpy(copy, s, n);
  return copy;
}

typedef struct {
  const char *lit;
  bool ok;
  uint64_t value;
} Case;

#define OK(lit, value) {lit, true, value}
#define BAD(lit) {lit, false, 0}

/* ------------------------------------------------------------------------
 * uN */

static const Case u32_cases[] = {
  OK("0", 0),
  OK("7", 7),
  OK("4294967295", 0xffffffff),          /* 2^32 - 1 */
  BAD("4294967296"),                     /* 2^32 */
  BAD("42949672950"),
  BAD("18446744073709551616"),           /* 2^64: no wrap in 64 bits */
  BAD("99999999999999999999999999999"),
  OK("0xffffffff", 0xffffffff),
  OK("0xFFFF_ffff", 0xffffffff),
  BAD("0x1_0000_0000"),
  OK("0x0000000000000000000000000001", 1),
  OK("00000000000000000000004294967295", 0xffffffff),
  OK("1_000_000", 1000000),
  OK("0x0_9acf_fBDF", 0x9acffbdf),
  OK("0_123_456_789", 123456789),
  BAD("-0"),                             /* uN has no sign */
  BAD("+0"),
  BAD("-1"),
  BAD(""),
  BAD("0x"),
  BAD("0X1"),
  BAD("_1"),
  BAD("1_"),
  BAD("1__0"),
  BAD("0x_1"),
  BAD("0xg"),
  BAD("1x"),
  BAD("1.0"),
  BAD("1e3"),
  BAD(" 1"),
  BAD("1 "),
  BAD("inf"),
};

START_TEST(test_u32)
{
  const Case *c = &u32_cases[_i];
  size_t n = strlen(c->lit);
  char *s = exact_copy(c->lit, n);
  uint32_t got = 0;
  bool ok = number_u32(s, n, &got);
  free(s);
  ck_assert_msg(ok == c->ok, "u32 \"%s\": ok %d, expected %d", c->lit, ok,
                c->ok);
  if (ok)
    ck_assert_msg(got == c->value, "u32 \"%s\": 0x%" PRIx32
                  ", expected 0x%" PRIx64, c->lit, got, c->value);
}
END_TEST

static const Case u64_cases[] = {
  OK("0", 0),
  OK("18446744073709551615", UINT64_MAX),  /* 2^64 - 1 */
  BAD("18446744073709551616"),             /* 2^64 */
  BAD("36893488147419103232"),             /* 2^65 */
  BAD("184467440737095516150"),
  OK("4294967296", 0x100000000),
  OK("0xffff_ffff_ffff_ffff", UINT64_MAX),
  OK("0x0125_6789_ADEF_bcef", 0x01256789adefbcef),
  BAD("0x1_0000_0000_0000_0000"),
  OK("0x00000000000000000000ffffffffffffffff", UINT64_MAX),
  BAD("-1"),
  BAD("+1"),
  BAD(""),
  BAD("0x"),
  BAD("1_"),
};

START_TEST(test_u64)
{
  const Case *c = &u64_cases[_i];
  size_t n = strlen(c->lit);
  char *s = exact_copy(c->lit, n);
  uint64_t got = 0;
  bool ok = number_u64(s, n, &got);
  free(s);
  ck_assert_msg(ok == c->ok, "u64 \"%s\": ok %d, expected %d", c->lit, ok,
                c->ok);
  if (ok)
    ck_assert_msg(got == c->value, "u64 \"%s\": 0x%" PRIx64
                  ", expected 0x%" PRIx64, c->lit, got, c->value);
}
END_TEST

/* ------------------------------------------------------------------------
 * iN: an unsigned literal below 2^N, or a signed one in [-2^(N-1), 2^(N-1)),
 * negatives as N-bit two's complement. */

typedef struct {
  unsigned bits;
  const char *lit;
  bool ok;
  uint64_t value;
} IntCase;

#define IOK(bits, lit, value) {bits, lit, true, value}
#define IBAD(bits, lit) {bits, lit, false, 0}

static const IntCase int_cases[] = {
  /* i8, as in i8x16 lanes: -128 ... 255 */
  IOK(8, "0", 0),
  IOK(8, "255", 0xff),
  IBAD(8, "256"),
  IOK(8, "0xff", 0xff),
  IBAD(8, "0x100"),
  IOK(8, "-1", 0xff),
  IOK(8, "-128", 0x80),
  IOK(8, "-0x80", 0x80),
  IBAD(8, "-129"),
  IOK(8, "+127", 0x7f),
  IBAD(8, "+128"),                       /* sN: a sign means signed range */
  IOK(8, "-0", 0),
  IOK(8, "+0", 0),
  /* i16, as in i16x8 lanes: -32768 ... 65535 */
  IOK(16, "65535", 0xffff),
  IBAD(16, "65536"),
  IOK(16, "-32768", 0x8000),
  IBAD(16, "-32769"),
  IOK(16, "-1", 0xffff),
  IOK(16, "+0x7fff", 0x7fff),
  IBAD(16, "+0x8000"),
  IOK(16, "0x8000", 0x8000),
  /* i32 */
  IOK(32, "4294967295", 0xffffffff),
  IBAD(32, "4294967296"),
  IOK(32, "2147483648", 0x80000000),     /* uN form: up to 2^32 - 1 */
  IOK(32, "-2147483648", 0x80000000),
  IBAD(32, "-2147483649"),
  IOK(32, "-0x80000000", 0x80000000),
  IBAD(32, "-0x80000001"),
  IOK(32, "+2147483647", 0x7fffffff),
  IBAD(32, "+2147483648"),
  IOK(32, "-0x7fffffff", 0x80000001),
  IOK(32, "-1", 0xffffffff),
  IOK(32, "+42", 42),
  IOK(32, "0xffffffff", 0xffffffff),
  IBAD(32, "0x100000000"),
  IOK(32, "-0x0000_0001", 0xffffffff),
  IOK(32, "-000000000000000000002147483648", 0x80000000),
  /* i64 */
  IOK(64, "18446744073709551615", UINT64_MAX),
  IBAD(64, "18446744073709551616"),
  IOK(64, "-9223372036854775808", 0x8000000000000000),
  IBAD(64, "-9223372036854775809"),
  IOK(64, "-0x8000_0000_0000_0000", 0x8000000000000000),
  IBAD(64, "-0x8000000000000001"),
  IOK(64, "+0x7fffffffffffffff", 0x7fffffffffffffff),
  IBAD(64, "+0x8000000000000000"),
  IOK(64, "0xffffffffffffffff", UINT64_MAX),
  IBAD(64, "0x10000000000000000"),
  IOK(64, "-1", UINT64_MAX),
  IOK(64, "-0x7fffffffffffffff", 0x8000000000000001),
  /* not integers, or not a supported width */
  IBAD(32, ""),
  IBAD(32, "-"),
  IBAD(32, "+"),
  IBAD(32, "--1"),
  IBAD(32, "+-1"),
  IBAD(32, "-+1"),
  IBAD(32, "- 1"),
  IBAD(32, "1.5"),
  IBAD(32, "1e3"),
  IBAD(32, "-0x"),
  IBAD(32, "-_1"),
  IBAD(32, "nan"),
  IBAD(0, "1"),
  IBAD(7, "1"),
  IBAD(12, "1"),
  IBAD(128, "1"),
};

START_TEST(test_int)
{
  const IntCase *c = &int_cases[_i];
  size_t n = strlen(c->lit);
  char *s = exact_copy(c->lit, n);
  uint64_t got = 0;
  bool ok = number_int(s, n, c->bits, &got);
  free(s);
  ck_assert_msg(ok == c->ok, "i%u \"%s\": ok %d, expected %d", c->bits,
                c->lit, ok, c->ok);
  if (ok)
    ck_assert_msg(got == c->value, "i%u \"%s\": 0x%" PRIx64
                  ", expected 0x%" PRIx64, c->bits, c->lit, got,
                  c->value);
}
END_TEST

/* ------------------------------------------------------------------------
 * f32: 1 sign bit, 8 exponent bits (bias 127), 23 significand bits */

static const Case f32_cases[] = {
  /* zeros: the sign applies to them too */
  OK("0", 0x00000000),
  OK("-0", 0x80000000),
  OK("-0.0", 0x80000000),
  OK("+0x0p0", 0x00000000),
  OK("-0x0.0p+0", 0x80000000),
  OK("0.000e-5", 0x00000000),
  /* integers are floats */
  OK("1", 0x3f800000),
  OK("-0x10", 0xc1800000),               /* -16 = -1 * 2^4 */
  OK("+1.5", 0x3fc00000),
  OK("1.", 0x3f800000),
  OK("1.e1", 0x41200000),                /* 10 = 1.25 * 2^3 */
  OK("1E2", 0x42c80000),                 /* 100 = 1.5625 * 2^6 */
  OK("0x1.p1", 0x40000000),
  OK("0x1P-1", 0x3f000000),
  OK("0x1_0p-4", 0x3f800000),
  OK("1_000.5", 0x447a2000),             /* 1.9541015625 * 2^9 */
  OK("0x1p+1_0", 0x44800000),            /* 2^10 */
  OK("1e1_0", 0x501502f9),               /* 10^10 rounded */
  OK("0123456789.e+019", 0x6c7f4d7b),    /* 1.23456789e27 ~ 1.9945 * 2^89 */
  /* decimal fractions: 0.1 = 0x1.99999ap-4 after rounding up */
  OK("0.1", 0x3dcccccd),
  OK("-0.1", 0xbdcccccd),
  OK("1e-1", 0x3dcccccd),
  OK("3.141592653589793", 0x40490fdb),
  /* ties to even between 2^24 and 2^24 + 2 (spacing 2 there) */
  OK("16777217", 0x4b800000),            /* tie: even 2^24 */
  OK("16777219", 0x4b800002),            /* tie: even 2^24 + 4 */
  OK("16777217.000000001", 0x4b800001),  /* above the tie */
  /* 1 + 2^-24 is halfway between 1 and 1 + 2^-23 */
  OK("0x1.000001p0", 0x3f800000),
  OK("0x1.000003p0", 0x3f800002),        /* 1 + 3 * 2^-24: even is up */
  OK("1.000000059604644775390625", 0x3f800000),
  OK("1.000000178813934326171875", 0x3f800002),
  /* double rounding traps: through f64, each of these first lands on
   * an f32 tie and then goes the wrong way */
  OK("0x1.00000100000000001p0", 0x3f800001),  /* 1 + 2^-24 + 2^-68 */
  OK("0x1.000002fffffffffffp0", 0x3f800001),  /* just below 1 + 3*2^-24 */
  OK("1.000000059604644775390625001", 0x3f800001),
  OK("1.000000178813934326171874999", 0x3f800001),
  OK("1.00000005960464477539062499999999999", 0x3f800000),
  /* subnormals: the smallest is 2^-149 ~ 1.4013e-45 */
  OK("0x1p-149", 0x00000001),
  OK("1.401298464324817e-45", 0x00000001),
  OK("1e-45", 0x00000001),
  OK("0x1p-150", 0x00000000),            /* tie between 0 and 2^-149 */
  OK("-0x1p-150", 0x80000000),
  OK("0x1.000001p-150", 0x00000001),
  OK("0x1p-151", 0x00000000),
  OK("0x1.8p-149", 0x00000002),          /* tie between 1 and 2 ulps */
  OK("7e-46", 0x00000000),               /* below 2^-150 ~ 7.0065e-46 */
  OK("7.1e-46", 0x00000001),
  OK("0x1.fffffcp-127", 0x007fffff),     /* the largest subnormal */
  OK("0x1.fffffep-127", 0x00800000),     /* tie: even is 2^-126 */
  OK("1.1754942e-38", 0x007fffff),
  OK("0x1p-126", 0x00800000),
  OK("1.17549435e-38", 0x00800000),
  /* the largest finite value (2 - 2^-23) * 2^127, and past it */
  OK("0x1.fffffep127", 0x7f7fffff),
  OK("-0x1.fffffep127", 0xff7fffff),
  OK("0x1.fffffefffffffffffp127", 0x7f7fffff),
  OK("3.4028234663852886e38", 0x7f7fffff),
  OK("3.4028235e38", 0x7f7fffff),
  OK("340282356779733661637539395458142568447", 0x7f7fffff),
  BAD("340282356779733661637539395458142568448"), /* 2^128 - 2^103: tie */
  BAD("0x1.ffffffp127"),                 /* the same tie in hex */
  BAD("3.4028236e38"),
  BAD("0x1p128"),
  BAD("-0x1p128"),
  OK("1e38", 0x7e967699),
  BAD("1e39"),
  BAD("-1e39"),
  /* huge exponents */
  BAD("1e+99999999999999999999"),
  OK("1e-99999999999999999999", 0x00000000),
  OK("-1e-99999999999999999999", 0x80000000),
  OK("0e99999999999999999999", 0x00000000),
  BAD("0x1p99999999999999999999"),
  OK("0x1p-99999999999999999999", 0x00000000),
  OK("0x0p99999999999999999999", 0x00000000),
  OK("0.0000000000000000000000000000000000000000000000001e49", 0x3f800000),
  OK("100000000000000000000000000000000000000000000000000e-50", 0x3f800000),
  BAD("1e400"),
  OK("1e-400", 0x00000000),
  /* inf and nan */
  OK("inf", 0x7f800000),
  OK("+inf", 0x7f800000),
  OK("-inf", 0xff800000),
  OK("nan", 0x7fc00000),
  OK("+nan", 0x7fc00000),
  OK("-nan", 0xffc00000),
  OK("nan:0x1", 0x7f800001),
  OK("nan:0x00001", 0x7f800001),
  OK("nan:0x200000", 0x7fa00000),
  OK("nan:0x400000", 0x7fc00000),
  OK("nan:0x7fffff", 0x7fffffff),
  OK("-nan:0x7f_ffff", 0xffffffff),
  BAD("nan:0x800000"),
  BAD("nan:0x80_0000"),
  BAD("nan:0x0"),
  BAD("nan:0x0000"),
  BAD("nan:0x10000000000000000000"),
  /* not fN literals */
  BAD(""),
  BAD("+"),
  BAD("-"),
  BAD(".5"),
  BAD("1e"),
  BAD("1e+"),
  BAD("1.e"),
  BAD("1e5e5"),
  BAD("1e1.5"),
  BAD("1.2.3"),
  BAD("1._5"),
  BAD("1_.5"),
  BAD("1__0"),
  BAD("_1"),
  BAD("1_"),
  BAD("1e_1"),
  BAD("0x"),
  BAD("0x.1"),
  BAD("0xp1"),
  BAD("0x1p"),
  BAD("0x1e+1"),
  BAD("0x1g"),
  BAD("0X1"),
  BAD("1f"),
  BAD("--1"),
  BAD("+-1"),
  BAD(" 1"),
  BAD("1 "),
  BAD("infinity"),
  BAD("Inf"),
  BAD("NaN"),
  BAD("-nan:"),
  BAD("nan:"),
  BAD("nan:0x"),
  BAD("nan:1"),
  BAD("nan:0x_1"),
  BAD("nan:0x1_"),
  BAD("nan:0X1"),
  BAD("nan:0x1p0"),
  BAD("inf:0x1"),
};

START_TEST(test_f32)
{
  const Case *c = &f32_cases[_i];
  size_t n = strlen(c->lit);
  char *s = exact_copy(c->lit, n);
  uint32_t got = 0;
  bool ok = number_f32(s, n, &got);
  free(s);
  ck_assert_msg(ok == c->ok, "f32 \"%s\": ok %d, expected %d", c->lit, ok,
                c->ok);
  if (ok)
    ck_assert_msg(got == c->value, "f32 \"%s\": 0x%08" PRIx32
                  ", expected 0x%08" PRIx64, c->lit, got, c->value);
}
END_TEST

/* ------------------------------------------------------------------------
 * f64: 1 sign bit, 11 exponent bits (bias 1023), 52 significand bits */

static const Case f64_cases[] = {
  OK("0", 0x0000000000000000),
  OK("-0", 0x8000000000000000),
  OK("-0.0", 0x8000000000000000),
  OK("-0x0p0", 0x8000000000000000),
  OK("1", 0x3ff0000000000000),
  OK("-0x10", 0xc030000000000000),
  OK("1_000.5", 0x408f440000000000),
  OK("0.1", 0x3fb999999999999a),
  OK("3.141592653589793", 0x400921fb54442d18),
  OK("1e23", 0x44b52d02c7e14af6),
  OK("1e38", 0x47d2ced32a16a1b1),
  /* ties to even at 2^53 (spacing 2 there) */
  OK("9007199254740993", 0x4340000000000000),
  OK("9007199254740995", 0x4340000000000002),
  OK("9007199254740993.0000000000001", 0x4340000000000001),
  /* 1 + 2^-53 is halfway between 1 and 1 + 2^-52 */
  OK("0x1.00000000000008p0", 0x3ff0000000000000),
  OK("0x1.00000000000018p0", 0x3ff0000000000002),
  OK("0x1.000000000000080000000001p0", 0x3ff0000000000001),
  OK("1.00000000000000011102230246251565404236316680908203125",
     0x3ff0000000000000),
  OK("1.000000000000000111022302462515654042363166809082031250000000001",
     0x3ff0000000000001),
  OK("1.00000000000000033306690738754696212708950042724609375",
     0x3ff0000000000002),
  OK("1.000000000000000333066907387546962127089500427246093749",
     0x3ff0000000000001),
  /* f32's double rounding traps are exact or nearly so in f64 */
  OK("0x1.00000100000000001p0", 0x3ff0000010000000),
  OK("1.000000059604644775390625001", 0x3ff0000010000000),
  /* subnormals: the smallest is 2^-1074 ~ 4.9407e-324 */
  OK("0x1p-1074", 0x0000000000000001),
  OK("4.9406564584124654e-324", 0x0000000000000001),
  OK("5e-324", 0x0000000000000001),
  OK("3e-324", 0x0000000000000001),
  OK("0x1p-1075", 0x0000000000000000),   /* tie between 0 and 2^-1074 */
  OK("-0x1p-1075", 0x8000000000000000),
  OK("0x1.0000000000001p-1075", 0x0000000000000001),
  OK("0x1p-1076", 0x0000000000000000),
  OK("0x1.8p-1074", 0x0000000000000002),
  OK("2.4703282292062327e-324", 0x0000000000000000), /* below 2^-1075 */
  OK("2.4703282292062328e-324", 0x0000000000000001), /* above it */
  OK("1e-330", 0x0000000000000000),
  OK("0x0.fffffffffffffp-1022", 0x000fffffffffffff),
  OK("0x1.fffffffffffffp-1023", 0x0010000000000000), /* tie: even up */
  OK("2.2250738585072011e-308", 0x000fffffffffffff),
  OK("2.2250738585072012e-308", 0x0010000000000000),
  OK("2.2250738585072014e-308", 0x0010000000000000),
  /* the largest finite value (2 - 2^-52) * 2^1023, and past it */
  OK("0x1.fffffffffffffp1023", 0x7fefffffffffffff),
  OK("-0x1.fffffffffffffp1023", 0xffefffffffffffff),
  OK("0x1.fffffffffffff7ffffffp1023", 0x7fefffffffffffff),
  BAD("0x1.fffffffffffff8p1023"),        /* 2^1024 - 2^970: tie */
  BAD("0x1p1024"),
  OK("1.7976931348623157e308", 0x7fefffffffffffff),
  OK("1.7976931348623158e308", 0x7fefffffffffffff),
  BAD("1.7976931348623159e308"),
  OK("1e308", 0x7fe1ccf385ebc8a0),
  BAD("1e309"),
  BAD("-1e309"),
  /* huge exponents */
  BAD("1e+99999999999999999999"),
  OK("1e-99999999999999999999", 0x0000000000000000),
  OK("-1e-99999999999999999999", 0x8000000000000000),
  OK("0e99999999999999999999", 0x0000000000000000),
  BAD("0x1p99999999999999999999"),
  OK("0x1p-99999999999999999999", 0x0000000000000000),
  BAD("1e400"),
  OK("1e-400", 0x0000000000000000),
  /* inf and nan */
  OK("inf", 0x7ff0000000000000),
  OK("-inf", 0xfff0000000000000),
  OK("nan", 0x7ff8000000000000),
  OK("-nan", 0xfff8000000000000),
  OK("nan:0x1", 0x7ff0000000000001),
  OK("nan:0x800000", 0x7ff0000000800000),  /* too big for f32 only */
  OK("nan:0xf_ffff_ffff_ffff", 0x7fffffffffffffff),
  OK("-nan:0x8_0000_0000_0000", 0xfff8000000000000),
  BAD("nan:0x10_0000_0000_0000"),
  BAD("nan:0x0"),
  BAD("nan:0x1_0000_0000_0000_0000"),
  /* not fN literals */
  BAD(""),
  BAD("-"),
  BAD(".0e0"),
  BAD("0e"),
  BAD("0.0e-"),
  BAD("0x0p+"),
  BAD("0x0.0p-"),
  BAD("0x0pA"),
  BAD("0x0.g"),
  BAD("inf_"),
  BAD("nan:0x"),
};

START_TEST(test_f64)
{
  const Case *c = &f64_cases[_i];
  size_t n = strlen(c->lit);
  char *s = exact_copy(c->lit, n);
  uint64_t got = 0;
  bool ok = number_f64(s, n, &got);
  free(s);
  ck_assert_msg(ok == c->ok, "f64 \"%s\": ok %d, expected %d", c->lit, ok,
                c->ok);
  if (ok)
    ck_assert_msg(got == c->value, "f64 \"%s\": 0x%016" PRIx64
                  ", expected 0x%016" PRIx64, c->lit, got, c->value);
}
END_TEST

/* ------------------------------------------------------------------------
 * Long literals: head, then fill repeated count times, then tail. */

typedef struct {
  const char *head, *fill;
  size_t count;
  const char *tail;
  bool ok32;
  uint32_t f32;
  bool ok64;
  uint64_t f64;
} LongCase;

/* The significant digits of (2^53 - 3) * 2^-1075, less the final 5: the
 * tie between the two largest odd and even subnormals below 2^-1022.  With
 * 768 digits it is as long as an f64 tie can be, so it tests that the
 * digits a decimal literal needs for correct rounding are all kept. */
#define TIE768 \
  "2225073858507200641991763955462587799366026678130273282963623495" \
  "4000577964353944448410222536993832226143127972770472413103053909" \
  "9297686371887094685146802422296858397735918514102854036197547684" \
  "4303195813273469348201130421165308554532083149367606760832492010" \
  "6709384047261543474082573017216837765643921010648239116172158852" \
  "4757602313035270771562002841775343298712758123539074213191978739" \
  "0835897715495970664046616205505789259944223223424444728595704169" \
  "5567575854237524171241348059990731378080181338110494890466866489" \
  "4425583448890100825972149614710420439919855653569753100552319354" \
  "4866389809548508960406603526818528245020786151024435136209123775" \
  "9797852153577038777504570568436147553027068306411355674894334507" \
  "658731200614581135848683152156368691976240370422601699829101562"

/* 2^1024 - 2^970, the tie between the largest f64 and 2^1024, less its
 * final digit 2. */
#define TIEMAX \
  "1797693134862315807937289714053034150799341327100378269361737789" \
  "8044496829276475094664901797758720709633028641669288791094655554" \
  "7851940402630657488671505820681908902000708383676273854845817711" \
  "5317644757302700698555713669596228429148198608349364752927190741" \
  "6844436551070434271155969950809304288017790417449779"

#define F32_ONE 0x3f800000
#define F64_ONE 0x3ff0000000000000

static const LongCase long_cases[] = {
  {"1", "0", 5000, "e-5000", true, F32_ONE, true, F64_ONE},
  {"0.", "0", 5000, "1e5001", true, F32_ONE, true, F64_ONE},
  {"0.", "0", 5000, "1", true, 0, true, 0},
  {"-0.", "0", 5000, "1", true, 0x80000000, true, 0x8000000000000000},
  {"1", "0", 400, "", false, 0, false, 0},
  {"1", "0", 38, "", true, 0x7e967699, true, 0x47d2ced32a16a1b1},
  {"", "9", 1000, "", false, 0, false, 0},
  {"0.", "9", 1000, "", true, F32_ONE, true, F64_ONE},
  {"1", "_0", 2000, "e-2000", true, F32_ONE, true, F64_ONE},
  /* a 1 thousands of digits after a tie breaks it */
  {"1.000000059604644775390625", "0", 3000, "1",
   true, 0x3f800001, true, 0x3ff0000010000000},
  {"1.00000000000000011102230246251565404236316680908203125", "0", 3000,
   "1", true, F32_ONE, true, 0x3ff0000000000001},
  {"1.00000000000000011102230246251565404236316680908203125", "0", 3000,
   "", true, F32_ONE, true, F64_ONE},
  {TIE768 "5", "", 0, "e-1075", true, 0, true, 0x000ffffffffffffe},
  {TIE768 "5", "0", 2000, "1e-3076", true, 0, true, 0x000fffffffffffff},
  {TIE768 "4", "9", 2000, "e-3075", true, 0, true, 0x000ffffffffffffe},
  {TIEMAX "2", "", 0, "", false, 0, false, 0},
  {TIEMAX "1.", "9", 1000, "", false, 0, true, 0x7fefffffffffffff},
  /* exponents with thousands of digits */
  {"1e", "0", 5000, "1", true, 0x41200000, true, 0x4024000000000000},
  {"1e-", "0", 5000, "1", true, 0x3dcccccd, true, 0x3fb999999999999a},
  {"1e", "9", 5000, "", false, 0, false, 0},
  {"1e-", "9", 5000, "", true, 0, true, 0},
  {"0e", "9", 5000, "", true, 0, true, 0},
  {"0x1p", "9", 5000, "", false, 0, false, 0},
  {"0x1p-", "9", 5000, "", true, 0, true, 0},
  /* long hexfloats */
  {"0x1", "0", 3000, "p-12000", true, F32_ONE, true, F64_ONE},
  {"0x0.", "0", 3000, "1p12004", true, F32_ONE, true, F64_ONE},
  {"0x1.", "0", 5000, "", true, F32_ONE, true, F64_ONE},
  {"0x", "f", 4000, "", false, 0, false, 0},
  {"0x0.", "f", 4000, "", true, F32_ONE, true, F64_ONE},
  {"0x1.000001", "0", 3000, "1p0", true, 0x3f800001, true, 0x3ff0000010000000},
  {"0x1.fffffe", "f", 3000, "p127", true, 0x7f7fffff, true, 0x47effffff0000000},
  {"0x1.ffffff", "0", 3000, "p127", false, 0, true, 0x47effffff0000000},
};

static char *long_literal(const LongCase *c, size_t *n)
{
  size_t head = strlen(c->head), fill = strlen(c->fill);
  size_t tail = strlen(c->tail);
  *n = head + fill * c->count + tail;
  char *s = malloc(*n);
  ck_assert_ptr_nonnull(s);
  memcpy(s, c->head, head);
  for (size_t i = 0; i < c->count; i++)
    memcpy(s + head + i * fill, c->fill, fill);
  memcpy(s + head + fill * c->count, c->tail, tail);
  return s;
}

START_TEST(test_long)
{
  const LongCase *c = &long_cases[_i];
  size_t n;
  char *s = long_literal(c, &n);
  uint32_t got32 = 0;
  uint64_t got64 = 0;
  bool ok32 = number_f32(s, n, &got32);
  bool ok64 = number_f64(s, n, &got64);
  free(s);
  ck_assert_msg(ok32 == c->ok32 && (!ok32 || got32 == c->f32),
                "f32 %.20s…(%s x %zu)…%s: ok %d 0x%08" PRIx32, c->head,
                c->fill, c->count, c->tail, ok32, got32);
  ck_assert_msg(ok64 == c->ok64 && (!ok64 || got64 == c->f64),
                "f64 %.20s…(%s x %zu)…%s: ok %d 0x%016" PRIx64, c->head,
                c->fill, c->count, c->tail, ok64, got64);
}
END_TEST

/* ------------------------------------------------------------------------
 * Only s[0..n) counts, whatever follows it. */

typedef struct {
  const char *text;
  size_t n;
  bool ok;
  uint64_t f64;
} PrefixCase;

static const PrefixCase prefix_cases[] = {
  {"1.5e3", 3, true, 0x3ff8000000000000},  /* "1.5" */
  {"-infinity", 4, true, 0xfff0000000000000},
  {"nan:0x1", 3, true, 0x7ff8000000000000},
  {"0x1p4", 3, true, 0x3ff0000000000000},
  {"1e1", 2, false, 0},
  {"7", 0, false, 0},
};

START_TEST(test_prefix)
{
  const PrefixCase *c = &prefix_cases[_i];
  char *s = exact_copy(c->text, c->n);
  uint64_t got = 0;
  bool ok = number_f64(s, c->n, &got);
  free(s);
  ck_assert_msg(ok == c->ok && (!ok || got == c->f64),
                "f64 \"%.*s\": ok %d 0x%016" PRIx64, (int)c->n, c->text,
                ok, got);
}
END_TEST

START_TEST(test_prefix_int)
{
  uint32_t u = 0;
  uint64_t v = 0;
  ck_assert(number_u32("12345", 2, &u) && u == 12);
  ck_assert(number_u64("0x1ff", 4, &v) && v == 0x1f);
  ck_assert(number_int("-1280", 4, 8, &v) && v == 0x80);
  ck_assert(!number_int("-1", 1, 32, &v));
  ck_assert(!number_u32("0x10", 2, &u));
}
END_TEST

/* ------------------------------------------------------------------------ */

#define N_ELEMS(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *number_suite(void)
{
  Suite *s = suite_create("number");
  TCase *tc = tcase_create("integers");
  tcase_add_loop_test(tc, test_u32, 0, N_ELEMS(u32_cases));
  tcase_add_loop_test(tc, test_u64, 0, N_ELEMS(u64_cases));
  tcase_add_loop_test(tc, test_int, 0, N_ELEMS(int_cases));
  tcase_add_test(tc, test_prefix_int);
  suite_add_tcase(s, tc);
  tc = tcase_create("floats");
  tcase_add_loop_test(tc, test_f32, 0, N_ELEMS(f32_cases));
  tcase_add_loop_test(tc, test_f64, 0, N_ELEMS(f64_cases));
  tcase_add_loop_test(tc, test_long, 0, N_ELEMS(long_cases));
  tcase_add_loop_test(tc, test_prefix, 0, N_ELEMS(prefix_cases));
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  return tap_run(number_suite());
}
