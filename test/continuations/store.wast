;; Continuations are values in the store.
;;
;; Explainer, "Specification changes" / "Execution" / "Store extensions":
;;
;;   * New store component `conts` for allocated continuations
;;     - `S ::= {..., conts <continst>?*}`
;;   * A continuation is a context
;;     - `continst ::= E`
;;
;; Explainer, "Administrative instructions":
;;
;;   * `(ref.cont a)` represents a continuation value, where `a` is a *continuation address*
;;     indexing into the store's `conts` component
;;     - `ref.cont a : [] -> [(ref $ct)]`
;;       - iff `S.conts[a] = epsilon \/ S.conts[a] = E`
;;
;; Explainer, "Reduction":
;;
;;   * `S; F; (ref.func fa) (cont.new $ct)  -->  S'; F; (ref.cont |S.conts|)`
;;     - iff `S' = S with conts += E`
;;   * `S; F; (ref.cont ca) (resume $ct hdl*)  -->  S; F; trap`
;;     - iff `S.conts[ca] = epsilon`
;;   * `S; F; v^n (ref.cont ca) (resume $ct hdl*)  -->  S'; F; prompt{hdl'*} E[v^n] end`
;;     - iff `S.conts[ca] = E`
;;     - and `S' = S with conts[ca] = epsilon`
;;   * `S; F; (prompt{hdl1* (on ea $l) hdl2*} H^ea[v^n (suspend ea)] end)
;;        --> S'; F; v^n (ref.cont |S.conts|) (br $l)`
;;     - and `S' = S with conts += (H^ea : m)`
;;
;; Explainer, "Consuming continuations": "`resume`, `resume_throw`, `resume_throw_ref`,
;; `switch`, and `cont.bind` destructively modify the suspended continuation such that any
;; subsequent use of the same suspended continuation will result in a trap."
;;
;; What this file checks: a continuation reference is an ordinary reference to a store
;; object. It can be kept anywhere a reference can (tables, globals, struct fields, array
;; elements, locals across suspensions, exception payloads), copied (every copy refers to the
;; same continuation, so consuming it through one copy is seen through all), and resumed from
;; there, also in a later invocation than the one that made it. Consumption changes the store,
;; not the reference: a consumed continuation's reference is not null. Continuations can form
;; cycles through their own suspended frames; each suspension makes a new continuation, and
;; the one being run is consumed. Many continuations can be alive at once. No constant
;; expression makes a continuation, so tables, globals and element segments of continuation
;; type can only start out null.
;;
;; Organisation: one module per kind of place (1 tables, 2 globals, 3 structs and arrays,
;; 4 locals and exception payloads), then 5 cycles, 6 many live continuations, 7 consumed
;; continuations' references, 8 what constant expressions cannot do. Throughout: $add10(x) = x + 10 does not suspend; $ask(x) suspends $y with x and
;; returns twice the answer.

;; ==========================================================================================
;; 1. Tables

