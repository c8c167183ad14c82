/* The script runner.  Until modules can be decoded, validated and run,
 * it checks what the text format alone can: every quoted module parses,
 * and every assert_malformed on a quoted module fails to parse with the
 * expected message. */

#include "script/run.h"

#include <stdarg.h>
#include <string.h>

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

/* Parses the text of (module quote …); NULL with *err set if malformed. */
static Module *parse_quote(const Script *s, const ScriptModule *m, Error *err)
{
  error_clear(err);
  return text_parse_module(s->file, (const char *)m->bytes.data, m->bytes.len, err);
}

/* module: a quoted module must parse */
static void run_module(const Script *s, const Command *c, FILE *out, RunStats *stats)
{
  if (c->module.kind != SMOD_QUOTE)
    return;
  Error err;
  Module *m = parse_quote(s, &c->module, &err);
  if (!m) {
    report(s, c->at, out, "error: quoted module: %s", err.message);
    stats->failed++;
  }
  module_free(m);
}

/* (assert_malformed module failure), for quoted modules */
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
  if (c->module.kind != SMOD_QUOTE)
    return;  /* binary modules are checked once they can be decoded */
  Error err;
  Module *m = parse_quote(s, &c->module, &err);
  if (m) {
    module_free(m);
    report(s, c->at, out, "assertion failure: module is well-formed, expected \"%.*s\"", len,
           expected);
    stats->failed++;
  } else if (!message_matches(err.message, c->failure)) {
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
