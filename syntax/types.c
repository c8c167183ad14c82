#include "syntax/types.h"

#include <inttypes.h>
#include <string.h>

#include "util/mem.h"

bool valtype_eq(ValType a, ValType b)
{
  if (a.kind != b.kind)
    return false;
  if (a.kind != VAL_REF)
    return true;
  return a.null == b.null && a.heap == b.heap && (a.heap != HEAP_IDX || a.idx == b.idx);
}

bool valtype_array_eq(const ValType *a, const ValType *b, uint32_t n)
{
  for (uint32_t i = 0; i < n; i++)
    if (!valtype_eq(a[i], b[i]))
      return false;
  return true;
}

bool valtypes_eq(const ValTypes *a, const ValTypes *b)
{
  return a->len == b->len && valtype_array_eq(a->data, b->data, a->len);
}

bool functype_eq(const FuncType *a, const FuncType *b)
{
  return valtypes_eq(&a->params, &b->params) && valtypes_eq(&a->results, &b->results);
}

static bool fieldtype_eq(FieldType a, FieldType b)
{
  return a.mut == b.mut && valtype_eq(a.type, b.type);
}

bool comptype_eq(const CompType *a, const CompType *b)
{
  if (a->kind != b->kind)
    return false;
  switch (a->kind) {
  case COMP_FUNC:
    return functype_eq(&a->func, &b->func);
  case COMP_STRUCT:
    if (a->fields.len != b->fields.len)
      return false;
    for (uint32_t i = 0; i < a->fields.len; i++)
      if (!fieldtype_eq(a->fields.data[i], b->fields.data[i]))
        return false;
    return true;
  case COMP_ARRAY:
    return fieldtype_eq(a->array, b->array);
  case COMP_CONT:
    return a->cont == b->cont;
  }
  return false;
}

bool subtype_eq(const SubType *a, const SubType *b)
{
  if (a->final != b->final || a->rec != b->rec || a->rec_size != b->rec_size ||
      a->supers.len != b->supers.len)
    return false;
  for (uint32_t i = 0; i < a->supers.len; i++)
    if (a->supers.data[i] != b->supers.data[i])
      return false;
  return comptype_eq(&a->comp, &b->comp);
}

static bool limits_eq(Limits a, Limits b)
{
  return a.min == b.min && a.has_max == b.has_max && (!a.has_max || a.max == b.max);
}

bool externtype_eq(const ExternType *a, const ExternType *b)
{
  if (a->kind != b->kind)
    return false;
  switch (a->kind) {
  case EXTERN_FUNC:
  case EXTERN_TAG:
    return a->type == b->type;
  case EXTERN_TABLE:
    return a->table.addr == b->table.addr && limits_eq(a->table.limits, b->table.limits) &&
           valtype_eq(a->table.elem, b->table.elem);
  case EXTERN_MEM:
    return a->mem.addr == b->mem.addr && limits_eq(a->mem.limits, b->mem.limits);
  case EXTERN_GLOBAL:
    return a->global.mut == b->global.mut && valtype_eq(a->global.type, b->global.type);
  }
  return false;
}

const char *heapkind_name(HeapKind h)
{
  static const char *const names[] = {
    [HEAP_ANY] = "any", [HEAP_EQ] = "eq", [HEAP_I31] = "i31",
    [HEAP_STRUCT] = "struct", [HEAP_ARRAY] = "array", [HEAP_NONE] = "none",
    [HEAP_FUNC] = "func", [HEAP_NOFUNC] = "nofunc", [HEAP_EXN] = "exn",
    [HEAP_NOEXN] = "noexn", [HEAP_EXTERN] = "extern", [HEAP_NOEXTERN] = "noextern",
    [HEAP_CONT] = "cont", [HEAP_NOCONT] = "nocont", [HEAP_BOT] = "bot",
    [HEAP_IDX] = "idx",
  };
  return (unsigned)h < sizeof names / sizeof *names ? names[h] : "?";
}

const char *valkind_name(ValKind k)
{
  static const char *const names[] = {
    [VAL_I32] = "i32", [VAL_I64] = "i64", [VAL_F32] = "f32", [VAL_F64] = "f64",
    [VAL_V128] = "v128", [VAL_REF] = "ref", [VAL_BOT] = "bot",
    [PACK_I8] = "i8", [PACK_I16] = "i16",
  };
  return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}

