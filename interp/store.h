/* The store and its instances (spec: 4.0-execution.configurations, "Store"
 * and "Instances").  Addresses are pointers: a funcaddr is a FuncInst *, a
 * tagaddr a TagInst *, and so on.  Function instances are heap objects too,
 * so that a function reference is simply the FuncInst.
 *
 * Instances live as long as the store.  Structs, arrays, exceptions, host
 * references and continuations are collectable objects, reclaimed by
 * interp/gc.c. */
#ifndef INTERP_STORE_H
#define INTERP_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "interp/value.h"
#include "syntax/ast.h"
#include "syntax/types.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/hash.h"

typedef struct Store Store;
typedef struct ModuleInst ModuleInst;
typedef struct FuncInst FuncInst;
typedef struct Machine Machine;
typedef struct Stack Stack;

/* A host function: reads its arguments, writes its results.  False with
 * err set if it fails: a trap (PHASE_TRAP), or, with PHASE_EXCEPTION and
 * s->exn set, a Wasm exception thrown at its call.  It may call back into
 * Wasm (eval_invoke starts a nested machine); that call's failures pass
 * through it with their phase. */
typedef bool HostFunc(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err);

/* funcinst ::= {TYPE deftype, MODULE moduleinst, CODE func} | a host function */
struct FuncInst {
  Object obj;                 /* OBJ_FUNC; obj.type is the function's deftype */
  const FuncType *type;       /* its expansion */
  ModuleInst *module;
  const Func *code;           /* NULL for host functions */
  HostFunc *host;
  uint32_t idx;               /* in its module's function index space, for backtraces */
  uint32_t nlocals;           /* declared locals, after the parameters */
  uint8_t *local_kinds;       /* their ValKinds, for zero-initialising them */
};

/* tableinst ::= {TYPE tabletype, REFS ref*}: the type's minimum is the
 * current size. */
typedef struct TableInst {
  TableType type;             /* closed */
  Ref *refs;
  uint64_t written;           /* the entries from here on were never written: null */
} TableInst;

/* Entries below `end` may now be other than null: the collector reads a
 * table only that far, so a huge table mostly unused costs it nothing. */
static inline void table_written(TableInst *t, uint64_t end)
{
  if (end > t->written)
    t->written = end;
}

/* meminst ::= {TYPE memtype, BYTES byte*}: the type's minimum is the current
 * size in pages. */
typedef struct MemInst {
  MemType type;
  uint8_t *bytes;
  uint64_t size;              /* in bytes */
} MemInst;

/* globalinst ::= {TYPE globaltype, VALUE val} */
typedef struct GlobalInst {
  GlobalType type;            /* closed */
  Value value;
} GlobalInst;

/* taginst ::= {TYPE tagtype} — its address is its identity */
typedef struct TagInst {
  const DefType *type;
} TagInst;

/* eleminst ::= {TYPE reftype, REFS ref*}; dropping empties it */
typedef struct ElemInst {
  ValType type;
  Ref *refs;
  uint32_t len;
} ElemInst;

/* datainst ::= {BYTES byte*} */
typedef struct DataInst {
  const uint8_t *bytes;
  uint32_t len;
} DataInst;

/* externaddr ::= TAG tagaddr | GLOBAL globaladdr | MEM memaddr | TABLE tableaddr | FUNC funcaddr */
typedef struct ExternVal {
  ExternKind kind;
  union {
    FuncInst *func;
    TableInst *table;
    MemInst *mem;
    GlobalInst *global;
    TagInst *tag;
  };
} ExternVal;

/* exportinst ::= {NAME name, ADDR externaddr} */
typedef struct ExportInst {
  Name name;
  ExternVal val;
} ExportInst;

/* moduleinst ::= {TYPES deftype*, FUNCS funcaddr*, …, EXPORTS exportinst*} */
struct ModuleInst {
  const Module *module;       /* NULL for host modules */
  const char *name;           /* for backtraces: the module's $id or registered name */
  const DefType **types;
  FuncInst **funcs;
  TableInst **tables;
  MemInst **mems;
  GlobalInst **globals;
  TagInst **tags;
  ElemInst *elems;
  DataInst *datas;
  ExportInst *exports;
  uint32_t ntypes, nfuncs, ntables, nmems, nglobals, ntags, nelems, ndatas, nexports;
  Hash export_index;          /* name -> ExportInst *, made once the exports are there */
  ModuleInst *next;           /* all instances of the store, which frees their indexes */
};

/* The collectable objects. */

/* structinst ::= {TYPE deftype, FIELDS fieldval*}; packed fields hold their
 * value wrapped to the field's width. */
typedef struct StructInst {
  Object obj;
  Value fields[];
} StructInst;

/* arrayinst ::= {TYPE deftype, FIELDS fieldval*}: the elements are stored
 * packed, each in its storage type's size. */
