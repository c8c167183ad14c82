;; handler-contexts.wast -- the handler search for `suspend`.
;;
;; Explainer, "Specification changes > Execution > Handler contexts":
;;
;;   H^ea ::=
;;     _
;;     val* H^ea instr*
;;     label_n{instr*} H^ea end
;;     frame_n{F} H^ea end
;;     catch{...} H^ea end
;;     prompt{hdl*} H^ea end   (iff ea notin hdl*)
;;
;; Explainer, "Specification changes > Execution > Reduction":
;;
;;   * `S; F; (prompt{hdl1* (on ea $l) hdl2*} H^ea[v^n (suspend ea)] end)
;;        --> S'; F; v^n (ref.cont |S.conts|) (br $l)`
;;     - iff `forall $l', (on ea $l') notin hdl1*`
;;     - and `S.tags[ea].type ~~ [t1^n] -> [t2^m]`
;;     - and `S' = S with conts += (H^ea : m)`
;;
;; Explainer, "Specification changes > Execution":
;;
;;   "When searching for a handler for an event, only handlers for the
;;   matching kind of event are considered, e.g. only `(on $e $l)` handlers
;;   can handle `suspend` events [...]. The handler search continues past
;;   handlers for the wrong kind of event, even if they use the correct tag."
;;
;; Explainer, "Instruction set extension > Suspending continuations":
;;
;;   "It suspends the current continuation up to the nearest enclosing
;;   handler for `$e`. This behaviour is similar to how raising an exception
;;   transfers control to the nearest exception handler that handles the
;;   exception."
;;
;; This file checks which handler a `suspend` reaches: the innermost prompt
;; with a clause for the tag; within that prompt the first such clause;
;; prompts without a clause for the tag are part of H^ea, so they are
;; captured in the continuation and are in force again when it is resumed
;; (forwarding through one and two prompts, re-suspending afterwards);
;; exception handlers (`catch{...}`) never handle a suspension and are
;; captured as well; the handler label may be outside try_table, block and
;; loop constructs of the resumer, which the branch leaves; the handler
;; search is dynamic (it depends on where a continuation is resumed, not
;; where it was created); and when no prompt handles the tag the suspension
;; escapes (`assert_suspension`). Prompts with `(on $e switch)` clauses, which
;; a suspend passes (the wrong-kind rule), are tested in
;; reduction-switch.wast, the one file that may contain `switch`.

;; ---------------------------------------------------------------------------
;; 1. Innermost prompt first, and first matching clause within a prompt.
;;    All results encode the label reached as a number.

