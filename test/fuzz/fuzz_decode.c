/* libFuzzer target for the binary decoder: any bytes must decode or be
 * rejected with an error, never crash, read out of bounds or leak.  What
 * decodes must also survive encode → decode unchanged. */

#include <stdint.h>
#include <stdlib.h>

#include "binary/binary.h"
#include "test/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  Error err = {0};
  Module *m = decode_module("fuzz", data, size, &err);
  if (!m) {
    if (err.phase == PHASE_NONE || err.message[0] == '\0')
      abort();  /* a failure must say why */
    return 0;
  }
  Buf out;
  buf_init(&out);
  encode_module(&out, m);
  Error err2 = {0};
  Module *back = decode_module("fuzz", (const uint8_t *)out.data, out.len, &err2);
  if (!back || !module_eq(m, back))
    abort();  /* encode(m) must decode to m */
  module_free(back);
  buf_free(&out);
  module_free(m);
  return 0;
}
