;; A WASI command that exports no memory: fd_write to a descriptor that is
;; not open returns EBADF without looking at memory, fd_write to stdout
;; has nowhere to read its iovecs from and traps.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory 1)
  (func (export "_start")
    (if (i32.ne (call $fd_write (i32.const 5) (i32.const 0) (i32.const 0) (i32.const 0)) (i32.const 8))
      (then (unreachable)))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 0)))))