(module $order
  (type $fv (func))
  (type $kv (cont $fv))
  (type $fi (func (param i32)))
  (type $ki (cont $fi))
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (tag $e)
  (tag $f)
  (tag $g)

  ;; suspends $e, $f or $g for an argument of 0, 1 or 2
  (func $pick (param i32)
    (block $done
      (block $2
        (block $1
          (block $0
            (br_table $0 $1 $2 $done (local.get 0)))
          (suspend $e) (return))
        (suspend $f) (return))
      (suspend $g)))
  (func $suspend-e (suspend $e))
  (elem declare func $pick $suspend-e)

  ;; -- within one prompt -----------------------------------------------
  (func (export "same-tag-twice") (result i32)
    (block $h2 (result (ref $kv))
      (block $h1 (result (ref $kv))
        (resume $kv (on $e $h1) (on $e $h2) (cont.new $kv (ref.func $suspend-e)))
        (return (i32.const 0)))
      (return (i32.const 1)))
    (drop) (i32.const 2))
  (func (export "same-tag-twice-reversed-labels") (result i32)
    (block $h2 (result (ref $kv))
      (block $h1 (result (ref $kv))
        (resume $kv (on $e $h2) (on $e $h1) (cont.new $kv (ref.func $suspend-e)))
        (return (i32.const 0)))
      (return (i32.const 1)))
    (drop) (i32.const 2))
  (func (export "same-tag-thrice") (result i32)
    (block $h3 (result (ref $kv))
      (block $h2 (result (ref $kv))
        (block $h1 (result (ref $kv))
          (resume $kv (on $e $h3) (on $e $h1) (on $e $h2)
            (cont.new $kv (ref.func $suspend-e)))
          (return (i32.const 0)))
        (return (i32.const 1)))
      (return (i32.const 2)))
    (drop) (i32.const 3))
  ;; one resume, five clauses, three tags; $e -> 1, $f -> 2, $g -> 3
  (func (export "mixed-clauses") (param i32) (result i32)
    (block $h3 (result (ref $kv))
      (block $h2 (result (ref $kv))
        (block $h1 (result (ref $kv))
          (resume $ki (on $g $h3) (on $e $h1) (on $f $h2) (on $e $h3) (on $g $h1)
            (local.get 0) (cont.new $ki (ref.func $pick)))
          (return (i32.const 0)))
        (return (i32.const 1)))
      (return (i32.const 2)))
    (drop) (i32.const 3))
  ;; two tags sharing one label, a third tag on its own
  (func (export "shared-label") (param i32) (result i32)
    (block $h2 (result (ref $kv))
      (block $h1 (result (ref $kv))
        (resume $ki (on $f $h1) (on $g $h2) (on $e $h1)
          (local.get 0) (cont.new $ki (ref.func $pick)))
        (return (i32.const 0)))
      (return (i32.const 1)))
    (drop) (i32.const 2))

  ;; -- across prompts --------------------------------------------------
  ;; $inner resumes $pick under (on $f $i1) (on $e $i2) and returns 10 or
  ;; 20 for its labels, 0 when $pick returns. $outer resumes $inner under
  ;; (on $e $o1) (on $f $o1) (on $g $o2) and returns 30 / 40 for its labels,
  ;; or $inner's result.
  (global $arg (mut i32) (i32.const 0))
  (func $inner (result i32)
    (block $i2 (result (ref $kv))
      (block $i1 (result (ref $kv))
        (resume $ki (on $f $i1) (on $e $i2) (global.get $arg) (cont.new $ki (ref.func $pick)))
        (return (i32.const 0)))
      (return (i32.const 10)))
    (drop) (i32.const 20))
  (elem declare func $inner)
  (func (export "nested") (param i32) (result i32)
    (global.set $arg (local.get 0))
    (block $o2 (result (ref $kr))
      (block $o1 (result (ref $kr))
        (return
          (resume $kr (on $e $o1) (on $f $o1) (on $g $o2) (cont.new $kr (ref.func $inner)))))
      (return (i32.const 30)))
    (drop) (i32.const 40))

  ;; three prompts that all handle $e: the innermost wins
  (func $level3 (result i32)
    (block $h (result (ref $kv))
      (resume $kv (on $e $h) (cont.new $kv (ref.func $suspend-e)))
      (return (i32.const 0)))
    (drop) (i32.const 3))
  (func $level2 (result i32)
    (block $h (result (ref $kr))
      (return (resume $kr (on $e $h) (cont.new $kr (ref.func $level3)))))
    (drop) (i32.const 2))
  (elem declare func $level3 $level2)
  (func (export "three-levels-innermost") (result i32)
    (block $h (result (ref $kr))
      (return (resume $kr (on $e $h) (cont.new $kr (ref.func $level2)))))
    (drop) (i32.const 1))

  ;; The handler code of the inner prompt runs outside that prompt: a
  ;; suspend there goes to the outer prompt.
  (func $inner-resuspends (result i32)
    (block $h (result (ref $kv))
      (resume $kv (on $e $h) (cont.new $kv (ref.func $suspend-e)))
      (return (i32.const 0)))
    (drop)
    (suspend $e)
    (i32.const 5))
  (elem declare func $inner-resuspends)
  (func (export "handler-code-suspends") (result i32)
    (block $h (result (ref $kr))
      (return (resume $kr (on $e $h) (cont.new $kr (ref.func $inner-resuspends)))))
    (drop)
    (i32.const 7))
)

(assert_return (invoke "same-tag-twice") (i32.const 1))
(assert_return (invoke "same-tag-twice-reversed-labels") (i32.const 2))
(assert_return (invoke "same-tag-thrice") (i32.const 3))
(assert_return (invoke "mixed-clauses" (i32.const 0)) (i32.const 1))
(assert_return (invoke "mixed-clauses" (i32.const 1)) (i32.const 2))
(assert_return (invoke "mixed-clauses" (i32.const 2)) (i32.const 3))
(assert_return (invoke "mixed-clauses" (i32.const 3)) (i32.const 0))
(assert_return (invoke "shared-label" (i32.const 0)) (i32.const 1))
(assert_return (invoke "shared-label" (i32.const 1)) (i32.const 1))
(assert_return (invoke "shared-label" (i32.const 2)) (i32.const 2))
(assert_return (invoke "nested" (i32.const 0)) (i32.const 20))
(assert_return (invoke "nested" (i32.const 1)) (i32.const 10))
(assert_return (invoke "nested" (i32.const 2)) (i32.const 40))
(assert_return (invoke "nested" (i32.const 3)) (i32.const 0))
(assert_return (invoke "three-levels-innermost") (i32.const 3))
(assert_return (invoke "handler-code-suspends") (i32.const 7))

;; ---------------------------------------------------------------------------
;; 2. Forwarding. Three prompts are nested: level 1 (outermost) resumes
;;    level 2, which resumes level 3, which resumes the body. The body runs a
;;    "program" of suspensions: the decimal digits of $prog, read from the
;;    right, name the tag to suspend (1 = $a, 2 = $b, 3 = $c, 4 = $d). Each
;;    level handles the tags of its configuration; whenever one of its
;;    labels is reached it appends `level tag` (two digits) to $log and
;;    resumes the continuation it received, under its own handler again.
;;    When a level's continuation returns, the level appends `level count`
;;    (how many suspensions it handled, kept in a local of that level's
;;    frame). A suspension handled by an outer level passes the inner
;;    prompts, which are then part of its continuation: when the outer level
;;    resumes it, they are in force again, with their frames intact.
;;
;;    Configuration X: level 1 {a}, level 2 {b}, level 3 {c}
;;    Configuration Y: level 1 {a, b, c, d}, level 2 {b}, level 3 {c}
;;    Configuration Z: level 1 {d, b}, level 2 {a, d}, level 3 {} (no clause)

