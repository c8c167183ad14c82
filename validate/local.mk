libwasm_la_SOURCES += \
  %D%/context.h \
  %D%/instr.c \
  %D%/messages.h \
  %D%/module.c \
  %D%/types.c \
  %D%/validate.h
