/* Unit tests for util/leb128.c: the integers of the binary format (spec:
 * 5.1-binary.values, "Integers", and the notes in core-prose
 * binary/values.rst).  Expected values and encodings were worked out by hand
 * from the grammar: a byte contributes its low 7 bits at 7 times its
 * position, and an N-bit number may use at most ceil(N/7) bytes. */
#include "util/leb128.h"

#include <check.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "test/unit/tap.h"

#define N_ELEMS(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define N_BYTES(...) (sizeof((const uint8_t[]){__VA_ARGS__}))

/* A copy of bytes[0..n) in a block of exactly n bytes, so that ASan catches
 * a read past the end. */
static uint8_t *exact_copy(const uint8_t *bytes, size_t n)
{
  uint8_t *copy = malloc(n > 0 ? n : 1);
  ck_assert_ptr_nonnull(copy);
  if (n > 0)
    memcpy(copy, bytes, n);
  return copy;
}

static const char *status_name(LebStatus s)
{
  switch (s) {
  case LEB_OK: return "OK";
  case LEB_END: return "END";
  case LEB_TOO_LONG: return "TOO_LONG";
  case LEB_TOO_LARGE: return "TOO_LARGE";
  }
  return "?";
}

/* ------------------------------------------------------------------------
 * Readers: one row per encoding.  `used` is how far a successful read must
 * advance; on failure the pointer must not move at all. */

typedef struct {
  unsigned bits;
  LebStatus status;
  uint64_t value;
  size_t used;
  size_t len;
  uint8_t bytes[12];
} UCase;

typedef struct {
  unsigned bits;
  LebStatus status;
  int64_t value;
  size_t used;
  size_t len;
  uint8_t bytes[12];
} SCase;

/* The whole input is the number. */
#define OK(bits, value, ...) \
  {bits, LEB_OK, value, N_BYTES(__VA_ARGS__), N_BYTES(__VA_ARGS__), {__VA_ARGS__}}
/* The number is the first `used` bytes; the rest must not be read. */
#define PART(bits, value, used, ...) \
  {bits, LEB_OK, value, used, N_BYTES(__VA_ARGS__), {__VA_ARGS__}}
#define BAD(bits, status, ...) \
  {bits, status, 0, 0, N_BYTES(__VA_ARGS__), {__VA_ARGS__}}

#define X9(b) b, b, b, b, b, b, b, b, b

