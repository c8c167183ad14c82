/* Validation of types (spec: 2.1-validation.types), and the interning of a
 * module's rec groups into the TypeStore. */

#include <stdarg.h>

#include "validate/context.h"
#include "validate/messages.h"

bool valid_error(Context *c, uint32_t at, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  error_vat(c->err, PHASE_INVALID, module_loc(c->m, at), fmt, ap);
  va_end(ap);
  return false;
}

bool valid_out_of_memory(Context *c, uint32_t at)
{
  return error_at(c->err, PHASE_EXHAUSTION, module_loc(c->m, at), EXHAUSTION_OUT_OF_MEMORY);
}

bool valid_internal(Context *c, uint32_t at, const char *msg)
{
  return error_at(c->err, PHASE_INTERNAL, module_loc(c->m, at), "%s", msg);
}

bool valid_failed(const Context *c)
{
  return c->err->phase != PHASE_NONE;
}

bool valid_type_index(const Context *c, uint32_t id, uint32_t *x)
{
  for (uint32_t i = 0; i < c->ntypes; i++)
    if (c->types[i]->id == id) {
      *x = i;
      return true;
    }
  return false;
}

/* The validator's notation: a defined type by its index in the module,
 * as its messages name types. */
typedef struct ValidNotation {
  TypeNotation n;
  const Context *c;
} ValidNotation;

static void valid_heaptype(Buf *out, const TypeNotation *n, ValType t)
{
  uint32_t x;
  if (t.heap != HEAP_DEF)
    buf_puts(out, heapkind_name((HeapKind)t.heap));
  else if (valid_type_index(((const ValidNotation *)n)->c, t.idx, &x))
    buf_printf(out, "%u", x);
  else
    buf_printf(out, "type#%u", t.idx);
}

void valid_print_valtype(Buf *out, const Context *c, ValType t)
{
  ValidNotation x = {{valid_heaptype, HEAP_DEF}, c};
  notation_valtype(out, &x.n, t);
}

const DefType *valid_type_at(Context *c, uint32_t x, uint32_t at)
{
  if (x >= c->ntypes) {
    valid_error(c, at, INVALID_UNKNOWN_TYPE, x);
    return NULL;
  }
  return c->types[x];
}

/* Expand: C.TYPES[x] ~~ comptype, of the kind the rule asks for */
const CompType *valid_comptype_at(Context *c, uint32_t x, CompKind kind, uint32_t at)
{
  const DefType *dt = valid_type_at(c, x, at);
  if (!dt || dt->comp.kind == kind)
    return dt ? &dt->comp : NULL;
  switch (kind) {
  case COMP_FUNC: valid_error(c, at, INVALID_NOT_FUNC, x); break;
  case COMP_STRUCT: valid_error(c, at, INVALID_NOT_STRUCT, x); break;
  case COMP_ARRAY: valid_error(c, at, INVALID_NOT_ARRAY, x); break;
  case COMP_CONT: valid_error(c, at, INVALID_NOT_CONT, x); break;
  }
  return NULL;
}

/* Expand: C.TYPES[x] ~~ FUNC t1* -> t2* */
const FuncType *valid_functype_at(Context *c, uint32_t x, uint32_t at)
{
  const CompType *ct = valid_comptype_at(c, x, COMP_FUNC, at);
  return ct ? &ct->func : NULL;
}

/* Valtype_ok: the type indices it uses are defined; stack-switching types
 * only with the proposal on */
bool valid_valtype(Context *c, ValType t, uint32_t at)
{
  if (t.kind != VAL_REF)
    return true;
  if (t.heap == HEAP_IDX)
    return valid_type_at(c, t.idx, at) != NULL;
  /* spec: valid-cont-heaptypes */
  if ((t.heap == HEAP_CONT || t.heap == HEAP_NOCONT) && !c->opt->stack_switching)
    return valid_error(c, at, INVALID_CONT_FEATURE);
  return true;
}

static bool valid_valtypes(Context *c, const ValTypes *ts, uint32_t at)
{
  for (uint32_t i = 0; i < ts->len; i++)
    if (!valid_valtype(c, ts->data[i], at))
      return false;
  return true;
}

/* Comptype_ok */
static bool valid_comptype(Context *c, const CompType *ct, uint32_t at)
{
  switch (ct->kind) {
  case COMP_FUNC:
    return valid_valtypes(c, &ct->func.params, at) && valid_valtypes(c, &ct->func.results, at);
  case COMP_STRUCT:
    for (uint32_t i = 0; i < ct->fields.len; i++)
      if (!valid_valtype(c, ct->fields.data[i].type, at))
        return false;
    return true;
  case COMP_ARRAY:
    return valid_valtype(c, ct->array.type, at);
  /* spec: valid-cont-type */
  case COMP_CONT:
    /* (cont $ft) ok iff $ft is a function type (Explainer, "Types") */
    if (!c->opt->stack_switching)
      return valid_error(c, at, INVALID_CONT_FEATURE);
    return valid_functype_at(c, ct->cont, at) != NULL;
  }
  return false;
}

