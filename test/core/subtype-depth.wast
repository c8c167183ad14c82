;; Subtyping of defined types through hierarchies several levels deep (spec:
;; 2.2-validation.subtyping, S-def; for continuation types the Explainer's
;; rule, cont $ft1 <: cont $ft2 iff $ft1 <: $ft2): each answer is one look-up
;; in a type's display of its supertypes, so both answers are asked at every
;; level, of final and non-final types, of a rec group whose types extend
;; each other, by ref.test, ref.cast, br_on_cast, br_on_cast_fail,
;; call_indirect, imports and validation.
(module
  ;; structs: $a > $b > $c > $d (final), and $b2 beside $b
  (type $a (sub (struct)))
  (type $b (sub $a (struct (field i32))))
  (type $c (sub $b (struct (field i32) (field i64))))
  (type $d (sub final $c (struct (field i32) (field i64) (field f32))))
  (type $b2 (sub $a (struct (field i64))))
  ;; a rec group below $b whose types are subtypes of each other
  (rec
    (type $r0 (sub $b (struct (field i32) (field (ref null $r1)))))
    (type $r1 (sub $r0 (struct (field i32) (field (ref null $r1)) (field i32))))
    (type $r2 (sub final $r1 (struct (field i32) (field (ref null $r1)) (field i32) (field i32)))))

  ;; function types: $f0 > $f1 > $f2 (final), and $g1 beside $f1
  (type $f0 (sub (func (result anyref))))
  (type $f1 (sub $f0 (func (result eqref))))
  (type $f2 (sub final $f1 (func (result structref))))
  (type $g1 (sub $f0 (func (result i31ref))))
  ;; continuation types over them, declared in the same shape
  (type $k0 (sub (cont $f0)))
  (type $k1 (sub $k0 (cont $f1)))
  (type $k2 (sub final $k1 (cont $f2)))
  (type $kg (sub $k0 (cont $g1)))

  (func $h0 (type $f0) (ref.null any))
  (func $h1 (type $f1) (ref.null eq))
  (func $h2 (type $f2) (ref.null struct))
  (func $hg (type $g1) (ref.i31 (i32.const 0)))
  (table $fs funcref (elem $h0 $h1 $h2 $hg))

  ;; object k: 0 $a, 1 $b, 2 $c, 3 $d, 4 $b2, 5 $r0, 6 $r1, 7 $r2
  (func $new (param $k i32) (result anyref)
    (if (i32.eq (local.get $k) (i32.const 0)) (then (return (struct.new_default $a))))
    (if (i32.eq (local.get $k) (i32.const 1)) (then (return (struct.new_default $b))))
    (if (i32.eq (local.get $k) (i32.const 2)) (then (return (struct.new_default $c))))
    (if (i32.eq (local.get $k) (i32.const 3)) (then (return (struct.new_default $d))))
    (if (i32.eq (local.get $k) (i32.const 4)) (then (return (struct.new_default $b2))))
    (if (i32.eq (local.get $k) (i32.const 5)) (then (return (struct.new_default $r0))))
    (if (i32.eq (local.get $k) (i32.const 6)) (then (return (struct.new_default $r1))))
    (struct.new_default $r2))

  ;; ref.test of object k against each type: bit i for the i-th type above
  (func (export "test") (param $k i32) (result i32)
    (local $o anyref)
    (local.set $o (call $new (local.get $k)))
    (i32.or (i32.or (i32.or (ref.test (ref $a) (local.get $o))
                            (i32.shl (ref.test (ref $b) (local.get $o)) (i32.const 1)))
                    (i32.or (i32.shl (ref.test (ref $c) (local.get $o)) (i32.const 2))
                            (i32.shl (ref.test (ref $d) (local.get $o)) (i32.const 3))))
            (i32.or (i32.or (i32.shl (ref.test (ref $b2) (local.get $o)) (i32.const 4))
                            (i32.shl (ref.test (ref $r0) (local.get $o)) (i32.const 5)))
                    (i32.or (i32.shl (ref.test (ref $r1) (local.get $o)) (i32.const 6))
                            (i32.shl (ref.test (ref $r2) (local.get $o)) (i32.const 7))))))

  (func (export "cast_c") (param $k i32) (result i32)
    (drop (ref.cast (ref $c) (call $new (local.get $k))))
    (i32.const 1))
  (func (export "cast_r1") (param $k i32) (result i32)
    (drop (ref.cast (ref $r1) (call $new (local.get $k))))
    (i32.const 1))

  ;; 1 if br_on_cast takes its branch
  (func (export "br_on_cast_b") (param $k i32) (result i32)
    (block $yes (result (ref $b))
      (br_on_cast $yes anyref (ref $b) (call $new (local.get $k)))
      (drop)
      (return (i32.const 0)))
    (drop)
    (i32.const 1))
  ;; 1 if br_on_cast_fail does not take its branch
  (func (export "br_on_cast_fail_r0") (param $k i32) (result i32)
    (block $no (result anyref)
      (br_on_cast_fail $no anyref (ref $r0) (call $new (local.get $k)))
      (drop)
      (return (i32.const 1)))
    (drop)
    (i32.const 0))

  ;; call_indirect of entry i ($h0 $h1 $h2 $hg) as $f0, $f1 or $f2
  (func (export "call_f0") (param $i i32) (result i32)
    (drop (call_indirect $fs (type $f0) (local.get $i)))
    (i32.const 1))
  (func (export "call_f1") (param $i i32) (result i32)
    (drop (call_indirect $fs (type $f1) (local.get $i)))
    (i32.const 1))
  (func (export "call_f2") (param $i i32) (result i32)
    (drop (call_indirect $fs (type $f2) (local.get $i)))
    (i32.const 1))

  ;; a continuation two levels down passes for one at the top
  (func (param (ref $k2)) (result (ref $k0)) (local.get 0)))

