;; exhaustion.wast -- stack use inside continuations: tail calls, bounded
;; recursion across suspensions, and resource exhaustion.
;;
;; Explainer, "Specification changes > Execution > Handler contexts":
;;
;;   H^ea ::= _ | val* H^ea instr* | label_n{instr*} H^ea end
;;          | frame_n{F} H^ea end | catch{...} H^ea end
;;          | prompt{hdl*} H^ea end   (iff ea notin hdl*)
;;
;; Explainer, "Specification changes > Execution > Reduction":
;;
;;   * `S; F; v^n (ref.cont ca) (resume $ct hdl*)
;;        --> S'; F; prompt{hdl'*} E[v^n] end`
;;   * `S; F; (prompt{hdl1* (on ea $l) hdl2*} H^ea[v^n (suspend ea)] end)
;;        --> S'; F; v^n (ref.cont |S.conts|) (br $l)`
;;     - and `S' = S with conts += (H^ea : m)`
;;
;; Explainer, "Instruction set extension > Creating continuations":
;;
;;   "It takes a reference to a function of type `[t1*] -> [t2*]` whose
;;   body may perform non-local control flow."
;;
;; A continuation is a context E (or H^ea) holding frames; the frames a
;; continuation's body builds are ordinary Wasm frames, so Wasm 3.0's tail
;; calls (`return_call`, `return_call_ref`, `return_call_indirect`) replace
;; the caller's frame there as anywhere else: a loop of a million tail calls
;; runs in constant space inside a continuation, and keeps doing so across
;; suspensions and resumptions in the middle. Bounded recursion (at most
;; about 150 frames, well below engines' limits) survives being suspended at
;; the bottom and resumed. Unbounded recursion inside a continuation, or
;; unbounded nesting of resumes (each adds a prompt and a frame), exhausts
;; the call stack (the script format's `assert_exhaustion`), also when it
;; starts after a resume or after a suspension, and even under a try_table
;; (exhaustion is not an exception). No `switch` appears here.

;; ---------------------------------------------------------------------------
;; 1. Tail calls inside a continuation. $sum-to(n, acc) adds n + (n-1) + ...
;;    + 1 to acc by tail-calling itself; sum(1..1e6) = 500000500000.

(module $tail
  (type $fs (func (param i64 i64) (result i64)))
  (type $ks (cont $fs))
  (type $fr (func (result i64)))
  (type $kr (cont $fr))
  (type $fa (func (param i64) (result i64)))
  (type $ka (cont $fa))
  (tag $ask (param i64) (result i64))

  (func $sum-to (type $fs) (param $n i64) (param $acc i64) (result i64)
    (if (i64.eqz (local.get $n)) (then (return (local.get $acc))))
    (return_call $sum-to
      (i64.sub (local.get $n) (i64.const 1))
      (i64.add (local.get $acc) (local.get $n))))
  (func $sum-to-ref (type $fs) (param $n i64) (param $acc i64) (result i64)
    (if (i64.eqz (local.get $n)) (then (return (local.get $acc))))
    (return_call_ref $fs
      (i64.sub (local.get $n) (i64.const 1))
      (i64.add (local.get $acc) (local.get $n))
      (ref.func $sum-to-ref)))
  (table $t funcref (elem $sum-to-indirect))
  (func $sum-to-indirect (type $fs) (param $n i64) (param $acc i64) (result i64)
    (if (i64.eqz (local.get $n)) (then (return (local.get $acc))))
    (return_call_indirect $t (type $fs)
      (i64.sub (local.get $n) (i64.const 1))
      (i64.add (local.get $acc) (local.get $n))
      (i32.const 0)))
  ;; suspends $ask with the running sum whenever n is a multiple of $every;
  ;; the answer becomes the new running sum
  (global $every (mut i64) (i64.const 0))
  (func $sum-to-asking (type $fs) (param $n i64) (param $acc i64) (result i64)
    (if (i64.eqz (local.get $n)) (then (return (local.get $acc))))
    (if (i64.eqz (i64.rem_u (local.get $n) (global.get $every)))
      (then (local.set $acc (suspend $ask (local.get $acc)))))
    (return_call $sum-to-asking
      (i64.sub (local.get $n) (i64.const 1))
      (i64.add (local.get $acc) (local.get $n))))
  (elem declare func $sum-to $sum-to-ref $sum-to-asking)

  (func (export "return_call") (param i64) (result i64)
    (resume $ks (local.get 0) (i64.const 0) (cont.new $ks (ref.func $sum-to))))
  (func (export "return_call_ref") (param i64) (result i64)
    (resume $ks (local.get 0) (i64.const 0) (cont.new $ks (ref.func $sum-to-ref))))
  (func (export "return_call_indirect") (param i64) (result i64)
    (resume $ks (local.get 0) (i64.const 0)
      (cont.new $ks (ref.func $sum-to-indirect))))

  ;; Drives $sum-to-asking; every answer adds 1 to the running sum, and
  ;; $asked counts the suspensions.
  (global $asked (mut i64) (i64.const 0))
  (func $drive (param $n i64) (param $every i64) (result i64)
    (local $k (ref null $kr)) (local $ka (ref null $ka))
    (global.set $every (local.get $every))
    (global.set $asked (i64.const 0))
    (local.set $k
      (cont.bind $ks $kr (local.get $n) (i64.const 0) (cont.new $ks (ref.func $sum-to-asking))))
    (loop $l
      (block $h (result i64 (ref $ka))
        (return (resume $kr (on $ask $h) (local.get $k))))
      (local.set $ka)
      (global.set $asked (i64.add (global.get $asked) (i64.const 1)))
      (i64.add (i64.const 1))
      (local.get $ka)
      (local.set $k (cont.bind $ka $kr))
      (br $l))
    (unreachable))
  ;; returns the sum and the number of suspensions
  (func (export "suspend-midway") (param i64 i64) (result i64 i64)
    (call $drive (local.get 0) (local.get 1))
    (global.get $asked))

  ;; mutual tail recursion: even/odd
  (func $even (param i64) (result i32)
    (if (i64.eqz (local.get 0)) (then (return (i32.const 1))))
    (return_call $odd (i64.sub (local.get 0) (i64.const 1))))
  (func $odd (param i64) (result i32)
    (if (i64.eqz (local.get 0)) (then (return (i32.const 0))))
    (return_call $even (i64.sub (local.get 0) (i64.const 1))))
  (type $fe (func (param i64) (result i32)))
  (type $ke (cont $fe))
  (elem declare func $even)
  (func (export "even") (param i64) (result i32)
    (resume $ke (local.get 0) (cont.new $ke (ref.func $even))))

  ;; the continuation's entry function tail-calls the function that
  ;; suspends: the frame it replaced is gone, the continuation still
  ;; returns the callee's result to the resumer
  (func $entry (type $fr) (result i64)
    (return_call $asker (i64.const 20)))
  (func $asker (param i64) (result i64)
    (i64.mul (suspend $ask (local.get 0)) (i64.const 3)))
  (elem declare func $entry)
  (func (export "entry-tail-calls-suspender") (result i64)
    (local $ka (ref null $ka))
    (block $h (result i64 (ref $ka))
      (return (resume $kr (on $ask $h) (cont.new $kr (ref.func $entry)))))
    (local.set $ka)
    (i64.add (i64.const 1))
    (local.get $ka)
    (resume $ka))
)

(assert_return (invoke "return_call" (i64.const 1_000_000)) (i64.const 500_000_500_000))
(assert_return (invoke "return_call_ref" (i64.const 1_000_000)) (i64.const 500_000_500_000))
(assert_return (invoke "return_call_indirect" (i64.const 1_000_000)) (i64.const 500_000_500_000))
(assert_return (invoke "return_call" (i64.const 0)) (i64.const 0))
;; suspensions at n = 1e6 and at n = 5e5 (the multiples of 500000), each
;; answered with the running sum + 1
(assert_return (invoke "suspend-midway" (i64.const 1_000_000) (i64.const 500_000))
  (i64.const 500_000_500_002) (i64.const 2))
;; a suspension every 10000 iterations: 10 of them
(assert_return (invoke "suspend-midway" (i64.const 100_000) (i64.const 10_000))
  (i64.const 5_000_050_010) (i64.const 10))
;; every iteration suspends
(assert_return (invoke "suspend-midway" (i64.const 1000) (i64.const 1))
  (i64.const 501_500) (i64.const 1000))
(assert_return (invoke "even" (i64.const 1_000_000)) (i32.const 1))
(assert_return (invoke "even" (i64.const 999_999)) (i32.const 0))
(assert_return (invoke "entry-tail-calls-suspender") (i64.const 63))

;; ---------------------------------------------------------------------------
;; 2. Deep but bounded recursion inside a continuation, across suspensions
;;    (at most 150 frames, and at most 60 nested resumes).
;;    - $down(d) recurses d frames deep, suspends $ask at the bottom, and
;;      adds each level's d on the way back: sum(1..d) + answer.
;;    - $down-each(d) suspends at every level on the way back as well.
;;    - The handler recurses deeply itself while the continuation's frames
;;      are suspended, then resumes it.
;;    - 60 nested resumes, each a prompt without a clause for $ask but for
;;      $own; the innermost suspends $ask, which passes all of them to the
;;      outermost handler; resuming it unwinds all 60 levels.

(module $bounded
  (type $fd (func (param i32) (result i32)))
  (type $kd (cont $fd))
  (type $fr (func (result i32)))
  (type $kr (cont $fr))
  (tag $ask (param i32) (result i32))
  (tag $own)

  (func $down (type $fd) (param $d i32) (result i32)
    (if (result i32) (i32.eqz (local.get $d))
      (then (suspend $ask (i32.const 0)))
      (else
        (i32.add (call $down (i32.sub (local.get $d) (i32.const 1))) (local.get $d)))))
  (func $down-each (type $fd) (param $d i32) (result i32)
    (if (result i32) (i32.eqz (local.get $d))
      (then (i32.const 0))
      (else
        (suspend $ask
          (i32.add (call $down-each (i32.sub (local.get $d) (i32.const 1))) (local.get $d))))))
  (elem declare func $down $down-each)

  ;; answers every $ask with payload + $bonus, counting in $asked
  (global $bonus (mut i32) (i32.const 0))
  (global $asked (mut i32) (i32.const 0))
  (global $pre-recursion (mut i32) (i32.const 0))
  (func $plain (param $d i32) (result i32)
    (if (result i32) (i32.eqz (local.get $d))
      (then (i32.const 0))
      (else (i32.add (call $plain (i32.sub (local.get $d) (i32.const 1))) (i32.const 1)))))
  (func $drive (param $k (ref null $kr)) (result i32)
    (local $ki (ref null $kd))
    (global.set $asked (i32.const 0))
    (loop $l
      (block $h (result i32 (ref $kd))
        (return (resume $kr (on $ask $h) (local.get $k))))
      (local.set $ki)
      (global.set $asked (i32.add (global.get $asked) (i32.const 1)))
      ;; recursion in the handler, while the continuation waits
      (i32.add (call $plain (global.get $pre-recursion)))
      (i32.sub (global.get $pre-recursion))
      (i32.add (global.get $bonus))
      (local.get $ki)
      (local.set $k (cont.bind $kd $kr))
      (br $l))
    (unreachable))

  (func (export "down") (param $d i32) (param $bonus i32) (param $pre i32) (result i32)
    (global.set $bonus (local.get $bonus))
    (global.set $pre-recursion (local.get $pre))
    (call $drive (cont.bind $kd $kr (local.get $d) (cont.new $kd (ref.func $down)))))
  (func (export "down-each") (param $d i32) (param $bonus i32) (result i32 i32)
    (global.set $bonus (local.get $bonus))
    (global.set $pre-recursion (i32.const 0))
    (call $drive (cont.bind $kd $kr (local.get $d) (cont.new $kd (ref.func $down-each))))
    (global.get $asked))

  ;; nested resumes
  (func $nest (type $fd) (param $d i32) (result i32)
    (local $k (ref null $kd))
    (if (i32.eqz (local.get $d))
      (then (return (suspend $ask (i32.const 1)))))
    (block $h (result (ref $kr))
      (return
        (i32.add
          (resume $kd (on $own $h)
            (i32.sub (local.get $d) (i32.const 1)) (cont.new $kd (ref.func $nest)))
          (i32.const 1))))
    (unreachable))
  (elem declare func $nest)
  (func (export "nested-resumes") (param $d i32) (result i32)
    (global.set $bonus (i32.const 100))
    (global.set $pre-recursion (i32.const 0))
    (call $drive (cont.bind $kd $kr (local.get $d) (cont.new $kd (ref.func $nest)))))
)

;; sum(1..150) = 11325
(assert_return (invoke "down" (i32.const 150) (i32.const 1000) (i32.const 0)) (i32.const 12325))
(assert_return (invoke "down" (i32.const 1) (i32.const 5) (i32.const 0)) (i32.const 6))
;; the handler recurses 150 deep before resuming (a 150-frame continuation)
(assert_return (invoke "down" (i32.const 150) (i32.const 1000) (i32.const 150)) (i32.const 12325))
;; 120 suspensions, each adding 2: 7260 + 240
(assert_return (invoke "down-each" (i32.const 120) (i32.const 2)) (i32.const 7500) (i32.const 120))
;; 60 levels: the answer 1 + 100, plus 1 per level
(assert_return (invoke "nested-resumes" (i32.const 60)) (i32.const 161))
(assert_return (invoke "nested-resumes" (i32.const 0)) (i32.const 101))

;; Many suspend/resume cycles do not accumulate stack: a generator yields
;; 0, 1, 2, ... and is resumed by a loop $n times (the answer to each $yield is
;; the running total); any per-cycle growth would exhaust the stack.
(module $cycles
  (type $fv (func))
  (type $kv (cont $fv))
  (type $fi (func (param i64)))
  (type $ki (cont $fi))
  (tag $yield (param i64) (result i64))
  (func $gen (type $fv)
    (local $i i64) (local $total i64)
    (loop $l
      (local.set $total (suspend $yield (local.get $i)))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br $l)))
  (elem declare func $gen)
  (func (export "cycles") (param $n i64) (result i64)
    (local $k (ref null $kv)) (local $ki (ref null $ki)) (local $total i64) (local $i i64)
    (local.set $k (cont.new $kv (ref.func $gen)))
    (loop $l
      (block $h (result i64 (ref $ki))
        (resume $kv (on $yield $h) (local.get $k))
        (unreachable))
      (local.set $ki)
      (local.set $total (i64.add (local.get $total)))
      (local.set $k (cont.bind $ki $kv (local.get $total) (local.get $ki)))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br_if $l (i64.lt_u (local.get $i) (local.get $n))))
    (local.get $total))
)

