/* The single allocation funnel.  Every byte the interpreter allocates goes
 * through these functions, so a test build can make the Nth allocation fail
 * and check that every error path cleans up.  Failure is reported by a NULL
 * result, never by exiting. */
#ifndef UTIL_MEM_H
#define UTIL_MEM_H

#include <stddef.h>

void *mem_alloc(size_t size);                 /* NULL on failure */
void *mem_calloc(size_t count, size_t size);  /* zeroed; NULL on failure or overflow */
void *mem_realloc(void *p, size_t size);      /* NULL on failure; p stays valid */
void mem_free(void *p);

/* Test hook: make the allocation `n` calls from now fail (0 = the next one);
 * a negative n turns failure injection off. */
void mem_fail_after(long n);

/* Whether the injected failure is still to come. */
int mem_failure_pending(void);

#endif