(module $Tables
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (tag $y (param i32) (result i32))
  (table $t 2 (ref null $ct))
  (table $u 4 (ref null $ct))
  (elem $nulls (ref null $ct) (ref.null $ct) (ref.null $ct))
  (func $add10 (type $ft) (i32.add (local.get 0) (i32.const 10)))
  (func $ask (type $ft) (i32.mul (suspend $y (local.get 0)) (i32.const 2)))
  (elem declare func $add10 $ask)
  ;; resumes k with v, answering one $y with payload + 1
  (func $run (param $k (ref null $ct)) (param $v i32) (result i32)
    (block $h (result i32 (ref $ct))
      (return (resume $ct (on $y $h) (local.get $v) (local.get $k))))
    (local.set $k)
    (i32.add (i32.const 1))
    (resume $ct (local.get $k)))

  (func (export "set-get") (param i32) (result i32)
    (table.set $t (i32.const 0) (cont.new $ct (ref.func $add10)))
    (call $run (table.get $t (i32.const 0)) (local.get 0)))
  ;; a suspended continuation, kept in a table and resumed from there
  (func (export "set-get-suspended") (param i32) (result i32)
    (local $k (ref null $ct))
    (block $h (result i32 (ref $ct))
      (drop (resume $ct (on $y $h) (local.get 0) (cont.new $ct (ref.func $ask))))
      (unreachable))
    (local.set $k)
    (drop)  ;; the payload
    (table.set $t (i32.const 1) (local.get $k))
    (resume $ct (i32.const 100) (table.get $t (i32.const 1))))
  (func (export "get-twice") (param i32) (result i32)
    (table.set $t (i32.const 0) (cont.new $ct (ref.func $add10)))
    (drop (call $run (table.get $t (i32.const 0)) (local.get 0)))
    (call $run (table.get $t (i32.const 0)) (local.get 0)))
  ;; consumed, the slot still holds a non-null reference
  (func (export "consumed-not-null") (param i32) (result i32)
    (table.set $t (i32.const 0) (cont.new $ct (ref.func $add10)))
    (drop (call $run (table.get $t (i32.const 0)) (local.get 0)))
    (ref.is_null (table.get $t (i32.const 0))))
  ;; table.grow with a continuation: the new slots all hold that one continuation
  (func (export "grow-first") (param i32) (result i32)
    (local $old i32)
    (local.set $old (table.grow $u (cont.new $ct (ref.func $add10)) (i32.const 3)))
    (call $run (table.get $u (local.get $old)) (local.get 0)))
  (func (export "grow-last") (param i32) (result i32)
    (local $old i32)
    (local.set $old (table.grow $u (cont.new $ct (ref.func $ask)) (i32.const 3)))
    (call $run (table.get $u (i32.add (local.get $old) (i32.const 2))) (local.get 0)))
  (func (export "grow-shares") (param i32) (result i32)
    (local $old i32)
    (local.set $old (table.grow $u (cont.new $ct (ref.func $add10)) (i32.const 3)))
    (drop (call $run (table.get $u (i32.add (local.get $old) (i32.const 2))) (local.get 0)))
    (call $run (table.get $u (local.get $old)) (local.get 0)))
  (func (export "grow-returns-size") (result i32)
    (i32.sub
      (table.grow $u (cont.new $ct (ref.func $add10)) (i32.const 2))
      (i32.sub (table.size $u) (i32.const 2))))
  ;; table.grow with null: the new slot is null
  (func (export "grow-null") (param i32) (result i32)
    (call $run
      (table.get $u (table.grow $u (ref.null $ct) (i32.const 1)))
      (local.get 0)))
  ;; table.fill with a continuation: every filled slot holds it
  (func (export "fill-one") (param i32) (result i32)
    (table.fill $u (i32.const 0) (cont.new $ct (ref.func $add10)) (i32.const 4))
    (call $run (table.get $u (i32.const 3)) (local.get 0)))
  (func (export "fill-shares") (param $a i32) (param $b i32) (result i32)
    (table.fill $u (i32.const 0) (cont.new $ct (ref.func $add10)) (i32.const 4))
    (drop (call $run (table.get $u (local.get $a)) (i32.const 0)))
    (call $run (table.get $u (local.get $b)) (i32.const 0)))
  (func (export "fill-null") (param i32) (result i32)
    (table.fill $u (i32.const 0) (ref.null $ct) (i32.const 4))
    (call $run (table.get $u (local.get 0)) (i32.const 0)))
  ;; table.copy copies the reference: the copy and the original are one continuation
  (func (export "copy-then-resume-copy") (param i32) (result i32)
    (table.set $t (i32.const 0) (cont.new $ct (ref.func $ask)))
    (table.copy $u $t (i32.const 1) (i32.const 0) (i32.const 1))
    (call $run (table.get $u (i32.const 1)) (local.get 0)))
  (func (export "copy-then-resume-both") (param i32) (result i32)
    (table.set $t (i32.const 0) (cont.new $ct (ref.func $ask)))
    (table.copy $u $t (i32.const 1) (i32.const 0) (i32.const 1))
    (drop (call $run (table.get $u (i32.const 1)) (local.get 0)))
    (call $run (table.get $t (i32.const 0)) (local.get 0)))
  ;; overlapping copy within one table: slots 0..2 <- 1..3, moving two continuations down
  (func (export "copy-within") (result i32)
    (table.set $u (i32.const 1) (cont.new $ct (ref.func $add10)))
    (table.set $u (i32.const 2) (cont.new $ct (ref.func $ask)))
    (table.set $u (i32.const 3) (ref.null $ct))
    (table.copy $u $u (i32.const 0) (i32.const 1) (i32.const 3))
    (i32.add
      (i32.mul (call $run (table.get $u (i32.const 0)) (i32.const 1)) (i32.const 1000))
      (i32.add
        (call $run (table.get $u (i32.const 1)) (i32.const 2))
        (i32.mul (ref.is_null (table.get $u (i32.const 2))) (i32.const 100)))))
  ;; a continuation-typed element segment can only hold nulls; table.init copies them
  (func (export "init-null") (param i32) (result i32)
    (table.set $u (i32.const 1) (cont.new $ct (ref.func $add10)))
    (table.init $u $nulls (i32.const 0) (i32.const 0) (i32.const 2))
    (call $run (table.get $u (local.get 0)) (i32.const 0)))
)
(assert_return (invoke "set-get" (i32.const 5)) (i32.const 15))
(assert_return (invoke "set-get-suspended" (i32.const 5)) (i32.const 200))
(assert_trap (invoke "get-twice" (i32.const 5)) "continuation already consumed")
(assert_return (invoke "consumed-not-null" (i32.const 5)) (i32.const 0))
(assert_return (invoke "grow-first" (i32.const 6)) (i32.const 16))
(assert_return (invoke "grow-last" (i32.const 6)) (i32.const 14))
(assert_trap (invoke "grow-shares" (i32.const 6)) "continuation already consumed")
(assert_return (invoke "grow-returns-size") (i32.const 0))
(assert_trap (invoke "grow-null" (i32.const 6)) "null continuation reference")
(assert_return (invoke "fill-one" (i32.const 7)) (i32.const 17))
(assert_trap (invoke "fill-shares" (i32.const 3) (i32.const 0)) "continuation already consumed")
(assert_trap (invoke "fill-shares" (i32.const 0) (i32.const 2)) "continuation already consumed")
(assert_trap (invoke "fill-shares" (i32.const 1) (i32.const 1)) "continuation already consumed")
(assert_trap (invoke "fill-null" (i32.const 2)) "null continuation reference")
(assert_return (invoke "copy-then-resume-copy" (i32.const 8)) (i32.const 18))
(assert_trap (invoke "copy-then-resume-both" (i32.const 8)) "continuation already consumed")
(assert_return (invoke "copy-within") (i32.const 11106))
(assert_trap (invoke "init-null" (i32.const 0)) "null continuation reference")
(assert_trap (invoke "init-null" (i32.const 1)) "null continuation reference")

;; The same for a table with 64-bit indices.
(module $Tables64
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (table $t i64 2 (ref null $ct))
  (func $add10 (type $ft) (i32.add (local.get 0) (i32.const 10)))
  (elem declare func $add10)
  (func (export "grow64") (param i32) (result i32)
    (table.set $t (i64.const 1) (cont.new $ct (ref.func $add10)))
    (drop (table.grow $t (table.get $t (i64.const 1)) (i64.const 2)))
    (resume $ct (local.get 0) (table.get $t (i64.const 3))))
  (func (export "fill64-shares") (param i32) (result i32)
    (table.set $t (i64.const 1) (cont.new $ct (ref.func $add10)))
    (table.fill $t (i64.const 0) (table.get $t (i64.const 1)) (i64.const 2))
    (drop (resume $ct (local.get 0) (table.get $t (i64.const 0))))
    (resume $ct (local.get 0) (table.get $t (i64.const 1))))
)
(assert_return (invoke "grow64" (i32.const 1)) (i32.const 11))
(assert_trap (invoke "fill64-shares" (i32.const 1)) "continuation already consumed")

;; ==========================================================================================
;; 2. Globals; a continuation outlives the invocation that made it