typedef struct ArrayInst {
  Object obj;
  uint32_t len;
  uint8_t elem_size;
  ValType elem;               /* the storage type */
  _Alignas(16) uint8_t data[];
} ArrayInst;

/* exninst ::= {TAG tagaddr, FIELDS val*} */
typedef struct ExnInst ExnInst;
struct ExnInst {
  Object obj;
  TagInst *tag;
  uint32_t len;
  Value fields[];
};

/* ref.host hostaddr: an opaque reference made by the host (the script). */
typedef struct HostInst {
  Object obj;
  uint64_t addr;
} HostInst;

/* ref.extern ref: an internal reference made external. */
typedef struct ExternInst {
  Object obj;
  Ref ref;
} ExternInst;

/* continst ::= E (Explainer, "Store extensions"): a suspended
 * computation, kept as the chain of stacks it runs on — from `top`, where
 * it continues, through each stack's parent down to the one without a
 * parent, whose results go to whoever resumes it.  `top` is NULL once it
 * is consumed (the spec's epsilon). */
typedef struct ContInst {
  Object obj;                 /* obj.type: its cont deftype, NULL if made by suspend */
  Stack *top;                 /* the running stack when resumed; NULL once consumed */
  Stack *bottom;              /* its stack without a parent, which the resume's prompt goes on */
  uint32_t calls;             /* call frames on its stacks: resume adds them in O(1) */
  uint32_t stacks;            /* its stacks, each a prompt when resumed: likewise */
  uint32_t id;                /* cont#id in traces: its address in the spec's S.conts */
} ContInst;

/* Limits of this implementation; exceeding them fails the run with
 * PHASE_FUEL (fuel), PHASE_TIMEOUT or PHASE_EXHAUSTION (the call stack,
 * the heap, memories and tables at instantiation), or fails a grow; never a
 * crash. */
typedef struct StoreLimits {
  uint64_t fuel;              /* work of one invocation: beyond, "out of fuel" */
  uint64_t timeout;           /* wall-clock seconds a store may run code: beyond, a timeout; 0: no limit */
  uint64_t memory_bytes;      /* all linear memories together */
  uint64_t table_entries;     /* all tables together */
  uint64_t heap_bytes;        /* live collectable objects and all stacks */
  uint32_t call_depth;        /* active call frames: beyond, "call stack exhausted" */
  uint32_t instances;         /* modules a run defines and instances it creates, together */
  uint32_t stack_values;      /* values on all stacks together: likewise */
} StoreLimits;

extern const StoreLimits store_default_limits;

/* What running code costs (--stats): plain counters kept as the store
 * runs, which whoever reads them resets. */
typedef struct StoreCounts {
  uint64_t *op_steps;         /* reductions of each opcode (interp/eval.c); NULL: not counted */
  uint64_t gc_cycles;         /* collections (interp/gc.c) */
  uint64_t abandoned;         /* continuation stacks freed before they returned (stack_abandon) */
  size_t heap_peak;           /* the most heap_bytes before a collection swept (gc.c) */
  size_t stack_peak;          /* the most stack_bytes (interp/stack.c) */
  uint32_t chain_peak;        /* the most prompts a machine's running stack has been under */
} StoreCounts;

struct Store {
  TypeStore *types;           /* shared with validation */
  StoreLimits limits;
  Arena arena;                /* instances and their arrays */
  ModuleInst *modules;        /* all instances */
  TableInst **tables; uint32_t ntables, ctables;   /* to free and to scan */
  MemInst **mems; uint32_t nmems, cmems;
  GlobalInst **globals; uint32_t nglobals, cglobals;
  Hash hosts;                 /* the address's 8 bytes -> its HostInst */
  uint64_t memory_bytes;      /* allocated to linear memories */
  uint64_t table_entries;     /* allocated to tables */
  uint32_t instances;         /* modules defined and instances created */
  uint64_t deadline;          /* CLOCK_MONOTONIC nanoseconds of the timeout, 0 if none */
  /* The collector's state (interp/gc.c). */
  Object *objects;            /* every collectable object */
  size_t heap_bytes;          /* their size */
  size_t stack_bytes;         /* the size of every stack, running or suspended */
  size_t gc_debt;             /* bytes allocated since the last collection */
  size_t gc_threshold;        /* the debt at which the next one is due */
  Machine *machine;           /* the running machine, innermost first (a host function's
                               * nested machine, then the one it was called from): their
                               * stacks are roots */
  struct ExnInst *exn;        /* the exception a host function throws (it fails with
                               * PHASE_EXCEPTION), or the one an invocation left uncaught */
  const Instr *trap_instr;    /* where the latest trap happened (NULL: in a host function) */
  ModuleInst *trap_module;    /* the instance whose code that is */
  uint64_t trap_operands[3];  /* the address of a load or store that trapped; d, s, n of a
                               * memory.init or table.init */
  FILE *out;                  /* where host functions print */
  uint32_t conts;             /* continuations made, for their ids (modulo 2^32) */
  const struct EvalWatch *watch; /* who watches every machine run in the store, or NULL
                               * (interp/describe.h: --trace, --stats) */
  StoreCounts counts;         /* --stats */
};

