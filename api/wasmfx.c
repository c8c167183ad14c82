/* libwasmfx: the public API (api/wasmfx.h, doc/api.md) over the parser,
 * decoder, validator and machine.  A wasmfx_store is a Store with its own
 * type store, the names imports are resolved by, and the last outcome. */

#include "api/wasmfx.h"

#include <errno.h>
#include <string.h>

#include "api/messages.h"
#include "binary/binary.h"
#include "interp/describe.h"
#include "interp/eval.h"
#include "interp/host.h"
#include "interp/instantiate.h"
#include "script/run.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/mem.h"
#include "validate/validate.h"

/* A module name bound to an instance: spectest, wasmfx_register.  An
 * import looks in the latest binding of its module name, then in the
 * earlier ones. */
typedef struct Binding {
  const char *name;
  ModuleInst *inst;
  const struct Binding *earlier;   /* of the same name */
} Binding;

/* A host function the program defined (wasmfx_define_func). */
typedef struct HostDef {
  const char *module, *name;
  FuncInst *func;            /* its idx is this definition's index */
  wasmfx_host_func *fn;
  void *env;
} HostDef;

struct wasmfx_module {
  wasmfx_store *store;
  Module *module;
  char *name;                /* the file name its positions show */
  char *bytes;               /* its source, which text positions refer to */
  bool validated;
};

struct wasmfx_instance {
  wasmfx_store *store;
  ModuleInst *inst;
};

struct wasmfx_store {
  Store store;
  TypeStore types;
  unsigned flags;
  Arena arena;               /* names, bindings, modules, instances */
  Hash registry;             /* a name -> its latest Binding */
  VEC(HostDef) hosts;
  Hash host_names;           /* "module\0name" (C strings: one NUL) -> the latest FuncInst */
  Buf key;                   /* an import's names, to look up host_names */
  VEC(wasmfx_module *) modules;
  Value *results;            /* of the last invoke or get */
  uint32_t nresults, cresults;
  Error err;                 /* of the last operation */
  char position[ERROR_MESSAGE_MAX];
  Buf backtrace;
  wasmfx_step_hook *hook;
  void *hook_env;
  Buf step_func, step_instr, step_position;
  bool busy;                 /* running code: a host function must not re-enter */
};

/* ================================================================ Outcomes */

/* The outcome of a failure's phase: the exit-status table (README), whose
 * one mapping is the command line's. */
static wasmfx_outcome outcome_of(Phase p)
{
  return (wasmfx_outcome)run_status(p);
}

/* The names of the exit-status table (README, "Exit status"). */
const char *wasmfx_outcome_name(wasmfx_outcome o)
{
  switch (o) {
  case WASMFX_OK: return "success";
  case WASMFX_USAGE: return "usage error";
  case WASMFX_MALFORMED: return "malformed";
  case WASMFX_INVALID: return "invalid";
  case WASMFX_UNLINKABLE: return "unlinkable";
  case WASMFX_TRAP: return "trap";
  case WASMFX_EXCEPTION: return "uncaught exception";
  case WASMFX_SUSPENSION: return "unhandled suspension";
  case WASMFX_EXHAUSTION: return "resource exhaustion";
  case WASMFX_LIMIT: return "out of fuel";
  case WASMFX_TIMEOUT: return "timeout";
  case WASMFX_IO: return "i/o error";
  }
  return "unknown outcome";
}

/* Forgets the last outcome, before an operation. */
static void begin(wasmfx_store *s)
{
  error_clear(&s->err);
  s->position[0] = '\0';
  s->backtrace.len = 0;
  s->nresults = 0;
}

/* The outcome of an operation that failed with s->err (or succeeded). */
static wasmfx_outcome finish(wasmfx_store *s, bool ok)
{
  if (ok)
    return WASMFX_OK;
  if (s->err.phase == PHASE_NONE)   /* a failure that said nothing: only allocation */
    error_at(&s->err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY);
  if (s->err.loc.file)
    loc_format(s->position, sizeof s->position, s->err.loc);
  return outcome_of(s->err.phase);
}

/* A failure of the program's own making. */
static wasmfx_outcome misuse(wasmfx_store *s, const char *what)
{
  if (s && !s->busy) {
    begin(s);
    error_at(&s->err, PHASE_NONE, (Loc){0}, "%s", what);
  }
  return WASMFX_USAGE;
}

