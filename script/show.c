/* Values and types in the official interpreter's notation: what a bare
 * action prints (script/run.ml print_values), so that its output and ours
 * can be compared line for line. */

#include "script/show.h"

#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "interp/store.h"
#include "text/text.h"

/* Writes s with its digits grouped by `_` for readability, as the official
 * interpreter does: the integer part in groups of n from the right, the
 * fraction (and exponent) in groups of n from the left. */
static void group_digits(Buf *b, const char *s, bool hex, unsigned n)
{
  size_t len = strlen(s);
  const char *xp = strchr(s, 'x');
  size_t x = xp ? (size_t)(xp - s) : 0;
#define DIGIT(c) (hex ? isxdigit((unsigned char)(c)) : isdigit((unsigned char)(c)))
  size_t mant = x, point, frac, exp;
  while (mant < len && !DIGIT(s[mant]))
    mant++;
  for (point = mant; point < len && DIGIT(s[point]); point++) {}
  for (frac = point; frac < len && !DIGIT(s[frac]); frac++) {}
  for (exp = frac; exp < len && DIGIT(s[exp]); exp++) {}
#undef DIGIT
  buf_put(b, s, mant);
  unsigned k = (unsigned)((point - mant) % n + n);
  for (size_t i = mant; i < point; i++, k = (k + n - 1) % n) {
    if (k == 0)
      buf_putc(b, '_');
    buf_putc(b, s[i]);
  }
  buf_put(b, s + point, frac - point);
  k = n;
  for (size_t i = frac; i < exp; i++, k = (k + n - 1) % n) {
    if (k == 0)
      buf_putc(b, '_');
    buf_putc(b, s[i]);
  }
  buf_put(b, s + exp, len - exp);
}

/* A float from its bits: its sign, then nan:0xPAYLOAD, inf, or the
 * magnitude in %.17g. */
static void show_float(Buf *b, bool f32, uint64_t bits)
{
  uint64_t sign = f32 ? 0x80000000u : 0x8000000000000000ull;
  uint64_t expo = f32 ? 0x7f800000u : 0x7ff0000000000000ull;
  uint64_t abs = bits & ~sign;
  char s[64];
  if (bits & sign)
    buf_putc(b, '-');
  if ((abs & expo) == expo && (abs & ~expo) != 0) {
    snprintf(s, sizeof s, "%" PRIx64, abs & ~expo);
    buf_puts(b, "nan:0x");
    group_digits(b, s, true, 4);
    return;
  }
  double d;
  if (f32) {
    uint32_t u = (uint32_t)abs;
    float f;
    memcpy(&f, &u, 4);
    d = f;
  } else {
    memcpy(&d, &abs, 8);
  }
  snprintf(s, sizeof s, "%.17g", d);
  group_digits(b, s, false, 3);
}

void show_num(Buf *b, ValKind k, uint64_t bits)
{
  char s[32];
  switch (k) {
  case VAL_I32: snprintf(s, sizeof s, "%" PRId32, (int32_t)(uint32_t)bits); break;
  case VAL_I64: snprintf(s, sizeof s, "%" PRId64, (int64_t)bits); break;
  default: show_float(b, k == VAL_F32, bits); return;
  }
  group_digits(b, s, false, 3);
}

/* A reference: its kind, and what identifies it where there is something
 * (an i31's value, a host address); aggregates show no fields. */
static void show_ref(Buf *b, Ref r)
{
  if (!r) {
    buf_puts(b, "null");
  } else if (ref_is_i31(r)) {
    buf_printf(b, "(i31 %" PRIu32 ")", ref_i31_value(r));
  } else {
    switch ((ObjKind)r->kind) {
    case OBJ_FUNC: buf_puts(b, "func"); break;
    case OBJ_STRUCT: buf_puts(b, r->type && r->type->comp.fields.len ? "(struct ...)" : "(struct)"); break;
    case OBJ_ARRAY: buf_puts(b, ((ArrayInst *)r)->len ? "(array ...)" : "(array)"); break;
    case OBJ_EXN: {
      const ExnInst *e = (const ExnInst *)r;
      buf_puts(b, "(tag ");
      for (uint32_t i = 0; i < e->len; i++) {
        if (i)
          buf_putc(b, ' ');
        show_value(b, e->fields[i]);
      }
      buf_putc(b, ')');
      break;
    }
    case OBJ_HOST: buf_printf(b, "(host %" PRId32 ")", (int32_t)(uint32_t)((HostInst *)r)->addr); break;
    case OBJ_EXTERN:
      buf_puts(b, "(extern ");
      show_ref(b, ((ExternInst *)r)->ref);
      buf_putc(b, ')');
      break;
    case OBJ_CONT: buf_puts(b, "cont"); break;
    }
  }
}

