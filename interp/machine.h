/* The machine's data, inside interp/ only (spec: 4.3-execution; the
 * Explainer's "Execution").  interp/eval.h is what the rest of the program
 * sees; script/ and api/ look at a configuration through
 * interp/describe.h.
 *
 * A configuration's evaluation context is kept as explicit administrative
 * frames on a Stack: the spec's `frame_n{F}` is a FRAME_CALL, `label_n{…}`
 * a FRAME_LABEL, and try_table's `handler_n{catch*} (label_n{} …)` one
 * FRAME_HANDLER (a label carrying its catch clauses).  Operands and locals
 * share the Stack's value array.  Nothing recurses on the C stack: a Wasm
 * call pushes a frame, a return pops it.
 *
 * interp/stack.c makes and grows stacks, starts and ends machines, and
 * keeps the fuel; interp/control.c holds the rules that move between
 * frames and stacks (interp/control.h); interp/eval.c is the loop. */
#ifndef INTERP_MACHINE_H
#define INTERP_MACHINE_H

#include "interp/eval.h"

typedef enum FrameKind { FRAME_CALL, FRAME_LABEL, FRAME_HANDLER } FrameKind;

enum { FRAME_NONE = UINT32_MAX };

typedef struct Frame {
  uint8_t kind;               /* FrameKind */
  bool loop;                  /* label of a loop: a branch re-enters it */
  uint32_t arity;             /* values a branch to the label (or a return) carries */
  uint32_t height;            /* label: operand height below its values; call: where its locals start */
  const Instr *cont;          /* label: where a branch continues; call: the caller's pc, NULL at the bottom */
  union {
    const Catches *catches;   /* FRAME_HANDLER */
    struct {                  /* FRAME_CALL: the frame F */
      FuncInst *func;         /* NULL while evaluating a constant expression */
      ModuleInst *module;     /* F.MODULE */
      const Instr *code;      /* the body, which block ends are relative to */
      uint32_t caller;        /* the caller's call frame, or FRAME_NONE */
    } call;
  };
} Frame;

/* A stack: the values and frames of one computation.  The root of an
 * invocation is one; each continuation has its own (Explainer,
 * "Execution").  While a continuation runs, its bottom stack's parent is
 * the stack that resumed it, and `handlers` are that resume's: the spec's
 * prompt{hdl*} … end around it.  The active stacks are the chain from the
 * running one through the parents to the root. */
struct Stack {
  Value *vals;
  uint32_t nvals, cvals;
  Frame *frames;
  uint32_t nframes, cframes;
  uint32_t call;              /* the innermost call frame, or FRAME_NONE */
  uint32_t calls;             /* call frames on this stack */
  struct Stack *parent;       /* the stack to return to when this one finishes */
  const Handlers *handlers;   /* the prompt's hdl* (with a parent) */
  ModuleInst *handler_module; /* whose tags they name */
  const Instr *pc;            /* where it continues, while another stack runs */
  FuncInst *fresh;            /* cont.new's function, until the first resume invokes it */
  uint32_t cont;              /* the id of the continuation last resumed onto it (cont#id) */
};

/* The machine: the running stack, and the registers of the innermost frame
 * while it is not running. */
struct Machine {
  Store *store;
  Machine *outer;             /* the machine whose host function started this one, or NULL */
  uint32_t nesting;           /* how many machines are outside this one */
  Stack *stack;
  const Instr *pc;
  uint32_t calls;             /* call frames of the active stacks */
  uint32_t prompts;           /* the active stacks but the root: the prompts around the running one */
  bool done;                  /* the root stack's bottom frame has returned */
  Buf *backtrace;             /* where a trap's backtrace is written, if not NULL */
  const struct EvalWatch *watch; /* the store's, while this machine runs */
  /* Fuel (interp/stack.c, "Fuel"): units of work, one per reduction plus
   * the elements and bytes a bulk instruction touches, the handler clauses
   * searched and the collector's work. */
  uint64_t fuel;              /* left for this invocation, as of the slice's start */
  uint64_t budget;            /* the fuel it started with */
  uint64_t steps;             /* left before eval_run pauses, likewise */
  uint64_t slice;             /* units eval_run may use before it settles again */
  uint64_t until_clock;       /* units before --timeout's clock is read again */
  uint64_t debt;              /* work a helper or the collector did, to be charged */
};

/* ---- Stacks (interp/stack.c) ---- */

/* Fails with PHASE_EXHAUSTION: the heap limit is reached (or the host has no
 * memory left).  Returns false. */
bool heap_full(const Store *s, Error *err);

/* A stack with room for `nvals` values and `nframes` frames, charged to
 * the heap; NULL when the heap or the host has no room. */
Stack *stack_new(Store *s, uint32_t nvals, uint32_t nframes);
void stack_free(Store *s, Stack *st);

/* Frees a continuation's stack that will never return through its prompt
 * (an exception left it, a failure ended the invocation running it, or
 * the collector found its continuation unresumed), and counts it
 * abandoned (--stats); the second, a chain of them, from st through its
 * parents. */
void stack_abandon(Store *s, Stack *st);
void stack_abandon_chain(Store *s, Stack *st);

/* Room for n more values on a stack, or on the machine's running one; a
 * stack beyond the limit of values is exhausted. */
bool stack_reserve(Store *s, Stack *S, uint32_t n, Error *err);
bool machine_reserve(Machine *M, uint32_t n, Error *err);

/* Doubles a stack's frame array. */
bool stack_grow_frames(Store *s, Stack *S, Error *err);

/* Pushes a frame onto the running stack. */
static inline bool machine_push_frame(Machine *M, const Frame *f, Error *err)
{
  Stack *S = M->stack;
  if (S->nframes == S->cframes && !stack_grow_frames(M->store, S, err))
    return false;
  S->frames[S->nframes++] = *f;
  return true;
}

/* The innermost call frame of the running stack: the current frame F;
 * NULL before the first call. */
static inline Frame *machine_frame(Machine *M)
{
  Stack *S = M->stack;
  return S->call == FRAME_NONE ? NULL : &S->frames[S->call];
}

/* ---- Fuel (interp/stack.c) ---- */

/* The units for n bytes of memory. */
static inline uint64_t fuel_bytes(uint64_t n)
{
  return n >> 6;
}

/* Charges the `used` units of the slice, and n more for an instruction's
 * work; false with err set if the fuel does not cover them or the deadline
 * has passed.  Sets M->slice to the next slice's units. */
bool fuel_settle(Machine *M, uint64_t used, uint64_t n, Error *err);

#endif
