/* The collector: precise mark-sweep over the store's objects, run only
 * between steps, when the machine's registers are written back. */
#ifndef INTERP_GC_H
#define INTERP_GC_H

#include "interp/store.h"

/* Whether enough has been allocated since the last collection for the
 * next one: as much as is live, at least 16 MiB, but never so much that
 * the heap limit would be reached before the collector runs.  Built with
 * --enable-stress, always: every safe point collects, so that a reference
 * the roots miss is found at once. */
static inline bool gc_due(const Store *s)
{
#ifdef GC_STRESS
  (void)s;
  return true;
#else
  return s->gc_debt >= s->gc_threshold;
#endif
}

/* Sets the threshold from the live size. */
void gc_pace(Store *s);

/* Marks what the roots reach — the instances' globals, tables and element
 * segments, and the running machine's stacks — and frees the rest. */
void gc_collect(Store *s);

/* Frees every object (when the store goes). */
void gc_free_all(Store *s);

#endif
