/* Unit tests of the binary decoder's framing: the header, sections and
 * their sizes and order, custom sections, the function/code and data
 * count/data pairings, and what a decoded module holds; and of the
 * immediates the shape table (syntax/shapes.def) describes. */

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "binary/binary.h"
#include "test/unit/tap.h"
#include "util/leb128.h"

#define HEADER "\0asm\1\0\0\0"

typedef struct Framing {
  const char *name;
  const char *bytes;
  size_t len;
  const char *error;  /* NULL: must decode */
  uint32_t offset;    /* where the error is */
} Framing;

#define CASE(name, bytes, error, offset) {name, bytes, sizeof(bytes) - 1, error, offset}

static const Framing framings[] = {
  CASE("the empty module", HEADER, NULL, 0),
  CASE("no input", "", "unexpected end", 0),
  CASE("a truncated magic", "\0as", "unexpected end", 3),
  CASE("a wrong magic", "\0ASM\1\0\0\0", "magic header not detected", 0),
  CASE("a wrong version", "\0asm\2\0\0\0", "unknown binary version", 4),
  CASE("a truncated version", "\0asm\1\0", "unexpected end", 6),
  CASE("a section id without a size", HEADER "\1", "unexpected end", 9),
  CASE("a section larger than the input", HEADER "\1\5\1\x60\0\0", "length out of bounds", 9),
  CASE("a section smaller than its contents", HEADER "\1\3\1\x60\0\0", "section size mismatch", 14),
  CASE("a section larger than its contents", HEADER "\1\5\1\x60\0\0\0", "section size mismatch", 14),
  CASE("a size with too many bytes", HEADER "\1\x80\x80\x80\x80\x80\0", "integer representation too long", 9),
  CASE("an unknown section id", HEADER "\x0e\0", "malformed section id", 8),
  CASE("sections out of order", HEADER "\3\1\0\1\1\0", "unexpected content after last section", 11),
  CASE("a repeated section", HEADER "\1\1\0\1\1\0", "unexpected content after last section", 11),
  CASE("tags come between memories and globals", HEADER "\5\1\0\x0d\1\0\6\1\0", NULL, 0),
  CASE("tags do not come after globals", HEADER "\6\1\0\x0d\1\0", "unexpected content after last section", 11),
  CASE("a count beyond the input", HEADER "\1\2\x7f\x60", "unexpected end of section or function", 12),
  CASE("a name beyond the input", HEADER "\2\3\1\x7f\0", "length out of bounds", 11),
  CASE("a custom section", HEADER "\0\4\1x\1\2", NULL, 0),
  CASE("a custom section's name is read within its size", HEADER "\0\2\5abcde", "length out of bounds", 10),
  CASE("an empty custom section", HEADER "\0\0", "unexpected end", 10),
  CASE("a function without code", HEADER "\1\4\1\x60\0\0\3\2\1\0",
       "function and code section have inconsistent lengths", 18),
  CASE("code without a function", HEADER "\1\4\1\x60\0\0\x0a\4\1\2\0\x0b",
       "function and code section have inconsistent lengths", 20),
  CASE("a body larger than its size", HEADER "\1\4\1\x60\0\0\3\2\1\0\x0a\5\1\2\0\1\x0b",
       "section size mismatch", 25),
  CASE("a body without end", HEADER "\1\4\1\x60\0\0\3\2\1\0\x0a\4\1\2\0\1",
       "unexpected end of section or function", 24),
  CASE("an else outside an if", HEADER "\1\4\1\x60\0\0\3\2\1\0\x0a\5\1\3\0\5\x0b",
       "END opcode expected", 23),
  CASE("a data count that is wrong", HEADER "\5\3\1\0\1\x0c\1\2\x0b\6\1\0\x41\0\x0b\0",
       "data count and data section have inconsistent lengths", 18),
  CASE("data.drop needs a data count", HEADER "\1\4\1\x60\0\0\3\2\1\0\x0a\7\1\5\0\xfc\x09\0\x0b",
       "data count section required", 27),
  CASE("more than 2^32-1 locals", HEADER "\1\4\1\x60\0\0\3\2\1\0\x0a\x0c\1\x0a\2\xff\xff\xff\xff\x0f\x7f\2\x7e\x0b",
       "too many locals", 23),
  CASE("an illegal opcode", HEADER "\1\4\1\x60\0\0\3\2\1\0\x0a\5\1\3\0\xff\x0b",
       "illegal opcode ff", 23),
  CASE("a prefixed illegal opcode", HEADER "\1\4\1\x60\0\0\3\2\1\0\x0a\6\1\4\0\xfc\x7f\x0b",
       "illegal opcode fc 7f", 23),
  CASE("malformed memop flags", HEADER "\1\4\1\x60\0\0\3\2\1\0\5\3\1\0\1\x0a\x0a\1\x08\0\x41\0\x28\x80\1\0\x1a\x0b",
       "malformed memop flags", 31),
  CASE("malformed limits flags", HEADER "\5\3\1\x08\0", "malformed limits flags", 11),
  CASE("malformed mutability", HEADER "\6\6\1\x7f\2\x41\0\x0b", "malformed mutability", 12),
  CASE("malformed import kind", HEADER "\2\4\1\0\0\5", "malformed import kind", 13),
  CASE("a name that is not UTF-8", HEADER "\2\6\1\1\xff\0\0\0", "malformed UTF-8 encoding", 12),
  CASE("the table prefix wants a zero byte", HEADER "\4\6\1\x40\1\x70\0\0", "zero byte expected", 12),
  CASE("stack switching: cont type and resume", HEADER
       "\1\6\2\x60\0\0\x5d\0"                   /* type 0 func, type 1 cont 0 */
       "\3\2\1\0"                               /* func of type 0 */
       "\x0a\x0b\1\x09\0\xd0\1\xe3\1\1\1\0\x0b", /* ref.null 1; resume 1 (on 0 switch); end */
       NULL, 0),
};

