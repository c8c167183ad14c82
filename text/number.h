/* The values of number tokens (spec: 6.1-text.values, "Numbers").
 *
 * Each function takes the text of one number token as the lexer found it
 * (digits with optional `_` separators, optional sign, `0x` hex forms,
 * decimal and hexadecimal floats, `inf`, `nan`, `nan:0x…`) and returns
 * false when the literal is not a value of the type: out of range, a NaN
 * payload out of range, a float that rounds to infinity, or a form the type
 * does not allow (a sign or fraction on an unsigned integer).  The caller
 * reports that as "constant out of range". */
#ifndef TEXT_NUMBER_H
#define TEXT_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* uN: an unsigned literal, decimal or 0x hex, no sign, n < 2^N. */
bool number_u32(const char *s, size_t n, uint32_t *out);
bool number_u64(const char *s, size_t n, uint64_t *out);

/* iN for N in {8, 16, 32, 64}: an unsigned literal below 2^N, or a signed
 * one in [-2^(N-1), 2^(N-1)); *out receives the N-bit two's complement
 * pattern, zero-extended. */
bool number_int(const char *s, size_t n, unsigned bits, uint64_t *out);

/* fN: the IEEE 754 bit pattern of the literal, rounded to nearest, ties to
 * even (f32 rounds the exact value once, never through f64).  Integer
 * literals are floats too.  `nan` is the canonical NaN; `nan:0xP` needs
 * 1 <= P < 2^(significand bits). */
bool number_f32(const char *s, size_t n, uint32_t *out);
bool number_f64(const char *s, size_t n, uint64_t *out);

#endif