const char *externkind_name(ExternKind k)
{
  static const char *const names[] = {
    [EXTERN_FUNC] = "func", [EXTERN_TABLE] = "table", [EXTERN_MEM] = "memory",
    [EXTERN_GLOBAL] = "global", [EXTERN_TAG] = "tag",
  };
  return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}

/* ================================================ Interning of rec groups */

void typestore_init(TypeStore *ts)
{
  memset(ts, 0, sizeof *ts);
  arena_init(&ts->arena);
}

void typestore_free(TypeStore *ts)
{
  mem_free(ts->by_id);
  mem_free(ts->buckets);
  arena_free(&ts->arena);
  memset(ts, 0, sizeof *ts);
}

/* A reference of a candidate group, in the group-relative form that makes
 * iso-recursive equivalence plain equality (spec: $rolldt): HEAP_REC for the
 * group's own types, HEAP_DEF for earlier ones. */
typedef struct Candidate {
  const SubType *types;       /* the group's subtypes */
  uint32_t first, n;
  const DefType *const *prior;
} Candidate;

static uint32_t canon_index(const Candidate *c, uint32_t x, uint8_t *heap)
{
  if (x >= c->first) {
    *heap = HEAP_REC;
    return x - c->first;
  }
  *heap = HEAP_DEF;
  return c->prior[x]->id;
}

static ValType canon_valtype(const Candidate *c, ValType t)
{
  if (t.kind == VAL_REF && t.heap == HEAP_IDX)
    t.idx = canon_index(c, t.idx, &t.heap);
  return t;
}

/* A stored (closed) type seen from inside its own group. */
static ValType relative_valtype(const TypeStore *ts, const RecGroup *g, ValType t)
{
  if (t.kind == VAL_REF && t.heap == HEAP_DEF && ts->by_id[t.idx]->group == g) {
    t.idx = ts->by_id[t.idx]->index;
    t.heap = HEAP_REC;
  }
  return t;
}

static uint32_t mix(uint32_t h, uint32_t v)
{
  return (h ^ v) * 16777619u;
}

static uint32_t hash_valtype(uint32_t h, ValType t)
{
  h = mix(h, t.kind);
  if (t.kind == VAL_REF)
    h = mix(mix(mix(h, t.heap), t.null), t.heap >= HEAP_IDX ? t.idx : 0);
  return h;
}

/* The value types a comptype is made of, as a list: a function's
 * parameters then results (results marked mutable, to keep the two apart),
 * a struct's fields, an array's field, a continuation's function type. */
static uint32_t comp_count(const CompType *c)
{
  switch (c->kind) {
  case COMP_FUNC: return c->func.params.len + c->func.results.len;
  case COMP_STRUCT: return c->fields.len;
  default: return 1;
  }
}

/* Item k of that list; `heap` is how a continuation's type index is held
 * (HEAP_IDX in syntax, HEAP_DEF when closed). */
static FieldType comp_item(const CompType *c, uint32_t k, HeapKind heap)
{
  switch (c->kind) {
  case COMP_FUNC:
    if (k < c->func.params.len)
      return (FieldType){c->func.params.data[k], false};
    return (FieldType){c->func.results.data[k - c->func.params.len], true};
  case COMP_STRUCT: return c->fields.data[k];
  case COMP_ARRAY: return c->array;
  case COMP_CONT: return (FieldType){valtype_ref(false, heap, c->cont), false};
  }
  return (FieldType){{0}, false};
}

static uint32_t hash_candidate(const Candidate *c)
{
  uint32_t h = mix(2166136261u, c->n);
  for (uint32_t i = 0; i < c->n; i++) {
    const SubType *st = &c->types[c->first + i];
    h = mix(mix(mix(h, st->final), st->supers.len), st->comp.kind);
    for (uint32_t k = 0; k < st->supers.len; k++) {
      uint8_t heap;
      uint32_t x = canon_index(c, st->supers.data[k], &heap);
      h = mix(mix(h, heap), x);
    }
    h = mix(h, st->comp.func.params.len);
    for (uint32_t k = 0; k < comp_count(&st->comp); k++) {
      FieldType f = comp_item(&st->comp, k, HEAP_IDX);
      h = mix(hash_valtype(h, canon_valtype(c, f.type)), f.mut);
    }
  }
  return h;
}