(module $Globals
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (type $ft0 (func (result i32)))
  (type $ct0 (cont $ft0))
  (tag $y (param i32) (result i32))
  (tag $emit (param i32))
  (global $g (mut (ref null $ct)) (ref.null $ct))
  (global $fixed-null (ref null $ct) (ref.null $ct))
  (global $parked (export "parked") (mut (ref null $ct)) (ref.null $ct))
  (global $gen (mut (ref null $ct0)) (ref.null $ct0))
  (func $add10 (type $ft) (i32.add (local.get 0) (i32.const 10)))
  (func $ask (type $ft) (i32.mul (suspend $y (local.get 0)) (i32.const 2)))
  ;; emits 1, 2, 3 and returns
  (func $count (type $ft0)
    (suspend $emit (i32.const 1))
    (suspend $emit (i32.const 2))
    (suspend $emit (i32.const 3))
    (i32.const 0))
  (elem declare func $add10 $ask $count)

  (func (export "global-set-get") (param i32) (result i32)
    (global.set $g (cont.new $ct (ref.func $add10)))
    (resume $ct (local.get 0) (global.get $g)))
  (func (export "global-twice") (param i32) (result i32)
    (global.set $g (cont.new $ct (ref.func $add10)))
    (drop (resume $ct (local.get 0) (global.get $g)))
    (resume $ct (local.get 0) (global.get $g)))
  (func (export "global-consumed-not-null") (param i32) (result i32)
    (global.set $g (cont.new $ct (ref.func $add10)))
    (drop (resume $ct (local.get 0) (global.get $g)))
    (ref.is_null (global.get $g)))
  ;; an immutable global of continuation type can only be null
  (func (export "immutable-null") (result i32)
    (resume $ct (i32.const 0) (global.get $fixed-null)))

  ;; park: runs $ask(x) up to its suspension, keeps the continuation in $parked and returns
  ;; the payload; unpark, in a later invocation, resumes it with an answer
  (func (export "park") (param i32) (result i32)
    (local $k (ref null $ct))
    (block $h (result i32 (ref $ct))
      (return (resume $ct (on $y $h) (local.get 0) (cont.new $ct (ref.func $ask)))))
    (local.set $k)
    (global.set $parked (local.get $k)))
  (func (export "unpark") (param i32) (result i32)
    (resume $ct (local.get 0) (global.get $parked)))

  ;; a generator kept in a global: each invocation resumes it once and keeps the next
  ;; continuation; -1 when it has returned (then the next invocation starts a new one)
  (func (export "next") (result i32)
    (local $k (ref null $ct0))
    (if (ref.is_null (global.get $gen))
      (then (global.set $gen (cont.new $ct0 (ref.func $count)))))
    (block $h (result i32 (ref $ct0))
      (drop (resume $ct0 (on $emit $h) (global.get $gen)))
      (global.set $gen (ref.null $ct0))
      (return (i32.const -1)))
    (local.set $k)
    (global.set $gen (local.get $k)))
)
(register "Globals" $Globals)
(assert_return (invoke "global-set-get" (i32.const 1)) (i32.const 11))
(assert_trap (invoke "global-twice" (i32.const 1)) "continuation already consumed")
(assert_return (invoke "global-consumed-not-null" (i32.const 1)) (i32.const 0))
(assert_trap (invoke "immutable-null") "null continuation reference")
(assert_return (invoke "park" (i32.const 21)) (i32.const 21))
(assert_return (invoke "unpark" (i32.const 50)) (i32.const 100))
(assert_trap (invoke "unpark" (i32.const 50)) "continuation already consumed")
(assert_return (invoke "next") (i32.const 1))
(assert_return (invoke "next") (i32.const 2))
(assert_return (invoke "next") (i32.const 3))
(assert_return (invoke "next") (i32.const -1))
(assert_return (invoke "next") (i32.const 1))

;; Parked by one module in an exported global, resumed by another module later.
(assert_return (invoke $Globals "park" (i32.const 4)) (i32.const 4))
(module $Elsewhere
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (import "Globals" "parked" (global $parked (mut (ref null $ct))))
  (func (export "unpark-elsewhere") (param i32) (result i32)
    (resume $ct (local.get 0) (global.get $parked)))
)
(assert_return (invoke "unpark-elsewhere" (i32.const 9)) (i32.const 18))
(assert_trap (invoke $Globals "unpark" (i32.const 9)) "continuation already consumed")

;; A continuation made and suspended by a start function outlives the instantiation; an
;; active element segment of continuation type fills table slots 1 and 2 with nulls before
;; the start function runs.
(module $Started
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (tag $y (param i32) (result i32))
  (global $parked (mut (ref null $ct)) (ref.null $ct))
  (global $payload (mut i32) (i32.const 0))
  (table $t 3 (ref null $ct))
  (elem (table $t) (i32.const 1) (ref null $ct) (ref.null $ct) (ref.null $ct))
  (func $ask (type $ft) (i32.mul (suspend $y (local.get 0)) (i32.const 2)))
  (elem declare func $ask)
  (start $park)
  (func $park
    (local $k (ref null $ct))
    (table.set $t (i32.const 2) (cont.new $ct (ref.func $ask)))
    (block $h (result i32 (ref $ct))
      (drop (resume $ct (on $y $h) (i32.const 13) (cont.new $ct (ref.func $ask))))
      (unreachable))
    (local.set $k)
    (global.set $payload)
    (global.set $parked (local.get $k)))
  (func (export "payload") (result i32) (global.get $payload))
  (func (export "unpark-started") (param i32) (result i32)
    (resume $ct (local.get 0) (global.get $parked)))
  (func (export "slot-after-elem") (param i32) (result i32)
    (resume $ct (i32.const 1) (table.get $t (local.get 0))))
)
(assert_return (invoke "payload") (i32.const 13))
(assert_return (invoke "unpark-started" (i32.const 4)) (i32.const 8))
(assert_trap (invoke "unpark-started" (i32.const 4)) "continuation already consumed")
(assert_trap (invoke "slot-after-elem" (i32.const 1)) "null continuation reference")
(assert_trap (invoke "slot-after-elem" (i32.const 0)) "null continuation reference")
;; (the segment is applied before the start function, which put $ask in slot 2)
(assert_suspension (invoke "slot-after-elem" (i32.const 2)) "unhandled")

;; ==========================================================================================
;; 3. Struct fields and array elements

