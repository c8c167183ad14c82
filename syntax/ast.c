#include "syntax/ast.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

const InstrInfo instr_info[OP_COUNT] = {
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results) \
  [OP_##id] = {mnemonic, prefix, code, IMM_##shape, n, params, results},
#include "syntax/instr.def"
};

const char *const instr_group_name[GROUP_COUNT] = {
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results)
#define INSTR_GROUP(id, name) [GROUP_##id] = name,
#include "syntax/instr.def"
};

void instr_groups(uint8_t group[OP_COUNT])
{
  uint8_t g = 0;
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results) group[OP_##id] = g;
#define INSTR_GROUP(id, name) g = GROUP_##id;
#include "syntax/instr.def"
}

const ShapeInfo shape_info[SHAPE_COUNT] = {
#define SHAPE(name, token, imm, x, y) [IMM_##name] = {LAYOUT_##imm, INDEX_##x, INDEX_##y},
#include "syntax/shapes.def"
};

Module *module_new(void)
{
  Module *m = mem_calloc(1, sizeof *m);
  if (m)
    arena_init(&m->arena);
  return m;
}

void module_free(Module *m)
{
  if (!m)
    return;
  arena_free(&m->arena);
  mem_free(m);
}

uint32_t module_imports(const Module *m, ExternKind kind)
{
  uint32_t n = 0;
  for (uint32_t i = 0; i < m->imports.len; i++)
    n += m->imports.data[i].type.kind == kind;
  return n;
}

bool module_entity_type(const Module *m, ExternKind kind, uint32_t idx, ExternType *out)
{
  for (uint32_t i = 0; i < m->imports.len; i++)
    if (m->imports.data[i].type.kind == kind && idx-- == 0) {
      *out = m->imports.data[i].type;
      return true;
    }
  *out = (ExternType){.kind = kind};
  switch (kind) {
  case EXTERN_FUNC: out->type = idx < m->funcs.len ? m->funcs.data[idx].type : UINT32_MAX; return idx < m->funcs.len;
  case EXTERN_TABLE: if (idx < m->tables.len) out->table = m->tables.data[idx].type; return idx < m->tables.len;
  case EXTERN_MEM: if (idx < m->mems.len) out->mem = m->mems.data[idx].type; return idx < m->mems.len;
  case EXTERN_GLOBAL: if (idx < m->globals.len) out->global = m->globals.data[idx].type; return idx < m->globals.len;
  case EXTERN_TAG: out->type = idx < m->tags.len ? m->tags.data[idx].type : UINT32_MAX; return idx < m->tags.len;
  }
  return false;
}

_Static_assert(offsetof(Catches, len) == 0 && offsetof(Handlers, len) == 0
                   && offsetof(Labels, len) == 0 && offsetof(SelectTypes, len) == 0,
               "imm_list_new writes the length first");

void *imm_list_new(Arena *a, size_t size, size_t at, const void *items, uint32_t n, size_t item_size)
{
  uint8_t *q = arena_alloc(a, size + (size_t)n * item_size);
  if (!q)
    return NULL;
  memcpy(q, &n, sizeof n);
  if (items && n)
    memcpy(q + at, items, (size_t)n * item_size);
  return q;
}

Loc module_loc(const Module *m, uint32_t at)
{
  if (m->binary || m->nlines == 0)
    return (Loc){m->file, 0, at};
  /* The last line starting at or before `at`. */
  uint32_t lo = 0, hi = m->nlines;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (m->line_starts[mid] <= at)
      lo = mid;
    else
      hi = mid;
  }
  return (Loc){m->file, lo + 1, at - m->line_starts[lo] + 1};
}

const FuncType *module_functype(const Module *m, uint32_t typeidx)
{
  if (typeidx >= m->types.len || m->types.data[typeidx].comp.kind != COMP_FUNC)
    return NULL;
  return &m->types.data[typeidx].comp.func;
}

/* ---- Structural equality ---- */

static bool bytes_eq(Bytes a, Bytes b)
{
  return a.len == b.len && (a.len == 0 || memcmp(a.data, b.data, a.len) == 0);
}

static bool blocktype_eq(BlockType a, BlockType b)
{
  if (a.kind != b.kind)
    return false;
  if (a.kind == BLOCK_VALTYPE)
    return valtype_eq(a.valtype, b.valtype);
  if (a.kind == BLOCK_TYPEIDX)
    return a.idx == b.idx;
  return true;
}

