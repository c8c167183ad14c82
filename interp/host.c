/* The spectest host module. */

#include "interp/host.h"

#include <inttypes.h>
#include <string.h>

#include "interp/messages.h"

/* print*: each argument on a line of its own, as `value : type` */
static bool print(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)results;
  (void)err;
  const ValTypes *ps = &f->type->params;
  for (uint32_t i = 0; i < ps->len; i++) {
    float x;
    double y;
    switch (ps->data[i].kind) {
    case VAL_I32: fprintf(s->out, "%" PRId32 " : i32\n", (int32_t)args[i].i32); break;
    case VAL_I64: fprintf(s->out, "%" PRId64 " : i64\n", (int64_t)args[i].i64); break;
    case VAL_F32: memcpy(&x, &args[i].f32, 4); fprintf(s->out, "%.9g : f32\n", x); break;
    default: memcpy(&y, &args[i].f64, 8); fprintf(s->out, "%.17g : f64\n", y); break;
    }
  }
  if (ps->len == 0)
    fputc('\n', s->out);
  fflush(s->out);
  return true;
}

typedef struct HostFuncDef {
  const char *name;
  const char *params;   /* one letter per parameter: i I f F */
} HostFuncDef;

static const HostFuncDef print_funcs[] = {
  {"print", ""}, {"print_i32", "i"}, {"print_i64", "I"}, {"print_f32", "f"}, {"print_f64", "F"},
  {"print_i32_f32", "if"}, {"print_f64_f64", "FF"},
};

enum { NPRINT = sizeof print_funcs / sizeof print_funcs[0], NEXPORTS = NPRINT + 7 };

static ValKind letter_kind(char c)
{
  return c == 'i' ? VAL_I32 : c == 'I' ? VAL_I64 : c == 'f' ? VAL_F32 : VAL_F64;
}

const DefType *host_functype(Store *s, const ValType *params, uint32_t n)
{
  return host_functype_results(s, params, n, NULL, 0);
}

const DefType *host_functype_results(Store *s, const ValType *params, uint32_t n,
                                     const ValType *results, uint32_t m)
{
  SubType st = {.final = true, .rec_size = 1};
  st.comp.kind = COMP_FUNC;
  st.comp.func.params = (ValTypes){(ValType *)params, n, n};
  st.comp.func.results = (ValTypes){(ValType *)results, m, m};
  const DefType *dt = NULL;
  uint32_t bad;
  if (typestore_intern_group(s->types, &st, 0, 1, NULL, &dt, &bad) != INTERN_OK)
    return NULL;
  return dt;
}

/* The function type of a print function: one letter per parameter. */
static const DefType *functype(Store *s, const char *params)
{
  ValType ps[2];
  uint32_t n = (uint32_t)strlen(params);
  for (uint32_t i = 0; i < n; i++)
    ps[i] = valtype_num(letter_kind(params[i]));
  return host_functype(s, ps, n);
}

static void export(ModuleInst *mi, const char *name, ExternVal v)
{
  mi->exports[mi->nexports++] = (ExportInst){{(uint8_t *)name, (uint32_t)strlen(name)}, v};
}

static bool export_global(Store *s, ModuleInst *mi, const char *name, Value v, Error *err)
{
  GlobalType t = {.type = valtype_num(v.kind)};
  GlobalInst *g = store_alloc_global(s, t, v, err);
  if (g)
    export(mi, name, (ExternVal){.kind = EXTERN_GLOBAL, .global = g});
  return g != NULL;
}

static bool export_table(Store *s, ModuleInst *mi, const char *name, AddrType at, Error *err)
{
  TableType t = {.addr = at, .limits = {10, 20, true}, .elem = valtype_ref(true, HEAP_FUNC, 0)};
  TableInst *ti = store_alloc_table(s, t, NULL, err);
  if (ti)
    export(mi, name, (ExternVal){.kind = EXTERN_TABLE, .table = ti});
  return ti != NULL;
}

ModuleInst *host_spectest(Store *s, Error *err)
{
  ModuleInst *mi = arena_alloc(&s->arena, sizeof *mi);
  ExportInst *exports = arena_alloc(&s->arena, NEXPORTS * sizeof *exports);
  if (!mi || !exports) {
    store_out_of_memory(err, EXHAUSTION_HOST_MEMORY);
    return NULL;
  }
  mi->name = "spectest";
  mi->exports = exports;
  for (uint32_t i = 0; i < NPRINT; i++) {
    const DefType *dt = functype(s, print_funcs[i].params);
    FuncInst *f = dt ? store_alloc_func(s, dt, mi, NULL, err) : NULL;
    if (!f)
      return NULL;
    f->host = print;
    f->idx = i;
    export(mi, print_funcs[i].name, (ExternVal){.kind = EXTERN_FUNC, .func = f});
  }
  MemType mt = {.addr = ADDR_I32, .limits = {1, 2, true}};
  MemInst *mem = store_alloc_mem(s, mt, err);
  if (!mem)
    return NULL;
  export(mi, "memory", (ExternVal){.kind = EXTERN_MEM, .mem = mem});
  /* 666.6 rounded to f32 and to f64 */
  if (!export_global(s, mi, "global_i32", value_i32(666), err)
      || !export_global(s, mi, "global_i64", value_i64(666), err)
      || !export_global(s, mi, "global_f32", value_f32(0x4426a666), err)
      || !export_global(s, mi, "global_f64", value_f64(0x4084d4cccccccccdull), err)
      || !export_table(s, mi, "table", ADDR_I32, err)
      || !export_table(s, mi, "table64", ADDR_I64, err))
    return NULL;
  mi->next = s->modules;   /* an instance of the store, which frees its index */
  s->modules = mi;
  return moduleinst_index_exports(mi, err) ? mi : NULL;
}

/* ================================================================ Dummy imports */

/* A dummy function: returns the default of each result type (zero, null);
 * one that must return a non-nullable reference has nothing to return. */
static bool dummy_func(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)s;
  (void)args;
  const ValTypes *rs = &f->type->results;
  for (uint32_t i = 0; i < rs->len; i++) {
    if (!valtype_defaultable(rs->data[i]))
      return error_at(err, PHASE_TRAP, (Loc){0}, TRAP_DUMMY_NON_NULLABLE);
    results[i] = value_default(rs->data[i]);
  }
  return true;
}

bool host_dummy(Store *s, const DefType *const *types, const Import *im, ExternVal *out, Error *err)
{
  ExternType t = im->type;
  *out = (ExternVal){.kind = t.kind};
  switch (t.kind) {
  case EXTERN_FUNC:
    if ((out->func = store_alloc_func(s, types[t.type], NULL, NULL, err)))
      out->func->host = dummy_func;
    return out->func != NULL;
  case EXTERN_TAG:
    return (out->tag = store_alloc_tag(s, types[t.type], err)) != NULL;
  case EXTERN_MEM:
    return (out->mem = store_alloc_mem(s, t.mem, err)) != NULL;
  case EXTERN_TABLE:
    t.table.elem = valtype_close(t.table.elem, types);
    if (!valtype_defaultable(t.table.elem))   /* no value to fill it with */
      return false;
    return (out->table = store_alloc_table(s, t.table, NULL, err)) != NULL;
  case EXTERN_GLOBAL:
    t.global.type = valtype_close(t.global.type, types);
    if (!valtype_defaultable(t.global.type))
      return false;
    return (out->global = store_alloc_global(s, t.global, value_default(t.global.type), err)) != NULL;
  }
  return false;
}
