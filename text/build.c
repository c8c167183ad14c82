/* The grammar's actions for types, instructions and module fields: each
 * builds one piece of abstract syntax, expanding the text format's
 * abbreviations (spec: 6.2-text.types, 6.3-text.instructions,
 * 6.4-text.modules).  Identifiers other than labels are left as handles for
 * text/resolve.c (see text/parse.h). */

#include "text/build.h"

#include <string.h>

#include "text/messages.h"
#include "text/number.h"

void *build_alloc(TextParser *p, size_t size)
{
  void *q = arena_alloc(p->arena, size);
  if (!q)
    text_oom(p);
  return q;
}

/* The index space of an external kind. */
static Space extern_space(ExternKind k)
{
  static const Space spaces[EXTERN_KINDS] = {
    [EXTERN_FUNC] = SPACE_FUNC, [EXTERN_TABLE] = SPACE_TABLE, [EXTERN_MEM] = SPACE_MEM,
    [EXTERN_GLOBAL] = SPACE_GLOBAL, [EXTERN_TAG] = SPACE_TAG,
  };
  return spaces[k];
}

/* The number of entities of a kind so far: imports, then definitions. */
static uint32_t space_size(TextParser *p, ExternKind k)
{
  const Module *m = p->mod;
  uint32_t defined = k == EXTERN_FUNC ? m->funcs.len
                   : k == EXTERN_TABLE ? m->tables.len
                   : k == EXTERN_MEM ? m->mems.len
                   : k == EXTERN_GLOBAL ? m->globals.len
                   : m->tags.len;
  return p->imported[k] + defined;
}

/* ================================================================ Types */

/* A recursion group more, within the limit: counted as it opens, since an
 * empty one leaves nothing in the module. */
static bool rec_group(TextParser *p, uint32_t at)
{
  return text_within(p, LIMIT_REC_GROUPS, ++p->rec_groups, at);
}

void build_rec_open(TextParser *p, Token l)
{
  if (!text_module(p) || !rec_group(p, l.at))
    return;
  p->in_rec = true;
  p->rec_start = p->mod->types.len;
}

/* rectype ::= (rec typedef*): the group is the types defined since `(rec` */
void build_rec_close(TextParser *p)
{
  SubTypes *ts = &p->mod->types;
  for (uint32_t i = p->rec_start; i < ts->len; i++) {
    ts->data[i].rec = p->rec_start;
    ts->data[i].rec_size = ts->len - p->rec_start;
  }
  p->in_rec = false;
}

/* Remembers the field names of type idx, for struct.get $t $f. */
static void set_field_names(TextParser *p, uint32_t idx, Names names)
{
  if (names.len == 0)
    return;
  if (idx >= p->nfields) {
    uint32_t n = idx + 1 > p->nfields * 2 ? idx + 1 : p->nfields * 2;
    Names *f = build_alloc(p, (size_t)n * sizeof *f);
    if (!f)
      return;
    if (p->nfields)
      memcpy(f, p->fields, (size_t)p->nfields * sizeof *f);
    p->fields = f;
    p->nfields = n;
  }
  p->fields[idx] = names;
}

/* typedef ::= (type $id? subtype) */
void build_typedef(TextParser *p, Token l, Token id, SubType *st)
{
  if (!st || !text_module(p))
    return;
  uint32_t idx = p->mod->types.len;
  if (!p->in_rec && !rec_group(p, l.at))   /* a typedef alone is a group of one */
    return;
  text_bind(p, SPACE_TYPE, id, idx);
  st->rec = p->in_rec ? p->rec_start : idx;
  st->rec_size = p->in_rec ? 0 : 1;
  st->at = l.at;
  PUSH(p, p->mod->types, *st);
  set_field_names(p, idx, p->pending_names);
  p->pending_names = (Names){0};
}

/* subtype ::= (sub final? typeidx* comptype) | comptype == (sub final comptype) */
SubType *build_subtype(TextParser *p, bool final, Indices supers, CompType *ct)
{
  SubType *st = build_alloc(p, sizeof *st);
  if (st && ct)
    *st = (SubType){.final = final, .supers = supers, .comp = *ct};
  return st;
}

