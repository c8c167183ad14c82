libwasm_a_SOURCES += \
  %D%/binary.h \
  %D%/decode.c \
  %D%/encode.c
