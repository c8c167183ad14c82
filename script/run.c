/* The script runner: each command of a script in order, in the store that
 * a run's files, -e commands and REPL entries share, with the official interpreter's rules — expected messages
 * match as prefixes, `register` names instances for imports, the spectest
 * module is always there. */

#define _POSIX_C_SOURCE 200809L   /* open_memstream */

#include "script/run.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "script/files.h"
#include "script/json.h"
#include "script/messages.h"
#include "script/show.h"
#include "script/sig.h"
#include "script/stats.h"

#include "binary/binary.h"
#include "interp/describe.h"
#include "interp/eval.h"
#include "interp/fuzzing.h"
#include "interp/host.h"
#include "interp/instantiate.h"
#include "interp/messages.h"
#include "interp/wasi.h"
#include "text/text.h"
#include "util/hash.h"
#include "util/mem.h"
#include "validate/validate.h"

/* A name bound to an instance (registered names, $ids) or to a module
 * definition. */
typedef struct Binding {
  Name name;
  ModuleInst *inst;
  const Module *module;
} Binding;

/* A script's name ((script $id …), (input $id …); empty: the latest
 * script, input or module) bound to the commands it ran: quote[first, end). */
typedef struct ScriptBinding {
  Name name;
  uint32_t first, end;
} ScriptBinding;

/* What the files, -e commands and REPL entries of a run share (the
 * Runner's session); only `script` and `stats` change with each script. */
struct Session {
  Runner *r;
  const Script *script;      /* the one running now */
  Store store;
  Arena arena;
  Hash registry;             /* register "name": the name -> the latest ModuleInst * */
  VEC(Binding) instances;    /* module $id, module instance $id */
  VEC(Binding) definitions;  /* module definition $id */
  Hash instance_ids, definition_ids;   /* $id -> 1 + the index of its latest binding there */
  VEC(Binding) modules;      /* every module defined, by $id (for output) */
  VEC(ScriptBinding) scripts;
  VEC(const Command *) quote;  /* every command run but meta commands, in order */
  VEC(Module *) owned;       /* modules decoded or parsed while running */
  VEC(Script *) kept;        /* scripts read, whose modules and names stay bound */
  VEC(char *) texts;         /* the files' and -e commands' text */
  ModuleInst *current;       /* the most recent instance */
  FuzzingHost *fuzzing;      /* fuzzing-support, for module files */
  WasiHost *wasi;            /* wasi_snapshot_preview1, once a WASI command runs */
  RunStats *stats;
  Phase fatal;               /* the error that stopped the script running now */
  FILE *json;                /* --json: where the lines go, as r->out catches a command's text */
  struct Capture *capture;   /* --json: the command running now catches its text there */
  Tracer tracer;             /* --trace */
  Stats costs;               /* --stats */
  const Action *invoked;     /* --stats: the invocation whose block follows its command's line */
  Costs invoked_costs;
  EvalWatch watch;           /* the store's watcher, when there is one */
};

/* --json: what a command prints on stdout (spectest's print functions, -s,
 * (output) without a file, --trace) is caught and goes into its line's
 * "text", so that stdout stays one JSON object a line. */
typedef struct Capture {
  FILE *f;                   /* r->out and the store's output while the command runs */
  char *text;
  size_t len;                /* what f holds, as of its last fflush */
  size_t used;               /* what a line already took */
  FILE *saved;               /* r->out before */
  struct Capture *outer;     /* of the (input) command this one runs in */
} Capture;

/* ================================================================ Reporting */

static bool message_matches(const char *actual, Bytes expected)
{
  return strlen(actual) >= expected.len && memcmp(actual, expected.data, expected.len) == 0;
}

/* Where a command or an error is reported: a malformed or invalid text
 * module at the error's own position in the script, anything else (the
 * errors of quoted and binary modules included, whose offsets are within
 * their strings) at the command's. */
static Loc report_loc(const Session *z, const Command *c, const Error *err)
{
  bool module_error = err && (err->phase == PHASE_MALFORMED || err->phase == PHASE_INVALID
                              || err->phase == PHASE_INTERNAL);
  if (module_error && c->module.kind == SMOD_TEXT && err->loc.line && err->loc.file == z->script->file)
    return err->loc;
  return script_loc(z->script, c->at);
}

/* --stats: the block of the invocation a command made, if it made one
 * (or its line of --json): after what the command printed. */
static void costs_report(Session *z)
{
  if (!z->invoked)
    return;
  Buf b;
  buf_init(&b);
  Command c = {.kind = CMD_ACTION, .action = *z->invoked};
  text_print_command(&b, &c, NULL);
  buf_putc(&b, '\0');
  const char *title = b.failed ? "(invoke)" : b.data;
  if (z->r->opt.json) {
    json_stats(z->json, title, &z->invoked_costs);
  } else {
    fflush(z->r->out);
    stats_print(z->r->err, title, &z->invoked_costs);
  }
  buf_free(&b);
  z->invoked = NULL;
}

/* --stats: an invocation starts; what ran before it (instantiation's code)
 * counts for the run only. */
static void costs_start(Session *z)
{
  if (z->costs.on)
    stats_take(&z->costs, &z->store, NULL);
}

/* --stats: the invocation of action a has ended: its figures are taken,
 * to be printed when its command is reported. */
static void costs_end(Session *z, const Action *a)
{
  if (!z->costs.on)
    return;
  stats_take(&z->costs, &z->store, &z->invoked_costs);
  z->invoked = a;
}

/* The end of every command: its results on stdout (or a line of --json),
 * its failure as a message on stderr, the block of --stats; an error
 * outside an assertion stops the script. */
static void finish(Session *z, Record *rec)
{
  if (rec->outcome == RECORD_FAILED)
    z->stats->failed++;
  else if (rec->outcome == RECORD_PASSED)
    z->stats->passed++;
  else if (rec->outcome == RECORD_ERROR)
    z->fatal = rec->err->phase;
  if (z->r->opt.json) {
    Capture *cap = z->capture;
    if (cap && fflush(cap->f) == 0 && cap->len > cap->used) {
      rec->text = cap->text + cap->used;
      rec->text_len = cap->len - cap->used;
      cap->used = cap->len;
    }
    json_record(z->json, &z->r->types, z->script, rec);
  } else if (rec->outcome == RECORD_DONE && rec->n && rec->c->kind == CMD_ACTION)
    show_print_results(z->r->out, &z->r->types, rec->values, rec->types, rec->n);
  if (rec->outcome == RECORD_FAILED || rec->outcome == RECORD_ERROR) {
    char where[ERROR_MESSAGE_MAX];
    loc_format(where, sizeof where, rec->loc);
    fflush(z->r->out);   /* results before the message, when both go to a terminal */
    fprintf(z->r->err, "%s: %s\n", where, rec->message);
    if (rec->backtrace && rec->backtrace->len)
      fprintf(z->r->err, "%.*s", (int)rec->backtrace->len, rec->backtrace->data);
  }
  costs_report(z);
}

