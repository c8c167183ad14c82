/* The REPL: lines are gathered until they hold whole commands (balanced
 * parentheses, as the official interpreter's `> ` and `  ` prompts show),
 * then run as a script of their own in the runner's shared state: modules
 * stay defined and registered from one entry to the next. */

#include "script/repl.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "script/files.h"
#include "util/mem.h"

#ifdef HAVE_LIBEDIT
#include <editline/readline.h>
#include <stdlib.h>
#endif

bool repl_complete(const char *text, size_t len)
{
  long depth = 0, comment = 0;   /* open parentheses, open block comments */
  bool token = false;
  for (size_t i = 0; i < len; i++) {
    char c = text[i], next = i + 1 < len ? text[i + 1] : '\0';
    if (comment) {   /* (; … ;) nest */
      if (c == '(' && next == ';')
        comment++, i++;
      else if (c == ';' && next == ')')
        comment--, i++;
    } else if (c == '(' && next == ';') {
      comment = 1;
      i++;
    } else if (c == ';' && next == ';') {   /* to the end of the line */
      while (i < len && text[i] != '\n')
        i++;
    } else if (c == '"') {   /* a string ends at its quote or, unterminated, at the line's end */
      token = true;
      for (i++; i < len && text[i] != '"' && text[i] != '\n'; i++)
        if (text[i] == '\\' && i + 1 < len && text[i + 1] != '\n')
          i++;
    } else if (c == '(') {
      depth++;
      token = true;
    } else if (c == ')') {
      depth--;
      token = true;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      token = true;
    }
  }
  return token && depth <= 0 && comment == 0;
}

/* One line with its newline, or NULL at the end of input; allocated with
 * mem_alloc.  On a terminal the prompt is shown, and with libedit the line
 * can be edited and is remembered in the history. */
static char *read_line(const char *prompt, bool tty)
{
#ifdef HAVE_LIBEDIT
  if (tty) {
    char *line = readline(prompt);
    if (!line)
      return NULL;
    if (*line)
      add_history(line);
    size_t n = strlen(line);
    char *copy = mem_alloc(n + 2);
    if (copy) {
      memcpy(copy, line, n);
      memcpy(copy + n, "\n", 2);
    }
    free(line);   /* readline's, from malloc */
    return copy;
  }
#endif
  if (tty) {
    fputs(prompt, stdout);
    fflush(stdout);
  }
  size_t cap = 256, n = 0;
  char *buf = mem_alloc(cap);
  int c = 0;
  while (buf && (c = getchar()) != EOF) {
    if (n + 2 > cap) {
      char *bigger = mem_realloc(buf, cap * 2);
      if (!bigger) {
        mem_free(buf);
        return NULL;
      }
      buf = bigger;
      cap *= 2;
    }
    buf[n++] = (char)c;
    if (c == '\n')
      break;
  }
  if (buf && c == EOF && n == 0) {
    mem_free(buf);
    return NULL;
  }
  if (buf)
    buf[n] = '\0';
  return buf;
}

int run_repl(Runner *r)
{
  int status = STATUS_OK;
  bool tty = isatty(STDIN_FILENO);
  if (tty)
    printf("%s %s: WebAssembly 3.0 + stack switching; enter script commands, Ctrl-D ends\n",
           PACKAGE_NAME, PACKAGE_VERSION);
  char *entry = NULL;   /* the lines of an unfinished entry */
  size_t len = 0;
  for (;;) {
    char *line = read_line(entry ? "  " : "> ", tty);
    if (!line)
      break;
    size_t n = strlen(line);
    char *more = mem_realloc(entry, len + n + 1);
    if (!more) {
      mem_free(line);
      fprintf(stderr, "wasmfx-ref: error: out of memory\n");
      break;
    }
    entry = more;
    memcpy(entry + len, line, n + 1);
    len += n;
    mem_free(line);
    if (repl_complete(entry, len)) {
      status = status_worse(status, run_text_status(r, "stdin", entry, len));   /* takes entry */
      entry = NULL;
      len = 0;
    } else if (strspn(entry, " \t\r\n") == len) {
      mem_free(entry);   /* an empty line: nothing to wait for */
      entry = NULL;
      len = 0;
    }
  }
  if (entry)
    status = status_worse(status, run_text_status(r, "stdin", entry, len));   /* unfinished: its error says what is missing */
  if (tty)
    putchar('\n');
  return status;
}
