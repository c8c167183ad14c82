/* The binary decoder: bytes → Module (spec: 5.1-binary.values through
 * 5.4-binary.modules, and the stack-switching Explainer's "Binary format").
 *
 * Errors carry the suite's messages, which follow the official
 * interpreter's way of reading.  Inside a section, reading is bounded by the
 * end of the input, not of the section: a section or function body that
 * reads more than its size said ends in "section size mismatch", and
 * running out of input in one is "unexpected end of section or function".
 * A length (of a section, a name, a vector) larger than what is left of the
 * input is "length out of bounds", checked before anything is allocated,
 * so the memory used stays within a small multiple of the input's size.
 * Custom sections are the exception: their contents are read within their
 * size.  A count with a limit (syntax/limits.h) is checked as it is read,
 * before room is made for that many entries or any is read: the entries of
 * each section, the types of a recursion group, a function type's
 * parameters and results, a struct's fields, a function's locals.  What
 * only a whole module shows (tables and memories with their imports,
 * locals with their parameters, nesting) module_check_limits checks once
 * the module is read. */

#include <stdio.h>
#include <string.h>

#include "binary/binary.h"
#include "binary/messages.h"
#include "syntax/limits.h"
#include "util/leb128.h"
#include "util/mem.h"
#include "util/utf8.h"

typedef struct Decoder {
  const char *file;
  const uint8_t *start, *p, *end;  /* the input; p is the read position */
  bool in_section;                 /* which "unexpected end" message */
  Error *err;
  Module *m;
  uint32_t funcs_declared;         /* entries of the function section */
  uint32_t codes;                  /* entries of the code section */
  bool has_datacount;
  uint32_t datacount;
  bool uses_data;                  /* code names a data segment */
} Decoder;

/* ============================================================== Reading */

static bool fail_at(Decoder *d, const uint8_t *at, const char *msg)
{
  return error_at(d->err, PHASE_MALFORMED, (Loc){d->file, 0, (uint32_t)(at - d->start)}, "%s", msg);
}

static bool fail(Decoder *d, const char *msg)
{
  return fail_at(d, d->p, msg);
}

static bool unexpected_end(Decoder *d)
{
  return fail(d, d->in_section ? MALFORMED_UNEXPECTED_END_SECTION : MALFORMED_UNEXPECTED_END);
}

static uint32_t offset(const Decoder *d)
{
  return (uint32_t)(d->p - d->start);
}

/* An allocation failed: a limit of this interpreter, not a malformed input. */
static bool out_of_memory(Decoder *d)
{
  return error_at(d->err, PHASE_EXHAUSTION, (Loc){d->file, 0, offset(d)}, EXHAUSTION_OUT_OF_MEMORY);
}

static size_t remaining(const Decoder *d)
{
  return (size_t)(d->end - d->p);
}

/* byte */
static bool byte(Decoder *d, uint8_t *b)
{
  *b = 0;
  if (d->p >= d->end)
    return unexpected_end(d);
  *b = *d->p++;
  return true;
}

static bool leb_status(Decoder *d, LebStatus s)
{
  switch (s) {
  case LEB_OK: return true;
  case LEB_END: return unexpected_end(d);
  case LEB_TOO_LONG: return fail(d, MALFORMED_INT_TOO_LONG);
  case LEB_TOO_LARGE: return fail(d, MALFORMED_INT_TOO_LARGE);
  }
  return false;
}

/* uN, N = bits (5.1-binary.values) */
static bool unsigned_n(Decoder *d, unsigned bits, uint64_t *v)
{
  *v = 0;
  return leb_status(d, leb_read_unsigned(&d->p, d->end, bits, v));
}

/* sN, N = bits */
static bool signed_n(Decoder *d, unsigned bits, int64_t *v)
{
  *v = 0;
  return leb_status(d, leb_read_signed(&d->p, d->end, bits, v));
}

static bool u32(Decoder *d, uint32_t *v)
{
  uint64_t x;
  if (!unsigned_n(d, 32, &x))
    return false;
  *v = (uint32_t)x;
  return true;
}

static bool u64(Decoder *d, uint64_t *v)
{
  return unsigned_n(d, 64, v);
}

/* The length of a name or a section: larger than the rest of the input is
 * "length out of bounds". */
static bool length(Decoder *d, uint32_t *n)
{
  const uint8_t *at = d->p;
  if (!u32(d, n))
    return false;
  if (*n > remaining(d))
    return fail_at(d, at, MALFORMED_LENGTH);
  return true;
}

/* The number of entries of a vector.  Each entry takes at least a byte, so
 * a count beyond the rest of the input means the input ends too soon; it is
 * rejected before any room is made for the entries. */
static bool count(Decoder *d, uint32_t *n)
{
  if (!u32(d, n))
    return false;
  if (*n > remaining(d)) {
    d->p = d->end;
    return unexpected_end(d);
  }
  return true;
}

/* Bytes of a fixed count (constants, vectors, shuffles). */
static bool raw(Decoder *d, void *out, size_t n)
{
  if (n > remaining(d)) {
    d->p = d->end;
    return unexpected_end(d);
  }
  memcpy(out, d->p, n);
  d->p += n;
  return true;
}

/* byte* of a data segment: running out is an unexpected end */
static bool data_bytes(Decoder *d, Bytes *b)
{
  uint32_t n;
  if (!u32(d, &n))
    return false;
  if (n > remaining(d)) {
    d->p = d->end;
    return unexpected_end(d);
  }
  b->len = n;
  b->data = n ? arena_dup(&d->m->arena, d->p, n) : NULL;
  if (n && !b->data)
    return out_of_memory(d);
  d->p += n;
  return true;
}

