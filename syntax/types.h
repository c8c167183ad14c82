/* The abstract syntax of types (spec: 1.2-syntax.types; stack switching adds
 * `cont` composite types and the `cont`/`nocont` heap types).
 *
 * Types here are *syntactic*: a heap type that names a defined type holds a
 * type index of its module (HEAP_IDX).  Validation closes them over the
 * module's rec groups. */
#ifndef SYNTAX_TYPES_H
#define SYNTAX_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include "util/arena.h"

/* valtype ::= numtype | vectype | reftype | BOT; packed types only appear
 * as storage types of fields. */
typedef enum ValKind {
  VAL_I32,
  VAL_I64,
  VAL_F32,
  VAL_F64,
  VAL_V128,
  VAL_REF,
  VAL_BOT,   /* the bottom value type of unreachable code */
  PACK_I8,   /* packtype, storage types only */
  PACK_I16
} ValKind;

/* heaptype ::= absheaptype | typeuse */
typedef enum HeapKind {
  HEAP_ANY,
  HEAP_EQ,
  HEAP_I31,
  HEAP_STRUCT,
  HEAP_ARRAY,
  HEAP_NONE,
  HEAP_FUNC,
  HEAP_NOFUNC,
  HEAP_EXN,
  HEAP_NOEXN,
  HEAP_EXTERN,
  HEAP_NOEXTERN,
  HEAP_CONT,
  HEAP_NOCONT,
  HEAP_BOT,
  HEAP_IDX   /* _IDX typeidx */
} HeapKind;

/* A value type (or storage type).  `heap`, `null` and `idx` matter only for
 * VAL_REF; `idx` only for HEAP_IDX. */
typedef struct ValType {
  uint8_t kind;  /* ValKind */
  uint8_t heap;  /* HeapKind */
  bool null;
  uint32_t idx;
} ValType;

typedef struct ValTypes {
  ValType *data;
  uint32_t len, cap;
} ValTypes;

/* fieldtype ::= mut? storagetype */
typedef struct FieldType {
  ValType type;
  bool mut;
} FieldType;

typedef struct FieldTypes {
  FieldType *data;
  uint32_t len, cap;
} FieldTypes;

/* comptype ::= STRUCT fieldtype* | ARRAY fieldtype | FUNC t* -> t* | CONT typeuse */
typedef enum CompKind { COMP_FUNC, COMP_STRUCT, COMP_ARRAY, COMP_CONT } CompKind;

typedef struct FuncType {
  ValTypes params, results;
} FuncType;

typedef struct CompType {
  CompKind kind;
  FuncType func;       /* COMP_FUNC */
  FieldTypes fields;   /* COMP_STRUCT */
  FieldType array;     /* COMP_ARRAY */
  uint32_t cont;       /* COMP_CONT: the function type's index */
} CompType;

typedef struct Indices {
  uint32_t *data;
  uint32_t len, cap;
} Indices;

/* subtype ::= SUB final? typeuse* comptype.  The module keeps its type
 * definitions flat, in index order; `rec` is the index of the first type of
 * this type's rec group and `rec_size` the group's length, so the rectype
 * `REC subtype*` is types [rec, rec + rec_size). */
typedef struct SubType {
  bool final;
  Indices supers;
  CompType comp;
  uint32_t rec, rec_size;
  uint32_t at;  /* source offset */
} SubType;

/* limits ::= [u64 .. u64?] */
typedef struct Limits {
  uint64_t min, max;
  bool has_max;
} Limits;

/* addrtype ::= I32 | I64 */
typedef enum AddrType { ADDR_I32, ADDR_I64 } AddrType;

typedef struct MemType {
  AddrType addr;
  Limits limits;
} MemType;

typedef struct TableType {
  AddrType addr;
  Limits limits;
  ValType elem;  /* a reftype */
} TableType;

typedef struct GlobalType {
  ValType type;
  bool mut;
} GlobalType;

/* externtype ::= TAG tagtype | GLOBAL globaltype | MEM memtype | TABLE tabletype | FUNC typeuse */
typedef enum ExternKind {
  EXTERN_FUNC,
  EXTERN_TABLE,
  EXTERN_MEM,
  EXTERN_GLOBAL,
  EXTERN_TAG
} ExternKind;

enum { EXTERN_KINDS = 5 };

typedef struct ExternType {
  ExternKind kind;
  uint32_t type;      /* EXTERN_FUNC, EXTERN_TAG: a type index */
  TableType table;
  MemType mem;
  GlobalType global;
} ExternType;

/* Constructors for the common cases. */
static inline ValType valtype_num(ValKind k) { return (ValType){.kind = (uint8_t)k}; }
static inline ValType valtype_ref(bool null, HeapKind h, uint32_t idx)
{
  return (ValType){.kind = VAL_REF, .heap = (uint8_t)h, .null = null, .idx = idx};
}

bool valtype_eq(ValType a, ValType b);
bool valtypes_eq(const ValTypes *a, const ValTypes *b);
bool functype_eq(const FuncType *a, const FuncType *b);
bool comptype_eq(const CompType *a, const CompType *b);
bool subtype_eq(const SubType *a, const SubType *b);
bool externtype_eq(const ExternType *a, const ExternType *b);

/* Spec names of the abstract heap types and value kinds ("func", "i32"). */
const char *heapkind_name(HeapKind h);
const char *valkind_name(ValKind k);
const char *externkind_name(ExternKind k);

#endif
