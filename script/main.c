/* wasmfx-ref: the command line (after the official reference interpreter's,
 * script-format-README.md "Synopsis"). */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "config.h"
#include "gen/gen.h"
#include "script/direct.h"
#include "script/files.h"
#include "script/json.h"
#include "script/repl.h"
#include "script/run.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/mem.h"
#include "util/messages.h"

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
  "                    binary form (.bin.wast), or as JavaScript that\n"
  "                    runs it on an engine's JS API (.js, doc/js.md)\n"
  "  -e COMMAND        run a script command, in order with the files\n"
  "  -                 read a script from standard input\n"
  "  -i                then read commands interactively (the default with no\n"
  "                    FILE on a terminal)\n"
  "  -s                show each module's imports and exports as it is defined\n"
  "  --features=wasm3  exact WebAssembly 3.0 (no stack switching)\n"
  "      --trace[=steps]\n"
  "                    print every step of every invocation (start functions\n"
  "                    too): the call depth, the prompts with their handlers\n"
  "                    and the continuations (cont#N) running in them, the\n"
  "                    current frame and its labels, the instruction with the\n"
  "                    module's names, its operands (doc/trace.md)\n"
  "      --trace=control\n"
  "                    print only control events, one a line with the chain of\n"
  "                    continuations: instantiation, calls, returns, cont.new,\n"
  "                    cont.bind, resume, suspend (and the handler it finds),\n"
  "                    switch, returns through a prompt, throws and catches\n"
  "      --trace-limit=N\n"
  "                    print at most N lines of trace, then say so (the run\n"
  "                    goes on); 0, the default, for no limit\n"
  "      --json        print one line of JSON per command and assertion, and\n"
  "                    a summary line per script (doc/json.md)\n"
  "      --stats       after each invocation, and for the whole run at its end,\n"
  "                    print on stderr what it cost: steps by instruction group,\n"
  "                    calls, continuations made, resumed, suspended, switched,\n"
  "                    returned and abandoned, the longest chain of them, peak\n"
  "                    stack and heap bytes, collections; the same on every run\n"
  "                    (with --json, as JSON lines on stdout)\n"
  "\n"
  "Calling a module file's exports (each applies to the module file before it,\n"
  "or, given before any, to the next one):\n"
  "  --invoke NAME [ARG]...\n"
  "                    call export NAME and print its results as a bare\n"
  "                    (invoke) does; each ARG is a script constant,\n"
  "                    '(i32.const 7)', or a bare number, 7, -1.5, nan:0x1,\n"
  "                    taken as its parameter's type (null, or N for\n"
  "                    (ref.extern N), for a reference parameter)\n"
  "  --run-all-exports call every exported function with zero arguments, in\n"
  "                    order, and log each result or failure and each exported\n"
  "                    global as Binaryen's wasm-opt logs them in its\n"
  "                    fuzz-exec mode\n"
  "  --dummy-imports   give a module file's missing imports stand-ins: functions\n"
  "                    returning zeros, globals of their type's default, memories\n"
  "                    and tables of their minimum size, fresh tags\n"
  "A module file can always import Binaryen's fuzzing-support functions and tags\n"
  "(log-i32, throw, call-export, ...) and immutable externref globals.\n"
  "\n"
  "  --generate SEED [--size N] [--invalid]\n"
  "                    make a random valid module built around stack switching\n"
  "                    from SEED (0 to 2^64-1), the same for the same SEED and\n"
  "                    N; N (1 to 1000, default 10) bounds its functions and\n"
  "                    statements.  Its exports take no arguments, log through\n"
  "                    fuzzing-support and end.  It becomes the latest module:\n"
  "                    written by a later -o, else printed as text.  With\n"
  "                    --invalid, the same module with one type error in a\n"
  "                    stack-switching construct: printed, and the run fails\n"
  "                    as the validator rejects it (status 4); with -u, a\n"
  "                    later -o writes it\n"

  "Running a WASI program: a module file that imports from wasi_snapshot_preview1\n"
  "and exports _start is a WASI command (but with -d, or an --invoke or\n"
  "--run-all-exports given before it, a module file as any other).  It is\n"
  "instantiated and its _start called; every argument after it is the program's,\n"
  "its argv being FILE as given, then those.  It may use args, environ, clocks,\n"
  "random_get, fd_write to fd 1 (stdout) and 2 (stderr), proc_exit; every other\n"
  "preview 1 function returns ENOSYS (52).  wasmfx-ref exits with the status the\n"
  "program gives proc_exit (0 to 125: 126 and above trap), 0 if _start returns,\n"
  "or the status of its error (below).\n"
  "  --wasi-env=NAME=VALUE\n"
  "                    add a variable to its environment, which is otherwise\n"
  "                    empty (repeatable, in order)\n"
  "  --wasi-seed=N     seed random_get's generator (0 to 2^64-1, default 0):\n"
  "                    the same bytes for the same seed\n"
  "  --wasi-clock=real|fixed\n"
  "                    the host's clocks (real, the default), or fixed ones:\n"
  "                    realtime from 10^9 s after the epoch, the others from 0,\n"
  "                    each read a millisecond after the one before\n"
  "\n"
  "  -h, --help        show this help and exit\n"
  "      --version     show the version and exit\n"  "\n"
  "Limits, beyond which a run stops with \"resource exhaustion\" (status 9) or\n"
  "\"out of fuel\" (10) instead of exhausting the machine; at their defaults\n"
  "a run stays within about 6 GB (SIZE, and the N of --max-tables, may have\n"
  "a K, M or G suffix: 2^10, 2^20, 2^30):\n"
  "  --fuel=N          work of one invocation (1000000000): \"out of fuel\"; a\n"
  "                    unit a step, and one per element or 64 bytes that a bulk\n"
  "                    instruction touches or per stack a handler search crosses\n"
  "  --max-depth=N     active calls (100000): \"call stack exhausted\"\n"
  "  --max-heap=SIZE   live GC objects and stacks (2G): \"out of memory\"\n"
  "  --max-memory=SIZE linear memories together (1536M): memory.grow fails, a\n"
  "                    module's memory is \"out of memory\"\n"
  "  --max-tables=N    entries of all tables together, 8 bytes each (128M):\n"
  "                    table.grow fails, a module's table is \"out of memory\"\n"
  "  --max-modules=N   modules a run defines and instances it creates (100000)\n"
  "  --max-code=SIZE   modules as held in memory: their code and types, and\n"
  "                    their instances' bookkeeping (1G): \"out of memory\"\n"
  "A module beyond the JS API's limits on its size is refused as it is read (text\n"
  "or binary, also with -u), naming the limit and the first item beyond it: a\n"
  "binary of 1 GiB; 1,000,000 types, recursion groups, functions, imports,\n"
  "exports, globals and tags; 100,000 data segments and tables; 10,000,000\n"
  "element segments; 100 memories; 1,000 parameters and results of a function\n"
  "type; 10,000 struct fields and array.new_fixed operands; subtypes 63 deep;\n"
  "a function body of 7,654,321 bytes with 50,000 locals; nesting 100,000 deep.\n"
  "  --timeout=SECONDS wall-clock time of each file's, -e command's or entry's\n"
  "                    run (none): \"timeout\"\n"
  "\n"
  "A bare (invoke ...) or (get ...) prints its results on stdout as the\n"
  "official interpreter does (`3 : [i32]`); each script ends with a line\n"
  "`N passed, N failed` counting assertions.  Messages go to stderr.\n"
  "\n"
  "A run stops at the first error outside an assertion (an interactive session\n"
  "goes on, and exits with its first error's status).  Exit status:\n"
  "   0  success: everything ran, every assertion passed\n"
  "   1  an assertion failed\n"
  "   2  usage error (bad option or value, FILE of unknown type)\n"
  "   3  malformed module or script, or a command that cannot be carried out\n"
  "   4  invalid module (with -u: a runtime crash, ill-typed code about to run)\n"
  "   5  unlinkable module\n"
  "   6  trap\n"
  "   7  uncaught exception\n"
  "   8  unhandled suspension\n"
  "   9  resource exhaustion (call stack, heap, memories, tables, instances,\n"
  "      module size, the host's memory)\n"
  "  10  out of fuel\n"
  "  11  timeout\n"
  "  12  file I/O error\n"
  "A WASI command that ends without an error exits with its own status instead.\n";

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
    {"--timeout=", false}, {"--max-tables=", true}, {"--max-modules=", false},
    {"--max-code=", true},
  };
  for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
    size_t n = strlen(limits[i].prefix);
    if (strncmp(a, limits[i].prefix, n) != 0)
      continue;
    uint64_t v;
    *bad = !parse_count(a + n, limits[i].size, &v) || ((i == 1 || i == 6) && (v == 0 || v > UINT32_MAX));
    if (!*bad) {
      switch (i) {
      case 0: l->fuel = v; break;
      case 1: l->call_depth = (uint32_t)v; break;
      case 2: l->heap_bytes = v; break;
      case 3: l->memory_bytes = v; break;
      case 4: l->timeout = v; break;
      case 5: l->table_entries = v; break;
      case 6: l->instances = (uint32_t)v; break;
      default: arena_set_limit(v); break;   /* the process's, not a store's */
      }
    }
    return true;
  }
  return false;
}

