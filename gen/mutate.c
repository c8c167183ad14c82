/* Invalid modules (--generate --invalid): a valid module's text with one
 * deliberate type error in a stack-switching construct, so that the
 * validator's rejections run too and an engine that accepts an invalid
 * module shows.  The error is an edit of the text at a site the module
 * has (an instruction or handler found by its text), drawn from the same
 * choices after the module: which kind of error among those the module
 * has sites for, which site, and the kind's own variant.
 *
 * An edit keeps the instruction's stack effect where it can, so that the
 * deliberate error is the only one: it renames a tag to a new one (the
 * original's declaration plus a parameter or a result), swaps operands,
 * replaces an operand by one of the same shape, or puts a new, stack-
 * neutral instruction just before the site (any place an instruction
 * starts takes another one, folded operands included).  What it declares
 * goes at the module's end, after the imports, named $mut_...; the
 * generator's names never start so. */

#include <stdio.h>
#include <string.h>

#include "gen/gen.h"

/* The text being edited and the declarations to add to it. */
typedef struct Mut {
  Choices *c;
  Buf *text;
  Buf decls;
} Mut;

/* ================================================================ Reading the text */

/* The generator's text has no strings with parentheses nor comments: a
 * parenthesis always opens or closes a group. */

/* Where the group opening at `at` ends (past its closing parenthesis). */
static size_t group_end(const Buf *t, size_t at)
{
  int depth = 0;
  for (size_t i = at; i < t->len; i++) {
    if (t->data[i] == '(')
      depth++;
    else if (t->data[i] == ')' && --depth == 0)
      return i + 1;
  }
  return t->len;
}

static size_t skip_space(const Buf *t, size_t at)
{
  while (at < t->len && (t->data[at] == ' ' || t->data[at] == '\n'))
    at++;
  return at;
}

/* Where the token at `at` ends (a name, a number, a keyword). */
static size_t token_end(const Buf *t, size_t at)
{
  while (at < t->len && !strchr(" \n()", t->data[at]))
    at++;
  return at;
}

/* Where immediate i (0: the first) of the instruction or handler opening
 * at `at` starts: the i-th token after its keyword. */
static size_t immediate(const Buf *t, size_t at, unsigned i)
{
  size_t p = token_end(t, at + 1);
  for (unsigned k = 0;; k++) {
    p = skip_space(t, p);
    if (k == i)
      return p;
    p = token_end(t, p);
  }
}

/* The operands of the instruction opening at `at`: its child groups that
 * are not handlers; the last two, *a before *b (start and end of each).
 * Returns how many it has. */
static unsigned last_operands(const Buf *t, size_t at, size_t a[2], size_t b[2])
{
  size_t end = group_end(t, at) - 1;
  unsigned n = 0;
  for (size_t p = token_end(t, at + 1); (p = skip_space(t, p)) < end;) {
    if (t->data[p] != '(') {
      p = token_end(t, p);
      continue;
    }
    size_t e = group_end(t, p);
    if (strncmp(t->data + p, "(on ", 4) != 0) {
      a[0] = b[0], a[1] = b[1];
      b[0] = p, b[1] = e;
      n++;
    }
    p = e;
  }
  return n;
}

/* Whether the text at `at` starts with s. */
static bool at_text(const Buf *t, size_t at, const char *s)
{
  size_t n = strlen(s);
  return at + n <= t->len && memcmp(t->data + at, s, n) == 0;
}

/* The token at `at`, as a string (names are short). */
static void token(const Buf *t, size_t at, char *out, size_t n)
{
  size_t len = token_end(t, at) - at;
  if (len >= n)
    len = n - 1;
  memcpy(out, t->data + at, len);
  out[len] = '\0';
}

/* ================================================================ Editing it */

/* Replaces len bytes at `at` by s. */
static void splice(Mut *m, size_t at, size_t len, const char *s)
{
  Buf out;
  buf_init(&out);
  buf_put(&out, m->text->data, at);
  buf_puts(&out, s);
  buf_put(&out, m->text->data + at + len, m->text->len - at - len);
  out.failed |= m->text->failed;
  buf_free(m->text);
  *m->text = out;
}

