/* Module → bytes: the binary format (spec: 5.1-binary.values,
 * 5.2-binary.types, 5.3-binary.instructions, 5.4-binary.modules, and the
 * stack-switching Explainer's "Binary format").
 *
 * Where the format offers a choice, the encoder takes the shortest form
 * that decodes to the same abstract syntax: rec groups of one without
 * `rec`, final subtypes without supertypes as the bare comptype, nullable
 * abstract reference types as their one-byte shorthand, the table form
 * without an expression when the table is filled with its own null, and
 * the element and data segment forms that need no explicit table, memory
 * or type.  Every number is written in its shortest LEB128 form. */

#include <assert.h>
#include <string.h>

#include "binary/binary.h"
#include "util/leb128.h"

/* ---- Values (5.1-binary.values) ---- */

/* byte */
static void put_byte(Buf *b, uint8_t x)
{
  buf_put(b, &x, 1);
}

/* uN, shortest form; u32 and u64 alike */
static void put_u64(Buf *b, uint64_t v)
{
  uint8_t tmp[10];
  buf_put(b, tmp, leb_write_unsigned(tmp, v));
}

/* u32 ::= uN(32) */
static void put_u32(Buf *b, uint32_t v)
{
  put_u64(b, v);
}

/* sN, shortest form; s33, s32 and s64 alike */
static void put_s64(Buf *b, int64_t v)
{
  uint8_t tmp[10];
  buf_put(b, tmp, leb_write_signed(tmp, v));
}

/* The two's complement reading of a bit pattern, without C's
 * implementation-defined conversion of out-of-range unsigned values. */
static int64_t signed_of_bits(uint64_t v, unsigned bits)
{
  uint64_t sign = (uint64_t)1 << (bits - 1);
  uint64_t mask = bits == 64 ? ~(uint64_t)0 : (sign << 1) - 1;
  v &= mask;
  if ((v & sign) == 0)
    return (int64_t)v;
  /* v - 2^bits, computed on the non-negative magnitude. */
  return -(int64_t)((mask - v)) - 1;
}

/* fN ::= b*:byte^(N/8) — the bit pattern, little-endian */
static void put_fbytes(Buf *b, uint64_t bits, unsigned n)
{
  uint8_t tmp[8];
  for (unsigned i = 0; i < n; i++)
    tmp[i] = (uint8_t)(bits >> (8 * i));
  buf_put(b, tmp, n);
}

/* list(byte) */
static void put_bytes(Buf *b, Bytes bs)
{
  put_u32(b, bs.len);
  if (bs.len)
    buf_put(b, bs.data, bs.len);
}

/* name ::= b*:list(byte) — names are kept as their UTF-8 bytes */
static void put_name(Buf *b, Name nm)
{
  put_bytes(b, nm);
}

/* The size prefix of sections and function bodies is only known once the
 * content is written: write the content, then slide it up to make room for
 * its size.  Content beyond u32 cannot be framed; it marks the buffer
 * failed, as nothing could decode it. */
static size_t sized_begin(Buf *b)
{
  return b->len;
}

/* len:u32 content, where len = ||content|| */
static void sized_end(Buf *b, size_t start)
{
  if (b->failed)
    return;
  size_t n = b->len - start;
  if (n > UINT32_MAX) {
    b->failed = true;
    return;
  }
  uint8_t tmp[10];
  size_t k = leb_write_unsigned(tmp, n);
  buf_put(b, tmp, k);  /* grows the buffer by k; the bytes are overwritten */
  if (b->failed)
    return;
  memmove(b->data + start + k, b->data + start, n);
  memcpy(b->data + start, tmp, k);
}

/* ---- Types (5.2-binary.types, Explainer "Binary format") ---- */

/* spec: binary-heaptypes */
/* absheaptype: the one-byte form of the negative s33 codes */
static uint8_t absheaptype_code(HeapKind h)
{
  static const uint8_t codes[] = {
    [HEAP_ANY] = 0x6E, [HEAP_EQ] = 0x6D, [HEAP_I31] = 0x6C, [HEAP_STRUCT] = 0x6B,
    [HEAP_ARRAY] = 0x6A, [HEAP_NONE] = 0x71, [HEAP_FUNC] = 0x70, [HEAP_NOFUNC] = 0x73,
    [HEAP_EXN] = 0x69, [HEAP_NOEXN] = 0x74, [HEAP_EXTERN] = 0x6F, [HEAP_NOEXTERN] = 0x72,
    [HEAP_CONT] = 0x68,    /* -0x18 */
    [HEAP_NOCONT] = 0x75,  /* -0x0b */
  };
  /* `bot` and indices have no code: bot never occurs in a module. */
  bool known = h < sizeof codes / sizeof *codes && codes[h] != 0;
  assert(known);
  return known ? codes[h] : 0x00;
}

