/* Converting a script to JavaScript (doc/js.md).  Each command becomes one
 * call of the harness (script/js_harness.js) with the command's position;
 * modules are embedded as binaries.  An action whose arguments or results
 * JavaScript cannot carry exactly (f32 and f64 NaN payloads, v128, exnref,
 * continuations, GC references whose kind a pattern names) runs through a
 * wrapper module made here, one per export: it imports the export with
 * the subject module's own types, takes the arguments in forms JS can pass
 * (bits for floats, two halves for a v128), rebuilds them inside Wasm, and
 * returns each result in a form JS can hold, which the harness then
 * matches against the patterns. */

#include "script/js.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "binary/binary.h"
#include "text/text.h"
#include "util/hash.h"
#include "util/mem.h"
#include "util/messages.h"
#include "util/utf8.h"

/* The harness, one string per line of script/js_harness.js. */
static const char *const harness[] = {
#include "script/js_harness.inc"
};

/* The spectest module (script-format-README.md, "Spectest host module"),
 * in Wasm so that imports of it type-check as in the interpreter; the
 * print functions are the harness's. */
static const char spectest_text[] =
  "(module"
  " (func (export \"print\") (import \"h\" \"print\"))"
  " (func (export \"print_i32\") (import \"h\" \"print_i32\") (param i32))"
  " (func (export \"print_i64\") (import \"h\" \"print_i64\") (param i64))"
  " (func (export \"print_f32\") (import \"h\" \"print_f32\") (param f32))"
  " (func (export \"print_f64\") (import \"h\" \"print_f64\") (param f64))"
  " (func (export \"print_i32_f32\") (import \"h\" \"print_i32_f32\") (param i32 f32))"
  " (func (export \"print_f64_f64\") (import \"h\" \"print_f64_f64\") (param f64 f64))"
  " (global (export \"global_i32\") i32 (i32.const 666))"
  " (global (export \"global_i64\") i64 (i64.const 666))"
  " (global (export \"global_f32\") f32 (f32.const 666.6))"
  " (global (export \"global_f64\") f64 (f64.const 666.6))"
  " (table (export \"table\") 10 20 funcref)"
  " (table (export \"table64\") i64 10 20 funcref)"
  " (memory (export \"memory\") 1 2))";

/* How a value crosses into JS: its number type, or its reference
 * hierarchy (the harness's `kinds`). */
typedef enum Kind { K_I32, K_I64, K_F32, K_F64, K_V128, K_ANY, K_FUNC, K_EXTERN, K_EXN, K_CONT } Kind;

static const char *const kind_names[] = {"i32", "i64", "f32", "f64", "v128", "any", "func", "extern", "exn", "cont"};

/* A name the script binds to the module it converted there (NULL if that
 * module could not be read). */
typedef struct Bound {
  Name name;
  const Module *m;
} Bound;

typedef struct Converter {
  Buf *out;
  const Script *s;           /* the script of the command being converted */
  const char *name;          /* the file written, where a command has no script */
  Arena arena;
  VEC(Bound) instances;      /* module $id, module instance $id */
  VEC(Bound) definitions;    /* module definition $id */
  VEC(Module *) owned;       /* modules decoded or parsed here */
  uint32_t wrappers;         /* W0, W1, … written */
  Hash found;                /* keys (see key): a module's exports, and the wrappers written */
  Hash indexed;              /* a module's address -> the module, once its exports are in found */
  Buf key;
  const Module *current;     /* the most recent instance's module */
  const char *why;           /* why `current` is NULL */
} Converter;

/* ================================================================ JS text */

/* A JS string of bytes, one char code per byte (the harness's bytes()). */
static void put_js_bytes(Buf *out, const uint8_t *p, size_t n)
{
  buf_putc(out, '"');
  for (size_t i = 0; i < n; i++) {
    uint8_t c = p[i];
    if (c == '"' || c == '\\')
      buf_printf(out, "\\%c", c);
    else if (c >= 0x20 && c < 0x7f)
      buf_putc(out, (char)c);
    else
      buf_printf(out, "\\x%02x", c);
  }
  buf_putc(out, '"');
}

/* A JS string of a name's characters (names are UTF-8; a malformed byte
 * becomes U+FFFD, which no valid module's export can be named). */
static void put_js_name(Buf *out, Name name)
{
  buf_putc(out, '"');
  for (uint32_t i = 0; i < name.len;) {
    uint32_t cp;
    size_t n = utf8_decode(name.data + i, name.len - i, &cp);
    if (n == 0) {
      cp = 0xfffd;
      n = 1;
    }
    if (cp == '"' || cp == '\\')
      buf_printf(out, "\\%c", (char)cp);
    else if (cp >= 0x20 && cp < 0x7f)
      buf_putc(out, (char)cp);
    else
      buf_printf(out, "\\u{%" PRIx32 "}", cp);
    i += (uint32_t)n;
  }
  buf_putc(out, '"');
}

