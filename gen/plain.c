/* Plain Wasm 3.0 code mixed into the patterns' functions: numerics, memory
 * at addresses kept in bounds, struct and array operations on objects that
 * exist, br_table, try_table, bounded loops.  None of it traps: divisors
 * are made odd (never 0), float-to-integer conversions saturate, addresses
 * and array indices are masked into range. */

#include "gen/emit.h"

/* ================================================================ Expressions */

enum { EXPR_DEPTH = 2, STMT_DEPTH = 2 };

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* A constant of a numeric type: small numbers mostly, the edges sometimes. */
static void constant(Fn *f, VT t)
{
  static const char *const ints[] = {"0", "1", "-1", "2", "7", "100", "255", "-128", "65535",
                                     "0x7fffffff", "0x80000000"};
  static const char *const floats[] = {"0", "1", "-1", "0.5", "2.25", "-0", "1e10", "inf", "-3.75",
                                       "0x1p-126"};
  Gen *g = f->g;
  if (t <= VT_I64 && one_in(g, 2))
    put(f, "(%s.const %u)", vt_text(t), pick(g, 50));
  else if (t <= VT_I64)
    put(f, "(%s.const %s)", vt_text(t), ints[pick(g, COUNT(ints))]);
  else
    put(f, "(%s.const %s)", vt_text(t), floats[pick(g, COUNT(floats))]);
}

/* (op a b), both operands of type t. */
static void binary(Fn *f, const char *op, VT t, int depth)
{
  put(f, "(%s.%s ", vt_text(t), op);
  expr(f, t, depth + 1);
  put(f, " ");
  expr(f, t, depth + 1);
  put(f, ")");
}

/* (op a), the operand of type from. */
static void unary(Fn *f, const char *op, VT from, int depth)
{
  put(f, "(%s ", op);
  expr(f, from, depth + 1);
  put(f, ")");
}

/* An address of memory 0 where 8 bytes at an offset of up to 8 fit. */
static void address(Fn *f, int depth)
{
  put(f, "(i32.and ");
  expr(f, VT_I32, depth + 1);
  put(f, " (i32.const 0xfff0))");
}

/* A load of a numeric type. */
static void load(Fn *f, VT t, int depth)
{
  static const char *const loads[][3] = {
    {"i32.load", "i32.load8_s", "i32.load16_u"}, {"i64.load", "i64.load32_s", "i64.load8_u"},
    {"f32.load", "f32.load", "f32.load"}, {"f64.load", "f64.load", "f64.load"},
  };
  put(f, "(%s offset=%u ", loads[t][pick(f->g, 3)], 4 * pick(f->g, 3));
  address(f, depth);
  put(f, ")");
}

/* An integer expression (i32 or i64) that is not a leaf. */
static void int_expr(Fn *f, VT t, int depth)
{
  static const char *const binops[] = {"add", "sub", "mul", "and", "or", "xor", "shl", "shr_s",
                                       "shr_u", "rotl", "rotr"};
  static const char *const cmps[] = {"eq", "ne", "lt_s", "lt_u", "gt_s", "ge_u", "le_s"};
  static const char *const fcmps[] = {"eq", "ne", "lt", "gt", "le", "ge"};
  static const char *const unops[] = {"clz", "ctz", "popcnt", "extend8_s", "extend16_s"};
  const char *ty = vt_text(t);
  Gen *g = f->g;
  switch (pick(g, 8)) {
  case 0: binary(f, binops[pick(g, COUNT(binops))], t, depth); break;
  case 1:   /* by an odd number: never by 0; unsigned: never overflows */
    put(f, "(%s.%s ", ty, one_in(g, 2) ? "div_u" : "rem_u");
    expr(f, t, depth + 1);
    put(f, " (%s.or ", ty);
    expr(f, t, depth + 1);
    put(f, " (%s.const 1)))", ty);
    break;
  case 2: put(f, "(%s.%s ", ty, unops[pick(g, COUNT(unops))]); expr(f, t, depth + 1); put(f, ")"); break;
  case 3:
    if (t == VT_I32) {   /* a comparison of any numeric type */
      VT of = random_vt(g, true);
      binary(f, of >= VT_F32 ? fcmps[pick(g, COUNT(fcmps))] : cmps[pick(g, COUNT(cmps))], of, depth);
    } else {
      unary(f, one_in(g, 2) ? "i64.extend_i32_s" : "i64.extend_i32_u", VT_I32, depth);
    }
    break;
  case 4: load(f, t, depth); break;
  case 5: {   /* from a float: saturating, never traps */
    VT from = one_in(g, 2) ? VT_F32 : VT_F64;
    put(f, "(%s.trunc_sat_%s_%c ", ty, vt_text(from), one_in(g, 2) ? 's' : 'u');
    expr(f, from, depth + 1);
    put(f, ")");
    break;
  }
  case 6:
    if (t == VT_I32)
      unary(f, one_in(g, 2) ? "i32.wrap_i64" : "i64.eqz", VT_I64, depth);
    else
      unary(f, "i64.reinterpret_f64", VT_F64, depth);
    break;
  default:
    if (t == VT_I32 && one_in(g, 4)) {   /* a cast's test: never traps */
      put(f, "(ref.test (ref %s) ", one_in(g, 2) ? "$box" : "i31");
      expr(f, one_in(g, 2) ? VT_BOX : VT_I31, depth + 1);
      put(f, ")");
    } else if (t == VT_I32 && one_in(g, 2)) {
      put(f, "(struct.get $box 0 (local.get $s))");
      f->uses_s = true;
    } else if (t == VT_I32) {
      put(f, "(array.get $arr (local.get $a) (i32.and ");
      expr(f, VT_I32, depth + 1);
      put(f, " (i32.const 7)))");
      f->uses_a = true;
    } else {
      put(f, "(select ");
      expr(f, t, depth + 1);
      put(f, " ");
      expr(f, t, depth + 1);
      put(f, " ");
      expr(f, VT_I32, depth + 1);
      put(f, ")");
    }
    break;
  }
}