/* --trace, --trace=steps, --trace=control, --trace-limit=N: whether `a` is
 * one; *bad if its value is not. */
static bool parse_trace(const char *a, RunOptions *opt, bool *bad)
{
  static const char limit[] = "--trace-limit=";
  *bad = false;
  if (strcmp(a, "--trace") == 0 || strcmp(a, "--trace=steps") == 0)
    opt->trace = TRACE_STEPS;
  else if (strcmp(a, "--trace=control") == 0)
    opt->trace = TRACE_CONTROL;
  else if (strncmp(a, limit, sizeof limit - 1) == 0)
    *bad = !parse_count(a + sizeof limit - 1, false, &opt->trace_limit);
  else if (strncmp(a, "--trace=", 8) == 0)
    *bad = true;
  else
    return false;
  return true;
}

/* --wasi-env=NAME=VALUE, --wasi-seed=N, --wasi-clock=real|fixed; false
 * if `a` is not one of them, else *bad if its value is malformed.  `env`
 * has room for every argument's variable. */
static bool parse_wasi(const char *a, WasiConfig *w, const char **env, bool *bad)
{
  static const char env_opt[] = "--wasi-env=", seed[] = "--wasi-seed=", clock[] = "--wasi-clock=";
  if (strncmp(a, env_opt, sizeof env_opt - 1) == 0) {
    const char *v = a + sizeof env_opt - 1, *eq = strchr(v, '=');
    *bad = !eq || eq == v;   /* a NAME, then = */
    if (!*bad)
      env[w->nenv++] = v;
    w->env = env;
  } else if (strncmp(a, seed, sizeof seed - 1) == 0) {
    *bad = !parse_count(a + sizeof seed - 1, false, &w->seed);
  } else if (strncmp(a, clock, sizeof clock - 1) == 0) {
    const char *v = a + sizeof clock - 1;
    *bad = strcmp(v, "real") != 0 && strcmp(v, "fixed") != 0;
    w->fixed_clock = strcmp(v, "fixed") == 0;
  } else {
    return false;
  }
  return true;
}

