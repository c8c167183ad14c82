/* Unit tests of the lexer (text/lexer.re): token classes, the longest-match
 * rule with reserved tokens, strings and their escapes, comments,
 * annotations, and every lexical error message. */

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "text/lexer.h"
#include "text/parser.h"
#include "test/unit/tap.h"

typedef struct Lexed {
  Arena arena;
  Error err;
  TextParser p;
  Lexer lex;
  uint32_t line_start;
} Lexed;

static void lex_start(Lexed *x, const char *src)
{
  memset(x, 0, sizeof *x);
  arena_init(&x->arena);
  x->p.file = "test";
  x->p.src = src;
  x->p.len = strlen(src);
  x->p.err = &x->err;
  x->p.arena = &x->arena;
  x->p.line_starts = &x->line_start;  /* one line, starting at 0 */
  x->p.nlines = 1;
  lexer_init(&x->lex, &x->p, src, strlen(src));
}

/* The codes of all tokens of src, up to the end (0) or an error (-1). */
static int lex_all(const char *src, int *codes, Token *tokens, int max, Error *err)
{
  Lexed x;
  lex_start(&x, src);
  int n = 0;
  for (;;) {
    Token t;
    int code = lexer_next(&x.lex, &t);
    if (n < max) {
      codes[n] = code;
      if (tokens)
        tokens[n] = t;
    }
    n++;
    if (code <= 0)
      break;
  }
  if (err)
    *err = x.err;
  arena_free(&x.arena);
  return n;
}

/* One token: its code and value. */
typedef struct Single {
  const char *src;
  int code;
  uint32_t value;
} Single;

static const Single singles[] = {
  {"(", TOK_LPAR, 0},
  {")", TOK_RPAR, 0},
  {"0", TOK_NAT, 0},
  {"0x1F_ff", TOK_NAT, 0},
  {"1_000", TOK_NAT, 0},
  {"+1", TOK_INT, 0},
  {"-0x10", TOK_INT, 0},
  {"1.5", TOK_FLOAT, 0},
  {"1.", TOK_FLOAT, 0},
  {"1e10", TOK_FLOAT, 0},
  {"1.5E-3", TOK_FLOAT, 0},
  {"0x1p-3", TOK_FLOAT, 0},
  {"-0x1.8P+1", TOK_FLOAT, 0},
  {"inf", TOK_FLOAT, 0},
  {"-inf", TOK_FLOAT, 0},
  {"nan", TOK_FLOAT, 0},
  {"+nan:0x7f_ffff", TOK_FLOAT, 0},
  {"nan:canonical", TOK_NANPAT, NUMPAT_NAN_CANONICAL},
  {"nan:arithmetic", TOK_NANPAT, NUMPAT_NAN_ARITHMETIC},
  {"\"\"", TOK_STRING, 0},
  {"\"a\\n\\t\\\\\\'\\\"\\00\\u{1F600}\"", TOK_STRING, 0},
  {"\"h\xc3\xa9\"", TOK_STRING, 0},
  {"$x", TOK_ID, 0},
  {"$l$l", TOK_ID, 0},
  {"$\"a b\"", TOK_ID, 0},
  {"offset=16", TOK_OFFSET_EQ, 0},
  {"align=0x8", TOK_ALIGN_EQ, 0},
  {"module", TOK_MODULE, 0},
  {"func", TOK_FUNC, 0},
  {"i32", TOK_NUMTYPE, VAL_I32},
  {"f64", TOK_NUMTYPE, VAL_F64},
  {"v128", TOK_VECTYPE, VAL_V128},
  {"i16", TOK_PACKTYPE, PACK_I16},
  {"funcref", TOK_REFABBR, HEAP_FUNC},
  {"nullcontref", TOK_REFABBR, HEAP_NOCONT},
  {"nocont", TOK_ABSHEAP, HEAP_NOCONT},
  {"i8x16", TOK_VECSHAPE, SHAPE_I8X16},
  {"assert_return", TOK_ASSERT_RETURN, 0},
  {"ref.extern", TOK_REFPAT, REFPAT_EXTERN},
  {"i32.add", TOK_PLAIN, OP_I32_ADD},
  {"local.get", TOK_IDX, OP_LOCAL_GET},
  {"br", TOK_IDX, OP_BR},
  {"memory.size", TOK_IDX_OPT, OP_MEMORY_SIZE},
  {"table.copy", TOK_IDX2_OPT, OP_TABLE_COPY},
  {"memory.init", TOK_INIT, OP_MEMORY_INIT},
  {"struct.get", TOK_IDX2, OP_STRUCT_GET},
  {"array.new_fixed", TOK_TYPE_NUM, OP_ARRAY_NEW_FIXED},
  {"i64.load32_u", TOK_MEMARG, OP_I64_LOAD32_U},
  {"v128.store8_lane", TOK_MEMARG_LANE, OP_V128_STORE8_LANE},
  {"select", TOK_SELECT, OP_SELECT},
  {"br_table", TOK_BR_TABLE, OP_BR_TABLE},
  {"br_on_cast_fail", TOK_BR_ON_CAST, OP_BR_ON_CAST_FAIL},
  {"return_call_indirect", TOK_CALL_INDIRECT, OP_RETURN_CALL_INDIRECT},
  {"ref.null", TOK_HEAPTYPE, OP_REF_NULL},
  {"ref.cast", TOK_REFTYPE, OP_REF_CAST},
  {"f32.const", TOK_CONST, OP_F32_CONST},
  {"v128.const", TOK_V128_CONST, OP_V128_CONST},
  {"i8x16.shuffle", TOK_SHUFFLE, OP_I8X16_SHUFFLE},
  {"i16x8.extract_lane_s", TOK_LANE, OP_I16X8_EXTRACT_LANE_S},
  {"block", TOK_BLOCK, OP_BLOCK},
  {"loop", TOK_BLOCK, OP_LOOP},
  {"if", TOK_IF, OP_IF},
  {"else", TOK_ELSE, OP_ELSE},
  {"end", TOK_END, OP_END},
  {"try_table", TOK_TRY_TABLE, OP_TRY_TABLE},
  {"cont.new", TOK_IDX, OP_CONT_NEW},
  {"cont.bind", TOK_IDX2, OP_CONT_BIND},
  {"suspend", TOK_IDX, OP_SUSPEND},
  {"resume", TOK_RESUME, OP_RESUME},
  {"resume_throw", TOK_RESUME_THROW, OP_RESUME_THROW},
  {"resume_throw_ref", TOK_RESUME, OP_RESUME_THROW_REF},
  {"switch", TOK_IDX2, OP_SWITCH},
};

