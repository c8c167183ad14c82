libwasm_la_SOURCES += %D%/binary.h %D%/messages.h
libexhaustive_la_SOURCES += %D%/decode.c %D%/encode.c
