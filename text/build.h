/* The grammar's actions: text/parser.y calls one of these per rule, so that
 * the grammar stays readable and the work is plain C.  Internal to text/. */
#ifndef TEXT_BUILD_H
#define TEXT_BUILD_H

#include "text/parse.h"

typedef struct Tokens { Token *data; uint32_t len, cap; } Tokens;
typedef struct CatchList { Catch *data; uint32_t len, cap; } CatchList;
typedef struct HandlerList { Handler *data; uint32_t len, cap; } HandlerList;

/* memarg ::= offset? align? as written; align 0 means absent */
typedef struct MemArgText {
  uint64_t offset;
  uint64_t align;
  uint32_t align_at;
} MemArgText;

typedef struct ExternIdx { ExternKind kind; uint32_t idx; } ExternIdx;
typedef struct ElemList { ValType type; Exprs items; } ElemList;

void text_syntax_error(TextParser *p, Token t);

/* Allocation in the current arena; failure is recorded in p. */
void *build_alloc(TextParser *p, size_t size);

/* Pushes x on vector v; the grammar's list rules use it directly, as
 * `{ L = L1; PUSH(p, L, x); }`, since a typed wrapper per list would be the
 * same two lines each time. */
#define PUSH(p, v, x)                         \
  do {                                        \
    if (!vec_push((p)->arena, &(v), (x)))     \
      text_oom(p);                            \
  } while (0)

/* Appends the elements of vector w to v. */
#define APPEND(p, v, w)                             \
  do {                                              \
    for (uint32_t i_ = 0; i_ < (w).len; i_++)       \
      PUSH(p, v, (w).data[i_]);                     \
  } while (0)

/* ---- Scripts ---- */
ScriptModule *build_script_module(TextParser *p, Token l, bool definition, Token id);
void build_text_module(TextParser *p, ScriptModule *m);
void build_bare_module(TextParser *p);   /* a script that is one module's fields */
void build_module_bytes(TextParser *p, ScriptModule *m, ScriptModuleKind kind, Bytes bytes);
Bytes build_strings(TextParser *p, Tokens strings);  /* the concatenated bytes, NUL-terminated */
void build_command_module(TextParser *p, CommandKind kind, ScriptModule *m, Bytes failure);
Command *build_instance(TextParser *p, Token l, Token instance, Token module);
void build_command_instance(TextParser *p, CommandKind kind, Command *instance, Bytes failure);
void build_command_register(TextParser *p, Token l, Name name, Token id);
void build_command_action(TextParser *p, CommandKind kind, Action *a, Bytes failure);
void build_command_return(TextParser *p, Action *a, Results results);
void build_command_file(TextParser *p, CommandKind kind, Token l, Token id, const Token *file);
/* (script $id? cmd*): the head is pushed first and learns, at the end, how
 * many commands it holds; the begin returns its index. */
uint32_t build_script_begin(TextParser *p, Token l, Token id);
void build_script_end(TextParser *p, uint32_t head);
Action *build_action(TextParser *p, ActionKind kind, Token l, Token id, Name name, Consts args);
Consts build_consts_push(TextParser *p, Consts list, Const *c);
Const *build_const_num(TextParser *p, Token op, Token num);
Const *build_const_vec(TextParser *p, Token op, Token shape, Tokens lanes);
Const *build_const_null(TextParser *p, Token op, ValType heaptype);
Const *build_const_ref(TextParser *p, Token refpat, Token num);
Results build_results_push(TextParser *p, Results list, Result *r);
Result *build_result_num(TextParser *p, Token op, Token num);
Result *build_result_vec(TextParser *p, Token op, Token shape, Tokens lanes);
Result *build_result_null(TextParser *p, Token op, const ValType *heaptype);
Result *build_result_keyword(TextParser *p, Token instr);
Result *build_result_ref(TextParser *p, Token refpat, const Token *num);
Result *build_result_any_ref(TextParser *p, Token l);
Result *build_result_either(TextParser *p, Token l, Results alts);

/* ---- Types ---- */
void build_rec_open(TextParser *p, Token l);
void build_rec_close(TextParser *p);
void build_typedef(TextParser *p, Token l, Token id, SubType *st);
SubType *build_subtype(TextParser *p, bool final, Indices supers, CompType *ct);
CompType *build_struct(TextParser *p, FieldTypes fields);
CompType *build_array(TextParser *p, FieldType field);
CompType *build_func(TextParser *p, TypeUse *params, ValTypes results);
CompType *build_cont(TextParser *p, Token var);
FieldTypes build_fields_begin(TextParser *p);
FieldTypes build_field(TextParser *p, FieldTypes list, Token id, FieldType f);
TypeUse *build_typeuse_begin(TextParser *p);
TypeUse *build_param(TextParser *p, TypeUse *use, const Token *id, ValType t);
TypeUse *build_params(TextParser *p, TypeUse *use, ValTypes ts);
TypeUse *build_typeuse(TextParser *p, const Token *type, TypeUse *use, ValTypes results);
AddrType build_addrtype(TextParser *p, Token numtype);

