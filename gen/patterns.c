/* The continuation patterns.  Each is a small group of functions behind one
 * export, with types, tags, globals and tables of its own (named after the
 * pattern, $p3_...), so that patterns compose by being put side by side:
 *
 *   nest    handlers nested 1 to 3 deep: a leaf generator suspends to the
 *           level that handles its tag, through the levels that do not
 *           (forwarding); each level loops resuming until the one below
 *           returns, keeps its continuation in a local, global, table or
 *           struct, creates it with cont.new and maybe a chain of
 *           cont.bind, may cancel it with resume_throw or resume_throw_ref,
 *           and may catch exceptions thrown below it (crossing prompts);
 *           a level may handle the host's imported tag $wasmtag instead
 *           of a tag of its own (a tag of another instance), and make
 *           enough garbage continuations for a collection while its own
 *           is suspended;
 *   switch  two continuations switching to each other, a counter passed
 *           along that ends the ring; the switch handler is the nearest
 *           prompt's, or the next one's (past a handler of another tag);
 *   sched   a round-robin scheduler of tasks kept in a table;
 *   deep    a function that runs itself, one level less deep, in a
 *           continuation under a handler, up to 5 levels: handlers nested
 *           as deep, each handling a suspension or suspending again to
 *           the level above (forwarding by hand);
 *   fault   an export that fails on purpose: a null or consumed
 *           continuation, a null function or exnref, a suspension or a
 *           switch that no handler takes.
 *
 * Termination: the only loops that do not count are those that resume a
 * continuation until it returns; what they resume is a leaf whose loop
 * counts to at most 4 (times at most 3 suspensions), or a level that only
 * loops on the level below, or a task that suspends id+1 times; deep's
 * recursion counts its depth down to 0, and each level suspends at most
 * once for each suspension it handles; a switch
 * ring passes a counter that decreases by one at each switch and stops at
 * 0.  Every continuation is resumed once, but for a rare deliberate second
 * resume (a trap), and fault's. */

#include <stdio.h>
#include <string.h>

#include "gen/emit.h"

enum { MAX_LEVELS = 3 };

/* ================================================================ Where a continuation is kept */

typedef enum Storage { ST_LOCAL, ST_GLOBAL, ST_TABLE, ST_STRUCT, ST_COUNT } Storage;

typedef struct Slot {
  Storage st;
  char type[32];    /* the continuation type, $p3_k1 */
  char place[32];   /* the global, table or holder struct type */
  uint32_t k;       /* the local that holds it (or passes it on) */
  uint32_t holder;  /* ST_STRUCT: the local holding the struct */
} Slot;

/* Declares where the continuation of type `type` is kept: a global, a
 * table of two (slot 1 used), or a struct's field; its locals. */
static void slot_make(Gen *g, Fn *f, Slot *s, Storage st, const char *type, const char *place)
{
  *s = (Slot){.st = st};
  snprintf(s->type, sizeof s->type, "%s", type);
  snprintf(s->place, sizeof s->place, "%s", place);
  char ref[48];
  snprintf(ref, sizeof ref, "(ref null %s)", type);
  s->k = fn_local(f, ref);
  switch (st) {
  case ST_GLOBAL:
    buf_printf(&g->decls, "  (global %s (mut %s) (ref.null %s))\n", place, ref, type);
    break;
  case ST_TABLE:
    buf_printf(&g->decls, "  (table %s 2 %s)\n", place, ref);
    break;
  case ST_STRUCT: {
    buf_printf(&g->decls, "  (type %s (struct (field (mut %s))))\n", place, ref);
    char holder[48];
    snprintf(holder, sizeof holder, "(ref null %s)", place);
    s->holder = fn_local(f, holder);
    line(f, "(local.set $v%u (struct.new %s (ref.null %s)))", s->holder, place, type);
    break;
  }
  default:
    break;
  }
}

/* The start of an instruction that stores the value that follows it. */
static void slot_store_open(Fn *f, const Slot *s)
{
  switch (s->st) {
  case ST_LOCAL: put(f, "(local.set $v%u", s->k); break;
  case ST_GLOBAL: put(f, "(global.set %s", s->place); break;
  case ST_TABLE: put(f, "(table.set %s (i32.const 1)", s->place); break;
  default: put(f, "(struct.set %s 0 (local.get $v%u)", s->place, s->holder); break;
  }
}

/* Lines that store the continuation on top of the stack. */
static void slot_store_top(Fn *f, const Slot *s)
{
  if (s->st == ST_LOCAL || s->st == ST_GLOBAL) {
    ind(f);
    slot_store_open(f, s);
    put(f, ")\n");
    return;
  }
  line(f, "(local.set $v%u)", s->k);
  ind(f);
  slot_store_open(f, s);
  put(f, " (local.get $v%u))\n", s->k);
}

/* The instruction that loads it. */
static void slot_load(Fn *f, const Slot *s)
{
  switch (s->st) {
  case ST_LOCAL: put(f, "(local.get $v%u)", s->k); break;
  case ST_GLOBAL: put(f, "(global.get %s)", s->place); break;
  case ST_TABLE: put(f, "(table.get %s (i32.const 1))", s->place); break;
  default: put(f, "(struct.get %s 0 (local.get $v%u))", s->place, s->holder); break;
  }
}

/* ================================================================ Shared pieces */

/* Logs a function's parameters, from local first up to first+n. */
static void log_params(Fn *f, const Tuple *t, unsigned first)
{
  for (unsigned i = 0; i < t->n; i++)
    line(f, "(call $log_%s (local.get %u))", vt_name((VT)t->t[i]), first + i);
}

/* A catching region: (block $out (block $caught (result X*) (try_table
 * (catch $x $caught) ...; catch_close ends it, taking X* off the stack. */
typedef struct Catch {
  bool on;
  uint32_t out, caught;
} Catch;

