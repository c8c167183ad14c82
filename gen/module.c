/* The generator's module and functions: the text is written as it is
 * chosen, declarations and functions in two buffers joined at the end. */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "gen/emit.h"

static const char *const vt_texts[VT_COUNT] = {"i32", "i64", "f32", "f64", "(ref null i31)",
                                               "(ref null $box)", "v128"};
static const char *const vt_names[VT_COUNT] = {"i32", "i64", "f32", "f64", "i31", "box", "v128"};

const char *vt_text(VT t)
{
  return vt_texts[t];
}

const char *vt_name(VT t)
{
  return vt_names[t];
}

uint32_t pick(Gen *g, uint32_t n)
{
  return choose(g->c, n);
}

bool one_in(Gen *g, uint32_t n)
{
  return choose(g->c, n) == 0;
}

VT random_vt(Gen *g, bool numeric)
{
  return (VT)pick(g, numeric ? VT_NUMERIC : VT_COUNT);
}

Tuple random_tuple(Gen *g, unsigned max)
{
  Tuple t = {.n = (uint8_t)pick(g, max + 1)};
  for (unsigned i = 0; i < t.n; i++)
    t.t[i] = (uint8_t)random_vt(g, false);
  return t;
}

void put_types(Buf *b, const Tuple *t)
{
  for (unsigned i = 0; i < t->n; i++)
    buf_printf(b, "%s%s", i ? " " : "", vt_text((VT)t->t[i]));
}

void put_params(Buf *b, const char *kw, const Tuple *t)
{
  if (!t->n)
    return;
  buf_printf(b, " (%s ", kw);
  put_types(b, t);
  buf_putc(b, ')');
}

void fn_start(Fn *f, Gen *g, const char *name, const char *rest)
{
  *f = (Fn){.g = g, .indent = 2};
  buf_init(&f->head);
  buf_init(&f->locals);
  buf_init(&f->body);
  buf_printf(&f->head, "  (func $%s%s\n", name, rest);
}

uint32_t fn_local(Fn *f, const char *type)
{
  uint32_t n = f->labels++;   /* one counter names locals and labels alike */
  buf_printf(&f->locals, "    (local $v%u %s)\n", n, type);
  return n;
}

uint32_t fn_label(Fn *f)
{
  return f->labels++;
}

/* Appends what `in` holds (nothing if it is empty, and has no data). */
static void append(Buf *out, const Buf *in)
{
  if (in->len)
    buf_put(out, in->data, in->len);
  out->failed |= in->failed;
}

/* The scratch locals, and the non-null ones set first if used. */
void fn_finish(Fn *f)
{
  Buf *out = &f->g->funcs;
  append(out, &f->head);
  for (int t = 0; t < VT_COUNT; t++)
    buf_printf(out, "    (local $x_%s %s)\n", vt_name((VT)t), vt_text((VT)t));
  if (f->uses_s)
    buf_puts(out, "    (local $s (ref $box))\n");
  if (f->uses_a)
    buf_puts(out, "    (local $a (ref $arr))\n");
  append(out, &f->locals);
  if (f->uses_s)
    buf_puts(out, "    (local.set $s (struct.new $box (i32.const 7)))\n");
  if (f->uses_a)
    buf_puts(out, "    (local.set $a (array.new $arr (i32.const 3) (i32.const 8)))\n");
  append(out, &f->body);
  buf_puts(out, "  )\n");
  buf_free(&f->head);
  buf_free(&f->locals);
  buf_free(&f->body);
}

void ind(Fn *f)
{
  for (int i = 0; i < f->indent; i++)
    buf_puts(&f->body, "  ");
}

/* Formatted text into the body; the generator's pieces are short, and a
 * longer one would be a bug: it marks the body failed. */
static void vput(Fn *f, const char *fmt, va_list ap)
{
  char text[512];
  int n = vsnprintf(text, sizeof text, fmt, ap);
  if (n < 0 || (size_t)n >= sizeof text)
    f->body.failed = true;
  else
    buf_put(&f->body, text, (size_t)n);
}

void put(Fn *f, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vput(f, fmt, ap);
  va_end(ap);
}

void line(Fn *f, const char *fmt, ...)
{
  ind(f);
  va_list ap;
  va_start(ap, fmt);
  vput(f, fmt, ap);
  va_end(ap);
  buf_putc(&f->body, '\n');
}

/* A module: the prelude, then patterns, the first always one with
 * continuations; a plain function now and then among the others. */
void gen_module(Choices *c, uint32_t size, Buf *out)
{
  Gen g = {.c = c, .size = size ? size : 1};
  buf_init(&g.decls);
  buf_init(&g.funcs);
  plain_prelude(&g);
  uint32_t patterns = 1 + pick(&g, g.size / 3 + 1);
  for (uint32_t i = 0; i < patterns; i++) {
    char name[16];
    snprintf(name, sizeof name, "p%u", i);
    if (i > 0 && one_in(&g, 5))
      plain_pattern(&g, name);
    else
      cont_pattern(&g, name);
    g.npat++;
  }
  buf_puts(out, "(module\n");
  append(out, &g.decls);
  append(out, &g.funcs);
  buf_puts(out, ")\n");
  buf_free(&g.decls);
  buf_free(&g.funcs);
}

void gen_seed(uint64_t seed, uint32_t size, Buf *out)
{
  Choices c;
  choices_seed(&c, seed);
  gen_module(&c, size, out);
}
