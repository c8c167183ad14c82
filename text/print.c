/* Printing modules and scripts in the text format (spec: 6.*-text,
 * script-format-README.md, stack-switching Explainer).
 *
 * The output is meant to be parsed back, not admired: every index is
 * numeric, every field of the abstract syntax is spelled out, and where the
 * text format has an abbreviation whose expansion depends on context (inline
 * function types, omitted memory indices and alignments, table initialisers)
 * the explicit form is printed, so that print → parse gives back an equal
 * Module (module_eq).  Instructions print flat, one per line, indented by
 * block nesting up to INDENT_DEPTH_MAX levels; constant expressions print
 * on one line.  Nothing recurses on nesting, and the text is linear in the
 * module's size. */
#include "text/text.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Lexical forms ---- */

/* Starts a new line at the given indentation. */
static void newline(Buf *out, unsigned indent)
{
  buf_putc(out, '\n');
  for (unsigned i = 0; i < indent; i++)
    buf_putc(out, ' ');
}

/* string ::= '"' stringelem* '"' (6.0-text.lexical): printable ASCII
 * stays, everything else is a \hh escape, so any byte string survives. */
static void print_string(Buf *out, const uint8_t *p, uint32_t len)
{
  static const char hex[] = "0123456789abcdef";
  buf_putc(out, '"');
  for (uint32_t i = 0; i < len; i++) {
    uint8_t c = p[i];
    if (c == '"' || c == '\\') {
      buf_putc(out, '\\');
      buf_putc(out, (char)c);
    } else if (c >= 0x20 && c < 0x7f) {
      buf_putc(out, (char)c);
    } else {
      char esc[3] = {'\\', hex[c >> 4], hex[c & 0xf]};
      buf_put(out, esc, sizeof esc);
    }
  }
  buf_putc(out, '"');
}

/* name, datastring, and the strings of scripts: a byte string literal */
static void print_bytes(Buf *out, Bytes b)
{
  print_string(out, b.data, b.len);
}

/* idchar (6.1-text.values) */
static bool is_idchar(uint8_t c)
{
  if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
    return true;
  return c != '\0' && strchr("!#$%&'*+-./:<=>?@\\^_`|~", c) != NULL;
}

/* id ::= '$' idchar+ | '$' name — the quoted form when the name has other
 * characters. */
static void print_id(Buf *out, Name id)
{
  bool plain = true;
  for (uint32_t i = 0; i < id.len && plain; i++)
    plain = is_idchar(id.data[i]);
  buf_putc(out, '$');
  if (plain)
    buf_put(out, id.data, id.len);
  else
    print_bytes(out, id);
}

/* Nothing for an absent (empty) name, else a space and the id. */
static void print_opt_id(Buf *out, Name id)
{
  if (id.len == 0)
    return;
  buf_putc(out, ' ');
  print_id(out, id);
}

/* ---- Numbers (6.1-text.values) ---- */

/* iN: signed decimal of the low `width` bits; both signed and unsigned
 * literals denote the same bit pattern. */
static void print_int(Buf *out, uint64_t bits, unsigned width)
{
  uint64_t mask = width >= 64 ? UINT64_MAX : ((uint64_t)1 << width) - 1;
  bits &= mask;
  if (bits >> (width - 1))
    buf_printf(out, "-%" PRIu64, (~bits + 1) & mask);
  else
    buf_printf(out, "%" PRIu64, bits);
}

/* fN for infinities and NaNs, from the bit fields alone: a NaN never
 * passes through C floating point, where its payload could change. */
static void print_float_special(Buf *out, bool sign, uint64_t frac, uint64_t canonical)
{
  if (sign)
    buf_putc(out, '-');
  if (frac == 0)
    buf_puts(out, "inf");
  else if (frac == canonical)
    buf_puts(out, "nan");
  else
    buf_printf(out, "nan:0x%" PRIx64, frac);
}

/* hexfloat ::= '0x' hexnum '.' hexfrac 'p' sign num — exact by
 * construction; used when the decimal form is not usable. */
static void print_hexfloat(Buf *out, bool sign, uint64_t exp, uint64_t frac, unsigned frac_bits,
                           int bias)
{
  unsigned digits = (frac_bits + 3) / 4;
  int e = exp == 0 ? 1 - bias : (int)exp - bias;
  buf_printf(out, "%s0x%c.%0*" PRIx64 "p%+d", sign ? "-" : "", exp == 0 ? '0' : '1', (int)digits,
             frac << (digits * 4 - frac_bits), e);
}

/* Whether printf produced a plain decimal literal (a locale could have
 * changed the decimal point). */
static bool is_decimal_literal(const char *s)
{
  return s[0] != '\0' && strspn(s, "0123456789.eE+-") == strlen(s);
}

/* f32: the shortest decimal that reads back (through strtof, so rounding
 * is to single precision once) to the same bits. */
static void print_f32(Buf *out, uint32_t bits)
{
  bool sign = bits >> 31;
  uint32_t exp = (bits >> 23) & 0xff, frac = bits & 0x7fffff;
  if (exp == 0xff) {
    print_float_special(out, sign, frac, UINT32_C(0x400000));
    return;
  }
  float f;
  memcpy(&f, &bits, sizeof f);
  char s[48];
  for (int prec = 1; prec <= 9; prec++) {
    snprintf(s, sizeof s, "%.*g", prec, (double)f);
    float g = strtof(s, NULL);
    uint32_t back;
    memcpy(&back, &g, sizeof back);
    if (back == bits && is_decimal_literal(s)) {
      buf_puts(out, s);
      return;
    }
  }
  print_hexfloat(out, sign, exp, frac, 23, 127);
}

