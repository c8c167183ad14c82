libwasm_la_SOURCES += \
  %D%/build.c %D%/build.h \
  %D%/build_script.c \
  %D%/clauses.def \
  %D%/lexer.h \
  %D%/messages.h \
  %D%/number.c %D%/number.h \
  %D%/parse.c %D%/parse.h \
  %D%/text.h
libexhaustive_la_SOURCES += %D%/print.c %D%/resolve.c

# The lexer and parser are generated; the lemon template trips a few
# warnings, so they are compiled on their own with those turned off, and
# their objects join libwasm.la.
noinst_LTLIBRARIES += libwatgen.la
libwasm_la_LIBADD += libwatgen.la
nodist_libwatgen_la_SOURCES = %D%/lexer.c %D%/parser.c %D%/parser.h
libwatgen_la_CFLAGS = $(AM_CFLAGS) $(VISIBILITY_CFLAGS) -shared -Wno-missing-prototypes -Wno-unused-parameter -Wno-unused-variable -Wno-implicit-fallthrough
BUILT_SOURCES += %D%/parser.h
CLEANFILES += %D%/lexer.c %D%/parser.c %D%/parser.h %D%/parser.out %D%/instrs.re
EXTRA_DIST += %D%/lexer.re %D%/parser.y %D%/keywords.c

# The instruction keywords of the lexer, one re2c rule per row of
# syntax/instr.def, made by the preprocessor from text/keywords.c.
%D%/instrs.re: %D%/keywords.c $(top_srcdir)/syntax/instr.def $(top_srcdir)/syntax/instr_memarg.def \
  $(top_srcdir)/syntax/instr_numeric.def $(top_srcdir)/syntax/instr_vector.def
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(CPP) -P -I$(top_srcdir) $(srcdir)/%D%/keywords.c > $@
%D%/lexer.c: %D%/lexer.re %D%/instrs.re %D%/parser.h
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(RE2C) -W -c --no-generation-date -I $(@D) -o $@ $(srcdir)/%D%/lexer.re
%D%/parser.c %D%/parser.h: %D%/parser.y
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(LEMON) -q -d$(@D) $(srcdir)/%D%/parser.y \
	  && touch $(@D)/parser.c $(@D)/parser.h
