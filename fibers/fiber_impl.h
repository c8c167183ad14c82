/* fiber_impl.h: what both implementations of fiber.h share: a fiber's
 * record, and the switch of C's shadow stack (fiber.h, FIBER_STACK_SIZE).
 * Included by fiber_wasmfx.c and fiber_asyncify.c only. */
#ifndef FIBERS_FIBER_IMPL_H
#define FIBERS_FIBER_IMPL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fiber.h"

/* Where a fiber is in its life (fiber_resume's -1 cases). */
enum fiber_state { FIBER_NEW, FIBER_SUSPENDED, FIBER_RUNNING, FIBER_DONE };

/* The part of a fiber both implementations keep in C; each adds its own
 * (fiber_wasmfx.c: its continuation's slot; fiber_asyncify.c: the buffer
 * its wasm frames are saved in) after this one. */
struct fiber_core {
  fiber_entry_t *entry;
  void *arg;
  enum fiber_state state;
  int value;        /* the int passing through the latest switch */
  char *stack;      /* its shadow stack: FIBER_STACK_SIZE bytes */
  uintptr_t sp;     /* its shadow stack pointer while it is not running */
};

/* The shadow stack pointer is the global __stack_pointer that wasm-ld
 * defines in the program; C cannot name a wasm global, a line of assembly
 * can (.globaltype declares it to the assembler). */
static inline uintptr_t shadow_sp_get(void) {
  uintptr_t sp;
  __asm__ volatile(".globaltype __stack_pointer, i32\n\t"
                   "global.get __stack_pointer\n\t"
                   "local.set %0" : "=r"(sp));
  return sp;
}

static inline void shadow_sp_set(uintptr_t sp) {
  __asm__ volatile("local.get %0\n\t"
                   "global.set __stack_pointer" : : "r"(sp));
}

/* Ends the program for a misuse fiber.h says is fatal. */
static inline void fiber_die(const char *why) {
  fprintf(stderr, "fiber: %s\n", why);
  abort();
}

/* fiber_new's common part: the record and its shadow stack (the stack
 * grows down from its end, 16-byte aligned as the ABI wants); NULL if
 * memory runs out.  size is that of the implementation's struct fiber. */
static inline struct fiber_core *fiber_core_new(size_t size, fiber_entry_t *entry, void *arg) {
  struct fiber_core *c = calloc(1, size);
  char *stack = malloc(FIBER_STACK_SIZE);
  if (!c || !stack) {
    free(c);
    free(stack);
    return NULL;
  }
  c->entry = entry;
  c->arg = arg;
  c->state = FIBER_NEW;
  c->stack = stack;
  c->sp = ((uintptr_t)stack + FIBER_STACK_SIZE) & ~(uintptr_t)15;
  return c;
}

/* fiber_resume's first half: whether c can be resumed (not finished, not
 * running), and if so c running on its shadow stack with the value `in`;
 * *caller_sp is the resumer's stack pointer, for fiber_core_back. */
static inline int fiber_core_enter(struct fiber_core *c, int in, uintptr_t *caller_sp) {
  if (c->state == FIBER_DONE || c->state == FIBER_RUNNING)
    return 0;
  *caller_sp = shadow_sp_get();
  c->state = FIBER_RUNNING;
  c->value = in;
  shadow_sp_set(c->sp);
  return 1;
}

/* fiber_resume's second half, once c has yielded or finished: its shadow
 * stack pointer kept (and checked: fiber.h, FIBER_STACK_SIZE), the
 * resumer's put back, the value handed out; fiber_resume's result. */
static inline int fiber_core_back(struct fiber_core *c, uintptr_t caller_sp, int *out) {
  uintptr_t sp = shadow_sp_get();
  shadow_sp_set(caller_sp);
  if (sp < (uintptr_t)c->stack)
    fiber_die("a fiber went beyond its shadow stack (FIBER_STACK_SIZE)");
  c->sp = sp;
  if (c->state == FIBER_RUNNING)
    c->state = FIBER_SUSPENDED;
  if (out)
    *out = c->value;
  return c->state == FIBER_SUSPENDED;
}

/* A fiber's first frame: runs its entry and records its end, so that
 * fiber_core_back sees it finished and hands out entry's result. */
static inline void fiber_core_run(struct fiber_core *c) {
  c->value = c->entry(c->arg, c->value);
  c->state = FIBER_DONE;
}

#endif