static Catch catch_open(Fn *f, bool on, const char *tag, const Tuple *x)
{
  Catch c = {.on = on};
  if (!on)
    return c;
  c.out = fn_label(f);
  c.caught = fn_label(f);
  line(f, "(block $l%u", c.out);
  f->indent++;
  ind(f);
  put(f, "(block $l%u", c.caught);
  Buf b;
  buf_init(&b);
  put_params(&b, "result", x);
  put(f, "%.*s\n", (int)b.len, b.data ? b.data : "");
  buf_free(&b);
  f->indent++;
  line(f, "(try_table (catch %s $l%u)", tag, c.caught);
  f->indent++;
  return c;
}

static void catch_close(Fn *f, const Catch *c, const Tuple *x)
{
  if (!c->on)
    return;
  f->indent--;
  line(f, ")");
  line(f, "(br $l%u)", c->out);
  f->indent--;
  line(f, ")");
  consume(f, x);
  f->indent--;
  line(f, ")");
}

/* Lines with one value of each of a tuple's types: a function's results. */
static void results(Fn *f, const Tuple *t)
{
  for (unsigned i = 0; i < t->n; i++) {
    ind(f);
    expr(f, (VT)t->t[i], 1);
    put(f, "\n");
  }
}

/* Starts a pattern's exported function, of no parameters and a result of
 * type t (none if t < 0). */
static void export_start(Fn *f, Gen *g, const char *name, int t)
{
  Buf rest;
  buf_init(&rest);
  buf_printf(&rest, " (export \"%s\")", name);
  if (t >= 0)
    buf_printf(&rest, " (result %s)", vt_text((VT)t));
  fn_start(f, g, name, rest.data);
  buf_free(&rest);
}

/* The export's result, if it has one. */
static void export_result(Fn *f, int t)
{
  if (t < 0)
    return;
  ind(f);
  expr(f, (VT)t, 0);
  put(f, "\n");
}

/* A tuple's types with " (param ...)" / " (result ...)" into a string. */
static void sig(char *out, size_t n, const Tuple *p1, const Tuple *p2, const Tuple *r)
{
  Buf b;
  buf_init(&b);
  if (p1->n || p2->n) {
    buf_puts(&b, " (param");
    for (unsigned i = 0; i < p1->n; i++)
      buf_printf(&b, " %s", vt_text((VT)p1->t[i]));
    for (unsigned i = 0; i < p2->n; i++)
      buf_printf(&b, " %s", vt_text((VT)p2->t[i]));
    buf_putc(&b, ')');
  }
  put_params(&b, "result", r);
  snprintf(out, n, "%.*s", (int)b.len, b.data ? b.data : "");
  buf_free(&b);
}

/* Declares a tag $<name> : [params] -> [results]. */
static void decl_tag(Gen *g, const char *name, const Tuple *params, const Tuple *results)
{
  Buf b;
  buf_init(&b);
  put_params(&b, "param", params);
  put_params(&b, "result", results);
  buf_printf(&g->decls, "  (tag $%s%.*s)\n", name, (int)b.len, b.data ? b.data : "");
  buf_free(&b);
}

/* Declares $<name>_<f> = func [p1 p2] -> [r] and $<name>_<k> = cont of it. */
static void decl_cont(Gen *g, const char *name, const char *f, const char *k, const Tuple *p1,
                      const Tuple *p2, const Tuple *r)
{
  char s[256];
  sig(s, sizeof s, p1, p2, r);
  buf_printf(&g->decls, "  (type $%s_%s (func%s))\n  (type $%s_%s (cont $%s_%s))\n", name, f, s,
             name, k, name, f);
}

/* The line opening a handler's block: (block $l<h> (result a* (ref k))),
 * the label a suspension with values a and continuation k goes to. */
static void handler_open(Fn *f, uint32_t h, const Tuple *a, const char *k)
{
  Buf b;
  buf_init(&b);
  put_types(&b, a);
  line(f, "(block $l%u (result %.*s%s(ref %s))", h, (int)b.len, b.data ? b.data : "",
       a->n ? " " : "", k);
  buf_free(&b);
}

/* A suspension to tag $<tag> with values of a; the results b taken off. */
static void suspend_line(Fn *f, const char *tag, const Tuple *a, const Tuple *b)
{
  ind(f);
  put(f, "(suspend $%s", tag);
  exprs(f, a);
  put(f, ")\n");
  consume(f, b);
}

/* The end of a counted loop $l<loop>: the counter $v<c> goes up by one, and
 * the loop goes on while it is below `bound` (text of an i32). */
static void count_up(Fn *f, uint32_t loop, uint32_t c, const char *bound)
{
  line(f, "(br_if $l%u (i32.lt_u (local.tee $v%u (i32.add (local.get $v%u) (i32.const 1))) %s))",
       loop, c, c, bound);
}

/* ================================================================ nest */

/* Level j (1 .. levels) runs level j-1's function in a continuation and
 * handles tag $P_t<j>.  Level j-1's function takes bound parameters `p`
 * (bound by cont.bind) and then the tag's results `b`, and returns `r`. */
typedef struct Level {
  char tag[40];      /* its tag, $P_t<j> or the imported $wasmtag, without the $ */
  Tuple a, b;        /* tag : [a] -> [b] */
  Tuple p, r;
  Storage st;
  bool chain;        /* bind p one value at a time (else all at once) */
  bool catches;      /* catches $P_x around its loop */
  unsigned cancel;   /* 0: none; 1: resume_throw; 2: resume_throw_ref */
  bool churn;        /* makes garbage continuations after the first suspension */
  uint32_t cancel_at;
} Level;

