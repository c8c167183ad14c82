/* Validation of instructions (spec: 2.3-validation.instructions, and the
 * Explainer's typing rules of stack switching), by the algorithm of the
 * spec's appendix (appendix/algorithm.rst): a value stack, a control stack
 * and a stack of initialized locals, in one pass over the flat sequence. */

#include <string.h>

#include "validate/context.h"
#include "validate/messages.h"

typedef struct Frame {
  Op op;
  ValTypes start, end;   /* the block's parameter and result types */
  uint32_t height;       /* value stack height at the start */
  uint32_t init_height;  /* initialization stack height at the start */
  bool unreachable;
} Frame;

typedef struct Checker {
  Context *c;
  Arena arena;           /* this function's scratch */
  VEC(ValType) vals;
  VEC(Frame) ctrls;
  VEC(uint32_t) inits;
  ValType *locals;
  bool *init;
  uint32_t nlocals;
  ValTypes results;      /* C.RETURN */
  bool constant;         /* a constant expression */
  uint32_t at;           /* the instruction being checked */
} Checker;

static const ValType I32 = {.kind = VAL_I32};
static const ValType I64 = {.kind = VAL_I64};
static const ValType BOT = {.kind = VAL_BOT};

static ValType ref(bool null, HeapKind h)
{
  return valtype_ref(null, h, 0);
}

static ValType def_ref(bool null, const DefType *dt)
{
  return valtype_ref(null, HEAP_DEF, dt->id);
}

#define FAIL(k, msg) valid_error((k)->c, (k)->at, msg)
#define OUT_OF_MEMORY(k) valid_out_of_memory((k)->c, (k)->at)
#define INTERNAL(k, msg) valid_internal((k)->c, (k)->at, msg)

static bool sub(Checker *k, ValType a, ValType b)
{
  return valtype_sub(k->c->ts, a, b);
}

/* ---------------------------------------------------------------- Stack */

static bool push(Checker *k, ValType t)
{
  return vec_push(&k->arena, &k->vals, t) || OUT_OF_MEMORY(k);
}

static bool push_all(Checker *k, const ValType *ts, uint32_t n)
{
  for (uint32_t i = 0; i < n; i++)
    if (!push(k, ts[i]))
      return false;
  return true;
}

static Frame *top(Checker *k)
{
  return &k->ctrls.data[k->ctrls.len - 1];
}

/* Appends ts[from..to) as messages show them, separated by spaces. */
static void print_types(Buf *out, const Context *c, const ValType *ts, uint32_t from, uint32_t to)
{
  for (uint32_t i = from; i < to; i++) {
    if (i > from)
      buf_putc(out, ' ');
    valid_print_valtype(out, c, ts[i]);
  }
}

/* A buffer's text; an empty buffer has no storage. */
static const char *text(const Buf *b)
{
  return b->data ? b->data : "";
}

/* "type mismatch: <what> requires [expected] but stack has [actual]", the
 * actual types being the top `shown` values of the stack. */
static bool stack_mismatch(Checker *k, const char *what, const ValType *expected, uint32_t n, uint32_t shown)
{
  Buf want, have;
  buf_init(&want);
  buf_init(&have);
  print_types(&want, k->c, expected, 0, n);
  print_types(&have, k->c, k->vals.data, k->vals.len - shown, k->vals.len);
  bool r = want.failed || have.failed
               ? FAIL(k, INVALID_TYPE_MISMATCH)
               : valid_error(k->c, k->at, INVALID_STACK, what, text(&want), text(&have));
  buf_free(&want);
  buf_free(&have);
  return r;
}

/* An instruction's operands do not match: shown are the current block's
 * values that the expected ones would take. */
static bool mismatch(Checker *k, const char *what, const ValType *expected, uint32_t n)
{
  uint32_t avail = k->vals.len - top(k)->height;
  return stack_mismatch(k, what, expected, n, avail < n ? avail : n);
}

/* pop_val: BOT from a polymorphic stack, else the top within the block */
static bool pop_any(Checker *k, ValType *t)
{
  Frame *f = top(k);
  if (k->vals.len == f->height) {
    *t = BOT;
    return f->unreachable || FAIL(k, INVALID_STACK_EMPTY);
  }
  *t = k->vals.data[--k->vals.len];
  return true;
}

/* pop_val(expect) */
static bool pop(Checker *k, ValType expect, ValType *actual)
{
  Frame *f = top(k);
  if (k->vals.len == f->height) {
    if (f->unreachable) {
      if (actual)
        *actual = BOT;
      return true;
    }
    return mismatch(k, "instruction", &expect, 1);
  }
  ValType t = k->vals.data[k->vals.len - 1];
  if (!sub(k, t, expect))
    return mismatch(k, "instruction", &expect, 1);
  k->vals.len--;
  if (actual)
    *actual = t;
  return true;
}

/* pop_vals, from the last type to the first */
static bool pop_all(Checker *k, const ValType *ts, uint32_t n)
{
  Frame *f = top(k);
  for (uint32_t i = n; i-- > 0;) {
    if (k->vals.len == f->height && !f->unreachable)
      return mismatch(k, "instruction", ts, n);
    ValType t = k->vals.len > f->height ? k->vals.data[k->vals.len - 1] : BOT;
    if (!sub(k, t, ts[i]))
      return mismatch(k, "instruction", ts, n);
    if (k->vals.len > f->height)
      k->vals.len--;
  }
  return true;
}

/* pop_ref: any reference, or BOT */
static bool pop_ref(Checker *k, ValType *t)
{
  if (!pop_any(k, t))
    return false;
  if (t->kind == VAL_BOT) {
    *t = valtype_ref(false, HEAP_BOT, 0);
    return true;
  }
  return t->kind == VAL_REF || FAIL(k, INVALID_NOT_REF);
}

static bool push_ctrl(Checker *k, Op op, ValTypes start, ValTypes end)
{
  Frame f = {op, start, end, k->vals.len, k->inits.len, false};
  return (vec_push(&k->arena, &k->ctrls, f) || OUT_OF_MEMORY(k)) &&
         push_all(k, start.data, start.len);
}

static void reset_locals(Checker *k, uint32_t height)
{
  while (k->inits.len > height)
    k->init[k->inits.data[--k->inits.len]] = false;
}

static bool pop_ctrl(Checker *k, Frame *out)
{
  Frame f = *top(k);
  uint32_t len = k->vals.len;
  if (!pop_all(k, f.end.data, f.end.len))
    return false;
  if (k->vals.len != f.height) {
    k->vals.len = len;   /* popping left the values in place: show them all */
    return stack_mismatch(k, "block", f.end.data, f.end.len, len - f.height);
  }
  reset_locals(k, f.init_height);
  k->ctrls.len--;
  *out = f;
  return true;
}

static ValTypes label_types(const Frame *f)
{
  return f->op == OP_LOOP ? f->start : f->end;
}

static void unreachable(Checker *k)
{
  k->vals.len = top(k)->height;
  top(k)->unreachable = true;
}

/* ------------------------------------------------------------- Context */