/* A record of command c at its position. */
static Record record(Session *z, const Command *c)
{
  return (Record){.c = c, .loc = script_loc(z->script, c->at)};
}

/* c passed, or (a command) was done. */
static void done(Session *z, const Command *c, RecordOutcome outcome)
{
  Record rec = record(z, c);
  rec.outcome = outcome;
  finish(z, &rec);
}

/* An assertion failed: the message says what came instead of what. */
__attribute__((format(printf, 3, 4)))
static void fail(Session *z, Record *rec, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(rec->message, sizeof rec->message, fmt, ap);
  va_end(ap);
  rec->outcome = RECORD_FAILED;
  finish(z, rec);
}

/* An error in running c: outside an assertion (or, anywhere, a script that
 * cannot be carried out) it stops the script; in an assertion it is the
 * assertion's failure. */
static void error(Session *z, const Command *c, bool assertion, const Error *err, const Buf *backtrace)
{
  Record rec = record(z, c);
  rec.err = err;
  rec.backtrace = backtrace;
  rec.loc = report_loc(z, c, err);
  rec.outcome = assertion && err->phase != PHASE_SCRIPT ? RECORD_FAILED : RECORD_ERROR;
  snprintf(rec.message, sizeof rec.message, "%s: %s", phase_name(err->phase), err->message);
  finish(z, &rec);
}

/* The store ran out of memory for the script's own bookkeeping. */
static void out_of_memory(Session *z, const Command *c)
{
  Error err = {0};
  error_at(&err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY);
  error(z, c, false, &err, NULL);
}

/* The parenthesised phrase of the script that starts at an offset, as
 * written: how result patterns are shown. */
static void print_source(Buf *b, const Script *s, uint32_t at)
{
  while (s->source && at > 0 && s->source[at] != '(')   /* positions are of the keyword */
    at--;
  const char *p = s->source ? s->source + at : NULL;
  int depth = 0;
  size_t n = 0;
  while (p && p[n]) {
    depth += (p[n] == '(') - (p[n] == ')');
    n++;
    if (depth <= 0)
      break;
  }
  buf_put(b, p ? p : "?", p ? n : 1);
}

/* ================================================================ Modules */

/* Binds a name in a list, and in its index `ids` if it has one: a script
 * of many named modules then finds each in constant time, not by a scan. */
static bool bind(Session *z, void *list, Hash *ids, Name name, ModuleInst *inst, const Module *m)
{
  VEC(Binding) *l = list;
  if (!vec_push(&z->arena, l, ((Binding){name, inst, m})))
    return false;
  if (!ids || !name.len)
    return true;
  void **place = hash_place(ids, name.data, name.len);
  if (place)
    *place = (void *)(uintptr_t)l->len;
  return place != NULL;
}

/* register: the name stands for the instance from now on (the latest
 * registration of a name is the one imports see); false if out of memory. */
static bool enrol(Session *z, Name name, ModuleInst *inst)
{
  void **place = hash_place(&z->registry, name.data, name.len);
  if (place)
    *place = inst;
  return place != NULL;
}

/* The latest binding of a name; the latest of all for an empty name. */
static const void *latest(const void *list, size_t size, Name name)
{
  const VEC(char) *l = list;
  for (uint32_t i = l->len; i-- > 0;) {
    const Name *n = (const Name *)(l->data + i * size);   /* each binding starts with its name */
    if (!name.len || (n->len == name.len && memcmp(n->data, name.data, name.len) == 0))
      return n;
  }
  return NULL;
}

/* The latest binding of a name, by its index `ids` when it has a name. */
static const Binding *lookup(const void *list, const Hash *ids, Name name)
{
  const VEC(Binding) *l = list;
  if (name.len) {
    uintptr_t at = (uintptr_t)hash_get(ids, name.data, name.len);
    return at ? &l->data[at - 1] : NULL;
  }
  for (uint32_t i = l->len; i-- > 0;)
    if (l->data[i].name.len == name.len &&
        (name.len == 0 || memcmp(l->data[i].name.data, name.data, name.len) == 0))   /* an empty name may have no bytes */
      return &l->data[i];
  return NULL;
}

static bool validate(Runner *r, const Module *m, Error *err)
{
  ValidateOptions vo = {.stack_switching = !r->opt.wasm3};
  return validate_module(&r->types, m, &vo, err);
}

/* Validation when a module is defined: skipped by -u. */
static bool check(Runner *r, const Module *m, Error *err)
{
  return r->opt.unchecked || validate(r, m, err);
}

/* Before unchecked code runs, it is validated after all: the machine relies
 * on every invariant validation establishes (stack heights, operand types,
 * indices), so code that breaks one is refused as the official interpreter
 * refuses it when it meets it, a "runtime crash" (PHASE_INTERNAL), and
 * never reaches the machine.  A limit validation met (out of memory, a
 * subtype hierarchy too deep) stays a resource exhaustion. */
static bool runnable(Runner *r, const Module *m, Error *err)
{
  if (!r->opt.unchecked || validate(r, m, err))
    return true;
  if (err->phase == PHASE_INVALID)
    err->phase = PHASE_INTERNAL;
  return false;
}

/* The module of a (module binary …) or (module quote …) is decoded or
 * parsed when its command runs, so that assertions can observe the error.
 * NULL with *err set if malformed. */
static const Module *load_module(Session *z, const ScriptModule *sm, Error *err)
{
  error_clear(err);
  if (sm->kind == SMOD_TEXT)
    return sm->module;
  Module *m = sm->kind == SMOD_BINARY
                  ? decode_module(z->script->file, sm->bytes.data, sm->bytes.len, err)
                  : text_parse_module(z->script->file, (const char *)sm->bytes.data, sm->bytes.len, err);
  if (m && !vec_push(&z->arena, &z->owned, m)) {
    module_free(m);
    error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY);
    return NULL;
  }
  return m;
}

/* A module, well-formed and valid (unless -u); NULL with err set. */
static const Module *valid_module(Session *z, const ScriptModule *sm, Error *err)
{
  const Module *m = load_module(z, sm, err);
  if (m && !check(z->r, m, err))
    return NULL;
  return m;
}

/* Beyond the registry, a module file's import may come from the WASI
 * host (a WASI command's) or the fuzzing-support host, or, with
 * --dummy-imports, be a stand-in of its type.  False if none provides it
 * (err set only if out of memory). */
static bool resolve_extra(Session *z, const DefType **types, const Import *im, ExternVal *out,
                          Error *err)
{
  if (z->wasi && wasi_import(z->wasi, im, out, err))
    return true;
  if (err->phase != PHASE_NONE)
    return false;
  if (!z->fuzzing && !(z->fuzzing = fuzzing_new(&z->store, err)))
    return false;
  return fuzzing_import(z->fuzzing, types, im, out, err)
      || (err->phase == PHASE_NONE && z->r->opt.dummy_imports && host_dummy(&z->store, types, im, out, err));
}