/* $id as a JS string, or null when absent */
static void put_js_id(Buf *out, Name id)
{
  if (id.len)
    put_js_name(out, id);
  else
    buf_puts(out, "null");
}

static void put_js_string(Buf *out, const char *s)
{
  put_js_name(out, (Name){(uint8_t *)s, (uint32_t)strlen(s)});
}

/* The start of a command's call: `name("file:line:col", ` */
static void begin_call(Converter *z, const char *name, uint32_t at)
{
  char where[ERROR_MESSAGE_MAX];
  loc_format(where, sizeof where, z->s ? script_loc(z->s, at) : (Loc){z->name, 0, at});
  buf_printf(z->out, "%s(", name);
  put_js_string(z->out, where);
  buf_puts(z->out, ", ");
}

/* skip(loc, why): a command the engine cannot be asked about */
static void put_skip(Converter *z, uint32_t at, const char *why)
{
  begin_call(z, "skip", at);
  put_js_string(z->out, why);
  buf_puts(z->out, ");\n");
}

/* ================================================================ Modules */

/* The module of a script module: a text module as parsed, a binary one
 * decoded, a quoted one parsed now.  NULL with err set if that fails. */
static const Module *read_module(Converter *z, const ScriptModule *sm, Error *err)
{
  error_clear(err);
  if (sm->kind == SMOD_TEXT)
    return sm->module;
  Module *m = sm->kind == SMOD_BINARY
                  ? decode_module(z->s ? z->s->file : z->name, sm->bytes.data, sm->bytes.len, err)
                  : text_parse_module(z->s ? z->s->file : z->name, (const char *)sm->bytes.data, sm->bytes.len, err);
  if (m && !vec_push(&z->arena, &z->owned, m)) {
    module_free(m);
    error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY);
    return NULL;
  }
  return m;
}

/* A module's binary as a JS string: a binary module's own bytes, the
 * encoding of any other. */
static void put_module_bytes(Converter *z, const ScriptModule *sm, const Module *m)
{
  if (sm->kind == SMOD_BINARY) {
    put_js_bytes(z->out, sm->bytes.data, sm->bytes.len);
    return;
  }
  Buf b;
  buf_init(&b);
  encode_module(&b, m);
  z->out->failed |= b.failed;
  put_js_bytes(z->out, (const uint8_t *)b.data, b.len);
  buf_free(&b);
}

static void bind(Converter *z, void *list, Name name, const Module *m)
{
  VEC(Bound) *l = list;
  if (!vec_push(&z->arena, l, ((Bound){name, m})))
    z->out->failed = true;
}

/* The latest binding of a name, as the runner looks names up. */
static const Bound *lookup(const void *list, Name name)
{
  const VEC(Bound) *l = list;
  for (uint32_t i = l->len; i-- > 0;)
    if (l->data[i].name.len == name.len
        && (name.len == 0 || memcmp(l->data[i].name.data, name.data, name.len) == 0))
      return &l->data[i];
  return NULL;
}

/* module: load(loc, id, bytes), or define(…) for a definition */
static void convert_module(Converter *z, const Command *c)
{
  const ScriptModule *sm = &c->module;
  Error err;
  const Module *m = read_module(z, sm, &err);
  if (!m && sm->kind == SMOD_QUOTE) {
    /* A text error: the interpreter stops here, and so does the script. */
    begin_call(z, "fail", c->at);
    buf_puts(z->out, "'malformed module: ' + ");
    put_js_string(z->out, err.message);
    buf_puts(z->out, ");\n");
  } else {
    begin_call(z, sm->definition ? "define" : "load", c->at);
    put_js_id(z->out, sm->id);
    buf_puts(z->out, ", ");
    put_module_bytes(z, sm, m);
    buf_puts(z->out, ");\n");
  }
  if (sm->definition) {
    bind(z, &z->definitions, sm->id, m);
    return;
  }
  z->current = m;
  z->why = m ? NULL : "the converter could not read the module it names";
  if (sm->id.len)
    bind(z, &z->instances, sm->id, m);
}

/* (module instance $id? $def?) */
static void convert_instance(Converter *z, const Command *c)
{
  const Bound *d = lookup(&z->definitions, c->id2);
  begin_call(z, "instantiate", c->at);
  put_js_id(z->out, c->id);
  buf_puts(z->out, ", ");
  put_js_id(z->out, c->id2);
  buf_puts(z->out, ");\n");
  z->current = d ? d->m : NULL;
  z->why = d ? (d->m ? NULL : "the converter could not read the module it names") : "no such module definition";
  if (c->id.len)
    bind(z, &z->instances, c->id, z->current);
}

/* (register "name" $id?) */
static void convert_register(Converter *z, const Command *c)
{
  begin_call(z, "register", c->at);
  put_js_name(z->out, c->name);
  buf_puts(z->out, ", ");
  put_js_id(z->out, c->id);
  buf_puts(z->out, ");\n");
}

/* ================================================================ Types */

