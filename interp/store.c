/* The store: allocation of instances and objects, growing memories and
 * tables (spec: 4.4-execution.modules "Allocation", 4.0 "$growtable",
 * "$growmem"). */

#define _POSIX_C_SOURCE 200809L   /* clock_gettime */

#include "interp/store.h"

#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "interp/gc.h"
#include "interp/messages.h"
#include "util/mem.h"

enum { PAGE_SIZE = 65536 };

const StoreLimits store_default_limits = {
  .fuel = 1000000000ull,   /* an endless loop stops after some 5 s of CPU */
  .memory_bytes = (uint64_t)3 << 29,   /* 1.5 GiB: with the others, two runs in half of 24 GB */
  .table_entries = (uint64_t)1 << 27,
  .heap_bytes = (uint64_t)2 << 30,
  .instances = 100000,
  .call_depth = 100000,
  .stack_values = 1u << 20,
};

bool store_init(Store *s, TypeStore *types, const StoreLimits *limits, FILE *out)
{
  memset(s, 0, sizeof *s);
  s->types = types;
  s->out = out;
  arena_init(&s->arena);
  store_set_limits(s, limits ? limits : &store_default_limits);
  return true;
}

void store_set_limits(Store *s, const StoreLimits *limits)
{
  s->limits = *limits;
  gc_pace(s);
  s->deadline = 0;
  if (s->limits.timeout) {
    uint64_t max = (UINT64_MAX - store_clock()) / 1000000000u;
    s->deadline = store_clock() + (s->limits.timeout < max ? s->limits.timeout : max) * 1000000000u;
  }
}

uint64_t store_clock(void)
{
  struct timespec t;
  if (clock_gettime(CLOCK_MONOTONIC, &t) != 0)
    return 0;
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

bool store_out_of_memory(Error *err, const char *fmt, ...)
{
  char why[ERROR_MESSAGE_MAX];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(why, sizeof why, fmt, ap);
  va_end(ap);
  return error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY_BECAUSE, why);
}

bool store_count_instance(Store *s, Error *err)
{
  if (s->instances >= s->limits.instances)
    return error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_INSTANCES, s->limits.instances);
  s->instances++;
  return true;
}

void store_free(Store *s)
{
  gc_free_all(s);
  for (uint32_t i = 0; i < s->ntables; i++)
    mem_pages_free(s->tables[i]->refs, s->tables[i]->type.limits.min * sizeof(Ref));
  for (uint32_t i = 0; i < s->nmems; i++)
    mem_pages_free(s->mems[i]->bytes, s->mems[i]->size);
  for (ModuleInst *m = s->modules; m; m = m->next) {
    for (uint32_t i = 0; i < m->nelems; i++)
      mem_free(m->elems[i].refs);
    hash_free(&m->export_index);
  }
  mem_free(s->tables);
  mem_free(s->mems);
  mem_free(s->globals);
  hash_free(&s->hosts);
  arena_free(&s->arena);
  memset(s, 0, sizeof *s);
}

/* The host has no memory left for an instance. */
static bool out_of_memory(Error *err)
{
  return store_out_of_memory(err, EXHAUSTION_HOST_MEMORY);
}

/* Memory for an instance, in the store's arena; NULL with err set when
 * the host has none left. */
static void *instance_alloc(Store *s, size_t size, Error *err)
{
  void *p = arena_alloc(&s->arena, size);
  if (!p)
    out_of_memory(err);
  return p;
}

/* Appends p to a list of the store's instances. */
static bool remember(void ***list, uint32_t *n, uint32_t *cap, void *p)
{
  if (*n == *cap) {
    uint32_t c = *cap ? *cap * 2 : 16;
    void **grown = mem_realloc(*list, c * sizeof *grown);
    if (!grown)
      return false;
    *list = grown;
    *cap = c;
  }
  (*list)[(*n)++] = p;
  return true;
}

/* $allocfunc */
FuncInst *store_alloc_func(Store *s, const DefType *type, ModuleInst *m, const Func *code, Error *err)
{
  FuncInst *f = instance_alloc(s, sizeof *f, err);
  if (!f)
    return NULL;
  f->obj.kind = OBJ_FUNC;
  f->obj.type = type;
  f->type = &type->comp.func;
  f->module = m;
  f->code = code;
  if (code) {
    f->nlocals = code->locals.len;
    f->local_kinds = instance_alloc(s, f->nlocals + 1, err);
    if (!f->local_kinds)
      return NULL;
    for (uint32_t i = 0; i < f->nlocals; i++)
      f->local_kinds[i] = value_default(code->locals.data[i]).kind;
  }
  return f;
}

