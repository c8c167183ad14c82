/* The fuzzing-support host module (Binaryen's scripts/fuzz_shell.js, and
 * LoggingExternalInterface in src/tools/execution-results.h, whose log
 * `wasm-opt --fuzz-exec` writes).  A JS exception of the harness is here a
 * Wasm exception of the `jstag` tag carrying an externref of payload
 * FUZZING_JS_ERROR, which is what Binaryen's interpreter makes of it. */

#include "interp/fuzzing.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/eval.h"
#include "interp/host.h"
#include "interp/messages.h"
#include "util/mem.h"

/* The host's instance comes first, so that a host function finds the host
 * from its FuncInst's module. */
struct FuzzingHost {
  ModuleInst inst;
  TagInst *wasm_tag;     /* "wasmtag": (param i32), thrown by `throw` with a non-zero argument */
  TagInst *js_tag;       /* "jstag": (param externref), a JS exception */
  ModuleInst *target;    /* whose exports the host uses; NULL while it starts */
  Store *store;
  FuzzingLog *log;       /* where log lines go; NULL: the store's output */
  void *log_env;
};

/* The host a function of it belongs to. */
static FuzzingHost *host_of(const FuncInst *f)
{
  return (FuzzingHost *)f->module;
}

/* ================================================================ Printing */

enum { NUM_TEXT = 512 };   /* room for %.0f of the largest double, and more */

/* One rendering of a positive finite double, fixed-point or in exponent
 * notation: for a fraction, with the fewest digits after the point (up to
 * 18) that read back exactly; for an integer, all its digits (up to 2^64,
 * saturated there), else %.0f or %e.  Returns how far what it wrote reads
 * back from d. */
static double render(char *out, double d, bool exponent, bool integer)
{
  if (integer && d <= 18446744073709551615.0) {   /* that constant is 2^64 */
    unsigned long long u = d < 18446744073709551615.0 ? (unsigned long long)d : UINT64_MAX;
    snprintf(out, NUM_TEXT, "%llu", u);
  } else if (integer) {
    snprintf(out, NUM_TEXT, exponent ? "%e" : "%.0f", d);
  } else {
    for (int digits = 0; digits <= 18; digits++) {
      snprintf(out, NUM_TEXT, exponent ? "%.*e" : "%.*f", digits, d);
      if (strtod(out, NULL) == d)
        break;
    }
  }
  return fabs(strtod(out, NULL) - d);
}

/* Removes the character at p. */
static void cut(char *p)
{
  memmove(p, p + 1, strlen(p + 1) + 1);
}

/* Binaryen shortens a rendering: with a point, no zeros end the digits
 * after it, and none begin the number (0.5 is .5); an integer's trailing
 * zeros, three or more, become an exponent (12345000 is 12345e3), and so
 * do the digits past the 25th, which a double cannot hold anyway. */
static void shorten(char *s, bool exponent, bool integer)
{
  char *dot = strchr(s, '.');
  if (dot) {
    char *last = dot + 1;
    while (*last >= '0' && *last <= '9')
      last++;
    for (last--; *last == '0'; last--)
      cut(last);
    while (*s == '0')
      cut(s);
  } else if (!integer || !exponent) {
    char *end = s + strlen(s) - 1, *t = end;
    while ((*t == '0' || t - s > 24) && t > s)
      t--;
    long zeros = end - t;
    if (zeros >= 3)
      snprintf(t + 1, NUM_TEXT - (size_t)(t + 1 - s), "e%ld", zeros);
  }
}

/* A finite double as Binaryen's number printer writes it: of the fixed and
 * the exponent rendering, the one that reads back closer, or, if both are
 * exact, the shorter (the fixed one on a tie); a leading point gets a 0. */
static void print_finite(Buf *b, double d)
{
  char fixed[NUM_TEXT], expo[NUM_TEXT];
  bool neg = d < 0;
  d = fabs(d);
  bool integer = trunc(d) == d;
  double err_f = render(fixed, d, false, integer), err_e = render(expo, d, true, integer);
  shorten(fixed, false, integer);
  shorten(expo, true, integer);
  const char *text = err_e == err_f ? (strlen(expo) < strlen(fixed) ? expo : fixed)
                                    : (err_e < err_f ? expo : fixed);
  buf_printf(b, "%s%s%s", neg ? "-" : "", text[0] == '.' ? "0" : "", text);
}

/* A float of `mant` mantissa bits, from its bits: nan:0xPAYLOAD (the whole
 * mantissa), inf, -0, or the number. */
