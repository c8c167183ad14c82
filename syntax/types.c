#include "syntax/types.h"

bool valtype_eq(ValType a, ValType b)
{
  if (a.kind != b.kind)
    return false;
  if (a.kind != VAL_REF)
    return true;
  return a.null == b.null && a.heap == b.heap && (a.heap != HEAP_IDX || a.idx == b.idx);
}

bool valtypes_eq(const ValTypes *a, const ValTypes *b)
{
  if (a->len != b->len)
    return false;
  for (uint32_t i = 0; i < a->len; i++)
    if (!valtype_eq(a->data[i], b->data[i]))
      return false;
  return true;
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
