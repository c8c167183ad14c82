/* Precise mark-sweep.  Marking uses an explicit work list, so a linked
 * list of a million structs needs no C recursion.  A collection's work is
 * charged to the running machine's fuel (interp/stack.c, "Fuel"): a
 * program that keeps a huge object or table live while it allocates pays
 * for having it marked again and again. */

#include "interp/gc.h"

#include "interp/machine.h"
#include "util/mem.h"

typedef struct Marker {
  Object **todo;
  size_t len, cap;
  bool failed;      /* the work list could not grow: mark conservatively by rescanning */
  uint64_t work;    /* slots looked at and objects swept: the collection's cost */
} Marker;

/* A unit of fuel per this many slots or objects a collection visits: 8
 * references are 64 bytes, the rate of a bulk instruction's bytes
 * (fuel_bytes), and marking 8 slots takes about as long as a step. */
enum { GC_WORK_PER_UNIT = 8 };

static void mark(Marker *k, Ref r)
{
  if (!ref_is_object(r) || r->marked || r->kind == OBJ_FUNC || r->kind == OBJ_HOST)
    return;
  r->marked = true;
  if (k->len == k->cap) {
    size_t cap = k->cap ? k->cap * 2 : 1024;
    Object **todo = mem_realloc(k->todo, cap * sizeof *todo);
    if (!todo) {
      k->failed = true;
      return;
    }
    k->todo = todo;
    k->cap = cap;
  }
  k->todo[k->len++] = r;
}

static void mark_value(Marker *k, const Value *v)
{
  if (v->kind == VAL_REF)
    mark(k, v->ref);
}

static void mark_values(Marker *k, const Value *v, size_t n)
{
  k->work += n;
  for (size_t i = 0; i < n; i++)
    mark_value(k, &v[i]);
}

static void mark_refs(Marker *k, Ref *const refs, uint64_t n)
{
  k->work += n;
  for (uint64_t i = 0; i < n; i++)
    mark(k, refs[i]);
}

/* The values of a chain of stacks (the running machine's, or a
 * suspended continuation's, whose bottom has no parent). */
static void mark_stack(Marker *k, const Stack *st)
{
  for (; st; st = st->parent, k->work++)
    mark_values(k, st->vals, st->nvals);
}

/* The references an object holds. */
static void scan(Marker *k, Object *o)
{
  switch ((ObjKind)o->kind) {
  case OBJ_STRUCT:
    mark_values(k, ((StructInst *)o)->fields, o->type->comp.fields.len);
    break;
  case OBJ_ARRAY: {
    ArrayInst *a = (ArrayInst *)o;
    if (a->elem.kind == VAL_REF)
      mark_refs(k, (Ref *)a->data, a->len);
    break;
  }
  case OBJ_EXN:
    mark_values(k, ((ExnInst *)o)->fields, ((ExnInst *)o)->len);
    break;
  case OBJ_EXTERN:
    mark(k, ((ExternInst *)o)->ref);
    break;
  /* spec: conts-collect */
  case OBJ_CONT:
    mark_stack(k, ((ContInst *)o)->top);
    break;
  default:
    break;
  }
}

static void mark_roots(Marker *k, Store *s)
{
  for (uint32_t i = 0; i < s->nglobals; i++)
    mark_value(k, &s->globals[i]->value);
  for (uint32_t i = 0; i < s->ntables; i++)
    mark_refs(k, s->tables[i]->refs, s->tables[i]->written);
  for (ModuleInst *m = s->modules; m; m = m->next)
    for (uint32_t i = 0; i < m->nelems; i++)
      mark_refs(k, m->elems[i].refs, m->elems[i].len);
  for (const Machine *M = s->machine; M; M = M->outer)   /* a host callback's, and its callers' */
    mark_stack(k, M->stack);
}

/* The size of an object, as store_alloc_object counted it. */
static size_t object_size(const Object *o)
{
  switch ((ObjKind)o->kind) {
  case OBJ_STRUCT: return sizeof(StructInst) + o->type->comp.fields.len * sizeof(Value);
  case OBJ_ARRAY: {
    const ArrayInst *a = (const ArrayInst *)o;
    return sizeof(ArrayInst) + (size_t)a->len * a->elem_size;
  }
  case OBJ_EXN: return sizeof(ExnInst) + ((const ExnInst *)o)->len * sizeof(Value);
  case OBJ_EXTERN: return sizeof(ExternInst);
  case OBJ_CONT: return sizeof(ContInst);   /* its stacks count as stack_bytes */
  default: return sizeof(Object);
  }
}

/* spec: conts-collect */
/* A continuation never resumed takes its stacks with it: abandoned. */
static void object_free(Store *s, Object *o)
{
  if (o->kind == OBJ_CONT)
    stack_abandon_chain(s, ((ContInst *)o)->top);
  mem_free(o);
}

/* Frees the objects not marked and unmarks the others; their size is the
 * new live heap.  The heap only grows between sweeps: its size before one
 * is a peak. */
static void sweep(Marker *k, Store *s)
{
  size_t live = 0;
  if (s->heap_bytes > s->counts.heap_peak)
    s->counts.heap_peak = s->heap_bytes;
  for (Object **link = &s->objects; *link; k->work++) {
    Object *o = *link;
    if (o->marked) {
      o->marked = false;
      live += object_size(o);
      link = &o->next;
    } else {
      *link = o->next;
      object_free(s, o);
    }
  }
  s->heap_bytes = live;
  s->gc_debt = 0;
  gc_pace(s);
}

void gc_collect(Store *s)
{
  Marker k = {0};
  s->counts.gc_cycles++;
  mark_roots(&k, s);
  while (k.len > 0)
    scan(&k, k.todo[--k.len]);
  mem_free(k.todo);
  if (!k.failed) {
    sweep(&k, s);
  } else {
    /* Some marked objects were not scanned: keep everything this time. */
    for (Object *o = s->objects; o; o = o->next, k.work++)
      o->marked = false;
  }
#ifndef GC_STRESS   /* --enable-stress collects far more often than the program asks: that is
                     * the build's work, not the program's, and outcomes must not differ */
  if (s->machine)   /* it collects for the running machine, which pays */
    s->machine->debt += k.work / GC_WORK_PER_UNIT;
#endif
}

void gc_pace(Store *s)
{
#ifdef GC_STRESS
  s->gc_threshold = s->heap_bytes / 16;
#else
  /* Collect when the heap has doubled, and before it reaches its limit:
   * halfway there, so that a stack (which cannot wait for a collection)
   * finds room — but never in steps under 1/32 of the limit, so a heap that
   * fills up is marked a dozen times, not once per halving of the room left
   * (some 30 times for 2 GiB of continuations). */
  size_t min = 16 << 20, live = s->heap_bytes + s->stack_bytes, step = s->limits.heap_bytes / 32;
  size_t room = s->limits.heap_bytes > live ? s->limits.heap_bytes - live : 0;
  size_t before_limit = room / 2 > step ? room / 2 : room < step ? room : step;
  size_t t = live > min ? live : min;
  s->gc_threshold = t < before_limit ? t : before_limit;
#endif
}

void gc_free_all(Store *s)
{
  while (s->objects) {
    Object *o = s->objects;
    s->objects = o->next;
    object_free(s, o);
  }
  s->heap_bytes = 0;
}
