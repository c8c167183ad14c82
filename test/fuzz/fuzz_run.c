/* libFuzzer target for the whole pipeline: any script is parsed, its
 * modules decoded, validated, instantiated and run, under small limits, and
 * whatever happens must end with an error or an assertion result — never a
 * crash, a sanitizer report, a leak or a hang. */

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "script/run.h"
#include "text/text.h"
#include "test/fuzz/fuzz.h"
#include "util/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *src = fuzz_text(data, size);
  if (!src)
    return 0;
  Error err = {0};
  Script *s = text_parse_script("fuzz", src, size, &err);
  Runner r;
  if (s && fuzz_runner(&r, false)) {
    RunStats stats = {0};
    run_script(&r, s, &stats);
    runner_free(&r);
  }
  script_free(s);
  mem_free(src);
  return 0;
}
