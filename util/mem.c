#include "util/mem.h"

#include <stdint.h>
#include <stdlib.h>

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

void mem_fail_after(long n)
{
  fail_countdown = n;
}

int mem_failure_pending(void)
{
  return fail_countdown >= 0;
}