/* heaptype ::= ht:absheaptype | x33:s33 (x33 >= 0) */
static void put_heaptype(Buf *b, ValType t)
{
  if (t.heap == HEAP_IDX)
    put_s64(b, t.idx);
  else
    put_byte(b, absheaptype_code(t.heap));
}

/* reftype ::= 0x63 ht | 0x64 ht | ht:absheaptype (= REF NULL ht) */
static void put_reftype(Buf *b, ValType t)
{
  if (t.null && t.heap != HEAP_IDX) {
    put_heaptype(b, t);
    return;
  }
  put_byte(b, t.null ? 0x63 : 0x64);
  put_heaptype(b, t);
}

/* valtype ::= numtype | vectype | reftype; storagetype adds packtype */
static void put_valtype(Buf *b, ValType t)
{
  static const uint8_t codes[] = {
    [VAL_I32] = 0x7F, [VAL_I64] = 0x7E, [VAL_F32] = 0x7D, [VAL_F64] = 0x7C,
    [VAL_V128] = 0x7B, [PACK_I8] = 0x78, [PACK_I16] = 0x77,
  };
  if (t.kind == VAL_REF) {
    put_reftype(b, t);
    return;
  }
  /* `bot` is the type of unreachable code only, never written down. */
  bool known = t.kind < sizeof codes / sizeof *codes && codes[t.kind] != 0;
  assert(known);
  put_byte(b, known ? codes[t.kind] : 0x00);
}

/* resulttype ::= t*:list(valtype) */
static void put_resulttype(Buf *b, const ValTypes *ts)
{
  put_u32(b, ts->len);
  for (uint32_t i = 0; i < ts->len; i++)
    put_valtype(b, ts->data[i]);
}

/* fieldtype ::= zt:storagetype mut?:mut */
static void put_fieldtype(Buf *b, FieldType ft)
{
  put_valtype(b, ft.type);
  put_byte(b, ft.mut ? 0x01 : 0x00);
}

/* comptype ::= 0x5E ft | 0x5F ft* | 0x60 t1* t2* | 0x5D x:s33 (cont, -0x23) */
static void put_comptype(Buf *b, const CompType *ct)
{
  switch (ct->kind) {
  case COMP_ARRAY:
    put_byte(b, 0x5E);
    put_fieldtype(b, ct->array);
    return;
  case COMP_STRUCT:
    put_byte(b, 0x5F);
    put_u32(b, ct->fields.len);
    for (uint32_t i = 0; i < ct->fields.len; i++)
      put_fieldtype(b, ct->fields.data[i]);
    return;
  case COMP_FUNC:
    put_byte(b, 0x60);
    put_resulttype(b, &ct->func.params);
    put_resulttype(b, &ct->func.results);
    return;
  /* spec: binary-cont-type */
  case COMP_CONT:
    put_byte(b, 0x5D);
    put_s64(b, ct->cont);
    return;
  }
}

/* subtype ::= 0x4F x*:list(typeidx) ct | 0x50 x*:list(typeidx) ct
 *           | ct (= SUB FINAL eps ct) */
static void put_subtype(Buf *b, const SubType *st)
{
  if (!st->final || st->supers.len != 0) {
    put_byte(b, st->final ? 0x4F : 0x50);
    put_u32(b, st->supers.len);
    for (uint32_t i = 0; i < st->supers.len; i++)
      put_u32(b, st->supers.data[i]);
  }
  put_comptype(b, &st->comp);
}

/* rectype ::= 0x4E st*:list(subtype) | st:subtype (= REC st) */
static void put_rectype(Buf *b, const SubType *group, uint32_t n)
{
  if (n != 1) {
    put_byte(b, 0x4E);
    put_u32(b, n);
  }
  for (uint32_t i = 0; i < n; i++)
    put_subtype(b, &group[i]);
}