START_TEST(test_framing)
{
  const Framing *f = &framings[_i];
  Error err = {0};
  Module *m = decode_module("test", (const uint8_t *)f->bytes, f->len, &err);
  if (!f->error) {
    ck_assert_msg(m != NULL, "%s: %s at %u", f->name, err.message, err.loc.col);
  } else {
    ck_assert_msg(m == NULL, "%s: decodes", f->name);
    ck_assert_msg(strncmp(err.message, f->error, strlen(f->error)) == 0, "%s: \"%s\"", f->name,
                  err.message);
    ck_assert_int_eq(err.phase, PHASE_MALFORMED);
    ck_assert_msg(err.loc.col == f->offset, "%s: at %u, expected %u", f->name, err.loc.col,
                  f->offset);
  }
  module_free(m);
}
END_TEST

/* Custom sections are kept with their place; a name section is read. */
START_TEST(test_custom_sections)
{
  static const char bytes[] = HEADER
    "\0\3\1ab"                         /* custom "a" before everything */
    "\1\4\1\x60\0\0"                   /* type section */
    "\3\2\1\0"                         /* function section */
    "\0\x10\4name\0\2\1m\1\5\1\0\2fn"  /* name section: module "m", func 0 "fn" */
    "\x0a\4\1\2\0\x0b";                /* code section */
  Error err = {0};
  Module *m = decode_module("test", (const uint8_t *)bytes, sizeof bytes - 1, &err);
  ck_assert_msg(m != NULL, "%s", err.message);
  ck_assert_uint_eq(m->customs.len, 2);
  ck_assert_uint_eq(m->customs.data[0].after, 0);
  ck_assert(m->customs.data[0].name.len == 1 && m->customs.data[0].name.data[0] == 'a');
  ck_assert(m->customs.data[0].content.len == 1 && m->customs.data[0].content.data[0] == 'b');
  ck_assert_uint_eq(m->customs.data[1].after, 3);
  ck_assert(m->names.present);
  ck_assert(m->names.module.len == 1 && m->names.module.data[0] == 'm');
  ck_assert_uint_eq(m->names.funcs.len, 1);
  ck_assert(m->names.funcs.data[0].name.len == 2);
  /* Encoding keeps the custom sections in their places. */
  Buf out;
  buf_init(&out);
  encode_module(&out, m);
  ck_assert_uint_eq(out.len, sizeof bytes - 1);
  ck_assert(memcmp(out.data, bytes, out.len) == 0);
  buf_free(&out);
  module_free(m);
}
END_TEST

/* A malformed name section is kept as a custom section, and ignored. */
START_TEST(test_malformed_name_section)
{
  static const char bytes[] = HEADER "\0\7\4name\1\x09";
  Error err = {0};
  Module *m = decode_module("test", (const uint8_t *)bytes, sizeof bytes - 1, &err);
  ck_assert_msg(m != NULL, "%s", err.message);
  ck_assert(!m->names.present);
  ck_assert_uint_eq(m->customs.len, 1);
  module_free(m);
}
END_TEST

/* A module of 1 GiB, the JS API's limit, is decoded (these zeros are no
 * module: "magic header not detected"); a byte more is refused as a
 * resource exhaustion before anything is read.  The bytes are a mapping of
 * zero pages, which nothing touches but the first. */
