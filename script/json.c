/* --json: a line of JSON for each command and assertion of a script, then
 * one for the script (doc/json.md).  Numbers are given by their bits, so
 * that two runs, or two engines, compare exactly; nothing depends on time
 * or on addresses. */

#include "script/json.h"

#include <inttypes.h>
#include <string.h>

#include "interp/store.h"
#include "script/show.h"
#include "util/utf8.h"

/* A JSON string: UTF-8 kept, anything else (control characters, bytes
 * that are not UTF-8) escaped, so the line is always valid JSON. */
static void str(Buf *b, const char *s, size_t n)
{
  buf_putc(b, '"');
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    uint32_t cp;
    size_t k = c >= 0x80 ? utf8_decode((const uint8_t *)s + i, n - i, &cp) : 1;
    if (c == '"' || c == '\\')
      buf_printf(b, "\\%c", c);
    else if (c < 0x20 || c == 0x7f || k == 0)
      buf_printf(b, "\\u%04x", c);
    else
      buf_put(b, s + i, k);
    i += k ? k : 1;
  }
  buf_putc(b, '"');
}

static void cstr(Buf *b, const char *s)
{
  str(b, s, strlen(s));
}

/* "key": */
static void key(Buf *b, const char *k)
{
  if (b->len && b->data[b->len - 1] != '{' && b->data[b->len - 1] != '[')
    buf_putc(b, ',');
  cstr(b, k);
  buf_putc(b, ':');
}

/* An element separator in an array. */
static void item(Buf *b)
{
  if (b->data[b->len - 1] != '[')
    buf_putc(b, ',');
}

/* A phase by a stable name (the "phase" field). */
static const char *phase_id(Phase p)
{
  switch (p) {
  case PHASE_NONE: return "none";
  case PHASE_IO: return "io";
  case PHASE_MALFORMED: return "malformed";
  case PHASE_INVALID: return "invalid";
  case PHASE_UNLINKABLE: return "unlinkable";
  case PHASE_TRAP: return "trap";
  case PHASE_EXHAUSTION: return "exhaustion";
  case PHASE_EXCEPTION: return "exception";
  case PHASE_SUSPENSION: return "suspension";
  case PHASE_FUEL: return "limit";
  case PHASE_SCRIPT: return "script";
  case PHASE_INTERNAL: return "crash";
  case PHASE_TIMEOUT: return "timeout";
  }
  return "other";
}

/* The bits of a number, as many hex digits as its width. */
static void bits(Buf *b, ValKind k, uint64_t v)
{
  key(b, "bits");
  if (k == VAL_I32 || k == VAL_F32)
    buf_printf(b, "\"0x%08" PRIx32 "\"", (uint32_t)v);
  else
    buf_printf(b, "\"0x%016" PRIx64 "\"", v);
}

/* A reference's kind: null, i31, func, struct, array, exn, host, extern,
 * cont; a host address where there is one. */
static void ref_kind(Buf *b, Ref r)
{
  static const char *const kinds[] = {"func", "struct", "array", "exn", "host", "extern", "cont"};
  key(b, "ref");
  cstr(b, !r ? "null" : ref_is_i31(r) ? "i31" : kinds[r->kind]);
  Ref in = ref_is_object(r) && r->kind == OBJ_EXTERN ? ((ExternInst *)r)->ref : r;
  if (ref_is_object(in) && in->kind == OBJ_HOST) {
    key(b, "host");
    buf_printf(b, "%" PRIu64, ((HostInst *)in)->addr);
  }
}

/* A value that came: its type, its bits (numbers), bytes (vectors) or
 * kind (references), and how the official interpreter prints it. */
