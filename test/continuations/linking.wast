;; Control tags and continuations across module boundaries.
;;
;; Explainer, "Specification changes" / "Tags":
;;
;;   "We also introduce tag uses, which can be either tag indices or tag addresses:
;;    - `taguse ::= tagidx | tagaddr`"
;;
;; Explainer, "Reduction":
;;
;;   * `S; F; (suspend $e) --> S; F; (suspend ea)`
;;     - iff `ea = F.module.tags[$e]`
;;   * `S; F; v^n (ref.cont ca) (resume $ct hdl*)  -->  S'; F; prompt{hdl'*} E[v^n] end`
;;     - and `hdl'* = hdl*[F.module.tags / 0..|F.module.tags|-1]`
;;   * `S; F; (prompt{hdl1* (on ea $l) hdl2*} H^ea[v^n (suspend ea)] end)
;;        --> S'; F; v^n (ref.cont |S.conts|) (br $l)`
;;     - iff `forall $l', (on ea $l') notin hdl1*`
;;   * `S; F; v^m (ref.cont ca) (resume_throw $ct $e hdl*)  -->  ...`
;;     - iff `ta = F.module.tags[$e]`
;;
;; Explainer, "Handler contexts": `prompt{hdl*} H^ea end   (iff ea notin hdl*)`
;;
;; Explainer, "Store extensions": "New store component `conts` for allocated continuations".
;;
;; What this file checks: handlers and suspensions are matched by tag *address*, not by
;; index or type: an imported tag (directly, re-exported, or through a second registered
;; name) is the same tag as its export, while two tags of equal types, and the tags of two
;; instances of one module definition, are different tags. Tag imports must have the
;; exported tag's exact type (results included). Continuations live in the store, so one
;; made in one instance can be resumed, consumed and handled in another (passed through
;; functions, globals, tables and tag payloads), and continuation types are equal across
;; modules exactly when their (recursive) type definitions are.
;;
;; Organisation: sections 1-5 on tags (identity, re-export, several names, several instances,
;; import types), sections 6-8 on continuations and their types across instances.

;; ==========================================================================================
;; 1. An imported tag is the exported tag; a local tag of the same type is not.

;; $M exports three tags and functions that use them.
(module $M
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (tag $e (export "e") (param i32) (result i32))
  (tag $x (export "x") (param i32))
  (tag $u (export "u"))

  ;; asks the handler of $e about x; returns the answer + 1000
  (func $ask (export "ask") (param i32) (result i32)
    (i32.add (suspend $e (local.get 0)) (i32.const 1000)))
  ;; waits at $u inside a try_table for $x; returns its payload + 1, or 7 if resumed normally
  (func $wait-x (export "wait-x") (param i32) (result i32)
    (block $caught (result i32)
      (try_table (catch $x $caught) (suspend $u))
      (return (i32.const 7)))
    (i32.add (i32.const 1)))
  ;; runs f(v) as a continuation, answering every $e with payload * 2
  (func $handle (export "handle") (param $f (ref $ft)) (param $v i32) (result i32)
    (local $k (ref $ct))
    (local.set $k (cont.new $ct (local.get $f)))
    (loop $next
      (block $on-e (result i32 (ref $ct))
        (return (resume $ct (on $e $on-e) (local.get $v) (local.get $k))))
      (local.set $k)
      (local.set $v (i32.mul (i32.const 2)))
      (br $next))
    (unreachable))
  (elem declare func $ask)
  ;; M's own handler around M's own suspend: the baseline
  (func (export "self") (param i32) (result i32) (call $handle (ref.func $ask) (local.get 0)))
)
(register "M" $M)
(assert_return (invoke $M "self" (i32.const 4)) (i32.const 1008))

