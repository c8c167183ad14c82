/* The host module `wasi_snapshot_preview1` (WASI preview 1, its
 * witx/wasi_snapshot_preview1.witx): as much of it as a C program built
 * for wasm32-wasi with wasi-libc needs to run as a command — its
 * arguments and environment, clocks, random bytes, output on fd 1 and 2,
 * proc_exit — deterministic where an oracle needs it.  Every other
 * function of preview 1 is there and returns ENOSYS, so that any program
 * links.  Pointers are 32-bit offsets into the memory the calling instance
 * exports as "memory"; one out of bounds traps. */
#ifndef INTERP_WASI_H
#define INTERP_WASI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "interp/store.h"

/* What the host gives the program besides its arguments. */
typedef struct WasiConfig {
  const char *const *env;   /* NAME=VALUE strings, the environment in order (none by default) */
  uint32_t nenv;
  uint64_t seed;            /* random_get's generator's seed: the same bytes for the same seed */
  bool fixed_clock;         /* every clock reads WASI_FIXED_START (realtime) or 0, plus
                             * WASI_FIXED_STEP per clock_time_get before it */
} WasiConfig;

/* --wasi-clock=fixed: the realtime clock starts at 10^9 s after the
 * epoch (2001-09-09T01:46:40Z), and each read of a clock is a
 * millisecond after the one before. */
#define WASI_FIXED_START UINT64_C(1000000000000000000)
#define WASI_FIXED_STEP UINT64_C(1000000)

typedef struct WasiHost WasiHost;

/* Makes the host in a store (freed with it) for a command run with these
 * arguments (argv[0] the program's name; kept, not copied), writing fd 1
 * to `out` and fd 2 to `err`; NULL with e set if out of memory. */
WasiHost *wasi_new(Store *s, const WasiConfig *c, uint32_t argc, char *const *argv, FILE *out,
                   FILE *err, Error *e);

/* Provides an import of `wasi_snapshot_preview1` whose name is a preview 1
 * function: that function, of its own type (an import declared with
 * another type, or kind, does not match it).  False for any other import,
 * with err set only if out of memory. */
bool wasi_import(WasiHost *h, const Import *im, ExternVal *out, Error *err);

/* Whether proc_exit ended the run (the invocation that called it failed
 * with a trap, which is not one); *status is what it gave, 0 to 125. */
bool wasi_exited(const WasiHost *h, uint32_t *status);

/* Whether a module is a WASI command: it imports from
 * wasi_snapshot_preview1 and exports a function `_start`. */
bool wasi_is_command(const Module *m);

#endif