static void print_float(Buf *b, uint64_t bits, unsigned mant, double d)
{
  uint64_t payload = bits & (((uint64_t)1 << mant) - 1);
  bool sign = bits >> (mant == 23 ? 31 : 63);
  if (isnan(d))
    buf_printf(b, "%snan:0x%" PRIx64, sign ? "-" : "", payload);
  else if (isinf(d))
    buf_puts(b, sign ? "-inf" : "inf");
  else if (d == 0)
    buf_puts(b, sign ? "-0" : "0");
  else
    print_finite(b, d);
}

/* A reference as JS sees it: an externref made of an internal reference
 * is that reference again. */
static void print_ref(Buf *b, Ref r)
{
  if (ref_is_object(r) && r->kind == OBJ_EXTERN) {
    Ref in = ((ExternInst *)r)->ref;
    if (ref_is_object(in) && in->kind == OBJ_HOST) {
      uint64_t payload = ((HostInst *)in)->addr;
      if (payload == FUZZING_JS_ERROR)
        buf_puts(b, "jserror");
      else
        buf_printf(b, "externref(%" PRIu64 ")", payload);
      return;
    }
    r = in;
  }
  if (!r)
    buf_puts(b, "null");
  else if (ref_is_i31(r))
    buf_printf(b, "i31ref(%" PRId32 ")", (int32_t)(ref_i31_value(r) << 1) >> 1);
  else if (r->kind == OBJ_FUNC)
    buf_puts(b, "function");
  else
    buf_puts(b, "object(null)");   /* no JS prototype: no custom descriptors here */
}

void fuzzing_print_value(Buf *b, Value v)
{
  float f;
  double d;
  switch (v.kind) {
  case VAL_I32: buf_printf(b, "%" PRId32, (int32_t)v.i32); break;
  case VAL_I64: buf_printf(b, "%" PRId64, (int64_t)v.i64); break;
  case VAL_F32: memcpy(&f, &v.f32, 4); print_float(b, v.f32, 23, f); break;
  case VAL_F64: memcpy(&d, &v.f64, 8); print_float(b, v.f64, 52, d); break;
  case VAL_V128: {
    uint32_t lane[4];
    memcpy(lane, v.v128.i8, 16);
    buf_printf(b, "i32x4 0x%08" PRIx32 " 0x%08" PRIx32 " 0x%08" PRIx32 " 0x%08" PRIx32, lane[0],
               lane[1], lane[2], lane[3]);
    break;
  }
  default: print_ref(b, v.ref); break;
  }
}

/* ================================================================ Exceptions */

/* Throws a Wasm exception of a tag with one field: the host function
 * fails, and the machine throws it at the call. */
static bool throw_one(Store *s, TagInst *tag, Value field, Error *err)
{
  ExnInst *exn = store_alloc_exn(s, tag, 1);
  if (!exn)
    return store_out_of_memory(err, EXHAUSTION_HEAP_FULL);
  exn->fields[0] = field;
  s->exn = exn;
  return error_at(err, PHASE_EXCEPTION, (Loc){0}, EXCEPTION_UNHANDLED);
}

/* A JS exception (an error in the harness, or `throw` of 0): jstag's,
 * carrying the externref that logs print as jserror. */
static bool throw_js(Store *s, const FuzzingHost *h, Error *err)
{
  HostInst *payload = store_host(s, FUZZING_JS_ERROR);
  ExternInst *x = payload ? store_alloc_extern(s, &payload->obj) : NULL;
  if (!x)
    return store_out_of_memory(err, EXHAUSTION_HEAP_FULL);
  return throw_one(s, h->js_tag, value_ref(&x->obj), err);
}

/* ================================================================ Functions */

/* log-i32, log-f64, log-anyref …: one line, each argument printed; an i64
 * as two i32s, its low and its high half, as JS legalisation passes it. */
static bool log_values(Store *s, const FuncInst *f, const Value *args, Value *results, const char *what)
{
  Buf b;
  buf_init(&b);
  buf_printf(&b, "[LoggingExternalInterface %s", what);
  for (uint32_t i = 0; i < f->type->params.len; i++) {
    buf_putc(&b, ' ');
    if (args[i].kind == VAL_I64)
      buf_printf(&b, "%" PRId32 " %" PRId32, (int32_t)args[i].i64, (int32_t)(args[i].i64 >> 32));
    else
      fuzzing_print_value(&b, args[i]);
  }
  buf_putc(&b, ']');
  const FuzzingHost *h = host_of(f);
  if (b.failed)
    ;   /* out of memory: the line is lost, not the run */
  else if (h->log)
    h->log(h->log_env, b.data, b.len);
  else
    fprintf(s->out, "%.*s\n", (int)b.len, b.data);
  buf_free(&b);
  for (uint32_t i = 0; i < f->type->results.len; i++)   /* log-branch returns its first argument */
    results[i] = i < f->type->params.len && args[i].kind == f->type->results.data[i].kind
                     ? args[i] : value_default(f->type->results.data[i]);
  return true;
}

