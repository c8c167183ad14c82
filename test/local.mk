# Tests: Check unit tests and shell tests speak TAP; each .wast file of our
# own is one test, run by wasmfx-ref.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
AM_TESTS_ENVIRONMENT = top_srcdir='$(top_srcdir)'; export top_srcdir;
AM_TESTS_ENVIRONMENT += CC='$(CC)'; LIB_CFLAGS='$(SAN_CFLAGS) $(COV_CFLAGS)'; MAKE='$(MAKE)'; export CC LIB_CFLAGS MAKE;

check_PROGRAMS += %D%/unit/check_alloc %D%/unit/check_num %D%/unit/check_simd %D%/unit/check_number %D%/unit/check_lexer %D%/unit/check_text %D%/unit/check_leb128 %D%/unit/check_binary %D%/unit/check_types %D%/unit/check_gen %D%/roundtrip
%C%_unit_check_alloc_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%C%_unit_check_alloc_LDADD = libwasm.la $(CHECK_LIBS)
%C%_unit_check_num_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%C%_unit_check_num_LDADD = libwasm.la $(CHECK_LIBS)
%C%_unit_check_simd_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%C%_unit_check_simd_LDADD = libwasm.la $(CHECK_LIBS)
%C%_unit_check_number_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%C%_unit_check_number_LDADD = libwasm.la $(CHECK_LIBS)
%C%_unit_check_lexer_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%C%_unit_check_lexer_LDADD = libwasm.la $(CHECK_LIBS)
%C%_unit_check_text_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%C%_unit_check_text_LDADD = libwasm.la $(CHECK_LIBS)
%C%_unit_check_leb128_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%C%_unit_check_leb128_LDADD = libwasm.la $(CHECK_LIBS)
%C%_unit_check_binary_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%C%_unit_check_binary_LDADD = libwasm.la $(CHECK_LIBS)
%C%_unit_check_types_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%C%_unit_check_types_LDADD = libwasm.la $(CHECK_LIBS)
%C%_unit_check_gen_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
%C%_unit_check_gen_LDADD = libwasm.la $(CHECK_LIBS)
%C%_roundtrip_LDADD = libwasm.la

TESTS += %D%/unit/check_alloc %D%/unit/check_num %D%/unit/check_simd %D%/unit/check_number %D%/unit/check_lexer %D%/unit/check_text %D%/unit/check_leb128 %D%/unit/check_binary %D%/unit/check_types %D%/unit/check_gen %D%/cli.sh %D%/status.sh %D%/json.sh %D%/readme.sh %D%/unchecked.sh %D%/engines.sh %D%/official.sh
EXTRA_DIST += %D%/lib.sh %D%/cli.sh %D%/status.sh %D%/json.sh %D%/readme.sh %D%/unchecked.sh %D%/engines.sh %D%/engines-selftest.wast %D%/official.sh %D%/official.xfail %D%/unit/tap.h \
  %D%/fuzz/fuzz.h %D%/fuzz/fuzz_decode.c %D%/fuzz/fuzz_run.c %D%/fuzz/fuzz_text.c %D%/fuzz/fuzz_unchecked.c %D%/fuzz/fuzz_direct.c %D%/fuzz/fuzz_generate_run.c %D%/fuzz/run.sh %D%/fuzz/coverage.sh %D%/fuzz/README.md
TESTS += %D%/repl.sh
EXTRA_DIST += %D%/repl.sh

# Messages are named constants of their phase, in */messages.h.
TESTS += %D%/messages.sh
EXTRA_DIST += %D%/messages.sh

# doc/semantics.md and the /* spec: TAG */ comments of the code agree.
TESTS += %D%/semantics.sh
EXTRA_DIST += %D%/semantics.sh

