;; reduction-switch.wast -- the reduction rules for `switch`, and the
;; handler search for switch and suspend past handlers of the wrong kind.
;;
;; Explainer, "Instruction set extension > Invoking continuations":
;;
;;   switch $ct1 $e : [t1* (ref null $ct1)] -> [t2*]
;;   where:
;;   - $e : [] -> [t*]
;;   - $ct1 = cont [t1* (ref $ct2)] -> [t*]
;;   - $ct2 = cont [t2*] -> [t*]
;;
;;   "The `switch` instruction is parameterised by the type of the
;;   continuation argument (`$ct1`) and a control tag (`$e`). It suspends
;;   the current continuation (of type `$ct2`), then performs a direct switch
;;   to the suspended peer continuation (of type `$ct1`), passing in the
;;   required parameters (including the just suspended current continuation,
;;   in order to allow the peer to switch back again). As with `resume`,
;;   `resume_throw`, and `resume_throw_ref`, the `switch` instruction fully
;;   consumes its suspended continuation argument."
;;
;;   "2. `(on $e switch)` allowing a direct switch with control tag `$e`."
;;
;; Explainer, "Specification changes > Execution":
;;
;;   "The same control tag may be used simultaneously by `throw`, `suspend`,
;;   `switch`, and their associated handlers. When searching for a handler
;;   for an event, only handlers for the matching kind of event are
;;   considered, e.g. only `(on $e $l)` handlers can handle `suspend` events
;;   and only `(on $e switch)` handlers can handle `switch` events. The
;;   handler search continues past handlers for the wrong kind of event,
;;   even if they use the correct tag."
;;
;; Explainer, "Specification changes > Execution > Reduction":
;;
;;   * `S; F; (switch $ct $e) --> S; F; (switch $ct ea)`
;;     - iff `ea = F.module.tags[$e]`
;;   * `S; F; (ref.null t) (switch $ct ea) --> S; F; trap`
;;   * `S; F; (ref.cont ca) (switch $ct ea) --> S; F; trap`
;;     - iff `S.conts[ca] = epsilon`
;;   * `S; F; (prompt{hdl1* (on ea switch) hdl2*} H^ea[v^n (ref.cont ca)
;;        (switch $ct ea)] end) --> S''; F; prompt{hdl1* (on ea switch) hdl2*}
;;        E[v^n (ref.cont |S.conts|)] end`
;;     - iff  `S.conts[ca] = E`
;;     - and `(on switch ea) notin hdl1*`
;;     - and `$ct ~~ cont [t1^n (ref $ct2)] -> [t2*]`
;;     - and `S' = S with conts[ca] = epsilon`
;;     - and `S'' = S' with conts += H^ea`
;;
;; Explainer, "Specification changes > Execution > Handler contexts":
;;
;;   H^ea ::= _ | val* H^ea instr* | label_n{instr*} H^ea end
;;          | frame_n{F} H^ea end | catch{...} H^ea end
;;          | prompt{hdl*} H^ea end   (iff ea notin hdl*)
;;
;; Note on the last line: the formal side condition would stop the search
;; at a prompt that has any clause for ea, also one of the wrong kind; the
;; prose above says the search continues past it. This file follows the
;; prose (both interpreters agree): section 7.
;;
;; This file checks: the target runs under the same prompt, receiving v^n
;; and the switched-away continuation; values flow both ways (between two,
;; three and ten continuations, in a ring); a switch to a fresh
;; continuation, to one suspended by switch, and to one suspended by
;; suspend; the captured H^ea (operand stack, blocks, frames) is restored
;; when switched back to; when the target returns, its results are those of
;; the prompt, i.e. of the resume that installed `(on $e switch)`; the
;; handler search for switch (innermost `(on $e switch)`, first clause,
;; tag addresses, wrong-kind clauses passed in both directions); the traps
;; for a null and a consumed target; consumption by switch; and unhandled
;; switches.

;; ---------------------------------------------------------------------------
;; 1. Two continuations: ping and pong share the type
;;      $k = cont [i32 (ref null $k)] -> [i32]
;;    so `switch $k $e : [i32 (ref null $k)] -> [i32 (ref null $k)]`.
;;    Ping sends 2v to pong, pong answers v+1; after `rounds` exchanges ping
;;    returns its value: f^rounds(v0) with f(v) = 2v + 1. Each side appends
;;    its digit (1 ping, 2 pong) to $log whenever it runs, which shows the
;;    strict alternation.

(module $pingpong
  (rec
    (type $ft (func (param i32 (ref null $k)) (result i32)))
    (type $k (cont $ft)))
  (tag $e (result i32))
  (global $rounds (mut i32) (i32.const 0))
  (global $log (mut i64) (i64.const 0))
  (func $note (param i64)
    (global.set $log
      (i64.add (i64.mul (global.get $log) (i64.const 10)) (local.get 0))))

  (func $ping (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (local $i i32)
    (loop $l
      (call $note (i64.const 1))
      (switch $k $e (i32.mul (local.get $v) (i32.const 2)) (local.get $peer))
      (local.set $peer)
      (local.set $v)
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (global.get $rounds))))
    (call $note (i64.const 1))
    (local.get $v))
  (func $pong (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (loop $l
      (call $note (i64.const 2))
      (switch $k $e (i32.add (local.get $v) (i32.const 1)) (local.get $peer))
      (local.set $peer)
      (local.set $v)
      (br $l))
    (unreachable))
  (elem declare func $ping $pong)

  (func (export "pingpong") (param $v0 i32) (param $rounds i32) (result i32)
    (global.set $rounds (local.get $rounds))
    (global.set $log (i64.const 0))
    (resume $k (on $e switch)
      (local.get $v0) (cont.new $k (ref.func $pong)) (cont.new $k (ref.func $ping))))
  (func (export "pingpong-log") (param $v0 i32) (param $rounds i32) (result i64)
    (global.set $rounds (local.get $rounds))
    (global.set $log (i64.const 0))
    (drop (resume $k (on $e switch)
      (local.get $v0) (cont.new $k (ref.func $pong)) (cont.new $k (ref.func $ping))))
    (global.get $log))
)