/* The frame a label refers to (C.LABELS[l]). */
static const Frame *label(Checker *k, uint32_t l)
{
  if (l >= k->ctrls.len) {
    valid_error(k->c, k->at, INVALID_UNKNOWN_LABEL, l);
    return NULL;
  }
  return &k->ctrls.data[k->ctrls.len - 1 - l];
}

static const DefType *func_at(Checker *k, uint32_t x)
{
  if (x >= k->c->nfuncs) {
    valid_error(k->c, k->at, INVALID_UNKNOWN_FUNC, x);
    return NULL;
  }
  return k->c->funcs[x];
}

static const TableType *table_at(Checker *k, uint32_t x)
{
  if (x >= k->c->ntables) {
    valid_error(k->c, k->at, INVALID_UNKNOWN_TABLE, x);
    return NULL;
  }
  return &k->c->tables[x];
}

static const MemType *memory_at(Checker *k, uint32_t x)
{
  if (x >= k->c->nmems) {
    valid_error(k->c, k->at, INVALID_UNKNOWN_MEMORY, x);
    return NULL;
  }
  return &k->c->mems[x];
}

static const GlobalType *global_at(Checker *k, uint32_t x)
{
  uint32_t n = k->constant ? k->c->globals_visible : k->c->nglobals;
  if (x >= n) {
    valid_error(k->c, k->at, INVALID_UNKNOWN_GLOBAL, x);
    return NULL;
  }
  return &k->c->globals[x];
}

static const ValType *elem_at(Checker *k, uint32_t x)
{
  if (x >= k->c->nelems) {
    valid_error(k->c, k->at, INVALID_UNKNOWN_ELEM, x);
    return NULL;
  }
  return &k->c->elems[x];
}

static bool data_at(Checker *k, uint32_t x)
{
  return x < k->c->ndatas || valid_error(k->c, k->at, INVALID_UNKNOWN_DATA, x);
}

/* spec: valid-taguse */
/* A tag's function type (spec: $as_deftype(C.TAGS[x]) ~~ FUNC …). */
static const FuncType *tag_at(Checker *k, uint32_t x)
{
  if (x >= k->c->ntags) {
    valid_error(k->c, k->at, INVALID_UNKNOWN_TAG, x);
    return NULL;
  }
  return &k->c->tags[x]->comp.func;
}

static const FuncType *functype_of(Checker *k, uint32_t x)
{
  return valid_functype_at(k->c, x, k->at);
}

/* C.TYPES[x] ~~ STRUCT ft* */
static const FieldTypes *struct_of(Checker *k, uint32_t x)
{
  const CompType *ct = valid_comptype_at(k->c, x, COMP_STRUCT, k->at);
  return ct ? &ct->fields : NULL;
}

/* C.TYPES[x] ~~ ARRAY ft */
static const FieldType *array_of(Checker *k, uint32_t x)
{
  const CompType *ct = valid_comptype_at(k->c, x, COMP_ARRAY, k->at);
  return ct ? &ct->array : NULL;
}

/* C.TYPES[x] ~~ CONT $ft, with ft the function type */
static const FuncType *cont_of(Checker *k, uint32_t x)
{
  const CompType *ct = valid_comptype_at(k->c, x, COMP_CONT, k->at);
  return ct ? &typestore_get(k->c->ts, ct->cont)->comp.func : NULL;
}

/* $unpack: packed storage types read as i32 */
static ValType unpack(ValType t)
{
  return t.kind == PACK_I8 || t.kind == PACK_I16 ? I32 : t;
}

static bool is_packed(ValType t)
{
  return t.kind == PACK_I8 || t.kind == PACK_I16;
}

static ValType addr(AddrType a)
{
  return a == ADDR_I64 ? I64 : I32;
}

/* ----------------------------------------------------- Instruction types */

/* t1* -> t2*: pop the parameters, push the results */
static bool apply(Checker *k, const ValType *params, uint32_t np, const ValType *results, uint32_t nr)
{
  return pop_all(k, params, np) && push_all(k, results, nr);
}

static bool apply_func(Checker *k, const FuncType *ft)
{
  return ft && apply(k, ft->params.data, ft->params.len, ft->results.data, ft->results.len);
}

/* A fixed signature from syntax/instr.def, after `extra` leading operands
 * (the address of a memory instruction). */
static bool apply_sig(Checker *k, const ValType *extra, uint32_t nextra, const char *params,
                      const char *results)
{
  ValType in[8], out[4];
  uint32_t np = 0, nr = 0;
  for (uint32_t i = 0; i < nextra; i++)
    in[np++] = extra[i];
  for (const char *p = params; *p; p++)
    in[np++] = valtype_num(sig_kind(*p));
  for (const char *p = results; *p; p++)
    out[nr++] = valtype_num(sig_kind(*p));
  return apply(k, in, np, out, nr);
}

/* blocktype: eps -> t? or the function type x */
static bool blocktype(Checker *k, BlockType bt, ValTypes *start, ValTypes *end)
{
  *start = *end = (ValTypes){0};
  if (bt.kind == BLOCK_VALTYPE) {
    if (!valid_valtype(k->c, bt.valtype, k->at))
      return false;
    ValType *t = arena_alloc(&k->arena, sizeof *t);
    if (!t)
      return OUT_OF_MEMORY(k);
    *t = valtype_close(bt.valtype, k->c->types);
    *end = (ValTypes){t, 1, 1};
  } else if (bt.kind == BLOCK_TYPEIDX) {
    const FuncType *ft = functype_of(k, bt.idx);
    if (!ft)
      return false;
    *start = ft->params;
    *end = ft->results;
  }
  return true;
}

/* ---------------------------------------------------------------- Control */

/* block, loop, if, try_table: enter a frame after popping the parameters */
static bool block(Checker *k, const Instr *in)
{
  ValTypes start, end;
  if (!blocktype(k, in->imm.block.type, &start, &end))
    return false;
  if (in->op == OP_IF && !pop(k, I32, NULL))
    return false;
  return pop_all(k, start.data, start.len) && push_ctrl(k, (Op)in->op, start, end);
}

/* else: the then-branch must end with the results; the else-branch starts
 * again from the parameters */
static bool else_(Checker *k)
{
  Frame f;
  if (top(k)->op != OP_IF)
    return FAIL(k, INVALID_ELSE);
  return pop_ctrl(k, &f) && push_ctrl(k, OP_ELSE, f.start, f.end);
}

/* end: an if without else must have t1* = t2* (the empty else branch) */
static bool end(Checker *k)
{
  Frame f;
  if (!pop_ctrl(k, &f))
    return false;
  if (f.op == OP_IF) {
    bool same = f.start.len == f.end.len;
    for (uint32_t i = 0; same && i < f.start.len; i++)
      same = sub(k, f.start.data[i], f.end.data[i]);
    if (!same)
      return FAIL(k, INVALID_IF);
  }
  return push_all(k, f.end.data, f.end.len);
}

/* Resulttype_sub: t1* <: t2* */
static bool results_sub(Checker *k, const ValType *a, uint32_t na, ValTypes b)
{
  if (na != b.len)
    return false;
  for (uint32_t i = 0; i < na; i++)
    if (!sub(k, a[i], b.data[i]))
      return false;
  return true;
}

