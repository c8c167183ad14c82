/* The values of number tokens (spec: 6.1-text.values, "Numbers").
 *
 * Integers are accumulated in 64 bits with an overflow check per digit.
 * Floats are converted exactly, without the C library: a hexfloat keeps its
 * leading 64 bits plus a sticky bit, a decimal float becomes the quotient of
 * two big integers, and both meet in round_to_float, which rounds once to
 * the target format.  Rounding once is what keeps f32 free of the double
 * rounding a detour through f64 would cause. */
#include "text/number.h"

#include <string.h>

/* ------------------------------------------------------------------------
 * Digits */

/* digit, hexdigit (6.1-text.values): the digit's value below base, else -1 */
static int digit_value(char c, unsigned base)
{
  int d;
  if (c >= '0' && c <= '9')
    d = c - '0';
  else if (c >= 'a' && c <= 'f')
    d = c - 'a' + 10;
  else if (c >= 'A' && c <= 'F')
    d = c - 'A' + 10;
  else
    return -1;
  return (unsigned)d < base ? d : -1;
}

/* num ::= digit ('_'? digit)*, hexnum ::= hexdigit ('_'? hexdigit)*:
 * returns the index just past the digits starting at i, or i when there
 * are none (an underscore must sit between two digits). */
static size_t scan_num(const char *s, size_t n, size_t i, unsigned base)
{
  if (i >= n || digit_value(s[i], base) < 0)
    return i;
  i++;
  while (i < n) {
    size_t j = s[i] == '_' ? i + 1 : i;
    if (j >= n || digit_value(s[j], base) < 0)
      break;
    i = j + 1;
  }
  return i;
}

/* The value of the digits s[i..n), which must be exactly one num/hexnum,
 * provided it is at most max. */
static bool digits_u64(const char *s, size_t n, size_t i, unsigned base,
                       uint64_t max, uint64_t *out)
{
  uint64_t v = 0;
  if (i >= n || scan_num(s, n, i, base) != n)
    return false;
  for (; i < n; i++) {
    if (s[i] == '_')
      continue;
    uint64_t d = (uint64_t)digit_value(s[i], base);
    if (d > max || v > (max - d) / base)
      return false;
    v = v * base + d;
  }
  *out = v;
  return true;
}

static bool has_prefix(const char *s, size_t n, const char *prefix)
{
  size_t len = strlen(prefix);
  return n >= len && memcmp(s, prefix, len) == 0;
}

/* ------------------------------------------------------------------------
 * Integers */

/* uN ::= num | '0x' hexnum, if n <= max (6.1-text.values) */
static bool parse_unsigned(const char *s, size_t n, uint64_t max,
                           uint64_t *out)
{
  if (has_prefix(s, n, "0x"))
    return digits_u64(s, n, 2, 16, max, out);
  return digits_u64(s, n, 0, 10, max, out);
}

bool number_u32(const char *s, size_t n, uint32_t *out)
{
  uint64_t v;
  if (!parse_unsigned(s, n, UINT32_MAX, &v))
    return false;
  *out = (uint32_t)v;
  return true;
}

bool number_u64(const char *s, size_t n, uint64_t *out)
{
  return parse_unsigned(s, n, UINT64_MAX, out);
}

/* iN ::= uN | sN, sN ::= sign uN within [-2^(N-1), 2^(N-1)); a negative
 * value is stored as its N-bit two's complement (6.1-text.values) */
bool number_int(const char *s, size_t n, unsigned bits, uint64_t *out)
{
  if (bits != 8 && bits != 16 && bits != 32 && bits != 64)
    return false;
  uint64_t mask = bits == 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
  uint64_t half = (uint64_t)1 << (bits - 1);
  uint64_t v;
  if (n > 0 && s[0] == '-') {
    if (!parse_unsigned(s + 1, n - 1, half, &v))
      return false;
    *out = (0 - v) & mask;
    return true;
  }
  if (n > 0 && s[0] == '+')
    return parse_unsigned(s + 1, n - 1, half - 1, out);
  return parse_unsigned(s, n, mask, out);
}

/* ------------------------------------------------------------------------
 * Float formats and rounding */

typedef struct {
  unsigned signif;  /* stored significand bits: 23 or 52 */
  unsigned expbits; /* exponent field bits: 8 or 11 */
} FloatFormat;

static const FloatFormat F32 = {23, 8};
static const FloatFormat F64 = {52, 11};

static unsigned bitlen64(uint64_t m)
{
  unsigned len = 0;
  while (m != 0) {
    m >>= 1;
    len++;
  }
  return len;
}

/* ieee_N(q): round (m + f) * 2^x, where 0 <= f < 1 and sticky says f > 0,
 * to nearest, ties to even; false when the result is infinity.  A sticky
 * caller supplies m >= 2^(signif+1), so that the bit just below the last
 * kept one is in m and f only breaks ties. */
