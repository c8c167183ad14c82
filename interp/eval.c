/* THE MACHINE (spec: 4.3-execution.instructions).  See interp/machine.h
 * for the frames and stacks, interp/control.c for the rules that move
 * between them, and interp/stack.c for their memory and the fuel.
 *
 * eval_run() is the reduction loop.  Its registers — pc, the operand stack top
 * sp, the current function's locals, module and code — mirror the innermost
 * call frame; SYNC() writes them back to the Stack and the Machine before
 * anything that looks at the whole configuration (calls, branches that
 * leave frames, throws, the collector), and RELOAD() reads them again.
 * Only instructions that push more than they pop may grow the value array,
 * so only they check its capacity. */

#include "interp/control.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "interp/gc.h"
#include "interp/messages.h"
#include "interp/num.h"
#include "interp/simd.h"
#include "util/mem.h"

/* ================================================================ Memory */

/* The effective address of an access of n bytes, or NULL if it is out of
 * bounds (spec: Step_read/load-oob). */
static inline uint8_t *memory_at(const MemInst *m, uint64_t addr, uint64_t offset, uint64_t n)
{
  uint64_t ea = addr + offset;
  if (ea < addr || ea > m->size || n > m->size - ea)
    return NULL;
  return m->bytes + ea;
}

/* An operand of an address type. */
static inline uint64_t addr_of(AddrType at, Value v)
{
  return at == ADDR_I64 ? v.i64 : v.i32;
}

static inline ValKind addr_kind(AddrType at)
{
  return at == ADDR_I64 ? VAL_I64 : VAL_I32;
}

/* An address-typed result: an i32 result keeps the low 32 bits. */
static inline void set_addr(Value *v, AddrType at, uint64_t x)
{
  value_set(v, addr_kind(at), at == ADDR_I64 ? x : (uint32_t)x);
}

/* Whether [i, i+n) fits in a length; the spec's bounds checks. */
static inline bool in_bounds(uint64_t i, uint64_t n, uint64_t len)
{
  return i <= len && n <= len - i;
}

/* The loads that sign-extend: t.loadN_s.  (A table, not a second switch
 * over opcodes: two targets among the load cases split the dispatch's
 * jump table, a few instructions on every reduction.) */
static const bool load_signed[OP_I64_LOAD32_U - OP_I32_LOAD + 1] = {
  [OP_I32_LOAD8_S - OP_I32_LOAD] = true, [OP_I32_LOAD16_S - OP_I32_LOAD] = true,
  [OP_I64_LOAD8_S - OP_I32_LOAD] = true, [OP_I64_LOAD16_S - OP_I32_LOAD] = true,
  [OP_I64_LOAD32_S - OP_I32_LOAD] = true,
};
_Static_assert(OP_I64_LOAD32_U - OP_I32_LOAD == 13, "the 14 scalar loads are rows in a row of instr_memarg.def");

/* t.load memarg and t.loadN_sx: pops the address, pushes the value, its
 * N bytes sign- or zero-extended to t */
static bool load(Op op, const MemInst *m, const MemArg *ma, Value *top)
{
  uint8_t n = instr_info[op].n;
  uint8_t *p = memory_at(m, addr_of(m->type.addr, *top), ma->offset, n);
  if (!p)
    return false;
  uint64_t x = 0;
  memcpy(&x, p, n);   /* little-endian hosts only: the configure check says so */
  uint64_t sign = (uint64_t)1 << (8 * n - 1);
  if (load_signed[op - OP_I32_LOAD])
    x = (x ^ sign) - sign;
  ValKind k = sig_kind(instr_info[op].results[0]);
  value_set(top, k, k == VAL_I32 || k == VAL_F32 ? (uint32_t)x : x);
  return true;
}

/* t.store memarg and t.storeN: the low N bytes of the value */
static bool store(Op op, MemInst *m, const MemArg *ma, const Value *addr, const Value *v)
{
  uint8_t n = instr_info[op].n;
  uint8_t *p = memory_at(m, addr_of(m->type.addr, *addr), ma->offset, n);
  if (!p)
    return false;
  uint64_t x = n == 8 ? v->i64 : v->i32;
  memcpy(p, &x, n);
  return true;
}

/* memory.fill: a byte at a time in the spec; at once here, after the check */
static bool memory_fill(MemInst *m, const Value *sp)
{
  uint64_t d = addr_of(m->type.addr, sp[-3]), n = addr_of(m->type.addr, sp[-1]);
  if (!in_bounds(d, n, m->size))
    return false;
  memset(m->bytes + d, (uint8_t)sp[-2].i32, n);
  return true;
}

/* The operands d s n of memory.copy and table.copy, at the top of the
 * stack: n has the smaller of the two address types. */
static void copy_operands(AddrType dt, AddrType st, const Value *sp, uint64_t *d, uint64_t *s, uint64_t *n)
{
  *d = addr_of(dt, sp[-3]);
  *s = addr_of(st, sp[-2]);
  *n = addr_of(dt == ADDR_I64 && st == ADDR_I64 ? ADDR_I64 : ADDR_I32, sp[-1]);
}

/* The n of memory.copy's or table.copy's operands, for its fuel. */
static inline uint64_t copy_count(AddrType dt, AddrType st, const Value *sp)
{
  uint64_t d, s, n;
  copy_operands(dt, st, sp, &d, &s, &n);
  return n;
}

/* memory.copy */
static bool memory_copy(MemInst *dm, MemInst *sm, const Value *sp)
{
  uint64_t d, s, n;
  copy_operands(dm->type.addr, sm->type.addr, sp, &d, &s, &n);
  if (!in_bounds(d, n, dm->size) || !in_bounds(s, n, sm->size))
    return false;
  memmove(dm->bytes + d, sm->bytes + s, n);
  return true;
}

