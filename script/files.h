/* The files of a run: scripts and modules read by their extension, and
 * modules and scripts written by theirs (script-format-README.md,
 * "Synopsis" and the `input` and `output` meta commands).  The command
 * line, the REPL and the meta commands share these. */
#ifndef SCRIPT_FILES_H
#define SCRIPT_FILES_H

#include <stdbool.h>
#include <stddef.h>

#include "script/run.h"

/* Reads, parses and runs a file by its extension: a script (.wast), a
 * module (.wat, .wasm); "-" is standard input, a script, or a binary
 * module if it starts with the binary magic.  A script's assertions add to
 * *stats and its failures are reported as it runs.  False with err set if
 * the file cannot be read or parsed, or its module fails; false with err
 * clear if the script had failures. */
bool run_file(Runner *r, const char *path, RunStats *stats, Error *err);

/* Parses and runs script text (-e, a REPL entry) named `name` in
 * messages; takes `text` (allocated with mem_alloc, NUL-terminated).
 * Results as run_file. */
bool run_text(Runner *r, const char *name, char *text, size_t len, RunStats *stats, Error *err);

/* Writes what (output $id "file") names, in the format of the file's
 * extension: the module as text (.wat) or binary (.wasm), the script as
 * text (.wast) or with every module in binary (.bin.wast).  A NULL path
 * prints the module's text on r->out.  False with err set on failure. */
bool write_output(Runner *r, const char *path, Name id, Error *err);

/* Where an error of this module happened, as messages begin: the file for
 * one about a whole file (i/o), file:line:col or file:0xOFFSET, or the
 * program's name if it has no place. */
void error_where(char *out, size_t n, const Error *err);

/* Whether a file name has that ending. */
bool has_suffix(const char *s, const char *suffix);

#endif
