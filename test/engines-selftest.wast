;; Input for test/engines.sh: a script whose failures are known.  Every
;; command marked FAILS must be reported as failing, on every engine, and
;; no other command.
(module $A
  (func (export "one") (result i32) (i32.const 1))
  (func (export "trap") (result i32) (unreachable))
  (tag $e (param i32))
  (func (export "throw") (result i32) (throw $e (i32.const 3)))
  (func $rec (export "rec") (result i32) (i32.add (call $rec) (i32.const 1)))
  (func (export "two") (result i32 i64) (i32.const 1) (i64.const 2)))
(assert_return (invoke "one") (i32.const 1))
(assert_return (invoke "one") (i32.const 2))                 ;; FAILS: a wrong value
(assert_return (invoke "trap") (i32.const 1))                ;; FAILS: a trap, not a value
(assert_trap (invoke "trap") "unreachable")
(assert_trap (invoke "one") "unreachable")                   ;; FAILS: a value, not a trap
(assert_exception (invoke "throw"))
(assert_exception (invoke "trap"))                           ;; FAILS: a trap, not an exception
(assert_exhaustion (invoke "rec") "call stack exhausted")
(assert_return (invoke "two") (i32.const 1) (i64.const 2))
(assert_return (invoke "two") (i32.const 1) (i64.const 3))   ;; FAILS: the second value
(register "A" $A)
(module $B
  (import "A" "one" (func $one (result i32)))
  (func (export "two") (result i32) (i32.add (call $one) (call $one))))
(assert_return (invoke $B "two") (i32.const 2))
(assert_unlinkable (module (import "A" "nope" (func))) "unknown import")
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_invalid (module (func (result i32) (i32.const 0))) "type mismatch")   ;; FAILS: valid
(module $C (func (export "c") (result i32) (i64.const 1)))  ;; FAILS: invalid
(assert_return (invoke $C "c") (i32.const 5))                ;; FAILS: needs $C
(assert_return (invoke $A "one") (i32.const 1))