/* limits ::= 0x00 n | 0x01 n m | 0x04 n | 0x05 n m (bit 0: max, bit 2: i64) */
static void put_limits(Buf *b, AddrType at, Limits lim)
{
  put_byte(b, (uint8_t)((lim.has_max ? 0x01 : 0x00) | (at == ADDR_I64 ? 0x04 : 0x00)));
  put_u64(b, lim.min);
  if (lim.has_max)
    put_u64(b, lim.max);
}

/* tagtype ::= 0x00 x:typeidx */
static void put_tagtype(Buf *b, uint32_t type)
{
  put_byte(b, 0x00);
  put_u32(b, type);
}

/* globaltype ::= t:valtype mut?:mut */
static void put_globaltype(Buf *b, GlobalType gt)
{
  put_valtype(b, gt.type);
  put_byte(b, gt.mut ? 0x01 : 0x00);
}

/* memtype ::= (at, lim):limits */
static void put_memtype(Buf *b, MemType mt)
{
  put_limits(b, mt.addr, mt.limits);
}

/* tabletype ::= rt:reftype (at, lim):limits */
static void put_tabletype(Buf *b, const TableType *tt)
{
  put_reftype(b, tt->elem);
  put_limits(b, tt->addr, tt->limits);
}

/* externtype ::= 0x00 x | 0x01 tt | 0x02 mt | 0x03 gt | 0x04 jt */
static void put_externtype(Buf *b, const ExternType *xt)
{
  switch (xt->kind) {
  case EXTERN_FUNC:
    put_byte(b, 0x00);
    put_u32(b, xt->type);
    return;
  case EXTERN_TABLE:
    put_byte(b, 0x01);
    put_tabletype(b, &xt->table);
    return;
  case EXTERN_MEM:
    put_byte(b, 0x02);
    put_memtype(b, xt->mem);
    return;
  case EXTERN_GLOBAL:
    put_byte(b, 0x03);
    put_globaltype(b, xt->global);
    return;
  case EXTERN_TAG:
    put_byte(b, 0x04);
    put_tagtype(b, xt->type);
    return;
  }
}

/* ---- Instructions (5.3-binary.instructions) ---- */

/* blocktype ::= 0x40 | t:valtype | i:s33 (i >= 0) */
static void put_blocktype(Buf *b, BlockType bt)
{
  switch (bt.kind) {
  case BLOCK_EMPTY:
    put_byte(b, 0x40);
    return;
  case BLOCK_VALTYPE:
    put_valtype(b, bt.valtype);
    return;
  case BLOCK_TYPEIDX:
    put_s64(b, bt.idx);
    return;
  }
}

/* catch ::= 0x00 x l | 0x01 x l | 0x02 l | 0x03 l */
static void put_catch(Buf *b, const Catch *c)
{
  static const uint8_t codes[] = {
    [CATCH] = 0x00, [CATCH_REF] = 0x01, [CATCH_ALL] = 0x02, [CATCH_ALL_REF] = 0x03,
  };
  put_byte(b, codes[c->kind]);
  if (c->kind == CATCH || c->kind == CATCH_REF)
    put_u32(b, c->tag);
  put_u32(b, c->label);
}

/* spec: binary-on-label */
/* spec: binary-on-switch */
/* hdl ::= 0x00 t:tagidx l:labelidx | 0x01 t:tagidx (Explainer, "Instructions") */
static void put_handler(Buf *b, const Handler *h)
{
  if (h->kind == ON_LABEL) {
    put_byte(b, 0x00);
    put_u32(b, h->tag);
    put_u32(b, h->label);
  } else {
    put_byte(b, 0x01);
    put_u32(b, h->tag);
  }
}

/* hdl*:list(hdl) */
static void put_handlers(Buf *b, const Handlers *hs)
{
  put_u32(b, hs->len);
  for (uint32_t i = 0; i < hs->len; i++)
    put_handler(b, &hs->handler[i]);
}

/* memarg ::= n:u32 m:u64 (n < 2^6) | n:u32 x:memidx m:u64 (2^6 <= n < 2^7):
 * bit 6 of the flags says a memory index follows */
static void put_memarg(Buf *b, MemArg ma)
{
  if (ma.mem == 0) {
    put_u32(b, ma.align);
  } else {
    put_u32(b, ma.align + 0x40u);
    put_u32(b, ma.mem);
  }
  put_u64(b, ma.offset);
}

