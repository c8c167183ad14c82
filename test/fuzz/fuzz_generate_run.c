/* libFuzzer target for the generator (issue 14): the fuzzer's bytes are
 * the generator's choices (gen/gen.h), so coverage-guided mutation steers
 * which continuation patterns a module holds; the module is then run as
 * --run-all-exports runs it.  Beyond "never a crash", the generator's own
 * promise is checked: whatever the bytes, the module parses and validates
 * (an invalid one aborts, a finding against gen/). */

#include <stdint.h>
#include <stdlib.h>

#include "gen/gen.h"
#include "script/direct.h"
#include "script/run.h"
#include "test/fuzz/fuzz.h"
#include "text/text.h"

/* Text the generator wrote that is not a valid module: its bug. */
static void invalid(const Buf *b, const Error *err)
{
  fprintf(stderr, "generated module rejected: %s:%u:%u: %s\n%.*s\n", err->loc.file ? err->loc.file : "",
          err->loc.line, err->loc.col, err->message, (int)b->len, b->data);
  abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  Choices c;
  choices_bytes(&c, data, size);
  uint32_t n = 1 + choose(&c, GEN_DEFAULT_SIZE * 2);   /* small: many runs a second */
  Buf b;
  buf_init(&b);
  gen_module(&c, n, &b);
  char *text = b.failed ? NULL : fuzz_text((const uint8_t *)b.data, b.len);
  Error err = {0};
  Module *m = text ? text_parse_module("generated.wat", text, b.len, &err) : NULL;
  if (text && !m && err.phase != PHASE_EXHAUSTION)
    invalid(&b, &err);
  Runner r;
  if (m && fuzz_runner(&r, false)) {
    Buf bt;
    buf_init(&bt);
    if (run_module_file(&r, m, &bt, &err))
      direct_run_all(&r);
    else if (err.phase == PHASE_MALFORMED || err.phase == PHASE_INVALID)
      invalid(&b, &err);
    buf_free(&bt);
    runner_free(&r);   /* its store refers to the module's code */
  }
  module_free(m);
  mem_free(text);
  buf_free(&b);
  return 0;
}
