/* The abstract syntax of .wast scripts (spec: script-format-README.md,
 * "Scripts").  A script is a list of commands; text modules in it are parsed
 * (and resolved) with the script, while `(module binary …)` and
 * `(module quote …)` keep their bytes and are decoded or parsed only when the
 * command runs, so that assert_malformed can observe the error. */
#ifndef SYNTAX_SCRIPT_H
#define SYNTAX_SCRIPT_H

#include <stdbool.h>
#include <stdint.h>

#include "syntax/ast.h"
#include "util/arena.h"

/* module ::= (module $id? field*) | (module $id? binary string*) | (module $id? quote string*) */
typedef enum ScriptModuleKind { SMOD_TEXT, SMOD_BINARY, SMOD_QUOTE } ScriptModuleKind;

typedef struct ScriptModule {
  ScriptModuleKind kind;
  Name id;            /* $id without the `$`; len 0 if absent */
  bool definition;    /* (module definition …): define only, do not instantiate */
  Module *module;     /* SMOD_TEXT: owned by the script */
  Bytes bytes;        /* SMOD_BINARY: the binary; SMOD_QUOTE: the module text */
  uint32_t at;
} ScriptModule;

/* const ::= (t.const c) | (v128.const shape c*) | (ref.null ht) | (ref.host n) | (ref.extern n) */
typedef enum ConstKind { CONST_NUM, CONST_VEC, CONST_REF_NULL, CONST_REF_HOST, CONST_REF_EXTERN } ConstKind;

typedef struct Const {
  ConstKind kind;
  ValKind type;       /* CONST_NUM: VAL_I32..VAL_F64 */
  uint64_t bits;      /* CONST_NUM: the value's bit pattern; REF_HOST/REF_EXTERN: n */
  V128 vec;           /* CONST_VEC */
  ValType ref;        /* CONST_REF_NULL: (ref null ht) */
} Const;

typedef struct Consts {
  Const *data;
  uint32_t len, cap;
} Consts;

/* Lane shapes of v128.const and of v128 result patterns. */
typedef enum VecShape { SHAPE_I8X16, SHAPE_I16X8, SHAPE_I32X4, SHAPE_I64X2, SHAPE_F32X4, SHAPE_F64X2 } VecShape;

/* num_pat ::= num | nan:canonical | nan:arithmetic */
typedef enum NumPatKind { NUMPAT_VALUE, NUMPAT_NAN_CANONICAL, NUMPAT_NAN_ARITHMETIC } NumPatKind;

typedef struct NumPat {
  NumPatKind kind;
  uint64_t bits;
} NumPat;

/* result_pat ::= (t.const num_pat) | (v128.const shape num_pat*) | (ref.null ht?)
 *              | (ref.func x?) | (ref.extern n?) | (ref.host n) | (ref.KIND) | (ref) | (either result_pat+) */
typedef enum ResultKind {
  RESULT_NUM,         /* type, num */
  RESULT_VEC,         /* shape, lanes */
  RESULT_REF_NULL,    /* (ref.null) any null; with has_type, a null of that heap type */
  RESULT_REF_FUNC,    /* any function reference */
  RESULT_REF_EXTERN,  /* with has_value: exactly (ref.extern n); else any extern reference */
  RESULT_REF_HOST,    /* (ref.host n) */
  RESULT_REF_HEAP,    /* (ref.any) (ref.eq) (ref.i31) (ref.struct) (ref.array) (ref.exn) …: a non-null reference of heap type `heap` */
  RESULT_REF,         /* (ref): any non-null reference */
  RESULT_EITHER       /* any of `alts` */
} ResultKind;

typedef struct Result Result;

typedef struct Results {
  Result *data;
  uint32_t len, cap;
} Results;

struct Result {
  ResultKind kind;
  ValKind type;       /* RESULT_NUM */
  NumPat num;         /* RESULT_NUM */
  VecShape shape;     /* RESULT_VEC */
  NumPat lanes[16];   /* RESULT_VEC: as many as the shape has */
  HeapKind heap;      /* RESULT_REF_HEAP */
  ValType ref;        /* RESULT_REF_NULL with has_type: (ref null ht) */
  bool has_type, has_value;
  uint64_t value;     /* RESULT_REF_EXTERN, RESULT_REF_HOST */
  Results alts;       /* RESULT_EITHER */
  uint32_t at;
};

/* action ::= (invoke $id? name const*) | (get $id? name) */
typedef enum ActionKind { ACTION_INVOKE, ACTION_GET } ActionKind;

typedef struct Action {
  ActionKind kind;
  Name module;        /* $id without `$`; len 0: the most recent module */
  Name name;
  Consts args;
  uint32_t at;
} Action;

typedef enum CommandKind {
  CMD_MODULE,             /* module */
  CMD_INSTANCE,           /* (module instance $i? $m?) */
  CMD_REGISTER,           /* (register name $id?) */
  CMD_ACTION,             /* action */
  CMD_ASSERT_RETURN,      /* action result* */
  CMD_ASSERT_TRAP,        /* action failure */
  CMD_ASSERT_TRAP_MODULE, /* module failure: instantiation traps */
  CMD_ASSERT_EXHAUSTION,  /* action failure */
  CMD_ASSERT_EXCEPTION,   /* action */
  CMD_ASSERT_SUSPENSION,  /* action failure */
  CMD_ASSERT_MALFORMED,   /* module failure */
  CMD_ASSERT_INVALID,     /* module failure */
  CMD_ASSERT_UNLINKABLE,  /* module failure */
  CMD_INPUT,              /* (input $id? "file") */
  CMD_OUTPUT,             /* (output $id? "file"?) */
  CMD_SCRIPT              /* (script $id? cmd*): its `nested` commands follow it */
} CommandKind;

typedef struct Command {
  CommandKind kind;
  uint32_t at;
  ScriptModule module;    /* CMD_MODULE, CMD_ASSERT_*_MODULE-like forms, MALFORMED, INVALID, UNLINKABLE */
  Action action;          /* CMD_ACTION and action assertions */
  Results results;        /* CMD_ASSERT_RETURN */
  Bytes failure;          /* the expected message of assertions */
  Name name;              /* CMD_REGISTER: the registered name; CMD_INPUT/OUTPUT: the file */
  Name id;                /* CMD_REGISTER, CMD_INPUT, CMD_OUTPUT, CMD_SCRIPT: $id; CMD_INSTANCE: the instance */
  Name id2;               /* CMD_INSTANCE and `instance` assertions: the module definition */
  bool has_name;          /* CMD_OUTPUT: a file was given */
  uint32_t nested;        /* CMD_SCRIPT: how many of the following commands are its own */
  bool instance;          /* CMD_ASSERT_UNLINKABLE, CMD_ASSERT_TRAP_MODULE of (module instance $id? $id2?):
                             the module is the definition id2, not `module` */
} Command;

typedef struct Commands {
  Command *data;
  uint32_t len, cap;
} Commands;

typedef struct Script {
  Arena arena;
  Commands commands;
  const char *file;
  const char *source;          /* the script's text (owned by the caller) */
  uint32_t *line_starts;       /* shared by every text module of the script */
  uint32_t nlines;
} Script;

void script_free(Script *s);   /* frees the script and its modules */

/* The source position of an offset in the script's text. */
Loc script_loc(const Script *s, uint32_t at);

#endif
