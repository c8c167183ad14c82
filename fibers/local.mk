# Fibers in C (doc/fibers.md): fiber.h's programs built for wasm32-wasi
# twice, over WasmFX (fiber_wasmfx.c and fiber.wat) and over Asyncify
# (fiber_asyncify.c), when configure found the tools for it
# (FIBERS_WASMFX: clang for wasm32-wasi; FIBERS_ASYNCIFY: also wasm-opt
# with --asyncify).  They are built by make check, make bench or
# make fibers, not by make: compiling ten programs through wasm-opt takes
# a while, and wasmfx-ref does not need them.
FIBER_NAMES = api pipeline sched sieve fringe
EXTRA_DIST += %D%/fiber.h %D%/fiber_impl.h %D%/fiber_wasmfx.c %D%/fiber.wat %D%/fiber_asyncify.c \
  $(FIBER_NAMES:%=%D%/%.c) %D%/check.test %D%/check.expected %D%/node-run.mjs \
  doc/fibers.md doc/fibers.svg doc/fibers.tsv

# make check: fibers/check.test, which exits 77 (skipped) when the programs
# are not built, for Automake's plain driver (the TAP tests' cannot skip a
# whole script by its status).
TEST_EXTENSIONS += .test
TEST_LOG_DRIVER = $(SHELL) $(top_srcdir)/build-aux/test-driver
TESTS += %D%/check.test

# Both builds go through the same wasm-opt -O2 (if there is one: the
# WasmFX build does not need it), so that their sizes differ by what
# Asyncify adds alone.  -s: no names or DWARF (Debian's wasi-libc has it),
# whose bytes would swamp the code's.
FIBER_CFLAGS = --target=wasm32-wasi -O2 -s -Wall -Wextra
FIBER_OPTFLAGS = -O2
# clang makes $@.pre from $< and the implementation, which wasm-opt makes $@
fiber_wasmfx = $(AM_V_GEN)$(MKDIR_P) $(@D) && $(WASM_CC) $(FIBER_CFLAGS) -Wl,--import-table \
  -o $@.pre $< $(srcdir)/%D%/fiber_wasmfx.c && \
  { if test '$(WASM_OPT)' = no; then mv $@.pre $@; \
    else $(WASM_OPT) $(FIBER_OPTFLAGS) $@.pre -o $@ && rm -f $@.pre; fi; }
# ignore-imports: no WASI call can unwind, only fiber_yield's (fiber_asyncify.c)
fiber_asyncify = $(AM_V_GEN)$(MKDIR_P) $(@D) && $(WASM_CC) $(FIBER_CFLAGS) \
  -o $@.pre $< $(srcdir)/%D%/fiber_asyncify.c && \
  $(WASM_OPT) --asyncify --pass-arg=asyncify-ignore-imports $(FIBER_OPTFLAGS) $@.pre -o $@ && \
  rm -f $@.pre
fiber_wasmfx_deps = %D%/fiber_wasmfx.c %D%/fiber.h %D%/fiber_impl.h
fiber_asyncify_deps = %D%/fiber_asyncify.c %D%/fiber.h %D%/fiber_impl.h

FIBERS_BUILT =
if FIBERS_WASMFX
FIBERS_BUILT += %D%/fiber.wasm $(FIBER_NAMES:%=%D%/%-wasmfx.wasm)
if FIBERS_ASYNCIFY
FIBERS_BUILT += $(FIBER_NAMES:%=%D%/%-asyncify.wasm)
endif
endif
check_DATA = $(FIBERS_BUILT)
fibers: $(FIBERS_BUILT)
.PHONY: fibers
CLEANFILES += %D%/*.wasm %D%/*.pre

# fiber.wat in binary, for fibers/node-run.mjs (wasmfx-ref reads the text).
%D%/fiber.wasm: %D%/fiber.wat wasmfx-ref$(EXEEXT)
	$(AM_V_GEN)./wasmfx-ref$(EXEEXT) $(srcdir)/%D%/fiber.wat -o $@

%D%/api-wasmfx.wasm: %D%/api.c $(fiber_wasmfx_deps)
	$(fiber_wasmfx)
%D%/pipeline-wasmfx.wasm: %D%/pipeline.c $(fiber_wasmfx_deps)
	$(fiber_wasmfx)
%D%/sched-wasmfx.wasm: %D%/sched.c $(fiber_wasmfx_deps)
	$(fiber_wasmfx)
%D%/sieve-wasmfx.wasm: %D%/sieve.c $(fiber_wasmfx_deps)
	$(fiber_wasmfx)
%D%/fringe-wasmfx.wasm: %D%/fringe.c $(fiber_wasmfx_deps)
	$(fiber_wasmfx)
%D%/api-asyncify.wasm: %D%/api.c $(fiber_asyncify_deps)
	$(fiber_asyncify)
%D%/pipeline-asyncify.wasm: %D%/pipeline.c $(fiber_asyncify_deps)
	$(fiber_asyncify)
%D%/sched-asyncify.wasm: %D%/sched.c $(fiber_asyncify_deps)
	$(fiber_asyncify)
%D%/sieve-asyncify.wasm: %D%/sieve.c $(fiber_asyncify_deps)
	$(fiber_asyncify)
%D%/fringe-asyncify.wasm: %D%/fringe.c $(fiber_asyncify_deps)
	$(fiber_asyncify)

# make bench (test/local.mk) runs bench/fibers.sh too, from bench/run.sh.
bench: $(FIBERS_BUILT)
EXTRA_DIST += bench/fibers.sh bench/fibers-plot.py
CLEANFILES += bench-fibers.tsv bench-fibers.svg