static void value(Buf *b, const TypeStore *ts, Value v, ValType declared)
{
  Buf t;
  buf_init(&t);
  buf_putc(b, '{');
  key(b, "type");
  value_type_print(&t, ts, v, declared);
  str(b, t.data ? t.data : "", t.len);
  switch (v.kind) {
  case VAL_I32: case VAL_F32: bits(b, v.kind, v.i32); break;
  case VAL_I64: case VAL_F64: bits(b, v.kind, v.i64); break;
  case VAL_V128:
    key(b, "bytes");   /* in memory order, lane 0 first */
    buf_putc(b, '"');
    for (unsigned i = 0; i < 16; i++)
      buf_printf(b, "%02x", v.v128.i8[i] & 0xff);
    buf_putc(b, '"');
    break;
  default: ref_kind(b, v.ref); break;
  }
  t.len = 0;
  show_value(&t, v);
  key(b, "value");
  str(b, t.data ? t.data : "", t.len);
  buf_putc(b, '}');
  buf_free(&t);
}

/* A number pattern: its bits, or the NaN it accepts. */
static void num_pat(Buf *b, const NumPat *p, ValKind k)
{
  if (p->kind == NUMPAT_VALUE) {
    bits(b, k, p->bits);
  } else {
    key(b, "nan");
    cstr(b, p->kind == NUMPAT_NAN_CANONICAL ? "canonical" : "arithmetic");
  }
}

static void patterns(Buf *b, const Results *l);

/* A result pattern of assert_return. */
static void pattern(Buf *b, const Result *p)
{
  static const char *const shapes[] = {"i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2"};
  static const struct { unsigned lanes; ValKind kind; } lanes[] = {
    {16, VAL_I32}, {8, VAL_I32}, {4, VAL_I32}, {2, VAL_I64}, {4, VAL_F32}, {2, VAL_F64},
  };
  buf_putc(b, '{');
  switch (p->kind) {
  case RESULT_NUM:
    key(b, "type");
    cstr(b, valkind_name(p->type));
    num_pat(b, &p->num, p->type);
    break;
  case RESULT_VEC:
    key(b, "type");
    cstr(b, "v128");
    key(b, "shape");
    cstr(b, shapes[p->shape]);
    key(b, "lanes");
    buf_putc(b, '[');
    for (unsigned i = 0; i < lanes[p->shape].lanes; i++) {
      item(b);
      buf_putc(b, '{');
      /* a narrow lane's bits in its own width */
      if (p->shape == SHAPE_I8X16 || p->shape == SHAPE_I16X8) {
        key(b, "bits");
        buf_printf(b, p->shape == SHAPE_I8X16 ? "\"0x%02" PRIx64 "\"" : "\"0x%04" PRIx64 "\"",
                   p->lanes[i].bits);
      } else {
        num_pat(b, &p->lanes[i], lanes[p->shape].kind);
      }
      buf_putc(b, '}');
    }
    buf_putc(b, ']');
    break;
  case RESULT_EITHER:
    key(b, "either");
    patterns(b, &p->alts);
    break;
  default:
    key(b, "type");
    cstr(b, "ref");
    key(b, "ref");
    switch (p->kind) {
    case RESULT_REF_NULL: cstr(b, "null"); break;
    case RESULT_REF_FUNC: cstr(b, "func"); break;
    case RESULT_REF_EXTERN: cstr(b, "extern"); break;
    case RESULT_REF_HOST: cstr(b, "host"); break;
    case RESULT_REF_HEAP: cstr(b, heapkind_name(p->heap)); break;
    default: cstr(b, "any non-null"); break;
    }
    if (p->kind == RESULT_REF_NULL && p->has_type) {
      key(b, "heap");
      cstr(b, heapkind_name(p->ref.heap));
    }
    if ((p->kind == RESULT_REF_EXTERN && p->has_value) || p->kind == RESULT_REF_HOST) {
      key(b, "host");
      buf_printf(b, "%" PRIu64, p->value);
    }
    break;
  }
  buf_putc(b, '}');
}

/* An array of patterns: assert_return's values, and the alternatives of
 * (either …), which nest. */
static void patterns(Buf *b, const Results *l)
{
  buf_putc(b, '[');
  for (uint32_t i = 0; i < l->len; i++) {
    item(b);
    pattern(b, &l->data[i]);
  }
  buf_putc(b, ']');
}