typedef struct Nest {
  const char *name;
  unsigned levels;
  Level lv[MAX_LEVELS + 1];   /* lv[1 .. levels] */
  Tuple x;                    /* the exception $P_x */
  int result;                 /* the export's result type, or -1 */
} Nest;

/* The continuation types of level j: $P_k<j>_<i> takes p[i..] then b; the
 * last, $P_k<j>_<|p|>, is the one the level resumes. */
static void nest_types(Gen *g, const Nest *n, unsigned j)
{
  const Level *l = &n->lv[j];
  for (unsigned i = 0; i <= l->p.n; i++) {
    Tuple rest = {.n = (uint8_t)(l->p.n - i)};
    for (unsigned k = i; k < l->p.n; k++)
      rest.t[k - i] = l->p.t[k];
    char s[256];
    sig(s, sizeof s, &rest, &l->b, &l->r);
    buf_printf(&g->decls, "  (type $%s_f%u_%u (func%s))\n", n->name, j, i, s);
    buf_printf(&g->decls, "  (type $%s_k%u_%u (cont $%s_f%u_%u))\n", n->name, j, i, n->name, j, i);
  }
  if (strcmp(l->tag, "wasmtag") != 0)
    decl_tag(g, l->tag, &l->a, &l->b);
}

/* The new continuation of level j: cont.new of level j-1's function, its
 * bound parameters given by a chain of cont.bind (one a link) or one. */
static void nest_create(Fn *f, const Nest *n, unsigned j)
{
  const Level *l = &n->lv[j];
  const char *P = n->name;
  unsigned links = l->p.n == 0 ? 0 : l->chain ? l->p.n : 1;
  /* outermost link first: it binds the last parameters */
  for (unsigned k = links; k-- > 0;) {
    unsigned from = l->chain ? k : 0, to = l->chain ? k + 1 : l->p.n;
    put(f, "\n");
    f->indent++;
    ind(f);
    put(f, "(cont.bind $%s_k%u_%u $%s_k%u_%u", P, j, from, P, j, to);
    for (unsigned i = from; i < to; i++) {
      put(f, " ");
      expr(f, (VT)l->p.t[i], 1);
    }
  }
  if (links) {
    put(f, "\n");
    f->indent++;
    ind(f);
  } else {
    put(f, " ");
  }
  put(f, "(cont.new $%s_k%u_0 (ref.func $%s_fn%u))", P, j, P, j - 1);
  for (unsigned k = 0; k < links; k++) {
    put(f, ")");
    f->indent--;
  }
  if (links)
    f->indent--;
}

/* Level j's cancellation: in round cancel_at, instead of resuming, it
 * raises $P_x at the leaf's suspension, with resume_throw or with an
 * exnref made by catching the exception once (resume_throw_ref). */
static void nest_cancel(Fn *f, const Nest *n, unsigned j, const Slot *s, uint32_t count,
                        uint32_t h, uint32_t done)
{
  const Level *l = &n->lv[j];
  const char *P = n->name;
  line(f, "(if (i32.eq (local.get $v%u) (i32.const %u))", count, l->cancel_at);
  line(f, "  (then");
  f->indent += 2;
  ind(f);
  if (l->cancel == 1) {
    put(f, "(resume_throw %s $%s_x (on $%s $l%u)", s->type, P, l->tag, h);
    exprs(f, &n->x);
  } else {
    uint32_t e = fn_label(f);
    put(f, "(resume_throw_ref %s (on $%s $l%u)\n", s->type, l->tag, h);
    line(f, "  (block $l%u (result exnref)", e);
    ind(f);
    put(f, "    (try_table (catch_all_ref $l%u) (throw $%s_x", e, P);
    exprs(f, &n->x);
    put(f, "))\n");
    line(f, "    (unreachable))");
    ind(f);
  }
  put(f, " ");
  slot_load(f, s);
  put(f, ")\n");
  consume(f, &l->r);
  line(f, "(br $l%u)))", done);
  f->indent -= 2;
}

/* Enough continuations, never resumed, to pass the collector's threshold
 * (wasmfx-ref's: 16 MiB since the last collection; some 430 bytes each). */
enum { CHURN = 50000 };

/* Level j's churn, in round 1: a collection at a cont.new while level
 * j-1's continuation is suspended, the live and the dead ones side by
 * side. */
static void nest_churn(Fn *f, const Nest *n, unsigned j, uint32_t count)
{
  uint32_t c = fn_local(f, "i32"), loop = fn_label(f);
  line(f, "(if (i32.eq (local.get $v%u) (i32.const 1))", count);
  line(f, "  (then");
  line(f, "    (local.set $v%u (i32.const %u))", c, (unsigned)CHURN);
  line(f, "    (loop $l%u", loop);
  line(f, "      (drop (cont.new $%s_k%u_0 (ref.func $%s_fn%u)))", n->name, j, n->name, j - 1);
  line(f, "      (br_if $l%u (local.tee $v%u (i32.sub (local.get $v%u) (i32.const 1)))))))", loop,
       c, c);
}

/* Level j's loop, in function f: resume until the continuation returns;
 * each suspension to $P_t<j> is handled and resumed again. */