/* name ::= b*:list(byte), the UTF-8 encoding of the name */
static bool name(Decoder *d, Name *out)
{
  uint32_t n;
  if (!length(d, &n))
    return false;
  if (!utf8_valid(d->p, n))
    return fail(d, MALFORMED_UTF8);
  out->len = n;
  out->data = n ? arena_dup(&d->m->arena, d->p, n) : NULL;
  if (n && !out->data)
    return out_of_memory(d);
  d->p += n;
  return true;
}

/* A count, and `base` more than it, within limit l: an implementation
 * limit, reported where the count is. */
static bool count_within(Decoder *d, Limit l, uint32_t base, uint32_t *n)
{
  const uint8_t *at = d->p;
  return count(d, n)
      && limit_within(l, (uint64_t)base + *n, (Loc){d->file, 0, (uint32_t)(at - d->start)}, d->err);
}

/* A vector's count, and room for that many elements. */
#define VEC_BEGIN(d, v, n)                                          \
  (count((d), &(n)) &&                                             \
   (vec_reserve(&(d)->m->arena, &(v), (v).len + (n)) || out_of_memory(d)))

/* The same for a vector whose length has limit l, checked first. */
#define VEC_BEGIN_WITHIN(d, v, n, l)                                \
  (count_within((d), (l), (v).len, &(n)) &&                        \
   (vec_reserve(&(d)->m->arena, &(v), (v).len + (n)) || out_of_memory(d)))

#define PUSH(d, v, x) \
  (vec_push(&(d)->m->arena, &(v), (x)) || out_of_memory(d))

/* ================================================================ Types */

/* spec: binary-heaptypes */
/* heaptype ::= absheaptype | s33 typeidx; the abstract ones as their codes
 * read as s33 (0x70 func is -0x10, …; cont -0x18, nocont -0x0b) */
static bool heaptype_of(Decoder *d, int64_t x, ValType *t, const uint8_t *at)
{
  if (x >= 0) {
    if (x > UINT32_MAX)
      return fail_at(d, at, MALFORMED_INT_TOO_LARGE);
    *t = valtype_ref(false, HEAP_IDX, (uint32_t)x);
    return true;
  }
  static const struct { int8_t code; HeapKind heap; } abs[] = {
    {-0x10, HEAP_FUNC}, {-0x11, HEAP_EXTERN}, {-0x12, HEAP_ANY}, {-0x13, HEAP_EQ},
    {-0x14, HEAP_I31}, {-0x15, HEAP_STRUCT}, {-0x16, HEAP_ARRAY}, {-0x17, HEAP_EXN},
    {-0x18, HEAP_CONT}, {-0x0f, HEAP_NONE}, {-0x0e, HEAP_NOEXTERN}, {-0x0d, HEAP_NOFUNC},
    {-0x0c, HEAP_NOEXN}, {-0x0b, HEAP_NOCONT},
  };
  for (size_t i = 0; i < sizeof abs / sizeof *abs; i++)
    if (abs[i].code == x) {
      *t = valtype_ref(false, abs[i].heap, 0);
      return true;
    }
  return fail_at(d, at, MALFORMED_HEAP_TYPE);
}

/* heaptype ::= absheaptype | x:s33 => x (if x >= 0).  An abstract heap type
 * is one byte; a longer encoding must be a type index.  One that is not is
 * "integer representation too long", as the reference interpreter says: it
 * tries the one-byte reading last. */
static bool heaptype(Decoder *d, ValType *t)
{
  const uint8_t *at = d->p;
  uint8_t b;
  if (!byte(d, &b))
    return false;
  if (!(b & 0x80))
    return heaptype_of(d, b & 0x40 ? (int64_t)b - 0x80 : b, t, at);
  d->p = at;
  int64_t x = 0;
  LebStatus st = leb_read_signed(&d->p, d->end, 33, &x);
  if (st == LEB_END)
    return unexpected_end(d);
  if (st != LEB_OK || x < 0)
    return fail_at(d, at, MALFORMED_INT_TOO_LONG);
  return heaptype_of(d, x, t, at);
}

/* Whether a byte starts a reference type: (ref null? ht) or a nullable
 * abstract heap type's shorthand. */
static bool is_reftype_byte(uint8_t b)
{
  return b == 0x63 || b == 0x64 || (b >= 0x68 && b <= 0x75);
}

/* Whether a byte starts a value type: a number, vector or reference type. */
static bool is_valtype_byte(uint8_t b)
{
  return (b >= 0x7b && b <= 0x7f) || is_reftype_byte(b);
}

/* reftype ::= 0x63 ht | 0x64 ht | absheaptype */
static bool reftype(Decoder *d, ValType *t)
{
  const uint8_t *at = d->p;
  uint8_t b;
  if (!byte(d, &b))
    return false;
  if (b == 0x63 || b == 0x64) {
    if (!heaptype(d, t))
      return false;
    t->null = b == 0x63;
    return true;
  }
  if (b < 0x68 || b > 0x75)
    return fail_at(d, at, MALFORMED_REF_TYPE);
  if (!heaptype_of(d, (int64_t)b - 0x80, t, at))
    return false;
  t->null = true;
  return true;
}

/* valtype ::= numtype | vectype | reftype */
static bool valtype(Decoder *d, ValType *t)
{
  if (d->p >= d->end)
    return unexpected_end(d);
  switch (*d->p) {
  case 0x7f: d->p++; *t = valtype_num(VAL_I32); return true;
  case 0x7e: d->p++; *t = valtype_num(VAL_I64); return true;
  case 0x7d: d->p++; *t = valtype_num(VAL_F32); return true;
  case 0x7c: d->p++; *t = valtype_num(VAL_F64); return true;
  case 0x7b: d->p++; *t = valtype_num(VAL_V128); return true;
  default:
    if (!is_reftype_byte(*d->p))   /* the reference interpreter tries this reading last */
      return fail(d, MALFORMED_REF_TYPE);
    return reftype(d, t);
  }
}

