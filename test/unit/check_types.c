/* Unit tests of type identity and subtyping (syntax/types.c): rec groups
 * interned across modules (iso-recursive equivalence), declared subtyping,
 * and the abstract heap type hierarchies, including continuations.  The
 * cases follow type-equivalence.wast, type-rec.wast and
 * gc/type-subtyping.wast. */

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/types.h"
#include "text/text.h"
#include "test/unit/tap.h"

enum { MAX_TYPES = 16 };

typedef struct Interned {
  Module *m;
  const DefType *types[MAX_TYPES];
} Interned;

/* Parses a module's type definitions and interns its rec groups. */
static void intern(TypeStore *ts, const char *src, Interned *out)
{
  Error err = {0};
  out->m = text_parse_module("test", src, strlen(src), &err);
  ck_assert_msg(out->m != NULL, "%s: %s", src, err.message);
  const SubTypes *t = &out->m->types;
  ck_assert(t->len <= MAX_TYPES);
  for (uint32_t first = 0; first < t->len;) {
    uint32_t n = t->data[first].rec_size, bad;
    ck_assert_msg(typestore_intern_group(ts, t->data, first, n, out->types, out->types + first, &bad) == INTERN_OK,
                  "%s: group at %u", src, first);
    first += n;
  }
}

typedef struct Identity {
  const char *a, *b;
  uint32_t x, y;  /* type x of a, type y of b */
  bool same;
} Identity;

static const Identity identities[] = {
  {"(type (func (param i32)))", "(type (func (param i32)))", 0, 0, true},
  {"(type (func (param i32)))", "(type (func (param i64)))", 0, 0, false},
  {"(type (func (param i32) (result i32)))", "(type (func (param i32 i32)))", 0, 0, false},
  {"(type (struct (field i32)))", "(type (struct (field (mut i32))))", 0, 0, false},
  {"(type (array i8))", "(type (array i16))", 0, 0, false},
  {"(type (func))", "(type (sub (func)))", 0, 0, false},
  {"(type (func))", "(type (sub final (func)))", 0, 0, true},
  /* references to earlier types are by identity, not index */
  {"(type (func)) (type (struct (field (ref 0))))", "(type (struct)) (type (func)) (type (struct (field (ref 1))))", 1, 2, true},
  {"(type (func)) (type (struct (field (ref 0))))", "(type (struct)) (type (func)) (type (struct (field (ref 0))))", 1, 2, false},
  /* a recursive type is equal to itself in another module */
  {"(rec (type (struct (field (ref null 0)))))", "(type (func)) (rec (type (struct (field (ref null 1)))))", 0, 1, true},
  /* but not to the same shape referring to an earlier, equal type */
  {"(rec (type (struct (field (ref null 0)))))",
   "(rec (type (struct (field (ref null 0))))) (type (struct (field (ref null 0))))", 0, 1, false},
  /* mutually recursive groups: position in the group matters */
  {"(rec (type (struct (field (ref null 1)))) (type (struct (field (ref null 0)) (field i32))))",
   "(rec (type (struct (field (ref null 1)))) (type (struct (field (ref null 0)) (field i32))))", 1, 1, true},
  {"(rec (type (struct (field (ref null 1)))) (type (struct (field (ref null 0)) (field i32))))",
   "(rec (type (struct (field (ref null 0)) (field i32))) (type (struct (field (ref null 0)))))", 0, 1, false},
  /* a type alone and in a larger group differ */
  {"(rec (type (func)))", "(rec (type (func)) (type (struct)))", 0, 0, false},
  /* the supertype is part of the identity */
  {"(type (sub (struct))) (type (sub 0 (struct)))", "(type (sub (struct))) (type (sub (struct)))", 1, 1, false},
  {"(type (sub (struct))) (type (sub 0 (struct)))", "(type (sub (struct))) (type (sub 0 (struct)))", 1, 1, true},
  /* continuation types */
  {"(type (func)) (type (cont 0))", "(type (func)) (type (cont 0))", 1, 1, true},
  {"(type (func)) (type (cont 0))", "(type (func (param i32))) (type (cont 0))", 1, 1, false},
};

