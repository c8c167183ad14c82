;; Binaryen 132 (wasm-opt --fuzz-exec; npm binaryen@132) aborts:
;; "Aborted(Assertion failed: isExn(), at: src/wasm/literal.cpp, ...,
;; getExnData)".  It takes the null exnref of resume_throw_ref as an
;; exception to throw into the continuation (test/continuations/README.md,
;; B5: wasm-shell throws it, the fuzzer's interpreter asserts).
;;
;; Found by test/fuzz/diff.sh on 2026-12-03 (generated seed 10044 at --size
;; 2, whose fault pattern cancels with a null exnref; reduced by its reducer
;; from 423 bytes to 69).  The rule (Explainer, Reduction):
;;   S; F; (ref.null t) (ref.cont ca) (resume_throw_ref $ct hdl*)  -->  S; F; trap
;;     iff S.conts[ca] = E
(module
  (type $f (func))
  (type $k (cont $f))
  (func $g)
  (elem declare func $g)
  (func (export "p0") (resume_throw_ref $k (ref.null exn) (cont.new $k (ref.func $g)))))
(assert_trap (invoke "p0") "null exception reference")