/* n value types, into room already made */
static bool valtypes_n(Decoder *d, ValTypes *ts, uint32_t n)
{
  for (uint32_t i = 0; i < n; i++)
    if (!valtype(d, &ts->data[ts->len++]))
      return false;
  return true;
}

/* resulttype ::= list(valtype) */
static bool valtypes(Decoder *d, ValTypes *ts)
{
  uint32_t n;
  return VEC_BEGIN(d, *ts, n) && valtypes_n(d, ts, n);
}

/* A function type's parameters or results: a resulttype of at most limit l */
static bool valtypes_within(Decoder *d, ValTypes *ts, Limit l)
{
  uint32_t n;
  return VEC_BEGIN_WITHIN(d, *ts, n, l) && valtypes_n(d, ts, n);
}

/* mut ::= 0x00 | 0x01 */
static bool mut(Decoder *d, bool *m)
{
  uint8_t b;
  if (!byte(d, &b))
    return false;
  if (b > 1)
    return fail_at(d, d->p - 1, MALFORMED_MUTABILITY);
  *m = b == 1;
  return true;
}

/* fieldtype ::= storagetype mut, storagetype ::= valtype | 0x78 i8 | 0x77 i16 */
static bool fieldtype(Decoder *d, FieldType *f)
{
  if (d->p < d->end && (*d->p == 0x78 || *d->p == 0x77)) {
    f->type = valtype_num(*d->p++ == 0x78 ? PACK_I8 : PACK_I16);
  } else if (d->p < d->end && !is_valtype_byte(*d->p)) {
    return fail(d, MALFORMED_STORAGE_TYPE);
  } else if (!valtype(d, &f->type)) {
    return false;
  }
  return mut(d, &f->mut);
}

/* comptype ::= 0x5E fieldtype | 0x5F list(fieldtype) | 0x60 resulttype resulttype
 *            | 0x5D s33 (cont, Explainer) */
static bool comptype(Decoder *d, CompType *c)
{
  const uint8_t *at = d->p;
  uint8_t b;
  if (!byte(d, &b))
    return false;
  if (b & 0x80)  /* the form is an s7, and an s7 has one byte */
    return fail_at(d, at, MALFORMED_INT_TOO_LONG);
  switch (b) {
  case 0x5e:
    c->kind = COMP_ARRAY;
    return fieldtype(d, &c->array);
  case 0x5f: {
    c->kind = COMP_STRUCT;
    uint32_t n;
    if (!VEC_BEGIN_WITHIN(d, c->fields, n, LIMIT_FIELDS))
      return false;
    for (uint32_t i = 0; i < n; i++)
      if (!fieldtype(d, &c->fields.data[c->fields.len++]))
        return false;
    return true;
  }
  case 0x60:
    c->kind = COMP_FUNC;
    return valtypes_within(d, &c->func.params, LIMIT_PARAMS)
        && valtypes_within(d, &c->func.results, LIMIT_RESULTS);
  /* spec: binary-cont-type */
  case 0x5d: {   /* its immediate is read as a heap type, and must be an index */
    c->kind = COMP_CONT;
    const uint8_t *x_at = d->p;
    ValType t;
    if (!heaptype(d, &t))
      return false;
    if (t.heap != HEAP_IDX)
      return fail_at(d, x_at, MALFORMED_HEAP_TYPE);
    c->cont = t.idx;
    return true;
  }
  default:
    return fail_at(d, at, MALFORMED_DEF_TYPE);
  }
}

/* subtype ::= 0x4F list(typeidx) comptype | 0x50 list(typeidx) comptype | comptype */
static bool subtype(Decoder *d, SubType *st)
{
  st->at = offset(d);
  st->final = true;
  if (d->p < d->end && (*d->p == 0x4f || *d->p == 0x50)) {
    st->final = *d->p++ == 0x4f;
    uint32_t n;
    if (!VEC_BEGIN(d, st->supers, n))
      return false;
    for (uint32_t i = 0; i < n; i++)
      if (!u32(d, &st->supers.data[st->supers.len++]))
        return false;
  }
  return comptype(d, &st->comp);
}

/* rectype ::= 0x4E list(subtype) | subtype */
static bool rectype(Decoder *d)
{
  SubTypes *ts = &d->m->types;
  uint32_t first = ts->len, n = 1;
  if (d->p < d->end && *d->p == 0x4e) {
    d->p++;
    if (!count_within(d, LIMIT_TYPES, first, &n))
      return false;
  }
  if (!vec_reserve(&d->m->arena, ts, first + n))
    return out_of_memory(d);
  for (uint32_t i = 0; i < n; i++) {
    SubType *st = &ts->data[ts->len++];
    *st = (SubType){.rec = first, .rec_size = n};
    if (!subtype(d, st))
      return false;
  }
  return true;
}

/* limits ::= 0x00 u64 | 0x01 u64 u64 | 0x04 u64 | 0x05 u64 u64 (bit 2: i64) */
static bool limits(Decoder *d, AddrType *at, Limits *l)
{
  uint8_t flags;
  if (!byte(d, &flags))
    return false;
  if (flags & ~0x05u)
    return fail_at(d, d->p - 1, MALFORMED_LIMITS);
  *at = flags & 0x04 ? ADDR_I64 : ADDR_I32;
  l->has_max = flags & 0x01;
  return u64(d, &l->min) && (!l->has_max || u64(d, &l->max));
}

static bool tabletype(Decoder *d, TableType *tt)
{
  return reftype(d, &tt->elem) && limits(d, &tt->addr, &tt->limits);
}

static bool memtype(Decoder *d, MemType *mt)
{
  return limits(d, &mt->addr, &mt->limits);
}

static bool globaltype(Decoder *d, GlobalType *gt)
{
  return valtype(d, &gt->type) && mut(d, &gt->mut);
}

