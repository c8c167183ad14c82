/* roundtrip: for every module of the given scripts (text modules, and
 * quoted and binary modules that are well-formed), check both formats:
 *  - print it, parse the text: the same abstract syntax, and printing again
 *    gives the same text;
 *  - encode it, decode the bytes: the same abstract syntax, and encoding
 *    again gives the same bytes.
 * Writes one TAP line per script.  With `--dump DIR` first, it writes each
 * module's binary form to DIR instead (seeds for test/fuzz). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "binary/binary.h"
#include "text/text.h"
#include "util/mem.h"

static char *read_file(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = n >= 0 ? mem_alloc((size_t)n + 1) : NULL;
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    mem_free(buf);
    buf = NULL;
  }
  fclose(f);
  if (buf) {
    buf[n] = '\0';
    *len = (size_t)n;
  }
  return buf;
}

/* encode → decode gives the same module, and encoding is a fixpoint. */
static bool check_binary(const Module *m, const char *where)
{
  Buf once, twice;
  buf_init(&once);
  buf_init(&twice);
  encode_module(&once, m);
  Error err = {0};
  Module *back = once.failed ? NULL
                             : decode_module("encoded", (const uint8_t *)once.data, once.len, &err);
  bool ok = false;
  if (!back) {
    printf("# %s: encoded module does not decode: offset %u: %s\n", where, err.loc.col,
           err.message);
  } else if (!module_eq(m, back)) {
    printf("# %s: encoded module decodes to different abstract syntax\n", where);
  } else {
    encode_module(&twice, back);
    ok = twice.len == once.len && memcmp(twice.data, once.data, once.len) == 0;
    if (!ok)
      printf("# %s: encoding is not a fixpoint\n", where);
  }
  module_free(back);
  buf_free(&once);
  buf_free(&twice);
  return ok;
}

/* Checks one module; on failure says why on stdout as a TAP comment. */
static bool check_module(const Module *m, const char *where)
{
  Buf once, twice;
  buf_init(&once);
  buf_init(&twice);
  text_print_module(&once, m);
  Error err = {0};
  Module *back = once.failed ? NULL : text_parse_module("printed", once.data, once.len, &err);
  bool ok = false;
  if (!back) {
    printf("# %s: printed module does not parse: %d:%d: %s\n", where, err.loc.line, err.loc.col,
           err.message);
  } else if (!module_eq(m, back)) {
    printf("# %s: printed module parses to different abstract syntax\n", where);
  } else {
    text_print_module(&twice, back);
    ok = twice.len == once.len && memcmp(twice.data, once.data, once.len) == 0;
    if (!ok)
      printf("# %s: printing is not a fixpoint\n", where);
  }
  module_free(back);
  buf_free(&once);
  buf_free(&twice);
  return ok;
}

static const char *dump_dir;  /* --dump DIR */

/* Writes a module's encoding to DIR/<n>.wasm. */
static bool dump_module(const Module *m, unsigned n)
{
  Buf out;
  buf_init(&out);
  encode_module(&out, m);
  char path[4096];
  snprintf(path, sizeof path, "%s/%u.wasm", dump_dir, n);
  FILE *f = fopen(path, "wb");
  bool ok = f && !out.failed && fwrite(out.data, 1, out.len, f) == out.len;
  if (f)
    ok = fclose(f) == 0 && ok;
  buf_free(&out);
  return ok;
}

/* Checks every module of a script; the number of failures, or -1 if the
 * script does not parse. */
static int check_script(const char *path, unsigned *modules)
{
  size_t len;
  char *text = read_file(path, &len);
  if (!text)
    return -1;
  Error err = {0};
  Script *s = text_parse_script(path, text, len, &err);
  if (!s) {
    printf("# %s:%u:%u: %s\n", path, err.loc.line, err.loc.col, err.message);
    mem_free(text);
    return -1;
  }
  int failures = 0;
  for (uint32_t i = 0; i < s->commands.len; i++) {
    const ScriptModule *sm = &s->commands.data[i].module;
    Loc loc = script_loc(s, s->commands.data[i].at);
    char where[512];
    snprintf(where, sizeof where, "%s:%u:%u", path, loc.line, loc.col);
    Module *loaded = NULL;
    const Module *m = sm->module;
    error_clear(&err);
    if (sm->kind == SMOD_QUOTE)
      m = loaded = text_parse_module(path, (const char *)sm->bytes.data, sm->bytes.len, &err);
    else if (sm->kind == SMOD_BINARY)
      m = loaded = decode_module(path, sm->bytes.data, sm->bytes.len, &err);
    if (m && dump_dir) {
      static unsigned dumped;
      failures += !dump_module(m, ++dumped);
    } else if (m) {
      ++*modules;
      failures += !check_module(m, where) + !check_binary(m, where);
    }
    module_free(loaded);
  }
  script_free(s);
  mem_free(text);
  return failures;
}

int main(int argc, char **argv)
{
  if (argc > 2 && strcmp(argv[1], "--dump") == 0) {
    dump_dir = argv[2];
    argv += 2;
    argc -= 2;
  }
  printf("1..%d\n", argc - 1);
  int failed = 0;
  for (int i = 1; i < argc; i++) {
    unsigned modules = 0;
    int failures = check_script(argv[i], &modules);
    if (failures == 0) {
      printf("ok %d - %s (%u modules)\n", i, argv[i], modules);
    } else {
      printf("not ok %d - %s\n", i, argv[i]);
      failed++;
    }
  }
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
