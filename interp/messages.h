/* Messages of linking and instantiation, and of the store's limits (see
 * util/messages.h).  The machine's traps are still in interp/eval.c. */
#ifndef INTERP_MESSAGES_H
#define INTERP_MESSAGES_H

#include "util/messages.h"

/* 4.5-execution.modules: linking */
#define UNLINKABLE_UNKNOWN_IMPORT "unknown import \"%.*s\" \"%.*s\""   /* module, name */
#define UNLINKABLE_INCOMPATIBLE "incompatible import type"

/* The store's limits: reasons that follow "out of memory: " */
#define LIMIT_OUT_OF_MEMORY_BECAUSE LIMIT_OUT_OF_MEMORY ": %s"
#define LIMIT_HOST_MEMORY "the host cannot allocate more"
#define LIMIT_TABLE "a table of %llu entries is beyond the limit of %llu"
#define LIMIT_MEMORY "a memory of %llu pages is beyond the limit of %llu bytes for all memories (%llu in use)"

/* Our own bugs */
#define INTERNAL_UNVALIDATED_TYPE "type %u of an unvalidated module"

#endif
