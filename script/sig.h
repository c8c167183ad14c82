/* -s: a module's signature, its imports and exports with their types, in
 * the notation of the official interpreter's `-s`. */
#ifndef SCRIPT_SIG_H
#define SCRIPT_SIG_H

#include <stdio.h>

#include "syntax/ast.h"

/* module $id? :
 *   import "m" "n" : func func [i32] -> []
 *   export "f" : global (mut i64)                                        */
void print_module_sig(FILE *out, Name id, const Module *m);

#endif
