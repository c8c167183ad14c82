/* The validator's messages (see util/messages.h): the suite's
 * assert_invalid strings, and those of our own bugs.  Most are a
 * "type mismatch"; where the suite expects only that beginning, the rest
 * says which rule failed. */
#ifndef VALIDATE_MESSAGES_H
#define VALIDATE_MESSAGES_H

#include "util/messages.h"

/* Indices (C.TYPES[x] etc.) */
#define INVALID_UNKNOWN_TYPE "unknown type %u"
#define INVALID_UNKNOWN_FUNC "unknown function %u"
#define INVALID_UNKNOWN_TABLE "unknown table %u"
#define INVALID_UNKNOWN_MEMORY "unknown memory %u"
#define INVALID_UNKNOWN_GLOBAL "unknown global %u"
#define INVALID_UNKNOWN_ELEM "unknown elem segment %u"
#define INVALID_UNKNOWN_DATA "unknown data segment %u"
#define INVALID_UNKNOWN_TAG "unknown tag %u"
#define INVALID_UNKNOWN_LOCAL "unknown local %u"
#define INVALID_UNKNOWN_LABEL "unknown label %u"
#define INVALID_UNKNOWN_FIELD "unknown field %u"
#define INVALID_UNKNOWN_EXPORT "unknown %s %u"           /* extern kind, index */

/* 2.1-validation.types */
#define INVALID_NOT_FUNC "non-function type %u"
#define INVALID_NOT_CONT "non-continuation type %u"
#define INVALID_NOT_STRUCT "type mismatch: type %u is not a struct type"
#define INVALID_NOT_ARRAY "type mismatch: type %u is not an array type"
#define INVALID_CONT_FEATURE "unknown type: continuation types need stack switching"
#define INVALID_SUPER_COUNT "sub type %u has more than one super type"
#define INVALID_SUPER_FORWARD "forward use of type %u in sub type definition"
#define INVALID_SUPER_FINAL "sub type %u has final super type %u"
#define INVALID_SUPER_MATCH "sub type %u does not match super type %u"
/* a resource exhaustion: an implementation limit, not the spec's */
#define EXHAUSTION_SUBTYPE_DEPTH "subtype depth %u is beyond this implementation's limit of %u"
#define INVALID_LIMIT "%s size must be at most %llu"       /* memory or table, the bound */
#define INVALID_LIMITS "size minimum must not be greater than maximum"
#define INVALID_TAG_RESULT "non-empty tag result type"

/* 2.2-validation.instructions: the operand stack */
#define INVALID_TYPE_MISMATCH "type mismatch"
#define INVALID_STACK "type mismatch: %s requires [%s] but stack has [%s]"   /* instruction or block */
#define INVALID_STACK_EMPTY "type mismatch: instruction requires a value but stack has []"
#define INVALID_NOT_REF "type mismatch: instruction requires a reference"
#define INVALID_RESULTS "type mismatch: the callee's results do not match the caller's"
#define INVALID_SELECT "type mismatch: select without types needs two numbers or vectors of one type"
#define INVALID_SELECT_ARITY "invalid result arity"

/* Control */
#define INVALID_ELSE "else without if"
#define INVALID_IF "type mismatch: if without else must not change the stack's type"
#define INVALID_BR_TABLE "type mismatch: br_table targets have different arities"
#define INVALID_BR_ON_NON_NULL "type mismatch: br_on_non_null's label takes no reference"
#define INVALID_CATCH_RESULTS "type mismatch: catching a tag with results"
#define INVALID_CATCH_LABEL "type mismatch: catch's values do not match its label"
#define INVALID_CALL_INDIRECT "type mismatch: call_indirect needs a table of functions"
#define INVALID_FUNC_REF "undeclared function reference"

/* References and casts */
#define INVALID_CAST "invalid cast"
#define INVALID_CAST_SUBTYPE "type mismatch: cast type is not a subtype of the operand type"
#define INVALID_CAST_LABEL "type mismatch: the label takes no reference"

/* Aggregates */
#define INVALID_FIELD_DEFAULT "field type is not defaultable"
#define INVALID_PACKED "type mismatch: packed field needs struct.get_s or _u"
#define INVALID_UNPACKED "type mismatch: struct.get_s and _u need a packed field"
#define INVALID_IMMUTABLE_FIELD "immutable field"
#define INVALID_IMMUTABLE_ARRAY "immutable array"
#define INVALID_ARRAY_NUMERIC "array type is not numeric or vector"
#define INVALID_ARRAY_DEFAULT "array type is not defaultable"
#define INVALID_ARRAY_ELEM "type mismatch: element segment does not match the array"
#define INVALID_ARRAY_SIGN "type mismatch: array.get's sign does not match the element type"
#define INVALID_ARRAY_COPY "array types do not match"

/* Variables, tables, memories */
#define INVALID_UNINITIALIZED "uninitialized local"
#define INVALID_IMMUTABLE_GLOBAL "immutable global"
#define INVALID_TABLE_COPY "type mismatch: table element types do not match"
#define INVALID_TABLE_ELEM "type mismatch: element segment does not match the table"
#define INVALID_ALIGNMENT "alignment must not be larger than natural"
#define INVALID_OFFSET "offset out of range"
#define INVALID_LANE "invalid lane index"

/* Stack switching (the Explainer's typing rules) */
#define INVALID_SWITCH_TAG "type mismatch in switch tag"
#define INVALID_SWITCH_CONT "type mismatch: switch's continuation must take a continuation"
#define INVALID_HANDLER_LABEL "type mismatch: instruction requires concrete continuation reference type but label has [%s]"
#define INVALID_HANDLER_PARAMS "type mismatch: the tag's parameters do not match the handler's label"
#define INVALID_HANDLER_CONT "type mismatch: the handler's continuation type does not match"
#define INVALID_BIND_COUNT "type mismatch: cont.bind binds more parameters than there are"
#define INVALID_BIND_TYPES "type mismatch: cont.bind's continuation types do not match"

/* 2.4-validation.modules */
#define INVALID_CONSTANT "constant expression required"
#define INVALID_ELEM_TABLE "type mismatch: element segment does not match its table"
#define INVALID_START "start function must take nothing and return nothing"
#define INVALID_DUPLICATE_EXPORT "duplicate export name"

/* Our own bugs: code that reaches them is a bug of the validator */
#define INTERNAL_NO_RULE "internal error: instruction without a typing rule"
#define INTERNAL_AFTER_END "internal error: code after the end"
#define INTERNAL_NO_END "internal error: expression without end"

#endif