;; $A imports $M's tags and declares its own tags of the same types.
(module $A
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (type $ft0 (func (result i32)))
  (type $ct0 (cont $ft0))
  (import "M" "e" (tag $e (param i32) (result i32)))
  (import "M" "x" (tag $x (param i32)))
  (import "M" "u" (tag $u))
  (import "M" "ask" (func $ask (type $ft)))
  (import "M" "wait-x" (func $wait-x (type $ft)))
  (import "M" "handle" (func $handle (param (ref $ft) i32) (result i32)))
  (tag $mine (param i32) (result i32))  ;; the type of $e, but a different tag
  (tag $my-x (param i32))               ;; the type of $x, but a different tag
  (tag $my-u)                           ;; the type of $u, but a different tag

  (func $ask-e (type $ft) (i32.add (suspend $e (local.get 0)) (i32.const 3000)))
  (func $ask-mine (type $ft) (i32.add (suspend $mine (local.get 0)) (i32.const 2000)))
  (elem declare func $ask $wait-x $ask-e $ask-mine)

  ;; runs f(v) with a handler for the imported $e, answering payload * 3
  (func $on-e (param $f (ref $ft)) (param $v i32) (result i32)
    (local $k (ref null $ct))
    (block $h (result i32 (ref $ct))
      (return (resume $ct (on $e $h) (local.get $v) (cont.new $ct (local.get $f)))))
    (local.set $k)
    (i32.mul (i32.const 3))
    (resume $ct (local.get $k)))
  ;; runs f(v) with a handler for the local $mine, answering payload * 5
  (func $on-mine (param $f (ref $ft)) (param $v i32) (result i32)
    (local $k (ref null $ct))
    (block $h (result i32 (ref $ct))
      (return (resume $ct (on $mine $h) (local.get $v) (cont.new $ct (local.get $f)))))
    (local.set $k)
    (i32.mul (i32.const 5))
    (resume $ct (local.get $k)))
  ;; handlers for both: tells which label was taken (100 + payload for $mine,
  ;; 200 + payload for $e); the continuation is dropped
  (func $on-both (param $f (ref $ft)) (param $v i32) (result i32)
    (block $h-e (result i32 (ref $ct))
      (block $h-mine (result i32 (ref $ct))
        (return (resume $ct (on $mine $h-mine) (on $e $h-e) (local.get $v)
          (cont.new $ct (local.get $f)))))
      (drop)
      (return (i32.add (i32.const 100))))
    (drop)
    (i32.add (i32.const 200)))

  ;; the imported tag catches the exporter's suspend
  (func (export "import-catches-export") (param i32) (result i32)
    (call $on-e (ref.func $ask) (local.get 0)))
  ;; a local tag of the same type does not
  (func (export "local-misses-export") (param i32) (result i32)
    (call $on-mine (ref.func $ask) (local.get 0)))
  ;; the exporter's handler catches a suspend of the imported tag here
  (func (export "export-catches-import") (param i32) (result i32)
    (call $handle (ref.func $ask-e) (local.get 0)))
  ;; the exporter's handler does not catch a suspend of a local tag of the same type
  (func (export "export-misses-local") (param i32) (result i32)
    (call $handle (ref.func $ask-mine) (local.get 0)))
  ;; the imported tag, suspended and handled here
  (func (export "import-catches-import") (param i32) (result i32)
    (call $on-e (ref.func $ask-e) (local.get 0)))
  ;; with handlers for both tags, each suspension takes its own label
  (func (export "both-export") (param i32) (result i32)
    (call $on-both (ref.func $ask) (local.get 0)))
  (func (export "both-local") (param i32) (result i32)
    (call $on-both (ref.func $ask-mine) (local.get 0)))
  ;; the exporter's suspend crosses a handler for the local tag and reaches the imported one
  (func (export "through-local") (param $v i32) (result i32)
    (local $k (ref null $ct))
    (block $h (result i32 (ref $ct))
      (return (resume $ct (on $e $h) (local.get $v) (cont.new $ct (ref.func $inner-mine)))))
    (local.set $k)
    (i32.add (i32.const 50))
    (resume $ct (local.get $k)))
  (func $inner-mine (type $ft) (call $on-mine (ref.func $ask) (local.get 0)))
  (elem declare func $inner-mine)

  ;; M's $wait-x, suspended at its $u (the imported $u is handled here)
  (func $waiting (result (ref $ct0))
    (block $h (result (ref $ct0))
      (drop (resume $ct (on $u $h) (i32.const 0) (cont.new $ct (ref.func $wait-x))))
      (unreachable)))
  ;; a local tag of $u's type does not catch M's suspend $u
  (func (export "local-misses-u") (result i32)
    (block $h (result (ref $ct0))
      (return (resume $ct (on $my-u $h) (i32.const 0) (cont.new $ct (ref.func $wait-x)))))
    (drop)
    (i32.const -1))
  ;; resume_throw with the imported $x: M's catch of its $x catches it
  (func (export "throw-import") (param i32) (result i32)
    (resume_throw $ct0 $x (local.get 0) (call $waiting)))
  ;; resume_throw with a local tag of $x's type: M's catch does not; it escapes
  (func (export "throw-local") (param i32) (result i32)
    (resume_throw $ct0 $my-x (local.get 0) (call $waiting)))
  ;; ... and is caught here by the local tag
  (func (export "throw-local-caught-here") (param i32) (result i32)
    (block $c (result i32)
      (try_table (result i32) (catch $my-x $c)
        (resume_throw $ct0 $my-x (local.get 0) (call $waiting)))
      (return))
    (i32.add (i32.const 500)))
  ;; resumed normally, M's function returns 7
  (func (export "resume-waiting") (result i32)
    (resume $ct0 (call $waiting)))
)
(assert_return (invoke "import-catches-export" (i32.const 5)) (i32.const 1015))
(assert_suspension (invoke "local-misses-export" (i32.const 5)) "unhandled")
(assert_return (invoke "export-catches-import" (i32.const 4)) (i32.const 3008))
(assert_suspension (invoke "export-misses-local" (i32.const 4)) "unhandled")
(assert_return (invoke "import-catches-import" (i32.const 6)) (i32.const 3018))
(assert_return (invoke "both-export" (i32.const 6)) (i32.const 206))
(assert_return (invoke "both-local" (i32.const 6)) (i32.const 106))
(assert_return (invoke "through-local" (i32.const 9)) (i32.const 1059))
(assert_suspension (invoke "local-misses-u") "unhandled")
(assert_return (invoke "throw-import" (i32.const 41)) (i32.const 42))
(assert_exception (invoke "throw-local" (i32.const 41)))
(assert_return (invoke "throw-local-caught-here" (i32.const 41)) (i32.const 541))
(assert_return (invoke "resume-waiting") (i32.const 7))

;; ==========================================================================================
;; 2. A re-exported tag is still the original tag, through any number of re-exports.

(module $R
  (import "M" "e" (tag $e (param i32) (result i32)))
  (import "M" "x" (tag $x (param i32)))
  (export "e-again" (tag $e))
  (export "x-again" (tag $x))
  (tag $own (export "own") (param i32) (result i32))
)
(register "R" $R)
(module $R2
  (import "R" "e-again" (tag $e (param i32) (result i32)))
  (export "e-thrice" (tag $e))
)
(register "R2" $R2)

