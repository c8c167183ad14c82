/* The generator (gen/): every module it makes from seeds 1 to 10,000 parses
 * and validates, the same seed gives the same text, nearly every module
 * uses continuations, some use each of the rarer constructs, and a
 * fuzzer's bytes, however few, make valid modules too; with --invalid's
 * mutation, every module parses and fails validation by a stack-switching
 * rule, and each kind of mutation is in at least 1% of them.  The share of
 * modules using each continuation instruction and construct, and of each
 * kind of mutation, is printed on stderr (the test log), for the record. */

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "gen/gen.h"
#include "syntax/ast.h"
#include "text/text.h"
#include "validate/validate.h"
#include "test/unit/tap.h"

enum { SEEDS = 10000 };

/* Parses a generated module's text, which must parse (else the test fails,
 * showing the seed and the message), and validates it: whether it is valid,
 * and if not, why in *err. */
static bool parse_and_validate(const Buf *b, uint64_t seed, Error *err)
{
  ck_assert(!b->failed);
  Module *m = text_parse_module("generated.wat", b->data, b->len, err);
  ck_assert_msg(m != NULL, "seed %llu: malformed: generated.wat:%u:%u: %s", (unsigned long long)seed,
                err->loc.line, err->loc.col, err->message);
  ValidateOptions opt = {.stack_switching = true};
  TypeStore ts;
  typestore_init(&ts);
  bool ok = validate_module(&ts, m, &opt, err);
  typestore_free(&ts);
  module_free(m);
  return ok;
}

/* A module's text must parse and validate. */
static void check_valid(const Buf *b, uint64_t seed)
{
  Error err = {0};
  bool ok = parse_and_validate(b, seed, &err);
  ck_assert_msg(ok, "seed %llu: line %u:%u: %s", (unsigned long long)seed, err.loc.line,
                err.loc.col, err.message);
}

/* Whether the text has the needle. */
static bool has_text(const Buf *b, const char *needle)
{
  size_t n = strlen(needle);
  for (size_t i = 0; i + n <= b->len; i++)
    if (memcmp(b->data + i, needle, n) == 0)
      return true;
  return false;
}

/* Whether the text has the instruction (its mnemonic after a parenthesis,
 * then a space). */
static bool has(const Buf *b, const char *mnemonic)
{
  char needle[32];
  snprintf(needle, sizeof needle, "(%s ", mnemonic);
  return has_text(b, needle);
}

static const char *const instrs[] = {"resume", "suspend", "switch", "cont.bind", "cont.new",
                                     "resume_throw", "resume_throw_ref"};
enum { INSTRS = sizeof instrs / sizeof instrs[0] };

/* The rarer constructs, by a piece of text only they print; each must be
 * in at least 1% of the modules. */
static const struct {
  const char *what, *needle;
} rare[] = {
  {"host's tag handled", "(on $wasmtag "},   /* a nest level's handler of the imported tag */
  {"switch past a prompt", "_mk (on "},      /* switch's ring started one prompt deeper */
  {"fault export", "_w (type $"},            /* fault's unhandled switch, in each fault pattern */
  {"null exnref", "(ref.null exn)"},         /* a fault: resume_throw_ref given one */
  {"ref.test", "(ref.test "},
  {"churn", "(i32.const 50000)"},            /* nest's garbage continuations, 50,000 */
};
enum { RARE = sizeof rare / sizeof rare[0] };