/* A byte that must be zero. */
static bool zero_byte(Decoder *d)
{
  uint8_t b;
  if (!byte(d, &b))
    return false;
  return b == 0 || fail_at(d, d->p - 1, MALFORMED_ZERO_BYTE);
}

/* tagtype ::= 0x00 typeidx */
static bool tagtype(Decoder *d, uint32_t *x)
{
  return zero_byte(d) && u32(d, x);
}

/* externtype ::= 0x00 typeidx | 0x01 tabletype | 0x02 memtype | 0x03 globaltype | 0x04 tagtype */
static bool externtype(Decoder *d, ExternType *xt)
{
  uint8_t kind;
  if (!byte(d, &kind))
    return false;
  switch (kind) {
  case 0x00: xt->kind = EXTERN_FUNC; return u32(d, &xt->type);
  case 0x01: xt->kind = EXTERN_TABLE; return tabletype(d, &xt->table);
  case 0x02: xt->kind = EXTERN_MEM; return memtype(d, &xt->mem);
  case 0x03: xt->kind = EXTERN_GLOBAL; return globaltype(d, &xt->global);
  case 0x04: xt->kind = EXTERN_TAG; return tagtype(d, &xt->type);
  default: return fail_at(d, d->p - 1, MALFORMED_IMPORT_KIND);
  }
}

/* ========================================================= Instructions */

enum { PREFIX_NONE, PREFIX_FB, PREFIX_FC, PREFIX_FD, PREFIXES, CODES = 0x120 };

#define PREFIX_INDEX(p) ((p) == 0xfb ? PREFIX_FB : (p) == 0xfc ? PREFIX_FC : (p) == 0xfd ? PREFIX_FD : PREFIX_NONE)

/* The instruction of each (prefix, code), plus one; 0 for none. */
static const uint16_t opcodes[PREFIXES][CODES] = {
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results) \
  [PREFIX_INDEX(prefix)][code] = OP_##id + 1,
#include "syntax/instr.def"
};

/* The second encodings of some instructions (see syntax/instr.def): select
 * with types, and ref.test / ref.cast of a nullable type. */
static bool alias(unsigned prefix, uint32_t code, Op *op, bool *flag)
{
  *flag = true;
  if (prefix == PREFIX_NONE && code == 0x1c)
    return *op = OP_SELECT, true;
  if (prefix == PREFIX_FB && code == 0x15)
    return *op = OP_REF_TEST, true;
  if (prefix == PREFIX_FB && code == 0x17)
    return *op = OP_REF_CAST, true;
  *flag = false;
  return false;
}

/* blocktype ::= 0x40 | valtype | s33 typeidx */
static bool blocktype(Decoder *d, BlockType *bt)
{
  if (d->p >= d->end)
    return unexpected_end(d);
  uint8_t b = *d->p;
  if (b == 0x40) {
    d->p++;
    bt->kind = BLOCK_EMPTY;
    return true;
  }
  if ((b >= 0x7b && b <= 0x7f) || is_reftype_byte(b)) {
    bt->kind = BLOCK_VALTYPE;
    return valtype(d, &bt->valtype);
  }
  const uint8_t *at = d->p;
  int64_t x;
  if (!signed_n(d, 33, &x))
    return false;
  if (x < 0)
    return fail_at(d, at, MALFORMED_BLOCK_TYPE);
  bt->kind = BLOCK_TYPEIDX;
  bt->idx = (uint32_t)x;
  return true;
}

/* catch ::= 0x00 x l | 0x01 x l | 0x02 l | 0x03 l */
static bool catches(Decoder *d, Catches **out)
{
  uint32_t n;
  if (!count(d, &n))
    return false;
  Catches *c = IMM_LIST_NEW(&d->m->arena, Catches, catch_, NULL, n);
  if (!c)
    return out_of_memory(d);
  *out = c;
  for (uint32_t i = 0; i < n; i++) {
    Catch *k = &c->catch_[i];
    uint8_t kind;
    if (!byte(d, &kind))
      return false;
    if (kind > CATCH_ALL_REF)
      return fail_at(d, d->p - 1, MALFORMED_CATCH);
    k->kind = (CatchKind)kind;
    if ((k->kind == CATCH || k->kind == CATCH_REF) && !u32(d, &k->tag))
      return false;
    if (!u32(d, &k->label))
      return false;
  }
  return true;
}

/* spec: binary-on-label */
/* spec: binary-on-switch */
/* hdl ::= 0x00 tagidx labelidx | 0x01 tagidx (Explainer) */
static bool handlers(Decoder *d, Handlers **out)
{
  uint32_t n;
  if (!count(d, &n))
    return false;
  Handlers *h = IMM_LIST_NEW(&d->m->arena, Handlers, handler, NULL, n);
  if (!h)
    return out_of_memory(d);
  *out = h;
  for (uint32_t i = 0; i < n; i++) {
    uint8_t kind;
    if (!byte(d, &kind))
      return false;
    if (kind > 1)
      return fail_at(d, d->p - 1, MALFORMED_ON);
    h->handler[i].kind = kind ? ON_SWITCH : ON_LABEL;
    if (!u32(d, &h->handler[i].tag) || (kind == 0 && !u32(d, &h->handler[i].label)))
      return false;
  }
  return true;
}

/* memarg ::= n:u32 m:u64 | n:u32 x:memidx m:u64 (bit 6 of n says a memory
 * index follows; the rest is log2 of the alignment) */
static bool memarg(Decoder *d, MemArg *ma)
{
  const uint8_t *at = d->p;
  uint32_t flags;
  if (!u32(d, &flags))
    return false;
  if (flags >= 128)
    return fail_at(d, at, MALFORMED_MEMOP);
  ma->align = (uint8_t)(flags & 63);
  ma->mem = 0;
  if ((flags & 64) && !u32(d, &ma->mem))
    return false;
  return u64(d, &ma->offset);
}

