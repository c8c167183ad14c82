/* The lexer of the text format (spec: 6.0-text.lexical, 6.1-text.values).
 * Internal to text/. */
#ifndef TEXT_LEXER_H
#define TEXT_LEXER_H

#include "text/parse.h"

/* Codes of the script-pattern keywords (token REFPAT) that are not heap
 * types: (ref.extern n) and (ref.host n).  The others carry a HeapKind. */
enum { REFPAT_EXTERN = 0x100, REFPAT_HOST = 0x101 };

typedef struct Lexer {
  TextParser *p;
  const unsigned char *src;  /* the source; src[lim - src] must be NUL */
  const unsigned char *cur, *lim, *mar, *tok;
  uint32_t annotation;       /* nesting depth inside (@id …) */
  uint32_t depth;            /* open parentheses outside annotations */
  uint32_t module_depth;     /* in a script, depth of the fields of the (module …) being read; 0: none */
  int prev;                  /* the last token's code */
} Lexer;

void lexer_init(Lexer *l, TextParser *p, const char *src, size_t len);

/* The next token's code (TOK_… from text/parser.h) with its text in *t;
 * 0 at the end of the input; -1 after an error (recorded in p). */
int lexer_next(Lexer *l, Token *t);

/* Decodes the text of a STRING token (quotes included) into bytes.  The
 * lexer has already checked it, so this cannot fail but for memory. */
bool lexer_string_bytes(Arena *a, Token t, Bytes *out);

#endif
