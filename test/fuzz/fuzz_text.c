/* libFuzzer target for the text parser: any text must parse as a script or
 * be rejected with an error, never crash, read out of bounds or leak.  The
 * text modules of what parses must also survive print → parse unchanged. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "test/fuzz/fuzz.h"
#include "util/mem.h"

/* print(m) must parse back to m */
static void round_trip(const Module *m)
{
  Buf out;
  buf_init(&out);
  text_print_module(&out, m);
  Error err = {0};
  Module *back = text_parse_module("printed", out.data, out.len, &err);
  if (!back || !module_eq(m, back))
    abort();
  module_free(back);
  buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *src = fuzz_text(data, size);
  if (!src)
    return 0;
  Error err = {0};
  Script *s = text_parse_script("fuzz", src, size, &err);
  if (!s) {
    if (err.phase == PHASE_NONE || err.message[0] == '\0')
      abort();  /* a failure must say why */
  } else {
    for (uint32_t i = 0; i < s->commands.len; i++) {
      const ScriptModule *sm = &s->commands.data[i].module;
      if (sm->kind == SMOD_TEXT && sm->module) {
        round_trip(sm->module);
      } else if (sm->kind == SMOD_QUOTE) {
        Error qerr = {0};
        Module *q = text_parse_module("quote", (const char *)sm->bytes.data, sm->bytes.len, &qerr);
        if (q)
          round_trip(q);
        else if (qerr.message[0] == '\0')
          abort();
        module_free(q);
      }
    }
    script_free(s);
  }
  mem_free(src);
  return 0;
}
