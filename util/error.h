/* Errors are values.  Deep code fills in an Error and returns false (or
 * NULL); only the driver prints.  The phase says which outcome of the spec
 * the error is, so the script runner can tell "malformed" from "invalid". */
#ifndef UTIL_ERROR_H
#define UTIL_ERROR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum Phase {
  PHASE_NONE,        /* no error */
  PHASE_IO,          /* a file could not be read or written */
  PHASE_MALFORMED,   /* text or binary does not parse / decode */
  PHASE_INVALID,     /* the module does not validate */
  PHASE_UNLINKABLE,  /* imports do not match */
  PHASE_TRAP,
  PHASE_EXHAUSTION,  /* a resource ran out: the call stack, the heap, memories, tables, instances,
                      * a module's size, the host's memory ("resource exhaustion") */
  PHASE_EXCEPTION,   /* an uncaught Wasm exception */
  PHASE_SUSPENSION,  /* a suspend without a handler */
  PHASE_FUEL,        /* the work limit, --fuel ("out of fuel") */
  PHASE_SCRIPT,      /* a script command that cannot be carried out: an unknown module, export … */
  PHASE_INTERNAL,    /* something that cannot happen in valid code: unchecked code that does not validate ("runtime crash") */
  PHASE_TIMEOUT      /* the wall-clock time of --timeout ran out */
} Phase;

/* A source position.  For text, line and column (both from 1); for binary,
 * line is 0 and col is the byte offset. */
typedef struct Loc {
  const char *file;
  uint32_t line, col;
} Loc;

enum { ERROR_MESSAGE_MAX = 512 };

typedef struct Error {
  Phase phase;
  Loc loc;
  char message[ERROR_MESSAGE_MAX];
} Error;

/* Records the first error only: later calls leave an existing error alone,
 * so the innermost, earliest cause is what the user sees.  Returns false, so
 * callers can write `return error_at(...)`. */
bool error_at(Error *e, Phase phase, Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* error_at for the error functions of a layer, which take a format too. */
bool error_vat(Error *e, Phase phase, Loc loc, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

void error_clear(Error *e);

/* Formats a position as messages show it: file:line:col in a text,
 * file:0xOFFSET in a binary.  Writes at most n bytes, NUL-terminated. */
void loc_format(char *out, size_t n, Loc loc);

/* The name of a phase as the official interpreter prints it
 * ("syntax error", "invalid module", "trap", ...). */
const char *phase_name(Phase phase);

#endif
