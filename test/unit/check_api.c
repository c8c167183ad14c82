/* Unit tests for libwasmfx (api/wasmfx.h, doc/api.md): every function of
 * the API, every outcome it can give, bad input and misuse.  Linked with
 * the library itself (libwasmfx.la), so only what it exports is reachable.
 * The modules are small texts whose outcome follows from the spec's rules
 * (a division by zero traps, a suspend without a handler is unhandled …). */
#include <wasmfx.h>

#include <check.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

/* A store and the instance of one text module in it; fails the test if
 * the module does not instantiate. */
static wasmfx_instance *instance(wasmfx_store *s, const char *text)
{
  wasmfx_module *m = NULL;
  wasmfx_instance *i = NULL;
  ck_assert_int_eq(wasmfx_module_load(s, "t.wat", text, strlen(text), WASMFX_FORMAT_TEXT, &m), WASMFX_OK);
  ck_assert_int_eq(wasmfx_instantiate(m, &i), WASMFX_OK);
  ck_assert_ptr_nonnull(i);
  return i;
}

/* The outcome of loading and instantiating a text module. */
static wasmfx_outcome instantiate_text(wasmfx_store *s, const char *text)
{
  wasmfx_module *m = NULL;
  wasmfx_instance *i = NULL;
  wasmfx_outcome o = wasmfx_module_load(s, "t.wat", text, strlen(text), WASMFX_FORMAT_AUTO, &m);
  return o != WASMFX_OK ? o : wasmfx_instantiate(m, &i);
}

static wasmfx_value i32(uint32_t x) { return (wasmfx_value){.kind = WASMFX_I32, .i32 = x}; }

/* ---------------------------------------------------------------- Outcomes */

/* The values are the exit statuses of wasmfx-ref (README). */
START_TEST(test_outcome_values)
{
  ck_assert_int_eq(WASMFX_OK, 0);
  ck_assert_int_eq(WASMFX_USAGE, 2);
  ck_assert_int_eq(WASMFX_MALFORMED, 3);
  ck_assert_int_eq(WASMFX_INVALID, 4);
  ck_assert_int_eq(WASMFX_UNLINKABLE, 5);
  ck_assert_int_eq(WASMFX_TRAP, 6);
  ck_assert_int_eq(WASMFX_EXCEPTION, 7);
  ck_assert_int_eq(WASMFX_SUSPENSION, 8);
  ck_assert_int_eq(WASMFX_EXHAUSTION, 9);
  ck_assert_int_eq(WASMFX_LIMIT, 10);
  ck_assert_int_eq(WASMFX_TIMEOUT, 11);
  ck_assert_int_eq(WASMFX_IO, 12);
}
END_TEST

/* Each outcome has a name of its own. */
START_TEST(test_outcome_names)
{
  static const wasmfx_outcome all[] = {
    WASMFX_OK, WASMFX_USAGE, WASMFX_MALFORMED, WASMFX_INVALID, WASMFX_UNLINKABLE, WASMFX_TRAP,
    WASMFX_EXCEPTION, WASMFX_SUSPENSION, WASMFX_EXHAUSTION, WASMFX_LIMIT, WASMFX_TIMEOUT, WASMFX_IO,
  };
  enum { N = sizeof all / sizeof all[0] };
  for (int i = 0; i < N; i++)
    for (int j = 0; j < i; j++)
      ck_assert_str_ne(wasmfx_outcome_name(all[i]), wasmfx_outcome_name(all[j]));
  ck_assert_str_eq(wasmfx_outcome_name(WASMFX_TRAP), "trap");
  ck_assert_str_eq(wasmfx_outcome_name(WASMFX_TIMEOUT), "timeout");
  ck_assert_str_eq(wasmfx_outcome_name((wasmfx_outcome)99), "unknown outcome");
  ck_assert_str_eq(wasmfx_kind_name(WASMFX_F64), "f64");
  ck_assert_str_eq(wasmfx_kind_name(WASMFX_REF), "ref");
  ck_assert_str_eq(wasmfx_kind_name((wasmfx_kind)99), "unknown");
}
END_TEST

/* ---------------------------------------------------------------- Loading */

/* (module (func (export "f") (result i32) (i32.const 7))), encoded by hand */
static const unsigned char binary_module[] = {
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,          /* type: [] -> [i32] */
  0x03, 0x02, 0x01, 0x00,                            /* func: type 0 */
  0x07, 0x05, 0x01, 0x01, 'f', 0x00, 0x00,           /* export "f" func 0 */
  0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x07, 0x0b,    /* code: i32.const 7 */
};

START_TEST(test_load_binary)
{
  wasmfx_store *s = wasmfx_store_new(0);
  wasmfx_module *m;
  wasmfx_instance *i;
  for (int format = WASMFX_FORMAT_AUTO; format <= WASMFX_FORMAT_BINARY; format += 2) {
    ck_assert_int_eq(wasmfx_module_load(s, "f.wasm", binary_module, sizeof binary_module,
                                        (wasmfx_format)format, &m), WASMFX_OK);
    ck_assert_int_eq(wasmfx_module_validate(m), WASMFX_OK);
    ck_assert_int_eq(wasmfx_module_validate(m), WASMFX_OK);   /* once is enough, twice is fine */
    ck_assert_int_eq(wasmfx_instantiate(m, &i), WASMFX_OK);
    ck_assert_int_eq(wasmfx_invoke(i, "f", NULL, 0), WASMFX_OK);
    ck_assert_uint_eq(wasmfx_result_count(s), 1);
    ck_assert_int_eq(wasmfx_result(s, 0).kind, WASMFX_I32);
    ck_assert_uint_eq(wasmfx_result(s, 0).i32, 7);
  }
  /* the bytes as text: not a module */
  ck_assert_int_eq(wasmfx_module_load(s, "f.wasm", binary_module, sizeof binary_module,
                                      WASMFX_FORMAT_TEXT, &m), WASMFX_MALFORMED);
  ck_assert_ptr_null(m);
  wasmfx_store_free(s);
}
END_TEST

