noinst_LIBRARIES += libwasm.a
libwasm_a_SOURCES = \
  %D%/arena.c %D%/arena.h \
  %D%/buf.c %D%/buf.h \
  %D%/error.c %D%/error.h \
  %D%/leb128.c %D%/leb128.h \
  %D%/mem.c %D%/mem.h \
  %D%/utf8.c %D%/utf8.h
