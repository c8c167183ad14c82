/* The binary decoder's messages (see util/messages.h): the suite's
 * assert_malformed strings for modules in binary.  The limits on a
 * module's size are syntax/messages.h's. */
#ifndef BINARY_MESSAGES_H
#define BINARY_MESSAGES_H

#include "util/messages.h"

/* 5.1-binary.values */
#define MALFORMED_UNEXPECTED_END "unexpected end"
#define MALFORMED_UNEXPECTED_END_SECTION "unexpected end of section or function"
#define MALFORMED_INT_TOO_LONG "integer representation too long"
#define MALFORMED_INT_TOO_LARGE "integer too large"
#define MALFORMED_LENGTH "length out of bounds"
#define MALFORMED_UTF8 "malformed UTF-8 encoding"

/* 5.2-binary.types */
#define MALFORMED_HEAP_TYPE "malformed heap type"
#define MALFORMED_REF_TYPE "malformed reference type"
#define MALFORMED_MUTABILITY "malformed mutability"
#define MALFORMED_STORAGE_TYPE "malformed storage type"
#define MALFORMED_DEF_TYPE "malformed definition type"
#define MALFORMED_LIMITS "malformed limits flags"

/* 5.3-binary.instructions */
#define MALFORMED_ZERO_BYTE "zero byte expected"
#define MALFORMED_BLOCK_TYPE "malformed block type"
#define MALFORMED_CATCH "malformed catch clause"
#define MALFORMED_ON "ON opcode expected"
#define MALFORMED_MEMOP "malformed memop flags"
#define MALFORMED_CAST "malformed cast flags"
#define MALFORMED_OPCODE "illegal opcode"
#define MALFORMED_OPCODE_1 "illegal opcode %02x"         /* the byte */
#define MALFORMED_OPCODE_2 "illegal opcode %02x %x"      /* prefix, then the u32 */
#define MALFORMED_END "END opcode expected"

/* 5.4-binary.modules */
#define MALFORMED_IMPORT_KIND "malformed import kind"
#define MALFORMED_EXPORT_KIND "malformed export kind"
#define MALFORMED_ELEM_KIND "malformed element kind"
#define MALFORMED_ELEM_SEGMENT "malformed elements segment kind"
#define MALFORMED_DATA_SEGMENT "malformed data segment kind"
#define MALFORMED_TOO_MANY_LOCALS "too many locals"
#define MALFORMED_SECTION_SIZE "section size mismatch"
#define MALFORMED_SECTION_ID "malformed section id"
#define MALFORMED_AFTER_LAST_SECTION "unexpected content after last section"
#define MALFORMED_MAGIC "magic header not detected"
#define MALFORMED_VERSION "unknown binary version"
#define MALFORMED_FUNC_CODE "function and code section have inconsistent lengths"
#define MALFORMED_DATA_COUNT "data count and data section have inconsistent lengths"
#define MALFORMED_DATA_COUNT_REQUIRED "data count section required"

#endif