/* log-*: logs its arguments */
static bool fz_log(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)err;
  return log_values(s, f, args, results, "logging");
}

/* log-branch: logs its arguments as a branch's, returns the first */
static bool fz_log_branch(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)err;
  return log_values(s, f, args, results, "log-branch");
}

/* throw(which): a JS exception for 0, else a Wasm exception of wasmtag
 * carrying `which` */
static bool fz_throw(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)results;
  const FuzzingHost *h = host_of(f);
  if (args[0].i32 == 0)
    return throw_js(s, h, err);
  return throw_one(s, h->wasm_tag, value_i32(args[0].i32), err);
}

/* The target's export "table" and an index in it (unsigned); NULL if the
 * harness has none, or the index is out of bounds (JS throws). */
static TableInst *exported_table(const FuzzingHost *h, uint32_t index)
{
  const ExportInst *x = h->target ? moduleinst_export(h->target, "table", 5) : NULL;
  if (!x || x->val.kind != EXTERN_TABLE || index >= x->val.table->type.limits.min)
    return NULL;
  return x->val.table;
}

/* table-get(index): the element of the exported table */
static bool fz_table_get(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  const FuzzingHost *h = host_of(f);
  TableInst *t = exported_table(h, args[0].i32);
  if (!t || !ref_matches(s, t->refs[args[0].i32], f->type->results.data[0]))
    return throw_js(s, h, err);
  results[0] = value_ref(t->refs[args[0].i32]);
  return true;
}

/* table-set(index, value): sets the element of the exported table */
static bool fz_table_set(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)results;
  const FuzzingHost *h = host_of(f);
  TableInst *t = exported_table(h, args[0].i32);
  if (!t || !ref_matches(s, args[1].ref, t->type.elem))
    return throw_js(s, h, err);
  t->refs[args[0].i32] = args[1].ref;
  table_written(t, (uint64_t)args[0].i32 + 1);
  return true;
}

/* Whether JS cannot pass a value of this type across its boundary: v128,
 * and references to exceptions and continuations. */
static bool js_opaque(const Store *s, ValType t)
{
  if (t.kind == VAL_V128)
    return true;
  HeapKind top = t.kind == VAL_REF ? heaptype_top(s->types, t) : HEAP_ANY;
  return t.kind == VAL_REF && (top == HEAP_EXN || top == HEAP_CONT);
}

/* Calls a function as the harness calls it from JS (callFunctionAsJS): a
 * zero (JS null) for each parameter, which JS cannot convert to an i64, a
 * non-nullable reference, or an opaque value, nor can it take an opaque
 * result back — those throw before the call.  A suspension that reaches
 * JS traps.  Other failures of the call pass through with their phase; an
 * exception it throws is left in s->exn with PHASE_EXCEPTION. */
static bool call_as_js(Store *s, const FuzzingHost *h, FuncInst *callee, Error *err)
{
  const FuncType *ft = callee->type;
  for (uint32_t i = 0; i < ft->params.len; i++) {
    ValType t = ft->params.data[i];
    if (t.kind == VAL_I64 || js_opaque(s, t) || !valtype_defaultable(t))
      return throw_js(s, h, err);
  }
  for (uint32_t i = 0; i < ft->results.len; i++)
    if (js_opaque(s, ft->results.data[i]))
      return throw_js(s, h, err);
  /* as many arguments and results as the function has: the spec sets no limit */
  Value *args = mem_calloc(ft->params.len + ft->results.len + 1, sizeof *args);
  if (!args)
    return store_out_of_memory(err, EXHAUSTION_HOST_MEMORY);
  for (uint32_t i = 0; i < ft->params.len; i++)
    args[i] = value_default(ft->params.data[i]);
  bool ok = eval_invoke(s, callee, args, args + ft->params.len, NULL, err);   /* the caller's backtrace will do */
  mem_free(args);
  if (ok)
    return true;
  if (err->phase == PHASE_SUSPENSION) {
    error_clear(err);
    return error_at(err, PHASE_TRAP, (Loc){0}, TRAP_SUSPEND_THROUGH_JS);
  }
  return false;
}

/* The function the target exports at this index of its exports; NULL if
 * there is none (JS finds undefined, which it cannot call). */
