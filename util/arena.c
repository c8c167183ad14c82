#include "util/arena.h"

#include <stdatomic.h>
#include <string.h>

#include "util/mem.h"

struct ArenaChunk {
  ArenaChunk *next;
  size_t size;
  _Alignas(16) char bytes[];
};

/* An arena's first chunk is small, and each next one twice the last up to
 * CHUNK_MAX: a script of many small modules takes little more than they
 * need, against the limit as in memory. */
enum { CHUNK_FIRST = 1024, CHUNK_MAX = 64 * 1024, ALIGN = 16 };

/* The chunks of all arenas, and their limit: atomic, so that stores used by
 * different threads share them safely. */
static _Atomic uint64_t held;
static _Atomic uint64_t limit = ARENA_LIMIT_DEFAULT;

void arena_set_limit(uint64_t bytes)
{
  atomic_store(&limit, bytes);
}

uint64_t arena_limit(void)
{
  return atomic_load(&limit);
}

/* Takes `size` bytes from the limit; false if they are not there. */
static bool take(uint64_t size)
{
  uint64_t before = atomic_fetch_add(&held, size);
  if (before + size < before || before + size > atomic_load(&limit)) {
    atomic_fetch_sub(&held, size);
    return false;
  }
  return true;
}

void arena_init(Arena *a)
{
  a->chunks = NULL;
  a->cur = a->end = NULL;
}

void arena_free(Arena *a)
{
  ArenaChunk *c = a->chunks;
  while (c) {
    ArenaChunk *next = c->next;
    atomic_fetch_sub(&held, sizeof(ArenaChunk) + c->size);
    mem_free(c);
    c = next;
  }
  arena_init(a);
}

/* Adds a chunk with room for at least `size` bytes. */
static bool arena_grow(Arena *a, size_t size)
{
  size_t next = a->chunks ? a->chunks->size * 2 : CHUNK_FIRST;
  if (next > CHUNK_MAX)
    next = CHUNK_MAX;
  size_t want = size > next ? size : next;
  if (want > SIZE_MAX - sizeof(ArenaChunk))
    return false;
  if (!take(sizeof(ArenaChunk) + want))
    return false;
  ArenaChunk *c = mem_alloc(sizeof(ArenaChunk) + want);
  if (!c) {
    atomic_fetch_sub(&held, sizeof(ArenaChunk) + want);
    return false;
  }
  c->next = a->chunks;
  c->size = want;
  a->chunks = c;
  a->cur = c->bytes;
  a->end = c->bytes + want;
  return true;
}

void *arena_alloc(Arena *a, size_t size)
{
  if (size > SIZE_MAX - ALIGN)
    return NULL;
  size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
  if (size == 0)
    size = ALIGN;
  if ((size_t)(a->end - a->cur) < size || !a->cur) {
    if (!arena_grow(a, size))
      return NULL;
  }
  void *p = a->cur;
  a->cur += size;
  memset(p, 0, size);
  return p;
}

void *arena_dup(Arena *a, const void *p, size_t size)
{
  void *q = arena_alloc(a, size);
  if (q && size)
    memcpy(q, p, size);
  return q;
}

bool vec_reserve_(Arena *a, void **data, uint32_t *cap, size_t elem, uint32_t need)
{
  if (need <= *cap)
    return true;
  uint64_t want = *cap ? (uint64_t)*cap * 2 : 4;
  if (want < need)
    want = need;
  if (want > UINT32_MAX)
    want = UINT32_MAX;
  if (want < need || want > SIZE_MAX / elem)
    return false;
  void *p = arena_alloc(a, (size_t)want * elem);
  if (!p)
    return false;
  if (*cap)
    memcpy(p, *data, (size_t)*cap * elem);
  *data = p;
  *cap = (uint32_t)want;
  return true;
}