/* A float expression (f32 or f64) that is not a leaf. */
static void float_expr(Fn *f, VT t, int depth)
{
  static const char *const binops[] = {"add", "sub", "mul", "div", "min", "max", "copysign"};
  static const char *const unops[] = {"neg", "abs", "sqrt", "ceil", "floor", "trunc", "nearest"};
  const char *ty = vt_text(t);
  Gen *g = f->g;
  switch (pick(g, 5)) {
  case 0: binary(f, binops[pick(g, COUNT(binops))], t, depth); break;
  case 1: put(f, "(%s.%s ", ty, unops[pick(g, COUNT(unops))]); expr(f, t, depth + 1); put(f, ")"); break;
  case 2: {
    VT from = one_in(g, 2) ? VT_I32 : VT_I64;
    put(f, "(%s.convert_%s_%c ", ty, vt_text(from), one_in(g, 2) ? 's' : 'u');
    expr(f, from, depth + 1);
    put(f, ")");
    break;
  }
  case 3: load(f, t, depth); break;
  default:
    if (t == VT_F32 && one_in(g, 2))
      unary(f, "f32.demote_f64", VT_F64, depth);
    else if (t == VT_F32)
      unary(f, "f32.reinterpret_i32", VT_I32, depth);
    else
      unary(f, "f64.promote_f32", VT_F32, depth);
    break;
  }
}

/* A v128 of integer lanes only: float lanes would carry NaNs whose bits
 * engines may choose differently, and the log shows a v128's bits. */
static void v128_expr(Fn *f, bool leaf, int depth)
{
  static const char *const binops[] = {"i8x16.add", "i16x8.sub", "i32x4.add", "i32x4.mul",
                                       "i64x2.add", "i64x2.sub", "v128.and", "v128.or",
                                       "v128.xor", "i8x16.min_u", "i16x8.max_s"};
  Gen *g = f->g;
  if (leaf) {
    switch (pick(g, 3)) {
    case 0:
      put(f, "(v128.const i32x4 %u %u %u %u)", pick(g, 50), pick(g, 50), pick(g, 50), pick(g, 50));
      break;
    case 1: put(f, "(local.get $x_v128)"); break;
    default: put(f, "(v128.load "); address(f, depth); put(f, ")"); break;   /* 16 bytes below 0x10000 */
    }
    return;
  }
  switch (pick(g, 4)) {
  case 0: unary(f, "i32x4.splat", VT_I32, depth); break;
  case 1: unary(f, "i64x2.splat", VT_I64, depth); break;
  case 2:
    put(f, "(i32x4.replace_lane %u ", pick(g, 4));
    expr(f, VT_V128, depth + 1);
    put(f, " ");
    expr(f, VT_I32, depth + 1);
    put(f, ")");
    break;
  default:
    put(f, "(%s ", binops[pick(g, COUNT(binops))]);
    expr(f, VT_V128, depth + 1);
    put(f, " ");
    expr(f, VT_V128, depth + 1);
    put(f, ")");
    break;
  }
}

