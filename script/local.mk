libwasm_la_SOURCES += \
  %D%/run.c %D%/run.h

bin_PROGRAMS += wasmfx-ref
wasmfx_ref_SOURCES = %D%/main.c
wasmfx_ref_LDADD = libwasm.la
