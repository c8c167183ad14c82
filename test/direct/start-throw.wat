;; A start function whose call-export throws (no exports yet: a JS
;; exception), uncaught: the module fails to instantiate.
(module
  (import "fuzzing-support" "call-export" (func $call-export (param i32 i32)))
  (func $start (call $call-export (i32.const 0) (i32.const 0)))
  (func (export "never"))
  (start $start))