# Calling a module file's exports; and a few modules of Binaryen's fuzzer
# against wasm-opt --fuzz-exec (skipped without wasm-opt; the full run is
# test/fuzz/fuzz-exec.sh N).
TESTS += %D%/direct.sh %D%/fuzz/fuzz-exec-check.sh
EXTRA_DIST += %D%/direct.sh %D%/fuzz/fuzz-exec-check.sh %D%/fuzz/fuzz-exec.sh \
  %D%/direct/big-array.wat %D%/direct/calls.wat %D%/direct/data-oob.wat %D%/direct/elem-oob.wat %D%/direct/floats.wat %D%/direct/gc-nested.wat %D%/direct/fuzzing.wat %D%/direct/imports.wat %D%/direct/nonnull.wat \
  %D%/direct/nonnull-func.wat %D%/direct/start-trap.wat %D%/direct/start-throw.wat \
  %D%/direct/suspend.wat %D%/direct/many-params.wat

# -o script.js run in Node (skipped without Node 26); test/js-suites.sh
# compares it with the official conversion on the suites, by hand.
TESTS += %D%/js.sh
EXTRA_DIST += %D%/js.sh %D%/js.xfail %D%/js-harness.wast %D%/js-harness-fail.wast %D%/js-suites.sh

# The files the README's examples use (test/readme.sh runs them).
EXTRA_DIST += examples/run.wast examples/bad.wat examples/bad.wasm examples/fac.wast \
  examples/gen.wast examples/lib.wast examples/app.wast examples/m.wat examples/calc.wat \
  examples/imports.wat examples/README.md

TEST_EXTENSIONS = .wast
WAST_LOG_DRIVER = $(SHELL) $(top_srcdir)/build-aux/test-driver
WAST_LOG_COMPILER = ./wasmfx-ref
AM_WAST_LOG_FLAGS =
WAST_TESTS = \
  examples/hello.wast \
  examples/tour.wast \
  examples/generator.wast \
  examples/scheduler.wast \
  examples/async.wast \
  examples/pingpong.wast \
  examples/state.wast \
  examples/exceptions.wast \
  %D%/core/stack-switching-syntax.wast \
  %D%/core/cont.wast \
  %D%/core/gc.wast \
  %D%/core/instance.wast \
  %D%/core/locals.wast \
  %D%/core/rec-types.wast \
  %D%/core/subtype-depth.wast \
  %D%/core/syntax.wast \
  %D%/core/text-errors.wast \
  %D%/core/trap-messages.wast \
  %D%/core/validation.wast
# The stack-switching conformance suite: one file per rule group of the
# Explainer (test/continuations/README.md).  Its tools (coverage, mutants,
# other engines) are run by hand, never by make check.
CONT_TESTS = \
  %D%/continuations/binary-format.wast \
  %D%/continuations/continuation-lifetime.wast \
  %D%/continuations/exhaustion.wast \
  %D%/continuations/handler-contexts.wast \
  %D%/continuations/linking.wast \
  %D%/continuations/reduction-cont.bind.wast \
  %D%/continuations/reduction-cont.new.wast \
  %D%/continuations/reduction-resume.wast \
  %D%/continuations/reduction-resume_throw.wast \
  %D%/continuations/reduction-suspend.wast \
  %D%/continuations/reduction-switch.wast \
  %D%/continuations/store.wast \
  %D%/continuations/tags.wast \
  %D%/continuations/text-format.wast \
  %D%/continuations/types.wast \
  %D%/continuations/validation-casts.wast \
  %D%/continuations/validation-cont.bind.wast \
  %D%/continuations/validation-cont.new.wast \
  %D%/continuations/validation-resume.wast \
  %D%/continuations/validation-resume_throw.wast \
  %D%/continuations/validation-suspend.wast \
  %D%/continuations/validation-switch.wast \
  %D%/continuations/values-switch.wast \
  %D%/continuations/values.wast
WAST_TESTS += $(CONT_TESTS)
TESTS += $(WAST_TESTS)
EXTRA_DIST += $(WAST_TESTS) %D%/continuations/README.md %D%/continuations/lib.sh \
  %D%/continuations/coverage.sh %D%/continuations/mutants.sh %D%/continuations/engines.sh \
  %D%/continuations/engines.js

