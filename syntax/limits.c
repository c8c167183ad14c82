/* The limits on a module's size (see syntax/limits.h). */

#include "syntax/limits.h"

#include "syntax/messages.h"

uint32_t limit_max(Limit l)
{
  static const uint32_t max[] = {
#define LIMIT_MAX(name, max, message) [LIMIT_##name] = max,
    MODULE_LIMITS(LIMIT_MAX)
#undef LIMIT_MAX
  };
  return max[l];
}

/* Each message is a literal at its call, so that -Wformat checks it. */
bool limit_within(Limit l, uint64_t n, Loc at, Error *err)
{
  unsigned long long count = n, max = limit_max(l);
  if (count <= max)
    return true;
  switch (l) {
#define LIMIT_CASE(name, max_, message) \
  case LIMIT_##name: return error_at(err, PHASE_EXHAUSTION, at, message, count, max);
    MODULE_LIMITS(LIMIT_CASE)
#undef LIMIT_CASE
  }
  return false;
}

/* A vector of the module within limit l, else the error at its first item
 * beyond: every item of the syntax keeps its source offset in `at`. */
#define VEC_WITHIN(m, l, v, err) \
  ((v).len <= limit_max(l) || limit_within((l), (v).len, module_loc((m), (v).data[limit_max(l)].at), (err)))

/* The parameters and results of a function type (and so of every block
 * type, which names one), and the fields of a struct type. */
static bool type_within(const Module *m, const SubType *st, Error *err)
{
  Loc at = module_loc(m, st->at);
  switch (st->comp.kind) {
  case COMP_FUNC:
    return limit_within(LIMIT_PARAMS, st->comp.func.params.len, at, err)
        && limit_within(LIMIT_RESULTS, st->comp.func.results.len, at, err);
  case COMP_STRUCT:
    return limit_within(LIMIT_FIELDS, st->comp.fields.len, at, err);
  case COMP_ARRAY:
  case COMP_CONT:
    return true;
  }
  return true;
}

/* Tables and memories count the imported ones, which come first in their
 * index space: the one beyond the limit is an import or a definition. */
static bool space_within(const Module *m, ExternKind kind, Limit l, uint32_t defined, Error *err)
{
  uint32_t imported = module_imports(m, kind), max = limit_max(l);
  uint64_t n = (uint64_t)imported + defined;
  if (n <= max)
    return true;
  uint32_t at = 0;
  if (max < imported) {
    for (uint32_t i = 0, k = 0; i < m->imports.len; i++)
      if (m->imports.data[i].type.kind == kind && k++ == max) {
        at = m->imports.data[i].at;
        break;
      }
  } else {
    at = kind == EXTERN_TABLE ? m->tables.data[max - imported].at : m->mems.data[max - imported].at;
  }
  return limit_within(l, n, module_loc(m, at), err);
}

/* The locals of a function, with its parameters (a type index that names
 * no function type is validation's to report). */
static bool locals_within(const Module *m, const Func *f, Error *err)
{
  const FuncType *ft = module_functype(m, f->type);
  uint64_t n = (uint64_t)f->locals.len + (ft ? ft->params.len : 0);
  return limit_within(LIMIT_LOCALS, n, module_loc(m, f->at), err);
}

/* An expression: how deep its structured instructions nest, and the
 * operands of each array.new_fixed (its u32 immediate). */
static bool expr_within(const Module *m, const Expr *e, Error *err)
{
  uint32_t depth = 0;
  for (uint32_t i = 0; i < e->len; i++) {
    const Instr *in = &e->data[i];
    if (op_opens_block(in->op)) {
      if (!limit_within(LIMIT_NESTING, ++depth, module_loc(m, in->at), err))
        return false;
    } else if (in->op == OP_END) {
      depth -= depth > 0;  /* the last closes the expression itself */
    } else if (in->op == OP_ARRAY_NEW_FIXED
               && !limit_within(LIMIT_FIXED, in->imm.xy.y, module_loc(m, in->at), err)) {
      return false;
    }
  }
  return true;
}

/* Every expression of a module: bodies, initialisers, offsets, items. */
static bool exprs_within(const Module *m, Error *err)
{
  for (uint32_t i = 0; i < m->funcs.len; i++)
    if (!expr_within(m, &m->funcs.data[i].body, err))
      return false;
  for (uint32_t i = 0; i < m->globals.len; i++)
    if (!expr_within(m, &m->globals.data[i].init, err))
      return false;
  for (uint32_t i = 0; i < m->tables.len; i++)
    if (!expr_within(m, &m->tables.data[i].init, err))
      return false;
  for (uint32_t i = 0; i < m->elems.len; i++) {
    const Elem *e = &m->elems.data[i];
    if (!expr_within(m, &e->offset, err))
      return false;
    for (uint32_t k = 0; k < e->items.len; k++)
      if (!expr_within(m, &e->items.data[k], err))
        return false;
  }
  for (uint32_t i = 0; i < m->datas.len; i++)
    if (!expr_within(m, &m->datas.data[i].offset, err))
      return false;
  return true;
}

bool module_check_limits(const Module *m, Error *err)
{
  if (!VEC_WITHIN(m, LIMIT_TYPES, m->types, err)
      || !VEC_WITHIN(m, LIMIT_FUNCS, m->funcs, err) || !VEC_WITHIN(m, LIMIT_IMPORTS, m->imports, err)
      || !VEC_WITHIN(m, LIMIT_EXPORTS, m->exports, err) || !VEC_WITHIN(m, LIMIT_GLOBALS, m->globals, err)
      || !VEC_WITHIN(m, LIMIT_TAGS, m->tags, err) || !VEC_WITHIN(m, LIMIT_DATAS, m->datas, err)
      || !VEC_WITHIN(m, LIMIT_ELEMS, m->elems, err)
      || !space_within(m, EXTERN_TABLE, LIMIT_TABLES, m->tables.len, err)
      || !space_within(m, EXTERN_MEM, LIMIT_MEMS, m->mems.len, err))
    return false;
  for (uint32_t i = 0; i < m->types.len; i++)
    if (!type_within(m, &m->types.data[i], err))
      return false;
  for (uint32_t i = 0; i < m->funcs.len; i++)
    if (!locals_within(m, &m->funcs.data[i], err))
      return false;
  return exprs_within(m, err);
}
