#include "util/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/mem.h"

void buf_init(Buf *b)
{
  *b = (Buf){0};
}

void buf_free(Buf *b)
{
  mem_free(b->data);
  buf_init(b);
}

/* Makes room for n more bytes plus a terminating NUL. */
static bool buf_room(Buf *b, size_t n)
{
  if (b->failed)
    return false;
  if (n < b->cap - b->len)
    return true;
  size_t want = b->cap ? b->cap : 256;
  while (want - b->len <= n) {
    if (want > SIZE_MAX / 2) {
      b->failed = true;
      return false;
    }
    want *= 2;
  }
  char *p = mem_realloc(b->data, want);
  if (!p) {
    b->failed = true;
    return false;
  }
  b->data = p;
  b->cap = want;
  return true;
}

void buf_put(Buf *b, const void *p, size_t n)
{
  if (!buf_room(b, n))
    return;
  memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void buf_putc(Buf *b, char c)
{
  buf_put(b, &c, 1);
}

void buf_puts(Buf *b, const char *s)
{
  buf_put(b, s, strlen(s));
}

void buf_printf(Buf *b, const char *fmt, ...)
{
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->failed = true;
    return;
  }
  if ((size_t)n < sizeof small) {
    buf_put(b, small, (size_t)n);
    return;
  }
  if (!buf_room(b, (size_t)n))
    return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}