/* f64: the shortest decimal that reads back through strtod to the same
 * bits. */
static void print_f64(Buf *out, uint64_t bits)
{
  bool sign = bits >> 63;
  uint64_t exp = (bits >> 52) & 0x7ff, frac = bits & UINT64_C(0xfffffffffffff);
  if (exp == 0x7ff) {
    print_float_special(out, sign, frac, UINT64_C(0x8000000000000));
    return;
  }
  double d;
  memcpy(&d, &bits, sizeof d);
  char s[48];
  for (int prec = 1; prec <= 17; prec++) {
    snprintf(s, sizeof s, "%.*g", prec, d);
    double g = strtod(s, NULL);
    uint64_t back;
    memcpy(&back, &g, sizeof back);
    if (back == bits && is_decimal_literal(s)) {
      buf_puts(out, s);
      return;
    }
  }
  print_hexfloat(out, sign, exp, frac, 52, 1023);
}

/* Lane k of a vector, `bytes` wide, assembled from its little-endian bytes
 * so the result does not depend on the host's byte order. */
static uint64_t v128_lane(const V128 *v, unsigned bytes, unsigned k)
{
  uint64_t x = 0;
  for (unsigned i = bytes; i-- > 0;)
    x = x << 8 | v->i8[k * bytes + i];
  return x;
}

/* v128.const i32x4 c^4 — the bits as four hexadecimal lanes. */
static void print_v128(Buf *out, const V128 *v)
{
  buf_puts(out, "i32x4");
  for (unsigned k = 0; k < 4; k++)
    buf_printf(out, " 0x%08" PRIx32, (uint32_t)v128_lane(v, 4, k));
}

/* An index, or $name where nm has one (--trace: text_print_instr_named). */
void text_print_index(Buf *out, const IndexNamer *nm, ImmIndex space, uint32_t idx)
{
  const Name *n = nm ? nm->name(nm->ctx, space, idx) : NULL;
  if (n && n->len)
    print_id(out, *n);
  else
    buf_printf(out, "%" PRIu32, idx);
}

/* ---- Types (6.2-text.types) ---- */

/* heaptype ::= absheaptype | typeidx */
static void print_heaptype(Buf *out, ValType t, const IndexNamer *nm)
{
  if (t.heap == HEAP_IDX)
    text_print_index(out, nm, INDEX_TYPE, t.idx);
  else
    buf_puts(out, heapkind_name((HeapKind)t.heap));
}

/* reftype ::= (ref null? heaptype) */
static void print_reftype(Buf *out, ValType t, const IndexNamer *nm)
{
  buf_puts(out, t.null ? "(ref null " : "(ref ");
  print_heaptype(out, t, nm);
  buf_putc(out, ')');
}

/* valtype ::= numtype | vectype | reftype, and storagetype's packtype */
static void print_valtype(Buf *out, ValType t, const IndexNamer *nm)
{
  if (t.kind == VAL_REF)
    print_reftype(out, t, nm);
  else
    buf_puts(out, valkind_name((ValKind)t.kind));
}

/* A list of value types after a keyword: (param t*), (result t*), (local t*). */
static void print_valtypes(Buf *out, const char *keyword, const ValType *t, uint32_t n, const IndexNamer *nm)
{
  buf_printf(out, "(%s", keyword);
  for (uint32_t i = 0; i < n; i++) {
    buf_putc(out, ' ');
    print_valtype(out, t[i], nm);
  }
  buf_putc(out, ')');
}

/* fieldtype ::= storagetype | (mut storagetype) */
static void print_fieldtype(Buf *out, FieldType ft)
{
  if (ft.mut)
    buf_puts(out, "(mut ");
  print_valtype(out, ft.type, NULL);
  if (ft.mut)
    buf_putc(out, ')');
}

/* comptype ::= (func (param t*) (result t*)) | (struct (field ft)*)
 *            | (array ft) | (cont typeidx) */
static void print_comptype(Buf *out, const CompType *ct)
{
  switch (ct->kind) {
  case COMP_FUNC:
    buf_puts(out, "(func");
    if (ct->func.params.len > 0) {
      buf_putc(out, ' ');
      print_valtypes(out, "param", ct->func.params.data, ct->func.params.len, NULL);
    }
    if (ct->func.results.len > 0) {
      buf_putc(out, ' ');
      print_valtypes(out, "result", ct->func.results.data, ct->func.results.len, NULL);
    }
    buf_putc(out, ')');
    return;
  case COMP_STRUCT:
    buf_puts(out, "(struct");
    for (uint32_t i = 0; i < ct->fields.len; i++) {
      buf_puts(out, " (field ");
      print_fieldtype(out, ct->fields.data[i]);
      buf_putc(out, ')');
    }
    buf_putc(out, ')');
    return;
  case COMP_ARRAY:
    buf_puts(out, "(array ");
    print_fieldtype(out, ct->array);
    buf_putc(out, ')');
    return;
  /* spec: text-cont-type */
  case COMP_CONT:
    buf_printf(out, "(cont %" PRIu32 ")", ct->cont);
    return;
  }
}

