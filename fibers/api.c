/* api.c: fiber.h's promises, one line of output each, for fibers/check.sh
 * to compare with fibers/api.expected under both implementations.  With
 * the argument "outside" it calls fiber_yield outside any fiber, which must
 * end the program with a failure. */
#include <stdio.h>
#include <string.h>

#include "fiber.h"

/* Values both ways: the first resume's value is entry's, later ones are
 * fiber_yield's; it yields running sums and returns their count. */
static int summer(void *arg, int value) {
  (void)arg;
  int sum = 0, n = 0;
  while (value != 0) {
    sum += value;
    n++;
    value = fiber_yield(sum);
  }
  return n;
}

static void values(void) {
  fiber_t *f = fiber_new(summer, NULL);
  int out = -1, r[4];
  r[0] = fiber_resume(f, 5, &out);
  printf("first resume: %d, yields %d\n", r[0], out);
  r[1] = fiber_resume(f, 7, &out);
  printf("second resume: %d, yields %d\n", r[1], out);
  r[2] = fiber_resume(f, 0, &out);
  printf("third resume: %d (finished), entry returned %d\n", r[2], out);
  out = 99;
  r[3] = fiber_resume(f, 1, &out);
  printf("resuming it again: %d, out left %d\n", r[3], out);
  fiber_free(f);
}

/* A fiber resuming itself, or the fiber that resumed it, gets -1. */
static fiber_t *outer_fiber;

static int inner(void *arg, int value) {
  (void)arg;
  (void)value;
  printf("inner resuming outer (its resumer): %d\n", fiber_resume(outer_fiber, 0, NULL));
  fiber_yield(20);
  return 21;
}

static int outer(void *arg, int value) {
  (void)arg;
  (void)value;
  fiber_t *in = fiber_new(inner, NULL);
  printf("outer resuming itself: %d\n", fiber_resume(outer_fiber, 0, NULL));
  int out, r = fiber_resume(in, 0, &out);
  printf("outer resumed inner: %d, it yielded %d\n", r, out);
  fiber_yield(10);                      /* to main, inner suspended */
  r = fiber_resume(in, 0, &out);
  printf("outer resumed inner again: %d, it returned %d\n", r, out);
  fiber_free(in);
  return 11;
}

static void nesting(void) {
  int out;
  outer_fiber = fiber_new(outer, NULL);
  int r = fiber_resume(outer_fiber, 0, &out);
  printf("main resumed outer: %d, it yielded %d\n", r, out);
  r = fiber_resume(outer_fiber, 0, &out);
  printf("main resumed outer again: %d, it returned %d\n", r, out);
  fiber_free(outer_fiber);
}

/* Each fiber's C frames (this array is on the shadow stack, its address
 * being taken) survive the other's running. */
static int filler(void *arg, int value) {
  char buf[512];
  int id = *(int *)arg;
  memset(buf, id, sizeof buf);
  for (int round = 0; round < 3; round++) {
    value = fiber_yield(value + 1);
    for (size_t i = 0; i < sizeof buf; i++)
      if (buf[i] != id)
        return -1;
  }
  return id;
}

static void stacks(void) {
  int ids[2] = {'a', 'b'}, out[2] = {0, 0};
  fiber_t *f[2] = {fiber_new(filler, &ids[0]), fiber_new(filler, &ids[1])};
  int v = 0;
  while (fiber_resume(f[0], v, &out[0]) == 1 && fiber_resume(f[1], v, &out[1]) == 1)
    v = out[0] + out[1];
  fiber_resume(f[1], v, &out[1]);
  printf("two fibers' arrays intact: %c %c\n", out[0], out[1]);
  fiber_free(f[0]);
  fiber_free(f[1]);
}

/* Unfinished fibers freed, then many made and freed one after another:
 * each still runs. */
static int once(void *arg, int value) {
  (void)arg;
  return fiber_yield(value) + 1;
}

static void reuse(void) {
  for (int i = 0; i < 10; i++) {
    fiber_t *f = fiber_new(once, NULL);
    fiber_resume(f, i, NULL);
    fiber_free(f);                       /* unfinished */
  }
  long long total = 0;
  for (int i = 0; i < 10000; i++) {
    fiber_t *f = fiber_new(once, NULL);
    int out;
    fiber_resume(f, i, &out);
    total += out;
    fiber_resume(f, i, &out);
    total += out;
    fiber_free(f);
  }
  printf("10000 fibers made and freed: total %lld\n", total);
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "outside") == 0) {
    printf("yield outside a fiber\n");
    fflush(stdout);
    fiber_yield(1);
    printf("not reached\n");
    return 0;
  }
  values();
  nesting();
  stacks();
  reuse();
  return 0;
}
