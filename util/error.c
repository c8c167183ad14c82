#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>

bool error_at(Error *e, Phase phase, Loc loc, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  error_vat(e, phase, loc, fmt, ap);
  va_end(ap);
  return false;
}

bool error_vat(Error *e, Phase phase, Loc loc, const char *fmt, va_list ap)
{
  if (e->phase != PHASE_NONE)
    return false;
  e->phase = phase;
  e->loc = loc;
  vsnprintf(e->message, sizeof e->message, fmt, ap);
  return false;
}

void loc_format(char *out, size_t n, Loc loc)
{
  if (loc.line)
    snprintf(out, n, "%s:%u:%u", loc.file, loc.line, loc.col);
  else
    snprintf(out, n, "%s:0x%x", loc.file, loc.col);
}

void error_clear(Error *e)
{
  e->phase = PHASE_NONE;
  e->loc = (Loc){0};
  e->message[0] = '\0';
}

const char *phase_name(Phase phase)
{
  switch (phase) {
  case PHASE_NONE: return "no error";
  case PHASE_IO: return "i/o error";
  case PHASE_MALFORMED: return "syntax error";
  case PHASE_INVALID: return "invalid module";
  case PHASE_UNLINKABLE: return "link failure";
  case PHASE_TRAP: return "runtime trap";
  case PHASE_EXHAUSTION: return "resource exhaustion";
  case PHASE_EXCEPTION: return "uncaught exception";
  case PHASE_SUSPENSION: return "unhandled suspension";
  case PHASE_FUEL: return "implementation limit";
  case PHASE_SCRIPT: return "script error";
  case PHASE_INTERNAL: return "runtime crash";
  case PHASE_TIMEOUT: return "timeout";
  }
  return "error";
}
