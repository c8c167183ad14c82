/* A hash table from byte strings to pointers: how export and import names,
 * and registered module names, are looked up, so that a module of a million
 * exports is not checked or linked pairwise.  Open addressing with linear
 * probing, FNV-1a hashes; it doubles when three quarters full.  Keys are
 * borrowed, not copied: they must outlive the table.  Slots are allocated
 * through util/mem.h. */
#ifndef UTIL_HASH_H
#define UTIL_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct HashSlot {
  const uint8_t *key;
  uint32_t len;
  uint32_t hash;              /* 0: the slot is empty (a key's hash is never 0) */
  void *value;
} HashSlot;

typedef struct Hash {
  HashSlot *slots;
  uint32_t cap;               /* a power of two, or 0 */
  uint32_t len;
} Hash;

void hash_init(Hash *h);
void hash_free(Hash *h);

/* Makes room for n keys in all, so that adding them does not rehash;
 * false if out of memory. */
bool hash_reserve(Hash *h, uint32_t n);

/* The value under a key; NULL if the key is not there. */
void *hash_get(const Hash *h, const void *key, uint32_t len);

/* Where the key's value is kept, the key added with a NULL value if it was
 * not there: the caller reads it (a duplicate?) and writes it.  Valid until
 * the next key is added; NULL if out of memory. */
void **hash_place(Hash *h, const void *key, uint32_t len);

#endif
