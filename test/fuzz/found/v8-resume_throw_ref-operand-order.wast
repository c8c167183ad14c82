;; V8 14.6 (Node 26.12.1, --experimental-wasm-wasmfx) rejects this valid
;; module: "Compiling function #2 failed: resume_throw_ref[0] expected type
;; exnref, found cont.new of type (ref 0)".  It takes resume_throw_ref's
;; operands in the reverse order (test/continuations/README.md, V2), so any
;; module that cancels a continuation with an exnref fails to compile; a third
;; of the generator's modules do.
;;
;; V8 also accepts the operands in its own order, which the rule makes
;; invalid (the assert_invalid at the end).
;;
;; Found by test/fuzz/diff.sh on 2026-12-03 (a third of the generated
;; modules, rejected this way; with --invalid, the swapped order accepted),
;; written small by hand.  The rule (Explainer,
;; Instructions):
;;   resume_throw_ref $ct hdl* : [exnref (ref null $ct)] -> [t2*]
;;     iff C.types[$ct] ~~ cont [t1*] -> [t2*] and (hdl : t2*)*
;; The continuation has not started: the exception is raised at its start and
;; reaches the catch around the resume_throw_ref.
(module
  (type $f (func))
  (type $k (cont $f))
  (tag $e (param i32))
  (func $body)
  (elem declare func $body)
  (func $exn (result exnref)
    (block $x (result exnref)
      (try_table (catch_all_ref $x) (throw $e (i32.const 42)))
      (unreachable)))
  (func (export "cancel") (result i32)
    (block $h (result i32)
      (try_table (catch $e $h)
        (resume_throw_ref $k (call $exn) (cont.new $k (ref.func $body))))
      (i32.const -1))))
(assert_return (invoke "cancel") (i32.const 42))
(assert_invalid
  (module
    (type $f (func))
    (type $k (cont $f))
    (func (param $x exnref) (param $c (ref null $k))
      (resume_throw_ref $k (local.get $c) (local.get $x))))
  "type mismatch")