/* $alloctable */
TableInst *store_alloc_table(Store *s, TableType type, Ref init, Error *err)
{
  if (type.limits.min > s->limits.table_entries - s->table_entries
      || type.limits.min > SIZE_MAX / sizeof(Ref)) {
    store_out_of_memory(err, EXHAUSTION_TABLE, (unsigned long long)type.limits.min,
                        (unsigned long long)s->limits.table_entries, (unsigned long long)s->table_entries);
    return NULL;
  }
  TableInst *t = instance_alloc(s, sizeof *t, err);
  if (!t)
    return NULL;
  t->type = type;
  t->refs = mem_pages_alloc(type.limits.min * sizeof *t->refs);
  if (!t->refs || !remember((void ***)&s->tables, &s->ntables, &s->ctables, t)) {
    mem_pages_free(t->refs, type.limits.min * sizeof *t->refs);
    out_of_memory(err);
    return NULL;
  }
  if (init) {   /* zero pages are null already, and pages untouched stay free */
    for (uint64_t i = 0; i < type.limits.min; i++)
      t->refs[i] = init;
    table_written(t, type.limits.min);
  }
  s->table_entries += type.limits.min;
  return t;
}

uint64_t memory_max_pages(const MemType *t)
{
  return t->addr == ADDR_I64 ? (uint64_t)1 << 48 : (uint64_t)1 << 16;
}

/* $allocmem */
MemInst *store_alloc_mem(Store *s, MemType type, Error *err)
{
  uint64_t limit = s->limits.memory_bytes - s->memory_bytes;
  if (type.limits.min > limit / PAGE_SIZE) {
    store_out_of_memory(err, EXHAUSTION_MEMORY,
                        (unsigned long long)type.limits.min, (unsigned long long)s->limits.memory_bytes,
                        (unsigned long long)s->memory_bytes);
    return NULL;
  }
  MemInst *m = instance_alloc(s, sizeof *m, err);
  if (!m)
    return NULL;
  m->type = type;
  m->size = type.limits.min * PAGE_SIZE;
  m->bytes = mem_pages_alloc(m->size);
  if (!m->bytes || !remember((void ***)&s->mems, &s->nmems, &s->cmems, m)) {
    mem_pages_free(m->bytes, m->size);
    out_of_memory(err);
    return NULL;
  }
  s->memory_bytes += m->size;
  return m;
}

/* $allocglobal */
GlobalInst *store_alloc_global(Store *s, GlobalType type, Value v, Error *err)
{
  GlobalInst *g = instance_alloc(s, sizeof *g, err);
  if (!g)
    return NULL;
  if (!remember((void ***)&s->globals, &s->nglobals, &s->cglobals, g)) {
    out_of_memory(err);
    return NULL;
  }
  g->type = type;
  g->value = v;
  return g;
}

/* $alloctag */
TagInst *store_alloc_tag(Store *s, const DefType *type, Error *err)
{
  TagInst *t = instance_alloc(s, sizeof *t, err);
  if (!t)
    return NULL;
  t->type = type;
  return t;
}

/* $growtable: fails beyond the table's maximum or our limit (of all
 * tables together, so that many tables cannot add up past the machine) */
bool table_grow(Store *s, TableInst *t, uint64_t n, Ref init)
{
  Limits *l = &t->type.limits;
  uint64_t max = t->type.addr == ADDR_I64 ? UINT64_MAX : UINT32_MAX;
  if (l->has_max && l->max < max)
    max = l->max;
  if (n > max - l->min || n > s->limits.table_entries - s->table_entries
      || l->min + n > SIZE_MAX / sizeof(Ref))
    return false;
  uint64_t size = l->min + n;
  Ref *refs = mem_pages_realloc(t->refs, l->min * sizeof *refs, size * sizeof *refs);
  if (!refs)
    return false;
  t->refs = refs;
  if (init) {   /* the new pages are null already */
    for (uint64_t i = l->min; i < size; i++)
      refs[i] = init;
    table_written(t, size);
  }
  l->min = size;
  s->table_entries += n;
  return true;
}

/* $growmem: fails beyond the memory's maximum, its address space or our limit */
bool memory_grow(Store *s, MemInst *m, uint64_t pages)
{
  Limits *l = &m->type.limits;
  uint64_t max = memory_max_pages(&m->type);
  if (l->has_max && l->max < max)
    max = l->max;
  uint64_t budget = (s->limits.memory_bytes - s->memory_bytes) / PAGE_SIZE;
  if (pages > max - l->min || pages > budget)
    return false;
  if (pages == 0)
    return true;
  uint64_t size = (l->min + pages) * PAGE_SIZE;
  uint8_t *bytes = mem_pages_realloc(m->bytes, m->size, size);   /* the new pages zero */
  if (!bytes)
    return false;
  s->memory_bytes += size - m->size;
  m->bytes = bytes;
  m->size = size;
  l->min += pages;
  return true;
}