;; each object is of its type and of those above it, and of no other
(assert_return (invoke "test" (i32.const 0)) (i32.const 0x01))  ;; $a
(assert_return (invoke "test" (i32.const 1)) (i32.const 0x03))  ;; $b: $a $b
(assert_return (invoke "test" (i32.const 2)) (i32.const 0x07))  ;; $c: $a $b $c
(assert_return (invoke "test" (i32.const 3)) (i32.const 0x0f))  ;; $d: $a $b $c $d
(assert_return (invoke "test" (i32.const 4)) (i32.const 0x11))  ;; $b2: $a $b2
(assert_return (invoke "test" (i32.const 5)) (i32.const 0x23))  ;; $r0: $a $b $r0
(assert_return (invoke "test" (i32.const 6)) (i32.const 0x63))  ;; $r1: $a $b $r0 $r1
(assert_return (invoke "test" (i32.const 7)) (i32.const 0xe3))  ;; $r2: $a $b $r0 $r1 $r2

(assert_return (invoke "cast_c" (i32.const 2)) (i32.const 1))
(assert_return (invoke "cast_c" (i32.const 3)) (i32.const 1))
(assert_trap (invoke "cast_c" (i32.const 1)) "cast failure")
(assert_trap (invoke "cast_c" (i32.const 4)) "cast failure")
(assert_trap (invoke "cast_c" (i32.const 7)) "cast failure")
(assert_return (invoke "cast_r1" (i32.const 7)) (i32.const 1))
(assert_trap (invoke "cast_r1" (i32.const 5)) "cast failure")
(assert_trap (invoke "cast_r1" (i32.const 3)) "cast failure")

(assert_return (invoke "br_on_cast_b" (i32.const 3)) (i32.const 1))
(assert_return (invoke "br_on_cast_b" (i32.const 6)) (i32.const 1))
(assert_return (invoke "br_on_cast_b" (i32.const 0)) (i32.const 0))
(assert_return (invoke "br_on_cast_b" (i32.const 4)) (i32.const 0))
(assert_return (invoke "br_on_cast_fail_r0" (i32.const 7)) (i32.const 1))
(assert_return (invoke "br_on_cast_fail_r0" (i32.const 5)) (i32.const 1))
(assert_return (invoke "br_on_cast_fail_r0" (i32.const 1)) (i32.const 0))
(assert_return (invoke "br_on_cast_fail_r0" (i32.const 2)) (i32.const 0))

