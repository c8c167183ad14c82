/* Messages of linking and instantiation, of the machine and of the
 * store's limits (see util/messages.h). */
#ifndef INTERP_MESSAGES_H
#define INTERP_MESSAGES_H

#include "util/messages.h"

/* 4.5-execution.modules: linking */
#define UNLINKABLE_UNKNOWN_IMPORT "unknown import \"%.*s\" \"%.*s\""   /* module, name */
#define UNLINKABLE_INCOMPATIBLE "incompatible import type"

/* The store's limits: reasons that follow "out of memory: " */
#define EXHAUSTION_OUT_OF_MEMORY_BECAUSE EXHAUSTION_OUT_OF_MEMORY ": %s"
#define EXHAUSTION_HOST_MEMORY "the host cannot allocate more"
#define EXHAUSTION_INSTANCES "too many modules: a run may define and instantiate %u modules (--max-modules)"
#define EXHAUSTION_TABLE "a table of %llu entries is beyond the limit of %llu entries for all tables (%llu in use)"
#define EXHAUSTION_MEMORY "a memory of %llu pages is beyond the limit of %llu bytes for all memories (%llu in use)"

/* Host functions: dummy imports (interp/host.c) and Binaryen's
 * fuzzing-support (interp/fuzzing.c), worded as Binaryen's harness words them */
#define EXHAUSTION_HEAP_FULL "the heap is full"
#define EXCEPTION_UNHANDLED "unhandled exception"
#define TRAP_SUSPEND_THROUGH_JS "suspend through JS"
#define TRAP_DUMMY_NON_NULLABLE "dummy import cannot return a non-nullable reference"

/* The WASI host (interp/wasi.c): its pointers reach outside memory as
 * TRAP_MEMORY; TRAP_WASI_EXIT is how proc_exit unwinds the run, which the
 * runner turns into the exit status it gives */
#define TRAP_WASI_NO_MEMORY "missing memory export \"memory\""
#define TRAP_WASI_NOT_MEMORY "export \"memory\" is not a memory"
#define TRAP_WASI_EXIT "exit with status %" PRIu32
#define TRAP_WASI_EXIT_STATUS "invalid exit status %" PRIu32 " (proc_exit takes 0 to 125)"

/* The machine (interp/eval.c, control.c, stack.c): traps as the suites word them, the
 * outcomes of stack switching, exceptions and limits */
#define TRAP_UNREACHABLE "unreachable executed"
#define TRAP_MEMORY "out of bounds memory access"
#define TRAP_TABLE "out of bounds table access"
#define TRAP_ARRAY "out of bounds array access"
#define TRAP_UNDEFINED "undefined element"
#define TRAP_UNINITIALIZED "uninitialized element"
#define TRAP_INDIRECT "indirect call type mismatch"
#define TRAP_CAST "cast failure"
/* how TRAP_CAST and TRAP_INDIRECT name both types, as the official interpreter does */
#define TRAP_TYPES "%s, expected %.*s but got %.*s"
#define TRAP_NULL "null reference"
#define TRAP_NULL_FUNC "null function reference"
#define TRAP_NULL_STRUCT "null structure reference"
#define TRAP_NULL_ARRAY "null array reference"
#define TRAP_NULL_I31 "null i31 reference"
#define TRAP_NULL_EXN "null exception reference"
#define TRAP_NULL_CONT "null continuation reference"
#define TRAP_CONSUMED "continuation already consumed"
#define SUSPENSION_UNHANDLED "unhandled tag"
#define EXHAUSTION_CALL_STACK "call stack exhausted"
#define FUEL_OUT "out of fuel"
#define TIMEOUT_EXCEEDED "the run took more than its time limit of %" PRIu64 " s"
#define EXHAUSTION_HOST_NESTED EXHAUSTION_CALL_STACK ": host calls nested %u deep"
#define EXHAUSTION_HEAP "objects and stacks need more than the heap limit of %" PRIu64 " bytes"

/* Our own bugs */
#define INTERNAL_NOT_IMPLEMENTED "%s is not implemented yet"
#define INTERNAL_UNVALIDATED_TYPE "type %u of an unvalidated module"

#endif
