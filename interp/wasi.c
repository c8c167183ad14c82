/* The wasi_snapshot_preview1 host module.  Each function returns a
 * preview 1 errno (0 on success) and writes what it gives back through
 * pointers into the caller's memory; the only file descriptors are the
 * standard three, no directory is preopened.  A pointer or length that
 * reaches outside the memory traps as a load or store would, before the
 * function has done anything. */

#define _POSIX_C_SOURCE 200809L   /* clock_gettime, clock_getres */

#include "interp/wasi.h"

#include <inttypes.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "gen/gen.h"
#include "interp/host.h"
#include "interp/machine.h"
#include "interp/messages.h"

static const char module_name[] = "wasi_snapshot_preview1";

/* The errno values of preview 1 that these functions return. */
enum {
  ERRNO_SUCCESS = 0, ERRNO_BADF = 8, ERRNO_INVAL = 28, ERRNO_IO = 29, ERRNO_NOSYS = 52,
  ERRNO_SPIPE = 70,
};

/* fdstat's filetype and rights, for the standard descriptors. */
enum { FILETYPE_CHARACTER_DEVICE = 2 };
enum { RIGHT_FD_READ = 1 << 1, RIGHT_FD_WRITE = 1 << 6 };

enum { NFDS = 3 };   /* stdin, stdout, stderr */

/* The host's instance comes first, so that a host function finds the host
 * from its FuncInst's module. */
struct WasiHost {
  ModuleInst inst;
  Store *store;
  WasiConfig config;
  uint32_t argc;
  char *const *argv;
  FILE *stream[NFDS];    /* what fd 1 and 2 write to; fd 0 cannot be written */
  bool open[NFDS];       /* until fd_close */
  Choices random;        /* random_get's generator */
  uint64_t reads;        /* clock_time_get calls so far: the fixed clocks' time */
  bool exited;           /* proc_exit was called with `status` */
  uint32_t status;
};

/* The host a function of it belongs to. */
static WasiHost *host_of(const FuncInst *f)
{
  return (WasiHost *)f->module;
}

/* ================================================================ Memory */

/* The call frame of the function that called the host function (NULL if
 * a host function was invoked on its own). */
static const Frame *caller(const Store *s)
{
  return s->machine ? machine_frame(s->machine) : NULL;
}

/* A trap of a host function, placed at the instruction that called it as
 * the machine places its own (interp/control.c, abort_at), which keeps
 * this position and adds the backtrace. */
__attribute__((format(printf, 3, 4)))
static bool host_trap(Store *s, Error *err, const char *fmt, ...)
{
  const Frame *f = caller(s);
  Loc loc = {0};
  if (f && f->call.module && f->call.module->module && s->machine->pc)
    loc = module_loc(f->call.module->module, s->machine->pc->at);
  va_list ap;
  va_start(ap, fmt);
  error_vat(err, PHASE_TRAP, loc, fmt, ap);
  va_end(ap);
  return false;
}

/* The memory the calling instance exports as "memory", as wasi-libc's
 * modules do: what every pointer points into.  NULL with a trap if there
 * is none. */
static MemInst *memory(Store *s, Error *err)
{
  const Frame *f = caller(s);
  const ExportInst *x = f && f->call.module ? moduleinst_export(f->call.module, "memory", 6) : NULL;
  if (x && x->val.kind == EXTERN_MEM)
    return x->val.mem;
  host_trap(s, err, x ? TRAP_WASI_NOT_MEMORY : TRAP_WASI_NO_MEMORY);
  return NULL;
}

/* The n bytes at address p of the memory; NULL with a trap if any lies
 * outside it or beyond the 32-bit addresses of preview 1 (a memory's bytes
 * are never NULL, even when it has none).  The sum is taken in 64 bits: p
 * and n come from i32s (n may be a count times a size), so it cannot
 * overflow. */
static uint8_t *span(Store *s, const MemInst *m, uint64_t p, uint64_t n, Error *err)
{
  uint64_t size = m->size < (UINT64_C(1) << 32) ? m->size : UINT64_C(1) << 32;
  if (p > size || n > size - p) {
    host_trap(s, err, TRAP_MEMORY);
    return NULL;
  }
  return m->bytes + p;
}

