/* Arenas: bump allocation for everything that lives exactly as long as one
 * module's syntax (or one script).  Nothing is freed individually; the whole
 * arena goes at once.  Allocation failure returns NULL and leaves the arena
 * usable.  All arenas of the process together stay within a limit
 * (--max-code): what a module becomes in memory can be some 80 times its
 * binary (an instruction of one byte takes a decoded instruction), so the
 * limit on a module's size alone does not bound it. */
#ifndef UTIL_ARENA_H
#define UTIL_ARENA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ArenaChunk ArenaChunk;

typedef struct Arena {
  ArenaChunk *chunks;  /* newest first */
  char *cur, *end;     /* free space in the newest chunk */
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);

enum { ARENA_LIMIT_DEFAULT = 1 << 30 };

/* The bytes all arenas together may hold (ARENA_LIMIT_DEFAULT until set);
 * beyond it arena_alloc fails.  Process-wide, as modules' syntax belongs to
 * no one store. */
void arena_set_limit(uint64_t bytes);
uint64_t arena_limit(void);

void *arena_alloc(Arena *a, size_t size);  /* zeroed, 16-byte aligned; NULL on failure */
void *arena_dup(Arena *a, const void *p, size_t size);

/* Growable arrays whose storage lives in an arena.  Growing copies into a
 * block twice the size and abandons the old one, which the arena frees with
 * everything else: at most half of a vector's memory is waste. */
#define VEC(T) struct { T *data; uint32_t len, cap; }

bool vec_reserve_(Arena *a, void **data, uint32_t *cap, size_t elem, uint32_t need);

/* Makes room for `need` elements in total; false on allocation failure. */
#define vec_reserve(a, v, need) \
  vec_reserve_((a), (void **)&(v)->data, &(v)->cap, sizeof *(v)->data, (need))

/* Appends x; false (and v unchanged) on allocation failure. */
#define vec_push(a, v, x)                                          \
  (((v)->len < (v)->cap || vec_reserve((a), (v), (v)->len + 1))    \
       ? ((v)->data[(v)->len++] = (x), true)                       \
       : false)

#endif
