/* The abstract syntax of modules and instructions (spec: 1.3-syntax.
 * instructions, 1.4-syntax.modules, and the stack-switching Explainer).
 *
 * One deliberate difference from the spec's tree: an expression is a *flat*
 * array of instructions, as in the binary format.  `block`, `loop`, `if` and
 * `try_table` are followed by their body, an optional `else` and a closing
 * `end`; every expression ends with the `end` that closes it.  Structured
 * instructions record where their `else` and `end` are, so a branch is an
 * index jump. */
#ifndef SYNTAX_AST_H
#define SYNTAX_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "syntax/types.h"
#include "util/arena.h"
#include "util/error.h"

/* The instruction opcodes, one per row of syntax/instr.def. */
typedef enum Op {
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results) OP_##id,
#include "syntax/instr.def"
} Op;

/* Kept out of the enum, so that a switch over Op names instructions only. */
enum {
  OP_COUNT = 0
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results) + 1
#include "syntax/instr.def"
};

/* The groups of instructions, one per INSTR_GROUP row of syntax/instr.def. */
typedef enum InstrGroup {
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results)
#define INSTR_GROUP(id, name) GROUP_##id,
#include "syntax/instr.def"
} InstrGroup;

enum {
  GROUP_COUNT = 0
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results)
#define INSTR_GROUP(id, name) + 1
#include "syntax/instr.def"
};

/* Each group's name: "numeric", "control" … */
extern const char *const instr_group_name[GROUP_COUNT];

/* Writes the group of each opcode: the INSTR_GROUP row above its own. */
void instr_groups(uint8_t group[OP_COUNT]);

/* The immediate shapes, one per row of syntax/shapes.def. */
typedef enum Shape {
#define SHAPE(name, token, imm, x, y) IMM_##name,
#include "syntax/shapes.def"
} Shape;

enum {
  SHAPE_COUNT = 0
#define SHAPE(name, token, imm, x, y) + 1
#include "syntax/shapes.def"
};

/* Where an Instr keeps the immediates of a shape: the IMM column. */
typedef enum ImmLayout { LAYOUT_NONE, LAYOUT_X, LAYOUT_XY, LAYOUT_YX, LAYOUT_OWN } ImmLayout;

/* What an index immediate indexes: the X and Y columns. */
typedef enum ImmIndex {
  INDEX_NONE, INDEX_LABEL, INDEX_FUNC, INDEX_TYPE, INDEX_TYPEUSE, INDEX_TAG,
  INDEX_LOCAL, INDEX_GLOBAL, INDEX_TABLE, INDEX_ELEM, INDEX_MEM, INDEX_DATA,
  INDEX_FIELD, INDEX_U32
} ImmIndex;

/* What syntax/shapes.def says about one shape. */
typedef struct ShapeInfo {
  ImmLayout imm;
  ImmIndex x, y;
} ShapeInfo;

extern const ShapeInfo shape_info[SHAPE_COUNT];

/* Whether a shape names a data segment: then the binary format needs the
 * data count section (spec: 5.5-binary.modules, data count section). */
static inline bool shape_names_data(Shape s)
{
  return shape_info[s].x == INDEX_DATA || shape_info[s].y == INDEX_DATA;
}

/* A case label for each shape that is not OWN, whose immediates the table
 * describes in full, so that a switch over Shape names the OWN shapes itself
 * and -Wswitch-enum still sees every shape:
 *
 *   switch (shape) {
 *   #define SHAPE SHAPE_TABLE_CASE
 *   #include "syntax/shapes.def"
 *     return from_the_table(...);
 *   case IMM_BLOCK: ...
 */
#define SHAPE_TABLE_CASE(name, token, imm, x, y) SHAPE_CASE_##imm(name)
#define SHAPE_CASE_NONE(name) case IMM_##name:
#define SHAPE_CASE_X(name) case IMM_##name:
#define SHAPE_CASE_XY(name) case IMM_##name:
#define SHAPE_CASE_YX(name) case IMM_##name:
#define SHAPE_CASE_OWN(name)

/* A case label for each row of an instruction table, so that a switch over
 * Op lists a part of the table without naming its opcodes a second time:
 *
 *   #define INSTR INSTR_CASE
 *   #include "syntax/instr_numeric.def"
 *   #undef INSTR
 *     return by_signature(...);
 */
