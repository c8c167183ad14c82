/* Instantiation (spec: 4.4-execution.modules: $alloctypes, $allocmodule,
 * $instantiate, $runelem_, $rundata_).  Its work before the start
 * function — the constant expressions and the active segments — is paid
 * from one budget of fuel, as one invocation's (interp/stack.c, "Fuel");
 * the start function is an invocation of its own.  (A table's initial
 * entries are not charged: all tables of a run together are limited.) */

#include "interp/instantiate.h"

#include "interp/describe.h"

#include <string.h>

#include "interp/describe.h"
#include "interp/eval.h"
#include "interp/messages.h"
#include "util/mem.h"

typedef struct Instantiation {
  Store *s;
  const Module *m;
  ModuleInst *mi;
  uint64_t fuel;              /* left for its constant expressions and segments */
  Error *err;
} Instantiation;

static void *alloc_array(Instantiation *z, uint32_t n, size_t size)
{
  void *p = arena_alloc(&z->s->arena, (size_t)n * size + 1);
  if (!p)
    store_out_of_memory(z->err, EXHAUSTION_HOST_MEMORY);
  return p;
}

const DefType **instantiate_types(Store *s, const Module *m, Error *err)
{
  const SubTypes *ts = &m->types;
  const DefType **types = arena_alloc(&s->arena, (size_t)ts->len * sizeof *types + 1);
  if (!types) {
    store_out_of_memory(err, EXHAUSTION_HOST_MEMORY);
    return NULL;
  }
  for (uint32_t first = 0; first < ts->len;) {
    uint32_t n = ts->data[first].rec_size, bad;
    switch (typestore_intern_group(s->types, ts->data, first, n, types, types + first, &bad)) {
    case INTERN_OK: break;
    case INTERN_UNKNOWN: error_at(err, PHASE_INTERNAL, (Loc){0}, INTERNAL_UNVALIDATED_TYPE, bad); return NULL;
    case INTERN_NO_MEMORY: error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY); return NULL;
    }
    first += n;
  }
  return types;
}

/* $alloctypes: the module's rec groups, interned */
static bool alloc_types(Instantiation *z)
{
  z->mi->types = instantiate_types(z->s, z->m, z->err);
  z->mi->ntypes = z->m->types.len;
  return z->mi->types != NULL;
}

/* The closed external type an import asks for. */
static ExternType import_type(const ModuleInst *mi, const Import *im)
{
  ExternType t = im->type;
  switch (t.kind) {
  case EXTERN_FUNC: case EXTERN_TAG: t.type = mi->types[t.type]->id; break;
  case EXTERN_TABLE: t.table.elem = valtype_close(t.table.elem, mi->types); break;
  case EXTERN_GLOBAL: t.global.type = valtype_close(t.global.type, mi->types); break;
  case EXTERN_MEM: break;
  }
  return t;
}

/* The index spaces of every kind, sized for imports and definitions. */
static bool alloc_spaces(Instantiation *z)
{
  const Module *m = z->m;
  ModuleInst *mi = z->mi;
  return (mi->funcs = alloc_array(z, module_imports(m, EXTERN_FUNC) + m->funcs.len, sizeof(FuncInst *)))
      && (mi->tables = alloc_array(z, module_imports(m, EXTERN_TABLE) + m->tables.len, sizeof(TableInst *)))
      && (mi->mems = alloc_array(z, module_imports(m, EXTERN_MEM) + m->mems.len, sizeof(MemInst *)))
      && (mi->globals = alloc_array(z, module_imports(m, EXTERN_GLOBAL) + m->globals.len, sizeof(GlobalInst *)))
      && (mi->tags = alloc_array(z, module_imports(m, EXTERN_TAG) + m->tags.len, sizeof(TagInst *)))
      && (mi->elems = alloc_array(z, m->elems.len, sizeof(ElemInst)))
      && (mi->datas = alloc_array(z, m->datas.len, sizeof(DataInst)))
      && (mi->exports = alloc_array(z, m->exports.len, sizeof(ExportInst)));
}