/* The indices shapes.def places in imm.x or imm.xy, in binary order. */
static bool indices(Decoder *d, Instr *in)
{
  Shape s = instr_info[in->op].shape;
  d->uses_data |= shape_names_data(s);
  switch (shape_info[s].imm) {
  case LAYOUT_X:
    return u32(d, &in->imm.x);
  case LAYOUT_XY:
    return u32(d, &in->imm.xy.x) && u32(d, &in->imm.xy.y);
  case LAYOUT_YX:
    return u32(d, &in->imm.xy.y) && u32(d, &in->imm.xy.x);
  case LAYOUT_NONE:
  case LAYOUT_OWN:
    return true;
  }
  return true;
}

/* The immediates of one instruction, by shape (syntax/shapes.def);
 * `alt` says the instruction came by its second encoding. */
static bool immediates(Decoder *d, Instr *in, bool alt)
{
  switch (instr_info[in->op].shape) {
#define SHAPE SHAPE_TABLE_CASE
#include "syntax/shapes.def"
    return indices(d, in);
  case IMM_ELSE:
    return true;
  case IMM_BLOCK:
    return blocktype(d, &in->imm.block.type);
  case IMM_TRY_TABLE:
    return blocktype(d, &in->imm.block.type) && catches(d, &in->imm.block.catches);
  case IMM_SELECT: {
    if (!alt)
      return true;
    ValTypes ts = {0};
    if (!valtypes(d, &ts))
      return false;
    in->imm.select = IMM_LIST_NEW(&d->m->arena, SelectTypes, type, ts.data, ts.len);
    if (!in->imm.select)
      return out_of_memory(d);
    return true;
  }
  case IMM_BR_TABLE: {
    uint32_t n;
    if (!count(d, &n))
      return false;
    Labels *l = arena_alloc(&d->m->arena, sizeof *l + ((size_t)n + 1) * sizeof(uint32_t));
    if (!l)
      return out_of_memory(d);
    l->len = n + 1;
    in->imm.br_table = l;
    for (uint32_t i = 0; i <= n; i++)
      if (!u32(d, &l->label[i]))
        return false;
    return true;
  }
  case IMM_BR_ON_CAST: {
    uint8_t flags;
    if (!byte(d, &flags))
      return false;
    if (flags > 3)
      return fail_at(d, d->p - 1, MALFORMED_CAST);
    if (!u32(d, &in->imm.br_on_cast.label) || !heaptype(d, &in->imm.br_on_cast.rt1) ||
        !heaptype(d, &in->imm.br_on_cast.rt2))
      return false;
    in->imm.br_on_cast.rt1.null = flags & 1;
    in->imm.br_on_cast.rt2.null = flags & 2;
    return true;
  }
  case IMM_MEMARG:
    return memarg(d, &in->imm.memarg);
  case IMM_MEMARG_LANE:
    return memarg(d, &in->imm.memarg) && byte(d, &in->imm.memarg.lane);
  case IMM_HEAPTYPE:
    if (!heaptype(d, &in->imm.ref))
      return false;
    in->imm.ref.null = true;
    return true;
  case IMM_REFTYPE:
    if (!heaptype(d, &in->imm.ref))
      return false;
    in->imm.ref.null = alt;
    return true;
  case IMM_RESUME:
    return u32(d, &in->imm.resume.type) && handlers(d, &in->imm.resume.handlers);
  case IMM_RESUME_THROW:
    return u32(d, &in->imm.resume.type) && u32(d, &in->imm.resume.tag) &&
           handlers(d, &in->imm.resume.handlers);
  case IMM_I32: {
    int64_t v;
    if (!signed_n(d, 32, &v))
      return false;
    in->imm.i32 = (uint32_t)v;
    return true;
  }
  case IMM_I64: {
    int64_t v;
    if (!signed_n(d, 64, &v))
      return false;
    in->imm.i64 = (uint64_t)v;
    return true;
  }
  case IMM_F32: {
    uint8_t b[4];
    if (!raw(d, b, 4))
      return false;
    in->imm.f32 = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return true;
  }
  case IMM_F64: {
    uint8_t b[8];
    if (!raw(d, b, 8))
      return false;
    in->imm.f64 = 0;
    for (int i = 7; i >= 0; i--)
      in->imm.f64 = in->imm.f64 << 8 | b[i];
    return true;
  }
  case IMM_V128:
    return raw(d, in->imm.v128.i8, 16);
  case IMM_SHUFFLE:
    return raw(d, in->imm.shuffle, 16);
  case IMM_LANE:
    return byte(d, &in->imm.lane);
  }
  return fail(d, MALFORMED_OPCODE);
}

/* One instruction: its opcode (a byte, or a prefix byte and a u32) and its
 * immediates. */
static bool instr(Decoder *d, Instr *in)
{
  const uint8_t *at = d->p;
  uint8_t b;
  if (!byte(d, &b))
    return false;
  unsigned prefix = PREFIX_INDEX(b);
  uint32_t code = b;
  if (prefix != PREFIX_NONE && !u32(d, &code))
    return false;
  Op op;
  bool alt = false;
  if (code < CODES && opcodes[prefix][code])
    op = (Op)(opcodes[prefix][code] - 1);
  else if (!alias(prefix, code, &op, &alt)) {
    char msg[48];
    if (prefix == PREFIX_NONE)
      snprintf(msg, sizeof msg, MALFORMED_OPCODE_1, b);
    else
      snprintf(msg, sizeof msg, MALFORMED_OPCODE_2, b, code);
    return fail_at(d, at, msg);
  }
  *in = (Instr){.op = (uint16_t)op, .at = (uint32_t)(at - d->start)};
  return immediates(d, in, alt);
}

