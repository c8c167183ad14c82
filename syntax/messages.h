/* The abstract syntax's messages (see util/messages.h): this interpreter's
 * limits on the size of a module (syntax/limits.h), which the text parser
 * and the binary decoder both report.  One wording for all: what, how many
 * the module has, and the limit. */
#ifndef SYNTAX_MESSAGES_H
#define SYNTAX_MESSAGES_H

#include "util/messages.h"

#define EXHAUSTION_MODULE_SIZE "module too large: %llu bytes is beyond this implementation's limit of %llu"
#define EXHAUSTION_TYPES "too many types: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_REC_GROUPS "too many recursion groups: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_FUNCS "too many functions: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_IMPORTS "too many imports: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_EXPORTS "too many exports: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_GLOBALS "too many globals: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_TAGS "too many tags: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_DATAS "too many data segments: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_ELEMS "too many element segments: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_TABLES "too many tables: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_MEMS "too many memories: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_PARAMS "too many parameters: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_RESULTS "too many results: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_BODY_SIZE "function body too large: %llu bytes is beyond this implementation's limit of %llu"
#define EXHAUSTION_LOCALS "too many locals: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_FIELDS "too many struct fields: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_FIXED "too many operands of array.new_fixed: %llu is beyond this implementation's limit of %llu"
#define EXHAUSTION_NESTING "nesting too deep: depth %llu is beyond this implementation's limit of %llu"

#endif
