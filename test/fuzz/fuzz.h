/* What the libFuzzer targets share. */
#ifndef TEST_FUZZ_FUZZ_H
#define TEST_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as text, with the NUL the parser wants after it; NULL when out
 * of memory. */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
  char *src = mem_alloc(size + 1);
  if (src) {
    memcpy(src, data, size);
    src[size] = '\0';
  }
  return src;
}

#endif