/* ---- Collectable objects ---- */

void *store_alloc_object(Store *s, ObjKind kind, const DefType *type, size_t size)
{
  if (!heap_room(s, size))
    return NULL;
  Object *o = mem_calloc(1, size);
  if (!o)
    return NULL;
  o->kind = kind;
  o->type = type;
  o->next = s->objects;
  s->objects = o;
  s->heap_bytes += size;
  s->gc_debt += size;
  return o;
}

StructInst *store_alloc_struct(Store *s, const DefType *type)
{
  size_t n = type->comp.fields.len;
  StructInst *o = store_alloc_object(s, OBJ_STRUCT, type, sizeof *o + n * sizeof(Value));
  if (o)
    for (size_t i = 0; i < n; i++)
      o->fields[i] = value_default(type->comp.fields.data[i].type);
  return o;
}

uint8_t storage_size(ValType t)
{
  switch (t.kind) {
  case PACK_I8: return 1;
  case PACK_I16: return 2;
  case VAL_I32: case VAL_F32: return 4;
  case VAL_I64: case VAL_F64: return 8;
  case VAL_V128: return 16;
  default: return sizeof(Ref);
  }
}

ArrayInst *store_alloc_array(Store *s, const DefType *type, uint32_t len)
{
  ValType elem = type->comp.array.type;
  uint8_t size = storage_size(elem);
  if ((uint64_t)len * size > s->limits.heap_bytes)
    return NULL;
  ArrayInst *o = store_alloc_object(s, OBJ_ARRAY, type, sizeof *o + (size_t)len * size);
  if (o) {
    o->len = len;
    o->elem_size = size;
    o->elem = elem;
  }
  return o;
}

ExnInst *store_alloc_exn(Store *s, TagInst *tag, uint32_t len)
{
  ExnInst *o = store_alloc_object(s, OBJ_EXN, NULL, sizeof *o + (size_t)len * sizeof(Value));
  if (o) {
    o->tag = tag;
    o->len = len;
  }
  return o;
}

/* ref.host a: one reference per address, so that equal addresses are the
 * same reference, found by hash.  They live as long as the store. */
HostInst *store_host(Store *s, uint64_t addr)
{
  HostInst *o = hash_get(&s->hosts, &addr, sizeof addr);
  if (o)
    return o;
  if (!(o = arena_alloc(&s->arena, sizeof *o)))
    return NULL;
  o->obj.kind = OBJ_HOST;
  o->addr = addr;
  void **place = hash_place(&s->hosts, &o->addr, sizeof o->addr);   /* the key is the object's */
  if (place)
    *place = o;
  return place ? o : NULL;
}

ExternInst *store_alloc_extern(Store *s, Ref ref)
{
  ExternInst *o = store_alloc_object(s, OBJ_EXTERN, NULL, sizeof *o);
  if (o)
    o->ref = ref;
  return o;
}

/* $unpackfield: packed values are extended, sx = 's' signed, else unsigned */
Value field_unpack(ValType storage, Value v, int sx)
{
  if (storage.kind == PACK_I8)
    return value_i32(sx == 's' ? (uint32_t)(int32_t)(int8_t)v.i32 : v.i32 & 0xff);
  if (storage.kind == PACK_I16)
    return value_i32(sx == 's' ? (uint32_t)(int32_t)(int16_t)v.i32 : v.i32 & 0xffff);
  return v;
}

/* $packfield: wraps to the field's width */
Value field_pack(ValType storage, Value v)
{
  if (storage.kind == PACK_I8)
    return value_i32(v.i32 & 0xff);
  if (storage.kind == PACK_I16)
    return value_i32(v.i32 & 0xffff);
  return v;
}

Value array_get(const ArrayInst *a, uint32_t i, int sx)
{
  const uint8_t *p = a->data + (size_t)i * a->elem_size;
  Value v = value_default(a->elem);
  switch (a->elem.kind) {
  case PACK_I8: v.i32 = p[0]; break;
  case PACK_I16: { uint16_t x; memcpy(&x, p, 2); v.i32 = x; break; }
  case VAL_I32: case VAL_F32: memcpy(&v.i32, p, 4); break;
  case VAL_I64: case VAL_F64: memcpy(&v.i64, p, 8); break;
  case VAL_V128: memcpy(&v.v128, p, 16); break;
  default: memcpy(&v.ref, p, sizeof(Ref)); break;
  }
  return field_unpack(a->elem, v, sx);
}