/* An import nobody provides: named in the error, after those before it
 * (a module file's error names every one, so that one run shows them all). */
static void unknown_import(const Module *m, const Import *im, uint32_t missing, Error *err)
{
  if (missing == 0) {
    error_at(err, PHASE_UNLINKABLE, module_loc(m, im->at), UNLINKABLE_UNKNOWN_IMPORT,
             (int)im->module.len, (const char *)im->module.data, (int)im->name.len,
             (const char *)im->name.data);
    return;
  }
  size_t len = strlen(err->message);
  if (len + 16 < sizeof err->message)
    snprintf(err->message + len, sizeof err->message - len, ", \"%.*s\" \"%.*s\"",
             (int)im->module.len, (const char *)im->module.data, (int)im->name.len,
             (const char *)im->name.data);
}

/* Resolves the imports by the registered names (for a module file, also
 * by resolve_extra) and instantiates. */
static ModuleInst *link(Session *z, const Module *m, bool file, Buf *backtrace, Error *err)
{
  error_clear(err);
  ExternVal *imports = mem_calloc(m->imports.len + 1, sizeof *imports);
  const DefType **types = file && m->imports.len ? instantiate_types(&z->store, m, err) : NULL;
  if (!imports || (file && m->imports.len && !types)) {
    mem_free(imports);
    if (err->phase == PHASE_NONE)
      error_at(err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY);
    return NULL;
  }
  ModuleInst *inst = NULL;
  uint32_t missing = 0;
  for (uint32_t i = 0; i < m->imports.len; i++) {
    const Import *im = &m->imports.data[i];
    const ModuleInst *from = hash_get(&z->registry, im->module.data, im->module.len);
    const ExportInst *x = from ? moduleinst_export(from, (const char *)im->name.data, im->name.len) : NULL;
    if (x) {
      imports[i] = x->val;
    } else if (!file || !resolve_extra(z, types, im, &imports[i], err)) {
      if (err->phase != PHASE_NONE && err->phase != PHASE_UNLINKABLE)
        goto out;
      unknown_import(m, im, missing++, err);
      if (!file)
        goto out;
    }
  }
  if (missing)
    goto out;
  if (runnable(z->r, m, err))   /* after the imports' names, as the official -u links first */
    inst = instantiate(&z->store, m, imports, backtrace, err);
out:
  mem_free(imports);
  return inst;
}

/* Instantiates m as the current instance, named id if it has one. */
static void instantiate_as(Session *z, const Command *c, const Module *m, Name id)
{
  Error err;
  Buf bt;
  buf_init(&bt);
  ModuleInst *inst = link(z, m, false, &bt, &err);
  if (!inst) {
    error(z, c, false, &err, &bt);
  } else {
    z->current = inst;
    if (id.len && !bind(z, &z->instances, &z->instance_ids, id, inst, m))
      out_of_memory(z, c);
    else
      done(z, c, RECORD_DONE);
  }
  buf_free(&bt);
}

/* A valid module becomes the latest (and $id), for output, and -s shows
 * it: as the official interpreter, which makes the module of assert_trap
 * and assert_unlinkable a definition of its own.  A module command is also
 * the latest script. */
static bool note_module(Session *z, Name id, const Module *m)
{
  if (z->r->opt.print_sig && !z->r->opt.unchecked)
    print_module_sig(z->r->out, id, m);
  return bind(z, &z->modules, NULL, id, NULL, m);
}

static bool define_module(Session *z, Name id, const Module *m)
{
  uint32_t at = z->quote.len - 1;   /* its command was just quoted */
  return note_module(z, id, m) && vec_push(&z->arena, &z->scripts, ((ScriptBinding){id, at, at + 1}));
}

/* module: define, validate and instantiate it (a definition: only define) */
static void run_module(Session *z, const Command *c)
{
  Error err;
  const ScriptModule *sm = &c->module;
  const Module *m = valid_module(z, sm, &err);
  if (!m || !store_count_instance(&z->store, &err)) {
    error(z, c, false, &err, NULL);
    return;
  }
  if (!define_module(z, sm->id, m)) {
    out_of_memory(z, c);
    return;
  }
  if (sm->definition) {
    if (!bind(z, &z->definitions, &z->definition_ids, sm->id, NULL, m))
      out_of_memory(z, c);
    else
      done(z, c, RECORD_DONE);
    return;
  }
  if (z->r->opt.dry) {
    done(z, c, RECORD_DONE);
    return;
  }
  instantiate_as(z, c, m, sm->id);
}

/* The module definition $id names (the latest unnamed one if id is empty);
 * NULL with err set if there is none. */
static const Module *definition(Session *z, Name id, Error *err)
{
  const Binding *d = lookup(&z->definitions, &z->definition_ids, id);
  if (!d && id.len)
    error_at(err, PHASE_SCRIPT, (Loc){0}, SCRIPT_UNKNOWN_DEFINITION, (int)id.len,
             (const char *)id.data);
  else if (!d)
    error_at(err, PHASE_SCRIPT, (Loc){0}, SCRIPT_NO_DEFINITION);
  return d ? d->module : NULL;
}

/* (module instance $i? $m?) */
static void run_instance(Session *z, const Command *c)
{
  Error err = {0};
  const Module *m = definition(z, c->id2, &err);
  if (!m)
    error(z, c, false, &err, NULL);
  else
    instantiate_as(z, c, m, c->id);
}

/* The instance an action or register names: $id, or the most recent.
 * NULL with err set if there is none. */
static ModuleInst *instance(Session *z, Name id, Error *err)
{
  const Binding *b = id.len ? lookup(&z->instances, &z->instance_ids, id) : NULL;
  ModuleInst *inst = id.len ? (b ? b->inst : NULL) : z->current;
  if (!inst && id.len)
    error_at(err, PHASE_SCRIPT, (Loc){0}, SCRIPT_UNKNOWN_MODULE, (int)id.len, (const char *)id.data);
  else if (!inst)
    error_at(err, PHASE_SCRIPT, (Loc){0}, SCRIPT_NO_INSTANCE);
  return inst;
}

/* (register "name" $id?) */
static void run_register(Session *z, const Command *c)
{
  Error err = {0};
  ModuleInst *inst = instance(z, c->id, &err);
  if (!inst)
    error(z, c, false, &err, NULL);
  else if (!enrol(z, c->name, inst))
    out_of_memory(z, c);
  else
    done(z, c, RECORD_DONE);
}

/* ================================================================ Actions */

