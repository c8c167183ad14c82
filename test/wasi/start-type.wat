;; A module that imports from wasi_snapshot_preview1 and exports a _start
;; that takes a parameter: a command that cannot be run (status 3).
(module
  (import "wasi_snapshot_preview1" "sched_yield" (func $sched_yield (result i32)))
  (memory (export "memory") 1)
  (func (export "_start") (param i32)))