/* Whether the program may call into the store now: not from a host
 * function while it runs code, whose stacks the collector is scanning. */
static bool usable(const wasmfx_store *s)
{
  return s && !s->busy;
}

const char *wasmfx_message(const wasmfx_store *s)
{
  return s ? s->err.message : "";
}

const char *wasmfx_position(const wasmfx_store *s)
{
  return s ? s->position : "";
}

const char *wasmfx_backtrace(const wasmfx_store *s)
{
  return s && s->backtrace.len && !s->backtrace.failed ? s->backtrace.data : "";
}

/* ================================================================ Values */

const char *wasmfx_kind_name(wasmfx_kind k)
{
  return (unsigned)k <= WASMFX_REF ? valkind_name((ValKind)k) : "unknown";
}

/* ValKind and wasmfx_kind agree for I32 … REF: checked at compile time. */
_Static_assert((int)WASMFX_I32 == VAL_I32 && (int)WASMFX_I64 == VAL_I64
                   && (int)WASMFX_F32 == VAL_F32 && (int)WASMFX_F64 == VAL_F64
                   && (int)WASMFX_V128 == VAL_V128 && (int)WASMFX_REF == VAL_REF,
               "wasmfx_kind follows ValKind");

static wasmfx_value to_api(Value v)
{
  wasmfx_value w = {.kind = (wasmfx_kind)v.kind};
  switch (v.kind) {
  case VAL_I32: case VAL_F32: w.i32 = v.i32; break;
  case VAL_I64: case VAL_F64: w.i64 = v.i64; break;
  case VAL_V128: memcpy(w.v128, &v.v128, 16); break;
  default: w.ref = (wasmfx_ref)v.ref; break;
  }
  return w;
}

/* A value of the program's; false if its kind is not one. */
static bool from_api(const wasmfx_value *w, Value *v)
{
  *v = (Value){0};
  switch (w->kind) {
  case WASMFX_I32: case WASMFX_F32: v->i32 = w->i32; break;
  case WASMFX_I64: case WASMFX_F64: v->i64 = w->i64; break;
  case WASMFX_V128: memcpy(&v->v128, w->v128, 16); break;
  case WASMFX_REF: v->ref = (Ref)w->ref; break;
  default: return false;
  }
  v->kind = (uint8_t)w->kind;
  return true;
}

wasmfx_ref_kind wasmfx_ref_kind_of(wasmfx_ref r)
{
  static const wasmfx_ref_kind kinds[] = {
    [OBJ_FUNC] = WASMFX_REF_FUNC, [OBJ_STRUCT] = WASMFX_REF_STRUCT, [OBJ_ARRAY] = WASMFX_REF_ARRAY,
    [OBJ_EXN] = WASMFX_REF_EXN, [OBJ_HOST] = WASMFX_REF_HOST, [OBJ_EXTERN] = WASMFX_REF_EXTERN,
    [OBJ_CONT] = WASMFX_REF_CONT,
  };
  Ref ref = (Ref)r;
  return !ref ? WASMFX_REF_NULL : ref_is_i31(ref) ? WASMFX_REF_I31 : kinds[ref->kind];
}

wasmfx_ref wasmfx_ref_i31(uint32_t value)
{
  return (wasmfx_ref)ref_i31(value);
}

uint32_t wasmfx_ref_i31_value(wasmfx_ref r)
{
  return ref_is_i31((Ref)r) ? ref_i31_value((Ref)r) : 0;
}

wasmfx_ref wasmfx_ref_host(wasmfx_store *s, uint64_t addr)
{
  HostInst *h = usable(s) ? store_host(&s->store, addr) : NULL;
  return h ? (wasmfx_ref)&h->obj : NULL;
}

wasmfx_ref wasmfx_ref_extern(wasmfx_store *s, uint64_t addr)
{
  HostInst *h = usable(s) ? store_host(&s->store, addr) : NULL;
  ExternInst *x = h ? store_alloc_extern(&s->store, &h->obj) : NULL;
  return x ? (wasmfx_ref)&x->obj : NULL;
}