/* The hierarchy of a reference type, or the kind of a number or vector. */
static Kind kind_of(const Module *m, ValType t)
{
  switch (t.kind) {
  case VAL_I32: return K_I32;
  case VAL_I64: return K_I64;
  case VAL_F32: return K_F32;
  case VAL_F64: return K_F64;
  case VAL_V128: return K_V128;
  default: break;
  }
  switch (t.heap) {
  case HEAP_FUNC: case HEAP_NOFUNC: return K_FUNC;
  case HEAP_EXTERN: case HEAP_NOEXTERN: return K_EXTERN;
  case HEAP_EXN: case HEAP_NOEXN: return K_EXN;
  case HEAP_CONT: case HEAP_NOCONT: return K_CONT;
  case HEAP_IDX:
    if (t.idx < m->types.len) {
      CompKind c = m->types.data[t.idx].comp.kind;
      return c == COMP_FUNC ? K_FUNC : c == COMP_CONT ? K_CONT : K_ANY;
    }
    return K_ANY;
  default: return K_ANY;
  }
}

/* The hierarchy of an abstract heap type in a (ref.null ht) pattern. */
static const char *heap_hierarchy(HeapKind h)
{
  switch (h) {
  case HEAP_FUNC: case HEAP_NOFUNC: return "func";
  case HEAP_EXTERN: case HEAP_NOEXTERN: return "extern";
  case HEAP_EXN: case HEAP_NOEXN: return "exn";
  case HEAP_CONT: case HEAP_NOCONT: return "cont";
  case HEAP_IDX: case HEAP_DEF: case HEAP_REC: case HEAP_BOT: return NULL;
  default: return "any";
  }
}

/* Values of these kinds pass through the JS API unchanged. */
static bool kind_crosses(Kind k)
{
  return k == K_I32 || k == K_I64 || k == K_FUNC || k == K_EXTERN;
}

/* What an export is, found by name: its function type or global type. */
typedef struct Subject {
  const Module *m;
  ExternKind kind;
  uint32_t typeidx;          /* EXTERN_FUNC */
  const FuncType *func;      /* EXTERN_FUNC */
  GlobalType global;         /* EXTERN_GLOBAL */
  const ValType *results;    /* the action's results */
  uint32_t nresults;
} Subject;

/* The key in z->found of a module's export (kind 0) or of the wrapper of
 * an action on it (kind 1 + the ActionKind): the module's address, the
 * kind, the name; copied into the arena if `keep`.  NULL if out of memory. */
static const uint8_t *key(Converter *z, const Module *m, unsigned kind, Name name, bool keep)
{
  if (z->key.failed)
    buf_free(&z->key);
  z->key.len = 0;
  buf_put(&z->key, &m, sizeof m);
  buf_putc(&z->key, (char)kind);
  if (name.len)   /* an empty name may have no bytes */
    buf_put(&z->key, name.data, name.len);
  if (z->key.failed)
    return NULL;
  return keep ? arena_dup(&z->arena, z->key.data, z->key.len) : (const uint8_t *)z->key.data;
}

/* The export of a module named so, by hash: each module's exports are
 * put in z->found the first time one is asked for (the first of equal
 * names, as the interpreter finds them).  NULL if none or out of memory. */
static const Export *find_export(Converter *z, const Module *m, Name name)
{
  if (!hash_get(&z->indexed, &m, sizeof m)) {
    const uint8_t *k = arena_dup(&z->arena, &m, sizeof m);
    void **indexed = k ? hash_place(&z->indexed, k, sizeof m) : NULL;
    for (uint32_t i = 0; indexed && i < m->exports.len; i++) {
      k = key(z, m, 0, m->exports.data[i].name, true);
      void **x = k ? hash_place(&z->found, k, (uint32_t)z->key.len) : NULL;
      if (!x)
        indexed = NULL;
      else if (!*x)
        *x = &m->exports.data[i];
    }
    if (!indexed) {
      z->out->failed = true;
      return NULL;
    }
    *indexed = (void *)m;
  }
  const uint8_t *k = key(z, m, 0, name, false);
  return k ? hash_get(&z->found, k, (uint32_t)z->key.len) : NULL;
}

/* Finds the export an action names; NULL if the module has no such
 * function or global. */
static const char *find_subject(Converter *z, const Module *m, const Action *a, Subject *sub)
{
  const Export *x = find_export(z, m, a->name);
  if (!x)
    return "unknown export";
  *sub = (Subject){.m = m, .kind = x->kind};
  ExternType xt;
  if (a->kind == ACTION_GET) {
    if (x->kind != EXTERN_GLOBAL)
      return "export is not a global";
    if (!module_entity_type(m, EXTERN_GLOBAL, x->idx, &xt))
      return "export of an unknown global";
    sub->global = xt.global;
    sub->results = &sub->global.type;
    sub->nresults = 1;
    return NULL;
  }
  if (x->kind != EXTERN_FUNC)
    return "export is not a function";
  if (!module_entity_type(m, EXTERN_FUNC, x->idx, &xt))
    return "export of an unknown function";
  sub->typeidx = xt.type;
  sub->func = module_functype(m, sub->typeidx);
  if (!sub->func)
    return "export of a function without a function type";
  if (sub->func->params.len != a->args.len)
    return "wrong number of arguments";
  sub->results = sub->func->results.data;
  sub->nresults = sub->func->results.len;
  return NULL;
}

