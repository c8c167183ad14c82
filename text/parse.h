/* The text parser's shared state: what the lexer, the grammar's actions
 * (text/parser.y), the driver (text/parse.c) and the resolver
 * (text/resolve.c) pass between them.  Internal to text/.
 *
 * How identifiers become indices.  The spec parses a module under an
 * identifier context I that already knows every name of the module.  We
 * parse in one pass, so a reference may come before its definition:
 *  - labels are bound while parsing, in the order instructions are emitted
 *    (which is the order of the flat instruction sequence), so they resolve
 *    at once;
 *  - every other index is written into its slot as a number when it is a
 *    number below VAR_BASE; anything else (an identifier, a larger number, a
 *    type use) becomes an entry of `vars`, and the slot holds VAR_BASE plus
 *    the entry's position.  After the module is parsed, resolve.c walks
 *    every index slot, by instruction shape, and replaces such handles by
 *    the index they denote. */
#ifndef TEXT_PARSE_H
#define TEXT_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "syntax/ast.h"
#include "syntax/limits.h"
#include "syntax/script.h"
#include "util/arena.h"
#include "util/error.h"

/* A token: its text in the source and, for keywords, what it stands for
 * (an Op for instructions, a ValKind, HeapKind, … for type keywords). */
typedef struct Token {
  const char *text;
  uint32_t len;
  uint32_t at;     /* offset of the first byte in the source */
  uint32_t value;
} Token;

enum { VAR_BASE = 0x80000000u };

static inline bool is_var(uint32_t slot) { return slot >= VAR_BASE; }

/* The index spaces of a module (spec: idctxt). */
typedef enum Space {
  SPACE_TYPE, SPACE_FUNC, SPACE_TABLE, SPACE_MEM, SPACE_GLOBAL, SPACE_TAG,
  SPACE_ELEM, SPACE_DATA, SPACE_LOCAL, SPACE_FIELD, SPACE_COUNT
} Space;

/* typeuse ::= (type x) param* result* | param* result*
 * Also the inline param/result list of a block type. */
typedef struct Names { Name *data; uint32_t len, cap; } Names;

typedef struct TypeUse {
  bool has_type;
  uint32_t type;        /* an index slot */
  ValTypes params, results;
  Names param_names;    /* one per param, empty names for unnamed ones */
  uint32_t at;
} TypeUse;

typedef enum VarKind { VAR_NAME, VAR_NUM, VAR_TYPEUSE } VarKind;

typedef struct Var {
  VarKind kind;
  Name name;            /* VAR_NAME: without the `$` */
  uint32_t num;         /* VAR_NUM */
  TypeUse *use;         /* VAR_TYPEUSE */
  uint32_t at;
} Var;

typedef struct Vars { Var *data; uint32_t len, cap; } Vars;

/* Identifiers bound in one index space: an open-addressing hash table from
 * name to index. */
typedef struct NameEntry { Name name; uint32_t idx; } NameEntry;
typedef struct NameTable {
  NameEntry *slots;
  uint32_t cap, count;
} NameTable;

/* What the resolver needs to know about a function beyond the AST: its
 * type use (with parameter names) and the names of its declared locals. */
typedef struct TextFunc {
  uint32_t use;         /* a VAR_TYPEUSE handle */
  Names params, locals;
  NameMap labels;       /* its labels' identifiers, by label_key */
} TextFunc;

typedef struct TextFuncs { TextFunc *data; uint32_t len, cap; } TextFuncs;

/* A structured instruction whose `end` has not been seen yet. */
typedef struct OpenBlock {
  uint32_t pos;         /* index of the block/loop/if/try_table in `code` */
  Name label;
} OpenBlock;

typedef struct OpenBlocks { OpenBlock *data; uint32_t len, cap; } OpenBlocks;

/* A folded `if` whose condition is being parsed: the instruction is emitted
 * when `(then` is reached, after the condition. */
typedef struct PendingIf { Instr instr; Name label; } PendingIf;
typedef struct PendingIfs { PendingIf *data; uint32_t len, cap; } PendingIfs;

