/* The grammar's actions for scripts: commands, actions, constants and
 * result patterns (spec: script-format-README.md, "Scripts"). */

#include "text/build.h"

#include <string.h>

#include "text/lexer.h"
#include "text/messages.h"

/* string* as one byte string; a NUL follows the bytes, so that the text of
 * a quoted module can be handed to the lexer as it is. */
Bytes build_strings(TextParser *p, Tokens strings)
{
  size_t total = 0;
  for (uint32_t i = 0; i < strings.len; i++)
    total += strings.data[i].len;  /* an upper bound of the decoded length */
  uint8_t *buf = build_alloc(p, total + 1);
  if (!buf)
    return (Bytes){0};
  uint32_t n = 0;
  for (uint32_t i = 0; i < strings.len; i++) {
    Bytes b = text_string(p, strings.data[i]);
    if (b.len)
      memcpy(buf + n, b.data, b.len);
    n += b.len;
  }
  buf[n] = '\0';
  return (Bytes){buf, n};
}

/* ============================================================ Commands */

static void add_command(TextParser *p, Command c)
{
  PUSH(p, p->script->commands, c);
}

ScriptModule *build_script_module(TextParser *p, Token l, bool definition, Token id)
{
  ScriptModule *m = build_alloc(p, sizeof *m);
  if (m)
    *m = (ScriptModule){.kind = SMOD_TEXT, .id = text_id(p, id), .definition = definition,
                        .at = l.at};
  return m;
}

void build_text_module(TextParser *p, ScriptModule *m)
{
  Module *mod = build_module_done(p);
  for (uint32_t i = 0; mod && i < p->customs.len; i++)   /* its (@custom …) fields */
    if (!vec_push(&mod->arena, &mod->customs, p->customs.data[i]))
      text_oom(p);
  p->customs.len = 0;
  if (mod && (!m || !vec_push(&p->script->arena, &p->modules, mod))) {
    if (m)
      text_oom(p);
    module_free(mod);
    mod = NULL;
  }
  if (m)
    m->module = mod;
}

void build_bare_module(TextParser *p)
{
  ScriptModule m = {.kind = SMOD_TEXT};
  build_text_module(p, &m);
  if (m.module)
    build_command_module(p, CMD_MODULE, &m, (Bytes){0});
}

void build_module_bytes(TextParser *p, ScriptModule *m, ScriptModuleKind kind, Bytes bytes)
{
  p->customs.len = 0;   /* (@custom …) among the strings: not a text module's */
  if (!m)
    return;
  m->kind = kind;
  m->bytes = bytes;
}

void build_command_module(TextParser *p, CommandKind kind, ScriptModule *m, Bytes failure)
{
  if (!m)
    return;
  add_command(p, (Command){.kind = kind, .at = m->at, .module = *m, .failure = failure});
}

/* instance ::= (module instance $i? $m?); one name is the module's */
Command *build_instance(TextParser *p, Token l, Token instance, Token module)
{
  Command *c = build_alloc(p, sizeof *c);
  if (c)
    *c = (Command){.kind = CMD_INSTANCE, .at = l.at, .id = text_id(p, instance),
                   .id2 = text_id(p, module)};
  return c;
}

/* The instance as a command of its own, or as what assert_unlinkable or
 * assert_trap instantiates. */
void build_command_instance(TextParser *p, CommandKind kind, Command *instance, Bytes failure)
{
  if (!instance)
    return;
  instance->kind = kind;
  instance->instance = kind != CMD_INSTANCE;
  instance->failure = failure;
  add_command(p, *instance);
}

void build_command_register(TextParser *p, Token l, Name name, Token id)
{
  add_command(p, (Command){.kind = CMD_REGISTER, .at = l.at, .name = name, .id = text_id(p, id)});
}

void build_command_action(TextParser *p, CommandKind kind, Action *a, Bytes failure)
{
  if (!a)
    return;
  add_command(p, (Command){.kind = kind, .at = a->at, .action = *a, .failure = failure});
}