void expr(Fn *f, VT t, int depth)
{
  Gen *g = f->g;
  bool leaf = depth >= EXPR_DEPTH || one_in(g, 3);
  switch (t) {
  case VT_I31:
    if (one_in(g, 8)) {
      put(f, "(ref.null i31)");
    } else if (leaf) {
      put(f, "(local.get $x_i31)");
    } else {
      put(f, "(ref.i31 ");
      expr(f, VT_I32, depth + 1);
      put(f, ")");
    }
    return;
  case VT_BOX:
    if (one_in(g, 8)) {
      put(f, "(ref.null $box)");
    } else if (leaf && one_in(g, 2)) {
      put(f, "(local.get $x_box)");
    } else if (leaf) {
      put(f, "(local.get $s)");
      f->uses_s = true;
    } else {
      put(f, "(struct.new $box ");
      expr(f, VT_I32, depth + 1);
      put(f, ")");
    }
    return;
  case VT_V128:
    v128_expr(f, leaf, depth);
    return;
  default:
    break;
  }
  if (leaf) {
    switch (pick(g, 3)) {
    case 0: constant(f, t); break;
    case 1: put(f, "(local.get $x_%s)", vt_name(t)); break;
    default: put(f, "(global.get $g_%s)", vt_name(t)); break;
    }
  } else if (t <= VT_I64) {
    int_expr(f, t, depth);
  } else {
    float_expr(f, t, depth);
  }
}

void exprs(Fn *f, const Tuple *t)
{
  for (unsigned i = 0; i < t->n; i++) {
    put(f, " ");
    expr(f, (VT)t->t[i], 1);
  }
}

void consume(Fn *f, const Tuple *t)
{
  for (unsigned i = t->n; i-- > 0;) {
    const char *name = vt_name((VT)t->t[i]);
    switch (pick(f->g, 4)) {
    case 0: line(f, "(local.set $x_%s)", name); break;
    case 1: line(f, "(drop)"); break;
    default: line(f, "(call $log_%s)", name); break;
    }
  }
}

/* ================================================================ Statements */

static void statement(Fn *f);

/* A few statements, at one more level of nesting. */
static void nested(Fn *f, unsigned most)
{
  f->indent++;
  f->depth++;
  unsigned n = 1 + pick(f->g, most);
  for (unsigned i = 0; i < n; i++)
    statement(f);
  f->depth--;
  f->indent--;
}

/* if/else on any i32. */
static void stmt_if(Fn *f)
{
  ind(f);
  put(f, "(if ");
  expr(f, VT_I32, 1);
  put(f, "\n");
  f->indent++;
  line(f, "(then");
  nested(f, 2);
  line(f, ")");
  if (one_in(f->g, 2)) {
    line(f, "(else");
    nested(f, 2);
    line(f, ")");
  }
  f->indent--;
  line(f, ")");
}

/* A loop that runs 1 to 4 times: its counter is a local of its own, which
 * nothing else sets. */
static void stmt_loop(Fn *f)
{
  uint32_t c = fn_local(f, "i32"), l = fn_label(f);
  line(f, "(local.set $v%u (i32.const %u))", c, 1 + pick(f->g, 4));
  line(f, "(loop $l%u", l);
  nested(f, 2);
  line(f, "  (br_if $l%u (local.tee $v%u (i32.sub (local.get $v%u) (i32.const 1)))))", l, c, c);
}

/* br_table into one of two or three nested blocks, each followed by a
 * statement. */
static void stmt_br_table(Fn *f)
{
  unsigned n = 2 + pick(f->g, 2);
  uint32_t l[3];
  for (unsigned i = 0; i < n; i++) {
    l[i] = fn_label(f);
    line(f, "(block $l%u", l[i]);
    f->indent++;
  }
  ind(f);
  put(f, "(br_table");
  for (unsigned i = n; i-- > 0;)
    put(f, " $l%u", l[i]);
  put(f, " ");
  expr(f, VT_I32, 1);
  put(f, ")\n");
  for (unsigned i = n; i-- > 0;) {
    f->indent--;
    line(f, ")");
    if (i)
      nested(f, 1);
  }
}

/* try_table catching $e_i32 (or anything) around statements that may throw. */
static void stmt_try(Fn *f)
{
  uint32_t out = fn_label(f), caught = fn_label(f);
  bool all = one_in(f->g, 3);
  line(f, "(block $l%u", out);
  f->indent++;
  line(f, "(block $l%u%s", caught, all ? "" : " (result i32)");
  f->indent++;
  line(f, "(try_table (%s $l%u)", all ? "catch_all" : "catch $e_i32", caught);
  nested(f, 2);
  f->indent++;
  ind(f);
  put(f, "(if ");
  expr(f, VT_I32, 1);
  put(f, " (then (throw $e_i32 ");
  expr(f, VT_I32, 1);
  put(f, ")))\n");
  f->indent--;
  line(f, ")");
  line(f, "(br $l%u)", out);
  f->indent--;
  line(f, ")");
  if (!all)
    line(f, "(call $log_i32)");
  f->indent--;
  line(f, ")");
}

