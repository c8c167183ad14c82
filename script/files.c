/* Reading and writing the files of a run, by their extension, as the
 * official interpreter does (script-format-README.md, "Synopsis"). */

#include "script/files.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "binary/binary.h"
#include "text/text.h"
#include "util/mem.h"

enum { FILE_MAX = 1 << 30 };

void error_where(char *out, size_t n, const Error *err)
{
  if (!err->loc.file)
    snprintf(out, n, "wasmfx-ref");
  else if (err->phase == PHASE_IO)
    snprintf(out, n, "%s", err->loc.file);
  else
    loc_format(out, n, err->loc);
}

bool has_suffix(const char *s, const char *suffix)
{
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
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
      error_at(err, cap < FILE_MAX ? PHASE_LIMIT : PHASE_IO, (Loc){path, 0, 0},
               cap < FILE_MAX ? "out of memory" : "file too large");
      mem_free(buf);
      return NULL;
    }
    buf = bigger;
    cap *= 2;
  }
  if (!buf) {
    error_at(err, PHASE_LIMIT, (Loc){path, 0, 0}, "out of memory");
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
  char *text = read_all(f, path, len, err);
  fclose(f);
  return text;
}

/* A module file: decoded or parsed, kept, validated and instantiated. */
static bool run_module_text(Runner *r, const char *path, char *text, size_t len, bool binary, Error *err)
{
  Module *m = binary ? decode_module(path, (const uint8_t *)text, len, err)
                     : text_parse_module(path, text, len, err);
  if (!m) {
    mem_free(text);
    return false;
  }
  if (!runner_keep(r, NULL, m, text))
    return error_at(err, PHASE_LIMIT, (Loc){path, 0, 0}, "out of memory");
  return run_module_file(r, m, err);
}

bool run_text(Runner *r, const char *name, char *text, size_t len, RunStats *stats, Error *err)
{
  Script *s = text_parse_script(name, text, len, err);
  if (!s) {
    mem_free(text);
    return false;
  }
  if (!runner_keep(r, s, NULL, text))
    return error_at(err, PHASE_LIMIT, (Loc){name, 0, 0}, "out of memory");
  unsigned failed = stats->failed;
  stats->scripts++;
  run_script(r, s, stats);
  return stats->failed == failed;
}

bool run_file(Runner *r, const char *path, RunStats *stats, Error *err)
{
  bool wat = has_suffix(path, ".wat"), wasm = has_suffix(path, ".wasm");
  bool stdin_ = strcmp(path, "-") == 0;
  if (!wat && !wasm && !stdin_ && !has_suffix(path, ".wast"))
    return error_at(err, PHASE_IO, (Loc){path, 0, 0},
                    "unknown file type (expected .wast, .wat or .wasm)");
  size_t len;
  char *text = read_path(path, &len, err);
  if (!text)
    return false;
  if (stdin_) {
    path = "stdin";
    wasm = len >= 4 && memcmp(text, "\0asm", 4) == 0;
  }
  if (wat || wasm)
    return run_module_text(r, path, text, len, wasm, err);
  return run_text(r, path, text, len, stats, err);
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
    return error_at(err, PHASE_LIMIT, (Loc){path, 0, 0}, "out of memory");
  FILE *f = fopen(path, "wb");
  bool ok = f && fwrite(out->data, 1, out->len, f) == out->len;
  if (f)
    ok = fclose(f) == 0 && ok;
  return ok || error_at(err, PHASE_IO, (Loc){path, 0, 0}, "%s", strerror(errno));
}

bool write_output(Runner *r, const char *path, Name id, Error *err)
{
  bool script = path && has_suffix(path, ".wast");
  if (path && !script && !has_suffix(path, ".wat") && !has_suffix(path, ".wasm"))
    return error_at(err, PHASE_IO, (Loc){path, 0, 0},
                    "unknown file type (expected .wast, .bin.wast, .wat or .wasm)");
  const Command *const *cs = NULL;
  uint32_t n = 0;
  const Module *m = script ? NULL : runner_module(r, id);
  if (script ? !runner_script(r, id, &cs, &n) : !m) {
    const char *what = script ? "script" : "module";
    return id.len ? error_at(err, PHASE_SCRIPT, (Loc){0}, "unknown %s $%.*s", what, (int)id.len,
                             (const char *)id.data)
                  : error_at(err, PHASE_SCRIPT, (Loc){0}, "no %s defined", what);
  }
  Buf out;
  buf_init(&out);
  if (script)
    print_commands(&out, cs, n, has_suffix(path, ".bin.wast") ? encode_module : NULL);
  else if (path && has_suffix(path, ".wasm"))
    encode_module(&out, m);
  else
    text_print_module(&out, m);
  bool ok;
  if (path) {
    ok = write_bytes(path, &out, err);
  } else {
    ok = !out.failed || error_at(err, PHASE_LIMIT, (Loc){0}, "out of memory");
    if (ok)
      fprintf(r->out, "%.*s", (int)out.len, out.data);
  }
  buf_free(&out);
  return ok;
}
