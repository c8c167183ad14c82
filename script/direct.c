/* Calling a module's exports from the command line, without a script:
 * --invoke is a script's invoke written on the command line;
 * --run-all-exports is `wasm-opt --fuzz-exec` (Binaryen's
 * src/tools/execution-results.h): its log, line for line, so that a
 * harness can compare the two. */

#include "script/direct.h"

#include <inttypes.h>
#include <string.h>

#include "interp/eval.h"
#include "interp/fuzzing.h"
#include "interp/messages.h"
#include "script/files.h"
#include "script/json.h"
#include "script/messages.h"
#include "util/mem.h"

/* ================================================================ --invoke */

/* The export's function, or NULL. */
static const FuncInst *exported_func(const ModuleInst *inst, const char *name)
{
  const ExportInst *x = inst ? moduleinst_export(inst, name, strlen(name)) : NULL;
  return x && x->val.kind == EXTERN_FUNC ? x->val.func : NULL;
}

/* A string literal of the script format: bytes other than printable ASCII,
 * quotes and backslashes as \hh. */
static void put_string(Buf *b, const char *s)
{
  buf_putc(b, '"');
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
      buf_printf(b, "\\%02x", c);
    else
      buf_putc(b, (char)c);
  }
  buf_putc(b, '"');
}

/* One ARG as a script constant: as written if parenthesised, else a bare
 * number (or null) made the constant of its parameter's type. */
static void put_arg(Buf *b, const char *arg, const FuncType *ft, int i)
{
  if (arg[0] == '(' || !ft || (uint32_t)i >= ft->params.len) {
    buf_puts(b, arg);   /* the parser checks it, and invoke its type and count */
    return;
  }
  ValType t = ft->params.data[i];
  if (t.kind == VAL_REF && strcmp(arg, "null") == 0)
    buf_puts(b, "(ref.null any)");   /* a null fits any nullable parameter */
  else if (t.kind == VAL_REF)
    buf_printf(b, "(ref.extern %s)", arg);
  else if (t.kind == VAL_V128)   /* no number is a vector: the parser says so */
    buf_puts(b, arg);
  else
    buf_printf(b, "(%s.const %s)", valkind_name((ValKind)t.kind), arg);
}

int direct_invoke(Runner *r, const char *name, char *const *args, int nargs)
{
  const FuncInst *f = exported_func(runner_instance(r), name);
  Buf b;
  buf_init(&b);
  buf_puts(&b, "(invoke ");
  put_string(&b, name);
  for (int i = 0; i < nargs; i++) {
    buf_putc(&b, ' ');
    put_arg(&b, args[i], f ? f->type : NULL, i);
  }
  buf_putc(&b, ')');
  char *text = b.failed ? NULL : mem_alloc(b.len + 1);
  if (text) {
    memcpy(text, b.data, b.len);
    text[b.len] = '\0';
  }
  size_t len = b.len;
  buf_free(&b);
  if (!text) {
    fprintf(r->err, "wasmfx-ref: error: out of memory\n");
    return run_status(PHASE_EXHAUSTION);
  }
  return run_text_status(r, "--invoke", text, len);
}

/* ================================================================ Binaryen's words */

/* Whether two strings are equal. */
static bool is(const char *a, const char *b)
{
  return strcmp(a, b) == 0;
}