static FuncInst *exported_func(const FuzzingHost *h, uint32_t index)
{
  if (!h->target || index >= h->target->nexports)
    return NULL;
  const ExternVal *v = &h->target->exports[index].val;
  return v->kind == EXTERN_FUNC ? v->func : NULL;
}

/* Catches what call_as_js throws: 1 if it threw, 0 if it returned. */
static bool catching(Store *s, bool ok, Value *result, Error *err)
{
  if (!ok && err->phase == PHASE_EXCEPTION) {
    s->exn = NULL;
    error_clear(err);
    *result = value_i32(1);
    return true;
  }
  *result = value_i32(0);
  return ok;
}

/* call-export(index, flags): calls an export, its exceptions go on (the
 * flags only say whether JS catches and rethrows them: the same) */
static bool fz_call_export(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)results;
  const FuzzingHost *h = host_of(f);
  FuncInst *callee = exported_func(h, args[0].i32);
  return callee ? call_as_js(s, h, callee, err) : throw_js(s, h, err);
}

/* call-export-catch(index): calls an export, 1 if it threw */
static bool fz_call_export_catch(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  const FuzzingHost *h = host_of(f);
  FuncInst *callee = exported_func(h, args[0].i32);
  return catching(s, callee ? call_as_js(s, h, callee, err) : throw_js(s, h, err), results, err);
}

/* The function a reference is, or NULL (null cannot be called). */
static FuncInst *ref_func(Ref r)
{
  return ref_is_object(r) && r->kind == OBJ_FUNC ? (FuncInst *)r : NULL;
}

/* call-ref(ref, flags): calls a function reference */
static bool fz_call_ref(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)results;
  const FuzzingHost *h = host_of(f);
  FuncInst *callee = ref_func(args[0].ref);
  return callee ? call_as_js(s, h, callee, err) : throw_js(s, h, err);
}

/* call-ref-catch(ref): calls a function reference, 1 if it threw */
static bool fz_call_ref_catch(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  const FuzzingHost *h = host_of(f);
  FuncInst *callee = ref_func(args[0].ref);
  return catching(s, callee ? call_as_js(s, h, callee, err) : throw_js(s, h, err), results, err);
}

/* sleep(ms, id): returns id at once (no JSPI here) */
static bool fz_sleep(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)s;
  (void)f;
  (void)err;
  results[0] = args[1];
  return true;
}

/* The functions by name; "log" names any log function by its prefix. */
static const struct {
  const char *name;
  HostFunc *fn;
} funcs[] = {
  {"log-branch", fz_log_branch}, {"log", fz_log}, {"throw", fz_throw},
  {"table-get", fz_table_get}, {"table-set", fz_table_set},
  {"call-export-catch", fz_call_export_catch}, {"call-export", fz_call_export},
  {"call-ref-catch", fz_call_ref_catch}, {"call-ref", fz_call_ref}, {"sleep", fz_sleep},
};

/* The host function an import of fuzzing-support names, NULL if none:
 * log functions by their prefix, as Binaryen finds them. */
static HostFunc *func_named(const Name *n)
{
  for (size_t i = 0; i < sizeof funcs / sizeof funcs[0]; i++) {
    size_t len = strlen(funcs[i].name);
    bool prefix = strcmp(funcs[i].name, "log") == 0;
    if ((prefix ? n->len >= len : n->len == len) && memcmp(n->data, funcs[i].name, len) == 0)
      return funcs[i].fn;
  }
  return NULL;
}

/* Whether a function type has the parameters a host function reads and
 * the results it writes: Binaryen's fuzzer declares each import once, so
 * another type is a module that did not come from it. */
static bool func_fits(const FuncType *ft, HostFunc *fn)
{
  const ValTypes *p = &ft->params, *r = &ft->results;
  bool ref0 = p->len >= 1 && p->data[0].kind == VAL_REF;
  if (fn == fz_log || fn == fz_log_branch)
    return true;
  if (fn == fz_throw)
    return p->len == 1 && p->data[0].kind == VAL_I32 && r->len == 0;
  if (fn == fz_table_get)
    return p->len == 1 && p->data[0].kind == VAL_I32 && r->len == 1 && r->data[0].kind == VAL_REF;
  if (fn == fz_table_set)
    return p->len == 2 && p->data[0].kind == VAL_I32 && p->data[1].kind == VAL_REF && r->len == 0;
  if (fn == fz_call_export)
    return p->len == 2 && p->data[0].kind == VAL_I32 && r->len == 0;
  if (fn == fz_call_export_catch)
    return p->len == 1 && p->data[0].kind == VAL_I32 && r->len == 1 && r->data[0].kind == VAL_I32;
  if (fn == fz_call_ref)
    return p->len == 2 && ref0 && r->len == 0;
  if (fn == fz_call_ref_catch)
    return p->len == 1 && ref0 && r->len == 1 && r->data[0].kind == VAL_I32;
  return p->len == 2 && r->len == 1 && r->data[0].kind == p->data[1].kind;   /* sleep */
}