static void nest_drive(Fn *f, const Nest *n, unsigned j, bool trap)
{
  const Level *l = &n->lv[j];
  const char *P = n->name;
  char type[32], place[32], tag[40], exn[40];
  snprintf(type, sizeof type, "$%s_k%u_%u", P, j, l->p.n);
  snprintf(place, sizeof place, "$%s_%c%u", P, "lgqh"[l->st], j);
  snprintf(tag, sizeof tag, "$%s", l->tag);
  snprintf(exn, sizeof exn, "$%s_x", P);
  Slot s;
  slot_make(f->g, f, &s, l->st, type, place);
  uint32_t count = fn_local(f, "i32");
  ind(f);
  slot_store_open(f, &s);
  nest_create(f, n, j);
  put(f, ")\n");
  uint32_t done = fn_label(f), loop = fn_label(f), h = fn_label(f);
  line(f, "(block $l%u", done);
  f->indent++;
  Catch c = catch_open(f, l->catches, exn, &n->x);
  line(f, "(loop $l%u", loop);
  f->indent++;
  handler_open(f, h, &l->a, type);
  f->indent++;
  if (l->cancel)
    nest_cancel(f, n, j, &s, count, h, done);
  ind(f);
  put(f, "(resume %s (on %s $l%u)", type, tag, h);
  exprs(f, &l->b);
  put(f, " ");
  slot_load(f, &s);
  put(f, ")\n");
  consume(f, &l->r);
  line(f, "(br $l%u))", done);
  f->indent--;
  slot_store_top(f, &s);
  consume(f, &l->a);
  line(f, "(local.set $v%u (i32.add (local.get $v%u) (i32.const 1)))", count, count);
  if (l->churn)
    nest_churn(f, n, j, count);
  filler(f);
  line(f, "(br $l%u))", loop);
  f->indent--;
  catch_close(f, &c, &n->x);
  f->indent--;
  line(f, ")");
  if (trap) {   /* resumed once more: "continuation already consumed" */
    ind(f);
    put(f, "(resume %s", type);
    exprs(f, &l->b);
    put(f, " ");
    slot_load(f, &s);
    put(f, ")\n");
    consume(f, &l->r);
  }
}

/* The leaf: a counted loop with one to three suspensions, each to one of
 * the levels' tags; it may throw $P_x, or catch it (a cancellation). */
static void nest_leaf(Gen *g, const Nest *n)
{
  const Level *l1 = &n->lv[1];
  const char *P = n->name;
  char name[32], s[256];
  snprintf(name, sizeof name, "%s_fn0", P);
  sig(s, sizeof s, &l1->p, &l1->b, &l1->r);
  Fn f;
  fn_start(&f, g, name, s);
  log_params(&f, &l1->p, 0);
  log_params(&f, &l1->b, l1->p.n);
  char exn[40];
  snprintf(exn, sizeof exn, "$%s_x", P);
  bool catches = one_in(g, 4);
  Catch c = catch_open(&f, catches, exn, &n->x);
  uint32_t i = fn_local(&f, "i32"), loop = fn_label(&f);
  line(&f, "(loop $l%u", loop);
  f.indent++;
  filler(&f);
  unsigned sites = 1 + pick(g, 3);
  for (unsigned k = 0; k < sites; k++) {
    unsigned j = 1 + pick(g, n->levels);
    suspend_line(&f, n->lv[j].tag, &n->lv[j].a, &n->lv[j].b);
  }
  if (!catches && one_in(g, 4)) {
    ind(&f);
    put(&f, "(if (i32.eq (local.get $v%u) (i32.const %u)) (then (throw %s", i, pick(g, 3), exn);
    exprs(&f, &n->x);
    put(&f, ")))\n");
  }
  char bound[24];
  snprintf(bound, sizeof bound, "(i32.const %u)", 1 + pick(g, 4));
  count_up(&f, loop, i, bound);
  f.indent--;
  line(&f, ")");
  catch_close(&f, &c, &n->x);
  results(&f, &l1->r);
  fn_finish(&f);
}

/* Level j's function (0 < j < levels): it logs what it is given, then
 * drives level j-1. */
static void nest_level(Gen *g, const Nest *n, unsigned j)
{
  const Level *up = &n->lv[j + 1];
  char name[32], s[256];
  snprintf(name, sizeof name, "%s_fn%u", n->name, j);
  sig(s, sizeof s, &up->p, &up->b, &up->r);
  Fn f;
  fn_start(&f, g, name, s);
  log_params(&f, &up->p, 0);
  log_params(&f, &up->b, up->p.n);
  filler(&f);
  nest_drive(&f, n, j, false);
  results(&f, &up->r);
  fn_finish(&f);
}

static void nest_pattern(Gen *g, const char *name)
{
  Nest n = {.name = name, .levels = 1 + pick(g, MAX_LEVELS), .x = random_tuple(g, 2)};
  n.result = one_in(g, 3) ? -1 : (int)random_vt(g, true);
  for (unsigned j = 1; j <= n.levels; j++) {
    Level *l = &n.lv[j];
    if (one_in(g, 6)) {   /* the host's tag, which the module imports: [i32] -> [] */
      snprintf(l->tag, sizeof l->tag, "wasmtag");
      l->a = (Tuple){.n = 1, .t = {VT_I32}};
      l->b = (Tuple){0};
    } else {
      snprintf(l->tag, sizeof l->tag, "%s_t%u", name, j);
      l->a = random_tuple(g, 2);
      l->b = random_tuple(g, 2);
    }
    l->p = one_in(g, 2) ? random_tuple(g, 3) : (Tuple){0};
    l->r = random_tuple(g, 2);
    l->st = (Storage)pick(g, ST_COUNT);
    l->chain = one_in(g, 2);
    l->catches = j == n.levels ? !one_in(g, 8) : one_in(g, 3);
    l->cancel = one_in(g, 3) ? 1 + pick(g, 2) : 0;
    l->cancel_at = pick(g, 3);
    l->churn = one_in(g, 40);
    nest_types(g, &n, j);
  }
  Buf *d = &g->decls;
  char exn[40];
  snprintf(exn, sizeof exn, "%s_x", name);
  decl_tag(g, exn, &n.x, &(Tuple){0});
  buf_printf(d, "  (elem declare func");
  for (unsigned j = 0; j < n.levels; j++)
    buf_printf(d, " $%s_fn%u", name, j);
  buf_puts(d, ")\n");
  nest_leaf(g, &n);
  for (unsigned j = 1; j < n.levels; j++)
    nest_level(g, &n, j);
  Fn f;
  export_start(&f, g, name, n.result);
  filler(&f);
  nest_drive(&f, &n, n.levels, one_in(g, 30));
  export_result(&f, n.result);
  fn_finish(&f);
}