static const UCase unsigned_cases[] = {
  /* u32, shortest encodings at each length: 7k bits fill k bytes. */
  OK(32, 0, 0x00),
  OK(32, 1, 0x01),
  OK(32, 127, 0x7f),                          /* 2^7 - 1: one byte */
  OK(32, 128, 0x80, 0x01),                    /* 2^7 */
  OK(32, 16383, 0xff, 0x7f),                  /* 2^14 - 1 */
  OK(32, 16384, 0x80, 0x80, 0x01),            /* 2^14 */
  OK(32, 2097151, 0xff, 0xff, 0x7f),          /* 2^21 - 1 */
  OK(32, 2097152, 0x80, 0x80, 0x80, 0x01),    /* 2^21 */
  OK(32, 268435455, 0xff, 0xff, 0xff, 0x7f),  /* 2^28 - 1 */
  OK(32, 268435456, 0x80, 0x80, 0x80, 0x80, 0x01),  /* 2^28 */
  OK(32, 624485, 0xe5, 0x8e, 0x26),           /* 0x65 + 0x0e<<7 + 0x26<<14 */
  /* The 5th byte carries bits 28..31: at most 0x0f. */
  OK(32, 0xffffffff, 0xff, 0xff, 0xff, 0xff, 0x0f),
  OK(32, 0xf0000000, 0x80, 0x80, 0x80, 0x80, 0x0f),
  BAD(32, LEB_TOO_LARGE, 0xff, 0xff, 0xff, 0xff, 0x10),  /* bit 32 */
  BAD(32, LEB_TOO_LARGE, 0x80, 0x80, 0x80, 0x80, 0x10),
  BAD(32, LEB_TOO_LARGE, 0x83, 0x80, 0x80, 0x80, 0x10),  /* suite */
  BAD(32, LEB_TOO_LARGE, 0x83, 0x80, 0x80, 0x80, 0x40),  /* suite */
  BAD(32, LEB_TOO_LARGE, 0x80, 0x80, 0x80, 0x80, 0x20),
  BAD(32, LEB_TOO_LARGE, 0x80, 0x80, 0x80, 0x80, 0x7f),
  BAD(32, LEB_TOO_LARGE, 0xff, 0xff, 0xff, 0xff, 0x1f),
  /* Bad unused bits are reported before the length, as the reference
   * interpreter does. */
  BAD(32, LEB_TOO_LARGE, 0x80, 0x80, 0x80, 0x80, 0x90, 0x00),
  BAD(32, LEB_TOO_LARGE, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),
  /* A 6th byte is never allowed, whatever it holds. */
  BAD(32, LEB_TOO_LONG, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00),  /* suite */
  BAD(32, LEB_TOO_LONG, 0x82, 0x80, 0x80, 0x80, 0x80, 0x00),
  BAD(32, LEB_TOO_LONG, 0xff, 0xff, 0xff, 0xff, 0x8f, 0x00),
  BAD(32, LEB_TOO_LONG, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00),
  /* ... and known without the 6th byte being there. */
  BAD(32, LEB_TOO_LONG, 0x80, 0x80, 0x80, 0x80, 0x80),
  /* Padding within the limit is fine (the prose note's "trailing zeros"). */
  OK(32, 0, 0x80, 0x00),
  OK(32, 0, 0x80, 0x80, 0x00),
  OK(32, 0, 0x80, 0x80, 0x80, 0x80, 0x00),
  OK(32, 3, 0x83, 0x00),
  OK(32, 2, 0x82, 0x80, 0x80, 0x80, 0x00),
  OK(32, 127, 0xff, 0x80, 0x80, 0x80, 0x00),
  /* A terminal byte before the last allowed one may hold any 7 bits. */
  OK(32, 0x7f, 0x7f),
  OK(32, 0x3fff, 0xff, 0x7f),
  /* The reader stops at the first byte without the continuation bit. */
  PART(32, 127, 1, 0x7f, 0x80),
  PART(32, 128, 2, 0x80, 0x01, 0xff, 0xff),
  PART(32, 0, 5, 0x80, 0x80, 0x80, 0x80, 0x00, 0x80),

  /* u64: 10 bytes, and the 10th carries only bit 63. */
  OK(64, 0, X9(0x80), 0x00),
  OK(64, UINT64_MAX, X9(0xff), 0x01),
  OK(64, UINT64_C(1) << 63, X9(0x80), 0x01),
  OK(64, INT64_MAX, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),
  OK(64, 0xffffffff, 0xff, 0xff, 0xff, 0xff, 0x0f),  /* no limit at bit 32 */
  OK(64, UINT64_C(0x100000000), 0x80, 0x80, 0x80, 0x80, 0x10),
  BAD(64, LEB_TOO_LARGE, X9(0x80), 0x02),
  BAD(64, LEB_TOO_LARGE, X9(0xff), 0x03),
  BAD(64, LEB_TOO_LARGE, 0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
      0x80, 0x70),                                       /* suite */
  BAD(64, LEB_TOO_LARGE, 0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
      0x80, 0x40),                                       /* suite */
  BAD(64, LEB_TOO_LARGE, X9(0x80), 0x7f),
  BAD(64, LEB_TOO_LONG, X9(0x80), 0x80, 0x00),
  BAD(64, LEB_TOO_LONG, 0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
      0x80, 0x80, 0x00),                                 /* suite */
  BAD(64, LEB_TOO_LONG, X9(0xff), 0x81, 0x00),
  BAD(64, LEB_TOO_LONG, X9(0x80), 0x80),

  /* Other widths.  u8 (the prose note): 2 bytes, the 2nd holds bit 7. */
  OK(8, 3, 0x03),
  OK(8, 3, 0x83, 0x00),
  OK(8, 255, 0xff, 0x01),
  BAD(8, LEB_TOO_LARGE, 0x83, 0x10),
  BAD(8, LEB_TOO_LARGE, 0x80, 0x02),                   /* 256 */
  BAD(8, LEB_TOO_LONG, 0x80, 0x80, 0x00),
  /* u1: one byte, 0 or 1. */
  OK(1, 0, 0x00),
  OK(1, 1, 0x01),
  BAD(1, LEB_TOO_LARGE, 0x02),
  BAD(1, LEB_TOO_LARGE, 0x40),
  BAD(1, LEB_TOO_LONG, 0x80, 0x00),
  BAD(1, LEB_TOO_LONG, 0x81, 0x00),
  /* u7 and u14 fill their bytes: no unused bits, so only the length can be
   * wrong. */
  OK(7, 127, 0x7f),
  BAD(7, LEB_TOO_LONG, 0x80, 0x00),
  BAD(7, LEB_TOO_LONG, 0xff, 0x00),
  OK(14, 16383, 0xff, 0x7f),
  OK(14, 0, 0x80, 0x00),
  BAD(14, LEB_TOO_LONG, 0x80, 0x80, 0x00),
  /* u63: 9 bytes, the 9th full. */
  OK(63, INT64_MAX, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),
  BAD(63, LEB_TOO_LONG, X9(0x80), 0x00),
  /* u33: 5 bytes, the 5th holds bits 28..32. */
  OK(33, UINT64_C(0x1ffffffff), 0xff, 0xff, 0xff, 0xff, 0x1f),
  BAD(33, LEB_TOO_LARGE, 0xff, 0xff, 0xff, 0xff, 0x3f),
};