START_TEST(every_seed_validates_and_repeats)
{
  unsigned uses[INSTRS] = {0}, any = 0, rare_uses[RARE] = {0};
  for (uint64_t seed = 1; seed <= SEEDS; seed++) {
    Buf a, b;
    buf_init(&a);
    buf_init(&b);
    gen_seed(seed, GEN_DEFAULT_SIZE, &a);
    gen_seed(seed, GEN_DEFAULT_SIZE, &b);
    ck_assert_msg(a.len == b.len && memcmp(a.data, b.data, a.len) == 0, "seed %llu differs",
                  (unsigned long long)seed);
    check_valid(&a, seed);
    bool uses_any = false;
    for (unsigned i = 0; i < INSTRS; i++)
      if (has(&a, instrs[i])) {
        uses[i]++;
        uses_any = uses_any || i != 4;   /* cont.new alone runs nothing */
      }
    any += uses_any;
    for (unsigned i = 0; i < RARE; i++)
      rare_uses[i] += has_text(&a, rare[i].needle);
    buf_free(&a);
    buf_free(&b);
  }
  for (unsigned i = 0; i < INSTRS; i++)
    fprintf(stderr, "# %-20s in %5.1f%% of %d modules\n", instrs[i], 100.0 * uses[i] / SEEDS, SEEDS);
  for (unsigned i = 0; i < RARE; i++)
    fprintf(stderr, "# %-20s in %5.1f%% of %d modules\n", rare[i].what,
            100.0 * rare_uses[i] / SEEDS, SEEDS);
  ck_assert_uint_ge(any * 100, SEEDS * 95u);
  for (unsigned i = 0; i < RARE; i++)
    ck_assert_msg(rare_uses[i] * 100 >= SEEDS, "%s in %u modules of %d", rare[i].what,
                  rare_uses[i], SEEDS);
}
END_TEST

/* What the validator says of each kind of mutation (gen/mutate.c's order,
 * checked by name): one of two messages of the rule the kind breaks. */
static const struct {
  const char *kind, *says[2];
} rejected[GEN_MUTATIONS] = {
  {"resume_throw_ref operands swapped", {"type mismatch: instruction requires [(ref null ", NULL}},
  {"resume_throw tag's params", {"type mismatch: instruction requires [", NULL}},
  {"resume_throw tag with results", {"non-empty tag result type", NULL}},
  {"cont.new of another type", {"type mismatch: instruction requires [(ref null ", NULL}},
  {"cont.bind to no suffix", {"cont.bind's continuation types do not match", "cont.bind binds more"}},
  {"handler's tag", {"the tag's parameters do not match", "the handler's continuation type does not"}},
  {"handler's label", {"requires concrete continuation reference type", "non-continuation type"}},
  {"switch handler's tag", {"type mismatch in switch tag", NULL}},
  {"switch to no continuation", {"switch's continuation must take a continuation", "non-continuation type"}},
  {"switch's tag", {"type mismatch in switch tag", NULL}},
  {"suspend's tag", {"unknown tag", "type mismatch: instruction requires ["}},
  {"cont of a non-function", {"non-function type", NULL}},
  {"tag of a continuation", {"non-function type", NULL}},
  {"cast to a continuation", {"invalid cast", NULL}},
};

/* Parses a module's text, which must parse, and validates it, which must
 * fail with one of the kind's messages. */
static void check_invalid(const Buf *b, uint64_t seed, int kind)
{
  Error err = {0};
  bool ok = parse_and_validate(b, seed, &err);
  ck_assert_msg(!ok, "seed %llu: %s: valid", (unsigned long long)seed, gen_mutation_name(kind));
  const char *const *says = rejected[kind].says;
  ck_assert_msg(strstr(err.message, says[0]) || (says[1] && strstr(err.message, says[1])),
                "seed %llu: %s: %u:%u: %s", (unsigned long long)seed, gen_mutation_name(kind),
                err.loc.line, err.loc.col, err.message);
}

START_TEST(invalid_seeds_fail_validation)
{
  unsigned made[GEN_MUTATIONS] = {0};
  for (int k = 0; k < GEN_MUTATIONS; k++)
    ck_assert_str_eq(rejected[k].kind, gen_mutation_name(k));
  for (uint64_t seed = 1; seed <= SEEDS; seed++) {
    Buf a, b;
    buf_init(&a);
    buf_init(&b);
    int kind = gen_seed_invalid(seed, GEN_DEFAULT_SIZE, &a);
    ck_assert_int_eq(gen_seed_invalid(seed, GEN_DEFAULT_SIZE, &b), kind);
    ck_assert_msg(a.len == b.len && memcmp(a.data, b.data, a.len) == 0, "seed %llu differs",
                  (unsigned long long)seed);
    ck_assert_msg(kind >= 0 && kind < GEN_MUTATIONS, "seed %llu: no mutation", (unsigned long long)seed);
    check_invalid(&a, seed, kind);
    made[kind]++;
    buf_free(&a);
    buf_free(&b);
  }
  for (int k = 0; k < GEN_MUTATIONS; k++)
    fprintf(stderr, "# invalid: %-34s in %5.1f%% of %d modules\n", gen_mutation_name(k),
            100.0 * made[k] / SEEDS, SEEDS);
  for (int k = 0; k < GEN_MUTATIONS; k++)
    ck_assert_msg(made[k] * 100 >= SEEDS, "%s in %u modules of %d", gen_mutation_name(k), made[k],
                  SEEDS);
}
END_TEST

