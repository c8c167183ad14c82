/* Running scripts and modules: the commands of a .wast script and its
 * assertions (spec: script-format-README.md, "Scripts"). */
#ifndef SCRIPT_RUN_H
#define SCRIPT_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "syntax/script.h"

typedef struct RunOptions {
  bool dry;         /* -d: check modules, run nothing */
  bool unchecked;   /* -u: do not validate */
  bool wasm3;       /* --features=wasm3: exact Wasm 3.0, no stack switching */
} RunOptions;

typedef struct RunStats {
  unsigned passed, failed;
  unsigned not_run;  /* commands this build cannot carry out yet */
} RunStats;

/* Runs the commands of a script, reporting each failure on `out` as
 * `file:line:col: …`.  Adds the assertions' outcomes to *stats. */
void run_script(const Script *s, const RunOptions *opt, FILE *out, RunStats *stats);

#endif
