/* Identifiers to indices, once a module's text has been parsed (spec: the
 * identifier context I of 6.1-text.values, and type uses of 6.2-text.types).
 *
 * Every index slot the parser could not fill with a plain number holds a
 * handle into the parser's table of vars (text/parse.h).  First the type
 * uses are resolved, in the order they appear in the text, because a type
 * use without `(type x)` may append a new function type to the module;
 * then one walk over the module replaces every handle, slot by slot, in the
 * index space its position says. */

#include <stddef.h>
#include <string.h>

#include "text/messages.h"
#include "text/parse.h"

typedef struct Resolver {
  TextParser *p;
  Module *m;
  /* The function whose body is being resolved. */
  const TextFunc *func;
  uint32_t nparams;
  NameTable locals;
  bool locals_indexed;
} Resolver;

/* The spaces' names in "unknown …" messages. */
static const char *const unknown_names[SPACE_COUNT] = {
  [SPACE_TYPE] = "type", [SPACE_FUNC] = "function", [SPACE_TABLE] = "table",
  [SPACE_MEM] = "memory", [SPACE_GLOBAL] = "global", [SPACE_TAG] = "tag",
  [SPACE_ELEM] = "elem segment", [SPACE_DATA] = "data segment", [SPACE_LOCAL] = "local",
  [SPACE_FIELD] = "field",
};

static bool unknown(Resolver *r, Space s, const Var *v)
{
  return text_error(r->p, v->at, MALFORMED_UNKNOWN, unknown_names[s], (int)v->name.len,
                    (const char *)v->name.data);
}

/* Makes the parameter and local names of the current function a table. */
static void index_locals(Resolver *r)
{
  bool oom = false;
  r->locals_indexed = true;
  const Names *params = &r->func->params, *locals = &r->func->locals;
  for (uint32_t i = 0; i < params->len; i++)
    if (params->data[i].len)
      name_insert(r->p->arena, &r->locals, params->data[i], i, &oom);
  for (uint32_t i = 0; i < locals->len; i++)
    if (locals->data[i].len)
      name_insert(r->p->arena, &r->locals, locals->data[i], r->nparams + i, &oom);
  if (oom)
    text_oom(r->p);
}

/* The index an identifier denotes in a space (field: of type `type`). */
static bool lookup(Resolver *r, Space s, const Var *v, uint32_t type, uint32_t *idx)
{
  if (s == SPACE_LOCAL) {
    if (!r->func)
      return unknown(r, s, v);
    if (!r->locals_indexed)
      index_locals(r);
    return name_lookup(&r->locals, v->name, idx) || unknown(r, s, v);
  }
  if (s == SPACE_FIELD) {
    if (type < r->p->nfields) {
      const Names *f = &r->p->fields[type];
      for (uint32_t i = 0; i < f->len; i++)
        if (name_eq(f->data[i], v->name)) {
          *idx = i;
          return true;
        }
    }
    return unknown(r, s, v);
  }
  return name_lookup(&r->p->names[s], v->name, idx) || unknown(r, s, v);  /* module-level spaces */
}

/* Replaces a handle in *slot by the index it denotes. */
static void slot_in(Resolver *r, uint32_t *slot, Space s, uint32_t type)
{
  if (!is_var(*slot) || text_failed(r->p))
    return;
  const Var *v = &r->p->vars.data[*slot - VAR_BASE];
  uint32_t idx = 0;
  if (v->kind == VAR_NAME && !lookup(r, s, v, type, &idx))
    return;
  if (v->kind == VAR_NUM)
    idx = v->num;
  *slot = idx;
}

static void slot(Resolver *r, uint32_t *x, Space s)
{
  slot_in(r, x, s, 0);
}

/* heaptype ::= … | typeidx */
static void valtype(Resolver *r, ValType *t)
{
  if (t->kind == VAL_REF && t->heap == HEAP_IDX)
    slot(r, &t->idx, SPACE_TYPE);
}

static void valtypes(Resolver *r, ValTypes *ts)
{
  for (uint32_t i = 0; i < ts->len; i++)
    valtype(r, &ts->data[i]);
}

/* ================================================================ Type uses */

/* A type definition that an implicit type use may reuse: alone in its rec
 * group, final, without supertypes, and a function type equal to ft
 * (spec: Ttypeuse_(I)/abbrev). */
static bool implicit_match(const SubType *st, const FuncType *ft)
{
  return st->rec_size == 1 && st->final && st->supers.len == 0 && st->comp.kind == COMP_FUNC &&
         functype_eq(&st->comp.func, ft);
}