(module $forwarding
  (type $fv (func))
  (type $kv (cont $fv))
  (tag $a)
  (tag $b)
  (tag $c)
  (tag $d)
  (global $prog (mut i64) (i64.const 0))
  (global $cur (mut i64) (i64.const 0))
  (global $log (mut i64) (i64.const 0))

  (func $note (param $level i64) (param $x i64)
    (global.set $log
      (i64.add (i64.mul (global.get $log) (i64.const 100))
               (i64.add (i64.mul (local.get $level) (i64.const 10)) (local.get $x)))))

  (func $body
    (loop $next
      (global.set $cur (i64.rem_u (global.get $prog) (i64.const 10)))
      (global.set $prog (i64.div_u (global.get $prog) (i64.const 10)))
      (block $done
        (block $4
          (block $3
            (block $2
              (block $1
                (br_table $done $1 $2 $3 $4 $done (i32.wrap_i64 (global.get $cur))))
              (suspend $a) (br $next))
            (suspend $b) (br $next))
          (suspend $c) (br $next))
        (suspend $d) (br $next))))
  (elem declare func $body)

  ;; Configuration X
  (func $x3
    (local $k (ref null $kv)) (local $n i64)
    (local.set $k (cont.new $kv (ref.func $body)))
    (loop $l
      (block $h (result (ref $kv))
        (resume $kv (on $c $h) (local.get $k))
        (call $note (i64.const 3) (local.get $n))
        (return))
      (local.set $k)
      (local.set $n (i64.add (local.get $n) (i64.const 1)))
      (call $note (i64.const 3) (global.get $cur))
      (br $l)))
  (func $x2
    (local $k (ref null $kv)) (local $n i64)
    (local.set $k (cont.new $kv (ref.func $x3)))
    (loop $l
      (block $h (result (ref $kv))
        (resume $kv (on $b $h) (local.get $k))
        (call $note (i64.const 2) (local.get $n))
        (return))
      (local.set $k)
      (local.set $n (i64.add (local.get $n) (i64.const 1)))
      (call $note (i64.const 2) (global.get $cur))
      (br $l)))
  (func $x1
    (local $k (ref null $kv)) (local $n i64)
    (local.set $k (cont.new $kv (ref.func $x2)))
    (loop $l
      (block $h (result (ref $kv))
        (resume $kv (on $a $h) (local.get $k))
        (call $note (i64.const 1) (local.get $n))
        (return))
      (local.set $k)
      (local.set $n (i64.add (local.get $n) (i64.const 1)))
      (call $note (i64.const 1) (global.get $cur))
      (br $l)))
  (elem declare func $x3 $x2)
  (func (export "x") (param i64) (result i64)
    (global.set $log (i64.const 0))
    (global.set $prog (local.get 0))
    (call $x1)
    (global.get $log))

  ;; Configuration Y: level 1 also has clauses for the tags levels 2 and 3
  ;; handle; they are shadowed by the inner prompts.
  (func $y1
    (local $k (ref null $kv)) (local $n i64)
    (local.set $k (cont.new $kv (ref.func $x2)))
    (loop $l
      (block $h (result (ref $kv))
        (resume $kv (on $a $h) (on $b $h) (on $c $h) (on $d $h) (local.get $k))
        (call $note (i64.const 1) (local.get $n))
        (return))
      (local.set $k)
      (local.set $n (i64.add (local.get $n) (i64.const 1)))
      (call $note (i64.const 1) (global.get $cur))
      (br $l)))
  (func (export "y") (param i64) (result i64)
    (global.set $log (i64.const 0))
    (global.set $prog (local.get 0))
    (call $y1)
    (global.get $log))

  ;; Configuration Z
  (func $z3
    (local $k (ref null $kv))
    (local.set $k (cont.new $kv (ref.func $body)))
    (resume $kv (local.get $k))
    (call $note (i64.const 3) (i64.const 0)))
  (func $z2
    (local $k (ref null $kv)) (local $n i64)
    (local.set $k (cont.new $kv (ref.func $z3)))
    (loop $l
      (block $h (result (ref $kv))
        (resume $kv (on $a $h) (on $d $h) (local.get $k))
        (call $note (i64.const 2) (local.get $n))
        (return))
      (local.set $k)
      (local.set $n (i64.add (local.get $n) (i64.const 1)))
      (call $note (i64.const 2) (global.get $cur))
      (br $l)))
  (func $z1
    (local $k (ref null $kv)) (local $n i64)
    (local.set $k (cont.new $kv (ref.func $z2)))
    (loop $l
      (block $h (result (ref $kv))
        (resume $kv (on $d $h) (on $b $h) (local.get $k))
        (call $note (i64.const 1) (local.get $n))
        (return))
      (local.set $k)
      (local.set $n (i64.add (local.get $n) (i64.const 1)))
      (call $note (i64.const 1) (global.get $cur))
      (br $l)))
  (elem declare func $z3 $z2)
  (func (export "z") (param i64) (result i64)
    (global.set $log (i64.const 0))
    (global.set $prog (local.get 0))
    (call $z1)
    (global.get $log))
)

