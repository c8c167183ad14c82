/* wasmfx-ref: the command line (after the official reference interpreter's,
 * script-format-README.md "Synopsis"). */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "config.h"
#include "script/files.h"
#include "script/repl.h"
#include "script/run.h"
#include "util/mem.h"

static const char usage[] =
  "Usage: wasmfx-ref [OPTION | FILE]...\n"
  "Run WebAssembly 3.0 + stack-switching scripts and modules.\n"
  "\n"
  "Each FILE is, by its extension, a script to run (.wast) or a module in\n"
  "text (.wat) or binary (.wasm) format.  Options and files are processed in\n"
  "order, and share one store: a file can import what an earlier one registered.\n"
  "\n"
  "  -d                dry mode: read and check modules, run nothing\n"
  "  -u                unchecked mode: do not validate modules\n"
  "  -o FILE           write the latest module or script to FILE, by its\n"
  "                    extension: a module as text (.wat) or binary (.wasm),\n"
  "                    a script as text (.wast) or with every module in\n"
  "                    binary form (.bin.wast)\n"
  "  -e COMMAND        run a script command, in order with the files\n"
  "  -                 read a script from standard input\n"
  "  -i                then read commands interactively (the default with no\n"
  "                    FILE on a terminal)\n"
  "  -s                show each module's imports and exports as it is defined\n"
  "  --features=wasm3  exact WebAssembly 3.0 (no stack switching)\n"
  "      --trace       print every step of an invocation: the call depth, the\n"
  "                    continuations (prompt) and the current frame's labels,\n"
  "                    the instruction, its operands\n"

  "  -h, --help        show this help and exit\n"
  "      --version     show the version and exit\n"  "\n"
  "Limits, beyond which a run stops with an error instead of exhausting the\n"
  "machine (SIZE in bytes, or with a K, M or G suffix):\n"
  "  --fuel=N          steps of one invocation (10000000000): \"out of fuel\"\n"
  "  --max-depth=N     active calls (100000): \"call stack exhausted\"\n"
  "  --max-heap=SIZE   live GC objects and stacks (4G): \"out of memory\"\n"
  "  --max-memory=SIZE linear memories together (5G): memory.grow fails\n"
  "\n"
  "Each script ends with a line `N passed, N failed` counting assertions.\n"
  "Exit status: 0 if everything passed, 1 if anything failed, 2 on bad usage.\n";

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
      default: l->memory_bytes = v; break;
      }
    }
    return true;
  }
  return false;
}

/* file:line:col: error: … for text; file:0xOFFSET: error: … for binaries */
static void print_error(const Error *err)
{
  char where[ERROR_MESSAGE_MAX];
  error_where(where, sizeof where, err);
  fprintf(stderr, "%s: error: %s\n", where, err->message);
}

/* Runs one FILE, "-" (standard input) or -e COMMAND; a script ends with
 * its line of counts.  False if anything failed. */
static bool run_input(Runner *r, const char *path, const char *command)
{
  RunStats stats = {0};
  Error err = {0};
  bool ok;
  if (command) {
    size_t len = strlen(command);
    char *text = mem_alloc(len + 1);
    if (!text) {
      fprintf(stderr, "wasmfx-ref: error: out of memory\n");
      return false;
    }
    memcpy(text, command, len + 1);
    ok = run_text(r, "-e", text, len, &stats, &err);
  } else {
    ok = run_file(r, path, &stats, &err);
  }
  if (err.phase)
    print_error(&err);
  if (stats.scripts && !command)
    printf("%u passed, %u failed\n", stats.passed, stats.failed);
  return ok;
}

int main(int argc, char **argv)
{
  if (argc == 1 && !isatty(STDIN_FILENO)) {
    fputs(usage, stderr);
    return 2;
  }
  RunOptions opt = {.limits = store_default_limits};
  Runner runner;
  runner_init(&runner, &opt, stdout);
  bool inputs = false;       /* a FILE or -e was given */
  bool interactive = false;  /* -i */
  int status = -1;       /* set when an option ends the run early */
  bool ok = true, bad = false;
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
    } else if (strcmp(a, "-s") == 0) {
      opt.print_sig = true;
    } else if (strcmp(a, "-i") == 0) {
      interactive = true;
    } else if (strcmp(a, "-e") == 0) {
      if (i + 1 == argc) {
        fprintf(stderr, "wasmfx-ref: -e needs a command\nTry 'wasmfx-ref --help'.\n");
        status = 2;
      } else {
        runner.opt = opt;
        inputs = true;
        ok = run_input(&runner, NULL, argv[++i]) && ok;
      }
    } else if (parse_limit(a, &opt.limits, &bad)) {
      if (bad) {
        fprintf(stderr, "wasmfx-ref: bad value in '%s'\nTry 'wasmfx-ref --help'.\n", a);
        status = 2;
      }
    } else if (strcmp(a, "-o") == 0) {
      if (i + 1 == argc) {
        fprintf(stderr, "wasmfx-ref: -o needs a file name\n%s", usage);
        status = 2;
      } else {
        Error err = {0};
        if (!write_output(&runner, argv[++i], (Name){0}, &err)) {
          print_error(&err);
          ok = false;
        }
      }
    } else if (a[0] == '-' && a[1] != '\0') {
      fprintf(stderr, "wasmfx-ref: unknown option '%s'\nTry 'wasmfx-ref --help'.\n", a);
      status = 2;
    } else {
      runner.opt = opt;
      inputs = true;
      ok = run_input(&runner, a, NULL) && ok;
    }
  }
  if (status < 0 && (interactive || (!inputs && isatty(STDIN_FILENO)))) {
    runner.opt = opt;
    runner.opt.print_sig = true;   /* as the official REPL: each module's signature */
    run_repl(&runner);
  }
  runner_free(&runner);
  return status >= 0 ? status : ok ? 0 : 1;
}