(module $Heap
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (type $ft0 (func (result i32)))
  (type $ct0 (cont $ft0))
  (type $box (struct (field (mut (ref null $ct)))))
  (type $fixed (struct (field (ref $ct)) (field i32)))
  (type $arr (array (mut (ref null $ct))))
  (type $arr0 (array (mut (ref null $ct0))))
  (tag $y (param i32) (result i32))
  (elem $nulls (ref null $ct) (ref.null $ct) (ref.null $ct))
  (func $add10 (type $ft) (i32.add (local.get 0) (i32.const 10)))
  (func $ask (type $ft) (i32.mul (suspend $y (local.get 0)) (i32.const 2)))
  (func $sub (type $ft) (i32.sub (i32.const 1000) (local.get 0)))
  (elem declare func $add10 $ask $sub)
  (func $run (param $k (ref null $ct)) (param $v i32) (result i32)
    (block $h (result i32 (ref $ct))
      (return (resume $ct (on $y $h) (local.get $v) (local.get $k))))
    (local.set $k)
    (i32.add (i32.const 1))
    (resume $ct (local.get $k)))

  ;; struct fields
  (func (export "struct-new-get") (param i32) (result i32)
    (call $run
      (struct.get $fixed 0 (struct.new $fixed (cont.new $ct (ref.func $add10)) (i32.const 0)))
      (local.get 0)))
  (func (export "struct-set-get") (param i32) (result i32)
    (local $b (ref $box))
    (local.set $b (struct.new_default $box))
    (struct.set $box 0 (local.get $b) (cont.new $ct (ref.func $ask)))
    (call $run (struct.get $box 0 (local.get $b)) (local.get 0)))
  (func (export "struct-default-null") (param i32) (result i32)
    (call $run (struct.get $box 0 (struct.new_default $box)) (local.get 0)))
  ;; two structs holding one continuation
  (func (export "struct-shares") (param i32) (result i32)
    (local $k (ref null $ct))
    (local $b1 (ref $box))
    (local $b2 (ref $box))
    (local.set $k (cont.new $ct (ref.func $add10)))
    (local.set $b1 (struct.new $box (local.get $k)))
    (local.set $b2 (struct.new $box (local.get $k)))
    (drop (call $run (struct.get $box 0 (local.get $b1)) (local.get 0)))
    (call $run (struct.get $box 0 (local.get $b2)) (local.get 0)))
  (func (export "struct-consumed-not-null") (param i32) (result i32)
    (local $b (ref $box))
    (local.set $b (struct.new $box (cont.new $ct (ref.func $add10))))
    (drop (call $run (struct.get $box 0 (local.get $b)) (local.get 0)))
    (ref.is_null (struct.get $box 0 (local.get $b))))

  ;; array.new with a continuation: every element is that one continuation
  (func (export "array-new") (param $i i32) (param $v i32) (result i32)
    (call $run
      (array.get $arr (array.new $arr (cont.new $ct (ref.func $ask)) (i32.const 5)) (local.get $i))
      (local.get $v)))
  (func (export "array-new-shares") (param $i i32) (param $j i32) (result i32)
    (local $a (ref $arr))
    (local.set $a (array.new $arr (cont.new $ct (ref.func $add10)) (i32.const 5)))
    (drop (call $run (array.get $arr (local.get $a) (local.get $i)) (i32.const 0)))
    (call $run (array.get $arr (local.get $a) (local.get $j)) (i32.const 0)))
  ;; array.new_fixed with three different continuations: each runs its own function
  (func (export "array-new-fixed") (result i32)
    (local $a (ref $arr))
    (local.set $a
      (array.new_fixed $arr 3
        (cont.new $ct (ref.func $add10))
        (cont.new $ct (ref.func $ask))
        (cont.new $ct (ref.func $sub))))
    (i32.add
      (i32.add
        (i32.mul (call $run (array.get $arr (local.get $a) (i32.const 2)) (i32.const 1))
                 (i32.const 100000))
        (i32.mul (call $run (array.get $arr (local.get $a) (i32.const 0)) (i32.const 5))
                 (i32.const 100)))
      (call $run (array.get $arr (local.get $a) (i32.const 1)) (i32.const 3))))
  ;; array.new_default and array.new_elem: nulls
  (func (export "array-default-null") (param i32) (result i32)
    (call $run (array.get $arr (array.new_default $arr (i32.const 3)) (local.get 0)) (i32.const 0)))
  (func (export "array-new-elem-null") (param i32) (result i32)
    (call $run
      (array.get $arr (array.new_elem $arr $nulls (i32.const 0) (i32.const 2)) (local.get 0))
      (i32.const 0)))
  ;; array.fill: elements 1 and 2 of 4 hold one continuation; 0 and 3 stay null
  (func $filled (result (ref $arr))
    (local $a (ref $arr))
    (local.set $a (array.new_default $arr (i32.const 4)))
    (array.fill $arr (local.get $a) (i32.const 1) (cont.new $ct (ref.func $ask)) (i32.const 2))
    (local.get $a))
  (func (export "array-fill") (param $i i32) (param $v i32) (result i32)
    (call $run (array.get $arr (call $filled) (local.get $i)) (local.get $v)))
  (func (export "array-fill-shares") (param $i i32) (param $j i32) (result i32)
    (local $a (ref $arr))
    (local.set $a (call $filled))
    (drop (call $run (array.get $arr (local.get $a) (local.get $i)) (i32.const 0)))
    (call $run (array.get $arr (local.get $a) (local.get $j)) (i32.const 0)))
  ;; array.copy between arrays copies references
  (func (export "array-copy") (param $v i32) (result i32)
    (local $a (ref $arr))
    (local $b (ref $arr))
    (local.set $a (array.new_fixed $arr 2 (ref.null $ct) (cont.new $ct (ref.func $sub))))
    (local.set $b (array.new_default $arr (i32.const 3)))
    (array.copy $arr $arr (local.get $b) (i32.const 1) (local.get $a) (i32.const 0) (i32.const 2))
    (i32.add
      (i32.mul (ref.is_null (array.get $arr (local.get $b) (i32.const 1))) (i32.const 10000))
      (call $run (array.get $arr (local.get $b) (i32.const 2)) (local.get $v))))
  (func (export "array-copy-shares") (param $v i32) (result i32)
    (local $a (ref $arr))
    (local $b (ref $arr))
    (local.set $a (array.new_fixed $arr 2 (ref.null $ct) (cont.new $ct (ref.func $sub))))
    (local.set $b (array.new_default $arr (i32.const 3)))
    (array.copy $arr $arr (local.get $b) (i32.const 1) (local.get $a) (i32.const 0) (i32.const 2))
    (drop (call $run (array.get $arr (local.get $b) (i32.const 2)) (local.get $v)))
    (call $run (array.get $arr (local.get $a) (i32.const 1)) (local.get $v)))
  ;; array.set, and array.copy within one array (overlapping)
  (func (export "array-set-copy-within") (result i32)
    (local $a (ref $arr))
    (local.set $a (array.new_default $arr (i32.const 3)))
    (array.set $arr (local.get $a) (i32.const 0) (cont.new $ct (ref.func $add10)))
    (array.set $arr (local.get $a) (i32.const 1) (cont.new $ct (ref.func $sub)))
    (array.copy $arr $arr (local.get $a) (i32.const 1) (local.get $a) (i32.const 0) (i32.const 2))
    ;; now [add10, add10, sub]
    (i32.add
      (i32.mul (call $run (array.get $arr (local.get $a) (i32.const 1)) (i32.const 1)) (i32.const 10000))
      (call $run (array.get $arr (local.get $a) (i32.const 2)) (i32.const 1))))
  ;; array.init_elem from a continuation-typed segment: nulls over elements 1 and 2
  (func (export "array-init-elem") (param i32) (result i32)
    (local $a (ref $arr))
    (local.set $a (array.new $arr (cont.new $ct (ref.func $add10)) (i32.const 3)))
    (array.init_elem $arr $nulls (local.get $a) (i32.const 1) (i32.const 0) (i32.const 2))
    (call $run (array.get $arr (local.get $a) (local.get 0)) (i32.const 4)))
  (func (export "array-consumed-not-null") (result i32)
    (local $a (ref $arr))
    (local.set $a (array.new $arr (cont.new $ct (ref.func $add10)) (i32.const 2)))
    (drop (call $run (array.get $arr (local.get $a) (i32.const 0)) (i32.const 0)))
    (i32.add
      (ref.is_null (array.get $arr (local.get $a) (i32.const 0)))
      (ref.is_null (array.get $arr (local.get $a) (i32.const 1)))))
  ;; cont.bind from an array element: the bound one is new, the element is consumed
  (func (export "array-bind") (param $v i32) (result i32)
    (local $a (ref $arr))
    (local.set $a (array.new $arr (cont.new $ct (ref.func $sub)) (i32.const 1)))
    (resume $ct0
      (cont.bind $ct $ct0 (local.get $v) (array.get $arr (local.get $a) (i32.const 0)))))
  (func (export "array-bind-then-resume") (param $v i32) (result i32)
    (local $a (ref $arr))
    (local.set $a (array.new $arr (cont.new $ct (ref.func $sub)) (i32.const 1)))
    (drop (cont.bind $ct $ct0 (local.get $v) (array.get $arr (local.get $a) (i32.const 0))))
    (call $run (array.get $arr (local.get $a) (i32.const 0)) (local.get $v)))
)
(assert_return (invoke "struct-new-get" (i32.const 2)) (i32.const 12))
(assert_return (invoke "struct-set-get" (i32.const 2)) (i32.const 6))
(assert_trap (invoke "struct-default-null" (i32.const 2)) "null continuation reference")
(assert_trap (invoke "struct-shares" (i32.const 2)) "continuation already consumed")
(assert_return (invoke "struct-consumed-not-null" (i32.const 2)) (i32.const 0))
(assert_return (invoke "array-new" (i32.const 0) (i32.const 4)) (i32.const 10))
(assert_return (invoke "array-new" (i32.const 4) (i32.const 5)) (i32.const 12))
(assert_trap (invoke "array-new-shares" (i32.const 0) (i32.const 4)) "continuation already consumed")
(assert_trap (invoke "array-new-shares" (i32.const 3) (i32.const 1)) "continuation already consumed")
(assert_return (invoke "array-new-fixed") (i32.const 99901508))
(assert_trap (invoke "array-default-null" (i32.const 2)) "null continuation reference")
(assert_trap (invoke "array-new-elem-null" (i32.const 1)) "null continuation reference")
(assert_return (invoke "array-fill" (i32.const 1) (i32.const 7)) (i32.const 16))
(assert_return (invoke "array-fill" (i32.const 2) (i32.const 8)) (i32.const 18))
(assert_trap (invoke "array-fill" (i32.const 0) (i32.const 7)) "null continuation reference")
(assert_trap (invoke "array-fill" (i32.const 3) (i32.const 7)) "null continuation reference")
(assert_trap (invoke "array-fill-shares" (i32.const 1) (i32.const 2)) "continuation already consumed")
(assert_return (invoke "array-copy" (i32.const 1)) (i32.const 10999))
(assert_trap (invoke "array-copy-shares" (i32.const 1)) "continuation already consumed")
(assert_return (invoke "array-set-copy-within") (i32.const 110999))
(assert_return (invoke "array-init-elem" (i32.const 0)) (i32.const 14))
(assert_trap (invoke "array-init-elem" (i32.const 1)) "null continuation reference")
(assert_trap (invoke "array-init-elem" (i32.const 2)) "null continuation reference")
(assert_return (invoke "array-consumed-not-null") (i32.const 0))
(assert_return (invoke "array-bind" (i32.const 1)) (i32.const 999))
(assert_trap (invoke "array-bind-then-resume" (i32.const 1)) "continuation already consumed")

