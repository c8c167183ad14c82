/* roundtrip: for every module of the given scripts (text modules and quoted
 * modules that parse), print it, parse the printed text, and check that
 * the abstract syntax is the same and that printing is a fixpoint.
 * Writes one TAP line per script. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    Module *quoted = NULL;
    const Module *m = sm->module;
    if (sm->kind == SMOD_QUOTE) {
      error_clear(&err);
      m = quoted = text_parse_module(path, (const char *)sm->bytes.data, sm->bytes.len, &err);
    }
    if (m && (sm->kind == SMOD_TEXT || sm->kind == SMOD_QUOTE)) {
      ++*modules;
      failures += !check_module(m, where);
    }
    module_free(quoted);
  }
  script_free(s);
  mem_free(text);
  return failures;
}

int main(int argc, char **argv)
{
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
