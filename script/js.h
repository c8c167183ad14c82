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
/* The commands are those that ran (`-o x.js` after files, `(output …)`),
 * which may come from several scripts: script_of names each one's. */
typedef const Script *(*ScriptOf)(void *ctx, const Command *c);
void js_print_commands(Buf *out, const char *name, const Command *const *cs, uint32_t n,
                       ScriptOf script_of, void *ctx);

#endif
