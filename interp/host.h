/* The host module `spectest` (spec: script-format-README.md, "Spectest
 * host module"). */
#ifndef INTERP_HOST_H
#define INTERP_HOST_H

#include "interp/store.h"

/* Makes the spectest instance: globals global_i32/i64/f32/f64 (666 and
 * 666.6), tables table (10..20 funcref) and table64, memory (1..2) and the
 * print functions, which print their arguments to the store's output. */
ModuleInst *host_spectest(Store *s, Error *err);

#endif