/* Whether s starts with prefix: our messages match by prefix, as the suites'. */
static bool starts(const char *s, const char *prefix)
{
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A load or store out of bounds, as Binaryen checks it, in order: the
 * offset within the memory, the address within what the offset leaves,
 * the access's size, then its last byte; each names the two numbers. */
static void access_words(Buf *b, const Store *s, const Instr *in)
{
  const MemInst *m = s->trap_module->mems[in->imm.memarg.mem];
  uint64_t size = m->size, offset = in->imm.memarg.offset, addr = s->trap_operands[0];
  uint64_t bytes = instr_info[in->op].n;
  if (offset > size)
    buf_printf(b, "offset > memory: %" PRIu64 " > %" PRIu64, offset, size);
  else if (addr > size - offset)
    buf_printf(b, "final > memory: %" PRIu64 " > %" PRIu64, addr, size - offset);
  else if (bytes > size)
    buf_printf(b, "bytes > memory: %" PRIu64 " > %" PRIu64, bytes, size);
  else
    buf_printf(b, "highest > memory: %" PRIu64 " > %" PRIu64, addr + offset, size - bytes);
}

/* Whether memory.init's or table.init's segment is what it overran: the
 * bound Binaryen checks first. */
static bool segment_overrun(const Store *s, const Instr *in)
{
  const ModuleInst *mi = s->trap_module;
  uint64_t len = in->op == OP_MEMORY_INIT ? mi->datas[in->imm.xy.y].len : mi->elems[in->imm.xy.y].len;
  return s->trap_operands[1] + s->trap_operands[2] > len;
}

/* Binaryen's words for an out-of-bounds trap of a bulk, table or array
 * instruction with our message msg; NULL if it has none of its own. */
static const char *bounds_words(const Store *s, const Instr *in, const char *msg)
{
  static const struct { const char *instr, *msg, *words; } table[] = {
    {"memory.fill", "", "out of bounds memory access in memory.fill"},
    {"memory.copy", "", "out of bounds segment access in memory.copy"},
    {"table.get", "", "out of bounds table access"},
    {"table.set", "", "RuntimeTable::set out of bounds"},
    {"table.fill", "", "out of bounds table access"},
    {"table.copy", "", "out of bounds segment access in table.copy"},
    {"array.get", "", "array oob"}, {"array.get_s", "", "array oob"}, {"array.get_u", "", "array oob"},
    {"array.set", "", "array oob"}, {"array.copy", "", "oob"},
    {"array.fill", "", "out of bounds array access in array.fill"},
    {"array.init_data", "out of bounds array", "out of bounds array access in array.init"},
    {"array.init_data", "", "out of bounds segment access in array.init_data"},
    {"array.init_elem", "out of bounds array", "out of bounds array access in array.init"},
    {"array.init_elem", "", "out of bounds segment access in array.init_elem"},
    {"array.new_data", "", "out of bounds segment access in array.new_data"},
    {"array.new_elem", "", "out of bounds segment access in array.new_elem"},
  };
  if (!in)   /* an active segment's initialisation, which Binaryen runs as an init */
    return starts(msg, "out of bounds memory") ? "out of bounds memory access in memory.init"
         : starts(msg, "out of bounds table") ? "out of bounds table access in table.init" : NULL;
  if (in->op == OP_MEMORY_INIT)
    return segment_overrun(s, in) ? "out of bounds segment access in memory.init"
                                  : "out of bounds memory access in memory.init";
  if (in->op == OP_TABLE_INIT)
    return segment_overrun(s, in) ? "out of bounds segment access in table.init"
                                  : "out of bounds table access in table.init";
  const char *mn = instr_info[in->op].mnemonic;
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (is(mn, table[i].instr) && starts(msg, table[i].msg))
      return table[i].words;
  return NULL;
}

/* A trap as Binaryen's interpreter words it, from our message and the
 * instruction that trapped: its messages name the instruction (i32.div_s
 * by 0), and memory accesses the numbers they compared. */
static void trap_words(Buf *b, const Store *s, const char *msg)
{
  const Instr *in = s->trap_instr;
  const char *mn = in ? instr_info[in->op].mnemonic : "";
  bool ret = starts(mn, "return_");
  const char *bounds = starts(msg, "out of bounds") ? bounds_words(s, in, msg) : NULL;
  if (starts(msg, "unreachable"))
    buf_puts(b, "unreachable");
  else if (is(msg, "integer divide by zero"))
    buf_printf(b, "%s by 0", mn);
  else if (is(msg, "integer overflow") && strstr(mn, ".div"))
    buf_printf(b, "%s overflow", mn);
  else if (is(msg, "integer overflow"))
    buf_printf(b, "%.3s.trunc%cFloat overflow", mn, mn[strlen(mn) - 1] == 's' ? 'S' : 'U');
  else if (is(msg, "invalid conversion to integer"))
    buf_printf(b, "trunc%cFloat of nan", mn[strlen(mn) - 1] == 's' ? 'S' : 'U');
  else if (is(msg, "out of bounds memory access") && in && !bounds && s->trap_module)
    access_words(b, s, in);
  else if (bounds)
    buf_puts(b, bounds);
  else if (starts(msg, "undefined element"))   /* call_indirect's index */
    buf_puts(b, "out of bounds table access");
  else if (starts(msg, "uninitialized element"))
    buf_puts(b, ret ? "cast failure in call_indirect" : "null target in call_indirect");
  else if (starts(msg, "indirect call type mismatch"))
    buf_puts(b, ret ? "cast failure in call_indirect" : "callIndirect: non-subtype");
  else if (starts(msg, "cast failure"))
    buf_puts(b, "cast error");
  else if (is(msg, "null function reference") && strstr(mn, "call_ref"))
    buf_puts(b, "null target in call_ref");
  else if (starts(msg, "null ") && strstr(msg, "reference"))
    buf_puts(b, "null ref");
  else if (is(msg, "continuation already consumed"))
    buf_puts(b, "continuation already executed");
  else
    buf_puts(b, msg);
}

/* A tag as Binaryen names it: fuzzing-support's by their names, a tag the
 * module defines tag$N (N counting its own tags), one it imports
 * eimport$N; Binaryen reads no names for them from -ttf's modules. */
static void tag_name(Buf *b, Runner *r, const ModuleInst *inst, const TagInst *tag)
{
  const FuzzingHost *h = runner_fuzzing(r);
  const char *name = h ? fuzzing_tag_name(h, tag) : NULL;
  uint32_t imported = inst->module ? module_imports(inst->module, EXTERN_TAG) : 0;
  if (name) {
    buf_puts(b, name);
    return;
  }
  for (uint32_t i = 0; i < inst->ntags; i++)
    if (inst->tags[i] == tag) {
      buf_printf(b, i < imported ? "eimport$%" PRIu32 : "tag$%" PRIu32, i < imported ? i : i - imported);
      return;
    }
  buf_puts(b, "tag");
}

/* How a failed call ends its part of the log: the trap, the exception
 * thrown (its tag and values), a suspension, or a limit of the host
 * (wasm-opt's own stack limit, our fuel, heap, depth and time). */
static void failure_words(Buf *b, Runner *r, const ModuleInst *inst, const Error *err)
{
  Store *s = runner_store(r);
  switch (err->phase) {
  case PHASE_TRAP:
    buf_puts(b, "[trap ");
    trap_words(b, s, err->message);
    break;
  case PHASE_EXCEPTION:
    buf_puts(b, "[exception thrown: ");
    if (s->exn) {
      tag_name(b, r, inst, s->exn->tag);
      for (uint32_t i = 0; i < s->exn->len; i++) {
        buf_putc(b, ' ');
        fuzzing_print_value(b, s->exn->fields[i]);
      }
    }
    break;
  case PHASE_SUSPENSION:
    buf_puts(b, "[exception thrown: unhandled suspend");
    break;
  case PHASE_EXHAUSTION:   /* the call stack, and the heap, as Binaryen words them */
    buf_printf(b, "[host limit %s", starts(err->message, EXHAUSTION_CALL_STACK) ? "stack limit"
                                    : starts(err->message, EXHAUSTION_OUT_OF_MEMORY) ? "allocation failure"
                                    : err->message);
    break;
  default:   /* fuel, time as ours */
    buf_printf(b, "[host limit %s", err->message);
    break;
  }
  buf_putc(b, ']');
}

/* ================================================================ --run-all-exports */

/* One line of the log (or, with --json, one of JSON for a log line). */
static void log_line(Runner *r, const Buf *b)
{
  fprintf(r->out, "%.*s\n", (int)b->len, b->data ? b->data : "");
}

/* The --json line of one call or global: an invoke or a get of the export,
 * as a script's would be. */
static void json_call(Runner *r, const ExportInst *x, bool get, const Value *vs, const ValType *ts,
                      uint32_t n, const Error *err)
{
  Command c = {.kind = CMD_ACTION};
  c.action.kind = get ? ACTION_GET : ACTION_INVOKE;
  c.action.name = x->name;
  const ModuleInst *inst = runner_instance(r);
  Record rec = {.c = &c, .outcome = err ? RECORD_ERROR : RECORD_DONE,
                .loc = {inst && inst->module ? inst->module->file : "", 0, 0},
                .err = err, .values = vs, .types = ts, .n = n};
  if (err)
    snprintf(rec.message, sizeof rec.message, "%s: %s", phase_name(err->phase), err->message);
  json_record(r->out, &r->types, NULL, &rec);
}

/* An exported global: its value logged. */
static void log_global(Runner *r, const ExportInst *x)
{
  Buf b;
  buf_init(&b);
  buf_printf(&b, "[fuzz-exec] export %.*s", (int)x->name.len, (const char *)x->name.data);
  if (!r->opt.json)
    log_line(r, &b);
  b.len = 0;
  buf_puts(&b, "[LoggingExternalInterface logging ");
  fuzzing_print_value(&b, x->val.global->value);
  buf_putc(&b, ']');
  if (r->opt.json)
    json_call(r, x, true, &x->val.global->value, &x->val.global->type.type, 1, NULL);
  else
    log_line(r, &b);
  buf_free(&b);
}

/* An exported function called with the default of each parameter type:
 * its results, or how it failed, logged.  False if the run must stop (a
 * timeout). */
static bool log_call(Runner *r, const ModuleInst *inst, const ExportInst *x)
{
  FuncInst *f = x->val.func;
  const FuncType *ft = f->type;
  Buf b;
  buf_init(&b);
  buf_printf(&b, "[fuzz-exec] export %.*s", (int)x->name.len, (const char *)x->name.data);
  if (!r->opt.json)
    log_line(r, &b);
  b.len = 0;
  Value *args = mem_calloc(ft->params.len + 1, sizeof *args);
  Value *results = mem_calloc(ft->results.len + 1, sizeof *results);
  Error err = {0};
  bool defaultable = true;
  for (uint32_t i = 0; i < ft->params.len; i++) {
    defaultable = defaultable && valtype_defaultable(ft->params.data[i]);
    if (args)
      args[i] = value_default(ft->params.data[i]);
  }
  bool invoked = args && results && defaultable, ok = false;
  if (!args || !results)
    error_at(&err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY);
  else if (!defaultable)
    error_at(&err, PHASE_TRAP, (Loc){0}, TRAP_NOT_DEFAULTABLE);
  if (invoked) {
    runner_stats_start(r);
    ok = eval_invoke(runner_store(r), f, args, results, NULL, &err);
  }
  if (ok && ft->results.len) {
    buf_printf(&b, "[fuzz-exec] note result: %.*s => ", (int)x->name.len, (const char *)x->name.data);
    for (uint32_t i = 0; i < ft->results.len; i++) {
      if (i)
        buf_putc(&b, '\n');
      fuzzing_print_value(&b, results[i]);
    }
  } else if (!ok) {
    failure_words(&b, r, inst, &err);
  }
  if (r->opt.json)
    json_call(r, x, false, results, ft->results.data, ok ? ft->results.len : 0, ok ? NULL : &err);
  else if (b.len)
    log_line(r, &b);
  if (invoked)   /* --stats: its block after its lines */
    runner_stats_end(r, &(Action){.kind = ACTION_INVOKE, .name = x->name});
  buf_free(&b);
  mem_free(args);
  mem_free(results);
  return err.phase != PHASE_TIMEOUT;
}

/* With --json, what the fuzzing-support host logs is a line of JSON too. */
static void json_log_line(void *env, const char *line, size_t len)
{
  json_log(((Runner *)env)->out, line, len);
}

int direct_run_all(Runner *r)
{
  const ModuleInst *inst = runner_instance(r);
  if (!inst) {
    fprintf(r->err, "wasmfx-ref: error: --run-all-exports: no module instance\n");
    return run_status(PHASE_SCRIPT);
  }
  if (runner_fuzzing(r))
    fuzzing_set_log(runner_fuzzing(r), r->opt.json ? json_log_line : NULL, r);
  for (uint32_t i = 0; i < inst->nexports; i++) {
    const ExportInst *x = &inst->exports[i];
    if (x->val.kind == EXTERN_GLOBAL) {
      log_global(r, x);
    } else if (x->val.kind == EXTERN_FUNC && !log_call(r, inst, x)) {
      fflush(r->out);
      fprintf(r->err, "wasmfx-ref: error: --run-all-exports stopped: timeout\n");
      return run_status(PHASE_TIMEOUT);
    }
  }
  fflush(r->out);
  return STATUS_OK;
}

int direct_run_all_file(Runner *r, const char *path)
{
  RunStats stats = {0};
  Error err = {0};
  Buf bt;
  buf_init(&bt);
  Phase fatal = run_file(r, path, &stats, &bt, &err);
  if (fatal == PHASE_TRAP || fatal == PHASE_EXCEPTION) {   /* instantiation ran code */
    Buf b;
    buf_init(&b);
    if (fatal == PHASE_TRAP)
      failure_words(&b, r, runner_instance(r), &err);
    else
      buf_puts(&b, "[exception thrown: failed to instantiate module]");
    if (!r->opt.json)
      log_line(r, &b);
    buf_free(&b);
  }
  report_error(r, &err, &bt);
  buf_free(&bt);
  int status = input_status(fatal, &stats);
  return status == STATUS_OK ? direct_run_all(r) : status;
}
