/* --stats (script/stats.h): the figures of a run, counted by the store and
 * by its watcher, printed a block per invocation and one for the run. */

#include "script/stats.h"

#include <inttypes.h>
#include <string.h>

void costs_figures(const Costs *c, Figure out[FIGURES])
{
  const Figure figures[FIGURES] = {
    {"calls", c->calls},
    {"throws", c->throws},
    {"cont.new", c->cont_new},
    {"cont.bind", c->cont_bind},
    {"cont.resume", c->resumes},
    {"cont.suspend", c->suspends},
    {"cont.switch", c->switches},
    {"cont.returned", c->returned},
    {"cont.abandoned", c->abandoned},
    {"cont.chain", c->chain},
    {"stack.peak", c->stack_peak},
    {"gc.cycles", c->gc_cycles},
    {"heap.peak", c->heap_peak},
  };
  memcpy(out, figures, sizeof figures);
}

void stats_init(Stats *st)
{
  memset(st, 0, sizeof *st);
  instr_groups(st->group);
}

void stats_watch(Stats *st, Store *s, bool on)
{
  st->on = on;
  s->counts.op_steps = on ? st->op_steps : NULL;
}

void stats_event(void *stats, const Machine *M, const EvalEvent *ev)
{
  Costs *c = &((Stats *)stats)->now;
  (void)M;
  switch (ev->kind) {
  case EVENT_CALL: c->calls++; break;
  case EVENT_THROW: c->throws++; break;
  case EVENT_CONT_NEW: c->cont_new++; break;
  case EVENT_CONT_BIND: c->cont_bind++; break;
  case EVENT_RESUME: c->resumes++; break;
  case EVENT_SUSPEND: c->suspends++; break;
  case EVENT_SWITCH: c->switches++; break;
  case EVENT_PROMPT_END: c->returned++; break;
  case EVENT_INSTANTIATE: case EVENT_RETURN: case EVENT_CATCH: break;
  }
}

static uint64_t max_u64(uint64_t a, uint64_t b)
{
  return a > b ? a : b;
}

/* Adds a block's figures into another's: counts add up, peaks do not. */
static void costs_add(Costs *sum, const Costs *c)
{
  sum->steps += c->steps;
  for (int g = 0; g < GROUP_COUNT; g++)
    sum->groups[g] += c->groups[g];
  sum->calls += c->calls;
  sum->throws += c->throws;
  sum->cont_new += c->cont_new;
  sum->cont_bind += c->cont_bind;
  sum->resumes += c->resumes;
  sum->suspends += c->suspends;
  sum->switches += c->switches;
  sum->returned += c->returned;
  sum->abandoned += c->abandoned;
  sum->gc_cycles += c->gc_cycles;
  sum->chain = max_u64(sum->chain, c->chain);
  sum->stack_peak = max_u64(sum->stack_peak, c->stack_peak);
  sum->heap_peak = max_u64(sum->heap_peak, c->heap_peak);
}

void stats_take(Stats *st, Store *s, Costs *out)
{
  Costs c = st->now;
  for (int op = 0; op < OP_COUNT; op++)
    c.groups[st->group[op]] += st->op_steps[op];
  for (int g = 0; g < GROUP_COUNT; g++)
    c.steps += c.groups[g];
  memset(st->op_steps, 0, sizeof st->op_steps);
  StoreCounts *k = &s->counts;
  c.abandoned = k->abandoned;
  c.gc_cycles = k->gc_cycles;
  c.chain = k->chain_peak;
  c.stack_peak = max_u64(k->stack_peak, s->stack_bytes);   /* as it was, then as it is */
  c.heap_peak = max_u64(k->heap_peak, s->heap_bytes);      /* the heap grows between sweeps */
  k->abandoned = k->gc_cycles = 0;
  k->chain_peak = 0;
  k->stack_peak = s->stack_bytes;
  k->heap_peak = s->heap_bytes;
  costs_add(&st->total, &c);
  memset(&st->now, 0, sizeof st->now);
  if (out)
    *out = c;
}

void stats_print(FILE *f, const char *title, const Costs *c)
{
  fprintf(f, "stats %s:\n", title);
  fprintf(f, "  %-17s%" PRIu64 "\n", "steps", c->steps);
  for (int g = 0; g < GROUP_COUNT; g++)
    fprintf(f, "    %-15s%" PRIu64 "\n", instr_group_name[g], c->groups[g]);
  Figure fig[FIGURES];
  costs_figures(c, fig);
  for (int i = 0; i < FIGURES; i++)
    fprintf(f, "  %-17s%" PRIu64 "\n", fig[i].name, fig[i].value);
}
