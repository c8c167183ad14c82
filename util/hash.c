#include "util/hash.h"

#include <string.h>

#include "util/mem.h"

void hash_init(Hash *h)
{
  *h = (Hash){0};
}

void hash_free(Hash *h)
{
  mem_free(h->slots);
  hash_init(h);
}

/* FNV-1a, 32 bits; 0 is kept for empty slots */
static uint32_t hash_of(const uint8_t *p, uint32_t len)
{
  uint32_t x = 2166136261u;
  for (uint32_t i = 0; i < len; i++)
    x = (x ^ p[i]) * 16777619u;
  return x ? x : 1;
}

/* The slot holding the key, or the empty slot where it would go. */
static HashSlot *probe(const Hash *h, const uint8_t *key, uint32_t len, uint32_t hash)
{
  uint32_t mask = h->cap - 1;
  for (uint32_t i = hash & mask;; i = (i + 1) & mask) {
    HashSlot *s = &h->slots[i];
    if (s->hash == 0 || (s->hash == hash && s->len == len && (len == 0 || memcmp(s->key, key, len) == 0)))
      return s;
  }
}

/* Whether n keys fit in cap slots: at most three quarters full, so that
 * a probe always ends at an empty slot, and soon. */
static bool fits(uint64_t n, uint64_t cap)
{
  return n * 4 <= cap * 3;
}

bool hash_reserve(Hash *h, uint32_t n)
{
  uint64_t cap = h->cap ? h->cap : 8;
  while (!fits(n, cap))
    cap *= 2;
  if (cap == h->cap)
    return true;
  if (cap > UINT32_MAX)
    return false;
  HashSlot *slots = mem_calloc(cap, sizeof *slots);
  if (!slots)
    return false;
  Hash grown = {slots, (uint32_t)cap, h->len};
  for (uint32_t i = 0; i < h->cap; i++)
    if (h->slots[i].hash)
      *probe(&grown, h->slots[i].key, h->slots[i].len, h->slots[i].hash) = h->slots[i];
  mem_free(h->slots);
  *h = grown;
  return true;
}

void *hash_get(const Hash *h, const void *key, uint32_t len)
{
  if (h->len == 0)
    return NULL;
  HashSlot *s = probe(h, key, len, hash_of(key, len));
  return s->hash ? s->value : NULL;
}

void **hash_place(Hash *h, const void *key, uint32_t len)
{
  uint32_t hash = hash_of(key, len);
  if (h->cap) {
    HashSlot *s = probe(h, key, len, hash);
    if (s->hash)
      return &s->value;
  }
  if (!hash_reserve(h, h->len + 1))   /* doubles when three quarters full */
    return NULL;
  HashSlot *s = probe(h, key, len, hash);
  *s = (HashSlot){key, len, hash, NULL};
  h->len++;
  return &s->value;
}