/* A statement that writes something: a local, a global, memory, the log,
 * a struct field, an array element. */
static void stmt_write(Fn *f)
{
  Gen *g = f->g;
  VT t = random_vt(g, !one_in(g, 4));
  const char *name = vt_name(t);
  ind(f);
  switch (t >= VT_I31 ? pick(g, 2) : pick(g, 6)) {
  case 0: put(f, "(local.set $x_%s ", name); expr(f, t, 0); break;
  case 1: put(f, "(call $log_%s ", name); expr(f, t, 0); break;
  case 2: put(f, "(global.set $g_%s ", name); expr(f, t, 0); break;
  case 3:
    put(f, "(%s.store offset=%u ", vt_text(t), 4 * pick(g, 3));
    address(f, 0);
    put(f, " ");
    expr(f, t, 0);
    break;
  case 4:
    put(f, "(struct.set $box 0 (local.get $s) ");
    f->uses_s = true;
    expr(f, VT_I32, 0);
    break;
  default:
    put(f, "(array.set $arr (local.get $a) (i32.and ");
    f->uses_a = true;
    expr(f, VT_I32, 1);
    put(f, " (i32.const 7)) ");
    expr(f, VT_I32, 0);
    break;
  }
  put(f, ")\n");
}

static void statement(Fn *f)
{
  if (f->depth >= STMT_DEPTH) {
    stmt_write(f);
    return;
  }
  switch (pick(f->g, 10)) {
  case 0: stmt_if(f); break;
  case 1: stmt_loop(f); break;
  case 2: stmt_br_table(f); break;
  case 3: stmt_try(f); break;
  default: stmt_write(f); break;
  }
}

void filler(Fn *f)
{
  unsigned n = pick(f->g, f->g->size / 4 + 2);
  for (unsigned i = 0; i < n; i++)
    statement(f);
}

/* ================================================================ The prelude */

void plain_prelude(Gen *g)
{
  Buf *d = &g->decls;
  for (int t = 0; t < VT_NUMERIC; t++)
    buf_printf(d, "  (import \"fuzzing-support\" \"log-%s\" (func $log_%s (param %s)))\n",
               vt_name((VT)t), vt_name((VT)t), vt_text((VT)t));
  /* the host's tag: a tag of another instance, to suspend to and handle */
  buf_puts(d, "  (import \"fuzzing-support\" \"wasmtag\" (tag $wasmtag (param i32)))\n");
  buf_puts(d, "  (type $box (struct (field (mut i32))))\n"
              "  (type $arr (array (mut i32)))\n"
              "  (memory 1)\n"
              "  (tag $e_i32 (param i32))\n");
  static const char *const zero[VT_NUMERIC] = {"i32.const 0", "i64.const 0", "f32.const 0",
                                                "f64.const 0"};
  for (int t = 0; t < VT_NUMERIC; t++)
    buf_printf(d, "  (global $g_%s (mut %s) (%s))\n", vt_name((VT)t), vt_text((VT)t), zero[t]);
  /* references are logged as an i32: -1 for null; a v128 as two i64s */
  buf_puts(&g->funcs,
           "  (func $log_i31 (param $r (ref null i31))\n"
           "    (call $log_i32 (if (result i32) (ref.is_null (local.get $r))\n"
           "      (then (i32.const -1)) (else (i31.get_s (local.get $r))))))\n"
           "  (func $log_box (param $r (ref null $box))\n"
           "    (call $log_i32 (if (result i32) (ref.is_null (local.get $r))\n"
           "      (then (i32.const -1)) (else (struct.get $box 0 (local.get $r))))))\n"
           "  (func $log_v128 (param $v v128)\n"
           "    (call $log_i64 (i64x2.extract_lane 0 (local.get $v)))\n"
           "    (call $log_i64 (i64x2.extract_lane 1 (local.get $v))))\n");
}

void plain_pattern(Gen *g, const char *name)
{
  Fn f;
  Buf rest;
  buf_init(&rest);
  bool result = !one_in(g, 3);
  VT t = random_vt(g, true);
  buf_printf(&rest, " (export \"%s\")%s%s%s", name, result ? " (result " : "", result ? vt_text(t) : "",
             result ? ")" : "");
  fn_start(&f, g, name, rest.data);
  buf_free(&rest);
  unsigned n = 1 + pick(g, g->size / 2 + 1);
  for (unsigned i = 0; i < n; i++)
    statement(&f);
  if (result) {
    ind(&f);
    expr(&f, t, 0);
    put(&f, "\n");
  }
  fn_finish(&f);
}