/* Whether the stored group g is the candidate. */
static bool group_eq(const TypeStore *ts, const RecGroup *g, const Candidate *c)
{
  if (g->size != c->n)
    return false;
  for (uint32_t i = 0; i < c->n; i++) {
    const SubType *st = &c->types[c->first + i];
    const DefType *dt = &g->types[i];
    if (st->final != dt->final || st->supers.len != dt->supers.len || st->comp.kind != dt->comp.kind)
      return false;
    for (uint32_t k = 0; k < st->supers.len; k++) {
      ValType a = canon_valtype(c, valtype_ref(false, HEAP_IDX, st->supers.data[k]));
      if (!valtype_eq(a, dt->supers.data[k]))
        return false;
    }
    const CompType *x = &st->comp, *y = &dt->comp;
    if (comp_count(x) != comp_count(y) ||
        (x->kind == COMP_FUNC && x->func.params.len != y->func.params.len))
      return false;
    for (uint32_t k = 0; k < comp_count(x); k++) {
      FieldType a = comp_item(x, k, HEAP_IDX), b = comp_item(y, k, HEAP_DEF);
      if (a.mut != b.mut || !valtype_eq(canon_valtype(c, a.type), relative_valtype(ts, g, b.type)))
        return false;
    }
  }
  return true;
}

static bool grow_ids(TypeStore *ts, uint32_t n)
{
  if (ts->count + n <= ts->cap)
    return true;
  uint32_t cap = ts->cap ? ts->cap : 64;
  while (cap < ts->count + n)
    cap *= 2;
  DefType **p = mem_realloc(ts->by_id, (size_t)cap * sizeof *p);
  if (!p)
    return false;
  ts->by_id = p;
  ts->cap = cap;
  return true;
}

static bool grow_buckets(TypeStore *ts)
{
  if (ts->ngroups < ts->nbuckets)
    return true;
  uint32_t n = ts->nbuckets ? ts->nbuckets * 2 : 64;
  RecGroup **b = mem_calloc(n, sizeof *b);
  if (!b)
    return false;
  for (uint32_t i = 0; i < ts->nbuckets; i++)
    for (RecGroup *g = ts->buckets[i], *next; g; g = next) {
      next = g->next;
      g->next = b[g->hash & (n - 1)];
      b[g->hash & (n - 1)] = g;
    }
  mem_free(ts->buckets);
  ts->buckets = b;
  ts->nbuckets = n;
  return true;
}

/* The closed form of a candidate's value type, once the group has ids. */
static ValType close_candidate(const Candidate *c, const RecGroup *g, ValType t)
{
  if (t.kind == VAL_REF && t.heap == HEAP_IDX) {
    t.heap = HEAP_DEF;
    t.idx = t.idx >= c->first ? g->types[t.idx - c->first].id : c->prior[t.idx]->id;
  }
  return t;
}

static bool close_valtypes(TypeStore *ts, const Candidate *c, const RecGroup *g, const ValTypes *in,
                           ValTypes *out)
{
  *out = (ValTypes){0};
  if (in->len == 0)
    return true;
  out->data = arena_alloc(&ts->arena, (size_t)in->len * sizeof(ValType));
  if (!out->data)
    return false;
  out->len = out->cap = in->len;
  for (uint32_t i = 0; i < in->len; i++)
    out->data[i] = close_candidate(c, g, in->data[i]);
  return true;
}

/* The supertype the i-th type of a new group declares, if it is defined
 * before that type (only such a type can be a supertype: validation refuses
 * the others). */
static const DefType *declared_super(const Candidate *c, const RecGroup *g, const SubType *st, uint32_t i)
{
  if (st->supers.len == 0)
    return NULL;
  uint32_t x = st->supers.data[0];
  return x < c->first ? c->prior[x] : x - c->first < i ? &g->types[x - c->first] : NULL;
}

/* A type's depth and display: its supertype's display, then itself.  Built
 * once, as the type is interned; a type deeper than the limit gets none. */
static bool make_display(TypeStore *ts, DefType *dt, const DefType *super)
{
  dt->depth = super ? super->depth + 1 : 0;
  if (dt->depth > DEFTYPE_DEPTH_MAX)
    return true;
  const DefType **d = arena_alloc(&ts->arena, (dt->depth + 1) * sizeof *d);
  if (!d)
    return false;
  for (uint32_t k = 0; k < dt->depth; k++)
    d[k] = super->display[k];
  d[dt->depth] = dt;
  dt->display = d;
  return true;
}