typedef struct TextParser {
  const char *file;
  const char *src;
  size_t len;
  Error *err;

  Arena *arena;          /* where syntax goes: the current module's arena, else the script's */
  Module *mod;           /* the module being parsed, NULL between modules */
  Module *result;        /* text_parse_module: the finished module */
  Script *script;        /* when parsing a script */
  VEC(Module *) modules; /* every text module of the script so far, for cleaning up after an
                            error that leaves one outside any command */
  VEC(Custom) customs;   /* in a script, the (@custom …) fields of the module being read, for
                            build_text_module (in the script's arena) */

  /* Identifier context of the current module. */
  NameTable names[SPACE_LOCAL];  /* one per module-level index space */
  Vars vars;
  TextFuncs funcs;       /* parallel to mod->funcs */
  Names *fields;         /* field names per type index (NULL: none) */
  uint32_t nfields;
  uint32_t imported[EXTERN_KINDS];
  int last_definition;   /* ExternKind of the last definition, -1 if none yet */
  bool in_rec;
  uint32_t rec_start;
  uint32_t rec_groups;   /* the module's recursion groups so far, empty ones too */

  /* The field being parsed. */
  ExternKind field_kind;
  uint32_t field_idx, field_at;
  bool has_import;       /* an inline (import "m" "n") was given */
  Name import_module, import_name;
  uint32_t import_at;
  uint32_t func_use;     /* the function's type use (a handle) */
  ValTypes func_locals;
  Names func_local_names;
  NameMap func_labels;   /* the labels of the function being parsed, by label_key */
  Names struct_names;    /* field names of the struct type being parsed */
  Names pending_names;   /* … and of the last comptype, for its typedef */

  /* The expression being parsed, in a buffer of its own (text_emit). */
  Expr code;
  OpenBlocks blocks;
  PendingIfs ifs;
  Name next_label;       /* label of the block instruction about to be emitted */

  uint32_t *line_starts;
  uint32_t nlines;
  uint32_t last_at;      /* offset of the last token fed to the parser */
} TextParser;

/* ---- Errors: of phase "malformed", but for this interpreter's limits ---- */
bool text_error(TextParser *p, uint32_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
bool text_limit(TextParser *p, uint32_t at, const char *msg);   /* phase "limit" */
bool text_failed(const TextParser *p);
/* Whether n is within limit l (syntax/limits.h); else false, with the
 * error at `at`. */
bool text_within(TextParser *p, Limit l, uint64_t n, uint32_t at);
void text_oom(TextParser *p);   /* records EXHAUSTION_OUT_OF_MEMORY */

/* ---- Tokens ---- */
Name text_id(TextParser *p, Token t);          /* an ID token's name, without `$` */
Name text_name(TextParser *p, Token t);        /* a STRING token as a name (UTF-8) */
Bytes text_string(TextParser *p, Token t);     /* a STRING token's bytes */
uint32_t text_u32(TextParser *p, Token t);
uint64_t text_u64(TextParser *p, Token t);

/* ---- Index slots ---- */
uint32_t text_var(TextParser *p, Token t);     /* NAT or ID token → slot */
uint32_t text_use(TextParser *p, TypeUse *use);/* a type use → slot */

/* ---- Identifiers ---- */
bool name_lookup(const NameTable *t, Name n, uint32_t *idx);
bool name_insert(Arena *a, NameTable *t, Name n, uint32_t idx, bool *oom);
bool name_eq(Name a, Name b);
/* Binds id (may be empty) to idx; "duplicate …" if it is bound already. */
bool text_bind(TextParser *p, Space s, Token id, uint32_t idx);
bool text_bind_in(TextParser *p, NameTable *t, Space s, Token id, uint32_t idx);
bool text_bind_name(TextParser *p, NameTable *t, Space s, Name n, uint32_t idx, uint32_t at);

/* ---- Modules ---- */
Module *text_module(TextParser *p);            /* the current module, created on demand */

/* ---- Expressions ---- */
void text_emit(TextParser *p, Instr in);       /* appends, maintaining labels and blocks */
void text_block_label(TextParser *p, Name label); /* the label of the block about to be emitted */
Name text_open_label(const TextParser *p);     /* the label of the innermost open block */
Expr text_take_expr(TextParser *p);            /* the expression so far, with its `end` */
uint32_t text_label(TextParser *p, Token t);   /* a label reference → depth */

/* Resolve all handles of the current module (text/resolve.c). */
bool text_resolve(TextParser *p);

#endif