/* catch x l, catch_ref x l, catch_all l, catch_all_ref l (Catch_ok): the
 * label takes the tag's parameters, then an exnref for the _ref forms */
static bool catch_(Checker *k, const Catch *c)
{
  const Frame *f = label(k, c->label);
  if (!f)
    return false;
  const ValType *params = NULL;
  uint32_t n = 0;
  if (c->kind == CATCH || c->kind == CATCH_REF) {
    const FuncType *ft = tag_at(k, c->tag);
    if (!ft)
      return false;
    if (ft->results.len)
      return FAIL(k, INVALID_CATCH_RESULTS);
    params = ft->params.data;
    n = ft->params.len;
  }
  bool with_ref = c->kind == CATCH_REF || c->kind == CATCH_ALL_REF;
  ValTypes ts = label_types(f);
  if (ts.len != n + with_ref || !results_sub(k, params, n, (ValTypes){ts.data, n, 0})
      || (with_ref && !sub(k, ref(false, HEAP_EXN), ts.data[n])))
    return FAIL(k, INVALID_CATCH_LABEL);
  return true;
}

static bool try_table(Checker *k, const Instr *in)
{
  const Catches *cs = in->imm.block.catches;
  for (uint32_t i = 0; i < cs->len; i++)
    if (!catch_(k, &cs->catch_[i]))
      return false;
  return block(k, in);
}

static bool br(Checker *k, uint32_t l)
{
  const Frame *f = label(k, l);
  if (!f)
    return false;
  ValTypes ts = label_types(f);
  if (!pop_all(k, ts.data, ts.len))
    return false;
  unreachable(k);
  return true;
}

static bool br_if(Checker *k, uint32_t l)
{
  const Frame *f = label(k, l);
  if (!f || !pop(k, I32, NULL))
    return false;
  ValTypes ts = label_types(f);
  return pop_all(k, ts.data, ts.len) && push_all(k, ts.data, ts.len);
}

/* br_table l* l': every label takes the same number of values */
static bool br_table(Checker *k, const Labels *ls)
{
  if (!pop(k, I32, NULL))
    return false;
  const Frame *dflt = label(k, ls->label[ls->len - 1]);
  if (!dflt)
    return false;
  uint32_t arity = label_types(dflt).len;
  for (uint32_t i = 0; i < ls->len; i++) {
    const Frame *f = label(k, ls->label[i]);
    if (!f)
      return false;
    ValTypes ts = label_types(f);
    if (ts.len != arity)
      return FAIL(k, INVALID_BR_TABLE);
    uint32_t height = k->vals.len;
    if (!pop_all(k, ts.data, ts.len))
      return false;
    k->vals.len = height;  /* check, but keep the values for the next label */
  }
  ValTypes ts = label_types(dflt);
  if (!pop_all(k, ts.data, ts.len))
    return false;
  unreachable(k);
  return true;
}

/* br_on_null l : t* (ref null ht) -> t* (ref ht) */
static bool br_on_null(Checker *k, uint32_t l)
{
  ValType rt;
  const Frame *f = label(k, l);
  if (!f || !pop_ref(k, &rt))
    return false;
  ValTypes ts = label_types(f);
  rt.null = false;
  return pop_all(k, ts.data, ts.len) && push_all(k, ts.data, ts.len) && push(k, rt);
}

/* br_on_non_null l : t* (ref null ht) -> t*, with C.LABELS[l] = t* (ref null? ht) */
static bool br_on_non_null(Checker *k, uint32_t l)
{
  ValType rt;
  const Frame *f = label(k, l);
  if (!f || !pop_ref(k, &rt))
    return false;
  ValTypes ts = label_types(f);
  if (ts.len == 0 || ts.data[ts.len - 1].kind != VAL_REF)
    return FAIL(k, INVALID_BR_ON_NON_NULL);
  rt.null = false;
  if (!sub(k, rt, ts.data[ts.len - 1]))
    return mismatch(k, "instruction", ts.data, ts.len);
  return pop_all(k, ts.data, ts.len - 1) && push_all(k, ts.data, ts.len - 1);
}

/* spec: valid-castable */
/* Casts cannot target continuations (Explainer: rt castable). */
static bool castable(Checker *k, ValType rt)
{
  if (heaptype_top(k->c->ts, rt) == HEAP_CONT)
    return FAIL(k, INVALID_CAST);
  return true;
}

/* A reftype immediate: valid and closed. */
static bool reftype_imm(Checker *k, ValType rt, ValType *out)
{
  if (!valid_valtype(k->c, rt, k->at))
    return false;
  *out = valtype_close(rt, k->c->types);
  return true;
}

/* The target type of a cast: a reftype immediate that is castable. */
static bool cast_type(Checker *k, ValType rt, ValType *out)
{
  return reftype_imm(k, rt, out) && castable(k, *out);
}

/* $diffrt(rt1, rt2): rt1 minus rt2 */
static ValType diffrt(ValType rt1, ValType rt2)
{
  rt1.null = rt1.null && !rt2.null;
  return rt1;
}

/* br_on_cast l rt1 rt2 : t* rt1 -> t* (rt1 \ rt2), and br_on_cast_fail the other way;
 * only the target rt2 must be castable (Explainer, "Instructions") */
static bool br_on_cast(Checker *k, const Instr *in)
{
  ValType rt1, rt2;
  const Frame *f = label(k, in->imm.br_on_cast.label);
  if (!f || !reftype_imm(k, in->imm.br_on_cast.rt1, &rt1) || !cast_type(k, in->imm.br_on_cast.rt2, &rt2))
    return false;
  if (!reftype_sub(k->c->ts, rt2, rt1))
    return FAIL(k, INVALID_CAST_SUBTYPE);
  ValTypes ts = label_types(f);
  if (ts.len == 0)
    return FAIL(k, INVALID_CAST_LABEL);
  bool fail_ = in->op == OP_BR_ON_CAST_FAIL;
  ValType branched = fail_ ? diffrt(rt1, rt2) : rt2, kept = fail_ ? rt2 : diffrt(rt1, rt2);
  if (!sub(k, branched, ts.data[ts.len - 1]))
    return mismatch(k, "instruction", ts.data, ts.len);
  return pop(k, rt1, NULL) && pop_all(k, ts.data, ts.len - 1) && push_all(k, ts.data, ts.len - 1) &&
         push(k, kept);
}

/* The results of a tail call must match the function's (return_call*). */
static bool return_call(Checker *k, const FuncType *ft)
{
  if (!ft || !pop_all(k, ft->params.data, ft->params.len))
    return false;
  if (!results_sub(k, ft->results.data, ft->results.len, k->results))
    return FAIL(k, INVALID_RESULTS);
  unreachable(k);
  return true;
}