(module $B
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (type $ft0 (func (result i32)))
  (type $ct0 (cont $ft0))
  (import "R" "e-again" (tag $e2 (param i32) (result i32)))
  (import "R2" "e-thrice" (tag $e3 (param i32) (result i32)))
  (import "R" "own" (tag $own (param i32) (result i32)))
  (import "R" "x-again" (tag $x2 (param i32)))
  (import "M" "u" (tag $u))
  (import "M" "ask" (func $ask (type $ft)))
  (import "M" "wait-x" (func $wait-x (type $ft)))
  (import "M" "handle" (func $handle (param (ref $ft) i32) (result i32)))

  (func $ask-e3 (type $ft) (i32.add (suspend $e3 (local.get 0)) (i32.const 4000)))
  (func $ask-own (type $ft) (i32.add (suspend $own (local.get 0)) (i32.const 5000)))
  (elem declare func $ask $wait-x $ask-e3 $ask-own)

  ;; runs f(v) with handlers (on $e2 $l2) (on $e3 $l3) (on $own $lo); returns
  ;; 200/300/400 + payload for the label taken
  (func $which (param $f (ref $ft)) (param $v i32) (result i32)
    (block $lo (result i32 (ref $ct))
      (block $l3 (result i32 (ref $ct))
        (block $l2 (result i32 (ref $ct))
          (return (resume $ct (on $e2 $l2) (on $e3 $l3) (on $own $lo) (local.get $v)
            (cont.new $ct (local.get $f)))))
        (drop)
        (return (i32.add (i32.const 200))))
      (drop)
      (return (i32.add (i32.const 300))))
    (drop)
    (i32.add (i32.const 400)))
  ;; the same with the clauses for $e3 and $e2 in the other order
  (func $which-rev (param $f (ref $ft)) (param $v i32) (result i32)
    (block $l2 (result i32 (ref $ct))
      (block $l3 (result i32 (ref $ct))
        (return (resume $ct (on $e3 $l3) (on $e2 $l2) (local.get $v)
          (cont.new $ct (local.get $f)))))
      (drop)
      (return (i32.add (i32.const 300))))
    (drop)
    (i32.add (i32.const 200)))
  ;; only a handler for $e3, answering payload + 1
  (func $on-e3 (param $f (ref $ft)) (param $v i32) (result i32)
    (local $k (ref null $ct))
    (block $h (result i32 (ref $ct))
      (return (resume $ct (on $e3 $h) (local.get $v) (cont.new $ct (local.get $f)))))
    (local.set $k)
    (i32.add (i32.const 1))
    (resume $ct (local.get $k)))
  ;; only a handler for $own
  (func $on-own (param $f (ref $ft)) (param $v i32) (result i32)
    (block $h (result i32 (ref $ct))
      (return (resume $ct (on $own $h) (local.get $v) (cont.new $ct (local.get $f)))))
    (drop)
    (drop)
    (i32.const -1))

  ;; M's suspend $e: the first clause for the same tag (re-exported twice) wins
  (func (export "first-clause") (param i32) (result i32)
    (call $which (ref.func $ask) (local.get 0)))
  (func (export "first-clause-rev") (param i32) (result i32)
    (call $which-rev (ref.func $ask) (local.get 0)))
  ;; a suspend of the twice re-exported tag is M's $e as well
  (func (export "e3-is-e2") (param i32) (result i32)
    (call $which (ref.func $ask-e3) (local.get 0)))
  ;; R's own tag, of the same type, is not $e
  (func (export "own-is-own") (param i32) (result i32)
    (call $which (ref.func $ask-own) (local.get 0)))
  (func (export "e3-catches-export") (param i32) (result i32)
    (call $on-e3 (ref.func $ask) (local.get 0)))
  (func (export "own-misses-export") (param i32) (result i32)
    (call $on-own (ref.func $ask) (local.get 0)))
  ;; M's handler for its $e catches a suspend of the twice re-exported tag
  (func (export "export-catches-e3") (param i32) (result i32)
    (call $handle (ref.func $ask-e3) (local.get 0)))
  (func (export "export-misses-own") (param i32) (result i32)
    (call $handle (ref.func $ask-own) (local.get 0)))
  ;; resume_throw with the re-exported $x is caught by M's catch of $x
  (func (export "throw-reexported") (param i32) (result i32)
    (resume_throw $ct0 $x2 (local.get 0)
      (block $h (result (ref $ct0))
        (drop (resume $ct (on $u $h) (i32.const 0) (cont.new $ct (ref.func $wait-x))))
        (unreachable))))
)
(assert_return (invoke "first-clause" (i32.const 3)) (i32.const 203))
(assert_return (invoke "first-clause-rev" (i32.const 3)) (i32.const 303))
(assert_return (invoke "e3-is-e2" (i32.const 8)) (i32.const 208))
(assert_return (invoke "own-is-own" (i32.const 8)) (i32.const 408))
(assert_return (invoke "e3-catches-export" (i32.const 10)) (i32.const 1011))
(assert_suspension (invoke "own-misses-export" (i32.const 10)) "unhandled")
(assert_return (invoke "export-catches-e3" (i32.const 10)) (i32.const 4020))
(assert_suspension (invoke "export-misses-own" (i32.const 10)) "unhandled")
(assert_return (invoke "throw-reexported" (i32.const 99)) (i32.const 100))

;; ==========================================================================================
;; 3. One instance registered under several names: every name gives the same tags.

(register "M-alias" $M)
(register "M-other" $M)

(module $N
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (import "M" "e" (tag $e1 (param i32) (result i32)))
  (import "M-alias" "e" (tag $e2 (param i32) (result i32)))
  (import "M-other" "e" (tag $e3 (param i32) (result i32)))
  (import "M-alias" "ask" (func $ask-alias (type $ft)))
  (import "M-other" "handle" (func $handle-other (param (ref $ft) i32) (result i32)))

  (func $ask-1 (type $ft) (i32.add (suspend $e1 (local.get 0)) (i32.const 10000)))
  (func $ask-2 (type $ft) (i32.add (suspend $e2 (local.get 0)) (i32.const 20000)))
  (func $ask-3 (type $ft) (i32.add (suspend $e3 (local.get 0)) (i32.const 30000)))
  (elem declare func $ask-alias $ask-1 $ask-2 $ask-3)

  ;; runs f(v) with a handler for $e1 only, answering payload - 1
  (func $on-e1 (param $f (ref $ft)) (param $v i32) (result i32)
    (local $k (ref null $ct))
    (block $h (result i32 (ref $ct))
      (return (resume $ct (on $e1 $h) (local.get $v) (cont.new $ct (local.get $f)))))
    (local.set $k)
    (i32.sub (i32.const 1))
    (resume $ct (local.get $k)))
  ;; handlers (on $e3 $l3) (on $e2 $l2) (on $e1 $l1): 3/2/1 * 100 + payload
  (func $which (param $f (ref $ft)) (param $v i32) (result i32)
    (block $l1 (result i32 (ref $ct))
      (block $l2 (result i32 (ref $ct))
        (block $l3 (result i32 (ref $ct))
          (return (resume $ct (on $e3 $l3) (on $e2 $l2) (on $e1 $l1) (local.get $v)
            (cont.new $ct (local.get $f)))))
        (drop)
        (return (i32.add (i32.const 300))))
      (drop)
      (return (i32.add (i32.const 200))))
    (drop)
    (i32.add (i32.const 100)))

  (func (export "e1-catches-e2") (param i32) (result i32)
    (call $on-e1 (ref.func $ask-2) (local.get 0)))
  (func (export "e1-catches-e3") (param i32) (result i32)
    (call $on-e1 (ref.func $ask-3) (local.get 0)))
  (func (export "e1-catches-alias-ask") (param i32) (result i32)
    (call $on-e1 (ref.func $ask-alias) (local.get 0)))
  (func (export "first-of-three-1") (param i32) (result i32)
    (call $which (ref.func $ask-1) (local.get 0)))
  (func (export "first-of-three-2") (param i32) (result i32)
    (call $which (ref.func $ask-2) (local.get 0)))
  (func (export "other-handles-1") (param i32) (result i32)
    (call $handle-other (ref.func $ask-1) (local.get 0)))
)
(assert_return (invoke "e1-catches-e2" (i32.const 5)) (i32.const 20004))
(assert_return (invoke "e1-catches-e3" (i32.const 5)) (i32.const 30004))
(assert_return (invoke "e1-catches-alias-ask" (i32.const 5)) (i32.const 1004))
(assert_return (invoke "first-of-three-1" (i32.const 5)) (i32.const 305))
(assert_return (invoke "first-of-three-2" (i32.const 6)) (i32.const 306))
(assert_return (invoke "other-handles-1" (i32.const 7)) (i32.const 10014))

