/* The script runner.  Until modules can be validated and run, it checks
 * what the text and binary formats alone can: every binary and quoted
 * module is well-formed, and every assert_malformed fails to decode or
 * parse with the expected message. */

#include "script/run.h"

#include <stdarg.h>
#include <string.h>

#include "binary/binary.h"
#include "text/text.h"

/* The official interpreter's rule: the actual message must start with the
 * expected one. */
static bool message_matches(const char *actual, Bytes expected)
{
  return strlen(actual) >= expected.len && memcmp(actual, expected.data, expected.len) == 0;
}

__attribute__((format(printf, 4, 5)))
static void report(const Script *s, uint32_t at, FILE *out, const char *fmt, ...)
{
  Loc loc = script_loc(s, at);
  fprintf(out, "%s:%u:%u: ", loc.file, loc.line, loc.col);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(out, fmt, ap);
  va_end(ap);
  fputc('\n', out);
}

/* The module of a (module binary …) or (module quote …): decoded or
 * parsed now, so that assertions can observe the error.  NULL with *err set
 * if malformed. */
static Module *load_module(const Script *s, const ScriptModule *m, Error *err)
{
  error_clear(err);
  if (m->kind == SMOD_BINARY)
    return decode_module(s->file, m->bytes.data, m->bytes.len, err);
  return text_parse_module(s->file, (const char *)m->bytes.data, m->bytes.len, err);
}

/* module: a binary or quoted module must be well-formed */
static void run_module(const Script *s, const Command *c, FILE *out, RunStats *stats)
{
  if (c->module.kind == SMOD_TEXT)
    return;
  Error err;
  Module *m = load_module(s, &c->module, &err);
  if (!m) {
    report(s, c->at, out, "error: %s module: %s",
           c->module.kind == SMOD_BINARY ? "binary" : "quoted", err.message);
    stats->failed++;
  }
  module_free(m);
}

/* (assert_malformed module failure) */
static void run_assert_malformed(const Script *s, const Command *c, FILE *out, RunStats *stats)
{
  const char *expected = (const char *)c->failure.data;
  int len = (int)c->failure.len;
  if (c->module.kind == SMOD_TEXT) {
    report(s, c->at, out, "assertion failure: a text module is well-formed, expected \"%.*s\"",
           len, expected);
    stats->failed++;
    return;
  }
  Error err;
  Module *m = load_module(s, &c->module, &err);
  if (m) {
    module_free(m);
    report(s, c->at, out, "assertion failure: module is well-formed, expected \"%.*s\"", len,
           expected);
    stats->failed++;
  } else if (err.phase != PHASE_MALFORMED || !message_matches(err.message, c->failure)) {
    report(s, c->at, out, "assertion failure: wrong error \"%s\", expected \"%.*s\"",
           err.message, len, expected);
    stats->failed++;
  } else {
    stats->passed++;
  }
}

/* Whether a command needs modules to be instantiated or run. */
static bool needs_execution(CommandKind k)
{
  switch (k) {
  case CMD_INSTANCE: case CMD_REGISTER: case CMD_ACTION: case CMD_ASSERT_RETURN:
  case CMD_ASSERT_TRAP: case CMD_ASSERT_TRAP_MODULE: case CMD_ASSERT_EXHAUSTION:
  case CMD_ASSERT_EXCEPTION: case CMD_ASSERT_SUSPENSION: case CMD_ASSERT_UNLINKABLE:
    return true;
  default:
    return false;
  }
}

void run_script(const Script *s, const RunOptions *opt, FILE *out, RunStats *stats)
{
  for (uint32_t i = 0; i < s->commands.len; i++) {
    const Command *c = &s->commands.data[i];
    switch (c->kind) {
    case CMD_MODULE:
    case CMD_ASSERT_INVALID:
    case CMD_ASSERT_UNLINKABLE:
    case CMD_ASSERT_TRAP_MODULE:
      run_module(s, c, out, stats);
      break;
    case CMD_ASSERT_MALFORMED:
      run_assert_malformed(s, c, out, stats);
      break;
    default:
      break;
    }
    if (!opt->dry && needs_execution(c->kind))
      stats->not_run++;
  }
}