static CompType *comptype(TextParser *p, CompType ct)
{
  CompType *c = build_alloc(p, sizeof *c);
  if (c)
    *c = ct;
  return c;
}

CompType *build_struct(TextParser *p, FieldTypes fields)
{
  p->pending_names = p->struct_names;
  p->struct_names = (Names){0};
  return comptype(p, (CompType){.kind = COMP_STRUCT, .fields = fields});
}

CompType *build_array(TextParser *p, FieldType field)
{
  return comptype(p, (CompType){.kind = COMP_ARRAY, .array = field});
}

CompType *build_func(TextParser *p, TypeUse *params, ValTypes results)
{
  if (!params)
    return NULL;
  return comptype(p, (CompType){.kind = COMP_FUNC, .func = {params->params, results}});
}

CompType *build_cont(TextParser *p, Token var)
{
  return comptype(p, (CompType){.kind = COMP_CONT, .cont = text_var(p, var)});
}

FieldTypes build_fields_begin(TextParser *p)
{
  p->struct_names = (Names){0};
  return (FieldTypes){0};
}

/* field ::= (field $id fieldtype); field names of one struct are distinct */
FieldTypes build_field(TextParser *p, FieldTypes list, Token id, FieldType f)
{
  Name n = text_id(p, id);
  for (uint32_t i = 0; i < p->struct_names.len; i++)
    if (name_eq(p->struct_names.data[i], n)) {
      text_error(p, id.at, MALFORMED_DUPLICATE_FIELD, (int)id.len, id.text);
      return list;
    }
  while (p->struct_names.len < list.len)
    PUSH(p, p->struct_names, (Name){0});
  PUSH(p, p->struct_names, n);
  PUSH(p, list, f);
  return list;
}

/* Where the type use starts, the token after the empty params it begins
 * with: the place of an implicit type (a limit on its size reports it). */
TypeUse *build_typeuse_begin(TextParser *p)
{
  TypeUse *use = build_alloc(p, sizeof(TypeUse));
  if (use)
    use->at = p->last_at;
  return use;
}

/* param ::= (param $id valtype) */
TypeUse *build_param(TextParser *p, TypeUse *use, const Token *id, ValType t)
{
  if (!use)
    return NULL;
  while (use->param_names.len < use->params.len)
    PUSH(p, use->param_names, (Name){0});
  PUSH(p, use->params, t);
  PUSH(p, use->param_names, text_id(p, *id));
  return use;
}

/* param ::= (param valtype*) == (param valtype)* */
TypeUse *build_params(TextParser *p, TypeUse *use, ValTypes ts)
{
  if (use)
    APPEND(p, use->params, ts);
  return use;
}

/* typeuse ::= (type typeidx) param* result* | param* result* */
TypeUse *build_typeuse(TextParser *p, const Token *type, TypeUse *use, ValTypes results)
{
  if (!use)
    return NULL;
  use->has_type = type != NULL;
  if (type) {
    use->type = text_var(p, *type);
    use->at = type->at;
  }
  use->results = results;
  return use;
}

/* addrtype ::= i32 | i64 */
AddrType build_addrtype(TextParser *p, Token t)
{
  if (t.value == VAL_I64)
    return ADDR_I64;
  if (t.value != VAL_I32)
    text_syntax_error(p, t);
  return ADDR_I32;
}

/* ========================================================= Instructions */

/* list, a new list immediate; out of memory recorded if it is NULL. */
static void *inline_list(TextParser *p, void *list)
{
  if (!list)
    text_oom(p);
  return list;
}

/* A copy of vector v as the list immediate T, whose items are m. */
#define INLINE_LIST(p, T, m, v) ((T *)inline_list((p), IMM_LIST_NEW((p)->arena, T, m, (v).data, (v).len)))

static Instr instr(Token op)
{
  return (Instr){.op = (uint16_t)op.value, .at = op.at};
}

