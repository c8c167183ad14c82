libwasm_la_SOURCES += \
  %D%/run.c %D%/run.h %D%/show.c %D%/show.h %D%/json.c %D%/json.h

bin_PROGRAMS += wasmfx-ref
wasmfx_ref_SOURCES = %D%/main.c
wasmfx_ref_LDADD = libwasm.la
