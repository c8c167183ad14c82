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
 * *stats (and stats->scripts counts it) and its failures and errors are
 * reported as it runs.  Returns the phase of the error that stopped it
 * (PHASE_NONE if none): if the file could not be read or parsed, or its
 * module failed, that error is in err, with a trap's backtrace in
 * *backtrace (which may be NULL), for the caller to report; an error of a
 * script's command was reported, and err is clear. */
Phase run_file(Runner *r, const char *path, RunStats *stats, Buf *backtrace, Error *err);

/* The command line's rule for WASI programs: if argv[0] names a module
 * file (.wat, .wasm) that is a WASI command (interp/wasi.h,
 * wasi_is_command), runs it with argv as its arguments (run_wasi_command),
 * reports its error, and returns its exit status.  -1 if it is not one, or
 * cannot be read or parsed: then it is run as any module file, which
 * reads it again and reports why.  A binary module is decoded only if both
 * names are among its bytes; a text module is parsed (strings may spell a
 * name with escapes), and parsed again if it is no command. */
int run_command_file(Runner *r, int argc, char *const *argv);

/* Parses and runs script text (-e, a REPL entry) named `name` in
 * messages; takes `text` (allocated with mem_alloc, NUL-terminated).
 * Results as run_file. */
Phase run_text(Runner *r, const char *name, char *text, size_t len, RunStats *stats, Error *err);

/* Runs script text as run_text does (a REPL entry, --invoke's command),
 * reports the error that stopped it, and returns its exit status
 * (input_status). */
int run_text_status(Runner *r, const char *name, char *text, size_t len);

/* Reports on r->err an error that a file (or -e command) ended with, which
 * run_file left to its caller (nothing if err is clear): "error:" for one of
 * reading or checking it, the phase's name for one of running it, then the
 * trap's backtrace (backtrace may be NULL). */
void report_error(Runner *r, const Error *err, const Buf *backtrace);

/* The exit status of a file, -e command or REPL entry: that of the error
 * that stopped it (fatal), else STATUS_FAILED if an assertion failed, else
 * STATUS_OK. */
int input_status(Phase fatal, const RunStats *stats);

/* Whether a status is an error's (one that stops a run). */
bool status_is_error(int status);

/* A run's status after one more input of status st: the first error's;
 * STATUS_FAILED if an assertion failed and nothing worse happened. */
int status_worse(int status, int st);

/* Writes what (output $id "file") names, in the format of the file's
 * extension: the module as text (.wat) or binary (.wasm), the script as
 * text (.wast) or with every module in binary (.bin.wast).  A NULL path
 * prints the module's text on r->out.  False with err set on failure. */
bool write_output(Runner *r, const char *path, Name id, Error *err);

/* Where an error of this module happened, as messages begin: the file for
 * one about a whole file (i/o, its type), file:line:col or file:0xOFFSET, or the
 * program's name if it has no place. */
void error_where(char *out, size_t n, const Error *err);

/* Whether a file is of a type that can be read (run_file) or, if output,
 * written (write_output), by its extension; false with err set (a script
 * error: on the command line, a usage error) if not. */
bool file_type_known(const char *path, bool output, Error *err);

/* Whether a file name has that ending. */
bool has_suffix(const char *s, const char *suffix);

#endif