/* ================================================================ switch */

/* Two continuations of type $P_sk, running $P_a and $P_b, switch to each
 * other: each is given a counter, the values v and the other's
 * continuation; it switches with the counter less one, and returns once
 * the counter it is given is 0.  The export starts the first (binding its
 * arguments with cont.bind, or not) with the second as its peer, itself
 * or through $P_m, one prompt deeper. */
static void switch_party(Gen *g, const char *P, char which, const Tuple *v, const Tuple *r,
                         const Tuple *x, bool throws)
{
  char name[32], rest[48];
  snprintf(name, sizeof name, "%s_%c", P, which);
  snprintf(rest, sizeof rest, " (type $%s_sf)", P);
  Fn f;
  fn_start(&f, g, name, rest);
  unsigned other = 1 + v->n;
  uint32_t out = fn_label(&f), loop = fn_label(&f);
  line(&f, "(block $l%u", out);
  line(&f, "  (loop $l%u", loop);
  f.indent += 2;
  line(&f, "(call $log_i32 (local.get 0))");
  log_params(&f, v, 1);
  filler(&f);
  if (throws) {
    ind(&f);
    put(&f, "(if (i32.eq (local.get 0) (i32.const %u)) (then (throw $%s_x", pick(g, 4), P);
    exprs(&f, x);
    put(&f, ")))\n");
  }
  line(&f, "(br_if $l%u (i32.le_s (local.get 0) (i32.const 0)))", out);
  ind(&f);
  put(&f, "(switch $%s_sk $%s_sw (i32.sub (local.get 0) (i32.const 1))", P, P);
  exprs(&f, v);
  put(&f, " (local.get %u))\n", other);
  for (unsigned i = other + 1; i-- > 0;)
    line(&f, "(local.set %u)", i);
  line(&f, "(br $l%u)))", loop);
  f.indent -= 2;
  results(&f, r);
  fn_finish(&f);
}

/* The resume that starts the ring, $P_a with $P_b as its peer, under the
 * handlers `on`: its arguments bound by cont.bind first, or given to it. */
static void switch_start(Fn *f, const char *P, bool bind, const Tuple *v, const char *on)
{
  unsigned rounds = one_in(f->g, 10) ? 0 : 1 + pick(f->g, 7);
  ind(f);
  if (bind) {
    put(f, "(resume $%s_sk1 %s\n", P, on);
    line(f, "  (cont.new $%s_sk (ref.func $%s_b))", P, P);
    ind(f);
    put(f, "  (cont.bind $%s_sk $%s_sk1 (i32.const %u)", P, P, rounds);
    exprs(f, v);
    put(f, " (cont.new $%s_sk (ref.func $%s_a))))\n", P, P);
  } else {
    put(f, "(resume $%s_sk %s (i32.const %u)", P, on, rounds);
    exprs(f, v);
    put(f, "\n");
    line(f, "  (cont.new $%s_sk (ref.func $%s_b))", P, P);
    line(f, "  (cont.new $%s_sk (ref.func $%s_a)))", P, P);
  }
}

/* $P_m, the ring's start one prompt deeper: under a handler of $P_o alone
 * (never suspended to), so that each switch passes that prompt to find
 * the export's (on $P_sw switch), and takes $P_m's frame along. */
static void switch_mid(Gen *g, const char *P, bool bind, const Tuple *v, const Tuple *r)
{
  char name[32], rest[48], on[64];
  snprintf(name, sizeof name, "%s_m", P);
  snprintf(rest, sizeof rest, " (type $%s_mf)", P);
  Fn f;
  fn_start(&f, g, name, rest);
  uint32_t h = fn_label(&f);
  snprintf(on, sizeof on, "(on $%s_o $l%u)", P, h);
  line(&f, "(block $l%u (result (ref $%s_mk))", h, P);
  f.indent++;
  switch_start(&f, P, bind, v, on);
  line(&f, "(return))");
  f.indent--;
  line(&f, "(drop)");
  results(&f, r);
  fn_finish(&f);
}

static void switch_pattern(Gen *g, const char *P)
{
  Tuple v = random_tuple(g, 2), r = random_tuple(g, 2), x = random_tuple(g, 2);
  bool bind = one_in(g, 2), throws = one_in(g, 3), mid = one_in(g, 2);
  int result = one_in(g, 3) ? -1 : (int)random_vt(g, true);
  Buf *d = &g->decls;
  Buf vb, rb;
  buf_init(&vb);
  buf_init(&rb);
  put_types(&vb, &v);
  put_params(&rb, "result", &r);
  const char *rs = rb.data ? rb.data : "";
  buf_printf(d, "  (rec\n    (type $%s_sf (func (param i32 %.*s%s(ref null $%s_sk))%.*s))\n"
             "    (type $%s_sk (cont $%s_sf)))\n", P, (int)vb.len, vb.data ? vb.data : "",
             v.n ? " " : "", P, (int)rb.len, rs, P, P);
  buf_printf(d, "  (type $%s_sf1 (func (param (ref null $%s_sk))%.*s))\n", P, P, (int)rb.len, rs);
  buf_printf(d, "  (type $%s_sk1 (cont $%s_sf1))\n", P, P);
  buf_printf(d, "  (tag $%s_sw%.*s)\n", P, (int)rb.len, rs);
  if (mid) {
    buf_printf(d, "  (type $%s_mf (func%.*s))\n  (type $%s_mk (cont $%s_mf))\n", P, (int)rb.len,
               rs, P, P);
    buf_printf(d, "  (tag $%s_o)\n  (elem declare func $%s_m)\n", P, P);
  }
  buf_free(&vb);
  buf_free(&rb);
  char exn[40];
  snprintf(exn, sizeof exn, "%s_x", P);
  decl_tag(g, exn, &x, &(Tuple){0});
  buf_printf(d, "  (elem declare func $%s_a $%s_b)\n", P, P);
  switch_party(g, P, 'a', &v, &r, &x, throws && one_in(g, 2));
  switch_party(g, P, 'b', &v, &r, &x, throws);
  if (mid)
    switch_mid(g, P, bind, &v, &r);
  Fn f;
  export_start(&f, g, P, result);
  filler(&f);
  snprintf(exn, sizeof exn, "$%s_x", P);
  Catch c = catch_open(&f, throws && !one_in(g, 8), exn, &x);
  char on[48];
  snprintf(on, sizeof on, "(on $%s_sw switch)", P);
  if (mid)
    line(&f, "(resume $%s_mk %s (cont.new $%s_mk (ref.func $%s_m)))", P, on, P, P);
  else
    switch_start(&f, P, bind, &v, on);
  consume(&f, &r);
  catch_close(&f, &c, &x);
  export_result(&f, result);
  fn_finish(&f);
}