/* Externaddr_ok and matching: each import gets a value of a subtype */
static bool link_imports(Instantiation *z, const ExternVal *imports)
{
  const Module *m = z->m;
  ModuleInst *mi = z->mi;
  for (uint32_t i = 0; i < m->imports.len; i++) {
    const Import *im = &m->imports.data[i];
    const ExternVal *v = &imports[i];
    ExternType want = import_type(mi, im), have = externval_type(v);
    if (v->kind != want.kind || !externtype_sub(z->s->types, &have, &want))
      return error_at(z->err, PHASE_UNLINKABLE, module_loc(m, im->at), UNLINKABLE_INCOMPATIBLE);
    switch (v->kind) {
    case EXTERN_FUNC: mi->funcs[mi->nfuncs++] = v->func; break;
    case EXTERN_TABLE: mi->tables[mi->ntables++] = v->table; break;
    case EXTERN_MEM: mi->mems[mi->nmems++] = v->mem; break;
    case EXTERN_GLOBAL: mi->globals[mi->nglobals++] = v->global; break;
    case EXTERN_TAG: mi->tags[mi->ntags++] = v->tag; break;
    }
  }
  return true;
}

/* $allocfunc for every function, before any code runs: constant
 * expressions may take references to them. */
static bool alloc_funcs(Instantiation *z)
{
  ModuleInst *mi = z->mi;
  for (uint32_t i = 0; i < z->m->funcs.len; i++) {
    const Func *f = &z->m->funcs.data[i];
    FuncInst *fi = store_alloc_func(z->s, mi->types[f->type], mi, f, z->err);
    if (!fi)
      return false;
    fi->idx = mi->nfuncs;
    mi->funcs[mi->nfuncs++] = fi;
  }
  return true;
}

/* $evalglobals: each initialiser sees the globals before it */
static bool alloc_globals(Instantiation *z)
{
  ModuleInst *mi = z->mi;
  for (uint32_t i = 0; i < z->m->globals.len; i++) {
    const Global *g = &z->m->globals.data[i];
    GlobalType t = g->type;
    Value v;
    t.type = valtype_close(t.type, mi->types);
    if (!eval_const(z->s, mi, &g->init, &v, &z->fuel, z->err))
      return false;
    GlobalInst *gi = store_alloc_global(z->s, t, v, z->err);
    if (!gi)
      return false;
    mi->globals[mi->nglobals++] = gi;
  }
  return true;
}

/* $alloctag*, $allocmem*, $alloctable* (tables with their initial value) */
static bool alloc_tags_mems_tables(Instantiation *z)
{
  const Module *m = z->m;
  ModuleInst *mi = z->mi;
  for (uint32_t i = 0; i < m->tags.len; i++)
    if (!(mi->tags[mi->ntags++] = store_alloc_tag(z->s, mi->types[m->tags.data[i].type], z->err)))
      return false;
  for (uint32_t i = 0; i < m->mems.len; i++)
    if (!(mi->mems[mi->nmems++] = store_alloc_mem(z->s, m->mems.data[i].type, z->err)))
      return false;
  for (uint32_t i = 0; i < m->tables.len; i++) {
    const Table *t = &m->tables.data[i];
    TableType tt = t->type;
    Value init = value_ref(NULL);
    tt.elem = valtype_close(tt.elem, mi->types);
    if (!eval_const(z->s, mi, &t->init, &init, &z->fuel, z->err))
      return false;
    if (!(mi->tables[mi->ntables++] = store_alloc_table(z->s, tt, init.ref, z->err)))
      return false;
  }
  return true;
}

/* $allocdata*, $allocelem*: element segments hold their evaluated items;
 * each counts as soon as it is there, for the collector. */