static const SCase signed_cases[] = {
  /* s32: one byte holds -64..63; bit 6 of the last byte is the sign. */
  OK(32, 0, 0x00),
  OK(32, 1, 0x01),
  OK(32, 63, 0x3f),
  OK(32, -1, 0x7f),
  OK(32, -64, 0x40),
  OK(32, 64, 0xc0, 0x00),
  OK(32, -65, 0xbf, 0x7f),
  OK(32, 127, 0xff, 0x00),
  OK(32, -128, 0x80, 0x7f),
  OK(32, -123456, 0xc0, 0xbb, 0x78),    /* 64 + 59<<7 + (120-128)<<14 */
  /* The 5th byte holds bits 28..34; bits 31..34 must all be the sign, so
   * its payload is 0x00..0x07 or 0x78..0x7f. */
  OK(32, INT32_MIN, 0x80, 0x80, 0x80, 0x80, 0x78),
  OK(32, INT32_MAX, 0xff, 0xff, 0xff, 0xff, 0x07),
  OK(32, -1, 0xff, 0xff, 0xff, 0xff, 0x7f),
  OK(32, 0, 0x80, 0x80, 0x80, 0x80, 0x00),
  BAD(32, LEB_TOO_LARGE, 0xff, 0xff, 0xff, 0xff, 0x4f),  /* suite */
  BAD(32, LEB_TOO_LARGE, 0xff, 0xff, 0xff, 0xff, 0x0f),  /* suite */
  BAD(32, LEB_TOO_LARGE, 0x80, 0x80, 0x80, 0x80, 0x70),  /* suite */
  BAD(32, LEB_TOO_LARGE, 0x80, 0x80, 0x80, 0x80, 0x1f),  /* suite */
  BAD(32, LEB_TOO_LARGE, 0x80, 0x80, 0x80, 0x80, 0x08),  /* 2^31 */
  BAD(32, LEB_TOO_LARGE, 0xff, 0xff, 0xff, 0xff, 0x77),  /* -2^31 - 1 */
  BAD(32, LEB_TOO_LARGE, 0x80, 0x80, 0x80, 0x80, 0x40),
  BAD(32, LEB_TOO_LARGE, 0x80, 0x80, 0x80, 0x80, 0x88, 0x00),
  BAD(32, LEB_TOO_LONG, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00),  /* suite */
  BAD(32, LEB_TOO_LONG, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),  /* suite */
  BAD(32, LEB_TOO_LONG, 0xff, 0xff, 0xff, 0xff, 0x87, 0x00),
  BAD(32, LEB_TOO_LONG, 0x80, 0x80, 0x80, 0x80, 0xf8),
  OK(32, -2, 0xfe, 0x7f),                              /* padding */
  OK(32, -2, 0xfe, 0xff, 0xff, 0xff, 0x7f),
  OK(32, 2, 0x82, 0x80, 0x00),
  PART(32, -1, 1, 0x7f, 0xff),
  PART(32, -65, 2, 0xbf, 0x7f, 0x80),

  /* s33, as block types and heap types use it: a negative one-byte value
   * is a type code, anything else a type index up to 2^32 - 1. */
  OK(33, -64, 0x40),
  OK(33, -1, 0x7f),
  OK(33, -16, 0x70),
  OK(33, 0, 0x00),
  /* The 5th byte holds bits 28..34; bits 32..34 must be the sign, so its
   * payload is 0x00..0x0f or 0x70..0x7f. */
  OK(33, INT64_C(4294967295), 0xff, 0xff, 0xff, 0xff, 0x0f),
  OK(33, -INT64_C(4294967296), 0x80, 0x80, 0x80, 0x80, 0x70),
  OK(33, INT64_C(2147483648), 0x80, 0x80, 0x80, 0x80, 0x08),  /* 2^31 */
  OK(33, -1, 0xff, 0xff, 0xff, 0xff, 0x7f),
  OK(33, -64, 0xc0, 0xff, 0xff, 0xff, 0x7f),
  BAD(33, LEB_TOO_LARGE, 0x80, 0x80, 0x80, 0x80, 0x10),  /* 2^32 */
  BAD(33, LEB_TOO_LARGE, 0xff, 0xff, 0xff, 0xff, 0x1f),
  BAD(33, LEB_TOO_LARGE, 0xff, 0xff, 0xff, 0xff, 0x6f),  /* -2^32 - 1 */
  BAD(33, LEB_TOO_LARGE, 0x80, 0x80, 0x80, 0x80, 0x40),
  BAD(33, LEB_TOO_LONG, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00),
  BAD(33, LEB_TOO_LONG, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),

  /* s64: 10 bytes; the 10th holds bit 63 and must be 0x00 or 0x7f. */
  OK(64, INT64_MIN, X9(0x80), 0x7f),
  OK(64, INT64_MAX, X9(0xff), 0x00),
  OK(64, -1, X9(0xff), 0x7f),
  OK(64, 0, X9(0x80), 0x00),
  OK(64, -INT64_C(4294967296), 0x80, 0x80, 0x80, 0x80, 0x70),  /* -2^32 */
  BAD(64, LEB_TOO_LARGE, X9(0x80), 0x7e),               /* suite */
  BAD(64, LEB_TOO_LARGE, X9(0xff), 0x01),               /* suite */
  BAD(64, LEB_TOO_LARGE, X9(0x80), 0x02),               /* suite */
  BAD(64, LEB_TOO_LARGE, X9(0xff), 0x41),               /* suite */
  BAD(64, LEB_TOO_LARGE, X9(0x80), 0x01),               /* 2^63 */
  BAD(64, LEB_TOO_LARGE, X9(0xff), 0x40),
  BAD(64, LEB_TOO_LONG, X9(0x80), 0x80, 0x00),          /* suite */
  BAD(64, LEB_TOO_LONG, X9(0xff), 0xff, 0x7f),          /* suite */
  BAD(64, LEB_TOO_LONG, X9(0xff), 0xff),

  /* Other widths.  s16 and s8 from the prose note. */
  OK(16, -2, 0x7e),
  OK(16, -2, 0xfe, 0x7f),
  OK(16, -2, 0xfe, 0xff, 0x7f),
  OK(16, INT16_MIN, 0x80, 0x80, 0x7e),
  OK(16, INT16_MAX, 0xff, 0xff, 0x01),
  BAD(16, LEB_TOO_LARGE, 0x80, 0x80, 0x02),             /* 2^15 */
  BAD(16, LEB_TOO_LONG, 0xfe, 0xff, 0xff, 0x7f),
  OK(8, INT8_MIN, 0x80, 0x7f),
  OK(8, INT8_MAX, 0xff, 0x00),
  BAD(8, LEB_TOO_LARGE, 0x83, 0x3e),
  BAD(8, LEB_TOO_LARGE, 0xff, 0x7b),
  /* s1: one byte, 0 or -1. */
  OK(1, 0, 0x00),
  OK(1, -1, 0x7f),
  BAD(1, LEB_TOO_LARGE, 0x01),
  BAD(1, LEB_TOO_LARGE, 0x40),
  BAD(1, LEB_TOO_LARGE, 0x3f),
  BAD(1, LEB_TOO_LONG, 0x80, 0x00),
  BAD(1, LEB_TOO_LONG, 0xff, 0x7f),
  /* s7 fills one byte. */
  OK(7, 63, 0x3f),
  OK(7, -64, 0x40),
  BAD(7, LEB_TOO_LONG, 0xe0, 0x7f),  /* the suite's "malformed functype" */
  /* s63: 9 bytes, the 9th full. */
  OK(63, -(INT64_C(1) << 62), 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
     0x40),
  OK(63, (INT64_C(1) << 62) - 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
     0xff, 0x3f),
  BAD(63, LEB_TOO_LONG, X9(0x80), 0x00),
};

