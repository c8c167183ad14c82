/* sieve.c: the primes below N by a chain of communicating fibers (the
 * sieve of Eratosthenes as a pipeline, after McIlroy and Hoare's CSP).  A
 * counter fiber yields 2, 3, 4, ...; the first number out of the chain is
 * a prime p, and a new filter fiber, which passes on what p does not
 * divide, goes at the chain's end.  Main prints how many primes there are
 * and their sum.  There are as many fibers as primes, nested as deep: a
 * number crosses every filter of a smaller prime than its least factor.
 *
 * usage: sieve [N]   (default 10000; pi(10000) = 1229) */
#include <stdio.h>
#include <stdlib.h>

#include "fiber.h"

/* The counter: 2, 3, ..., n - 1. */
static int counter(void *arg, int value) {
  (void)value;
  int n = *(int *)arg;
  for (int i = 2; i < n; i++)
    fiber_yield(i);
  return 0;
}

struct filter {
  fiber_t *up;     /* the chain so far */
  int p;           /* its prime */
};

/* A filter: what comes from up, but p's multiples. */
static int filter(void *arg, int value) {
  (void)value;
  struct filter *s = arg;
  int x;
  while (fiber_resume(s->up, 0, &x) == 1)
    if (x % s->p != 0)
      fiber_yield(x);
  return 0;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 10000;
  if (n < 2) {
    fprintf(stderr, "usage: sieve [N], N >= 2\n");
    return 2;
  }
  /* at most n / 2 + 1 primes below n: the filters and their fibers */
  struct filter *filters = malloc((n / 2 + 1) * sizeof *filters);
  fiber_t **fibers = malloc((n / 2 + 2) * sizeof *fibers);
  int count = 0;
  unsigned long long sum = 0;
  fiber_t *chain = fibers ? fiber_new(counter, &n) : NULL;
  if (!filters || !chain) {
    fprintf(stderr, "sieve: out of memory\n");
    return 1;
  }
  fibers[0] = chain;
  int p;
  while (fiber_resume(chain, 0, &p) == 1) {
    filters[count].up = chain;
    filters[count].p = p;
    chain = fiber_new(filter, &filters[count]);
    if (!chain) {
      fprintf(stderr, "sieve: out of memory at prime %d\n", p);
      return 1;
    }
    fibers[++count] = chain;
    sum += (unsigned)p;
  }
  printf("sieve: %d primes below %d, sum %llu\n", count, n, sum);
  for (int i = 0; i <= count; i++)
    fiber_free(fibers[i]);
  free(fibers);
  free(filters);
  return 0;
}