/* The index of the first such type, appending one if there is none. */
static uint32_t implicit_type(Resolver *r, const TypeUse *use)
{
  FuncType ft = {use->params, use->results};
  SubTypes *types = &r->m->types;
  for (uint32_t i = 0; i < types->len; i++)
    if (implicit_match(&types->data[i], &ft))
      return i;
  uint32_t idx = types->len;
  SubType st = {.final = true, .comp = {.kind = COMP_FUNC, .func = ft}, .rec = idx,
                .rec_size = 1, .at = use->at};
  if (!vec_push(&r->m->arena, types, st))
    text_oom(r->p);
  return idx;
}

/* typeuse ::= (type x) param* result* — the params and results, if
 * written, must be x's (spec: Ttypeuse_(I)/base) */
static uint32_t explicit_type(Resolver *r, TypeUse *use)
{
  slot(r, &use->type, SPACE_TYPE);
  if (use->params.len == 0 && use->results.len == 0)
    return use->type;
  FuncType ft = {use->params, use->results};
  const FuncType *def = module_functype(r->m, use->type);
  if (use->type >= r->m->types.len)
    text_error(r->p, use->at, MALFORMED_UNKNOWN_TYPE, use->type);
  else if (!def || !functype_eq(def, &ft))
    text_error(r->p, use->at, MALFORMED_INLINE_TYPE);
  return use->type;
}

static void resolve_typeuses(Resolver *r)
{
  for (uint32_t i = 0; i < r->p->vars.len && !text_failed(r->p); i++) {
    Var *v = &r->p->vars.data[i];
    if (v->kind != VAR_TYPEUSE)
      continue;
    valtypes(r, &v->use->params);
    valtypes(r, &v->use->results);
    v->num = v->use->has_type ? explicit_type(r, v->use) : implicit_type(r, v->use);
    v->kind = VAR_NUM;
  }
}

/* ================================================================= Types */

static void comptype(Resolver *r, CompType *ct)
{
  switch (ct->kind) {
  case COMP_FUNC:
    valtypes(r, &ct->func.params);
    valtypes(r, &ct->func.results);
    break;
  case COMP_STRUCT:
    for (uint32_t i = 0; i < ct->fields.len; i++)
      valtype(r, &ct->fields.data[i].type);
    break;
  case COMP_ARRAY:
    valtype(r, &ct->array.type);
    break;
  case COMP_CONT:
    slot(r, &ct->cont, SPACE_TYPE);
    break;
  }
}

static void subtype(Resolver *r, SubType *st)
{
  for (uint32_t i = 0; i < st->supers.len; i++)
    slot(r, &st->supers.data[i], SPACE_TYPE);
  comptype(r, &st->comp);
}

/* ========================================================== Instructions */

static void blocktype(Resolver *r, BlockType *bt)
{
  if (bt->kind == BLOCK_TYPEIDX)
    slot(r, &bt->idx, SPACE_TYPE);
  else if (bt->kind == BLOCK_VALTYPE)
    valtype(r, &bt->valtype);
}

static void handlers(Resolver *r, Handlers *h)
{
  for (uint32_t i = 0; i < h->len; i++)
    slot(r, &h->handler[i].tag, SPACE_TAG);
}

/* An index immediate of kind `k` (syntax/shapes.def) in its index space;
 * a field index is one of the type in imm.xy.x. */
static void imm_index(Resolver *r, Instr *in, uint32_t *x, ImmIndex k)
{
  switch (k) {
  case INDEX_NONE:
  case INDEX_LABEL:  /* resolved while parsing */
  case INDEX_U32:
    return;
  case INDEX_TYPE:
  case INDEX_TYPEUSE: slot(r, x, SPACE_TYPE); return;
  case INDEX_FUNC: slot(r, x, SPACE_FUNC); return;
  case INDEX_TABLE: slot(r, x, SPACE_TABLE); return;
  case INDEX_MEM: slot(r, x, SPACE_MEM); return;
  case INDEX_GLOBAL: slot(r, x, SPACE_GLOBAL); return;
  case INDEX_TAG: slot(r, x, SPACE_TAG); return;
  case INDEX_ELEM: slot(r, x, SPACE_ELEM); return;
  case INDEX_DATA: slot(r, x, SPACE_DATA); return;
  case INDEX_LOCAL: slot(r, x, SPACE_LOCAL); return;
  case INDEX_FIELD: slot_in(r, x, SPACE_FIELD, in->imm.xy.x); return;
  }
}

/* The indices shapes.def places in imm.x or imm.xy, in text order, so a
 * type is resolved before its fields. */
