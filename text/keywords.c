/* Input to the C preprocessor, not compiled: it expands syntax/instr.def into
 * the re2c rules that recognise instruction keywords (text/instrs.re, a
 * build product included by text/lexer.re).  One row of the instruction
 * table gives one rule, so the lexer never lists an opcode itself. */
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results) \
  mnemonic { return instr_token(l, t, OP_##id); }
#include "syntax/instr.def"
