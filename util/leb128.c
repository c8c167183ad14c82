#include "util/leb128.h"

#include <assert.h>
#include <stdbool.h>

/* The spec's grammars are recursive: after k bytes an N-bit number is
 * continued by an (N-7k)-bit one.  The loops below keep that remaining width
 * as `left`, so each byte is checked against exactly the side conditions of
 * the production that reads it.  On any failure *p and *out are left alone,
 * so the caller can report the position where the number starts. */

/* Two's complement reinterpretation without the implementation-defined
 * conversion of an out-of-range uint64_t to int64_t. */
static int64_t as_signed(uint64_t v)
{
  if (v <= (uint64_t)INT64_MAX)
    return (int64_t)v;
  return -(int64_t)(~v) - 1;
}

/* The bits of a terminal byte that lie at or above bit `from` of its 7
 * payload bits, i.e. beyond the width the number has left. */
static uint8_t bits_from(unsigned from)
{
  return (uint8_t)((0x7fu << from) & 0x7fu);
}

/* Whether the byte read when only `left` (< 7) bits of the width remain
 * meets its production's range condition.
 *   uN: n < 2^N, i.e. no payload bit at or above bit `left`;
 *   sN: n < 2^(N-1), or n >= 2^7 - 2^(N-1) — together, bit N-1 (here bit
 *       left-1 of the byte) and every payload bit above it are all equal. */
static bool in_range(uint8_t b, unsigned left, bool is_signed)
{
  if (!is_signed)
    return (b & bits_from(left)) == 0;
  uint8_t sign = bits_from(left - 1);
  return (b & sign) == 0 || (b & sign) == sign;
}

/* uN and sN share their recursion and differ only in the range condition of
 * the byte that ends the width and in extending the sign, so one loop reads
 * both; the bits are returned as read, sign-extended for sN. */
static LebStatus leb_read(const uint8_t **p, const uint8_t *end, unsigned bits, bool is_signed,
                          uint64_t *out)
{
  assert(bits >= 1 && bits <= 64);
  const uint8_t *q = *p;
  uint64_t v = 0;
  for (unsigned shift = 0;; shift += 7) {
    if (q == end)
      return LEB_END;
    uint8_t b = *q++;
    unsigned left = bits - shift;
    /* The range condition only bites in the last byte allowed, where fewer
     * than 7 bits are left; it is checked before the length, as the
     * reference interpreter does, so 0x90 as a 5th u32 byte is "too
     * large". */
    if (left < 7 && !in_range(b, left, is_signed))
      return LEB_TOO_LARGE;
    v |= (uint64_t)(b & 0x7f) << shift;
    if ((b & 0x80) == 0) {
      /* Bit 6 of an sN's last byte is the sign; it extends upward. */
      if (is_signed && shift + 7 < 64 && (b & 0x40) != 0)
        v |= ~(uint64_t)0 << (shift + 7);
      break;
    }
    /* The continuing production needs N > 7; known without reading on. */
    if (left <= 7)
      return LEB_TOO_LONG;
  }
  *p = q;
  *out = v;
  return LEB_OK;
}

/* uN(N) ::= n:byte => n                          if n < 2^7 and n < 2^N
 *         | n:byte m:uN(N-7) => 2^7*m + (n-2^7)  if n >= 2^7 and N > 7
 * (5.1-binary.values) */
LebStatus leb_read_unsigned(const uint8_t **p, const uint8_t *end, unsigned bits, uint64_t *out)
{
  return leb_read(p, end, bits, false, out);
}

/* sN(N) ::= n:byte => n                          if n < 2^6 and n < 2^(N-1)
 *         | n:byte => n - 2^7                    if 2^6 <= n < 2^7 and n >= 2^7 - 2^(N-1)
 *         | n:byte i:sN(N-7) => 2^7*i + (n-2^7)  if n >= 2^7 and N > 7
 * (5.1-binary.values) */
LebStatus leb_read_signed(const uint8_t **p, const uint8_t *end, unsigned bits, int64_t *out)
{
  uint64_t v;
  LebStatus st = leb_read(p, end, bits, true, &v);
  if (st == LEB_OK)
    *out = as_signed(v);
  return st;
}

/* uN, shortest encoding (5.1-binary.values): stop as soon as no bits
 * remain. */
size_t leb_write_unsigned(uint8_t out[10], uint64_t v)
{
  size_t n = 0;
  for (;;) {
    uint8_t b = (uint8_t)(v & 0x7f);
    v >>= 7;
    if (v == 0) {
      out[n++] = b;
      return n;
    }
    out[n++] = (uint8_t)(b | 0x80);
  }
}

/* sN, shortest encoding (5.1-binary.values): stop once the rest is all
 * copies of the sign and bit 6 of the byte already carries that sign. */
size_t leb_write_signed(uint8_t out[10], int64_t v)
{
  /* Shift as unsigned and fill in the sign by hand: >> of a negative
   * signed value is implementation-defined in C. */
  bool negative = v < 0;
  uint64_t u = (uint64_t)v;
  uint64_t fill = negative ? ~(~(uint64_t)0 >> 7) : 0;
  size_t n = 0;
  for (;;) {
    uint8_t b = (uint8_t)(u & 0x7f);
    u = (u >> 7) | fill;
    bool sign_bit = (b & 0x40) != 0;
    if ((!negative && u == 0 && !sign_bit)
        || (negative && u == ~(uint64_t)0 && sign_bit)) {
      out[n++] = b;
      return n;
    }
    out[n++] = (uint8_t)(b | 0x80);
  }
}