typedef struct Outcome {
  Value results[64];
  Value *values;             /* results, or a bigger array */
  uint32_t n;
  const ValType *types;      /* of the results: an invoked function's, or global_type */
  ValType global_type;       /* of a global's value */
  Error err;
  Buf backtrace;
} Outcome;

/* const: an argument of an invocation */
static bool arg_value(Session *z, const Const *k, Value *v)
{
  switch (k->kind) {
  case CONST_NUM:
    *v = (Value){.i64 = k->bits};
    if (k->type == VAL_I32 || k->type == VAL_F32)
      *v = (Value){.i32 = (uint32_t)k->bits};
    v->kind = (uint8_t)k->type;
    return true;
  case CONST_VEC:
    *v = (Value){.v128 = k->vec};
    v->kind = VAL_V128;
    return true;
  case CONST_REF_NULL:
    *v = value_ref(NULL);
    return true;
  case CONST_REF_HOST: {
    HostInst *h = store_host(&z->store, k->bits);
    *v = value_ref(h ? &h->obj : NULL);
    return h != NULL;
  }
  default: {
    HostInst *h = store_host(&z->store, k->bits);
    ExternInst *x = h ? store_alloc_extern(&z->store, &h->obj) : NULL;
    *v = value_ref(x ? &x->obj : NULL);
    return x != NULL;
  }
  }
}

/* Whether an argument fits a parameter type (the script's own check). */
static bool arg_fits(Session *z, Value v, ValType t)
{
  if (t.kind != VAL_REF)
    return v.kind == t.kind;
  return v.kind == VAL_REF && ref_matches(&z->store, v.ref, t);
}

/* invoke / get.  False with o->err set if the action could not be done or
 * failed (a trap, an exception …). */
static bool perform(Session *z, const Action *a, Outcome *o)
{
  memset(o, 0, sizeof *o);
  buf_init(&o->backtrace);
  o->values = o->results;
  ModuleInst *inst = instance(z, a->module, &o->err);
  if (!inst)
    return false;
  const ExportInst *x = moduleinst_export(inst, (const char *)a->name.data, a->name.len);
  if (!x)
    return error_at(&o->err, PHASE_SCRIPT, (Loc){0}, SCRIPT_UNKNOWN_EXPORT, (int)a->name.len,
                    (const char *)a->name.data);
  if (a->kind == ACTION_GET) {
    if (x->val.kind != EXTERN_GLOBAL)
      return error_at(&o->err, PHASE_SCRIPT, (Loc){0}, SCRIPT_NOT_GLOBAL);
    o->results[0] = x->val.global->value;
    o->global_type = x->val.global->type.type;
    o->types = &o->global_type;
    o->n = 1;
    return true;
  }
  if (x->val.kind != EXTERN_FUNC)
    return error_at(&o->err, PHASE_SCRIPT, (Loc){0}, SCRIPT_NOT_FUNC);
  FuncInst *f = x->val.func;
  const FuncType *ft = f->type;
  if (ft->params.len != a->args.len)
    return error_at(&o->err, PHASE_SCRIPT, (Loc){0}, SCRIPT_ARG_COUNT);
  Value *args = mem_calloc(a->args.len + 1, sizeof *args);
  if (ft->results.len > 64)
    o->values = mem_calloc(ft->results.len, sizeof *o->values);
  bool ok = args && o->values;
  for (uint32_t i = 0; ok && i < a->args.len; i++)
    ok = arg_value(z, &a->args.data[i], &args[i]);
  if (!ok) {
    mem_free(args);
    return error_at(&o->err, PHASE_EXHAUSTION, (Loc){0}, EXHAUSTION_OUT_OF_MEMORY);
  }
  for (uint32_t i = 0; ok && i < a->args.len; i++)
    if (!arg_fits(z, args[i], ft->params.data[i])) {
      mem_free(args);
      return error_at(&o->err, PHASE_SCRIPT, (Loc){0}, SCRIPT_ARG_TYPE, i + 1);
    }
  o->types = ft->results.data;
  o->n = ft->results.len;
  costs_start(z);
  ok = eval_invoke(&z->store, f, args, o->values, &o->backtrace, &o->err);
  costs_end(z, a);
  mem_free(args);
  return ok;
}

static void outcome_free(Outcome *o)
{
  if (o->values != o->results)
    mem_free(o->values);
  buf_free(&o->backtrace);
}

/* A record of an action's outcome: its values, or its error. */
static Record action_record(Session *z, const Command *c, bool ok, const Outcome *o)
{
  Record rec = record(z, c);
  if (ok) {
    rec.values = o->values;
    rec.types = o->types;
    rec.n = o->n;
  } else {
    rec.err = &o->err;
    rec.backtrace = &o->backtrace;
  }
  return rec;
}

/* action: its results are printed, its failure is reported */
static void run_action(Session *z, const Command *c)
{
  Outcome o;
  if (!perform(z, &c->action, &o)) {
    error(z, c, false, &o.err, &o.backtrace);
  } else {
    Record rec = action_record(z, c, true, &o);
    rec.outcome = RECORD_DONE;
    finish(z, &rec);
  }
  outcome_free(&o);
}

/* ================================================================ Results */

static bool is_canonical_nan(ValKind k, uint64_t bits)
{
  return k == VAL_F32 ? (bits & 0x7fffffff) == 0x7fc00000
                      : (bits & 0x7fffffffffffffffull) == 0x7ff8000000000000ull;
}

static bool is_arithmetic_nan(ValKind k, uint64_t bits)
{
  return k == VAL_F32 ? (bits & 0x7fc00000) == 0x7fc00000
                      : (bits & 0x7ff8000000000000ull) == 0x7ff8000000000000ull;
}

/* num_pat against a number's bits */
static bool num_matches(const NumPat *p, ValKind k, uint64_t bits)
{
  switch (p->kind) {
  case NUMPAT_NAN_CANONICAL: return is_canonical_nan(k, bits);
  case NUMPAT_NAN_ARITHMETIC: return is_arithmetic_nan(k, bits);
  default: return p->bits == bits;
  }
}

/* v128 lanes of a shape against their patterns */
static bool vec_matches(const Result *p, const V128 *v)
{
  static const struct { unsigned lanes, bytes; ValKind kind; } shapes[] = {
    [SHAPE_I8X16] = {16, 1, VAL_I32}, [SHAPE_I16X8] = {8, 2, VAL_I32},
    [SHAPE_I32X4] = {4, 4, VAL_I32}, [SHAPE_I64X2] = {2, 8, VAL_I64},
    [SHAPE_F32X4] = {4, 4, VAL_F32}, [SHAPE_F64X2] = {2, 8, VAL_F64},
  };
  unsigned lanes = shapes[p->shape].lanes, bytes = shapes[p->shape].bytes;
  for (unsigned i = 0; i < lanes; i++) {
    uint64_t lane = 0;
    memcpy(&lane, v->i8 + i * bytes, bytes);   /* little-endian lanes */
    if (!num_matches(&p->lanes[i], shapes[p->shape].kind, lane))
      return false;
  }
  return true;
}

