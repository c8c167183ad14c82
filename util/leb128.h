/* LEB128, the variable-length integers of the binary format (spec:
 * 5.1-binary.values, "Integers"): uN uses at most ceil(N/7) bytes, and in
 * the last byte the bits beyond N must be zero (unsigned) or copies of the
 * sign bit (signed). */
#ifndef UTIL_LEB128_H
#define UTIL_LEB128_H

#include <stddef.h>
#include <stdint.h>

typedef enum LebStatus {
  LEB_OK,
  LEB_END,        /* the input ended inside the number: "unexpected end" */
  LEB_TOO_LONG,   /* more than ceil(N/7) bytes: "integer representation too long" */
  LEB_TOO_LARGE   /* unused bits of the last byte set wrongly: "integer too large" */
} LebStatus;

/* Reads an unsigned N-bit integer (N = bits, 1..64) from [*p, end);
 * advances *p past it on success. */
LebStatus leb_read_unsigned(const uint8_t **p, const uint8_t *end, unsigned bits, uint64_t *out);

/* Reads a signed N-bit integer (N = bits, 1..64), sign-extended to 64 bits. */
LebStatus leb_read_signed(const uint8_t **p, const uint8_t *end, unsigned bits, int64_t *out);

/* Writes the shortest encoding; returns its length (at most 10). */
size_t leb_write_unsigned(uint8_t out[10], uint64_t v);
size_t leb_write_signed(uint8_t out[10], int64_t v);

#endif