/* expr ::= instr* 0x0B — read up to the `end` that closes the expression,
 * keeping the block structure straight as it goes. */
static bool expr(Decoder *d, Expr *e)
{
  uint32_t depth = 0;
  for (;;) {
    Instr in;
    const uint8_t *at = d->p;
    if (!instr(d, &in))
      return false;
    if (op_opens_block(in.op))
      depth++;
    else if (in.op == OP_ELSE && depth == 0)
      return fail_at(d, at, MALFORMED_END);
    if (!PUSH(d, *e, in))
      return false;
    if (in.op == OP_END && depth-- == 0)
      break;
  }
  if (!expr_link(e))
    return fail_at(d, d->p - 1, MALFORMED_END);  /* an else outside an if */
  return true;
}

/* ============================================================= Sections */

/* import ::= name name externtype */
static bool import(Decoder *d)
{
  Import im = {.at = offset(d)};
  return name(d, &im.module) && name(d, &im.name) && externtype(d, &im.type) &&
         PUSH(d, d->m->imports, im);
}

/* table ::= tabletype | 0x40 0x00 tabletype expr; the first with the
 * initialiser ref.null ht */
static bool table(Decoder *d)
{
  Table t = {.at = offset(d)};
  if (d->p < d->end && *d->p == 0x40) {
    d->p++;
    if (!zero_byte(d) || !tabletype(d, &t.type) || !expr(d, &t.init))
      return false;
  } else {
    if (!tabletype(d, &t.type))
      return false;
    Instr null = {.op = OP_REF_NULL, .at = t.at, .imm.ref = t.type.elem};
    null.imm.ref.null = true;
    Instr end = {.op = OP_END, .at = t.at};
    if (!PUSH(d, t.init, null) || !PUSH(d, t.init, end))
      return false;
  }
  return PUSH(d, d->m->tables, t);
}

static bool mem(Decoder *d)
{
  Mem m = {.at = offset(d)};
  return memtype(d, &m.type) && PUSH(d, d->m->mems, m);
}

static bool tag(Decoder *d)
{
  Tag t = {.at = offset(d)};
  return tagtype(d, &t.type) && PUSH(d, d->m->tags, t);
}

static bool global(Decoder *d)
{
  Global g = {.at = offset(d)};
  return globaltype(d, &g.type) && expr(d, &g.init) && PUSH(d, d->m->globals, g);
}

/* export ::= name externidx */
static bool export(Decoder *d)
{
  Export e = {.at = offset(d)};
  uint8_t kind;
  if (!name(d, &e.name) || !byte(d, &kind))
    return false;
  if (kind >= EXTERN_KINDS)
    return fail_at(d, d->p - 1, MALFORMED_EXPORT_KIND);
  e.kind = (ExternKind)kind;
  return u32(d, &e.idx) && PUSH(d, d->m->exports, e);
}

/* The items of an element segment: function indices, or expressions. */
static bool elem_items(Decoder *d, Elem *e, bool exprs)
{
  uint32_t n;
  if (!VEC_BEGIN(d, e->items, n))
    return false;
  for (uint32_t i = 0; i < n; i++) {
    Expr *item = &e->items.data[e->items.len++];
    *item = (Expr){0};
    if (exprs) {
      if (!expr(d, item))
        return false;
      continue;
    }
    Instr ref = {.op = OP_REF_FUNC, .at = offset(d)};
    Instr end = {.op = OP_END, .at = ref.at};
    if (!u32(d, &ref.imm.x) || !PUSH(d, *item, ref) || !PUSH(d, *item, end))
      return false;
  }
  return true;
}

/* elemkind ::= 0x00, meaning (ref func) */
static bool elemkind(Decoder *d, ValType *t)
{
  uint8_t b;
  if (!byte(d, &b))
    return false;
  if (b != 0)
    return fail_at(d, d->p - 1, MALFORMED_ELEM_KIND);
  *t = valtype_ref(false, HEAP_FUNC, 0);
  return true;
}

/* elem ::= 0:u32 e funcidx* | 1 elemkind funcidx* | 2 x e elemkind funcidx*
 *        | 3 elemkind funcidx* | 4 e expr* | 5 reftype expr* | 6 x e reftype expr*
 *        | 7 reftype expr* — bit 0: passive or declarative, bit 1: with a table
 *        index (active) or declarative (passive), bit 2: expressions */
static bool elem(Decoder *d)
{
  Elem e = {.at = offset(d)};
  const uint8_t *at = d->p;
  uint32_t form;
  if (!u32(d, &form))
    return false;
  if (form > 7)
    return fail_at(d, at, MALFORMED_ELEM_SEGMENT);
  bool exprs = form & 4;
  if (form & 1) {
    e.mode = form & 2 ? SEG_DECLARE : SEG_PASSIVE;
  } else {
    e.mode = SEG_ACTIVE;
    if ((form & 2) && !u32(d, &e.table))
      return false;
    if (!expr(d, &e.offset))
      return false;
  }
  if ((form & 3) == 0)
    e.type = exprs ? valtype_ref(true, HEAP_FUNC, 0) : valtype_ref(false, HEAP_FUNC, 0);
  else if (!(exprs ? reftype(d, &e.type) : elemkind(d, &e.type)))
    return false;
  return elem_items(d, &e, exprs) && PUSH(d, d->m->elems, e);
}

/* data ::= 0:u32 e byte* | 1 byte* | 2 x e byte* */
static bool data(Decoder *d)
{
  Data s = {.at = offset(d)};
  const uint8_t *at = d->p;
  uint32_t form;
  if (!u32(d, &form))
    return false;
  if (form > 2)
    return fail_at(d, at, MALFORMED_DATA_SEGMENT);
  s.mode = form == 1 ? SEG_PASSIVE : SEG_ACTIVE;
  if (form == 2 && !u32(d, &s.mem))
    return false;
  if (s.mode == SEG_ACTIVE && !expr(d, &s.offset))
    return false;
  return data_bytes(d, &s.init) && PUSH(d, d->m->datas, s);
}

