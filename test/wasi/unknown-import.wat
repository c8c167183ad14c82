;; A WASI command that imports a name preview 1 does not have, and a
;; memory under its module name: both unknown imports (status 5).
(module
  (import "wasi_snapshot_preview1" "fd_frobnicate" (func (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "memory" (memory 1))
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (func (export "_start")))
