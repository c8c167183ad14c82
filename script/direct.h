/* Calling a module's exports from the command line: --invoke NAME ARG...
 * and --run-all-exports (the log of `wasm-opt --fuzz-exec`). */
#ifndef SCRIPT_DIRECT_H
#define SCRIPT_DIRECT_H

#include "script/run.h"

/* --invoke NAME ARG...: calls an export of the latest instance, as
 * `(invoke "NAME" ARG...)` in a script would, and prints its results the
 * same way (or its line of --json).  Each ARG is a script constant,
 * `(i32.const 7)`, or a bare number, `7`, `-1.5`, `nan:0x1`, written as the
 * constant of its parameter's type; for a reference parameter, `null` or
 * (externref) a number N, `(ref.extern N)`; a v128 only as a constant.
 * Returns the exit status: 0, or
 * that of the error (reported on r->err). */
int direct_invoke(Runner *r, const char *name, char *const *args, int nargs);

/* --run-all-exports: calls every exported function of the latest instance
 * with zero arguments (the default of each parameter type), in export
 * order, and logs each call and each exported global as `wasm-opt
 * --fuzz-exec` does; the fuzzing-support imports log in between.  A call
 * that fails is logged and the next one runs.  Returns 0, or the status of
 * a timeout, which stops the run. */
int direct_run_all(Runner *r);

/* Runs a module file for --run-all-exports: as any module file, and if its
 * instantiation fails in running code (a trap, an exception), logs that as
 * wasm-opt does before it reports the error.  Then, if it instantiated,
 * direct_run_all.  Returns the exit status. */
int direct_run_all_file(Runner *r, const char *path);

#endif
