/* pipeline.c: a pipeline of generators.  A source fiber yields the numbers
 * 1..N; each of S stages is a fiber that resumes the one before it, maps
 * each value it gets (stage k: x -> (x * (2k + 3) + k) mod 1000003) and
 * drops the multiples of 7, yielding the rest; main pulls the last stage
 * dry and prints the count and a checksum of what comes out.  Every value
 * crosses S + 1 fiber switches each way.
 *
 * usage: pipeline [N [S]]   (defaults 100000 and 8) */
#include <stdio.h>
#include <stdlib.h>

#include "fiber.h"

#define MOD 1000003

/* The source: 1..n, one value a resume. */
static int source(void *arg, int value) {
  (void)value;
  int n = *(int *)arg;
  for (int i = 1; i <= n; i++)
    fiber_yield(i);
  return 0;
}

struct stage {
  fiber_t *up;     /* the fiber it pulls from */
  int k;           /* its place in the pipeline, from 0 */
};

/* Stage k: pulls until its upstream is done, maps, filters, yields. */
static int stage(void *arg, int value) {
  (void)value;
  struct stage *s = arg;
  int x;
  while (fiber_resume(s->up, 0, &x) == 1) {
    int y = (int)(((long long)x * (2 * s->k + 3) + s->k) % MOD);
    if (y % 7 != 0)
      fiber_yield(y);
  }
  return 0;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 100000;
  int stages = argc > 2 ? atoi(argv[2]) : 8;
  if (n < 0 || stages < 0) {
    fprintf(stderr, "usage: pipeline [N [S]]\n");
    return 2;
  }
  struct stage *st = malloc((stages + 1) * sizeof *st);
  fiber_t **fibers = malloc((stages + 1) * sizeof *fibers);
  fiber_t *last = st && fibers ? fiber_new(source, &n) : NULL;
  if (!last) {
    fprintf(stderr, "pipeline: out of memory\n");
    return 1;
  }
  fibers[0] = last;
  for (int k = 0; k < stages; k++) {
    st[k].up = last;
    st[k].k = k;
    last = fibers[k + 1] = fiber_new(stage, &st[k]);
    if (!last) {
      fprintf(stderr, "pipeline: out of memory\n");
      return 1;
    }
  }
  long long count = 0;
  unsigned long long sum = 0;
  int x;
  while (fiber_resume(last, 0, &x) == 1) {
    count++;
    sum = sum * 31 + (unsigned)x;
  }
  printf("pipeline: %d numbers, %d stages: %lld out, checksum %llu\n", n, stages, count, sum);
  for (int k = 0; k <= stages; k++)
    fiber_free(fibers[k]);
  free(fibers);
  free(st);
  return 0;
}