;; no suspension: every level reports 0 handled
(assert_return (invoke "x" (i64.const 0)) (i64.const 302010))
;; c handled by level 3 directly
(assert_return (invoke "x" (i64.const 3)) (i64.const 33312010))
;; b forwarded past level 3
(assert_return (invoke "x" (i64.const 2)) (i64.const 22302110))
;; a forwarded past levels 3 and 2
(assert_return (invoke "x" (i64.const 1)) (i64.const 11302011))
;; a (to level 1), then c: level 3 was captured and resumed by level 1
(assert_return (invoke "x" (i64.const 31)) (i64.const 1133312011))
;; a, then b: level 2 is back as well
(assert_return (invoke "x" (i64.const 21)) (i64.const 1122302111))
;; re-suspending after forwarding: a, a, a
(assert_return (invoke "x" (i64.const 111)) (i64.const 11_11_11_30_20_13))
;; a, c, b, c, a: each level counts what it handled
(assert_return (invoke "x" (i64.const 13231)) (i64.const 11_33_22_33_11_32_21_12))
;; b, a, b, c, c
(assert_return (invoke "x" (i64.const 33212)) (i64.const 22_11_22_33_33_32_22_11))
;; a, b, c: each level once
(assert_return (invoke "x" (i64.const 321)) (i64.const 11_22_33_31_21_11))
;; Y: level 1's clauses for b and c are shadowed
(assert_return (invoke "y" (i64.const 3)) (i64.const 33312010))
(assert_return (invoke "y" (i64.const 2)) (i64.const 22302110))
(assert_return (invoke "y" (i64.const 4)) (i64.const 14302011))
(assert_return (invoke "y" (i64.const 4321)) (i64.const 11_22_33_14_31_21_12))
;; Z: level 3 has no clauses; level 2's d shadows level 1's
(assert_return (invoke "z" (i64.const 1)) (i64.const 21302110))
(assert_return (invoke "z" (i64.const 4)) (i64.const 24302110))
(assert_return (invoke "z" (i64.const 2)) (i64.const 12302011))
(assert_return (invoke "z" (i64.const 4241)) (i64.const 21_24_12_24_30_23_11))
;; d, c, b, a under Y
(assert_return (invoke "y" (i64.const 1234)) (i64.const 14_33_22_11_31_21_12))
;; d, b, d, b under Z: level 2 and level 1 alternate
(assert_return (invoke "z" (i64.const 2424)) (i64.const 24_12_24_12_30_22_12))
;; nobody handles d in X, or c in Z (also after some forwarding)
(assert_suspension (invoke "x" (i64.const 4)) "unhandled tag")
(assert_suspension (invoke "x" (i64.const 4231)) "unhandled tag")
(assert_suspension (invoke "z" (i64.const 3)) "unhandled tag")
(assert_suspension (invoke "z" (i64.const 321)) "unhandled tag")

;; ---------------------------------------------------------------------------
;; 3. The search is dynamic: a continuation holds only H^ea, not the prompts
;;    outside it, so its next suspension goes to whatever prompts enclose it
;;    where it is resumed. The body first suspends $a (caught and stored by
;;    $start); it is then resumed inside two new prompts, R {c} around
;;    Q {b}, and suspends the tag chosen by its argument.

(module $dynamic
  (type $fv (func))
  (type $kv (cont $fv))
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (tag $a)
  (tag $b)
  (tag $c)
  (global $sel (mut i32) (i32.const 0))
  (global $k (mut (ref null $kv)) (ref.null $kv))

  (func $body
    (suspend $a)
    (if (i32.eq (global.get $sel) (i32.const 1)) (then (suspend $a)))
    (if (i32.eq (global.get $sel) (i32.const 2)) (then (suspend $b)))
    (if (i32.eq (global.get $sel) (i32.const 3)) (then (suspend $c))))
  (elem declare func $body)

  (func $start
    (block $h (result (ref $kv))
      (resume $kv (on $a $h) (cont.new $kv (ref.func $body)))
      (unreachable))
    (global.set $k))
  ;; Q: resumes the stored continuation with (on $b)
  (func $q (result i32)
    (block $hq (result (ref $kv))
      (resume $kv (on $b $hq) (global.get $k))
      (return (i32.const 100)))
    (drop) (i32.const 200))
  (elem declare func $q)
  ;; R around Q, with (on $c)
  (func $r (result i32)
    (block $hr (result (ref $kr))
      (return (resume $kr (on $c $hr) (cont.new $kr (ref.func $q)))))
    (drop) (i32.const 300))
  (func (export "resumed-elsewhere") (param i32) (result i32)
    (global.set $sel (local.get 0))
    (call $start)
    (call $r))
)

