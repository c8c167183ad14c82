/* libFuzzer target for the text parser: any text must parse as a script or
 * be rejected with an error, never crash, read out of bounds or leak.  What
 * parses must also survive print → parse unchanged. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "util/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *src = mem_alloc(size + 1);  /* the parser wants a NUL after the text */
  if (!src)
    return 0;
  memcpy(src, data, size);
  src[size] = '\0';
  Error err = {0};
  Module *m = text_parse_module("fuzz", src, size, &err);
  if (!m) {
    if (err.phase == PHASE_NONE || err.message[0] == '\0')
      abort();
  } else {
    Buf out;
    buf_init(&out);
    text_print_module(&out, m);
    Error err2 = {0};
    Module *back = text_parse_module("printed", out.data, out.len, &err2);
    if (!back || !module_eq(m, back))
      abort();  /* print(m) must parse to m */
    module_free(back);
    buf_free(&out);
    module_free(m);
  }
  mem_free(src);
  return 0;
}