/* Little-endian stores and loads, as the witx layouts are. */
static void put32(uint8_t *p, uint32_t v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (uint8_t)(v >> 8 * i);
}

static void put64(uint8_t *p, uint64_t v)
{
  put32(p, (uint32_t)v);
  put32(p + 4, (uint32_t)(v >> 32));
}

static uint32_t get32(const uint8_t *p)
{
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A host function's work on n bytes costs fuel as a bulk instruction's
 * does, one unit per 64 bytes, charged to the calling machine. */
static void charge(Store *s, uint64_t n)
{
  if (s->machine)
    s->machine->debt += fuel_bytes(n);
}

/* The function returns an errno. */
static bool ret(Value *results, uint32_t errno_)
{
  results[0] = value_i32(errno_);
  return true;
}

/* ================================================================ Arguments and environment */

/* The bytes a list of strings takes, each with its NUL. */
static uint64_t strings_size(const char *const *v, uint32_t n)
{
  uint64_t size = 0;
  for (uint32_t i = 0; i < n; i++)
    size += strlen(v[i]) + 1;
  return size;
}

/* args_sizes_get and environ_sizes_get: the count of strings at args[0],
 * the bytes they take at args[1] (a command line's strings fit in 32 bits) */
static bool sizes_get(Store *s, const char *const *v, uint32_t n, const Value *args, Value *results,
                      Error *err)
{
  MemInst *m = memory(s, err);
  uint8_t *count = m ? span(s, m, args[0].i32, 4, err) : NULL;
  uint8_t *size = count ? span(s, m, args[1].i32, 4, err) : NULL;
  if (!size)
    return false;
  put32(count, n);
  put32(size, (uint32_t)strings_size(v, n));
  return ret(results, ERRNO_SUCCESS);
}

/* args_get and environ_get: the strings one after the other from args[1],
 * NUL-terminated, and a pointer to each at args[0] */
static bool strings_get(Store *s, const char *const *v, uint32_t n, const Value *args, Value *results,
                        Error *err)
{
  MemInst *m = memory(s, err);
  uint64_t size = strings_size(v, n);
  uint8_t *ptrs = m ? span(s, m, args[0].i32, (uint64_t)n * 4, err) : NULL;
  uint8_t *buf = ptrs ? span(s, m, args[1].i32, size, err) : NULL;
  if (!buf)
    return false;
  uint32_t at = args[1].i32;   /* within the 32-bit addresses: span says so */
  for (uint32_t i = 0; i < n; i++) {
    size_t len = strlen(v[i]) + 1;
    put32(ptrs + 4 * i, at);
    memcpy(m->bytes + at, v[i], len);
    at += (uint32_t)len;
  }
  charge(s, size + (uint64_t)n * 4);
  return ret(results, ERRNO_SUCCESS);
}

/* args_sizes_get(argc_ptr, argv_buf_size_ptr) */
static bool args_sizes_get(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  const WasiHost *h = host_of(f);
  return sizes_get(s, (const char *const *)h->argv, h->argc, args, results, err);
}

/* args_get(argv, argv_buf) */
static bool args_get(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  const WasiHost *h = host_of(f);
  return strings_get(s, (const char *const *)h->argv, h->argc, args, results, err);
}

/* environ_sizes_get(count_ptr, buf_size_ptr) */
static bool environ_sizes_get(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  const WasiHost *h = host_of(f);
  return sizes_get(s, h->config.env, h->config.nenv, args, results, err);
}

/* environ_get(environ, environ_buf) */
static bool environ_get(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  const WasiHost *h = host_of(f);
  return strings_get(s, h->config.env, h->config.nenv, args, results, err);
}

/* ================================================================ Clocks and randomness */

/* The host clock of a preview 1 clockid (realtime, monotonic, process and
 * thread CPU time); false for any other id. */
static bool host_clock(uint32_t id, clockid_t *out)
{
  static const clockid_t clocks[] = {
    CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
  };
  if (id >= sizeof clocks / sizeof clocks[0])
    return false;
  *out = clocks[id];
  return true;
}

/* Nanoseconds of a timespec. */
static uint64_t nanoseconds(struct timespec t)
{
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* Writes a timestamp of clock args[0] to args[1] (res) or args[2] (time):
 * an unknown clock, or one the host cannot read, is EINVAL. */
static bool clock_get(Store *s, const FuncInst *f, const Value *args, Value *results, bool res,
                      Error *err)
{
  WasiHost *h = host_of(f);
  clockid_t clock;
  struct timespec t;
  if (!host_clock(args[0].i32, &clock))
    return ret(results, ERRNO_INVAL);
  MemInst *m = memory(s, err);
  uint8_t *out = m ? span(s, m, args[res ? 1 : 2].i32, 8, err) : NULL;
  if (!out)
    return false;
  uint64_t ns;
  if (h->config.fixed_clock && res)
    ns = WASI_FIXED_STEP;
  else if (h->config.fixed_clock)
    ns = (args[0].i32 == 0 ? WASI_FIXED_START : 0) + h->reads++ * WASI_FIXED_STEP;
  else if ((res ? clock_getres(clock, &t) : clock_gettime(clock, &t)) == 0)
    ns = nanoseconds(t);
  else
    return ret(results, ERRNO_INVAL);
  put64(out, ns);
  return ret(results, ERRNO_SUCCESS);
}

/* clock_res_get(id, resolution_ptr) */
static bool clock_res_get(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  return clock_get(s, f, args, results, true, err);
}

/* clock_time_get(id, precision, time_ptr): the precision is a hint, unused */
static bool clock_time_get(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  return clock_get(s, f, args, results, false, err);
}

/* random_get(buf, buf_len): bytes of the seeded generator, the same for
 * the same seed, never the host's entropy */
static bool random_get(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  WasiHost *h = host_of(f);
  MemInst *m = memory(s, err);
  uint8_t *buf = m ? span(s, m, args[0].i32, args[1].i32, err) : NULL;
  if (!buf)
    return false;
  for (uint32_t i = 0; i < args[1].i32; i++)
    buf[i] = (uint8_t)choose(&h->random, 256);
  charge(s, args[1].i32);
  return ret(results, ERRNO_SUCCESS);
}

/* ================================================================ File descriptors */

/* Whether a descriptor is open: one of the standard three, not closed. */
static bool is_open(const WasiHost *h, uint32_t fd)
{
  return fd < NFDS && h->open[fd];
}

/* fd_write(fd, iovs, iovs_len, nwritten_ptr): the buffers of the ciovec
 * array {buf, buf_len}*, in order, to stdout or stderr (EBADF for any
 * other descriptor), flushed as a write(2) would be.  Every buffer is
 * checked before a byte is written; a total beyond 32 bits is EINVAL, as
 * writev's beyond its ssize_t. */
static bool fd_write(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  WasiHost *h = host_of(f);
  uint32_t fd = args[0].i32, n = args[2].i32;
  if (!is_open(h, fd) || !h->stream[fd])
    return ret(results, ERRNO_BADF);
  MemInst *m = memory(s, err);
  uint8_t *iovs = m ? span(s, m, args[1].i32, (uint64_t)n * 8, err) : NULL;
  uint8_t *nwritten = iovs ? span(s, m, args[3].i32, 4, err) : NULL;
  if (!nwritten)
    return false;
  uint64_t total = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (!span(s, m, get32(iovs + 8 * i), get32(iovs + 8 * i + 4), err))
      return false;
    total += get32(iovs + 8 * i + 4);
  }
  if (total > UINT32_MAX)
    return ret(results, ERRNO_INVAL);
  FILE *out = h->stream[fd];
  for (uint32_t i = 0; i < n; i++)
    fwrite(m->bytes + get32(iovs + 8 * i), 1, get32(iovs + 8 * i + 4), out);
  charge(s, total + (uint64_t)n * 8);
  if (fflush(out) != 0 || ferror(out)) {
    clearerr(out);
    return ret(results, ERRNO_IO);
  }
  put32(nwritten, (uint32_t)total);
  return ret(results, ERRNO_SUCCESS);
}

/* fd_fdstat_get(fd, fdstat_ptr): each standard descriptor is a character
 * device (a terminal, to wasi-libc: its stdout is line-buffered wherever
 * the output goes), readable (fd 0) or writable, not seekable */
static bool fd_fdstat_get(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  uint32_t fd = args[0].i32;
  if (!is_open(host_of(f), fd))
    return ret(results, ERRNO_BADF);
  MemInst *m = memory(s, err);
  uint8_t *st = m ? span(s, m, args[1].i32, 24, err) : NULL;
  if (!st)
    return false;
  memset(st, 0, 24);   /* no fdflags, no inheriting rights */
  st[0] = FILETYPE_CHARACTER_DEVICE;
  put64(st + 8, fd == 0 ? RIGHT_FD_READ : RIGHT_FD_WRITE);
  return ret(results, ERRNO_SUCCESS);
}

/* fd_prestat_get(fd, prestat_ptr): no descriptor is a preopened directory;
 * EBADF ends wasi-libc's scan for them */
static bool fd_prestat_get(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)s;
  (void)f;
  (void)args;
  (void)err;
  return ret(results, ERRNO_BADF);
}