START_TEST(test_identity)
{
  const Identity *c = &identities[_i];
  TypeStore ts;
  typestore_init(&ts);
  Interned a, b;
  intern(&ts, c->a, &a);
  intern(&ts, c->b, &b);
  ck_assert_msg((a.types[c->x] == b.types[c->y]) == c->same, "%s vs %s", c->a, c->b);
  module_free(a.m);
  module_free(b.m);
  typestore_free(&ts);
}
END_TEST

typedef struct Subtyping {
  const char *types;
  uint32_t x, y;
  bool sub;  /* type x <: type y */
} Subtyping;

static const Subtyping subtypings[] = {
  {"(type (sub (struct))) (type (sub 0 (struct (field i32))))", 1, 0, true},
  {"(type (sub (struct))) (type (sub 0 (struct (field i32))))", 0, 1, false},
  {"(type (sub (struct))) (type (sub 0 (struct))) (type (sub 1 (struct)))", 2, 0, true},
  {"(type (sub (struct))) (type (sub (struct (field i32))))", 1, 0, false},  /* no declared relation */
  {"(type (sub (func))) (type (sub 0 (func)))", 1, 1, true},
  {"(rec (type (sub (struct (field (ref null 1))))) (type (sub 0 (struct (field (ref null 1)) (field i32)))))", 1, 0, true},
};

START_TEST(test_subtyping)
{
  const Subtyping *c = &subtypings[_i];
  TypeStore ts;
  typestore_init(&ts);
  Interned a;
  intern(&ts, c->types, &a);
  ck_assert_msg(deftype_sub(a.types[c->x], a.types[c->y]) == c->sub, "%s: %u <: %u", c->types, c->x, c->y);
  module_free(a.m);
  typestore_free(&ts);
}
END_TEST

/* Subtyping holds across modules between equal types. */
START_TEST(test_subtyping_across_modules)
{
  TypeStore ts;
  typestore_init(&ts);
  Interned a, b;
  intern(&ts, "(type (sub (struct))) (type (sub 0 (struct (field i32))))", &a);
  intern(&ts, "(type (func)) (type (sub (struct)))", &b);
  ck_assert(deftype_sub(a.types[1], b.types[1]));
  ck_assert(!deftype_sub(b.types[1], a.types[1]));
  module_free(a.m);
  module_free(b.m);
  typestore_free(&ts);
}
END_TEST

typedef struct HeapSub {
  HeapKind a, b;
  bool sub;
} HeapSub;

static const HeapSub heap_subs[] = {
  {HEAP_EQ, HEAP_ANY, true},      {HEAP_I31, HEAP_EQ, true},      {HEAP_STRUCT, HEAP_EQ, true},
  {HEAP_ARRAY, HEAP_ANY, true},   {HEAP_NONE, HEAP_I31, true},    {HEAP_NONE, HEAP_ARRAY, true},
  {HEAP_ANY, HEAP_EQ, false},     {HEAP_I31, HEAP_STRUCT, false}, {HEAP_NOFUNC, HEAP_FUNC, true},
  {HEAP_FUNC, HEAP_ANY, false},   {HEAP_NONE, HEAP_FUNC, false},  {HEAP_NOEXTERN, HEAP_EXTERN, true},
  {HEAP_EXTERN, HEAP_ANY, false}, {HEAP_NOEXN, HEAP_EXN, true},   {HEAP_EXN, HEAP_ANY, false},
  {HEAP_NOCONT, HEAP_CONT, true}, {HEAP_CONT, HEAP_FUNC, false},  {HEAP_NOFUNC, HEAP_CONT, false},
  {HEAP_BOT, HEAP_CONT, true},    {HEAP_BOT, HEAP_NONE, true},    {HEAP_NONE, HEAP_NOFUNC, false},
};

START_TEST(test_abstract_heap)
{
  const HeapSub *c = &heap_subs[_i];
  TypeStore ts;
  typestore_init(&ts);
  ValType a = valtype_ref(false, c->a, 0), b = valtype_ref(false, c->b, 0);
  ck_assert_msg(heaptype_sub(&ts, a, b) == c->sub, "%s <: %s", heapkind_name(c->a), heapkind_name(c->b));
  typestore_free(&ts);
}
END_TEST