/* The type use of a block or an indirect call binds no locals, so its
 * parameters have no names (spec: the side condition I' = {LOCALS eps*}). */
static uint32_t anonymous_use(TextParser *p, TypeUse *use)
{
  for (uint32_t i = 0; i < use->param_names.len; i++)
    if (use->param_names.data[i].len) {
      text_error(p, use->at, MALFORMED_PARAM_NAME);
      break;
    }
  return text_use(p, use);
}

/* blocktype ::= result? | typeuse: a type use that is just one result or
 * none is the valtype form, anything else refers to a function type. */
BlockType build_blocktype(TextParser *p, TypeUse *use)
{
  if (!use)
    return (BlockType){0};
  if (!use->has_type && use->params.len == 0 && use->results.len <= 1) {
    if (use->results.len == 0)
      return (BlockType){.kind = BLOCK_EMPTY};
    return (BlockType){.kind = BLOCK_VALTYPE, .valtype = use->results.data[0]};
  }
  return (BlockType){.kind = BLOCK_TYPEIDX, .idx = anonymous_use(p, use)};
}

/* block ::= block label blocktype, loop …, if …, try_table … catch* */
void build_block(TextParser *p, Token op, Token label, BlockType bt, const CatchList *catches)
{
  Instr in = instr(op);
  in.imm.block.type = bt;
  if (catches) {
    in.imm.block.catches = INLINE_LIST(p, Catches, catch_, *catches);
    if (!in.imm.block.catches)
      return;
  }
  text_block_label(p, text_id(p, label));
  text_emit(p, in);
}

/* A folded `if` is emitted after its condition, when `(then` is seen. */
void build_if_head(TextParser *p, Token op, Token label, BlockType bt)
{
  Instr in = instr(op);
  in.imm.block.type = bt;
  PUSH(p, p->ifs, ((PendingIf){in, text_id(p, label)}));
}

void build_if_then(TextParser *p)
{
  if (p->ifs.len == 0)
    return;
  PendingIf pending = p->ifs.data[--p->ifs.len];
  text_block_label(p, pending.label);
  text_emit(p, pending.instr);
}

/* `else id?` and `end id?` may repeat the block's label, nothing else. */
static void check_label(TextParser *p, const Token *id)
{
  if (!id || id->len == 0)
    return;
  if (!name_eq(text_id(p, *id), text_open_label(p)))
    text_error(p, id->at, MALFORMED_LABEL);
}

void build_else(TextParser *p, Token t, const Token *id)
{
  check_label(p, id);
  t.value = OP_ELSE;
  text_emit(p, instr(t));
}

void build_end(TextParser *p, Token t, const Token *id)
{
  check_label(p, id);
  t.value = OP_END;
  text_emit(p, instr(t));
}

/* catch ::= (catch x l) | (catch_ref x l) | (catch_all l) | (catch_all_ref l);
 * the label is resolved outside the try_table (spec: Tcatch_(I)) */
CatchList build_catch(TextParser *p, CatchList list, CatchKind kind, const Token *tag, Token label)
{
  Catch c = {kind, tag ? text_var(p, *tag) : 0, text_label(p, label)};
  PUSH(p, list, c);
  return list;
}

/* hdl ::= (on tagidx labelidx) */
HandlerList build_handler(TextParser *p, HandlerList list, Token tag, const Token *label)
{
  Handler h = {ON_LABEL, text_var(p, tag), text_label(p, *label)};
  PUSH(p, list, h);
  return list;
}

/* hdl ::= (on tagidx switch) */
HandlerList build_handler_switch(TextParser *p, HandlerList list, Token tag, Token keyword)
{
  if (keyword.value != OP_SWITCH) {
    text_syntax_error(p, keyword);
    return list;
  }
  Handler h = {ON_SWITCH, text_var(p, tag), 0};
  PUSH(p, list, h);
  return list;
}

/* An instruction with no immediate, or with its defaults: table.get ==
 * table.get 0, memory.copy == memory.copy 0 0, select without types. */