#define INSTR_CASE(id, mnemonic, prefix, code, shape, n, params, results) case OP_##id:

/* What syntax/instr.def says about one instruction. */
typedef struct InstrInfo {
  const char *mnemonic;
  uint8_t prefix;
  uint32_t code;
  Shape shape;
  uint8_t n;
  const char *params, *results;
} InstrInfo;

extern const InstrInfo instr_info[OP_COUNT];

/* The value kind of a letter of syntax/instr.def's signatures. */
static inline ValKind sig_kind(char c)
{
  return c == 'i' ? VAL_I32 : c == 'I' ? VAL_I64 : c == 'f' ? VAL_F32 : c == 'F' ? VAL_F64 : VAL_V128;
}

/* Whether an instruction opens a block that an `end` closes: block, loop,
 * if and try_table (spec: 1.3-syntax.instructions, control instructions). */
static inline bool op_opens_block(Op op)
{
  Shape s = instr_info[op].shape;
  return s == IMM_BLOCK || s == IMM_TRY_TABLE;
}

/* A 128-bit vector, little-endian lanes. */
typedef union V128 {
  uint8_t i8[16];
  uint16_t i16[8];
  uint32_t i32[4];
  uint64_t i64[2];
} V128;

/* blocktype ::= _RESULT valtype? | _IDX typeidx */
typedef enum BlockTypeKind { BLOCK_EMPTY, BLOCK_VALTYPE, BLOCK_TYPEIDX } BlockTypeKind;

typedef struct BlockType {
  uint8_t kind;       /* BlockTypeKind */
  union {
    ValType valtype;  /* BLOCK_VALTYPE */
    uint32_t idx;     /* BLOCK_TYPEIDX */
  };
} BlockType;

/* memarg ::= {ALIGN u32, OFFSET u64}, with the memory index and, for the
 * lane instructions, the lane. */
typedef struct MemArg {
  uint64_t offset;
  uint32_t mem;
  uint8_t align;  /* log2 of the alignment in bytes */
  uint8_t lane;
} MemArg;

/* catch ::= CATCH tagidx labelidx | CATCH_REF tagidx labelidx
 *         | CATCH_ALL labelidx | CATCH_ALL_REF labelidx */
typedef enum CatchKind { CATCH, CATCH_REF, CATCH_ALL, CATCH_ALL_REF } CatchKind;

typedef struct Catch {
  CatchKind kind;
  uint32_t tag;  /* CATCH, CATCH_REF */
  uint32_t label;
} Catch;

/* hdl ::= (on tagidx labelidx) | (on tagidx switch) */
typedef enum HandlerKind { ON_LABEL, ON_SWITCH } HandlerKind;

typedef struct Handler {
  HandlerKind kind;
  uint32_t tag;
  uint32_t label;  /* ON_LABEL */
} Handler;

/* Immediates that do not fit in an Instr live out of line, in the module's
 * arena. */
typedef struct Labels { uint32_t len; uint32_t label[]; } Labels;        /* br_table: last is the default */
typedef struct Catches { uint32_t len; Catch catch_[]; } Catches;
typedef struct Handlers { uint32_t len; Handler handler[]; } Handlers;
typedef struct SelectTypes { uint32_t len; ValType type[]; } SelectTypes; /* select (result t*) */

/* The four above hold their items inline after their length, with no
 * capacity.  A new one in arena a, `size` bytes and n items of item_size,
 * its length set and, unless items is NULL, the items copied in at offset
 * `at`; NULL when out of memory. */
void *imm_list_new(Arena *a, size_t size, size_t at, const void *items, uint32_t n, size_t item_size);
/* The same as a T whose flexible array member is m. */
#define IMM_LIST_NEW(a, T, m, items, n) \
  ((T *)imm_list_new((a), sizeof(T), offsetof(T, m), (items), (n), sizeof ((T *)0)->m[0]))

