/* The interactive mode (-i, or no FILE on a terminal), as the official
 * interpreter's REPL: script commands read from standard input, each run
 * once its parentheses balance, in the runner's shared state. */
#ifndef SCRIPT_REPL_H
#define SCRIPT_REPL_H

#include "script/run.h"

/* Reads and runs commands until the end of standard input.  On a terminal
 * it prompts, and edits lines with libedit where the build found it.  An
 * error stops only its entry; the status is the first error's, else
 * STATUS_FAILED if an assertion failed, else STATUS_OK. */
int run_repl(Runner *r);

/* Whether text holds a whole command (or more): some token outside
 * comments, and every `(` closed.  Strings and comments are skipped. */
bool repl_complete(const char *text, size_t len);

#endif