START_TEST(test_load_text_forms)
{
  wasmfx_store *s = wasmfx_store_new(0);
  /* a bare list of fields is a module too, as in a .wat file */
  wasmfx_instance *i = instance(s, "(func (export \"g\") (result i64) (i64.const -2))");
  ck_assert_int_eq(wasmfx_invoke(i, "g", NULL, 0), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_result(s, 0).i64, (uint64_t)-2);
  /* an empty text is the empty module */
  wasmfx_module *m;
  ck_assert_int_eq(wasmfx_module_load(s, "e.wat", "", 0, WASMFX_FORMAT_AUTO, &m), WASMFX_OK);
  ck_assert_int_eq(wasmfx_instantiate(m, &i), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_export_count(i), 0);
  wasmfx_store_free(s);
}
END_TEST

START_TEST(test_malformed)
{
  wasmfx_store *s = wasmfx_store_new(0);
  wasmfx_module *m = (wasmfx_module *)1;
  static const char text[] = "(module\n  (func (i32.const)))";
  ck_assert_int_eq(wasmfx_module_load(s, "bad.wat", text, strlen(text), WASMFX_FORMAT_AUTO, &m),
                   WASMFX_MALFORMED);
  ck_assert_ptr_null(m);
  ck_assert_str_ne(wasmfx_message(s), "");
  ck_assert_msg(strncmp(wasmfx_position(s), "bad.wat:2:", 10) == 0, "position %s", wasmfx_position(s));
  /* a binary cut short: its position is a byte offset */
  ck_assert_int_eq(wasmfx_module_load(s, "cut.wasm", binary_module, sizeof binary_module - 3,
                                      WASMFX_FORMAT_AUTO, &m), WASMFX_MALFORMED);
  ck_assert_msg(strncmp(wasmfx_position(s), "cut.wasm:0x", 11) == 0, "position %s", wasmfx_position(s));
  /* a success forgets the failure */
  ck_assert_int_eq(wasmfx_module_load(s, "ok.wat", "", 0, WASMFX_FORMAT_TEXT, &m), WASMFX_OK);
  ck_assert_str_eq(wasmfx_message(s), "");
  ck_assert_str_eq(wasmfx_position(s), "");
  wasmfx_store_free(s);
}
END_TEST

START_TEST(test_load_file)
{
  wasmfx_store *s = wasmfx_store_new(0);
  wasmfx_module *m = (wasmfx_module *)1;
  ck_assert_int_eq(wasmfx_module_load_file(s, "/nonexistent/m.wasm", &m), WASMFX_IO);
  ck_assert_ptr_null(m);
  ck_assert_str_eq(wasmfx_position(s), "/nonexistent/m.wasm");
  ck_assert_str_ne(wasmfx_message(s), "");
  char path[] = "/tmp/check_api.XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "wb");
  ck_assert_uint_eq(fwrite(binary_module, 1, sizeof binary_module, f), sizeof binary_module);
  fclose(f);
  ck_assert_int_eq(wasmfx_module_load_file(s, path, &m), WASMFX_OK);
  remove(path);
  wasmfx_instance *i;
  ck_assert_int_eq(wasmfx_instantiate(m, &i), WASMFX_OK);
  ck_assert_int_eq(wasmfx_invoke(i, "f", NULL, 0), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_result(s, 0).i32, 7);
  wasmfx_store_free(s);
}
END_TEST

START_TEST(test_invalid)
{
  wasmfx_store *s = wasmfx_store_new(0);
  static const char text[] = "(module (func (result i32) (i64.const 0)))";
  wasmfx_module *m;
  wasmfx_instance *i = (wasmfx_instance *)1;
  ck_assert_int_eq(wasmfx_module_load(s, "inv.wat", text, strlen(text), WASMFX_FORMAT_AUTO, &m), WASMFX_OK);
  ck_assert_int_eq(wasmfx_module_validate(m), WASMFX_INVALID);
  ck_assert_msg(strncmp(wasmfx_message(s), "type mismatch", 13) == 0, "message %s", wasmfx_message(s));
  ck_assert_msg(strncmp(wasmfx_position(s), "inv.wat:1:", 10) == 0, "position %s", wasmfx_position(s));
  /* instantiation validates first */
  ck_assert_int_eq(wasmfx_instantiate(m, &i), WASMFX_INVALID);
  ck_assert_ptr_null(i);
  wasmfx_store_free(s);
}
END_TEST

/* Stack switching is there unless the store is for exact Wasm 3.0. */
START_TEST(test_wasm3)
{
  static const char text[] = "(type $f (func)) (type $c (cont $f))";
  wasmfx_store *s = wasmfx_store_new(0);
  ck_assert_int_eq(instantiate_text(s, text), WASMFX_OK);
  wasmfx_store_free(s);
  s = wasmfx_store_new(WASMFX_WASM3);
  ck_assert_int_eq(instantiate_text(s, text), WASMFX_INVALID);
  wasmfx_store_free(s);
}
END_TEST

