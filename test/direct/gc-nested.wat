;; A host callback that collects garbage while its caller holds a reference
;; only in a local: the caller's stacks are roots too (test/direct.sh).
(module
  (import "fuzzing-support" "call-export" (func $call-export (param i32 i32)))
  (type $box (struct (field i32)))
  (type $bytes (array (mut i8)))
  (func (export "keep") (result i32)
    (local $b (ref null $box))
    (local.set $b (struct.new $box (i32.const 42)))
    (call $call-export (i32.const 1) (i32.const 0))
    (struct.get $box 0 (local.get $b)))
  (func (export "churn")
    (local $i i32)
    (loop $l
      (drop (array.new_default $bytes (i32.const 1048576)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 64))))))