/* Renames the tag used at `at` to $mut_e, declared as that tag is with
 * `extra` (a parameter or a result) added. */
static void retag(Mut *m, size_t at, const char *extra)
{
  const Buf *t = m->text;
  char name[64], decl[72];
  token(t, at, name, sizeof name);
  snprintf(decl, sizeof decl, "(tag %s", name);
  size_t n = strlen(decl), d = 0;
  for (size_t i = 0; i + n < t->len; i++)
    if (memcmp(t->data + i, decl, n) == 0 && strchr(" )", t->data[i + n])) {
      d = i;
      break;
    }
  /* a parameter goes before the results, a result at the end */
  size_t e = group_end(t, d) - 1, cut = e;
  for (size_t i = d + n; strncmp(extra, " (param", 7) == 0 && i < e; i++)
    if (at_text(t, i, " (result")) {
      cut = i;
      break;
    }
  buf_printf(&m->decls, "  (tag $mut_e%.*s%s%.*s)\n", (int)(cut - d - n), t->data + d + n, extra,
             (int)(e - cut), t->data + cut);
  splice(m, at, strlen(name), "$mut_e");
}

/* ================================================================ The kinds of errors */

/* Each breaks one rule of the Explainer's "Instructions" (or "Tags"),
 * at the site opening at `at`. */

/* resume_throw_ref $ct hdl* : [exnref (ref null $ct)] -> [t2*] */
static void throw_ref_swapped(Mut *m, size_t at)
{
  size_t a[2] = {0}, b[2] = {0};
  if (last_operands(m->text, at, a, b) < 2)
    return;
  Buf s;
  buf_init(&s);
  buf_put(&s, m->text->data + b[0], b[1] - b[0]);
  buf_put(&s, m->text->data + a[1], b[0] - a[1]);
  buf_put(&s, m->text->data + a[0], a[1] - a[0]);
  buf_putc(&s, '\0');
  if (!s.failed)
    splice(m, a[0], b[1] - a[0], s.data);
  buf_free(&s);
}

/* resume_throw $ct $e hdl* : [te* (ref null $ct)] -> [t2*] iff C.types[$ft] ~~ func [te*] -> [] */
static void throw_tag_params(Mut *m, size_t at)
{
  retag(m, immediate(m->text, at, 1), " (param funcref)");
}

/* resume_throw: C.tags[$e] : tag $ft and C.types[$ft] ~~ func [te*] -> [] (no results) */
static void throw_tag_results(Mut *m, size_t at)
{
  retag(m, immediate(m->text, at, 1), " (result i32)");
}

/* cont.new $ct : [(ref null $ft)] -> [(ref $ct)] iff C.types[$ct] ~~ cont $ft */
static void new_other_func(Mut *m, size_t at)
{
  size_t a[2] = {0}, b[2] = {0};
  if (last_operands(m->text, at, a, b) < 1)
    return;
  buf_puts(&m->decls, "  (type $mut_f (func (param funcref)))\n  (func $mut_fn (type $mut_f))\n"
           "  (elem declare func $mut_fn)\n");
  splice(m, b[0], b[1] - b[0], "(ref.func $mut_fn)");
}

/* Declares $mut_k, a continuation type of a function of these parameters
 * (" (param ...)", or ""). */
static void decl_mut_cont(Mut *m, const char *params)
{
  buf_printf(&m->decls, "  (type $mut_f (func%s))\n  (type $mut_k (cont $mut_f))\n", params);
}

/* cont.bind $ct $ct' iff C.types[$ct] ~~ cont [t3* t1*] -> [t2*] and [t1*] -> [t2*] <: C.types[$ct'] */
static void bind_no_suffix(Mut *m, size_t at)
{
  char ct[64], s[320];
  token(m->text, immediate(m->text, at, 0), ct, sizeof ct);
  decl_mut_cont(m, " (param funcref)");
  snprintf(s, sizeof s, "(drop (cont.bind %s $mut_k (ref.null %s))) ", ct, ct);
  splice(m, at, 0, s);
}