(assert_return (invoke "pingpong" (i32.const 0) (i32.const 1)) (i32.const 1))
(assert_return (invoke "pingpong" (i32.const 0) (i32.const 3)) (i32.const 7))
(assert_return (invoke "pingpong" (i32.const 0) (i32.const 10)) (i32.const 1023))
(assert_return (invoke "pingpong" (i32.const 5) (i32.const 2)) (i32.const 23))
(assert_return (invoke "pingpong" (i32.const 1) (i32.const 1000)) (i32.const -1))
(assert_return (invoke "pingpong-log" (i32.const 0) (i32.const 1)) (i64.const 121))
(assert_return (invoke "pingpong-log" (i32.const 0) (i32.const 4)) (i64.const 121212121))

;; ---------------------------------------------------------------------------
;; 2. Different types on the two sides: A receives (i64, B) and B receives
;;    (f64, i32, A). A switches to B with `switch $kb $e`, which gives A an
;;    i64 and B's continuation back; B switches to A with `switch $ka $e`,
;;    which gives B an f64, an i32 and A's continuation back. The resume
;;    result is A's. Tags with two results: the prompt's results come from
;;    whichever continuation returns.

(module $asymmetric
  (rec
    (type $fa (func (param i64 (ref null $kb)) (result i32)))
    (type $ka (cont $fa))
    (type $fb (func (param f64 i32 (ref null $ka)) (result i32)))
    (type $kb (cont $fb)))
  (tag $e (result i32))

  ;; A: x -> B gets (x + 0.5, 3x); A gets y back, then sends (y / 4, -1)
  ;; and gets z; returns y * 1000 + z
  (func $a (type $fa) (param $x i64) (param $b (ref null $kb)) (result i32)
    (local $y i64)
    (switch $kb $e
      (f64.add (f64.convert_i64_s (local.get $x)) (f64.const 0.5))
      (i32.mul (i32.wrap_i64 (local.get $x)) (i32.const 3))
      (local.get $b))
    (local.set $b)
    (local.set $y)
    (switch $kb $e
      (f64.div (f64.convert_i64_s (local.get $y)) (f64.const 4))
      (i32.const -1)
      (local.get $b))
    (drop)
    (i32.wrap_i64)
    (i32.add (i32.mul (i32.wrap_i64 (local.get $y)) (i32.const 1000))))
  ;; B: sends trunc(2f) + i each time
  (func $b (type $fb) (param $f f64) (param $i i32) (param $a (ref null $ka)) (result i32)
    (loop $l
      (switch $ka $e
        (i64.add (i64.trunc_f64_s (f64.mul (local.get $f) (f64.const 2)))
                 (i64.extend_i32_s (local.get $i)))
        (local.get $a))
      (local.set $a)
      (local.set $i)
      (local.set $f)
      (br $l))
    (unreachable))
  (elem declare func $a $b)

  ;; x = 4: B gets (4.5, 12) and answers 9 + 12 = 21; A sends (5.25, -1),
  ;; B answers 10 - 1 = 9. Result 21 * 1000 + 9.
  (func (export "asymmetric") (param i64) (result i32)
    (resume $ka (on $e switch)
      (local.get 0) (cont.new $kb (ref.func $b)) (cont.new $ka (ref.func $a))))

  ;; Two results on the tag: t* = [i32 i64]
  (rec
    (type $fc (func (param i32 (ref null $kc)) (result i32 i64)))
    (type $kc (cont $fc)))
  (tag $e2 (result i32 i64))
  (func $c-first (type $fc) (param $v i32) (param $peer (ref null $kc)) (result i32 i64)
    (switch $kc $e2 (i32.add (local.get $v) (i32.const 1)) (local.get $peer))
    (drop) (drop)
    (i32.const -1) (i64.const -1))
  (func $c-second (type $fc) (param $v i32) (param $peer (ref null $kc)) (result i32 i64)
    (local.get $v) (i64.extend_i32_u (i32.mul (local.get $v) (i32.const 2))))
  (elem declare func $c-first $c-second)
  (func (export "two-results") (param i32) (result i32 i64)
    (resume $kc (on $e2 switch)
      (local.get 0) (cont.new $kc (ref.func $c-second)) (cont.new $kc (ref.func $c-first))))
)

(assert_return (invoke "asymmetric" (i64.const 4)) (i32.const 21009))
(assert_return (invoke "asymmetric" (i64.const -2)) (i32.const -9005))
(assert_return (invoke "two-results" (i32.const 20)) (i32.const 21) (i64.const 42))

;; ---------------------------------------------------------------------------
;; 3. Three and more continuations.
;;    - A -> B -> C -> A: B switches on to C (not back to A), and C to A,
;;      which B handed over in a global. Log digits: 1 A, 2 B, 3 C.
;;    - A ring of n <= 10 nodes, each switching to the next: node i is a
;;      fresh continuation (cont.new + cont.bind of its index) until it is
;;      first switched to; afterwards its slot in $ring holds the
;;      continuation it was switched away as, put there by its successor.
;;      The value grows by one per hop; the node that sees the limit
;;      returns limit * 100 + its index.
;;    - A switch to a continuation that was suspended by `suspend` (its tag
;;      has the results [i32 (ref null $k)], so that continuation has type
;;      $k).