/* castop ::= 0x00 | 0x01 | 0x02 | 0x03 (bit 0: rt1 null, bit 1: rt2 null) */
static void put_castop(Buf *b, ValType rt1, ValType rt2)
{
  put_byte(b, (uint8_t)((rt1.null ? 0x01 : 0x00) | (rt2.null ? 0x02 : 0x00)));
}

/* The opcode: one byte, or a prefix byte and the code as u32 */
static void put_opcode(Buf *b, const InstrInfo *info, uint32_t code)
{
  if (info->prefix == 0x00) {
    put_byte(b, (uint8_t)code);
  } else {
    put_byte(b, info->prefix);
    put_u32(b, code);
  }
}

/* The indices shapes.def places in imm.x or imm.xy, in binary order:
 * call_indirect y:typeidx x:tableidx, table.init y:elemidx x:tableidx and
 * memory.init y:dataidx x:memidx put the second first (the YX layout). */
static void put_indices(Buf *b, const Instr *in)
{
  switch (shape_info[instr_info[in->op].shape].imm) {
  case LAYOUT_X:
    put_u32(b, in->imm.x);
    return;
  case LAYOUT_XY:
    put_u32(b, in->imm.xy.x);
    put_u32(b, in->imm.xy.y);
    return;
  case LAYOUT_YX:
    put_u32(b, in->imm.xy.y);
    put_u32(b, in->imm.xy.x);
    return;
  case LAYOUT_NONE:
  case LAYOUT_OWN:
    return;
  }
}

/* instr: opcode and immediates, by the immediate shape (syntax/shapes.def) */
static void put_instr(Buf *b, const Instr *in)
{
  const InstrInfo *info = &instr_info[in->op];
  uint32_t code = info->code;
  /* The variants with a type annotation or a nullable type have the next
   * code: 0x1C for select t*, and ref.test/ref.cast (ref null ht). */
  if (info->shape == IMM_SELECT && in->imm.select)
    code += 1;
  if (info->shape == IMM_REFTYPE && in->imm.ref.null)
    code += 1;
  put_opcode(b, info, code);

  switch (info->shape) {
#define SHAPE SHAPE_TABLE_CASE
#include "syntax/shapes.def"
    put_indices(b, in);
    return;
  case IMM_ELSE:
    return;
  case IMM_BLOCK:
    put_blocktype(b, in->imm.block.type);
    return;
  case IMM_TRY_TABLE: {
    /* 0x1F bt:blocktype c*:list(catch) */
    const Catches *cs = in->imm.block.catches;
    put_blocktype(b, in->imm.block.type);
    put_u32(b, cs->len);
    for (uint32_t i = 0; i < cs->len; i++)
      put_catch(b, &cs->catch_[i]);
    return;
  }
  case IMM_SELECT: {
    /* 0x1C t*:list(valtype); 0x1B has none */
    const SelectTypes *ts = in->imm.select;
    if (!ts)
      return;
    put_u32(b, ts->len);
    for (uint32_t i = 0; i < ts->len; i++)
      put_valtype(b, ts->type[i]);
    return;
  }
  case IMM_BR_TABLE: {
    /* 0x0E l*:list(labelidx) l_n:labelidx — the default is kept last */
    const Labels *ls = in->imm.br_table;
    assert(ls->len >= 1);
    put_u32(b, ls->len - 1);
    for (uint32_t i = 0; i < ls->len; i++)
      put_u32(b, ls->label[i]);
    return;
  }
  case IMM_BR_ON_CAST:
    /* 0xFB 24|25 castop l:labelidx ht_1:heaptype ht_2:heaptype */
    put_castop(b, in->imm.br_on_cast.rt1, in->imm.br_on_cast.rt2);
    put_u32(b, in->imm.br_on_cast.label);
    put_heaptype(b, in->imm.br_on_cast.rt1);
    put_heaptype(b, in->imm.br_on_cast.rt2);
    return;
  case IMM_MEMARG:
    put_memarg(b, in->imm.memarg);
    return;
  case IMM_MEMARG_LANE:
    /* memarg i:laneidx */
    put_memarg(b, in->imm.memarg);
    put_byte(b, in->imm.memarg.lane);
    return;
  case IMM_HEAPTYPE:
  case IMM_REFTYPE:
    /* ref.null ht; ref.test/ref.cast carry the nullability in the opcode */
    put_heaptype(b, in->imm.ref);
    return;
  case IMM_RESUME:
    /* 0xE3|0xE5 ct:typeidx hdl* */
    put_u32(b, in->imm.resume.type);
    put_handlers(b, in->imm.resume.handlers);
    return;
  case IMM_RESUME_THROW:
    /* 0xE4 ct:typeidx e:tagidx hdl* */
    put_u32(b, in->imm.resume.type);
    put_u32(b, in->imm.resume.tag);
    put_handlers(b, in->imm.resume.handlers);
    return;
  case IMM_I32:
    /* 0x41 i:iN(32), iN ::= i:sN(N) => inv_signed(N, i).  (The alias
     * `Bi32 = BuN(32)` in 5.1 disagrees with BiN; the suite uses sN.) */
    put_s64(b, signed_of_bits(in->imm.i32, 32));
    return;
  case IMM_I64:
    /* 0x42 i:iN(64), read as sN(64) likewise */
    put_s64(b, signed_of_bits(in->imm.i64, 64));
    return;
  case IMM_F32:
    put_fbytes(b, in->imm.f32, 4);
    return;
  case IMM_F64:
    put_fbytes(b, in->imm.f64, 8);
    return;
  case IMM_V128:
    /* 0xFD 12 b^16, the vector's bytes in little-endian order */
    buf_put(b, in->imm.v128.i8, 16);
    return;
  case IMM_SHUFFLE:
    /* 0xFD 13 (l:laneidx)^16 */
    buf_put(b, in->imm.shuffle, 16);
    return;
  case IMM_LANE:
    put_byte(b, in->imm.lane);
    return;
  }
}