/* result_pat against a value of type t */
static bool result_matches(Session *z, const Result *p, Value v, ValType t)
{
  Ref r = v.ref;
  switch (p->kind) {
  case RESULT_NUM:
    return v.kind == p->type && num_matches(&p->num, p->type, p->type == VAL_I32 || p->type == VAL_F32 ? v.i32 : v.i64);
  case RESULT_VEC:
    return v.kind == VAL_V128 && vec_matches(p, &v.v128);
  case RESULT_REF_NULL:
    /* A null has no type of its own here; its hierarchy is its static type's. */
    return v.kind == VAL_REF && !r
        && (!p->has_type || heaptype_top(z->store.types, t) == heaptype_top(z->store.types, p->ref));
  case RESULT_REF_FUNC:
    return v.kind == VAL_REF && ref_is_object(r) && r->kind == OBJ_FUNC;
  case RESULT_REF_EXTERN: {
    if (v.kind != VAL_REF || !ref_is_object(r) || r->kind != OBJ_EXTERN)
      return false;
    Ref in = ((ExternInst *)r)->ref;
    return !p->has_value
        || (ref_is_object(in) && in->kind == OBJ_HOST && ((HostInst *)in)->addr == p->value);
  }
  case RESULT_REF_HOST:
    return v.kind == VAL_REF && ref_is_object(r) && r->kind == OBJ_HOST && ((HostInst *)r)->addr == p->value;
  case RESULT_REF_HEAP:
    return v.kind == VAL_REF && r && ref_matches(&z->store, r, valtype_ref(false, p->heap, 0));
  case RESULT_REF:
    return v.kind == VAL_REF && r != NULL;
  case RESULT_EITHER:
    for (uint32_t i = 0; i < p->alts.len; i++)
      if (result_matches(z, &p->alts.data[i], v, t))
        return true;
    return false;
  }
  return false;
}

/* An assertion on an action whose action failed unexpectedly (or, for a
 * script error, could not be done). */
static void action_failed(Session *z, const Command *c, const Outcome *o)
{
  error(z, c, true, &o->err, &o->backtrace);
}

/* (assert_return action result*) */
static void run_assert_return(Session *z, const Command *c)
{
  Outcome o;
  if (!perform(z, &c->action, &o)) {
    action_failed(z, c, &o);
    outcome_free(&o);
    return;
  }
  bool ok = o.n == c->results.len;
  for (uint32_t i = 0; ok && i < o.n; i++)
    ok = result_matches(z, &c->results.data[i], o.values[i], o.types[i]);
  Record rec = action_record(z, c, true, &o);
  if (ok) {
    rec.outcome = RECORD_PASSED;
    finish(z, &rec);
  } else {
    Buf want, got;
    buf_init(&want);
    buf_init(&got);
    for (uint32_t i = 0; i < c->results.len; i++) {
      if (i)
        buf_putc(&want, ' ');
      print_source(&want, z->script, c->results.data[i].at);
    }
    if (c->results.len == 0)
      buf_puts(&want, FAILURE_NO_VALUES);
    if (o.n)
      show_consts(&got, o.values, o.n);
    else
      buf_puts(&got, FAILURE_NO_VALUES);
    fail(z, &rec, FAILURE_RETURN, (int)want.len, want.data, (int)got.len, got.data);
    buf_free(&want);
    buf_free(&got);
  }
  outcome_free(&o);
}

/* Whether a failure is in the phase an assertion expects: a limit of this
 * implementation (fuel, heap) is a resource exhausted too. */
static bool phase_expected(Phase want, Phase got)
{
  return got == want || (want == PHASE_EXHAUSTION && got == PHASE_FUEL);
}

/* assert_trap, assert_exhaustion, assert_exception, assert_suspension on an
 * action: it must fail in that phase, with a message that starts as
 * expected (assert_exception has none). */
static void run_assert_failure(Session *z, const Command *c, Phase phase)
{
  Outcome o;
  bool ok = perform(z, &c->action, &o);
  Record rec = action_record(z, c, ok, &o);
  if (ok) {
    Buf b;
    buf_init(&b);
    show_consts(&b, o.values, o.n);
    fail(z, &rec, FAILURE_VALUES, phase_name(phase),
         (int)c->failure.len, (const char *)c->failure.data, o.n ? "" : FAILURE_NO_VALUES, (int)b.len,
         b.data);
    buf_free(&b);
  } else if (o.err.phase == PHASE_SCRIPT) {
    action_failed(z, c, &o);
  } else if (!phase_expected(phase, o.err.phase) || (phase != PHASE_EXCEPTION && !message_matches(o.err.message, c->failure))) {
    fail(z, &rec, FAILURE_PHASE, phase_name(phase),
         (int)c->failure.len, (const char *)c->failure.data, phase_name(o.err.phase), o.err.message);
  } else {
    rec.outcome = RECORD_PASSED;
    finish(z, &rec);
  }
  outcome_free(&o);
}

/* assert_unlinkable and assert_trap on a module: valid, but instantiating
 * it fails in that phase with the expected message. */
static void run_assert_module_failure(Session *z, const Command *c, Phase phase)
{
  Error err = {0};
  const Module *m = c->instance ? definition(z, c->id2, &err) : valid_module(z, &c->module, &err);
  if (!m) {
    error(z, c, true, &err, NULL);
    return;
  }
  if (!c->instance && !note_module(z, c->module.id, m)) {
    out_of_memory(z, c);
    return;
  }
  Buf bt;
  buf_init(&bt);
  ModuleInst *inst = link(z, m, false, &bt, &err);
  Record rec = record(z, c);
  if (!inst) {
    rec.err = &err;
    rec.backtrace = &bt;
  }
  if (inst)
    fail(z, &rec, FAILURE_INSTANTIATED,
         phase_name(phase), (int)c->failure.len, (const char *)c->failure.data);
  else if (err.phase != phase || !message_matches(err.message, c->failure))
    fail(z, &rec, FAILURE_PHASE, phase_name(phase),
         (int)c->failure.len, (const char *)c->failure.data, phase_name(err.phase), err.message);
  else {
    rec.outcome = RECORD_PASSED;
    finish(z, &rec);
  }
  buf_free(&bt);
}

/* (assert_invalid module failure): the module is validated even under -u,
 * as in the official interpreter. */