static bool round_to_float(uint64_t m, int64_t x, bool sticky,
                           const FloatFormat *f, uint64_t *out)
{
  const int64_t p = (int64_t)f->signif + 1;
  const int64_t bias = ((int64_t)1 << (f->expbits - 1)) - 1;
  const int64_t emin = 1 - bias, emax = bias;
  if (m == 0) {
    *out = 0;
    return true;
  }
  int64_t e = x + (int64_t)bitlen64(m) - 1; /* 2^e <= value < 2^(e+1) */
  if (e > emax)
    return false;
  /* Below emin the spacing stays that of the smallest normals:
   * that is gradual underflow into the subnormals. */
  int64_t quantum = (e < emin ? emin : e) - (p - 1);
  uint64_t mant;
  if (quantum <= x) {
    mant = m << (x - quantum); /* exact, and < 2^p */
  } else if (quantum - x > 64) {
    mant = 0; /* value < 2^(x+64) <= half a quantum */
  } else {
    int64_t shift = quantum - x;
    uint64_t rest, half = (uint64_t)1 << (shift - 1);
    if (shift == 64) {
      mant = 0;
      rest = m;
    } else {
      mant = m >> shift;
      rest = m & (((uint64_t)1 << shift) - 1);
    }
    if (rest > half || (rest == half && (sticky || (mant & 1))))
      mant++;
  }
  if (mant >> p) { /* rounding carried into a new binade */
    mant >>= 1;
    quantum++;
  }
  if (mant >> (p - 1)) {
    int64_t biased = quantum + (p - 1) + bias;
    if (biased > 2 * bias)
      return false;
    *out = (uint64_t)biased << f->signif |
           (mant & (((uint64_t)1 << f->signif) - 1));
  } else {
    *out = mant; /* subnormal or zero */
  }
  return true;
}

/* ------------------------------------------------------------------------
 * The shape shared by float and hexfloat */

/* Exponents stop growing past this: far beyond any finite result, and far
 * below the int64_t range even after adding the digit count of a token. */
#define EXP_CLAMP ((int64_t)100000000000000000)

typedef struct {
  size_t int_begin, int_end;   /* digits before the point */
  size_t frac_begin, frac_end; /* digits after it, possibly none */
  int64_t exp;                 /* the exponent, clamped */
} FloatParts;

/* float ::= num ('.' frac?)? (('e'|'E') sign? num)? and
 * hexfloat ::= '0x' hexnum ('.' hexfrac?)? (('p'|'P') sign? num)?, from
 * index i (past the '0x'); expchar is the lower-case exponent letter. */
static bool scan_float(const char *s, size_t n, size_t i, unsigned base,
                       char expchar, FloatParts *fp)
{
  fp->int_begin = i;
  fp->int_end = i = scan_num(s, n, i, base);
  if (fp->int_end == fp->int_begin)
    return false;
  fp->frac_begin = fp->frac_end = i;
  if (i < n && s[i] == '.') {
    fp->frac_begin = ++i;
    fp->frac_end = i = scan_num(s, n, i, base);
  }
  fp->exp = 0;
  if (i < n && (s[i] == expchar || s[i] == expchar - 'a' + 'A')) {
    bool negative = false;
    i++;
    if (i < n && (s[i] == '+' || s[i] == '-'))
      negative = s[i++] == '-';
    size_t end = scan_num(s, n, i, 10);
    if (end == i)
      return false;
    for (; i < end; i++) {
      if (s[i] != '_' && fp->exp < EXP_CLAMP)
        fp->exp = fp->exp * 10 + (s[i] - '0');
    }
    if (negative)
      fp->exp = -fp->exp;
  }
  return i == n;
}

/* ------------------------------------------------------------------------
 * Hexfloats */

/* hexfloat ::= '0x' hexnum ('.' hexfrac?)? (('p'|'P') sign? num)?
 * (6.1-text.values); s starts with "0x" */
static bool parse_hexfloat(const char *s, size_t n, const FloatFormat *f,
                           uint64_t *out)
{
  FloatParts fp;
  if (!scan_float(s, n, 2, 16, 'p', &fp))
    return false;
  /* 16 hex digits fill m; later digits only matter as the sticky bit. */
  uint64_t m = 0;
  unsigned kept = 0;
  bool sticky = false;
  int64_t x = fp.exp;
  for (size_t i = fp.int_begin; i < fp.frac_end; i++) {
    bool in_frac = i >= fp.frac_begin;
    if (s[i] == '_' || s[i] == '.')
      continue;
    int d = digit_value(s[i], 16);
    if (kept == 0 && d == 0) {
      x -= in_frac ? 4 : 0;
    } else if (kept < 16) {
      m = m << 4 | (uint64_t)d;
      kept++;
      x -= in_frac ? 4 : 0;
    } else {
      sticky |= d != 0;
      x += in_frac ? 0 : 4;
    }
  }
  return round_to_float(m, x, sticky, f, out);
}

