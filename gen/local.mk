# The generator of random modules built around stack switching, valid
# or with one type error (--generate [--invalid]; the unit test check_gen).
libwasm_la_SOURCES += \
  %D%/gen.h %D%/emit.h \
  %D%/choices.c %D%/module.c %D%/plain.c %D%/patterns.c %D%/mutate.c