/* The command's kind as the script writes it. */
static const char *command_kind(const Command *c)
{
  switch (c->kind) {
  case CMD_MODULE: return c->module.definition ? "module definition" : "module";
  case CMD_INSTANCE: return "module instance";
  case CMD_REGISTER: return "register";
  case CMD_ACTION: return c->action.kind == ACTION_GET ? "get" : "invoke";
  case CMD_ASSERT_RETURN: return "assert_return";
  case CMD_ASSERT_TRAP: case CMD_ASSERT_TRAP_MODULE: return "assert_trap";
  case CMD_ASSERT_EXHAUSTION: return "assert_exhaustion";
  case CMD_ASSERT_EXCEPTION: return "assert_exception";
  case CMD_ASSERT_SUSPENSION: return "assert_suspension";
  case CMD_ASSERT_MALFORMED: return "assert_malformed";
  case CMD_ASSERT_INVALID: return "assert_invalid";
  case CMD_ASSERT_UNLINKABLE: return "assert_unlinkable";
  case CMD_INPUT: return "input";
  case CMD_OUTPUT: return "output";
  case CMD_SCRIPT: return "script";
  }
  return "command";
}

/* The outcome an assertion expects, if it expects an error. */
static Phase expected_phase(const Command *c)
{
  switch (c->kind) {
  case CMD_ASSERT_TRAP: case CMD_ASSERT_TRAP_MODULE: return PHASE_TRAP;
  case CMD_ASSERT_EXHAUSTION: return PHASE_EXHAUSTION;
  case CMD_ASSERT_EXCEPTION: return PHASE_EXCEPTION;
  case CMD_ASSERT_SUSPENSION: return PHASE_SUSPENSION;
  case CMD_ASSERT_MALFORMED: return PHASE_MALFORMED;
  case CMD_ASSERT_INVALID: return PHASE_INVALID;
  case CMD_ASSERT_UNLINKABLE: return PHASE_UNLINKABLE;
  default: return PHASE_NONE;
  }
}

/* {"phase":…,"message":…} and, for a trap, its backtrace's lines */
static void error_object(Buf *b, Phase phase, const char *msg, size_t len, const Buf *backtrace)
{
  buf_putc(b, '{');
  key(b, "phase");
  cstr(b, phase_id(phase));
  if (msg) {
    key(b, "message");
    str(b, msg, len);
  }
  if (backtrace && backtrace->len) {
    key(b, "backtrace");
    buf_putc(b, '[');
    const char *p = backtrace->data, *end = p + backtrace->len;
    while (p < end) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
      const char *q = p;
      while (q < p + n && *q == ' ')   /* the indentation is for terminals */
        q++;
      item(b);
      str(b, q, n - (size_t)(q - p));
      p += n + 1;
    }
    buf_putc(b, ']');
  }
  buf_putc(b, '}');
}

static void expected(Buf *b, const Command *c)
{
  Phase phase = expected_phase(c);
  if (c->kind != CMD_ASSERT_RETURN && phase == PHASE_NONE)
    return;
  key(b, "expected");
  buf_putc(b, '{');
  if (c->kind == CMD_ASSERT_RETURN) {
    key(b, "values");
    patterns(b, &c->results);
  } else {
    key(b, "error");
    error_object(b, phase, phase == PHASE_EXCEPTION ? NULL : (const char *)c->failure.data,
                 c->failure.len, NULL);
  }
  buf_putc(b, '}');
}

static void actual(Buf *b, const TypeStore *ts, const Record *rec)
{
  if (rec->err) {
    key(b, "actual");
    buf_puts(b, "{\"error\":");
    error_object(b, rec->err->phase, rec->err->message, strlen(rec->err->message), rec->backtrace);
    buf_putc(b, '}');
  } else if (rec->n || rec->c->kind == CMD_ACTION || rec->c->kind == CMD_ASSERT_RETURN
             || (expected_phase(rec->c) != PHASE_NONE && rec->outcome == RECORD_FAILED && rec->values)) {
    key(b, "actual");
    buf_puts(b, "{\"values\":[");
    for (uint32_t i = 0; i < rec->n; i++) {
      item(b);
      value(b, ts, rec->values[i], rec->types[i]);
    }
    buf_puts(b, "]}");
  }
}