/* Whether JS can make the call itself: every parameter and result
 * crosses unchanged. */
static bool direct(const Subject *sub)
{
  for (uint32_t i = 0; i < sub->nresults; i++)
    if (!kind_crosses(kind_of(sub->m, sub->results[i])))
      return false;
  for (uint32_t i = 0; i < sub->func->params.len; i++)
    if (!kind_crosses(kind_of(sub->m, sub->func->params.data[i])))
      return false;
  return true;
}

/* ================================================================ Wrappers */

/* The wrapper module under construction. */
typedef struct Wrapper {
  Module *w;
  Expr *body;
  bool ok;
} Wrapper;

static void emit(Wrapper *wr, Instr in)
{
  wr->ok = wr->ok && vec_push(&wr->w->arena, wr->body, in);
}

static void emit_op(Wrapper *wr, Op op)
{
  emit(wr, (Instr){.op = op});
}

static void emit_idx(Wrapper *wr, Op op, uint32_t x)
{
  emit(wr, (Instr){.op = op, .imm.x = x});
}

static void emit_ref(Wrapper *wr, Op op, ValType t)
{
  emit(wr, (Instr){.op = op, .imm.ref = t});
}

static void emit_i32(Wrapper *wr, uint32_t n)
{
  emit(wr, (Instr){.op = OP_I32_CONST, .imm.i32 = n});
}

static void push_type(Wrapper *wr, ValTypes *ts, ValType t)
{
  wr->ok = wr->ok && vec_push(&wr->w->arena, ts, t);
}

/* A final function type of its own rec group, appended; its index. */
static uint32_t add_functype(Wrapper *wr, FuncType ft)
{
  SubType st = {.final = true, .comp = {.kind = COMP_FUNC, .func = ft}, .rec = wr->w->types.len, .rec_size = 1};
  wr->ok = wr->ok && vec_push(&wr->w->arena, &wr->w->types, st);
  return wr->w->types.len - 1;
}

static void add_import(Wrapper *wr, const char *module, const char *name, ExternType type)
{
  Import im = {.module = {(uint8_t *)module, (uint32_t)strlen(module)},
               .name = {(uint8_t *)name, (uint32_t)strlen(name)}, .type = type};
  wr->ok = wr->ok && vec_push(&wr->w->arena, &wr->w->imports, im);
}

/* Parameter i of the subject, made from the run function's parameters
 * from local *j on (see add_param_types). */
static void emit_param(Wrapper *wr, Kind k, ValType param, uint32_t *j)
{
  switch (k) {
  case K_F32: emit_idx(wr, OP_LOCAL_GET, (*j)++); emit_op(wr, OP_F32_REINTERPRET_I32); return;
  case K_F64: emit_idx(wr, OP_LOCAL_GET, (*j)++); emit_op(wr, OP_F64_REINTERPRET_I64); return;
  case K_V128:
    emit(wr, (Instr){.op = OP_V128_CONST});
    emit_idx(wr, OP_LOCAL_GET, (*j)++);
    emit(wr, (Instr){.op = OP_I64X2_REPLACE_LANE, .imm.lane = 0});
    emit_idx(wr, OP_LOCAL_GET, (*j)++);
    emit(wr, (Instr){.op = OP_I64X2_REPLACE_LANE, .imm.lane = 1});
    return;
  case K_ANY:   /* a host object or null, internalised */
    emit_idx(wr, OP_LOCAL_GET, (*j)++);
    emit_op(wr, OP_ANY_CONVERT_EXTERN);
    emit_ref(wr, OP_REF_CAST, param);
    return;
  case K_EXN: case K_CONT: {   /* a script can only give these as null */
    ValType t = param;
    t.null = true;
    emit_ref(wr, OP_REF_NULL, t);
    if (!param.null)
      emit_op(wr, OP_REF_AS_NON_NULL);
    return;
  }
  default: emit_idx(wr, OP_LOCAL_GET, (*j)++); return;
  }
}

/* The types JS passes for one parameter of kind k: numbers and references
 * that cross as they are, f32 and f64 as bits, v128 as two i64 halves, an
 * any reference as an externref; nothing for exn and cont. */
static void add_param_types(Wrapper *wr, ValTypes *ts, Kind k, ValType param)
{
  switch (k) {
  case K_F32: push_type(wr, ts, valtype_num(VAL_I32)); break;
  case K_F64: push_type(wr, ts, valtype_num(VAL_I64)); break;
  case K_V128: push_type(wr, ts, valtype_num(VAL_I64)); push_type(wr, ts, valtype_num(VAL_I64)); break;
  case K_ANY: push_type(wr, ts, valtype_ref(true, HEAP_EXTERN, 0)); break;
  case K_EXN: case K_CONT: break;
  default: push_type(wr, ts, param); break;
  }
}