;; ==========================================================================================
;; 4. Two instances of one module definition have different tags.

(module definition $Gen
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (tag $t (export "t") (param i32) (result i32))
  (global $id (mut i32) (i32.const 0))
  (func (export "set-id") (param i32) (global.set $id (local.get 0)))
  ;; suspends $t with x; returns the answer
  (func (export "yield") (param i32) (result i32) (suspend $t (local.get 0)))
  ;; runs f(v) handling this instance's $t: answers payload + 1000 * id
  (func (export "run") (param $f (ref $ft)) (param $v i32) (result i32)
    (local $k (ref null $ct))
    (block $h (result i32 (ref $ct))
      (return (resume $ct (on $t $h) (local.get $v) (cont.new $ct (local.get $f)))))
    (local.set $k)
    (i32.add (i32.mul (global.get $id) (i32.const 1000)))
    (resume $ct (local.get $k)))
)
(module instance $G1 $Gen)
(module instance $G2 $Gen)
(register "G1" $G1)
(register "G2" $G2)

(module $H
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (import "G1" "t" (tag $t1 (param i32) (result i32)))
  (import "G2" "t" (tag $t2 (param i32) (result i32)))
  (import "G1" "set-id" (func $id1 (param i32)))
  (import "G2" "set-id" (func $id2 (param i32)))
  (import "G1" "yield" (func $y1 (type $ft)))
  (import "G2" "yield" (func $y2 (type $ft)))
  (import "G1" "run" (func $run1 (param (ref $ft) i32) (result i32)))
  (import "G2" "run" (func $run2 (param (ref $ft) i32) (result i32)))
  (elem declare func $y1 $y2)
  (start $init)
  (func $init (call $id1 (i32.const 1)) (call $id2 (i32.const 2)))

  ;; handlers (on $t1 $l1) (on $t2 $l2): 100/200 + payload
  (func $which (param $f (ref $ft)) (param $v i32) (result i32)
    (block $l2 (result i32 (ref $ct))
      (block $l1 (result i32 (ref $ct))
        (return (resume $ct (on $t1 $l1) (on $t2 $l2) (local.get $v)
          (cont.new $ct (local.get $f)))))
      (drop)
      (return (i32.add (i32.const 100))))
    (drop)
    (i32.add (i32.const 200)))
  ;; a handler for $t1 only
  (func $only-t1 (param $f (ref $ft)) (param $v i32) (result i32)
    (block $l1 (result i32 (ref $ct))
      (return (resume $ct (on $t1 $l1) (local.get $v) (cont.new $ct (local.get $f)))))
    (drop)
    (i32.add (i32.const 100)))

  (func (export "run1-y1") (param i32) (result i32) (call $run1 (ref.func $y1) (local.get 0)))
  (func (export "run2-y2") (param i32) (result i32) (call $run2 (ref.func $y2) (local.get 0)))
  (func (export "run1-y2") (param i32) (result i32) (call $run1 (ref.func $y2) (local.get 0)))
  (func (export "run2-y1") (param i32) (result i32) (call $run2 (ref.func $y1) (local.get 0)))
  (func (export "which-y1") (param i32) (result i32) (call $which (ref.func $y1) (local.get 0)))
  (func (export "which-y2") (param i32) (result i32) (call $which (ref.func $y2) (local.get 0)))
  (func (export "t1-y1") (param i32) (result i32) (call $only-t1 (ref.func $y1) (local.get 0)))
  (func (export "t1-y2") (param i32) (result i32) (call $only-t1 (ref.func $y2) (local.get 0)))
)
(assert_return (invoke "run1-y1" (i32.const 5)) (i32.const 1005))
(assert_return (invoke "run2-y2" (i32.const 5)) (i32.const 2005))
(assert_suspension (invoke "run1-y2" (i32.const 5)) "unhandled")
(assert_suspension (invoke "run2-y1" (i32.const 5)) "unhandled")
(assert_return (invoke "which-y1" (i32.const 7)) (i32.const 107))
(assert_return (invoke "which-y2" (i32.const 7)) (i32.const 207))
(assert_return (invoke "t1-y1" (i32.const 8)) (i32.const 108))
(assert_suspension (invoke "t1-y2" (i32.const 8)) "unhandled")

;; Each instance's own exports, used directly: its handler catches its own suspend only.
(module $H2
  (type $ft (func (param i32) (result i32)))
  (import "G1" "run" (func $run1 (param (ref $ft) i32) (result i32)))
  (import "G1" "yield" (func $y1 (type $ft)))
  (import "G2" "yield" (func $y2 (type $ft)))
  (elem declare func $y1 $y2)
  (func (export "g1-handles-g1") (result i32) (call $run1 (ref.func $y1) (i32.const 33)))
  (func (export "g1-misses-g2") (result i32) (call $run1 (ref.func $y2) (i32.const 33)))
)
(assert_return (invoke "g1-handles-g1") (i32.const 1033))
(assert_suspension (invoke "g1-misses-g2") "unhandled")

;; A third instance, made after the others (its id stays 0), has a third tag.
(module instance $G3 $Gen)
(register "G3" $G3)
(module $H3
  (type $ft (func (param i32) (result i32)))
  (import "G3" "run" (func $run3 (param (ref $ft) i32) (result i32)))
  (import "G1" "yield" (func $y1 (type $ft)))
  (import "G3" "yield" (func $y3 (type $ft)))
  (elem declare func $y1 $y3)
  (func (export "g3-handles-g3") (result i32) (call $run3 (ref.func $y3) (i32.const 44)))
  (func (export "g3-misses-g1") (result i32) (call $run3 (ref.func $y1) (i32.const 44)))
)
(assert_return (invoke "g3-handles-g3") (i32.const 44))
(assert_suspension (invoke "g3-misses-g1") "unhandled")

