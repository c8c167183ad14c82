/* Vector numerics (spec: 3.2-numerics.vector, 3.0-numerics.relaxed and the
 * lane operators of 3.1-numerics.scalar; prose: exec/numerics; the vector
 * rules of 4.3-execution.instructions).
 *
 * A vector is taken apart into M lanes of N bits (N = 8, 16, 32, 64 and
 * M = 128 / N), each held in a uint64_t as an N-bit pattern, so that the
 * lane operators are the scalar ones of interp/numerics.h, written once for
 * all sizes, as the spec writes $ivbinop_(Jnn X M, $iadd_, v_1, v_2).
 * Float lanes are bit patterns like integer ones; they are unpacked into
 * float (N = 32) or double (N = 64) only to compute, and so round in the
 * lane's own format.
 *
 * The deterministic profile (appendix/profiles) makes every operator a
 * function: a NaN that a float operator produces is +nan(canon_N), so each
 * $setproduct_ of result sets has a single element, and every relaxed
 * operator takes alternative 0 of $relaxed2 / $relaxed4
 * ("$relaxed2(i, X, X_1, X_2) = X_1 -- otherwise").
 *
 * No operation relies on C's undefined cases: lane arithmetic is unsigned,
 * shift counts are reduced mod N, and float to integer conversions are
 * range-checked first.  The lanes of a V128 are little-endian, as memory
 * is, on the little-endian hosts that configure accepts. */
#include "interp/simd.h"

#include <assert.h>
#include <string.h>

#include "interp/numerics.h"

enum Half { LOW, HIGH };

/* Lanes ------------------------------------------------------------- */

/* M, the number of N-bit lanes */
static unsigned lanes_n(unsigned N) { return 128 / N; }

/* $lanes_(iN X M, v)[i] */
static uint64_t lane_(unsigned N, const V128 *v, unsigned i)
{
  switch (N) {
  case 8: return v->i8[i];
  case 16: return v->i16[i];
  case 32: return v->i32[i];
  default: return v->i64[i];
  }
}

/* $inv_lanes_, a lane at a time: lane i of v becomes the N-bit pattern c. */
static void set_lane(unsigned N, V128 *v, unsigned i, uint64_t c)
{
  switch (N) {
  case 8: v->i8[i] = (uint8_t)c; break;
  case 16: v->i16[i] = (uint16_t)c; break;
  case 32: v->i32[i] = (uint32_t)c; break;
  default: v->i64[i] = c; break;
  }
}

/* Lanewise operations (3.2-numerics.vector) ------------------------- */

typedef uint64_t Unop(unsigned N, uint64_t i);
typedef uint64_t Binop(unsigned N, uint64_t i1, uint64_t i2);
typedef uint64_t BinopSx(unsigned N, enum Sx sx, uint64_t i1, uint64_t i2);
typedef uint64_t Ternop(unsigned N, uint64_t i1, uint64_t i2, uint64_t i3);

/* $ivunop_ and $fvunop_: f applied to each lane */
static V128 lanewise_unop(unsigned N, Unop *f, V128 v1)
{
  V128 r;
  for (unsigned i = 0; i < lanes_n(N); i++)
    set_lane(N, &r, i, f(N, lane_(N, &v1, i)));
  return r;
}

/* $ivbinop_ and $fvbinop_ */
static V128 lanewise_binop(unsigned N, Binop *f, V128 v1, V128 v2)
{
  V128 r;
  for (unsigned i = 0; i < lanes_n(N); i++)
    set_lane(N, &r, i, f(N, lane_(N, &v1, i), lane_(N, &v2, i)));
  return r;
}

/* $ivbinopsx_ */
static V128 lanewise_binop_sx(unsigned N, BinopSx *f, enum Sx sx, V128 v1, V128 v2)
{
  V128 r;
  for (unsigned i = 0; i < lanes_n(N); i++)
    set_lane(N, &r, i, f(N, sx, lane_(N, &v1, i), lane_(N, &v2, i)));
  return r;
}

/* $fvternop_ */
static V128 lanewise_ternop(unsigned N, Ternop *f, V128 v1, V128 v2, V128 v3)
{
  V128 r;
  for (unsigned i = 0; i < lanes_n(N); i++)
    set_lane(N, &r, i, f(N, lane_(N, &v1, i), lane_(N, &v2, i), lane_(N, &v3, i)));
  return r;
}

/* $ivrelop_ and $fvrelop_: f's 0 or 1, $extend__(1, N, S, ·)ed to a lane
 * of all zeroes or all ones */
static V128 lanewise_relop(unsigned N, Binop *f, V128 v1, V128 v2)
{
  V128 r;
  for (unsigned i = 0; i < lanes_n(N); i++)
    set_lane(N, &r, i, f(N, lane_(N, &v1, i), lane_(N, &v2, i)) ? mask_(N) : 0);
  return r;
}

/* $ivrelopsx_ */
static V128 lanewise_relop_sx(unsigned N, BinopSx *f, enum Sx sx, V128 v1, V128 v2)
{
  V128 r;
  for (unsigned i = 0; i < lanes_n(N); i++)
    set_lane(N, &r, i, f(N, sx, lane_(N, &v1, i), lane_(N, &v2, i)) ? mask_(N) : 0);
  return r;
}

/* $ivshiftop_(Jnn X M, $ishl_, v, i) */
static V128 lanewise_shl(unsigned N, V128 v1, uint32_t i)
{
  V128 r;
  for (unsigned k = 0; k < lanes_n(N); k++)
    set_lane(N, &r, k, ishl_(N, lane_(N, &v1, k), i));
  return r;
}

/* $ivshiftopsx_(Jnn X M, $ishr_, sx, v, i) */
static V128 lanewise_shr(unsigned N, enum Sx sx, V128 v1, uint32_t i)
{
  V128 r;
  for (unsigned k = 0; k < lanes_n(N); k++)
    set_lane(N, &r, k, ishr_(N, sx, lane_(N, &v1, k), i));
  return r;
}

/* Whole-vector operations ------------------------------------------- */

/* $inot_(128, v) */
static V128 vnot_(V128 v)
{
  V128 r = {.i64 = {~v.i64[0], ~v.i64[1]}};
  return r;
}