/* subtype ::= (sub final? typeidx* comptype) | comptype — the bare form
 * abbreviates exactly (sub final comptype). */
static void print_subtype(Buf *out, const SubType *st)
{
  bool bare = st->final && st->supers.len == 0;
  if (!bare) {
    buf_puts(out, st->final ? "(sub final" : "(sub");
    for (uint32_t i = 0; i < st->supers.len; i++)
      buf_printf(out, " %" PRIu32, st->supers.data[i]);
    buf_putc(out, ' ');
  }
  print_comptype(out, &st->comp);
  if (!bare)
    buf_putc(out, ')');
}

/* typedef ::= (type subtype) */
static void print_typedef(Buf *out, const SubType *st)
{
  buf_puts(out, "(type ");
  print_subtype(out, st);
  buf_putc(out, ')');
}

/* rectype ::= (rec typedef*) | typedef — the types of one rec group,
 * starting at types[first]; returns the number of types printed. */
static uint32_t print_rectype(Buf *out, const Module *m, uint32_t first, unsigned indent)
{
  const SubType *st = &m->types.data[first];
  uint32_t n = st->rec == first && st->rec_size > 1 ? st->rec_size : 1;
  if (n > m->types.len - first)
    n = m->types.len - first;
  newline(out, indent);
  if (n == 1) {
    print_typedef(out, st);
    return 1;
  }
  buf_puts(out, "(rec");
  for (uint32_t i = 0; i < n; i++) {
    newline(out, indent + 2);
    print_typedef(out, &m->types.data[first + i]);
  }
  buf_putc(out, ')');
  return n;
}

/* addrtype? limits — the address type only when it is not the default i32 */
static void print_addr_limits(Buf *out, AddrType at, Limits lim)
{
  if (at == ADDR_I64)
    buf_puts(out, " i64");
  buf_printf(out, " %" PRIu64, lim.min);
  if (lim.has_max)
    buf_printf(out, " %" PRIu64, lim.max);
}

/* globaltype ::= valtype | (mut valtype) */
static void print_globaltype(Buf *out, GlobalType gt)
{
  print_fieldtype(out, (FieldType){gt.type, gt.mut});
}

/* tabletype ::= addrtype? limits reftype */
static void print_tabletype(Buf *out, const TableType *tt)
{
  print_addr_limits(out, tt->addr, tt->limits);
  buf_putc(out, ' ');
  print_reftype(out, tt->elem, NULL);
}

/* externtype ::= (func typeuse) | (table tabletype) | (memory memtype)
 *              | (global globaltype) | (tag typeuse) */
static void print_externtype(Buf *out, const ExternType *xt)
{
  buf_printf(out, "(%s", externkind_name(xt->kind));
  switch (xt->kind) {
  case EXTERN_FUNC:
  case EXTERN_TAG:
    buf_printf(out, " (type %" PRIu32 ")", xt->type);
    break;
  case EXTERN_TABLE:
    print_tabletype(out, &xt->table);
    break;
  case EXTERN_MEM:
    print_addr_limits(out, xt->mem.addr, xt->mem.limits);
    break;
  case EXTERN_GLOBAL:
    buf_putc(out, ' ');
    print_globaltype(out, xt->global);
    break;
  }
  buf_putc(out, ')');
}

/* ---- Instructions (6.3-text.instructions) ---- */

/* blocktype ::= (result valtype)? | (type typeidx) */
static void print_blocktype(Buf *out, BlockType bt, const IndexNamer *nm)
{
  switch ((BlockTypeKind)bt.kind) {
  case BLOCK_EMPTY:
    return;
  case BLOCK_VALTYPE:
    buf_puts(out, " (result ");
    print_valtype(out, bt.valtype, nm);
    buf_putc(out, ')');
    return;
  case BLOCK_TYPEIDX:
    buf_puts(out, " (type ");
    text_print_index(out, nm, INDEX_TYPE, bt.idx);
    buf_putc(out, ')');
    return;
  }
}

/* catch ::= (catch x l) | (catch_ref x l) | (catch_all l) | (catch_all_ref l) */
void text_print_catch(Buf *out, const Catch *c, const IndexNamer *nm)
{
  static const char *const keyword[] = {
    [CATCH] = "catch", [CATCH_REF] = "catch_ref", [CATCH_ALL] = "catch_all", [CATCH_ALL_REF] = "catch_all_ref",
  };
  buf_printf(out, "(%s ", keyword[c->kind]);
  if (c->kind == CATCH || c->kind == CATCH_REF) {
    text_print_index(out, nm, INDEX_TAG, c->tag);
    buf_putc(out, ' ');
  }
  text_print_index(out, nm, INDEX_LABEL, c->label);
  buf_putc(out, ')');
}

/* spec: text-on-label */
/* spec: text-on-switch */
/* hdl ::= (on tagidx labelidx) | (on tagidx switch)  (Explainer) */
void text_print_handler(Buf *out, const Handler *h, const IndexNamer *nm)
{
  buf_puts(out, "(on ");
  text_print_index(out, nm, INDEX_TAG, h->tag);
  buf_putc(out, ' ');
  if (h->kind == ON_SWITCH)
    buf_puts(out, "switch");
  else
    text_print_index(out, nm, INDEX_LABEL, h->label);
  buf_putc(out, ')');
}

