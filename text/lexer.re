/* The lexer of the text format (spec: 6.0-text.lexical, 6.1-text.values).
 *
 * Tokens follow the longest-match rule.  The reserved-token rule matches
 * any run of idchars, strings and a few punctuation characters, so a run
 * like `0$x` or `"a""b"` is one token, reserved, and an error: tokens must
 * be separated by space or parentheses.  The spec counts `;` among those
 * characters too, but then `nop;;comment` would be one reserved token,
 * while the suite (token.wast) has a line comment end a token; so `;` is a
 * token of its own here, and as reserved as any.  Keywords are matched by
 * explicit rules listed before the generic ones, so a known keyword wins a tie and
 * an unknown one falls through to "unknown operator".
 *
 * Comments and annotations are space.  An annotation `(@id …)` may contain
 * any tokens, so inside one the lexer runs with `annotation` > 0 and
 * reports no unknown keywords. */

#include "text/lexer.h"

#include <string.h>

#include "text/messages.h"
#include "text/parser.h"
#include "util/utf8.h"

/*!re2c
  re2c:define:YYCTYPE = "unsigned char";
  re2c:define:YYCURSOR = "l->cur";
  re2c:define:YYMARKER = "l->mar";
  re2c:define:YYLIMIT = "l->lim";
  re2c:yyfill:enable = 0;
  re2c:eof = 0;

  sign      = [+-];
  digit     = [0-9];
  hexdigit  = [0-9a-fA-F];
  num       = digit ("_"? digit)*;
  hexnum    = hexdigit ("_"? hexdigit)*;
  nat       = num | "0x" hexnum;
  int       = sign nat;
  float     = sign? num "." num? ([eE] sign? num)?
            | sign? num [eE] sign? num
            | sign? "0x" hexnum "." hexnum? ([pP] sign? num)?
            | sign? "0x" hexnum [pP] sign? num
            | sign? "inf" | sign? "nan" | sign? "nan:0x" hexnum;
  idchar    = [0-9A-Za-z!#$%&'*+\-./:<=>?@\\^_`|~];
  strchar   = [^"\\\x00-\x1f\x7f] | "\\" [^\x00-\x1f\x7f];
  string    = "\"" strchar* "\"";
  id        = "$" (idchar+ | string);
  keyword   = [a-z] idchar*;
  reserved  = (idchar | string | [,[\]{}])+;
  newline   = "\n" | "\r\n" | "\r";
  space     = [ \t] | newline;
*/

void lexer_init(Lexer *l, TextParser *p, const char *src, size_t len)
{
  l->p = p;
  l->src = (const unsigned char *)src;
  l->cur = l->src;
  l->lim = l->src + len;
  l->mar = l->tok = l->src;
  l->annotation = 0;
  l->depth = l->module_depth = 0;
  l->prev = 0;
}

static uint32_t offset(const Lexer *l, const unsigned char *at)
{
  return (uint32_t)(at - l->src);
}

static int lex_error(Lexer *l, const unsigned char *at, const char *msg)
{
  text_error(l->p, offset(l, at), "%s", msg);
  return -1;
}

static int token(Lexer *l, Token *t, int code, uint32_t value);

/* A keyword or reserved token that is not a known keyword. */
static int unknown_operator(Lexer *l, Token *t)
{
  if (l->annotation)
    return token(l, t, TOK_PLAIN, 0);  /* any token is fine inside an annotation */
  int len = (int)(l->cur - l->tok);
  text_error(l->p, offset(l, l->tok), MALFORMED_OPERATOR, len > 80 ? 80 : len,
             (const char *)l->tok);
  return -1;
}

/* A byte that cannot start a token: a control character, a non-ASCII
 * character outside strings and comments, or broken UTF-8. */
static int illegal_character(Lexer *l, const unsigned char *at)
{
  uint32_t cp;
  if (*at >= 0x80 && utf8_decode(at, (size_t)(l->lim - at), &cp) == 0)
    return lex_error(l, at, MALFORMED_UTF8);
  return lex_error(l, at, MALFORMED_CHARACTER);
}