/* Makes the DefTypes of a new group from the candidate. */
static bool make_group(TypeStore *ts, const Candidate *c, RecGroup *g)
{
  for (uint32_t i = 0; i < c->n; i++) {
    DefType *dt = &g->types[i];
    dt->group = g;
    dt->index = i;
    dt->id = ts->count;
    ts->by_id[ts->count++] = dt;
  }
  for (uint32_t i = 0; i < c->n; i++) {
    const SubType *st = &c->types[c->first + i];
    DefType *dt = &g->types[i];
    dt->final = st->final;
    ValTypes supers = {st->supers.len ? arena_alloc(&ts->arena, st->supers.len * sizeof(ValType)) : NULL,
                       st->supers.len, st->supers.len};
    if (st->supers.len && !supers.data)
      return false;
    for (uint32_t k = 0; k < st->supers.len; k++)
      supers.data[k] = canon_valtype(c, valtype_ref(false, HEAP_IDX, st->supers.data[k]));
    dt->supers = supers;
    if (!make_display(ts, dt, declared_super(c, g, st, i)))
      return false;
    dt->comp.kind = st->comp.kind;
    switch (st->comp.kind) {
    case COMP_FUNC:
      if (!close_valtypes(ts, c, g, &st->comp.func.params, &dt->comp.func.params) ||
          !close_valtypes(ts, c, g, &st->comp.func.results, &dt->comp.func.results))
        return false;
      break;
    case COMP_STRUCT: {
      uint32_t n = st->comp.fields.len;
      dt->comp.fields = (FieldTypes){n ? arena_alloc(&ts->arena, n * sizeof(FieldType)) : NULL, n, n};
      if (n && !dt->comp.fields.data)
        return false;
      for (uint32_t k = 0; k < n; k++) {
        dt->comp.fields.data[k] = st->comp.fields.data[k];
        dt->comp.fields.data[k].type = close_candidate(c, g, st->comp.fields.data[k].type);
      }
      break;
    }
    case COMP_ARRAY:
      dt->comp.array = st->comp.array;
      dt->comp.array.type = close_candidate(c, g, st->comp.array.type);
      break;
    case COMP_CONT:
      dt->comp.cont = close_candidate(c, g, valtype_ref(false, HEAP_IDX, st->comp.cont)).idx;
      break;
    }
  }
  return true;
}

/* Every type a group refers to must be defined by the end of the group. */
static bool group_refs_ok(const Candidate *c, uint32_t *bad)
{
  uint32_t limit = c->first + c->n;
  for (uint32_t i = 0; i < c->n; i++) {
    const SubType *st = &c->types[c->first + i];
    for (uint32_t k = 0; k < st->supers.len; k++)
      if (st->supers.data[k] >= limit)
        return *bad = st->supers.data[k], false;
    for (uint32_t k = 0; k < comp_count(&st->comp); k++) {
      ValType t = comp_item(&st->comp, k, HEAP_IDX).type;
      if (t.kind == VAL_REF && t.heap == HEAP_IDX && t.idx >= limit)
        return *bad = t.idx, false;
    }
  }
  return true;
}

InternResult typestore_intern_group(TypeStore *ts, const SubType *types, uint32_t first, uint32_t n,
                                    const DefType *const *prior, const DefType **out, uint32_t *bad)
{
  Candidate c = {types, first, n, prior};
  *bad = 0;
  if (!group_refs_ok(&c, bad))
    return INTERN_UNKNOWN;
  uint32_t h = hash_candidate(&c);
  if (ts->nbuckets)
    for (RecGroup *g = ts->buckets[h & (ts->nbuckets - 1)]; g; g = g->next)
      if (g->hash == h && group_eq(ts, g, &c)) {
        for (uint32_t i = 0; i < n; i++)
          out[i] = &g->types[i];
        return INTERN_OK;
      }
  if (!grow_ids(ts, n) || !grow_buckets(ts))
    return INTERN_NO_MEMORY;
  RecGroup *g = arena_alloc(&ts->arena, sizeof *g);
  DefType *dts = n ? arena_alloc(&ts->arena, (size_t)n * sizeof *dts) : NULL;
  if (!g || (n && !dts))
    return INTERN_NO_MEMORY;
  *g = (RecGroup){.size = n, .hash = h, .types = dts};
  if (!make_group(ts, &c, g))
    return INTERN_NO_MEMORY;
  g->next = ts->buckets[h & (ts->nbuckets - 1)];
  ts->buckets[h & (ts->nbuckets - 1)] = g;
  ts->ngroups++;
  for (uint32_t i = 0; i < n; i++)
    out[i] = &g->types[i];
  return INTERN_OK;
}