;; Two instances of a definition that imports its tag share that tag (and still differ in
;; the tags they define).
(module definition $Shared
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (import "M" "e" (tag $e (param i32) (result i32)))
  (export "e" (tag $e))
  (tag $own (export "own") (param i32) (result i32))
  (func (export "ask-e") (param i32) (result i32) (suspend $e (local.get 0)))
  (func (export "ask-own") (param i32) (result i32) (suspend $own (local.get 0)))
  ;; runs f(v) with handlers for $e and $own: 100/200 + payload
  (func (export "run") (param $f (ref $ft)) (param $v i32) (result i32)
    (block $l-own (result i32 (ref $ct))
      (block $l-e (result i32 (ref $ct))
        (return (resume $ct (on $e $l-e) (on $own $l-own) (local.get $v)
          (cont.new $ct (local.get $f)))))
      (drop)
      (return (i32.add (i32.const 100))))
    (drop)
    (i32.add (i32.const 200)))
)
(module instance $S1 $Shared)
(module instance $S2 $Shared)
(register "S1" $S1)
(register "S2" $S2)
(module $SU
  (type $ft (func (param i32) (result i32)))
  (import "S1" "run" (func $run1 (param (ref $ft) i32) (result i32)))
  (import "S2" "ask-e" (func $ask-e2 (type $ft)))
  (import "S2" "ask-own" (func $ask-own2 (type $ft)))
  (import "S1" "ask-own" (func $ask-own1 (type $ft)))
  (import "M" "handle" (func $handle (param (ref $ft) i32) (result i32)))
  (elem declare func $ask-e2 $ask-own2 $ask-own1)
  (func (export "s1-runs-s2-e") (param i32) (result i32)
    (call $run1 (ref.func $ask-e2) (local.get 0)))
  (func (export "s1-runs-s1-own") (param i32) (result i32)
    (call $run1 (ref.func $ask-own1) (local.get 0)))
  (func (export "s1-runs-s2-own") (param i32) (result i32)
    (call $run1 (ref.func $ask-own2) (local.get 0)))
  (func (export "m-runs-s2-e") (param i32) (result i32)
    (call $handle (ref.func $ask-e2) (local.get 0)))
)
(assert_return (invoke "s1-runs-s2-e" (i32.const 5)) (i32.const 105))
(assert_return (invoke "s1-runs-s1-own" (i32.const 5)) (i32.const 205))
(assert_suspension (invoke "s1-runs-s2-own" (i32.const 5)) "unhandled")
(assert_return (invoke "m-runs-s2-e" (i32.const 5)) (i32.const 10))

;; ==========================================================================================
;; 5. A tag import must have the exported tag's type exactly; results count.
;;    ($M exports e : [i32] -> [i32], x : [i32] -> [], u : [] -> [].)

;; The right types link (and the tags work: see sections 1-3); each of these is a wrong one.
(assert_unlinkable
  (module (import "M" "e" (tag (param i32))))
  "incompatible import type")
(assert_unlinkable
  (module (import "M" "e" (tag (param i32) (result i64))))
  "incompatible import type")
(assert_unlinkable
  (module (import "M" "e" (tag (param i32) (result i32 i32))))
  "incompatible import type")
(assert_unlinkable
  (module (import "M" "e" (tag (result i32))))
  "incompatible import type")
(assert_unlinkable
  (module (import "M" "e" (tag (param i32 i32) (result i32))))
  "incompatible import type")
(assert_unlinkable
  (module (import "M" "e" (tag (param i64) (result i32))))
  "incompatible import type")
(assert_unlinkable
  (module (import "M" "x" (tag (param i32) (result i32))))
  "incompatible import type")
(assert_unlinkable
  (module (import "M" "u" (tag (result i32))))
  "incompatible import type")
(assert_unlinkable
  (module (import "M" "u" (tag (param i32))))
  "incompatible import type")
;; A re-export keeps the type: R2's "e-thrice" is [i32] -> [i32].
(assert_unlinkable
  (module (import "R2" "e-thrice" (tag (param i32))))
  "incompatible import type")
;; A tag is not a function, even of the same type.
(assert_unlinkable
  (module (import "M" "e" (func (param i32) (result i32))))
  "incompatible import type")

;; Tag types are matched both ways: a tag of a declared subtype cannot be imported at the
;; supertype, nor the other way round; final and non-final types differ. (Wasm 3.0, "Matching",
;; tag types: `C |- deftype_1 <: deftype_2` iff `deftype_1 <: deftype_2` and
;; `deftype_2 <: deftype_1`; the Explainer builds on Wasm 3.0 and leaves this unchanged.)
(module $T
  (type $s (sub (func (param i32) (result i32))))
  (type $t (sub $s (func (param i32) (result i32))))
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (tag $a (export "a") (type $s))
  (tag $b (export "b") (type $t))
  (func $ask-b (export "ask-b") (type $ft) (i32.mul (suspend $b (local.get 0)) (i32.const 2)))
)
(register "T" $T)
(assert_unlinkable
  (module
    (type $s (sub (func (param i32) (result i32))))
    (import "T" "b" (tag (type $s))))
  "incompatible import type")
(assert_unlinkable
  (module
    (type $s (sub (func (param i32) (result i32))))
    (type $t (sub $s (func (param i32) (result i32))))
    (import "T" "a" (tag (type $t))))
  "incompatible import type")
(assert_unlinkable
  (module (import "T" "a" (tag (param i32) (result i32))))
  "incompatible import type")
(assert_unlinkable
  (module
    (type $s (sub (func (param i32) (result i32))))
    (import "M" "e" (tag (type $s))))
  "incompatible import type")
;; With the exact (sub) type, the import links and is the same tag.
(module
  (type $s (sub (func (param i32) (result i32))))
  (type $t (sub $s (func (param i32) (result i32))))
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (import "T" "b" (tag $b (type $t)))
  (import "T" "ask-b" (func $ask-b (type $ft)))
  (elem declare func $ask-b)
  (func (export "subtyped-tag") (param i32) (result i32)
    (local $k (ref null $ct))
    (block $h (result i32 (ref $ct))
      (return (resume $ct (on $b $h) (local.get 0) (cont.new $ct (ref.func $ask-b)))))
    (local.set $k)
    (i32.add (i32.const 1))
    (resume $ct (local.get $k)))
)
(assert_return (invoke "subtyped-tag" (i32.const 20)) (i32.const 42))

;; ==========================================================================================
;; 6. Continuations made in one instance are resumed, consumed and handled in another,
;;    passed through exported functions, globals and tables.

