/* The binary format (spec: 5.*-binary, and the stack-switching Explainer's
 * "Binary format"). */
#ifndef BINARY_BINARY_H
#define BINARY_BINARY_H

#include <stddef.h>
#include <stdint.h>

#include "syntax/ast.h"
#include "util/buf.h"
#include "util/error.h"

/* Decodes a module.  The result is the same abstract syntax the text parser
 * builds for the same module.  NULL on error, with `err` set (phase
 * PHASE_MALFORMED, the suite's message, and the byte offset as position).
 * Never reads outside [bytes, bytes + len); never allocates more than a
 * small multiple of len. */
Module *decode_module(const char *file, const uint8_t *bytes, size_t len, Error *err);

/* Encodes a module so that decode_module gives back the same abstract
 * syntax (module_eq).  Allocation failure is recorded in out->failed. */
void encode_module(Buf *out, const Module *m);

#endif
