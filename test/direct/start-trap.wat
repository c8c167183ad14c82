;; A start function that traps: the log shows the trap, no export runs.
(module
  (func $start (unreachable))
  (func (export "never") (result i32) (i32.const 1))
  (start $start))