/* ---------------------------------------------------------------- Linking */

START_TEST(test_unlinkable)
{
  wasmfx_store *s = wasmfx_store_new(0);
  ck_assert_int_eq(instantiate_text(s, "(import \"env\" \"f\" (func))"), WASMFX_UNLINKABLE);
  ck_assert_str_eq(wasmfx_message(s), "unknown import \"env\" \"f\"");
  ck_assert_msg(strncmp(wasmfx_position(s), "t.wat:1:", 8) == 0, "position %s", wasmfx_position(s));
  /* spectest only when asked for */
  ck_assert_int_eq(instantiate_text(s, "(import \"spectest\" \"print\" (func))"), WASMFX_UNLINKABLE);
  wasmfx_store_free(s);
}
END_TEST

static const char *nop(void *env, const wasmfx_value *args, wasmfx_value *results)
{
  (void)env, (void)args, (void)results;
  return NULL;
}

START_TEST(test_incompatible_import)
{
  wasmfx_store *s = wasmfx_store_new(0);
  ck_assert_int_eq(wasmfx_define_func(s, "env", "f", "(param i32)", nop, NULL), WASMFX_OK);
  ck_assert_int_eq(instantiate_text(s, "(import \"env\" \"f\" (func (param i64)))"), WASMFX_UNLINKABLE);
  ck_assert_str_eq(wasmfx_message(s), "incompatible import type");
  ck_assert_int_eq(instantiate_text(s, "(import \"env\" \"f\" (global i32))"), WASMFX_UNLINKABLE);
  ck_assert_int_eq(instantiate_text(s, "(import \"env\" \"f\" (func (param i32)))"), WASMFX_OK);
  /* a later definition of the same names wins */
  ck_assert_int_eq(wasmfx_define_func(s, "env", "f", "(param i64)", nop, NULL), WASMFX_OK);
  ck_assert_int_eq(instantiate_text(s, "(import \"env\" \"f\" (func (param i64)))"), WASMFX_OK);
  wasmfx_store_free(s);
}
END_TEST

START_TEST(test_spectest)
{
  wasmfx_store *s = wasmfx_store_new(WASMFX_SPECTEST);
  FILE *out = tmpfile();
  ck_assert_ptr_nonnull(out);
  wasmfx_store_set_output(s, out);
  wasmfx_instance *i = instance(s, "(import \"spectest\" \"print_i32\" (func $p (param i32)))"
                                   "(global (export \"g\") (import \"spectest\" \"global_i32\") i32)"
                                   "(func (export \"p\") (call $p (i32.const 42)))");
  ck_assert_int_eq(wasmfx_invoke(i, "p", NULL, 0), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_result_count(s), 0);
  char line[64] = "";
  rewind(out);
  ck_assert_ptr_nonnull(fgets(line, sizeof line, out));
  ck_assert_str_eq(line, "42 : i32\n");
  fclose(out);
  /* spectest's global_i32 is 666 */
  ck_assert_int_eq(wasmfx_get(i, "g"), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_result(s, 0).i32, 666);
  wasmfx_store_free(s);
}
END_TEST

START_TEST(test_register_and_exports)
{
  wasmfx_store *s = wasmfx_store_new(0);
  wasmfx_instance *a = instance(s, "(func (export \"seven\") (result i32) (i32.const 7))"
                                   "(memory (export \"mem\") 1) (table (export \"tab\") 1 funcref)"
                                   "(global (export \"glob\") (mut i32) (i32.const 5)) (tag (export \"tag\"))");
  ck_assert_uint_eq(wasmfx_export_count(a), 5);
  static const char *const names[] = {"seven", "mem", "tab", "glob", "tag"};
  static const char *const kinds[] = {"func", "memory", "table", "global", "tag"};
  for (size_t k = 0; k < 5; k++) {
    ck_assert_str_eq(wasmfx_export_name(a, k), names[k]);
    ck_assert_str_eq(wasmfx_export_kind(a, k), kinds[k]);
  }
  ck_assert_ptr_null(wasmfx_export_name(a, 5));
  ck_assert_ptr_null(wasmfx_export_kind(a, 5));
  ck_assert_uint_eq(wasmfx_export_count(NULL), 0);
  ck_assert_ptr_null(wasmfx_export_name(NULL, 0));

  static const char client[] = "(import \"a\" \"seven\" (func $s (result i32)))"
                               "(func (export \"f\") (result i32) (i32.add (call $s) (i32.const 1)))";
  ck_assert_int_eq(instantiate_text(s, client), WASMFX_UNLINKABLE);
  ck_assert_int_eq(wasmfx_register(a, "a"), WASMFX_OK);
  wasmfx_instance *b = instance(s, client);
  ck_assert_int_eq(wasmfx_invoke(b, "f", NULL, 0), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_result(s, 0).i32, 8);
  ck_assert_int_eq(wasmfx_register(NULL, "a"), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_register(a, NULL), WASMFX_USAGE);
  wasmfx_store_free(s);
}
END_TEST

/* ---------------------------------------------------------------- Invoking */