Instr build_instr(TextParser *p, Token op)
{
  (void)p;
  return instr(op);
}

Instr build_instr_idx(TextParser *p, Token op, Token x)
{
  Instr in = instr(op);
  in.imm.x = instr_info[in.op].shape == IMM_LABEL ? text_label(p, x) : text_var(p, x);
  return in;
}

Instr build_instr_x(TextParser *p, Token op, uint32_t x)
{
  (void)p;
  Instr in = instr(op);
  in.imm.x = x;
  return in;
}

Instr build_instr_xy(TextParser *p, Token op, uint32_t x, uint32_t y)
{
  (void)p;
  Instr in = instr(op);
  in.imm.xy.x = x;
  in.imm.xy.y = y;
  return in;
}

Instr build_instr_idx2(TextParser *p, Token op, Token x, Token y)
{
  return build_instr_xy(p, op, text_var(p, x), text_var(p, y));
}

/* offset ::= offset=u64, align ::= align=u64 (a power of two) */
MemArgText build_memarg_text(TextParser *p, const Token *offset, const Token *align)
{
  MemArgText a = {0};
  if (offset) {
    if (!number_u64(offset->text + 7, offset->len - 7, &a.offset))
      text_error(p, offset->at, MALFORMED_CONSTANT);
  }
  if (align) {
    a.align_at = align->at;
    if (!number_u64(align->text + 6, align->len - 6, &a.align))
      text_error(p, align->at, MALFORMED_CONSTANT);
    else if (a.align == 0 || (a.align & (a.align - 1)) != 0)
      text_error(p, align->at, MALFORMED_ALIGNMENT);
  }
  return a;
}

static uint8_t log2_u64(uint64_t x)
{
  uint8_t n = 0;
  while (x > 1) {
    x >>= 1;
    n++;
  }
  return n;
}

/* laneidx ::= u8 */
static uint8_t lane_index(TextParser *p, Token t)
{
  uint32_t v = 0;
  if (t.text[0] == '+' || t.text[0] == '-' || !number_u32(t.text, t.len, &v) || v > 255) {
    text_error(p, t.at, MALFORMED_I8_CONSTANT);
    return 0;
  }
  return (uint8_t)v;
}

/* memarg ::= offset? align?, the alignment defaulting to the natural one */
Instr build_memarg(TextParser *p, Token op, uint32_t mem, MemArgText a, const Token *lane)
{
  Instr in = instr(op);
  uint64_t align = a.align ? a.align : instr_info[in.op].n;
  in.imm.memarg = (MemArg){.offset = a.offset, .mem = mem, .align = log2_u64(align)};
  if (lane)
    in.imm.memarg.lane = lane_index(p, *lane);
  return in;
}

/* select (result t*)* */
Instr build_select(TextParser *p, Token op, ValTypes types)
{
  Instr in = instr(op);
  in.imm.select = INLINE_LIST(p, SelectTypes, type, types);
  return in;
}

/* br_table labelidx* labelidx */
Instr build_br_table(TextParser *p, Token op, Indices labels)
{
  Instr in = instr(op);
  in.imm.br_table = INLINE_LIST(p, Labels, label, labels);
  return in;
}

Instr build_br_on_cast(TextParser *p, Token op, Token label, ValType rt1, ValType rt2)
{
  Instr in = instr(op);
  in.imm.br_on_cast.label = text_label(p, label);
  in.imm.br_on_cast.rt1 = rt1;
  in.imm.br_on_cast.rt2 = rt2;
  return in;
}

/* call_indirect tableidx typeuse; the table defaults to 0 */
Instr build_call_indirect(TextParser *p, Token op, uint32_t table, TypeUse *use)
{
  Instr in = instr(op);
  in.imm.xy.x = table;
  in.imm.xy.y = use ? anonymous_use(p, use) : 0;
  return in;
}