/* ================================================================ sched */

/* Tasks $P_task, each bound to its number i by cont.bind, kept in a table;
 * the export resumes them in turn until all have returned.  Task i
 * suspends i+1 times. */
typedef struct Sched {
  const char *name;
  Tuple a, b, r;    /* tag $P_y : [a] -> [b]; a task takes its number and b, returns r */
  unsigned tasks;
  int result;
} Sched;

/* $P_task: a loop of suspensions, its number plus one of them. */
static void sched_task(Gen *g, const Sched *s)
{
  const char *P = s->name;
  Tuple id = {.n = 1, .t = {VT_I32}};
  char name[32], sg[256], tag[40];
  snprintf(name, sizeof name, "%s_task", P);
  snprintf(tag, sizeof tag, "%s_y", P);
  sig(sg, sizeof sg, &id, &s->b, &s->r);
  Fn t;
  fn_start(&t, g, name, sg);
  log_params(&t, &id, 0);
  log_params(&t, &s->b, 1);
  uint32_t i = fn_local(&t, "i32"), loop = fn_label(&t);
  line(&t, "(loop $l%u", loop);
  t.indent++;
  filler(&t);
  suspend_line(&t, tag, &s->a, &s->b);
  count_up(&t, loop, i, "(i32.add (local.get 0) (i32.const 1))");
  t.indent--;
  line(&t, ")");
  results(&t, &s->r);
  fn_finish(&t);
}

/* One turn of the scheduler: the task in slot $v<slot>, if it has not
 * returned, is resumed; it returns (its slot is cleared, one task fewer
 * is live) or suspends (it goes back in its slot). */
static void sched_turn(Fn *f, const Sched *s, uint32_t slot, uint32_t live, uint32_t k)
{
  const char *P = s->name;
  char type[40];
  snprintf(type, sizeof type, "$%s_k", P);
  uint32_t done = fn_label(f), h = fn_label(f);
  line(f, "(local.set $v%u (table.get $%s_q (local.get $v%u)))", k, P, slot);
  line(f, "(if (i32.eqz (ref.is_null (local.get $v%u)))", k);
  line(f, "  (then");
  f->indent += 2;
  line(f, "(block $l%u", done);
  f->indent++;
  handler_open(f, h, &s->a, type);
  f->indent++;
  ind(f);
  put(f, "(resume $%s_k (on $%s_y $l%u)", P, P, h);
  exprs(f, &s->b);
  put(f, " (local.get $v%u))\n", k);
  consume(f, &s->r);
  line(f, "(table.set $%s_q (local.get $v%u) (ref.null $%s_k))", P, slot, P);
  line(f, "(local.set $v%u (i32.sub (local.get $v%u) (i32.const 1)))", live, live);
  line(f, "(br $l%u))", done);
  f->indent--;
  line(f, "(local.set $v%u)", k);
  consume(f, &s->a);
  filler(f);
  line(f, "(table.set $%s_q (local.get $v%u) (local.get $v%u)))))", P, slot, k);
  f->indent -= 3;
}

static void sched_pattern(Gen *g, const char *P)
{
  Sched s = {.name = P, .a = random_tuple(g, 2), .b = random_tuple(g, 2), .r = random_tuple(g, 2),
             .tasks = 1 + pick(g, 4)};
  s.result = one_in(g, 3) ? -1 : (int)random_vt(g, true);
  Tuple id = {.n = 1, .t = {VT_I32}};
  char tag[40];
  snprintf(tag, sizeof tag, "%s_y", P);
  decl_cont(g, P, "tf", "tk", &id, &s.b, &s.r);
  decl_cont(g, P, "f", "k", &(Tuple){0}, &s.b, &s.r);
  decl_tag(g, tag, &s.a, &s.b);
  buf_printf(&g->decls, "  (table $%s_q %u (ref null $%s_k))\n", P, s.tasks, P);
  buf_printf(&g->decls, "  (elem declare func $%s_task)\n", P);
  sched_task(g, &s);

  Fn f;
  export_start(&f, g, P, s.result);
  char kref[48];
  snprintf(kref, sizeof kref, "(ref null $%s_k)", P);
  uint32_t slot = fn_local(&f, "i32"), live = fn_local(&f, "i32"), k = fn_local(&f, kref);
  for (unsigned n = 0; n < s.tasks; n++)
    line(&f, "(table.set $%s_q (i32.const %u) (cont.bind $%s_tk $%s_k (i32.const %u) (cont.new $%s_tk (ref.func $%s_task))))",
         P, n, P, P, n, P, P);
  line(&f, "(local.set $v%u (i32.const %u))", live, s.tasks);
  uint32_t l = fn_label(&f);
  line(&f, "(loop $l%u", l);
  f.indent++;
  sched_turn(&f, &s, slot, live, k);
  line(&f, "(local.set $v%u (i32.rem_u (i32.add (local.get $v%u) (i32.const 1)) (i32.const %u)))",
       slot, slot, s.tasks);
  line(&f, "(br_if $l%u (local.get $v%u)))", l, live);
  f.indent--;
  export_result(&f, s.result);
  fn_finish(&f);
}

