;; Locals start at their type's default value on every call (spec:
;; $default_(Vnn) = (VCONST Vnn 0)), whatever the slot held before.
;; Regression: a v128 local that was not the frame's first slot kept the
;; high 8 bytes of the previous call's value.  Each export below calls $f
;; twice through one kind of call; $f returns its v128 local as it found
;; it, then leaves a non-zero value in the slot.

(module
  (type $ft (func (result v128)))
  (type $ct (cont $ft))
  (table $t 1 funcref)
  (elem (table $t) (i32.const 0) func $f)
  (elem declare func $f)

  (func $f (type $ft)
    (local $a i32) (local $c f64) (local $b v128)
    (local.get $b)
    (local.set $b (v128.const i64x2 -1 -1)))

  (func (export "call") (result v128)
    (drop (call $f)) (call $f))
  (func (export "call_ref") (result v128)
    (drop (call_ref $ft (ref.func $f))) (call_ref $ft (ref.func $f)))
  (func (export "call_indirect") (result v128)
    (drop (call_indirect $t (type $ft) (i32.const 0)))
    (call_indirect $t (type $ft) (i32.const 0)))
  (func $tail (result v128) (return_call $f))
  (func (export "return_call") (result v128)
    (drop (call $tail)) (return_call $tail))
  (func (export "resume") (result v128)
    (drop (call $f)) (resume $ct (cont.new $ct (ref.func $f))))
  (func (export "deeper") (result v128)
    ;; the slots of $f's locals held operands of a v128 computation first
    (drop (i64x2.add (v128.const i64x2 7 7) (v128.const i64x2 9 9)))
    (call $f))
  (elem declare func $tail)
)

(assert_return (invoke "call") (v128.const i64x2 0 0))
(assert_return (invoke "call_ref") (v128.const i64x2 0 0))
(assert_return (invoke "call_indirect") (v128.const i64x2 0 0))
(assert_return (invoke "return_call") (v128.const i64x2 0 0))
(assert_return (invoke "resume") (v128.const i64x2 0 0))
(assert_return (invoke "deeper") (v128.const i64x2 0 0))