(assert_return (invoke "call_f0" (i32.const 0)) (i32.const 1))
(assert_return (invoke "call_f0" (i32.const 2)) (i32.const 1))
(assert_return (invoke "call_f0" (i32.const 3)) (i32.const 1))
(assert_return (invoke "call_f1" (i32.const 1)) (i32.const 1))
(assert_return (invoke "call_f1" (i32.const 2)) (i32.const 1))
(assert_trap (invoke "call_f1" (i32.const 0)) "indirect call type mismatch")
(assert_trap (invoke "call_f1" (i32.const 3)) "indirect call type mismatch")
(assert_return (invoke "call_f2" (i32.const 2)) (i32.const 1))
(assert_trap (invoke "call_f2" (i32.const 1)) "indirect call type mismatch")

;; Continuation types cannot be cast to (the Explainer's `castable`): an
;; import compares them at run time.  An immutable global of a continuation
;; type imports as any type above it, and not as a sibling.
(module $K
  (type $f0 (sub (func (result anyref))))
  (type $f1 (sub $f0 (func (result eqref))))
  (type $f2 (sub final $f1 (func (result structref))))
  (type $k0 (sub (cont $f0)))
  (type $k1 (sub $k0 (cont $f1)))
  (type $k2 (sub final $k1 (cont $f2)))
  (global (export "k2") (ref null $k2) (ref.null $k2))
  (global (export "k1") (ref null $k1) (ref.null $k1)))
(register "K" $K)
(module
  (type $f0 (sub (func (result anyref))))
  (type $f1 (sub $f0 (func (result eqref))))
  (type $k0 (sub (cont $f0)))
  (type $k1 (sub $k0 (cont $f1)))
  (import "K" "k2" (global (ref null $k1)))
  (import "K" "k2" (global (ref null $k0)))
  (import "K" "k1" (global (ref null $k0))))
(assert_unlinkable
  (module
    (type $f0 (sub (func (result anyref))))
    (type $g1 (sub $f0 (func (result i31ref))))
    (type $k0 (sub (cont $f0)))
    (type $kg (sub $k0 (cont $g1)))
    (import "K" "k2" (global (ref null $kg))))
  "incompatible import type")
(assert_unlinkable
  (module
    (type $f0 (sub (func (result anyref))))
    (type $f1 (sub $f0 (func (result eqref))))
    (type $f2 (sub final $f1 (func (result structref))))
    (type $k0 (sub (cont $f0)))
    (type $k1 (sub $k0 (cont $f1)))
    (type $k2 (sub final $k1 (cont $f2)))
    (import "K" "k1" (global (ref null $k2))))
  "incompatible import type")

;; Validation asks the same question.  A continuation type's supertype must
;; be over a supertype of its function type: $g1 is not below $f1.
(assert_invalid
  (module
    (type $f0 (sub (func (result anyref))))
    (type $f1 (sub $f0 (func (result eqref))))
    (type $g1 (sub $f0 (func (result i31ref))))
    (type $k1 (sub (cont $f1)))
    (type $bad (sub $k1 (cont $g1))))
  "sub type 4 does not match super type 3")
;; two levels down is a subtype, a sibling is not
(module
  (type $a (sub (struct)))
  (type $b (sub $a (struct (field i32))))
  (type $c (sub final $b (struct (field i32) (field i64))))
  (func (param (ref $c)) (result (ref $a)) (local.get 0)))
(assert_invalid
  (module
    (type $a (sub (struct)))
    (type $b (sub $a (struct (field i32))))
    (type $b2 (sub $a (struct (field i64))))
    (type $c (sub $b2 (struct (field i64) (field i64))))
    (func (param (ref $c)) (result (ref $b)) (local.get 0)))
  "type mismatch")
;; a final type ends its chain, however deep
(assert_invalid
  (module
    (type $a (sub (struct)))
    (type $b (sub $a (struct (field i32))))
    (type $c (sub final $b (struct (field i32) (field i64))))
    (type $d (sub $c (struct (field i32) (field i64)))))
  "sub type 3 has final super type 2")