/* ================================================================ deep */

/* $P_r d: at depth 0 a counted loop of suspensions to $P_t; else it runs
 * $P_r (d-1) in a continuation (cont.bind binds d-1) under a handler for
 * $P_t, and handles each suspension that reaches it either itself or by
 * suspending to $P_t again, to the handler of the level above
 * (forwarding by hand).  Handlers nest d+1 deep; d starts at most at 5. */
typedef struct Deep {
  const char *name;
  Tuple a, b;        /* tag $P_t : [a] -> [b]; $P_r takes d and b, returns an i32 */
  unsigned depth;
  int result;
} Deep;

/* $P_r's handler loop: resume the level below, handle what it suspends
 * (forwarding it at odd depths, or always, or never), until it returns:
 * then return its result plus one. */
static void deep_handler(Gen *g, Fn *f, const Deep *d, uint32_t k)
{
  const char *P = d->name;
  char type[40], tag[40];
  snprintf(type, sizeof type, "$%s_k", P);
  snprintf(tag, sizeof tag, "%s_t", P);
  uint32_t loop = fn_label(f), h = fn_label(f);
  line(f, "(loop $l%u", loop);
  f->indent++;
  handler_open(f, h, &d->a, type);
  ind(f);
  put(f, "  (return (i32.add (resume $%s_k (on $%s_t $l%u)", P, P, h);
  exprs(f, &d->b);
  put(f, " (local.get $v%u)) (i32.const 1))))\n", k);
  line(f, "(local.set $v%u)", k);
  consume(f, &d->a);
  unsigned forward = pick(g, 3);   /* 0: never, 1: at odd depths, 2: always */
  if (forward) {
    line(f, "(if (i32.%s (i32.and (local.get 0) (i32.const 1)) (i32.const 1))",
         forward == 1 ? "eq" : "le_u");
    line(f, "  (then");
    f->indent += 2;
    suspend_line(f, tag, &d->a, &d->b);
    f->indent -= 2;
    line(f, "  ))");
  }
  filler(f);
  line(f, "(br $l%u))", loop);
  f->indent--;
}

static void deep_func(Gen *g, const Deep *d)
{
  const char *P = d->name;
  Tuple id = {.n = 1, .t = {VT_I32}}, res = {.n = 1, .t = {VT_I32}};
  char name[32], sg[256], tag[40], kref[48];
  snprintf(name, sizeof name, "%s_r", P);
  snprintf(tag, sizeof tag, "%s_t", P);
  snprintf(kref, sizeof kref, "(ref null $%s_k)", P);
  sig(sg, sizeof sg, &id, &d->b, &res);
  Fn f;
  fn_start(&f, g, name, sg);
  log_params(&f, &id, 0);
  log_params(&f, &d->b, 1);
  filler(&f);
  uint32_t i = fn_local(&f, "i32"), leaf = fn_label(&f);
  line(&f, "(if (i32.le_s (local.get 0) (i32.const 0))");
  line(&f, "  (then");
  f.indent += 2;
  line(&f, "(loop $l%u", leaf);
  f.indent++;
  suspend_line(&f, tag, &d->a, &d->b);
  char bound[24];
  snprintf(bound, sizeof bound, "(i32.const %u)", 1 + pick(g, 3));
  count_up(&f, leaf, i, bound);
  f.indent--;
  line(&f, ")");
  ind(&f);
  put(&f, "(return ");
  expr(&f, VT_I32, 1);
  put(&f, ")))\n");
  f.indent -= 2;
  uint32_t k = fn_local(&f, kref);
  line(&f, "(local.set $v%u (cont.bind $%s_dk $%s_k (i32.sub (local.get 0) (i32.const 1)) (cont.new $%s_dk (ref.func $%s_r))))",
       k, P, P, P, P);
  deep_handler(g, &f, d, k);
  line(&f, "(unreachable)");
  fn_finish(&f);
}

static void deep_pattern(Gen *g, const char *P)
{
  Deep d = {.name = P, .a = random_tuple(g, 2), .b = random_tuple(g, 2), .depth = 1 + pick(g, 5)};
  d.result = one_in(g, 3) ? -1 : (int)random_vt(g, true);
  Tuple id = {.n = 1, .t = {VT_I32}}, res = {.n = 1, .t = {VT_I32}};
  char tag[40], type[40], kref[48];
  snprintf(tag, sizeof tag, "%s_t", P);
  snprintf(type, sizeof type, "$%s_k", P);
  snprintf(kref, sizeof kref, "(ref null $%s_k)", P);
  decl_cont(g, P, "df", "dk", &id, &d.b, &res);
  decl_cont(g, P, "f", "k", &(Tuple){0}, &d.b, &res);
  decl_tag(g, tag, &d.a, &d.b);
  buf_printf(&g->decls, "  (elem declare func $%s_r)\n", P);
  deep_func(g, &d);

  Fn e;
  export_start(&e, g, P, d.result);
  uint32_t k = fn_local(&e, kref), done = fn_label(&e), loop = fn_label(&e), h = fn_label(&e);
  line(&e, "(local.set $v%u (cont.bind $%s_dk $%s_k (i32.const %u) (cont.new $%s_dk (ref.func $%s_r))))",
       k, P, P, d.depth, P, P);
  line(&e, "(block $l%u", done);
  line(&e, "  (loop $l%u", loop);
  e.indent += 2;
  handler_open(&e, h, &d.a, type);
  ind(&e);
  put(&e, "  (call $log_i32 (resume $%s_k (on $%s_t $l%u)", P, P, h);
  exprs(&e, &d.b);
  put(&e, " (local.get $v%u)))\n", k);
  line(&e, "  (br $l%u))", done);
  line(&e, "(local.set $v%u)", k);
  consume(&e, &d.a);
  filler(&e);
  line(&e, "(br $l%u)))", loop);
  e.indent -= 2;
  export_result(&e, d.result);
  fn_finish(&e);
}