START_TEST(test_read_unsigned)
{
  const UCase *c = &unsigned_cases[_i];
  uint8_t *buf = exact_copy(c->bytes, c->len);
  const uint8_t *p = buf;
  uint64_t got = 0x5a5a5a5a;
  LebStatus s = leb_read_unsigned(&p, buf + c->len, c->bits, &got);
  size_t moved = (size_t)(p - buf);
  free(buf);
  ck_assert_msg(s == c->status, "u%u case %d: %s, expected %s", c->bits, _i,
                status_name(s), status_name(c->status));
  if (s == LEB_OK) {
    ck_assert_msg(got == c->value, "u%u case %d: 0x%" PRIx64
                  ", expected 0x%" PRIx64, c->bits, _i, got, c->value);
    ck_assert_msg(moved == c->used, "u%u case %d: advanced %zu, expected %zu",
                  c->bits, _i, moved, c->used);
  } else {
    ck_assert_msg(moved == 0, "u%u case %d: moved %zu on failure", c->bits, _i,
                  moved);
    ck_assert_msg(got == 0x5a5a5a5a, "u%u case %d: wrote *out on failure",
                  c->bits, _i);
  }
}
END_TEST

START_TEST(test_read_signed)
{
  const SCase *c = &signed_cases[_i];
  uint8_t *buf = exact_copy(c->bytes, c->len);
  const uint8_t *p = buf;
  int64_t got = 0x5a5a5a5a;
  LebStatus s = leb_read_signed(&p, buf + c->len, c->bits, &got);
  size_t moved = (size_t)(p - buf);
  free(buf);
  ck_assert_msg(s == c->status, "s%u case %d: %s, expected %s", c->bits, _i,
                status_name(s), status_name(c->status));
  if (s == LEB_OK) {
    ck_assert_msg(got == c->value, "s%u case %d: %" PRId64 ", expected %"
                  PRId64, c->bits, _i, got, c->value);
    ck_assert_msg(moved == c->used, "s%u case %d: advanced %zu, expected %zu",
                  c->bits, _i, moved, c->used);
  } else {
    ck_assert_msg(moved == 0, "s%u case %d: moved %zu on failure", c->bits, _i,
                  moved);
    ck_assert_msg(got == 0x5a5a5a5a, "s%u case %d: wrote *out on failure",
                  c->bits, _i);
  }
}
END_TEST

