;; Binaryen 132 (wasm-opt, wasm-shell; npm binaryen@132) rejects this valid
;; module: "[parse exception: popping from empty stack]" (and, with --debug,
;; "Assertion failed: *currp ... pushTask").  It gives a switch no results,
;; though its type has them (test/continuations/README.md, B14).
;;
;; Found by test/fuzz/diff.sh on 2026-12-03 (generated seed 10116 at --size
;; 2, reduced by its reducer from 379 bytes to 44, then given an export).
;; The rule (Explainer, Instructions):
;;   switch $ct1 tu : [t1* (ref null $ct1)] -> [t2*]
;;     iff tu : [] -> [t*] and C.types[$ct1] ~~ cont [t1* (ref null? $ct2)] -> [te1*]
;;     and te1* <: t* and C.types[$ct2] ~~ cont [t2*] -> [te2*] and t* <: te2*
;; Here $ct1 = $ct2 = $sk, so t2* = [(ref null $sk)]: the drop takes it.  Run,
;; the continuation is null (Reduction: "S; F; (ref.null t) (switch $ct ea)
;; --> S; F; trap").
(module
  (rec (type $sf (func (param (ref null $sk)))) (type $sk (cont $sf)))
  (tag $u)
  (func $p0 (type $sf) (drop (switch $sk $u (ref.null $sk))))
  (elem declare func $p0)
  (func (export "run")
    (resume $sk (on $u switch) (ref.null $sk) (cont.new $sk (ref.func $p0)))))
(assert_trap (invoke "run") "null continuation reference")
