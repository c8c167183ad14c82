/* libFuzzer target for -u (unchecked mode): any text, run as a script with
 * validation off when modules are defined, and as a module file, must end
 * with a result or an error ("runtime crash" for ill-typed code about to
 * run) — never a crash, a sanitizer report, a leak or a hang.  An
 * unvalidated module must also survive what -u is for: conversion to text
 * and binary (-u -d -o). */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "binary/binary.h"
#include "script/run.h"
#include "text/text.h"
#include "test/fuzz/fuzz.h"
#include "util/mem.h"

/* -o m.wat and -o m.wasm of a module nobody validated */
static void convert(const Module *m)
{
  Buf out;
  buf_init(&out);
  text_print_module(&out, m);
  buf_free(&out);
  buf_init(&out);
  encode_module(&out, m);
  buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *src = fuzz_text(data, size);
  Runner r;
  if (!src || !fuzz_runner(&r, true)) {
    mem_free(src);
    return 0;
  }
  Error err = {0};
  Script *s = text_parse_script("fuzz", src, size, &err);
  if (s) {
    for (uint32_t i = 0; i < s->commands.len; i++)
      if (s->commands.data[i].module.kind == SMOD_TEXT && s->commands.data[i].module.module)
        convert(s->commands.data[i].module.module);
    RunStats stats = {0};
    Phase fatal = run_script(&r, s, &stats);
    if (run_status(fatal) == 4 && fatal != PHASE_INTERNAL && fatal != PHASE_INVALID)
      abort();   /* the status map must stay one map */
  }
  error_clear(&err);
  Module *m = text_parse_module("fuzz.wat", src, size, &err);   /* the same text as a .wat */
  if (m) {
    convert(m);
    Buf bt;
    buf_init(&bt);
    if (!run_module_file(&r, m, &bt, &err) && (err.loc.file == NULL || err.message[0] == '\0'))
      abort();   /* every error has a position and says why */
    buf_free(&bt);
  }
  runner_free(&r);   /* its shared store refers to the script's and the module's code */
  module_free(m);
  script_free(s);
  mem_free(src);
  return 0;
}
