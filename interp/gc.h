/* The collector: precise mark-sweep over the store's objects, run only
 * between steps, when the machine's registers are written back. */
#ifndef INTERP_GC_H
#define INTERP_GC_H

#include "interp/store.h"

/* Whether enough has been allocated since the last collection for the
 * next one (gc_pace says how much). */
static inline bool gc_due(const Store *s)
{
  return s->gc_debt >= s->gc_threshold;
}

/* Sets the threshold from the live size: as much as is live, at least
 * 16 MiB, but never so much that the heap limit would be reached before
 * the collector runs.  Built with --enable-stress, a sixteenth of the live
 * objects: with a small heap every safe point collects (every allocation,
 * suspend, resume and switch), so that a reference the roots miss is found
 * at once, and a large one does not make the run quadratic. */
void gc_pace(Store *s);

/* Marks what the roots reach — the instances' globals, tables and element
 * segments, and the running machine's stacks — and frees the rest. */
void gc_collect(Store *s);

/* Frees every object (when the store goes). */
void gc_free_all(Store *s);

#endif
