/* wasmfx-ref: the command line (after the official reference interpreter's,
 * script-format-README.md "Synopsis"). */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "binary/binary.h"
#include "config.h"
#include "script/js.h"
#include "script/json.h"
#include "script/run.h"
#include "text/text.h"
#include "util/mem.h"

static const char usage[] =
  "Usage: wasmfx-ref [OPTION | FILE]...\n"
  "Run WebAssembly 3.0 + stack-switching scripts and modules.\n"
  "\n"
  "Each FILE is, by its extension, a script to run (.wast) or a module in\n"
  "text (.wat) or binary (.wasm) format.  Options and files are processed in\n"
  "order.\n"
  "\n"
  "  -d                dry mode: read and check modules, run nothing\n"
  "  -u                unchecked mode: do not validate modules\n"
  "  -o FILE           write the preceding module or script to FILE, by its\n"
  "                    extension: a module as text (.wat) or binary (.wasm),\n"
  "                    a script as text (.wast) or with every module in\n"
  "                    binary form (.bin.wast), or as JavaScript that\n"
  "                    runs it on an engine's JS API (.js, doc/js.md)\n"
  "  --features=wasm3  exact WebAssembly 3.0 (no stack switching)\n"
  "      --trace       print every step of an invocation: the call depth, the\n"
  "                    continuations (prompt) and the current frame's labels,\n"
  "                    the instruction, its operands\n"
  "      --json        print one line of JSON per command and assertion, and\n"
  "                    a summary line per script (doc/json.md)\n"

  "  -h, --help        show this help and exit\n"
  "      --version     show the version and exit\n"  "\n"
  "Limits, beyond which a run stops with an error instead of exhausting the\n"
  "machine (SIZE in bytes, or with a K, M or G suffix):\n"
  "  --fuel=N          work of one invocation (10000000000): \"out of fuel\"; a\n"
  "                    unit a step, and one per element or 64 bytes that a bulk\n"
  "                    instruction touches\n"
  "  --max-depth=N     active calls (100000): \"call stack exhausted\"\n"
  "  --max-heap=SIZE   live GC objects and stacks (4G): \"out of memory\"\n"
  "  --max-memory=SIZE linear memories together (5G): memory.grow fails\n"
  "  --timeout=SECONDS wall-clock time of each file's run (none): \"timeout\"\n"
  "\n"
  "A bare (invoke ...) or (get ...) prints its results on stdout as the\n"
  "official interpreter does (`3 : [i32]`); each script ends with a line\n"
  "`N passed, N failed` counting assertions.  Messages go to stderr.\n"
  "\n"
  "A run stops at the first error outside an assertion.  Exit status:\n"
  "   0  success: everything ran, every assertion passed\n"
  "   1  an assertion failed\n"
  "   2  usage error (bad option or value)\n"
  "   3  malformed module or script, or a command that cannot be carried out\n"
  "   4  invalid module (with -u: a runtime crash, ill-typed code about to run)\n"
  "   5  unlinkable module\n"
  "   6  trap\n"
  "   7  uncaught exception\n"
  "   8  unhandled suspension\n"
  "   9  exhaustion (call stack)\n"
  "  10  limit reached (fuel, heap, memory)\n"
  "  11  timeout\n"
  "  12  file I/O error\n";

/* N, or N with a K, M or G suffix for SIZE; false if malformed. */
static bool parse_count(const char *s, bool size, uint64_t *out)
{
  char *end;
  errno = 0;
  unsigned long long n = strtoull(s, &end, 10);
  if (errno || end == s || *s == '-')
    return false;
  unsigned shift = 0;
  if (size && *end) {
    const char *units = "KMG", *u = strchr(units, *end);
    if (!u || end[1])
      return false;
    shift = 10 * (unsigned)(u - units + 1);
    end++;
  }
  if (*end || n > (UINT64_MAX >> shift))
    return false;
  *out = (uint64_t)n << shift;
  return true;
}

/* --fuel=N and the other limits; false if `a` is not one of them or its
 * value is malformed (then *bad is set). */
