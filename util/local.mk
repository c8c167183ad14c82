# libwasm.la: the whole interpreter, a libtool convenience library that
# wasmfx-ref, the tests and libwasmfx (api/local.mk) link.  Compiled once,
# as position-independent code (libtool's -shared: the shared libwasmfx
# needs it, and the rest can use it), with every symbol hidden but the
# API's.
noinst_LTLIBRARIES += libwasm.la
libwasm_la_LIBADD =
libwasm_la_CFLAGS = $(AM_CFLAGS) $(VISIBILITY_CFLAGS) -shared
libwasm_la_SOURCES = \
  %D%/arena.c %D%/arena.h \
  %D%/buf.c %D%/buf.h \
  %D%/error.c %D%/error.h \
  %D%/hash.c %D%/hash.h \
  %D%/leb128.c %D%/leb128.h \
  %D%/mem.c %D%/mem.h \
  %D%/messages.h \
  %D%/utf8.c %D%/utf8.h