START_TEST(test_module_size)
{
  size_t gib = (size_t)1 << 30;
  uint8_t *zeros = mmap(NULL, gib + 1, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  ck_assert(zeros != MAP_FAILED);
  Error err = {0};
  ck_assert_ptr_null(decode_module("test", zeros, gib, &err));
  ck_assert_int_eq(err.phase, PHASE_MALFORMED);
  ck_assert_str_eq(err.message, "magic header not detected");
  error_clear(&err);
  ck_assert_ptr_null(decode_module("test", zeros, gib + 1, &err));
  ck_assert_int_eq(err.phase, PHASE_EXHAUSTION);
  ck_assert_str_eq(err.message,
                   "module too large: 1073741825 bytes is beyond this implementation's limit of 1073741824");
  ck_assert_uint_eq(err.loc.col, 0);
  munmap(zeros, gib + 1);
}
END_TEST

/* What the code that handles shapes from syntax/shapes.def relies on: one
 * index for X, two for XY and YX, none otherwise; a field index follows its
 * type; a typeuse is second; and every shape has an instruction. */
START_TEST(test_shape_table)
{
  bool used[SHAPE_COUNT] = {false};
  for (unsigned op = 0; op < OP_COUNT; op++)
    used[instr_info[op].shape] = true;
  for (unsigned sh = 0; sh < SHAPE_COUNT; sh++) {
    const ShapeInfo *s = &shape_info[sh];
    unsigned n = s->imm == LAYOUT_X ? 1 : s->imm == LAYOUT_XY || s->imm == LAYOUT_YX ? 2 : 0;
    ck_assert_msg(used[sh], "shape %u has no instruction", sh);
    ck_assert_msg((s->x != INDEX_NONE) == (n >= 1) && (s->y != INDEX_NONE) == (n == 2),
                  "shape %u: the X and Y columns disagree with IMM", sh);
    ck_assert_msg(s->x != INDEX_FIELD && s->x != INDEX_TYPEUSE, "shape %u: FIELD or TYPEUSE first", sh);
    ck_assert_msg(s->y != INDEX_FIELD || s->x == INDEX_TYPE, "shape %u: a field of no type", sh);
  }
}
END_TEST

/* The opcode of `op` (spec: 5.4-binary.instructions): a byte, or a prefix
 * byte and the code as u32. */
static size_t put_op(uint8_t *b, Op op)
{
  if (instr_info[op].prefix == 0) {
    b[0] = (uint8_t)instr_info[op].code;
    return 1;
  }
  b[0] = instr_info[op].prefix;
  return 1 + leb_write_unsigned(b + 1, instr_info[op].code);
}

/* Every instruction whose immediates the shape table describes decodes
 * them in the table's binary order (YX: y first) and encodes them back to
 * the same bytes; one that names a data segment needs the data count
 * section, and the encoder writes it. */
START_TEST(test_table_immediates)
{
  for (unsigned op = 0; op < OP_COUNT; op++) {
    const ShapeInfo *s = &shape_info[instr_info[op].shape];
    if (s->imm != LAYOUT_X && s->imm != LAYOUT_XY && s->imm != LAYOUT_YX)
      continue;
    bool data = s->x == INDEX_DATA || s->y == INDEX_DATA;
    uint8_t body[16], bytes[64];
    size_t n = 0, len = 0;
    body[n++] = 0;  /* no locals */
    n += put_op(body + n, (Op)op);
    if (s->imm == LAYOUT_X)
      body[n++] = 1;
    else if (s->imm == LAYOUT_XY)
      body[n++] = 1, body[n++] = 2;
    else
      body[n++] = 2, body[n++] = 1;
    body[n++] = 0x0b;
    static const char head[] = HEADER "\1\4\1\x60\0\0" "\3\2\1\0";
    memcpy(bytes, head, sizeof head - 1);
    len = sizeof head - 1;
    if (data)
      memcpy(bytes + len, "\x0c\1\0", 3), len += 3;
    bytes[len++] = 0x0a;
    bytes[len++] = (uint8_t)(n + 2);
    bytes[len++] = 1;
    bytes[len++] = (uint8_t)n;
    memcpy(bytes + len, body, n);
    len += n;

    Error err = {0};
    Module *m = decode_module("test", bytes, len, &err);
    ck_assert_msg(m != NULL, "%s: %s", instr_info[op].mnemonic, err.message);
    const Instr *in = &m->funcs.data[0].body.data[0];
    ck_assert_uint_eq(in->op, op);
    if (s->imm == LAYOUT_X)
      ck_assert_uint_eq(in->imm.x, 1);
    else
      ck_assert_msg(in->imm.xy.x == 1 && in->imm.xy.y == 2, "%s: x %u y %u", instr_info[op].mnemonic,
                    (unsigned)in->imm.xy.x, (unsigned)in->imm.xy.y);
    Buf out;
    buf_init(&out);
    encode_module(&out, m);
    ck_assert_msg(out.len == len && memcmp(out.data, bytes, len) == 0, "%s: encoded differently",
                  instr_info[op].mnemonic);
    buf_free(&out);
    module_free(m);
  }
}
END_TEST

static Suite *binary_suite(void)
{
  Suite *s = suite_create("binary");
  TCase *tc = tcase_create("framing");
  tcase_add_loop_test(tc, test_framing, 0, sizeof framings / sizeof *framings);
  tcase_add_test(tc, test_custom_sections);
  tcase_add_test(tc, test_malformed_name_section);
  tcase_add_test(tc, test_module_size);
  suite_add_tcase(s, tc);
  tc = tcase_create("shapes");
  tcase_add_test(tc, test_shape_table);
  tcase_add_test(tc, test_table_immediates);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  return tap_run(binary_suite());
}