/* ------------------------------------------------------------------------
 * Big natural numbers, just enough for decimal floats */

/* parse_decimal bounds every operand by 2^2700 (see there); 96 limbs
 * leave room to spare.  An operation that would not fit sets overflow
 * instead of writing, so a wrong bound is an error, not a corruption. */
enum { BIG_LIMBS = 96 };

typedef struct {
  size_t len; /* limbs in use; limb[len - 1] != 0, len == 0 for zero */
  uint32_t limb[BIG_LIMBS]; /* least significant first */
  bool overflow;
} Big;

static void big_set(Big *b, uint32_t v)
{
  b->len = v != 0;
  b->limb[0] = v;
  b->overflow = false;
}

/* b = b * mul + add */
static void big_mul_add(Big *b, uint32_t mul, uint32_t add)
{
  uint64_t carry = add;
  for (size_t i = 0; i < b->len; i++) {
    uint64_t t = (uint64_t)b->limb[i] * mul + carry;
    b->limb[i] = (uint32_t)t;
    carry = t >> 32;
  }
  if (carry == 0)
    return;
  if (b->len == BIG_LIMBS) {
    b->overflow = true;
    return;
  }
  b->limb[b->len++] = (uint32_t)carry;
}

/* b = b * 5^e */
static void big_mul_pow5(Big *b, int64_t e)
{
  const uint32_t pow5_13 = 1220703125; /* the largest power below 2^32 */
  for (; e >= 13; e -= 13)
    big_mul_add(b, pow5_13, 0);
  uint32_t rest = 1;
  for (; e > 0; e--)
    rest *= 5;
  big_mul_add(b, rest, 0);
}

static unsigned big_bitlen(const Big *b)
{
  if (b->len == 0)
    return 0;
  return (unsigned)(b->len - 1) * 32 + bitlen64(b->limb[b->len - 1]);
}

/* b = b * 2^shift */
static void big_shl(Big *b, unsigned shift)
{
  if (b->len == 0)
    return;
  size_t words = shift / 32, bits = shift % 32;
  size_t len = b->len + words + 1;
  if (len > BIG_LIMBS) {
    b->overflow = true;
    return;
  }
  b->limb[len - 1] = 0;
  for (size_t i = b->len; i-- > 0;) {
    uint64_t t = (uint64_t)b->limb[i] << bits;
    b->limb[i + words + 1] |= (uint32_t)(t >> 32);
    b->limb[i + words] = (uint32_t)t;
  }
  memset(b->limb, 0, words * sizeof b->limb[0]);
  b->len = len;
  while (b->len > 0 && b->limb[b->len - 1] == 0)
    b->len--;
}

/* b = b / 2, rounding down */
static void big_shr1(Big *b)
{
  for (size_t i = 0; i < b->len; i++) {
    uint32_t high = i + 1 < b->len ? b->limb[i + 1] << 31 : 0;
    b->limb[i] = b->limb[i] >> 1 | high;
  }
  if (b->len > 0 && b->limb[b->len - 1] == 0)
    b->len--;
}

static int big_cmp(const Big *a, const Big *b)
{
  if (a->len != b->len)
    return a->len < b->len ? -1 : 1;
  for (size_t i = a->len; i-- > 0;) {
    if (a->limb[i] != b->limb[i])
      return a->limb[i] < b->limb[i] ? -1 : 1;
  }
  return 0;
}

/* a = a - b, for a >= b */
static void big_sub(Big *a, const Big *b)
{
  uint32_t borrow = 0;
  for (size_t i = 0; i < a->len; i++) {
    uint64_t sub = (uint64_t)(i < b->len ? b->limb[i] : 0) + borrow;
    borrow = a->limb[i] < sub;
    a->limb[i] = (uint32_t)((uint64_t)a->limb[i] - sub);
  }
  while (a->len > 0 && a->limb[a->len - 1] == 0)
    a->len--;
}

/* ------------------------------------------------------------------------
 * Decimal floats */

/* Midpoints between adjacent f64 values (the points where rounding
 * changes) are odd multiples of 2^-1075 below 2^1024, so their decimal
 * expansions have at most 768 significant digits (an f32 midpoint has
 * fewer).  Beyond 800 digits a literal's tail can only move it between
 * two such points, never across one: a nonzero tail is replaced by one
 * digit 1. */
enum { DEC_KEEP = 800 };

/* float ::= num ('.' frac?)? (('e'|'E') sign? num)? (6.1-text.values),
 * as ieee_N of its exact value */