/* Whether a command-line word is an ARG of --invoke: a script constant
 * or a bare number (or null). */
static bool is_arg(const char *w)
{
  const char *p = w + (w[0] == '-' || w[0] == '+');
  return w[0] == '(' || (*p >= '0' && *p <= '9') || strncmp(p, "inf", 3) == 0
      || strncmp(p, "nan", 3) == 0 || strcmp(w, "null") == 0;
}

/* A call of --invoke or --run-all-exports waiting for its module file. */
typedef struct Call {
  bool run_all;
  const char *name;          /* --invoke's NAME, NULL if no --invoke */
  char **args;
  int nargs;
} Call;

/* Whether a call waits for its module file. */
static bool call_pending(const Call *c)
{
  return c->run_all || c->name;
}

/* The index of a --run-all-exports that applies to the module file at
 * argv[i] (one after it, before the next file or --invoke), or 0: it must
 * be known before the file runs, to log a failed instantiation. */
static int run_all_after(int argc, char **argv, int i)
{
  for (int j = i + 1; j < argc; j++) {
    const char *a = argv[j];
    if (strcmp(a, "--run-all-exports") == 0)
      return j;
    if (strcmp(a, "--invoke") == 0 || a[0] != '-' || strcmp(a, "-") == 0)
      return 0;
    if (strcmp(a, "-o") == 0 || strcmp(a, "-e") == 0)
      j++;
  }
  return 0;
}