START_TEST(test_invoke_values)
{
  wasmfx_store *s = wasmfx_store_new(0);
  wasmfx_instance *i = instance(s,
    "(func (export \"swap\") (param f32 f64) (result f64 f32) (local.get 1) (local.get 0))"
    "(func (export \"v\") (param v128) (result v128) (i32x4.add (local.get 0) (local.get 0)))");
  wasmfx_value args[2] = {{.kind = WASMFX_F32, .f32 = 0x7fa00001}, {.kind = WASMFX_F64, .f64 = 0xfff0000000000123ull}};
  ck_assert_int_eq(wasmfx_invoke(i, "swap", args, 2), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_result_count(s), 2);
  /* NaN payloads come back bit for bit */
  ck_assert_int_eq(wasmfx_result(s, 0).kind, WASMFX_F64);
  ck_assert_uint_eq(wasmfx_result(s, 0).f64, 0xfff0000000000123ull);
  ck_assert_int_eq(wasmfx_result(s, 1).kind, WASMFX_F32);
  ck_assert_uint_eq(wasmfx_result(s, 1).f32, 0x7fa00001);
  /* past the end: ref.null */
  ck_assert_int_eq(wasmfx_result(s, 2).kind, WASMFX_REF);
  ck_assert_ptr_null(wasmfx_result(s, 2).ref);
  wasmfx_value v = {.kind = WASMFX_V128};
  for (int k = 0; k < 16; k++)
    v.v128[k] = (uint8_t)k;
  ck_assert_int_eq(wasmfx_invoke(i, "v", &v, 1), WASMFX_OK);
  wasmfx_value r = wasmfx_result(s, 0);
  ck_assert_int_eq(r.kind, WASMFX_V128);
  for (int k = 0; k < 16; k++)   /* each lane doubled; no carries at these sizes */
    ck_assert_uint_eq(r.v128[k], 2 * k);
  wasmfx_store_free(s);
}
END_TEST

START_TEST(test_invoke_bad_requests)
{
  wasmfx_store *s = wasmfx_store_new(0);
  wasmfx_instance *i = instance(s, "(func (export \"f\") (param i32) (result i32) (local.get 0))"
                                   "(global (export \"g\") i32 (i32.const 3))");
  wasmfx_value a = i32(1), two[2] = {i32(1), i32(2)};
  ck_assert_int_eq(wasmfx_invoke(i, "nope", &a, 1), WASMFX_MALFORMED);
  ck_assert_str_eq(wasmfx_message(s), "unknown export \"nope\"");
  ck_assert_int_eq(wasmfx_invoke(i, "g", &a, 1), WASMFX_MALFORMED);
  ck_assert_int_eq(wasmfx_invoke(i, "f", two, 2), WASMFX_MALFORMED);
  ck_assert_int_eq(wasmfx_invoke(i, "f", NULL, 0), WASMFX_MALFORMED);
  wasmfx_value wrong = {.kind = WASMFX_I64, .i64 = 1};
  ck_assert_int_eq(wasmfx_invoke(i, "f", &wrong, 1), WASMFX_MALFORMED);
  ck_assert_str_eq(wasmfx_message(s), "wrong type of argument 1");
  wrong.kind = (wasmfx_kind)77;
  ck_assert_int_eq(wasmfx_invoke(i, "f", &wrong, 1), WASMFX_MALFORMED);
  ck_assert_uint_eq(wasmfx_result_count(s), 0);
  /* misuse */
  ck_assert_int_eq(wasmfx_invoke(NULL, "f", &a, 1), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_invoke(i, NULL, &a, 1), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_invoke(i, "f", NULL, 1), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_get(i, "f"), WASMFX_MALFORMED);
  ck_assert_int_eq(wasmfx_get(i, "nope"), WASMFX_MALFORMED);
  ck_assert_int_eq(wasmfx_get(NULL, "g"), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_get(i, "g"), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_result(s, 0).i32, 3);
  wasmfx_store_free(s);
}
END_TEST

START_TEST(test_misuse)
{
  wasmfx_module *m = (wasmfx_module *)1;
  wasmfx_instance *i = (wasmfx_instance *)1;
  ck_assert_int_eq(wasmfx_module_load(NULL, "x", "", 0, WASMFX_FORMAT_AUTO, &m), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_module_load_file(NULL, "x", &m), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_module_validate(NULL), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_instantiate(NULL, &i), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_set_limit(NULL, WASMFX_LIMIT_FUEL, 1), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_define_func(NULL, "a", "b", "", nop, NULL), WASMFX_USAGE);
  ck_assert_uint_eq(wasmfx_get_limit(NULL, WASMFX_LIMIT_FUEL), 0);
  ck_assert_str_eq(wasmfx_message(NULL), "");
  ck_assert_str_eq(wasmfx_position(NULL), "");
  ck_assert_str_eq(wasmfx_backtrace(NULL), "");
  ck_assert_uint_eq(wasmfx_result_count(NULL), 0);
  wasmfx_store_free(NULL);
  wasmfx_store *s = wasmfx_store_new(0);
  ck_assert_int_eq(wasmfx_module_load(s, "x", NULL, 5, WASMFX_FORMAT_AUTO, &m), WASMFX_USAGE);
  ck_assert_str_ne(wasmfx_message(s), "");
  ck_assert_int_eq(wasmfx_module_load(s, "x", "", 0, (wasmfx_format)9, &m), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_module_load(s, "x", "", 0, WASMFX_FORMAT_AUTO, NULL), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_module_load(s, NULL, "", 0, WASMFX_FORMAT_AUTO, &m), WASMFX_OK);
  ck_assert_int_eq(wasmfx_instantiate(m, NULL), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_module_load_file(s, NULL, &m), WASMFX_USAGE);
  wasmfx_store_free(s);
}
END_TEST