;; $C makes continuations of its own functions and keeps them in an exported global and table.
(module $C
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (type $ft0 (func (result i32)))
  (type $ct0 (cont $ft0))
  (tag $tick (export "tick") (param i32) (result i32))
  (global $g (export "g") (mut (ref null $ct)) (ref.null $ct))
  (table $t (export "t") 4 (ref null $ct))
  (table $funcs (export "funcs") 2 funcref)
  (elem (table $funcs) (i32.const 0) func $triple $tick-twice)

  ;; x * 3, without suspending
  (func $triple (export "triple") (type $ft) (i32.mul (local.get 0) (i32.const 3)))
  ;; tick(x) * 1000 + tick(x + 1)
  (func $tick-twice (export "tick-twice") (type $ft)
    (i32.add
      (i32.mul (suspend $tick (local.get 0)) (i32.const 1000))
      (suspend $tick (i32.add (local.get 0) (i32.const 1)))))
  ;; a fresh continuation of $tick-twice
  (func (export "make") (result (ref $ct)) (cont.new $ct (ref.func $tick-twice)))
  ;; a continuation of $tick-twice(x), suspended at its first tick
  (func (export "make-suspended") (param i32) (result (ref $ct))
    (local $k (ref null $ct))
    (block $h (result i32 (ref $ct))
      (drop (resume $ct (on $tick $h) (local.get 0) (cont.new $ct (ref.func $tick-twice))))
      (unreachable))
    (local.set $k)
    (drop)  ;; the payload, x
    (ref.as_non_null (local.get $k)))
  (func (export "fill-global") (global.set $g (cont.new $ct (ref.func $tick-twice))))
  (func (export "fill-slot") (param i32)
    (table.set $t (local.get 0) (cont.new $ct (ref.func $tick-twice))))
  ;; resumes k with v, answering every tick p with p * 10
  (func $run (export "run") (param $k (ref null $ct)) (param $v i32) (result i32)
    (loop $next
      (block $on-tick (result i32 (ref $ct))
        (return (resume $ct (on $tick $on-tick) (local.get $v) (local.get $k))))
      (local.set $k)
      (local.set $v (i32.mul (i32.const 10)))
      (br $next))
    (unreachable))
  (func (export "run-global") (param i32) (result i32)
    (call $run (global.get $g) (local.get 0)))
  (func (export "run-slot") (param i32 i32) (result i32)
    (call $run (table.get $t (local.get 0)) (local.get 1)))
  (elem declare func $tick-twice)
)
(register "C" $C)
(assert_trap (invoke $C "run-global" (i32.const 1)) "null continuation reference")
(assert_trap (invoke $C "run-slot" (i32.const 3) (i32.const 1)) "null continuation reference")

