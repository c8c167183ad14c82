;; A WASI command whose start function calls proc_exit while it is being
;; instantiated: the run ends with that status, and _start never runs.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (func $init
    (call $proc_exit (i32.const 42)))
  (start $init)
  (func (export "_start")
    (unreachable)))
