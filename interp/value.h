/* Run-time values and heap objects (spec: 4.0-execution.configurations,
 * "Values" and "Instances").
 *
 * A Value is 16 bytes of payload and the kind of what it holds.  The kind
 * is what makes the collector precise: it scans operand stacks and locals
 * and marks exactly the slots that hold references. */
#ifndef INTERP_VALUE_H
#define INTERP_VALUE_H

#include <stdbool.h>
#include <stdint.h>

#include "syntax/ast.h"
#include "syntax/types.h"

typedef enum ObjKind {
  OBJ_FUNC,     /* ref.func: a function instance (owned by the store, never swept) */
  OBJ_STRUCT,   /* ref.struct */
  OBJ_ARRAY,    /* ref.array */
  OBJ_EXN,      /* ref.exn */
  OBJ_HOST,     /* ref.host n (owned by the store, never swept) */
  OBJ_EXTERN,   /* ref.extern r: an internal reference made external */
  OBJ_CONT      /* ref.cont: a continuation */
} ObjKind;

/* The header of every heap object. */
typedef struct Object {
  uint8_t kind;             /* ObjKind */
  bool marked;              /* by the collector */
  const DefType *type;      /* structs, arrays, functions, continuations */
  struct Object *next;      /* all collectable objects, for the sweep */
} Object;

/* A reference: NULL for ref.null, an Object, or an i31 (tagged: the value
 * in the upper 31 bits, the lowest bit set). */
typedef Object *Ref;

static inline bool ref_is_i31(Ref r) { return ((uintptr_t)r & 1) != 0; }
static inline Ref ref_i31(uint32_t n) { return (Ref)(((uintptr_t)(n & 0x7fffffffu) << 1) | 1); }
static inline uint32_t ref_i31_value(Ref r) { return (uint32_t)((uintptr_t)r >> 1); }
static inline bool ref_is_object(Ref r) { return r && !ref_is_i31(r); }

typedef struct Value {
  union {
    uint32_t i32;
    uint64_t i64;
    uint32_t f32;   /* bit patterns: floats never pass through C conversions */
    uint64_t f64;
    V128 v128;
    Ref ref;
  };
  uint8_t kind;     /* ValKind: VAL_I32 … VAL_V128, VAL_REF */
} Value;

static inline Value value_i32(uint32_t x) { Value v = {.i32 = x}; v.kind = VAL_I32; return v; }
static inline Value value_i64(uint64_t x) { Value v = {.i64 = x}; v.kind = VAL_I64; return v; }
static inline Value value_f32(uint32_t bits) { Value v = {.f32 = bits}; v.kind = VAL_F32; return v; }
static inline Value value_f64(uint64_t bits) { Value v = {.f64 = bits}; v.kind = VAL_F64; return v; }
static inline Value value_ref(Ref r) { Value v = {.ref = r}; v.kind = VAL_REF; return v; }

/* Writing and copying values in place, as the machine does: a scalar is
 * written as 8 bytes (zero-extended) and copied as 8 bytes, the high half
 * only for v128.  So a read is never wider than the write before it, which
 * would stall the CPU's store forwarding on nearly every instruction. */
static inline void value_set(Value *v, ValKind k, uint64_t bits) { v->i64 = bits; v->kind = (uint8_t)k; }
static inline void value_set_ref(Value *v, Ref r) { v->ref = r; v->kind = VAL_REF; }
/* The default value of a local written in place ($default_: zero or null):
 * a v128 needs all 16 bytes, as a slot may still hold an older vector. */
static inline void value_set_default(Value *v, ValKind k)
{
  value_set(v, k, 0);
  if (k == VAL_V128)
    v->v128 = (V128){0};
}
static inline void value_copy(Value *d, const Value *s)
{
  d->i64 = s->i64;
  if (s->kind == VAL_V128)
    d->v128 = s->v128;
  d->kind = s->kind;
}

/* The default value of a type (spec: $default_), zero or null. */
static inline Value value_default(ValType t)
{
  Value v = {0};
  v.kind = t.kind == PACK_I8 || t.kind == PACK_I16 ? VAL_I32 : t.kind;
  return v;
}

#endif