static bool parse_limit(const char *a, StoreLimits *l, bool *bad)
{
  static const struct { const char *prefix; bool size; } limits[] = {
    {"--fuel=", false}, {"--max-depth=", false}, {"--max-heap=", true}, {"--max-memory=", true},
    {"--timeout=", false},
  };
  for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
    size_t n = strlen(limits[i].prefix);
    if (strncmp(a, limits[i].prefix, n) != 0)
      continue;
    uint64_t v;
    *bad = !parse_count(a + n, limits[i].size, &v) || (i == 1 && (v == 0 || v > UINT32_MAX));
    if (!*bad) {
      switch (i) {
      case 0: l->fuel = v; break;
      case 1: l->call_depth = (uint32_t)v; break;
      case 2: l->heap_bytes = v; break;
      case 4: l->timeout = v; break;
      default: l->memory_bytes = v; break;
      }
    }
    return true;
  }
  return false;
}

/* What the last FILE was, for -o. */
typedef struct Loaded {
  char *text;        /* the file's contents, NUL-terminated */
  Script *script;    /* a .wast */
  Module *module;    /* a .wat or .wasm */
} Loaded;

static void loaded_free(Loaded *l)
{
  script_free(l->script);
  module_free(l->module);
  mem_free(l->text);
  *l = (Loaded){0};
}

static bool has_suffix(const char *s, const char *suffix)
{
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

enum { FILE_MAX = 1 << 30 };

/* Reads a whole file, NUL-terminated; NULL with a message on failure. */
static char *read_file(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "%s: error: %s\n", path, strerror(errno));
    return NULL;
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = mem_alloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n - 1, f);
    if (ferror(f) || n < cap - 1)
      break;
    if (cap >= FILE_MAX) {
      fprintf(stderr, "%s: error: file too large\n", path);
      mem_free(buf);
      buf = NULL;
      break;
    }
    char *bigger = mem_realloc(buf, cap * 2);
    if (!bigger) {
      mem_free(buf);
      buf = NULL;
      break;
    }
    buf = bigger;
    cap *= 2;
  }
  if (buf && ferror(f)) {
    fprintf(stderr, "%s: error: %s\n", path, strerror(errno));
    mem_free(buf);
    buf = NULL;
  } else if (!buf && !ferror(f)) {
    fprintf(stderr, "%s: error: out of memory\n", path);
  }
  fclose(f);
  if (buf) {
    buf[n] = '\0';
    *len = n;
  }
  return buf;
}

/* file:line:col: error: … for text; file:0xOFFSET: error: … for binaries;
 * what comes of running a module is named as in scripts ("runtime trap:").
 * Then the backtrace, if there is one. */
static void print_error(const Error *err, const Buf *backtrace)
{
  char where[ERROR_MESSAGE_MAX];
  loc_format(where, sizeof where, err->loc);
  bool reading = err->phase == PHASE_MALFORMED || err->phase == PHASE_INVALID;
  fprintf(stderr, "%s: %s: %s\n", where, reading ? "error" : phase_name(err->phase), err->message);
  if (backtrace && backtrace->len)
    fprintf(stderr, "%.*s", (int)backtrace->len, backtrace->data);
}

/* Loads and runs one FILE; its exit status if it stops the run
 * (STATUS_FAILED if an assertion failed, STATUS_OK otherwise). */
static int run_file(const char *path, Runner *r, Loaded *l)
{
  loaded_free(l);
  size_t len;
  l->text = read_file(path, &len);
  if (!l->text)
    return run_status(PHASE_IO);
  Error err = {0};
  if (has_suffix(path, ".wat") || has_suffix(path, ".wasm")) {
    l->module = has_suffix(path, ".wat")
                    ? text_parse_module(path, l->text, len, &err)
                    : decode_module(path, (const uint8_t *)l->text, len, &err);
    Buf bt;
    buf_init(&bt);
    if (l->module && run_module_file(r, l->module, &bt, &err))
      error_clear(&err);
    else
      print_error(&err, &bt);
    buf_free(&bt);
    return run_status(err.phase);
  }
  if (!has_suffix(path, ".wast")) {
    fprintf(stderr, "%s: error: unknown file type (expected .wast, .wat or .wasm)\n", path);
    return STATUS_USAGE;
  }
  l->script = text_parse_script(path, l->text, len, &err);
  if (!l->script) {
    print_error(&err, NULL);
    if (r->opt.json)
      json_summary(stdout, path, 0, 0, err.phase, run_status(err.phase));
    return run_status(err.phase);
  }
  RunStats stats = {0};
  Phase fatal = run_script(r, l->script, &stats);
  int status = fatal != PHASE_NONE ? run_status(fatal) : stats.failed ? STATUS_FAILED : STATUS_OK;
  if (r->opt.json)
    json_summary(stdout, path, stats.passed, stats.failed, fatal, status);
  else
    printf("%u passed, %u failed\n", stats.passed, stats.failed);
  fflush(stdout);
  return status;
}