/* memory.init */
static bool memory_init(MemInst *m, const DataInst *data, uint64_t d, uint32_t s, uint32_t n)
{
  if (!in_bounds(d, n, m->size) || !in_bounds(s, n, data->len))
    return false;
  if (n)   /* an empty segment has no bytes at all */
    memcpy(m->bytes + d, data->bytes + s, n);
  return true;
}

/* ================================================================ Tables */

/* table.fill */
static bool table_fill(TableInst *t, uint64_t i, Ref r, uint64_t n)
{
  if (!in_bounds(i, n, t->type.limits.min))
    return false;
  for (uint64_t k = 0; k < n; k++)
    t->refs[i + k] = r;
  table_written(t, i + n);
  return true;
}

/* table.copy */
static bool table_copy(TableInst *dt, TableInst *st, const Value *sp)
{
  uint64_t d, s, n;
  copy_operands(dt->type.addr, st->type.addr, sp, &d, &s, &n);
  if (!in_bounds(d, n, dt->type.limits.min) || !in_bounds(s, n, st->type.limits.min))
    return false;
  memmove(dt->refs + d, st->refs + s, n * sizeof(Ref));
  table_written(dt, d + n);
  return true;
}

/* table.init */
static bool table_init(TableInst *t, const ElemInst *e, uint64_t d, uint32_t s, uint32_t n)
{
  if (!in_bounds(d, n, t->type.limits.min) || !in_bounds(s, n, e->len))
    return false;
  memcpy(t->refs + d, e->refs + s, (size_t)n * sizeof(Ref));
  table_written(t, d + n);
  return true;
}

/* ================================================================ Aggregates */

/* The value of an element or a data segment's bytes at an array's element
 * type (spec: array.new_data: $inverse_of_bytes). */
static Value data_value(ValType elem, const uint8_t *p)
{
  Value v = value_default(elem);
  switch (elem.kind) {
  case PACK_I8: v.i32 = p[0]; break;
  case PACK_I16: { uint16_t x; memcpy(&x, p, 2); v.i32 = x; break; }
  case VAL_I32: case VAL_F32: memcpy(&v.i32, p, 4); break;
  case VAL_I64: case VAL_F64: memcpy(&v.i64, p, 8); break;
  default: memcpy(&v.v128, p, 16); break;
  }
  return v;
}

/* array.init_data: d, s, n on the stack (the array below them is checked) */
static const char *array_init_data(ArrayInst *a, const DataInst *data, uint32_t d, uint32_t s, uint32_t n)
{
  uint64_t bytes = (uint64_t)n * a->elem_size;
  if (!in_bounds(d, n, a->len))
    return TRAP_ARRAY;
  if (!in_bounds(s, bytes, data->len))
    return TRAP_MEMORY;
  for (uint32_t k = 0; k < n; k++)
    array_set(a, d + k, data_value(a->elem, data->bytes + s + (uint64_t)k * a->elem_size));
  return NULL;
}

/* array.init_elem */
static const char *array_init_elem(ArrayInst *a, const ElemInst *e, uint32_t d, uint32_t s, uint32_t n)
{
  if (!in_bounds(d, n, a->len))
    return TRAP_ARRAY;
  if (!in_bounds(s, n, e->len))
    return TRAP_TABLE;
  for (uint32_t k = 0; k < n; k++)
    array_set(a, d + k, value_ref(e->refs[s + k]));
  return NULL;
}

/* array.copy: overlapping copies behave as if through a temporary */
static const char *array_copy(ArrayInst *da, uint32_t d, ArrayInst *sa, uint32_t s, uint32_t n)
{
  if (!in_bounds(d, n, da->len) || !in_bounds(s, n, sa->len))
    return TRAP_ARRAY;
  memmove(da->data + (size_t)d * da->elem_size, sa->data + (size_t)s * sa->elem_size,
          (size_t)n * da->elem_size);
  return NULL;
}

/* array.fill */
static const char *array_fill(ArrayInst *a, uint32_t d, Value v, uint32_t n)
{
  if (!in_bounds(d, n, a->len))
    return TRAP_ARRAY;
  for (uint32_t k = 0; k < n; k++)
    array_set(a, d + k, v);
  return NULL;
}

/* $runelem_: table.init of the whole segment, then elem.drop */
bool eval_init_elem(Store *s, ModuleInst *m, uint32_t x, uint64_t offset, uint64_t *fuel, Error *err)
{
  const Elem *e = &m->module->elems.data[x];
  ElemInst *ei = &m->elems[x];
  Loc at = module_loc(m->module, e->at);
  if (!table_init(m->tables[e->table], ei, offset, 0, ei->len))
    return error_at(err, PHASE_TRAP, at, TRAP_TABLE);
  uint64_t n = ei->len;
  ei->len = 0;
  return eval_charge(s, fuel, n, at, err);
}

/* $rundata_: memory.init of the whole segment, then data.drop */
bool eval_init_data(Store *s, ModuleInst *m, uint32_t x, uint64_t offset, uint64_t *fuel, Error *err)
{
  const Data *d = &m->module->datas.data[x];
  DataInst *di = &m->datas[x];
  Loc at = module_loc(m->module, d->at);
  if (!memory_init(m->mems[d->mem], di, offset, 0, di->len))
    return error_at(err, PHASE_TRAP, at, TRAP_MEMORY);
  uint64_t n = fuel_bytes(di->len);
  di->len = 0;
  return eval_charge(s, fuel, n, at, err);
}

/* ================================================================ The loop */

