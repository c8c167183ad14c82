noinst_LIBRARIES += libwasm.a
libwasm_a_SOURCES = \
  %D%/arena.c %D%/arena.h \
  %D%/buf.c %D%/buf.h \
  %D%/error.c %D%/error.h \
  %D%/mem.c %D%/mem.h \
  %D%/utf8.c %D%/utf8.h
