/* fiber_asyncify.c: fiber.h over Binaryen's Asyncify, with no engine
 * support and no host: the program, once linked, goes through
 * `wasm-opt --asyncify`, which rewrites every function that may be on the
 * stack at a switch so that it can save its locals and return (unwind) and
 * later be called again to restore them and carry on (rewind).  The calls
 * to the imports "asyncify"."start_unwind" and the like below are made
 * calls to functions the pass adds to the module (Binaryen's
 * src/passes/Asyncify.cpp); no import is left.
 *
 * The pass tells apart two kinds of runtime function, neither of which it
 * rewrites: fiber_yield calls start_unwind and stop_rewind, so it is the
 * "top-most runtime", which the stack unwinds from, and every function that
 * may call it is rewritten; fiber_resume calls start_rewind and stop_unwind,
 * so it is the "bottom-most runtime", where an unwind ends, and calling it
 * does not make a function rewritten.  So a switch unwinds only the frames
 * of the fiber being left, down to the fiber_resume that runs it, as
 * suspend does with the frames up to the resume's handler: the resumer's
 * frames stay on the wasm stack, and fibers nest.
 *
 * Each fiber has a buffer its frames are saved into while it is suspended
 * (Asyncify's "data": a current and an end pointer, then the bytes); a
 * switch costs a walk of all its frames, out and back in. */
#include "fiber_impl.h"

/* The bytes of saved frames a suspended fiber may hold: its wasm locals of
 * every frame from its entry to fiber_yield, and where each call was.
 * -DFIBER_ASYNCIFY_SIZE=N changes it.  An unwind that needs more writes
 * past the end, then traps: Asyncify checks the end when it stops. */
#ifndef FIBER_ASYNCIFY_SIZE
#define FIBER_ASYNCIFY_SIZE 4096
#endif

/* Asyncify's data: where the next frame goes, and the end of the bytes. */
struct asyncify_data {
  char *cur;
  char *end;
};

struct fiber {
  struct fiber_core core;
  struct asyncify_data data;
  char *saved;          /* FIBER_ASYNCIFY_SIZE bytes */
};

#define ASYNCIFY_IMPORT(name) __attribute__((import_module("asyncify"), import_name(name)))

ASYNCIFY_IMPORT("start_unwind") void asyncify_start_unwind(struct asyncify_data *data);
ASYNCIFY_IMPORT("stop_unwind") void asyncify_stop_unwind(void);
ASYNCIFY_IMPORT("start_rewind") void asyncify_start_rewind(struct asyncify_data *data);
ASYNCIFY_IMPORT("stop_rewind") void asyncify_stop_rewind(void);

/* The innermost running fiber (fiber_yield's), NULL in main's code. */
static struct fiber *current;
/* Set while a rewind is on its way to the fiber_yield it stopped in. */
static int rewinding;

fiber_t *fiber_new(fiber_entry_t *entry, void *arg) {
  struct fiber *f = (struct fiber *)fiber_core_new(sizeof *f, entry, arg);
  if (!f)
    return NULL;
  f->saved = malloc(FIBER_ASYNCIFY_SIZE);
  if (!f->saved) {
    free(f->core.stack);
    free(f);
    return NULL;
  }
  return f;
}

/* The fiber's first frame, the same call each time the fiber is resumed:
 * when rewinding, it and the frames above it restore themselves.  Not
 * inlined, so that fiber_resume stays a runtime function of its own, and
 * this one is rewritten. */
__attribute__((noinline)) static void fiber_start(struct fiber *f) {
  fiber_core_run(&f->core);
}

/* A fresh fiber is called; a suspended one is rewound into.  Either way
 * fiber_start returns when the fiber finishes, or when it yields and its
 * frames have been unwound into f->data. */
int fiber_resume(fiber_t *f, int in, int *out) {
  uintptr_t caller_sp;
  int fresh = f->core.state == FIBER_NEW;
  if (!fiber_core_enter(&f->core, in, &caller_sp))
    return -1;
  struct fiber *resumer = current;
  current = f;
  if (!fresh) {
    rewinding = 1;
    asyncify_start_rewind(&f->data);
  }
  fiber_start(f);
  if (f->core.state == FIBER_RUNNING)     /* it yielded: the unwind is done */
    asyncify_stop_unwind();
  current = resumer;
  return fiber_core_back(&f->core, caller_sp, out);
}

/* Called twice per switch: first to leave (start the unwind: the value goes
 * out through the fiber's record), then, when the fiber is resumed, by the
 * rewind reaching this call again (stop it: the value comes in). */
int fiber_yield(int value) {
  struct fiber *f = current;
  if (rewinding) {
    rewinding = 0;
    asyncify_stop_rewind();
    return f->core.value;
  }
  if (!f)
    fiber_die("fiber_yield outside a fiber");
  f->core.value = value;
  f->data.cur = f->saved;
  f->data.end = f->saved + FIBER_ASYNCIFY_SIZE;
  asyncify_start_unwind(&f->data);
  return 0;                 /* unused: the frames above unwind */
}

void fiber_free(fiber_t *f) {
  if (!f)
    return;
  if (f->core.state == FIBER_RUNNING)
    fiber_die("fiber_free of a running fiber");
  free(f->saved);
  free(f->core.stack);
  free(f);
}