/* One result, held in local i, in the form of the harness's from_wrapper:
 * a reference gives flags (non-null, then eq, i31, struct, array for the
 * any hierarchy) and an externref of itself where it has one. */
static void emit_result(Wrapper *wr, Kind k, uint32_t i)
{
  static const HeapKind tested[] = {HEAP_EQ, HEAP_I31, HEAP_STRUCT, HEAP_ARRAY};
  emit_idx(wr, OP_LOCAL_GET, i);
  switch (k) {
  case K_I32: case K_I64: return;
  case K_F32: emit_op(wr, OP_I32_REINTERPRET_F32); return;
  case K_F64: emit_op(wr, OP_I64_REINTERPRET_F64); return;
  case K_V128:
    emit(wr, (Instr){.op = OP_I64X2_EXTRACT_LANE, .imm.lane = 0});
    emit_idx(wr, OP_LOCAL_GET, i);
    emit(wr, (Instr){.op = OP_I64X2_EXTRACT_LANE, .imm.lane = 1});
    return;
  default: break;
  }
  emit_op(wr, OP_REF_IS_NULL);
  emit_op(wr, OP_I32_EQZ);
  for (uint32_t b = 0; k == K_ANY && b < sizeof tested / sizeof tested[0]; b++) {
    emit_idx(wr, OP_LOCAL_GET, i);
    emit_ref(wr, OP_REF_TEST, valtype_ref(false, tested[b], 0));
    emit_i32(wr, b + 1);
    emit_op(wr, OP_I32_SHL);
    emit_op(wr, OP_I32_OR);
  }
  if (k == K_ANY || k == K_EXTERN) {
    emit_idx(wr, OP_LOCAL_GET, i);
    if (k == K_ANY)
      emit_op(wr, OP_EXTERN_CONVERT_ANY);
  } else {
    emit_ref(wr, OP_REF_NULL, valtype_ref(true, HEAP_EXTERN, 0));
  }
}

/* The types JS receives for one result of kind k. */
static void add_result_types(Wrapper *wr, ValTypes *ts, Kind k)
{
  ValType i32 = valtype_num(VAL_I32), i64 = valtype_num(VAL_I64);
  switch (k) {
  case K_I32: case K_F32: push_type(wr, ts, i32); break;
  case K_I64: case K_F64: push_type(wr, ts, i64); break;
  case K_V128: push_type(wr, ts, i64); push_type(wr, ts, i64); break;
  default: push_type(wr, ts, i32); push_type(wr, ts, valtype_ref(true, HEAP_EXTERN, 0)); break;
  }
}

/* The wrapper of an export (see the file's comment): the subject module's
 * types first, so that the export's type means the same here; imports
 * s.f (the export); exports `run`, which takes the arguments and returns
 * the results in forms JS can hold. */
static bool build_wrapper(Wrapper *wr, const Subject *sub)
{
  Module *w = wr->w;
  const Module *m = sub->m;
  for (uint32_t i = 0; i < m->types.len; i++)
    wr->ok = wr->ok && vec_push(&w->arena, &w->types, m->types.data[i]);
  bool func = sub->kind == EXTERN_FUNC;
  uint32_t nparams = func ? sub->func->params.len : 0;
  FuncType run = {0};
  for (uint32_t i = 0; i < nparams; i++)
    add_param_types(wr, &run.params, kind_of(m, sub->func->params.data[i]), sub->func->params.data[i]);
  for (uint32_t i = 0; i < sub->nresults; i++)
    add_result_types(wr, &run.results, kind_of(m, sub->results[i]));
  uint32_t run_type = add_functype(wr, run);
  add_import(wr, "s", "f", func ? (ExternType){.kind = EXTERN_FUNC, .type = sub->typeidx}
                                : (ExternType){.kind = EXTERN_GLOBAL, .global = sub->global});
  Func f = {.type = run_type};
  for (uint32_t i = 0; i < sub->nresults; i++) {
    ValType t = sub->results[i];
    t.null = true;   /* a local needs a default value */
    push_type(wr, &f.locals, t);
  }
  wr->body = &f.body;
  uint32_t j = 0, first = run.params.len;   /* the results' locals follow the parameters */
  for (uint32_t i = 0; i < nparams; i++)
    emit_param(wr, kind_of(m, sub->func->params.data[i]), sub->func->params.data[i], &j);
  emit_idx(wr, func ? OP_CALL : OP_GLOBAL_GET, 0);
  for (uint32_t i = sub->nresults; i-- > 0;)
    emit_idx(wr, OP_LOCAL_SET, first + i);
  for (uint32_t i = 0; i < sub->nresults; i++)
    emit_result(wr, kind_of(m, sub->results[i]), first + i);
  emit_op(wr, OP_END);
  wr->ok = wr->ok && vec_push(&w->arena, &w->funcs, f);
  Export x = {.name = {(uint8_t *)"run", 3}, .kind = EXTERN_FUNC, .idx = func ? 1 : 0};
  wr->ok = wr->ok && vec_push(&w->arena, &w->exports, x);
  return wr->ok;
}