/* The position, in the fields every line has. */
static void position(Buf *b, Loc loc)
{
  key(b, "file");
  cstr(b, loc.file ? loc.file : "");
  if (loc.line) {
    key(b, "line");
    buf_printf(b, "%" PRIu32, loc.line);
    key(b, "column");
  } else {
    key(b, "offset");
  }
  buf_printf(b, "%" PRIu32, loc.col);
}

void json_record(FILE *f, const TypeStore *ts, const Script *s, const Record *rec)
{
  static const char *const outcomes[] = {
    [RECORD_DONE] = "ok", [RECORD_PASSED] = "pass", [RECORD_FAILED] = "fail",
    [RECORD_ERROR] = "error", [RECORD_SKIPPED] = "skip",
  };
  (void)s;
  Buf b;
  buf_init(&b);
  buf_putc(&b, '{');
  position(&b, rec->loc);
  key(&b, "kind");
  cstr(&b, command_kind(rec->c));
  if (rec->c->kind == CMD_ACTION) {   /* the export a bare invoke or get names */
    key(&b, "name");
    str(&b, (const char *)rec->c->action.name.data, rec->c->action.name.len);
  }
  key(&b, "outcome");
  cstr(&b, outcomes[rec->outcome]);
  expected(&b, rec->c);
  actual(&b, ts, rec);
  if (rec->text_len) {
    key(&b, "text");
    str(&b, rec->text, rec->text_len);
  }
  if (rec->outcome == RECORD_FAILED || rec->outcome == RECORD_ERROR) {
    key(&b, "message");
    cstr(&b, rec->message);
  }
  buf_putc(&b, '}');
  if (!b.failed)
    fprintf(f, "%.*s\n", (int)b.len, b.data);
  buf_free(&b);
}

void json_summary(FILE *f, const char *file, unsigned passed, unsigned failed, Phase fatal, int status)
{
  Buf b;
  buf_init(&b);
  buf_putc(&b, '{');
  key(&b, "file");
  cstr(&b, file);
  key(&b, "kind");
  cstr(&b, "summary");
  key(&b, "outcome");
  cstr(&b, fatal != PHASE_NONE ? "error" : failed ? "fail" : "pass");
  key(&b, "passed");
  buf_printf(&b, "%u", passed);
  key(&b, "failed");
  buf_printf(&b, "%u", failed);
  if (fatal != PHASE_NONE) {
    key(&b, "error");
    cstr(&b, phase_id(fatal));
  }
  key(&b, "status");
  buf_printf(&b, "%d", status);
  buf_putc(&b, '}');
  if (!b.failed)
    fprintf(f, "%.*s\n", (int)b.len, b.data);
  buf_free(&b);
}

void json_log(FILE *f, const char *text, size_t len)
{
  Buf b;
  buf_init(&b);
  buf_puts(&b, "{\"kind\":\"log\",\"text\":");
  str(&b, text, len);
  buf_putc(&b, '}');
  if (!b.failed)
    fprintf(f, "%.*s\n", (int)b.len, b.data);
  buf_free(&b);
}

void json_stats(FILE *f, const char *of, const Costs *c)
{
  Buf b;
  buf_init(&b);
  buf_putc(&b, '{');
  key(&b, "kind");
  cstr(&b, "stats");
  key(&b, "of");
  cstr(&b, of);
  key(&b, "steps");
  buf_printf(&b, "%" PRIu64, c->steps);
  for (int g = 0; g < GROUP_COUNT; g++) {
    char name[64];
    snprintf(name, sizeof name, "steps.%s", instr_group_name[g]);
    key(&b, name);
    buf_printf(&b, "%" PRIu64, c->groups[g]);
  }
  Figure fig[FIGURES];
  costs_figures(c, fig);
  for (int i = 0; i < FIGURES; i++) {
    key(&b, fig[i].name);
    buf_printf(&b, "%" PRIu64, fig[i].value);
  }
  buf_putc(&b, '}');
  if (!b.failed)
    fprintf(f, "%.*s\n", (int)b.len, b.data);
  buf_free(&b);
}
