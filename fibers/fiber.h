/* fiber.h: fibers for C programs compiled to WebAssembly (wasm32-wasi).
 *
 * A fiber is a function running on a stack of its own, which it leaves by
 * fiber_yield and returns to when someone calls fiber_resume again: an
 * asymmetric coroutine, as the stack-switching proposal's resume/suspend.
 * Each switch passes one int each way, so a fiber can be a generator (it
 * yields values) or a consumer (it receives them).  Fibers nest: a fiber may
 * resume another, and fiber_yield returns to the innermost fiber_resume.
 *
 * Two implementations, one API: fiber_wasmfx.c over the module fiber.wat
 * (cont.new, resume, suspend), and fiber_asyncify.c over Binaryen's Asyncify
 * pass.  A program includes this header and is linked with either.  On
 * wasm32 an int also holds a pointer.
 */
#ifndef FIBERS_FIBER_H
#define FIBERS_FIBER_H

typedef struct fiber fiber_t;

/* A fiber's body: called with fiber_new's arg and the value of the first
 * fiber_resume; what it returns is the last fiber_resume's *out. */
typedef int fiber_entry_t(void *arg, int value);

/* A new fiber that will run entry(arg, v) when first resumed; it has not
 * started.  NULL if memory runs out. */
fiber_t *fiber_new(fiber_entry_t *entry, void *arg);

/* Runs f until it yields or its entry returns, passing it `in` (entry's
 * value at the start, else what its fiber_yield returns).  Sets *out (if
 * out is not NULL) to the value f yielded, or to the value entry returned.
 * Returns 1 if f yielded (it can be resumed again), 0 if it has finished,
 * -1 (setting nothing) if it had finished already or is running (a fiber
 * cannot resume itself or one of the fibers that resumed it). */
int fiber_resume(fiber_t *f, int in, int *out);

/* From inside a fiber: back to the fiber_resume that ran it, which returns
 * 1 with value as *out.  Returns the `in` of the next fiber_resume of this
 * fiber.  Outside any fiber it ends the program (WasmFX: the suspension has
 * no handler, a trap; Asyncify: abort). */
int fiber_yield(int value);

/* Frees f and its stacks.  f must not be running; it may be unfinished
 * (then it never resumes: what its stack held is dropped, not unwound). */
void fiber_free(fiber_t *f);

/* The bytes each fiber gets for C's own frames (locals whose address is
 * taken, arrays, alloca): wasm32's C ABI keeps them on a "shadow stack" in
 * linear memory, apart from the wasm stack, so each fiber needs one of its
 * own.  Set by compiling the implementation with -DFIBER_STACK_SIZE=N.  A
 * fiber found beyond it when it yields aborts the program (too late to
 * undo the damage, early enough not to hide it). */
#ifndef FIBER_STACK_SIZE
#define FIBER_STACK_SIZE 8192
#endif

#endif