/* fd_close(fd) */
static bool fd_close(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)s;
  (void)err;
  WasiHost *h = host_of(f);
  uint32_t fd = args[0].i32;
  if (!is_open(h, fd))
    return ret(results, ERRNO_BADF);
  h->open[fd] = false;
  return ret(results, ERRNO_SUCCESS);
}

/* fd_seek(fd, offset, whence, newoffset_ptr): the standard descriptors
 * are not seekable, ESPIPE as lseek on a terminal or pipe */
static bool fd_seek(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)s;
  (void)err;
  return ret(results, is_open(host_of(f), args[0].i32) ? ERRNO_SPIPE : ERRNO_BADF);
}

/* ================================================================ Processes */

/* proc_exit(rval): ends the run with that status.  The invocation fails
 * with a trap, which unwinds it (nothing can catch a trap), and
 * wasi_exited tells the runner that it was an exit.  As in Wasmtime, only
 * 0 to 125 are statuses (shells give 126 and above meanings of their
 * own): those trap. */
static bool proc_exit(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)results;
  WasiHost *h = host_of(f);
  uint32_t status = args[0].i32;
  if (status > 125)
    return host_trap(s, err, TRAP_WASI_EXIT_STATUS, status);
  h->exited = true;
  h->status = status;
  return host_trap(s, err, TRAP_WASI_EXIT, status);
}

