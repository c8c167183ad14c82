/* Validation (spec: 2.*-validation, and the typing rules of the
 * stack-switching Explainer's "Specification changes"). */
#ifndef VALIDATE_VALIDATE_H
#define VALIDATE_VALIDATE_H

#include <stdbool.h>

#include "syntax/ast.h"
#include "syntax/types.h"
#include "util/error.h"

typedef struct ValidateOptions {
  bool stack_switching;  /* false: exact Wasm 3.0 (no cont types, tags without results) */
} ValidateOptions;

/* Validates a module.  Its rec groups are interned in ts (as any use of the
 * module will need them).  On failure `err` says why (PHASE_INVALID, the
 * suite's message) and where (the module's source position). */
bool validate_module(TypeStore *ts, const Module *m, const ValidateOptions *opt, Error *err);

#endif