static bool catches_eq(const Catches *a, const Catches *b)
{
  if (a->len != b->len)
    return false;
  for (uint32_t i = 0; i < a->len; i++) {
    const Catch *x = &a->catch_[i], *y = &b->catch_[i];
    if (x->kind != y->kind || x->label != y->label)
      return false;
    if ((x->kind == CATCH || x->kind == CATCH_REF) && x->tag != y->tag)
      return false;
  }
  return true;
}

static bool handlers_eq(const Handlers *a, const Handlers *b)
{
  if (a->len != b->len)
    return false;
  for (uint32_t i = 0; i < a->len; i++) {
    const Handler *x = &a->handler[i], *y = &b->handler[i];
    if (x->kind != y->kind || x->tag != y->tag || (x->kind == ON_LABEL && x->label != y->label))
      return false;
  }
  return true;
}

static bool select_eq(const SelectTypes *a, const SelectTypes *b)
{
  if (!a || !b)
    return a == b;
  return a->len == b->len && valtype_array_eq(a->type, b->type, a->len);
}

static bool memarg_eq(MemArg a, MemArg b)
{
  return a.offset == b.offset && a.mem == b.mem && a.align == b.align;
}

/* Equality of the indices shapes.def places in imm.x or imm.xy. */
static bool indices_eq(const Instr *a, const Instr *b)
{
  switch (shape_info[instr_info[a->op].shape].imm) {
  case LAYOUT_X:
    return a->imm.x == b->imm.x;
  case LAYOUT_XY:
  case LAYOUT_YX:
    return a->imm.xy.x == b->imm.xy.x && a->imm.xy.y == b->imm.xy.y;
  case LAYOUT_NONE:
  case LAYOUT_OWN:
    return true;
  }
  return true;
}

/* Equality of the immediates of two instructions with the same opcode. */
static bool imm_eq(const Instr *a, const Instr *b)
{
  switch (instr_info[a->op].shape) {
#define SHAPE SHAPE_TABLE_CASE
#include "syntax/shapes.def"
    return indices_eq(a, b);
  case IMM_ELSE:
    return a->imm.end == b->imm.end;
  case IMM_BLOCK:
    return blocktype_eq(a->imm.block.type, b->imm.block.type) &&
           a->imm.block.end == b->imm.block.end &&
           (a->op != OP_IF || a->imm.block.else_ == b->imm.block.else_);
  case IMM_TRY_TABLE:
    return blocktype_eq(a->imm.block.type, b->imm.block.type) &&
           a->imm.block.end == b->imm.block.end &&
           catches_eq(a->imm.block.catches, b->imm.block.catches);
  case IMM_SELECT:
    return select_eq(a->imm.select, b->imm.select);
  case IMM_BR_TABLE:
    return a->imm.br_table->len == b->imm.br_table->len &&
           memcmp(a->imm.br_table->label, b->imm.br_table->label,
                  a->imm.br_table->len * sizeof(uint32_t)) == 0;
  case IMM_BR_ON_CAST:
    return a->imm.br_on_cast.label == b->imm.br_on_cast.label &&
           valtype_eq(a->imm.br_on_cast.rt1, b->imm.br_on_cast.rt1) &&
           valtype_eq(a->imm.br_on_cast.rt2, b->imm.br_on_cast.rt2);
  case IMM_HEAPTYPE:
  case IMM_REFTYPE:
    return valtype_eq(a->imm.ref, b->imm.ref);
  case IMM_MEMARG:
    return memarg_eq(a->imm.memarg, b->imm.memarg);
  case IMM_MEMARG_LANE:
    return memarg_eq(a->imm.memarg, b->imm.memarg) && a->imm.memarg.lane == b->imm.memarg.lane;
  case IMM_RESUME:
  case IMM_RESUME_THROW:
    return a->imm.resume.type == b->imm.resume.type &&
           (instr_info[a->op].shape != IMM_RESUME_THROW || a->imm.resume.tag == b->imm.resume.tag) &&
           handlers_eq(a->imm.resume.handlers, b->imm.resume.handlers);
  case IMM_I32:
  case IMM_F32:
    return a->imm.i32 == b->imm.i32;
  case IMM_I64:
  case IMM_F64:
    return a->imm.i64 == b->imm.i64;
  case IMM_V128:
  case IMM_SHUFFLE:
    return memcmp(&a->imm.v128, &b->imm.v128, sizeof(V128)) == 0;
  case IMM_LANE:
    return a->imm.lane == b->imm.lane;
  }
  return false;
}

