/* Unit tests of the text parser and resolver: every abbreviation of the text
 * format must mean exactly what the spec says it expands to (6.2–6.4 of
 * the text chapter).  Each case parses an abbreviated module and its
 * expansion and compares the abstract syntax. */

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "test/unit/tap.h"

typedef struct Pair {
  const char *name;
  const char *short_form, *long_form;
  bool equal;  /* false: the two must differ */
} Pair;

static const Pair pairs[] = {
  {"inline export", "(func (export \"a\"))", "(func) (export \"a\" (func 0))", true},
  {"inline exports keep their order",
   "(func (export \"a\") (export \"b\")) (export \"c\" (func 0)) (func (export \"d\"))",
   "(func) (func) (export \"a\" (func 0)) (export \"b\" (func 0)) (export \"c\" (func 0))"
   " (export \"d\" (func 1))", true},
  {"inline import", "(func $f (import \"m\" \"n\") (param i32))",
   "(type (func (param i32))) (import \"m\" \"n\" (func (type 0)))", true},
  {"inline import and export", "(global (export \"e\") (import \"m\" \"g\") (mut i64))",
   "(import \"m\" \"g\" (global (mut i64))) (export \"e\" (global 0))", true},
  {"imports come first in the index space",
   "(import \"m\" \"f\" (func $i)) (func $g (call $i) (call $g))",
   "(type (func)) (import \"m\" \"f\" (func (type 0))) (func (type 0) call 0 call 1)", true},
  {"an implicit type use reuses a type", "(type (func (param i32))) (func (param i32))",
   "(type (func (param i32))) (func (type 0))", true},
  {"an implicit type is appended after the explicit ones", "(func (param i32)) (type (func))",
   "(type (func)) (type (func (param i32))) (func (type 1))", true},
  {"implicit types are appended in order of use", "(func (result i64) (i64.const 0)) (func (param f32))",
   "(type (func (result i64))) (type (func (param f32))) (func (type 0) i64.const 0) (func (type 1))",
   true},
  {"a non-final type is not reused", "(type (sub (func (param i32)))) (func (param i32))",
   "(type (sub (func (param i32)))) (type (func (param i32))) (func (type 1))", true},
  {"a type in a larger rec group is not reused", "(rec (type (func)) (type (struct))) (func)",
   "(rec (type (func)) (type (struct))) (type (func)) (func (type 2))", true},
  {"an explicit type use with its signature", "(type (func (param i32))) (func (type 0) (param i32))",
   "(type (func (param i32))) (func (type 0))", true},
  {"folded plain instructions", "(func (result i32) (i32.add (i32.const 1) (i32.const 2)))",
   "(func (result i32) i32.const 1 i32.const 2 i32.add)", true},
  {"folded block", "(func (block $b (result i32) (i32.const 1)) drop)",
   "(func block (result i32) i32.const 1 end drop)", true},
  {"folded if, condition first", "(func (if (i32.const 1) (then nop) (else unreachable)))",
   "(func i32.const 1 if nop else unreachable end)", true},
  {"folded if without else", "(func (if (i32.const 1) (then nop)))", "(func i32.const 1 if nop end)",
   true},
  {"folded try_table", "(tag $e) (func (try_table (catch $e 0) (catch_all 0) nop))",
   "(type (func)) (tag (type 0)) (func try_table (catch 0 0) (catch_all 0) nop end)", true},
  {"labels are depths", "(func (block $a (block $b (br $a) (br $b))))",
   "(func block block br 1 br 0 end end)", true},
  {"an inner label shadows an outer one", "(func (block $a (loop $a (br $a))))",
   "(func block loop br 0 end end)", true},
  {"the condition of a folded if is outside its label", "(func (block $l (if $l (br_if $l (i32.const 0)) (then (br $l)))))",
   "(func block i32.const 0 br_if 0 if br 0 end end)", true},
  {"catch labels are outside the try_table", "(tag $e) (func (block $out (try_table $in (catch $e $out) (br $in))))",
   "(tag $e) (func (block (try_table (catch 0 0) (br 0))))", true},
  {"end and else may repeat the label", "(func block $a end $a if $b else $b end $b)",
   "(func block end if else end)", true},
  {"table with inline elements", "(func $f) (table funcref (elem $f $f))",
   "(func) (table 2 2 funcref) (elem (table 0) (i32.const 0) funcref (ref.func 0) (ref.func 0))", true},
  {"table with inline element expressions", "(table i64 (ref null func) (elem (ref.func 0))) (func)",
   "(table i64 1 1 (ref null func)) (elem (table 0) (i64.const 0) (ref null func) (item ref.func 0)) (func)",
   true},
  {"memory with inline data", "(memory (data \"ab\" \"c\"))",
   "(memory 1 1) (data (memory 0) (i32.const 0) \"abc\")", true},
  {"memory64 with inline data", "(memory i64 (data))", "(memory i64 0 0) (data (memory 0) (i64.const 0))",
   true},
  {"a table is filled with nulls by default", "(table 1 funcref)", "(table 1 funcref (ref.null func))",
   true},
  {"elem with the old offset abbreviation", "(func $f) (table 1 funcref) (elem (i32.const 0) $f)",
   "(func) (table 1 funcref) (elem (table 0) (offset i32.const 0) (ref func) (item ref.func 0))", true},
  {"elem func abbreviation", "(func $f) (elem func $f)", "(func) (elem (ref func) (ref.func 0))", true},
  {"named parameters and locals", "(func (param $x i32) (local $y i64) (local.get $x) drop (local.get $y) drop)",
   "(func (param i32) (local i64) local.get 0 drop local.get 1 drop)", true},
  {"locals after a type use count its parameters",
   "(type (func (param i32 i32))) (func (type 0) (local $l i32) (local.get $l) drop)",
   "(type (func (param i32 i32))) (func (type 0) (local i32) local.get 2 drop)", true},
  {"field names", "(type $s (struct (field $a i32) (field $b i64))) (func (param (ref $s)) (drop (struct.get $s $b (local.get 0))))",
   "(type (struct (field i32) (field i64))) (func (param (ref 0)) local.get 0 struct.get 0 1 drop)", true},
  {"field abbreviation", "(type (struct (field i32 i64) (field (mut f32))))",
   "(type (struct (field i32) (field i64) (field (mut f32))))", true},
  {"a one-result block type is a value type", "(func (block (result i32) (i32.const 0)) drop)",
   "(type (func (result i32))) (func (block (type 0) (i32.const 0)) drop)", false},
  {"a block with parameters has a type index", "(func (i32.const 1) (block (param i32) (result i32)) drop)",
   "(type (func)) (type (func (param i32) (result i32))) (func (type 0) i32.const 1 block (type 1) end drop)",
   true},
  {"natural alignment by default", "(memory 1) (func (drop (i64.load (i32.const 0))))",
   "(memory 1) (func i32.const 0 i64.load 0 offset=0 align=8 drop)", true},
  {"select with and without types differ", "(func (select (i32.const 0) (i32.const 0) (i32.const 0)) drop)",
   "(func (select (result i32) (i32.const 0) (i32.const 0) (i32.const 0)) drop)", false},
  {"call_indirect uses table 0 by default", "(table 0 funcref) (func (call_indirect (i32.const 0)))",
   "(table 0 funcref) (type (func)) (func (type 1) (call_indirect 0 (type 1) (i32.const 0)))", false},
  {"call_indirect uses table 0 by default, same types", "(type (func)) (table 0 funcref) (func (call_indirect (i32.const 0)))",
   "(type (func)) (table 0 funcref) (func (type 0) (call_indirect 0 (type 0) (i32.const 0)))", true},
  {"memory and table instructions default to index 0",
   "(memory 1) (data \"\") (table 1 funcref) (elem func) (func memory.size drop i32.const 0 i32.const 0 i32.const 0 memory.copy i32.const 0 i32.const 0 i32.const 0 memory.init 0 table.size drop i32.const 0 i32.const 0 i32.const 0 table.init 0)",
   "(memory 1) (data \"\") (table 1 funcref) (elem func) (func memory.size 0 drop i32.const 0 i32.const 0 i32.const 0 memory.copy 0 0 i32.const 0 i32.const 0 i32.const 0 memory.init 0 0 table.size 0 drop i32.const 0 i32.const 0 i32.const 0 table.init 0 0)",
   true},
  {"stack switching: handlers and labels",
   "(type $f (func)) (type $c (cont $f)) (tag $t) (func (param (ref $c)) (block $h (result (ref $c)) (resume $c (on $t $h) (on $t switch) (local.get 0)) unreachable) drop)",
   "(type (func)) (type (cont 0)) (tag (type 0)) (type (func (param (ref 1)))) (func (type 2) block (result (ref 1)) local.get 0 resume 1 (on 0 0) (on 0 switch) unreachable end drop)",
   true},
  {"stack switching: suspend, switch, cont.bind",
   "(type $f (func (param i32))) (type $c (cont $f)) (type $g (func)) (type $d (cont $g)) (tag $t) (func (param (ref $c)) (suspend $t) (cont.bind $c $d (i32.const 1) (local.get 0)) (drop) (switch $d $t (cont.new $d (ref.null $g))))",
   "(type (func (param i32))) (type (cont 0)) (type (func)) (type (cont 2)) (tag (type 2)) (type (func (param (ref 1)))) (func (type 4) suspend 0 i32.const 1 local.get 0 cont.bind 1 3 drop ref.null 2 cont.new 3 switch 3 0)",
   true},
  {"rec groups and forward references",
   "(rec (type $a (struct (field (ref null $b)))) (type $b (struct (field (ref null $a)))))",
   "(rec (type (struct (field (ref null 1)))) (type (struct (field (ref null 0)))))", true},
  {"reference type abbreviations", "(global funcref (ref.null func)) (global nullcontref (ref.null nocont))",
   "(global (ref null func) (ref.null func)) (global (ref null nocont) (ref.null nocont))", true},
  {"a bare module is the module", "(module $m (func))", "(func)", true},
  {"identifiers may be quoted", "(func $\"a b\" (call $\"a b\"))", "(func call 0)", true},
  {"annotations are space", "(func (@name \"f\") (@x (y) \"z\") nop)", "(func nop)", true},
};