;; $D uses $C's continuations, tag, global and tables, and gives $C its own continuations.
;; Computations: tick-twice(x) = tick(x) * 1000 + tick(x + 1); $D answers a tick p with
;; p + 100, $C answers p * 10.
(module $D
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (type $ft0 (func (result i32)))
  (type $ct0 (cont $ft0))
  (import "C" "tick" (tag $tick (param i32) (result i32)))
  (import "C" "g" (global $g (mut (ref null $ct))))
  (import "C" "t" (table $t 4 (ref null $ct)))
  (import "C" "funcs" (table $funcs 2 funcref))
  (import "C" "triple" (func $triple (type $ft)))
  (import "C" "tick-twice" (func $tick-twice (type $ft)))
  (import "C" "make" (func $make (result (ref $ct))))
  (import "C" "make-suspended" (func $make-suspended (param i32) (result (ref $ct))))
  (import "C" "fill-global" (func $fill-global))
  (import "C" "fill-slot" (func $fill-slot (param i32)))
  (import "C" "run" (func $run (param (ref null $ct) i32) (result i32)))
  (import "C" "run-global" (func $run-global (param i32) (result i32)))
  (import "C" "run-slot" (func $run-slot (param i32 i32) (result i32)))

  ;; tick(x) - 1
  (func $d-fn (type $ft) (i32.sub (suspend $tick (local.get 0)) (i32.const 1)))
  (elem declare func $triple $tick-twice $d-fn)

  ;; resumes k with v, answering every tick p with p + 100
  (func $drive (param $k (ref null $ct)) (param $v i32) (result i32)
    (loop $next
      (block $on-tick (result i32 (ref $ct))
        (return (resume $ct (on $tick $on-tick) (local.get $v) (local.get $k))))
      (local.set $k)
      (local.set $v (i32.add (i32.const 100)))
      (br $next))
    (unreachable))
  ;; the same for a continuation that takes no argument
  (func $drive0 (param $k (ref null $ct0)) (result i32)
    (local $k1 (ref null $ct))
    (local $p i32)
    (block $on-tick (result i32 (ref $ct))
      (return (resume $ct0 (on $tick $on-tick) (local.get $k))))
    (local.set $k1)
    (local.set $p)
    (call $drive (local.get $k1) (i32.add (local.get $p) (i32.const 100))))

  ;; continuations passed through functions
  (func (export "drive-C-fresh") (param i32) (result i32)
    (call $drive (call $make) (local.get 0)))
  (func (export "drive-C-suspended") (param $x i32) (param $answer i32) (result i32)
    (call $drive (call $make-suspended (local.get $x)) (local.get $answer)))
  (func (export "C-runs-D") (param i32) (result i32)
    (call $run (cont.new $ct (ref.func $d-fn)) (local.get 0)))
  (func (export "C-runs-C-via-D") (param i32) (result i32)
    (call $run (call $make) (local.get 0)))
  (func (export "bind-C-fresh") (param i32) (result i32)
    (call $drive0 (cont.bind $ct $ct0 (local.get 0) (call $make))))
  (func (export "bind-C-suspended") (param $x i32) (param $answer i32) (result i32)
    (call $drive0 (cont.bind $ct $ct0 (local.get $answer) (call $make-suspended (local.get $x)))))
  (func (export "C-runs-C-suspended-via-D") (param $x i32) (param $answer i32) (result i32)
    (call $run (call $make-suspended (local.get $x)) (local.get $answer)))
  ;; C's suspended continuation, resumed twice: the second time it is consumed
  (func (export "C-suspended-twice") (param $x i32) (result i32)
    (local $k (ref null $ct))
    (local.set $k (call $make-suspended (local.get $x)))
    (drop (call $drive (local.get $k) (i32.const 0)))
    (call $run (local.get $k) (i32.const 0)))

  ;; cont.new of an imported function, and of a function of $C reached through its table
  (func (export "cont-new-imported") (param i32) (result i32)
    (resume $ct (local.get 0) (cont.new $ct (ref.func $triple))))
  (func (export "cont-new-imported-ticks") (param i32) (result i32)
    (call $drive (cont.new $ct (ref.func $tick-twice)) (local.get 0)))
  (func (export "cont-new-from-table") (param $i i32) (param $v i32) (result i32)
    (call $drive
      (cont.new $ct (ref.cast (ref $ft) (table.get $funcs (local.get $i))))
      (local.get $v)))

  ;; continuations passed through $C's global
  (func (export "D-fills-global-C-runs") (param i32) (result i32)
    (global.set $g (cont.new $ct (ref.func $d-fn)))
    (call $run-global (local.get 0)))
  (func (export "C-fills-global-D-runs") (param i32) (result i32)
    (call $fill-global)
    (call $drive (global.get $g) (local.get 0)))
  (func (export "global-consumed-by-C") (param i32) (result i32)
    (global.set $g (cont.new $ct (ref.func $d-fn)))
    (drop (call $run-global (local.get 0)))
    (call $drive (global.get $g) (local.get 0)))
  (func (export "global-consumed-by-D") (param i32) (result i32)
    (call $fill-global)
    (drop (call $drive (global.get $g) (local.get 0)))
    (call $run-global (local.get 0)))

  ;; continuations passed through $C's table
  (func (export "D-fills-slot-C-runs") (param i32) (result i32)
    (table.set $t (i32.const 0) (cont.new $ct (ref.func $d-fn)))
    (call $run-slot (i32.const 0) (local.get 0)))
  (func (export "C-fills-slot-D-runs") (param i32) (result i32)
    (call $fill-slot (i32.const 1))
    (call $drive (table.get $t (i32.const 1)) (local.get 0)))
  (func (export "slot-consumed-by-D") (param i32) (result i32)
    (call $fill-slot (i32.const 2))
    (drop (call $drive (table.get $t (i32.const 2)) (local.get 0)))
    (call $run-slot (i32.const 2) (local.get 0)))
  (func (export "D-grows-C-runs") (param i32) (result i32)
    (call $run-slot
      (table.grow $t (cont.new $ct (ref.func $d-fn)) (i32.const 1))
      (local.get 0)))
)
(assert_return (invoke "drive-C-fresh" (i32.const 5)) (i32.const 105106))
(assert_return (invoke "drive-C-suspended" (i32.const 5) (i32.const 7)) (i32.const 7106))
(assert_return (invoke "C-runs-D" (i32.const 4)) (i32.const 39))
(assert_return (invoke "C-runs-C-via-D" (i32.const 5)) (i32.const 50060))
(assert_return (invoke "bind-C-fresh" (i32.const 2)) (i32.const 102103))
(assert_return (invoke "bind-C-suspended" (i32.const 2) (i32.const 9)) (i32.const 9103))
(assert_return (invoke "C-runs-C-suspended-via-D" (i32.const 2) (i32.const 9)) (i32.const 9030))
(assert_trap (invoke "C-suspended-twice" (i32.const 1)) "continuation already consumed")
(assert_return (invoke "cont-new-imported" (i32.const 7)) (i32.const 21))
(assert_return (invoke "cont-new-imported-ticks" (i32.const 3)) (i32.const 103104))
(assert_return (invoke "cont-new-from-table" (i32.const 0) (i32.const 9)) (i32.const 27))
(assert_return (invoke "cont-new-from-table" (i32.const 1) (i32.const 4)) (i32.const 104105))
(assert_return (invoke "D-fills-global-C-runs" (i32.const 6)) (i32.const 59))
(assert_return (invoke "C-fills-global-D-runs" (i32.const 1)) (i32.const 101102))
(assert_trap (invoke "global-consumed-by-C" (i32.const 2)) "continuation already consumed")
(assert_trap (invoke "global-consumed-by-D" (i32.const 2)) "continuation already consumed")
(assert_return (invoke "D-fills-slot-C-runs" (i32.const 8)) (i32.const 79))
(assert_return (invoke "C-fills-slot-D-runs" (i32.const 8)) (i32.const 108109))
(assert_trap (invoke "slot-consumed-by-D" (i32.const 2)) "continuation already consumed")
(assert_return (invoke "D-grows-C-runs" (i32.const 3)) (i32.const 29))

;; ==========================================================================================
;; 7. Continuation types are equal across modules exactly when their definitions are (the same
;;    rec group structure), so that (ref $ct) values cross module boundaries.

(module $RC
  (rec (type $ft (func (param i32) (result i32))) (type $ct (cont $ft)))
  (type $ft-plain (func (param i32) (result i32)))
  (type $ct-plain (cont $ft-plain))
  (type $ut (func))
  (type $uk (cont $ut))
  (tag $pass (export "pass") (param (ref $ct)))  ;; carries a continuation
  (global $g (export "g-rec") (mut (ref null $ct)) (ref.null $ct))
  (func $f (type $ft) (i32.add (local.get 0) (i32.const 11)))
  (func $g (type $ft-plain) (i32.mul (local.get 0) (i32.const 11)))
  (func $send (export "send") (suspend $pass (cont.new $ct (ref.func $f))))
  (elem declare func $f $g $send)
  (func (export "make-rec") (result (ref $ct)) (cont.new $ct (ref.func $f)))
  (func (export "make-plain") (result (ref $ct-plain)) (cont.new $ct-plain (ref.func $g)))
  (func (export "run-g-rec") (param i32) (result i32) (resume $ct (local.get 0) (global.get $g)))
  ;; runs f; when it suspends with $pass, resumes the continuation it passed with 100
  (func (export "catch-pass") (param $f (ref $ut)) (result i32)
    (local $c (ref null $ct))
    (block $h (result (ref $ct) (ref $uk))
      (resume $uk (on $pass $h) (cont.new $uk (local.get $f)))
      (return (i32.const -1)))
    (drop)
    (local.set $c)
    (resume $ct (i32.const 100) (local.get $c)))
)
(register "RC" $RC)