/* expr ::= (in:instr)* 0x0B — the flat array already ends with its `end` */
static void put_expr(Buf *b, const Expr *e)
{
  for (uint32_t i = 0; i < e->len; i++)
    put_instr(b, &e->data[i]);
}

/* ---- Modules (5.4-binary.modules) ---- */

/* section_N(X) ::= N:byte len:u32 X — returns where the content starts */
static size_t section_begin(Buf *b, uint8_t id)
{
  put_byte(b, id);
  return sized_begin(b);
}

/* customsec ::= section_0(name byte*) */
static void put_customsec(Buf *b, const Custom *c)
{
  size_t at = section_begin(b, 0);
  put_name(b, c->name);
  if (c->content.len)
    buf_put(b, c->content.data, c->content.len);
  sized_end(b, at);
}

/* The length of the rec group that starts at type i.  Every group the
 * flat list can hold has a member, so a size of 0 is taken as 1 rather than
 * looping forever, and a size running past the end is cut there. */
static uint32_t rec_group_size(const Module *m, uint32_t i)
{
  uint32_t n = m->types.data[i].rec_size;
  if (n == 0)
    n = 1;
  return n < m->types.len - i ? n : m->types.len - i;
}

/* typesec ::= section_1(list(type)), type ::= rectype — one entry per group */
static void put_typesec(Buf *b, const Module *m)
{
  if (m->types.len == 0)
    return;
  uint32_t groups = 0;
  for (uint32_t i = 0; i < m->types.len; i += rec_group_size(m, i))
    groups++;
  size_t at = section_begin(b, 1);
  put_u32(b, groups);
  for (uint32_t i = 0; i < m->types.len; i += rec_group_size(m, i))
    put_rectype(b, &m->types.data[i], rec_group_size(m, i));
  sized_end(b, at);
}

/* import ::= nm_1:name nm_2:name xt:externtype */
static void put_import(Buf *b, const Import *im)
{
  put_name(b, im->module);
  put_name(b, im->name);
  put_externtype(b, &im->type);
}

/* importsec ::= section_2(list(import)) */
static void put_importsec(Buf *b, const Module *m)
{
  if (m->imports.len == 0)
    return;
  size_t at = section_begin(b, 2);
  put_u32(b, m->imports.len);
  for (uint32_t i = 0; i < m->imports.len; i++)
    put_import(b, &m->imports.data[i]);
  sized_end(b, at);
}