/* The name of the wrapper of an export, W<n>, writing its definition
 * `const W<n> = "…";` before the command the first time. */
static uint32_t wrapper_name(Converter *z, const Subject *sub, const Action *a)
{
  const uint8_t *k = key(z, sub->m, 1 + a->kind, a->name, false);
  uintptr_t written = k ? (uintptr_t)hash_get(&z->found, k, (uint32_t)z->key.len) : 0;
  if (written)   /* W<n> is kept as n + 1, so that W0 is not NULL */
    return (uint32_t)(written - 1);
  uint32_t n = z->wrappers++;
  k = key(z, sub->m, 1 + a->kind, a->name, true);
  void **place = k ? hash_place(&z->found, k, (uint32_t)z->key.len) : NULL;
  if (place)
    *place = (void *)(uintptr_t)(n + 1);
  Wrapper wr = {.w = module_new(), .ok = true};
  Buf bin;
  buf_init(&bin);
  if (wr.w && build_wrapper(&wr, sub))
    encode_module(&bin, wr.w);
  z->out->failed |= !place || !wr.w || !wr.ok || bin.failed;
  module_free(wr.w);
  buf_printf(z->out, "const W%" PRIu32 " = ", n);
  put_js_bytes(z->out, (const uint8_t *)bin.data, bin.len);
  buf_puts(z->out, ";\n");
  buf_free(&bin);
  return n;
}

/* ================================================================ Actions */

/* The harness's kinds of the results: ['i32', 'any', …] */
static void put_kinds(Buf *out, const Subject *sub)
{
  buf_putc(out, '[');
  for (uint32_t i = 0; i < sub->nresults; i++)
    buf_printf(out, "%s'%s'", i ? ", " : "", kind_names[kind_of(sub->m, sub->results[i])]);
  buf_putc(out, ']');
}

/* Whether an argument is of its parameter's type, as far as the script
 * can tell (the interpreter's "wrong type of argument"). */
static bool arg_fits(const Const *k, ValType param)
{
  switch (k->kind) {
  case CONST_NUM: return param.kind == k->type;
  case CONST_VEC: return param.kind == VAL_V128;
  default: return param.kind == VAL_REF;
  }
}

/* An argument as JS passes it to the subject or to its wrapper's run
 * (add_param_types): a parameter of kind k. */
static void put_js_arg(Buf *out, const Const *k, Kind kind)
{
  switch (kind) {
  case K_I32: case K_F32: buf_printf(out, "%" PRId32, (int32_t)k->bits); return;
  case K_I64: buf_printf(out, "%" PRId64 "n", (int64_t)k->bits); return;
  case K_F64: buf_printf(out, "0x%" PRIx64 "n", k->bits); return;
  case K_V128: buf_printf(out, "0x%" PRIx64 "n, 0x%" PRIx64 "n", k->vec.i64[0], k->vec.i64[1]); return;
  default: break;
  }
  if (k->kind == CONST_REF_NULL)
    buf_puts(out, "null");
  else
    buf_printf(out, "hostref(%" PRId32 ")", (int32_t)k->bits);
}

/* An action as a JS function of the harness, written to `call`: invoke(…)
 * or get(…) where JS can do it, else wrapped(…) (its wrapper's definition
 * goes to the output first), or broken(why). */
static void put_action(Converter *z, const Action *a, Buf *call)
{
  const Bound *b = a->module.len ? lookup(&z->instances, a->module) : NULL;
  const Module *m = a->module.len ? (b ? b->m : NULL) : z->current;
  const char *why = a->module.len ? (b ? (m ? NULL : "the converter could not read the module it names")
                                       : "unknown module")
                                  : (m ? NULL : z->why ? z->why : "no module instance to use");
  Subject sub;
  if (!why)
    why = find_subject(z, m, a, &sub);
  for (uint32_t i = 0; !why && a->kind == ACTION_INVOKE && i < a->args.len; i++)
    if (!arg_fits(&a->args.data[i], sub.func->params.data[i]))
      why = "wrong type of argument";
  if (why) {
    buf_puts(call, "broken(");
    put_js_string(call, why);
    buf_puts(call, ", ");
    put_js_name(call, a->name);
    buf_puts(call, ")");
    return;
  }
  bool get = a->kind == ACTION_GET && kind_crosses(kind_of(m, sub.global.type));
  if (get)
    buf_puts(call, "get(");
  else if (a->kind == ACTION_INVOKE && direct(&sub))
    buf_puts(call, "invoke(");
  else
    buf_printf(call, "wrapped(W%" PRIu32 ", ", wrapper_name(z, &sub, a));
  put_js_id(call, a->module);
  buf_puts(call, ", ");
  put_js_name(call, a->name);
  buf_puts(call, ", ");
  if (!get) {
    buf_putc(call, '[');
    for (uint32_t i = 0; i < a->args.len; i++) {
      if (i)
        buf_puts(call, ", ");
      Kind k = kind_of(m, sub.func->params.data[i]);
      if (k == K_EXN || k == K_CONT)
        buf_puts(call, "/* null */");
      else
        put_js_arg(call, &a->args.data[i], k);
    }
    buf_puts(call, "], ");
  }
  put_kinds(call, &sub);
  buf_putc(call, ')');
}