/* ------------------------------------------------------------------------
 * Truncation: every proper prefix of a well-formed number (including the
 * empty one) ends inside it.  Each prefix gets a block of its own size. */

typedef struct {
  bool is_signed;
  unsigned bits;
  size_t len;
  uint8_t bytes[12];
} Whole;

#define U(bits, ...) {false, bits, N_BYTES(__VA_ARGS__), {__VA_ARGS__}}
#define S(bits, ...) {true, bits, N_BYTES(__VA_ARGS__), {__VA_ARGS__}}

static const Whole whole_cases[] = {
  U(32, 0x00),
  U(32, 0x80, 0x01),
  U(32, 0xff, 0xff, 0xff, 0xff, 0x0f),
  U(32, 0x80, 0x80, 0x00),
  U(64, X9(0xff), 0x01),
  U(8, 0xff, 0x01),
  U(1, 0x01),
  S(32, 0x40),
  S(32, 0x80, 0x80, 0x80, 0x80, 0x78),
  S(33, 0xff, 0xff, 0xff, 0xff, 0x0f),
  S(33, 0xc0, 0xbb, 0x78),
  S(64, X9(0x80), 0x7f),
  S(64, X9(0xff), 0x00),
  S(1, 0x7f),
};

START_TEST(test_truncated)
{
  const Whole *c = &whole_cases[_i];
  for (size_t n = 0; n < c->len; n++) {
    uint8_t *buf = exact_copy(c->bytes, n);
    const uint8_t *p = buf;
    LebStatus s;
    if (c->is_signed) {
      int64_t v = 0;
      s = leb_read_signed(&p, buf + n, c->bits, &v);
    } else {
      uint64_t v = 0;
      s = leb_read_unsigned(&p, buf + n, c->bits, &v);
    }
    bool moved = p != buf;
    free(buf);
    ck_assert_msg(s == LEB_END, "%c%u case %d, %zu of %zu bytes: %s",
                  c->is_signed ? 's' : 'u', c->bits, _i, n, c->len,
                  status_name(s));
    ck_assert_msg(!moved, "%c%u case %d, %zu bytes: moved",
                  c->is_signed ? 's' : 'u', c->bits, _i, n);
  }
  /* And the whole of it reads, so the prefixes above were really cut. */
  uint8_t *buf = exact_copy(c->bytes, c->len);
  const uint8_t *p = buf;
  LebStatus s;
  if (c->is_signed) {
    int64_t v = 0;
    s = leb_read_signed(&p, buf + c->len, c->bits, &v);
  } else {
    uint64_t v = 0;
    s = leb_read_unsigned(&p, buf + c->len, c->bits, &v);
  }
  size_t moved = (size_t)(p - buf);
  free(buf);
  ck_assert_msg(s == LEB_OK && moved == c->len, "case %d: %s, %zu bytes", _i,
                status_name(s), moved);
}
END_TEST

