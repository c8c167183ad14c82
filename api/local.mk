# libwasmfx: the interpreter as a library for programs that link it
# (doc/api.md).  Installed: wasmfx.h, a shared and a static library, and
# wasmfx-ref.pc.  Only the API's symbols are visible: everything is
# compiled with hidden visibility but what api/wasmfx.h marks WASMFX_API.
lib_LTLIBRARIES += libwasmfx.la
libwasmfx_la_SOURCES = %D%/wasmfx.c %D%/wasmfx.h %D%/messages.h
libwasmfx_la_CFLAGS = $(AM_CFLAGS) $(VISIBILITY_CFLAGS)
libwasmfx_la_LIBADD = libwasm.la
libwasmfx_la_LDFLAGS = -version-info 0:0:0 -no-undefined
include_HEADERS += %D%/wasmfx.h
pkgconfig_DATA += %D%/wasmfx-ref.pc
EXTRA_DIST += %D%/wasmfx-ref.pc.in %D%/localize.sh doc/api.md

# Hidden symbols are only hidden from the dynamic linker: in an archive
# they stay global and can clash with the program's own.  So the static
# library becomes one relocatable object, pre-linked with ld -r, whose
# hidden symbols objcopy makes local; the stamp records that it is done.
all-local: %D%/static.stamp
%D%/static.stamp: libwasmfx.la %D%/localize.sh
	$(AM_V_GEN)LD='$(LD)' OBJCOPY='$(OBJCOPY)' AR='$(AR)' RANLIB='$(RANLIB)' \
	  $(SHELL) $(srcdir)/%D%/localize.sh .libs/libwasmfx.a %D%/libwasmfx-all.o && touch $@
CLEANFILES += %D%/static.stamp %D%/libwasmfx-all.o

# Its tests: the API's unit test, examples/embed.c built against the header
# alone (test/library.sh), and against an installed copy found by
# pkg-config, linked shared and static (test/install.sh).
check_PROGRAMS += test/unit/check_api examples/embed
test_unit_check_api_CPPFLAGS = -I$(top_srcdir)/api
test_unit_check_api_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
test_unit_check_api_LDADD = libwasmfx.la $(CHECK_LIBS)
examples_embed_CPPFLAGS = -I$(top_srcdir)/api
examples_embed_LDADD = libwasmfx.la
TESTS += test/unit/check_api test/library.sh test/install.sh
EXTRA_DIST += test/library.sh test/install.sh test/embed-expect.sh