/* call_indirect x y : t1* at -> t2*, table x of functions */
static const FuncType *indirect(Checker *k, const Instr *in)
{
  const TableType *tt = table_at(k, in->imm.xy.x);
  const FuncType *ft = tt ? functype_of(k, in->imm.xy.y) : NULL;
  if (!ft)
    return NULL;
  if (!reftype_sub(k->c->ts, tt->elem, ref(true, HEAP_FUNC))) {
    FAIL(k, INVALID_CALL_INDIRECT);
    return NULL;
  }
  return pop(k, addr(tt->addr), NULL) ? ft : NULL;
}

/* call_ref x : t1* (ref null x) -> t2* */
static const FuncType *by_ref(Checker *k, uint32_t x)
{
  const FuncType *ft = functype_of(k, x);
  return ft && pop(k, def_ref(true, k->c->types[x]), NULL) ? ft : NULL;
}

/* ------------------------------------------------------- Stack switching */

/* The function type of the continuation type a reference type names: of
 * the last value of a handler label, or the last parameter of switch.  NULL
 * if t is no reference to a defined type; also NULL, and the module is
 * invalid, if it names a defined type that is not a continuation type. */
static const FuncType *cont_ref(Checker *k, ValType t)
{
  if (t.kind != VAL_REF || t.heap != HEAP_DEF)
    return NULL;
  const DefType *dt = typestore_get(k->c->ts, t.idx);
  if (dt->comp.kind != COMP_CONT) {
    uint32_t x = 0;
    valid_type_index(k->c, t.idx, &x);
    valid_error(k->c, k->at, INVALID_NOT_CONT, x);
    return NULL;
  }
  return &typestore_get(k->c->ts, dt->comp.cont)->comp.func;
}

/* hdl : t* (Explainer, "Instructions"): (on $e $l) sends the tag's
 * parameters and a continuation that expects its results and ends with t*;
 * (on $e switch) needs a tag [] -> [t*]. */
static bool handler(Checker *k, const Handler *h, ValTypes results)
{
  const FuncType *tag = tag_at(k, h->tag);
  if (!tag)
    return false;
  /* spec: valid-on-switch */
  if (h->kind == ON_SWITCH) {
    if (tag->params.len || !results_sub(k, tag->results.data, tag->results.len, results) ||
        !results_sub(k, results.data, results.len, tag->results))
      return FAIL(k, INVALID_SWITCH_TAG);
    return true;
  }
  /* spec: valid-on-label */
  const Frame *f = label(k, h->label);
  if (!f)
    return false;
  ValTypes ts = label_types(f);
  const FuncType *ct = cont_ref(k, ts.len ? ts.data[ts.len - 1] : BOT);
  if (valid_failed(k->c))
    return false;
  if (!ct) {
    Buf have;
    buf_init(&have);
    print_types(&have, k->c, ts.data, 0, ts.len);
    bool r = have.failed ? FAIL(k, INVALID_TYPE_MISMATCH)
                         : valid_error(k->c, k->at, INVALID_HANDLER_LABEL, text(&have));
    buf_free(&have);
    return r;
  }
  if (!results_sub(k, tag->params.data, tag->params.len, (ValTypes){ts.data, ts.len - 1, 0}))
    return FAIL(k, INVALID_HANDLER_PARAMS);
  /* [t2*] -> [t*] <: the continuation's function type */
  FuncType want = {tag->results, results};
  CompType a = {.kind = COMP_FUNC, .func = want}, b = {.kind = COMP_FUNC, .func = *ct};
  if (!comptype_sub(k->c->ts, &a, &b))
    return FAIL(k, INVALID_HANDLER_CONT);
  return true;
}

static bool handlers(Checker *k, const Handlers *hs, ValTypes results)
{
  for (uint32_t i = 0; i < hs->len; i++)
    if (!handler(k, &hs->handler[i], results))
      return false;
  return true;
}

/* spec: valid-resume */
/* resume ct hdl* : t1* (ref null ct) -> t2* */
static bool resume(Checker *k, const Instr *in)
{
  const FuncType *ft = cont_of(k, in->imm.resume.type);
  return ft && handlers(k, in->imm.resume.handlers, ft->results) &&
         pop(k, def_ref(true, k->c->types[in->imm.resume.type]), NULL) && apply_func(k, ft);
}

/* spec: valid-resume_throw */
/* resume_throw ct e hdl* : te* (ref null ct) -> t2*, e : [te*] -> [] */
static bool resume_throw(Checker *k, const Instr *in)
{
  const FuncType *ft = cont_of(k, in->imm.resume.type);
  const FuncType *tag = ft ? tag_at(k, in->imm.resume.tag) : NULL;
  if (!tag)
    return false;
  if (tag->results.len)
    return FAIL(k, INVALID_TAG_RESULT);
  return handlers(k, in->imm.resume.handlers, ft->results) &&
         pop(k, def_ref(true, k->c->types[in->imm.resume.type]), NULL) &&
         pop_all(k, tag->params.data, tag->params.len) &&
         push_all(k, ft->results.data, ft->results.len);
}

/* spec: valid-resume_throw_ref */
/* resume_throw_ref ct hdl* : exnref (ref null ct) -> t2* */
static bool resume_throw_ref(Checker *k, const Instr *in)
{
  const FuncType *ft = cont_of(k, in->imm.resume.type);
  return ft && handlers(k, in->imm.resume.handlers, ft->results) &&
         pop(k, def_ref(true, k->c->types[in->imm.resume.type]), NULL) &&
         pop(k, ref(true, HEAP_EXN), NULL) && push_all(k, ft->results.data, ft->results.len);
}

/* spec: valid-cont.new */
/* cont.new ct : (ref null ft) -> (ref ct) */
static bool cont_new(Checker *k, uint32_t x)
{
  const FuncType *ft = cont_of(k, x);
  if (!ft)
    return false;
  const DefType *f = typestore_get(k->c->ts, k->c->types[x]->comp.cont);
  return pop(k, def_ref(true, f), NULL) && push(k, def_ref(false, k->c->types[x]));
}

/* spec: valid-cont.bind */
/* cont.bind ct ct' : t1* (ref null ct) -> (ref ct'), ct = [t1* t3*] -> [t2*],
 * [t3*] -> [t2*] <: ct' */
static bool cont_bind(Checker *k, uint32_t x, uint32_t y)
{
  const FuncType *a = cont_of(k, x);
  const FuncType *b = a ? cont_of(k, y) : NULL;
  if (!b)
    return false;
  if (b->params.len > a->params.len)
    return FAIL(k, INVALID_BIND_COUNT);
  uint32_t bound = a->params.len - b->params.len;
  /* the unbound parameters (an empty list may have no array at all) */
  FuncType rest = {{b->params.len ? a->params.data + bound : NULL, b->params.len, 0}, a->results};
  CompType ra = {.kind = COMP_FUNC, .func = rest}, rb = {.kind = COMP_FUNC, .func = *b};
  if (!comptype_sub(k->c->ts, &ra, &rb))
    return FAIL(k, INVALID_BIND_TYPES);
  return pop(k, def_ref(true, k->c->types[x]), NULL) && pop_all(k, a->params.data, bound) &&
         push(k, def_ref(false, k->c->types[y]));
}

