/* --stats: what running code costs, in figures that are the same on every
 * run and every (64-bit) machine: no times, no addresses (doc/wasmfx-ref.1,
 * "--stats").  The steps come from the store's counts by opcode (interp/
 * eval.c), the calls and the continuations' lives from its control events
 * (interp/describe.h), the rest from its collector and stacks (StoreCounts). */
#ifndef SCRIPT_STATS_H
#define SCRIPT_STATS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "interp/describe.h"

/* The figures of one block: an invocation's, or the run's. */
typedef struct Costs {
  uint64_t steps;                /* reductions */
  uint64_t groups[GROUP_COUNT];  /* of them, by instruction group (syntax/instr.def) */
  uint64_t calls;                /* functions invoked, host functions and tail calls too */
  uint64_t throws;               /* exceptions thrown */
  uint64_t cont_new, cont_bind, resumes, suspends, switches;
  uint64_t returned;             /* continuations whose function returned through their prompt */
  uint64_t abandoned;            /* continuation stacks freed before they returned */
  uint64_t chain;                /* the most prompts around the running stack at once */
  uint64_t stack_peak;           /* the most bytes of stacks at once (Store.stack_bytes) */
  uint64_t gc_cycles;            /* collections */
  uint64_t heap_peak;            /* the most bytes of GC objects at once (Store.heap_bytes) */
} Costs;

/* The figures after the steps, by their names: "calls", "cont.new" … */
typedef struct Figure {
  const char *name;
  uint64_t value;
} Figure;

enum { FIGURES = 13 };

void costs_figures(const Costs *c, Figure out[FIGURES]);

/* What --stats counts: a store's events and steps since the last
 * stats_take, and the whole run's. */
typedef struct Stats {
  bool on;
  Costs now;                     /* the events since the last take */
  Costs total;
  uint64_t op_steps[OP_COUNT];   /* the store's counts, while on */
  uint8_t group[OP_COUNT];       /* each opcode's group */
} Stats;

void stats_init(Stats *st);

/* Turns the counting of a store's steps on or off (the events come through
 * the store's watcher, which calls stats_event while st->on). */
void stats_watch(Stats *st, Store *s, bool on);

/* Counts a control event (an EvalObserver, on a Stats). */
void stats_event(void *stats, const Machine *M, const EvalEvent *ev);

/* Takes what the store and its events counted since the last take: into
 * the total, and into *c unless it is NULL.  Between invocations. */
void stats_take(Stats *st, Store *s, Costs *c);

/* Prints a block: `stats TITLE:`, then a figure a line, two-space indented,
 * the steps of each group under the steps. */
void stats_print(FILE *f, const char *title, const Costs *c);

#endif
