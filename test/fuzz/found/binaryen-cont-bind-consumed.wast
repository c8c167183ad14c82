;; Binaryen 132 (wasm-opt --fuzz-exec, wasm-shell; npm binaryen@132) binds a
;; continuation that was already resumed: the cont.bind returns, where the
;; spec traps (test/continuations/README.md, B3).
;;
;; Found by test/fuzz/diff.sh on 2026-12-03 (generated seed 10086 at --size
;; 2: its fault pattern binds a used-up continuation), written small by hand.
;; The rule (Explainer, Reduction):
;;   S; F; (ref.cont ca) (cont.bind $ct $ct')  -->  S; F; trap   iff S.conts[ca] = epsilon
(module
  (type $f1 (func (param i32)))
  (type $k1 (cont $f1))
  (type $f0 (func))
  (type $k0 (cont $f0))
  (func $body (param i32))
  (elem declare func $body)
  (func (export "bind-consumed")
    (local $k (ref null $k1))
    (local.set $k (cont.new $k1 (ref.func $body)))
    (resume $k1 (i32.const 1) (local.get $k))
    (drop (cont.bind $k1 $k0 (i32.const 2) (local.get $k)))))
(assert_trap (invoke "bind-consumed") "continuation already consumed")