/* spec: valid-suspend */
/* suspend e : t1* -> t2* */
static bool suspend(Checker *k, uint32_t e)
{
  return apply_func(k, tag_at(k, e));
}

/* spec: valid-switch */
/* switch ct e : t1* (ref null ct) -> t2*, e : [] -> [t*],
 * ct = [t1* (ref null? ct2)] -> [te1*], te1* <: t*, ct2 = [t2*] -> [te2*], t* <: te2* */
static bool switch_(Checker *k, uint32_t x, uint32_t e)
{
  const FuncType *ft = cont_of(k, x);
  const FuncType *tag = ft ? tag_at(k, e) : NULL;
  if (!tag)
    return false;
  if (tag->params.len)
    return FAIL(k, INVALID_SWITCH_TAG);
  const FuncType *ft2 = cont_ref(k, ft->params.len ? ft->params.data[ft->params.len - 1] : BOT);
  if (valid_failed(k->c))
    return false;
  if (!ft2)
    return FAIL(k, INVALID_SWITCH_CONT);
  if (!results_sub(k, ft->results.data, ft->results.len, tag->results) ||
      !results_sub(k, tag->results.data, tag->results.len, ft2->results))
    return FAIL(k, INVALID_SWITCH_TAG);
  return pop(k, def_ref(true, k->c->types[x]), NULL) &&
         pop_all(k, ft->params.data, ft->params.len - 1) &&
         push_all(k, ft2->params.data, ft2->params.len);
}

/* ------------------------------------------------------------ References */

static bool ref_func(Checker *k, uint32_t x)
{
  const DefType *dt = func_at(k, x);
  if (!dt)
    return false;
  if (!k->constant && !k->c->refs[x])
    return FAIL(k, INVALID_FUNC_REF);
  return push(k, def_ref(false, dt));
}

/* ref.test rt : rt' -> i32 and ref.cast rt : rt' -> rt, rt <: rt' */
static bool ref_test(Checker *k, const Instr *in)
{
  ValType rt;
  if (!cast_type(k, in->imm.ref, &rt))
    return false;
  ValType operand = ref(true, heaptype_top(k->c->ts, rt));
  return pop(k, operand, NULL) && push(k, in->op == OP_REF_TEST ? I32 : rt);
}

/* any.convert_extern and extern.convert_any keep nullability */
static bool convert(Checker *k, HeapKind from, HeapKind to)
{
  ValType t;
  if (!pop(k, ref(true, from), &t))
    return false;
  return push(k, ref(t.kind == VAL_BOT || t.null, to));
}

/* --------------------------------------------------------------- Structs */

static bool struct_new(Checker *k, uint32_t x, bool defaults)
{
  const FieldTypes *fs = struct_of(k, x);
  if (!fs)
    return false;
  for (uint32_t i = fs->len; i-- > 0;) {
    ValType t = unpack(fs->data[i].type);
    if (defaults ? !valtype_defaultable(t) : !pop(k, t, NULL))
      return defaults ? FAIL(k, INVALID_FIELD_DEFAULT) : false;
  }
  return push(k, def_ref(false, k->c->types[x]));
}

/* struct.get sx? x i : the sign only for packed fields */
static bool struct_get(Checker *k, const Instr *in)
{
  const FieldTypes *fs = struct_of(k, in->imm.xy.x);
  if (!fs)
    return false;
  if (in->imm.xy.y >= fs->len)
    return valid_error(k->c, k->at, INVALID_UNKNOWN_FIELD, in->imm.xy.y);
  ValType t = fs->data[in->imm.xy.y].type;
  if (is_packed(t) != (in->op != OP_STRUCT_GET))
    return FAIL(k, is_packed(t) ? INVALID_PACKED
                                : INVALID_UNPACKED);
  return pop(k, def_ref(true, k->c->types[in->imm.xy.x]), NULL) && push(k, unpack(t));
}

static bool struct_set(Checker *k, const Instr *in)
{
  const FieldTypes *fs = struct_of(k, in->imm.xy.x);
  if (!fs)
    return false;
  if (in->imm.xy.y >= fs->len)
    return valid_error(k->c, k->at, INVALID_UNKNOWN_FIELD, in->imm.xy.y);
  FieldType f = fs->data[in->imm.xy.y];
  if (!f.mut)
    return FAIL(k, INVALID_IMMUTABLE_FIELD);
  return pop(k, unpack(f.type), NULL) && pop(k, def_ref(true, k->c->types[in->imm.xy.x]), NULL);
}

/* ---------------------------------------------------------------- Arrays */

static ValType array_ref(Checker *k, uint32_t x)
{
  return def_ref(true, k->c->types[x]);
}

static const FieldType *mutable_array(Checker *k, uint32_t x)
{
  const FieldType *f = array_of(k, x);
  if (f && !f->mut) {
    FAIL(k, INVALID_IMMUTABLE_ARRAY);
    return NULL;
  }
  return f;
}

static bool numeric_array(Checker *k, const FieldType *f)
{
  ValType t = unpack(f->type);
  return t.kind != VAL_REF || FAIL(k, INVALID_ARRAY_NUMERIC);
}

/* array.new_fixed x n : t^n -> (ref x); in unreachable code the values
 * beyond the stack are all BOT, so only those on it are checked */
static bool array_new_fixed(Checker *k, uint32_t x, uint32_t n)
{
  const FieldType *f = array_of(k, x);
  if (!f)
    return false;
  ValType t = unpack(f->type);
  uint32_t avail = k->vals.len - top(k)->height;
  if (n > avail && !top(k)->unreachable)
    return mismatch(k, "instruction", &t, 1);
  for (uint32_t i = 0; i < n && i < avail; i++)
    if (!pop(k, t, NULL))
      return false;
  return push(k, def_ref(false, k->c->types[x]));
}