/* (on tu $l) iff tu : [t1*] -> [t2*], C.labels[$l] = [t1'* (ref null? $ct)], t1* <: t1'*,
 * [t2*] -> [t*] <: C.types[$ct] */
static void handler_tag(Mut *m, size_t at)
{
  retag(m, immediate(m->text, at, 0), choose(m->c, 2) ? " (param funcref)" : " (result funcref)");
}

/* (on tu $l) iff C.labels[$l] = [t1'* (ref null? $ct)] and C.types[$ct] ~~ cont ... */
static void handler_label(Mut *m, size_t at)
{
  char tag[64], s[320];
  token(m->text, immediate(m->text, at, 0), tag, sizeof tag);
  size_t r = at;
  while (r > 0 && !at_text(m->text, r, "(resume"))
    r--;
  decl_mut_cont(m, "");
  snprintf(s, sizeof s, "(drop (block (result %s) (resume $mut_k (on %s 0) (ref.null $mut_k)) "
           "(unreachable))) ", choose(m->c, 2) ? "i32" : "(ref null $box)", tag);
  splice(m, r, 0, s);
}

/* (on tu switch) iff tu : [] -> [t*] */
static void switch_handler_tag(Mut *m, size_t at)
{
  retag(m, immediate(m->text, at, 0), choose(m->c, 2) ? " (param i32)" : " (result funcref)");
}

/* switch $ct1 tu iff C.types[$ct1] ~~ cont [t1* (ref null? $ct2)] -> [te1*] */
static void switch_no_cont(Mut *m, size_t at)
{
  char tag[64], s[320];
  token(m->text, immediate(m->text, at, 1), tag, sizeof tag);
  decl_mut_cont(m, choose(m->c, 2) ? " (param i32)" : " (param (ref null $box))");
  snprintf(s, sizeof s, "(switch $mut_k %s (ref.null $mut_k)) ", tag);
  splice(m, at, 0, s);
}

/* switch $ct1 tu iff tu : [] -> [t*] and te1* <: t* and t* <: te2* */
static void switch_tag(Mut *m, size_t at)
{
  retag(m, immediate(m->text, at, 1), choose(m->c, 2) ? " (param i32)" : " (result funcref)");
}

/* suspend tu : [t1*] -> [t2*] iff tu : func [t1*] -> [t2*] (a tag that is defined) */
static void suspend_tag(Mut *m, size_t at)
{
  size_t p = immediate(m->text, at, 0);
  if (choose(m->c, 2))
    retag(m, p, " (param funcref)");
  else
    splice(m, p, token_end(m->text, p) - p, "100000");
}

/* C.types[$ct] ~~ cont $ft: (cont $ft) ok iff C.types[$ft] ~~ func [t1*] -> [t2*] (Explainer, "Types") */
static void cont_of_nonfunc(Mut *m, size_t at)
{
  static const char *const of[] = {"$box", "$arr", NULL};
  char ct[64];
  token(m->text, immediate(m->text, at, 0), ct, sizeof ct);
  const char *x = of[choose(m->c, 3)];
  buf_printf(&m->decls, "  (type $mut_k (cont %s))\n", x ? x : ct);
}

/* (tag $t (type $ft)) ok iff $ft = [t1*] -> [t2*] (Explainer, "Tags") */
static void tag_of_cont(Mut *m, size_t at)
{
  char ct[64];
  token(m->text, immediate(m->text, at, 0), ct, sizeof ct);
  buf_printf(&m->decls, "  (tag $mut_e (type %s))\n", ct);
}

/* ref.test, ref.cast: rt castable iff not (rt <: (ref null cont)) */
static void cast_to_cont(Mut *m, size_t at)
{
  char ct[64], s[320];
  token(m->text, immediate(m->text, at, 0), ct, sizeof ct);
  snprintf(s, sizeof s, "(drop (ref.%s (ref null %s) (ref.null %s))) ",
           choose(m->c, 2) ? "test" : "cast", ct, ct);
  splice(m, at, 0, s);
}