;; ==========================================================================================
;; 4. Locals across suspensions; exception payloads

(module $Locals
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (type $ft0 (func (result i32)))
  (type $ct0 (cont $ft0))
  (tag $y (param i32) (result i32))
  (tag $pause)
  (tag $carry (param (ref $ct0)))
  (global $exn (mut exnref) (ref.null exn))
  (func $add10 (type $ft) (i32.add (local.get 0) (i32.const 10)))
  (func $ask (type $ft) (i32.mul (suspend $y (local.get 0)) (i32.const 2)))
  (elem declare func $add10 $ask $holder $holder-suspended)

  ;; keeps a fresh continuation in a local across two suspensions, then resumes it
  (func $holder (type $ft)
    (local $inner (ref null $ct))
    (local.set $inner (cont.new $ct (ref.func $add10)))
    (suspend $pause)
    (suspend $pause)
    (resume $ct (local.get 0) (local.get $inner)))
  ;; keeps a suspended continuation (its own child, suspended at $y) in a local across a
  ;; suspension of its own, then resumes it with its own parameter
  (func $holder-suspended (type $ft)
    (local $inner (ref null $ct))
    (local.set $inner
      (block $h (result i32 (ref $ct))
        (drop (resume $ct (on $y $h) (i32.const 3) (cont.new $ct (ref.func $ask))))
        (unreachable)))
    (drop)  ;; the payload, 3
    (suspend $pause)
    (resume $ct (local.get 0) (local.get $inner)))
  ;; runs k(v), resuming it after every $pause; counts the pauses in the hundreds
  (func $run-pauses (param $k (ref null $ct0)) (result i32)
    (local $n i32)
    (loop $next
      (block $h (result (ref $ct0))
        (return (i32.add (resume $ct0 (on $pause $h) (local.get $k))
                         (i32.mul (local.get $n) (i32.const 100)))))
      (local.set $k)
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $next))
    (unreachable))

  (func (export "local-fresh") (param i32) (result i32)
    (call $run-pauses (cont.bind $ct $ct0 (local.get 0) (cont.new $ct (ref.func $holder)))))
  (func (export "local-suspended") (param i32) (result i32)
    (call $run-pauses
      (cont.bind $ct $ct0 (local.get 0) (cont.new $ct (ref.func $holder-suspended)))))

  ;; a continuation ($ask with x bound) in an exception payload, kept as an exnref in a
  ;; global, rethrown in a later invocation, caught, and resumed: it suspends with x
  (func (export "keep-in-exn") (param i32) (result i32)
    (global.set $exn
      (block $c (result exnref)
        (try_table (catch_all_ref $c)
          (throw $carry (cont.bind $ct $ct0 (local.get 0) (cont.new $ct (ref.func $ask)))))
        (unreachable)))
    (ref.is_null (global.get $exn)))
  (func (export "take-from-exn") (result i32)
    (local $k (ref null $ct0))
    (block $c (result (ref $ct0))
      (try_table (catch $carry $c) (throw_ref (global.get $exn)))
      (unreachable))
    (local.set $k)
    (block $h (result i32 (ref $ct))
      (return (resume $ct0 (on $y $h) (local.get $k))))
    (drop)
    (i32.add (i32.const 1000)))
)
(assert_return (invoke "local-fresh" (i32.const 5)) (i32.const 215))
(assert_return (invoke "local-suspended" (i32.const 5)) (i32.const 110))
(assert_return (invoke "keep-in-exn" (i32.const 7)) (i32.const 0))
(assert_return (invoke "take-from-exn") (i32.const 1007))
(assert_trap (invoke "take-from-exn") "continuation already consumed")