/* $iand_ $iandnot_ $ior_ $ixor_ on 128 bits, a 64-bit half at a time */
static V128 vand_(V128 a, V128 b) { return (V128){.i64 = {a.i64[0] & b.i64[0], a.i64[1] & b.i64[1]}}; }
static V128 vandnot_(V128 a, V128 b) { return vand_(a, vnot_(b)); }
static V128 vor_(V128 a, V128 b) { return (V128){.i64 = {a.i64[0] | b.i64[0], a.i64[1] | b.i64[1]}}; }
static V128 vxor_(V128 a, V128 b) { return (V128){.i64 = {a.i64[0] ^ b.i64[0], a.i64[1] ^ b.i64[1]}}; }

/* $ibitselect_(128, v_1, v_2, c): bits of v_1 where c is 1, of v_2 where 0 */
static V128 vbitselect_(V128 v1, V128 v2, V128 c) { return vor_(vand_(v1, c), vandnot_(v2, c)); }

/* $irelaxed_laneselect_(N, i_1, i_2, i_3) = $ibitselect_(N, i_1, i_2, i_3):
 * alternative 0 uses the mask i_3 as it is, not its top bit spread over the
 * lane.  Being bitwise, that is the same for every N. */
static V128 vrelaxed_laneselect_(V128 v1, V128 v2, V128 v3) { return vbitselect_(v1, v2, v3); }

/* $inez_(128, v) */
static uint32_t vany_true_(V128 v) { return (v.i64[0] | v.i64[1]) != 0; }

/* all_true: $prod($inez_(N, i)*) */
static uint32_t vall_true_(unsigned N, V128 v)
{
  for (unsigned i = 0; i < lanes_n(N); i++)
    if (lane_(N, &v, i) == 0)
      return 0;
  return 1;
}

/* $ivbitmaskop_: bit i is $ilt_(N, S, lane i, 0), the lane's top bit */
static uint32_t vbitmask_(unsigned N, V128 v)
{
  uint32_t c = 0;
  for (unsigned i = 0; i < lanes_n(N); i++)
    c |= (uint32_t)(lane_(N, &v, i) >> (N - 1)) << i;
  return c;
}

/* splat: $inv_lanes_(Lnn X M, $lpacknum_(Lnn, c)^M) */
static V128 vsplat_(unsigned N, uint64_t c)
{
  V128 r;
  for (unsigned i = 0; i < lanes_n(N); i++)
    set_lane(N, &r, i, c);
  return r;
}

/* replace_lane: $lanes_(v)[[i] = $lpacknum_(Lnn, c)] */
static V128 vreplace_lane_(unsigned N, V128 v, unsigned i, uint64_t c)
{
  set_lane(N, &v, i, c);
  return v;
}

/* $iswizzle_lane_(N, c*, i) = c*[i] if i < |c*|, 0 otherwise */
static uint64_t iswizzle_lane_(const V128 *c, uint64_t i) { return i < 16 ? c->i8[i] : 0; }

/* $irelaxed_swizzle_lane_: as $iswizzle_lane_ for i < 16 and for negative
 * i; for the others alternative 0 is 0, so it is $iswizzle_lane_ throughout. */
static uint64_t irelaxed_swizzle_lane_(const V128 *c, uint64_t i) { return iswizzle_lane_(c, i); }

/* $ivswizzlop_(I8 X 16, $f_, v_1, v_2) */
static V128 vswizzle_(uint64_t (*f)(const V128 *, uint64_t), V128 v1, V128 v2)
{
  V128 r;
  for (unsigned i = 0; i < 16; i++)
    r.i8[i] = (uint8_t)f(&v1, v2.i8[i]);
  return r;
}

/* $ivshufflop_(I8 X 16, i*, v_1, v_2) = ((c_1* ++ c_2*)[i])*, where
 * validation has checked every i < 32 */
static V128 vshuffle_(const uint8_t idx[16], V128 v1, V128 v2)
{
  const V128 c[2] = {v1, v2};
  V128 r;
  for (unsigned i = 0; i < 16; i++)
    r.i8[i] = c[idx[i] / 16 % 2].i8[idx[i] % 16];
  return r;
}

/* $vnarrowop__(iN_1 X M_1, iN_2 X M_2, sx, v_1, v_2): the lanes of v_1
 * then those of v_2, each narrowed from N_1 = 2 N_2 bits */
static V128 vnarrow_(unsigned N2, enum Sx sx, V128 v1, V128 v2)
{
  unsigned N1 = 2 * N2, M1 = lanes_n(N1);
  V128 r;
  for (unsigned i = 0; i < lanes_n(N2); i++) {
    const V128 *v = i < M1 ? &v1 : &v2;
    set_lane(N2, &r, i, narrow_(N1, N2, sx, lane_(N1, v, i % M1)));
  }
  return r;
}

/* $vcvtop__ EXTEND half sx, from N_1- to N_2 = 2 N_1-bit lanes: the low or
 * high half of the lanes, $extend__ed */
static V128 vextend_(unsigned N2, enum Half half, enum Sx sx, V128 v)
{
  unsigned N1 = N2 / 2, M2 = lanes_n(N2), h = half == LOW ? 0 : M2;
  V128 r;
  for (unsigned i = 0; i < M2; i++)
    set_lane(N2, &r, i, extend_(N1, N2, sx, lane_(N1, &v, h + i)));
  return r;
}

/* $vcvtop__ CONVERT LOW? sx, from i32 lanes to fN: for f32x4 all four, for
 * f64x2 the low two */
static V128 vconvert_(unsigned N2, enum Sx sx, V128 v)
{
  V128 r;
  for (unsigned i = 0; i < lanes_n(N2); i++)
    set_lane(N2, &r, i, convert_(32, N2, sx, lane_(32, &v, i)));
  return r;
}

/* $vcvtop__ TRUNC_SAT sx ZERO? and RELAXED_TRUNC sx ZERO?, from fN_1 lanes
 * to i32: f32x4 fills the four lanes, f64x2 the low two and zeroes the rest */
static V128 vtrunc_(unsigned N1, uint64_t (*f)(unsigned, unsigned, enum Sx, uint64_t), enum Sx sx,
                    V128 v)
{
  V128 r = {0};
  for (unsigned i = 0; i < lanes_n(N1); i++)
    r.i32[i] = (uint32_t)f(N1, 32, sx, lane_(N1, &v, i));
  return r;
}

