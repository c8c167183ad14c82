/* The host module `spectest` (spec: script-format-README.md, "Spectest
 * host module"). */
#ifndef INTERP_HOST_H
#define INTERP_HOST_H

#include "interp/store.h"

/* Makes the spectest instance: globals global_i32/i64/f32/f64 (666 and
 * 666.6), tables table (10..20 funcref) and table64, memory (1..2) and the
 * print functions, which print their arguments to the store's output. */
ModuleInst *host_spectest(Store *s, Error *err);

/* The deftype of a function type with these parameters and no results: a
 * rec group of its own, interned like any module's; NULL if out of memory. */
const DefType *host_functype(Store *s, const ValType *params, uint32_t n);

/* The same with m results (a host module's functions: WASI's). */
const DefType *host_functype_results(Store *s, const ValType *params, uint32_t n,
                                     const ValType *results, uint32_t m);

/* --dummy-imports: a stand-in for an import nobody provides, of its
 * declared type (`types` are the importing module's, closed): a function
 * returning the defaults of its result types, a global holding its type's
 * default, a memory or table of the declared minimum size (a table of
 * nulls), a fresh tag.  False if the type has no default (a non-nullable
 * global or table: err untouched) or out of memory (err set). */
bool host_dummy(Store *s, const DefType *const *types, const Import *im, ExternVal *out, Error *err);

#endif