bool expr_eq(const Expr *a, const Expr *b)
{
  if (a->len != b->len)
    return false;
  for (uint32_t i = 0; i < a->len; i++)
    if (a->data[i].op != b->data[i].op || !imm_eq(&a->data[i], &b->data[i]))
      return false;
  return true;
}

static bool exprs_eq(const Exprs *a, const Exprs *b)
{
  if (a->len != b->len)
    return false;
  for (uint32_t i = 0; i < a->len; i++)
    if (!expr_eq(&a->data[i], &b->data[i]))
      return false;
  return true;
}

static bool segmode_eq(SegMode ma, uint32_t xa, const Expr *ea, SegMode mb, uint32_t xb,
                       const Expr *eb)
{
  return ma == mb && (ma != SEG_ACTIVE || (xa == xb && expr_eq(ea, eb)));
}

/* Compares two vectors element by element with `eq`. */
#define VEC_EQ(a, b, eq)                                   \
  do {                                                     \
    if ((a).len != (b).len)                                \
      return false;                                        \
    for (uint32_t i_ = 0; i_ < (a).len; i_++)              \
      if (!eq(&(a).data[i_], &(b).data[i_]))               \
        return false;                                      \
  } while (0)

static bool import_eq(const Import *a, const Import *b)
{
  return bytes_eq(a->module, b->module) && bytes_eq(a->name, b->name) &&
         externtype_eq(&a->type, &b->type);
}

static bool export_eq(const Export *a, const Export *b)
{
  return bytes_eq(a->name, b->name) && a->kind == b->kind && a->idx == b->idx;
}

static bool func_eq(const Func *a, const Func *b)
{
  return a->type == b->type && valtypes_eq(&a->locals, &b->locals) && expr_eq(&a->body, &b->body);
}

static bool global_eq(const Global *a, const Global *b)
{
  ExternType x = {.kind = EXTERN_GLOBAL, .global = a->type};
  ExternType y = {.kind = EXTERN_GLOBAL, .global = b->type};
  return externtype_eq(&x, &y) && expr_eq(&a->init, &b->init);
}

static bool table_eq(const Table *a, const Table *b)
{
  ExternType x = {.kind = EXTERN_TABLE, .table = a->type};
  ExternType y = {.kind = EXTERN_TABLE, .table = b->type};
  return externtype_eq(&x, &y) && expr_eq(&a->init, &b->init);
}

static bool mem_eq(const Mem *a, const Mem *b)
{
  ExternType x = {.kind = EXTERN_MEM, .mem = a->type};
  ExternType y = {.kind = EXTERN_MEM, .mem = b->type};
  return externtype_eq(&x, &y);
}

static bool tag_eq(const Tag *a, const Tag *b)
{
  return a->type == b->type;
}

static bool elem_eq(const Elem *a, const Elem *b)
{
  return valtype_eq(a->type, b->type) && exprs_eq(&a->items, &b->items) &&
         segmode_eq(a->mode, a->table, &a->offset, b->mode, b->table, &b->offset);
}

static bool data_eq(const Data *a, const Data *b)
{
  return bytes_eq(a->init, b->init) &&
         segmode_eq(a->mode, a->mem, &a->offset, b->mode, b->mem, &b->offset);
}

bool module_eq(const Module *a, const Module *b)
{
  VEC_EQ(a->types, b->types, subtype_eq);
  VEC_EQ(a->imports, b->imports, import_eq);
  VEC_EQ(a->tags, b->tags, tag_eq);
  VEC_EQ(a->globals, b->globals, global_eq);
  VEC_EQ(a->mems, b->mems, mem_eq);
  VEC_EQ(a->tables, b->tables, table_eq);
  VEC_EQ(a->funcs, b->funcs, func_eq);
  VEC_EQ(a->datas, b->datas, data_eq);
  VEC_EQ(a->elems, b->elems, elem_eq);
  VEC_EQ(a->exports, b->exports, export_eq);
  return a->has_start == b->has_start && (!a->has_start || a->start == b->start);
}

/* ---- Block structure ---- */

/* The blocks not yet closed are chained through their `end` fields,
 * innermost first, so that linking needs no memory of its own and fails
 * only on broken nesting. */