/* ================================================================ The host */

/* Whether an import's name is s. */
static bool is_name(const Name *n, const char *s)
{
  return n->len == strlen(s) && memcmp(n->data, s, n->len) == 0;
}

/* The payload of the externref the harness makes for an imported global:
 * the sum of the bytes of both names, modulo 251. */
static uint64_t global_payload(const Import *im)
{
  uint64_t sum = 0;
  for (uint32_t i = 0; i < im->module.len; i++)
    sum = (sum + im->module.data[i]) % 251;
  for (uint32_t i = 0; i < im->name.len; i++)
    sum = (sum + im->name.data[i]) % 251;
  return sum;
}

/* An immutable externref global the harness makes up for any import. */
static bool extern_global(Store *s, const DefType *const *types, const Import *im, ExternVal *out, Error *err)
{
  GlobalType gt = im->type.global;
  gt.type = valtype_close(gt.type, types);
  if (gt.mut || gt.type.kind != VAL_REF || gt.type.heap != HEAP_EXTERN)
    return false;
  HostInst *payload = store_host(s, global_payload(im));
  ExternInst *x = payload ? store_alloc_extern(s, &payload->obj) : NULL;
  GlobalInst *g = x ? store_alloc_global(s, gt, value_ref(&x->obj), err) : NULL;
  if (!x)
    store_out_of_memory(err, EXHAUSTION_HEAP_FULL);
  *out = (ExternVal){.kind = EXTERN_GLOBAL, .global = g};
  return g != NULL;
}

bool fuzzing_import(FuzzingHost *h, const DefType *const *types, const Import *im, ExternVal *out,
                    Error *err)
{
  Store *s = h->store;
  ExternType t = im->type;
  if (t.kind == EXTERN_GLOBAL)
    return extern_global(s, types, im, out, err);
  if (!is_name(&im->module, "fuzzing-support"))
    return false;
  if (t.kind == EXTERN_TAG) {
    TagInst *tag = is_name(&im->name, "wasmtag") ? h->wasm_tag : is_name(&im->name, "jstag") ? h->js_tag : NULL;
    *out = (ExternVal){.kind = EXTERN_TAG, .tag = tag};
    return tag != NULL;
  }
  HostFunc *fn = t.kind == EXTERN_FUNC ? func_named(&im->name) : NULL;
  if (!fn || types[t.type]->comp.kind != COMP_FUNC || !func_fits(&types[t.type]->comp.func, fn))
    return false;
  FuncInst *f = store_alloc_func(s, types[t.type], &h->inst, NULL, err);
  if (f)
    f->host = fn;
  *out = (ExternVal){.kind = EXTERN_FUNC, .func = f};
  return f != NULL;
}

void fuzzing_set_log(FuzzingHost *h, FuzzingLog *log, void *env)
{
  h->log = log;
  h->log_env = env;
}

void fuzzing_set_target(FuzzingHost *h, ModuleInst *target)
{
  h->target = target;
}

const char *fuzzing_tag_name(const FuzzingHost *h, const TagInst *tag)
{
  return tag == h->wasm_tag ? "imported-wasm-tag" : tag == h->js_tag ? "imported-js-tag" : NULL;
}

/* The type of a tag with one parameter. */
static TagInst *tag_of(Store *s, ValType param, Error *err)
{
  const DefType *dt = host_functype(s, &param, 1);
  if (!dt) {
    store_out_of_memory(err, EXHAUSTION_HOST_MEMORY);
    return NULL;
  }
  return store_alloc_tag(s, dt, err);
}

FuzzingHost *fuzzing_new(Store *s, Error *err)
{
  FuzzingHost *h = arena_alloc(&s->arena, sizeof *h);
  if (!h) {
    store_out_of_memory(err, EXHAUSTION_HOST_MEMORY);
    return NULL;
  }
  memset(h, 0, sizeof *h);
  h->store = s;
  h->inst.name = "fuzzing-support";
  h->wasm_tag = tag_of(s, valtype_num(VAL_I32), err);
  h->js_tag = h->wasm_tag ? tag_of(s, valtype_ref(true, HEAP_EXTERN, 0), err) : NULL;
  return h->js_tag ? h : NULL;
}
