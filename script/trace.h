/* --trace and --trace=control: what the store's machines do, a line at a
 * time, on the runner's output (doc/trace.md). */
#ifndef SCRIPT_TRACE_H
#define SCRIPT_TRACE_H

#include <stdint.h>
#include <stdio.h>

#include "interp/describe.h"

typedef enum TraceMode {
  TRACE_OFF,
  TRACE_STEPS,     /* --trace: every reduction */
  TRACE_CONTROL,   /* --trace=control: calls, returns, continuations, exceptions */
} TraceMode;

typedef struct Tracer {
  FILE *const *out; /* the runner's output, which --json redirects per command */
  TraceMode mode;
  uint64_t limit;   /* lines it may print, 0: any number (--trace-limit) */
  uint64_t lines;   /* printed so far */
} Tracer;

/* A line before each reduction (EvalWatch.step), in TRACE_STEPS mode. */
bool trace_step(void *tracer, const Machine *M, Error *err);

/* A line for each control event (EvalWatch.event), in either mode. */
void trace_event(void *tracer, const Machine *M, const EvalEvent *ev);

#endif