;; ==========================================================================================
;; 5. Cycles through a continuation's own stack
;;
;; A suspended continuation whose frame holds (in a struct it keeps in a local, or as the
;; value its suspend returns) a reference to the very continuation object that represents
;; it. Resuming it consumes that object: while it runs, the reference it holds is to a
;; consumed continuation (not null; resuming, binding or aborting it traps). When it
;; suspends again, the handler gets a new continuation; the old reference stays consumed.

(module $Cycles
  (type $ft0 (func (result i32)))
  (type $ct0 (cont $ft0))
  (type $box (struct (field (mut (ref null $ct0)))))
  (type $bft (func (param (ref $box) i32) (result i32)))
  (type $bct (cont $bft))
  (rec
    (type $sft (func (param (ref null $sct)) (result i32)))
    (type $sct (cont $sft)))
  (tag $y)
  (tag $me (result (ref null $sct)))
  (tag $x (param i32))

  ;; runs with a box that, once it has suspended at $y, holds its own continuation;
  ;; then, by mode: 0: is the box's reference null?  1: resume it  2: cont.bind it
  ;; 3: resume_throw it  4: suspend again and return 77 after that
  (func $boxed (type $bft)
    (suspend $y)
    (block $m4
      (block $m3
        (block $m2
          (block $m1
            (block $m0
              (br_table $m0 $m1 $m2 $m3 $m4 (local.get 1)))
            (return (ref.is_null (struct.get $box 0 (local.get 0)))))
          (return (resume $ct0 (struct.get $box 0 (local.get 0)))))
        (return (resume $ct0 (cont.bind $ct0 $ct0 (struct.get $box 0 (local.get 0))))))
      (return (resume_throw $ct0 $x (i32.const 1) (struct.get $box 0 (local.get 0)))))
    (suspend $y)
    (i32.const 77))
  (elem declare func $boxed)

  ;; makes the cycle, then resumes the continuation from the box
  (func $cycle (param $mode i32) (result (ref $box) (ref null $ct0) i32)
    (local $b (ref $box))
    (local $k (ref null $ct0))
    (local.set $b (struct.new_default $box))
    (block $h (result (ref $ct0))
      (return (local.get $b) (ref.null $ct0)
        (resume $ct0 (on $y $h)
          (cont.bind $bct $ct0 (local.get $b) (local.get $mode) (cont.new $bct (ref.func $boxed))))))
    (local.set $k)
    (struct.set $box 0 (local.get $b) (local.get $k))
    ;; the cycle: $k's frame holds $b, and $b holds $k
    (block $h2 (result (ref $ct0))
      (return (local.get $b) (ref.null $ct0)
        (resume $ct0 (on $y $h2) (struct.get $box 0 (local.get $b)))))
    (local.set $k)
    ;; suspended a second time: $k is the new continuation
    (local.get $b) (local.get $k) (i32.const -1))

  (func $result-of (param $mode i32) (result i32)
    (local $r i32)
    (call $cycle (local.get $mode))
    (local.set $r)
    (drop)
    (drop)
    (local.get $r))
  (func (export "box-self-not-null") (result i32) (call $result-of (i32.const 0)))
  (func (export "box-self-resume") (result i32) (call $result-of (i32.const 1)))
  (func (export "box-self-bind") (result i32) (call $result-of (i32.const 2)))
  (func (export "box-self-throw") (result i32) (call $result-of (i32.const 3)))
  ;; after the second suspension: the new continuation runs it to the end ...
  (func (export "box-new-after-resuspend") (result i32)
    (local $k (ref null $ct0))
    (call $cycle (i32.const 4))
    (drop)
    (local.set $k)
    (drop)
    (resume $ct0 (local.get $k)))
  ;; ... while the old one, in the box, stays consumed
  (func (export "box-old-after-resuspend") (result i32)
    (call $cycle (i32.const 4))
    (drop)
    (drop)
    (resume $ct0 (struct.get $box 0)))
  ;; ... and is still not null after the computation has finished
  (func (export "box-old-after-return") (result i32)
    (local $b (ref null $box))
    (call $cycle (i32.const 4))
    (drop)
    (drop (resume $ct0))
    (local.set $b)
    (i32.add
      (i32.mul (ref.is_null (struct.get $box 0 (local.get $b))) (i32.const 10))
      (i32.const 5)))

  ;; a continuation whose suspend returns the continuation itself: by mode as above
  (global $mode (mut i32) (i32.const 0))
  (func $selfish (type $ft0)
    (local $k (ref null $sct))
    (local.set $k (suspend $me))
    (block $m3
      (block $m2
        (block $m1
          (block $m0
            (br_table $m0 $m1 $m2 $m3 (global.get $mode)))
          (return (ref.is_null (local.get $k))))
        (return (resume $sct (ref.null $sct) (local.get $k))))
      (return (resume $ct0 (cont.bind $sct $ct0 (ref.null $sct) (local.get $k)))))
    (resume_throw $sct $x (i32.const 2) (local.get $k)))
  (elem declare func $selfish)
  (func $given-itself (param $mode i32) (result i32)
    (local $k (ref null $sct))
    (global.set $mode (local.get $mode))
    (block $h (result (ref $sct))
      (return (resume $ct0 (on $me $h) (cont.new $ct0 (ref.func $selfish)))))
    (local.set $k)
    (resume $sct (local.get $k) (local.get $k)))
  (func (export "given-itself-not-null") (result i32) (call $given-itself (i32.const 0)))
  (func (export "given-itself-resume") (result i32) (call $given-itself (i32.const 1)))
  (func (export "given-itself-bind") (result i32) (call $given-itself (i32.const 2)))
  (func (export "given-itself-throw") (result i32) (call $given-itself (i32.const 3)))
)
(assert_return (invoke "box-self-not-null") (i32.const 0))
(assert_trap (invoke "box-self-resume") "continuation already consumed")
(assert_trap (invoke "box-self-bind") "continuation already consumed")
(assert_trap (invoke "box-self-throw") "continuation already consumed")
(assert_return (invoke "box-new-after-resuspend") (i32.const 77))
(assert_trap (invoke "box-old-after-resuspend") "continuation already consumed")
(assert_return (invoke "box-old-after-return") (i32.const 5))
(assert_return (invoke "given-itself-not-null") (i32.const 0))
(assert_trap (invoke "given-itself-resume") "continuation already consumed")
(assert_trap (invoke "given-itself-bind") "continuation already consumed")
(assert_trap (invoke "given-itself-throw") "continuation already consumed")