/* -o FILE: writes the last module or script, in the format FILE's
 * extension asks for; its exit status if it fails. */
static int write_output(const char *path, const Loaded *l)
{
  Buf out;
  buf_init(&out);
  if (l->module && has_suffix(path, ".wasm")) {
    encode_module(&out, l->module);
  } else if (l->module && (has_suffix(path, ".wat") || has_suffix(path, ".wast"))) {
    text_print_module(&out, l->module);
  } else if (l->script && has_suffix(path, ".js")) {
    js_print_script(&out, l->script);
  } else if (l->script && has_suffix(path, ".bin.wast")) {
    text_print_script(&out, l->script, encode_module);
  } else if (l->script && has_suffix(path, ".wast")) {
    text_print_script(&out, l->script, NULL);
  } else {
    fprintf(stderr, "%s: error: nothing to write as %s: -o writes the preceding %s\n", path,
            strrchr(path, '.') ? strrchr(path, '.') : "this",
            l->script ? "script (.wast, .bin.wast, .js)" : "module (.wat, .wasm) or script");
    buf_free(&out);
    return STATUS_USAGE;
  }
  bool ok = !out.failed;
  FILE *f = ok ? fopen(path, "wb") : NULL;
  if (f) {
    ok = fwrite(out.data, 1, out.len, f) == out.len;
    ok = fclose(f) == 0 && ok;
  } else {
    ok = false;
  }
  if (!ok)
    fprintf(stderr, "%s: error: %s\n", path, out.failed ? "out of memory" : strerror(errno));
  int status = ok ? STATUS_OK : out.failed ? run_status(PHASE_LIMIT) : run_status(PHASE_IO);
  buf_free(&out);
  return status;
}

int main(int argc, char **argv)
{
  if (argc == 1) {
    fputs(usage, stderr);
    return STATUS_USAGE;
  }
  RunOptions opt = {.limits = store_default_limits};
  Loaded loaded = {0};
  Runner runner;
  bool started = false;  /* the runner starts with the first file */
  int status = -1;       /* set when something ends the run early */
  bool failed = false;   /* an assertion failed */
  bool bad = false;
  for (int i = 1; i < argc && status < 0; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage, stdout);
      status = 0;
    } else if (strcmp(a, "--version") == 0) {
      printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      status = 0;
    } else if (strcmp(a, "-d") == 0) {
      opt.dry = true;
    } else if (strcmp(a, "-u") == 0) {
      opt.unchecked = true;
    } else if (strcmp(a, "--features=wasm3") == 0) {
      opt.wasm3 = true;
    } else if (strcmp(a, "--trace") == 0) {
      opt.trace = true;
    } else if (strcmp(a, "--json") == 0) {
      opt.json = true;
    } else if (parse_limit(a, &opt.limits, &bad)) {
      if (bad) {
        fprintf(stderr, "wasmfx-ref: bad value in '%s'\nTry 'wasmfx-ref --help'.\n", a);
        status = STATUS_USAGE;
      }
    } else if (strcmp(a, "-o") == 0) {
      if (i + 1 == argc) {
        fprintf(stderr, "wasmfx-ref: -o needs a file name\n%s", usage);
        status = STATUS_USAGE;
      } else {
        int st = write_output(argv[++i], &loaded);
        status = st != STATUS_OK ? st : status;
      }
    } else if (a[0] == '-' && a[1] != '\0') {
      fprintf(stderr, "wasmfx-ref: unknown option '%s'\nTry 'wasmfx-ref --help'.\n", a);
      status = STATUS_USAGE;
    } else {
      if (!started)
        runner_init(&runner, &opt, stdout);
      started = true;
      runner.opt = opt;
      int st = run_file(a, &runner, &loaded);
      failed = failed || st == STATUS_FAILED;
      status = st != STATUS_OK && st != STATUS_FAILED ? st : status;
    }
  }
  loaded_free(&loaded);
  if (started)
    runner_free(&runner);
  return status >= 0 ? status : failed ? STATUS_FAILED : STATUS_OK;
}