/* Subtype_ok: at most one supertype, defined before, not final, and whose
 * comptype this one's matches */
static bool valid_subtype(Context *c, const SubType *st, uint32_t x)
{
  if (!valid_comptype(c, &st->comp, st->at))
    return false;
  if (st->supers.len > 1)
    return valid_error(c, st->at, INVALID_SUPER_COUNT, x);
  if (st->supers.len == 0)
    return true;
  uint32_t y = st->supers.data[0];
  if (y >= x)   /* later in its own rec group (beyond it, interning failed) */
    return valid_error(c, st->at, INVALID_SUPER_FORWARD, y);
  const DefType *super = c->types[y];
  if (super->final)
    return valid_error(c, st->at, INVALID_SUPER_FINAL, x, y);
  if (!comptype_sub(c->ts, &c->types[x]->comp, &super->comp))
    return valid_error(c, st->at, INVALID_SUPER_MATCH, x, y);
  return true;
}

/* A subtype hierarchy within DEFTYPE_DEPTH_MAX (an implementation limit, the
 * JS API's): checked for a whole rec group as soon as it is interned, before
 * any subtype check could look at a type too deep to have a display */
static bool valid_group_depth(Context *c, const SubType *types, uint32_t first, uint32_t n)
{
  for (uint32_t i = first; i < first + n; i++)
    if (c->types[i]->depth > DEFTYPE_DEPTH_MAX)
      return error_at(c->err, PHASE_EXHAUSTION, module_loc(c->m, types[i].at), EXHAUSTION_SUBTYPE_DEPTH,
                      c->types[i]->depth, (unsigned)DEFTYPE_DEPTH_MAX);
  return true;
}

/* Types_ok: each rec group is interned once the types before it are, then
 * its subtypes are checked (Rectype_ok) */
bool valid_types(Context *c)
{
  const SubTypes *ts = &c->m->types;
  c->ntypes = ts->len;
  c->types = ts->len ? arena_alloc(&c->arena, ts->len * sizeof *c->types) : NULL;
  if (ts->len && !c->types)
    return valid_out_of_memory(c, c->m->at);
  for (uint32_t first = 0; first < ts->len;) {
    const SubType *head = &ts->data[first];
    uint32_t n = head->rec_size ? head->rec_size : 1;
    uint32_t bad;
    switch (typestore_intern_group(c->ts, ts->data, first, n, c->types, c->types + first, &bad)) {
    case INTERN_OK: break;
    case INTERN_UNKNOWN: return valid_error(c, head->at, INVALID_UNKNOWN_TYPE, bad);
    case INTERN_NO_MEMORY: return valid_out_of_memory(c, head->at);
    }
    if (!valid_group_depth(c, ts->data, first, n))
      return false;
    for (uint32_t i = first; i < first + n; i++)
      if (!valid_subtype(c, &ts->data[i], i))
        return false;
    first += n;
  }
  return true;
}

/* Limits_ok: min <= max <= k */
bool valid_limits(Context *c, Limits l, uint64_t k, const char *what, uint32_t at)
{
  if (l.min > k || (l.has_max && l.max > k))
    return valid_error(c, at, INVALID_LIMIT, what, (unsigned long long)k);
  if (l.has_max && l.min > l.max)
    return valid_error(c, at, INVALID_LIMITS);
  return true;
}

/* Memtype_ok: within 2^16 pages (32-bit) or 2^48 pages (64-bit) */
static bool valid_memtype(Context *c, MemType mt, uint32_t at)
{
  return valid_limits(c, mt.limits, mt.addr == ADDR_I64 ? (uint64_t)1 << 48 : 1u << 16, "memory", at);
}

/* Tabletype_ok: within 2^32-1 (32-bit) or 2^64-1 (64-bit) elements */
static bool valid_tabletype(Context *c, const TableType *tt, uint32_t at)
{
  return valid_limits(c, tt->limits, tt->addr == ADDR_I64 ? UINT64_MAX : UINT32_MAX, "table", at) &&
         valid_valtype(c, tt->elem, at);
}

/* spec: valid-tag-type */
/* Tagtype_ok: a function type; without stack switching, with no results */
static bool valid_tagtype(Context *c, uint32_t x, uint32_t at)
{
  const FuncType *ft = valid_functype_at(c, x, at);
  if (!ft)
    return false;
  if (ft->results.len && !c->opt->stack_switching)
    return valid_error(c, at, INVALID_TAG_RESULT);
  return true;
}

/* Externtype_ok */
bool valid_externtype(Context *c, const ExternType *xt, uint32_t at)
{
  switch (xt->kind) {
  case EXTERN_FUNC: return valid_functype_at(c, xt->type, at) != NULL;
  case EXTERN_TABLE: return valid_tabletype(c, &xt->table, at);
  case EXTERN_MEM: return valid_memtype(c, xt->mem, at);
  case EXTERN_GLOBAL: return valid_valtype(c, xt->global.type, at);
  case EXTERN_TAG: return valid_tagtype(c, xt->type, at);
  }
  return false;
}