/* ---------------------------------------------------------------- Outcomes of a run */

START_TEST(test_trap)
{
  wasmfx_store *s = wasmfx_store_new(0);
  wasmfx_instance *i = instance(s, "(func $inner (export \"u\") unreachable)"
                                   "(func (export \"d\") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))"
                                   "(func (export \"outer\") (call $inner))");
  ck_assert_int_eq(wasmfx_invoke(i, "u", NULL, 0), WASMFX_TRAP);
  ck_assert_msg(strncmp(wasmfx_message(s), "unreachable", 11) == 0, "message %s", wasmfx_message(s));
  wasmfx_value zero = i32(0);
  ck_assert_int_eq(wasmfx_invoke(i, "d", &zero, 1), WASMFX_TRAP);
  ck_assert_str_eq(wasmfx_message(s), "integer divide by zero");
  ck_assert_uint_eq(wasmfx_result_count(s), 0);
  ck_assert_int_eq(wasmfx_invoke(i, "outer", NULL, 0), WASMFX_TRAP);
  ck_assert_msg(strstr(wasmfx_backtrace(s), "$inner") != NULL, "backtrace %s", wasmfx_backtrace(s));
  /* a trap in the start function fails the instantiation */
  ck_assert_int_eq(instantiate_text(s, "(func unreachable) (start 0)"), WASMFX_TRAP);
  wasmfx_store_free(s);
}
END_TEST

START_TEST(test_exception_and_suspension)
{
  wasmfx_store *s = wasmfx_store_new(0);
  wasmfx_instance *i = instance(s, "(tag $e (param i32)) (tag $t)"
                                   "(func (export \"throw\") (throw $e (i32.const 1)))"
                                   "(func (export \"suspend\") (suspend $t))");
  ck_assert_int_eq(wasmfx_invoke(i, "throw", NULL, 0), WASMFX_EXCEPTION);
  ck_assert_int_eq(wasmfx_invoke(i, "suspend", NULL, 0), WASMFX_SUSPENSION);
  wasmfx_store_free(s);
}
END_TEST

START_TEST(test_exhaustion)
{
  wasmfx_store *s = wasmfx_store_new(0);
  ck_assert_int_eq(wasmfx_set_limit(s, WASMFX_LIMIT_DEPTH, 50), WASMFX_OK);
  wasmfx_instance *i = instance(s, "(func $f (export \"f\") (param i32) (result i32)"
                                   "  (if (result i32) (local.get 0)"
                                   "    (then (i32.add (call $f (i32.sub (local.get 0) (i32.const 1))) (i32.const 1)))"
                                   "    (else (i32.const 0))))");
  wasmfx_value n = i32(40);
  ck_assert_int_eq(wasmfx_invoke(i, "f", &n, 1), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_result(s, 0).i32, 40);
  n.i32 = 60;   /* deeper than the limit */
  ck_assert_int_eq(wasmfx_invoke(i, "f", &n, 1), WASMFX_EXHAUSTION);
  wasmfx_store_free(s);
}
END_TEST

START_TEST(test_limits)
{
  wasmfx_store *s = wasmfx_store_new(0);
  static const wasmfx_limit all[] = {WASMFX_LIMIT_FUEL, WASMFX_LIMIT_HEAP, WASMFX_LIMIT_MEMORY, WASMFX_LIMIT_DEPTH};
  for (int k = 0; k < 4; k++) {
    ck_assert_uint_gt(wasmfx_get_limit(s, all[k]), 0);   /* defaults */
    ck_assert_int_eq(wasmfx_set_limit(s, all[k], 1000 + k), WASMFX_OK);
    ck_assert_uint_eq(wasmfx_get_limit(s, all[k]), 1000 + k);
  }
  ck_assert_int_eq(wasmfx_set_limit(s, WASMFX_LIMIT_DEPTH, 0), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_set_limit(s, WASMFX_LIMIT_DEPTH, (uint64_t)1 << 32), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_set_limit(s, (wasmfx_limit)9, 1), WASMFX_USAGE);
  ck_assert_uint_eq(wasmfx_get_limit(s, (wasmfx_limit)9), 0);
  wasmfx_store_free(s);
}
END_TEST

/* Fuel bounds an endless loop: the interpreter's limit, not the program's
 * failure. */
START_TEST(test_fuel)
{
  wasmfx_store *s = wasmfx_store_new(0);
  ck_assert_int_eq(wasmfx_set_limit(s, WASMFX_LIMIT_FUEL, 10000), WASMFX_OK);
  wasmfx_instance *i = instance(s, "(func (export \"loop\") (loop (br 0)))");
  wasmfx_outcome o = wasmfx_invoke(i, "loop", NULL, 0);
  ck_assert_int_eq(o, WASMFX_LIMIT);
  ck_assert_str_eq(wasmfx_message(s), "out of fuel");
  wasmfx_store_free(s);
}
END_TEST

/* A memory may not grow past the store's memory limit: memory.grow fails. */
START_TEST(test_memory_limit)
{
  wasmfx_store *s = wasmfx_store_new(0);
  ck_assert_int_eq(wasmfx_set_limit(s, WASMFX_LIMIT_MEMORY, 4 * 65536), WASMFX_OK);
  wasmfx_instance *i = instance(s, "(memory 1) (func (export \"grow\") (param i32) (result i32) (memory.grow (local.get 0)))");
  wasmfx_value n = i32(2);
  ck_assert_int_eq(wasmfx_invoke(i, "grow", &n, 1), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_result(s, 0).i32, 1);
  ck_assert_int_eq(wasmfx_invoke(i, "grow", &n, 1), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_result(s, 0).i32, (uint32_t)-1);
  wasmfx_store_free(s);
}
END_TEST

