/* --trace and --trace=control (script/trace.h): interp/describe.c words
 * the lines, with this program's text format for instructions and values. */

#include "script/trace.h"

#include <inttypes.h>

#include "script/show.h"
#include "text/text.h"

static const EvalPrinter printer = {
  text_print_instr_named, show_const, text_print_index, text_print_handler, text_print_catch,
};

/* Prints a line unless the limit is reached; at the limit, says so once:
 * a trace of a long run must not fill the disk. */
static void put_line(Tracer *t, const Buf *b)
{
  if (t->limit && t->lines >= t->limit) {
    if (t->lines++ == t->limit)
      fprintf(*t->out, "trace: stopped after %" PRIu64 " lines (--trace-limit); the run goes on\n",
              t->limit);
    return;
  }
  t->lines++;
  fprintf(*t->out, "%.*s\n", (int)b->len, b->data);
}

/* One line before each reduction (interp/describe.h):
 *   2 frame{$fac} label label | i64.mul (fac.wat:7:9) | (i64.const 5) (i64.const 24) */
bool trace_step(void *tracer, const Machine *M, Error *err)
{
  Tracer *t = tracer;
  (void)err;
  if (t->limit && t->lines > t->limit)
    return true;
  Buf b;
  buf_init(&b);
  eval_describe(M, &printer, &b);
  put_line(t, &b);
  buf_free(&b);
  return true;
}

/* The event's line; among the steps of a full trace, only instantiation's. */
void trace_event(void *tracer, const Machine *M, const EvalEvent *ev)
{
  Tracer *t = tracer;
  if ((t->limit && t->lines > t->limit) || (t->mode == TRACE_STEPS && ev->kind != EVENT_INSTANTIATE)
      || (ev->kind == EVENT_RETURN && !ev->func))   /* a constant expression's value: no call */
    return;
  Buf b;
  buf_init(&b);
  eval_describe_event(M, ev, &printer, &b);
  put_line(t, &b);
  buf_free(&b);
}