ValType valtype_close(ValType t, const DefType *const *types)
{
  if (t.kind == VAL_REF && t.heap == HEAP_IDX) {
    t.heap = HEAP_DEF;
    t.idx = types[t.idx]->id;
  }
  return t;
}

/* ============================================================ Subtyping */

/* S-def: a type matches itself and, through its declared supertypes, every
 * type above it; b is above a exactly when a's supertype at b's depth is b. */
bool deftype_sub(const DefType *a, const DefType *b)
{
  return b->depth <= a->depth && a->display[b->depth] == b;
}

/* The abstract heap type a defined type falls under. */
static HeapKind comp_heap(const DefType *dt)
{
  switch (dt->comp.kind) {
  case COMP_FUNC: return HEAP_FUNC;
  case COMP_STRUCT: return HEAP_STRUCT;
  case COMP_ARRAY: return HEAP_ARRAY;
  /* spec: sub-cont-heaptypes */
  case COMP_CONT: return HEAP_CONT;
  }
  return HEAP_BOT;
}

HeapKind heaptype_top(const TypeStore *ts, ValType t)
{
  HeapKind h = t.heap == HEAP_DEF ? comp_heap(ts->by_id[t.idx]) : (HeapKind)t.heap;
  switch (h) {
  case HEAP_ANY: case HEAP_EQ: case HEAP_I31: case HEAP_STRUCT: case HEAP_ARRAY: case HEAP_NONE:
    return HEAP_ANY;
  case HEAP_FUNC: case HEAP_NOFUNC: return HEAP_FUNC;
  case HEAP_EXTERN: case HEAP_NOEXTERN: return HEAP_EXTERN;
  case HEAP_EXN: case HEAP_NOEXN: return HEAP_EXN;
  /* spec: sub-cont-heaptypes */
  case HEAP_CONT: case HEAP_NOCONT: return HEAP_CONT;
  default: return HEAP_BOT;
  }
}

/* The bottom of each hierarchy (S-heap/none, nofunc, noextern, noexn, nocont). */
static HeapKind heap_bottom(HeapKind top)
{
  switch (top) {
  case HEAP_ANY: return HEAP_NONE;
  case HEAP_FUNC: return HEAP_NOFUNC;
  case HEAP_EXTERN: return HEAP_NOEXTERN;
  case HEAP_EXN: return HEAP_NOEXN;
  /* spec: sub-cont-heaptypes */
  case HEAP_CONT: return HEAP_NOCONT;
  default: return HEAP_BOT;
  }
}

/* S-heap: eq <: any; i31, struct, array <: eq; a defined type <: the
 * abstract type of its kind; the bottom types under everything of their
 * hierarchy; BOT under everything. */
bool heaptype_sub(const TypeStore *ts, ValType a, ValType b)
{
  if (a.heap == HEAP_BOT)
    return true;
  if (a.heap == HEAP_DEF && b.heap == HEAP_DEF)
    return deftype_sub(ts->by_id[a.idx], ts->by_id[b.idx]);
  HeapKind top = heaptype_top(ts, b);
  if (a.heap == heap_bottom(top) && heaptype_top(ts, a) == top)
    return true;
  if (b.heap == HEAP_DEF)
    return false;
  HeapKind ha = a.heap == HEAP_DEF ? comp_heap(ts->by_id[a.idx]) : (HeapKind)a.heap;
  if (ha == b.heap)
    return true;
  switch ((HeapKind)b.heap) {
  case HEAP_ANY: return heaptype_top(ts, a) == HEAP_ANY;
  case HEAP_EQ: return ha == HEAP_I31 || ha == HEAP_STRUCT || ha == HEAP_ARRAY || ha == HEAP_NONE;
  default: return false;
  }
}

/* S-ref: null only into null */
bool reftype_sub(const TypeStore *ts, ValType a, ValType b)
{
  return (!a.null || b.null) && heaptype_sub(ts, a, b);
}

/* S-val */
bool valtype_sub(const TypeStore *ts, ValType a, ValType b)
{
  if (a.kind == VAL_BOT)
    return true;
  if (a.kind != b.kind)
    return false;
  return a.kind != VAL_REF || reftype_sub(ts, a, b);
}