/* The instance limit: the store's instances are counted (spectest is the
 * first), and a count of 0 is a usage error. */
START_TEST(test_instance_limit)
{
  wasmfx_store *s = wasmfx_store_new(0);
  ck_assert_int_eq(wasmfx_set_limit(s, WASMFX_LIMIT_INSTANCES, 0), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_set_limit(s, WASMFX_LIMIT_INSTANCES, (uint64_t)1 << 32), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_set_limit(s, WASMFX_LIMIT_INSTANCES, 1000), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_get_limit(s, WASMFX_LIMIT_INSTANCES), 1000);
  ck_assert_int_eq(instantiate_text(s, "(func)"), WASMFX_OK);
  ck_assert_int_eq(wasmfx_set_limit(s, WASMFX_LIMIT_INSTANCES, 1), WASMFX_OK);
  ck_assert_int_eq(instantiate_text(s, "(func)"), WASMFX_EXHAUSTION);
  ck_assert_msg(strstr(wasmfx_message(s), "too many modules") != NULL, "message %s", wasmfx_message(s));
  wasmfx_store_free(s);
}
END_TEST

/* The code limit is the process's: set through one store, another store
 * sees it, and a module too large for it is resource exhaustion. */
START_TEST(test_code_limit)
{
  wasmfx_store *s = wasmfx_store_new(0), *t = wasmfx_store_new(0);
  ck_assert_uint_eq(wasmfx_get_limit(t, WASMFX_LIMIT_CODE), (uint64_t)1 << 30);
  ck_assert_int_eq(wasmfx_set_limit(s, WASMFX_LIMIT_CODE, 4 << 20), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_get_limit(t, WASMFX_LIMIT_CODE), 4 << 20);
  ck_assert_int_eq(instantiate_text(t, "(func nop)"), WASMFX_OK);
  enum { NOPS = 200000 };   /* some 15 MB as decoded instructions */
  char *text = malloc(NOPS * 4 + 16);
  strcpy(text, "(func");
  for (int k = 0; k < NOPS; k++)
    strcat(text + 5 + 4 * k, " nop");
  strcat(text, ")");
  ck_assert_int_eq(instantiate_text(t, text), WASMFX_EXHAUSTION);
  ck_assert_msg(strstr(wasmfx_message(t), "out of memory") != NULL, "message %s", wasmfx_message(t));
  ck_assert_int_eq(wasmfx_set_limit(t, WASMFX_LIMIT_CODE, (uint64_t)1 << 30), WASMFX_OK);
  ck_assert_int_eq(instantiate_text(t, text), WASMFX_OK);
  free(text);
  wasmfx_store_free(s);
  wasmfx_store_free(t);
}
END_TEST

/* The heap limit stops a program that allocates without bound. */
START_TEST(test_heap_limit)
{
  wasmfx_store *s = wasmfx_store_new(0);
  ck_assert_int_eq(wasmfx_set_limit(s, WASMFX_LIMIT_HEAP, 1 << 20), WASMFX_OK);
  wasmfx_instance *i = instance(s, "(type $a (array (mut i8)))"
                                   "(func (export \"big\") (result i32)"
                                   "  (array.len (array.new_default $a (i32.const 4000000))))");
  wasmfx_outcome o = wasmfx_invoke(i, "big", NULL, 0);
  ck_assert_int_eq(o, WASMFX_EXHAUSTION);
  ck_assert_msg(strstr(wasmfx_message(s), "out of memory") != NULL, "message %s", wasmfx_message(s));
  wasmfx_store_free(s);
}
END_TEST

/* ---------------------------------------------------------------- Host functions */

typedef struct Calls {
  int n;
  int32_t last;
  wasmfx_store *store;
  wasmfx_instance *inst;
  wasmfx_outcome reentered;
} Calls;

/* env.add: records its call, returns a + b; traps on a of -1 */
static const char *add(void *env, const wasmfx_value *args, wasmfx_value *results)
{
  Calls *c = env;
  c->n++;
  c->last = (int32_t)args[0].i32;
  ck_assert_int_eq(args[0].kind, WASMFX_I32);
  ck_assert_int_eq(results[0].kind, WASMFX_I64);   /* zeroed, of the declared kind */
  ck_assert_uint_eq(results[0].i64, 0);
  if ((int32_t)args[0].i32 == -1)
    return "add refuses -1";
  results[0].i64 = (uint64_t)args[0].i32 + args[1].i64;
  return NULL;
}

/* env.bad: returns a value of the wrong kind */
static const char *bad_result(void *env, const wasmfx_value *args, wasmfx_value *results)
{
  (void)env, (void)args;
  results[0].kind = WASMFX_F32;
  return NULL;
}

/* env.reenter: tries to call into its store, which is running */
static const char *reenter(void *env, const wasmfx_value *args, wasmfx_value *results)
{
  (void)args, (void)results;
  Calls *c = env;
  c->reentered = wasmfx_invoke(c->inst, "call_add", NULL, 0);
  if (wasmfx_set_limit(c->store, WASMFX_LIMIT_FUEL, 1) != WASMFX_USAGE)
    return "set_limit from a host function was not refused";
  return NULL;
}

