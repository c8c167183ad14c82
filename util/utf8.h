/* UTF-8 as the spec's $utf8 defines it: shortest form only, no surrogates,
 * nothing above U+10FFFF. */
#ifndef UTIL_UTF8_H
#define UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Length of the well-formed encoding starting at s (at most n bytes), or 0
 * if it is malformed; *cp receives the code point. */
size_t utf8_decode(const uint8_t *s, size_t n, uint32_t *cp);

bool utf8_valid(const uint8_t *s, size_t n);

/* Writes the encoding of cp (a scalar value) to out; returns its length. */
size_t utf8_encode(uint32_t cp, uint8_t out[4]);

#endif
