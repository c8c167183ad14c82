/* Embedding wasmfx-ref: a host function, a module in the text format, an
 * invocation, a trap, and a step hook that counts reductions.
 *
 *   cc embed.c $(pkg-config --cflags --libs wasmfx-ref) -o embed
 *   ./embed                 (prints what each step came to)
 *
 * It uses only the installed header, wasmfx.h. */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <wasmfx.h>

static const char program[] =
  "(module\n"
  "  (import \"env\" \"log\" (func $log (param i32)))\n"
  "  (func (export \"fac\") (param i64) (result i64)\n"
  "    (if (result i64) (i64.eqz (local.get 0))\n"
  "      (then (i64.const 1))\n"
  "      (else (i64.mul (local.get 0) (call 1 (i64.sub (local.get 0) (i64.const 1)))))))\n"
  "  (func (export \"div\") (param i32 i32) (result i32)\n"
  "    (call $log (local.get 0))\n"
  "    (i32.div_u (local.get 0) (local.get 1))))\n";

/* env.log: prints its argument; traps on a negative one. */
static const char *log_i32(void *env, const wasmfx_value *args, wasmfx_value *results)
{
  (void)results;
  int *calls = env;
  ++*calls;
  if ((int32_t)args[0].i32 < 0)
    return "negative";
  printf("log: %" PRId32 "\n", (int32_t)args[0].i32);
  return NULL;
}

/* Counts the reductions of an invocation. */
static int count_steps(void *env, const wasmfx_step *step)
{
  (void)step;
  ++*(unsigned long *)env;
  return 1;
}

/* Shows what an operation came to: the message on stderr, the outcome on
 * stdout. */
static int report(const char *what, wasmfx_store *s, wasmfx_outcome o)
{
  fprintf(stderr, "%s%s%s: %s\n", wasmfx_position(s), *wasmfx_position(s) ? ": " : "", what,
          wasmfx_message(s));
  printf("%s: %s: %s\n", what, wasmfx_outcome_name(o), wasmfx_message(s));
  return o;
}

int main(void)
{
  wasmfx_store *s = wasmfx_store_new(0);
  if (!s)
    return 10;
  int log_calls = 0;
  wasmfx_module *m;
  wasmfx_instance *inst;
  wasmfx_outcome o;
  if ((o = wasmfx_define_func(s, "env", "log", "(param i32)", log_i32, &log_calls)) != WASMFX_OK
      || (o = wasmfx_module_load(s, "program.wat", program, strlen(program), WASMFX_FORMAT_AUTO, &m))
             != WASMFX_OK
      || (o = wasmfx_instantiate(m, &inst)) != WASMFX_OK) {
    int status = report("load", s, o);
    wasmfx_store_free(s);
    return status;
  }

  wasmfx_value n = {.kind = WASMFX_I64, .i64 = 20};
  if ((o = wasmfx_invoke(inst, "fac", &n, 1)) == WASMFX_OK) {
    wasmfx_value r = wasmfx_result(s, 0);
    printf("fac(20) = %" PRIu64 " : %s\n", r.i64, wasmfx_kind_name(r.kind));
  } else {
    report("fac(20)", s, o);
  }

  wasmfx_value args[2] = {{.kind = WASMFX_I32, .i32 = 42}, {.kind = WASMFX_I32, .i32 = 0}};
  o = wasmfx_invoke(inst, "div", args, 2);
  report("div(42, 0)", s, o);
  args[0].i32 = (uint32_t)-1;
  o = wasmfx_invoke(inst, "div", args, 2);
  report("div(-1, 0)", s, o);
  printf("log called %d times\n", log_calls);

  unsigned long steps = 0;
  wasmfx_set_step_hook(s, count_steps, &steps);
  n.i64 = 3;
  o = wasmfx_invoke(inst, "fac", &n, 1);
  printf("fac(3) = %" PRIu64 " in %lu steps\n", wasmfx_result(s, 0).i64, steps);

  wasmfx_store_free(s);
  return o;
}