void array_set(ArrayInst *a, uint32_t i, Value v)
{
  uint8_t *p = a->data + (size_t)i * a->elem_size;
  switch (a->elem.kind) {
  case PACK_I8: p[0] = (uint8_t)v.i32; break;
  case PACK_I16: { uint16_t x = (uint16_t)v.i32; memcpy(p, &x, 2); break; }
  case VAL_I32: case VAL_F32: memcpy(p, &v.i32, 4); break;
  case VAL_I64: case VAL_F64: memcpy(p, &v.i64, 8); break;
  case VAL_V128: memcpy(p, &v.v128, 16); break;
  default: memcpy(p, &v.ref, sizeof(Ref)); break;
  }
}

/* ---- Externals ---- */

/* Externaddr_ok: the type of what an address points to, now */
ExternType externval_type(const ExternVal *v)
{
  ExternType t = {.kind = v->kind};
  switch (v->kind) {
  case EXTERN_FUNC: t.type = v->func->obj.type->id; break;
  case EXTERN_TABLE: t.table = v->table->type; break;
  case EXTERN_MEM: t.mem = v->mem->type; break;
  case EXTERN_GLOBAL: t.global = v->global->type; break;
  case EXTERN_TAG: t.type = v->tag->type->id; break;
  }
  return t;
}

bool moduleinst_index_exports(ModuleInst *m, Error *err)
{
  if (!hash_reserve(&m->export_index, m->nexports))
    return out_of_memory(err);
  for (uint32_t i = 0; i < m->nexports; i++) {
    void **x = hash_place(&m->export_index, m->exports[i].name.data, m->exports[i].name.len);
    if (!x)
      return out_of_memory(err);
    if (!*x)
      *x = &m->exports[i];
  }
  return true;
}

const ExportInst *moduleinst_export(const ModuleInst *m, const char *name, size_t len)
{
  return len > UINT32_MAX ? NULL : hash_get(&m->export_index, name, (uint32_t)len);
}

void funcinst_print_name(Buf *b, const FuncInst *f)
{
  const Module *m = f->module ? f->module->module : NULL;
  const Name *n = m ? namemap_find(&m->names.funcs, f->idx) : NULL;
  if (n)
    buf_printf(b, "$%.*s", (int)n->len, (const char *)n->data);
  else
    buf_printf(b, "func %u", f->idx);
}

/* ---- Types in messages ---- */

/* The bottom of the hierarchy a type belongs to: a null's type. */
static HeapKind bottom_of(const TypeStore *ts, ValType t)
{
  switch (heaptype_top(ts, t)) {
  case HEAP_FUNC: return HEAP_NOFUNC;
  case HEAP_EXTERN: return HEAP_NOEXTERN;
  case HEAP_EXN: return HEAP_NOEXN;
  case HEAP_CONT: return HEAP_NOCONT;
  default: return HEAP_NONE;
  }
}

void value_type_print(Buf *b, const TypeStore *ts, Value v, ValType declared)
{
  if (v.kind != VAL_REF) {
    valtype_print(b, ts, valtype_num((ValKind)v.kind));
    return;
  }
  Ref r = v.ref;
  ValType t = valtype_ref(false, HEAP_ANY, 0);
  if (!r) {
    t = valtype_ref(true, declared.kind == VAL_REF ? bottom_of(ts, declared) : HEAP_NONE, 0);
  } else if (ref_is_i31(r)) {
    t.heap = HEAP_I31;
  } else {
    switch ((ObjKind)r->kind) {
    case OBJ_FUNC: case OBJ_STRUCT: case OBJ_ARRAY:
      if (r->type)
        t = valtype_ref(false, HEAP_DEF, r->type->id);
      break;
    case OBJ_EXN: t = valtype_ref(false, HEAP_DEF, ((const ExnInst *)r)->tag->type->id); break;
    case OBJ_EXTERN: t.heap = HEAP_EXTERN; break;
    case OBJ_CONT: t.heap = HEAP_CONT; break;   /* the official interpreter keeps no type */
    case OBJ_HOST: break;
    }
  }
  valtype_print(b, ts, t);
}

bool ref_matches(const Store *s, Ref r, ValType rt)
{
  if (!r)
    return rt.null;
  ValType t = valtype_ref(false, HEAP_I31, 0);
  if (!ref_is_i31(r)) {
    switch (r->kind) {
    case OBJ_HOST: t.heap = HEAP_ANY; break;
    case OBJ_EXTERN: t.heap = HEAP_EXTERN; break;
    case OBJ_EXN: t.heap = HEAP_EXN; break;
    default:   /* a suspend's continuation has no type of its own: just cont */
      if (r->kind == OBJ_CONT && !r->type)
        t.heap = HEAP_CONT;
      else {
        t.heap = HEAP_DEF;
        t.idx = r->type->id;
      }
      break;
    }
  }
  return heaptype_sub(s->types, t, rt);
}

