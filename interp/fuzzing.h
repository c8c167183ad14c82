/* The host module `fuzzing-support`: the imports Binaryen's fuzzer
 * (`wasm-opt -ttf`) gives the modules it generates, with the semantics of
 * Binaryen's JS harness (scripts/fuzz_shell.js) and of its own
 * interpreter's (`wasm-opt --fuzz-exec`), so that their logs compare line
 * for line with ours. */
#ifndef INTERP_FUZZING_H
#define INTERP_FUZZING_H

#include <stdbool.h>

#include "interp/store.h"
#include "util/buf.h"

typedef struct FuzzingHost FuzzingHost;

/* The payload of the externref that stands for a JS exception: its
 * exceptions carry it, and logs print it as `jserror`. */
enum { FUZZING_JS_ERROR = 0xbad };

/* Makes the host in a store (freed with it); NULL with err set if out of
 * memory. */
FuzzingHost *fuzzing_new(Store *s, Error *err);

/* Provides an import if the host has it: the functions and tags of
 * `fuzzing-support`, and, under any module name, an immutable externref
 * global (holding an externref whose payload the harness computes from the
 * two names).  `types` are the importing module's, closed.  True with *out
 * set if it does; false if not, with err set only if out of memory. */
bool fuzzing_import(FuzzingHost *h, const DefType *const *types, const Import *im, ExternVal *out,
                    Error *err);

/* The instance whose exports call-export, table-get and table-set use;
 * NULL (the default) while it is being instantiated: then they throw, as
 * the harness has no exports yet. */
void fuzzing_set_target(FuzzingHost *h, ModuleInst *target);

/* Where the log functions' lines go (without their newline): by default
 * (log NULL) to the store's output, a line each. */
typedef void FuzzingLog(void *env, const char *line, size_t len);
void fuzzing_set_log(FuzzingHost *h, FuzzingLog *log, void *env);

/* The name Binaryen gives the tag of an exception of this host
 * ("imported-wasm-tag", "imported-js-tag"), or NULL for another tag. */
const char *fuzzing_tag_name(const FuzzingHost *h, const TagInst *tag);

/* A value as Binaryen's fuzzing log prints it: integers in signed
 * decimal, floats as its printer writes them (nan:0xPAYLOAD, inf, the
 * shorter of fixed and exponent notation), a v128 as i32x4 lanes in hex,
 * and references only by kind (null, function, object(null),
 * externref(N), jserror, i31ref(N)), as JS can see them. */
void fuzzing_print_value(Buf *b, Value v);

#endif