static bool alloc_segments(Instantiation *z)
{
  const Module *m = z->m;
  ModuleInst *mi = z->mi;
  for (uint32_t i = 0; i < m->datas.len; i++)
    mi->datas[mi->ndatas++] = (DataInst){m->datas.data[i].init.data, m->datas.data[i].init.len};
  for (uint32_t i = 0; i < m->elems.len; i++) {
    const Elem *e = &m->elems.data[i];
    ElemInst *ei = &mi->elems[mi->nelems++];
    ei->type = valtype_close(e->type, mi->types);
    if (!(ei->refs = mem_calloc(e->items.len, sizeof *ei->refs)))
      return store_out_of_memory(z->err, EXHAUSTION_HOST_MEMORY);
    for (uint32_t k = 0; k < e->items.len; k++) {
      Value v;
      if (!eval_const(z->s, mi, &e->items.data[k], &v, &z->fuel, z->err))
        return false;
      ei->refs[ei->len++] = v.ref;
    }
  }
  return true;
}

/* $allocexport* */
static void alloc_exports(Instantiation *z)
{
  ModuleInst *mi = z->mi;
  for (uint32_t i = 0; i < z->m->exports.len; i++) {
    const Export *x = &z->m->exports.data[i];
    ExternVal v = {.kind = x->kind};
    switch (x->kind) {
    case EXTERN_FUNC: v.func = mi->funcs[x->idx]; break;
    case EXTERN_TABLE: v.table = mi->tables[x->idx]; break;
    case EXTERN_MEM: v.mem = mi->mems[x->idx]; break;
    case EXTERN_GLOBAL: v.global = mi->globals[x->idx]; break;
    case EXTERN_TAG: v.tag = mi->tags[x->idx]; break;
    }
    mi->exports[mi->nexports++] = (ExportInst){x->name, v};
  }
}

/* The offset of an active segment, at the address type of its table or
 * memory. */
static bool offset(Instantiation *z, const Expr *e, AddrType at, uint64_t *out)
{
  Value v;
  if (!eval_const(z->s, z->mi, e, &v, &z->fuel, z->err))
    return false;
  *out = at == ADDR_I64 ? v.i64 : v.i32;
  return true;
}

/* instr_E* instr_D*: the active segments in order, then the drops */
static bool run_segments(Instantiation *z)
{
  const Module *m = z->m;
  ModuleInst *mi = z->mi;
  for (uint32_t i = 0; i < m->elems.len; i++) {
    const Elem *e = &m->elems.data[i];
    uint64_t off;
    if (e->mode == SEG_DECLARE)
      mi->elems[i].len = 0;
    if (e->mode != SEG_ACTIVE)
      continue;
    if (!offset(z, &e->offset, mi->tables[e->table]->type.addr, &off)
        || !eval_init_elem(z->s, mi, i, off, &z->fuel, z->err))
      return false;
  }
  for (uint32_t i = 0; i < m->datas.len; i++) {
    const Data *d = &m->datas.data[i];
    uint64_t off;
    if (d->mode != SEG_ACTIVE)
      continue;
    if (!offset(z, &d->offset, mi->mems[d->mem]->type.addr, &off)
        || !eval_init_data(z->s, mi, i, off, &z->fuel, z->err))
      return false;
  }
  return true;
}

ModuleInst *instantiate(Store *s, const Module *m, const ExternVal *imports, Buf *backtrace,
                        Error *err)
{
  Instantiation z = {s, m, NULL, eval_fuel(s), err};
  if (!store_count_instance(s, err))
    return NULL;
  if (s->watch && s->watch->event)   /* --trace: what runs next is the instantiation's */
    s->watch->event(s->watch->ctx, NULL, &(EvalEvent){.kind = EVENT_INSTANTIATE, .module = m});
  if (!(z.mi = alloc_array(&z, 1, sizeof *z.mi)))
    return NULL;
  z.mi->module = m;
  if (!alloc_types(&z) || !alloc_spaces(&z) || !link_imports(&z, imports))
    return NULL;
  /* From here on the instance holds references: the collector sees it. */
  z.mi->next = s->modules;
  s->modules = z.mi;
  if (!alloc_funcs(&z) || !alloc_globals(&z) || !alloc_tags_mems_tables(&z) || !alloc_segments(&z))
    return NULL;
  alloc_exports(&z);
  if (!moduleinst_index_exports(z.mi, err) || !run_segments(&z))
    return NULL;
  if (m->has_start && !eval_invoke(s, z.mi->funcs[m->start], NULL, NULL, backtrace, err))
    return NULL;
  return z.mi;
}