/* sched_yield(): there is one thread */
static bool sched_yield(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)s;
  (void)f;
  (void)args;
  (void)err;
  return ret(results, ERRNO_SUCCESS);
}

/* Every other function: not implemented */
static bool nosys(Store *s, const FuncInst *f, const Value *args, Value *results, Error *err)
{
  (void)s;
  (void)f;
  (void)args;
  (void)err;
  return ret(results, ERRNO_NOSYS);
}

/* ================================================================ The host */

/* The functions of preview 1 and their core types: one letter per
 * parameter (i i32, I i64); each returns an errno but proc_exit. */
static const struct {
  const char *name, *params;
  HostFunc *fn;
} funcs[] = {
  {"args_get", "ii", args_get},
  {"args_sizes_get", "ii", args_sizes_get},
  {"environ_get", "ii", environ_get},
  {"environ_sizes_get", "ii", environ_sizes_get},
  {"clock_res_get", "ii", clock_res_get},
  {"clock_time_get", "iIi", clock_time_get},
  {"fd_advise", "iIIi", nosys},
  {"fd_allocate", "iII", nosys},
  {"fd_close", "i", fd_close},
  {"fd_datasync", "i", nosys},
  {"fd_fdstat_get", "ii", fd_fdstat_get},
  {"fd_fdstat_set_flags", "ii", nosys},
  {"fd_fdstat_set_rights", "iII", nosys},
  {"fd_filestat_get", "ii", nosys},
  {"fd_filestat_set_size", "iI", nosys},
  {"fd_filestat_set_times", "iIIi", nosys},
  {"fd_pread", "iiiIi", nosys},
  {"fd_prestat_get", "ii", fd_prestat_get},
  {"fd_prestat_dir_name", "iii", nosys},
  {"fd_pwrite", "iiiIi", nosys},
  {"fd_read", "iiii", nosys},
  {"fd_readdir", "iiiIi", nosys},
  {"fd_renumber", "ii", nosys},
  {"fd_seek", "iIii", fd_seek},
  {"fd_sync", "i", nosys},
  {"fd_tell", "ii", nosys},
  {"fd_write", "iiii", fd_write},
  {"path_create_directory", "iii", nosys},
  {"path_filestat_get", "iiiii", nosys},
  {"path_filestat_set_times", "iiiiIIi", nosys},
  {"path_link", "iiiiiii", nosys},
  {"path_open", "iiiiiIIii", nosys},
  {"path_readlink", "iiiiii", nosys},
  {"path_remove_directory", "iii", nosys},
  {"path_rename", "iiiiii", nosys},
  {"path_symlink", "iiiii", nosys},
  {"path_unlink_file", "iii", nosys},
  {"poll_oneoff", "iiii", nosys},
  {"proc_exit", "i", proc_exit},
  {"proc_raise", "i", nosys},
  {"sched_yield", "", sched_yield},
  {"random_get", "ii", random_get},
  {"sock_accept", "iii", nosys},
  {"sock_recv", "iiiiii", nosys},
  {"sock_send", "iiiii", nosys},
  {"sock_shutdown", "ii", nosys},
};