/* --generate SEED [--size N] [--invalid] at argv[*i]: the module of that
 * seed, parsed, validated and made the latest module (for -o); its text is
 * printed unless an -o follows.  With --invalid, the module with one type
 * error: its text is printed all the same, for the validator rejects it
 * (-u lets an -o write it).  *i moves past its arguments.  Returns the
 * exit status: STATUS_USAGE for a bad SEED or N. */
static int generate(Runner *r, int argc, char **argv, int *i)
{
  uint64_t seed, size = GEN_DEFAULT_SIZE;
  bool invalid = false;
  int at = *i;
  if (at + 1 == argc || !parse_count(argv[at + 1], false, &seed)) {
    fprintf(stderr, "wasmfx-ref: --generate needs a SEED, a number from 0 to 2^64-1%s%s%s\n"
            "Try 'wasmfx-ref --help'.\n", at + 1 < argc ? " (not '" : "",
            at + 1 < argc ? argv[at + 1] : "", at + 1 < argc ? "')" : "");
    return STATUS_USAGE;
  }
  *i = at + 1;
  for (;;) {   /* its options, in either order */
    at = *i;
    if (at + 1 < argc && strcmp(argv[at + 1], "--invalid") == 0 && !invalid) {
      invalid = true;
      *i = at + 1;
      continue;
    }
    if (!(at + 1 < argc && strcmp(argv[at + 1], "--size") == 0))
      break;
    if (at + 2 == argc || !parse_count(argv[at + 2], false, &size) || size == 0 || size > GEN_MAX_SIZE) {
      fprintf(stderr, "wasmfx-ref: --size needs a number from 1 to %d%s%s%s\n"
              "Try 'wasmfx-ref --help'.\n", GEN_MAX_SIZE, at + 2 < argc ? " (not '" : "",
              at + 2 < argc ? argv[at + 2] : "", at + 2 < argc ? "')" : "");
      return STATUS_USAGE;
    }
    *i = at + 2;
  }
  Buf b;
  buf_init(&b);
  if (invalid)
    gen_seed_invalid(seed, (uint32_t)size, &b);
  else
    gen_seed(seed, (uint32_t)size, &b);
  char *text = b.failed ? NULL : mem_alloc(b.len + 1);
  Error err = {0};
  if (!text) {
    buf_free(&b);
    fprintf(r->err, "wasmfx-ref: error: out of memory\n");
    return run_status(PHASE_EXHAUSTION);
  }
  memcpy(text, b.data, b.len);
  text[b.len] = '\0';
  Module *m = text_parse_module("generated.wat", text, b.len, &err);
  bool ok = m && runner_keep(r, NULL, m, text);
  if (!m)
    mem_free(text);
  RunOptions was = r->opt;
  r->opt.dry = true;   /* defined, not instantiated */
  ok = ok && run_module_file(r, m, NULL, &err);
  r->opt = was;
  bool output = false;
  for (int j = *i + 1; j < argc; j++)
    output = output || strcmp(argv[j], "-o") == 0;
  if ((ok || (invalid && m)) && !output)
    fwrite(b.data, 1, b.len, r->out);
  buf_free(&b);
  if (!ok && err.phase == PHASE_NONE)
    error_at(&err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY);
  report_error(r, &err, NULL);
  return ok ? STATUS_OK : run_status(err.phase);
}

/* Runs a call on the latest instance, and forgets it. */
static int run_call(Runner *r, Call *c)
{
  int status = c->run_all ? direct_run_all(r) : direct_invoke(r, c->name, c->args, c->nargs);
  *c = (Call){0};
  return status;
}