static void print_handlers(Buf *out, const Handlers *hs, const IndexNamer *nm)
{
  for (uint32_t i = 0; hs && i < hs->len; i++) {
    buf_putc(out, ' ');
    text_print_handler(out, &hs->handler[i], nm);
  }
}

/* memidx memarg ::= x offset=u64 align=u64 — both always written, so the
 * natural alignment of the instruction does not matter and a following
 * lane index cannot be read as a memory index. */
static void print_memarg(Buf *out, MemArg ma, const IndexNamer *nm)
{
  buf_putc(out, ' ');
  text_print_index(out, nm, INDEX_MEM, ma.mem);
  buf_printf(out, " offset=%" PRIu64, ma.offset);
  /* An alignment of 2^64 or more is not expressible; print one the parser
   * rejects rather than a wrong one. */
  if (ma.align < 64)
    buf_printf(out, " align=%" PRIu64, (uint64_t)1 << ma.align);
  else
    buf_puts(out, " align=0");
}

/* An index immediate; a typeuse is written (type y). */
static void print_index(Buf *out, uint32_t x, ImmIndex kind, const IndexNamer *nm)
{
  buf_puts(out, kind == INDEX_TYPEUSE ? " (type " : " ");
  text_print_index(out, nm, kind, x);
  if (kind == INDEX_TYPEUSE)
    buf_putc(out, ')');
}

/* The indices shapes.def places in imm.x or imm.xy, in text order. */
static void print_indices(Buf *out, const Instr *in, const IndexNamer *nm)
{
  const ShapeInfo *s = &shape_info[instr_info[in->op].shape];
  switch (s->imm) {
  case LAYOUT_X:
    print_index(out, in->imm.x, s->x, nm);
    return;
  case LAYOUT_XY:
  case LAYOUT_YX:
    print_index(out, in->imm.xy.x, s->x, nm);
    /* a field index is of the type before it: no space of its own */
    print_index(out, in->imm.xy.y, s->y, s->y == INDEX_FIELD ? NULL : nm);
    return;
  case LAYOUT_NONE:
  case LAYOUT_OWN:
    return;
  }
}

/* plaininstr / blockinstr: the mnemonic from instr.def and the immediates
 * of its shape (syntax/shapes.def). */
static void print_instr(Buf *out, const Instr *in, const IndexNamer *nm)
{
  assert(in->op < OP_COUNT);
  const InstrInfo *info = &instr_info[in->op];
  buf_puts(out, info->mnemonic);
  switch (info->shape) {
#define SHAPE SHAPE_TABLE_CASE
#include "syntax/shapes.def"
    print_indices(out, in, nm);
    return;
  case IMM_ELSE:
    return;
  case IMM_BLOCK:
    print_blocktype(out, in->imm.block.type, nm);
    return;
  case IMM_TRY_TABLE:
    print_blocktype(out, in->imm.block.type, nm);
    for (uint32_t i = 0; in->imm.block.catches && i < in->imm.block.catches->len; i++) {
      buf_putc(out, ' ');
      text_print_catch(out, &in->imm.block.catches->catch_[i], nm);
    }
    return;
  case IMM_SELECT:
    if (in->imm.select) {
      buf_putc(out, ' ');
      print_valtypes(out, "result", in->imm.select->type, in->imm.select->len, nm);
    }
    return;
  case IMM_BR_TABLE:
    for (uint32_t i = 0; in->imm.br_table && i < in->imm.br_table->len; i++) {
      buf_putc(out, ' ');
      text_print_index(out, nm, INDEX_LABEL, in->imm.br_table->label[i]);
    }
    return;
  case IMM_BR_ON_CAST:
    buf_putc(out, ' ');
    text_print_index(out, nm, INDEX_LABEL, in->imm.br_on_cast.label);
    buf_putc(out, ' ');
    print_reftype(out, in->imm.br_on_cast.rt1, nm);
    buf_putc(out, ' ');
    print_reftype(out, in->imm.br_on_cast.rt2, nm);
    return;
  case IMM_HEAPTYPE:
    buf_putc(out, ' ');
    print_heaptype(out, in->imm.ref, nm);
    return;
  case IMM_REFTYPE:
    buf_putc(out, ' ');
    print_reftype(out, in->imm.ref, nm);
    return;
  case IMM_MEMARG:
    print_memarg(out, in->imm.memarg, nm);
    return;
  case IMM_MEMARG_LANE:
    print_memarg(out, in->imm.memarg, nm);
    buf_printf(out, " %u", (unsigned)in->imm.memarg.lane);
    return;
  case IMM_RESUME:
    print_index(out, in->imm.resume.type, INDEX_TYPE, nm);
    print_handlers(out, in->imm.resume.handlers, nm);
    return;
  case IMM_RESUME_THROW:
    print_index(out, in->imm.resume.type, INDEX_TYPE, nm);
    print_index(out, in->imm.resume.tag, INDEX_TAG, nm);
    print_handlers(out, in->imm.resume.handlers, nm);
    return;
  case IMM_I32:
    buf_putc(out, ' ');
    print_int(out, in->imm.i32, 32);
    return;
  case IMM_I64:
    buf_putc(out, ' ');
    print_int(out, in->imm.i64, 64);
    return;
  case IMM_F32:
    buf_putc(out, ' ');
    print_f32(out, in->imm.f32);
    return;
  case IMM_F64:
    buf_putc(out, ' ');
    print_f64(out, in->imm.f64);
    return;
  case IMM_V128:
    buf_putc(out, ' ');
    print_v128(out, &in->imm.v128);
    return;
  case IMM_SHUFFLE:
    for (unsigned i = 0; i < 16; i++)
      buf_printf(out, " %u", (unsigned)in->imm.shuffle[i]);
    return;
  case IMM_LANE:
    buf_printf(out, " %u", (unsigned)in->imm.lane);
    return;
  }
}