static bool array_instr(Checker *k, const Instr *in)
{
  uint32_t x = in->imm.xy.x, y = in->imm.xy.y;
  const FieldType *f;
  const ValType *e;
  switch ((Op)in->op) {
  case OP_ARRAY_NEW:
    return (f = array_of(k, x)) && pop(k, I32, NULL) && pop(k, unpack(f->type), NULL) &&
           push(k, def_ref(false, k->c->types[x]));
  case OP_ARRAY_NEW_DEFAULT:
    if (!(f = array_of(k, x)))
      return false;
    if (!valtype_defaultable(unpack(f->type)))
      return FAIL(k, INVALID_ARRAY_DEFAULT);
    return pop(k, I32, NULL) && push(k, def_ref(false, k->c->types[x]));
  case OP_ARRAY_NEW_FIXED:
    return array_new_fixed(k, x, y);
  case OP_ARRAY_NEW_ELEM:
    if (!(f = array_of(k, x)) || !(e = elem_at(k, y)))
      return false;
    if (!sub(k, *e, f->type))
      return FAIL(k, INVALID_ARRAY_ELEM);
    return pop(k, I32, NULL) && pop(k, I32, NULL) && push(k, def_ref(false, k->c->types[x]));
  case OP_ARRAY_NEW_DATA:
    return (f = array_of(k, x)) && numeric_array(k, f) && data_at(k, y) && pop(k, I32, NULL) &&
           pop(k, I32, NULL) && push(k, def_ref(false, k->c->types[x]));
  case OP_ARRAY_GET:
  case OP_ARRAY_GET_S:
  case OP_ARRAY_GET_U:
    if (!(f = array_of(k, in->imm.x)))
      return false;
    if (is_packed(f->type) != (in->op != OP_ARRAY_GET))
      return FAIL(k, INVALID_ARRAY_SIGN);
    return pop(k, I32, NULL) && pop(k, array_ref(k, in->imm.x), NULL) && push(k, unpack(f->type));
  case OP_ARRAY_SET:
    return (f = mutable_array(k, in->imm.x)) && pop(k, unpack(f->type), NULL) && pop(k, I32, NULL) &&
           pop(k, array_ref(k, in->imm.x), NULL);
  case OP_ARRAY_LEN:
    return pop(k, ref(true, HEAP_ARRAY), NULL) && push(k, I32);
  case OP_ARRAY_FILL:
    return (f = mutable_array(k, in->imm.x)) && pop(k, I32, NULL) && pop(k, unpack(f->type), NULL) &&
           pop(k, I32, NULL) && pop(k, array_ref(k, in->imm.x), NULL);
  case OP_ARRAY_COPY: {
    const FieldType *src;
    if (!(f = mutable_array(k, x)) || !(src = array_of(k, y)))
      return false;
    FieldType to = {f->type, false}, from = {src->type, false};
    if (!fieldtype_sub(k->c->ts, from, to))
      return FAIL(k, INVALID_ARRAY_COPY);
    return pop(k, I32, NULL) && pop(k, I32, NULL) && pop(k, array_ref(k, y), NULL) &&
           pop(k, I32, NULL) && pop(k, array_ref(k, x), NULL);
  }
  case OP_ARRAY_INIT_ELEM:
    if (!(f = mutable_array(k, x)) || !(e = elem_at(k, y)))
      return false;
    if (!sub(k, *e, f->type))
      return FAIL(k, INVALID_ARRAY_ELEM);
    return pop(k, I32, NULL) && pop(k, I32, NULL) && pop(k, I32, NULL) && pop(k, array_ref(k, x), NULL);
  case OP_ARRAY_INIT_DATA:
    return (f = mutable_array(k, x)) && numeric_array(k, f) && data_at(k, y) && pop(k, I32, NULL) &&
           pop(k, I32, NULL) && pop(k, I32, NULL) && pop(k, array_ref(k, x), NULL);
  default:
    return false;
  }
}

/* ------------------------------------------------------------ Variables */

static bool local(Checker *k, const Instr *in)
{
  uint32_t x = in->imm.x;
  if (x >= k->nlocals)
    return valid_error(k->c, k->at, INVALID_UNKNOWN_LOCAL, x);
  ValType t = k->locals[x];
  if (in->op == OP_LOCAL_GET) {
    if (!k->init[x])
      return FAIL(k, INVALID_UNINITIALIZED);
    return push(k, t);
  }
  if (!pop(k, t, NULL))
    return false;
  if (!k->init[x]) {
    k->init[x] = true;
    if (!vec_push(&k->arena, &k->inits, x))
      return OUT_OF_MEMORY(k);
  }
  return in->op == OP_LOCAL_SET || push(k, t);
}

static bool global(Checker *k, const Instr *in)
{
  const GlobalType *g = global_at(k, in->imm.x);
  if (!g)
    return false;
  if (in->op == OP_GLOBAL_GET)
    return push(k, g->type);
  if (!g->mut)
    return FAIL(k, INVALID_IMMUTABLE_GLOBAL);
  return pop(k, g->type, NULL);
}

/* --------------------------------------------------------------- Tables */

static bool table_instr(Checker *k, const Instr *in)
{
  const TableType *t = table_at(k, in->op == OP_TABLE_INIT || in->op == OP_TABLE_COPY ? in->imm.xy.x : in->imm.x);
  if (!t)
    return false;
  ValType at = addr(t->addr), rt = t->elem;
  switch ((Op)in->op) {
  case OP_TABLE_GET: return pop(k, at, NULL) && push(k, rt);
  case OP_TABLE_SET: return pop(k, rt, NULL) && pop(k, at, NULL);
  case OP_TABLE_SIZE: return push(k, at);
  case OP_TABLE_GROW: return pop(k, at, NULL) && pop(k, rt, NULL) && push(k, at);
  case OP_TABLE_FILL: return pop(k, at, NULL) && pop(k, rt, NULL) && pop(k, at, NULL);
  case OP_TABLE_COPY: {
    const TableType *src = table_at(k, in->imm.xy.y);
    if (!src)
      return false;
    if (!sub(k, src->elem, rt))
      return FAIL(k, INVALID_TABLE_COPY);
    ValType n = t->addr == ADDR_I64 && src->addr == ADDR_I64 ? I64 : I32;
    return pop(k, n, NULL) && pop(k, addr(src->addr), NULL) && pop(k, at, NULL);
  }
  case OP_TABLE_INIT: {
    const ValType *e = elem_at(k, in->imm.xy.y);
    if (!e)
      return false;
    if (!sub(k, *e, rt))
      return FAIL(k, INVALID_TABLE_ELEM);
    return pop(k, I32, NULL) && pop(k, I32, NULL) && pop(k, at, NULL);
  }
  default:
    return false;
  }
}

/* --------------------------------------------------------------- Memory */

/* Memarg_ok: alignment at most the natural one, offset within the address
 * type; for lanes, the lane within the vector */
static bool memarg(Checker *k, const Instr *in, const MemType **mt)
{
  MemArg ma = in->imm.memarg;
  *mt = memory_at(k, ma.mem);
  if (!*mt)
    return false;
  unsigned natural = instr_info[in->op].n;
  if ((1u << (ma.align > 31 ? 31 : ma.align)) > natural || ma.align > 31)
    return FAIL(k, INVALID_ALIGNMENT);
  if ((*mt)->addr == ADDR_I32 && ma.offset > UINT32_MAX)
    return FAIL(k, INVALID_OFFSET);
  if (instr_info[in->op].shape == IMM_MEMARG_LANE && ma.lane >= 16 / natural)
    return FAIL(k, INVALID_LANE);
  return true;
}

static bool memory_access(Checker *k, const Instr *in)
{
  const MemType *mt;
  if (!memarg(k, in, &mt))
    return false;
  ValType a = addr(mt->addr);
  return apply_sig(k, &a, 1, instr_info[in->op].params, instr_info[in->op].results);
}