/* Defined types under their abstract types, bottoms under them, and
 * nullability. */
START_TEST(test_defined_heap)
{
  TypeStore ts;
  typestore_init(&ts);
  Interned a;
  intern(&ts, "(type (struct)) (type (array i32)) (type (func)) (type (cont 2))", &a);
  ValType s = valtype_ref(false, HEAP_DEF, a.types[0]->id);
  ValType arr = valtype_ref(false, HEAP_DEF, a.types[1]->id);
  ValType f = valtype_ref(false, HEAP_DEF, a.types[2]->id);
  ValType c = valtype_ref(false, HEAP_DEF, a.types[3]->id);
  ck_assert(reftype_sub(&ts, s, valtype_ref(false, HEAP_STRUCT, 0)));
  ck_assert(reftype_sub(&ts, s, valtype_ref(true, HEAP_EQ, 0)));
  ck_assert(!reftype_sub(&ts, s, valtype_ref(false, HEAP_ARRAY, 0)));
  ck_assert(reftype_sub(&ts, arr, valtype_ref(false, HEAP_ARRAY, 0)));
  ck_assert(reftype_sub(&ts, f, valtype_ref(true, HEAP_FUNC, 0)));
  ck_assert(!reftype_sub(&ts, f, valtype_ref(true, HEAP_ANY, 0)));
  ck_assert(reftype_sub(&ts, c, valtype_ref(false, HEAP_CONT, 0)));
  ck_assert(!reftype_sub(&ts, c, valtype_ref(false, HEAP_FUNC, 0)));
  ck_assert(reftype_sub(&ts, valtype_ref(false, HEAP_NONE, 0), s));
  ck_assert(reftype_sub(&ts, valtype_ref(false, HEAP_NOFUNC, 0), f));
  ck_assert(reftype_sub(&ts, valtype_ref(false, HEAP_NOCONT, 0), c));
  ck_assert(!reftype_sub(&ts, valtype_ref(false, HEAP_NOFUNC, 0), c));
  ValType null_s = s;
  null_s.null = true;
  ck_assert(reftype_sub(&ts, s, null_s));
  ck_assert(!reftype_sub(&ts, null_s, s));
  ck_assert_int_eq(heaptype_top(&ts, s), HEAP_ANY);
  ck_assert_int_eq(heaptype_top(&ts, f), HEAP_FUNC);
  ck_assert_int_eq(heaptype_top(&ts, c), HEAP_CONT);
  module_free(a.m);
  typestore_free(&ts);
}
END_TEST

/* Composite subtyping: structs by prefix, arrays and fields by mutability,
 * functions contra- and covariantly. */
START_TEST(test_comptype_sub)
{
  TypeStore ts;
  typestore_init(&ts);
  Interned a;
  intern(&ts,
         "(type (struct (field i32))) (type (struct (field i32) (field i64)))"
         "(type (struct (field (mut i32)))) (type (array (mut anyref))) (type (array (mut eqref)))"
         "(type (func (param anyref) (result eqref))) (type (func (param eqref) (result anyref)))",
         &a);
  const CompType *t[7];
  for (int i = 0; i < 7; i++)
    t[i] = &a.types[i]->comp;
  ck_assert(comptype_sub(&ts, t[1], t[0]));   /* width */
  ck_assert(!comptype_sub(&ts, t[0], t[1]));
  ck_assert(!comptype_sub(&ts, t[2], t[0]));  /* mutability must agree */
  ck_assert(!comptype_sub(&ts, t[4], t[3]));  /* mutable fields are invariant */
  ck_assert(comptype_sub(&ts, t[5], t[6]));   /* contra- and covariance */
  ck_assert(!comptype_sub(&ts, t[6], t[5]));
  module_free(a.m);
  typestore_free(&ts);
}
END_TEST

