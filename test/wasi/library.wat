;; A module that imports from wasi_snapshot_preview1 but exports no
;; _start: no WASI command, but a module file as any other, and the WASI
;; host is only for commands (status 5).
(module
  (import "wasi_snapshot_preview1" "sched_yield" (func $sched_yield (result i32)))
  (func (export "yield") (result i32)
    (call $sched_yield)))