uint64_t wasmfx_ref_host_addr(wasmfx_ref r)
{
  Ref ref = (Ref)r;
  if (ref_is_object(ref) && ref->kind == OBJ_EXTERN)
    ref = ((ExternInst *)ref)->ref;
  return ref_is_object(ref) && ref->kind == OBJ_HOST ? ((HostInst *)ref)->addr : 0;
}

/* ================================================================ Stores */

static const char *copy_string(wasmfx_store *s, const char *str)
{
  return arena_dup(&s->arena, str, strlen(str) + 1);
}

static bool bind(wasmfx_store *s, const char *name, ModuleInst *inst)
{
  Binding *b = arena_alloc(&s->arena, sizeof *b);
  const char *n = copy_string(s, name);
  void **latest = b && n ? hash_place(&s->registry, n, (uint32_t)strlen(n)) : NULL;
  if (!latest)
    return false;
  *b = (Binding){n, inst, *latest};
  *latest = b;
  return true;
}

wasmfx_store *wasmfx_store_new(unsigned flags)
{
  wasmfx_store *s = mem_calloc(1, sizeof *s);
  if (!s)
    return NULL;
  s->flags = flags;
  typestore_init(&s->types);
  arena_init(&s->arena);
  buf_init(&s->key);
  buf_init(&s->backtrace);
  buf_init(&s->step_func);
  buf_init(&s->step_instr);
  buf_init(&s->step_position);
  store_init(&s->store, &s->types, NULL, stdout);
  if (flags & WASMFX_SPECTEST) {
    ModuleInst *spectest = host_spectest(&s->store, &s->err);
    if (!spectest || !bind(s, "spectest", spectest)) {
      wasmfx_store_free(s);
      return NULL;
    }
  }
  return s;
}

void wasmfx_store_free(wasmfx_store *s)
{
  if (!usable(s))
    return;
  store_free(&s->store);
  typestore_free(&s->types);
  for (uint32_t i = 0; i < s->modules.len; i++) {
    module_free(s->modules.data[i]->module);
    mem_free(s->modules.data[i]->bytes);
  }
  mem_free(s->results);
  hash_free(&s->registry);
  hash_free(&s->host_names);
  buf_free(&s->key);
  buf_free(&s->backtrace);
  buf_free(&s->step_func);
  buf_free(&s->step_instr);
  buf_free(&s->step_position);
  arena_free(&s->arena);
  mem_free(s);
}

void wasmfx_store_set_output(wasmfx_store *s, FILE *out)
{
  if (usable(s) && out)
    s->store.out = out;
}

wasmfx_outcome wasmfx_set_limit(wasmfx_store *s, wasmfx_limit which, uint64_t value)
{
  if (!usable(s))
    return misuse(s, USAGE_SET_LIMIT);
  StoreLimits *l = &s->store.limits;
  switch (which) {
  case WASMFX_LIMIT_FUEL: l->fuel = value; return WASMFX_OK;
  case WASMFX_LIMIT_HEAP: l->heap_bytes = value; return WASMFX_OK;
  case WASMFX_LIMIT_MEMORY: l->memory_bytes = value; return WASMFX_OK;
  case WASMFX_LIMIT_TABLES: l->table_entries = value; return WASMFX_OK;
  case WASMFX_LIMIT_CODE: arena_set_limit(value); return WASMFX_OK;
  case WASMFX_LIMIT_DEPTH:
  case WASMFX_LIMIT_INSTANCES:   /* counts of 32 bits, and at least one */
    if (value == 0 || value > UINT32_MAX)
      return misuse(s, USAGE_DEPTH);
    *(which == WASMFX_LIMIT_DEPTH ? &l->call_depth : &l->instances) = (uint32_t)value;
    return WASMFX_OK;
  }
  return misuse(s, USAGE_LIMIT);
}

uint64_t wasmfx_get_limit(const wasmfx_store *s, wasmfx_limit which)
{
  if (!s)
    return 0;
  const StoreLimits *l = &s->store.limits;
  switch (which) {
  case WASMFX_LIMIT_FUEL: return l->fuel;
  case WASMFX_LIMIT_HEAP: return l->heap_bytes;
  case WASMFX_LIMIT_MEMORY: return l->memory_bytes;
  case WASMFX_LIMIT_DEPTH: return l->call_depth;
  case WASMFX_LIMIT_TABLES: return l->table_entries;
  case WASMFX_LIMIT_INSTANCES: return l->instances;
  case WASMFX_LIMIT_CODE: return arena_limit();
  }
  return 0;
}