(assert_return (invoke "resumed-elsewhere" (i32.const 0)) (i32.const 100))
(assert_return (invoke "resumed-elsewhere" (i32.const 2)) (i32.const 200))
(assert_return (invoke "resumed-elsewhere" (i32.const 3)) (i32.const 300))
;; $a was handled where the continuation was created, not where it runs now
(assert_suspension (invoke "resumed-elsewhere" (i32.const 1)) "unhandled tag")

;; ---------------------------------------------------------------------------
;; 4. Exception handlers and handler labels.
;;    - `catch{...}` in H^ea: a try_table never handles a suspension, and a
;;      try_table inside the continuation is captured with it: while the
;;      continuation is suspended it catches nothing.
;;    - The handler label may be outside try_table, block and loop constructs
;;      of the resumer: the branch leaves them, so a try_table between the
;;      resume and the label no longer catches, while one outside the label
;;      still does.
;;    - Conversely a prompt's `(on $e $l)` clause does not catch a `throw`
;;      of the same tag.

(module $exceptions
  (type $fv (func))
  (type $kv (cont $fv))
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (tag $e)
  (tag $other)
  (tag $exn (param i32))

  ;; if the body's own try_table caught anything, the body would return 55
  (func $body-with-catch (result i32)
    (block $c (result i32)
      (try_table (result i32) (catch $exn $c)
        (suspend $e)
        (i32.const 1))
      (return))
    (drop) (i32.const 55))
  (elem declare func $body-with-catch)

  ;; The handler code throws $exn while the body (with its try_table) is
  ;; suspended: the throw reaches the resumer's own try_table (77 + 7).
  (func (export "captured-try_table-inactive") (result i32)
    (block $outer (result i32)
      (try_table (result i32) (catch $exn $outer)
        (block $h (result (ref $kr))
          (return (resume $kr (on $e $h) (cont.new $kr (ref.func $body-with-catch)))))
        (drop)
        (throw $exn (i32.const 7))))
    (i32.add (i32.const 77)))

  ;; Once resumed, the body's try_table is active again: the body is
  ;; resumed with resume_throw, whose exception appears at the suspend,
  ;; inside the body's try_table: 55.
  (func (export "captured-try_table-active-again") (result i32)
    (local $k (ref null $kr))
    (block $h (result (ref $kr))
      (return (resume $kr (on $e $h) (cont.new $kr (ref.func $body-with-catch)))))
    (local.set $k)
    (resume_throw $kr $exn (i32.const 3) (local.get $k)))

  ;; The resume sits in a try_table inside block $h: the branch to $h
  ;; leaves the try_table, so the handler code's throw goes to the outer
  ;; one (2000 + 9), not the inner one (1000 + 9).
  (func (export "label-outside-try_table") (result i32)
    (block $outer (result i32)
      (try_table (result i32) (catch $exn $outer)
        (block $h (result (ref $kv))
          (block $inner (result i32)
            (try_table (catch $exn $inner)
              (resume $kv (on $e $h) (cont.new $kv (ref.func $suspend-e))))
            (return (i32.const -1)))
          (return (i32.add (i32.const 1000))))
        (drop)
        (throw $exn (i32.const 9))))
    (i32.add (i32.const 2000)))
  (func $suspend-e (suspend $e))
  (elem declare func $suspend-e)

  ;; The label is inside a try_table that also contains the resume: that
  ;; try_table is still active when the handler code throws (3000 + 4).
  (func (export "label-inside-try_table") (result i32)
    (block $catch (result i32)
      (try_table (result i32) (catch $exn $catch)
        (block $h (result (ref $kv))
          (resume $kv (on $e $h) (cont.new $kv (ref.func $suspend-e)))
          (return (i32.const -1)))
        (drop)
        (throw $exn (i32.const 4))))
    (i32.add (i32.const 3000)))

  ;; The label is outside a loop and two blocks: the code right after the
  ;; resume (which would loop forever) does not run.
  (func (export "label-outside-loop") (result i32)
    (local $n i32)
    (block $h (result (ref $kv))
      (block (result i64)
        (loop $l
          (local.set $n (i32.add (local.get $n) (i32.const 1)))
          (block (result f32)
            (resume $kv (on $e $h) (cont.new $kv (ref.func $suspend-e)))
            (f32.const 0))
          (drop)
          (br $l))
        (unreachable))
      (drop)
      (return (i32.const -1)))
    (drop)
    (local.get $n))

  ;; The other way round: a prompt's (on $x $l) clause is not an
  ;; exception handler. Tags without results can be thrown: a throw of
  ;; $exn passes the prompt with (on $exn $h) and reaches the try_table
  ;; outside it (200 + 6), not the label $h (100 + 6); a throw of $e passes
  ;; (on $e $h) and leaves the invocation as an exception.
  (func $throw-e (throw $exn (i32.const 6)))
  (func $throw-tag-e (throw $e))
  (elem declare func $throw-e $throw-tag-e)
  (func (export "throw-passes-prompt") (result i32)
    (block $c (result i32)
      (try_table (catch $exn $c)
        (block $h (result i32 (ref $kv))
          (resume $kv (on $exn $h) (cont.new $kv (ref.func $throw-e)))
          (return (i32.const -1)))
        (drop) (return (i32.add (i32.const 100))))
      (unreachable))
    (i32.add (i32.const 200)))
  (func (export "throw-tag-passes-prompt")
    (block $h (result (ref $kv))
      (resume $kv (on $e $h) (cont.new $kv (ref.func $throw-tag-e)))
      (return))
    (drop))

  ;; A try_table with catch_all around a prompt-less suspension: the
  ;; suspension escapes, it is not turned into an exception.
  (func (export "catch_all-is-no-handler")
    (block $c
      (try_table (catch_all $c)
        (suspend $e))))
  ;; the same with a catch for the very tag (usable as an exception tag:
  ;; it has no results)
  (func (export "catch-same-tag-is-no-handler")
    (block $c
      (try_table (catch $e $c)
        (suspend $e))))
  ;; ... and a catch_all inside a continuation whose prompt handles other
  ;; tags only
  (func $suspend-in-catch-all
    (block $c
      (try_table (catch_all $c)
        (suspend $e))))
  (elem declare func $suspend-in-catch-all)
  (func (export "catch_all-in-continuation-is-no-handler")
    (block $h (result (ref $kv))
      (resume $kv (on $other $h) (cont.new $kv (ref.func $suspend-in-catch-all)))
      (return))
    (drop))
)