/* ================================================================ fault */

/* The ways a continuation instruction fails at run time, each the last
 * thing a fault export does. */
typedef enum Fault {
  F_NULL_RESUME, F_NULL_BIND, F_NULL_THROW, F_NULL_THROW_REF, F_NULL_SWITCH, F_NULL_FUNC,
  F_NULL_EXN, F_CONSUMED_BIND, F_CONSUMED_THROW, F_UNHANDLED_SUSPEND,
  F_UNHANDLED_SWITCH, F_COUNT
} Fault;

/* The continuation of $P_g, already run to its end, into local $v<k>. */
static void fault_consumed(Fn *f, const char *P, uint32_t k)
{
  line(f, "(local.set $v%u (cont.new $%s_k (ref.func $%s_g)))", k, P, P);
  line(f, "(resume $%s_k (local.get $v%u))", P, k);
}

/* An export that fails on purpose, after plain statements: an instruction
 * given a null continuation (resume, cont.bind, resume_throw,
 * resume_throw_ref, switch), a null function (cont.new) or a null exnref
 * (resume_throw_ref), or a continuation already consumed; or a suspension
 * or a switch that no handler takes, from a continuation whose prompt
 * handles another tag.  $P_g and $P_h return at once; $P_s suspends to
 * $P_t and $P_w switches to $P_h with $P_u, both run under a handler of
 * $P_u alone (not a switch handler). */
static void fault_pattern(Gen *g, const char *P)
{
  Buf *d = &g->decls;
  buf_printf(d, "  (type $%s_f (func))\n  (type $%s_k (cont $%s_f))\n", P, P, P);
  buf_printf(d, "  (rec\n    (type $%s_sf (func (param (ref null $%s_sk))))\n"
             "    (type $%s_sk (cont $%s_sf)))\n", P, P, P, P);
  buf_printf(d, "  (tag $%s_t)\n  (tag $%s_u)\n", P, P);
  buf_printf(d, "  (elem declare func $%s_g $%s_h $%s_s $%s_w)\n", P, P, P, P);
  buf_printf(&g->funcs, "  (func $%s_g (type $%s_f))\n"
             "  (func $%s_h (type $%s_sf))\n"
             "  (func $%s_s (type $%s_f) (suspend $%s_t))\n"
             "  (func $%s_w (type $%s_f)\n"
             "    (drop (switch $%s_sk $%s_u (cont.new $%s_sk (ref.func $%s_h)))))\n",
             P, P, P, P, P, P, P, P, P, P, P, P, P);
  Fault fault = (Fault)pick(g, F_COUNT);
  Fn f;
  export_start(&f, g, P, -1);
  char kref[48];
  snprintf(kref, sizeof kref, "(ref null $%s_k)", P);
  uint32_t k = fn_local(&f, kref);
  filler(&f);
  switch (fault) {
  case F_NULL_RESUME: line(&f, "(resume $%s_k (ref.null $%s_k))", P, P); break;
  case F_NULL_BIND: line(&f, "(drop (cont.bind $%s_k $%s_k (ref.null $%s_k)))", P, P, P); break;
  case F_NULL_THROW:
    line(&f, "(resume_throw $%s_k $e_i32 (i32.const %u) (ref.null $%s_k))", P, pick(g, 9), P);
    break;
  case F_NULL_THROW_REF: line(&f, "(resume_throw_ref $%s_k (ref.null exn) (ref.null $%s_k))", P, P); break;
  case F_NULL_SWITCH: line(&f, "(drop (switch $%s_sk $%s_u (ref.null $%s_sk)))", P, P, P); break;
  case F_NULL_FUNC: line(&f, "(drop (cont.new $%s_k (ref.null $%s_f)))", P, P); break;
  case F_NULL_EXN:
    line(&f, "(resume_throw_ref $%s_k (ref.null exn) (cont.new $%s_k (ref.func $%s_g)))", P, P, P);
    break;
  case F_CONSUMED_BIND:
    fault_consumed(&f, P, k);
    line(&f, "(drop (cont.bind $%s_k $%s_k (local.get $v%u)))", P, P, k);
    break;
  case F_CONSUMED_THROW:
    fault_consumed(&f, P, k);
    line(&f, "(resume_throw $%s_k $e_i32 (i32.const %u) (local.get $v%u))", P, pick(g, 9), k);
    break;
  default: {
    uint32_t h = fn_label(&f);
    line(&f, "(block $l%u (result (ref $%s_k))", h, P);
    line(&f, "  (resume $%s_k (on $%s_u $l%u) (cont.new $%s_k (ref.func $%s_%c)))", P, P, h, P, P,
         fault == F_UNHANDLED_SUSPEND ? 's' : 'w');
    line(&f, "  (return))");
    line(&f, "(drop)");
    break;
  }
  }
  fn_finish(&f);
}

void cont_pattern(Gen *g, const char *name)
{
  switch (pick(g, 16)) {
  case 0: case 1: switch_pattern(g, name); break;
  case 2: case 3: sched_pattern(g, name); break;
  case 4: case 5: deep_pattern(g, name); break;
  case 6: fault_pattern(g, name); break;
  default: nest_pattern(g, name); break;
  }
}