static Module *parse(const char *src)
{
  Error err = {0};
  Module *m = text_parse_module("test", src, strlen(src), &err);
  if (!m)
    ck_abort_msg("\"%s\" does not parse: %u:%u: %s", src, err.loc.line, err.loc.col, err.message);
  return m;
}

START_TEST(test_abbreviation)
{
  const Pair *c = &pairs[_i];
  Module *a = parse(c->short_form);
  Module *b = parse(c->long_form);
  ck_assert_msg(module_eq(a, b) == c->equal, "%s: the two forms %s", c->name,
                c->equal ? "differ" : "are equal");
  module_free(a);
  module_free(b);
}
END_TEST

/* Errors carry the position of the offending token. */
START_TEST(test_error_position)
{
  const char *src = "(module\n  (func\n    (call $nope)))";
  Error err = {0};
  ck_assert_ptr_null(text_parse_module("f.wat", src, strlen(src), &err));
  ck_assert_int_eq(err.phase, PHASE_MALFORMED);
  ck_assert_str_eq(err.loc.file, "f.wat");
  ck_assert_uint_eq(err.loc.line, 3);
  ck_assert_uint_eq(err.loc.col, 11);
  ck_assert_str_eq(err.message, "unknown function $nope");
}
END_TEST

/* A script error right after a module, before its command is complete,
 * frees the module too (a leak the text fuzzer found; LeakSanitizer
 * checks it under --enable-sanitizers). */