enum { NFUNCS = sizeof funcs / sizeof funcs[0], MAX_PARAMS = 9 };

/* Whether a name is s. */
static bool is_name(const Name *n, const char *s)
{
  return n->len == strlen(s) && memcmp(n->data, s, n->len) == 0;
}

/* The function type of funcs[i], interned; NULL if out of memory. */
static const DefType *func_type(Store *s, uint32_t i)
{
  ValType params[MAX_PARAMS], errno_ = valtype_num(VAL_I32);
  uint32_t n = (uint32_t)strlen(funcs[i].params);
  for (uint32_t k = 0; k < n; k++)
    params[k] = valtype_num(funcs[i].params[k] == 'I' ? VAL_I64 : VAL_I32);
  return host_functype_results(s, params, n, &errno_, funcs[i].fn == proc_exit ? 0 : 1);
}

bool wasi_import(WasiHost *h, const Import *im, ExternVal *out, Error *err)
{
  if (!is_name(&im->module, module_name))
    return false;
  for (uint32_t i = 0; i < NFUNCS; i++) {
    if (!is_name(&im->name, funcs[i].name))
      continue;
    const DefType *dt = func_type(h->store, i);
    FuncInst *fn = dt ? store_alloc_func(h->store, dt, &h->inst, NULL, err) : NULL;
    if (!dt)
      store_out_of_memory(err, EXHAUSTION_HOST_MEMORY);
    if (fn) {
      fn->host = funcs[i].fn;
      fn->idx = i;
    }
    *out = (ExternVal){.kind = EXTERN_FUNC, .func = fn};
    return fn != NULL;
  }
  return false;
}

bool wasi_exited(const WasiHost *h, uint32_t *status)
{
  *status = h->status;
  return h->exited;
}

bool wasi_is_command(const Module *m)
{
  bool imports = false, start = false;
  for (uint32_t i = 0; i < m->imports.len && !imports; i++)
    imports = is_name(&m->imports.data[i].module, module_name);
  for (uint32_t i = 0; i < m->exports.len && !start; i++)
    start = m->exports.data[i].kind == EXTERN_FUNC && is_name(&m->exports.data[i].name, "_start");
  return imports && start;
}

WasiHost *wasi_new(Store *s, const WasiConfig *c, uint32_t argc, char *const *argv, FILE *out,
                   FILE *err, Error *e)
{
  WasiHost *h = arena_alloc(&s->arena, sizeof *h);
  if (!h) {
    store_out_of_memory(e, EXHAUSTION_HOST_MEMORY);
    return NULL;
  }
  memset(h, 0, sizeof *h);
  h->inst.name = module_name;
  h->store = s;
  h->config = *c;
  h->argc = argc;
  h->argv = argv;
  h->stream[1] = out;
  h->stream[2] = err;
  for (int fd = 0; fd < NFDS; fd++)
    h->open[fd] = true;
  choices_seed(&h->random, c->seed);
  return h;
}
