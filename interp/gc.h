/* The collector: precise mark-sweep over the store's objects, run only
 * between steps, when the machine's registers are written back. */
#ifndef INTERP_GC_H
#define INTERP_GC_H

#include "interp/store.h"

/* Bytes allocated since the last collection before the next one is due, at
 * least; after a collection the live size counts too, so the heap stays
 * within twice what is live. */
enum { GC_MIN_DEBT = 16 << 20 };

static inline bool gc_due(const Store *s)
{
  return s->gc_debt > GC_MIN_DEBT && s->gc_debt > s->heap_bytes / 2;
}

/* Marks what the roots reach — the instances' globals, tables and element
 * segments, and the running machine's stacks — and frees the rest. */
void gc_collect(Store *s);

/* Frees every object (when the store goes). */
void gc_free_all(Store *s);

#endif
