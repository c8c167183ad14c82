/* The text format's messages (see util/messages.h): the suite's
 * assert_malformed strings for modules in text (`module quote`), and this
 * interpreter's limits on the text (those on a module's size are
 * syntax/messages.h's). */
#ifndef TEXT_MESSAGES_H
#define TEXT_MESSAGES_H

#include "util/messages.h"

/* 6.0-text.lexical */
#define MALFORMED_UTF8 "malformed UTF-8 encoding"
#define MALFORMED_ANNOTATION_UTF8 "malformed UTF-8"
#define MALFORMED_CHARACTER "illegal character"
#define MALFORMED_OPERATOR "unknown operator %.*s"
#define MALFORMED_ESCAPE "illegal escape"
#define MALFORMED_UNCLOSED_STRING "unclosed string"
#define MALFORMED_STRING_CONTROL "illegal control character in string"
#define MALFORMED_UNCLOSED_COMMENT "unclosed comment"
#define MALFORMED_UNCLOSED_ANNOTATION "unclosed annotation"
#define MALFORMED_EMPTY_ANNOTATION_ID "empty annotation id"
#define MALFORMED_EMPTY_ID "empty identifier"

/* 6.1-text.values */
#define MALFORMED_CONSTANT "constant out of range"
#define MALFORMED_I8_CONSTANT "i8 constant out of range"

/* The grammar (6.2-6.6, and script syntax) */
#define MALFORMED_END_OF_INPUT "unexpected end of input"
#define MALFORMED_TOKEN "unexpected token %.*s"
#define MALFORMED_PARAM_NAME "unexpected token: a parameter name here binds nothing"
#define MALFORMED_ALIGNMENT "alignment must be a power of two"
#define MALFORMED_LANE_COUNT "wrong number of lane literals"
#define MALFORMED_LANE_LENGTH "invalid lane length"
#define MALFORMED_LABEL "mismatching label"
#define MALFORMED_IMPORT_AFTER "import after %s"            /* a kind of definition */
#define MALFORMED_START "multiple start sections"

/* Identifiers (6.3-text.modules, identifier contexts) */
#define MALFORMED_DUPLICATE "duplicate %s $%.*s"             /* index space, name */
#define MALFORMED_DUPLICATE_FIELD "duplicate field %.*s"
#define MALFORMED_UNKNOWN "unknown %s $%.*s"                 /* index space, name */
#define MALFORMED_UNKNOWN_LABEL "unknown label %.*s"
#define MALFORMED_UNKNOWN_TYPE "unknown type %u"
#define MALFORMED_INLINE_TYPE "inline function type"

/* This interpreter's limits */
#define EXHAUSTION_MODULE_TEXT "module text too large"
#define EXHAUSTION_SCRIPT_TEXT "script too large"

#endif