static void run_assert_invalid(Session *z, const Command *c)
{
  Error err;
  const Module *m = load_module(z, &c->module, &err);
  Record rec = record(z, c);
  rec.err = &err;
  if (!m) {
    fail(z, &rec, FAILURE_MALFORMED,
         err.message, (int)c->failure.len, (const char *)c->failure.data);
    return;
  }
  error_clear(&err);
  if (validate(z->r, m, &err)) {
    rec.err = NULL;
    fail(z, &rec, FAILURE_VALID, (int)c->failure.len,
         (const char *)c->failure.data);
  } else if (!message_matches(err.message, c->failure)) {
    fail(z, &rec, FAILURE_MESSAGE, err.message,
         (int)c->failure.len, (const char *)c->failure.data);
  } else {
    rec.outcome = RECORD_PASSED;
    finish(z, &rec);
  }
}

/* (assert_malformed module failure) */
static void run_assert_malformed(Session *z, const Command *c)
{
  Record rec = record(z, c);
  if (c->module.kind == SMOD_TEXT) {
    fail(z, &rec, FAILURE_TEXT_WELL_FORMED,
         (int)c->failure.len, (const char *)c->failure.data);
    return;
  }
  Error err;
  const Module *m = load_module(z, &c->module, &err);
  rec.err = m ? NULL : &err;
  if (m)
    fail(z, &rec, FAILURE_WELL_FORMED,
         (int)c->failure.len, (const char *)c->failure.data);
  else if (err.phase != PHASE_MALFORMED || !message_matches(err.message, c->failure))
    fail(z, &rec, FAILURE_MESSAGE, err.message,
         (int)c->failure.len, (const char *)c->failure.data);
  else {
    rec.outcome = RECORD_PASSED;
    finish(z, &rec);
  }
}

/* ================================================================ Sessions */

static bool session_init(Session *z, Runner *r)
{
  memset(z, 0, sizeof *z);
  z->r = r;
  arena_init(&z->arena);
  store_init(&z->store, &r->types, &r->opt.limits, r->out);
  stats_init(&z->costs);
  z->json = r->out;
  Error err = {0};
  ModuleInst *spectest = host_spectest(&z->store, &err);
  static const char name[] = "spectest";
  return spectest && enrol(z, (Name){(uint8_t *)name, sizeof name - 1}, spectest);
}

static void session_free(Session *z)
{
  hash_free(&z->registry);
  hash_free(&z->instance_ids);
  hash_free(&z->definition_ids);
  store_free(&z->store);
  for (uint32_t i = 0; i < z->owned.len; i++)
    module_free(z->owned.data[i]);
  for (uint32_t i = 0; i < z->kept.len; i++)
    script_free(z->kept.data[i]);
  for (uint32_t i = 0; i < z->texts.len; i++)
    mem_free(z->texts.data[i]);
  arena_free(&z->arena);
}

void runner_init(Runner *r, const RunOptions *opt, FILE *out)
{
  memset(r, 0, sizeof *r);
  r->opt = *opt;
  r->out = out;
  r->err = stderr;
  typestore_init(&r->types);
}

void runner_free(Runner *r)
{
  if (r->session) {
    session_free(r->session);
    mem_free(r->session);
  }
  typestore_free(&r->types);
}

/* The runner's shared state, made the first time; NULL if out of memory. */
static Session *session(Runner *r)
{
  if (!r->session) {
    Session *z = mem_alloc(sizeof *z);
    if (z && !session_init(z, r)) {
      session_free(z);
      mem_free(z);
      z = NULL;
    }
    r->session = z;
  }
  if (r->session)
    r->session->store.limits = r->opt.limits;   /* options before each file apply to it */
  return r->session;
}

bool runner_keep(Runner *r, Script *s, Module *m, char *text)
{
  Session *z = session(r);
  bool ok = z && (!s || vec_push(&z->arena, &z->kept, s));
  if (!ok)
    script_free(s);
  if (!(ok = ok && (!m || vec_push(&z->arena, &z->owned, m))))
    module_free(m);
  if (!(ok = ok && (!text || vec_push(&z->arena, &z->texts, text))))
    mem_free(text);
  return ok;
}

const Script *runner_script_of(Runner *r, const Command *c)
{
  Session *z = r->session;
  for (uint32_t i = 0; z && i < z->kept.len; i++) {
    const Script *s = z->kept.data[i];
    uintptr_t p = (uintptr_t)c, first = (uintptr_t)s->commands.data;
    if (s->commands.len && p >= first && p < (uintptr_t)(s->commands.data + s->commands.len))
      return s;
  }
  return NULL;
}

const Module *runner_module(Runner *r, Name id)
{
  const Binding *b = r->session ? latest(&r->session->modules, sizeof *b, id) : NULL;
  return b ? b->module : NULL;
}

bool runner_script(Runner *r, Name id, const Command *const **commands, uint32_t *n)
{
  Session *z = r->session;
  const ScriptBinding *b = z ? latest(&z->scripts, sizeof *b, id) : NULL;
  if (b) {
    *commands = z->quote.data + b->first;
    *n = b->end - b->first;
  }
  return b != NULL;
}

/* ================================================================ Meta commands */

static void run_commands(Session *z, const Command *cs, uint32_t n);

/* Binds a script name to the commands run since quote[first]: a script
 * ran them, nested ones included. */
static void bind_script(Session *z, const Command *c, Name id, uint32_t first)
{
  if (!vec_push(&z->arena, &z->scripts, ((ScriptBinding){id, first, z->quote.len})))
    out_of_memory(z, c);
}

/* A meta command's error, with the file's own place if it has one:
 *   s.wast:3:1: m.wat:2:5: malformed: unknown operator
 * as any error outside an assertion, it stops the script. */
static void meta_error(Session *z, const Command *c, const Error *err, const Buf *backtrace)
{
  Record rec = record(z, c);
  rec.err = err;
  rec.backtrace = backtrace;
  rec.outcome = RECORD_ERROR;
  char where[ERROR_MESSAGE_MAX];
  error_where(where, sizeof where, err);
  if (err->loc.file)
    snprintf(rec.message, sizeof rec.message, "%.*s: %s: %.*s", 400, where,
             phase_name(err->phase), 400, err->message);
  else
    snprintf(rec.message, sizeof rec.message, "%s: %s", phase_name(err->phase), err->message);
  finish(z, &rec);
}

/* A meta command that cannot be carried out, for a reason of its own. */
static void meta_refused(Session *z, const Command *c, Phase phase, const char *why)
{
  Error err = {0};
  error_at(&err, phase, (Loc){0}, "%s", why);
  meta_error(z, c, &err, NULL);
}

enum { INPUT_DEPTH_MAX = 64 };   /* an (input) of the file itself must end */

/* (input $id? "file"): runs the file, a script or a module; with $id,
 * names its last module and instance. */