START_TEST(test_host_functions)
{
  wasmfx_store *s = wasmfx_store_new(0);
  Calls c = {0};
  c.store = s;
  ck_assert_int_eq(wasmfx_define_func(s, "env", "add", "(param i32 i64) (result i64)", add, &c), WASMFX_OK);
  ck_assert_int_eq(wasmfx_define_func(s, "env", "bad", "(result i32)", bad_result, NULL), WASMFX_OK);
  ck_assert_int_eq(wasmfx_define_func(s, "env", "reenter", "", reenter, &c), WASMFX_OK);
  wasmfx_instance *i = instance(s,
    "(import \"env\" \"add\" (func $add (param i32 i64) (result i64)))"
    "(import \"env\" \"bad\" (func $bad (result i32)))"
    "(import \"env\" \"reenter\" (func $reenter))"
    "(func (export \"call_add\") (param i32) (result i64) (call $add (local.get 0) (i64.const 100)))"
    "(func (export \"call_bad\") (result i32) (call $bad))"
    "(func (export \"call_reenter\") (call $reenter))");
  c.inst = i;
  wasmfx_value a = i32(5);
  ck_assert_int_eq(wasmfx_invoke(i, "call_add", &a, 1), WASMFX_OK);
  ck_assert_int_eq(c.n, 1);
  ck_assert_int_eq(c.last, 5);
  ck_assert_uint_eq(wasmfx_result(s, 0).i64, 105);
  a.i32 = (uint32_t)-1;
  ck_assert_int_eq(wasmfx_invoke(i, "call_add", &a, 1), WASMFX_TRAP);
  ck_assert_str_eq(wasmfx_message(s), "add refuses -1");
  ck_assert_int_eq(c.n, 2);
  ck_assert_int_eq(wasmfx_invoke(i, "call_bad", NULL, 0), WASMFX_TRAP);
  ck_assert_msg(strstr(wasmfx_message(s), "env bad returned a f32") != NULL, "message %s", wasmfx_message(s));
  ck_assert_int_eq(wasmfx_invoke(i, "call_reenter", NULL, 0), WASMFX_OK);
  ck_assert_int_eq(c.reentered, WASMFX_USAGE);
  ck_assert_int_eq(c.n, 2);   /* the re-entrant call ran nothing */
  wasmfx_store_free(s);
}
END_TEST

START_TEST(test_host_signatures)
{
  wasmfx_store *s = wasmfx_store_new(0);
  static const char *const bad[] = {
    "(param i33)", "(result", "(param i32))) (func", "(field i32)", "(param (ref 5))",
  };
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
    ck_assert_msg(wasmfx_define_func(s, "env", "f", bad[k], nop, NULL) == WASMFX_USAGE, "%s", bad[k]);
  ck_assert_int_eq(wasmfx_define_func(s, "env", NULL, "", nop, NULL), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_define_func(s, "env", "f", NULL, nop, NULL), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_define_func(s, "env", "f", "", NULL, NULL), WASMFX_USAGE);
  ck_assert_int_eq(wasmfx_define_func(s, "env", "f", "(param externref) (result funcref)", nop, NULL), WASMFX_OK);
  ck_assert_int_eq(instantiate_text(s, "(import \"env\" \"f\" (func (param externref) (result funcref)))"), WASMFX_OK);
  wasmfx_store_free(s);
}
END_TEST

/* ---------------------------------------------------------------- References */

START_TEST(test_references)
{
  wasmfx_store *s = wasmfx_store_new(0);
  wasmfx_instance *i = instance(s, "(type $s (struct (field i32)))"
                                   "(func $id (export \"id\") (param externref) (result externref) (local.get 0))"
                                   "(func (export \"any\") (param anyref) (result anyref) (local.get 0))"
                                   "(func (export \"fn\") (result funcref) (ref.func $id))"
                                   "(func (export \"st\") (result anyref) (struct.new $s (i32.const 1)))");
  ck_assert_int_eq(wasmfx_ref_kind_of(NULL), WASMFX_REF_NULL);
  wasmfx_ref x = wasmfx_ref_extern(s, 77);
  ck_assert_int_eq(wasmfx_ref_kind_of(x), WASMFX_REF_EXTERN);
  ck_assert_uint_eq(wasmfx_ref_host_addr(x), 77);
  wasmfx_value v = {.kind = WASMFX_REF, .ref = x};
  ck_assert_int_eq(wasmfx_invoke(i, "id", &v, 1), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_ref_host_addr(wasmfx_result(s, 0).ref), 77);
  /* a host reference is not an externref */
  wasmfx_ref h = wasmfx_ref_host(s, 5);
  ck_assert_int_eq(wasmfx_ref_kind_of(h), WASMFX_REF_HOST);
  ck_assert_uint_eq(wasmfx_ref_host_addr(h), 5);
  v.ref = h;
  ck_assert_int_eq(wasmfx_invoke(i, "id", &v, 1), WASMFX_MALFORMED);
  /* i31 */
  v.ref = wasmfx_ref_i31(0x12345);
  ck_assert_int_eq(wasmfx_ref_kind_of(v.ref), WASMFX_REF_I31);
  ck_assert_int_eq(wasmfx_invoke(i, "any", &v, 1), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_ref_i31_value(wasmfx_result(s, 0).ref), 0x12345);
  ck_assert_uint_eq(wasmfx_ref_i31_value(x), 0);
  ck_assert_uint_eq(wasmfx_ref_host_addr(v.ref), 0);
  ck_assert_int_eq(wasmfx_invoke(i, "fn", NULL, 0), WASMFX_OK);
  ck_assert_int_eq(wasmfx_ref_kind_of(wasmfx_result(s, 0).ref), WASMFX_REF_FUNC);
  ck_assert_int_eq(wasmfx_invoke(i, "st", NULL, 0), WASMFX_OK);
  ck_assert_int_eq(wasmfx_ref_kind_of(wasmfx_result(s, 0).ref), WASMFX_REF_STRUCT);
  v.ref = NULL;
  ck_assert_int_eq(wasmfx_invoke(i, "id", &v, 1), WASMFX_OK);
  ck_assert_ptr_null(wasmfx_result(s, 0).ref);
  ck_assert_ptr_null(wasmfx_ref_host(NULL, 1));
  ck_assert_ptr_null(wasmfx_ref_extern(NULL, 1));
  wasmfx_store_free(s);
}
END_TEST

