/* The validation context C (spec: 2.0-validation.contexts), shared by the
 * parts of the validator.  Internal to validate/.  Types in it are closed:
 * heap types are abstract or HEAP_DEF. */
#ifndef VALIDATE_CONTEXT_H
#define VALIDATE_CONTEXT_H

#include "util/buf.h"
#include "validate/validate.h"

typedef struct Context {
  TypeStore *ts;
  const Module *m;
  const ValidateOptions *opt;
  Error *err;
  Arena arena;                 /* the context's own arrays */

  const DefType **types;       /* C.TYPES */
  uint32_t ntypes;
  const DefType **funcs;       /* C.FUNCS: imported, then defined */
  uint32_t nfuncs;
  TableType *tables;           /* C.TABLES */
  uint32_t ntables;
  MemType *mems;               /* C.MEMS */
  uint32_t nmems;
  GlobalType *globals;         /* C.GLOBALS */
  uint32_t nglobals;
  uint32_t globals_visible;    /* while validating globals: the ones before */
  const DefType **tags;        /* C.TAGS */
  uint32_t ntags;
  ValType *elems;              /* C.ELEMS */
  uint32_t nelems;
  uint32_t ndatas;             /* C.DATAS */
  uint8_t *refs;               /* C.REFS: one flag per function */
} Context;

/* ---- Errors (validate/messages.h has their texts) ---- */
bool valid_error(Context *c, uint32_t at, const char *fmt, ...)   /* phase "invalid" */
    __attribute__((format(printf, 3, 4)));
bool valid_out_of_memory(Context *c, uint32_t at);                /* phase "limit" */
bool valid_internal(Context *c, uint32_t at, const char *msg);    /* a bug of ours */
bool valid_failed(const Context *c);

/* The first index of this module that names a defined type, for messages. */
bool valid_type_index(const Context *c, uint32_t id, uint32_t *x);

/* Appends a closed value type as text, for messages: i32, (ref null 3)… */
void valid_print_valtype(Buf *out, const Context *c, ValType t);

/* ---- Types (validate/types.c) ---- */
bool valid_types(Context *c);                                /* Types_ok, and interning */
bool valid_valtype(Context *c, ValType t, uint32_t at);      /* Valtype_ok, on syntax */
bool valid_limits(Context *c, Limits l, uint64_t k, const char *what, uint32_t at);
bool valid_externtype(Context *c, const ExternType *xt, uint32_t at);
const DefType *valid_type_at(Context *c, uint32_t x, uint32_t at);  /* C.TYPES[x], or "unknown type x" */
const CompType *valid_comptype_at(Context *c, uint32_t x, CompKind kind, uint32_t at);  /* Expand to kind */
const FuncType *valid_functype_at(Context *c, uint32_t x, uint32_t at);  /* Expand to FUNC */

/* ---- Code (validate/instr.c) ---- */
bool valid_func(Context *c, const Func *f, uint32_t idx);
bool valid_const_expr(Context *c, const Expr *e, ValType t);  /* Expr_ok_const */

#endif
