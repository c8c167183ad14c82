libwasm_la_SOURCES += \
  %D%/ast.h \
  %D%/instr.def %D%/instr_memarg.def %D%/instr_numeric.def %D%/instr_vector.def \
  %D%/shapes.def \
  %D%/limits.c %D%/limits.h %D%/messages.h \
  %D%/script.c %D%/script.h \
  %D%/types.c %D%/types.h

# The files that dispatch on an instruction's shape (syntax/shapes.def) or
# opcode: compiled with -Wswitch-enum, so a switch over Shape or Op that
# leaves out one is a warning even with a default (an error with --enable-werror),
# and their objects join libwasm.la.  The other folders add theirs.
noinst_LTLIBRARIES += libexhaustive.la
libwasm_la_LIBADD += libexhaustive.la
libexhaustive_la_CFLAGS = $(AM_CFLAGS) $(VISIBILITY_CFLAGS) -shared -Wswitch-enum
libexhaustive_la_SOURCES = %D%/ast.c