static bool parse_decimal(const char *s, size_t n, const FloatFormat *f,
                          uint64_t *out)
{
  FloatParts fp;
  if (!scan_float(s, n, 0, 10, 'e', &fp))
    return false;
  /* value = D * 10^E, D of k digits without leading zeros */
  Big num, den;
  big_set(&num, 0);
  int64_t k = 0, e10 = fp.exp;
  bool sticky = false;
  for (size_t i = fp.int_begin; i < fp.frac_end; i++) {
    bool in_frac = i >= fp.frac_begin;
    if (s[i] == '_' || s[i] == '.')
      continue;
    int d = s[i] - '0';
    if (k == 0 && d == 0) {
      e10 -= in_frac;
    } else if (k < DEC_KEEP) {
      big_mul_add(&num, 10, (uint32_t)d);
      k++;
      e10 -= in_frac;
    } else {
      sticky |= d != 0;
      e10 += !in_frac;
    }
  }
  if (k == 0) {
    *out = 0;
    return true;
  }
  if (sticky) {
    big_mul_add(&num, 10, 1);
    k++;
    e10--;
  }
  /* 10^(k+e10-1) <= value < 10^(k+e10): 10^310 overflows even f64, and
   * 10^-331 is below half the smallest f64 subnormal (2^-1075). */
  if (k + e10 > 310)
    return false;
  if (k + e10 < -330) {
    *out = 0;
    return true;
  }
  /* value = num / den * 2^e10, with the power of 5 of 10^e10 in num or
   * den: num < 10^801 < 2^2662 or num < 10^310, den <= 5^1131 < 2^2627. */
  big_set(&den, 1);
  if (e10 >= 0)
    big_mul_pow5(&num, e10);
  else
    big_mul_pow5(&den, -e10);
  /* Scale by 2^t so that the quotient has p+1 or p+2 bits:
   * num / den lies in (2^(a-1), 2^(a+1)) for a = bitlen(num) - bitlen(den). */
  const int64_t p = (int64_t)f->signif + 1;
  int64_t a = (int64_t)big_bitlen(&num) - (int64_t)big_bitlen(&den);
  int64_t t = p + 1 - a;
  if (t >= 0)
    big_shl(&num, (unsigned)t);
  else
    big_shl(&den, (unsigned)-t);
  /* Long division one quotient bit at a time: at most p+2 steps. */
  big_shl(&den, (unsigned)(p + 1));
  uint64_t q = 0;
  for (int64_t bit = p + 1; bit >= 0; bit--) {
    if (big_cmp(&num, &den) >= 0) {
      big_sub(&num, &den);
      q |= (uint64_t)1 << bit;
    }
    big_shr1(&den);
  }
  if (num.overflow || den.overflow)
    return false;
  return round_to_float(q, e10 - t, num.len != 0, f, out);
}

/* ------------------------------------------------------------------------
 * fN */

/* fNmag ::= float | hexfloat | 'inf' | 'nan' | 'nan:0x' hexnum
 * (6.1-text.values); *out gets the bits without the sign */
static bool parse_fmag(const char *s, size_t n, const FloatFormat *f,
                       uint64_t *out)
{
  uint64_t inf = (((uint64_t)1 << f->expbits) - 1) << f->signif;
  uint64_t payload;
  if (n == 3 && memcmp(s, "inf", 3) == 0) {
    *out = inf;
    return true;
  }
  if (n == 3 && memcmp(s, "nan", 3) == 0) {
    *out = inf | (uint64_t)1 << (f->signif - 1); /* canon_N */
    return true;
  }
  if (has_prefix(s, n, "nan:0x")) {
    uint64_t max = ((uint64_t)1 << f->signif) - 1;
    if (!digits_u64(s, n, 6, 16, max, &payload) || payload == 0)
      return false;
    *out = inf | payload;
    return true;
  }
  if (has_prefix(s, n, "0x"))
    return parse_hexfloat(s, n, f, out);
  return parse_decimal(s, n, f, out);
}

/* fN ::= sign? fNmag, the sign applying to zeros, inf and nan too
 * (6.1-text.values) */
static bool parse_float(const char *s, size_t n, const FloatFormat *f,
                        uint64_t *out)
{
  uint64_t sign = 0, mag;
  if (n > 0 && (s[0] == '+' || s[0] == '-')) {
    sign = s[0] == '-';
    s++;
    n--;
  }
  if (!parse_fmag(s, n, f, &mag))
    return false;
  *out = sign << (f->signif + f->expbits) | mag;
  return true;
}

bool number_f32(const char *s, size_t n, uint32_t *out)
{
  uint64_t bits;
  if (!parse_float(s, n, &F32, &bits))
    return false;
  *out = (uint32_t)bits;
  return true;
}

bool number_f64(const char *s, size_t n, uint64_t *out)
{
  return parse_float(s, n, &F64, out);
}
