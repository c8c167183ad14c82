/* The generator's choices: a seeded PRNG or a fuzzer's bytes. */

#include "gen/gen.h"

void choices_seed(Choices *c, uint64_t seed)
{
  *c = (Choices){.state = seed};
}

void choices_bytes(Choices *c, const uint8_t *bytes, size_t len)
{
  *c = (Choices){.bytes = bytes, .len = len};
}

/* splitmix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", 2014): a Weyl sequence, then a mix of its bits. */
static uint64_t next64(Choices *c)
{
  uint64_t z = (c->state += UINT64_C(0x9e3779b97f4a7c15));
  z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* As many of the buffer's bytes as a choice among n needs (one for up to
 * 256, two for up to 65536, else four), little-endian; 0 past the end. */
static uint32_t next_bytes(Choices *c, uint32_t n)
{
  unsigned width = n <= 256 ? 1 : n <= 65536 ? 2 : 4;
  uint32_t v = 0;
  for (unsigned i = 0; i < width && c->pos < c->len; i++)
    v |= (uint32_t)c->bytes[c->pos++] << (8 * i);
  return v;
}

uint32_t choose(Choices *c, uint32_t n)
{
  if (n <= 1)
    return 0;
  if (c->bytes)
    return next_bytes(c, n) % n;
  /* the high 32 bits scaled to [0, n): no division, no bias worth having */
  return (uint32_t)(((next64(c) >> 32) * (uint64_t)n) >> 32);
}
