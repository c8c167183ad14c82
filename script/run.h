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
  StoreLimits limits;  /* --fuel, --max-heap, --max-memory, --max-depth */
} RunOptions;

typedef struct RunStats {
  unsigned passed, failed;
} RunStats;

/* What a run of wasmfx-ref shares across its files. */
typedef struct Runner {
  RunOptions opt;
  TypeStore types;   /* the rec groups of every module, interned */
  FILE *out;         /* where failures are reported and spectest prints */
} Runner;

void runner_init(Runner *r, const RunOptions *opt, FILE *out);
void runner_free(Runner *r);

/* Runs the commands of a script in a store of its own, reporting each
 * failure on r->out as `file:line:col: …`.  Adds the assertions' outcomes
 * to *stats. */
void run_script(Runner *r, const Script *s, RunStats *stats);

/* Validates a module given as a file and, unless in dry mode, instantiates
 * it (with spectest available to import), which runs its start function.
 * False with err set if anything fails. */
bool run_module_file(Runner *r, const Module *m, Error *err);

#endif
