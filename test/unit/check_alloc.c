/* Every allocation may fail.  A script that goes through every part of the
 * interpreter — the text and binary formats, validation, linking, the
 * machine with exceptions, GC objects and continuations, the collector —
 * runs again and again with its Nth allocation failing, for every N until a
 * run needs no more.  Each run must end with errors or failed assertions,
 * never a crash; built with --enable-sanitizers, never a leak either. */

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "binary/binary.h"
#include "script/run.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/mem.h"
#include "validate/validate.h"
#include "test/unit/tap.h"

static const char SCRIPT[] =
  "(module $m\n"
  "  (type $f (func (param i32) (result i32)))\n"
  "  (type $k (cont $f))\n"
  "  (type $f0 (func (result i32)))\n"
  "  (type $k0 (cont $f0))\n"
  "  (type $s (struct (field (mut i32)) (field (ref null $s))))\n"
  "  (type $a (array (mut i8)))\n"
  "  (tag $yield (export \"yield\") (param i32) (result i32))\n"
  "  (tag $e (param i32))\n"
  "  (memory 1) (table 2 funcref) (data \"abc\")\n"
  "  (global $list (mut (ref null $s)) (ref.null $s))\n"
  "  (func $gen (param $x i32) (result i32)\n"
  "    (local $i i32)\n"
  "    (loop $l\n"
  "      (global.set $list (struct.new $s (local.get $i) (global.get $list)))\n"
  "      (drop (array.new_data $a 0 (i32.const 0) (i32.const 3)))\n"
  "      (local.set $x (i32.add (local.get $x) (suspend $yield (local.get $i))))\n"
  "      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 20))))\n"
  "    (local.get $x))\n"
  "  (func $boom (param i32) (result i32) (throw $e (local.get 0)))\n"
  "  (elem declare func $gen $boom)\n"
  "  (func (export \"run\") (result i32)\n"
  "    (local $c (ref null $k))\n"
  "    (local.set $c (cont.new $k (ref.func $gen)))\n"
  "    (loop $l\n"
  "      (block $h (result i32 (ref $k))\n"
  "        (return (resume $k (on $yield $h) (i32.const 1) (local.get $c))))\n"
  "      (local.set $c)\n"
  "      (drop)\n"
  "      (local.set $c (cont.bind $k $k (local.get $c)))\n"
  "      (br $l))\n"
  "    (unreachable))\n"
  "  (func (export \"caught\") (result i32)\n"
  "    (block $c (result i32)\n"
  "      (try_table (catch $e $c)\n"
  "        (return (resume $k (i32.const 7) (cont.new $k (ref.func $boom)))))\n"
  "      (unreachable)))\n"
  "  (func (export \"cancel\") (result i32)\n"
  "    (local $c (ref null $k))\n"
  "    (block $h (result i32 (ref $k))\n"
  "      (return (resume $k (on $yield $h) (i32.const 0) (cont.new $k (ref.func $gen)))))\n"
  "    (local.set $c)\n"
  "    (i32.add (resume_throw $k $e (i32.const 3) (local.get $c))))\n"
  "  (func (export \"grow\") (result i32) (memory.grow (i32.const 1))))\n"
  "(register \"m\" $m)\n"
  "(assert_return (invoke \"run\") (i32.const 21))\n"
  "(assert_return (invoke \"caught\") (i32.const 7))\n"
  "(assert_exception (invoke \"cancel\"))\n"
  "(assert_return (invoke \"grow\") (i32.const 1))\n"
  "(module (import \"m\" \"yield\" (tag (param i32) (result i32))))\n"
  "(module binary \"\\00asm\\01\\00\\00\\00\\01\\05\\01\\60\\00\\01\\7f\"\n"
  "  \"\\03\\02\\01\\00\\07\\05\\01\\01\\66\\00\\00\\0a\\06\\01\\04\\00\\41\\2a\\0b\")\n"
  "(assert_return (invoke \"f\") (i32.const 42))\n"
  "(assert_return (invoke $m \"caught\") (i32.const 7))\n"
  "(assert_malformed (module quote \"(func (i32.const 0x1_0000_0000) drop)\") \"constant out of range\")\n"
  "(assert_invalid (module (func (result i32) (i64.const 0))) \"type mismatch\")\n"
  "(assert_unlinkable (module (import \"m\" \"nope\" (func))) \"unknown import\")\n";

enum { ASSERTIONS = 9 };

/* Runs the script with the nth allocation failing (none if n < 0); true if
 * that failure happened.  *stats gets the assertions' outcomes. */
static int run_failing(long n, RunStats *stats)
{
  FILE *null = fopen("/dev/null", "w");
  ck_assert_ptr_nonnull(null);
  mem_fail_after(n);
  Error err = {0};
  Script *s = text_parse_script("alloc.wast", SCRIPT, sizeof SCRIPT - 1, &err);
  if (s) {
    RunOptions opt = {.limits = store_default_limits};
    Runner r;
    runner_init(&r, &opt, null);
    run_script(&r, s, stats);
    runner_free(&r);
    script_free(s);
  }
  int failed = n >= 0 && !mem_failure_pending();
  mem_fail_after(-1);
  fclose(null);
  return failed;
}