/* Runs one FILE, "-" (standard input) or -e COMMAND; a script ends with
 * its line of counts (with --json, its summary).  Its exit status: the
 * error's that stopped it, else STATUS_FAILED or STATUS_OK. */
static int run_input(Runner *r, const char *path, const char *command)
{
  RunStats stats = {0};
  Error err = {0};
  Buf bt;
  buf_init(&bt);
  Phase fatal;
  if (command) {
    size_t len = strlen(command);
    char *text = mem_alloc(len + 1);
    if (!text) {
      fprintf(r->err, "wasmfx-ref: error: out of memory\n");
      return run_status(PHASE_EXHAUSTION);
    }
    memcpy(text, command, len + 1);
    fatal = run_text(r, "-e", text, len, &stats, &err);
  } else {
    fatal = run_file(r, path, &stats, &bt, &err);
  }
  report_error(r, &err, &bt);
  buf_free(&bt);
  int status = input_status(fatal, &stats);
  if (stats.scripts && !command && r->opt.json)
    json_summary(r->out, path, stats.passed, stats.failed, fatal, status);
  else if (stats.scripts && !command && err.phase == PHASE_NONE)   /* a script that parsed */
    fprintf(r->out, "%u passed, %u failed\n", stats.passed, stats.failed);
  fflush(r->out);
  return status;
}

/* The flag that an option taking no value turns on; NULL for any other
 * argument. */
static bool *switch_of(const char *a, RunOptions *opt, bool *interactive)
{
  const struct { const char *name; bool *flag; } switches[] = {
    {"-d", &opt->dry}, {"-u", &opt->unchecked}, {"--features=wasm3", &opt->wasm3},
    {"--json", &opt->json}, {"--dummy-imports", &opt->dummy_imports}, {"--stats", &opt->stats},
    {"-s", &opt->print_sig}, {"-i", interactive},
  };
  for (size_t k = 0; k < sizeof switches / sizeof switches[0]; k++)
    if (strcmp(a, switches[k].name) == 0)
      return switches[k].flag;
  return NULL;
}