/* ref.null heaptype holds (ref null ht); ref.test/ref.cast hold their reftype */
Instr build_instr_ref(TextParser *p, Token op, ValType rt)
{
  (void)p;
  Instr in = instr(op);
  if (instr_info[in.op].shape == IMM_HEAPTYPE)
    rt.null = true;
  in.imm.ref = rt;
  return in;
}

/* resume typeidx hdl*, resume_throw typeidx tagidx hdl* */
Instr build_resume(TextParser *p, Token op, Token type, const Token *tag, HandlerList handlers)
{
  Instr in = instr(op);
  in.imm.resume.type = text_var(p, type);
  in.imm.resume.tag = tag ? text_var(p, *tag) : 0;
  in.imm.resume.handlers = INLINE_LIST(p, Handlers, handler, handlers);
  return in;
}

/* The bits of a number token as a value of a number type (spec: 6.1-text.values). */
static bool number_bits(Token t, ValKind type, uint64_t *bits)
{
  uint32_t u32;
  switch (type) {
  case VAL_I32: return number_int(t.text, t.len, 32, bits);
  case VAL_I64: return number_int(t.text, t.len, 64, bits);
  case VAL_F32:
    if (!number_f32(t.text, t.len, &u32))
      return false;
    *bits = u32;
    return true;
  case VAL_F64: return number_f64(t.text, t.len, bits);
  default: return false;
  }
}

bool build_number(TextParser *p, ValKind type, Token t, uint64_t *bits)
{
  return number_bits(t, type, bits) || text_error(p, t.at, MALFORMED_CONSTANT);
}

ValKind build_num_type(Op op)
{
  switch (instr_info[op].shape) {
  case IMM_I32: return VAL_I32;
  case IMM_I64: return VAL_I64;
  case IMM_F32: return VAL_F32;
  default: return VAL_F64;
  }
}

/* t.const c */
Instr build_const(TextParser *p, Token op, Token num)
{
  Instr in = instr(op);
  ValKind type = build_num_type(in.op);
  uint64_t bits = 0;
  build_number(p, type, num, &bits);
  if (type == VAL_I32 || type == VAL_F32)
    in.imm.i32 = (uint32_t)bits;
  else
    in.imm.i64 = bits;
  return in;
}

/* The lanes of a shape: number, width in bytes, and type of each. */
void build_shape_lanes(VecShape s, uint32_t *n, uint32_t *width, ValKind *type)
{
  static const uint8_t lanes[] = {16, 8, 4, 2, 4, 2};
  *n = lanes[s];
  *width = 16 / lanes[s];
  *type = s == SHAPE_F32X4 ? VAL_F32 : s == SHAPE_F64X2 ? VAL_F64 : s == SHAPE_I64X2 ? VAL_I64 : VAL_I32;
}

/* A lane's literal: i8 and i16 lanes take integers of their width. */
bool build_lane_bits(TextParser *p, VecShape s, Token t, uint64_t *bits)
{
  uint32_t n, width;
  ValKind type;
  build_shape_lanes(s, &n, &width, &type);
  if (width >= 4)
    return build_number(p, type, t, bits);
  return number_int(t.text, t.len, width * 8, bits) || text_error(p, t.at, MALFORMED_CONSTANT);
}

/* Parses lane literals of a shape into a vector (v128.const shape num^n). */
bool build_lanes(TextParser *p, Token shape, Tokens lanes, V128 *v)
{
  uint32_t n, width;
  ValKind type;
  build_shape_lanes((VecShape)shape.value, &n, &width, &type);
  if (lanes.len != n)
    return text_error(p, shape.at, MALFORMED_LANE_COUNT);
  memset(v, 0, sizeof *v);
  for (uint32_t i = 0; i < n; i++) {
    uint64_t bits = 0;
    if (!build_lane_bits(p, (VecShape)shape.value, lanes.data[i], &bits))
      return false;
    for (uint32_t b = 0; b < width; b++)  /* lanes are little-endian */
      v->i8[i * width + b] = (uint8_t)(bits >> (8 * b));
  }
  return true;
}