START_TEST(the_script_passes)
{
  RunStats stats = {0};
  ck_assert(!run_failing(-1, &stats));
  ck_assert_uint_eq(stats.failed, 0);
  ck_assert_uint_eq(stats.passed, ASSERTIONS);
}
END_TEST

START_TEST(every_allocation_can_fail)
{
  long n = 0;
  for (;; n++) {
    RunStats stats = {0};
    if (!run_failing(n, &stats))
      break;
  }
  /* every allocation of a whole run was made to fail once */
  ck_assert_int_gt(n, 150);
}
END_TEST

/* One piece of work, all its memory freed again; true if it succeeded. */
typedef bool Attempt(const void *input, Error *err);

/* Runs an attempt with its nth allocation failing, for each n until a run
 * needs no more, and returns how many runs failed.  Each must end as any
 * failed allocation must, whichever phase made it: "out of memory", an
 * implementation limit, not a malformed or invalid module. */
static long fail_each_allocation(Attempt *attempt, const void *input)
{
  for (long n = 0;; n++) {
    Error err = {0};
    mem_fail_after(n);
    bool ok = attempt(input, &err);
    int failed = !mem_failure_pending();
    mem_fail_after(-1);
    if (!failed) {
      ck_assert_msg(ok, "%s", err.message);
      return n;
    }
    ck_assert(!ok);
    ck_assert_msg(err.phase == PHASE_EXHAUSTION, "phase %s: %s", phase_name(err.phase), err.message);
    ck_assert_str_eq(err.message, "out of memory");
  }
}

static bool parse_text(const void *input, Error *err)
{
  Script *s = text_parse_script("alloc.wast", input, strlen(input), err);
  script_free(s);
  return s != NULL;
}

static bool decode(const void *input, Error *err)
{
  const Buf *bytes = input;
  Module *m = decode_module("alloc.wasm", (const uint8_t *)bytes->data, bytes->len, err);
  module_free(m);
  return m != NULL;
}

static bool validate(const void *input, Error *err)
{
  ValidateOptions opt = {.stack_switching = true};
  TypeStore ts;
  typestore_init(&ts);
  bool ok = validate_module(&ts, input, &opt, err);
  typestore_free(&ts);
  return ok;
}

/* The script's first module, parsed without failures. */
static Script *parsed(void)
{
  Error err = {0};
  Script *s = text_parse_script("alloc.wast", SCRIPT, sizeof SCRIPT - 1, &err);
  ck_assert_ptr_nonnull(s);
  ck_assert(s->commands.data[0].kind == CMD_MODULE);
  return s;
}

START_TEST(text_out_of_memory_is_a_limit)
{
  ck_assert_int_gt(fail_each_allocation(parse_text, SCRIPT), 10);
}
END_TEST

START_TEST(binary_out_of_memory_is_a_limit)
{
  Script *s = parsed();
  Buf bytes;
  buf_init(&bytes);
  encode_module(&bytes, s->commands.data[0].module.module);
  ck_assert(!bytes.failed);
  ck_assert_int_gt(fail_each_allocation(decode, &bytes), 1);   /* the module, and its arena */
  buf_free(&bytes);
  script_free(s);
}
END_TEST

START_TEST(validation_out_of_memory_is_a_limit)
{
  Script *s = parsed();
  ck_assert_int_gt(fail_each_allocation(validate, s->commands.data[0].module.module), 10);
  script_free(s);
}
END_TEST

/* All arenas together stay within the code limit: an allocation beyond it
 * fails and leaves the arena usable, and freeing an arena gives its bytes
 * back to the others. */
START_TEST(arenas_share_one_limit)
{
  uint64_t was = arena_limit();
  arena_set_limit(1 << 20);
  Arena a, b;
  arena_init(&a);
  arena_init(&b);
  ck_assert_ptr_nonnull(arena_alloc(&a, 600 << 10));
  ck_assert_ptr_null(arena_alloc(&b, 600 << 10));   /* the two would be beyond */
  ck_assert_ptr_nonnull(arena_alloc(&b, 100 << 10));
  ck_assert_ptr_null(arena_alloc(&a, (size_t)-1));  /* no overflow either */
  arena_free(&a);
  ck_assert_ptr_nonnull(arena_alloc(&b, 600 << 10));
  arena_free(&b);
  arena_set_limit(was);
}
END_TEST

static Suite *alloc_suite(void)
{
  Suite *s = suite_create("alloc");
  TCase *tc = tcase_create("alloc");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, the_script_passes);
  tcase_add_test(tc, every_allocation_can_fail);
  tcase_add_test(tc, text_out_of_memory_is_a_limit);
  tcase_add_test(tc, binary_out_of_memory_is_a_limit);
  tcase_add_test(tc, validation_out_of_memory_is_a_limit);
  tcase_add_test(tc, arenas_share_one_limit);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  return tap_run(alloc_suite());
}
