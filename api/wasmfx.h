/* libwasmfx: the wasmfx-ref interpreter as a library (doc/api.md).
 *
 * A program loads modules (text or binary) into a store, validates and
 * instantiates them with the host functions it supplies, invokes their
 * exports and reads the outcome.  Everything a store holds is freed with
 * it.  A store is used by one thread at a time.
 *
 *   pkg-config --cflags --libs wasmfx-ref
 */
#ifndef WASMFX_H
#define WASMFX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define WASMFX_API __attribute__((visibility("default")))
#else
#define WASMFX_API
#endif

/* What an operation came to.  The values are wasmfx-ref's exit statuses,
 * so a harness can exit with them and compare with the command line. */
typedef enum wasmfx_outcome {
  WASMFX_OK = 0,           /* success */
  WASMFX_USAGE = 2,        /* misuse: a NULL argument, a re-entrant call, a bad signature */
  WASMFX_MALFORMED = 3,    /* the module does not parse or decode, or a request cannot be
                              carried out: an unknown export, wrong arguments */
  WASMFX_INVALID = 4,      /* the module does not validate */
  WASMFX_UNLINKABLE = 5,   /* an import is missing or does not match */
  WASMFX_TRAP = 6,
  WASMFX_EXCEPTION = 7,    /* an uncaught exception */
  WASMFX_SUSPENSION = 8,   /* a suspension without a handler */
  WASMFX_EXHAUSTION = 9,   /* a resource ran out: the call stack, the heap, memories, tables */
  WASMFX_LIMIT = 10,       /* the work ran out: fuel, or the step hook stopped it */
  WASMFX_TIMEOUT = 11,     /* the wall-clock time ran out */
  WASMFX_IO = 12           /* a file could not be read */
} wasmfx_outcome;

/* The outcome's name: "success", "trap", "resource exhaustion", "out of fuel" … */
WASMFX_API const char *wasmfx_outcome_name(wasmfx_outcome o);

typedef struct wasmfx_store wasmfx_store;
typedef struct wasmfx_module wasmfx_module;
typedef struct wasmfx_instance wasmfx_instance;
typedef struct wasmfx_object *wasmfx_ref;   /* NULL is ref.null */

/* ---------------------------------------------------------------- Values */

typedef enum wasmfx_kind {
  WASMFX_I32, WASMFX_I64, WASMFX_F32, WASMFX_F64, WASMFX_V128, WASMFX_REF
} wasmfx_kind;

/* A value: floats as their bit patterns, so NaNs keep their payload. */
typedef struct wasmfx_value {
  wasmfx_kind kind;
  union {
    uint32_t i32;
    uint64_t i64;
    uint32_t f32;
    uint64_t f64;
    uint8_t v128[16];   /* little-endian lanes */
    wasmfx_ref ref;
  };
} wasmfx_value;

/* The kind's name: "i32" … "v128", "ref". */
WASMFX_API const char *wasmfx_kind_name(wasmfx_kind k);

/* What a reference refers to. */
typedef enum wasmfx_ref_kind {
  WASMFX_REF_NULL, WASMFX_REF_I31, WASMFX_REF_FUNC, WASMFX_REF_STRUCT, WASMFX_REF_ARRAY,
  WASMFX_REF_EXN, WASMFX_REF_HOST, WASMFX_REF_EXTERN, WASMFX_REF_CONT
} wasmfx_ref_kind;

WASMFX_API wasmfx_ref_kind wasmfx_ref_kind_of(wasmfx_ref r);
/* An i31 reference, and the value of one (0 for other references). */
WASMFX_API wasmfx_ref wasmfx_ref_i31(uint32_t value);
WASMFX_API uint32_t wasmfx_ref_i31_value(wasmfx_ref r);
/* A host reference (the script's ref.host N) and an external one holding
 * it (ref.extern N, a value of externref); NULL if out of memory.
 * wasmfx_ref_host_addr gives N back, for either (0 for others). */
WASMFX_API wasmfx_ref wasmfx_ref_host(wasmfx_store *s, uint64_t addr);
WASMFX_API wasmfx_ref wasmfx_ref_extern(wasmfx_store *s, uint64_t addr);
WASMFX_API uint64_t wasmfx_ref_host_addr(wasmfx_ref r);

/* A reference that a result or a host function's argument holds, or that
 * wasmfx_ref_extern made, lives as long as the collector can see it: pass it
 * to the next call that runs code (invoke, instantiate) at the latest. */

/* ---------------------------------------------------------------- Stores */

enum {
  WASMFX_SPECTEST = 1,   /* the spectest module is there to import */
  WASMFX_WASM3 = 2       /* exact WebAssembly 3.0: no stack switching */
};

/* A store with default limits; flags are WASMFX_SPECTEST | WASMFX_WASM3.
 * NULL if out of memory. */
WASMFX_API wasmfx_store *wasmfx_store_new(unsigned flags);
WASMFX_API void wasmfx_store_free(wasmfx_store *s);

/* Where spectest's print functions write (stdout by default). */
WASMFX_API void wasmfx_store_set_output(wasmfx_store *s, FILE *out);

typedef enum wasmfx_limit {
  WASMFX_LIMIT_FUEL,     /* steps of one invocation (10^9) */
  WASMFX_LIMIT_HEAP,     /* bytes of live GC objects and stacks (2 GiB) */
  WASMFX_LIMIT_MEMORY,   /* bytes of all linear memories together (1.5 GiB) */
  WASMFX_LIMIT_DEPTH,    /* active calls (100000) */
  WASMFX_LIMIT_TABLES,   /* entries of all tables together (2^27) */
  WASMFX_LIMIT_INSTANCES, /* instances the store creates (100000) */
  WASMFX_LIMIT_CODE      /* bytes of modules as held in memory, in all stores of the
                            process together: one limit, whichever store sets it (1 GiB) */
} wasmfx_limit;