/* S-field: immutable fields are covariant, mutable ones invariant */
bool fieldtype_sub(const TypeStore *ts, FieldType a, FieldType b)
{
  if (a.mut != b.mut)
    return false;
  if (a.type.kind == PACK_I8 || a.type.kind == PACK_I16 || b.type.kind == PACK_I8 ||
      b.type.kind == PACK_I16)
    return a.type.kind == b.type.kind;
  return valtype_sub(ts, a.type, b.type) && (!a.mut || valtype_sub(ts, b.type, a.type));
}

/* S-comp: structs by prefix (width and depth), arrays by field, functions
 * contravariant in parameters and covariant in results; continuations by
 * their function types */
bool comptype_sub(const TypeStore *ts, const CompType *a, const CompType *b)
{
  if (a->kind != b->kind)
    return false;
  switch (a->kind) {
  case COMP_STRUCT:
    if (a->fields.len < b->fields.len)
      return false;
    for (uint32_t i = 0; i < b->fields.len; i++)
      if (!fieldtype_sub(ts, a->fields.data[i], b->fields.data[i]))
        return false;
    return true;
  case COMP_ARRAY:
    return fieldtype_sub(ts, a->array, b->array);
  case COMP_FUNC:
    if (a->func.params.len != b->func.params.len || a->func.results.len != b->func.results.len)
      return false;
    for (uint32_t i = 0; i < a->func.params.len; i++)
      if (!valtype_sub(ts, b->func.params.data[i], a->func.params.data[i]))
        return false;
    for (uint32_t i = 0; i < a->func.results.len; i++)
      if (!valtype_sub(ts, a->func.results.data[i], b->func.results.data[i]))
        return false;
    return true;
  /* spec: sub-cont-type */
  case COMP_CONT:
    return deftype_sub(ts->by_id[a->cont], ts->by_id[b->cont]);
  }
  return false;
}

/* Defaultable: numbers, vectors and nullable references have a default */
bool valtype_defaultable(ValType t)
{
  return t.kind != VAL_REF || t.null;
}

/* S-limits: at least as large a minimum, and a maximum no larger if one is
 * required */
static bool limits_sub(Limits a, Limits b)
{
  return a.min >= b.min && (!b.has_max || (a.has_max && a.max <= b.max));
}

bool externtype_sub(const TypeStore *ts, const ExternType *a, const ExternType *b)
{
  if (a->kind != b->kind)
    return false;
  switch (a->kind) {
  case EXTERN_FUNC:  /* S-extern/func */
    return deftype_sub(ts->by_id[a->type], ts->by_id[b->type]);
  case EXTERN_TAG:   /* S-tag: equivalent types */
    return a->type == b->type;
  case EXTERN_MEM:   /* S-mem */
    return a->mem.addr == b->mem.addr && limits_sub(a->mem.limits, b->mem.limits);
  case EXTERN_TABLE: /* S-table: element types equivalent */
    return a->table.addr == b->table.addr && limits_sub(a->table.limits, b->table.limits) &&
           reftype_sub(ts, a->table.elem, b->table.elem) && reftype_sub(ts, b->table.elem, a->table.elem);
  case EXTERN_GLOBAL: /* S-global: mutable ones invariant */
    return a->global.mut == b->global.mut && valtype_sub(ts, a->global.type, b->global.type) &&
           (!a->global.mut || valtype_sub(ts, b->global.type, a->global.type));
  }
  return false;
}

/* ---------------------------------------------------------------- Notation */

void notation_valtype(Buf *b, const TypeNotation *n, ValType t)
{
  if (t.kind != VAL_REF) {
    buf_puts(b, valkind_name((ValKind)t.kind));
    return;
  }
  buf_puts(b, t.null ? "(ref null " : "(ref ");
  n->heaptype(b, n, t);
  buf_putc(b, ')');
}

/* [t*], a result type */
static void notation_resulttype(Buf *b, const TypeNotation *n, const ValTypes *l)
{
  buf_putc(b, '[');
  for (uint32_t i = 0; i < l->len; i++) {
    if (i)
      buf_putc(b, ' ');
    notation_valtype(b, n, l->data[i]);
  }
  buf_putc(b, ']');
}

void notation_mut(Buf *b, const TypeNotation *n, ValType t, bool mut)
{
  if (mut)
    buf_puts(b, "(mut ");
  notation_valtype(b, n, t);
  if (mut)
    buf_putc(b, ')');
}