;; ==========================================================================================
;; 6. Many live continuations at once
;;
;; n generators, generator i emitting 3i, then 3i + 1, then returning i xor 0x5555, are made
;; and kept in a table; all n are then suspended at once. Each pass resumes every one of them
;; one step, in an order different from the creation order and from the other passes, and
;; checks each value. The result is the number of correct checks (4n when all are right).
;; (n must not be a multiple of 7919, the first pass's stride.)

(module $Many
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (type $ft0 (func (result i32)))
  (type $ct0 (cont $ft0))
  (tag $emit (param i32))
  (table $gens 0 (ref null $ct0))
  (func $gen (type $ft)
    (suspend $emit (i32.mul (local.get 0) (i32.const 3)))
    (suspend $emit (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
    (i32.xor (local.get 0) (i32.const 0x5555)))
  (elem declare func $gen)

  ;; resumes generator i one step: keeps the next continuation (or null when it returned)
  ;; and gives the emitted or returned value
  (func $step (param $i i32) (result i32)
    (local $k (ref null $ct0))
    (block $h (result i32 (ref $ct0))
      (resume $ct0 (on $emit $h) (table.get $gens (local.get $i)))
      (table.set $gens (local.get $i) (ref.null $ct0))
      (return))
    (local.set $k)
    (table.set $gens (local.get $i) (local.get $k)))

  (func (export "many") (param $n i32) (result i32)
    (local $i i32)
    (local $j i32)
    (local $ok i32)
    (if (i32.lt_u (table.size $gens) (local.get $n))
      (then (drop (table.grow $gens (ref.null $ct0)
                    (i32.sub (local.get $n) (table.size $gens))))))
    ;; make them, in order 0 .. n-1
    (local.set $i (i32.const 0))
    (loop $make
      (table.set $gens (local.get $i)
        (cont.bind $ct $ct0 (local.get $i) (cont.new $ct (ref.func $gen))))
      (br_if $make (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    ;; first emit, in order j * 7919 mod n
    (local.set $j (i32.const 0))
    (loop $pass1
      (local.set $i (i32.rem_u (i32.mul (local.get $j) (i32.const 7919)) (local.get $n)))
      (local.set $ok (i32.add (local.get $ok)
        (i32.eq (call $step (local.get $i)) (i32.mul (local.get $i) (i32.const 3)))))
      (br_if $pass1 (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
    ;; second emit, in order n-1 .. 0
    (local.set $j (i32.const 0))
    (loop $pass2
      (local.set $i (i32.sub (i32.sub (local.get $n) (i32.const 1)) (local.get $j)))
      (local.set $ok (i32.add (local.get $ok)
        (i32.eq (call $step (local.get $i))
                (i32.add (i32.mul (local.get $i) (i32.const 3)) (i32.const 1)))))
      (br_if $pass2 (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
    ;; to the end, in order: the odd ones up, then the even ones down
    (local.set $j (i32.const 0))
    (loop $pass3
      (local.set $i
        (if (result i32) (i32.lt_u (local.get $j) (i32.shr_u (local.get $n) (i32.const 1)))
          (then (i32.add (i32.shl (local.get $j) (i32.const 1)) (i32.const 1)))
          (else (i32.shl (i32.sub (i32.sub (local.get $n) (i32.const 1)) (local.get $j))
                         (i32.const 1)))))
      (local.set $ok (i32.add (local.get $ok)
        (i32.eq (call $step (local.get $i)) (i32.xor (local.get $i) (i32.const 0x5555)))))
      (br_if $pass3 (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
    ;; every one has returned
    (local.set $j (i32.const 0))
    (loop $pass4
      (local.set $ok (i32.add (local.get $ok) (ref.is_null (table.get $gens (local.get $j)))))
      (br_if $pass4 (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
    (local.get $ok))
)
(assert_return (invoke "many" (i32.const 10000)) (i32.const 40000))
(assert_return (invoke "many" (i32.const 10007)) (i32.const 40028))

;; ==========================================================================================
;; 7. Consumption is in the store, not in the reference

(module $Consumed
  (type $ft (func (param i32) (result i32)))
  (type $ct (cont $ft))
  (type $ft0 (func (result i32)))
  (type $ct0 (cont $ft0))
  (tag $y (param i32) (result i32))
  (tag $x (param i32))
  (func $add10 (type $ft) (i32.add (local.get 0) (i32.const 10)))
  (func $ask (type $ft) (i32.mul (suspend $y (local.get 0)) (i32.const 2)))
  (elem declare func $add10 $ask)
  ;; a continuation consumed by: 0 resume to the end, 1 resume up to a suspend,
  ;; 2 cont.bind, 3 resume_throw
  (func $consumed (param $how i32) (result (ref $ct))
    (local $k (ref $ct))
    (local.set $k (cont.new $ct (ref.func $ask)))
    (block $done
      (block $m3
        (block $m2
          (block $m1
            (block $m0
              (br_table $m0 $m1 $m2 $m3 (local.get $how)))
            (local.set $k (cont.new $ct (ref.func $add10)))
            (drop (resume $ct (i32.const 1) (local.get $k)))
            (br $done))
          (drop
            (block $h (result i32 (ref $ct))
              (drop (resume $ct (on $y $h) (i32.const 1) (local.get $k)))
              (unreachable)))
          (drop)
          (br $done))
        (drop (cont.bind $ct $ct0 (i32.const 1) (local.get $k)))
        (br $done))
      (drop
        (block $c (result i32)
          (try_table (catch $x $c) (drop (resume_throw $ct $x (i32.const 1) (local.get $k))))
          (unreachable))))
    (local.get $k))
  (func (export "is-null") (param i32) (result i32)
    (ref.is_null (call $consumed (local.get 0))))
  (func (export "as-non-null") (param i32) (result i32)
    (drop (ref.as_non_null (call $consumed (local.get 0))))
    (i32.const 1))
  (func (export "br-on-null") (param i32) (result i32)
    (block $null
      (drop (br_on_null $null (call $consumed (local.get 0))))
      (return (i32.const 2)))
    (i32.const 3))
  (func (export "br-on-non-null") (param i32) (result i32)
    (drop
      (block $non-null (result (ref $ct))
        (br_on_non_null $non-null (call $consumed (local.get 0)))
        (return (i32.const 3))))
    (i32.const 2))
  (func (export "resume-consumed") (param i32) (result i32)
    (resume $ct (i32.const 0) (call $consumed (local.get 0))))
)
(assert_return (invoke "is-null" (i32.const 0)) (i32.const 0))
(assert_return (invoke "is-null" (i32.const 1)) (i32.const 0))
(assert_return (invoke "is-null" (i32.const 2)) (i32.const 0))
(assert_return (invoke "is-null" (i32.const 3)) (i32.const 0))
(assert_return (invoke "as-non-null" (i32.const 0)) (i32.const 1))
(assert_return (invoke "as-non-null" (i32.const 2)) (i32.const 1))
(assert_return (invoke "br-on-null" (i32.const 1)) (i32.const 2))
(assert_return (invoke "br-on-null" (i32.const 3)) (i32.const 2))
(assert_return (invoke "br-on-non-null" (i32.const 0)) (i32.const 2))
(assert_return (invoke "br-on-non-null" (i32.const 2)) (i32.const 2))
(assert_trap (invoke "resume-consumed" (i32.const 0)) "continuation already consumed")
(assert_trap (invoke "resume-consumed" (i32.const 1)) "continuation already consumed")
(assert_trap (invoke "resume-consumed" (i32.const 2)) "continuation already consumed")
(assert_trap (invoke "resume-consumed" (i32.const 3)) "continuation already consumed")

;; ==========================================================================================
;; 8. No constant expression makes a continuation, so places of continuation type in a
;;    module's definition start out null, and none of non-null continuation type can be made.

(assert_invalid
  (module
    (type $ft (func (param i32) (result i32)))
    (type $ct (cont $ft))
    (func $f (type $ft) (local.get 0))
    (elem declare func $f)
    (global (ref null $ct) (cont.new $ct (ref.func $f))))
  "constant expression required")
(assert_invalid
  (module
    (type $ft (func (param i32) (result i32)))
    (type $ct (cont $ft))
    (func $f (type $ft) (local.get 0))
    (elem declare func $f)
    (table 1 (ref null $ct) (cont.new $ct (ref.func $f))))
  "constant expression required")
(assert_invalid
  (module
    (type $ft (func (param i32) (result i32)))
    (type $ct (cont $ft))
    (func $f (type $ft) (local.get 0))
    (elem (ref null $ct) (cont.new $ct (ref.func $f))))
  "constant expression required")
(assert_invalid
  (module
    (type $ft (func (param i32) (result i32)))
    (type $ct (cont $ft))
    (table 1 (ref $ct)))
  "type mismatch")
(assert_invalid
  (module
    (type $ft (func (param i32) (result i32)))
    (type $ct (cont $ft))
    (global (ref $ct) (ref.null $ct)))
  "type mismatch")