/* A handler (on $e switch), or one with a label. */
static bool on_switch(const Buf *t, size_t at)
{
  return at_text(t, token_end(t, immediate(t, at, 0)), " switch)");
}

static bool on_label(const Buf *t, size_t at)
{
  return !on_switch(t, at);
}

/* The kinds: a name, the text that starts a site, and which of those
 * starts are sites. */
static const struct {
  const char *name, *site;
  bool (*fits)(const Buf *t, size_t at);
  void (*make)(Mut *m, size_t at);
} kinds[GEN_MUTATIONS] = {
  {"resume_throw_ref operands swapped", "(resume_throw_ref ", NULL, throw_ref_swapped},
  {"resume_throw tag's params", "(resume_throw $", NULL, throw_tag_params},
  {"resume_throw tag with results", "(resume_throw $", NULL, throw_tag_results},
  {"cont.new of another type", "(cont.new ", NULL, new_other_func},
  {"cont.bind to no suffix", "(cont.bind ", NULL, bind_no_suffix},
  {"handler's tag", "(on $", on_label, handler_tag},
  {"handler's label", "(on $", on_label, handler_label},
  {"switch handler's tag", "(on $", on_switch, switch_handler_tag},
  {"switch to no continuation", "(switch $", NULL, switch_no_cont},
  {"switch's tag", "(switch $", NULL, switch_tag},
  {"suspend's tag", "(suspend $", NULL, suspend_tag},
  {"cont of a non-function", "(cont.new ", NULL, cont_of_nonfunc},
  {"tag of a continuation", "(cont.new ", NULL, tag_of_cont},
  {"cast to a continuation", "(cont.new ", NULL, cast_to_cont},
};

/* The sites of kind k in the text: how many; *at gets the nth's start. */
static uint32_t sites(const Buf *t, unsigned k, uint32_t nth, size_t *at)
{
  uint32_t n = 0;
  size_t len = strlen(kinds[k].site);
  for (size_t i = 0; i + len <= t->len; i++)
    if (memcmp(t->data + i, kinds[k].site, len) == 0 && (!kinds[k].fits || kinds[k].fits(t, i))) {
      if (n == nth)
        *at = i;
      n++;
    }
  return n;
}

const char *gen_mutation_name(int kind)
{
  return kind >= 0 && kind < GEN_MUTATIONS ? kinds[kind].name : "none";
}

/* A kind among those the module has sites for, then a site. */
int gen_mutate(Choices *c, Buf *text)
{
  uint32_t count[GEN_MUTATIONS], ways = 0;
  size_t at = 0;
  for (unsigned k = 0; k < GEN_MUTATIONS; k++)
    ways += (count[k] = sites(text, k, UINT32_MAX, &at)) > 0;
  if (!ways || text->failed)
    return -1;
  uint32_t which = choose(c, ways);
  int k = 0;
  while (!count[k] || which--)
    k++;
  sites(text, (unsigned)k, choose(c, count[k]), &at);
  Mut m = {.c = c, .text = text};
  buf_init(&m.decls);
  kinds[k].make(&m, at);
  /* the declarations before the module's closing parenthesis */
  size_t end = text->len;
  while (end > 0 && text->data[end - 1] != ')')
    end--;
  if (m.decls.len) {
    buf_putc(&m.decls, '\0');
    splice(&m, end - 1, 0, m.decls.data);
  }
  text->failed |= m.decls.failed;
  buf_free(&m.decls);
  return k;
}

int gen_seed_invalid(uint64_t seed, uint32_t size, Buf *out)
{
  Choices c;
  Buf text;
  choices_seed(&c, seed);
  buf_init(&text);
  gen_module(&c, size, &text);
  int k = gen_mutate(&c, &text);
  buf_put(out, text.data, text.len);
  out->failed |= text.failed;
  buf_free(&text);
  return k;
}