static void run_input(Session *z, const Command *c)
{
  if (z->r->opt.no_files) {
    meta_refused(z, c, PHASE_SCRIPT, SCRIPT_NO_INPUT);
    return;
  }
  uint32_t first = z->quote.len;
  char *path = mem_alloc(c->name.len + 1);   /* kept: modules name their file */
  if (!path || !runner_keep(z->r, NULL, NULL, path)) {
    out_of_memory(z, c);
    return;
  }
  memcpy(path, c->name.data, c->name.len);
  path[c->name.len] = '\0';
  if (z->r->inputs >= INPUT_DEPTH_MAX) {
    meta_refused(z, c, PHASE_SCRIPT, SCRIPT_INPUT_DEPTH);
    return;
  }
  const Script *script = z->script;
  Error err = {0};
  Buf bt;
  buf_init(&bt);
  z->r->inputs++;
  run_file(z->r, path, z->stats, &bt, &err);   /* a script's own errors stop z too */
  z->r->inputs--;
  z->script = script;
  if (err.phase != PHASE_NONE)
    meta_error(z, c, &err, &bt);
  buf_free(&bt);
  if (z->fatal != PHASE_NONE)
    return;
  bind_script(z, c, c->id, first);
  const Binding *m = c->id.len ? latest(&z->modules, sizeof *m, (Name){0}) : NULL;
  if (m && !bind(z, &z->modules, NULL, c->id, NULL, m->module))
    out_of_memory(z, c);
  else if (c->id.len && z->current && !z->r->opt.dry && !bind(z, &z->instances, &z->instance_ids, c->id, z->current, NULL))
    out_of_memory(z, c);
  else
    done(z, c, RECORD_DONE);
}

/* (output $id? "file"?) */
static void run_output(Session *z, const Command *c)
{
  char path[4096];
  if (c->has_name && z->r->opt.no_files) {
    meta_refused(z, c, PHASE_SCRIPT, SCRIPT_NO_FILES);
    return;
  }
  if (c->has_name && c->name.len >= sizeof path) {
    meta_refused(z, c, PHASE_IO, IO_FILE_NAME);
    return;
  }
  if (c->has_name) {
    memcpy(path, c->name.data, c->name.len);
    path[c->name.len] = '\0';
  }
  Error err = {0};
  if (!write_output(z->r, c->has_name ? path : NULL, c->id, &err))
    meta_error(z, c, &err, NULL);
  else
    done(z, c, RECORD_DONE);
}

/* (script $id? cmd*): runs its commands, and names them */
static uint32_t run_nested_script(Session *z, const Command *c, uint32_t n)
{
  uint32_t first = z->quote.len, nested = c->nested < n ? c->nested : n;
  run_commands(z, c + 1, nested);
  bind_script(z, c, c->id, first);
  return nested;
}

/* --json: from now on r->out and the store's output are cap's (false if
 * it cannot be made: then the text goes to stdout as without --json). */
static bool capture_begin(Session *z, Capture *cap)
{
  *cap = (Capture){.saved = z->r->out, .outer = z->capture};
  cap->f = open_memstream(&cap->text, &cap->len);
  if (!cap->f)
    return false;
  z->r->out = z->store.out = cap->f;
  z->capture = cap;
  return true;
}

static void capture_end(Session *z, Capture *cap)
{
  fclose(cap->f);
  free(cap->text);   /* open_memstream's, from malloc */
  z->r->out = z->store.out = cap->saved;
  z->capture = cap->outer;
}

/* Runs one command; in dry mode only those that check modules. */
static void run_command_here(Session *z, const Command *c)
{
  switch (c->kind) {
  case CMD_INPUT: run_input(z, c); return;
  case CMD_OUTPUT: run_output(z, c); return;
  case CMD_SCRIPT: return;   /* run_commands */
  default:
    if (!vec_push(&z->arena, &z->quote, c)) {
      out_of_memory(z, c);
      return;
    }
    break;
  }
  switch (c->kind) {
  case CMD_MODULE: run_module(z, c); return;
  case CMD_ASSERT_INVALID: run_assert_invalid(z, c); return;
  case CMD_ASSERT_MALFORMED: run_assert_malformed(z, c); return;
  default: break;
  }
  if (z->r->opt.dry) {
    Error err;
    const Module *m = NULL;
    if ((c->kind == CMD_ASSERT_UNLINKABLE || c->kind == CMD_ASSERT_TRAP_MODULE) && !c->instance
        && !(m = valid_module(z, &c->module, &err)))
      error(z, c, true, &err, NULL);
    else if (m && !note_module(z, c->module.id, m))
      out_of_memory(z, c);
    else
      done(z, c, RECORD_SKIPPED);
    return;
  }
  switch (c->kind) {
  case CMD_INSTANCE: run_instance(z, c); break;
  case CMD_REGISTER: run_register(z, c); break;
  case CMD_ACTION: run_action(z, c); break;
  case CMD_ASSERT_RETURN: run_assert_return(z, c); break;
  case CMD_ASSERT_TRAP: run_assert_failure(z, c, PHASE_TRAP); break;
  case CMD_ASSERT_EXHAUSTION: run_assert_failure(z, c, PHASE_EXHAUSTION); break;
  case CMD_ASSERT_EXCEPTION: run_assert_failure(z, c, PHASE_EXCEPTION); break;
  case CMD_ASSERT_SUSPENSION: run_assert_failure(z, c, PHASE_SUSPENSION); break;
  case CMD_ASSERT_TRAP_MODULE: run_assert_module_failure(z, c, PHASE_TRAP); break;
  case CMD_ASSERT_UNLINKABLE: run_assert_module_failure(z, c, PHASE_UNLINKABLE); break;
  default: done(z, c, RECORD_SKIPPED); break;
  }
}

static void run_command(Session *z, const Command *c)
{
  Capture cap;
  bool caught = z->r->opt.json && capture_begin(z, &cap);
  run_command_here(z, c);
  if (caught)
    capture_end(z, &cap);
}

/* n commands, a (script …) with its nested ones, until an error stops
 * them */
static void run_commands(Session *z, const Command *cs, uint32_t n)
{
  for (uint32_t i = 0; i < n && z->fatal == PHASE_NONE; i++) {
    run_command(z, &cs[i]);
    if (cs[i].kind == CMD_SCRIPT)
      i += run_nested_script(z, &cs[i], n - i - 1);
  }
}

/* The session's watcher: each event to the tracer and to --stats, each if on. */
static void watch_event(void *session, const Machine *M, const EvalEvent *ev)
{
  Session *z = session;
  if (z->tracer.mode != TRACE_OFF)
    trace_event(&z->tracer, M, ev);
  if (z->costs.on)
    stats_event(&z->costs, M, ev);
}

/* --trace's step hook, on the session. */
static bool watch_step(void *session, const Machine *M, Error *err)
{
  return trace_step(&((Session *)session)->tracer, M, err);
}

/* The store's watcher for the options given: --trace, --trace=control,
 * --stats (interp/describe.h). */