static int token(Lexer *l, Token *t, int code, uint32_t value)
{
  t->text = (const char *)l->tok;
  t->len = (uint32_t)(l->cur - l->tok);
  t->at = offset(l, l->tok);
  t->value = value;
  return code;
}

/* The token class of each shape's keywords (syntax/shapes.def). */
static const int shape_token[SHAPE_COUNT] = {
#define SHAPE(name, token, imm, x, y) [IMM_##name] = TOK_##token,
#include "syntax/shapes.def"
};

/* The token class of an instruction keyword: the grammar has one rule per
 * class; `if` shares block's shape but not its rule (it has then/else). */
static int instr_class(Op op)
{
  return op == OP_IF ? TOK_IF : shape_token[instr_info[op].shape];
}

static int instr_token(Lexer *l, Token *t, Op op)
{
  return token(l, t, instr_class(op), op);
}

static bool string_error(Lexer *l, const unsigned char *at, const char *msg)
{
  lex_error(l, at, msg);
  return false;
}

/* Checks the characters of a string token: escapes (spec: Tstringelem)
 * and UTF-8 of the literal characters. */
static bool check_string(Lexer *l)
{
  const unsigned char *s = l->tok, *end = l->cur - 1;
  while (*s != '"')
    s++;  /* skip a `$` of a quoted identifier */
  for (s++; s < end;) {
    if (*s >= 0x80) {
      uint32_t cp;
      size_t n = utf8_decode(s, (size_t)(end - s), &cp);
      if (n == 0)
        return string_error(l, s, MALFORMED_UTF8);
      s += n;
      continue;
    }
    if (*s++ != '\\')
      continue;
    switch (*s) {
    case 't': case 'n': case 'r': case '"': case '\'': case '\\':
      s++;
      continue;
    case 'u': {
      /* \u{hexnum}, a Unicode scalar value */
      const unsigned char *q = s + 1;
      uint32_t cp = 0;
      bool digits = false;
      if (*q++ != '{')
        return string_error(l, s - 1, MALFORMED_ESCAPE);
      for (; q < end && *q != '}'; q++) {
        int d = *q >= '0' && *q <= '9' ? *q - '0'
              : (*q | 0x20) >= 'a' && (*q | 0x20) <= 'f' ? (*q | 0x20) - 'a' + 10
              : *q == '_' && digits ? -2 : -1;
        if (d == -2)
          continue;
        if (d < 0 || cp > 0x10ffff)
          return string_error(l, s - 1, MALFORMED_ESCAPE);
        cp = cp * 16 + (uint32_t)d;
        digits = true;
      }
      if (q >= end || !digits || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
        return string_error(l, s - 1, MALFORMED_ESCAPE);
      s = q + 1;
      continue;
    }
    default:
      if (s + 1 < end && strchr("0123456789abcdefABCDEF", s[0]) && s[0] &&
          strchr("0123456789abcdefABCDEF", s[1]) && s[1]) {
        s += 2;
        continue;
      }
      return string_error(l, s - 1, MALFORMED_ESCAPE);
    }
  }
  return true;
}

static int hexval(unsigned char c)
{
  return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

bool lexer_string_bytes(Arena *a, Token t, Bytes *out)
{
  const unsigned char *s = (const unsigned char *)t.text;
  const unsigned char *end = s + t.len - 1;
  while (*s != '"')
    s++;
  s++;
  uint8_t *buf = arena_alloc(a, (size_t)(end - s) + 1);
  if (!buf)
    return false;
  uint32_t n = 0;
  while (s < end) {
    if (*s != '\\') {
      buf[n++] = *s++;
      continue;
    }
    s++;
    switch (*s) {
    case 't': buf[n++] = '\t'; s++; break;
    case 'n': buf[n++] = '\n'; s++; break;
    case 'r': buf[n++] = '\r'; s++; break;
    case '"': case '\'': case '\\': buf[n++] = *s++; break;
    case 'u': {
      uint32_t cp = 0;
      for (s += 2; *s != '}'; s++)
        if (*s != '_')
          cp = cp * 16 + (uint32_t)hexval(*s);
      s++;
      n += (uint32_t)utf8_encode(cp, buf + n);
      break;
    }
    default:
      buf[n++] = (uint8_t)(hexval(s[0]) * 16 + hexval(s[1]));
      s += 2;
    }
  }
  *out = (Bytes){buf, n};
  return true;
}

/* block comment ::= (; blockchar* ;)  — they nest (spec: Tblockcomment) */
static int skip_block_comment(Lexer *l)
{
  const unsigned char *start = l->tok;
  uint32_t depth = 1;
  while (depth > 0) {
    if (l->cur >= l->lim)
      return lex_error(l, start, MALFORMED_UNCLOSED_COMMENT);
    unsigned char c = *l->cur;
    if (c == '(' && l->cur + 1 < l->lim && l->cur[1] == ';') {
      depth++;
      l->cur += 2;
    } else if (c == ';' && l->cur + 1 < l->lim && l->cur[1] == ')') {
      depth--;
      l->cur += 2;
    } else if (c >= 0x80) {
      uint32_t cp;
      size_t n = utf8_decode(l->cur, (size_t)(l->lim - l->cur), &cp);
      if (n == 0)
        return lex_error(l, l->cur, MALFORMED_UTF8);
      l->cur += n;
    } else {
      l->cur++;
    }
  }
  return 0;
}

/* line comment ::= ;; linechar* (newline | eof) */
static int skip_line_comment(Lexer *l)
{
  while (l->cur < l->lim && *l->cur != '\n' && *l->cur != '\r') {
    if (*l->cur >= 0x80) {
      uint32_t cp;
      size_t n = utf8_decode(l->cur, (size_t)(l->lim - l->cur), &cp);
      if (n == 0)
        return lex_error(l, l->cur, MALFORMED_UTF8);
      l->cur += n;
    } else {
      l->cur++;
    }
  }
  return 0;
}

static int scan(Lexer *l, Token *t);

/* Whether an annotation at the current depth is a field of the module
 * being read: in a module text at the top or inside (module …); in a
 * script, directly inside a (module …). */
static bool at_module_field(const Lexer *l)
{
  return l->p->script ? l->module_depth && l->depth == l->module_depth : l->depth <= 1;
}

/* A custom section's place (custom annotations proposal): (before|after
 * section), section a name or first/last, as the id of the section it
 * follows (0 for the very start).  False if malformed. */
static bool custom_place(Token dir, Token sec, uint32_t *after)
{
  static const char *const order[] = {"type", "import", "func", "table", "memory", "tag",
                                      "global", "export", "start", "elem", "datacount", "code",
                                      "data"};
  static const uint8_t ids[] = {1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11};
  enum { N = sizeof ids };
  int i = sec.len == 5 && memcmp(sec.text, "first", 5) == 0 ? 0
        : sec.len == 4 && memcmp(sec.text, "last", 4) == 0 ? N - 1 : -1;
  for (int k = 0; i < 0 && k < N; k++)
    if (strlen(order[k]) == sec.len && memcmp(order[k], sec.text, sec.len) == 0)
      i = k;
  bool before = dir.len == 6 && memcmp(dir.text, "before", 6) == 0;
  if (i < 0 || (!before && !(dir.len == 5 && memcmp(dir.text, "after", 5) == 0)))
    return false;
  *after = before ? (i ? ids[i - 1] : 0) : ids[i];
  return true;
}

/* (@custom name place? string*): a custom section of the module being read,
 * kept for the binary form and printed back.  A malformed one, or one that
 * is not a module field, is skipped as any other annotation is. */
static int custom_annotation(Lexer *l, const unsigned char *start)
{
  Custom c = {.after = 11};   /* (after last) */
  Token name = {0}, dir = {0}, sec = {0};
  VEC(Token) content = {0};
  bool ok = true;
  unsigned state = 0;   /* 0 name, 1 place or content, 2 before, 3 section, 4 `)`, 5 content */
  uint32_t depth = 1;
  l->annotation++;
  while (depth > 0) {
    Token t;
    int code = scan(l, &t);
    if (code < 0)
      return -1;
    if (code == 0)
      return lex_error(l, start, MALFORMED_UNCLOSED_ANNOTATION);
    depth += code == TOK_LPAR;
    depth -= code == TOK_RPAR;
    if (depth == 0)
      break;
    if (state == 0 && code == TOK_STRING)
      name = t, state = 1;
    else if (state == 1 && code == TOK_LPAR)
      state = 2;
    else if (state == 2 && code != TOK_LPAR && code != TOK_RPAR && code != TOK_STRING)
      dir = t, state = 3;
    else if (state == 3 && code != TOK_LPAR && code != TOK_RPAR && code != TOK_STRING)
      sec = t, state = 4;
    else if (state == 4 && code == TOK_RPAR)
      state = 5, ok = ok && custom_place(dir, sec, &c.after);
    else if ((state == 1 || state == 5) && code == TOK_STRING)
      state = 5, ok = ok && vec_push(l->p->arena, &content, t);
    else
      ok = false;
  }
  l->annotation--;
  bool whole = state == 1 || state == 5;   /* a name, and a place if begun */
  if (!ok || !whole || !at_module_field(l))
    return 0;
  /* In a script the module may turn out to be binary or quoted: the
   * section waits for build_text_module.  A module text has its module. */
  TextParser *p = l->p;
  Arena *a = p->script ? &p->script->arena : p->arena;
  size_t total = 0;
  for (uint32_t i = 0; i < content.len; i++)
    total += content.data[i].len;   /* an upper bound of the bytes */
  Bytes b = {0};
  c.content.data = arena_alloc(a, total + 1);
  ok = c.content.data && lexer_string_bytes(a, name, &b);
  c.name = (Name){b.data, b.len};
  for (uint32_t i = 0; ok && i < content.len; i++) {
    ok = lexer_string_bytes(a, content.data[i], &b);
    if (ok && b.len)
      memcpy(c.content.data + c.content.len, b.data, b.len);
    c.content.len += ok ? b.len : 0;
  }
  if (ok && !utf8_valid(c.name.data, c.name.len))
    return 0;   /* not a name: skipped */
  Module *m = p->script ? NULL : text_module(p);
  if (!ok || (p->script ? !vec_push(a, &p->customs, c) : !m || !vec_push(a, &m->customs, c))) {
    text_oom(p);
    return -1;
  }
  return 0;
}

/* annot ::= (@ annotid (space | token)* )  — the id is a non-empty run of
 * idchars or a non-empty string (spec: Tannot); the contents are skipped,
 * but must be well-nested tokens. */
static int skip_annotation(Lexer *l)
{
  const unsigned char *start = l->tok;
  const unsigned char *id = l->cur;
  while (l->cur < l->lim && strchr("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                   "!#$%&'*+-./:<=>?@\\^_`|~", *l->cur) && *l->cur)
    l->cur++;
  if (l->cur == id && l->cur < l->lim && *l->cur == '"') {
    /* annotid ::= name: a string, which must be there and non-empty */
    const unsigned char *q = l->cur + 1;
    while (q < l->lim && *q != '"' && *q >= 0x20 && *q != 0x7f)
      q += *q == '\\' && q + 1 < l->lim && q[1] >= 0x20 ? 2 : 1;
    if (q >= l->lim || *q != '"' || q == l->cur + 1)
      return lex_error(l, start, MALFORMED_EMPTY_ANNOTATION_ID);
    l->tok = l->cur;
    l->cur = q + 1;
    if (!check_string(l))
      return -1;
    Token s = {(const char *)l->tok, (uint32_t)(l->cur - l->tok), offset(l, l->tok), 0};
    Bytes b;
    if (!lexer_string_bytes(l->p->arena, s, &b)) {
      text_oom(l->p);
      return -1;
    }
    if (!utf8_valid(b.data, b.len))
      return lex_error(l, start, MALFORMED_ANNOTATION_UTF8);
  } else if (l->cur == id) {
    return lex_error(l, start, MALFORMED_EMPTY_ANNOTATION_ID);
  } else if (l->cur - id == 6 && memcmp(id, "custom", 6) == 0) {
    return custom_annotation(l, start);
  }
  l->annotation++;
  uint32_t depth = 1;
  while (depth > 0) {
    Token tok;
    int code = scan(l, &tok);
    if (code < 0)
      return -1;
    if (code == 0)
      return lex_error(l, start, MALFORMED_UNCLOSED_ANNOTATION);
    depth += code == TOK_LPAR;
    depth -= code == TOK_RPAR;
  }
  l->annotation--;
  return 0;
}

/* One token, or 0 at the end, or -1 on error.  Space, comments and
 * annotations are skipped. */
static int scan(Lexer *l, Token *t)
{
  for (;;) {
    l->tok = l->cur;
    /*!re2c
      $           { return 0; }
      space+      { continue; }
      ";;"        { if (skip_line_comment(l) < 0) return -1; continue; }
      "(;"        { if (skip_block_comment(l) < 0) return -1; continue; }
      "(@"        {
                    if (l->annotation) {
                      /* inside an annotation, (@x …) is only tokens */
                      l->cur = l->tok + 1;
                      return token(l, t, TOK_LPAR, 0);
                    }
                    if (skip_annotation(l) < 0)
                      return -1;
                    continue;
                  }
      "("         { return token(l, t, TOK_LPAR, 0); }
      ")"         { return token(l, t, TOK_RPAR, 0); }

      nat         { return token(l, t, TOK_NAT, 0); }
      int         { return token(l, t, TOK_INT, 0); }
      float       { return token(l, t, TOK_FLOAT, 0); }
      "nan:canonical"  { return token(l, t, TOK_NANPAT, NUMPAT_NAN_CANONICAL); }
      "nan:arithmetic" { return token(l, t, TOK_NANPAT, NUMPAT_NAN_ARITHMETIC); }
      string      { return check_string(l) ? token(l, t, TOK_STRING, 0) : -1; }
      id          {
                    if (l->tok[1] != '"')
                      return token(l, t, TOK_ID, 0);
                    if (l->cur - l->tok == 3)  /* $"" */
                      return lex_error(l, l->tok, MALFORMED_EMPTY_ID);
                    if (!check_string(l))
                      return -1;
                    return token(l, t, TOK_ID, 0);
                  }
      "$"         { return lex_error(l, l->tok, MALFORMED_EMPTY_ID); }
      "offset=" nat { return token(l, t, TOK_OFFSET_EQ, 0); }
      "align=" nat  { return token(l, t, TOK_ALIGN_EQ, 0); }

      !include "instrs.re";

      "module"    { return token(l, t, TOK_MODULE, 0); }
      "type"      { return token(l, t, TOK_TYPE, 0); }
      "func"      { return token(l, t, TOK_FUNC, 0); }
      "param"     { return token(l, t, TOK_PARAM, 0); }
      "result"    { return token(l, t, TOK_RESULT, 0); }
      "local"     { return token(l, t, TOK_LOCAL, 0); }
      "global"    { return token(l, t, TOK_GLOBAL, 0); }
      "table"     { return token(l, t, TOK_TABLE, 0); }
      "memory"    { return token(l, t, TOK_MEMORY, 0); }
      "elem"      { return token(l, t, TOK_ELEM, 0); }
      "data"      { return token(l, t, TOK_DATA, 0); }
      "start"     { return token(l, t, TOK_START, 0); }
      "import"    { return token(l, t, TOK_IMPORT, 0); }
      "export"    { return token(l, t, TOK_EXPORT, 0); }
      "tag"       { return token(l, t, TOK_TAG, 0); }
      "rec"       { return token(l, t, TOK_REC, 0); }
      "sub"       { return token(l, t, TOK_SUB, 0); }
      "final"     { return token(l, t, TOK_FINAL, 0); }
      "struct"    { return token(l, t, TOK_STRUCT, 0); }
      "array"     { return token(l, t, TOK_ARRAY, 0); }
      "field"     { return token(l, t, TOK_FIELD, 0); }
      "mut"       { return token(l, t, TOK_MUT, 0); }
      "ref"       { return token(l, t, TOK_REF, 0); }
      "null"      { return token(l, t, TOK_NULL, 0); }
      "cont"      { return token(l, t, TOK_CONT, 0); }
      "item"      { return token(l, t, TOK_ITEM, 0); }
      "offset"    { return token(l, t, TOK_OFFSET, 0); }
      "declare"   { return token(l, t, TOK_DECLARE, 0); }
      "then"      { return token(l, t, TOK_THEN, 0); }
      "on"        { return token(l, t, TOK_ON, 0); }
      "catch"     { return token(l, t, TOK_CATCH, 0); }
      "catch_ref" { return token(l, t, TOK_CATCH_REF, 0); }
      "catch_all" { return token(l, t, TOK_CATCH_ALL, 0); }
      "catch_all_ref" { return token(l, t, TOK_CATCH_ALL_REF, 0); }

      "i32"       { return token(l, t, TOK_NUMTYPE, VAL_I32); }
      "i64"       { return token(l, t, TOK_NUMTYPE, VAL_I64); }
      "f32"       { return token(l, t, TOK_NUMTYPE, VAL_F32); }
      "f64"       { return token(l, t, TOK_NUMTYPE, VAL_F64); }
      "v128"      { return token(l, t, TOK_VECTYPE, VAL_V128); }
      "i8"        { return token(l, t, TOK_PACKTYPE, PACK_I8); }
      "i16"       { return token(l, t, TOK_PACKTYPE, PACK_I16); }

      "any"       { return token(l, t, TOK_ABSHEAP, HEAP_ANY); }
      "eq"        { return token(l, t, TOK_ABSHEAP, HEAP_EQ); }
      "i31"       { return token(l, t, TOK_ABSHEAP, HEAP_I31); }
      "none"      { return token(l, t, TOK_ABSHEAP, HEAP_NONE); }
      "nofunc"    { return token(l, t, TOK_ABSHEAP, HEAP_NOFUNC); }
      "exn"       { return token(l, t, TOK_ABSHEAP, HEAP_EXN); }
      "noexn"     { return token(l, t, TOK_ABSHEAP, HEAP_NOEXN); }
      "extern"    { return token(l, t, TOK_ABSHEAP, HEAP_EXTERN); }
      "noextern"  { return token(l, t, TOK_ABSHEAP, HEAP_NOEXTERN); }
      "nocont"    { return token(l, t, TOK_ABSHEAP, HEAP_NOCONT); }

      "anyref"        { return token(l, t, TOK_REFABBR, HEAP_ANY); }
      "eqref"         { return token(l, t, TOK_REFABBR, HEAP_EQ); }
      "i31ref"        { return token(l, t, TOK_REFABBR, HEAP_I31); }
      "structref"     { return token(l, t, TOK_REFABBR, HEAP_STRUCT); }
      "arrayref"      { return token(l, t, TOK_REFABBR, HEAP_ARRAY); }
      "nullref"       { return token(l, t, TOK_REFABBR, HEAP_NONE); }
      "funcref"       { return token(l, t, TOK_REFABBR, HEAP_FUNC); }
      "nullfuncref"   { return token(l, t, TOK_REFABBR, HEAP_NOFUNC); }
      "exnref"        { return token(l, t, TOK_REFABBR, HEAP_EXN); }
      "nullexnref"    { return token(l, t, TOK_REFABBR, HEAP_NOEXN); }
      "externref"     { return token(l, t, TOK_REFABBR, HEAP_EXTERN); }
      "nullexternref" { return token(l, t, TOK_REFABBR, HEAP_NOEXTERN); }
      "contref"       { return token(l, t, TOK_REFABBR, HEAP_CONT); }
      "nullcontref"   { return token(l, t, TOK_REFABBR, HEAP_NOCONT); }

      "i8x16"     { return token(l, t, TOK_VECSHAPE, SHAPE_I8X16); }
      "i16x8"     { return token(l, t, TOK_VECSHAPE, SHAPE_I16X8); }
      "i32x4"     { return token(l, t, TOK_VECSHAPE, SHAPE_I32X4); }
      "i64x2"     { return token(l, t, TOK_VECSHAPE, SHAPE_I64X2); }
      "f32x4"     { return token(l, t, TOK_VECSHAPE, SHAPE_F32X4); }
      "f64x2"     { return token(l, t, TOK_VECSHAPE, SHAPE_F64X2); }

      "register"          { return token(l, t, TOK_REGISTER, 0); }
      "invoke"            { return token(l, t, TOK_INVOKE, 0); }
      "get"               { return token(l, t, TOK_GET, 0); }
      "assert_return"     { return token(l, t, TOK_ASSERT_RETURN, 0); }
      "assert_trap"       { return token(l, t, TOK_ASSERT_TRAP, 0); }
      "assert_exhaustion" { return token(l, t, TOK_ASSERT_EXHAUSTION, 0); }
      "assert_exception"  { return token(l, t, TOK_ASSERT_EXCEPTION, 0); }
      "assert_suspension" { return token(l, t, TOK_ASSERT_SUSPENSION, 0); }
      "assert_malformed"  { return token(l, t, TOK_ASSERT_MALFORMED, 0); }
      "assert_invalid"    { return token(l, t, TOK_ASSERT_INVALID, 0); }
      "assert_unlinkable" { return token(l, t, TOK_ASSERT_UNLINKABLE, 0); }
      "input"             { return token(l, t, TOK_INPUT, 0); }
      "output"            { return token(l, t, TOK_OUTPUT, 0); }
      "script"            { return token(l, t, TOK_SCRIPT, 0); }
      "either"            { return token(l, t, TOK_EITHER, 0); }
      "binary"            { return token(l, t, TOK_BINARY, 0); }
      "quote"             { return token(l, t, TOK_QUOTE, 0); }
      "definition"        { return token(l, t, TOK_DEFINITION, 0); }
      "instance"          { return token(l, t, TOK_INSTANCE, 0); }
      "ref.extern"        { return token(l, t, TOK_REFPAT, REFPAT_EXTERN); }
      "ref.host"          { return token(l, t, TOK_REFPAT, REFPAT_HOST); }
      "ref.any"           { return token(l, t, TOK_REFPAT, HEAP_ANY); }
      "ref.struct"        { return token(l, t, TOK_REFPAT, HEAP_STRUCT); }
      "ref.array"         { return token(l, t, TOK_REFPAT, HEAP_ARRAY); }
      "ref.exn"           { return token(l, t, TOK_REFPAT, HEAP_EXN); }
      "ref.cont"          { return token(l, t, TOK_REFPAT, HEAP_CONT); }

      keyword     { return unknown_operator(l, t); }
      reserved    { return unknown_operator(l, t); }
      ";"         { return unknown_operator(l, t); }
      "\"" strchar* {
                    return lex_error(l, l->tok, l->cur >= l->lim ? MALFORMED_UNCLOSED_STRING
                                                                 : MALFORMED_STRING_CONTROL);
                  }
      *           { return illegal_character(l, l->tok); }
    */
  }
}

int lexer_next(Lexer *l, Token *t)
{
  if (text_failed(l->p))
    return -1;
  int code = scan(l, t);
  if (code == TOK_LPAR) {
    l->depth++;
  } else if (code == TOK_RPAR && l->depth > 0) {
    if (l->depth-- == l->module_depth)
      l->module_depth = 0;
  } else if (code == TOK_MODULE && l->prev == TOK_LPAR) {
    l->module_depth = l->depth;
  }
  l->prev = code;
  return code;
}
