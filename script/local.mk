libwasm_la_SOURCES += \
  %D%/run.c %D%/run.h %D%/show.c %D%/show.h %D%/json.c %D%/json.h \
  %D%/files.c %D%/files.h \
  %D%/sig.c %D%/sig.h

bin_PROGRAMS += wasmfx-ref
wasmfx_ref_SOURCES = %D%/main.c %D%/repl.c %D%/repl.h
wasmfx_ref_CPPFLAGS = $(AM_CPPFLAGS) $(LIBEDIT_CFLAGS)
wasmfx_ref_LDADD = libwasm.la $(LIBEDIT_LIBS)
