/* libFuzzer target for the oracle's --run-all-exports: any bytes, decoded
 * as a module file, given stand-ins for missing imports (--dummy-imports)
 * and, if it instantiates, every export called with zero arguments, as a
 * harness comparing us with wasm-opt --fuzz-exec does.  It must end with a
 * log or an error with a position — never a crash, a sanitizer report, a
 * leak or a hang. */

#include <stdint.h>
#include <stdlib.h>

#include "binary/binary.h"
#include "script/direct.h"
#include "script/run.h"
#include "test/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  Error err = {0};
  Module *m = decode_module("fuzz.wasm", data, size, &err);
  if (!m)
    return 0;   /* the decode target checks the decoder's errors */
  Runner r;
  if (!fuzz_runner(&r, false)) {
    module_free(m);
    return 0;
  }
  r.opt.dummy_imports = true;
  Buf bt;
  buf_init(&bt);
  if (run_module_file(&r, m, &bt, &err))
    direct_run_all(&r);
  else if (err.loc.file == NULL || err.message[0] == '\0')
    abort();   /* every error has a position and says why */
  buf_free(&bt);
  runner_free(&r);   /* its store refers to the module's code */
  module_free(m);
  return 0;
}