bool expr_link(Expr *e)
{
  uint32_t open = UINT32_MAX;  /* the innermost block not yet closed */
  for (uint32_t i = 0; i < e->len; i++) {
    Instr *in = &e->data[i];
    if (op_opens_block(in->op)) {
      in->imm.block.end = open;  /* until its end: the block around it */
      open = i;
      if (in->op == OP_IF)
        in->imm.block.else_ = UINT32_MAX;
    } else if (in->op == OP_ELSE) {
      Instr *b = open != UINT32_MAX ? &e->data[open] : NULL;
      if (!b || b->op != OP_IF || b->imm.block.else_ != UINT32_MAX)
        return false;
      b->imm.block.else_ = i;
    } else if (in->op == OP_END) {
      if (open == UINT32_MAX)
        return i + 1 == e->len;  /* the end of the expression itself */
      Instr *b = &e->data[open];
      open = b->imm.block.end;
      b->imm.block.end = i;
      if (b->op == OP_IF) {
        if (b->imm.block.else_ == UINT32_MAX)
          b->imm.block.else_ = i;
        else
          e->data[b->imm.block.else_].imm.end = i;
      }
    }
  }
  return false;  /* no end of the expression */
}

/* ---- Names (the name section, and a text module's identifiers) ---- */

const Name *namemap_find(const NameMap *m, uint32_t idx)
{
  uint32_t lo = 0, hi = m->len;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (m->data[mid].idx < idx)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < m->len && m->data[lo].idx == idx ? &m->data[lo].name : NULL;
}

const Name *indirect_namemap_find(const IndirectNameMap *m, uint32_t outer, uint32_t inner)
{
  uint32_t lo = 0, hi = m->len;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (m->data[mid].idx < outer)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < m->len && m->data[lo].idx == outer ? namemap_find(&m->data[lo].names, inner) : NULL;
}

const NameMap *names_of(const NameSection *ns, ImmIndex space)
{
  switch (space) {
  case INDEX_FUNC: return &ns->funcs;
  case INDEX_TYPE:
  case INDEX_TYPEUSE: return &ns->types;
  case INDEX_TABLE: return &ns->tables;
  case INDEX_MEM: return &ns->mems;
  case INDEX_GLOBAL: return &ns->globals;
  case INDEX_ELEM: return &ns->elems;
  case INDEX_DATA: return &ns->datas;
  case INDEX_TAG: return &ns->tags;
  case INDEX_NONE:
  case INDEX_LABEL:
  case INDEX_LOCAL:
  case INDEX_FIELD:
  case INDEX_U32: return NULL;
  }
  return NULL;
}

static int by_idx(const void *a, const void *b)
{
  uint32_t x = ((const NameAssoc *)a)->idx, y = ((const NameAssoc *)b)->idx;
  return (x > y) - (x < y);
}

static int by_outer_idx(const void *a, const void *b)
{
  uint32_t x = ((const IndirectNameAssoc *)a)->idx, y = ((const IndirectNameAssoc *)b)->idx;
  return (x > y) - (x < y);
}

/* Sorts a map stably enough for lookups: ties keep whichever qsort leaves
 * first, and repeated indices are dropped but one. */
static void namemap_sort(NameMap *m)
{
  if (m->len < 2)
    return;
  qsort(m->data, m->len, sizeof *m->data, by_idx);
  uint32_t n = 1;
  for (uint32_t i = 1; i < m->len; i++)
    if (m->data[i].idx != m->data[n - 1].idx)
      m->data[n++] = m->data[i];
  m->len = n;
}

static void indirect_namemap_sort(IndirectNameMap *m)
{
  for (uint32_t i = 0; i < m->len; i++)
    namemap_sort(&m->data[i].names);
  if (m->len < 2)
    return;
  qsort(m->data, m->len, sizeof *m->data, by_outer_idx);
  uint32_t n = 1;
  for (uint32_t i = 1; i < m->len; i++)
    if (m->data[i].idx != m->data[n - 1].idx)
      m->data[n++] = m->data[i];
  m->len = n;
}

void names_sort(NameSection *ns)
{
  NameMap *maps[] = {&ns->funcs, &ns->types, &ns->tables, &ns->mems, &ns->globals,
                     &ns->elems, &ns->datas, &ns->tags};
  for (size_t i = 0; i < sizeof maps / sizeof *maps; i++)
    namemap_sort(maps[i]);
  indirect_namemap_sort(&ns->locals);
  indirect_namemap_sort(&ns->labels);
}