(module $many
  (rec
    (type $ft (func (param i32 (ref null $k)) (result i32)))
    (type $k (cont $ft)))
  (type $fnode (func (param i32 i32 (ref null $k)) (result i32)))
  (type $knode (cont $fnode))
  (tag $e (result i32))
  (tag $y (result i32 (ref null $k)))
  (global $log (mut i64) (i64.const 0))
  (func $note (param i64)
    (global.set $log
      (i64.add (i64.mul (global.get $log) (i64.const 10)) (local.get 0))))

  (global $ga (mut (ref null $k)) (ref.null $k))
  (global $gc (mut (ref null $k)) (ref.null $k))
  (func $a (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (call $note (i64.const 1))
    (switch $k $e (i32.add (local.get $v) (i32.const 1)) (local.get $peer))
    (drop)
    (call $note (i64.const 1)))
  (func $b (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (call $note (i64.const 2))
    (global.set $ga (local.get $peer))
    (switch $k $e (i32.mul (local.get $v) (i32.const 10)) (global.get $gc))
    (unreachable))
  (func $c (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (call $note (i64.const 3))
    (switch $k $e (i32.add (local.get $v) (i32.const 3)) (global.get $ga))
    (unreachable))
  (elem declare func $a $b $c)
  (func $abc (param $x i32) (result i32)
    (global.set $log (i64.const 0))
    (global.set $gc (cont.new $k (ref.func $c)))
    (resume $k (on $e switch)
      (local.get $x) (cont.new $k (ref.func $b)) (cont.new $k (ref.func $a))))
  ;; (x + 1) * 10 + 3
  (func (export "a-b-c-a") (param i32) (result i32) (call $abc (local.get 0)))
  (func (export "a-b-c-a-log") (result i64) (drop (call $abc (i32.const 0))) (global.get $log))

  ;; the ring
  (table $ring 10 (ref null $k))
  (global $n (mut i32) (i32.const 0))
  (global $limit (mut i32) (i32.const 0))
  (global $hops (mut i32) (i32.const 0))
  (func $node (type $fnode) (param $id i32) (param $v i32) (param $prev (ref null $k)) (result i32)
    (loop $l
      (if (i32.eqz (ref.is_null (local.get $prev)))
        (then
          (table.set $ring
            (i32.rem_u (i32.add (local.get $id) (i32.sub (global.get $n) (i32.const 1)))
                       (global.get $n))
            (local.get $prev))))
      (global.set $hops (i32.add (global.get $hops) (i32.const 1)))
      (if (i32.ge_u (local.get $v) (global.get $limit))
        (then (return (i32.add (i32.mul (local.get $v) (i32.const 100)) (local.get $id)))))
      (switch $k $e
        (i32.add (local.get $v) (i32.const 1))
        (table.get $ring (i32.rem_u (i32.add (local.get $id) (i32.const 1)) (global.get $n))))
      (local.set $prev)
      (local.set $v)
      (br $l))
    (unreachable))
  (elem declare func $node)
  (func $run-ring (param $n i32) (param $limit i32) (result i32)
    (local $i i32)
    (global.set $n (local.get $n))
    (global.set $limit (local.get $limit))
    (global.set $hops (i32.const 0))
    (loop $fill
      (table.set $ring (local.get $i)
        (cont.bind $knode $k (local.get $i) (cont.new $knode (ref.func $node))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $fill (i32.lt_u (local.get $i) (local.get $n))))
    (resume $k (on $e switch) (i32.const 0) (ref.null $k) (table.get $ring (i32.const 0))))
  (func (export "ring") (param i32 i32) (result i32)
    (call $run-ring (local.get 0) (local.get 1)))
  (func (export "ring-hops") (param i32 i32) (result i32)
    (drop (call $run-ring (local.get 0) (local.get 1)))
    (global.get $hops))

  ;; switching to a continuation suspended by `suspend $y`
  (func $sleeper (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (suspend $y)
    (local.set $peer)
    (local.set $v)
    (if (result i32) (ref.is_null (local.get $peer))
      (then (i32.const -1))
      (else
        ;; back to the switcher with v * 2
        (switch $k $e (i32.mul (local.get $v) (i32.const 2)) (local.get $peer))
        (drop) (drop)
        (i32.const -2))))
  (func $waker (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k $e (i32.add (local.get $v) (i32.const 1)) (local.get $peer))
    (drop)
    (i32.add (i32.const 1000)))
  (elem declare func $sleeper $waker)
  (func (export "switch-to-suspended") (param i32) (result i32)
    (local $s (ref null $k))
    (block $h (result (ref $k))
      (drop (resume $k (on $y $h) (i32.const 0) (ref.null $k) (cont.new $k (ref.func $sleeper))))
      (unreachable))
    (local.set $s)
    (resume $k (on $e switch) (local.get 0) (local.get $s) (cont.new $k (ref.func $waker))))
)

(assert_return (invoke "a-b-c-a" (i32.const 0)) (i32.const 13))
(assert_return (invoke "a-b-c-a" (i32.const 4)) (i32.const 53))
(assert_return (invoke "a-b-c-a-log") (i64.const 1231))
(assert_return (invoke "ring" (i32.const 2) (i32.const 5)) (i32.const 501))
(assert_return (invoke "ring" (i32.const 3) (i32.const 10)) (i32.const 1001))
(assert_return (invoke "ring" (i32.const 10) (i32.const 9)) (i32.const 909))
(assert_return (invoke "ring" (i32.const 10) (i32.const 1000)) (i32.const 100000))
(assert_return (invoke "ring" (i32.const 10) (i32.const 1234)) (i32.const 123404))
(assert_return (invoke "ring-hops" (i32.const 7) (i32.const 500)) (i32.const 501))
;; v = 5: the sleeper gets 6, doubles it to 12 for the waker: 1012
(assert_return (invoke "switch-to-suspended" (i32.const 5)) (i32.const 1012))

;; ---------------------------------------------------------------------------
;; 4. What the switch captures and where the target runs.
;;    - H^ea is the switching continuation up to the prompt: operand stack,
;;      blocks, a loop, an if, call frames with their locals, and
;;      try_tables, all in force again when it is switched back to.
;;    - While it is switched away its try_table catches nothing: an
;;      exception thrown by the target leaves the prompt.
;;    - The target runs under the same prompt: its own `suspend` reaches a
;;      clause of the resume that installed `(on $e switch)`, and its result
;;      is that resume's result.

(module $captured
  (rec
    (type $ft (func (param i32 (ref null $k)) (result i32)))
    (type $k (cont $ft)))
  (type $fi (func (param i32) (result i32)))
  (type $ki (cont $fi))
  (tag $e (result i32))
  (tag $y (param i32) (result i32))
  (tag $exn (param i32))

  ;; the echo target: switches back with v + 1 forever
  (func $echo (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (loop $l
      (switch $k $e (i32.add (local.get $v) (i32.const 1)) (local.get $peer))
      (local.set $peer)
      (local.set $v)
      (br $l))
    (unreachable))
  (elem declare func $echo)

  ;; inner frame: switches with 5 on the stack below; gets 9 + 1
  (func $deep (param $peer (ref null $k)) (result i32)
    (local $keep i32)
    (local.set $keep (i32.const 300))
    (i32.const 5)
    (block (result i32)
      (loop (result i32)
        (if (result i32) (i32.const 1)
          (then
            (switch $k $e (i32.const 9) (local.get $peer))
            (drop))
          (else (i32.const -100)))))
    (i32.add)
    (i32.add (local.get $keep)))
  ;; outer frame: 4000 + (5 + 10 + 300)
  (func $framed (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (local $mine i32)
    (local.set $mine (i32.const 4000))
    (i32.add (local.get $mine) (call $deep (local.get $peer))))
  (elem declare func $framed)
  (func (export "stack-frames-restored") (result i32)
    (resume $k (on $e switch)
      (i32.const 0) (cont.new $k (ref.func $echo)) (cont.new $k (ref.func $framed))))

  ;; a try_table in the switching continuation catches again after the
  ;; switch back: the peer's answer (8) is thrown and caught: 8 + 50
  (func $catcher (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (block $c (result i32)
      (try_table (result i32) (catch $exn $c)
        (switch $k $e (i32.const 7) (local.get $peer))
        (drop)
        (throw $exn))
      (return))
    (i32.add (i32.const 50)))
  (elem declare func $catcher)
  (func (export "try_table-restored") (result i32)
    (resume $k (on $e switch)
      (i32.const 0) (cont.new $k (ref.func $echo)) (cont.new $k (ref.func $catcher))))

  ;; the target throws while the catcher is switched away: the exception
  ;; leaves the prompt and is caught here (1000 + 3), not by the catcher
  ;; (which would give 53)
  (func $thrower (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (throw $exn (i32.const 3)))
  (elem declare func $thrower)
  (func (export "try_table-inactive-while-away") (result i32)
    (block $c (result i32)
      (try_table (catch $exn $c)
        (return (resume $k (on $e switch)
          (i32.const 0) (cont.new $k (ref.func $thrower)) (cont.new $k (ref.func $catcher)))))
      (unreachable))
    (i32.add (i32.const 1000)))

  ;; the target suspends $y (payload 20): the clause (on $y $h) of the same
  ;; resume gets it; the handler resumes the target with 22, which it
  ;; returns + 100
  (func $asker (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (i32.add (suspend $y (i32.const 20)) (i32.const 100)))
  (func $switch-to-asker (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k $e (i32.const 0) (local.get $peer))
    (drop) (drop)
    (i32.const -1))
  (elem declare func $asker $switch-to-asker)
  (func (export "target-suspends-to-same-prompt") (result i32)
    (local $ki (ref null $ki))
    (block $h (result i32 (ref $ki))
      (return (resume $k (on $e switch) (on $y $h)
        (i32.const 0) (cont.new $k (ref.func $asker)) (cont.new $k (ref.func $switch-to-asker)))))
    (local.set $ki)
    (i32.add (i32.const 2))
    (local.get $ki)
    (resume $ki))
)

(assert_return (invoke "stack-frames-restored") (i32.const 4315))
(assert_return (invoke "try_table-restored") (i32.const 58))
(assert_return (invoke "try_table-inactive-while-away") (i32.const 1003))
(assert_return (invoke "target-suspends-to-same-prompt") (i32.const 122))

;; ---------------------------------------------------------------------------
;; 5. Arities, and the switched-away continuation used by `resume`.
;;    - n = 0 values besides the continuation, and a tag without results
;;      (the prompt returns nothing; effects are checked through $g).
;;    - n = 3 values of three types.
;;    - The switched-away continuation is an ordinary continuation of type
;;      $ct2: the target may `resume` it (nesting a new prompt) instead of
;;      switching back, return it so that it is resumed after the prompt
;;      has ended, or `cont.bind` its value and switch to the result.

(module $arities
  (rec
    (type $f0 (func (param (ref null $k0))))
    (type $k0 (cont $f0)))
  (tag $e0)
  (global $g (mut i32) (i32.const 0))
  (func $z-first (type $f0) (param $peer (ref null $k0))
    (global.set $g (i32.const 1))
    (switch $k0 $e0 (local.get $peer))
    (drop)
    ;; switched back to: record it
    (global.set $g (i32.add (global.get $g) (i32.const 10))))
  (func $z-second (type $f0) (param $peer (ref null $k0))
    (global.set $g (i32.add (global.get $g) (i32.const 100)))
    (switch $k0 $e0 (local.get $peer))
    (unreachable))
  (func $z-returns (type $f0) (param $peer (ref null $k0))
    (global.set $g (i32.add (global.get $g) (i32.const 1000))))
  (elem declare func $z-first $z-second $z-returns)
  ;; first -> second -> first, which returns: 1 + 100 + 10
  (func (export "zero-values-back") (result i32)
    (global.set $g (i32.const 0))
    (resume $k0 (on $e0 switch) (cont.new $k0 (ref.func $z-second)) (cont.new $k0 (ref.func $z-first)))
    (global.get $g))
  ;; first -> a target that returns at once: first never finishes
  (func (export "zero-values-target-returns") (result i32)
    (global.set $g (i32.const 0))
    (resume $k0 (on $e0 switch) (cont.new $k0 (ref.func $z-returns)) (cont.new $k0 (ref.func $z-first)))
    (global.get $g))

  (rec
    (type $f3 (func (param i32 i64 f32 (ref null $k3)) (result f64)))
    (type $k3 (cont $f3)))
  (tag $e3 (result f64))
  ;; sends (a+1, b*2, c/2); gets the same treatment back once more
  (func $three (type $f3) (param $a i32) (param $b i64) (param $c f32) (param $peer (ref null $k3)) (result f64)
    (switch $k3 $e3
      (i32.add (local.get $a) (i32.const 1))
      (i64.mul (local.get $b) (i64.const 2))
      (f32.div (local.get $c) (f32.const 2))
      (local.get $peer))
    (local.set $peer) (local.set $c) (local.set $b) (local.set $a)
    (f64.add
      (f64.add (f64.convert_i32_s (local.get $a)) (f64.convert_i64_s (local.get $b)))
      (f64.promote_f32 (local.get $c))))
  (elem declare func $three)
  ;; the first gets back (a+2, b*4, c/4) and returns their sum:
  ;; a = 1, b = 10, c = 8: 3 + 40 + 2
  (func (export "three-values") (param i32 i64 f32) (result f64)
    (resume $k3 (on $e3 switch)
      (local.get 0) (local.get 1) (local.get 2)
      (cont.new $k3 (ref.func $three)) (cont.new $k3 (ref.func $three))))

  (rec
    (type $ft (func (param i32 (ref null $k)) (result i32)))
    (type $k (cont $ft)))
  (type $f1 (func (param (ref null $k)) (result i32)))
  (type $k1 (cont $f1))
  (tag $e (result i32))
  (func $a (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k $e (local.get $v) (local.get $peer))
    (drop)
    (i32.mul (i32.const 3)))
  ;; resumes the switched-away A under a new prompt: A gets 7, returns 21
  (func $b-resumes (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (i32.add
      (resume $k (on $e switch) (i32.const 7) (ref.null $k) (local.get $peer))
      (i32.const 1000)))
  (global $kept (mut (ref null $k)) (ref.null $k))
  ;; keeps the switched-away A and returns, ending the prompt
  (func $b-keeps (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (global.set $kept (local.get $peer))
    (i32.const 5))
  (elem declare func $a $b-resumes $b-keeps)
  ;; B binds the value into the switched-away A' (cont.bind $k $k1) and
  ;; switches to the bound continuation with n = 0 values:
  ;; switch $k1 $e : [(ref null $k1)] -> [i32 (ref null $k)]
  (func $b-binds (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k1 $e (cont.bind $k $k1 (i32.add (local.get $v) (i32.const 42)) (local.get $peer)))
    (drop) (drop) (i32.const -1))
  (elem declare func $b-binds)
  ;; A gets 1 + 42 back and returns 3 * 43
  (func (export "switch-to-bound-peer") (result i32)
    (resume $k (on $e switch)
      (i32.const 1) (cont.new $k (ref.func $b-binds)) (cont.new $k (ref.func $a))))
  (func (export "target-resumes-peer") (result i32)
    (resume $k (on $e switch)
      (i32.const 0) (cont.new $k (ref.func $b-resumes)) (cont.new $k (ref.func $a))))
  ;; 5 from the prompt, then 3 * 11 from resuming A afterwards
  (func (export "peer-outlives-prompt") (result i32)
    (i32.add
      (resume $k (on $e switch)
        (i32.const 0) (cont.new $k (ref.func $b-keeps)) (cont.new $k (ref.func $a)))
      (resume $k (i32.const 11) (ref.null $k) (global.get $kept))))
)

(assert_return (invoke "zero-values-back") (i32.const 111))
(assert_return (invoke "zero-values-target-returns") (i32.const 1001))
(assert_return (invoke "three-values" (i32.const 1) (i64.const 10) (f32.const 8)) (f64.const 45))
(assert_return (invoke "three-values" (i32.const -5) (i64.const -1) (f32.const 1)) (f64.const -6.75))
(assert_return (invoke "target-resumes-peer") (i32.const 1021))
(assert_return (invoke "switch-to-bound-peer") (i32.const 129))
(assert_return (invoke "peer-outlives-prompt") (i32.const 38))

;; ---------------------------------------------------------------------------
;; 6. The handler search for switch: the innermost prompt with an
;;    `(on ea switch)` clause is the one whose body is replaced; prompts
;;    without such a clause are passed (they become part of the switched-
;;    away continuation); tags are matched by address.
;;
;;    $returner returns v + 1; $sw-e switches to its peer (a returner) with
;;    2v, so the returner's v + 1 = 2v + 1 becomes the result of the prompt
;;    whose clause was used. Each resumer adds its own amount afterwards, so
;;    the result shows which prompt that was: innermost +100, middle +20,
;;    outer +3.

(module $search
  (rec
    (type $ft (func (param i32 (ref null $k)) (result i32)))
    (type $k (cont $ft)))
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (tag $e (result i32))
  (tag $f (result i32))

  (func $returner (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (i32.add (local.get $v) (i32.const 1)))
  (func $sw-e (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k $e (i32.mul (local.get $v) (i32.const 2)) (local.get $peer))
    (drop) (drop)
    (i32.const -1000))
  (elem declare func $returner $sw-e)
  (func $start-sw-e (param $v i32) (result i32 (ref $k) (ref $k))
    (local.get $v) (cont.new $k (ref.func $returner)) (cont.new $k (ref.func $sw-e)))

  ;; innermost prompts with various clause lists (v = 5)
  (func $inner-e (result i32)
    (i32.add (resume $k (on $e switch) (call $start-sw-e (i32.const 5))) (i32.const 100)))
  (func $inner-fe (result i32)
    (i32.add (resume $k (on $f switch) (on $e switch) (call $start-sw-e (i32.const 5)))
             (i32.const 100)))
  (func $inner-f (result i32)
    (i32.add (resume $k (on $f switch) (call $start-sw-e (i32.const 5))) (i32.const 100)))
  (func $inner-none (result i32)
    (i32.add (resume $k (call $start-sw-e (i32.const 5))) (i32.const 100)))
  (elem declare func $inner-e $inner-fe $inner-f $inner-none)
  ;; middle prompts around $inner-f
  (func $middle-e (result i32)
    (i32.add (resume $kr (on $e switch) (cont.new $kr (ref.func $inner-f))) (i32.const 20)))
  (func $middle-f (result i32)
    (i32.add (resume $kr (on $f switch) (cont.new $kr (ref.func $inner-f))) (i32.const 20)))
  (elem declare func $middle-e $middle-f)

  (func (export "alone") (result i32) (call $inner-e))
  (func (export "other-tag-clause-first") (result i32) (call $inner-fe))
  ;; both prompts have (on $e switch): the inner one is used
  (func (export "innermost-of-two") (result i32)
    (i32.add (resume $kr (on $e switch) (cont.new $kr (ref.func $inner-e))) (i32.const 3)))
  ;; the inner prompt only has (on $f switch): the outer one is used
  (func (export "past-other-tag") (result i32)
    (i32.add (resume $kr (on $e switch) (cont.new $kr (ref.func $inner-f))) (i32.const 3)))
  (func (export "past-no-clauses") (result i32)
    (i32.add (resume $kr (on $e switch) (cont.new $kr (ref.func $inner-none))) (i32.const 3)))
  ;; three prompts: f only, e, e: the middle one is used
  (func (export "middle-of-three") (result i32)
    (i32.add (resume $kr (on $e switch) (cont.new $kr (ref.func $middle-e))) (i32.const 3)))
  ;; three prompts: f only, f only, e: the outer one is used
  (func (export "outer-of-three") (result i32)
    (i32.add (resume $kr (on $e switch) (cont.new $kr (ref.func $middle-f))) (i32.const 3)))
  ;; unhandled: only $f clauses anywhere
  (func (export "only-other-tag") (result i32)
    (i32.add (resume $kr (on $f switch) (cont.new $kr (ref.func $middle-f))) (i32.const 3)))
  (func (export "no-prompt-clauses") (result i32) (call $inner-none))
)

(assert_return (invoke "alone") (i32.const 111))
(assert_return (invoke "other-tag-clause-first") (i32.const 111))
(assert_return (invoke "innermost-of-two") (i32.const 114))
(assert_return (invoke "past-other-tag") (i32.const 14))
(assert_return (invoke "past-no-clauses") (i32.const 14))
(assert_return (invoke "middle-of-three") (i32.const 34))
(assert_return (invoke "outer-of-three") (i32.const 14))
(assert_suspension (invoke "only-other-tag") "unhandled tag")
(assert_suspension (invoke "no-prompt-clauses") "unhandled tag")

;; Tag addresses: the switch in $swlib uses its own tag; the user's
;; imported alias of it is the same tag, the user's own tag of the same type
;; is not.
(module $swlib
  (rec
    (type $ft (func (param i32 (ref null $k)) (result i32)))
    (type $k (cont $ft)))
  (tag $e (export "e") (result i32))
  (func (export "sw") (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k $e (i32.mul (local.get $v) (i32.const 3)) (local.get $peer))
    (drop) (drop)
    (i32.const -1))
  (func (export "ret") (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (i32.sub (local.get $v) (i32.const 1)))
)
(register "swlib" $swlib)

(module $swuser
  (rec
    (type $ft (func (param i32 (ref null $k)) (result i32)))
    (type $k (cont $ft)))
  (import "swlib" "e" (tag $ie (result i32)))
  (import "swlib" "sw" (func $sw (type $ft)))
  (import "swlib" "ret" (func $ret (type $ft)))
  (tag $le (result i32))
  (elem declare func $sw $ret)
  (func $own-sw (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k $ie (i32.add (local.get $v) (i32.const 100)) (local.get $peer))
    (drop) (drop)
    (i32.const -1))
  (elem declare func $own-sw)
  ;; lib's switch under the alias: 7 * 3 - 1
  (func (export "lib-switch/alias") (result i32)
    (resume $k (on $ie switch)
      (i32.const 7) (cont.new $k (ref.func $ret)) (cont.new $k (ref.func $sw))))
  (func (export "lib-switch/local-then-alias") (result i32)
    (resume $k (on $le switch) (on $ie switch)
      (i32.const 7) (cont.new $k (ref.func $ret)) (cont.new $k (ref.func $sw))))
  ;; the user's own switch with the alias, target from lib: 7 + 100 - 1
  (func (export "own-switch/alias") (result i32)
    (resume $k (on $ie switch)
      (i32.const 7) (cont.new $k (ref.func $ret)) (cont.new $k (ref.func $own-sw))))
  (func (export "lib-switch/local-only") (result i32)
    (resume $k (on $le switch)
      (i32.const 7) (cont.new $k (ref.func $ret)) (cont.new $k (ref.func $sw))))
)

(assert_return (invoke "lib-switch/alias") (i32.const 20))
(assert_return (invoke "lib-switch/local-then-alias") (i32.const 20))
(assert_return (invoke "own-switch/alias") (i32.const 106))
(assert_suspension (invoke "lib-switch/local-only") "unhandled tag")

;; ---------------------------------------------------------------------------
;; 7. Handlers of the wrong kind. One tag $e : [] -> [i32] is used both by
;;    `suspend` and by `switch`. A suspend passes a prompt that only has
;;    `(on $e switch)`; a switch passes a prompt that only has
;;    `(on $e $l)`; within one prompt that has both, each event takes the
;;    clause of its kind, whatever the order of the clauses. (The formal
;;    side condition `ea notin hdl*` of H^ea would stop the search at the
;;    first prompt with a clause for $e; the prose of "Execution" says the
;;    search continues, and this is what is tested.)

(module $wrong-kind
  (rec
    (type $ft (func (param i32 (ref null $k)) (result i32)))
    (type $k (cont $ft)))
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (type $fi (func (param i32) (result i32)))
  (type $ki (cont $fi))
  (tag $e (result i32))

  ;; suspends $e and returns the answer + 1
  (func $suspender (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (i32.add (suspend $e) (i32.const 1)))
  ;; switches to its peer with v; returns what it gets back + 1000
  (func $switcher (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k $e (local.get $v) (local.get $peer))
    (drop)
    (i32.add (i32.const 1000)))
  (func $returner (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (i32.add (local.get $v) (i32.const 1)))
  (func $echo (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (loop $l
      (switch $k $e (i32.add (local.get $v) (i32.const 1)) (local.get $peer))
      (local.set $peer)
      (local.set $v)
      (br $l))
    (unreachable))
  ;; switches to its peer (an echo), then suspends $e
  (func $switch-then-suspend (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k $e (local.get $v) (local.get $peer))
    (drop)
    (i32.add (suspend $e)))
  (elem declare func $suspender $switcher $returner $echo $switch-then-suspend)

  ;; -- a suspend passes an (on $e switch) prompt ------------------------
  (func $inner-switch-clause (result i32)
    (i32.add
      (resume $k (on $e switch) (i32.const 0) (ref.null $k) (cont.new $k (ref.func $suspender)))
      (i32.const 100)))
  (elem declare func $inner-switch-clause)
  ;; the outer (on $e $h) gets the suspension; resuming with 40 runs the
  ;; rest, including the inner prompt's function: 40 + 1 + 100
  (func (export "suspend-passes-switch-clause") (result i32)
    (local $c (ref null $ki))
    (block $h (result (ref $ki))
      (return (resume $kr (on $e $h) (cont.new $kr (ref.func $inner-switch-clause)))))
    (local.set $c)
    (resume $ki (i32.const 40) (local.get $c)))
  (func (export "suspend-only-switch-clause") (result i32)
    (call $inner-switch-clause))

  ;; -- a switch passes an (on $e $l) prompt ------------------------------
  (func $inner-label-clause (result i32)
    (block $h (result (ref $ki))
      (return
        (i32.add
          (resume $k (on $e $h)
            (i32.const 5) (cont.new $k (ref.func $returner)) (cont.new $k (ref.func $switcher)))
          (i32.const 100))))
    (drop)
    (i32.const 200))
  (elem declare func $inner-label-clause)
  ;; the outer (on $e switch) is used: the returner's 6 is the outer
  ;; resume's result
  (func (export "switch-passes-label-clause") (result i32)
    (resume $kr (on $e switch) (cont.new $kr (ref.func $inner-label-clause))))
  (func (export "switch-only-label-clause") (result i32)
    (call $inner-label-clause))

  ;; The switch passes the inner (on $e $h) prompt, which is captured with
  ;; the switcher; the echo switches back, and the switcher's suspend $e
  ;; then reaches that restored inner clause: 200.
  (func $inner-label-clause-2 (result i32)
    (block $h (result (ref $ki))
      (return
        (resume $k (on $e $h)
          (i32.const 5) (cont.new $k (ref.func $echo))
          (cont.new $k (ref.func $switch-then-suspend)))))
    (drop)
    (i32.const 200))
  (elem declare func $inner-label-clause-2)
  (func (export "switch-back-then-suspend") (result i32)
    (resume $kr (on $e switch) (cont.new $kr (ref.func $inner-label-clause-2))))

  ;; -- one prompt with both kinds of clause, in both orders -------------
  (func (export "both/switch-first/suspend") (result i32)
    (block $h (result (ref $ki))
      (return (resume $k (on $e switch) (on $e $h)
        (i32.const 0) (ref.null $k) (cont.new $k (ref.func $suspender)))))
    (drop) (i32.const 300))
  (func (export "both/label-first/suspend") (result i32)
    (block $h (result (ref $ki))
      (return (resume $k (on $e $h) (on $e switch)
        (i32.const 0) (ref.null $k) (cont.new $k (ref.func $suspender)))))
    (drop) (i32.const 300))
  (func (export "both/switch-first/switch") (result i32)
    (block $h (result (ref $ki))
      (return (resume $k (on $e switch) (on $e $h)
        (i32.const 5) (cont.new $k (ref.func $returner)) (cont.new $k (ref.func $switcher)))))
    (drop) (i32.const 300))
  (func (export "both/label-first/switch") (result i32)
    (block $h (result (ref $ki))
      (return (resume $k (on $e $h) (on $e switch)
        (i32.const 5) (cont.new $k (ref.func $returner)) (cont.new $k (ref.func $switcher)))))
    (drop) (i32.const 300))
  ;; switch, switch back, suspend: all under one prompt with both clauses
  (func (export "both/switch-back-then-suspend") (result i32)
    (block $h (result (ref $ki))
      (return (resume $k (on $e $h) (on $e switch)
        (i32.const 5) (cont.new $k (ref.func $echo))
        (cont.new $k (ref.func $switch-then-suspend)))))
    (drop) (i32.const 300))
)

(assert_return (invoke "suspend-passes-switch-clause") (i32.const 141))
(assert_suspension (invoke "suspend-only-switch-clause") "unhandled tag")
(assert_return (invoke "switch-passes-label-clause") (i32.const 6))
(assert_suspension (invoke "switch-only-label-clause") "unhandled tag")
(assert_return (invoke "switch-back-then-suspend") (i32.const 200))
(assert_return (invoke "both/switch-first/suspend") (i32.const 300))
(assert_return (invoke "both/label-first/suspend") (i32.const 300))
(assert_return (invoke "both/switch-first/switch") (i32.const 6))
(assert_return (invoke "both/label-first/switch") (i32.const 6))
(assert_return (invoke "both/switch-back-then-suspend") (i32.const 300))

;; ---------------------------------------------------------------------------
;; 8. Traps and consumption.
;;    - `(ref.null t) (switch $ct ea) --> trap`, also where no prompt
;;      handles ea (the rule needs no handler context).
;;    - `(ref.cont ca) (switch $ct ea) --> trap` iff `S.conts[ca] = epsilon`,
;;      also where no prompt handles ea.
;;    - `S' = S with conts[ca] = epsilon`: the target is consumed by the
;;      switch; so is the switched-away continuation, once a peer switches
;;      back to it. Using either reference again traps (resume, switch,
;;      cont.bind).
;;    Each trap case has a twin that differs only in using a live
;;    continuation and returns normally.

(module $traps
  (rec
    (type $ft (func (param i32 (ref null $k)) (result i32)))
    (type $k (cont $ft)))
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (tag $e (result i32))

  (global $gb (mut (ref null $k)) (ref.null $k))
  (global $ga (mut (ref null $k)) (ref.null $k))
  (global $mode (mut i32) (i32.const 0))

  (func $returner (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (i32.add (local.get $v) (i32.const 1)))
  (func $echo (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (loop $l
      (switch $k $e (i32.add (local.get $v) (i32.const 1)) (local.get $peer))
      (local.set $peer)
      (local.set $v)
      (br $l))
    (unreachable))
  (elem declare func $returner $echo)

  ;; switches to null inside a prompt with (on $e switch)
  (func $to-null (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k $e (i32.const 1) (ref.null $k))
    (drop) (drop) (i32.const -1))
  (elem declare func $to-null)
  (func (export "null-target") (result i32)
    (resume $k (on $e switch) (i32.const 0) (ref.null $k) (cont.new $k (ref.func $to-null))))
  (func (export "null-target-no-prompt") (result i32)
    (switch $k $e (i32.const 1) (ref.null $k))
    (drop))

  ;; A switches to B (kept in $gb), the echo B switches back, then A uses
  ;; the old reference to B again, as chosen by $mode:
  ;;   0: switches to the fresh peer it got back (fine: 10 + 1 + 1 + 1000)
  ;;   1: resume $gb    2: switch to $gb    3: cont.bind $gb
  (func $a (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (local $back (ref null $k))
    (switch $k $e (local.get $v) (global.get $gb))
    (local.set $back)
    (local.set $v)
    (block $b3
      (block $b2
        (block $b1
          (block $b0
            (br_table $b0 $b1 $b2 $b3 (global.get $mode)))
          (switch $k $e (local.get $v) (local.get $back))
          (drop)
          (return (i32.add (i32.const 1000))))
        (return (resume $k (i32.const 0) (ref.null $k) (global.get $gb))))
      (switch $k $e (local.get $v) (global.get $gb))
      (drop) (return))
    (drop (cont.bind $k $kr (i32.const 0) (ref.null $k) (global.get $gb)))
    (i32.const -1))
  (elem declare func $a)
  (func $run-a (param $mode i32) (result i32)
    (global.set $mode (local.get $mode))
    (global.set $gb (cont.new $k (ref.func $echo)))
    (resume $k (on $e switch) (i32.const 10) (ref.null $k) (cont.new $k (ref.func $a))))
  (func (export "live-peer") (result i32) (call $run-a (i32.const 0)))
  (func (export "consumed-target/resume") (result i32) (call $run-a (i32.const 1)))
  (func (export "consumed-target/switch") (result i32) (call $run-a (i32.const 2)))
  (func (export "consumed-target/cont.bind") (result i32) (call $run-a (i32.const 3)))

  ;; A's own original reference was consumed by the resume that started
  ;; it: switching to it traps. The twin switches to a fresh returner.
  (func $to-original (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k $e (i32.const 7)
      (if (result (ref null $k)) (global.get $mode)
        (then (global.get $ga))
        (else (cont.new $k (ref.func $returner)))))
    (drop) (drop) (i32.const -1))
  (elem declare func $to-original)
  (func $run-original (param $mode i32) (result i32)
    (global.set $mode (local.get $mode))
    (global.set $ga (cont.new $k (ref.func $to-original)))
    (resume $k (on $e switch) (i32.const 0) (ref.null $k) (global.get $ga)))
  (func (export "switch-to-fresh") (result i32) (call $run-original (i32.const 0)))
  (func (export "switch-to-resumed-original") (result i32) (call $run-original (i32.const 1)))

  ;; The switched-away continuation is consumed when a peer switches back
  ;; to it: B keeps the reference A' it received in $ga and switches back
  ;; to it; A then resumes $ga (its own former self) and traps. The twin
  ;; (mode 0) only reads whether $ga is null.
  (func $a2 (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k $e (i32.const 1) (local.get $peer))
    (drop) (drop)
    (if (result i32) (global.get $mode)
      (then (resume $k (i32.const 0) (ref.null $k) (global.get $ga)))
      (else (i32.add (ref.is_null (global.get $ga)) (i32.const 500)))))
  (func $b2 (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (global.set $ga (local.get $peer))
    (switch $k $e (i32.const 2) (local.get $peer))
    (unreachable))
  (elem declare func $a2 $b2)
  (func $run-a2 (param $mode i32) (result i32)
    (global.set $mode (local.get $mode))
    (global.set $ga (ref.null $k))
    (resume $k (on $e switch)
      (i32.const 0) (cont.new $k (ref.func $b2)) (cont.new $k (ref.func $a2))))
  (func (export "switched-back-live") (result i32) (call $run-a2 (i32.const 0)))
  (func (export "switched-back-consumed") (result i32) (call $run-a2 (i32.const 1)))

  ;; a consumed target where no prompt handles the tag: the trap comes
  ;; first
  (func (export "consumed-target-no-prompt") (result i32)
    (global.set $gb (cont.new $k (ref.func $returner)))
    (drop (resume $k (i32.const 0) (ref.null $k) (global.get $gb)))
    (switch $k $e (i32.const 1) (global.get $gb))
    (drop))
)

(assert_trap (invoke "null-target") "null continuation")
(assert_trap (invoke "null-target-no-prompt") "null continuation")
(assert_return (invoke "live-peer") (i32.const 1012))
(assert_trap (invoke "consumed-target/resume") "continuation already consumed")
(assert_trap (invoke "consumed-target/switch") "continuation already consumed")
(assert_trap (invoke "consumed-target/cont.bind") "continuation already consumed")
(assert_return (invoke "switch-to-fresh") (i32.const 8))
(assert_trap (invoke "switch-to-resumed-original") "continuation already consumed")
(assert_return (invoke "switched-back-live") (i32.const 500))
(assert_trap (invoke "switched-back-consumed") "continuation already consumed")
(assert_trap (invoke "consumed-target-no-prompt") "continuation already consumed")

;; ---------------------------------------------------------------------------
;; 9. Unhandled switches: no enclosing prompt has `(on ea switch)`.

(module $unhandled
  (rec
    (type $ft (func (param i32 (ref null $k)) (result i32)))
    (type $k (cont $ft)))
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (tag $e (result i32))
  (tag $other (result i32))

  (func $returner (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (i32.add (local.get $v) (i32.const 1)))
  (func $switcher (type $ft) (param $v i32) (param $peer (ref null $k)) (result i32)
    (switch $k $e (local.get $v) (cont.new $k (ref.func $returner)))
    (drop) (drop) (i32.const -1))
  (elem declare func $returner $switcher)

  (func (export "no-prompt") (result i32)
    (switch $k $e (i32.const 1) (cont.new $k (ref.func $returner)))
    (drop))
  (func (export "no-prompt-in-call") (result i32)
    (call $switcher (i32.const 1) (ref.null $k)))
  (func (export "no-clauses") (result i32)
    (resume $k (i32.const 1) (ref.null $k) (cont.new $k (ref.func $switcher))))
  (func (export "other-tag-switch-clause") (result i32)
    (resume $k (on $other switch) (i32.const 1) (ref.null $k) (cont.new $k (ref.func $switcher))))
  ;; the twin: the right clause
  (func (export "handled") (result i32)
    (resume $k (on $other switch) (on $e switch)
      (i32.const 1) (ref.null $k) (cont.new $k (ref.func $switcher))))

  ;; An inner prompt with (on $e switch) was left (its body returned)
  ;; before the switch.
  (func $inner-done-then-switch (result i32)
    (drop (resume $k (on $e switch) (i32.const 1) (ref.null $k) (cont.new $k (ref.func $returner))))
    (call $switcher (i32.const 1) (ref.null $k)))
  (elem declare func $inner-done-then-switch)
  (func (export "inner-prompt-left") (result i32)
    (resume $kr (on $other switch) (cont.new $kr (ref.func $inner-done-then-switch))))
  (func (export "inner-prompt-left-outer-handles") (result i32)
    (resume $kr (on $e switch) (cont.new $kr (ref.func $inner-done-then-switch))))
)

(assert_suspension (invoke "no-prompt") "unhandled tag")
(assert_suspension (invoke "no-prompt-in-call") "unhandled tag")
(assert_suspension (invoke "no-clauses") "unhandled tag")
(assert_suspension (invoke "other-tag-switch-clause") "unhandled tag")
(assert_return (invoke "handled") (i32.const 2))
(assert_suspension (invoke "inner-prompt-left") "unhandled tag")
(assert_return (invoke "inner-prompt-left-outer-handles") (i32.const 2))
