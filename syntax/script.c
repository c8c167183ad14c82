#include "syntax/script.h"

#include "util/mem.h"

void script_free(Script *s)
{
  if (!s)
    return;
  for (uint32_t i = 0; i < s->commands.len; i++)
    module_free(s->commands.data[i].module.module);
  arena_free(&s->arena);
  mem_free(s);
}

Loc script_loc(const Script *s, uint32_t at)
{
  Module view = {.file = s->file, .line_starts = s->line_starts, .nlines = s->nlines};
  return module_loc(&view, at);
}