/* Blocks nested deeper than this line up with those this deep: indentation
 * by depth would make the text quadratic in the nesting (20,000 blocks
 * took 800 MB). */
enum { INDENT_DEPTH_MAX = 64 };

/* instr* of an expr, without the final `end` that the parser supplies.
 * Each instruction is preceded by a newline and indentation by block depth
 * or, when `one_line`, by a single space. */
static void print_instrs(Buf *out, const Expr *e, unsigned indent, bool one_line)
{
  uint32_t n = e->len;
  if (n > 0 && e->data[n - 1].op == OP_END)
    n--;
  unsigned depth = 0;
  for (uint32_t i = 0; i < n; i++) {
    const Instr *in = &e->data[i];
    Shape shape = instr_info[in->op].shape;
    /* `else` and `end` line up with the instruction that opened the block. */
    unsigned d = depth;
    if ((shape == IMM_ELSE || shape == IMM_END) && d > 0)
      d--;
    if (shape == IMM_END)
      depth = d;
    if (one_line)
      buf_putc(out, ' ');
    else
      newline(out, indent + 2 * (d < INDENT_DEPTH_MAX ? d : INDENT_DEPTH_MAX));
    print_instr(out, in, NULL);
    if (op_opens_block(in->op))
      depth++;
  }
}

/* ---- Modules (6.4-text.modules) ---- */

/* import ::= (import name name externtype) */
static void print_import(Buf *out, const Import *im)
{
  buf_puts(out, "(import ");
  print_bytes(out, im->module);
  buf_putc(out, ' ');
  print_bytes(out, im->name);
  buf_putc(out, ' ');
  print_externtype(out, &im->type);
  buf_putc(out, ')');
}

/* tag ::= (tag typeuse) */
static void print_tag(Buf *out, const Tag *t)
{
  buf_printf(out, "(tag (type %" PRIu32 "))", t->type);
}

/* global ::= (global globaltype expr) */
static void print_global(Buf *out, const Global *g)
{
  buf_puts(out, "(global ");
  print_globaltype(out, g->type);
  print_instrs(out, &g->init, 0, true);
  buf_putc(out, ')');
}

/* mem ::= (memory memtype) */
static void print_mem(Buf *out, const Mem *mem)
{
  buf_puts(out, "(memory");
  print_addr_limits(out, mem->type.addr, mem->type.limits);
  buf_putc(out, ')');
}

/* table ::= (table tabletype expr) — the initialiser is always written, so
 * the ref.null abbreviation never applies. */
static void print_table(Buf *out, const Table *t)
{
  buf_puts(out, "(table");
  print_tabletype(out, &t->type);
  print_instrs(out, &t->init, 0, true);
  buf_putc(out, ')');
}

/* func ::= (func typeuse local* expr) — the typeuse as (type x) alone, so
 * no implicit type definition is ever added. */
static void print_func(Buf *out, const Func *f, unsigned indent)
{
  buf_printf(out, "(func (type %" PRIu32 ")", f->type);
  if (f->locals.len > 0) {
    buf_putc(out, ' ');
    print_valtypes(out, "local", f->locals.data, f->locals.len, NULL);
  }
  print_instrs(out, &f->body, indent + 2, false);
  buf_putc(out, ')');
}

/* offset ::= (offset expr) */
static void print_offset(Buf *out, const Expr *e)
{
  buf_puts(out, " (offset");
  print_instrs(out, e, 0, true);
  buf_putc(out, ')');
}

/* data ::= (data datastring) | (data memuse offset datastring) */
static void print_data(Buf *out, const Data *d)
{
  buf_puts(out, "(data");
  if (d->mode == SEG_ACTIVE) {
    buf_printf(out, " (memory %" PRIu32 ")", d->mem);
    print_offset(out, &d->offset);
  }
  buf_putc(out, ' ');
  print_bytes(out, d->init);
  buf_putc(out, ')');
}

/* elem ::= (elem elemlist) | (elem tableuse offset elemlist)
 *        | (elem declare elemlist), elemlist ::= reftype (item expr)* */
static void print_elem(Buf *out, const Elem *el)
{
  buf_puts(out, "(elem");
  if (el->mode == SEG_ACTIVE) {
    buf_printf(out, " (table %" PRIu32 ")", el->table);
    print_offset(out, &el->offset);
  } else if (el->mode == SEG_DECLARE) {
    buf_puts(out, " declare");
  }
  buf_putc(out, ' ');
  print_reftype(out, el->type, NULL);
  for (uint32_t i = 0; i < el->items.len; i++) {
    buf_puts(out, " (item");
    print_instrs(out, &el->items.data[i], 0, true);
    buf_putc(out, ')');
  }
  buf_putc(out, ')');
}