/* ------------------------------------------------------------------------
 * Writers: the exact shortest encoding, then read back as a 64-bit
 * number. */

typedef struct {
  uint64_t value;
  size_t len;
  uint8_t bytes[10];
} UWrite;

typedef struct {
  int64_t value;
  size_t len;
  uint8_t bytes[10];
} SWrite;

#define W(value, ...) {value, N_BYTES(__VA_ARGS__), {__VA_ARGS__}}

static const UWrite unsigned_writes[] = {
  W(0, 0x00),
  W(1, 0x01),
  W(63, 0x3f),
  W(64, 0x40),
  W(127, 0x7f),
  W(128, 0x80, 0x01),
  W(255, 0xff, 0x01),
  W(16383, 0xff, 0x7f),
  W(16384, 0x80, 0x80, 0x01),
  W(624485, 0xe5, 0x8e, 0x26),
  W(0xffffffff, 0xff, 0xff, 0xff, 0xff, 0x0f),
  W(UINT64_C(0x100000000), 0x80, 0x80, 0x80, 0x80, 0x10),
  W(INT64_MAX, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),
  W(UINT64_C(1) << 63, X9(0x80), 0x01),
  W(UINT64_MAX, X9(0xff), 0x01),
};

static const SWrite signed_writes[] = {
  W(0, 0x00),
  W(1, 0x01),
  W(63, 0x3f),
  W(64, 0xc0, 0x00),
  W(127, 0xff, 0x00),
  W(128, 0x80, 0x01),
  W(-1, 0x7f),
  W(-2, 0x7e),
  W(-64, 0x40),
  W(-65, 0xbf, 0x7f),
  W(-128, 0x80, 0x7f),
  W(-129, 0xff, 0x7e),
  W(-123456, 0xc0, 0xbb, 0x78),
  W(624485, 0xe5, 0x8e, 0x26),
  W(INT32_MIN, 0x80, 0x80, 0x80, 0x80, 0x78),
  W(INT32_MAX, 0xff, 0xff, 0xff, 0xff, 0x07),
  W(INT64_C(4294967295), 0xff, 0xff, 0xff, 0xff, 0x0f),
  W(-INT64_C(4294967296), 0x80, 0x80, 0x80, 0x80, 0x70),
  W(INT64_MAX, X9(0xff), 0x00),
  W(INT64_MIN, X9(0x80), 0x7f),
};