void wasmfx_set_step_hook(wasmfx_store *s, wasmfx_step_hook *hook, void *env)
{
  if (usable(s)) {
    s->hook = hook;
    s->hook_env = env;
  }
}

/* ================================================================ Modules */

static bool is_binary(const void *bytes, size_t len)
{
  return len >= 4 && memcmp(bytes, "\0asm", 4) == 0;
}

wasmfx_outcome wasmfx_module_load(wasmfx_store *s, const char *name, const void *bytes, size_t len,
                                  wasmfx_format format, wasmfx_module **out)
{
  if (!usable(s) || !out || (!bytes && len) || (unsigned)format > WASMFX_FORMAT_BINARY)
    return misuse(s, USAGE_LOAD);
  *out = NULL;
  begin(s);
  wasmfx_module *m = arena_alloc(&s->arena, sizeof *m);
  const char *file = copy_string(s, name ? name : "module");
  if (!m || !file || !vec_push(&s->arena, &s->modules, m))
    return finish(s, false);
  m->store = s;
  m->name = (char *)file;
  if (!(m->bytes = mem_alloc(len + 1))) {
    s->modules.len--;
    return finish(s, false);
  }
  if (len)
    memcpy(m->bytes, bytes, len);
  m->bytes[len] = '\0';
  bool binary = format == WASMFX_FORMAT_BINARY || (format == WASMFX_FORMAT_AUTO && is_binary(bytes, len));
  m->module = binary ? decode_module(file, (const uint8_t *)m->bytes, len, &s->err)
                     : text_parse_module(file, m->bytes, len, &s->err);
  if (!m->module) {
    s->modules.len--;
    mem_free(m->bytes);
    return finish(s, false);
  }
  *out = m;
  return WASMFX_OK;
}

enum { FILE_MAX = 1 << 30 };

/* A whole file's bytes; NULL with s->err set (PHASE_IO) on failure. */
static char *read_file(wasmfx_store *s, const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f) {
    error_at(&s->err, PHASE_IO, (Loc){0}, "%s", strerror(errno));
    return NULL;
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = mem_alloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap || ferror(f))
      break;
    char *bigger = cap < FILE_MAX ? mem_realloc(buf, cap * 2) : NULL;
    if (!bigger)
      mem_free(buf);
    buf = bigger;
    cap *= 2;
  }
  if (!buf)
    error_at(&s->err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_FILE);
  else if (ferror(f))
    error_at(&s->err, PHASE_IO, (Loc){0}, "%s", strerror(errno));
  if (ferror(f)) {
    mem_free(buf);
    buf = NULL;
  }
  fclose(f);
  *len = n;
  return buf;
}

wasmfx_outcome wasmfx_module_load_file(wasmfx_store *s, const char *path, wasmfx_module **out)
{
  if (!usable(s) || !path || !out)
    return misuse(s, USAGE_LOAD_FILE);
  *out = NULL;
  begin(s);
  size_t len;
  char *bytes = read_file(s, path, &len);
  if (!bytes) {
    wasmfx_outcome o = finish(s, false);
    snprintf(s->position, sizeof s->position, "%s", path);
    return o;
  }
  wasmfx_outcome o = wasmfx_module_load(s, path, bytes, len, WASMFX_FORMAT_AUTO, out);
  mem_free(bytes);
  return o;
}

/* Validation, once per module. */
static bool validate(wasmfx_module *m)
{
  wasmfx_store *s = m->store;
  ValidateOptions vo = {.stack_switching = !(s->flags & WASMFX_WASM3)};
  if (!m->validated && validate_module(&s->types, m->module, &vo, &s->err))
    m->validated = true;
  return m->validated;
}

wasmfx_outcome wasmfx_module_validate(wasmfx_module *m)
{
  if (!m || !usable(m->store))
    return misuse(m ? m->store : NULL, USAGE_VALIDATE);
  begin(m->store);
  return finish(m->store, validate(m));
}

/* ================================================================ Host functions */

static wasmfx_store *store_of(Store *s)
{
  return (wasmfx_store *)((char *)s - offsetof(wasmfx_store, store));
}

/* The HostFunc of every defined function: converts the values both ways
 * and makes the program's message a trap. */
