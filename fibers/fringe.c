/* fringe.c: the same-fringe problem.  Two binary search trees hold the
 * keys 0..N-1, inserted in two different random orders, so their shapes
 * differ; a third holds the same keys but one.  A generator fiber per tree
 * walks it in order, recursively, yielding each key from as deep as the
 * key sits; main compares the trees two by two, pulling one key at a time
 * from each, and prints where they first differ.  A switch leaves from the
 * bottom of a recursion some 2 ln N + 1 frames deep (Asyncify unwinds and
 * rewinds them all, a continuation just goes).
 *
 * usage: fringe [N]   (default 50000) */
#include <stdio.h>
#include <stdlib.h>

#include "fiber.h"

struct node {
  struct node *left, *right;
  int key;
};

static unsigned rng;

/* The numbers of a linear congruential generator (the same everywhere). */
static unsigned next_random(void) {
  rng = rng * 1664525u + 1013904223u;
  return rng >> 8;
}

/* 0..n-1 shuffled by Fisher and Yates with seed. */
static int *shuffled(int n, unsigned seed) {
  int *a = malloc(n * sizeof *a);
  if (!a)
    return NULL;
  rng = seed;
  for (int i = 0; i < n; i++)
    a[i] = i;
  for (int i = n - 1; i > 0; i--) {
    int j = (int)(next_random() % (unsigned)(i + 1));
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/* A tree of keys[0..n-1] inserted in that order; its nodes in pool. */
static struct node *tree(const int *keys, int n, struct node *pool) {
  struct node *root = NULL;
  for (int i = 0; i < n; i++) {
    struct node **at = &root;
    while (*at)
      at = keys[i] < (*at)->key ? &(*at)->left : &(*at)->right;
    pool[i] = (struct node){NULL, NULL, keys[i]};
    *at = &pool[i];
  }
  return root;
}

/* In order, one yield a key, from the depth of its node. */
static void walk(const struct node *t) {
  if (!t)
    return;
  walk(t->left);
  fiber_yield(t->key);
  walk(t->right);
}

static int walker(void *arg, int value) {
  (void)value;
  walk(arg);
  return 0;
}

/* The first position where the two trees' fringes differ, or -1. */
static long compare(struct node *a, struct node *b) {
  fiber_t *fa = fiber_new(walker, a), *fb = fiber_new(walker, b);
  if (!fa || !fb) {
    fprintf(stderr, "fringe: out of memory\n");
    exit(1);
  }
  long at = 0;
  for (;; at++) {
    int x, y;
    int more_a = fiber_resume(fa, 0, &x), more_b = fiber_resume(fb, 0, &y);
    if (more_a != more_b || (more_a && x != y))
      break;
    if (!more_a) {
      at = -1;
      break;
    }
  }
  fiber_free(fa);
  fiber_free(fb);
  return at;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 50000;
  if (n < 2) {
    fprintf(stderr, "usage: fringe [N], N >= 2\n");
    return 2;
  }
  int *k1 = shuffled(n, 1), *k2 = shuffled(n, 2);
  struct node *pool = malloc(3 * (size_t)n * sizeof *pool);
  if (!k1 || !k2 || !pool) {
    fprintf(stderr, "fringe: out of memory\n");
    return 1;
  }
  struct node *t1 = tree(k1, n, pool), *t2 = tree(k2, n, pool + n);
  /* the third tree: t2's keys, with n / 3 replaced by n */
  for (int i = 0; i < n; i++)
    if (k2[i] == n / 3)
      k2[i] = n;
  struct node *t3 = tree(k2, n, pool + 2 * (size_t)n);
  long d12 = compare(t1, t2), d13 = compare(t1, t3), d23 = compare(t2, t3);
  printf("fringe: %d keys; first difference (-1: none) of trees 1 and 2: %ld, "
         "1 and 3: %ld, 2 and 3: %ld\n", n, d12, d13, d23);
  free(pool);
  free(k2);
  free(k1);
  return 0;
}