static void check_bytes(const char *what, int i, const uint8_t *got,
                        size_t got_len, const uint8_t *want, size_t want_len)
{
  ck_assert_msg(got_len == want_len, "%s case %d: %zu bytes, expected %zu",
                what, i, got_len, want_len);
  for (size_t k = 0; k < want_len; k++)
    ck_assert_msg(got[k] == want[k], "%s case %d: byte %zu is 0x%02x, "
                  "expected 0x%02x", what, i, k, got[k], want[k]);
}

START_TEST(test_write_unsigned)
{
  const UWrite *c = &unsigned_writes[_i];
  uint8_t out[10];
  size_t n = leb_write_unsigned(out, c->value);
  check_bytes("unsigned", _i, out, n, c->bytes, c->len);
  const uint8_t *p = out;
  uint64_t back = 0;
  ck_assert_int_eq(leb_read_unsigned(&p, out + n, 64, &back), LEB_OK);
  ck_assert_uint_eq(back, c->value);
  ck_assert_ptr_eq(p, out + n);
}
END_TEST

START_TEST(test_write_signed)
{
  const SWrite *c = &signed_writes[_i];
  uint8_t out[10];
  size_t n = leb_write_signed(out, c->value);
  check_bytes("signed", _i, out, n, c->bytes, c->len);
  const uint8_t *p = out;
  int64_t back = 0;
  ck_assert_int_eq(leb_read_signed(&p, out + n, 64, &back), LEB_OK);
  ck_assert_int_eq(back, c->value);
  ck_assert_ptr_eq(p, out + n);
}
END_TEST

/* ------------------------------------------------------------------------
 * Every width N from 1 to 64, at the edges of what N bits can hold.  A
 * value that needs exactly n bits has a shortest encoding of ceil(n/7)
 * bytes; it reads back at width n, and at width n-1 it is rejected: as too
 * long when n-1 is a multiple of 7 (the last byte allowed then has no unused
 * bits but carries the continuation bit), otherwise as too large (the bit
 * that needs width n sits among the unused ones). */

static size_t ceil7(unsigned n)
{
  return (n + 6) / 7;
}

