/* Reading and writing the files of a run, by their extension, as the
 * official interpreter does (script-format-README.md, "Synopsis"). */

#define _POSIX_C_SOURCE 200809L   /* fileno */

#include "script/files.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "binary/binary.h"
#include "interp/wasi.h"
#include "script/js.h"
#include "script/messages.h"
#include "text/text.h"
#include "util/mem.h"

enum { FILE_MAX = 1 << 30 };

void error_where(char *out, size_t n, const Error *err)
{
  if (!err->loc.file)
    snprintf(out, n, "wasmfx-ref");
  else if (err->phase == PHASE_IO || err->phase == PHASE_SCRIPT)   /* of the whole file */
    snprintf(out, n, "%s", err->loc.file);
  else
    loc_format(out, n, err->loc);
}

void report_error(Runner *r, const Error *err, const Buf *backtrace)
{
  if (err->phase == PHASE_NONE)
    return;
  char where[ERROR_MESSAGE_MAX];
  error_where(where, sizeof where, err);
  bool reading = err->phase == PHASE_MALFORMED || err->phase == PHASE_INVALID
              || err->phase == PHASE_IO || err->phase == PHASE_SCRIPT;
  fflush(r->out);   /* results before the message, when both go to a terminal */
  fprintf(r->err, "%s: %s: %s\n", where, reading ? "error" : phase_name(err->phase), err->message);
  if (backtrace && backtrace->len)
    fprintf(r->err, "%.*s", (int)backtrace->len, backtrace->data);
}

int input_status(Phase fatal, const RunStats *stats)
{
  return fatal != PHASE_NONE ? run_status(fatal) : stats->failed ? STATUS_FAILED : STATUS_OK;
}

bool status_is_error(int status)
{
  return status != STATUS_OK && status != STATUS_FAILED;
}

int status_worse(int status, int st)
{
  if (status_is_error(status) || st == STATUS_OK)
    return status;
  return status_is_error(st) ? st : STATUS_FAILED;
}

bool has_suffix(const char *s, const char *suffix)
{
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

bool file_type_known(const char *path, bool output, Error *err)
{
  if (has_suffix(path, ".wast") || has_suffix(path, ".wat") || has_suffix(path, ".wasm")
      || (output && has_suffix(path, ".js")) || (!output && strcmp(path, "-") == 0))
    return true;
  return error_at(err, PHASE_SCRIPT, (Loc){path, 0, 0}, SCRIPT_FILE_TYPE,
                  output ? SCRIPT_FILE_TYPES_OUT : SCRIPT_FILE_TYPES_IN);
}

/* Reads all of f, NUL-terminated; NULL with err set on failure. */
static char *read_all(FILE *f, const char *path, size_t *len, Error *err)
{
  size_t cap = 1 << 16, n = 0;
  char *buf = mem_alloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n - 1, f);
    if (ferror(f) || n < cap - 1)
      break;
    char *bigger = cap < FILE_MAX ? mem_realloc(buf, cap * 2) : NULL;
    if (!bigger) {
      error_at(err, PHASE_EXHAUSTION, (Loc){path, 0, 0}, cap < FILE_MAX ? EXHAUSTION_OUT_OF_MEMORY : EXHAUSTION_FILE_SIZE);
      mem_free(buf);
      return NULL;
    }
    buf = bigger;
    cap *= 2;
  }
  if (!buf) {
    error_at(err, PHASE_EXHAUSTION, (Loc){path, 0, 0}, EXHAUSTION_OUT_OF_MEMORY);
  } else if (ferror(f)) {
    error_at(err, PHASE_IO, (Loc){path, 0, 0}, "%s", strerror(errno));
    mem_free(buf);
    return NULL;
  } else {
    buf[n] = '\0';
    *len = n;
  }
  return buf;
}

/* A whole file, or standard input for "-"; NULL with err set. */
static char *read_path(const char *path, size_t *len, Error *err)
{
  if (strcmp(path, "-") == 0)
    return read_all(stdin, "stdin", len, err);
  FILE *f = fopen(path, "rb");
  if (!f) {
    error_at(err, PHASE_IO, (Loc){path, 0, 0}, "%s", strerror(errno));
    return NULL;
  }
  struct stat st;   /* a regular file too large is refused before it is read */
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size >= FILE_MAX - 1) {
    fclose(f);
    error_at(err, PHASE_EXHAUSTION, (Loc){path, 0, 0}, EXHAUSTION_FILE_SIZE);
    return NULL;
  }
  char *text = read_all(f, path, len, err);
  fclose(f);
  return text;
}

/* The text a script or module (whichever is not NULL) was parsed from,
 * kept by the runner as long as what it defines stays bound; false with
 * err set if parsing failed (the text is freed) or memory ran out. */
static bool keep_parsed(Runner *r, Script *s, Module *m, char *text, const char *name, Error *err)
{
  if (!s && !m) {
    mem_free(text);
    return false;
  }
  if (!runner_keep(r, s, m, text)) {   /* at the start: a script is text, a module either */
    error_at(err, PHASE_EXHAUSTION, m ? module_loc(m, 0) : (Loc){name, 1, 1}, EXHAUSTION_OUT_OF_MEMORY);
    return false;
  }
  return true;
}

/* A module file: decoded or parsed, kept, validated and instantiated. */
static Phase run_module_text(Runner *r, const char *path, char *text, size_t len, bool binary,
                             Buf *backtrace, Error *err)
{
  Module *m = binary ? decode_module(path, (const uint8_t *)text, len, err)
                     : text_parse_module(path, text, len, err);
  if (!keep_parsed(r, NULL, m, text, path, err))
    return err->phase;
  return run_module_file(r, m, backtrace, err) ? PHASE_NONE : err->phase;
}