;; The same definitions: the values cross in both directions.
(module $RD
  (rec (type $ft (func (param i32) (result i32))) (type $ct (cont $ft)))
  (type $ft-plain (func (param i32) (result i32)))
  (type $ct-plain (cont $ft-plain))
  (type $ut (func))
  (type $uk (cont $ut))
  (import "RC" "pass" (tag $pass (param (ref $ct))))
  (import "RC" "g-rec" (global $g (mut (ref null $ct))))
  (import "RC" "send" (func $send (type $ut)))
  (import "RC" "make-rec" (func $make-rec (result (ref $ct))))
  (import "RC" "make-plain" (func $make-plain (result (ref $ct-plain))))
  (import "RC" "run-g-rec" (func $run-g-rec (param i32) (result i32)))
  (import "RC" "catch-pass" (func $catch-pass (param (ref $ut)) (result i32)))
  (func $mine (type $ft) (i32.sub (local.get 0) (i32.const 1)))
  (func $send-mine (type $ut) (suspend $pass (cont.new $ct (ref.func $mine))))
  (elem declare func $send $mine $send-mine)

  (func (export "rec-from-function") (param i32) (result i32)
    (resume $ct (local.get 0) (call $make-rec)))
  (func (export "plain-from-function") (param i32) (result i32)
    (resume $ct-plain (local.get 0) (call $make-plain)))
  (func (export "rec-into-global") (param i32) (result i32)
    (global.set $g (cont.new $ct (ref.func $mine)))
    (call $run-g-rec (local.get 0)))
  ;; RC suspends with a continuation as payload; it is resumed here
  (func (export "rec-from-tag") (param i32) (result i32)
    (local $c (ref null $ct))
    (block $h (result (ref $ct) (ref $uk))
      (resume $uk (on $pass $h) (cont.new $uk (ref.func $send)))
      (return (i32.const -1)))
    (drop)
    (local.set $c)
    (resume $ct (local.get 0) (local.get $c)))
  ;; a continuation made here travels to RC's handler as a payload of RC's tag
  (func (export "rec-into-tag") (result i32)
    (call $catch-pass (ref.func $send-mine)))
)
(assert_return (invoke "rec-from-function" (i32.const 3)) (i32.const 14))
(assert_return (invoke "plain-from-function" (i32.const 4)) (i32.const 44))
(assert_return (invoke "rec-into-global" (i32.const 3)) (i32.const 2))
(assert_return (invoke "rec-from-tag" (i32.const 5)) (i32.const 16))
(assert_return (invoke "rec-into-tag") (i32.const 99))

;; Different definitions do not match.
(assert_unlinkable
  (module
    (type $ft (func (param i32) (result i32)))
    (type $ct (cont $ft))
    (import "RC" "make-rec" (func (result (ref $ct)))))
  "incompatible import type")
(assert_unlinkable
  (module
    (rec (type $ft (func (param i32) (result i32))) (type $ct (cont $ft)))
    (import "RC" "make-plain" (func (result (ref $ct)))))
  "incompatible import type")
(assert_unlinkable
  (module
    (rec (type $ct (cont $ft)) (type $ft (func (param i32) (result i32))))
    (import "RC" "make-rec" (func (result (ref $ct)))))
  "incompatible import type")
(assert_unlinkable
  (module
    (type $ft (func (param i32) (result i32)))
    (type $ct (sub (cont $ft)))
    (import "RC" "make-plain" (func (result (ref $ct)))))
  "incompatible import type")
(assert_unlinkable
  (module
    (type $ft (func (param i64) (result i32)))
    (type $ct (cont $ft))
    (import "RC" "make-plain" (func (result (ref $ct)))))
  "incompatible import type")
(assert_unlinkable
  (module (import "RC" "make-plain" (func (result contref))))
  "incompatible import type")
(assert_unlinkable
  (module
    (type $ft (func (param i32) (result i32)))
    (type $ct (cont $ft))
    (import "RC" "g-rec" (global (mut (ref null $ct)))))
  "incompatible import type")
(assert_unlinkable
  (module (import "RC" "g-rec" (global (mut contref))))
  "incompatible import type")
(assert_unlinkable
  (module
    (rec (type $ft (func (param i32) (result i32))) (type $ct (cont $ft)))
    (import "RC" "pass" (tag (param (ref null $ct)))))
  "incompatible import type")
(assert_unlinkable
  (module
    (type $ft (func (param i32) (result i32)))
    (type $ct (cont $ft))
    (import "RC" "pass" (tag (param (ref $ct)))))
  "incompatible import type")
(assert_unlinkable
  (module (import "RC" "pass" (tag (param (ref cont)))))
  "incompatible import type")
;; A tag whose type is in a rec group with a continuation type of its own parameter: the
;; import must repeat the rec group exactly.
(module $RT
  (rec (type $ft (func (param (ref null $ct)) (result i32))) (type $ct (cont $ft)))
  (type $u (func (result i32)))
  (tag $e (export "e") (type $ft))
  (func $f (type $ft) (i32.const 5))
  (elem declare func $f)
  ;; suspends with a continuation of $f (which returns 5); returns the answer
  (func (export "ask") (type $u) (suspend $e (cont.new $ct (ref.func $f))))
)
(register "RT" $RT)
(module
  (rec (type $ft (func (param (ref null $ct)) (result i32))) (type $ct (cont $ft)))
  (type $u (func (result i32)))
  (type $uk (cont $u))
  (type $if (func (param i32) (result i32)))
  (type $ik (cont $if))
  (import "RT" "e" (tag $e (type $ft)))
  (import "RT" "ask" (func $ask (type $u)))
  (elem declare func $ask)
  ;; answers with 10 times what the continuation in the payload returns
  (func (export "rec-tag") (result i32)
    (local $k (ref null $ik))
    (local $p (ref null $ct))
    (block $h (result (ref null $ct) (ref $ik))
      (return (resume $uk (on $e $h) (cont.new $uk (ref.func $ask)))))
    (local.set $k)
    (local.set $p)
    (resume $ik (i32.mul (resume $ct (ref.null $ct) (local.get $p)) (i32.const 10)) (local.get $k)))
)
(assert_return (invoke "rec-tag") (i32.const 50))
(assert_unlinkable
  (module
    (rec (type $ct (cont $ft)) (type $ft (func (param (ref null $ct)) (result i32))))
    (import "RT" "e" (tag (type $ft))))
  "incompatible import type")

;; Table types are matched both ways too: $C's table of (ref null $ct) is not a contref table.
(assert_unlinkable
  (module (import "C" "t" (table 4 contref)))
  "incompatible import type")
(assert_unlinkable
  (module
    (rec (type $ft (func (param i32) (result i32))) (type $ct (cont $ft)))
    (import "C" "t" (table 4 (ref null $ct))))
  "incompatible import type")