/* ---- Instructions ---- */
void build_block(TextParser *p, Token op, Token label, BlockType bt, const CatchList *catches);
void build_if_head(TextParser *p, Token op, Token label, BlockType bt);
void build_if_then(TextParser *p);
void build_else(TextParser *p, Token t, const Token *id);
void build_end(TextParser *p, Token t, const Token *id);
BlockType build_blocktype(TextParser *p, TypeUse *use);
CatchList build_catch(TextParser *p, CatchList list, CatchKind kind, const Token *tag, Token label);
HandlerList build_handler(TextParser *p, HandlerList list, Token tag, const Token *label);
HandlerList build_handler_switch(TextParser *p, HandlerList list, Token tag, Token keyword);
Instr build_instr(TextParser *p, Token op);
Instr build_instr_idx(TextParser *p, Token op, Token x);
Instr build_instr_x(TextParser *p, Token op, uint32_t x);
Instr build_instr_xy(TextParser *p, Token op, uint32_t x, uint32_t y);
Instr build_instr_idx2(TextParser *p, Token op, Token x, Token y);
MemArgText build_memarg_text(TextParser *p, const Token *offset, const Token *align);
Instr build_memarg(TextParser *p, Token op, uint32_t mem, MemArgText a, const Token *lane);
Instr build_select(TextParser *p, Token op, ValTypes types);
Instr build_br_table(TextParser *p, Token op, Indices labels);
Instr build_br_on_cast(TextParser *p, Token op, Token label, ValType rt1, ValType rt2);
Instr build_call_indirect(TextParser *p, Token op, uint32_t table, TypeUse *use);
Instr build_instr_ref(TextParser *p, Token op, ValType rt);
Instr build_resume(TextParser *p, Token op, Token type, const Token *tag, HandlerList handlers);
Instr build_const(TextParser *p, Token op, Token num);
Instr build_v128_const(TextParser *p, Token op, Token shape, Tokens lanes);
bool build_lanes(TextParser *p, Token shape, Tokens lanes, V128 *v);

/* Numbers, shared with the script's constants and result patterns:
 * "constant out of range" where a literal is not a value of its type. */
ValKind build_num_type(Op op);                                        /* t of t.const */
bool build_number(TextParser *p, ValKind type, Token t, uint64_t *bits);
void build_shape_lanes(VecShape s, uint32_t *n, uint32_t *width, ValKind *type);
bool build_lane_bits(TextParser *p, VecShape s, Token t, uint64_t *bits);  /* a lane literal */
Instr build_shuffle(TextParser *p, Token op, Tokens lanes);
Instr build_lane(TextParser *p, Token op, Token lane);

/* ---- Module fields ---- */
Module *build_module_done(TextParser *p);   /* resolves and detaches the module */
void build_finish_module(TextParser *p);
void build_field_head(TextParser *p, ExternKind kind, Token l, Token id);
void build_inline_export(TextParser *p, Token l, Name name);
void build_inline_import(TextParser *p, Token l, Name module, Name name);
void build_import_func(TextParser *p, TypeUse *use);
void build_import_table(TextParser *p, TableType tt);
void build_import_mem(TextParser *p, MemType mt);
void build_import_global(TextParser *p, GlobalType gt);
void build_import_tag(TextParser *p, TypeUse *use);
void build_func_type(TextParser *p, TypeUse *use);
void build_local(TextParser *p, const Token *id, ValType t);
void build_locals(TextParser *p, ValTypes ts);
void build_func_field(TextParser *p);
void build_table_field(TextParser *p, TableType tt);
void build_table_elems(TextParser *p, AddrType at, ValType rt, Token l, Exprs items);
Exprs build_funcref_items(TextParser *p, Indices funcs);
void build_mem_field(TextParser *p, MemType mt);
void build_mem_data(TextParser *p, AddrType at, Token l, Bytes bytes);
void build_global_field(TextParser *p, GlobalType gt);
void build_tag_field(TextParser *p, TypeUse *use);
void build_export(TextParser *p, Token l, Name name, ExternIdx x);
void build_start(TextParser *p, Token l, Token var);
void build_segment_head(TextParser *p, Space space, Token l, Token id);
void build_elem(TextParser *p, SegMode mode, uint32_t table, const Expr *offset, ElemList list);
ElemList build_elemlist_funcs(TextParser *p, Indices funcs);
void build_data(TextParser *p, SegMode mode, uint32_t mem, const Expr *offset, Bytes bytes);

#endif
