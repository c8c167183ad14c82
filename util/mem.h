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

/* Zeroed blocks for linear memories, which may be large and mostly
 * unused: on Linux they are anonymous mappings, so a page costs time and
 * resident memory only once the program touches it, and a block grows by
 * remapping, without copying (elsewhere: calloc and realloc).  The size
 * must be given back to free them. */
void *mem_pages_alloc(size_t size);                            /* NULL on failure */
void *mem_pages_realloc(void *p, size_t old, size_t size);     /* new bytes zero; NULL on failure, p stays valid */
void mem_pages_free(void *p, size_t size);

/* Test hook: make the allocation `n` calls from now fail (0 = the next one);
 * a negative n turns failure injection off. */
void mem_fail_after(long n);

/* Whether the injected failure is still to come. */
int mem_failure_pending(void);

#endif
