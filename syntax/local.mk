libwasm_la_SOURCES += \
  %D%/ast.c %D%/ast.h \
  %D%/instr.def \
  %D%/shapes.def \
  %D%/script.c %D%/script.h \
  %D%/types.c %D%/types.h
