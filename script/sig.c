/* Module signatures (-s), written as the official interpreter writes types
 * (its syntax/types.ml string_of_* functions): `func [i32] -> [i64]`,
 * `(ref null (struct (field (mut i32))))`, `memory i32 1 2`.  A defined
 * type is shown by its structure; one of a rec group of several as
 * `(rec (…) (…)).i`, and a reference inside its own group as `rec.i`. */

#include "script/sig.h"

#include "script/show.h"
#include "util/buf.h"

static void print_deftype(Buf *b, const Module *m, uint32_t idx, unsigned depth);

/* The types a reference may name: indices of the module; inside the rec
 * group being printed ([group, group + size)), `rec.i`. */
typedef struct Ctx {
  TypeNotation n;
  const Module *m;
  uint32_t group, size;
  unsigned depth;   /* of defined types inside defined types */
} Ctx;

static void print_heaptype(Buf *b, const TypeNotation *n, ValType t);

/* The notation of m's types, writing a reference to one of [group, group
 * + size) as rec.i. */
static Ctx ctx(const Module *m, uint32_t group, uint32_t size, unsigned depth)
{
  return (Ctx){{print_heaptype, HEAP_IDX}, m, group, size, depth};
}

static void print_typeidx(Buf *b, const Ctx *x, uint32_t idx)
{
  if (idx >= x->group && idx - x->group < x->size) {
    buf_printf(b, "rec.%u", idx - x->group);
  } else if (idx < x->m->types.len) {
    buf_putc(b, '(');
    print_deftype(b, x->m, idx, x->depth + 1);
    buf_putc(b, ')');
  } else {
    buf_printf(b, "%u", idx);   /* unchecked mode: a type that does not exist */
  }
}

static void print_heaptype(Buf *b, const TypeNotation *n, ValType t)
{
  if (t.heap == HEAP_IDX)
    print_typeidx(b, (const Ctx *)n, t.idx);
  else
    buf_puts(b, heapkind_name((HeapKind)t.heap));
}

/* A final type without supertypes is its composite type; else
 * `sub final? ht* (comptype)`. */
static void print_subtype(Buf *b, const Ctx *x, const SubType *st)
{
  if (st->final && st->supers.len == 0) {
    notation_comptype(b, &x->n, &st->comp);
    return;
  }
  buf_puts(b, st->final ? "sub final" : "sub");
  for (uint32_t i = 0; i < st->supers.len; i++) {
    buf_putc(b, ' ');
    print_typeidx(b, x, st->supers.data[i]);
  }
  buf_puts(b, " (");
  notation_comptype(b, &x->n, &st->comp);
  buf_putc(b, ')');
}

enum { SIG_DEPTH_MAX = 8 };   /* types nest through references; deeper ones by index */

/* The defined type idx: its subtype if its rec group has one type, else
 * (rec (st)*).i */
static void print_deftype(Buf *b, const Module *m, uint32_t idx, unsigned depth)
{
  const SubType *st = &m->types.data[idx];
  if (depth >= SIG_DEPTH_MAX) {
    buf_printf(b, "%u", idx);
    return;
  }
  Ctx x = ctx(m, st->rec, st->rec_size, depth);
  if (st->rec_size == 1) {
    print_subtype(b, &x, st);
  } else {
    buf_puts(b, "(rec");
    for (uint32_t i = 0; i < st->rec_size && st->rec + i < m->types.len; i++) {
      buf_puts(b, " (");
      print_subtype(b, &x, &m->types.data[st->rec + i]);
      buf_putc(b, ')');
    }
    buf_printf(b, ").%u", idx - st->rec);
  }
}

static void print_limits(Buf *b, AddrType at, Limits l)
{
  buf_printf(b, "%s %llu", at == ADDR_I64 ? "i64" : "i32", (unsigned long long)l.min);
  if (l.has_max)
    buf_printf(b, " %llu", (unsigned long long)l.max);
}

static void print_externtype(Buf *b, const Module *m, const ExternType *xt)
{
  Ctx x = ctx(m, UINT32_MAX, 0, 0);
  buf_printf(b, "%s ", externkind_name(xt->kind));
  switch (xt->kind) {
  case EXTERN_FUNC:
  case EXTERN_TAG:
    if (xt->type < m->types.len)
      print_deftype(b, m, xt->type, 0);
    else
      buf_printf(b, "%u", xt->type);
    return;
  case EXTERN_TABLE:
    print_limits(b, xt->table.addr, xt->table.limits);
    buf_putc(b, ' ');
    notation_valtype(b, &x.n, xt->table.elem);
    return;
  case EXTERN_MEM:
    print_limits(b, xt->mem.addr, xt->mem.limits);
    return;
  case EXTERN_GLOBAL:
    notation_mut(b, &x.n, xt->global.type, xt->global.mut);
    return;
  }
}

/* "name", with `"` and `\` escaped, and each character outside printable
 * ASCII as \u{hh} (names are valid UTF-8, or -u let them through: a stray
 * byte shows as itself). */
static void print_name(Buf *b, Name n)
{
  buf_putc(b, '"');
  for (uint32_t i = 0; i < n.len;) {
    uint32_t c = n.data[i++];
    unsigned more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    if (more && i + more <= n.len) {
      c &= 0x3fu >> more;
      for (unsigned k = 0; k < more; k++)
        c = c << 6 | (n.data[i++] & 0x3fu);
    }
    if (c < 0x20 || c >= 0x7f)
      buf_printf(b, "\\u{%02x}", (unsigned)c);
    else if (c == '"' || c == '\\')
      buf_printf(b, "\\%c", (char)c);
    else
      buf_putc(b, (char)c);
  }
  buf_putc(b, '"');
}

void print_module_sig(FILE *out, Name id, const Module *m)
{
  Buf b;
  buf_init(&b);
  buf_puts(&b, "module");
  if (id.len)
    buf_printf(&b, " %.*s", (int)id.len, (const char *)id.data);
  buf_puts(&b, " :\n");
  for (uint32_t i = 0; i < m->imports.len; i++) {
    const Import *im = &m->imports.data[i];
    buf_puts(&b, "  import ");
    print_name(&b, im->module);
    buf_putc(&b, ' ');
    print_name(&b, im->name);
    buf_puts(&b, " : ");
    print_externtype(&b, m, &im->type);
    buf_putc(&b, '\n');
  }
  for (uint32_t i = 0; i < m->exports.len; i++) {
    const Export *ex = &m->exports.data[i];
    ExternType xt;
    if (!module_entity_type(m, ex->kind, ex->idx, &xt))
      continue;
    buf_puts(&b, "  export ");
    print_name(&b, ex->name);
    buf_puts(&b, " : ");
    print_externtype(&b, m, &xt);
    buf_putc(&b, '\n');
  }
  if (!b.failed)
    fprintf(out, "%.*s", (int)b.len, b.data);
  buf_free(&b);
}