(assert_return (invoke "captured-try_table-inactive") (i32.const 84))
(assert_return (invoke "captured-try_table-active-again") (i32.const 55))
(assert_return (invoke "label-outside-try_table") (i32.const 2009))
(assert_return (invoke "label-inside-try_table") (i32.const 3004))
(assert_return (invoke "label-outside-loop") (i32.const 1))
(assert_return (invoke "throw-passes-prompt") (i32.const 206))
(assert_exception (invoke "throw-tag-passes-prompt"))
(assert_suspension (invoke "catch_all-is-no-handler") "unhandled tag")
(assert_suspension (invoke "catch-same-tag-is-no-handler") "unhandled tag")
(assert_suspension (invoke "catch_all-in-continuation-is-no-handler") "unhandled tag")

;; ---------------------------------------------------------------------------
;; 5. Forwarding with payloads and results, and across modules. The body
;;    asks the outer prompt ($ask, answered with twice the payload) and the
;;    inner prompt ($other, answered with three times the payload); the inner
;;    prompt's function adds 1000 to the body's result, the outer adds
;;    20000 to that: everything the forwarded continuation captured is kept.

(module $fwd-lib
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (type $fl (func (param i64) (result i32)))
  (type $kl (cont $fl))
  (tag $ask (export "ask") (param i32) (result i32))
  (tag $other (param i64) (result i64))
  (func $body (result i32)
    (local $x i32)
    (local.set $x (suspend $ask (i32.const 5)))
    (i32.add (local.get $x)
      (i32.wrap_i64 (suspend $other (i64.const 7)))))
  (elem declare func $body)
  ;; the inner prompt: handles $other only, in a loop
  (func (export "inner") (result i32)
    (local $k (ref null $kr)) (local $kl (ref null $kl))
    (local.set $k (cont.new $kr (ref.func $body)))
    (loop $l
      (block $h (result i64 (ref $kl))
        (return (i32.add (resume $kr (on $other $h) (local.get $k)) (i32.const 1000))))
      (local.set $kl)
      (i64.mul (i64.const 3))
      (local.set $k (cont.bind $kl $kr (local.get $kl)))
      (br $l))
    (unreachable))
)
(register "fwd-lib" $fwd-lib)

(module $fwd-user
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (type $fi (func (param i32) (result i32)))
  (type $ki (cont $fi))
  (import "fwd-lib" "ask" (tag $ask (param i32) (result i32)))
  (import "fwd-lib" "inner" (func $inner (result i32)))
  (elem declare func $inner)
  (func (export "forward-across-modules") (result i32)
    (local $k (ref null $kr)) (local $ki (ref null $ki))
    (local.set $k (cont.new $kr (ref.func $inner)))
    (loop $l
      (block $h (result i32 (ref $ki))
        (return (i32.add (resume $kr (on $ask $h) (local.get $k)) (i32.const 20000))))
      (local.set $ki)
      (i32.mul (i32.const 2))
      (local.set $k (cont.bind $ki $kr (local.get $ki)))
      (br $l))
    (unreachable))
  ;; without the outer prompt, $ask is not handled by the inner one
  (func (export "inner-alone") (result i32) (call $inner))
)

(assert_return (invoke "forward-across-modules") (i32.const 21031))
(assert_suspension (invoke "inner-alone") "unhandled tag")

