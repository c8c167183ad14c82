/* The library's messages (see util/messages.h): a program's misuse of the
 * API (WASMFX_USAGE), and the outcomes only the API has.  Those it shares
 * with scripts come from interp/messages.h and script/messages.h. */
#ifndef API_MESSAGES_H
#define API_MESSAGES_H

#include "interp/messages.h"
#include "script/messages.h"

/* Misuse, named by the function misused */
#define USAGE_SET_LIMIT "wasmfx_set_limit: no store, or called from a host function"
#define USAGE_DEPTH "wasmfx_set_limit: a depth or a count of instances must be 1 to 2^32 - 1"
#define USAGE_LIMIT "wasmfx_set_limit: unknown limit"
#define USAGE_LOAD "wasmfx_module_load: a NULL argument or an unknown format"
#define USAGE_LOAD_FILE "wasmfx_module_load_file: a NULL argument"
#define USAGE_VALIDATE "wasmfx_module_validate: no module, or called from a host function"
#define USAGE_DEFINE_FUNC "wasmfx_define_func: a NULL argument, or called from a host function"
#define USAGE_FUNC_TYPE "wasmfx_define_func: not a function type's params and results"
#define USAGE_INSTANTIATE "wasmfx_instantiate: a NULL argument, or called from a host function"
#define USAGE_REGISTER "wasmfx_register: a NULL argument, or called from a host function"
#define USAGE_INVOKE "wasmfx_invoke: a NULL argument, or called from a host function"
#define USAGE_GET "wasmfx_get: a NULL argument, or called from a host function"

/* Exports and arguments a program names */
#define SCRIPT_API_UNKNOWN_EXPORT "unknown export \"%s\""
#define SCRIPT_API_EXPORT_KIND "export \"%s\" is not a %s"          /* name, kind */
#define SCRIPT_API_ARG_COUNT "wrong number of arguments: %zu for %u"

/* Host functions and hooks */
#define TRAP_HOST_RESULT "host function %s %s returned a %s for result %u"
#define EXHAUSTION_FILE "file too large, or out of memory"
#define FUEL_STEP_HOOK "stopped by the step hook"

#endif
