/* What became of each command of a script, and --json: one JSON object a
 * line per command and assertion (doc/json.md). */
#ifndef SCRIPT_JSON_H
#define SCRIPT_JSON_H

#include <stdio.h>

#include "interp/value.h"
#include "script/stats.h"
#include "syntax/script.h"
#include "util/buf.h"
#include "util/error.h"

typedef enum RecordOutcome {
  RECORD_DONE,     /* a command was carried out */
  RECORD_PASSED,   /* an assertion held */
  RECORD_FAILED,   /* an assertion did not */
  RECORD_ERROR,    /* a command (or a script's assertion) could not be carried out: the run stops */
  RECORD_SKIPPED   /* not run: -d, or assert_invalid's and -u's rules */
} RecordOutcome;

typedef struct Record {
  const Command *c;
  RecordOutcome outcome;
  Loc loc;                    /* where it is reported */
  char message[1024];         /* FAILED, ERROR: the message, without its position */
  const Error *err;           /* the error that came instead of values, if one did */
  const Buf *backtrace;       /* of a trap or an exception */
  const Value *values;        /* the values that came, n of them, of these types */
  const ValType *types;
  uint32_t n;
  const char *text;           /* --json: what it printed on stdout, text_len bytes */
  size_t text_len;
} Record;

/* Writes rec as one line of JSON on f. */
void json_record(FILE *f, const TypeStore *ts, const Script *s, const Record *rec);

/* Writes the summary of a script run as one line of JSON on f: its counts,
 * the phase of the error that stopped it (PHASE_NONE if none), and the exit
 * status it makes. */
void json_summary(FILE *f, const char *file, unsigned passed, unsigned failed, Phase fatal, int status);

/* A line a host module logged (--run-all-exports), as one line of JSON:
 * {"kind":"log","text":…}. */
void json_log(FILE *f, const char *text, size_t len);

/* The figures of --stats as one line of JSON on f: {"kind":"stats","of":
 * the invocation as a script writes it, or "total", then each figure by
 * its name in the text block ("steps.numeric" for a group's steps). */
void json_stats(FILE *f, const char *of, const Costs *c);

#endif
