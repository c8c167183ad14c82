;; Binaryen 132 (wasm-opt --fuzz-exec, wasm-shell; npm binaryen@132) aborts:
;; "Function `sub` expects 2 parameters, got 1 arguments. / invalid param
;; count / UNREACHABLE executed at src/wasm-interpreter.h:3970!".  Its
;; interpreter keeps the values cont.bind binds as all the continuation's
;; arguments, so resume's own argument is lost (test/continuations/README.md,
;; B2).
;;
;; Found by test/fuzz/diff.sh on 2026-12-03 (generated seed 6, reduced by its
;; reducer, then by hand).  The rule (Explainer, Reduction):
;;   S; F; v^n (ref.cont ca) (cont.bind $ct $ct') --> S'; F; (ref.cont |S.conts|)
;;     iff ... n = |t1*| - |t1'*| ... E = E'[v^n _]
;; so the bound continuation still takes t1'* = [i32]: 10 - 3 = 7.
(module
  (type $f2 (func (param i32 i32) (result i32)))
  (type $k2 (cont $f2))
  (type $f1 (func (param i32) (result i32)))
  (type $k1 (cont $f1))
  (func $sub (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
  (elem declare func $sub)
  (func (export "bind-one") (result i32)
    (resume $k1 (i32.const 3)
      (cont.bind $k2 $k1 (i32.const 10) (cont.new $k2 (ref.func $sub))))))
(assert_return (invoke "bind-one") (i32.const 7))