static bool call_host(Store *st, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  const HostDef *h = &store_of(st)->hosts.data[f->idx];
  const ValTypes *ps = &f->type->params, *rs = &f->type->results;
  wasmfx_value *a = mem_calloc(ps->len + 1, sizeof *a), *r = mem_calloc(rs->len + 1, sizeof *r);
  bool ok = a && r;
  if (!ok)
    error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY);
  for (uint32_t i = 0; ok && i < ps->len; i++)
    a[i] = to_api(args[i]);
  for (uint32_t i = 0; ok && i < rs->len; i++)
    r[i] = to_api(value_default(rs->data[i]));
  const char *msg = ok ? h->fn(h->env, a, r) : NULL;
  if (msg)
    ok = error_at(err, PHASE_TRAP, (Loc){0}, "%s", msg);
  for (uint32_t i = 0; ok && i < rs->len; i++)
    if (!from_api(&r[i], &results[i]) || results[i].kind != value_default(rs->data[i]).kind
        || (rs->data[i].kind == VAL_REF && !ref_matches(st, results[i].ref, rs->data[i])))
      ok = error_at(err, PHASE_TRAP, (Loc){0}, TRAP_HOST_RESULT,
                    h->module, h->name, wasmfx_kind_name(r[i].kind), i);
  mem_free(a);
  mem_free(r);
  return ok;
}

/* The deftype of a signature: the text of a function type's params and
 * results, as one module type.  NULL with s->err set if it is not one. */
static const DefType *signature_type(wasmfx_store *s, const char *signature)
{
  static const char head[] = "(type (func ", tail[] = "))";
  Buf b;
  buf_init(&b);
  buf_printf(&b, "%s%s%s", head, signature, tail);
  Error err = {0};
  Module *m = b.failed ? NULL : text_parse_module("signature", b.data, b.len, &err);
  ValidateOptions vo = {.stack_switching = !(s->flags & WASMFX_WASM3)};
  const DefType *dt = NULL;
  uint32_t bad;
  if (m && m->types.len == 1 && m->funcs.len + m->imports.len + m->exports.len == 0
      && validate_module(&s->types, m, &vo, &err)
      && typestore_intern_group(&s->types, m->types.data, 0, 1, NULL, &dt, &bad) != INTERN_OK)
    dt = NULL;
  if (dt && dt->comp.kind != COMP_FUNC)
    dt = NULL;
  module_free(m);
  buf_free(&b);
  return dt;
}

/* The key of a host function's names in host_names: its module name, a
 * NUL, its name.  A C string has no NUL of its own, so an import's names
 * with one make a key of two NULs, which matches no host function's.
 * NULL if out of memory. */
static const Buf *names_key(wasmfx_store *s, const void *module, size_t mlen, const void *name,
                            size_t nlen)
{
  if (s->key.failed)
    buf_free(&s->key);
  s->key.len = 0;
  buf_put(&s->key, module, mlen);
  buf_putc(&s->key, '\0');
  buf_put(&s->key, name, nlen);
  return s->key.failed ? NULL : &s->key;
}

wasmfx_outcome wasmfx_define_func(wasmfx_store *s, const char *module, const char *name,
                                  const char *signature, wasmfx_host_func *fn, void *env)
{
  if (!usable(s) || !module || !name || !signature || !fn)
    return misuse(s, USAGE_DEFINE_FUNC);
  begin(s);
  const DefType *dt = signature_type(s, signature);
  if (!dt)
    return misuse(s, USAGE_FUNC_TYPE);
  HostDef h = {copy_string(s, module), copy_string(s, name), NULL, fn, env};
  ModuleInst *mi = arena_alloc(&s->store.arena, sizeof *mi);
  if (!h.module || !h.name || !mi || !(h.func = store_alloc_func(&s->store, dt, mi, NULL, &s->err)))
    return finish(s, false);
  mi->name = h.module;
  h.func->host = call_host;
  h.func->idx = s->hosts.len;
  const Buf *k = names_key(s, module, strlen(module), name, strlen(name));
  char *key = k ? arena_dup(&s->arena, k->data, k->len) : NULL;
  void **latest = key ? hash_place(&s->host_names, key, (uint32_t)k->len) : NULL;
  if (!latest || !vec_push(&s->arena, &s->hosts, h))
    return finish(s, store_out_of_memory(&s->err, EXHAUSTION_HOST_MEMORY));
  *latest = h.func;
  return finish(s, true);
}

