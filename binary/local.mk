libwasm_la_SOURCES += \
  %D%/binary.h \
  %D%/decode.c \
  %D%/encode.c \
  %D%/messages.h