/* funcsec ::= section_3(list(typeidx)) */
static void put_funcsec(Buf *b, const Module *m)
{
  if (m->funcs.len == 0)
    return;
  size_t at = section_begin(b, 3);
  put_u32(b, m->funcs.len);
  for (uint32_t i = 0; i < m->funcs.len; i++)
    put_u32(b, m->funcs.data[i].type);
  sized_end(b, at);
}

/* Whether a table's initializer is what the short form decodes to:
 * tt (= TABLE tt (REF.NULL ht)) where tt = at lim (REF NULL? ht). */
static bool table_init_is_default(const Table *t)
{
  if (t->init.len != 2 || t->init.data[0].op != OP_REF_NULL || t->init.data[1].op != OP_END)
    return false;
  ValType null = t->type.elem;
  null.null = true;
  return valtype_eq(t->init.data[0].imm.ref, null);
}

/* table ::= tt:tabletype | 0x40 0x00 tt:tabletype e:expr */
static void put_table(Buf *b, const Table *t)
{
  if (table_init_is_default(t)) {
    put_tabletype(b, &t->type);
    return;
  }
  put_byte(b, 0x40);
  put_byte(b, 0x00);
  put_tabletype(b, &t->type);
  put_expr(b, &t->init);
}

/* tablesec ::= section_4(list(table)) */
static void put_tablesec(Buf *b, const Module *m)
{
  if (m->tables.len == 0)
    return;
  size_t at = section_begin(b, 4);
  put_u32(b, m->tables.len);
  for (uint32_t i = 0; i < m->tables.len; i++)
    put_table(b, &m->tables.data[i]);
  sized_end(b, at);
}

/* memsec ::= section_5(list(mem)), mem ::= mt:memtype */
static void put_memsec(Buf *b, const Module *m)
{
  if (m->mems.len == 0)
    return;
  size_t at = section_begin(b, 5);
  put_u32(b, m->mems.len);
  for (uint32_t i = 0; i < m->mems.len; i++)
    put_memtype(b, m->mems.data[i].type);
  sized_end(b, at);
}

/* tagsec ::= section_13(list(tag)), tag ::= jt:tagtype */
static void put_tagsec(Buf *b, const Module *m)
{
  if (m->tags.len == 0)
    return;
  size_t at = section_begin(b, 13);
  put_u32(b, m->tags.len);
  for (uint32_t i = 0; i < m->tags.len; i++)
    put_tagtype(b, m->tags.data[i].type);
  sized_end(b, at);
}

/* globalsec ::= section_6(list(global)), global ::= gt:globaltype e:expr */
static void put_globalsec(Buf *b, const Module *m)
{
  if (m->globals.len == 0)
    return;
  size_t at = section_begin(b, 6);
  put_u32(b, m->globals.len);
  for (uint32_t i = 0; i < m->globals.len; i++) {
    put_globaltype(b, m->globals.data[i].type);
    put_expr(b, &m->globals.data[i].init);
  }
  sized_end(b, at);
}

/* externidx ::= 0x00 funcidx | 0x01 tableidx | 0x02 memidx | 0x03 globalidx | 0x04 tagidx */
static void put_externidx(Buf *b, ExternKind kind, uint32_t idx)
{
  static const uint8_t codes[] = {
    [EXTERN_FUNC] = 0x00, [EXTERN_TABLE] = 0x01, [EXTERN_MEM] = 0x02,
    [EXTERN_GLOBAL] = 0x03, [EXTERN_TAG] = 0x04,
  };
  put_byte(b, codes[kind]);
  put_u32(b, idx);
}

/* exportsec ::= section_7(list(export)), export ::= nm:name xx:externidx */
static void put_exportsec(Buf *b, const Module *m)
{
  if (m->exports.len == 0)
    return;
  size_t at = section_begin(b, 7);
  put_u32(b, m->exports.len);
  for (uint32_t i = 0; i < m->exports.len; i++) {
    put_name(b, m->exports.data[i].name);
    put_externidx(b, m->exports.data[i].kind, m->exports.data[i].idx);
  }
  sized_end(b, at);
}

/* startsec ::= section_8(x:funcidx) */
static void put_startsec(Buf *b, const Module *m)
{
  if (!m->has_start)
    return;
  size_t at = section_begin(b, 8);
  put_u32(b, m->start);
  sized_end(b, at);
}

/* Whether forms 0–3 fit: they decode to type (ref func) and items
 * (ref.func y) only. */