/* ================================================================ Instances */

/* The latest definition of an import's names: a host function, else an
 * export of a registered instance. */
static bool resolve(wasmfx_store *s, const Import *im, ExternVal *out)
{
  const Buf *k = names_key(s, im->module.data, im->module.len, im->name.data, im->name.len);
  FuncInst *f = k ? hash_get(&s->host_names, k->data, (uint32_t)k->len) : NULL;
  if (f) {
    *out = (ExternVal){.kind = EXTERN_FUNC, .func = f};
    return true;
  }
  for (const Binding *b = hash_get(&s->registry, im->module.data, im->module.len); b; b = b->earlier) {
    const ExportInst *x = moduleinst_export(b->inst, (const char *)im->name.data, im->name.len);
    if (x) {
      *out = x->val;
      return true;
    }
  }
  return false;
}

wasmfx_outcome wasmfx_instantiate(wasmfx_module *m, wasmfx_instance **out)
{
  if (!m || !usable(m->store) || !out)
    return misuse(m ? m->store : NULL, USAGE_INSTANTIATE);
  wasmfx_store *s = m->store;
  const Module *mod = m->module;
  *out = NULL;
  begin(s);
  if (!validate(m))
    return finish(s, false);
  ExternVal *imports = mem_calloc(mod->imports.len + 1, sizeof *imports);
  wasmfx_instance *inst = arena_alloc(&s->arena, sizeof *inst);
  bool ok = imports && inst;
  for (uint32_t i = 0; ok && i < mod->imports.len; i++) {
    const Import *im = &mod->imports.data[i];
    if (!(ok = resolve(s, im, &imports[i])))
      error_at(&s->err, PHASE_UNLINKABLE, module_loc(mod, im->at), UNLINKABLE_UNKNOWN_IMPORT,
               (int)im->module.len, (const char *)im->module.data, (int)im->name.len,
               (const char *)im->name.data);
  }
  if (ok) {
    s->busy = true;
    ok = (inst->inst = instantiate(&s->store, mod, imports, &s->backtrace, &s->err)) != NULL;
    s->busy = false;
  }
  mem_free(imports);
  if (ok) {
    inst->store = s;
    *out = inst;
  }
  return finish(s, ok);
}

wasmfx_outcome wasmfx_register(wasmfx_instance *i, const char *name)
{
  if (!i || !usable(i->store) || !name)
    return misuse(i ? i->store : NULL, USAGE_REGISTER);
  begin(i->store);
  return finish(i->store, bind(i->store, name, i->inst));
}

size_t wasmfx_export_count(const wasmfx_instance *i)
{
  return i ? i->inst->nexports : 0;
}

const char *wasmfx_export_name(const wasmfx_instance *i, size_t k)
{
  if (!i || k >= i->inst->nexports)
    return NULL;
  /* Names are not NUL-terminated in the module: each gets a copy once. */
  Name n = i->inst->exports[k].name;
  char *copy = arena_alloc(&i->store->arena, n.len + 1);
  if (copy && n.len)
    memcpy(copy, n.data, n.len);
  return copy;
}

const char *wasmfx_export_kind(const wasmfx_instance *i, size_t k)
{
  return i && k < i->inst->nexports ? externkind_name(i->inst->exports[k].val.kind) : NULL;
}

/* ================================================================ Running */

/* The export `name` of kind `kind`; NULL with s->err set if there is none. */
static const ExportInst *export_of(wasmfx_instance *i, const char *name, ExternKind kind)
{
  const ExportInst *x = moduleinst_export(i->inst, name, strlen(name));
  if (!x)
    error_at(&i->store->err, PHASE_SCRIPT, (Loc){0}, SCRIPT_API_UNKNOWN_EXPORT, name);
  else if (x->val.kind != kind)
    error_at(&i->store->err, PHASE_SCRIPT, (Loc){0}, SCRIPT_API_EXPORT_KIND, name, externkind_name(kind));
  return x && x->val.kind == kind ? x : NULL;
}

