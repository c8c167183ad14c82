/* Validation of modules (spec: 2.4-validation.modules). */

#include <string.h>

#include "validate/context.h"
#include "validate/messages.h"
#include "util/hash.h"

static void *context_array(Context *c, uint32_t n, size_t size)
{
  void *p = arena_alloc(&c->arena, (size_t)n * size + 1);
  if (!p)
    valid_out_of_memory(c, c->m->at);
  return p;
}

/* Import_ok, and the imports' part of C.FUNCS, TABLES, MEMS, GLOBALS, TAGS */
static bool valid_imports(Context *c)
{
  const Module *m = c->m;
  for (uint32_t i = 0; i < m->imports.len; i++) {
    const Import *im = &m->imports.data[i];
    const ExternType *xt = &im->type;
    if (!valid_externtype(c, xt, im->at))
      return false;
    switch (xt->kind) {
    case EXTERN_FUNC: c->funcs[c->nfuncs++] = c->types[xt->type]; break;
    case EXTERN_TABLE:
      c->tables[c->ntables] = xt->table;
      c->tables[c->ntables++].elem = valtype_close(xt->table.elem, c->types);
      break;
    case EXTERN_MEM: c->mems[c->nmems++] = xt->mem; break;
    case EXTERN_GLOBAL:
      c->globals[c->nglobals] = xt->global;
      c->globals[c->nglobals++].type = valtype_close(xt->global.type, c->types);
      break;
    case EXTERN_TAG: c->tags[c->ntags++] = c->types[xt->type]; break;
    }
  }
  return true;
}

/* C.REFS: the functions that code may take a reference to without an
 * elem declare, those named outside functions ($funcidx_nonfuncs) */
static void note_refs(Context *c, const Expr *e)
{
  for (uint32_t i = 0; i < e->len; i++)
    if (e->data[i].op == OP_REF_FUNC && e->data[i].imm.x < c->nfuncs)
      c->refs[e->data[i].imm.x] = 1;
}

static void collect_refs(Context *c)
{
  const Module *m = c->m;
  for (uint32_t i = 0; i < m->globals.len; i++)
    note_refs(c, &m->globals.data[i].init);
  for (uint32_t i = 0; i < m->tables.len; i++)
    note_refs(c, &m->tables.data[i].init);
  for (uint32_t i = 0; i < m->elems.len; i++) {
    const Elem *e = &m->elems.data[i];
    for (uint32_t k = 0; k < e->items.len; k++)
      note_refs(c, &e->items.data[k]);
    note_refs(c, &e->offset);
  }
  for (uint32_t i = 0; i < m->exports.len; i++)
    if (m->exports.data[i].kind == EXTERN_FUNC && m->exports.data[i].idx < c->nfuncs)
      c->refs[m->exports.data[i].idx] = 1;
}

/* The definitions' part of C (their types only; code comes later). */
static bool define(Context *c)
{
  const Module *m = c->m;
  for (uint32_t i = 0; i < m->funcs.len; i++) {
    const Func *f = &m->funcs.data[i];
    if (!valid_functype_at(c, f->type, f->at))
      return false;
    c->funcs[c->nfuncs++] = c->types[f->type];
  }
  for (uint32_t i = 0; i < m->tags.len; i++) {
    ExternType xt = {.kind = EXTERN_TAG, .type = m->tags.data[i].type};
    if (!valid_externtype(c, &xt, m->tags.data[i].at))
      return false;
    c->tags[c->ntags++] = c->types[xt.type];
  }
  for (uint32_t i = 0; i < m->mems.len; i++) {
    ExternType xt = {.kind = EXTERN_MEM, .mem = m->mems.data[i].type};
    if (!valid_externtype(c, &xt, m->mems.data[i].at))
      return false;
    c->mems[c->nmems++] = xt.mem;
  }
  for (uint32_t i = 0; i < m->tables.len; i++) {
    ExternType xt = {.kind = EXTERN_TABLE, .table = m->tables.data[i].type};
    if (!valid_externtype(c, &xt, m->tables.data[i].at))
      return false;
    c->tables[c->ntables] = xt.table;
    c->tables[c->ntables++].elem = valtype_close(xt.table.elem, c->types);
  }
  for (uint32_t i = 0; i < m->elems.len; i++) {
    if (!valid_valtype(c, m->elems.data[i].type, m->elems.data[i].at))
      return false;
    c->elems[c->nelems++] = valtype_close(m->elems.data[i].type, c->types);
  }
  c->ndatas = m->datas.len;
  return true;
}

/* Globals_ok: each initializer sees the globals before it */
static bool valid_globals(Context *c)
{
  const Module *m = c->m;
  for (uint32_t i = 0; i < m->globals.len; i++) {
    const Global *g = &m->globals.data[i];
    if (!valid_valtype(c, g->type.type, g->at))
      return false;
    GlobalType gt = {valtype_close(g->type.type, c->types), g->type.mut};
    c->globals_visible = c->nglobals;
    if (!valid_const_expr(c, &g->init, gt.type))
      return false;
    c->globals[c->nglobals++] = gt;
  }
  return true;
}

/* Table_ok: the initializer, under C' (imported globals only) */
static bool valid_table_inits(Context *c, uint32_t imported_globals)
{
  uint32_t imported = c->ntables - c->m->tables.len;
  c->globals_visible = imported_globals;
  for (uint32_t i = 0; i < c->m->tables.len; i++)
    if (!valid_const_expr(c, &c->m->tables.data[i].init, c->tables[imported + i].elem))
      return false;
  c->globals_visible = c->nglobals;
  return true;
}

