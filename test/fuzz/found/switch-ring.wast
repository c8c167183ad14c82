;; V8 14.6 (Node 26.12.1, --experimental-wasm-wasmfx) aborts the process when
;; it compiles a function with `switch` or `(on $e switch)`: "# Fatal error in
;; , line 0 / # unimplemented code" (SIGTRAP; test/continuations/README.md,
;; V1).  Binaryen 132 (wasm-opt --fuzz-exec, wasm-shell) aborts too, with an
;; uncaught C++ exception (B1).
;;
;; Found by test/fuzz/diff.sh on 2026-12-03 (every generated module with a
;; switch that either engine reached), written small by hand.  The rules
;; (Explainer, Instructions and Reduction):
;;   switch $ct1 tu : [t1* (ref null $ct1)] -> [t2*]
;;     iff tu : [] -> [t*] and C.types[$ct1] ~~ cont [t1* (ref null? $ct2)] -> [te1*]
;;     and te1* <: t* and C.types[$ct2] ~~ cont [t2*] -> [te2*] and t* <: te2*
;;   S; F; (prompt{hdl1* (on ea switch) hdl2*} H^ea[v^n (ref.cont ca) (switch $ct ea)] end)
;;     --> S''; F; prompt{hdl1* (on ea switch) hdl2*} E[v^n (ref.cont |S.conts|)] end
;; $a switches to $b, handing it $a's own continuation; $b returns, which
;; ends the prompt: the resume returns.
(module
  (rec (type $sf (func (param (ref null $sk)))) (type $sk (cont $sf)))
  (tag $sw)
  (global $log (mut i32) (i32.const 0))
  (func $a (type $sf)
    (global.set $log (i32.const 1))
    (drop (switch $sk $sw (cont.new $sk (ref.func $b))))
    (global.set $log (i32.const 99)))
  (func $b (type $sf)
    (if (ref.is_null (local.get 0)) (then (unreachable)))
    (global.set $log (i32.add (global.get $log) (i32.const 10))))
  (elem declare func $a $b)
  (func (export "ring") (result i32)
    (resume $sk (on $sw switch) (ref.null $sk) (cont.new $sk (ref.func $a)))
    (global.get $log)))
(assert_return (invoke "ring") (i32.const 11))