typedef struct Instr {
  uint16_t op;   /* Op */
  uint32_t at;   /* source offset: a byte offset in the text or binary */
  union {
    uint32_t x;                                 /* one index: shapes.def's IMM column says X */
    struct { uint32_t x, y; } xy;               /* two: XY or YX, in text order (X and Y columns) */
    struct {
      BlockType type;
      uint32_t end;                             /* position of the matching `end` */
      union {
        uint32_t else_;                         /* IF: position of `else`, or of `end` if none */
        Catches *catches;                       /* TRY_TABLE */
      };
    } block;
    uint32_t end;                               /* ELSE: position of the matching `end` */
    SelectTypes *select;                        /* SELECT: NULL for the form without types */
    Labels *br_table;
    struct { uint32_t label; ValType rt1, rt2; } br_on_cast;
    ValType ref;                                /* HEAPTYPE (as a nullable reftype), REFTYPE */
    MemArg memarg;
    struct { uint32_t type, tag; Handlers *handlers; } resume; /* RESUME, RESUME_THROW */
    uint32_t i32;
    uint64_t i64;
    uint32_t f32;                               /* bit patterns: never C floats */
    uint64_t f64;
    V128 v128;
    uint8_t shuffle[16];
    uint8_t lane;
  } imm;
} Instr;

_Static_assert(sizeof(Instr) <= 32, "an instruction fits in half a cache line");

/* An expression: a flat instruction sequence ending in `end`. */
typedef struct Expr {
  Instr *data;
  uint32_t len, cap;
} Expr;

typedef struct Exprs {
  Expr *data;
  uint32_t len, cap;
} Exprs;

/* name ::= char* — kept as its UTF-8 bytes; byte strings likewise. */
typedef struct Bytes {
  uint8_t *data;
  uint32_t len;
} Bytes;

typedef Bytes Name;

/* import ::= IMPORT name name externtype */
typedef struct Import {
  Name module, name;
  ExternType type;
  uint32_t at;
} Import;

/* export ::= EXPORT name externidx */
typedef struct Export {
  Name name;
  ExternKind kind;
  uint32_t idx;
  uint32_t at;
} Export;

/* func ::= FUNC typeidx local* expr */
typedef struct Func {
  uint32_t type;
  ValTypes locals;
  Expr body;
  uint32_t at;
} Func;

/* global ::= GLOBAL globaltype expr */
typedef struct Global {
  GlobalType type;
  Expr init;
  uint32_t at;
} Global;

/* table ::= TABLE tabletype expr */
typedef struct Table {
  TableType type;
  Expr init;
  uint32_t at;
} Table;

/* mem ::= MEMORY memtype */
typedef struct Mem {
  MemType type;
  uint32_t at;
} Mem;

/* tag ::= TAG tagtype */
typedef struct Tag {
  uint32_t type;
  uint32_t at;
} Tag;

/* elemmode ::= ACTIVE tableidx expr | PASSIVE | DECLARE, and likewise datamode */
typedef enum SegMode { SEG_PASSIVE, SEG_ACTIVE, SEG_DECLARE } SegMode;

/* elem ::= ELEM reftype expr* elemmode */
typedef struct Elem {
  ValType type;
  Exprs items;
  SegMode mode;
  uint32_t table;  /* SEG_ACTIVE */
  Expr offset;     /* SEG_ACTIVE */
  uint32_t at;
} Elem;

/* data ::= DATA byte* datamode */
typedef struct Data {
  Bytes init;
  SegMode mode;
  uint32_t mem;    /* SEG_ACTIVE */
  Expr offset;     /* SEG_ACTIVE */
  uint32_t at;
} Data;

/* The name section (spec: appendix, custom sections): names of the
 * module, its functions and their locals, when a binary module has a
 * well-formed one.  For messages and backtraces only. */
typedef struct NameAssoc { uint32_t idx; Name name; } NameAssoc;
typedef struct NameMap { NameAssoc *data; uint32_t len, cap; } NameMap;
typedef struct IndirectNameAssoc { uint32_t idx; NameMap names; } IndirectNameAssoc;
typedef struct IndirectNameMap { IndirectNameAssoc *data; uint32_t len, cap; } IndirectNameMap;

typedef struct NameSection {
  bool present;
  Name module;
  NameMap funcs;
  IndirectNameMap locals;
  /* The extended name section's subsections 4 to 9 and 11, and what a text
   * module's identifiers give: for --trace to print names. */
  NameMap types, tables, mems, globals, elems, datas, tags;
  /* From a text module only: per function, its labels by label_key. */
  IndirectNameMap labels;
} NameSection;