bool store_init(Store *s, TypeStore *types, const StoreLimits *limits, FILE *out);

/* Limits that apply from now on (the options before each file of a run
 * that shares the store): --timeout counts from now. */
void store_set_limits(Store *s, const StoreLimits *limits);

/* The time now, in nanoseconds of CLOCK_MONOTONIC: what the deadline of
 * --timeout is measured in. */
uint64_t store_clock(void);

/* Counts a module a run defines or an instance it creates; fails with
 * PHASE_EXHAUSTION beyond the limit, since each holds memory for as long as
 * the store lives. */
bool store_count_instance(Store *s, Error *err);

/* Fails with PHASE_EXHAUSTION "out of memory: …", saying which limit. */
bool store_out_of_memory(Error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void store_free(Store *s);

/* Allocation of instances; NULL on failure, with err set. */
FuncInst *store_alloc_func(Store *s, const DefType *type, ModuleInst *m, const Func *code, Error *err);
TableInst *store_alloc_table(Store *s, TableType type, Ref init, Error *err);
MemInst *store_alloc_mem(Store *s, MemType type, Error *err);
GlobalInst *store_alloc_global(Store *s, GlobalType type, Value v, Error *err);
TagInst *store_alloc_tag(Store *s, const DefType *type, Error *err);

/* growtable / growmem: false if the limits (the type's or ours) forbid it. */
bool table_grow(Store *s, TableInst *t, uint64_t n, Ref init);
bool memory_grow(Store *s, MemInst *m, uint64_t pages);

/* The address type's largest size in pages (memories) or entries. */
uint64_t memory_max_pages(const MemType *t);

/* Whether `size` more bytes of objects or stacks fit under the heap limit. */
static inline bool heap_room(const Store *s, size_t size)
{
  size_t used = s->heap_bytes + s->stack_bytes;
  return used <= s->limits.heap_bytes && size <= s->limits.heap_bytes - used;
}

/* Whether a reference has a reference type (spec: Ref_ok with subtyping),
 * the test of ref.test, ref.cast and br_on_cast. */
bool ref_matches(const Store *s, Ref r, ValType rt);

/* Collectable objects (but host references).  They are zeroed apart from
 * the header; NULL if the heap limit is reached. */
StructInst *store_alloc_struct(Store *s, const DefType *type);
ArrayInst *store_alloc_array(Store *s, const DefType *type, uint32_t len);
ExnInst *store_alloc_exn(Store *s, TagInst *tag, uint32_t len);
HostInst *store_host(Store *s, uint64_t addr);   /* never collected */
ExternInst *store_alloc_extern(Store *s, Ref ref);
void *store_alloc_object(Store *s, ObjKind kind, const DefType *type, size_t size);

/* Array elements and struct fields in their storage type (spec: $packfield,
 * $unpackfield with sign extension `sx`). */
/* The bytes an element of a storage type takes in an array. */
uint8_t storage_size(ValType t);

Value array_get(const ArrayInst *a, uint32_t i, int sx);
void array_set(ArrayInst *a, uint32_t i, Value v);
Value field_unpack(ValType storage, Value v, int sx);  /* sx: 0 none, 's' or 'u' */
Value field_pack(ValType storage, Value v);

/* The external type of an external address, for import matching
 * (spec: Externaddr_ok): types of functions and tags are DefType ids. */
ExternType externval_type(const ExternVal *v);

/* A function as backtraces and traces show it: $name from its module's
 * name section (or text identifier), else `func <index>`. */
void funcinst_print_name(Buf *b, const FuncInst *f);

/* The type of a value as it is at run time (spec: Ref_ok), in the
 * official interpreter's notation (syntax/types.h): of a reference, its
 * dynamic type; of a null, the bottom of `declared`'s hierarchy (null is
 * (ref null none) as an anyref). */
void value_type_print(Buf *b, const TypeStore *ts, Value v, ValType declared);

/* Indexes an instance's exports by name, once they are all there, so that
 * moduleinst_export finds one by hash; of equal names (an unvalidated
 * module may have them) the first.  False with err set if out of memory. */
bool moduleinst_index_exports(ModuleInst *m, Error *err);

/* An export of an instance by name; NULL if there is none. */
const ExportInst *moduleinst_export(const ModuleInst *m, const char *name, size_t len);

#endif