static bool elem_is_funcs(const Elem *e)
{
  if (!valtype_eq(e->type, valtype_ref(false, HEAP_FUNC, 0)))
    return false;
  for (uint32_t i = 0; i < e->items.len; i++) {
    const Expr *x = &e->items.data[i];
    if (x->len != 2 || x->data[0].op != OP_REF_FUNC || x->data[1].op != OP_END)
      return false;
  }
  return true;
}

/* y*:list(funcidx), the items of forms 0–3 */
static void put_elem_funcs(Buf *b, const Elem *e)
{
  put_u32(b, e->items.len);
  for (uint32_t i = 0; i < e->items.len; i++)
    put_u32(b, e->items.data[i].data[0].imm.x);
}

/* e*:list(expr), the items of forms 4–7 */
static void put_elem_exprs(Buf *b, const Elem *e)
{
  put_u32(b, e->items.len);
  for (uint32_t i = 0; i < e->items.len; i++)
    put_expr(b, &e->items.data[i]);
}

/* elem ::= 0 e_o y* | 1 0x00 y* | 2 x e_o 0x00 y* | 3 0x00 y*   (ref func, ref.func y)
 *        | 4 e_o e* | 5 rt e* | 6 x e_o rt e* | 7 rt e*   (expressions) */
static void put_elem(Buf *b, const Elem *e)
{
  bool funcs = elem_is_funcs(e);
  bool table0 = e->mode == SEG_ACTIVE && e->table == 0;
  if (funcs) {
    switch (e->mode) {
    case SEG_ACTIVE:
      put_u32(b, table0 ? 0 : 2);
      if (!table0)
        put_u32(b, e->table);
      put_expr(b, &e->offset);
      if (!table0)
        put_byte(b, 0x00);  /* elemkind: ref func */
      break;
    case SEG_PASSIVE:
      put_u32(b, 1);
      put_byte(b, 0x00);
      break;
    case SEG_DECLARE:
      put_u32(b, 3);
      put_byte(b, 0x00);
      break;
    }
    put_elem_funcs(b, e);
    return;
  }
  switch (e->mode) {
  case SEG_ACTIVE:
    /* Form 4 implies type (ref null func) and table 0. */
    if (table0 && valtype_eq(e->type, valtype_ref(true, HEAP_FUNC, 0))) {
      put_u32(b, 4);
      put_expr(b, &e->offset);
    } else {
      put_u32(b, 6);
      put_u32(b, e->table);
      put_expr(b, &e->offset);
      put_reftype(b, e->type);
    }
    break;
  case SEG_PASSIVE:
    put_u32(b, 5);
    put_reftype(b, e->type);
    break;
  case SEG_DECLARE:
    put_u32(b, 7);
    put_reftype(b, e->type);
    break;
  }
  put_elem_exprs(b, e);
}

/* elemsec ::= section_9(list(elem)) */
static void put_elemsec(Buf *b, const Module *m)
{
  if (m->elems.len == 0)
    return;
  size_t at = section_begin(b, 9);
  put_u32(b, m->elems.len);
  for (uint32_t i = 0; i < m->elems.len; i++)
    put_elem(b, &m->elems.data[i]);
  sized_end(b, at);
}

/* Whether some function names a data segment (data.drop, memory.init,
 * array.new_data, array.init_data): then the data count section is needed
 * even without data segments. */
static bool code_uses_data(const Module *m)
{
  for (uint32_t i = 0; i < m->funcs.len; i++) {
    const Expr *e = &m->funcs.data[i].body;
    for (uint32_t k = 0; k < e->len; k++)
      if (shape_names_data(instr_info[e->data[k].op].shape))
        return true;
  }
  return false;
}

/* datacntsec ::= section_12(n:u32) — written whenever there is data or code
 * that names a data segment */
static void put_datacntsec(Buf *b, const Module *m)
{
  if (m->datas.len == 0 && !code_uses_data(m))
    return;
  size_t at = section_begin(b, 12);
  put_u32(b, m->datas.len);
  sized_end(b, at);
}