Instr build_v128_const(TextParser *p, Token op, Token shape, Tokens lanes)
{
  Instr in = instr(op);
  build_lanes(p, shape, lanes, &in.imm.v128);
  return in;
}

/* i8x16.shuffle laneidx^16 */
Instr build_shuffle(TextParser *p, Token op, Tokens lanes)
{
  Instr in = instr(op);
  if (lanes.len != 16) {
    text_error(p, op.at, MALFORMED_LANE_LENGTH);
    return in;
  }
  for (uint32_t i = 0; i < 16; i++)
    in.imm.shuffle[i] = lane_index(p, lanes.data[i]);
  return in;
}

Instr build_lane(TextParser *p, Token op, Token lane)
{
  Instr in = instr(op);
  in.imm.lane = lane_index(p, lane);
  return in;
}

/* ======================================================= Module fields */

/* The head of a tag, global, memory, table or function: binds its
 * identifier to the next index of its space. */
void build_field_head(TextParser *p, ExternKind kind, Token l, Token id)
{
  if (!text_module(p))
    return;
  p->field_kind = kind;
  p->field_idx = space_size(p, kind);
  p->field_at = l.at;
  p->has_import = false;
  text_bind(p, extern_space(kind), id, p->field_idx);
}

/* (export name) inside a field == (export name (kind idx)) after it */
void build_inline_export(TextParser *p, Token l, Name name)
{
  Export e = {name, p->field_kind, p->field_idx, l.at};
  PUSH(p, p->mod->exports, e);
}

/* Imports must come before the definitions of functions, tables, memories,
 * globals and tags (spec: $ordered). */
void build_inline_import(TextParser *p, Token l, Name module, Name name)
{
  static const char *const kinds[EXTERN_KINDS] = {
    [EXTERN_FUNC] = "function", [EXTERN_TABLE] = "table", [EXTERN_MEM] = "memory",
    [EXTERN_GLOBAL] = "global", [EXTERN_TAG] = "tag",
  };
  if (!text_module(p))
    return;
  if (p->last_definition >= 0)
    text_error(p, l.at, MALFORMED_IMPORT_AFTER, kinds[p->last_definition]);
  p->has_import = true;
  p->import_module = module;
  p->import_name = name;
  p->import_at = l.at;
}

static void add_import(TextParser *p, ExternType type)
{
  Import im = {p->import_module, p->import_name, type, p->import_at};
  PUSH(p, p->mod->imports, im);
  p->imported[type.kind]++;
}

void build_import_func(TextParser *p, TypeUse *use)
{
  if (use)
    add_import(p, (ExternType){.kind = EXTERN_FUNC, .type = text_use(p, use)});
}

void build_import_table(TextParser *p, TableType tt)
{
  add_import(p, (ExternType){.kind = EXTERN_TABLE, .table = tt});
}

void build_import_mem(TextParser *p, MemType mt)
{
  add_import(p, (ExternType){.kind = EXTERN_MEM, .mem = mt});
}

void build_import_global(TextParser *p, GlobalType gt)
{
  add_import(p, (ExternType){.kind = EXTERN_GLOBAL, .global = gt});
}

void build_import_tag(TextParser *p, TypeUse *use)
{
  if (use)
    add_import(p, (ExternType){.kind = EXTERN_TAG, .type = text_use(p, use)});
}

/* The function's type use comes before its body, so its implicit type (if
 * any) is created before those of the body's block types. */
void build_func_type(TextParser *p, TypeUse *use)
{
  p->func_use = use ? text_use(p, use) : 0;
  p->func_locals = (ValTypes){0};
  p->func_local_names = (Names){0};
  p->func_labels = (NameMap){0};
  PUSH(p, p->funcs, ((TextFunc){.use = p->func_use}));
  if (use)
    p->funcs.data[p->funcs.len - 1].params = use->param_names;
}

/* local ::= (local $id valtype) */
void build_local(TextParser *p, const Token *id, ValType t)
{
  while (p->func_local_names.len < p->func_locals.len)
    PUSH(p, p->func_local_names, (Name){0});
  PUSH(p, p->func_locals, t);
  PUSH(p, p->func_local_names, text_id(p, *id));
}

