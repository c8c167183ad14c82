/* The text format: parsing modules and scripts, and printing them back.
 * (spec: 6.*-text, script-format-README.md) */
#ifndef TEXT_TEXT_H
#define TEXT_TEXT_H

#include <stddef.h>

#include "syntax/ast.h"
#include "syntax/script.h"
#include "util/buf.h"
#include "util/error.h"

/* Parses a module: `(module $id? field*)` or a bare `field*`, as in a .wat
 * file or the text of `(module quote …)`.  Identifiers are resolved and
 * abbreviations expanded.  `src` must stay alive as long as the module's
 * positions are used; it need not be NUL-terminated.  NULL on error, with
 * `err` set (phase PHASE_MALFORMED). */
Module *text_parse_module(const char *file, const char *src, size_t len, Error *err);

/* Parses a whole .wast script.  NULL on error. */
Script *text_parse_script(const char *file, const char *src, size_t len, Error *err);

/* Prints a module in the text format, with numeric indices only, so that
 * parsing the output gives back the same abstract syntax. */
void text_print_module(Buf *out, const Module *m);

/* Prints one plain instruction, as in a module: `i32.const 1`.  The
 * script runner prints values this way. */
void text_print_instr(Buf *out, const Instr *in);
/* The same with the names nm gives for its indices: `resume $ct (on $yield $h)`. */
void text_print_instr_named(Buf *out, const Instr *in, const IndexNamer *nm);
/* Parts of one, likewise: an index of a space, a handler clause, a catch clause. */
void text_print_index(Buf *out, const IndexNamer *nm, ImmIndex space, uint32_t idx);
void text_print_handler(Buf *out, const Handler *h, const IndexNamer *nm);
void text_print_catch(Buf *out, const Catch *c, const IndexNamer *nm);

/* Prints a script.  With a non-NULL `encode`, which writes a module's
 * binary form, every text module is printed as `(module binary …)`. */
typedef void (*ModuleEncoder)(Buf *out, const Module *m);
void text_print_script(Buf *out, const Script *s, ModuleEncoder encode);

/* Prints one command (of a script's commands run: no meta command), no
 * newline after it. */
void text_print_command(Buf *out, const Command *c, ModuleEncoder encode);

#endif