static bool memory_instr(Checker *k, const Instr *in)
{
  const MemType *mt = memory_at(k, in->op == OP_MEMORY_COPY || in->op == OP_MEMORY_INIT ? in->imm.xy.x : in->imm.x);
  if (!mt)
    return false;
  ValType at = addr(mt->addr);
  switch ((Op)in->op) {
  case OP_MEMORY_SIZE: return push(k, at);
  case OP_MEMORY_GROW: return pop(k, at, NULL) && push(k, at);
  case OP_MEMORY_FILL: return pop(k, at, NULL) && pop(k, I32, NULL) && pop(k, at, NULL);
  case OP_MEMORY_COPY: {
    const MemType *src = memory_at(k, in->imm.xy.y);
    if (!src)
      return false;
    ValType n = mt->addr == ADDR_I64 && src->addr == ADDR_I64 ? I64 : I32;
    return pop(k, n, NULL) && pop(k, addr(src->addr), NULL) && pop(k, at, NULL);
  }
  case OP_MEMORY_INIT:
    return data_at(k, in->imm.xy.y) && pop(k, I32, NULL) && pop(k, I32, NULL) && pop(k, at, NULL);
  default:
    return false;
  }
}

/* ---------------------------------------------------------- Dispatch */

/* The instructions of constant expressions (spec: Instr_const). */
static bool is_constant(const Checker *k, const Instr *in)
{
  switch ((Op)in->op) {
  case OP_I32_CONST: case OP_I64_CONST: case OP_F32_CONST: case OP_F64_CONST:
  case OP_V128_CONST: case OP_REF_NULL: case OP_REF_I31: case OP_REF_FUNC:
  case OP_STRUCT_NEW: case OP_STRUCT_NEW_DEFAULT: case OP_ARRAY_NEW:
  case OP_ARRAY_NEW_DEFAULT: case OP_ARRAY_NEW_FIXED: case OP_ANY_CONVERT_EXTERN:
  case OP_EXTERN_CONVERT_ANY: case OP_I32_ADD: case OP_I32_SUB: case OP_I32_MUL:
  case OP_I64_ADD: case OP_I64_SUB: case OP_I64_MUL: case OP_END:
    return true;
  case OP_GLOBAL_GET:
    /* only immutable globals (spec: C.GLOBALS[x] = t) */
    return in->imm.x >= k->c->globals_visible || !k->c->globals[in->imm.x].mut;
  default:
    return false;
  }
}

/* Lane immediates: within the shape's lanes (vextract_lane, vreplace_lane)
 * or within two vectors (vshuffle). */
static bool lanes_ok(Checker *k, const Instr *in)
{
  if (instr_info[in->op].shape == IMM_LANE && in->imm.lane >= instr_info[in->op].n)
    return FAIL(k, INVALID_LANE);
  if (instr_info[in->op].shape == IMM_SHUFFLE)
    for (int i = 0; i < 16; i++)
      if (in->imm.shuffle[i] >= 32)
        return FAIL(k, INVALID_LANE);
  return true;
}

/* The numeric and vector instructions: their fixed signature from
 * syntax/instr.def, once their lane immediates are in range. */
static bool by_signature(Checker *k, const Instr *in)
{
  const InstrInfo *info = &instr_info[in->op];
  return lanes_ok(k, in) && apply_sig(k, NULL, 0, info->params, info->results);
}

/* The rows typing_rule hands on by table: each has the signature
 * by_signature and memory_access read (a NULL one would reach apply_sig),
 * and only the loads and stores have a memarg. */