/* local ::= (local valtype*) == (local valtype)* */
void build_locals(TextParser *p, ValTypes ts)
{
  APPEND(p, p->func_locals, ts);
}

/* Parameters and locals share one namespace (spec: Idctxt_ok). */
static void check_local_names(TextParser *p, const TextFunc *f)
{
  NameTable seen = {0};
  for (uint32_t i = 0; i < f->params.len && !text_failed(p); i++)
    text_bind_name(p, &seen, SPACE_LOCAL, f->params.data[i], i, p->field_at);
  for (uint32_t i = 0; i < f->locals.len && !text_failed(p); i++)
    text_bind_name(p, &seen, SPACE_LOCAL, f->locals.data[i], i, p->field_at);
}

/* func ::= (func $id? typeuse local* expr) */
void build_func_field(TextParser *p)
{
  Func f = {.type = p->func_use, .locals = p->func_locals, .body = text_take_expr(p),
            .at = p->field_at};
  PUSH(p, p->mod->funcs, f);
  TextFunc *tf = &p->funcs.data[p->funcs.len - 1];
  tf->locals = p->func_local_names;
  tf->labels = p->func_labels;
  check_local_names(p, tf);
  p->last_definition = EXTERN_FUNC;
}

/* An expression of one instruction and its `end`. */
static Expr expr1(TextParser *p, Instr in)
{
  Expr e = {0};
  PUSH(p, e, in);
  PUSH(p, e, ((Instr){.op = OP_END, .at = in.at}));
  return e;
}

/* table ::= (table $id? tabletype expr?); without an expression the table
 * is filled with nulls: (table tt) == (table tt (ref.null ht)) */
void build_table_field(TextParser *p, TableType tt)
{
  Expr init = text_take_expr(p);
  if (init.len == 1) {
    ValType null = tt.elem;
    null.null = true;
    init = expr1(p, (Instr){.op = OP_REF_NULL, .at = p->field_at, .imm.ref = null});
  }
  Table t = {tt, init, p->field_at};
  PUSH(p, p->mod->tables, t);
  p->last_definition = EXTERN_TABLE;
}

/* (at.const 0), the offset of the segments of the inline abbreviations */
static Expr zero_offset(TextParser *p, AddrType at, uint32_t pos)
{
  Instr in = {.op = at == ADDR_I64 ? OP_I64_CONST : OP_I32_CONST, .at = pos};
  return expr1(p, in);
}

/* (table $id? at? reftype (elem elemlist)) ==
 * (table $id at n n reftype) (elem (table $id) (at.const 0) elemlist) */
void build_table_elems(TextParser *p, AddrType at, ValType rt, Token l, Exprs items)
{
  TableType tt = {at, {items.len, items.len, true}, rt};
  build_table_field(p, tt);
  Elem e = {.type = rt, .items = items, .mode = SEG_ACTIVE, .table = p->field_idx,
            .offset = zero_offset(p, at, l.at), .at = l.at};
  PUSH(p, p->mod->elems, e);
}

/* funcidx* == (ref.func funcidx)* */
Exprs build_funcref_items(TextParser *p, Indices funcs)
{
  Exprs items = {0};
  for (uint32_t i = 0; i < funcs.len; i++) {
    Instr in = {.op = OP_REF_FUNC, .imm.x = funcs.data[i]};
    PUSH(p, items, expr1(p, in));
  }
  return items;
}

/* elemlist ::= func funcidx* == (ref func) (ref.func funcidx)* */
ElemList build_elemlist_funcs(TextParser *p, Indices funcs)
{
  return (ElemList){valtype_ref(false, HEAP_FUNC, 0), build_funcref_items(p, funcs)};
}

/* mem ::= (memory $id? memtype) */
void build_mem_field(TextParser *p, MemType mt)
{
  Mem m = {mt, p->field_at};
  PUSH(p, p->mod->mems, m);
  p->last_definition = EXTERN_MEM;
}

