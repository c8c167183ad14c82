/* A growable byte buffer for output (printed text, encoded binaries).
 * Allocation failure sets `failed` and later writes are dropped, so a
 * writer can check once at the end. */
#ifndef UTIL_BUF_H
#define UTIL_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Buf {
  char *data;
  size_t len, cap;
  bool failed;
} Buf;

void buf_init(Buf *b);
void buf_free(Buf *b);
void buf_put(Buf *b, const void *p, size_t n);
void buf_putc(Buf *b, char c);
void buf_puts(Buf *b, const char *s);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
