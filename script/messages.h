/* The script runner's messages (see util/messages.h): commands that cannot
 * be carried out (phase "script"), files (phase "i/o"), and the failures of
 * assertions, which are not errors of a phase but say what was expected
 * and what came. */
#ifndef SCRIPT_MESSAGES_H
#define SCRIPT_MESSAGES_H

#include "util/messages.h"

/* Modules, instances and exports a command names */
/* --run-all-exports, worded as Binaryen's fuzzer words it */
#define TRAP_NOT_DEFAULTABLE "fuzzer can only send defaultable parameters to exports"

#define SCRIPT_UNKNOWN_DEFINITION "unknown module definition $%.*s"
#define SCRIPT_NO_DEFINITION "no module definition to instantiate"
#define SCRIPT_UNKNOWN_MODULE "unknown module $%.*s"
#define SCRIPT_NO_INSTANCE "no module instance to use"
#define SCRIPT_UNKNOWN_EXPORT "unknown export \"%.*s\""
#define SCRIPT_NOT_GLOBAL "export is not a global"
#define SCRIPT_NOT_FUNC "export is not a function"
#define SCRIPT_ARG_COUNT "wrong number of arguments"
#define SCRIPT_ARG_TYPE "wrong type of argument %u"
#define SCRIPT_WASI_START "a WASI command's _start must be a function of type [] -> []"

/* Files: reading (input …), writing (output …) and -o */
#define SCRIPT_FILE_TYPE "unknown file type (expected %s)"    /* one of: */
#define SCRIPT_FILE_TYPES_IN ".wast, .wat or .wasm"
#define SCRIPT_FILE_TYPES_OUT ".wast, .bin.wast, .js, .wat or .wasm"
#define SCRIPT_UNKNOWN_OUTPUT "unknown %s $%.*s"            /* script or module, its name */
#define SCRIPT_NO_OUTPUT "no %s defined"                    /* script or module */
#define SCRIPT_NO_JS "nothing to write as .js: -o writes the latest script as JavaScript"
#define SCRIPT_NO_INPUT "input from files is disabled"
#define SCRIPT_NO_FILES "output to files is disabled"
#define SCRIPT_INPUT_DEPTH "input nested too deeply"
#define IO_FILE_NAME "file name too long"
#define EXHAUSTION_FILE_SIZE "file too large"

/* Assertions that fail: what was expected, and what came */
#define FAILURE_RETURN "assertion failure: expected %.*s, got %.*s"
#define FAILURE_NO_VALUES "no values"
#define FAILURE_VALUES "assertion failure: expected %s \"%.*s\", got %s%.*s"
#define FAILURE_PHASE "assertion failure: expected %s \"%.*s\", got %s: %s"
#define FAILURE_INSTANTIATED "assertion failure: module instantiated, expected %s \"%.*s\""
#define FAILURE_MALFORMED "assertion failure: module is malformed (%s), expected invalid \"%.*s\""
#define FAILURE_VALID "assertion failure: module is valid, expected \"%.*s\""
#define FAILURE_TEXT_WELL_FORMED "assertion failure: a text module is well-formed, expected \"%.*s\""
#define FAILURE_WELL_FORMED "assertion failure: module is well-formed, expected \"%.*s\""
#define FAILURE_MESSAGE "assertion failure: wrong error \"%s\", expected \"%.*s\""

#endif