/* S-extern: what imports accept */
START_TEST(test_externtype_sub)
{
  TypeStore ts;
  typestore_init(&ts);
  Interned a;
  intern(&ts, "(type (sub (func))) (type (sub 0 (func))) (type (func (param i32)))", &a);
  ExternType f0 = {.kind = EXTERN_FUNC, .type = a.types[0]->id};
  ExternType f1 = {.kind = EXTERN_FUNC, .type = a.types[1]->id};
  ExternType f2 = {.kind = EXTERN_FUNC, .type = a.types[2]->id};
  ck_assert(externtype_sub(&ts, &f1, &f0));
  ck_assert(!externtype_sub(&ts, &f0, &f1));
  ck_assert(!externtype_sub(&ts, &f2, &f0));
  ExternType t0 = {.kind = EXTERN_TAG, .type = a.types[0]->id};
  ExternType t1 = {.kind = EXTERN_TAG, .type = a.types[1]->id};
  ck_assert(externtype_sub(&ts, &t0, &t0));
  ck_assert(!externtype_sub(&ts, &t1, &t0));  /* tags: equivalence, not subtyping */
  ExternType m1 = {.kind = EXTERN_MEM, .mem = {ADDR_I32, {2, 5, true}}};
  ExternType m2 = {.kind = EXTERN_MEM, .mem = {ADDR_I32, {1, 6, true}}};
  ExternType m3 = {.kind = EXTERN_MEM, .mem = {ADDR_I32, {1, 0, false}}};
  ExternType m64 = {.kind = EXTERN_MEM, .mem = {ADDR_I64, {2, 5, true}}};
  ck_assert(externtype_sub(&ts, &m1, &m2));
  ck_assert(!externtype_sub(&ts, &m2, &m1));
  ck_assert(externtype_sub(&ts, &m1, &m3));
  ck_assert(!externtype_sub(&ts, &m3, &m2));  /* no maximum where one is required */
  ck_assert(!externtype_sub(&ts, &m64, &m1));
  ExternType tf = {.kind = EXTERN_TABLE, .table = {ADDR_I32, {1, 0, false}, valtype_ref(true, HEAP_FUNC, 0)}};
  ExternType tn = {.kind = EXTERN_TABLE, .table = {ADDR_I32, {1, 0, false}, valtype_ref(true, HEAP_NOFUNC, 0)}};
  ck_assert(externtype_sub(&ts, &tf, &tf));
  ck_assert(!externtype_sub(&ts, &tn, &tf));  /* element types are invariant */
  ExternType gc = {.kind = EXTERN_GLOBAL, .global = {valtype_ref(false, HEAP_I31, 0), false}};
  ExternType ga = {.kind = EXTERN_GLOBAL, .global = {valtype_ref(true, HEAP_ANY, 0), false}};
  ExternType gm = {.kind = EXTERN_GLOBAL, .global = {valtype_ref(false, HEAP_I31, 0), true}};
  ExternType gma = {.kind = EXTERN_GLOBAL, .global = {valtype_ref(true, HEAP_ANY, 0), true}};
  ck_assert(externtype_sub(&ts, &gc, &ga));   /* immutable: covariant */
  ck_assert(!externtype_sub(&ts, &gm, &gma)); /* mutable: invariant */
  ck_assert(!externtype_sub(&ts, &gm, &gc));
  module_free(a.m);
  typestore_free(&ts);
}
END_TEST

static Suite *types_suite(void)
{
  Suite *s = suite_create("types");
  TCase *tc = tcase_create("types");
  tcase_add_loop_test(tc, test_identity, 0, sizeof identities / sizeof *identities);
  tcase_add_loop_test(tc, test_subtyping, 0, sizeof subtypings / sizeof *subtypings);
  tcase_add_test(tc, test_subtyping_across_modules);
  tcase_add_loop_test(tc, test_abstract_heap, 0, sizeof heap_subs / sizeof *heap_subs);
  tcase_add_test(tc, test_defined_heap);
  tcase_add_test(tc, test_comptype_sub);
  tcase_add_test(tc, test_externtype_sub);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  return tap_run(types_suite());
}
