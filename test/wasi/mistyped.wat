;; A WASI command that declares fd_write with another type than preview
;; 1's: the import does not match (status 5).
(module
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")))
