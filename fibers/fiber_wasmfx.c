/* fiber_wasmfx.c: fiber.h over the stack-switching proposal.  The switches
 * are fiber.wat's (cont.new, cont.bind, resume, suspend), imported from the
 * module registered as "fiber"; this file keeps what C must: the fiber's
 * record, its shadow stack, and the numbering of fiber.wat's table of
 * continuations.  Link with -Wl,--import-table, so that the program's
 * function table is fiber.wat's and fiber.wat can start a fiber from a C
 * function pointer (fiber.wat says how). */
#include <string.h>

#include "fiber_impl.h"

struct fiber {
  struct fiber_core core;
  int slot;            /* its continuation's index in fiber.wat's $fibers */
};

#define FIBER_IMPORT(name) __attribute__((import_module("fiber"), import_name(name)))

/* fiber.wat's functions, by their export names. */
FIBER_IMPORT("new") int fx_new(int slot, void (*start)(struct fiber *, int), struct fiber *f);
FIBER_IMPORT("resume") int fx_resume(int slot, int value);
FIBER_IMPORT("yield") int fx_yield(int value);
FIBER_IMPORT("drop") void fx_drop(int slot);

/* Slots of fiber_free'd fibers, reused before new ones (so fiber.wat's
 * table grows with the fibers alive at once, not with all ever made). */
static int *free_slots;
static int free_count, free_cap, next_slot;

static int slot_take(void) {
  return free_count > 0 ? free_slots[--free_count] : next_slot++;
}

/* Grown by malloc and a copy, not realloc: realloc would bring 3 KB of
 * wasi-libc's allocator into every program, and into the comparison of
 * sizes with fiber_asyncify.c, which needs none. */
static void slot_give(int slot) {
  if (free_count == free_cap) {
    int cap = free_cap ? 2 * free_cap : 64;
    int *p = malloc(cap * sizeof *p);
    if (!p)
      return;               /* the slot is lost, not reused: harmless */
    if (free_count)
      memcpy(p, free_slots, free_count * sizeof *p);
    free(free_slots);
    free_slots = p;
    free_cap = cap;
  }
  free_slots[free_count++] = slot;
}

/* The function fiber.wat's continuation starts in: cont.new takes it
 * (through the table), cont.bind gives it f, and the first resume's value
 * comes as `value`.  Its type is fiber.wat's $start. */
static void fiber_start(struct fiber *f, int value) {
  f->core.value = value;
  fiber_core_run(&f->core);
}

fiber_t *fiber_new(fiber_entry_t *entry, void *arg) {
  struct fiber *f = (struct fiber *)fiber_core_new(sizeof *f, entry, arg);
  if (!f)
    return NULL;
  f->slot = slot_take();
  if (!fx_new(f->slot, fiber_start, f)) {   /* fiber.wat's table is full */
    slot_give(f->slot);
    free(f->core.stack);
    free(f);
    return NULL;
  }
  return f;
}

/* fx_resume returns when the fiber suspends (with the value it yields) or
 * its continuation returns (fiber_start done: the value is in core). */
int fiber_resume(fiber_t *f, int in, int *out) {
  uintptr_t caller_sp;
  if (!fiber_core_enter(&f->core, in, &caller_sp))
    return -1;
  int value = fx_resume(f->slot, in);
  if (f->core.state == FIBER_RUNNING)
    f->core.value = value;
  return fiber_core_back(&f->core, caller_sp, out);
}

/* suspend $yield: the innermost resume's handler takes it; with none, the
 * suspension traps (fiber.h: outside a fiber). */
int fiber_yield(int value) {
  return fx_yield(value);
}

void fiber_free(fiber_t *f) {
  if (!f)
    return;
  if (f->core.state == FIBER_RUNNING)
    fiber_die("fiber_free of a running fiber");
  fx_drop(f->slot);
  slot_give(f->slot);
  free(f->core.stack);
  free(f);
}