int main(int argc, char **argv)
{
  if (argc == 1 && !isatty(STDIN_FILENO)) {
    fputs(usage, stderr);
    return STATUS_USAGE;
  }
  RunOptions opt = {.limits = store_default_limits};
  const char **wasi_env = mem_calloc((size_t)argc, sizeof *wasi_env);   /* --wasi-env's */
  if (!wasi_env) {
    fprintf(stderr, "wasmfx-ref: error: out of memory\n");
    return run_status(PHASE_EXHAUSTION);
  }
  Runner runner;
  runner_init(&runner, &opt, stdout);
  bool inputs = false;       /* a FILE or -e was given */
  bool interactive = false;  /* -i */
  int status = -1;       /* set when an option ends the run early */
  int run = STATUS_OK;   /* of the files and commands run: the first error stops them */
  bool bad = false;
  Error fterr = {0};     /* a FILE of unknown type */
  Call call = {0};       /* --invoke or --run-all-exports, until its module file */
  bool module_ran = false;   /* the latest input was a module file, instantiated */
  int run_all_at = 0;        /* a --run-all-exports already taken by the file before it */
  bool *flag;
  for (int i = 1; i < argc && status < 0 && !status_is_error(run); i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage, stdout);
      status = 0;
    } else if (strcmp(a, "--version") == 0) {
      printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      status = 0;
    } else if ((flag = switch_of(a, &opt, &interactive))) {
      *flag = true;
    } else if (i == run_all_at) {
      continue;
    } else if (strcmp(a, "--run-all-exports") == 0 || strcmp(a, "--invoke") == 0) {
      if (call_pending(&call) || (a[2] == 'i' && i + 1 == argc)) {
        fprintf(stderr, "wasmfx-ref: %s\nTry 'wasmfx-ref --help'.\n", call_pending(&call)
                ? "one --invoke or --run-all-exports per module file" : "--invoke needs an export's name");
        status = STATUS_USAGE;
        continue;
      }
      call.run_all = a[2] == 'r';
      if (!call.run_all) {
        call.name = argv[++i];
        call.args = argv + i + 1;
        while (i + 1 < argc && is_arg(argv[i + 1]))
          i++, call.nargs++;
      }
      if (module_ran) {   /* the module file before it */
        runner.opt = opt;
        run = status_worse(run, run_call(&runner, &call));
      }
    } else if (strcmp(a, "--generate") == 0) {
      runner.opt = opt;
      int st = generate(&runner, argc, argv, &i);
      if (st == STATUS_USAGE)
        status = st;
      else
        run = status_worse(run, st);
      inputs = true;
      module_ran = false;
    } else if (strcmp(a, "-e") == 0) {
      if (i + 1 == argc) {
        fprintf(stderr, "wasmfx-ref: -e needs a command\nTry 'wasmfx-ref --help'.\n");
        status = STATUS_USAGE;
      } else {
        runner.opt = opt;
        inputs = true;
        module_ran = false;
        run = status_worse(run, run_input(&runner, NULL, argv[++i]));
      }
    } else if (parse_trace(a, &opt, &bad) || parse_limit(a, &opt.limits, &bad)) {
      if (bad) {
        fprintf(stderr, "wasmfx-ref: bad value in '%s'\nTry 'wasmfx-ref --help'.\n", a);
        status = STATUS_USAGE;
      }
    } else if (parse_wasi(a, &opt.wasi, wasi_env, &bad)) {
      if (bad) {
        fprintf(stderr, "wasmfx-ref: bad value in '%s'\nTry 'wasmfx-ref --help'.\n", a);
        status = STATUS_USAGE;
      }
    } else if (strcmp(a, "-o") == 0) {
      if (i + 1 == argc) {
        fprintf(stderr, "wasmfx-ref: -o needs a file name\n%s", usage);
        status = STATUS_USAGE;
      } else {
        Error err = {0};
        if (!file_type_known(argv[++i], true, &err)) {
          report_error(&runner, &err, NULL);
          status = STATUS_USAGE;
        } else if (!write_output(&runner, argv[i], (Name){0}, &err)) {
          report_error(&runner, &err, NULL);
          run = status_worse(run, run_status(err.phase));
        }
      }
    } else if (a[0] == '-' && a[1] != '\0') {
      fprintf(stderr, "wasmfx-ref: unknown option '%s'\nTry 'wasmfx-ref --help'.\n", a);
      status = STATUS_USAGE;
    } else if (!file_type_known(a, false, &fterr)) {
      report_error(&runner, &fterr, NULL);
      status = STATUS_USAGE;
    } else {
      runner.opt = opt;
      inputs = true;
      bool module = has_suffix(a, ".wat") || has_suffix(a, ".wasm");
      int command = module && !call_pending(&call) && !opt.dry ? run_command_file(&runner, argc - i, argv + i) : -1;
      if (command >= 0) {   /* a WASI command, which took the arguments after it and ends the run */
        status = run == STATUS_OK ? command : status_worse(run, command);
        break;
      }
      if (module && !call_pending(&call) && (run_all_at = run_all_after(argc, argv, i)))
        call.run_all = true;
      int st = module && call.run_all ? direct_run_all_file(&runner, a) : run_input(&runner, a, NULL);
      module_ran = module && st == STATUS_OK;
      if (call.run_all && module)
        call = (Call){0};
      else if (module_ran && call.name)
        st = status_worse(st, run_call(&runner, &call));
      run = status_worse(run, st);
    }
  }
  if (status < 0 && !status_is_error(run) && call_pending(&call)) {
    fprintf(stderr, "wasmfx-ref: %s needs a module file (.wat, .wasm)\nTry 'wasmfx-ref --help'.\n",
            call.run_all ? "--run-all-exports" : "--invoke");
    status = STATUS_USAGE;
  }
  if (status < 0 && !status_is_error(run) && (interactive || (!inputs && isatty(STDIN_FILENO)))) {
    runner.opt = opt;
    runner.opt.print_sig = true;   /* as the official REPL: each module's signature */
    run = status_worse(run, run_repl(&runner));
  }
  runner_stats_total(&runner);
  runner_free(&runner);
  mem_free(wasi_env);
  return status >= 0 ? status : run;
}
