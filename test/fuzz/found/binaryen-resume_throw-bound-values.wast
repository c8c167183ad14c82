;; Binaryen 132 (wasm-opt --fuzz-exec, wasm-shell; npm binaryen@132) aborts:
;; "Fatal: expected f32, seeing i32 from (block $h (result f32) ...".  resume_throw on a
;; continuation made by cont.bind raises the exception with the bound values
;; added to its own (test/continuations/README.md, B4): the catch for tag $x
;; (param f32) gets the bound i32 (in the generated modules, a tuple of both).
;;
;; Found by test/fuzz/diff.sh on 2026-12-03 (generated seed 1 and others: a
;; cont.bind continuation kept in a table, cancelled with resume_throw;
;; reduced by its reducer, then written small by hand).  The rule (Explainer,
;; Reduction):
;;   S; F; v^m (ref.cont ca) (resume_throw $ct $e hdl*)
;;     --> S'; F; (ref.exn |S.exns|) (ref.const ca) (resume_throw_ref $ct hdl*)
;;     iff ta = F.module.tags[$e] and S.tags[ta].type ~~ [t1^m] -> [t2*]
;;     and S' = S with exns += {S.tags[ta], v^m}
;; The exception holds the resume_throw's own v^m, the tag's f32: 1.5.
(module
  (type $f2 (func (param i32 i32)))
  (type $k2 (cont $f2))
  (type $f1 (func (param i32)))
  (type $k1 (cont $f1))
  (tag $x (param f32))
  (func $body (param i32 i32))
  (elem declare func $body)
  (func (export "cancel-bound") (result f32)
    (block $h (result f32)
      (try_table (catch $x $h)
        (resume_throw $k1 $x (f32.const 1.5)
          (cont.bind $k2 $k1 (i32.const 10) (cont.new $k2 (ref.func $body)))))
      (f32.const -1))))
(assert_return (invoke "cancel-bound") (f32.const 1.5))