/* $vcvtop__ DEMOTE ZERO: the two f64 lanes demoted, then two zeroes */
static V128 vdemote_zero_(V128 v)
{
  V128 r = {0};
  for (unsigned i = 0; i < 2; i++)
    r.i32[i] = (uint32_t)demote_(v.i64[i]);
  return r;
}

/* $vcvtop__ PROMOTE LOW: the low two f32 lanes promoted */
static V128 vpromote_low_(V128 v)
{
  V128 r;
  for (unsigned i = 0; i < 2; i++)
    r.i64[i] = promote_(v.i32[i]);
  return r;
}

/* $ivextunop__(iN_1 X M_1, iN_2 X M_2, $ivadd_pairwise_, sx, v): the lanes
 * $extend__ed to N_2 = 2 N_1 bits, then adjacent pairs added */
static V128 vextadd_pairwise_(unsigned N2, enum Sx sx, V128 v)
{
  unsigned N1 = N2 / 2;
  V128 r;
  for (unsigned i = 0; i < lanes_n(N2); i++) {
    uint64_t j1 = extend_(N1, N2, sx, lane_(N1, &v, 2 * i));
    uint64_t j2 = extend_(N1, N2, sx, lane_(N1, &v, 2 * i + 1));
    set_lane(N2, &r, i, iadd_(N2, j1, j2));
  }
  return r;
}

/* The $f_ of $ivextbinop__: N-bit lanes from the k extended lanes c_1*, c_2*. */
typedef V128 ExtBinop(unsigned N, const uint64_t *c1, const uint64_t *c2, unsigned k);

/* $ivmul_(N, i_1*, i_2*) = $imul_(N, i_1, i_2)* */
static V128 ivmul_(unsigned N, const uint64_t *c1, const uint64_t *c2, unsigned k)
{
  V128 r;
  for (unsigned i = 0; i < k; i++)
    set_lane(N, &r, i, imul_(N, c1[i], c2[i]));
  return r;
}

/* $ivdot_(N, i_1*, i_2*): the products, adjacent pairs added */
static V128 ivdot_(unsigned N, const uint64_t *c1, const uint64_t *c2, unsigned k)
{
  V128 r;
  for (unsigned i = 0; i < k / 2; i++)
    set_lane(N, &r, i, iadd_(N, imul_(N, c1[2 * i], c2[2 * i]),
                             imul_(N, c1[2 * i + 1], c2[2 * i + 1])));
  return r;
}

/* $ivdot_sat_(N, i_1*, i_2*): as $ivdot_, the pairs added with $iadd_sat_ S */
static V128 ivdot_sat_(unsigned N, const uint64_t *c1, const uint64_t *c2, unsigned k)
{
  V128 r;
  for (unsigned i = 0; i < k / 2; i++)
    set_lane(N, &r, i, iadd_sat_(N, S, imul_(N, c1[2 * i], c2[2 * i]),
                                 imul_(N, c1[2 * i + 1], c2[2 * i + 1])));
  return r;
}

/* $ivextbinop__(iN_1 X M_1, iN_2 X M_2, $f_, sx_1, sx_2, i, k, v_1, v_2):
 * lanes i .. i+k-1 of each operand, $extend__ed to N_2 = 2 N_1 bits with
 * sx_1 and sx_2, combined by f */
static V128 ivextbinop_(unsigned N2, ExtBinop *f, enum Sx sx1, enum Sx sx2, unsigned i,
                        unsigned k, V128 v1, V128 v2)
{
  unsigned N1 = N2 / 2;
  uint64_t c1[16], c2[16];
  for (unsigned j = 0; j < k; j++) {
    c1[j] = extend_(N1, N2, sx1, lane_(N1, &v1, i + j));
    c2[j] = extend_(N1, N2, sx2, lane_(N1, &v2, i + j));
  }
  return f(N2, c1, c2, k);
}

/* EXTMUL half sx: $ivmul_ of the low or high half of the lanes */
static V128 vextmul_(unsigned N2, enum Half half, enum Sx sx, V128 v1, V128 v2)
{
  unsigned M2 = lanes_n(N2);
  return ivextbinop_(N2, ivmul_, sx, sx, half == LOW ? 0 : M2, M2, v1, v2);
}

/* DOT S: $ivdot_ of all lanes, signed */
static V128 vdot_(unsigned N2, V128 v1, V128 v2)
{
  return ivextbinop_(N2, ivdot_, S, S, 0, lanes_n(N2 / 2), v1, v2);
}

/* RELAXED_DOT S: $ivdot_sat_ with v_2's lanes extended by
 * $relaxed2($R_idot, sx, S, U), whose alternative 0 is S */
static V128 vrelaxed_dot_(unsigned N2, V128 v1, V128 v2)
{
  return ivextbinop_(N2, ivdot_sat_, S, S, 0, lanes_n(N2 / 2), v1, v2);
}

/* $vextternop__ RELAXED_DOT_ADD S, iN_1 X M_1 to iN_2 X M_2 (N_2 = 4 N_1):
 * the relaxed dot product into 2 N_1-bit lanes, those added pairwise into
 * N_2 bits, plus v_3 */
static V128 vrelaxed_dot_add_(unsigned N2, V128 v1, V128 v2, V128 v3)
{
  V128 c1 = vrelaxed_dot_(N2 / 2, v1, v2);
  V128 c2 = vextadd_pairwise_(N2, S, c1);
  return lanewise_binop(N2, iadd_, c2, v3);
}

/* The instructions -------------------------------------------------- */

/* simd_apply's instructions are the rows of syntax/instr.def with the
 * vector prefix and no immediate, a lane or a shuffle; this is each one's
 * operand count (the length of its params), 0 for the other instructions. */