#define HAS_SIG(params) _Generic((params), char *: 1, default: 0)
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results) \
  _Static_assert(HAS_SIG(params) && IMM_##shape != IMM_MEMARG && IMM_##shape != IMM_MEMARG_LANE, \
                 #id ": typing_rule gives it to by_signature");
#include "syntax/instr_numeric.def"
#include "syntax/instr_vector.def"
#undef INSTR
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results) \
  _Static_assert(HAS_SIG(params) && (IMM_##shape == IMM_MEMARG || IMM_##shape == IMM_MEMARG_LANE), \
                 #id ": typing_rule gives it to memory_access");
#include "syntax/instr_memarg.def"
#undef INSTR
#undef HAS_SIG

/* Instr_ok by opcode: one case for every Op and no default, so that a row
 * of syntax/instr.def without its typing rule does not compile. */
/* Errors here only (-Wswitch without a default, -Wswitch-enum if one comes
 * back): the helpers' switches over Op are partial by design. */
#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Wswitch"
#pragma GCC diagnostic error "-Wswitch-enum"
static bool typing_rule(Checker *k, const Instr *in)
{
  ValType t, u;
  switch ((Op)in->op) {
  /* listed from the tables: a new load, store, numeric or vector row needs
   * no case of its own here */
#define INSTR INSTR_CASE
#include "syntax/instr_memarg.def"
    return memory_access(k, in);
#include "syntax/instr_numeric.def"
#include "syntax/instr_vector.def"
    return by_signature(k, in);
#undef INSTR
  case OP_UNREACHABLE: unreachable(k); return true;
  case OP_NOP: return true;
  case OP_DROP: return pop_any(k, &t);
  case OP_SELECT:
    if (in->imm.select) {
      if (in->imm.select->len != 1)
        return FAIL(k, INVALID_SELECT_ARITY);
      if (!valid_valtype(k->c, in->imm.select->type[0], k->at))
        return false;
      t = valtype_close(in->imm.select->type[0], k->c->types);
      return pop(k, I32, NULL) && pop(k, t, NULL) && pop(k, t, NULL) && push(k, t);
    }
    if (!pop(k, I32, NULL) || !pop_any(k, &t) || !pop_any(k, &u))
      return false;
    if (t.kind == VAL_REF || u.kind == VAL_REF || (t.kind != u.kind && t.kind != VAL_BOT && u.kind != VAL_BOT))
      return FAIL(k, INVALID_SELECT);
    return push(k, t.kind == VAL_BOT ? u : t);
  case OP_BLOCK: case OP_LOOP: case OP_IF: return block(k, in);
  case OP_ELSE: return else_(k);
  case OP_END: return end(k);
  case OP_TRY_TABLE: return try_table(k, in);
  case OP_BR: return br(k, in->imm.x);
  case OP_BR_IF: return br_if(k, in->imm.x);
  case OP_BR_TABLE: return br_table(k, in->imm.br_table);
  case OP_BR_ON_NULL: return br_on_null(k, in->imm.x);
  case OP_BR_ON_NON_NULL: return br_on_non_null(k, in->imm.x);
  case OP_BR_ON_CAST: case OP_BR_ON_CAST_FAIL: return br_on_cast(k, in);
  case OP_RETURN: {
    if (!pop_all(k, k->results.data, k->results.len))
      return false;
    unreachable(k);
    return true;
  }
  case OP_CALL: {
    const DefType *f = func_at(k, in->imm.x);
    return f && apply_func(k, &f->comp.func);
  }
  case OP_CALL_REF: return apply_func(k, by_ref(k, in->imm.x));
  case OP_CALL_INDIRECT: return apply_func(k, indirect(k, in));
  case OP_RETURN_CALL: {
    const DefType *f = func_at(k, in->imm.x);
    return f && return_call(k, &f->comp.func);
  }
  case OP_RETURN_CALL_REF: {
    const FuncType *ft = functype_of(k, in->imm.x);
    return ft && pop(k, def_ref(true, k->c->types[in->imm.x]), NULL) && return_call(k, ft);
  }
  case OP_RETURN_CALL_INDIRECT: return return_call(k, indirect(k, in));
  case OP_THROW: {
    const FuncType *ft = tag_at(k, in->imm.x);
    if (!ft)
      return false;
    if (ft->results.len)
      return FAIL(k, INVALID_TAG_RESULT);
    if (!pop_all(k, ft->params.data, ft->params.len))
      return false;
    unreachable(k);
    return true;
  }
  case OP_THROW_REF:
    if (!pop(k, ref(true, HEAP_EXN), NULL))
      return false;
    unreachable(k);
    return true;
  case OP_CONT_NEW: return cont_new(k, in->imm.x);
  case OP_CONT_BIND: return cont_bind(k, in->imm.xy.x, in->imm.xy.y);
  case OP_SUSPEND: return suspend(k, in->imm.x);
  case OP_RESUME: return resume(k, in);
  case OP_RESUME_THROW: return resume_throw(k, in);
  case OP_RESUME_THROW_REF: return resume_throw_ref(k, in);
  case OP_SWITCH: return switch_(k, in->imm.xy.x, in->imm.xy.y);
  case OP_LOCAL_GET: case OP_LOCAL_SET: case OP_LOCAL_TEE: return local(k, in);
  case OP_GLOBAL_GET: case OP_GLOBAL_SET: return global(k, in);
  case OP_TABLE_GET: case OP_TABLE_SET: case OP_TABLE_SIZE: case OP_TABLE_GROW:
  case OP_TABLE_FILL: case OP_TABLE_COPY: case OP_TABLE_INIT:
    return table_instr(k, in);
  case OP_ELEM_DROP: return elem_at(k, in->imm.x) != NULL;
  case OP_MEMORY_SIZE: case OP_MEMORY_GROW: case OP_MEMORY_FILL: case OP_MEMORY_COPY:
  case OP_MEMORY_INIT:
    return memory_instr(k, in);
  case OP_DATA_DROP: return data_at(k, in->imm.x);
  case OP_REF_NULL:
    if (!valid_valtype(k->c, in->imm.ref, k->at))
      return false;
    return push(k, valtype_close(in->imm.ref, k->c->types));
  case OP_REF_FUNC: return ref_func(k, in->imm.x);
  case OP_REF_IS_NULL: return pop_ref(k, &t) && push(k, I32);
  case OP_REF_AS_NON_NULL:
    if (!pop_ref(k, &t))
      return false;
    t.null = false;
    return push(k, t);
  case OP_REF_EQ: return pop(k, ref(true, HEAP_EQ), NULL) && pop(k, ref(true, HEAP_EQ), NULL) && push(k, I32);
  case OP_REF_TEST: case OP_REF_CAST: return ref_test(k, in);
  case OP_REF_I31: return pop(k, I32, NULL) && push(k, ref(false, HEAP_I31));
  case OP_I31_GET_S: case OP_I31_GET_U: return pop(k, ref(true, HEAP_I31), NULL) && push(k, I32);
  case OP_STRUCT_NEW: return struct_new(k, in->imm.x, false);
  case OP_STRUCT_NEW_DEFAULT: return struct_new(k, in->imm.x, true);
  case OP_STRUCT_GET: case OP_STRUCT_GET_S: case OP_STRUCT_GET_U: return struct_get(k, in);
  case OP_STRUCT_SET: return struct_set(k, in);
  case OP_ANY_CONVERT_EXTERN: return convert(k, HEAP_EXTERN, HEAP_ANY);
  case OP_EXTERN_CONVERT_ANY: return convert(k, HEAP_ANY, HEAP_EXTERN);
  case OP_ARRAY_NEW: case OP_ARRAY_NEW_DEFAULT: case OP_ARRAY_NEW_FIXED: case OP_ARRAY_NEW_DATA:
  case OP_ARRAY_NEW_ELEM: case OP_ARRAY_GET: case OP_ARRAY_GET_S: case OP_ARRAY_GET_U:
  case OP_ARRAY_SET: case OP_ARRAY_LEN: case OP_ARRAY_FILL: case OP_ARRAY_COPY:
  case OP_ARRAY_INIT_DATA: case OP_ARRAY_INIT_ELEM:
    return array_instr(k, in);
  }
  /* a number outside the table, which neither the parser nor the decoder makes */
  return INTERNAL(k, INTERNAL_NO_RULE);
}
#pragma GCC diagnostic pop

/* Instr_ok for one instruction. */
static bool check(Checker *k, const Instr *in)
{
  if (in->at)   /* an implicit end has no place of its own: keep the last one */
    k->at = in->at;
  if (k->constant && !is_constant(k, in))
    return FAIL(k, INVALID_CONSTANT);
  return typing_rule(k, in);
}

/* Instrs_ok over an expression whose frame is [] -> results. */
static bool check_expr(Checker *k, const Expr *e)
{
  if (!push_ctrl(k, OP_BLOCK, (ValTypes){0}, k->results))
    return false;
  for (uint32_t i = 0; i < e->len; i++) {
    if (!check(k, &e->data[i]))
      return false;
    if (k->ctrls.len == 0)
      return i + 1 == e->len || INTERNAL(k, INTERNAL_AFTER_END);
  }
  return INTERNAL(k, INTERNAL_NO_END);
}

static void checker_init(Checker *k, Context *c)
{
  memset(k, 0, sizeof *k);
  k->c = c;
  arena_init(&k->arena);
}

/* Func_ok: locals are the parameters, then the declared locals; those that
 * have no default start uninitialized */
bool valid_func(Context *c, const Func *f, uint32_t idx)
{
  const FuncType *ft = valid_functype_at(c, f->type, f->at);
  (void)idx;
  if (!ft)
    return false;
  for (uint32_t i = 0; i < f->locals.len; i++)
    if (!valid_valtype(c, f->locals.data[i], f->at))
      return false;
  Checker k;
  checker_init(&k, c);
  k.at = f->at;
  k.results = ft->results;
  k.nlocals = ft->params.len + f->locals.len;
  k.locals = arena_alloc(&k.arena, (size_t)k.nlocals * sizeof *k.locals + 1);
  k.init = arena_alloc(&k.arena, (size_t)k.nlocals + 1);
  bool ok = k.locals && k.init;
  if (ok) {
    for (uint32_t i = 0; i < ft->params.len; i++) {
      k.locals[i] = ft->params.data[i];
      k.init[i] = true;
    }
    for (uint32_t i = 0; i < f->locals.len; i++) {
      ValType t = valtype_close(f->locals.data[i], c->types);
      k.locals[ft->params.len + i] = t;
      k.init[ft->params.len + i] = valtype_defaultable(t);
    }
    ok = check_expr(&k, &f->body);
  } else {
    valid_out_of_memory(c, f->at);
  }
  arena_free(&k.arena);
  return ok;
}

/* Expr_ok_const: constant instructions only, with type t */
bool valid_const_expr(Context *c, const Expr *e, ValType t)
{
  Checker k;
  checker_init(&k, c);
  k.constant = true;
  k.results = (ValTypes){&t, 1, 1};
  bool ok = check_expr(&k, e);
  arena_free(&k.arena);
  return ok;
}
