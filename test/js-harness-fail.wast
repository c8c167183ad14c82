;; The failing twin of test/js-harness.wast: every assertion here fails,
;; in wasmfx-ref and converted to JS (test/js.sh counts them: one per
;; line starting with `(assert_`).

(module $direct
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "id") (param externref) (result externref) (local.get 0))
  (func (export "fref") (result funcref) (ref.null func))
  (func (export "two") (result i32 i64) (i32.const -1) (i64.const -1))
  (func (export "ok"))
  (global (export "g") i32 (i32.const 42)))
(assert_return (invoke "add" (i32.const 1) (i32.const 1)) (i32.const 3))
(assert_return (invoke "id" (ref.extern 7)) (ref.extern 8))
(assert_return (invoke "id" (ref.extern 7)) (ref.null))
(assert_return (invoke "fref") (ref.func))
(assert_return (invoke "two") (i32.const -1) (i64.const 1))
(assert_return (invoke "two") (i32.const -1))
(assert_return (get "g") (i32.const 43))
(assert_trap (invoke "ok") "unreachable")

(module $wrapped
  (type $s (struct (field i32)))
  (type $f (func))
  (type $c (cont $f))
  (func (export "f32") (param f32) (result f32) (local.get 0))
  (func (export "v") (param v128) (result v128) (local.get 0))
  (func (export "struct") (result anyref) (struct.new $s (i32.const 1)))
  (func (export "any") (param anyref) (result anyref) (local.get 0))
  (func $g)
  (elem declare func $g)
  (func (export "cont") (result (ref null $c)) (cont.new $c (ref.func $g))))
(assert_return (invoke "f32" (f32.const nan:0x200000)) (f32.const nan:canonical))
(assert_return (invoke "f32" (f32.const nan:0x200000)) (f32.const nan:0x200001))
(assert_return (invoke "f32" (f32.const -0)) (f32.const 0))
(assert_return (invoke "v" (v128.const i32x4 1 2 3 4)) (v128.const i32x4 1 2 3 5))
(assert_return (invoke "v" (v128.const f32x4 nan:0x200000 0 0 0)) (v128.const f32x4 nan:canonical 0 0 0))
(assert_return (invoke "struct") (ref.array))
(assert_return (invoke "struct") (ref.i31))
(assert_return (invoke "any" (ref.host 3)) (ref.host 4))
(assert_return (invoke "any" (ref.null any)) (ref.null func))
(assert_return (invoke "cont") (ref.null))
(assert_return (invoke "struct") (either (ref.i31) (ref.null)))

(module
  (tag $e)
  (func (export "trap") (unreachable))
  (func (export "throw") (throw $e))
  (func (export "ok") (result i32) (i32.const 1)))
(assert_exhaustion (invoke "trap") "call stack exhausted")
(assert_exception (invoke "ok"))
(assert_suspension (invoke "throw") "unhandled")
(assert_trap (invoke "throw") "unreachable")
(assert_unlinkable (module (import "spectest" "print_i32" (func (param i32)))) "unknown import")
(assert_trap (module (func (export "f"))) "unreachable")
(assert_invalid (module (func (result i32) (i32.const 0))) "type mismatch")
(assert_malformed (module binary "\00asm\01\00\00\00") "unexpected end")

;; Last: an unknown export is a script error, which ends the run in wasmfx-ref
;; (exit status 3) and fails the assertion in the JS harness.
(assert_return (invoke "nosuch") (i32.const 0))
