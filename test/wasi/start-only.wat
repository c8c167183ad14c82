;; A module that exports _start but imports nothing from
;; wasi_snapshot_preview1: no WASI command; the arguments after it are
;; wasmfx-ref's.
(module
  (func (export "_start") (result i32)
    (i32.const 42)))