/* The key of a label in NameSection.labels: the position of a loop (where a
 * branch to it goes), or of the `end` of any other block (a branch goes
 * just after it).  A running label frame knows it the same way: the
 * instruction before its continuation. */
static inline uint32_t label_key(const Instr *code, uint32_t pos)
{
  return code[pos].op == OP_LOOP ? pos : code[pos].imm.block.end;
}

/* A name map in index order, as a binary's should be and the text format's
 * are made (names_sort); the name of idx, or NULL. */
const Name *namemap_find(const NameMap *m, uint32_t idx);
const Name *indirect_namemap_find(const IndirectNameMap *m, uint32_t outer, uint32_t inner);
/* The names of a module-level index space (INDEX_FUNC, INDEX_TYPE, …,
 * INDEX_TAG; INDEX_TYPEUSE is INDEX_TYPE), or NULL. */
const NameMap *names_of(const NameSection *ns, ImmIndex space);
/* Puts every map in index order, keeping the first of repeated indices. */
void names_sort(NameSection *ns);

/* How to print an instruction with names for its indices (--trace): the
 * name of index idx of a space, INDEX_LABEL a relative label depth and
 * INDEX_LOCAL a local of the running function; NULL prints the number. */
typedef struct IndexNamer {
  const Name *(*name)(const void *ctx, ImmIndex space, uint32_t idx);
  const void *ctx;
} IndexNamer;

/* A custom section of a binary module, kept as is. */
typedef struct Custom {
  Name name;
  Bytes content;
  uint32_t after;  /* id of the section it follows, 0 at the start */
} Custom;

#define DEFINE_VEC(Name, T) typedef struct Name { T *data; uint32_t len, cap; } Name
DEFINE_VEC(SubTypes, SubType);
DEFINE_VEC(Imports, Import);
DEFINE_VEC(Exports, Export);
DEFINE_VEC(Funcs, Func);
DEFINE_VEC(Globals, Global);
DEFINE_VEC(Tables, Table);
DEFINE_VEC(Mems, Mem);
DEFINE_VEC(Tags, Tag);
DEFINE_VEC(Elems, Elem);
DEFINE_VEC(Datas, Data);
DEFINE_VEC(Customs, Custom);

/* module ::= MODULE type* import* tag* global* mem* table* func* data* elem* start? export*
 * The types are flat, in index order (see SubType).  Everything a module
 * points to lives in its arena. */
typedef struct Module {
  Arena arena;
  SubTypes types;
  Imports imports;
  Tags tags;
  Globals globals;
  Mems mems;
  Tables tables;
  Funcs funcs;
  Datas datas;
  Elems elems;
  bool has_start;
  uint32_t start;
  Exports exports;
  Customs customs;
  NameSection names;
  /* Where the module came from, to turn `at` offsets into positions. */
  const char *file;
  bool binary;                  /* offsets are byte offsets of a binary */
  uint32_t *line_starts;        /* text: offset of each line's first byte */
  uint32_t nlines;
  uint32_t at;
} Module;

Module *module_new(void);       /* NULL on allocation failure */
void module_free(Module *m);

/* The number of imports of a kind: the imported part of that index space. */
uint32_t module_imports(const Module *m, ExternKind kind);

/* The type of the idx-th entity of a kind, imported ones first as in the
 * index space; false if there is none. */
bool module_entity_type(const Module *m, ExternKind kind, uint32_t idx, ExternType *out);

/* The source position of an offset in the module's text or binary. */
Loc module_loc(const Module *m, uint32_t at);

/* The function type an instruction-level typeuse refers to, or NULL if the
 * index is not a function type of this module. */
const FuncType *module_functype(const Module *m, uint32_t typeidx);

/* Structural equality of the abstract syntax, ignoring source positions and
 * custom sections: the test of every round trip (text → AST → text,
 * binary → AST → binary). */
bool module_eq(const Module *a, const Module *b);
bool expr_eq(const Expr *a, const Expr *b);

/* Records in each block, loop, if and try_table of a flat expression where
 * its `else` and `end` are.  False if the nesting is broken: an `else`
 * outside an `if` or a second one, an `end` too many or too few. */
bool expr_link(Expr *e);

#endif