START_TEST(test_script_error_after_module)
{
  const char *src = "(assert_invalid (module (func (block))) \"x\")\nrates(";
  Error err = {0};
  ck_assert_ptr_null(text_parse_script("s.wast", src, strlen(src), &err));
  ck_assert_uint_eq(err.loc.line, 2);
  ck_assert_str_eq(err.message, "unknown operator rates");
}
END_TEST

/* Printing gives text that parses back to the same module. */
START_TEST(test_print_parse)
{
  Module *m = parse(pairs[_i].short_form);
  Buf out;
  buf_init(&out);
  text_print_module(&out, m);
  ck_assert(!out.failed);
  Module *back = parse(out.data);
  ck_assert_msg(module_eq(m, back), "%s: printed as\n%s", pairs[_i].name, out.data);
  module_free(back);
  module_free(m);
  buf_free(&out);
}
END_TEST

static Suite *text_suite(void)
{
  Suite *s = suite_create("text");
  TCase *tc = tcase_create("abbreviations");
  tcase_add_loop_test(tc, test_abbreviation, 0, sizeof pairs / sizeof *pairs);
  tcase_add_loop_test(tc, test_print_parse, 0, sizeof pairs / sizeof *pairs);
  tcase_add_test(tc, test_error_position);
  tcase_add_test(tc, test_script_error_after_module);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  return tap_run(text_suite());
}
