;; A WASI command that calls every function of wasi_snapshot_preview1,
;; one subcommand a run: `wasmfx-ref calls.wat NAME [ARG]...` (run.sh runs
;; each).  It prints what each call returned, one `what errno [value]...`
;; a line, so that the test compares bytes; the oob-* subcommands each pass
;; a pointer or length that reaches outside memory, and must trap.
;;
;; Memory: 0 an iovec for $write, 16 its nwritten, 32..127 the calls'
;; results, 128..191 number and hex text, 256..1279 argv or environ
;; pointers, 2048..18431 their strings, 20000.. the strings below.
(module
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_res_get" (func $clock_res_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_fdstat_get" (func $fd_fdstat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_seek" (func $fd_seek (param i32 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sched_yield" (func $sched_yield (result i32)))
  ;; not implemented: each returns ENOSYS (52)
  (import "wasi_snapshot_preview1" "fd_advise" (func $fd_advise (param i32 i64 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_allocate" (func $fd_allocate (param i32 i64 i64) (result i32)))
  (import "wasi_snapshot_preview1" "fd_datasync" (func $fd_datasync (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_fdstat_set_flags" (func $fd_fdstat_set_flags (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_fdstat_set_rights" (func $fd_fdstat_set_rights (param i32 i64 i64) (result i32)))
  (import "wasi_snapshot_preview1" "fd_filestat_get" (func $fd_filestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_filestat_set_size" (func $fd_filestat_set_size (param i32 i64) (result i32)))
  (import "wasi_snapshot_preview1" "fd_filestat_set_times" (func $fd_filestat_set_times (param i32 i64 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_pread" (func $fd_pread (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_pwrite" (func $fd_pwrite (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_readdir" (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_renumber" (func $fd_renumber (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_sync" (func $fd_sync (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_tell" (func $fd_tell (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_create_directory" (func $path_create_directory (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_get" (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_set_times" (func $path_filestat_set_times (param i32 i32 i32 i32 i64 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_link" (func $path_link (param i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_readlink" (func $path_readlink (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_remove_directory" (func $path_remove_directory (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_rename" (func $path_rename (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_symlink" (func $path_symlink (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_unlink_file" (func $path_unlink_file (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_raise" (func $proc_raise (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "sock_accept" (func $sock_accept (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sock_recv" (func $sock_recv (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sock_send" (func $sock_send (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sock_shutdown" (func $sock_shutdown (param i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; strings, each NUL-terminated
  (global $s.nl i32 (i32.const 20000))
  (data (i32.const 20000) "\n\00")
  (global $s.sp i32 (i32.const 20008))
  (data (i32.const 20008) " \00")
  (global $s.hexdigits i32 (i32.const 20016))
  (data (i32.const 20016) "0123456789abcdef\00")
  (global $s.hello.a i32 (i32.const 20040))
  (data (i32.const 20040) "hello, \00")
  (global $s.hello.b i32 (i32.const 20048))
  (data (i32.const 20048) "world\n\00")
  (global $s.hello.err i32 (i32.const 20056))
  (data (i32.const 20056) "to stderr\n\00")
  (global $s.fd_write i32 (i32.const 20072))
  (data (i32.const 20072) "fd_write \00")
  (global $s.args_sizes_get i32 (i32.const 20088))
  (data (i32.const 20088) "args_sizes_get \00")
  (global $s.args_get i32 (i32.const 20104))
  (data (i32.const 20104) "args_get \00")
  (global $s.environ_sizes_get i32 (i32.const 20120))
  (data (i32.const 20120) "environ_sizes_get \00")
  (global $s.environ_get i32 (i32.const 20144))
  (data (i32.const 20144) "environ_get \00")
  (global $s.clock i32 (i32.const 20160))
  (data (i32.const 20160) "clock \00")
  (global $s.res i32 (i32.const 20168))
  (data (i32.const 20168) " res \00")
  (global $s.time i32 (i32.const 20176))
  (data (i32.const 20176) " time \00")
  (global $s.random_get i32 (i32.const 20184))
  (data (i32.const 20184) "random_get \00")
  (global $s.fd_fdstat_get i32 (i32.const 20200))
  (data (i32.const 20200) "fd_fdstat_get \00")
  (global $s.fd_prestat_get i32 (i32.const 20216))
  (data (i32.const 20216) "fd_prestat_get \00")
  (global $s.fd_seek i32 (i32.const 20232))
  (data (i32.const 20232) "fd_seek \00")
  (global $s.fd_write_on i32 (i32.const 20248))
  (data (i32.const 20248) "fd_write \00")
  (global $s.fd_close i32 (i32.const 20264))
  (data (i32.const 20264) "fd_close \00")
  (global $s.sched_yield i32 (i32.const 20280))
  (data (i32.const 20280) "sched_yield \00")
  (global $s.exiting i32 (i32.const 20296))
  (data (i32.const 20296) "exiting\n\00")
  (global $s.returning i32 (i32.const 20312))
  (data (i32.const 20312) "returning\n\00")
  (global $s.trapping i32 (i32.const 20328))
  (data (i32.const 20328) "trapping\n\00")
  (global $s.stub.fd_advise i32 (i32.const 20344))
  (data (i32.const 20344) "fd_advise \00")
  (global $s.stub.fd_allocate i32 (i32.const 20360))
  (data (i32.const 20360) "fd_allocate \00")
  (global $s.stub.fd_datasync i32 (i32.const 20376))
  (data (i32.const 20376) "fd_datasync \00")
  (global $s.stub.fd_fdstat_set_flags i32 (i32.const 20392))
  (data (i32.const 20392) "fd_fdstat_set_flags \00")
  (global $s.stub.fd_fdstat_set_rights i32 (i32.const 20416))
  (data (i32.const 20416) "fd_fdstat_set_rights \00")
  (global $s.stub.fd_filestat_get i32 (i32.const 20440))
  (data (i32.const 20440) "fd_filestat_get \00")
  (global $s.stub.fd_filestat_set_size i32 (i32.const 20464))
  (data (i32.const 20464) "fd_filestat_set_size \00")
  (global $s.stub.fd_filestat_set_times i32 (i32.const 20488))
  (data (i32.const 20488) "fd_filestat_set_times \00")
  (global $s.stub.fd_pread i32 (i32.const 20512))
  (data (i32.const 20512) "fd_pread \00")
  (global $s.stub.fd_prestat_dir_name i32 (i32.const 20528))
  (data (i32.const 20528) "fd_prestat_dir_name \00")
  (global $s.stub.fd_pwrite i32 (i32.const 20552))
  (data (i32.const 20552) "fd_pwrite \00")
  (global $s.stub.fd_read i32 (i32.const 20568))
  (data (i32.const 20568) "fd_read \00")
  (global $s.stub.fd_readdir i32 (i32.const 20584))
  (data (i32.const 20584) "fd_readdir \00")
  (global $s.stub.fd_renumber i32 (i32.const 20600))
  (data (i32.const 20600) "fd_renumber \00")
  (global $s.stub.fd_sync i32 (i32.const 20616))
  (data (i32.const 20616) "fd_sync \00")
  (global $s.stub.fd_tell i32 (i32.const 20632))
  (data (i32.const 20632) "fd_tell \00")
  (global $s.stub.path_create_directory i32 (i32.const 20648))
  (data (i32.const 20648) "path_create_directory \00")
  (global $s.stub.path_filestat_get i32 (i32.const 20672))
  (data (i32.const 20672) "path_filestat_get \00")
  (global $s.stub.path_filestat_set_times i32 (i32.const 20696))
  (data (i32.const 20696) "path_filestat_set_times \00")
  (global $s.stub.path_link i32 (i32.const 20728))
  (data (i32.const 20728) "path_link \00")
  (global $s.stub.path_open i32 (i32.const 20744))
  (data (i32.const 20744) "path_open \00")
  (global $s.stub.path_readlink i32 (i32.const 20760))
  (data (i32.const 20760) "path_readlink \00")
  (global $s.stub.path_remove_directory i32 (i32.const 20776))
  (data (i32.const 20776) "path_remove_directory \00")
  (global $s.stub.path_rename i32 (i32.const 20800))
  (data (i32.const 20800) "path_rename \00")
  (global $s.stub.path_symlink i32 (i32.const 20816))
  (data (i32.const 20816) "path_symlink \00")
  (global $s.stub.path_unlink_file i32 (i32.const 20832))
  (data (i32.const 20832) "path_unlink_file \00")
  (global $s.stub.poll_oneoff i32 (i32.const 20856))
  (data (i32.const 20856) "poll_oneoff \00")
  (global $s.stub.proc_raise i32 (i32.const 20872))
  (data (i32.const 20872) "proc_raise \00")
  (global $s.stub.sock_accept i32 (i32.const 20888))
  (data (i32.const 20888) "sock_accept \00")
  (global $s.stub.sock_recv i32 (i32.const 20904))
  (data (i32.const 20904) "sock_recv \00")
  (global $s.stub.sock_send i32 (i32.const 20920))
  (data (i32.const 20920) "sock_send \00")
  (global $s.stub.sock_shutdown i32 (i32.const 20936))
  (data (i32.const 20936) "sock_shutdown \00")
  (global $s.cmd.hello i32 (i32.const 20952))
  (data (i32.const 20952) "hello\00")
  (global $s.cmd.args i32 (i32.const 20960))
  (data (i32.const 20960) "args\00")
  (global $s.cmd.environ i32 (i32.const 20968))
  (data (i32.const 20968) "environ\00")
  (global $s.cmd.clock i32 (i32.const 20976))
  (data (i32.const 20976) "clock\00")
  (global $s.cmd.random i32 (i32.const 20984))
  (data (i32.const 20984) "random\00")
  (global $s.cmd.fds i32 (i32.const 20992))
  (data (i32.const 20992) "fds\00")
  (global $s.cmd.stubs i32 (i32.const 21000))
  (data (i32.const 21000) "stubs\00")
  (global $s.cmd.exit i32 (i32.const 21008))
  (data (i32.const 21008) "exit\00")
  (global $s.cmd.return i32 (i32.const 21016))
  (data (i32.const 21016) "return\00")
  (global $s.cmd.trap i32 (i32.const 21024))
  (data (i32.const 21024) "trap\00")
  (global $s.cmd.too-long i32 (i32.const 21032))
  (data (i32.const 21032) "too-long\00")
  (global $s.cmd.edge i32 (i32.const 21048))
  (data (i32.const 21048) "edge\00")
  (global $s.cmd.oob-iovs i32 (i32.const 21056))
  (data (i32.const 21056) "oob-iovs\00")
  (global $s.cmd.oob-iovs-wrap i32 (i32.const 21072))
  (data (i32.const 21072) "oob-iovs-wrap\00")
  (global $s.cmd.oob-buf i32 (i32.const 21088))
  (data (i32.const 21088) "oob-buf\00")
  (global $s.cmd.oob-buf-wrap i32 (i32.const 21096))
  (data (i32.const 21096) "oob-buf-wrap\00")
  (global $s.cmd.oob-nwritten i32 (i32.const 21112))
  (data (i32.const 21112) "oob-nwritten\00")
  (global $s.cmd.oob-args-sizes i32 (i32.const 21128))
  (data (i32.const 21128) "oob-args-sizes\00")
  (global $s.cmd.oob-args i32 (i32.const 21144))
  (data (i32.const 21144) "oob-args\00")
  (global $s.cmd.oob-args-buf i32 (i32.const 21160))
  (data (i32.const 21160) "oob-args-buf\00")
  (global $s.cmd.oob-environ-sizes i32 (i32.const 21176))
  (data (i32.const 21176) "oob-environ-sizes\00")
  (global $s.cmd.oob-environ i32 (i32.const 21200))
  (data (i32.const 21200) "oob-environ\00")
  (global $s.cmd.oob-clock-res i32 (i32.const 21216))
  (data (i32.const 21216) "oob-clock-res\00")
  (global $s.cmd.oob-clock-time i32 (i32.const 21232))
  (data (i32.const 21232) "oob-clock-time\00")
  (global $s.cmd.oob-random i32 (i32.const 21248))
  (data (i32.const 21248) "oob-random\00")
  (global $s.cmd.oob-random-wrap i32 (i32.const 21264))
  (data (i32.const 21264) "oob-random-wrap\00")
  (global $s.cmd.oob-fdstat i32 (i32.const 21280))
  (data (i32.const 21280) "oob-fdstat\00")
  (global $s.usage i32 (i32.const 21296))
  (data (i32.const 21296) "usage: calls.wat SUBCOMMAND [ARG]...\n\00")

  ;; ---- Output



  ;; The length of the NUL-terminated string at $p.
  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $end
      (loop $next
        (br_if $end (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; Whether two NUL-terminated strings are equal.
  (func $streq (param $a i32) (param $b i32) (result i32)
    (loop $next
      (if (i32.ne (i32.load8_u (local.get $a)) (i32.load8_u (local.get $b)))
        (then (return (i32.const 0))))
      (if (i32.eqz (i32.load8_u (local.get $a)))
        (then (return (i32.const 1))))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $next))
    (unreachable))

  ;; The decimal number the NUL-terminated string at $p spells (mod 2^32).
  (func $parse (param $p i32) (result i32)
    (local $v i32)
    (block $end
      (loop $next
        (br_if $end (i32.eqz (i32.load8_u (local.get $p))))
        (local.set $v (i32.add (i32.mul (local.get $v) (i32.const 10))
                               (i32.sub (i32.load8_u (local.get $p)) (i32.const 48))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $v))

  ;; fd_write of the $len bytes at $p to $fd, in one iovec: its errno.
  (func $write (param $fd i32) (param $p i32) (param $len i32) (result i32)
    (i32.store (i32.const 0) (local.get $p))
    (i32.store (i32.const 4) (local.get $len))
    (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 16)))

  ;; A NUL-terminated string to stdout.
  (func $puts (param $p i32)
    (drop (call $write (i32.const 1) (local.get $p) (call $strlen (local.get $p)))))

  ;; A number, unsigned, in decimal to stdout.
  (func $number (param $v i64)
    (local $p i32)
    (local.set $p (i32.const 160))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i64.store8 (local.get $p) (i64.add (i64.const 48) (i64.rem_u (local.get $v) (i64.const 10))))
      (local.set $v (i64.div_u (local.get $v) (i64.const 10)))
      (br_if $digit (i64.ne (local.get $v) (i64.const 0))))
    (drop (call $write (i32.const 1) (local.get $p) (i32.sub (i32.const 160) (local.get $p)))))

  ;; The $n bytes at $p (up to 32) in hex to stdout.
  (func $hex (param $p i32) (param $n i32)
    (local $i i32) (local $b i32)
    (block $end
      (loop $next
        (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $b (i32.load8_u (i32.add (local.get $p) (local.get $i))))
        (i32.store8 (i32.add (i32.const 128) (i32.shl (local.get $i) (i32.const 1)))
          (i32.load8_u (i32.add (global.get $s.hexdigits) (i32.shr_u (local.get $b) (i32.const 4)))))
        (i32.store8 (i32.add (i32.const 129) (i32.shl (local.get $i) (i32.const 1)))
          (i32.load8_u (i32.add (global.get $s.hexdigits) (i32.and (local.get $b) (i32.const 15)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (drop (call $write (i32.const 1) (i32.const 128) (i32.shl (local.get $n) (i32.const 1)))))

  ;; A line `what errno field...`: $begin prints what and the errno, each
  ;; $field a value after a space, $end the newline; $report a line of
  ;; just the errno, $report_on one with the argument (a descriptor) before.
  (func $begin (param $what i32) (param $errno i32)
    (call $puts (local.get $what))
    (call $number (i64.extend_i32_u (local.get $errno))))
  (func $field (param $v i64)
    (call $puts (global.get $s.sp))
    (call $number (local.get $v)))
  (func $end
    (call $puts (global.get $s.nl)))
  (func $report (param $what i32) (param $errno i32)
    (call $begin (local.get $what) (local.get $errno))
    (call $end))
  (func $report_on (param $what i32) (param $arg i32) (param $errno i32)
    (call $puts (local.get $what))
    (call $number (i64.extend_i32_u (local.get $arg)))
    (call $field (i64.extend_i32_u (local.get $errno)))
    (call $end))

  ;; ---- Subcommands

  ;; hello: two buffers to stdout and what fd_write returned (errno,
  ;; nwritten); a line to stderr; a write of no buffers.



  (func $hello
    (i32.store (i32.const 32) (global.get $s.hello.a))
    (i32.store (i32.const 36) (call $strlen (global.get $s.hello.a)))
    (i32.store (i32.const 40) (global.get $s.hello.b))
    (i32.store (i32.const 44) (call $strlen (global.get $s.hello.b)))
    (call $begin (global.get $s.fd_write)
      (call $fd_write (i32.const 1) (i32.const 32) (i32.const 2) (i32.const 48)))
    (call $field (i64.load32_u (i32.const 48)))
    (call $end)
    (i32.store (i32.const 32) (global.get $s.hello.err))
    (i32.store (i32.const 36) (call $strlen (global.get $s.hello.err)))
    (call $begin (global.get $s.fd_write)
      (call $fd_write (i32.const 2) (i32.const 32) (i32.const 1) (i32.const 48)))
    (call $field (i64.load32_u (i32.const 48)))
    (call $end)
    (i32.store (i32.const 48) (i32.const -1))
    (call $begin (global.get $s.fd_write)
      (call $fd_write (i32.const 1) (i32.const 32) (i32.const 0) (i32.const 48)))
    (call $field (i64.load32_u (i32.const 48)))
    (call $end))

  ;; The $n strings whose pointers are at 256, a line each: the pointer,
  ;; then the string.
  (func $print_strings (param $n i32)
    (local $i i32) (local $p i32)
    (block $end
      (loop $next
        (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $p (i32.load (i32.add (i32.const 256) (i32.shl (local.get $i) (i32.const 2)))))
        (call $number (i64.extend_i32_u (local.get $p)))
        (call $puts (global.get $s.sp))
        (call $puts (local.get $p))
        (call $end)
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; args, environ: what the sizes call returns (errno, count, bytes), what
  ;; the get call returns, then each string.



  (func $args
    (call $begin (global.get $s.args_sizes_get) (call $args_sizes_get (i32.const 32) (i32.const 36)))
    (call $field (i64.load32_u (i32.const 32)))
    (call $field (i64.load32_u (i32.const 36)))
    (call $end)
    (call $report (global.get $s.args_get) (call $args_get (i32.const 256) (i32.const 2048)))
    (call $print_strings (i32.load (i32.const 32))))
  (func $environ
    (call $begin (global.get $s.environ_sizes_get) (call $environ_sizes_get (i32.const 32) (i32.const 36)))
    (call $field (i64.load32_u (i32.const 32)))
    (call $field (i64.load32_u (i32.const 36)))
    (call $end)
    (call $report (global.get $s.environ_get) (call $environ_get (i32.const 256) (i32.const 2048)))
    (call $print_strings (i32.load (i32.const 32))))

  ;; clock: for the clocks 0 to 3 and an unknown 4, then 0 again, a line
  ;; `clock ID res ERRNO NS time ERRNO NS` (0 where nothing was written).


  (func $clock_line (param $id i32)
    (i64.store (i32.const 40) (i64.const 0))
    (i64.store (i32.const 48) (i64.const 0))
    (call $puts (global.get $s.clock))
    (call $number (i64.extend_i32_u (local.get $id)))
    (call $puts (global.get $s.res))
    (call $number (i64.extend_i32_u (call $clock_res_get (local.get $id) (i32.const 40))))
    (call $field (i64.load (i32.const 40)))
    (call $puts (global.get $s.time))
    (call $number (i64.extend_i32_u (call $clock_time_get (local.get $id) (i64.const 1) (i32.const 48))))
    (call $field (i64.load (i32.const 48)))
    (call $end))
  (func $clock
    (call $clock_line (i32.const 0))
    (call $clock_line (i32.const 1))
    (call $clock_line (i32.const 2))
    (call $clock_line (i32.const 3))
    (call $clock_line (i32.const 4))
    (call $clock_line (i32.const 0)))

  ;; random: 16 bytes twice, then none: errno and the 16 bytes at 64 in hex
  ;; (zeros where nothing was written).
  (func $random_line (param $n i32)
    (memory.fill (i32.const 64) (i32.const 0) (i32.const 16))
    (call $begin (global.get $s.random_get) (call $random_get (i32.const 64) (local.get $n)))
    (call $puts (global.get $s.sp))
    (call $hex (i32.const 64) (i32.const 16))
    (call $end))
  (func $random
    (call $random_line (i32.const 16))
    (call $random_line (i32.const 16))
    (call $random_line (i32.const 0)))

  ;; fds: fdstat of each descriptor (filetype, flags, rights, inheriting;
  ;; all ones where nothing was written), no preopens, no seeking, no
  ;; other descriptor to write, closing.





  (func $fdstat (param $fd i32)
    (memory.fill (i32.const 64) (i32.const 0xff) (i32.const 24))
    (call $puts (global.get $s.fd_fdstat_get))
    (call $number (i64.extend_i32_u (local.get $fd)))
    (call $field (i64.extend_i32_u (call $fd_fdstat_get (local.get $fd) (i32.const 64))))
    (call $field (i64.load8_u (i32.const 64)))
    (call $field (i64.load16_u (i32.const 66)))
    (call $field (i64.load (i32.const 72)))
    (call $field (i64.load (i32.const 80)))
    (call $end))
  (func $seek (param $fd i32)
    (call $report_on (global.get $s.fd_seek) (local.get $fd)
      (call $fd_seek (local.get $fd) (i64.const 0) (i32.const 0) (i32.const 96))))
  (func $write_on (param $fd i32)
    (call $report_on (global.get $s.fd_write_on) (local.get $fd)
      (call $write (local.get $fd) (global.get $s.hello.a) (i32.const 1))))
  (func $close (param $fd i32)
    (call $report_on (global.get $s.fd_close) (local.get $fd) (call $fd_close (local.get $fd))))
  (func $fds
    (call $fdstat (i32.const 0))
    (call $fdstat (i32.const 1))
    (call $fdstat (i32.const 2))
    (call $fdstat (i32.const 3))
    (call $fdstat (i32.const -1))
    (call $report_on (global.get $s.fd_prestat_get) (i32.const 0)
      (call $fd_prestat_get (i32.const 0) (i32.const 96)))
    (call $report_on (global.get $s.fd_prestat_get) (i32.const 3)
      (call $fd_prestat_get (i32.const 3) (i32.const 96)))
    (call $seek (i32.const 1))
    (call $seek (i32.const 3))
    (call $write_on (i32.const 0))
    (call $write_on (i32.const 3))
    (call $report (global.get $s.sched_yield) (call $sched_yield))
    (call $close (i32.const 0))
    (call $fdstat (i32.const 0))
    (call $close (i32.const 0))
    (call $close (i32.const 2))
    (call $write_on (i32.const 2))
    (call $seek (i32.const 2))
    (call $close (i32.const 2)))

  ;; exit N: proc_exit(N) after a line; return: a line, then _start
  ;; returns; trap: a line, then unreachable.


  (func $exit
    (call $puts (global.get $s.exiting))
    (call $proc_exit (call $parse (i32.load (i32.const 264))))
    (unreachable))
  (func $return
    (call $puts (global.get $s.returning)))
  (func $trap
    (call $puts (global.get $s.trapping))
    (unreachable))

  ;; too-long: 65537 buffers of 64 KiB, more than 2^32 bytes together:
  ;; EINVAL, and nothing written.
  (func $too-long
    (local $i i32)
    (drop (memory.grow (i32.const 9)))
    (loop $next
      (i32.store (i32.add (i32.const 65536) (i32.shl (local.get $i) (i32.const 3))) (i32.const 0))
      (i32.store (i32.add (i32.const 65540) (i32.shl (local.get $i) (i32.const 3))) (i32.const 65536))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.le_u (local.get $i) (i32.const 65536))))
    (i32.store (i32.const 48) (i32.const 7))
    (call $begin (global.get $s.fd_write)
      (call $fd_write (i32.const 1) (i32.const 65536) (i32.const 65537) (i32.const 48)))
    (call $field (i64.load32_u (i32.const 48)))
    (call $end))

  ;; edge: what ends exactly at the end of memory (64 KiB) is in bounds.
  (func $edge
    (call $report (global.get $s.random_get) (call $random_get (i32.const 65536) (i32.const 0)))
    (call $report (global.get $s.random_get) (call $random_get (i32.const 65535) (i32.const 1)))
    (call $report (global.get $s.fd_fdstat_get) (call $fd_fdstat_get (i32.const 1) (i32.const 65512)))
    (call $report (global.get $s.args_sizes_get) (call $args_sizes_get (i32.const 65528) (i32.const 65532)))
    (call $report (global.get $s.fd_write) (call $fd_write (i32.const 1) (i32.const 65536) (i32.const 0) (i32.const 65532)))
    (i32.store (i32.const 32) (i32.const 65536))
    (i32.store (i32.const 36) (i32.const 0))
    (call $report (global.get $s.fd_write) (call $fd_write (i32.const 1) (i32.const 32) (i32.const 1) (i32.const 16)))
    (call $report (global.get $s.clock) (call $clock_time_get (i32.const 0) (i64.const 0) (i32.const 65528))))

  ;; oob-*: each passes a pointer or length that reaches outside memory
  ;; (64 KiB), which traps before anything is written or printed.
  (func $oob-iovs
    (drop (call $fd_write (i32.const 1) (i32.const 65532) (i32.const 1) (i32.const 16))))
  (func $oob-iovs-wrap   ;; 2^29 iovecs: 2^32 bytes, 0 in 32 bits
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 0x20000000) (i32.const 16))))
  (func $oob-buf   ;; the first buffer fits, the second does not: neither is written
    (i32.store (i32.const 32) (global.get $s.hello.a))
    (i32.store (i32.const 36) (i32.const 7))
    (i32.store (i32.const 40) (i32.const 65535))
    (i32.store (i32.const 44) (i32.const 2))
    (drop (call $fd_write (i32.const 1) (i32.const 32) (i32.const 2) (i32.const 48))))
  (func $oob-buf-wrap   ;; 0xfffffff0 + 0x20 wraps in 32 bits
    (i32.store (i32.const 32) (i32.const 0xfffffff0))
    (i32.store (i32.const 36) (i32.const 0x20))
    (drop (call $fd_write (i32.const 1) (i32.const 32) (i32.const 1) (i32.const 48))))
  (func $oob-nwritten
    (i32.store (i32.const 32) (global.get $s.hello.a))
    (i32.store (i32.const 36) (i32.const 7))
    (drop (call $fd_write (i32.const 1) (i32.const 32) (i32.const 1) (i32.const 65533))))
  (func $oob-args-sizes
    (drop (call $args_sizes_get (i32.const 32) (i32.const 65536))))
  (func $oob-args
    (drop (call $args_get (i32.const 65535) (i32.const 2048))))
  (func $oob-args-buf
    (drop (call $args_get (i32.const 256) (i32.const 65534))))
  (func $oob-environ-sizes
    (drop (call $environ_sizes_get (i32.const -1) (i32.const 32))))
  (func $oob-environ   ;; run with a variable: its string does not fit
    (drop (call $environ_get (i32.const 256) (i32.const 65535))))
  (func $oob-clock-res
    (drop (call $clock_res_get (i32.const 1) (i32.const 0xfffffffc))))
  (func $oob-clock-time
    (drop (call $clock_time_get (i32.const 0) (i64.const 0) (i32.const 65529))))
  (func $oob-random
    (drop (call $random_get (i32.const 65530) (i32.const 7))))
  (func $oob-random-wrap
    (drop (call $random_get (i32.const -1) (i32.const 2))))
  (func $oob-fdstat
    (drop (call $fd_fdstat_get (i32.const 1) (i32.const 65520))))


  ;; Runs the subcommand argv[1] names (usage: status 2).
  (func $start (export "_start")
    (local $cmd i32)
    (drop (call $args_sizes_get (i32.const 32) (i32.const 36)))
    (if (i32.lt_u (i32.load (i32.const 32)) (i32.const 2))
      (then (call $usage)))
    (drop (call $args_get (i32.const 256) (i32.const 2048)))
    (local.set $cmd (i32.load (i32.const 260)))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.hello)) (then (return (call $hello))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.args)) (then (return (call $args))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.environ)) (then (return (call $environ))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.clock)) (then (return (call $clock))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.random)) (then (return (call $random))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.fds)) (then (return (call $fds))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.stubs)) (then (return (call $stubs))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.exit)) (then (return (call $exit))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.return)) (then (return (call $return))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.trap)) (then (return (call $trap))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.too-long)) (then (return (call $too-long))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.edge)) (then (return (call $edge))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-iovs)) (then (return (call $oob-iovs))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-iovs-wrap)) (then (return (call $oob-iovs-wrap))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-buf)) (then (return (call $oob-buf))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-buf-wrap)) (then (return (call $oob-buf-wrap))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-nwritten)) (then (return (call $oob-nwritten))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-args-sizes)) (then (return (call $oob-args-sizes))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-args)) (then (return (call $oob-args))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-args-buf)) (then (return (call $oob-args-buf))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-environ-sizes)) (then (return (call $oob-environ-sizes))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-environ)) (then (return (call $oob-environ))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-clock-res)) (then (return (call $oob-clock-res))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-clock-time)) (then (return (call $oob-clock-time))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-random)) (then (return (call $oob-random))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-random-wrap)) (then (return (call $oob-random-wrap))))
    (if (call $streq (local.get $cmd) (global.get $s.cmd.oob-fdstat)) (then (return (call $oob-fdstat))))
    (call $usage))
  (func $usage
    (drop (call $write (i32.const 2) (global.get $s.usage) (call $strlen (global.get $s.usage))))
    (call $proc_exit (i32.const 2)))

  ;; stubs: each called with zeros, its errno printed
  (func $stubs
    (call $report (global.get $s.stub.fd_advise) (call $fd_advise (i32.const 0) (i64.const 0) (i64.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.fd_allocate) (call $fd_allocate (i32.const 0) (i64.const 0) (i64.const 0)))
    (call $report (global.get $s.stub.fd_datasync) (call $fd_datasync (i32.const 0)))
    (call $report (global.get $s.stub.fd_fdstat_set_flags) (call $fd_fdstat_set_flags (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.fd_fdstat_set_rights) (call $fd_fdstat_set_rights (i32.const 0) (i64.const 0) (i64.const 0)))
    (call $report (global.get $s.stub.fd_filestat_get) (call $fd_filestat_get (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.fd_filestat_set_size) (call $fd_filestat_set_size (i32.const 0) (i64.const 0)))
    (call $report (global.get $s.stub.fd_filestat_set_times) (call $fd_filestat_set_times (i32.const 0) (i64.const 0) (i64.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.fd_pread) (call $fd_pread (i32.const 0) (i32.const 0) (i32.const 0) (i64.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.fd_prestat_dir_name) (call $fd_prestat_dir_name (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.fd_pwrite) (call $fd_pwrite (i32.const 0) (i32.const 0) (i32.const 0) (i64.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.fd_read) (call $fd_read (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.fd_readdir) (call $fd_readdir (i32.const 0) (i32.const 0) (i32.const 0) (i64.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.fd_renumber) (call $fd_renumber (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.fd_sync) (call $fd_sync (i32.const 0)))
    (call $report (global.get $s.stub.fd_tell) (call $fd_tell (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.path_create_directory) (call $path_create_directory (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.path_filestat_get) (call $path_filestat_get (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.path_filestat_set_times) (call $path_filestat_set_times (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i64.const 0) (i64.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.path_link) (call $path_link (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.path_open) (call $path_open (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i64.const 0) (i64.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.path_readlink) (call $path_readlink (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.path_remove_directory) (call $path_remove_directory (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.path_rename) (call $path_rename (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.path_symlink) (call $path_symlink (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.path_unlink_file) (call $path_unlink_file (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.poll_oneoff) (call $poll_oneoff (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.proc_raise) (call $proc_raise (i32.const 0)))
    (call $report (global.get $s.stub.sock_accept) (call $sock_accept (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.sock_recv) (call $sock_recv (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.sock_send) (call $sock_send (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
    (call $report (global.get $s.stub.sock_shutdown) (call $sock_shutdown (i32.const 0) (i32.const 0)))
  )
)