;; sum(0..99999)
(assert_return (invoke "cycles" (i64.const 100_000)) (i64.const 4_999_950_000))


;; ---------------------------------------------------------------------------
;; 3. Exhaustion. Each case has a bounded twin in section 2 or here that
;;    returns normally.
;;    - unbounded recursion (call, call_ref) inside a continuation;
;;    - the same under a try_table with catch_all inside the continuation
;;      and around the resume: exhaustion is not an exception;
;;    - unbounded nesting of resumes, with and without handler clauses;
;;    - recursion that starts after the continuation was suspended and
;;      resumed (inside it), and after a suspension (in the handler, while
;;      the continuation waits);
;;    - recursion inside a continuation resumed by a later, different
;;      resume.

(module $exhaust
  (type $fv (func))
  (type $kv (cont $fv))
  (type $fd (func (param i32) (result i32)))
  (type $kd (cont $fd))
  (tag $t)

  (func $forever (type $fv) (call $forever))
  (func $forever-ref (type $fv) (call_ref $fv (ref.func $forever-ref)))
  (func $forever-in-catch (type $fv)
    (block $c
      (try_table (catch_all $c)
        (call $forever))))
  ;; recursion with a counter: bounded when $limit > 0
  (global $limit (mut i32) (i32.const 0))
  (func $count (param $d i32)
    (if (i32.and (i32.ne (global.get $limit) (i32.const 0))
                 (i32.ge_u (local.get $d) (global.get $limit)))
      (then (return)))
    (call $count (i32.add (local.get $d) (i32.const 1))))
  (func $counted (type $fv) (call $count (i32.const 0)))
  (elem declare func $forever $forever-ref $forever-in-catch $counted)

  (func (export "recursion") (resume $kv (cont.new $kv (ref.func $forever))))
  (func (export "recursion-call_ref") (resume $kv (cont.new $kv (ref.func $forever-ref))))
  (func (export "recursion-under-catch_all")
    (resume $kv (cont.new $kv (ref.func $forever-in-catch))))
  (func (export "recursion-resume-under-catch_all")
    (block $c
      (try_table (catch_all $c)
        (resume $kv (cont.new $kv (ref.func $forever))))))
  ;; the twin: the same continuation with a limit returns
  (func (export "bounded-twin") (param i32) (result i32)
    (global.set $limit (local.get 0))
    (resume $kv (cont.new $kv (ref.func $counted)))
    (global.set $limit (i32.const 0))
    (i32.const 1))

  ;; nested resumes without end
  (func $nest (type $fv) (resume $kv (cont.new $kv (ref.func $nest))))
  (func $nest-handled (type $fv)
    (block $h (result (ref $kv))
      (resume $kv (on $t $h) (cont.new $kv (ref.func $nest-handled)))
      (return))
    (drop))
  (elem declare func $nest $nest-handled)
  (func (export "nested-resumes") (call $nest))
  (func (export "nested-resumes-with-clause") (call $nest-handled))

  ;; after a resume: the body suspends once, is resumed, then recurses
  (func $suspend-then-recurse (type $fv)
    (suspend $t)
    (call $count (i32.const 0)))
  (elem declare func $suspend-then-recurse)
  (func $after-resume (param $limit i32) (result i32)
    (global.set $limit (local.get $limit))
    (block $h (result (ref $kv))
      (resume $kv (on $t $h) (cont.new $kv (ref.func $suspend-then-recurse)))
      (return (i32.const -1)))
    (resume $kv)
    (global.set $limit (i32.const 0))
    (i32.const 2))
  (func (export "after-resume") (result i32) (call $after-resume (i32.const 0)))
  (func (export "after-resume-bounded") (result i32) (call $after-resume (i32.const 100)))

  ;; after a suspension: the handler recurses while the body waits
  (func $suspend-once (type $fv) (suspend $t))
  (elem declare func $suspend-once)
  (func $after-suspend (param $limit i32) (result i32)
    (global.set $limit (local.get $limit))
    (block $h (result (ref $kv))
      (resume $kv (on $t $h) (cont.new $kv (ref.func $suspend-once)))
      (return (i32.const -1)))
    (drop)
    (call $count (i32.const 0))
    (global.set $limit (i32.const 0))
    (i32.const 3))
  (func (export "after-suspend") (result i32) (call $after-suspend (i32.const 0)))
  (func (export "after-suspend-bounded") (result i32) (call $after-suspend (i32.const 100)))

  ;; resumed later by a different function, then recursing
  (global $parked (mut (ref null $kv)) (ref.null $kv))
  (func $park
    (block $h (result (ref $kv))
      (resume $kv (on $t $h) (cont.new $kv (ref.func $suspend-then-recurse)))
      (unreachable))
    (global.set $parked))
  (func (export "resumed-later") (result i32)
    (global.set $limit (i32.const 0))
    (call $park)
    (resume $kv (global.get $parked))
    (i32.const 4))
)

(assert_exhaustion (invoke "recursion") "call stack exhausted")
(assert_exhaustion (invoke "recursion-call_ref") "call stack exhausted")
(assert_exhaustion (invoke "recursion-under-catch_all") "call stack exhausted")
(assert_exhaustion (invoke "recursion-resume-under-catch_all") "call stack exhausted")
(assert_return (invoke "bounded-twin" (i32.const 150)) (i32.const 1))
(assert_exhaustion (invoke "nested-resumes") "call stack exhausted")
(assert_exhaustion (invoke "nested-resumes-with-clause") "call stack exhausted")
(assert_exhaustion (invoke "after-resume") "call stack exhausted")
(assert_return (invoke "after-resume-bounded") (i32.const 2))
(assert_exhaustion (invoke "after-suspend") "call stack exhausted")
(assert_return (invoke "after-suspend-bounded") (i32.const 3))
(assert_exhaustion (invoke "resumed-later") "call stack exhausted")
;; the instance is still usable after the exhaustions above
(assert_return (invoke "bounded-twin" (i32.const 10)) (i32.const 1))