Phase run_text(Runner *r, const char *name, char *text, size_t len, RunStats *stats, Error *err)
{
  stats->scripts++;
  Script *s = text_parse_script(name, text, len, err);
  if (!keep_parsed(r, s, NULL, text, name, err))
    return err->phase;
  return run_script(r, s, stats);
}

int run_text_status(Runner *r, const char *name, char *text, size_t len)
{
  RunStats stats = {0};
  Error err = {0};
  Phase fatal = run_text(r, name, text, len, &stats, &err);
  report_error(r, &err, NULL);
  fflush(r->out);
  return input_status(fatal, &stats);
}

/* Whether n bytes hold a word. */
static bool contains(const char *bytes, size_t n, const char *word)
{
  size_t len = strlen(word);
  for (size_t i = 0; i + len <= n; i++)
    if (bytes[i] == word[0] && memcmp(bytes + i, word, len) == 0)
      return true;
  return false;
}

int run_command_file(Runner *r, int argc, char *const *argv)
{
  const char *path = argv[0];
  bool wasm = has_suffix(path, ".wasm");
  Error err = {0};
  size_t len;
  char *text = read_path(path, &len, &err);
  /* a binary names its imports' modules and its exports in plain bytes:
   * one without both names is no command, and needs no decoding here */
  bool maybe = text && (!wasm || (contains(text, len, "wasi_snapshot_preview1")
                                  && contains(text, len, "_start")));
  Module *m = !maybe ? NULL
            : wasm ? decode_module(path, (const uint8_t *)text, len, &err)
                   : text_parse_module(path, text, len, &err);
  if (!m || !wasi_is_command(m)) {   /* read as any module file, which reports its errors */
    module_free(m);
    mem_free(text);
    return -1;
  }
  int status;
  Buf bt;
  buf_init(&bt);
  if (!keep_parsed(r, NULL, m, text, path, &err) || !run_wasi_command(r, m, argc, argv, &status, &bt, &err))
    status = run_status(err.phase);
  report_error(r, &err, &bt);
  buf_free(&bt);
  fflush(r->out);
  return status;
}

Phase run_file(Runner *r, const char *path, RunStats *stats, Buf *backtrace, Error *err)
{
  bool wat = has_suffix(path, ".wat"), wasm = has_suffix(path, ".wasm");
  bool stdin_ = strcmp(path, "-") == 0;
  if (!file_type_known(path, false, err))
    return err->phase;
  size_t len;
  char *text = read_path(path, &len, err);
  if (!text)
    return err->phase;
  if (stdin_) {
    path = "stdin";
    wasm = len >= 4 && memcmp(text, "\0asm", 4) == 0;
  }
  if (wat || wasm)
    return run_module_text(r, path, text, len, wasm, backtrace, err);
  return run_text(r, path, text, len, stats, err);
}

/* The script a command ran from, for the JS's positions. */
static const Script *script_of(void *r, const Command *c)
{
  return runner_script_of(r, c);
}

/* The script's commands as text, its modules in binary with encode. */
static void print_commands(Buf *out, const Command *const *cs, uint32_t n, ModuleEncoder encode)
{
  for (uint32_t i = 0; i < n; i++) {
    text_print_command(out, cs[i], encode);
    buf_putc(out, '\n');
  }
}

/* Writes out's bytes to path; false with err set. */
static bool write_bytes(const char *path, const Buf *out, Error *err)
{
  if (out->failed)
    return error_at(err, PHASE_EXHAUSTION, (Loc){path, 0, 0}, EXHAUSTION_OUT_OF_MEMORY);
  FILE *f = fopen(path, "wb");
  bool ok = f && fwrite(out->data, 1, out->len, f) == out->len;
  if (f)
    ok = fclose(f) == 0 && ok;
  return ok || error_at(err, PHASE_IO, (Loc){path, 0, 0}, "%s", strerror(errno));
}

bool write_output(Runner *r, const char *path, Name id, Error *err)
{
  bool js = path && has_suffix(path, ".js");
  bool script = path && (has_suffix(path, ".wast") || js);
  if (path && !file_type_known(path, true, err))
    return false;
  const Command *const *cs = NULL;
  uint32_t n = 0;
  const Module *m = script ? NULL : runner_module(r, id);
  if (script ? !runner_script(r, id, &cs, &n) : !m) {
    const char *what = script ? "script" : "module";
    return id.len ? error_at(err, PHASE_SCRIPT, (Loc){0}, SCRIPT_UNKNOWN_OUTPUT, what, (int)id.len,
                             (const char *)id.data)
                  : error_at(err, PHASE_SCRIPT, (Loc){0}, SCRIPT_NO_OUTPUT, what);
  }
  if (js && (n == 0 || !runner_script_of(r, cs[0])))   /* a module file ran last */
    return error_at(err, PHASE_SCRIPT, (Loc){path, 0, 0},
                    SCRIPT_NO_JS);
  Buf out;
  buf_init(&out);
  if (js)
    js_print_commands(&out, path, cs, n, script_of, r);
  else if (script)
    print_commands(&out, cs, n, has_suffix(path, ".bin.wast") ? encode_module : NULL);
  else if (path && has_suffix(path, ".wasm"))
    encode_module(&out, m);
  else
    text_print_module(&out, m);
  bool ok;
  if (path) {
    ok = write_bytes(path, &out, err);
  } else {
    ok = !out.failed || error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY);
    if (ok)
      fprintf(r->out, "%.*s", (int)out.len, out.data);
  }
  buf_free(&out);
  return ok;
}
