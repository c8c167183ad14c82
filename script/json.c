/* --json (doc/json.md). */

#include "script/json.h"

void json_record(FILE *f, const TypeStore *ts, const Script *s, const Record *rec)
{
  (void)f; (void)ts; (void)s; (void)rec;
}

void json_summary(FILE *f, const char *file, unsigned passed, unsigned failed, Phase fatal)
{
  (void)f; (void)file; (void)passed; (void)failed; (void)fatal;
}