static void indices(Resolver *r, Instr *in)
{
  const ShapeInfo *s = &shape_info[instr_info[in->op].shape];
  switch (s->imm) {
  case LAYOUT_X:
    imm_index(r, in, &in->imm.x, s->x);
    return;
  case LAYOUT_XY:
  case LAYOUT_YX:
    imm_index(r, in, &in->imm.xy.x, s->x);
    imm_index(r, in, &in->imm.xy.y, s->y);
    return;
  case LAYOUT_NONE:
  case LAYOUT_OWN:
    return;
  }
}

/* The index immediates of an instruction, by shape (syntax/shapes.def). */
static void instr(Resolver *r, Instr *in)
{
  switch (instr_info[in->op].shape) {
#define SHAPE SHAPE_TABLE_CASE
#include "syntax/shapes.def"
    indices(r, in);
    break;
  case IMM_BLOCK:
    blocktype(r, &in->imm.block.type);
    break;
  case IMM_TRY_TABLE:
    blocktype(r, &in->imm.block.type);
    for (uint32_t i = 0; i < in->imm.block.catches->len; i++)
      slot(r, &in->imm.block.catches->catch_[i].tag, SPACE_TAG);
    break;
  case IMM_SELECT:
    if (in->imm.select)
      for (uint32_t i = 0; i < in->imm.select->len; i++)
        valtype(r, &in->imm.select->type[i]);
    break;
  case IMM_BR_ON_CAST:
    valtype(r, &in->imm.br_on_cast.rt1);
    valtype(r, &in->imm.br_on_cast.rt2);
    break;
  case IMM_MEMARG:
  case IMM_MEMARG_LANE:
    slot(r, &in->imm.memarg.mem, SPACE_MEM);
    break;
  case IMM_HEAPTYPE:
  case IMM_REFTYPE:
    valtype(r, &in->imm.ref);
    break;
  case IMM_RESUME_THROW:
    slot(r, &in->imm.resume.tag, SPACE_TAG);
    /* fall through */
  case IMM_RESUME:
    slot(r, &in->imm.resume.type, SPACE_TYPE);
    handlers(r, in->imm.resume.handlers);
    break;
  case IMM_ELSE:
  case IMM_BR_TABLE:  /* labels only, resolved while parsing */
  case IMM_I32:
  case IMM_I64:
  case IMM_F32:
  case IMM_F64:
  case IMM_V128:
  case IMM_SHUFFLE:
  case IMM_LANE:
    break;
  }
}

static void expr(Resolver *r, Expr *e)
{
  for (uint32_t i = 0; i < e->len && !text_failed(r->p); i++)
    instr(r, &e->data[i]);
}

/* ================================================================ Fields */

static void import(Resolver *r, Import *im)
{
  switch (im->type.kind) {
  case EXTERN_FUNC:
  case EXTERN_TAG:
    slot(r, &im->type.type, SPACE_TYPE);
    break;
  case EXTERN_TABLE:
    valtype(r, &im->type.table.elem);
    break;
  case EXTERN_GLOBAL:
    valtype(r, &im->type.global.type);
    break;
  case EXTERN_MEM:
    break;
  }
}

static void func(Resolver *r, Func *f, const TextFunc *tf)
{
  slot(r, &f->type, SPACE_TYPE);
  valtypes(r, &f->locals);
  const FuncType *ft = module_functype(r->m, f->type);
  r->func = tf;
  r->nparams = ft ? ft->params.len : tf->params.len;
  r->locals = (NameTable){0};
  r->locals_indexed = false;
  expr(r, &f->body);
  r->func = NULL;
}

static void elem(Resolver *r, Elem *e)
{
  valtype(r, &e->type);
  for (uint32_t i = 0; i < e->items.len; i++)
    expr(r, &e->items.data[i]);
  if (e->mode == SEG_ACTIVE) {
    slot(r, &e->table, SPACE_TABLE);
    expr(r, &e->offset);
  }
}

static void data(Resolver *r, Data *d)
{
  if (d->mode == SEG_ACTIVE) {
    slot(r, &d->mem, SPACE_MEM);
    expr(r, &d->offset);
  }
}

static void export(Resolver *r, Export *e)
{
  static const Space spaces[EXTERN_KINDS] = {
    [EXTERN_FUNC] = SPACE_FUNC, [EXTERN_TABLE] = SPACE_TABLE, [EXTERN_MEM] = SPACE_MEM,
    [EXTERN_GLOBAL] = SPACE_GLOBAL, [EXTERN_TAG] = SPACE_TAG,
  };
  slot(r, &e->idx, spaces[e->kind]);
}