/* ================================================================ Patterns */

/* A number pattern of a kind: its bits (a BigInt for 64 bits), or the
 * NaN pattern's name. */
static void put_num_pat(Converter *z, const NumPat *p, unsigned bits)
{
  if (p->kind == NUMPAT_NAN_CANONICAL)
    buf_puts(z->out, "'nan:canonical'");
  else if (p->kind == NUMPAT_NAN_ARITHMETIC)
    buf_puts(z->out, "'nan:arithmetic'");
  else if (bits == 64)
    buf_printf(z->out, "0x%" PRIx64 "n", p->bits);
  else
    buf_printf(z->out, "0x%" PRIx64, p->bits & ((UINT64_C(1) << bits) - 1));
}

/* A result pattern as the harness's matches() reads it. */
static void put_pattern(Converter *z, const Result *p)
{
  static const struct { const char *name; unsigned lanes, bits; } shapes[] = {
    [SHAPE_I8X16] = {"i8x16", 16, 8}, [SHAPE_I16X8] = {"i16x8", 8, 16}, [SHAPE_I32X4] = {"i32x4", 4, 32},
    [SHAPE_I64X2] = {"i64x2", 2, 64}, [SHAPE_F32X4] = {"f32x4", 4, 32}, [SHAPE_F64X2] = {"f64x2", 2, 64},
  };
  Buf *out = z->out;
  switch (p->kind) {
  case RESULT_NUM:
    buf_printf(out, "['%s', ", valkind_name(p->type));
    put_num_pat(z, &p->num, p->type == VAL_I64 || p->type == VAL_F64 ? 64 : 32);
    buf_putc(out, ']');
    return;
  case RESULT_VEC:
    buf_printf(out, "['v128', '%s', [", shapes[p->shape].name);
    for (unsigned i = 0; i < shapes[p->shape].lanes; i++) {
      if (i)
        buf_puts(out, ", ");
      put_num_pat(z, &p->lanes[i], shapes[p->shape].bits);
    }
    buf_puts(out, "]]");
    return;
  case RESULT_REF_NULL: {
    const char *h = p->has_type ? heap_hierarchy(p->ref.heap) : NULL;
    buf_puts(out, "['ref.null'");
    if (h)
      buf_printf(out, ", '%s'", h);
    buf_putc(out, ']');
    return;
  }
  case RESULT_REF_FUNC: buf_puts(out, "['ref.func']"); return;
  case RESULT_REF_EXTERN:
    if (p->has_value)
      buf_printf(out, "['ref.extern', %" PRId32 "]", (int32_t)p->value);
    else
      buf_puts(out, "['ref.extern']");
    return;
  case RESULT_REF_HOST: buf_printf(out, "['ref.host', %" PRId32 "]", (int32_t)p->value); return;
  case RESULT_REF_HEAP: buf_printf(out, "['ref.%s']", heapkind_name(p->heap)); return;
  case RESULT_REF: buf_puts(out, "['ref']"); return;
  case RESULT_EITHER:
    buf_puts(out, "['either', [");
    for (uint32_t i = 0; i < p->alts.len; i++) {
      if (i)
        buf_puts(out, ", ");
      put_pattern(z, &p->alts.data[i]);
    }
    buf_puts(out, "]]");
    return;
  }
}

/* ================================================================ Commands */

/* action, assert_return, and the assertions of an action's failure */
static void convert_action(Converter *z, const Command *c, const char *name)
{
  Buf call;
  buf_init(&call);
  put_action(z, &c->action, &call);
  z->out->failed |= call.failed;
  begin_call(z, name, c->at);
  buf_put(z->out, call.data, call.len);
  buf_free(&call);
  if (c->kind == CMD_ASSERT_RETURN) {
    buf_puts(z->out, ", [");
    for (uint32_t i = 0; i < c->results.len; i++) {
      if (i)
        buf_puts(z->out, ", ");
      put_pattern(z, &c->results.data[i]);
    }
    buf_putc(z->out, ']');
  } else if (c->kind != CMD_ACTION && c->kind != CMD_ASSERT_EXCEPTION) {
    buf_puts(z->out, ", ");
    put_js_name(z->out, c->failure);
  }
  buf_puts(z->out, ");\n");
}