/* Room for n results. */
static bool reserve_results(wasmfx_store *s, uint32_t n)
{
  if (n <= s->cresults)
    return true;
  Value *grown = mem_realloc(s->results, n * sizeof *grown);
  if (!grown)
    return false;
  s->results = grown;
  s->cresults = n;
  return true;
}

/* The step hook's view of the machine before a reduction; false if the
 * hook stops the run. */
static bool step_hook(void *ctx, const Machine *M, Error *err)
{
  wasmfx_store *s = ctx;
  EvalView v;
  eval_view(M, &v);
  s->step_func.len = s->step_instr.len = s->step_position.len = 0;
  if (v.func)
    funcinst_print_name(&s->step_func, v.func);
  else
    buf_puts(&s->step_func, "constant expression");
  text_print_instr(&s->step_instr, v.instr);
  if (v.located) {
    char where[ERROR_MESSAGE_MAX];
    loc_format(where, sizeof where, v.at);
    buf_puts(&s->step_position, where);
  }
  buf_putc(&s->step_func, '\0');
  buf_putc(&s->step_instr, '\0');
  buf_putc(&s->step_position, '\0');
  if (s->step_func.failed || s->step_instr.failed || s->step_position.failed)
    return error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY);
  wasmfx_step step = {v.depth, s->step_func.data, s->step_instr.data, s->step_position.data};
  if (!s->hook(s->hook_env, &step))
    return error_at(err, PHASE_FUEL, (Loc){0}, FUEL_STEP_HOOK);
  return true;
}

/* The arguments, checked against the parameter types as a script's are;
 * false with s->err set if they do not fit. */
static bool take_args(wasmfx_store *s, const FuncType *ft, const wasmfx_value *args, size_t nargs,
                      Value *out)
{
  if (nargs != ft->params.len)
    return error_at(&s->err, PHASE_SCRIPT, (Loc){0}, SCRIPT_API_ARG_COUNT, nargs,
                    ft->params.len);
  for (uint32_t i = 0; i < ft->params.len; i++) {
    ValType t = ft->params.data[i];
    if (!from_api(&args[i], &out[i]) || out[i].kind != t.kind
        || (t.kind == VAL_REF && !ref_matches(&s->store, out[i].ref, t)))
      return error_at(&s->err, PHASE_SCRIPT, (Loc){0}, SCRIPT_ARG_TYPE, i + 1);
  }
  return true;
}

wasmfx_outcome wasmfx_invoke(wasmfx_instance *i, const char *name, const wasmfx_value *args,
                             size_t nargs)
{
  if (!i || !usable(i->store) || !name || (!args && nargs))
    return misuse(i ? i->store : NULL, USAGE_INVOKE);
  wasmfx_store *s = i->store;
  begin(s);
  const ExportInst *x = export_of(i, name, EXTERN_FUNC);
  if (!x)
    return finish(s, false);
  FuncInst *f = x->val.func;
  Value *vals = mem_calloc(nargs + 1, sizeof *vals);
  bool ok = vals && reserve_results(s, f->type->results.len) && take_args(s, f->type, args, nargs, vals);
  if (ok) {
    s->busy = true;
    ok = s->hook ? eval_invoke_stepped(&s->store, f, vals, s->results, &s->backtrace, step_hook, s,
                                       &s->err)
                 : eval_invoke(&s->store, f, vals, s->results, &s->backtrace, &s->err);
    s->busy = false;
  }
  mem_free(vals);
  if (ok)
    s->nresults = f->type->results.len;
  return finish(s, ok);
}

wasmfx_outcome wasmfx_get(wasmfx_instance *i, const char *name)
{
  if (!i || !usable(i->store) || !name)
    return misuse(i ? i->store : NULL, USAGE_GET);
  wasmfx_store *s = i->store;
  begin(s);
  const ExportInst *x = export_of(i, name, EXTERN_GLOBAL);
  if (!x || !reserve_results(s, 1))
    return finish(s, false);
  s->results[0] = x->val.global->value;
  s->nresults = 1;
  return WASMFX_OK;
}

size_t wasmfx_result_count(const wasmfx_store *s)
{
  return s ? s->nresults : 0;
}

wasmfx_value wasmfx_result(const wasmfx_store *s, size_t k)
{
  if (!s || k >= s->nresults)
    return (wasmfx_value){.kind = WASMFX_REF};   /* ref.null */
  return to_api(s->results[k]);
}