/* eval_run's loop: up to `steps` reductions from M->pc on M->stack, each
 * counted in counts[op] unless `counts` is NULL (--stats).  eval_run inlines
 * it twice, with NULL and with the store's op_steps: the loop that does not
 * count has no test for it, which would cost a tight loop up to a fifth of
 * its time. */
static inline __attribute__((always_inline)) EvalStatus run(Machine *M, uint64_t steps,
                                                            uint64_t *counts, Error *err)
{
  if (M->done)
    return EVAL_DONE;
  Store *s = M->store;
  Stack *S;
  const Instr *pc, *code;
  Value *sp, *vend, *locals;
  ModuleInst *inst;
  const char *msg = NULL;
  char index_msg[64];
  uint64_t slice = 0, left = 0;   /* the units of this slice of fuel, and those left */
  M->steps = steps;

#define SYNC() (S->nvals = (uint32_t)(sp - S->vals), M->pc = pc)
#define RELOAD()                                         \
  do {                                                   \
    S = M->stack;                                        \
    Frame *f_ = &S->frames[S->call];                     \
    code = f_->call.code;                                \
    inst = f_->call.module;                              \
    locals = S->vals + f_->height;                       \
    sp = S->vals + S->nvals;                             \
    vend = S->vals + S->cvals;                           \
    pc = M->pc;                                          \
  } while (0)
  /* Calls a helper that works on the synchronised configuration and may
   * fail or finish the invocation. */
#define STEP(e)                                          \
  do {                                                   \
    SYNC();                                              \
    if (!(e))                                            \
      goto fail;                                         \
    if (M->done)                                         \
      goto done;                                         \
    RELOAD();                                            \
  } while (0)
  /* br l: within the function without leaving the registers */
#define BRANCH(l)                                        \
  do {                                                   \
    if (branch_returns(S, (l)))                          \
      STEP(do_return(M, err));                           \
    else                                                 \
      sp = branch_label(S, (l), sp, &pc);                \
  } while (0)
  /* A label frame: pushed in place unless the frame array must grow. */
#define PUSH_LABEL(f)                                    \
  do {                                                   \
    if (S->nframes < S->cframes)                         \
      S->frames[S->nframes++] = (f);                     \
    else                                                 \
      STEP(machine_push_frame(M, &(f), err));                    \
  } while (0)
#define TRAP(m) do { msg = (m); goto trapped; } while (0)
  /* A load or store out of bounds; its address is kept for harnesses
   * that word the trap with it. */
#define TRAP_ACCESS(a_)                                                   \
  do {                                                                    \
    s->trap_operands[0] = addr_of(inst->mems[in->imm.memarg.mem]->type.addr, (a_)); \
    TRAP(TRAP_MEMORY);                                                    \
  } while (0)
  /* memory.init or table.init out of bounds, its operands kept (which of
   * its bounds failed is the same message in the spec, not elsewhere). */
#define TRAP_INIT(at, m)                                                  \
  do {                                                                    \
    s->trap_operands[0] = addr_of((at), sp[0]);                           \
    s->trap_operands[1] = sp[1].i32;                                      \
    s->trap_operands[2] = sp[2].i32;                                      \
    TRAP(m);                                                              \
  } while (0)
  /* A trap naming the index at fault, as the official interpreter does. */
#define TRAP_INDEX(m, i)                                                  \
  do {                                                                    \
    snprintf(index_msg, sizeof index_msg, "%s %llu", (m), (unsigned long long)(i)); \
    TRAP(index_msg);                                                      \
  } while (0)
  /* The next free slot, made room for: pushing writes it in place. */
#define SLOT(dst)                                        \
  do {                                                   \
    if (sp == vend) {                                    \
      SYNC();                                            \
      if (!machine_reserve(M, 1, err))                           \
        goto fail;                                       \
      RELOAD();                                          \
    }                                                    \
    (dst) = sp++;                                        \
  } while (0)
#define PUSH(k, bits) do { Value *v_; SLOT(v_); value_set(v_, (k), (bits)); } while (0)
#define PUSH_REF(r) do { Value *v_; SLOT(v_); value_set_ref(v_, (r)); } while (0)
#define PUSH_COPY(src) do { Value *v_; SLOT(v_); value_copy(v_, (src)); } while (0)
  /* After an allocation: the collector may run between steps.  (These two
   * are blocks, not do-while statements, so that `continue` continues the
   * reduction loop.) */
#define COLLECT()                                        \
  if (gc_due(s)) {                                       \
    pc++;                                                \
    SYNC();                                              \
    gc_collect(s);                                       \
    RELOAD();                                            \
    CHARGE_DEBT();                                       \
    continue;                                            \
  }
#define NEXT() { pc++; continue; }
  /* n units of fuel for the current instruction's work (see "Fuel"). */
#define CHARGE(n)                                        \
  do {                                                   \
    uint64_t n_ = (n);                                   \
    if (n_ <= left) {                                    \
      left -= n_;                                        \
    } else {                                             \
      SYNC();                                            \
      if (!fuel_settle(M, slice - left, n_, err))             \
        goto fail;                                       \
      left = slice = M->slice;                           \
    }                                                    \
  } while (0)
  /* The work a helper or the collector did, charged after it (see
   * "Fuel"). */
#define CHARGE_DEBT()                                    \
  do {                                                   \
    if (M->debt) {                                       \
      uint64_t d_ = M->debt;                             \
      M->debt = 0;                                       \
      CHARGE(d_);                                        \
    }                                                    \
  } while (0)
  /* An allocation; when the heap is full, once more after a collection
   * (the instruction has not changed the configuration yet). */
#define ALLOC(var, e)                                    \
  do {                                                   \
    if (!((var) = (e))) {                                \
      SYNC();                                            \
      gc_collect(s);                                     \
      RELOAD();                                          \
      CHARGE_DEBT();                                     \
      if (!((var) = (e))) {                              \
        heap_full(s, err);                               \
        goto fail;                                       \
      }                                                  \
    }                                                    \
  } while (0)

  RELOAD();
  for (;;) {
    if (left == 0) {   /* the slice is used up: settle it, pause or go on */
      SYNC();
      if (!fuel_settle(M, slice, 0, err))
        goto fail;
      if (M->steps == 0)
        return EVAL_PAUSED;
      if (M->slice == 0 && !fuel_settle(M, 0, 1, err))   /* out of fuel */
        goto fail;
      left = slice = M->slice;
    }
    left--;
    const Instr *in = pc;
    if (counts)
      counts[in->op]++;
    switch ((Op)in->op) {

    /* ---- Parametric instructions ---- */

    case OP_UNREACHABLE:
      TRAP(TRAP_UNREACHABLE);
    case OP_NOP:
      NEXT();
    case OP_DROP:
      sp--;
      NEXT();
    case OP_SELECT:
      sp -= 2;
      if (!sp[1].i32)
        value_copy(&sp[-1], &sp[0]);
      NEXT();

    /* ---- Control instructions ---- */

    case OP_BLOCK:
    case OP_LOOP:
    case OP_TRY_TABLE: {
      uint32_t params, results;
      block_arity(inst, in->imm.block.type, &params, &results);
      Frame f = {.kind = FRAME_LABEL, .height = (uint32_t)(sp - S->vals) - params};
      if (in->op == OP_LOOP) {
        f.loop = true;
        f.arity = params;
        f.cont = in + 1;
      } else {
        f.arity = results;
        f.cont = code + in->imm.block.end + 1;
      }
      if (in->op == OP_TRY_TABLE) {
        f.kind = FRAME_HANDLER;
        f.catches = in->imm.block.catches;
      }
      pc++;
      PUSH_LABEL(f);
      continue;
    }
    case OP_IF: {
      uint32_t params, results;
      bool c = (--sp)->i32 != 0;
      block_arity(inst, in->imm.block.type, &params, &results);
      Frame f = {.kind = FRAME_LABEL, .arity = results, .height = (uint32_t)(sp - S->vals) - params,
                 .cont = code + in->imm.block.end + 1};
      if (c) {
        pc++;
      } else {
        pc = code + in->imm.block.else_;
        if (pc->op == OP_ELSE)
          pc++;
      }
      PUSH_LABEL(f);
      continue;
    }
    case OP_ELSE:   /* the end of the then branch: leave the label */
      S->nframes--;
      pc = code + in->imm.end + 1;
      continue;
    case OP_END:
      if (S->frames[S->nframes - 1].kind != FRAME_CALL) {
        S->nframes--;
        NEXT();
      }
      STEP(do_return(M, err));
      continue;
    case OP_BR:
      BRANCH(in->imm.x);
      continue;
    case OP_BR_IF:
      if ((--sp)->i32)
        BRANCH(in->imm.x);
      else
        pc++;
      continue;
    case OP_BR_TABLE: {
      const Labels *ls = in->imm.br_table;
      uint32_t i = (--sp)->i32;
      BRANCH(ls->label[i < ls->len - 1 ? i : ls->len - 1]);
      continue;
    }
    case OP_BR_ON_NULL:
      if (sp[-1].ref) NEXT();
      sp--;
      BRANCH(in->imm.x);
      continue;
    case OP_BR_ON_NON_NULL:
      if (!sp[-1].ref) {
        sp--;
        NEXT();
      }
      BRANCH(in->imm.x);
      continue;
    case OP_BR_ON_CAST:
    case OP_BR_ON_CAST_FAIL: {
      ValType rt = valtype_close(in->imm.br_on_cast.rt2, inst->types);
      if (ref_matches(s, sp[-1].ref, rt) != (in->op == OP_BR_ON_CAST))
        NEXT();
      BRANCH(in->imm.br_on_cast.label);
      continue;
    }
    case OP_RETURN:
      STEP(do_return(M, err));
      continue;
    case OP_CALL:
      STEP(invoke(M, inst->funcs[in->imm.x], in + 1, err));
      CHARGE_DEBT();   /* a host function's callbacks */
      continue;
    case OP_RETURN_CALL:
      STEP(tail_invoke(M, inst->funcs[in->imm.x], err));
      CHARGE_DEBT();
      continue;
    case OP_CALL_REF:
    case OP_RETURN_CALL_REF: {
      Ref r = (--sp)->ref;
      if (!r)
        TRAP(TRAP_NULL_FUNC);
      if (in->op == OP_CALL_REF)
        STEP(invoke(M, (FuncInst *)r, in + 1, err));
      else
        STEP(tail_invoke(M, (FuncInst *)r, err));
      CHARGE_DEBT();
      continue;
    }
    case OP_CALL_INDIRECT:
    case OP_RETURN_CALL_INDIRECT: {
      TableInst *t = inst->tables[in->imm.xy.x];
      uint64_t i = addr_of(t->type.addr, *--sp);
      if (i >= t->type.limits.min)
        TRAP_INDEX(TRAP_UNDEFINED, i);
      Ref r = t->refs[i];
      if (!r)
        TRAP_INDEX(TRAP_UNINITIALIZED, i);
      if (!deftype_sub(r->type, inst->types[in->imm.xy.y])) {
        M->pc = pc;
        indirect_mismatch(M, inst->types[in->imm.xy.y], r->type, err);
        goto fail;
      }
      if (in->op == OP_CALL_INDIRECT)
        STEP(invoke(M, (FuncInst *)r, in + 1, err));
      else
        STEP(tail_invoke(M, (FuncInst *)r, err));
      CHARGE_DEBT();
      continue;
    }
    case OP_THROW: {
      TagInst *tag = inst->tags[in->imm.x];
      uint32_t n = tag->type->comp.func.params.len;
      ExnInst *exn;
      ALLOC(exn, store_alloc_exn(s, tag, n));
      sp -= n;
      memcpy(exn->fields, sp, n * sizeof(Value));
      STEP(throw_exn(M, exn, err));
      CHARGE_DEBT();
      continue;
    }
    case OP_THROW_REF: {
      Ref r = (--sp)->ref;
      if (!r)
        TRAP(TRAP_NULL_EXN);
      STEP(throw_exn(M, (ExnInst *)r, err));
      CHARGE_DEBT();
      continue;
    }

    /* ---- Stack switching (Explainer, "Instructions") ---- */

    case OP_CONT_NEW:
      STEP(cont_new(M, inst->types[in->imm.x], err));
      CHARGE_DEBT();
      continue;
    case OP_CONT_BIND:
      STEP(cont_bind(M, inst->types[in->imm.xy.x], inst->types[in->imm.xy.y], err));
      CHARGE_DEBT();
      continue;
    case OP_RESUME:
      STEP(resume(M, in, inst, err));
      CHARGE_DEBT();
      continue;
    case OP_RESUME_THROW:
      STEP(resume_throw(M, in, inst, err));
      CHARGE_DEBT();
      continue;
    case OP_RESUME_THROW_REF:
      STEP(resume_throw_ref(M, in, inst, err));
      CHARGE_DEBT();
      continue;
    /* spec: suspend-tag */
    case OP_SUSPEND:
      STEP(suspend(M, inst->tags[in->imm.x], err));
      CHARGE_DEBT();
      continue;
    /* spec: switch-tag */
    case OP_SWITCH:
      STEP(do_switch(M, inst->types[in->imm.xy.x], inst->tags[in->imm.xy.y], err));
      CHARGE_DEBT();
      continue;

    /* ---- Variable instructions ---- */

    case OP_LOCAL_GET:
      PUSH_COPY(&locals[in->imm.x]);
      NEXT();
    case OP_LOCAL_SET:
      value_copy(&locals[in->imm.x], --sp);
      NEXT();
    case OP_LOCAL_TEE:
      value_copy(&locals[in->imm.x], &sp[-1]);
      NEXT();
    case OP_GLOBAL_GET:
      PUSH_COPY(&inst->globals[in->imm.x]->value);
      NEXT();
    case OP_GLOBAL_SET:
      value_copy(&inst->globals[in->imm.x]->value, --sp);
      NEXT();

    /* ---- Table instructions ---- */

    case OP_TABLE_GET: {
      TableInst *t = inst->tables[in->imm.x];
      uint64_t i = addr_of(t->type.addr, sp[-1]);
      if (i >= t->type.limits.min)
        TRAP(TRAP_TABLE);
      value_set_ref(&sp[-1], t->refs[i]);
      NEXT();
    }
    case OP_TABLE_SET: {
      TableInst *t = inst->tables[in->imm.x];
      sp -= 2;
      uint64_t i = addr_of(t->type.addr, sp[0]);
      if (i >= t->type.limits.min)
        TRAP(TRAP_TABLE);
      t->refs[i] = sp[1].ref;
      table_written(t, i + 1);
      NEXT();
    }
    case OP_TABLE_SIZE: {
      TableInst *t = inst->tables[in->imm.x];
      PUSH(addr_kind(t->type.addr), t->type.limits.min);
      NEXT();
    }
    case OP_TABLE_GROW: {
      TableInst *t = inst->tables[in->imm.x];
      uint64_t old = t->type.limits.min;
      sp--;
      uint64_t n = addr_of(t->type.addr, sp[0]);
      bool ok = table_grow(s, t, n, sp[-1].ref);
      set_addr(&sp[-1], t->type.addr, ok ? old : UINT64_MAX);
      CHARGE(ok ? n : 0);
      NEXT();
    }
    case OP_TABLE_FILL: {
      TableInst *t = inst->tables[in->imm.x];
      sp -= 3;
      if (!table_fill(t, addr_of(t->type.addr, sp[0]), sp[1].ref, addr_of(t->type.addr, sp[2])))
        TRAP(TRAP_TABLE);
      CHARGE(addr_of(t->type.addr, sp[2]));
      NEXT();
    }
    case OP_TABLE_COPY:
      if (!table_copy(inst->tables[in->imm.xy.x], inst->tables[in->imm.xy.y], sp))
        TRAP(TRAP_TABLE);
      sp -= 3;
      CHARGE(copy_count(inst->tables[in->imm.xy.x]->type.addr, inst->tables[in->imm.xy.y]->type.addr, sp + 3));
      NEXT();
    case OP_TABLE_INIT: {
      TableInst *t = inst->tables[in->imm.xy.x];
      sp -= 3;
      if (!table_init(t, &inst->elems[in->imm.xy.y], addr_of(t->type.addr, sp[0]), sp[1].i32, sp[2].i32))
        TRAP_INIT(t->type.addr, TRAP_TABLE);
      CHARGE(sp[2].i32);
      NEXT();
    }
    case OP_ELEM_DROP:
      inst->elems[in->imm.x].len = 0;
      NEXT();

    /* ---- Memory instructions ---- */

    case OP_I32_LOAD: case OP_I64_LOAD: case OP_F32_LOAD: case OP_F64_LOAD:
    case OP_I32_LOAD8_S: case OP_I32_LOAD8_U: case OP_I32_LOAD16_S: case OP_I32_LOAD16_U:
    case OP_I64_LOAD8_S: case OP_I64_LOAD8_U: case OP_I64_LOAD16_S: case OP_I64_LOAD16_U:
    case OP_I64_LOAD32_S: case OP_I64_LOAD32_U:
      if (!load((Op)in->op, inst->mems[in->imm.memarg.mem], &in->imm.memarg, &sp[-1]))
        TRAP_ACCESS(sp[-1]);
      NEXT();
    case OP_I32_STORE: case OP_I64_STORE: case OP_F32_STORE: case OP_F64_STORE:
    case OP_I32_STORE8: case OP_I32_STORE16: case OP_I64_STORE8: case OP_I64_STORE16:
    case OP_I64_STORE32:
      sp -= 2;
      if (!store((Op)in->op, inst->mems[in->imm.memarg.mem], &in->imm.memarg, &sp[0], &sp[1]))
        TRAP_ACCESS(sp[0]);
      NEXT();
    case OP_V128_LOAD: case OP_V128_LOAD8X8_S: case OP_V128_LOAD8X8_U:
    case OP_V128_LOAD16X4_S: case OP_V128_LOAD16X4_U: case OP_V128_LOAD32X2_S:
    case OP_V128_LOAD32X2_U: case OP_V128_LOAD8_SPLAT: case OP_V128_LOAD16_SPLAT:
    case OP_V128_LOAD32_SPLAT: case OP_V128_LOAD64_SPLAT: case OP_V128_LOAD32_ZERO:
    case OP_V128_LOAD64_ZERO: {
      const MemInst *m = inst->mems[in->imm.memarg.mem];
      const uint8_t *p = memory_at(m, addr_of(m->type.addr, sp[-1]), in->imm.memarg.offset, instr_info[in->op].n);
      if (!p)
        TRAP_ACCESS(sp[-1]);
      simd_load((Op)in->op, in, p, &sp[-1]);
      NEXT();
    }
    case OP_V128_LOAD8_LANE: case OP_V128_LOAD16_LANE: case OP_V128_LOAD32_LANE:
    case OP_V128_LOAD64_LANE: {
      const MemInst *m = inst->mems[in->imm.memarg.mem];
      const uint8_t *p = memory_at(m, addr_of(m->type.addr, sp[-2]), in->imm.memarg.offset, instr_info[in->op].n);
      if (!p)
        TRAP_ACCESS(sp[-2]);
      sp--;
      value_copy(&sp[-1], &sp[0]);   /* the vector takes the address's place */
      simd_load((Op)in->op, in, p, &sp[-1]);
      NEXT();
    }
    case OP_V128_STORE: case OP_V128_STORE8_LANE: case OP_V128_STORE16_LANE:
    case OP_V128_STORE32_LANE: case OP_V128_STORE64_LANE: {
      MemInst *m = inst->mems[in->imm.memarg.mem];
      sp -= 2;
      uint8_t *p = memory_at(m, addr_of(m->type.addr, sp[0]), in->imm.memarg.offset, instr_info[in->op].n);
      if (!p)
        TRAP_ACCESS(sp[0]);
      simd_store((Op)in->op, in, &sp[1], p);
      NEXT();
    }
    case OP_MEMORY_SIZE: {
      MemInst *m = inst->mems[in->imm.x];
      PUSH(addr_kind(m->type.addr), m->type.limits.min);
      NEXT();
    }
    case OP_MEMORY_GROW: {
      MemInst *m = inst->mems[in->imm.x];
      uint64_t old = m->type.limits.min;
      uint64_t n = addr_of(m->type.addr, sp[-1]);
      bool ok = memory_grow(s, m, n);
      set_addr(&sp[-1], m->type.addr, ok ? old : UINT64_MAX);
      CHARGE(ok ? fuel_bytes(n << 16) : 0);   /* 64 KiB pages */
      NEXT();
    }
    case OP_MEMORY_FILL:
      if (!memory_fill(inst->mems[in->imm.x], sp))
        TRAP(TRAP_MEMORY);
      sp -= 3;
      CHARGE(fuel_bytes(addr_of(inst->mems[in->imm.x]->type.addr, sp[2])));
      NEXT();
    case OP_MEMORY_COPY:
      if (!memory_copy(inst->mems[in->imm.xy.x], inst->mems[in->imm.xy.y], sp))
        TRAP(TRAP_MEMORY);
      sp -= 3;
      CHARGE(fuel_bytes(copy_count(inst->mems[in->imm.xy.x]->type.addr, inst->mems[in->imm.xy.y]->type.addr, sp + 3)));
      NEXT();
    case OP_MEMORY_INIT: {
      MemInst *m = inst->mems[in->imm.xy.x];
      sp -= 3;
      if (!memory_init(m, &inst->datas[in->imm.xy.y], addr_of(m->type.addr, sp[0]), sp[1].i32, sp[2].i32))
        TRAP_INIT(m->type.addr, TRAP_MEMORY);
      CHARGE(fuel_bytes(sp[2].i32));
      NEXT();
    }
    case OP_DATA_DROP:
      inst->datas[in->imm.x].len = 0;
      NEXT();

    /* ---- Reference instructions ---- */

    case OP_REF_NULL:
      PUSH_REF(NULL);
      NEXT();
    case OP_REF_FUNC:
      PUSH_REF(&inst->funcs[in->imm.x]->obj);
      NEXT();
    case OP_REF_IS_NULL:
      value_set(&sp[-1], VAL_I32, sp[-1].ref == NULL);
      NEXT();
    case OP_REF_AS_NON_NULL:
      if (!sp[-1].ref)
        TRAP(TRAP_NULL);
      NEXT();
    case OP_REF_EQ:
      sp--;
      value_set(&sp[-1], VAL_I32, sp[-1].ref == sp[0].ref);
      NEXT();
    case OP_REF_TEST:
      value_set(&sp[-1], VAL_I32, ref_matches(s, sp[-1].ref, valtype_close(in->imm.ref, inst->types)));
      NEXT();
    case OP_REF_CAST: {
      ValType rt = valtype_close(in->imm.ref, inst->types);
      if (!ref_matches(s, sp[-1].ref, rt)) {
        M->pc = pc;
        cast_failure(M, in->imm.ref, rt, sp[-1].ref, err);
        goto fail;
      }
      NEXT();
    }
    case OP_REF_I31:
      value_set_ref(&sp[-1], ref_i31(sp[-1].i32));
      NEXT();
    case OP_I31_GET_S:
    case OP_I31_GET_U: {
      Ref r = sp[-1].ref;
      if (!r)
        TRAP(TRAP_NULL_I31);
      uint32_t x = ref_i31_value(r);
      if (in->op == OP_I31_GET_S && (x & 0x40000000u))
        x |= 0x80000000u;
      value_set(&sp[-1], VAL_I32, x);
      NEXT();
    }

    /* ---- Aggregate instructions ---- */

    case OP_STRUCT_NEW:
    case OP_STRUCT_NEW_DEFAULT: {
      const DefType *dt = inst->types[in->imm.x];
      StructInst *o;
      ALLOC(o, store_alloc_struct(s, dt));
      if (in->op == OP_STRUCT_NEW) {
        const FieldTypes *fs = &dt->comp.fields;
        sp -= fs->len;
        for (uint32_t k = 0; k < fs->len; k++)
          o->fields[k] = field_pack(fs->data[k].type, sp[k]);
      }
      PUSH_REF(&o->obj);
      CHARGE(dt->comp.fields.len);
      COLLECT();
      NEXT();
    }
    case OP_STRUCT_GET:
    case OP_STRUCT_GET_S:
    case OP_STRUCT_GET_U: {
      StructInst *o = (StructInst *)sp[-1].ref;
      if (!o)
        TRAP(TRAP_NULL_STRUCT);
      ValType ft = o->obj.type->comp.fields.data[in->imm.xy.y].type;
      int sx = in->op == OP_STRUCT_GET_S ? 's' : 'u';
      sp[-1] = field_unpack(ft, o->fields[in->imm.xy.y], sx);
      NEXT();
    }
    case OP_STRUCT_SET: {
      sp -= 2;
      StructInst *o = (StructInst *)sp[0].ref;
      if (!o)
        TRAP(TRAP_NULL_STRUCT);
      ValType ft = o->obj.type->comp.fields.data[in->imm.xy.y].type;
      o->fields[in->imm.xy.y] = field_pack(ft, sp[1]);
      NEXT();
    }
    case OP_ARRAY_NEW:
    case OP_ARRAY_NEW_DEFAULT: {
      const DefType *dt = inst->types[in->imm.x];
      uint32_t n = (--sp)->i32;
      ArrayInst *a;
      ALLOC(a, store_alloc_array(s, dt, n));
      if (in->op == OP_ARRAY_NEW) {
        Value v = *--sp;
        for (uint32_t k = 0; k < n; k++)
          array_set(a, k, v);
      }
      PUSH_REF(&a->obj);
      CHARGE(n);
      COLLECT();
      NEXT();
    }
    case OP_ARRAY_NEW_FIXED: {
      const DefType *dt = inst->types[in->imm.xy.x];
      uint32_t n = in->imm.xy.y;
      ArrayInst *a;
      ALLOC(a, store_alloc_array(s, dt, n));
      sp -= n;
      for (uint32_t k = 0; k < n; k++)
        array_set(a, k, sp[k]);
      PUSH_REF(&a->obj);
      CHARGE(n);
      COLLECT();
      NEXT();
    }
    case OP_ARRAY_NEW_DATA: {
      const DefType *dt = inst->types[in->imm.xy.x];
      const DataInst *data = &inst->datas[in->imm.xy.y];
      ArrayInst *a;
      sp -= 2;
      uint32_t off = sp[0].i32, n = sp[1].i32;
      if (!in_bounds(off, (uint64_t)n * storage_size(dt->comp.array.type), data->len))
        TRAP(TRAP_MEMORY);
      ALLOC(a, store_alloc_array(s, dt, n));
      array_init_data(a, data, 0, off, n);
      PUSH_REF(&a->obj);
      CHARGE(n);
      COLLECT();
      NEXT();
    }
    case OP_ARRAY_NEW_ELEM: {
      const DefType *dt = inst->types[in->imm.xy.x];
      const ElemInst *e = &inst->elems[in->imm.xy.y];
      ArrayInst *a;
      sp -= 2;
      uint32_t off = sp[0].i32, n = sp[1].i32;
      if (!in_bounds(off, n, e->len))
        TRAP(TRAP_TABLE);
      ALLOC(a, store_alloc_array(s, dt, n));
      array_init_elem(a, e, 0, off, n);
      PUSH_REF(&a->obj);
      CHARGE(n);
      COLLECT();
      NEXT();
    }
    case OP_ARRAY_GET:
    case OP_ARRAY_GET_S:
    case OP_ARRAY_GET_U: {
      sp--;
      ArrayInst *a = (ArrayInst *)sp[-1].ref;
      uint32_t i = sp[0].i32;
      if (!a)
        TRAP(TRAP_NULL_ARRAY);
      if (i >= a->len)
        TRAP(TRAP_ARRAY);
      sp[-1] = array_get(a, i, in->op == OP_ARRAY_GET_S ? 's' : 'u');
      NEXT();
    }
    case OP_ARRAY_SET: {
      sp -= 3;
      ArrayInst *a = (ArrayInst *)sp[0].ref;
      uint32_t i = sp[1].i32;
      if (!a)
        TRAP(TRAP_NULL_ARRAY);
      if (i >= a->len)
        TRAP(TRAP_ARRAY);
      array_set(a, i, sp[2]);
      NEXT();
    }
    case OP_ARRAY_LEN: {
      ArrayInst *a = (ArrayInst *)sp[-1].ref;
      if (!a)
        TRAP(TRAP_NULL_ARRAY);
      value_set(&sp[-1], VAL_I32, a->len);
      NEXT();
    }
    case OP_ARRAY_FILL: {
      sp -= 4;
      ArrayInst *a = (ArrayInst *)sp[0].ref;
      if (!a)
        TRAP(TRAP_NULL_ARRAY);
      if ((msg = array_fill(a, sp[1].i32, sp[2], sp[3].i32)))
        goto trapped;
      CHARGE(sp[3].i32);
      NEXT();
    }
    case OP_ARRAY_COPY: {
      sp -= 5;
      ArrayInst *da = (ArrayInst *)sp[0].ref, *sa = (ArrayInst *)sp[2].ref;
      if (!da || !sa)
        TRAP(TRAP_NULL_ARRAY);
      if ((msg = array_copy(da, sp[1].i32, sa, sp[3].i32, sp[4].i32)))
        goto trapped;
      CHARGE(sp[4].i32);
      NEXT();
    }
    case OP_ARRAY_INIT_DATA:
    case OP_ARRAY_INIT_ELEM: {
      sp -= 4;
      ArrayInst *a = (ArrayInst *)sp[0].ref;
      if (!a)
        TRAP(TRAP_NULL_ARRAY);
      if (in->op == OP_ARRAY_INIT_DATA)
        msg = array_init_data(a, &inst->datas[in->imm.xy.y], sp[1].i32, sp[2].i32, sp[3].i32);
      else
        msg = array_init_elem(a, &inst->elems[in->imm.xy.y], sp[1].i32, sp[2].i32, sp[3].i32);
      if (msg)
        goto trapped;
      CHARGE(sp[3].i32);
      NEXT();
    }
    case OP_ANY_CONVERT_EXTERN: {
      Ref r = sp[-1].ref;
      if (r)
        value_set_ref(&sp[-1], ((ExternInst *)r)->ref);
      NEXT();
    }
    case OP_EXTERN_CONVERT_ANY: {
      Ref r = sp[-1].ref;
      if (!r)
        NEXT();
      ExternInst *x;
      ALLOC(x, store_alloc_extern(s, r));
      value_set_ref(&sp[-1], &x->obj);
      COLLECT();
      NEXT();
    }

    /* ---- Numeric instructions ---- */

    case OP_I32_CONST:
      PUSH(VAL_I32, in->imm.i32);
      NEXT();
    case OP_I64_CONST:
      PUSH(VAL_I64, in->imm.i64);
      NEXT();
    case OP_F32_CONST:
      PUSH(VAL_F32, in->imm.f32);
      NEXT();
    case OP_F64_CONST:
      PUSH(VAL_F64, in->imm.f64);
      NEXT();
    case OP_V128_CONST: {
      Value *v;
      SLOT(v);
      v->v128 = in->imm.v128;
      v->kind = VAL_V128;
      NEXT();
    }

    /* The numeric and vector instructions whose immediates are not
     * constants: num_apply and simd_apply reduce them.  Their case labels
     * come from the table, so a new instruction without its case does not
     * compile (-Wswitch: no default). */
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results) APPLIED_##shape(id)
#define APPLIED_NONE(id) case OP_##id:
#define APPLIED_LANE(id) case OP_##id:
#define APPLIED_SHUFFLE(id) case OP_##id:
#define APPLIED_I32(id)
#define APPLIED_I64(id)
#define APPLIED_F32(id)
#define APPLIED_F64(id)
#define APPLIED_V128(id)
#include "syntax/instr_numeric.def"
#include "syntax/instr_vector.def"
#undef INSTR
#undef APPLIED_NONE
#undef APPLIED_LANE
#undef APPLIED_SHUFFLE
#undef APPLIED_I32
#undef APPLIED_I64
#undef APPLIED_F32
#undef APPLIED_F64
#undef APPLIED_V128
    {
      Value *top = num_apply((Op)in->op, sp, &msg);
      if (!top && !msg)
        top = simd_apply((Op)in->op, in, sp);
      if (top) {
        sp = top;
        NEXT();
      }
      if (msg)
        goto trapped;
      SYNC();
      error_at(err, PHASE_INTERNAL, (Loc){0}, INTERNAL_NOT_IMPLEMENTED, instr_info[in->op].mnemonic);
      return EVAL_FAILED;
    }
    }
  }

trapped:
  M->pc = pc;
  trap(M, msg, err);
  return EVAL_FAILED;
fail:
  return EVAL_FAILED;
done:
  M->fuel -= slice - left;   /* what the last slice used: a caller counts it (eval_end) */
  M->steps -= slice - left;
  return EVAL_DONE;
}

EvalStatus eval_run(Machine *M, uint64_t steps, Error *err)
{
  uint64_t *counts = M->store->counts.op_steps;
  return counts ? run(M, steps, counts, err) : run(M, steps, NULL, err);
}