/* assert_unlinkable, and assert_trap of a module: {src} or {def} */
static void convert_instantiation(Converter *z, const Command *c, const char *name)
{
  Error err;
  const Module *m = c->instance ? NULL : read_module(z, &c->module, &err);
  if (!c->instance && !m && c->module.kind == SMOD_QUOTE) {
    put_skip(z, c->at, "the module is not well-formed text");
    return;
  }
  begin_call(z, name, c->at);
  if (c->instance) {
    buf_puts(z->out, "{def: ");
    put_js_id(z->out, c->id2);
  } else {
    buf_puts(z->out, "{src: ");
    put_module_bytes(z, &c->module, m);
  }
  buf_puts(z->out, "}, ");
  put_js_name(z->out, c->failure);
  buf_puts(z->out, ");\n");
}

/* assert_malformed and assert_invalid: a module the engine must refuse.
 * A quoted module that does not parse has a text-format error, which an
 * engine never sees: skipped. */
static void convert_refusal(Converter *z, const Command *c, const char *name)
{
  Error err;
  const Module *m = read_module(z, &c->module, &err);
  if (!m && c->module.kind == SMOD_QUOTE) {
    char why[ERROR_MESSAGE_MAX + 64];
    snprintf(why, sizeof why, "a text-format error (%s), which no engine sees", err.message);
    put_skip(z, c->at, why);
    return;
  }
  begin_call(z, name, c->at);
  put_module_bytes(z, &c->module, m);
  buf_puts(z->out, ", ");
  put_js_name(z->out, c->failure);
  buf_puts(z->out, ");\n");
}

static void convert_command(Converter *z, const Command *c)
{
  switch (c->kind) {
  case CMD_MODULE: convert_module(z, c); break;
  case CMD_INSTANCE: convert_instance(z, c); break;
  case CMD_REGISTER: convert_register(z, c); break;
  case CMD_ACTION: convert_action(z, c, "perform"); break;
  case CMD_ASSERT_RETURN: convert_action(z, c, "assert_return"); break;
  case CMD_ASSERT_TRAP: convert_action(z, c, "assert_trap"); break;
  case CMD_ASSERT_EXHAUSTION: convert_action(z, c, "assert_exhaustion"); break;
  case CMD_ASSERT_EXCEPTION: convert_action(z, c, "assert_exception"); break;
  case CMD_ASSERT_SUSPENSION: convert_action(z, c, "assert_suspension"); break;
  case CMD_ASSERT_TRAP_MODULE: convert_instantiation(z, c, "assert_trap_module"); break;
  case CMD_ASSERT_UNLINKABLE: convert_instantiation(z, c, "assert_unlinkable"); break;
  case CMD_ASSERT_MALFORMED: convert_refusal(z, c, "assert_malformed"); break;
  case CMD_ASSERT_INVALID: convert_refusal(z, c, "assert_invalid"); break;
  case CMD_INPUT: put_skip(z, c->at, "(input …) reads a file, which the JS cannot"); break;
  case CMD_OUTPUT: put_skip(z, c->at, "(output …) writes a file, which the JS does not"); break;
  case CMD_SCRIPT: break;   /* its own commands follow it, and are converted as they come */
  }
}

/* The spectest module's binary, as `const SPECTEST = "…";`. */
static void put_spectest(Buf *out)
{
  Error err = {0};
  Module *m = text_parse_module("spectest", spectest_text, sizeof spectest_text - 1, &err);
  Buf b;
  buf_init(&b);
  if (m)
    encode_module(&b, m);
  out->failed |= !m || b.failed;
  buf_puts(out, "const SPECTEST = ");
  put_js_bytes(out, (const uint8_t *)b.data, b.len);
  buf_puts(out, ";\n");
  buf_free(&b);
  module_free(m);
}

void js_print_commands(Buf *out, const char *name, const Command *const *cs, uint32_t n,
                       ScriptOf script_of, void *ctx)
{
  buf_puts(out, "// ");
  buf_puts(out, name);
  buf_puts(out, ", converted by wasmfx-ref -o: run it with node (with --experimental-wasm-wasmfx\n"
                "// for stack switching) or in an engine shell.\n'use strict';\n");
  put_spectest(out);
  for (size_t i = 0; i < sizeof harness / sizeof harness[0]; i++)
    buf_puts(out, harness[i]);
  buf_puts(out, "\n// The script's commands.\n");
  Converter z = {.out = out, .name = name, .why = "no module instance to use"};
  arena_init(&z.arena);
  for (uint32_t i = 0; i < n; i++) {
    z.s = script_of(ctx, cs[i]);
    convert_command(&z, cs[i]);
  }
  buf_puts(out, "finish();\n");
  for (uint32_t i = 0; i < z.owned.len; i++)
    module_free(z.owned.data[i]);
  hash_free(&z.found);
  hash_free(&z.indexed);
  buf_free(&z.key);
  arena_free(&z.arena);
}