void build_command_return(TextParser *p, Action *a, Results results)
{
  if (!a)
    return;
  add_command(p, (Command){.kind = CMD_ASSERT_RETURN, .at = a->at, .action = *a,
                           .results = results});
}

void build_command_file(TextParser *p, CommandKind kind, Token l, Token id, const Token *file)
{
  Command c = {.kind = kind, .at = l.at, .id = text_id(p, id), .has_name = file != NULL};
  if (file)
    c.name = text_string(p, *file);
  add_command(p, c);
}

uint32_t build_script_begin(TextParser *p, Token l, Token id)
{
  uint32_t head = p->script->commands.len;
  add_command(p, (Command){.kind = CMD_SCRIPT, .at = l.at, .id = text_id(p, id)});
  return head;
}

void build_script_end(TextParser *p, uint32_t head)
{
  Commands *cs = &p->script->commands;
  if (head < cs->len && cs->data[head].kind == CMD_SCRIPT)   /* not if out of memory */
    cs->data[head].nested = cs->len - head - 1;
}

/* action ::= (invoke $id? name const*) | (get $id? name) */
Action *build_action(TextParser *p, ActionKind kind, Token l, Token id, Name name, Consts args)
{
  Action *a = build_alloc(p, sizeof *a);
  if (a)
    *a = (Action){kind, text_id(p, id), name, args, l.at};
  return a;
}

/* ============================================================ Constants */

Consts build_consts_push(TextParser *p, Consts list, Const *c)
{
  if (c)
    PUSH(p, list, *c);
  return list;
}

/* const ::= (t.const num) */
Const *build_const_num(TextParser *p, Token op, Token num)
{
  Const *c = build_alloc(p, sizeof *c);
  if (!c)
    return NULL;
  c->kind = CONST_NUM;
  c->type = build_num_type((Op)op.value);
  build_number(p, c->type, num, &c->bits);
  return c;
}

/* const ::= (v128.const shape num*) */
Const *build_const_vec(TextParser *p, Token op, Token shape, Tokens lanes)
{
  (void)op;
  Const *c = build_alloc(p, sizeof *c);
  if (!c)
    return NULL;
  c->kind = CONST_VEC;
  c->type = VAL_V128;
  build_lanes(p, shape, lanes, &c->vec);
  return c;
}

/* const ::= (ref.null heaptype) */
Const *build_const_null(TextParser *p, Token op, ValType heaptype)
{
  if (op.value != OP_REF_NULL) {
    text_syntax_error(p, op);
    return NULL;
  }
  Const *c = build_alloc(p, sizeof *c);
  if (!c)
    return NULL;
  heaptype.null = true;
  *c = (Const){.kind = CONST_REF_NULL, .type = VAL_REF, .ref = heaptype};
  return c;
}

/* const ::= (ref.host n) | (ref.extern n) */
Const *build_const_ref(TextParser *p, Token refpat, Token num)
{
  if (refpat.value != REFPAT_EXTERN && refpat.value != REFPAT_HOST) {
    text_syntax_error(p, refpat);
    return NULL;
  }
  Const *c = build_alloc(p, sizeof *c);
  if (!c)
    return NULL;
  c->kind = refpat.value == REFPAT_EXTERN ? CONST_REF_EXTERN : CONST_REF_HOST;
  c->type = VAL_REF;
  c->bits = text_u32(p, num);
  return c;
}

/* ====================================================== Result patterns */

Results build_results_push(TextParser *p, Results list, Result *r)
{
  if (r)
    PUSH(p, list, *r);
  return list;
}

static Result *result(TextParser *p, ResultKind kind, Token t)
{
  Result *r = build_alloc(p, sizeof *r);
  if (r) {
    r->kind = kind;
    r->at = t.at;
  }
  return r;
}

/* num_pat ::= num | nan:canonical | nan:arithmetic — the NaN patterns only
 * for floats */