/* export ::= (export name externidx) */
static void print_export(Buf *out, const Export *ex)
{
  buf_puts(out, "(export ");
  print_bytes(out, ex->name);
  buf_printf(out, " (%s %" PRIu32 "))", externkind_name(ex->kind), ex->idx);
}

/* module ::= (module definition? id? decl*) — the fields in the order of
 * the abstract syntax, which puts every import before any definition as
 * the text format's index spaces require.  `indent` is the column of the
 * opening parenthesis. */
/* (@custom "name" (after sec) "bytes"), or (before first) at the start
 * (custom annotations proposal): where the binary had it. */
static void print_custom(Buf *out, const Custom *c)
{
  static const char *const names[] = {"first", "type", "import", "func", "table", "memory",
                                      "global", "export", "start", "elem", "code", "data",
                                      "datacount", "tag"};
  buf_puts(out, "(@custom ");
  print_bytes(out, c->name);
  if (c->after == 0)
    buf_puts(out, " (before first)");
  else if (c->after < sizeof names / sizeof *names)
    buf_printf(out, " (after %s)", names[c->after]);
  buf_putc(out, ' ');
  print_bytes(out, c->content);
  buf_putc(out, ')');
}

static void print_module(Buf *out, const Module *m, Name id, bool definition, unsigned indent)
{
  unsigned in = indent + 2;
  buf_puts(out, definition ? "(module definition" : "(module");
  print_opt_id(out, id);
  for (uint32_t i = 0; i < m->types.len;)
    i += print_rectype(out, m, i, in);
  for (uint32_t i = 0; i < m->imports.len; i++) {
    newline(out, in);
    print_import(out, &m->imports.data[i]);
  }
  for (uint32_t i = 0; i < m->tags.len; i++) {
    newline(out, in);
    print_tag(out, &m->tags.data[i]);
  }
  for (uint32_t i = 0; i < m->globals.len; i++) {
    newline(out, in);
    print_global(out, &m->globals.data[i]);
  }
  for (uint32_t i = 0; i < m->mems.len; i++) {
    newline(out, in);
    print_mem(out, &m->mems.data[i]);
  }
  for (uint32_t i = 0; i < m->tables.len; i++) {
    newline(out, in);
    print_table(out, &m->tables.data[i]);
  }
  for (uint32_t i = 0; i < m->funcs.len; i++) {
    newline(out, in);
    print_func(out, &m->funcs.data[i], in);
  }
  for (uint32_t i = 0; i < m->datas.len; i++) {
    newline(out, in);
    print_data(out, &m->datas.data[i]);
  }
  for (uint32_t i = 0; i < m->elems.len; i++) {
    newline(out, in);
    print_elem(out, &m->elems.data[i]);
  }
  if (m->has_start) {
    newline(out, in);
    buf_printf(out, "(start %" PRIu32 ")", m->start);
  }
  for (uint32_t i = 0; i < m->exports.len; i++) {
    newline(out, in);
    print_export(out, &m->exports.data[i]);
  }
  for (uint32_t i = 0; i < m->customs.len; i++) {
    newline(out, in);
    print_custom(out, &m->customs.data[i]);
  }
  buf_putc(out, ')');
}

void text_print_module(Buf *out, const Module *m)
{
  print_module(out, m, (Name){0}, false, 0);
  buf_putc(out, '\n');
}

/* ---- Scripts (script-format-README.md, "Scripts") ---- */

/* (module definition? id? binary string) with the bytes of `encode`. */
static void print_encoded_module(Buf *out, const ScriptModule *sm, ModuleEncoder encode)
{
  Buf bin;
  buf_init(&bin);
  encode(&bin, sm->module);
  if (bin.failed)
    out->failed = true;
  print_string(out, (const uint8_t *)bin.data, (uint32_t)bin.len);
  buf_free(&bin);
}

/* module ::= (module definition? id? field*) | (module definition? id? binary string*)
 *          | (module definition? id? quote string*) */
static void print_script_module(Buf *out, const ScriptModule *sm, ModuleEncoder encode,
                                unsigned indent)
{
  if (sm->kind == SMOD_TEXT && !encode && sm->module) {
    print_module(out, sm->module, sm->id, sm->definition, indent);
    return;
  }
  buf_puts(out, sm->definition ? "(module definition" : "(module");
  print_opt_id(out, sm->id);
  switch (sm->kind) {
  case SMOD_TEXT:
    /* A text module without its syntax (which a parsed script never has)
     * prints as the empty module. */
    if (sm->module) {
      buf_puts(out, " binary ");
      print_encoded_module(out, sm, encode);
    }
    break;
  case SMOD_BINARY:
    buf_puts(out, " binary ");
    print_bytes(out, sm->bytes);
    break;
  case SMOD_QUOTE:
    buf_puts(out, " quote ");
    print_bytes(out, sm->bytes);
    break;
  }
  buf_putc(out, ')');
}

/* const ::= (t.const c) | (v128.const i32x4 c^4) | (ref.null ht)
 *         | (ref.host n) | (ref.extern n) */