/* locals ::= n:u32 t:valtype — runs of equal types, in order */
static void put_locals(Buf *b, const ValTypes *ls)
{
  uint32_t runs = 0;
  for (uint32_t i = 0; i < ls->len; i++)
    runs += i == 0 || !valtype_eq(ls->data[i], ls->data[i - 1]);
  put_u32(b, runs);
  for (uint32_t i = 0; i < ls->len;) {
    uint32_t j = i + 1;
    while (j < ls->len && valtype_eq(ls->data[j], ls->data[i]))
      j++;
    put_u32(b, j - i);
    put_valtype(b, ls->data[i]);
    i = j;
  }
}

/* code ::= len:u32 func, func ::= loc**:list(locals) e:expr */
static void put_code(Buf *b, const Func *f)
{
  size_t at = sized_begin(b);
  put_locals(b, &f->locals);
  put_expr(b, &f->body);
  sized_end(b, at);
}

/* codesec ::= section_10(list(code)) */
static void put_codesec(Buf *b, const Module *m)
{
  if (m->funcs.len == 0)
    return;
  size_t at = section_begin(b, 10);
  put_u32(b, m->funcs.len);
  for (uint32_t i = 0; i < m->funcs.len; i++)
    put_code(b, &m->funcs.data[i]);
  sized_end(b, at);
}

/* data ::= 0 e b* | 1 b* | 2 x e b* */
static void put_data(Buf *b, const Data *d)
{
  switch (d->mode) {
  case SEG_ACTIVE:
    if (d->mem == 0) {
      put_u32(b, 0);
    } else {
      put_u32(b, 2);
      put_u32(b, d->mem);
    }
    put_expr(b, &d->offset);
    break;
  case SEG_PASSIVE:
  case SEG_DECLARE:  /* data segments are never declarative */
    put_u32(b, 1);
    break;
  }
  put_bytes(b, d->init);
}

/* datasec ::= section_11(list(data)) */
static void put_datasec(Buf *b, const Module *m)
{
  if (m->datas.len == 0)
    return;
  size_t at = section_begin(b, 11);
  put_u32(b, m->datas.len);
  for (uint32_t i = 0; i < m->datas.len; i++)
    put_data(b, &m->datas.data[i]);
  sized_end(b, at);
}

/* The non-custom sections in the order the module grammar reads them;
 * tags (13) sit between memories and globals, data count (12) before code. */
static const uint8_t section_order[] = {1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11};

/* One non-custom section, by id; empty ones are left out. */
static void put_section(Buf *b, const Module *m, uint8_t id)
{
  switch (id) {
  case 1: put_typesec(b, m); return;
  case 2: put_importsec(b, m); return;
  case 3: put_funcsec(b, m); return;
  case 4: put_tablesec(b, m); return;
  case 5: put_memsec(b, m); return;
  case 13: put_tagsec(b, m); return;
  case 6: put_globalsec(b, m); return;
  case 7: put_exportsec(b, m); return;
  case 8: put_startsec(b, m); return;
  case 9: put_elemsec(b, m); return;
  case 12: put_datacntsec(b, m); return;
  case 10: put_codesec(b, m); return;
  case 11: put_datasec(b, m); return;
  default: return;
  }
}

/* Bcustomsec* at one place of the module: the custom sections recorded
 * after section `after`, in their original order. */
static void put_customs_after(Buf *b, const Module *m, uint32_t after)
{
  for (uint32_t i = 0; i < m->customs.len; i++)
    if (m->customs.data[i].after == after)
      put_customsec(b, &m->customs.data[i]);
}

/* Whether a custom section's place names a section of the module grammar
 * (or the start); others would otherwise be lost. */
static bool custom_place_known(uint32_t after)
{
  if (after == 0)
    return true;
  for (size_t i = 0; i < sizeof section_order; i++)
    if (section_order[i] == after)
      return true;
  return false;
}

/* module ::= magic version customsec* (sec customsec*)* in section order */
void encode_module(Buf *out, const Module *m)
{
  static const uint8_t magic_version[] = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
  buf_put(out, magic_version, sizeof magic_version);
  put_customs_after(out, m, 0);
  for (size_t i = 0; i < sizeof section_order; i++) {
    put_section(out, m, section_order[i]);
    put_customs_after(out, m, section_order[i]);
  }
  /* A place that is not a section id: keep the content, at the end. */
  for (uint32_t i = 0; i < m->customs.len; i++)
    if (!custom_place_known(m->customs.data[i].after))
      put_customsec(out, &m->customs.data[i]);
}