;; ---------------------------------------------------------------------------
;; 6. The prompts of resume_throw and resume_throw_ref handle suspensions
;;    like those of resume: the exception is caught inside the body, which
;;    then suspends again; the second suspension goes to the clauses of the
;;    resume_throw (or passes them to an enclosing prompt).

(module $throw-prompts
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (type $fi (func (param i32) (result i32)))
  (type $ki (cont $fi))
  (tag $a)
  (tag $b (param i32) (result i32))
  (tag $exn (param i32))

  ;; suspends $a inside a try_table; a caught $exn value v is then sent
  ;; with $b; the answer + 1 is the result
  (func $body (result i32)
    (block $c (result i32)
      (try_table (result i32) (catch $exn $c)
        (suspend $a)
        (i32.const -100))
      (return))
    (suspend $b)
    (i32.add (i32.const 1)))
  (elem declare func $body)

  (func $first (result (ref $kr))
    (block $h (result (ref $kr))
      (drop (resume $kr (on $a $h) (cont.new $kr (ref.func $body))))
      (unreachable)))

  ;; v = 5 arrives at resume_throw's own $b clause; answered with 10
  ;; result: 100 * v + (10 + 1)
  (func (export "resume_throw-clause") (result i32)
    (local $ki (ref null $ki))
    (block $h (result i32 (ref $ki))
      (return (resume_throw $kr $exn (on $b $h) (i32.const 5) (call $first))))
    (local.set $ki)
    (i32.mul (i32.const 100))
    (resume $ki (i32.const 10) (local.get $ki))
    (i32.add))
  ;; resume_throw whose clauses do not cover $b, inside a resume that does:
  ;; the suspension passes the resume_throw's prompt
  (func $throw-without-b (result i32)
    (block $h (result (ref $kr))
      (return (resume_throw $kr $exn (on $a $h) (i32.const 7) (call $first))))
    (drop) (i32.const -1))
  (elem declare func $throw-without-b)
  (func (export "resume_throw-forwards") (result i32)
    (local $ki (ref null $ki))
    (block $h (result i32 (ref $ki))
      (return (resume $kr (on $b $h) (cont.new $kr (ref.func $throw-without-b)))))
    (local.set $ki)
    (i32.mul (i32.const 100))
    (resume $ki (i32.const 30) (local.get $ki))
    (i32.add))
  ;; ... and with no enclosing prompt: unhandled
  (func (export "resume_throw-unhandled") (result i32)
    (call $throw-without-b))
)

(assert_return (invoke "resume_throw-clause") (i32.const 511))
(assert_return (invoke "resume_throw-forwards") (i32.const 731))
(assert_suspension (invoke "resume_throw-unhandled") "unhandled tag")

;; The same for resume_throw_ref, in a module of its own (an engine that
;; gets resume_throw_ref wrong then fails this assertion only): $body and
;; $first as in $throw-prompts.
(module $throw-ref-prompts
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (type $fi (func (param i32) (result i32)))
  (type $ki (cont $fi))
  (tag $a)
  (tag $b (param i32) (result i32))
  (tag $exn (param i32))

  ;; suspends $a inside a try_table; a caught $exn value v is then sent
  ;; with $b; the answer + 1 is the result
  (func $body (result i32)
    (block $c (result i32)
      (try_table (result i32) (catch $exn $c)
        (suspend $a)
        (i32.const -100))
      (return))
    (suspend $b)
    (i32.add (i32.const 1)))
  (elem declare func $body)

  (func $first (result (ref $kr))
    (block $h (result (ref $kr))
      (drop (resume $kr (on $a $h) (cont.new $kr (ref.func $body))))
      (unreachable)))

  ;; v = 6 (thrown, caught as an exnref) arrives at resume_throw_ref's own
  ;; $b clause; answered with 20. result: 100 * v + (20 + 1)
  (func (export "resume_throw_ref-clause") (result i32)
    (local $ki (ref null $ki)) (local $x exnref)
    (block $c (result exnref)
      (try_table (catch_all_ref $c) (throw $exn (i32.const 6)))
      (unreachable))
    (local.set $x)
    (block $h (result i32 (ref $ki))
      (return (resume_throw_ref $kr (on $b $h) (local.get $x) (call $first))))
    (local.set $ki)
    (i32.mul (i32.const 100))
    (resume $ki (i32.const 20) (local.get $ki))
    (i32.add))
)

(assert_return (invoke "resume_throw_ref-clause") (i32.const 621))

;; ---------------------------------------------------------------------------
;; 7. Unhandled suspensions: when no enclosing prompt has a clause for the
;;    tag, no reduction rule applies and the suspension escapes the
;;    invocation. Each case is paired with a neighbour that is handled, so
;;    that the unhandled one cannot pass by accident.