static void print_const(Buf *out, const Const *c)
{
  switch (c->kind) {
  case CONST_NUM:
    buf_printf(out, "(%s.const ", valkind_name(c->type));
    switch (c->type) {
    case VAL_I32: print_int(out, c->bits, 32); break;
    case VAL_I64: print_int(out, c->bits, 64); break;
    case VAL_F32: print_f32(out, (uint32_t)c->bits); break;
    case VAL_F64: print_f64(out, c->bits); break;
    case VAL_V128: case VAL_REF: case VAL_BOT: case PACK_I8: case PACK_I16:
      print_int(out, c->bits, 64);  /* not a number type: never built as CONST_NUM */
      break;
    }
    buf_putc(out, ')');
    return;
  case CONST_VEC:
    buf_puts(out, "(v128.const ");
    print_v128(out, &c->vec);
    buf_putc(out, ')');
    return;
  case CONST_REF_NULL:
    buf_puts(out, "(ref.null ");
    print_heaptype(out, c->ref, NULL);
    buf_putc(out, ')');
    return;
  case CONST_REF_HOST:
    buf_printf(out, "(ref.host %" PRIu64 ")", c->bits);
    return;
  case CONST_REF_EXTERN:
    buf_printf(out, "(ref.extern %" PRIu64 ")", c->bits);
    return;
  }
}

/* num_pat ::= num | nan:canonical | nan:arithmetic, for a number (or lane)
 * of kind `type` and `width` bits. */
static void print_numpat(Buf *out, const NumPat *p, ValKind type, unsigned width)
{
  switch (p->kind) {
  case NUMPAT_NAN_CANONICAL:
    buf_puts(out, "nan:canonical");
    return;
  case NUMPAT_NAN_ARITHMETIC:
    buf_puts(out, "nan:arithmetic");
    return;
  case NUMPAT_VALUE:
    if (type == VAL_F32)
      print_f32(out, (uint32_t)p->bits);
    else if (type == VAL_F64)
      print_f64(out, p->bits);
    else
      print_int(out, p->bits, width);
    return;
  }
}

/* The shape of a v128 pattern: its keyword, lane type and lane width. */
static void vecshape_info(VecShape s, const char **name, ValKind *lane, unsigned *width)
{
  switch (s) {
  case SHAPE_I8X16: *name = "i8x16"; *lane = VAL_I32; *width = 8; return;
  case SHAPE_I16X8: *name = "i16x8"; *lane = VAL_I32; *width = 16; return;
  case SHAPE_I32X4: *name = "i32x4"; *lane = VAL_I32; *width = 32; return;
  case SHAPE_I64X2: *name = "i64x2"; *lane = VAL_I64; *width = 64; return;
  case SHAPE_F32X4: *name = "f32x4"; *lane = VAL_F32; *width = 32; return;
  case SHAPE_F64X2: *name = "f64x2"; *lane = VAL_F64; *width = 64; return;
  }
  *name = "i32x4";
  *lane = VAL_I32;
  *width = 32;
}

/* result_pat ::= (t.const num_pat) | (v128.const shape num_pat*) | (ref.null ht?)
 *              | (ref.func) | (ref.extern n?) | (ref.host n) | (ref.heaptype) | (ref)
 *              | (either result_pat+) */
static void print_result(Buf *out, const Result *r)
{
  switch (r->kind) {
  case RESULT_NUM: {
    unsigned width = r->type == VAL_I32 || r->type == VAL_F32 ? 32 : 64;
    buf_printf(out, "(%s.const ", valkind_name(r->type));
    print_numpat(out, &r->num, r->type, width);
    buf_putc(out, ')');
    return;
  }
  case RESULT_VEC: {
    const char *name;
    ValKind lane;
    unsigned width;
    vecshape_info(r->shape, &name, &lane, &width);
    buf_printf(out, "(v128.const %s", name);
    for (unsigned k = 0; k < 128 / width; k++) {
      buf_putc(out, ' ');
      print_numpat(out, &r->lanes[k], lane, width);
    }
    buf_putc(out, ')');
    return;
  }
  case RESULT_REF_NULL:
    buf_puts(out, "(ref.null");
    if (r->has_type) {
      buf_putc(out, ' ');
      /* `ref` carries a type index; a parser may fill only `heap`. */
      if (r->ref.kind == VAL_REF)
        print_heaptype(out, r->ref, NULL);
      else
        buf_puts(out, heapkind_name(r->heap));
    }
    buf_putc(out, ')');
    return;
  case RESULT_REF_FUNC:
    buf_puts(out, "(ref.func)");
    return;
  case RESULT_REF_EXTERN:
    if (r->has_value)
      buf_printf(out, "(ref.extern %" PRIu64 ")", r->value);
    else
      buf_puts(out, "(ref.extern)");
    return;
  case RESULT_REF_HOST:
    buf_printf(out, "(ref.host %" PRIu64 ")", r->value);
    return;
  case RESULT_REF_HEAP:
    buf_printf(out, "(ref.%s)", heapkind_name(r->heap));
    return;
  case RESULT_REF:
    buf_puts(out, "(ref)");
    return;
  case RESULT_EITHER:
    buf_puts(out, "(either");
    for (uint32_t i = 0; i < r->alts.len; i++) {
      buf_putc(out, ' ');
      print_result(out, &r->alts.data[i]);
    }
    buf_putc(out, ')');
    return;
  }
}