/* Elem_ok and Elemmode_ok */
static bool valid_elem(Context *c, const Elem *e, ValType rt)
{
  for (uint32_t i = 0; i < e->items.len; i++)
    if (!valid_const_expr(c, &e->items.data[i], rt))
      return false;
  if (e->mode != SEG_ACTIVE)
    return true;
  if (e->table >= c->ntables)
    return valid_error(c, e->at, INVALID_UNKNOWN_TABLE, e->table);
  const TableType *tt = &c->tables[e->table];
  if (!valtype_sub(c->ts, rt, tt->elem))
    return valid_error(c, e->at, INVALID_ELEM_TABLE);
  return valid_const_expr(c, &e->offset, valtype_num(tt->addr == ADDR_I64 ? VAL_I64 : VAL_I32));
}

/* Data_ok and Datamode_ok */
static bool valid_data(Context *c, const Data *d)
{
  if (d->mode != SEG_ACTIVE)
    return true;
  if (d->mem >= c->nmems)
    return valid_error(c, d->at, INVALID_UNKNOWN_MEMORY, d->mem);
  return valid_const_expr(c, &d->offset, valtype_num(c->mems[d->mem].addr == ADDR_I64 ? VAL_I64 : VAL_I32));
}

/* Start_ok: a function [] -> [] */
static bool valid_start(Context *c)
{
  const Module *m = c->m;
  if (!m->has_start)
    return true;
  if (m->start >= c->nfuncs)
    return valid_error(c, m->at, INVALID_UNKNOWN_FUNC, m->start);
  const FuncType *ft = &c->funcs[m->start]->comp.func;
  if (ft->params.len || ft->results.len)
    return valid_error(c, m->at, INVALID_START);
  return true;
}

/* Export_ok */
static bool valid_export(Context *c, const Export *e)
{
  static const char *const names[EXTERN_KINDS] = {
    [EXTERN_FUNC] = "function", [EXTERN_TABLE] = "table", [EXTERN_MEM] = "memory",
    [EXTERN_GLOBAL] = "global", [EXTERN_TAG] = "tag",
  };
  uint32_t counts[EXTERN_KINDS] = {
    [EXTERN_FUNC] = c->nfuncs, [EXTERN_TABLE] = c->ntables, [EXTERN_MEM] = c->nmems,
    [EXTERN_GLOBAL] = c->nglobals, [EXTERN_TAG] = c->ntags,
  };
  if (e->idx >= counts[e->kind])
    return valid_error(c, e->at, INVALID_UNKNOWN_EXPORT, names[e->kind], e->idx);
  return true;
}

/* Module_ok: every export is valid and the names are distinct; the
 * second of two equal names is the error.  Names are looked up by hash. */
static bool valid_exports(Context *c)
{
  const Module *m = c->m;
  Hash seen;
  hash_init(&seen);
  bool ok = hash_reserve(&seen, m->exports.len) || valid_out_of_memory(c, m->at);
  for (uint32_t i = 0; ok && i < m->exports.len; i++) {
    const Export *e = &m->exports.data[i];
    void **first = NULL;
    if (!valid_export(c, e))
      ok = false;
    else if (!(first = hash_place(&seen, e->name.data, e->name.len)))
      ok = valid_out_of_memory(c, e->at);
    else if (*first)
      ok = valid_error(c, e->at, INVALID_DUPLICATE_EXPORT);
    else
      *first = (void *)e;
  }
  hash_free(&seen);
  return ok;
}

/* Module_ok */
static bool valid_module(Context *c)
{
  const Module *m = c->m;
  if (!valid_types(c))
    return false;
  uint32_t nfuncs = m->funcs.len, ntables = m->tables.len, nmems = m->mems.len;
  uint32_t nglobals = m->globals.len, ntags = m->tags.len;
  for (uint32_t i = 0; i < m->imports.len; i++) {
    ExternKind k = m->imports.data[i].type.kind;
    nfuncs += k == EXTERN_FUNC, ntables += k == EXTERN_TABLE, nmems += k == EXTERN_MEM;
    nglobals += k == EXTERN_GLOBAL, ntags += k == EXTERN_TAG;
  }
  c->funcs = context_array(c, nfuncs, sizeof *c->funcs);
  c->tables = context_array(c, ntables, sizeof *c->tables);
  c->mems = context_array(c, nmems, sizeof *c->mems);
  c->globals = context_array(c, nglobals, sizeof *c->globals);
  c->tags = context_array(c, ntags, sizeof *c->tags);
  c->elems = context_array(c, m->elems.len, sizeof *c->elems);
  c->refs = context_array(c, nfuncs, 1);
  if (valid_failed(c) || !valid_imports(c))
    return false;
  uint32_t imported_globals = c->nglobals;
  if (!define(c))
    return false;
  collect_refs(c);
  if (!valid_globals(c) || !valid_table_inits(c, imported_globals))
    return false;
  for (uint32_t i = 0; i < m->funcs.len; i++)
    if (!valid_func(c, &m->funcs.data[i], i))
      return false;
  for (uint32_t i = 0; i < m->datas.len; i++)
    if (!valid_data(c, &m->datas.data[i]))
      return false;
  for (uint32_t i = 0; i < m->elems.len; i++)
    if (!valid_elem(c, &m->elems.data[i], c->elems[i]))
      return false;
  return valid_start(c) && valid_exports(c);
}

bool validate_module(TypeStore *ts, const Module *m, const ValidateOptions *opt, Error *err)
{
  Context c = {.ts = ts, .m = m, .opt = opt, .err = err};
  arena_init(&c.arena);
  bool ok = valid_module(&c);
  arena_free(&c.arena);
  return ok;
}