/* Sets a limit; WASMFX_USAGE for an unknown limit, or a depth of 0 or
 * above 2^32 - 1. */
WASMFX_API wasmfx_outcome wasmfx_set_limit(wasmfx_store *s, wasmfx_limit which, uint64_t value);
/* A limit's value (0 for an unknown limit). */
WASMFX_API uint64_t wasmfx_get_limit(const wasmfx_store *s, wasmfx_limit which);

/* The last failure in the store: its message ("integer divide by zero",
 * "type mismatch" …; "" after a success), where it was ("m.wat:3:5",
 * "m.wasm:0x1f", or "" if it has no position), and a trap's backtrace (one
 * line per frame, or ""). */
WASMFX_API const char *wasmfx_message(const wasmfx_store *s);
WASMFX_API const char *wasmfx_position(const wasmfx_store *s);
WASMFX_API const char *wasmfx_backtrace(const wasmfx_store *s);

/* ---------------------------------------------------------------- Modules */

typedef enum wasmfx_format {
  WASMFX_FORMAT_AUTO,    /* binary if it starts with "\0asm", else text */
  WASMFX_FORMAT_TEXT,    /* a module in the text format: (module …) or its fields */
  WASMFX_FORMAT_BINARY
} wasmfx_format;

/* Parses or decodes a module; `name` is the file name messages show.  The
 * bytes are copied.  WASMFX_MALFORMED if they are not a module. */
WASMFX_API wasmfx_outcome wasmfx_module_load(wasmfx_store *s, const char *name, const void *bytes,
                                             size_t len, wasmfx_format format,
                                             wasmfx_module **out);

/* Reads a file and loads it (by its bytes, as WASMFX_FORMAT_AUTO).
 * WASMFX_IO if it cannot be read. */
WASMFX_API wasmfx_outcome wasmfx_module_load_file(wasmfx_store *s, const char *path,
                                                  wasmfx_module **out);

/* Validates a module (once; instantiating validates too). */
WASMFX_API wasmfx_outcome wasmfx_module_validate(wasmfx_module *m);

/* ---------------------------------------------------------------- Host functions */

/* A host function: reads its arguments, writes its results (of the kinds
 * its signature declares; they come zeroed, of those kinds).  Returns NULL,
 * or a message to trap with.  It must not call into its store. */
typedef const char *wasmfx_host_func(void *env, const wasmfx_value *args, wasmfx_value *results);

/* Makes a host function importable as `module` `name`.  The signature is
 * that of a function type in the text format: "(param i32 i64) (result
 * f32)", "(param externref)", "" … WASMFX_USAGE if it is not one. */
WASMFX_API wasmfx_outcome wasmfx_define_func(wasmfx_store *s, const char *module, const char *name,
                                             const char *signature, wasmfx_host_func *fn,
                                             void *env);

/* ---------------------------------------------------------------- Instances */

/* Validates (if not yet done) and instantiates a module, each import taken
 * from the latest definition of its names: a host function, a registered
 * instance, spectest.  Runs the start function. */
WASMFX_API wasmfx_outcome wasmfx_instantiate(wasmfx_module *m, wasmfx_instance **out);

/* Makes an instance's exports importable under the module name `name`. */
WASMFX_API wasmfx_outcome wasmfx_register(wasmfx_instance *i, const char *name);

/* The instance's exports, in order: the count, and the name and kind
 * ("func", "table", "memory", "global", "tag") of each; NULL past the end. */
WASMFX_API size_t wasmfx_export_count(const wasmfx_instance *i);
WASMFX_API const char *wasmfx_export_name(const wasmfx_instance *i, size_t k);
WASMFX_API const char *wasmfx_export_kind(const wasmfx_instance *i, size_t k);

/* ---------------------------------------------------------------- Running */

/* A step hook sees each reduction of an invocation before it happens.
 * Returning 0 stops the run (WASMFX_LIMIT, "stopped by the step hook"). */
typedef struct wasmfx_step {
  uint32_t depth;        /* active calls */
  const char *func;      /* the current function: $name or "func N" */
  const char *instr;     /* the instruction, in the text format: "i32.add" */
  const char *position;  /* where it is in its module ("" if unknown) */
} wasmfx_step;

typedef int wasmfx_step_hook(void *env, const wasmfx_step *step);

/* Sets the hook (NULL: none) for the store's invocations. */
WASMFX_API void wasmfx_set_step_hook(wasmfx_store *s, wasmfx_step_hook *hook, void *env);

/* Invokes an exported function with arguments of its parameter types.  Its
 * results stay in the store until the next call that runs code. */
WASMFX_API wasmfx_outcome wasmfx_invoke(wasmfx_instance *i, const char *name,
                                        const wasmfx_value *args, size_t nargs);

/* Reads an exported global into the results. */
WASMFX_API wasmfx_outcome wasmfx_get(wasmfx_instance *i, const char *name);

/* The results of the last wasmfx_invoke or wasmfx_get that succeeded. */
WASMFX_API size_t wasmfx_result_count(const wasmfx_store *s);
WASMFX_API wasmfx_value wasmfx_result(const wasmfx_store *s, size_t k);

#ifdef __cplusplus
}
#endif

#endif