/* ---------------------------------------------------------------- The step hook */

typedef struct Steps {
  unsigned long n, stop_at;
  uint32_t max_depth;
  bool saw_mul, saw_position, saw_name;
} Steps;

static int on_step(void *env, const wasmfx_step *step)
{
  Steps *t = env;
  t->n++;
  if (step->depth > t->max_depth)
    t->max_depth = step->depth;
  t->saw_mul |= strcmp(step->instr, "i32.mul") == 0;
  t->saw_position |= strncmp(step->position, "t.wat:", 6) == 0;
  t->saw_name |= strcmp(step->func, "$sq") == 0;
  return t->stop_at == 0 || t->n < t->stop_at;
}

START_TEST(test_step_hook)
{
  wasmfx_store *s = wasmfx_store_new(0);
  wasmfx_instance *i = instance(s, "(func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))"
                                   "(func (export \"f\") (param i32) (result i32) (call $sq (local.get 0)))"
                                   "(func (export \"loop\") (loop (br 0)))");
  Steps t = {0};
  wasmfx_set_step_hook(s, on_step, &t);
  wasmfx_value a = i32(9);
  ck_assert_int_eq(wasmfx_invoke(i, "f", &a, 1), WASMFX_OK);
  ck_assert_uint_eq(wasmfx_result(s, 0).i32, 81);
  /* local.get, call, local.get, local.get, i32.mul at the least */
  ck_assert_uint_ge(t.n, 5);
  ck_assert_uint_eq(t.max_depth, 2);
  ck_assert(t.saw_mul && t.saw_position && t.saw_name);
  /* the hook stops a run */
  t = (Steps){.stop_at = 3};
  ck_assert_int_eq(wasmfx_invoke(i, "loop", NULL, 0), WASMFX_LIMIT);
  ck_assert_str_eq(wasmfx_message(s), "stopped by the step hook");
  ck_assert_uint_eq(t.n, 3);
  /* fuel counts with the hook too */
  t = (Steps){0};
  ck_assert_int_eq(wasmfx_set_limit(s, WASMFX_LIMIT_FUEL, 100), WASMFX_OK);
  ck_assert_int_eq(wasmfx_invoke(i, "loop", NULL, 0), WASMFX_LIMIT);
  ck_assert_str_eq(wasmfx_message(s), "out of fuel");
  ck_assert_uint_le(t.n, 100);
  /* and without it, nothing is seen */
  wasmfx_set_step_hook(s, NULL, NULL);
  t = (Steps){0};
  ck_assert_int_eq(wasmfx_invoke(i, "f", &a, 1), WASMFX_OK);
  ck_assert_uint_eq(t.n, 0);
  wasmfx_store_free(s);
}
END_TEST

static Suite *api_suite(void)
{
  Suite *s = suite_create("api");
  TCase *tc = tcase_create("outcomes");
  tcase_add_test(tc, test_outcome_values);
  tcase_add_test(tc, test_outcome_names);
  suite_add_tcase(s, tc);
  tc = tcase_create("modules");
  tcase_add_test(tc, test_load_binary);
  tcase_add_test(tc, test_load_text_forms);
  tcase_add_test(tc, test_malformed);
  tcase_add_test(tc, test_load_file);
  tcase_add_test(tc, test_invalid);
  tcase_add_test(tc, test_wasm3);
  suite_add_tcase(s, tc);
  tc = tcase_create("linking");
  tcase_add_test(tc, test_unlinkable);
  tcase_add_test(tc, test_incompatible_import);
  tcase_add_test(tc, test_spectest);
  tcase_add_test(tc, test_register_and_exports);
  suite_add_tcase(s, tc);
  tc = tcase_create("invoking");
  tcase_add_test(tc, test_invoke_values);
  tcase_add_test(tc, test_invoke_bad_requests);
  tcase_add_test(tc, test_misuse);
  tcase_add_test(tc, test_trap);
  tcase_add_test(tc, test_exception_and_suspension);
  tcase_add_test(tc, test_exhaustion);
  tcase_add_test(tc, test_limits);
  tcase_add_test(tc, test_fuel);
  tcase_add_test(tc, test_memory_limit);
  tcase_add_test(tc, test_heap_limit);
  tcase_add_test(tc, test_instance_limit);
  tcase_add_test(tc, test_code_limit);
  suite_add_tcase(s, tc);
  tc = tcase_create("host");
  tcase_add_test(tc, test_host_functions);
  tcase_add_test(tc, test_host_signatures);
  tcase_add_test(tc, test_references);
  tcase_add_test(tc, test_step_hook);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  return tap_run(api_suite());
}
