;; Forms of the text format that must parse, beyond the official suite's:
;; every abbreviation in its less common shapes.

(module $m
  (@custom "anything" (nested (@ann)) "goes")
  (type $pair (struct (field $l (mut i32)) (field $r i64)))
  (type $bytes (array (mut i8)))
  (rec (type $node (sub (struct (field $next (ref null $node)))))
       (type $leaf (sub final $node (struct (field $next (ref null $node)) (field i32)))))
  (type $f (func (param i32) (result i32)))
  (import "spectest" "global_i32" (global $imported i32))
  (func $id (export "id") (export "id2") (type $f) (param $x i32) (result i32)
    (local.get $x))
  (table $t (export "t") 2 funcref (ref.null func))
  (table $t64 i64 funcref (elem $id $id))
  (memory $mem (export "mem") (data "\00\01" "\u{1F600}"))
  (memory $mem64 i64 1 1)
  (global $g (mut i64) (i64.const -0x8000_0000_0000_0000))
  (tag $e (param i32))
  (elem $passive funcref (ref.func $id) (item (ref.null func)))
  (elem declare func $id)
  (elem (table $t) (offset (i32.const 0)) func $id)
  (data $d (memory $mem) (offset (i32.const 16)) "xyz")
  (data $d2 "passive")
  (start $init)
  (func $init
    (block $outer (result i32)
      (loop $inner (result i32)
        (br_if $outer (i32.const 1) (i32.const 1))
        (br $inner)))
    (drop)
    (if $c (result i64) (i32.const 1)
      (then (i64.const 1))
      (else (i64.const 2)))
    (global.set $g)
    block $b
      i32.const 0
      if $i
        br $b
      else $i
        nop
      end $i
    end $b
    (block $h (try_table $t (catch_all $h) (throw $e (i32.const 7))))
    (drop (i32.load8_u offset=1 align=1 (i32.const 0)))
    (drop (i64.load $mem64 offset=0x10 (i64.const 0)))
    (memory.copy $mem $mem (i32.const 0) (i32.const 1) (i32.const 2))
    (memory.init $mem $d (i32.const 0) (i32.const 0) (i32.const 0))
    (table.init $t $passive (i32.const 0) (i32.const 0) (i32.const 0))
    (drop (struct.get $pair $r (struct.new $pair (i32.const 1) (i64.const 2))))
    (drop (array.new_fixed $bytes 2 (i32.const 1) (i32.const 2)))
    (drop (select (result i32) (i32.const 1) (i32.const 2) (i32.const 0)))
    (drop (ref.test (ref null $node) (ref.null none)))
    (drop (block $l (result anyref) (br_on_cast $l anyref (ref $leaf) (ref.null any))))
    (drop (call_indirect $t (type $f) (i32.const 0) (i32.const 0))))
  (func $vectors
    (drop (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 -1) (v128.const i16x8 0 1 2 3 4 5 6 -32768)))
    (drop (i32x4.extract_lane 3 (v128.const i64x2 0 -1)))
    (v128.store8_lane 0 1 (i32.const 0) (v128.const f32x4 1.5 -0x1p-2 inf -nan:0x1))))

;; A script command may also quote the module.
(module quote "(func (export \"f\") (result i32) (i32.const 1))")
(module definition $def (func))
(module instance $inst $def)
(module instance $def)
(register "m" $m)

;; A quoted module may have the (module …) wrapper.
(module quote "(module $q (memory 1))")