/* Other seeds give other modules. */
START_TEST(seeds_differ)
{
  Buf a, b;
  buf_init(&a);
  buf_init(&b);
  gen_seed(1, GEN_DEFAULT_SIZE, &a);
  gen_seed(2, GEN_DEFAULT_SIZE, &b);
  ck_assert(a.len != b.len || memcmp(a.data, b.data, a.len) != 0);
  buf_free(&a);
  buf_free(&b);
}
END_TEST

/* The PRNG is splitmix64: from state 0 its first output is
 * 0xe220a8397b1dcdaf (the published sequence), whose high half, scaled to
 * a choice among 2^32-1, is that half less one. */
START_TEST(prng_is_splitmix64)
{
  Choices c;
  choices_seed(&c, 0);
  ck_assert_uint_eq(choose(&c, UINT32_MAX), 0xe220a838u);
  ck_assert_uint_eq(choose(&c, 1), 0);   /* a choice among one takes nothing */
  choices_seed(&c, 0);
  for (int i = 0; i < 1000; i++)
    ck_assert_uint_lt(choose(&c, 7), 7);
}
END_TEST

/* A fuzzer's bytes: each choice takes one byte (up to 256 ways), 0 after
 * the end; no bytes at all, and bytes of every length, make valid modules. */
START_TEST(bytes_make_valid_modules)
{
  Choices c;
  const uint8_t two[] = {5, 0x34, 0x12};
  choices_bytes(&c, two, sizeof two);
  ck_assert_uint_eq(choose(&c, 6), 5);
  ck_assert_uint_eq(choose(&c, 70000), 0x1234 % 70000);
  ck_assert_uint_eq(choose(&c, 9), 0);   /* past the end */
  Choices prng;
  choices_seed(&prng, 42);
  uint8_t bytes[4096];
  for (unsigned len = 0; len <= sizeof bytes; len = len ? len * 2 : 1) {
    for (unsigned i = 0; i < len; i++)
      bytes[i] = (uint8_t)choose(&prng, 256);
    for (uint32_t size = 1; size <= 40; size += 13) {
      Buf b;
      buf_init(&b);
      choices_bytes(&c, bytes, len);
      gen_module(&c, size, &b);
      check_valid(&b, len);
      buf_free(&b);
    }
  }
}
END_TEST

/* The size bounds a module: bigger sizes make bigger modules, and the
 * largest one still validates. */
START_TEST(sizes_validate)
{
  size_t total[3] = {0};
  const uint32_t sizes[3] = {1, GEN_DEFAULT_SIZE, 100};
  for (unsigned k = 0; k < 3; k++)
    for (uint64_t seed = 1; seed <= 50; seed++) {
      Buf b;
      buf_init(&b);
      gen_seed(seed, sizes[k], &b);
      check_valid(&b, seed);
      total[k] += b.len;
      buf_free(&b);
    }
  ck_assert_uint_lt(total[0], total[1]);
  ck_assert_uint_lt(total[1], total[2]);
  Buf b;
  buf_init(&b);
  gen_seed(1, GEN_MAX_SIZE, &b);
  check_valid(&b, 1);
  buf_free(&b);
}
END_TEST

static Suite *gen_suite(void)
{
  Suite *s = suite_create("gen");
  TCase *tc = tcase_create("gen");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, every_seed_validates_and_repeats);
  tcase_add_test(tc, invalid_seeds_fail_validation);
  tcase_add_test(tc, seeds_differ);
  tcase_add_test(tc, prng_is_splitmix64);
  tcase_add_test(tc, bytes_make_valid_modules);
  tcase_add_test(tc, sizes_validate);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  return tap_run(gen_suite());
}
