/* What the libFuzzer targets share. */
#ifndef TEST_FUZZ_FUZZ_H
#define TEST_FUZZ_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "script/run.h"
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

/* A runner (with -u: unchecked) under small limits, writing to /dev/null
 * (opened once), so that a fuzzed run ends fast and quietly; it touches no
 * files, since a fuzzed (input "…") or (output "…") must not.  False if
 * /dev/null cannot be opened. */
static inline bool fuzz_runner(Runner *r, bool unchecked)
{
  static FILE *null;
  if (!null && !(null = fopen("/dev/null", "w")))
    return false;
  RunOptions opt = {.unchecked = unchecked, .limits = store_default_limits};
  opt.no_files = true;
  opt.limits.fuel = 100000;
  opt.limits.call_depth = 1000;
  opt.limits.heap_bytes = 16 << 20;
  opt.limits.memory_bytes = 64 << 20;
  opt.limits.table_entries = 1 << 20;
  opt.limits.instances = 1000;
  runner_init(r, &opt, null);
  r->err = null;
  return true;
}

#endif