static NumPat num_pat(TextParser *p, ValKind type, Token t)
{
  NumPat n = {NUMPAT_VALUE, 0};
  if (t.text[0] == 'n' && t.len > 4 && t.text[3] == ':' && t.text[4] != '0') {
    if (type != VAL_F32 && type != VAL_F64)
      text_syntax_error(p, t);
    n.kind = (NumPatKind)t.value;
    return n;
  }
  build_number(p, type, t, &n.bits);
  return n;
}

/* result_pat ::= (t.const num_pat) */
Result *build_result_num(TextParser *p, Token op, Token num)
{
  Result *r = result(p, RESULT_NUM, op);
  if (r) {
    r->type = build_num_type((Op)op.value);
    r->num = num_pat(p, r->type, num);
  }
  return r;
}

/* result_pat ::= (v128.const shape num_pat^n) */
Result *build_result_vec(TextParser *p, Token op, Token shape, Tokens lanes)
{
  Result *r = result(p, RESULT_VEC, op);
  if (!r)
    return NULL;
  r->shape = (VecShape)shape.value;
  uint32_t n, width;
  ValKind type;
  build_shape_lanes(r->shape, &n, &width, &type);
  if (lanes.len != n) {
    text_error(p, shape.at, MALFORMED_LANE_COUNT);
    return r;
  }
  for (uint32_t i = 0; i < lanes.len; i++) {
    if (width < 4)   /* i8 and i16 lanes: integers, no NaN patterns */
      build_lane_bits(p, r->shape, lanes.data[i], &r->lanes[i].bits);
    else
      r->lanes[i] = num_pat(p, type, lanes.data[i]);
  }
  return r;
}

/* result_pat ::= (ref.null) | (ref.null heaptype) */
Result *build_result_null(TextParser *p, Token op, const ValType *heaptype)
{
  if (op.value != OP_REF_NULL) {
    text_syntax_error(p, op);
    return NULL;
  }
  Result *r = result(p, RESULT_REF_NULL, op);
  if (r && heaptype) {
    r->has_type = true;
    r->ref = *heaptype;
    r->ref.null = true;
  }
  return r;
}

/* result_pat ::= (ref.func) | (ref.eq) | (ref.i31) */
Result *build_result_keyword(TextParser *p, Token instr)
{
  Result *r = NULL;
  switch (instr.value) {
  case OP_REF_FUNC:
    return result(p, RESULT_REF_FUNC, instr);
  case OP_REF_EQ:
  case OP_REF_I31:
    r = result(p, RESULT_REF_HEAP, instr);
    if (r)
      r->heap = instr.value == OP_REF_EQ ? HEAP_EQ : HEAP_I31;
    return r;
  default:
    text_syntax_error(p, instr);
    return NULL;
  }
}

/* result_pat ::= (ref.extern n?) | (ref.host n) | (ref.struct) | (ref.array) | … */
Result *build_result_ref(TextParser *p, Token refpat, const Token *num)
{
  ResultKind kind = refpat.value == REFPAT_EXTERN ? RESULT_REF_EXTERN
                  : refpat.value == REFPAT_HOST ? RESULT_REF_HOST
                  : RESULT_REF_HEAP;
  if ((kind == RESULT_REF_HOST && !num) || (kind == RESULT_REF_HEAP && num)) {
    text_syntax_error(p, refpat);
    return NULL;
  }
  Result *r = result(p, kind, refpat);
  if (!r)
    return NULL;
  if (kind == RESULT_REF_HEAP)
    r->heap = (HeapKind)refpat.value;
  if (num) {
    r->has_value = true;
    r->value = text_u32(p, *num);
  }
  return r;
}

/* result_pat ::= (ref) */
Result *build_result_any_ref(TextParser *p, Token l)
{
  return result(p, RESULT_REF, l);
}

/* result_pat ::= (either result_pat+) */
Result *build_result_either(TextParser *p, Token l, Results alts)
{
  if (alts.len == 0) {
    text_syntax_error(p, l);
    return NULL;
  }
  Result *r = result(p, RESULT_EITHER, l);
  if (r)
    r->alts = alts;
  return r;
}
