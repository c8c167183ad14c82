/* A script as JavaScript (`wasmfx-ref script.wast -o script.js`): a
 * self-contained program that runs the script's commands on an engine's
 * WebAssembly JS API, in Node or an engine shell (doc/js.md). */
#ifndef SCRIPT_JS_H
#define SCRIPT_JS_H

#include "syntax/script.h"
#include "util/buf.h"

/* Writes the program: the harness (script/js_harness.js), then one call per
 * command, every module in binary form.  What cannot be converted becomes
 * a `skip` or a failing command with the reason, never a silent omission.
 * Allocation failure is recorded in out->failed. */
void js_print_script(Buf *out, const Script *s);

#endif
