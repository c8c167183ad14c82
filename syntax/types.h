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
#include "util/buf.h"

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
  HEAP_IDX,  /* _IDX typeidx: a type index of the module (syntax) */
  HEAP_DEF,  /* a defined type, closed: idx is its id in the TypeStore */
  HEAP_REC   /* REC i: the i-th type of the enclosing rec group */
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

/* ---- Defined types: the rec groups of all modules, interned ----
 *
 * Validation and execution work on closed types (spec: $clos): a heap type
 * that names a defined type holds the type itself (HEAP_DEF), not an index
 * of one module.  Rec groups are interned in a TypeStore, so that types
 * that are equal under iso-recursive equivalence are the same DefType, in
 * every module: type equality is id equality.  Each type keeps its display,
 * the chain of its declared supertypes as an array by depth, so that
 * subtyping of defined types (spec: 2.2-validation.subtyping, S-def) is one
 * look-up however deep the hierarchy. */

/* The deepest subtype hierarchy: a type with no supertype has depth 0 (the
 * JS API's embedding limits).  Validation refuses a deeper type as a
 * resource exhaustion; it also bounds a display to 64 entries. */
enum { DEFTYPE_DEPTH_MAX = 63 };

typedef struct RecGroup RecGroup;

typedef struct DefType {
  const RecGroup *group;
  uint32_t index;             /* position in the group */
  uint32_t id;                /* in the TypeStore; the idx of HEAP_DEF */
  bool final;
  ValTypes supers;            /* as declared, for identity: HEAP_REC or HEAP_DEF */
  uint32_t depth;             /* supertypes above it */
  /* display[d] is its supertype at depth d, for d in 0 .. depth, so
   * display[depth] is itself and display[depth - 1] its declared supertype
   * (if that is defined before it).  NULL when depth > DEFTYPE_DEPTH_MAX. */
  const struct DefType *const *display;
  CompType comp;              /* closed */
} DefType;

struct RecGroup {
  uint32_t size;
  uint32_t hash;
  DefType *types;
  RecGroup *next;             /* in the TypeStore's hash bucket */
};

typedef struct TypeStore {
  Arena arena;
  DefType **by_id;
  uint32_t count, cap;
  RecGroup **buckets;
  uint32_t nbuckets, ngroups;
} TypeStore;

void typestore_init(TypeStore *ts);
void typestore_free(TypeStore *ts);

static inline const DefType *typestore_get(const TypeStore *ts, uint32_t id) { return ts->by_id[id]; }

/* Interns the rec group of types [first, first + n) of a module, whose
 * earlier types are `prior` (the defined types of types 0 .. first-1).
 * Writes the group's defined types to out[0 .. n-1].  A reference to a type
 * that is not defined yet fails with INTERN_UNKNOWN, *bad set to the
 * offending index (any u32, so the failures are told apart by the result). */
typedef enum InternResult { INTERN_OK, INTERN_UNKNOWN, INTERN_NO_MEMORY } InternResult;
InternResult typestore_intern_group(TypeStore *ts, const SubType *types, uint32_t first, uint32_t n,
                                    const DefType *const *prior, const DefType **out, uint32_t *bad);

/* The closed form of a module's value type, given its defined types. */
ValType valtype_close(ValType t, const DefType *const *types);

/* ---- Subtyping on closed types (2.2-validation.subtyping) ---- */
/* S-def, in constant time; a's depth must be within DEFTYPE_DEPTH_MAX (no
 * deeper type gets past validation, so nothing compares one). */
bool deftype_sub(const DefType *a, const DefType *b);
bool heaptype_sub(const TypeStore *ts, ValType a, ValType b);  /* on the heap part of reftypes */
bool reftype_sub(const TypeStore *ts, ValType a, ValType b);
bool valtype_sub(const TypeStore *ts, ValType a, ValType b);
bool fieldtype_sub(const TypeStore *ts, FieldType a, FieldType b);
bool comptype_sub(const TypeStore *ts, const CompType *a, const CompType *b);

/* S-extern on closed external types (the `type` of functions and tags is
 * a DefType id): what an import of type b accepts. */
bool externtype_sub(const TypeStore *ts, const ExternType *a, const ExternType *b);

/* The top of a heap type's hierarchy: any, func, extern, exn or cont. */
HeapKind heaptype_top(const TypeStore *ts, ValType t);

/* Whether a value type has a default value (spec: Defaultable). */
bool valtype_defaultable(ValType t);

/* Constructors for the common cases. */
static inline ValType valtype_num(ValKind k) { return (ValType){.kind = (uint8_t)k}; }
static inline ValType valtype_ref(bool null, HeapKind h, uint32_t idx)
{
  return (ValType){.kind = VAL_REF, .heap = (uint8_t)h, .null = null, .idx = idx};
}

bool valtype_eq(ValType a, ValType b);
bool valtypes_eq(const ValTypes *a, const ValTypes *b);
/* n types each equal: a ValTypes' and select's (result t*) alike */
bool valtype_array_eq(const ValType *a, const ValType *b, uint32_t n);
bool functype_eq(const FuncType *a, const FuncType *b);
bool comptype_eq(const CompType *a, const CompType *b);
bool subtype_eq(const SubType *a, const SubType *b);
bool externtype_eq(const ExternType *a, const ExternType *b);

/* Spec names of the abstract heap types and value kinds ("func", "i32"). */
const char *heapkind_name(HeapKind h);
const char *valkind_name(ValKind k);
const char *externkind_name(ExternKind k);

/* ---- Types in the official interpreter's notation (its syntax/types.ml
 * string_of_*): `func [i32] -> [i64]`, `(ref null (struct (field (mut
 * i32))))`, `(rec (sub (struct)) (sub 0 (struct))).1`.  Trap messages,
 * results (script/show.c) and -s (script/sig.c) write types with them. */

/* How one kind of type writes a heap type that names a defined type: a
 * store's closed types (valtype_print below) or a module's (-s).
 * `heaptype` writes every heap type; a continuation type's index is a heap
 * type of kind `index_heap`.  A writer's context follows the TypeNotation
 * as the first member of its own struct. */
typedef struct TypeNotation {
  void (*heaptype)(Buf *b, const struct TypeNotation *n, ValType t);
  HeapKind index_heap;
} TypeNotation;

void notation_valtype(Buf *b, const TypeNotation *n, ValType t);
void notation_mut(Buf *b, const TypeNotation *n, ValType t, bool mut);   /* t or (mut t) */
void notation_comptype(Buf *b, const TypeNotation *n, const CompType *c);
/* A heap type that names no defined type: `func`, `rec.i`, a bare index. */
void notation_heap_named(Buf *b, ValType t);

/* A closed value type or defined type of a TypeStore: a defined type in
 * full, and inside it a type of its own rec group as rec.i (a recursive
 * type would never end otherwise). */
void valtype_print(Buf *b, const TypeStore *ts, ValType t);
void deftype_print(Buf *b, const TypeStore *ts, const DefType *dt);

#endif