START_TEST(test_single_token)
{
  const Single *s = &singles[_i];
  int codes[4];
  Token tokens[4];
  Error err;
  int n = lex_all(s->src, codes, tokens, 4, &err);
  ck_assert_msg(n == 2, "%s: %d tokens (%s)", s->src, n, err.message);
  ck_assert_int_eq(codes[0], s->code);
  ck_assert_uint_eq(tokens[0].value, s->value);
  ck_assert_uint_eq(tokens[0].len, strlen(s->src));
  ck_assert_int_eq(codes[1], 0);
}
END_TEST

/* A source and the token codes it must give (ending in 0 or -1). */
typedef struct Sequence {
  const char *src;
  int codes[8];
} Sequence;

static const Sequence sequences[] = {
  {"(func(nop))", {TOK_LPAR, TOK_FUNC, TOK_LPAR, TOK_PLAIN, TOK_RPAR, TOK_RPAR, 0}},
  {"nop;;comment\nnop", {TOK_PLAIN, TOK_PLAIN, 0}},
  {"nop (; a (; nested ;) comment ;) nop", {TOK_PLAIN, TOK_PLAIN, 0}},
  {"(@a x \"s\" (y) (@b)) nop", {TOK_PLAIN, 0}},
  {"(@\"name\" x)", {0}},
  {"0$x", {-1}},          /* reserved */
  {"\"a\"\"b\"", {-1}},   /* reserved */
  {"i32.const0", {-1}},   /* unknown keyword */
  {"data\"a\"", {-1}},
  {"$x\"a\"", {-1}},
  {"a;b", {-1}},
  {"nop ;", {TOK_PLAIN, -1}},
  {"i32.add\r\ni32.sub\ri32.mul", {TOK_PLAIN, TOK_PLAIN, TOK_PLAIN, 0}},
};

START_TEST(test_sequence)
{
  const Sequence *s = &sequences[_i];
  int codes[16];
  int n = lex_all(s->src, codes, NULL, 16, NULL);
  for (int i = 0; i < n; i++) {
    ck_assert_msg(codes[i] == s->codes[i], "%s: token %d is %d, expected %d", s->src, i, codes[i],
                  s->codes[i]);
    if (s->codes[i] <= 0)
      return;
  }
}
END_TEST

/* A source whose lexing fails with a message, at a column of line 1. */
typedef struct Failure {
  const char *src;
  const char *message;
  uint32_t col;
} Failure;