/* (memory $id? at? (data string*)) ==
 * (memory $id at n n) (data (memory $id) (at.const 0) string*), n in pages */
void build_mem_data(TextParser *p, AddrType at, Token l, Bytes bytes)
{
  uint64_t pages = ((uint64_t)bytes.len + 0xffff) / 0x10000;
  build_mem_field(p, (MemType){at, {pages, pages, true}});
  Data d = {.init = bytes, .mode = SEG_ACTIVE, .mem = p->field_idx,
            .offset = zero_offset(p, at, l.at), .at = l.at};
  PUSH(p, p->mod->datas, d);
}

/* global ::= (global $id? globaltype expr) */
void build_global_field(TextParser *p, GlobalType gt)
{
  Global g = {gt, text_take_expr(p), p->field_at};
  PUSH(p, p->mod->globals, g);
  p->last_definition = EXTERN_GLOBAL;
}

/* tag ::= (tag $id? tagtype) */
void build_tag_field(TextParser *p, TypeUse *use)
{
  if (!use)
    return;
  Tag t = {text_use(p, use), p->field_at};
  PUSH(p, p->mod->tags, t);
  p->last_definition = EXTERN_TAG;
}

/* export ::= (export name externidx) */
void build_export(TextParser *p, Token l, Name name, ExternIdx x)
{
  if (!text_module(p))
    return;
  Export e = {name, x.kind, x.idx, l.at};
  PUSH(p, p->mod->exports, e);
}

/* start ::= (start funcidx); a module has at most one */
void build_start(TextParser *p, Token l, Token var)
{
  if (!text_module(p))
    return;
  if (p->mod->has_start) {
    text_error(p, l.at, MALFORMED_START);
    return;
  }
  p->mod->has_start = true;
  p->mod->start = text_var(p, var);
}

/* elem and data: bind the segment's identifier */
void build_segment_head(TextParser *p, Space space, Token l, Token id)
{
  if (!text_module(p))
    return;
  p->field_at = l.at;
  text_bind(p, space, id, space == SPACE_ELEM ? p->mod->elems.len : p->mod->datas.len);
}

/* elem ::= (elem $id? elemlist) | (elem $id? tableuse offset elemlist) | (elem $id? declare elemlist) */
void build_elem(TextParser *p, SegMode mode, uint32_t table, const Expr *offset, ElemList list)
{
  Elem e = {.type = list.type, .items = list.items, .mode = mode, .table = table,
            .offset = offset ? *offset : (Expr){0}, .at = p->field_at};
  PUSH(p, p->mod->elems, e);
}

/* data ::= (data $id? string*) | (data $id? memuse offset string*) */
void build_data(TextParser *p, SegMode mode, uint32_t mem, const Expr *offset, Bytes bytes)
{
  Data d = {.init = bytes, .mode = mode, .mem = mem, .offset = offset ? *offset : (Expr){0},
            .at = p->field_at};
  PUSH(p, p->mod->datas, d);
}

/* The end of a module's fields: resolve its identifiers, check its size
 * against the limits (syntax/limits.h), hand it over, and
 * start afresh for the next module. */
Module *build_module_done(TextParser *p)
{
  if (!text_module(p))
    return NULL;
  if (p->in_rec)
    build_rec_close(p);
  text_resolve(p);
  Module *m = p->mod;
  if (!text_failed(p))
    module_check_limits(m, p->err);  /* as every module read, text or binary */
  Arena *outer = p->script ? &p->script->arena : NULL;
  p->mod = NULL;
  memset(p->names, 0, sizeof p->names);
  p->vars = (Vars){0};
  p->funcs = (TextFuncs){0};
  p->fields = NULL;
  p->nfields = 0;
  memset(p->imported, 0, sizeof p->imported);
  p->last_definition = -1;
  p->in_rec = false;
  p->rec_groups = 0;
  if (outer)
    p->arena = outer;
  return m;
}

void build_finish_module(TextParser *p)
{
  p->result = build_module_done(p);
}
