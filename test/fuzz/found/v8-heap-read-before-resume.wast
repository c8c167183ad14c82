;; V8 14.6 (Node 26.12.1, --experimental-wasm-wasmfx) aborts the process when
;; it compiles this function: "# Check failed: !op.Effects().can_write()."
;; (SIGTRAP).  A struct.get that gives the continuation of a `resume` with a
;; handler clause is enough; with (ref.null $k) in its place, it compiles.
;; This widens test/continuations/README.md's V3 (an allocation and a
;; handler): a read of the heap does it too.
;;
;; Found by test/fuzz/diff.sh on 2026-12-03 (generated seed 5, reduced by its
;; reducer, then by hand).  The module is valid (Explainer, Instructions:
;; "resume $ct hdl* : [t1* (ref null $ct)] -> [t2*]"), so it must compile and
;; run; the struct is null, so the struct.get traps first (Wasm 3.0,
;; SpecTec "rule Step_read/struct.get-null: z; (REF.NULL_ADDR) (STRUCT.GET
;; sx? x i) ~> TRAP").
(module
  (type $f (func (param f32)))
  (type $k (cont $f))
  (type $f0 (func))
  (type $k0 (cont $f0))
  (type $h (struct (field (mut (ref null $k)))))
  (tag $t)
  (func (export "f") (param $s (ref null $h)) (result i32)
    (block $on (result (ref $k0))
      (resume $k (on $t $on) (f32.const 0) (struct.get $h 0 (local.get $s)))
      (return (i32.const 1)))
    (drop)
    (i32.const 2)))
(assert_trap (invoke "f" (ref.null $h)) "null structure reference")