/* locals ::= list(n:u32 t:valtype); more than 2^32-1 in all is malformed,
 * more than the limit with the function's parameters an exhaustion */
static bool locals(Decoder *d, Func *f)
{
  ValTypes *ls = &f->locals;
  const FuncType *ft = module_functype(d->m, f->type);
  uint32_t groups;
  if (!count(d, &groups))
    return false;
  const uint8_t *first = d->p;
  uint64_t total = 0;
  for (uint32_t i = 0; i < groups; i++) {
    uint32_t n;
    ValType t;
    if (!u32(d, &n) || !valtype(d, &t))
      return false;
    total += n;
  }
  if (total > UINT32_MAX)
    return fail_at(d, first, MALFORMED_TOO_MANY_LOCALS);
  if (!limit_within(LIMIT_LOCALS, total + (ft ? ft->params.len : 0), (Loc){d->file, 0, f->at}, d->err))
    return false;
  if (!vec_reserve(&d->m->arena, ls, (uint32_t)total))
    return out_of_memory(d);
  d->p = first;  /* read again, now that the total is known to be sane */
  for (uint32_t i = 0; i < groups; i++) {
    uint32_t n;
    ValType t;
    u32(d, &n);
    valtype(d, &t);
    for (uint32_t k = 0; k < n; k++)
      ls->data[ls->len++] = t;
  }
  return true;
}

/* code ::= size:u32 locals expr, the body exactly `size` bytes */
static bool code(Decoder *d, Func *f)
{
  uint32_t size;
  if (!length(d, &size))
    return false;
  const uint8_t *end = d->p + size;
  f->at = offset(d);
  if (!limit_within(LIMIT_BODY_SIZE, size, (Loc){d->file, 0, f->at}, d->err))
    return false;
  if (!locals(d, f) || !expr(d, &f->body))
    return false;
  return d->p == end || fail(d, MALFORMED_SECTION_SIZE);
}

/* funcsec ::= list(typeidx); the functions get their bodies from the code section */
static bool funcs(Decoder *d)
{
  uint32_t n;
  if (!VEC_BEGIN_WITHIN(d, d->m->funcs, n, LIMIT_FUNCS))
    return false;
  d->funcs_declared = n;
  for (uint32_t i = 0; i < n; i++) {
    Func *f = &d->m->funcs.data[d->m->funcs.len++];
    *f = (Func){.at = offset(d)};
    if (!u32(d, &f->type))
      return false;
  }
  return true;
}

/* codesec ::= list(code); whether there are as many bodies as functions is
 * checked once all sections are read (the official interpreter's order) */
static bool codes(Decoder *d)
{
  uint32_t n;
  if (!count(d, &n))
    return false;
  d->codes = n;
  for (uint32_t i = 0; i < n; i++) {
    Func extra = {.type = UINT32_MAX};  /* a body without a function: no type */
    if (!code(d, i < d->funcs_declared ? &d->m->funcs.data[i] : &extra))
      return false;
  }
  return true;
}

/* A section whose contents are a list of entries, at most limit l's
 * count: checked before any entry is read (tables and memories count
 * their imports too, which module_check_limits adds). */
static bool entries(Decoder *d, Limit l, bool (*entry)(Decoder *))
{
  uint32_t n;
  if (!count_within(d, l, 0, &n))
    return false;
  for (uint32_t i = 0; i < n; i++)
    if (!entry(d))
      return false;
  return true;
}

/* typesec ::= list(rectype) */
static bool types(Decoder *d)
{
  return entries(d, LIMIT_REC_GROUPS, rectype);
}

static bool start(Decoder *d)
{
  d->m->has_start = true;
  return u32(d, &d->m->start);
}

static bool datacount(Decoder *d)
{
  d->has_datacount = true;
  return u32(d, &d->datacount);
}

static bool datas(Decoder *d)
{
  const uint8_t *at = d->p;
  uint32_t n;
  if (!count(d, &n))
    return false;
  if (d->has_datacount && n != d->datacount)
    return fail_at(d, at, MALFORMED_DATA_COUNT);
  d->p = at;
  return entries(d, LIMIT_DATAS, data);
}

/* ==================================================== The name section */

/* namemap ::= list(idx name) */
static bool namemap(Decoder *d, NameMap *map)
{
  uint32_t n;
  if (!VEC_BEGIN(d, *map, n))
    return false;
  for (uint32_t i = 0; i < n; i++) {
    NameAssoc *a = &map->data[map->len++];
    if (!u32(d, &a->idx) || !name(d, &a->name))
      return false;
  }
  return true;
}

/* The name map of an extended name section's subsection (4 types,
 * 5 tables, 6 memories, 7 globals, 8 elements, 9 data, 11 tags), or NULL. */
static NameMap *extended_namemap(NameSection *ns, uint8_t id)
{
  switch (id) {
  case 4: return &ns->types;
  case 5: return &ns->tables;
  case 6: return &ns->mems;
  case 7: return &ns->globals;
  case 8: return &ns->elems;
  case 9: return &ns->datas;
  case 11: return &ns->tags;
  default: return NULL;
  }
}

/* The subsections of the name section that this interpreter uses: module
 * (0), function (1) and local (2) names (spec: appendix, "Name Section"),
 * and the extended name section's index spaces but labels and fields. */