/* The identifiers of one index space as a name map (what a binary's name
 * section holds), so that backtraces and traces can say $name. */
static void name_space(TextParser *p, Space space, NameMap *map)
{
  const NameTable *t = &p->names[space];
  for (uint32_t i = 0; i < t->cap; i++) {
    const NameEntry *e = &t->slots[i];
    if (e->name.data && e->name.len && !vec_push(&p->mod->arena, map, ((NameAssoc){e->idx, e->name})))
      text_oom(p);
  }
}

/* A function's parameters' and locals' identifiers, by local index. */
static NameMap local_names(TextParser *p, const TextFunc *f)
{
  NameMap map = {0};
  const Names *lists[] = {&f->params, &f->locals};
  uint32_t idx = 0;
  for (int k = 0; k < 2; k++)
    for (uint32_t i = 0; i < lists[k]->len; i++, idx++)
      if (lists[k]->data[i].len && !vec_push(&p->mod->arena, &map, ((NameAssoc){idx, lists[k]->data[i]})))
        text_oom(p);
  return map;
}

/* The module's identifiers as its names (spec: appendix, name section and
 * its extension): functions, the other index spaces, each function's
 * locals and labels. */
static void name_module(TextParser *p)
{
  NameSection *ns = &p->mod->names;
  static const struct { Space space; size_t offset; } spaces[] = {
    {SPACE_FUNC, offsetof(NameSection, funcs)},     {SPACE_TYPE, offsetof(NameSection, types)},
    {SPACE_TABLE, offsetof(NameSection, tables)},   {SPACE_MEM, offsetof(NameSection, mems)},
    {SPACE_GLOBAL, offsetof(NameSection, globals)}, {SPACE_ELEM, offsetof(NameSection, elems)},
    {SPACE_DATA, offsetof(NameSection, datas)},     {SPACE_TAG, offsetof(NameSection, tags)},
  };
  for (size_t i = 0; i < sizeof spaces / sizeof *spaces; i++)
    name_space(p, spaces[i].space, (NameMap *)((char *)ns + spaces[i].offset));
  uint32_t imported = p->imported[EXTERN_FUNC];
  for (uint32_t i = 0; i < p->funcs.len; i++) {
    NameMap locals = local_names(p, &p->funcs.data[i]);
    if (locals.len && !vec_push(&p->mod->arena, &ns->locals, ((IndirectNameAssoc){imported + i, locals})))
      text_oom(p);
    const NameMap *labels = &p->funcs.data[i].labels;
    if (labels->len && !vec_push(&p->mod->arena, &ns->labels, ((IndirectNameAssoc){imported + i, *labels})))
      text_oom(p);
  }
  names_sort(ns);
  ns->present = ns->funcs.len || ns->types.len || ns->tables.len || ns->mems.len || ns->globals.len
                || ns->elems.len || ns->datas.len || ns->tags.len || ns->locals.len || ns->labels.len;
}

bool text_resolve(TextParser *p)
{
  Resolver r = {.p = p, .m = p->mod};
  Module *m = p->mod;
  /* Types first: an explicit type use compares its inline signature with
   * the definition.  Implicit types appended by the type uses come with
   * resolved signatures. */
  for (uint32_t i = 0; i < m->types.len; i++)
    subtype(&r, &m->types.data[i]);
  resolve_typeuses(&r);
  for (uint32_t i = 0; i < m->imports.len; i++)
    import(&r, &m->imports.data[i]);
  for (uint32_t i = 0; i < m->funcs.len; i++)
    func(&r, &m->funcs.data[i], &p->funcs.data[i]);
  for (uint32_t i = 0; i < m->tables.len; i++) {
    valtype(&r, &m->tables.data[i].type.elem);
    expr(&r, &m->tables.data[i].init);
  }
  for (uint32_t i = 0; i < m->globals.len; i++) {
    valtype(&r, &m->globals.data[i].type.type);
    expr(&r, &m->globals.data[i].init);
  }
  for (uint32_t i = 0; i < m->tags.len; i++)
    slot(&r, &m->tags.data[i].type, SPACE_TYPE);
  for (uint32_t i = 0; i < m->elems.len; i++)
    elem(&r, &m->elems.data[i]);
  for (uint32_t i = 0; i < m->datas.len; i++)
    data(&r, &m->datas.data[i]);
  for (uint32_t i = 0; i < m->exports.len; i++)
    export(&r, &m->exports.data[i]);
  if (m->has_start)
    slot(&r, &m->start, SPACE_FUNC);
  name_module(p);
  return !text_failed(p);
}