/* comptype: struct (field …)*, array ft, func [t*] -> [t*], cont ht */
void notation_comptype(Buf *b, const TypeNotation *n, const CompType *c)
{
  switch (c->kind) {
  case COMP_STRUCT:
    buf_puts(b, "struct ");   /* the space even with no field, as the official */
    for (uint32_t i = 0; i < c->fields.len; i++) {
      buf_puts(b, i ? " (field " : "(field ");
      notation_mut(b, n, c->fields.data[i].type, c->fields.data[i].mut);
      buf_putc(b, ')');
    }
    break;
  case COMP_ARRAY:
    buf_puts(b, "array ");
    notation_mut(b, n, c->array.type, c->array.mut);
    break;
  case COMP_FUNC:
    buf_puts(b, "func ");
    notation_resulttype(b, n, &c->func.params);
    buf_puts(b, " -> ");
    notation_resulttype(b, n, &c->func.results);
    break;
  case COMP_CONT:
    buf_puts(b, "cont ");
    n->heaptype(b, n, valtype_ref(false, n->index_heap, c->cont));
    break;
  }
}

void notation_heap_named(Buf *b, ValType t)
{
  switch ((HeapKind)t.heap) {
  case HEAP_REC: buf_printf(b, "rec.%" PRIu32, t.idx); break;
  case HEAP_IDX: buf_printf(b, "%" PRIu32, t.idx); break;
  case HEAP_BOT: buf_puts(b, "something"); break;
  default: buf_puts(b, heapkind_name((HeapKind)t.heap)); break;
  }
}

/* The notation of a store's closed types, which name defined types by
 * their index in the TypeStore, written from inside rec group `group`
 * (NULL: from outside every group). */
typedef struct ClosedNotation {
  TypeNotation n;
  const TypeStore *ts;
  const RecGroup *group;
} ClosedNotation;

static void closed_deftype(Buf *b, const TypeStore *ts, const DefType *dt);

static void closed_heaptype(Buf *b, const TypeNotation *n, ValType t)
{
  const ClosedNotation *x = (const ClosedNotation *)n;
  if (t.heap != HEAP_DEF) {
    notation_heap_named(b, t);
    return;
  }
  const DefType *dt = t.idx < x->ts->count ? typestore_get(x->ts, t.idx) : NULL;
  if (!dt) {
    buf_printf(b, "%" PRIu32, t.idx);   /* never in a validated module */
  } else if (dt->group == x->group) {
    buf_printf(b, "rec.%" PRIu32, dt->index);
  } else {
    buf_putc(b, '(');
    closed_deftype(b, x->ts, dt);
    buf_putc(b, ')');
  }
}

/* subtype: the comptype alone when final without supertypes */
static void closed_subtype(Buf *b, const ClosedNotation *x, const DefType *dt)
{
  if (dt->final && dt->supers.len == 0) {
    notation_comptype(b, &x->n, &dt->comp);
    return;
  }
  buf_puts(b, dt->final ? "sub final" : "sub");
  for (uint32_t i = 0; i < dt->supers.len; i++) {
    buf_putc(b, ' ');
    closed_heaptype(b, &x->n, dt->supers.data[i]);
  }
  buf_puts(b, " (");
  notation_comptype(b, &x->n, &dt->comp);
  buf_putc(b, ')');
}

/* deftype: its subtype when alone in its rec group, else (rec …).i */
static void closed_deftype(Buf *b, const TypeStore *ts, const DefType *dt)
{
  const RecGroup *g = dt->group;
  ClosedNotation x = {{closed_heaptype, HEAP_DEF}, ts, g};
  if (g->size == 1) {
    closed_subtype(b, &x, dt);
    return;
  }
  buf_puts(b, "(rec");
  for (uint32_t i = 0; i < g->size; i++) {
    buf_puts(b, " (");
    closed_subtype(b, &x, &g->types[i]);
    buf_putc(b, ')');
  }
  buf_printf(b, ").%" PRIu32, dt->index);
}

void valtype_print(Buf *b, const TypeStore *ts, ValType t)
{
  ClosedNotation x = {{closed_heaptype, HEAP_DEF}, ts, NULL};
  notation_valtype(b, &x.n, t);
}

void deftype_print(Buf *b, const TypeStore *ts, const DefType *dt)
{
  closed_deftype(b, ts, dt);
}