#define PARAMS_LEN(p) _Generic((p), char *: sizeof(p) - 1, default: 0)
#define APPLIED(prefix, shape) \
  ((prefix) == 0xfd && (IMM_##shape == IMM_NONE || IMM_##shape == IMM_LANE || IMM_##shape == IMM_SHUFFLE))
static const uint8_t arity[OP_COUNT] = {
#define INSTR(id, mnemonic, prefix, code, shape, n, params, results) \
  [OP_##id] = APPLIED(prefix, shape) ? PARAMS_LEN(params) : 0,
#include "syntax/instr.def"
#undef INSTR
};

/* The operands, read field-wise, and the result, written in place */
#define V1 (r[0].v128)
#define V2 (r[1].v128)
#define V3 (r[2].v128)
#define LANE (in->imm.lane)
#define V(x) (r->v128 = (x), r->kind = VAL_V128)
#define I32(x) value_set(r, VAL_I32, (uint32_t)(x))
#define I64(x) value_set(r, VAL_I64, (uint64_t)(x))
#define F32(x) value_set(r, VAL_F32, (uint32_t)(x))
#define F64(x) value_set(r, VAL_F64, (uint64_t)(x))

/* The vector instructions that do not touch memory
 * (spec: 4.3-execution.instructions, Step_pure/v*). */
Value *simd_apply(Op op, const Instr *in, Value *sp)
{
  if (!arity[op])
    return NULL;
  /* The result replaces the operands; each case reads them all before it
   * writes (V() evaluates its argument into a temporary first). */
  Value *r = sp - arity[op];
  switch (op) {
  /* vswizzlop, vshuffle */
  case OP_I8X16_SWIZZLE:          V(vswizzle_(iswizzle_lane_, V1, V2)); break;
  case OP_I8X16_RELAXED_SWIZZLE:  V(vswizzle_(irelaxed_swizzle_lane_, V1, V2)); break;
  case OP_I8X16_SHUFFLE:          V(vshuffle_(in->imm.shuffle, V1, V2)); break;

  /* vsplat */
  case OP_I8X16_SPLAT:            V(vsplat_(8, r[0].i32)); break;
  case OP_I16X8_SPLAT:            V(vsplat_(16, r[0].i32)); break;
  case OP_I32X4_SPLAT:            V(vsplat_(32, r[0].i32)); break;
  case OP_I64X2_SPLAT:            V(vsplat_(64, r[0].i64)); break;
  case OP_F32X4_SPLAT:            V(vsplat_(32, r[0].f32)); break;
  case OP_F64X2_SPLAT:            V(vsplat_(64, r[0].f64)); break;

  /* vextract_lane */
  case OP_I8X16_EXTRACT_LANE_S:   I32(extend_(8, 32, S, lane_(8, &V1, LANE))); break;
  case OP_I8X16_EXTRACT_LANE_U:   I32(lane_(8, &V1, LANE)); break;
  case OP_I16X8_EXTRACT_LANE_S:   I32(extend_(16, 32, S, lane_(16, &V1, LANE))); break;
  case OP_I16X8_EXTRACT_LANE_U:   I32(lane_(16, &V1, LANE)); break;
  case OP_I32X4_EXTRACT_LANE:     I32(lane_(32, &V1, LANE)); break;
  case OP_I64X2_EXTRACT_LANE:     I64(lane_(64, &V1, LANE)); break;
  case OP_F32X4_EXTRACT_LANE:     F32(lane_(32, &V1, LANE)); break;
  case OP_F64X2_EXTRACT_LANE:     F64(lane_(64, &V1, LANE)); break;

  /* vreplace_lane */
  case OP_I8X16_REPLACE_LANE:     V(vreplace_lane_(8, V1, LANE, r[1].i32)); break;
  case OP_I16X8_REPLACE_LANE:     V(vreplace_lane_(16, V1, LANE, r[1].i32)); break;
  case OP_I32X4_REPLACE_LANE:     V(vreplace_lane_(32, V1, LANE, r[1].i32)); break;
  case OP_I64X2_REPLACE_LANE:     V(vreplace_lane_(64, V1, LANE, r[1].i64)); break;
  case OP_F32X4_REPLACE_LANE:     V(vreplace_lane_(32, V1, LANE, r[1].f32)); break;
  case OP_F64X2_REPLACE_LANE:     V(vreplace_lane_(64, V1, LANE, r[1].f64)); break;

  /* vvtestop, vtestop, vbitmask */
  case OP_V128_ANY_TRUE:          I32(vany_true_(V1)); break;
  case OP_I8X16_ALL_TRUE:         I32(vall_true_(8, V1)); break;
  case OP_I16X8_ALL_TRUE:         I32(vall_true_(16, V1)); break;
  case OP_I32X4_ALL_TRUE:         I32(vall_true_(32, V1)); break;
  case OP_I64X2_ALL_TRUE:         I32(vall_true_(64, V1)); break;
  case OP_I8X16_BITMASK:          I32(vbitmask_(8, V1)); break;
  case OP_I16X8_BITMASK:          I32(vbitmask_(16, V1)); break;
  case OP_I32X4_BITMASK:          I32(vbitmask_(32, V1)); break;
  case OP_I64X2_BITMASK:          I32(vbitmask_(64, V1)); break;

  /* vrelop */
  case OP_I8X16_EQ:               V(lanewise_relop(8, ieq_, V1, V2)); break;
  case OP_I8X16_NE:               V(lanewise_relop(8, ine_, V1, V2)); break;
  case OP_I8X16_LT_S:             V(lanewise_relop_sx(8, ilt_, S, V1, V2)); break;
  case OP_I8X16_LT_U:             V(lanewise_relop_sx(8, ilt_, U, V1, V2)); break;
  case OP_I8X16_GT_S:             V(lanewise_relop_sx(8, igt_, S, V1, V2)); break;
  case OP_I8X16_GT_U:             V(lanewise_relop_sx(8, igt_, U, V1, V2)); break;
  case OP_I8X16_LE_S:             V(lanewise_relop_sx(8, ile_, S, V1, V2)); break;
  case OP_I8X16_LE_U:             V(lanewise_relop_sx(8, ile_, U, V1, V2)); break;
  case OP_I8X16_GE_S:             V(lanewise_relop_sx(8, ige_, S, V1, V2)); break;
  case OP_I8X16_GE_U:             V(lanewise_relop_sx(8, ige_, U, V1, V2)); break;
  case OP_I16X8_EQ:               V(lanewise_relop(16, ieq_, V1, V2)); break;
  case OP_I16X8_NE:               V(lanewise_relop(16, ine_, V1, V2)); break;
  case OP_I16X8_LT_S:             V(lanewise_relop_sx(16, ilt_, S, V1, V2)); break;
  case OP_I16X8_LT_U:             V(lanewise_relop_sx(16, ilt_, U, V1, V2)); break;
  case OP_I16X8_GT_S:             V(lanewise_relop_sx(16, igt_, S, V1, V2)); break;
  case OP_I16X8_GT_U:             V(lanewise_relop_sx(16, igt_, U, V1, V2)); break;
  case OP_I16X8_LE_S:             V(lanewise_relop_sx(16, ile_, S, V1, V2)); break;
  case OP_I16X8_LE_U:             V(lanewise_relop_sx(16, ile_, U, V1, V2)); break;
  case OP_I16X8_GE_S:             V(lanewise_relop_sx(16, ige_, S, V1, V2)); break;
  case OP_I16X8_GE_U:             V(lanewise_relop_sx(16, ige_, U, V1, V2)); break;
  case OP_I32X4_EQ:               V(lanewise_relop(32, ieq_, V1, V2)); break;
  case OP_I32X4_NE:               V(lanewise_relop(32, ine_, V1, V2)); break;
  case OP_I32X4_LT_S:             V(lanewise_relop_sx(32, ilt_, S, V1, V2)); break;
  case OP_I32X4_LT_U:             V(lanewise_relop_sx(32, ilt_, U, V1, V2)); break;
  case OP_I32X4_GT_S:             V(lanewise_relop_sx(32, igt_, S, V1, V2)); break;
  case OP_I32X4_GT_U:             V(lanewise_relop_sx(32, igt_, U, V1, V2)); break;
  case OP_I32X4_LE_S:             V(lanewise_relop_sx(32, ile_, S, V1, V2)); break;
  case OP_I32X4_LE_U:             V(lanewise_relop_sx(32, ile_, U, V1, V2)); break;
  case OP_I32X4_GE_S:             V(lanewise_relop_sx(32, ige_, S, V1, V2)); break;
  case OP_I32X4_GE_U:             V(lanewise_relop_sx(32, ige_, U, V1, V2)); break;
  case OP_I64X2_EQ:               V(lanewise_relop(64, ieq_, V1, V2)); break;
  case OP_I64X2_NE:               V(lanewise_relop(64, ine_, V1, V2)); break;
  case OP_I64X2_LT_S:             V(lanewise_relop_sx(64, ilt_, S, V1, V2)); break;
  case OP_I64X2_GT_S:             V(lanewise_relop_sx(64, igt_, S, V1, V2)); break;
  case OP_I64X2_LE_S:             V(lanewise_relop_sx(64, ile_, S, V1, V2)); break;
  case OP_I64X2_GE_S:             V(lanewise_relop_sx(64, ige_, S, V1, V2)); break;
  case OP_F32X4_EQ:               V(lanewise_relop(32, feq_, V1, V2)); break;
  case OP_F32X4_NE:               V(lanewise_relop(32, fne_, V1, V2)); break;
  case OP_F32X4_LT:               V(lanewise_relop(32, flt_, V1, V2)); break;
  case OP_F32X4_GT:               V(lanewise_relop(32, fgt_, V1, V2)); break;
  case OP_F32X4_LE:               V(lanewise_relop(32, fle_, V1, V2)); break;
  case OP_F32X4_GE:               V(lanewise_relop(32, fge_, V1, V2)); break;
  case OP_F64X2_EQ:               V(lanewise_relop(64, feq_, V1, V2)); break;
  case OP_F64X2_NE:               V(lanewise_relop(64, fne_, V1, V2)); break;
  case OP_F64X2_LT:               V(lanewise_relop(64, flt_, V1, V2)); break;
  case OP_F64X2_GT:               V(lanewise_relop(64, fgt_, V1, V2)); break;
  case OP_F64X2_LE:               V(lanewise_relop(64, fle_, V1, V2)); break;
  case OP_F64X2_GE:               V(lanewise_relop(64, fge_, V1, V2)); break;

  /* vvunop, vunop */
  case OP_V128_NOT:               V(vnot_(V1)); break;
  case OP_I8X16_ABS:              V(lanewise_unop(8, iabs_, V1)); break;
  case OP_I8X16_NEG:              V(lanewise_unop(8, ineg_, V1)); break;
  case OP_I8X16_POPCNT:           V(lanewise_unop(8, ipopcnt_, V1)); break;
  case OP_I16X8_ABS:              V(lanewise_unop(16, iabs_, V1)); break;
  case OP_I16X8_NEG:              V(lanewise_unop(16, ineg_, V1)); break;
  case OP_I32X4_ABS:              V(lanewise_unop(32, iabs_, V1)); break;
  case OP_I32X4_NEG:              V(lanewise_unop(32, ineg_, V1)); break;
  case OP_I64X2_ABS:              V(lanewise_unop(64, iabs_, V1)); break;
  case OP_I64X2_NEG:              V(lanewise_unop(64, ineg_, V1)); break;
  case OP_F32X4_ABS:              V(lanewise_unop(32, fabs_, V1)); break;
  case OP_F32X4_NEG:              V(lanewise_unop(32, fneg_, V1)); break;
  case OP_F32X4_SQRT:             V(lanewise_unop(32, fsqrt_, V1)); break;
  case OP_F32X4_CEIL:             V(lanewise_unop(32, fceil_, V1)); break;
  case OP_F32X4_FLOOR:            V(lanewise_unop(32, ffloor_, V1)); break;
  case OP_F32X4_TRUNC:            V(lanewise_unop(32, ftrunc_, V1)); break;
  case OP_F32X4_NEAREST:          V(lanewise_unop(32, fnearest_, V1)); break;
  case OP_F64X2_ABS:              V(lanewise_unop(64, fabs_, V1)); break;
  case OP_F64X2_NEG:              V(lanewise_unop(64, fneg_, V1)); break;
  case OP_F64X2_SQRT:             V(lanewise_unop(64, fsqrt_, V1)); break;
  case OP_F64X2_CEIL:             V(lanewise_unop(64, fceil_, V1)); break;
  case OP_F64X2_FLOOR:            V(lanewise_unop(64, ffloor_, V1)); break;
  case OP_F64X2_TRUNC:            V(lanewise_unop(64, ftrunc_, V1)); break;
  case OP_F64X2_NEAREST:          V(lanewise_unop(64, fnearest_, V1)); break;

  /* vvbinop, vbinop */
  case OP_V128_AND:               V(vand_(V1, V2)); break;
  case OP_V128_ANDNOT:            V(vandnot_(V1, V2)); break;
  case OP_V128_OR:                V(vor_(V1, V2)); break;
  case OP_V128_XOR:               V(vxor_(V1, V2)); break;
  case OP_I8X16_ADD:              V(lanewise_binop(8, iadd_, V1, V2)); break;
  case OP_I8X16_ADD_SAT_S:        V(lanewise_binop_sx(8, iadd_sat_, S, V1, V2)); break;
  case OP_I8X16_ADD_SAT_U:        V(lanewise_binop_sx(8, iadd_sat_, U, V1, V2)); break;
  case OP_I8X16_SUB:              V(lanewise_binop(8, isub_, V1, V2)); break;
  case OP_I8X16_SUB_SAT_S:        V(lanewise_binop_sx(8, isub_sat_, S, V1, V2)); break;
  case OP_I8X16_SUB_SAT_U:        V(lanewise_binop_sx(8, isub_sat_, U, V1, V2)); break;
  case OP_I8X16_MIN_S:            V(lanewise_binop_sx(8, imin_, S, V1, V2)); break;
  case OP_I8X16_MIN_U:            V(lanewise_binop_sx(8, imin_, U, V1, V2)); break;
  case OP_I8X16_MAX_S:            V(lanewise_binop_sx(8, imax_, S, V1, V2)); break;
  case OP_I8X16_MAX_U:            V(lanewise_binop_sx(8, imax_, U, V1, V2)); break;
  case OP_I8X16_AVGR_U:           V(lanewise_binop(8, iavgr_u, V1, V2)); break;
  case OP_I16X8_ADD:              V(lanewise_binop(16, iadd_, V1, V2)); break;
  case OP_I16X8_ADD_SAT_S:        V(lanewise_binop_sx(16, iadd_sat_, S, V1, V2)); break;
  case OP_I16X8_ADD_SAT_U:        V(lanewise_binop_sx(16, iadd_sat_, U, V1, V2)); break;
  case OP_I16X8_SUB:              V(lanewise_binop(16, isub_, V1, V2)); break;
  case OP_I16X8_SUB_SAT_S:        V(lanewise_binop_sx(16, isub_sat_, S, V1, V2)); break;
  case OP_I16X8_SUB_SAT_U:        V(lanewise_binop_sx(16, isub_sat_, U, V1, V2)); break;
  case OP_I16X8_MUL:              V(lanewise_binop(16, imul_, V1, V2)); break;
  case OP_I16X8_MIN_S:            V(lanewise_binop_sx(16, imin_, S, V1, V2)); break;
  case OP_I16X8_MIN_U:            V(lanewise_binop_sx(16, imin_, U, V1, V2)); break;
  case OP_I16X8_MAX_S:            V(lanewise_binop_sx(16, imax_, S, V1, V2)); break;
  case OP_I16X8_MAX_U:            V(lanewise_binop_sx(16, imax_, U, V1, V2)); break;
  case OP_I16X8_AVGR_U:           V(lanewise_binop(16, iavgr_u, V1, V2)); break;
  case OP_I16X8_Q15MULR_SAT_S:    V(lanewise_binop(16, iq15mulr_sat_s, V1, V2)); break;
  case OP_I16X8_RELAXED_Q15MULR_S: V(lanewise_binop(16, irelaxed_q15mulr_s, V1, V2)); break;
  case OP_I32X4_ADD:              V(lanewise_binop(32, iadd_, V1, V2)); break;
  case OP_I32X4_SUB:              V(lanewise_binop(32, isub_, V1, V2)); break;
  case OP_I32X4_MUL:              V(lanewise_binop(32, imul_, V1, V2)); break;
  case OP_I32X4_MIN_S:            V(lanewise_binop_sx(32, imin_, S, V1, V2)); break;
  case OP_I32X4_MIN_U:            V(lanewise_binop_sx(32, imin_, U, V1, V2)); break;
  case OP_I32X4_MAX_S:            V(lanewise_binop_sx(32, imax_, S, V1, V2)); break;
  case OP_I32X4_MAX_U:            V(lanewise_binop_sx(32, imax_, U, V1, V2)); break;
  case OP_I64X2_ADD:              V(lanewise_binop(64, iadd_, V1, V2)); break;
  case OP_I64X2_SUB:              V(lanewise_binop(64, isub_, V1, V2)); break;
  case OP_I64X2_MUL:              V(lanewise_binop(64, imul_, V1, V2)); break;
  case OP_F32X4_ADD:              V(lanewise_binop(32, fadd_, V1, V2)); break;
  case OP_F32X4_SUB:              V(lanewise_binop(32, fsub_, V1, V2)); break;
  case OP_F32X4_MUL:              V(lanewise_binop(32, fmul_, V1, V2)); break;
  case OP_F32X4_DIV:              V(lanewise_binop(32, fdiv_, V1, V2)); break;
  case OP_F32X4_MIN:              V(lanewise_binop(32, fmin_, V1, V2)); break;
  case OP_F32X4_MAX:              V(lanewise_binop(32, fmax_, V1, V2)); break;
  case OP_F32X4_PMIN:             V(lanewise_binop(32, fpmin_, V1, V2)); break;
  case OP_F32X4_PMAX:             V(lanewise_binop(32, fpmax_, V1, V2)); break;
  case OP_F32X4_RELAXED_MIN:      V(lanewise_binop(32, frelaxed_min_, V1, V2)); break;
  case OP_F32X4_RELAXED_MAX:      V(lanewise_binop(32, frelaxed_max_, V1, V2)); break;
  case OP_F64X2_ADD:              V(lanewise_binop(64, fadd_, V1, V2)); break;
  case OP_F64X2_SUB:              V(lanewise_binop(64, fsub_, V1, V2)); break;
  case OP_F64X2_MUL:              V(lanewise_binop(64, fmul_, V1, V2)); break;
  case OP_F64X2_DIV:              V(lanewise_binop(64, fdiv_, V1, V2)); break;
  case OP_F64X2_MIN:              V(lanewise_binop(64, fmin_, V1, V2)); break;
  case OP_F64X2_MAX:              V(lanewise_binop(64, fmax_, V1, V2)); break;
  case OP_F64X2_PMIN:             V(lanewise_binop(64, fpmin_, V1, V2)); break;
  case OP_F64X2_PMAX:             V(lanewise_binop(64, fpmax_, V1, V2)); break;
  case OP_F64X2_RELAXED_MIN:      V(lanewise_binop(64, frelaxed_min_, V1, V2)); break;
  case OP_F64X2_RELAXED_MAX:      V(lanewise_binop(64, frelaxed_max_, V1, V2)); break;

  /* vvternop, vternop */
  case OP_V128_BITSELECT:         V(vbitselect_(V1, V2, V3)); break;
  case OP_I8X16_RELAXED_LANESELECT:
  case OP_I16X8_RELAXED_LANESELECT:
  case OP_I32X4_RELAXED_LANESELECT:
  case OP_I64X2_RELAXED_LANESELECT: V(vrelaxed_laneselect_(V1, V2, V3)); break;
  case OP_F32X4_RELAXED_MADD:     V(lanewise_ternop(32, frelaxed_madd_, V1, V2, V3)); break;
  case OP_F32X4_RELAXED_NMADD:    V(lanewise_ternop(32, frelaxed_nmadd_, V1, V2, V3)); break;
  case OP_F64X2_RELAXED_MADD:     V(lanewise_ternop(64, frelaxed_madd_, V1, V2, V3)); break;
  case OP_F64X2_RELAXED_NMADD:    V(lanewise_ternop(64, frelaxed_nmadd_, V1, V2, V3)); break;

  /* vshiftop */
  case OP_I8X16_SHL:              V(lanewise_shl(8, V1, r[1].i32)); break;
  case OP_I8X16_SHR_S:            V(lanewise_shr(8, S, V1, r[1].i32)); break;
  case OP_I8X16_SHR_U:            V(lanewise_shr(8, U, V1, r[1].i32)); break;
  case OP_I16X8_SHL:              V(lanewise_shl(16, V1, r[1].i32)); break;
  case OP_I16X8_SHR_S:            V(lanewise_shr(16, S, V1, r[1].i32)); break;
  case OP_I16X8_SHR_U:            V(lanewise_shr(16, U, V1, r[1].i32)); break;
  case OP_I32X4_SHL:              V(lanewise_shl(32, V1, r[1].i32)); break;
  case OP_I32X4_SHR_S:            V(lanewise_shr(32, S, V1, r[1].i32)); break;
  case OP_I32X4_SHR_U:            V(lanewise_shr(32, U, V1, r[1].i32)); break;
  case OP_I64X2_SHL:              V(lanewise_shl(64, V1, r[1].i32)); break;
  case OP_I64X2_SHR_S:            V(lanewise_shr(64, S, V1, r[1].i32)); break;
  case OP_I64X2_SHR_U:            V(lanewise_shr(64, U, V1, r[1].i32)); break;

  /* vnarrow */
  case OP_I8X16_NARROW_I16X8_S:   V(vnarrow_(8, S, V1, V2)); break;
  case OP_I8X16_NARROW_I16X8_U:   V(vnarrow_(8, U, V1, V2)); break;
  case OP_I16X8_NARROW_I32X4_S:   V(vnarrow_(16, S, V1, V2)); break;
  case OP_I16X8_NARROW_I32X4_U:   V(vnarrow_(16, U, V1, V2)); break;

  /* vcvtop */
  case OP_I16X8_EXTEND_LOW_I8X16_S:  V(vextend_(16, LOW, S, V1)); break;
  case OP_I16X8_EXTEND_LOW_I8X16_U:  V(vextend_(16, LOW, U, V1)); break;
  case OP_I16X8_EXTEND_HIGH_I8X16_S: V(vextend_(16, HIGH, S, V1)); break;
  case OP_I16X8_EXTEND_HIGH_I8X16_U: V(vextend_(16, HIGH, U, V1)); break;
  case OP_I32X4_EXTEND_LOW_I16X8_S:  V(vextend_(32, LOW, S, V1)); break;
  case OP_I32X4_EXTEND_LOW_I16X8_U:  V(vextend_(32, LOW, U, V1)); break;
  case OP_I32X4_EXTEND_HIGH_I16X8_S: V(vextend_(32, HIGH, S, V1)); break;
  case OP_I32X4_EXTEND_HIGH_I16X8_U: V(vextend_(32, HIGH, U, V1)); break;
  case OP_I64X2_EXTEND_LOW_I32X4_S:  V(vextend_(64, LOW, S, V1)); break;
  case OP_I64X2_EXTEND_LOW_I32X4_U:  V(vextend_(64, LOW, U, V1)); break;
  case OP_I64X2_EXTEND_HIGH_I32X4_S: V(vextend_(64, HIGH, S, V1)); break;
  case OP_I64X2_EXTEND_HIGH_I32X4_U: V(vextend_(64, HIGH, U, V1)); break;
  case OP_I32X4_TRUNC_SAT_F32X4_S:   V(vtrunc_(32, trunc_sat_, S, V1)); break;
  case OP_I32X4_TRUNC_SAT_F32X4_U:   V(vtrunc_(32, trunc_sat_, U, V1)); break;
  case OP_I32X4_TRUNC_SAT_F64X2_S_ZERO: V(vtrunc_(64, trunc_sat_, S, V1)); break;
  case OP_I32X4_TRUNC_SAT_F64X2_U_ZERO: V(vtrunc_(64, trunc_sat_, U, V1)); break;
  case OP_I32X4_RELAXED_TRUNC_F32X4_S:  V(vtrunc_(32, relaxed_trunc_, S, V1)); break;
  case OP_I32X4_RELAXED_TRUNC_F32X4_U:  V(vtrunc_(32, relaxed_trunc_, U, V1)); break;
  case OP_I32X4_RELAXED_TRUNC_F64X2_S_ZERO: V(vtrunc_(64, relaxed_trunc_, S, V1)); break;
  case OP_I32X4_RELAXED_TRUNC_F64X2_U_ZERO: V(vtrunc_(64, relaxed_trunc_, U, V1)); break;
  case OP_F32X4_CONVERT_I32X4_S:     V(vconvert_(32, S, V1)); break;
  case OP_F32X4_CONVERT_I32X4_U:     V(vconvert_(32, U, V1)); break;
  case OP_F64X2_CONVERT_LOW_I32X4_S: V(vconvert_(64, S, V1)); break;
  case OP_F64X2_CONVERT_LOW_I32X4_U: V(vconvert_(64, U, V1)); break;
  case OP_F32X4_DEMOTE_F64X2_ZERO:   V(vdemote_zero_(V1)); break;
  case OP_F64X2_PROMOTE_LOW_F32X4:   V(vpromote_low_(V1)); break;

  /* vextunop, vextbinop, vextternop */
  case OP_I16X8_EXTADD_PAIRWISE_I8X16_S: V(vextadd_pairwise_(16, S, V1)); break;
  case OP_I16X8_EXTADD_PAIRWISE_I8X16_U: V(vextadd_pairwise_(16, U, V1)); break;
  case OP_I32X4_EXTADD_PAIRWISE_I16X8_S: V(vextadd_pairwise_(32, S, V1)); break;
  case OP_I32X4_EXTADD_PAIRWISE_I16X8_U: V(vextadd_pairwise_(32, U, V1)); break;
  case OP_I16X8_EXTMUL_LOW_I8X16_S:  V(vextmul_(16, LOW, S, V1, V2)); break;
  case OP_I16X8_EXTMUL_LOW_I8X16_U:  V(vextmul_(16, LOW, U, V1, V2)); break;
  case OP_I16X8_EXTMUL_HIGH_I8X16_S: V(vextmul_(16, HIGH, S, V1, V2)); break;
  case OP_I16X8_EXTMUL_HIGH_I8X16_U: V(vextmul_(16, HIGH, U, V1, V2)); break;
  case OP_I32X4_EXTMUL_LOW_I16X8_S:  V(vextmul_(32, LOW, S, V1, V2)); break;
  case OP_I32X4_EXTMUL_LOW_I16X8_U:  V(vextmul_(32, LOW, U, V1, V2)); break;
  case OP_I32X4_EXTMUL_HIGH_I16X8_S: V(vextmul_(32, HIGH, S, V1, V2)); break;
  case OP_I32X4_EXTMUL_HIGH_I16X8_U: V(vextmul_(32, HIGH, U, V1, V2)); break;
  case OP_I64X2_EXTMUL_LOW_I32X4_S:  V(vextmul_(64, LOW, S, V1, V2)); break;
  case OP_I64X2_EXTMUL_LOW_I32X4_U:  V(vextmul_(64, LOW, U, V1, V2)); break;
  case OP_I64X2_EXTMUL_HIGH_I32X4_S: V(vextmul_(64, HIGH, S, V1, V2)); break;
  case OP_I64X2_EXTMUL_HIGH_I32X4_U: V(vextmul_(64, HIGH, U, V1, V2)); break;
  case OP_I32X4_DOT_I16X8_S:         V(vdot_(32, V1, V2)); break;
  case OP_I16X8_RELAXED_DOT_I8X16_I7X16_S: V(vrelaxed_dot_(16, V1, V2)); break;
  case OP_I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S: V(vrelaxed_dot_add_(32, V1, V2, V3)); break;

  default:   /* arity says it is one of ours, so every row has a case */
    assert(!"vector instruction without a case");
    return NULL;
  }
  return r + 1;
}

/* v128.load*: the rules Step_read/vload-* of 4.3-execution.instructions,
 * after the bounds check */
void simd_load(Op op, const Instr *in, const uint8_t *p, Value *v)
{
  unsigned n = instr_info[op].n;  /* bytes read */
  V128 x = {0};
  uint64_t c = 0;
  switch (op) {
  case OP_V128_LOAD:         /* vload-val */
  case OP_V128_LOAD32_ZERO:  /* vload-zero-val: $extend__(N, 128, U, j) */
  case OP_V128_LOAD64_ZERO:
    memcpy(&x, p, n);
    break;
  /* vload-pack-val: M lanes of K bits, each $extend__ed to 2K */
  case OP_V128_LOAD8X8_S:    memcpy(&x, p, 8); x = vextend_(16, LOW, S, x); break;
  case OP_V128_LOAD8X8_U:    memcpy(&x, p, 8); x = vextend_(16, LOW, U, x); break;
  case OP_V128_LOAD16X4_S:   memcpy(&x, p, 8); x = vextend_(32, LOW, S, x); break;
  case OP_V128_LOAD16X4_U:   memcpy(&x, p, 8); x = vextend_(32, LOW, U, x); break;
  case OP_V128_LOAD32X2_S:   memcpy(&x, p, 8); x = vextend_(64, LOW, S, x); break;
  case OP_V128_LOAD32X2_U:   memcpy(&x, p, 8); x = vextend_(64, LOW, U, x); break;
  /* vload-splat-val */
  case OP_V128_LOAD8_SPLAT:
  case OP_V128_LOAD16_SPLAT:
  case OP_V128_LOAD32_SPLAT:
  case OP_V128_LOAD64_SPLAT:
    memcpy(&c, p, n);
    x = vsplat_(8 * n, c);
    break;
  /* vload_lane-val: lane j of the operand replaced by the bytes read */
  case OP_V128_LOAD8_LANE:
  case OP_V128_LOAD16_LANE:
  case OP_V128_LOAD32_LANE:
  case OP_V128_LOAD64_LANE:
    x = v->v128;
    memcpy(&x.i8[in->imm.memarg.lane * n], p, n);
    break;
  default:
    assert(!"not a vector load");
    break;
  }
  v->v128 = x;
  v->kind = VAL_V128;
}

/* v128.store (vstore-val: $vbytes_(V128, c)) and v128.storeN_lane
 * (vstore_lane-val: $ibytes_(N, $lanes_(c)[j])), after the bounds check */
void simd_store(Op op, const Instr *in, const Value *v, uint8_t *p)
{
  unsigned n = instr_info[op].n;
  unsigned at = op == OP_V128_STORE ? 0 : in->imm.memarg.lane * n;
  assert(op == OP_V128_STORE || op == OP_V128_STORE8_LANE || op == OP_V128_STORE16_LANE ||
         op == OP_V128_STORE32_LANE || op == OP_V128_STORE64_LANE);
  memcpy(p, &v->v128.i8[at], n);
}
