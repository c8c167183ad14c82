;; V8 14.6 (Node 26.12.1, --experimental-wasm-wasmfx) accepts this invalid
;; module: it does not check the tag of a switch (test/continuations/README.md,
;; V6).  Compiling the function would then abort the process (V1), but the
;; module is accepted first.
;;
;; Found by test/fuzz/diff.sh --invalid on 2026-12-03 (seeds 33, 60, 101 of
;; --generate --invalid: a switch tag with a parameter or the wrong results),
;; written small by hand.  The rule (Explainer, Instructions):
;;   switch $ct1 tu : [t1* (ref null $ct1)] -> [t2*]
;;     iff tu : [] -> [t*] and ...
(assert_invalid
  (module
    (rec (type $sf (func (param (ref null $sk)))) (type $sk (cont $sf)))
    (tag $t (param i32))
    (func (param (ref null $sk)) (drop (switch $sk $t (local.get 0)))))
  "type mismatch")