/* action ::= (invoke id? name const*) | (get id? name) */
static void print_action(Buf *out, const Action *a)
{
  buf_puts(out, a->kind == ACTION_GET ? "(get" : "(invoke");
  print_opt_id(out, a->module);
  buf_putc(out, ' ');
  print_bytes(out, a->name);
  for (uint32_t i = 0; a->kind == ACTION_INVOKE && i < a->args.len; i++) {
    buf_putc(out, ' ');
    print_const(out, &a->args.data[i]);
  }
  buf_putc(out, ')');
}

/* (assert_… action failure?) */
static void print_assert_action(Buf *out, const char *keyword, const Command *c, bool failure)
{
  buf_printf(out, "(%s ", keyword);
  print_action(out, &c->action);
  if (failure) {
    buf_putc(out, ' ');
    print_bytes(out, c->failure);
  }
  buf_putc(out, ')');
}

/* instance ::= (module instance $i? $m?): a single name is the module's */
static void print_instance(Buf *out, const Command *c)
{
  buf_puts(out, "(module instance");
  print_opt_id(out, c->id);
  print_opt_id(out, c->id2);
  buf_putc(out, ')');
}

/* (assert_… module failure), the module on its own lines, or
 * (assert_… instance failure) */
static void print_assert_module(Buf *out, const char *keyword, const Command *c,
                                ModuleEncoder encode)
{
  buf_printf(out, "(%s", keyword);
  newline(out, 2);
  if (c->instance)
    print_instance(out, c);
  else
    print_script_module(out, &c->module, encode, 2);
  newline(out, 2);
  print_bytes(out, c->failure);
  buf_putc(out, ')');
}

/* cmd ::= module | instance | register | action | assertion | meta */
static void print_command(Buf *out, const Command *c, ModuleEncoder encode)
{
  switch (c->kind) {
  case CMD_MODULE:
    print_script_module(out, &c->module, encode, 0);
    return;
  case CMD_INSTANCE:
    print_instance(out, c);
    return;
  case CMD_REGISTER:
    buf_puts(out, "(register ");
    print_bytes(out, c->name);
    print_opt_id(out, c->id);
    buf_putc(out, ')');
    return;
  case CMD_ACTION:
    print_action(out, &c->action);
    return;
  case CMD_ASSERT_RETURN:
    buf_puts(out, "(assert_return ");
    print_action(out, &c->action);
    for (uint32_t i = 0; i < c->results.len; i++) {
      buf_putc(out, ' ');
      print_result(out, &c->results.data[i]);
    }
    buf_putc(out, ')');
    return;
  case CMD_ASSERT_TRAP:
    print_assert_action(out, "assert_trap", c, true);
    return;
  case CMD_ASSERT_EXHAUSTION:
    print_assert_action(out, "assert_exhaustion", c, true);
    return;
  case CMD_ASSERT_EXCEPTION:
    print_assert_action(out, "assert_exception", c, false);
    return;
  case CMD_ASSERT_SUSPENSION:
    print_assert_action(out, "assert_suspension", c, true);
    return;
  case CMD_ASSERT_TRAP_MODULE:
    print_assert_module(out, "assert_trap", c, encode);
    return;
  case CMD_ASSERT_MALFORMED:
    print_assert_module(out, "assert_malformed", c, encode);
    return;
  case CMD_ASSERT_INVALID:
    print_assert_module(out, "assert_invalid", c, encode);
    return;
  case CMD_ASSERT_UNLINKABLE:
    print_assert_module(out, "assert_unlinkable", c, encode);
    return;
  case CMD_INPUT:
    buf_puts(out, "(input");
    print_opt_id(out, c->id);
    buf_putc(out, ' ');
    print_bytes(out, c->name);
    buf_putc(out, ')');
    return;
  case CMD_OUTPUT:
    buf_puts(out, "(output");
    print_opt_id(out, c->id);
    if (c->has_name) {
      buf_putc(out, ' ');
      print_bytes(out, c->name);
    }
    buf_putc(out, ')');
    return;
  case CMD_SCRIPT:   /* its commands: print_commands */
    buf_puts(out, "(script");
    print_opt_id(out, c->id);
    return;
  }
}

/* n commands, a (script …) with its nested ones; returns how many it
 * printed in all. */
static uint32_t print_commands(Buf *out, const Command *cs, uint32_t n, ModuleEncoder encode)
{
  uint32_t i = 0;
  while (i < n) {
    const Command *c = &cs[i++];
    print_command(out, c, encode);
    if (c->kind == CMD_SCRIPT) {
      buf_putc(out, '\n');
      i += print_commands(out, cs + i, c->nested < n - i ? c->nested : n - i, encode);
      buf_putc(out, ')');
    }
    buf_putc(out, '\n');
  }
  return n;
}

void text_print_script(Buf *out, const Script *s, ModuleEncoder encode)
{
  print_commands(out, s->commands.data, s->commands.len, encode);
}

void text_print_command(Buf *out, const Command *c, ModuleEncoder encode)
{
  print_command(out, c, encode);
}

void text_print_instr(Buf *out, const Instr *in)
{
  print_instr(out, in, NULL);
}

void text_print_instr_named(Buf *out, const Instr *in, const IndexNamer *nm)
{
  print_instr(out, in, nm);
}