static void watch(Runner *r, Session *z)
{
  z->tracer.out = &r->out;
  z->tracer.mode = r->opt.trace;
  z->tracer.limit = r->opt.trace_limit;
  stats_watch(&z->costs, &z->store, r->opt.stats);
  z->watch = (EvalWatch){r->opt.trace == TRACE_STEPS ? watch_step : NULL, watch_event, z};
  z->store.watch = r->opt.trace == TRACE_OFF && !r->opt.stats ? NULL : &z->watch;
}

/* A file, -e command or REPL entry starts: the options given before it
 * apply to it, and --timeout counts its time (not that of (input)s, which
 * are part of it). */
static void start(Runner *r, Session *z)
{
  if (r->inputs)
    return;
  store_set_limits(&z->store, &r->opt.limits);
  watch(r, z);
}

Phase run_script(Runner *r, const Script *s, RunStats *stats)
{
  Session *z = session(r);
  if (!z) {
    fprintf(r->err, "%s: error: out of memory\n", s->file);
    return PHASE_EXHAUSTION;
  }
  start(r, z);
  const Script *outer = z->script;
  RunStats *outer_stats = z->stats;
  z->script = s;
  z->stats = stats;
  z->fatal = PHASE_NONE;   /* a REPL entry runs after one that stopped */
  uint32_t first = z->quote.len;
  run_commands(z, s->commands.data, s->commands.len);
  if (!vec_push(&z->arena, &z->scripts, ((ScriptBinding){(Name){0}, first, z->quote.len}))) {
    fprintf(r->err, "%s: error: out of memory\n", s->file);
    z->fatal = z->fatal != PHASE_NONE ? z->fatal : PHASE_EXHAUSTION;
  }
  z->script = outer;
  z->stats = outer_stats;
  return z->fatal;
}

bool run_module_file(Runner *r, const Module *m, Buf *backtrace, Error *err)
{
  if (!check(r, m, err))
    return false;
  Session *z = session(r);
  if (z && !store_count_instance(&z->store, err))
    return false;
  Command *c = z ? arena_alloc(&z->arena, sizeof *c) : NULL;
  if (!c || !vec_push(&z->arena, &z->quote, c))   /* the module as a script of one command */
    return error_at(err, PHASE_EXHAUSTION, (Loc){m->file, 0, 0}, EXHAUSTION_OUT_OF_MEMORY);
  *c = (Command){.kind = CMD_MODULE, .module = {.kind = SMOD_TEXT, .module = (Module *)m}};
  if (!define_module(z, (Name){0}, m))
    return error_at(err, PHASE_EXHAUSTION, (Loc){m->file, 0, 0}, EXHAUSTION_OUT_OF_MEMORY);
  if (r->opt.dry)
    return true;
  start(r, z);
  if (z->fuzzing)   /* its exports are not there while it starts */
    fuzzing_set_target(z->fuzzing, NULL);
  ModuleInst *inst = link(z, m, true, backtrace, err);
  if (inst && z->fuzzing)
    fuzzing_set_target(z->fuzzing, inst);
  if (inst)
    z->current = inst;
  else if (!err->loc.file)   /* an error of the whole module: at the module */
    err->loc = module_loc(m, m->at);
  return inst != NULL;
}

int run_status(Phase phase)
{
  switch (phase) {
  case PHASE_NONE: return 0;
  case PHASE_MALFORMED: case PHASE_SCRIPT: return 3;
  case PHASE_INVALID: case PHASE_INTERNAL: return 4;
  case PHASE_UNLINKABLE: return 5;
  case PHASE_TRAP: return 6;
  case PHASE_EXCEPTION: return 7;
  case PHASE_SUSPENSION: return 8;
  case PHASE_EXHAUSTION: return 9;
  case PHASE_FUEL: return 10;
  case PHASE_TIMEOUT: return 11;
  case PHASE_IO: return 12;
  }
  return 4;   /* a phase added without a status: no worse than invalid */
}

ModuleInst *runner_instance(Runner *r)
{
  return r->session ? r->session->current : NULL;
}

Store *runner_store(Runner *r)
{
  Session *z = session(r);
  return z ? &z->store : NULL;
}

FuzzingHost *runner_fuzzing(Runner *r)
{
  return r->session ? r->session->fuzzing : NULL;
}

void runner_stats_start(Runner *r)
{
  if (r->session)
    costs_start(r->session);
}

void runner_stats_end(Runner *r, const Action *a)
{
  if (r->session) {
    costs_end(r->session, a);
    costs_report(r->session);
  }
}

void runner_stats_total(Runner *r)
{
  Session *z = r->session;
  if (!z || !z->costs.on)
    return;
  stats_take(&z->costs, &z->store, NULL);
  if (r->opt.json) {
    json_stats(r->out, "total", &z->costs.total);
  } else {
    fflush(r->out);
    stats_print(r->err, "total", &z->costs.total);
  }
}

/* ================================================================ WASI commands */

/* Invokes the `_start` of a WASI command's instance, which takes and
 * returns nothing (as the other invocations, watched by the store's
 * watcher: --trace, --stats, whose block follows). */
static bool invoke_start(Session *z, const Module *m, Buf *backtrace, Error *err)
{
  static const char start_name[] = "_start";
  const ExportInst *x = moduleinst_export(z->current, start_name, sizeof start_name - 1);
  FuncInst *f = x && x->val.kind == EXTERN_FUNC ? x->val.func : NULL;
  if (!f || f->type->params.len || f->type->results.len)
    return error_at(err, PHASE_SCRIPT, (Loc){m->file, 0, 0}, SCRIPT_WASI_START);
  costs_start(z);
  bool ok = eval_invoke(&z->store, f, NULL, NULL, backtrace, err);
  costs_end(z, &(Action){.kind = ACTION_INVOKE, .name = {(uint8_t *)start_name, sizeof start_name - 1}});
  costs_report(z);
  if (!ok && !err->loc.file)   /* an error of the whole run: at the module */
    err->loc = module_loc(m, m->at);
  return ok;
}

bool run_wasi_command(Runner *r, const Module *m, int argc, char *const *argv, int *status,
                      Buf *backtrace, Error *err)
{
  Session *z = session(r);
  if (!z)
    return error_at(err, PHASE_EXHAUSTION, (Loc){m->file, 0, 0}, EXHAUSTION_OUT_OF_MEMORY);
  if (!z->wasi && !(z->wasi = wasi_new(&z->store, &r->opt.wasi, (uint32_t)argc, argv, r->out, r->err, err)))
    return false;
  *status = STATUS_OK;
  bool ok = run_module_file(r, m, backtrace, err) && (r->opt.dry || invoke_start(z, m, backtrace, err));
  uint32_t exit_status;
  if (!ok && wasi_exited(z->wasi, &exit_status)) {   /* proc_exit's trap: no error */
    error_clear(err);
    if (backtrace)
      backtrace->len = 0;
    *status = (int)exit_status;
    return true;
  }
  return ok;
}
