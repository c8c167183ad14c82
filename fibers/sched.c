/* sched.c: a round-robin scheduler of many fibers.  F tasks are made at
 * once; each runs 16 + id % 8 turns, each turn a step of a random number
 * generator of its own, mixing in the tick the scheduler passes it, then
 * yields the generator's high bits.  The scheduler keeps the tasks in a
 * circular queue, resumes the head, adds what it yields to a checksum and
 * puts it back at the tail, until every task has returned (its result, the
 * sum of what it saw, also goes in the checksum).  So all F fibers are
 * alive and suspended together, and each switch goes to a different one.
 *
 * usage: sched [F]   (default 10000) */
#include <stdio.h>
#include <stdlib.h>

#include "fiber.h"

struct task {
  int id;
  unsigned seed;
};

/* A task: its turns, each one step of its generator and a yield. */
static int task(void *arg, int tick) {
  struct task *t = arg;
  int turns = 16 + t->id % 8;
  unsigned seen = 0;
  for (int i = 0; i < turns; i++) {
    t->seed = t->seed * 1103515245u + 12345u + (unsigned)tick;
    seen += (unsigned)tick;
    tick = fiber_yield((int)(t->seed >> 16));
  }
  return (int)seen;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 10000;
  if (n <= 0) {
    fprintf(stderr, "usage: sched [F], F > 0\n");
    return 2;
  }
  struct task *tasks = malloc(n * sizeof *tasks);
  fiber_t **queue = malloc(n * sizeof *queue);   /* a ring of n slots */
  if (!tasks || !queue) {
    fprintf(stderr, "sched: out of memory\n");
    return 1;
  }
  for (int i = 0; i < n; i++) {
    tasks[i].id = i;
    tasks[i].seed = (unsigned)i * 2654435761u;
    queue[i] = fiber_new(task, &tasks[i]);
    if (!queue[i]) {
      fprintf(stderr, "sched: out of memory at fiber %d\n", i);
      return 1;
    }
  }
  int head = 0, count = n;
  unsigned long long switches = 0, checksum = 0;
  for (int tick = 0; count > 0; tick++) {
    fiber_t *f = queue[head];
    head = (head + 1) % n;
    count--;
    int v;
    int yielded = fiber_resume(f, tick, &v);
    switches++;
    checksum = checksum * 1000003 + (unsigned)v;
    if (yielded)
      queue[(head + count++) % n] = f;
    else
      fiber_free(f);
  }
  printf("sched: %d fibers, %llu switches, checksum %llu\n", n, switches, checksum);
  free(queue);
  free(tasks);
  return 0;
}