static LebStatus narrower_status(unsigned n)
{
  return (n - 1) % 7 == 0 ? LEB_TOO_LONG : LEB_TOO_LARGE;
}

static void check_unsigned_width(uint64_t v, unsigned n)
{
  uint8_t out[10];
  size_t len = leb_write_unsigned(out, v);
  ck_assert_msg(len == ceil7(n), "0x%" PRIx64 ": %zu bytes, expected %zu", v,
                len, ceil7(n));
  const uint8_t *p = out;
  uint64_t back = 0;
  LebStatus s = leb_read_unsigned(&p, out + len, n, &back);
  ck_assert_msg(s == LEB_OK && back == v && p == out + len,
                "0x%" PRIx64 " as u%u: %s, 0x%" PRIx64, v, n, status_name(s),
                back);
  if (n > 1) {
    p = out;
    s = leb_read_unsigned(&p, out + len, n - 1, &back);
    ck_assert_msg(s == narrower_status(n) && p == out,
                  "0x%" PRIx64 " as u%u: %s, expected %s", v, n - 1,
                  status_name(s), status_name(narrower_status(n)));
  }
}

static void check_signed_width(int64_t v, unsigned n)
{
  uint8_t out[10];
  size_t len = leb_write_signed(out, v);
  ck_assert_msg(len == ceil7(n), "%" PRId64 ": %zu bytes, expected %zu", v,
                len, ceil7(n));
  const uint8_t *p = out;
  int64_t back = 0;
  LebStatus s = leb_read_signed(&p, out + len, n, &back);
  ck_assert_msg(s == LEB_OK && back == v && p == out + len,
                "%" PRId64 " as s%u: %s, %" PRId64, v, n, status_name(s),
                back);
  if (n > 1) {
    p = out;
    s = leb_read_signed(&p, out + len, n - 1, &back);
    ck_assert_msg(s == narrower_status(n) && p == out,
                  "%" PRId64 " as s%u: %s, expected %s", v, n - 1,
                  status_name(s), status_name(narrower_status(n)));
  }
}

START_TEST(test_width)
{
  unsigned n = (unsigned)_i;
  /* Unsigned values needing exactly n bits: 2^(n-1) .. 2^n - 1. */
  uint64_t top = UINT64_C(1) << (n - 1);
  check_unsigned_width(top, n);
  check_unsigned_width(top | (top - 1), n);
  /* Signed values needing exactly n bits: 2^(n-2) .. 2^(n-1) - 1 and
   * -2^(n-1) .. -2^(n-2) - 1; for n = 1 just 0 and -1. */
  if (n == 1) {
    check_signed_width(0, 1);
    check_signed_width(-1, 1);
  } else {
    uint64_t half = UINT64_C(1) << (n - 2);
    int64_t min_pos = (int64_t)half;
    int64_t max_pos = (int64_t)(half | (half - 1));
    check_signed_width(min_pos, n);
    check_signed_width(max_pos, n);
    check_signed_width(-max_pos - 1, n);  /* -2^(n-1) */
    check_signed_width(-min_pos - 1, n);  /* -2^(n-2) - 1 */
  }
}
END_TEST

/* ------------------------------------------------------------------------ */

static Suite *leb128_suite(void)
{
  Suite *s = suite_create("leb128");
  TCase *tc = tcase_create("read");
  tcase_add_loop_test(tc, test_read_unsigned, 0, N_ELEMS(unsigned_cases));
  tcase_add_loop_test(tc, test_read_signed, 0, N_ELEMS(signed_cases));
  tcase_add_loop_test(tc, test_truncated, 0, N_ELEMS(whole_cases));
  suite_add_tcase(s, tc);
  tc = tcase_create("write");
  tcase_add_loop_test(tc, test_write_unsigned, 0, N_ELEMS(unsigned_writes));
  tcase_add_loop_test(tc, test_write_signed, 0, N_ELEMS(signed_writes));
  tcase_add_loop_test(tc, test_width, 1, 65);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  return tap_run(leb128_suite());
}