static bool names(Decoder *d, NameSection *ns)
{
  while (d->p < d->end) {
    uint8_t id;
    uint32_t size;
    if (!byte(d, &id) || !length(d, &size))
      return false;
    const uint8_t *end = d->p + size;
    const uint8_t *outer = d->end;
    d->end = end;
    bool ok = true;
    if (id == 0) {
      ok = name(d, &ns->module);
    } else if (id == 1) {
      ok = namemap(d, &ns->funcs);
    } else if (id == 2) {
      uint32_t n;
      ok = VEC_BEGIN(d, ns->locals, n);
      for (uint32_t i = 0; ok && i < n; i++) {
        IndirectNameAssoc *a = &ns->locals.data[ns->locals.len++];
        *a = (IndirectNameAssoc){0};
        ok = u32(d, &a->idx) && namemap(d, &a->names);
      }
    } else if (extended_namemap(ns, id)) {
      ok = namemap(d, extended_namemap(ns, id));
    } else {
      d->p = end;
    }
    d->end = outer;
    if (!ok || d->p != end)
      return false;
  }
  names_sort(ns);
  return true;
}

/* customsec ::= section_0(name byte*), read within its size; a well-formed
 * name section is also decoded, a malformed one only kept */
static bool custom(Decoder *d, const uint8_t *end, uint8_t after)
{
  const uint8_t *outer = d->end;
  d->end = end;
  Custom c = {.after = after};
  bool ok = name(d, &c.name);
  d->end = outer;
  if (!ok)
    return false;
  c.content.len = (uint32_t)(end - d->p);
  c.content.data = c.content.len ? arena_dup(&d->m->arena, d->p, c.content.len) : NULL;
  if (c.content.len && !c.content.data)
    return out_of_memory(d);
  if (c.name.len == 4 && memcmp(c.name.data, "name", 4) == 0 && !d->m->names.present) {
    Error quiet = {0};
    Decoder sub = *d;
    sub.err = &quiet;
    sub.end = end;
    NameSection ns = {.present = true};
    if (names(&sub, &ns))
      d->m->names = ns;
  }
  d->p = end;
  return PUSH(d, d->m->customs, c);
}

/* The non-custom sections, in the order they must come in (5.4-binary.modules). */
static const struct {
  uint8_t id;
  bool (*read)(Decoder *);
} sections[] = {
  {1, types}, {2, NULL}, {3, funcs}, {4, NULL}, {5, NULL}, {13, NULL}, {6, NULL},
  {7, NULL}, {8, start}, {9, NULL}, {12, datacount}, {10, codes}, {11, datas},
};

static bool section_contents(Decoder *d, uint8_t id)
{
  switch (id) {
  case 2: return entries(d, LIMIT_IMPORTS, import);
  case 4: return entries(d, LIMIT_TABLES, table);
  case 5: return entries(d, LIMIT_MEMS, mem);
  case 13: return entries(d, LIMIT_TAGS, tag);
  case 6: return entries(d, LIMIT_GLOBALS, global);
  case 7: return entries(d, LIMIT_EXPORTS, export);
  case 9: return entries(d, LIMIT_ELEMS, elem);
  default:
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
      if (sections[i].id == id)
        return sections[i].read(d);
    return false;
  }
}

/* The position of a section id in the required order, or -1. */
static int section_rank(uint8_t id)
{
  for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
    if (sections[i].id == id)
      return (int)i;
  return -1;
}

/* section_N ::= N:byte size:u32 contents, the contents exactly `size` bytes */
static bool section(Decoder *d, int *last_rank, uint8_t *last_id)
{
  const uint8_t *at = d->p;
  uint8_t id;
  uint32_t size;
  if (!byte(d, &id) || !length(d, &size))
    return false;
  const uint8_t *end = d->p + size;
  if (id == 0)
    return custom(d, end, *last_id);
  int rank = section_rank(id);
  if (rank < 0)
    return fail_at(d, at, MALFORMED_SECTION_ID);
  if (rank <= *last_rank)
    return fail_at(d, at, MALFORMED_AFTER_LAST_SECTION);
  *last_rank = rank;
  *last_id = id;
  d->in_section = true;
  bool ok = section_contents(d, id);
  d->in_section = false;
  return ok && (d->p == end || fail(d, MALFORMED_SECTION_SIZE));
}

/* module ::= magic version section* */
static bool module(Decoder *d)
{
  static const uint8_t magic[4] = {0x00, 0x61, 0x73, 0x6d};
  static const uint8_t version[4] = {0x01, 0x00, 0x00, 0x00};
  uint8_t b[4];
  if (!raw(d, b, 4))
    return false;
  if (memcmp(b, magic, 4) != 0)
    return fail_at(d, d->start, MALFORMED_MAGIC);
  if (!raw(d, b, 4))
    return false;
  if (memcmp(b, version, 4) != 0)
    return fail_at(d, d->start + 4, MALFORMED_VERSION);
  int last_rank = -1;
  uint8_t last_id = 0;
  while (d->p < d->end)
    if (!section(d, &last_rank, &last_id))
      return false;
  if (d->codes != d->funcs_declared)
    return fail(d, MALFORMED_FUNC_CODE);
  if (d->has_datacount && d->datacount != d->m->datas.len)
    return fail(d, MALFORMED_DATA_COUNT);
  if (d->uses_data && !d->has_datacount)
    return fail(d, MALFORMED_DATA_COUNT_REQUIRED);
  return true;
}

Module *decode_module(const char *file, const uint8_t *bytes, size_t len, Error *err)
{
  if (!limit_within(LIMIT_MODULE_SIZE, len, (Loc){file, 0, 0}, err))
    return NULL;
  Module *m = module_new();
  if (!m) {
    error_at(err, PHASE_EXHAUSTION, (Loc){file, 0, 0}, EXHAUSTION_OUT_OF_MEMORY);
    return NULL;
  }
  m->file = file;
  m->binary = true;
  Decoder d = {.file = file, .start = bytes, .p = bytes, .end = bytes + len, .err = err, .m = m};
  if (!module(&d) || !module_check_limits(m, err)) {
    module_free(m);
    return NULL;
  }
  return m;
}
