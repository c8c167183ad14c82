/* The script runner.  Until modules can be run, it checks what decoding,
 * parsing and validation can: every module is well-formed and valid, every
 * assert_malformed fails to decode or parse and every assert_invalid fails
 * to validate, with the expected message. */

#include "script/run.h"

#include <stdarg.h>
#include <string.h>

#include "binary/binary.h"
#include "text/text.h"
#include "validate/validate.h"

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

void runner_init(Runner *r, const RunOptions *opt, FILE *out)
{
  r->opt = *opt;
  r->out = out;
  typestore_init(&r->types);
}

void runner_free(Runner *r)
{
  typestore_free(&r->types);
}

static bool validate(Runner *r, const Module *m, Error *err)
{
  ValidateOptions vo = {.stack_switching = !r->opt.wasm3};
  return r->opt.unchecked || validate_module(&r->types, m, &vo, err);
}

bool run_module_file(Runner *r, const Module *m, Error *err)
{
  return validate(r, m, err);
}

/* The module of a command, loaded and validated; NULL with err set. */
static Module *valid_module(Runner *r, const Script *s, const ScriptModule *sm, Module **owned,
                            Error *err)
{
  *owned = NULL;
  const Module *m = sm->module;
  if (sm->kind != SMOD_TEXT)
    m = *owned = load_module(s, sm, err);
  if (!m)
    return NULL;
  error_clear(err);
  if (!validate(r, m, err))
    return NULL;
  return (Module *)m;
}

/* module: well-formed and valid */
static void run_module(Runner *r, const Script *s, const Command *c, RunStats *stats)
{
  Error err;
  Module *owned;
  if (!valid_module(r, s, &c->module, &owned, &err)) {
    report(s, c->at, r->out, "error: %s", err.message);
    stats->failed++;
  }
  module_free(owned);
}

/* (assert_invalid module failure) */
static void run_assert_invalid(Runner *r, const Script *s, const Command *c, RunStats *stats)
{
  const char *expected = (const char *)c->failure.data;
  int len = (int)c->failure.len;
  if (r->opt.unchecked)
    return;
  Error err = {0};
  Module *owned = NULL;
  const Module *m = c->module.module;
  if (c->module.kind != SMOD_TEXT)
    m = owned = load_module(s, &c->module, &err);
  if (!m) {
    report(s, c->at, r->out, "assertion failure: module is malformed (%s), expected invalid \"%.*s\"",
           err.message, len, expected);
    stats->failed++;
    return;
  }
  error_clear(&err);
  if (validate(r, m, &err)) {
    report(s, c->at, r->out, "assertion failure: module is valid, expected \"%.*s\"", len, expected);
    stats->failed++;
  } else if (!message_matches(err.message, c->failure)) {
    report(s, c->at, r->out, "assertion failure: wrong error \"%s\", expected \"%.*s\"",
           err.message, len, expected);
    stats->failed++;
  } else {
    stats->passed++;
  }
  module_free(owned);
}

/* (assert_malformed module failure) */
static void run_assert_malformed(Runner *r, const Script *s, const Command *c, RunStats *stats)
{
  FILE *out = r->out;
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

void run_script(Runner *r, const Script *s, RunStats *stats)
{
  for (uint32_t i = 0; i < s->commands.len; i++) {
    const Command *c = &s->commands.data[i];
    switch (c->kind) {
    case CMD_MODULE:
    case CMD_ASSERT_UNLINKABLE:
    case CMD_ASSERT_TRAP_MODULE:
      run_module(r, s, c, stats);
      break;
    case CMD_ASSERT_INVALID:
      run_assert_invalid(r, s, c, stats);
      break;
    case CMD_ASSERT_MALFORMED:
      run_assert_malformed(r, s, c, stats);
      break;
    default:
      break;
    }
    if (!r->opt.dry && needs_execution(c->kind))
      stats->not_run++;
  }
}
