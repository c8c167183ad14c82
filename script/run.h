/* Running scripts and modules: the commands of a .wast script and its
 * assertions (spec: script-format-README.md, "Scripts"). */
#ifndef SCRIPT_RUN_H
#define SCRIPT_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "interp/store.h"
#include "script/trace.h"
#include "interp/wasi.h"
#include "syntax/script.h"
#include "syntax/types.h"

typedef struct RunOptions {
  bool dry;         /* -d: check modules, run nothing */
  bool unchecked;   /* -u: do not validate */
  bool wasm3;       /* --features=wasm3: exact Wasm 3.0, no stack switching */
  TraceMode trace;  /* --trace: every reduction; --trace=control: the control events */
  uint64_t trace_limit;  /* --trace-limit: lines of trace, 0 for no limit */
  bool print_sig;   /* -s: print each module's imports and exports */
  bool no_files;    /* (input) and (output) to a file are refused: untrusted scripts (fuzzing) */
  bool json;        /* --json: a line of JSON per command on out, no results or messages */
  bool dummy_imports;  /* --dummy-imports: a module file's missing imports get stand-ins */
  bool stats;       /* --stats: what each invocation and the run cost, on err (or out with --json) */
  StoreLimits limits;  /* --fuel, --max-heap, --max-memory, --max-depth */
  WasiConfig wasi;     /* --wasi-env, --wasi-seed, --wasi-clock: what a WASI command gets */
} RunOptions;

typedef struct RunStats {
  unsigned passed, failed;
  unsigned scripts;   /* how many scripts ran (not module files) */
} RunStats;

typedef struct Session Session;

/* What a run of wasmfx-ref shares across its files, -e commands and REPL
 * entries: as in the official interpreter, one store, one registry and one
 * set of named modules and instances, so a later file can import what an
 * earlier one registered, and invoke its exports. */
typedef struct Runner {
  RunOptions opt;
  TypeStore types;   /* the rec groups of every module, interned */
  FILE *out;         /* results, --trace, --json, -s and spectest's prints */
  FILE *err;         /* messages and backtraces: stderr */
  Session *session;  /* the shared state, made with the first command */
  unsigned inputs;   /* how deep (input …) commands nest now */
} Runner;

void runner_init(Runner *r, const RunOptions *opt, FILE *out);
void runner_free(Runner *r);

/* Runs the commands of a script in the runner's shared state: bare
 * actions print their results on r->out, failures and errors are reported
 * on r->err as `file:line:col: …`.  Adds the assertions' outcomes to
 * *stats.  The first error outside an assertion stops the script (and the
 * scripts that (input) it): its phase is returned (PHASE_NONE if the script
 * ran to its end). */
Phase run_script(Runner *r, const Script *s, RunStats *stats);

/* Validates a module given as a file and, unless in dry mode, instantiates
 * it (with spectest and fuzzing-support available to import, and with
 * --dummy-imports stand-ins for what is missing), which runs its start function;
 * it becomes the most recent module.  False with err set if anything fails
 * (always with a position), and the trap's backtrace in *backtrace (which
 * may be NULL). */
bool run_module_file(Runner *r, const Module *m, Buf *backtrace, Error *err);

/* Runs a WASI command (wasi_is_command) given as a module file: as
 * run_module_file runs any, the host wasi_snapshot_preview1 among what it
 * may import, then (unless in dry mode) its `_start`, with argv as its
 * arguments (argv[0] its name), fd 1 and 2 writing to r->out and r->err.
 * Its exit status in *status: 0 if `_start` returns, what proc_exit gave
 * if it called that.  False with err set if it failed otherwise (and the
 * backtrace, as run_module_file). */
bool run_wasi_command(Runner *r, const Module *m, int argc, char *const *argv, int *status,
                      Buf *backtrace, Error *err);

/* Exit statuses of wasmfx-ref beyond those of phases (run_status). */
enum { STATUS_OK = 0, STATUS_FAILED = 1, STATUS_USAGE = 2 };

/* The exit status of a run stopped by an error of this phase (the table of
 * --help and the README): 3 malformed or script error, 4 invalid (or a
 * runtime crash of unchecked code), 5 unlinkable, 6 trap, 7 exception,
 * 8 suspension, 9 exhaustion, 10 limit, 11 timeout, 12 i/o; 0 for
 * PHASE_NONE. */
int run_status(Phase phase);

/* Hands the runner what a file or -e command was read into (any may be
 * NULL): it frees them when it is freed, since what they define stays
 * bound.  False (and they are freed) if out of memory. */
bool runner_keep(Runner *r, Script *s, Module *m, char *text);

/* What (output) and -o write: the module $id (empty: the most recent one)
 * and the script $id (empty: the most recent script, input or module):
 * its commands as run, nested inputs in place, meta commands left out.
 * NULL / false if there is none. */
const Module *runner_module(Runner *r, Name id);
bool runner_script(Runner *r, Name id, const Command *const **commands, uint32_t *n);

/* The most recent module instance, NULL if none; the store of the run
 * (NULL if out of memory); the fuzzing-support host, NULL until a module
 * file looked for an import beyond the registry. */
ModuleInst *runner_instance(Runner *r);
Store *runner_store(Runner *r);
struct FuzzingHost *runner_fuzzing(Runner *r);

/* --stats, for --run-all-exports' calls (a script's invocations and a
 * WASI program's _start are counted where they run): an invocation
 * starts; it has ended, as the invocation of action a, whose block
 * (script/stats.h) is printed on r->err, or its line of --json on r->out.
 * At the end of the run, the block of the whole run, `stats total:`. */
void runner_stats_start(Runner *r);
void runner_stats_end(Runner *r, const Action *a);
void runner_stats_total(Runner *r);

/* The kept script a command it ran belongs to (for its positions); NULL if
 * none does. */
const Script *runner_script_of(Runner *r, const Command *c);

#endif