static const Failure failures[] = {
  {"nop foo", "unknown operator foo", 5},
  {"0$x", "unknown operator 0$x", 1},
  {"\x01", "illegal character", 1},
  {"nop \x7f", "illegal character", 5},
  {"h\xc3\xa9", "unknown operator", 1},
  {"\xc3\xa9", "illegal character", 1},
  {"\x80", "malformed UTF-8 encoding", 1},
  {"\xc3", "malformed UTF-8 encoding", 1},
  {"\xed\xa0\x80", "malformed UTF-8 encoding", 1},  /* a surrogate */
  {"\xc0\x80", "malformed UTF-8 encoding", 1},      /* overlong */
  {";; \xff", "malformed UTF-8 encoding", 4},
  {"(; \xff ;)", "malformed UTF-8 encoding", 4},
  {"\"\xff\"", "malformed UTF-8 encoding", 2},
  {"\"abc", "unclosed string", 1},
  {"\"a\tb\"", "illegal control character in string", 1},
  {"\"\\q\"", "illegal escape", 2},
  {"\"\\x\"", "illegal escape", 2},
  {"\"\\u{110000}\"", "illegal escape", 2},
  {"\"\\u{d800}\"", "illegal escape", 2},
  {"\"\\u{}\"", "illegal escape", 2},
  {"\"\\u0041\"", "illegal escape", 2},
  {"(; open", "unclosed comment", 1},
  {"(; (; ;)", "unclosed comment", 1},
  {"(@a x", "unclosed annotation", 1},
  {"(@)", "empty annotation id", 1},
  {"(@ x)", "empty annotation id", 1},
  {"(@\"\")", "empty annotation id", 1},
  {"(@\"\\ef\")", "malformed UTF-8", 1},
  {"(@a \"x", "unclosed string", 5},
  {"$", "empty identifier", 1},
  {"$ x", "empty identifier", 1},
  {"$\"\"", "empty identifier", 1},
};

START_TEST(test_failure)
{
  const Failure *f = &failures[_i];
  int codes[16];
  Error err;
  int n = lex_all(f->src, codes, NULL, 16, &err);
  ck_assert_msg(codes[n - 1] == -1, "%s: no error", f->src);
  ck_assert_msg(strncmp(err.message, f->message, strlen(f->message)) == 0, "%s: \"%s\"", f->src,
                err.message);
  ck_assert_int_eq(err.phase, PHASE_MALFORMED);
  ck_assert_uint_eq(err.loc.col, f->col);
}
END_TEST

/* A string token and the bytes it denotes. */
typedef struct Decoded {
  const char *src;
  const char *bytes;
  uint32_t len;
} Decoded;

static const Decoded decoded[] = {
  {"\"\"", "", 0},
  {"\"abc\"", "abc", 3},
  {"\"\\t\\n\\r\\\"\\'\\\\\"", "\t\n\r\"'\\", 6},
  {"\"\\00\\ff\\7F\"", "\0\xff\x7f", 3},
  {"\"\\u{41}\\u{e9}\\u{20ac}\\u{1f600}\"", "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 10},
  {"\"\\u{1_F600}\"", "\xf0\x9f\x98\x80", 4},
  {"\"\xc3\xa9\"", "\xc3\xa9", 2},
};

START_TEST(test_string_bytes)
{
  const Decoded *d = &decoded[_i];
  Lexed x;
  lex_start(&x, d->src);
  Token t;
  ck_assert_int_eq(lexer_next(&x.lex, &t), TOK_STRING);
  Bytes b;
  ck_assert(lexer_string_bytes(&x.arena, t, &b));
  ck_assert_uint_eq(b.len, d->len);
  ck_assert(memcmp(b.data, d->bytes, d->len) == 0);
  arena_free(&x.arena);
}
END_TEST

/* Positions: tokens carry their offset; errors report line and column. */
START_TEST(test_positions)
{
  int codes[8];
  Token tokens[8];
  lex_all("  (a\n  b", codes, tokens, 8, NULL);
  ck_assert_uint_eq(tokens[0].at, 2);
  Lexed x;
  const char *src = "(module)\n;; x\n  bad";
  lex_start(&x, src);
  uint32_t starts[3] = {0, 9, 14};
  x.p.line_starts = starts;
  x.p.nlines = 3;
  Token t;
  while (lexer_next(&x.lex, &t) > 0)
    ;
  ck_assert_uint_eq(x.err.loc.line, 3);
  ck_assert_uint_eq(x.err.loc.col, 3);
  arena_free(&x.arena);
}
END_TEST

static Suite *lexer_suite(void)
{
  Suite *s = suite_create("lexer");
  TCase *tc = tcase_create("tokens");
  tcase_add_loop_test(tc, test_single_token, 0, sizeof singles / sizeof *singles);
  tcase_add_loop_test(tc, test_sequence, 0, sizeof sequences / sizeof *sequences);
  tcase_add_loop_test(tc, test_failure, 0, sizeof failures / sizeof *failures);
  tcase_add_loop_test(tc, test_string_bytes, 0, sizeof decoded / sizeof *decoded);
  tcase_add_test(tc, test_positions);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  return tap_run(lexer_suite());
}
