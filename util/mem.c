#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE   /* mremap */
#endif

#include "util/mem.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __linux__
#include <sys/mman.h>
#endif

static long fail_countdown = -1;

/* Counts down the injected failure; true when this allocation must fail. */
static int injected_failure(void)
{
  if (fail_countdown < 0)
    return 0;
  return fail_countdown-- == 0;
}

void *mem_alloc(size_t size)
{
  if (injected_failure())
    return NULL;
  return malloc(size ? size : 1);
}

void *mem_calloc(size_t count, size_t size)
{
  if (size && count > SIZE_MAX / size)
    return NULL;
  if (injected_failure())
    return NULL;
  return calloc(count ? count : 1, size ? size : 1);
}

void *mem_realloc(void *p, size_t size)
{
  if (injected_failure())
    return NULL;
  return realloc(p, size ? size : 1);
}

void mem_free(void *p)
{
  free(p);
}

#ifdef __linux__
/* Blocks under 64 KiB come from malloc: a process may have only some 65,000
 * mappings, and a script may hold more small tables than that. */
enum { MAPPED_MIN = 65536 };

static bool mapped(size_t size)
{
  return size >= MAPPED_MIN;
}

void *mem_pages_alloc(size_t size)
{
  if (!mapped(size))
    return mem_calloc(size, 1);
  if (injected_failure())
    return NULL;
  void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

void *mem_pages_realloc(void *p, size_t old, size_t size)
{
  if (mapped(old) && mapped(size)) {
    if (injected_failure())
      return NULL;
    void *q = mremap(p, old, size, MREMAP_MAYMOVE);
    return q == MAP_FAILED ? NULL : q;
  }
  if (!mapped(old) && !mapped(size)) {
    unsigned char *q = mem_realloc(p, size);
    if (q && size > old)
      memset(q + old, 0, size - old);
    return q;
  }
  unsigned char *q = mem_pages_alloc(size);   /* from one kind to the other */
  if (q) {
    memcpy(q, p, old < size ? old : size);
    mem_pages_free(p, old);
  }
  return q;
}

void mem_pages_free(void *p, size_t size)
{
  if (!mapped(size))
    mem_free(p);
  else if (p)
    munmap(p, size);
}
#else
void *mem_pages_alloc(size_t size)
{
  return mem_calloc(size, 1);
}

void *mem_pages_realloc(void *p, size_t old, size_t size)
{
  unsigned char *q = mem_realloc(p, size);
  if (q && size > old)
    memset(q + old, 0, size - old);
  return q;
}

void mem_pages_free(void *p, size_t size)
{
  (void)size;
  mem_free(p);
}
#endif

void mem_fail_after(long n)
{
  fail_countdown = n;
}

int mem_failure_pending(void)
{
  return fail_countdown >= 0;
}
