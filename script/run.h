/* Running scripts and modules: the commands of a .wast script and its
 * assertions (spec: script-format-README.md, "Scripts"). */
#ifndef SCRIPT_RUN_H
#define SCRIPT_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "interp/store.h"
#include "syntax/script.h"
#include "syntax/types.h"

typedef struct RunOptions {
  bool dry;         /* -d: check modules, run nothing */
  bool unchecked;   /* -u: do not validate */
  bool wasm3;       /* --features=wasm3: exact Wasm 3.0, no stack switching */
  bool trace;       /* --trace: print every reduction of an invocation */
  bool json;        /* --json: a line of JSON per command on out, no results or messages */
  StoreLimits limits;  /* --fuel, --max-heap, --max-memory, --max-depth */
} RunOptions;

typedef struct RunStats {
  unsigned passed, failed;
} RunStats;

/* What a run of wasmfx-ref shares across its files. */
typedef struct Runner {
  RunOptions opt;
  TypeStore types;   /* the rec groups of every module, interned */
  FILE *out;         /* results, --trace, --json and spectest's prints */
  FILE *err;         /* messages and backtraces: stderr */
} Runner;

void runner_init(Runner *r, const RunOptions *opt, FILE *out);
void runner_free(Runner *r);

/* Runs the commands of a script in a store of its own: bare actions print
 * their results on r->out, failures and errors are reported on stderr as
 * `file:line:col: …`.  Adds the assertions' outcomes to *stats.  The first
 * error outside an assertion stops the script: its phase is returned
 * (PHASE_NONE if the script ran to its end). */
Phase run_script(Runner *r, const Script *s, RunStats *stats);

/* Validates a module given as a file and, unless in dry mode, instantiates
 * it (with spectest available to import), which runs its start function.
 * False with err set if anything fails (always with a position), and the
 * trap's backtrace in *backtrace (which may be NULL). */
bool run_module_file(Runner *r, const Module *m, Buf *backtrace, Error *err);

/* Exit statuses of wasmfx-ref beyond those of phases (run_status). */
enum { STATUS_OK = 0, STATUS_FAILED = 1, STATUS_USAGE = 2 };

/* The exit status of a run stopped by an error of this phase (the table of
 * --help and the README): 3 malformed or script error, 4 invalid (or a
 * runtime crash of unchecked code), 5 unlinkable, 6 trap, 7 exception,
 * 8 suspension, 9 exhaustion, 10 limit, 12 i/o; 0 for PHASE_NONE. */
int run_status(Phase phase);

#endif
