;; A WASI command whose export "memory" is a function: random_get traps.
(module
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (memory 1)
  (func $start (export "_start")
    (drop (call $random_get (i32.const 0) (i32.const 4))))
  (export "memory" (func $start)))
