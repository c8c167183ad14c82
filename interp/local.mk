libwasm_la_SOURCES += \
  %D%/control.h \
  %D%/describe.c %D%/describe.h \
  %D%/eval.h \
  %D%/fuzzing.c %D%/fuzzing.h \
  %D%/gc.c %D%/gc.h \
  %D%/host.c %D%/host.h \
  %D%/instantiate.c %D%/instantiate.h \
  %D%/machine.h \
  %D%/messages.h \
  %D%/num.c %D%/num.h %D%/numerics.h \
  %D%/simd.c %D%/simd.h \
  %D%/stack.c \
  %D%/store.c %D%/store.h \
  %D%/value.h \
  %D%/wasi.c %D%/wasi.h

# The reduction loop's dispatch and the rules it calls: every opcode has its
# case, checked by -Wswitch-enum (see syntax/local.mk).
libexhaustive_la_SOURCES += %D%/control.c %D%/eval.c