# --generate: its options, and 200 seeds' modules run to their ends.
TESTS += %D%/generate.sh
EXTRA_DIST += %D%/generate.sh

# The differential harness against V8 and Binaryen (run by hand: it needs
# them), and the engine bugs it found, reduced, each a script that says
# what the spec says (doc/engines.md); make check runs those here.
FOUND_TESTS = \
  %D%/fuzz/found/binaryen-accepts-invalid-on-null.wast \
  %D%/fuzz/found/binaryen-cont-bind-consumed.wast \
  %D%/fuzz/found/binaryen-cont-bind-drops-arguments.wast \
  %D%/fuzz/found/binaryen-resume_throw-bound-values.wast \
  %D%/fuzz/found/binaryen-resume_throw_ref-null-exnref.wast \
  %D%/fuzz/found/binaryen-switch-results.wast \
  %D%/fuzz/found/switch-ring.wast \
  %D%/fuzz/found/v8-heap-read-before-resume.wast \
  %D%/fuzz/found/v8-resume_throw_ref-operand-order.wast \
  %D%/fuzz/found/v8-switch-tag-unchecked.wast
WAST_TESTS += $(FOUND_TESTS)
EXTRA_DIST += %D%/fuzz/diff.sh %D%/fuzz/diff.cjs %D%/fuzz/v8.cjs
# diff.sh's missing tools and usage errors (it runs no engine).
TESTS += %D%/diff.sh
EXTRA_DIST += %D%/diff.sh

# The machine's limits: fuel, --timeout, heap and memory, backtraces.
TESTS += %D%/limits.sh
EXTRA_DIST += %D%/limits.sh

# Adversarial inputs, generated at test time, each bounded in CPU time and
# memory (/usr/bin/time); STRESS_CFLAGS tells it a stress build is slower.
AM_TESTS_ENVIRONMENT += STRESS_CFLAGS='$(STRESS_CFLAGS)'; export STRESS_CFLAGS;
TESTS += %D%/adversarial/run.sh
EXTRA_DIST += %D%/adversarial/run.sh %D%/adversarial/gen.sh

# --stats: exact figures of small programs, the same on a second run
# (STRESS_CFLAGS: a stress build's collector figures are not compared).
TESTS += %D%/stats.sh
EXTRA_DIST += %D%/stats.sh

# make bench: timings, never part of make check (bench/run.sh).
EXTRA_DIST += bench/run.sh bench/loop_10m.wast bench/tail_10m.wast bench/gc_churn.wast \
  bench/cont_deep_yield.wast
bench: wasmfx-ref
	top_srcdir='$(top_srcdir)' $(SHELL) $(top_srcdir)/bench/run.sh
.PHONY: bench
CLEANFILES += bench.last

# --trace and --trace=control: golden traces of the examples (doc/trace.md).
TESTS += %D%/trace.sh
EXTRA_DIST += %D%/trace.sh %D%/trace/generator.control %D%/trace/scheduler.control \
  %D%/trace/async.control %D%/trace/pingpong.control %D%/trace/state.control \
  %D%/trace/exceptions.control %D%/trace/gen.steps %D%/trace/fac.steps \
  %D%/trace/generator-3.control

# WASI commands (interp/wasi.c): hand-written modules that call every
# function of wasi_snapshot_preview1, and a C program that clang builds
# for wasm32-wasi at test time (skipped if it cannot).
TESTS += %D%/wasi/run.sh %D%/wasi/c.sh
EXTRA_DIST += %D%/wasi/run.sh %D%/wasi/c.sh %D%/wasi/hello.c %D%/wasi/calls.wat \
  %D%/wasi/library.wat %D%/wasi/mistyped.wat %D%/wasi/no-memory.wat %D%/wasi/not-memory.wat \
  %D%/wasi/start-exit.wat %D%/wasi/start-only.wat %D%/wasi/start-type.wat \
  %D%/wasi/unknown-import.wat
CLEANFILES += %D%/wasi/hello.wasm
