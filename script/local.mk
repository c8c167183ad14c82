libwasm_la_SOURCES += \
  %D%/run.c %D%/run.h %D%/show.c %D%/show.h %D%/json.c %D%/json.h \
  %D%/files.c %D%/files.h %D%/messages.h \
  %D%/sig.c %D%/sig.h %D%/trace.c %D%/trace.h %D%/stats.c %D%/stats.h

bin_PROGRAMS += wasmfx-ref
wasmfx_ref_SOURCES = %D%/main.c %D%/repl.c %D%/repl.h %D%/direct.c %D%/direct.h
wasmfx_ref_CPPFLAGS = $(AM_CPPFLAGS) $(LIBEDIT_CFLAGS)
wasmfx_ref_LDADD = libwasm.la $(LIBEDIT_LIBS)

# -o script.js: the JS harness is kept as JavaScript and included in the
# converter as one C string per line.
libwasm_la_SOURCES += %D%/js.c %D%/js.h
BUILT_SOURCES += %D%/js_harness.inc
CLEANFILES += %D%/js_harness.inc
# BUILT_SOURCES only precede all and check: `make wasmfx-ref` alone (as
# test/continuations/lib.sh builds) needs the include made first too
# (a variable target: automake keeps its own rule for the object).
$(libwasm_la_OBJECTS): %D%/js_harness.inc
EXTRA_DIST += %D%/js_harness.js doc/js.md
%D%/js_harness.inc: %D%/js_harness.js
	$(AM_V_GEN)$(MKDIR_P) $(@D) && sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' \
	  -e 's/^/"/' -e 's/$$/\\n",/' $(srcdir)/%D%/js_harness.js > $@
EXTRA_DIST += doc/trace.md doc/tutorial.md