void show_value(Buf *b, Value v)
{
  switch (v.kind) {
  case VAL_I32: case VAL_F32: show_num(b, v.kind, v.i32); break;
  case VAL_I64: case VAL_F64: show_num(b, v.kind, v.i64); break;
  case VAL_V128:
    for (unsigned i = 0; i < 4; i++) {   /* as four i32 lanes */
      uint32_t lane;
      memcpy(&lane, v.v128.i8 + 4 * i, 4);
      if (i)
        buf_putc(b, ' ');
      show_num(b, VAL_I32, lane);
    }
    break;
  default: show_ref(b, v.ref); break;
  }
}

void show_results(Buf *b, const TypeStore *ts, const Value *vs, const ValType *declared, uint32_t n)
{
  if (n != 1)
    buf_putc(b, '[');
  for (uint32_t i = 0; i < n; i++) {
    if (i)
      buf_putc(b, ' ');
    show_value(b, vs[i]);
  }
  buf_puts(b, n != 1 ? "] : [" : " : [");
  for (uint32_t i = 0; i < n; i++) {
    if (i)
      buf_putc(b, ' ');
    value_type_print(b, ts, vs[i], declared[i]);
  }
  buf_putc(b, ']');
}

void show_print_results(FILE *f, const TypeStore *ts, const Value *vs, const ValType *declared,
                        uint32_t n)
{
  if (n == 0)
    return;
  Buf b;
  buf_init(&b);
  show_results(&b, ts, vs, declared, n);
  fprintf(f, "%.*s\n", (int)b.len, b.data);
  fflush(f);
  buf_free(&b);
}

/* A value as the script would write it: (i32.const 1), (ref.null), … */
void show_const(Buf *b, Value v)
{
  Instr in = {0};
  switch (v.kind) {
  case VAL_I32: in.op = OP_I32_CONST; in.imm.i32 = v.i32; break;
  case VAL_I64: in.op = OP_I64_CONST; in.imm.i64 = v.i64; break;
  case VAL_F32: in.op = OP_F32_CONST; in.imm.f32 = v.f32; break;
  case VAL_F64: in.op = OP_F64_CONST; in.imm.f64 = v.f64; break;
  case VAL_V128: in.op = OP_V128_CONST; in.imm.v128 = v.v128; break;
  default: {
    Ref r = v.ref;
    if (!r)
      buf_puts(b, "(ref.null)");
    else if (ref_is_i31(r))
      buf_printf(b, "(ref.i31 %u)", ref_i31_value(r));
    else if (r->kind == OBJ_HOST)
      buf_printf(b, "(ref.host %llu)", (unsigned long long)((HostInst *)r)->addr);
    else if (r->kind == OBJ_EXTERN && ref_is_object(((ExternInst *)r)->ref)
             && ((ExternInst *)r)->ref->kind == OBJ_HOST)
      buf_printf(b, "(ref.extern %llu)", (unsigned long long)((HostInst *)((ExternInst *)r)->ref)->addr);
    else {
      static const char *const names[] = {"func", "struct", "array", "exn", "host", "extern", "cont"};
      buf_printf(b, "(ref.%s)", names[r->kind]);
    }
    return;
  }
  }
  buf_putc(b, '(');
  text_print_instr(b, &in);
  buf_putc(b, ')');
}

void show_consts(Buf *b, const Value *vs, uint32_t n)
{
  for (uint32_t i = 0; i < n; i++) {
    if (i)
      buf_putc(b, ' ');
    show_const(b, vs[i]);
  }
}