(module $unhandled
  (type $fv (func))
  (type $kv (cont $fv))
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (tag $a)
  (tag $b)
  (tag $q (param i32 i64) (result f64))

  (func $suspend-a (suspend $a))
  (func $suspend-q (drop (suspend $q (i32.const 1) (i64.const 2))))
  (func $calls-suspend-a (call $suspend-a))
  (elem declare func $suspend-a $suspend-q $calls-suspend-a)

  ;; no resume at all
  (func (export "no-resume") (suspend $a))
  (func (export "no-resume-deep") (call $calls-suspend-a))
  (func (export "no-resume-payload") (call $suspend-q))

  ;; a resume without any clause
  (func (export "no-clauses") (resume $kv (cont.new $kv (ref.func $calls-suspend-a))))
  ;; a resume with clauses for other tags only
  (func (export "other-clauses")
    (block $h (result (ref $kv))
      (resume $kv (on $b $h) (cont.new $kv (ref.func $calls-suspend-a)))
      (return))
    (drop))
  ;; the same resume, body suspending $b: handled
  (func $suspend-b (suspend $b))
  (elem declare func $suspend-b)
  (func (export "other-clauses-handled") (result i32)
    (block $h (result (ref $kv))
      (resume $kv (on $b $h) (cont.new $kv (ref.func $suspend-b)))
      (return (i32.const 0)))
    (drop) (i32.const 1))

  ;; The inner prompt (with a clause for $a) was left when its body
  ;; returned; then the outer body suspends $a, and the outer prompt only
  ;; has $b.
  (global $after-inner (mut i32) (i32.const 0))
  (func $nop)
  (elem declare func $nop)
  (func $inner-then-suspend
    (block $h (result (ref $kv))
      (resume $kv (on $a $h) (cont.new $kv (ref.func $nop)))
      (global.set $after-inner (i32.const 1))
      (if (global.get $after-inner) (then (suspend $a)))
      (return))
    (drop))
  (elem declare func $inner-then-suspend)
  (func (export "inner-prompt-left")
    (block $h (result (ref $kv))
      (resume $kv (on $b $h) (cont.new $kv (ref.func $inner-then-suspend)))
      (return))
    (drop))
  ;; the same with an outer clause for $a: handled
  (func (export "inner-prompt-left-outer-handles") (result i32)
    (block $h (result (ref $kv))
      (resume $kv (on $b $h) (on $a $h) (cont.new $kv (ref.func $inner-then-suspend)))
      (return (i32.const 0)))
    (drop) (i32.const 1))

  ;; The inner prompt handled $a once; its handler code (outside the
  ;; inner prompt) suspends $a again.
  (func $inner-handler-suspends
    (block $h (result (ref $kv))
      (resume $kv (on $a $h) (cont.new $kv (ref.func $suspend-a)))
      (return))
    (drop)
    (suspend $a))
  (elem declare func $inner-handler-suspends)
  (func (export "inner-handler-code")
    (block $h (result (ref $kv))
      (resume $kv (on $b $h) (cont.new $kv (ref.func $inner-handler-suspends)))
      (return))
    (drop))
  (func (export "inner-handler-code-no-outer") (call $inner-handler-suspends))

  ;; A continuation obtained from a handler and then resumed without one.
  (func $twice (suspend $a) (suspend $a))
  (elem declare func $twice)
  (func (export "second-resume-without-clause")
    (block $h (result (ref $kv))
      (resume $kv (on $a $h) (cont.new $kv (ref.func $twice)))
      (return))
    (resume $kv))
  ;; the same, but the second resume has the clause: handled
  (func (export "second-resume-with-clause") (result i32)
    (block $h2 (result (ref $kv))
      (block $h (result (ref $kv))
        (resume $kv (on $a $h) (cont.new $kv (ref.func $twice)))
        (return (i32.const 0)))
      (resume $kv (on $a $h2))
      (return (i32.const 1)))
    (drop) (i32.const 2))

  ;; a tag with parameters and results, under a resume for other tags
  (func (export "payload-other-clauses")
    (block $h (result (ref $kv))
      (resume $kv (on $a $h) (on $b $h) (cont.new $kv (ref.func $suspend-q)))
      (return))
    (drop))
)

(assert_suspension (invoke "no-resume") "unhandled tag")
(assert_suspension (invoke "no-resume-deep") "unhandled tag")
(assert_suspension (invoke "no-resume-payload") "unhandled tag")
(assert_suspension (invoke "no-clauses") "unhandled tag")
(assert_suspension (invoke "other-clauses") "unhandled tag")
(assert_return (invoke "other-clauses-handled") (i32.const 1))
(assert_suspension (invoke "inner-prompt-left") "unhandled tag")
(assert_return (invoke "inner-prompt-left-outer-handles") (i32.const 1))
(assert_suspension (invoke "inner-handler-code") "unhandled tag")
(assert_suspension (invoke "inner-handler-code-no-outer") "unhandled tag")
(assert_suspension (invoke "second-resume-without-clause") "unhandled tag")
(assert_return (invoke "second-resume-with-clause") (i32.const 2))
(assert_suspension (invoke "payload-other-clauses") "unhandled tag")
