;; Stack switching at run time: continuations are one-shot, suspend finds
;; the innermost prompt with a handler of its kind, exceptions leave a
;; continuation into its resumer, and nothing of a continuation is lost
;; when it moves between stacks.  test/cli.sh runs this file again with
;; --max-heap=4M, where "churn" can only finish if the collector frees the
;; stacks of continuations nobody can resume any more.

(module
  (type $f0 (func))
  (type $k0 (cont $f0))
  (type $fi (func (param i32) (result i32)))
  (type $ki (cont $fi))
  (type $f3 (func (param i32 i32 i32) (result i32)))
  (type $k3 (cont $f3))
  (type $f2 (func (param i32 i32) (result i32)))
  (type $k2 (cont $f2))
  (type $fr (func (result i32 i64)))
  (type $kr (cont $fr))
  (type $fv (func (result i32)))
  (type $kv (cont $fv))
  (type $fp (func (param i32)))
  (type $kp (cont $fp))

  (import "spectest" "print_i32" (func $print (type $fp)))

  (tag $yield (param i32) (result i32))
  (tag $other)
  (tag $exn (param i32))
  (tag $swt (result i32))

  (global $saved (mut (ref null $ki)) (ref.null $ki))

  ;; Yields 1, 2, 3 … adding what each resume gives back; returns the sum
  ;; once it is given 0.
  (func $gen (param $x i32) (result i32)
    (local $i i32) (local $sum i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (local.set $x (suspend $yield (local.get $i)))
      (local.set $sum (i32.add (local.get $sum) (local.get $x)))
      (br_if $l (local.get $x)))
    (local.get $sum))
  (elem declare func $gen $three $pair $boom $bottom-tail $tail-target $catcher
        $nested-inner $nested-outer $throws $swt)

  ;; Resumes the generator, answering each yield i with 10*i, until it
  ;; has yielded n times; then answers 0.  Returns the generator's sum.
  (func (export "generate") (param $n i32) (result i32)
    (local $k (ref null $ki)) (local $v i32)
    (local.set $k (cont.new $ki (ref.func $gen)))
    (local.set $v (i32.const 0))
    (loop $l
      (block $on_yield (result i32 (ref $ki))
        (return (resume $ki (on $yield $on_yield) (local.get $v) (local.get $k))))
      (local.set $k)
      (local.set $v (i32.mul (i32.const 10)))
      (if (i32.gt_u (i32.div_u (local.get $v) (i32.const 10)) (local.get $n))
        (then (local.set $v (i32.const 0))))
      (br $l))
    (unreachable))

  ;; cont.bind, on a fresh continuation and on a suspended one
  (func $three (param i32 i32 i32) (result i32)
    (i32.sub (i32.mul (local.get 0) (i32.const 100))
             (i32.add (i32.mul (local.get 1) (i32.const 10)) (local.get 2))))
  (func (export "bind-fresh") (result i32)
    (resume $ki (i32.const 3)
      (cont.bind $k2 $ki (i32.const 2)
        (cont.bind $k3 $k2 (i32.const 9) (cont.new $k3 (ref.func $three))))))
  (func (export "bind-suspended") (result i32)
    (local $k (ref null $ki))
    (block $on_yield (result i32 (ref $ki))
      (return (resume $ki (on $yield $on_yield) (i32.const 0) (cont.new $ki (ref.func $gen)))))
    (local.set $k)
    (drop)
    ;; the generator is given 7 by cont.bind, and yields 2
    (block $on_yield2 (result i32 (ref $ki))
      (return (resume $kv (on $yield $on_yield2)
        (cont.bind $ki $kv (i32.const 7) (local.get $k)))))
    (drop))

  ;; A handler whose label is the function's own: the suspend returns from it
  (func $yield-out (result i32 (ref $ki))
    (drop (resume $ki (on $yield 0) (i32.const 0) (cont.new $ki (ref.func $gen))))
    (unreachable))
  (func (export "handler-returns") (result i32)
    (call $yield-out)
    (drop))

  ;; A continuation of a host function: it runs at once when resumed
  (elem declare func $print)
  (func (export "host")
    (resume $kp (i32.const 7) (cont.new $kp (ref.func $print))))

  ;; A continuation's results: several values, from its bottom frame
  (func $pair (result i32 i64) (i32.const 7) (i64.const -8))
  (func (export "pair") (result i32 i64)
    (resume $kr (cont.new $kr (ref.func $pair))))

  ;; A continuation kept in a global and resumed by a later invocation
  (func (export "save") (result i32)
    (block $on_yield (result i32 (ref $ki))
      (return (resume $ki (on $yield $on_yield) (i32.const 0) (cont.new $ki (ref.func $gen)))))
    (global.set $saved))
  (func (export "resume-saved") (param i32) (result i32)
    (block $on_yield (result i32 (ref $ki))
      (return (resume $ki (on $yield $on_yield) (local.get 0) (global.get $saved))))
    (global.set $saved))

  ;; One-shot: every consumer traps on a used continuation
  (func (export "resume-twice")
    (local $k (ref $k0))
    (local.set $k (cont.new $k0 (ref.func $boom)))
    (block $h (result (ref $k0))
      (resume $k0 (on $other $h) (local.get $k))
      (unreachable))
    (drop)
    (resume $k0 (local.get $k)))
  (func $boom (suspend $other))
  (func (export "bind-used") (result i32)
    (local $k (ref $k3))
    (local.set $k (cont.new $k3 (ref.func $three)))
    (drop (cont.bind $k3 $k2 (i32.const 1) (local.get $k)))
    (drop (cont.bind $k3 $k2 (i32.const 1) (local.get $k)))
    (i32.const 0))
  (func (export "throw-used")
    (local $k (ref $k0))
    (local.set $k (cont.new $k0 (ref.func $boom)))
    (block $h (result (ref $k0))
      (resume $k0 (on $other $h) (local.get $k))
      (unreachable))
    (drop)
    (resume_throw $k0 $exn (i32.const 1) (local.get $k)))
  (func (export "null-resume") (resume $k0 (ref.null $k0)))
  (func (export "null-bind") (drop (cont.bind $k3 $k2 (i32.const 1) (ref.null $k3))))
  (func (export "null-throw") (resume_throw $k0 $exn (i32.const 1) (ref.null $k0)))
  (func (export "null-throw-ref") (resume_throw_ref $k0 (ref.null exn) (ref.null $k0)))
  (func (export "null-exn")
    (resume_throw_ref $k0 (ref.null exn) (cont.new $k0 (ref.func $boom))))
  (func (export "null-func") (drop (cont.new $k0 (ref.null $f0))))

  ;; Nothing handles it: at top level, or only handlers of another kind
  (func (export "unhandled") (drop (suspend $yield (i32.const 1))))
  (func $swt (param i32) (result i32) (suspend $swt))
  (func (export "wrong-kind") (result i32)
    (resume $ki (on $swt switch) (i32.const 0) (cont.new $ki (ref.func $swt))))

  ;; Prompts nest: the outer handler of $yield is found past an inner
  ;; resume that handles only $other, and the continuation it captures
  ;; holds both stacks; resumed, the inner handler is in place again.
  (func $nested-inner (param i32) (result i32)
    (suspend $other)   ;; to the inner handler
    (i32.add (local.get 0) (suspend $yield (i32.const 5))))   ;; to the outer one
  (func $nested-outer (param i32) (result i32)
    (local $k (ref null $kv))
    (block $h (result (ref $kv))
      (return (resume $ki (on $other $h) (local.get 0) (cont.new $ki (ref.func $nested-inner)))))
    (local.set $k)
    (block $h2 (result (ref $kv))
      (return (i32.add (i32.const 100) (resume $kv (on $other $h2) (local.get $k)))))
    (unreachable))
  (func (export "nested") (result i32)
    (local $k (ref null $ki))
    (block $h (result i32 (ref $ki))
      (return (resume $ki (on $yield $h) (i32.const 1) (cont.new $ki (ref.func $nested-outer)))))
    (local.set $k)
    (if (i32.ne (i32.const 5)) (then (unreachable)))
    (block $h2 (result i32 (ref $ki))
      (return (resume $ki (on $yield $h2) (i32.const 37) (local.get $k))))
    (unreachable))

  ;; Exceptions: thrown in a continuation, they reach the resumer; thrown
  ;; into one by resume_throw, they unwind it from its suspension point
  (func $throws (param i32) (result i32) (throw $exn (i32.add (local.get 0) (i32.const 1))))
  (func (export "escape") (param i32) (result i32)
    (block $c (result i32)
      (try_table (catch $exn $c)
        (return (resume $ki (local.get 0) (cont.new $ki (ref.func $throws)))))
      (unreachable)))
  (func $catcher (param i32) (result i32)
    (block $c (result i32)
      (try_table (catch $exn $c)
        (drop (suspend $yield (local.get 0))))
      (i32.const -1))
    (i32.add (i32.const 1000)))
  (func (export "throw-caught-inside") (result i32)
    (local $k (ref null $ki))
    (block $h (result i32 (ref $ki))
      (return (resume $ki (on $yield $h) (i32.const 5) (cont.new $ki (ref.func $catcher)))))
    (local.set $k)
    ;; the yield of 5 is answered with an exception carrying 42
    (i32.add (resume_throw $ki $exn (i32.const 42) (local.get $k))))
  (func (export "throw-escapes") (result i32)
    (local $k (ref null $ki))
    (block $c (result i32)
      (try_table (catch $exn $c)
        (block $h (result i32 (ref $ki))
          (return (resume $ki (on $yield $h) (i32.const 0) (cont.new $ki (ref.func $gen)))))
        (local.set $k)
        (drop)
        (drop (resume_throw $ki $exn (i32.const 9) (local.get $k))))
      (unreachable)))
  (func (export "throw-fresh") (result i32)
    (block $c (result i32)
      (try_table (catch $exn $c)
        (return (resume_throw $ki $exn (i32.const 11) (cont.new $ki (ref.func $gen)))))
      (unreachable)))
  (func (export "throw-ref-fresh") (result i32)
    (block $c (result i32)
      (try_table (catch $exn $c)
        (block $e (result exnref)
          (try_table (catch_all_ref $e) (throw $exn (i32.const 12)))
          (unreachable))
        (return (resume_throw_ref $ki (cont.new $ki (ref.func $gen)))))
      (unreachable)))
  (func (export "uncaught") (result i32)
    (resume $ki (i32.const 3) (cont.new $ki (ref.func $throws))))

  ;; The bottom frame of a continuation may tail-call
  (func $tail-target (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
  (func $bottom-tail (param i32) (result i32) (return_call $tail-target (local.get 0)))
  (func (export "tail") (param i32) (result i32)
    (resume $ki (local.get 0) (cont.new $ki (ref.func $bottom-tail))))

  ;; Limits hold inside continuations
  (func $deep (param i32) (result i32) (i32.add (call $deep (local.get 0)) (i32.const 1)))
  (elem declare func $deep $chain)
  (func (export "deep") (result i32)
    (resume $ki (i32.const 0) (cont.new $ki (ref.func $deep))))
  (func $chain (param i32) (result i32)
    (resume $ki (local.get 0) (cont.new $ki (ref.func $chain))))
  (func (export "chain") (result i32)
    (resume $ki (i32.const 0) (cont.new $ki (ref.func $chain))))

  ;; Garbage continuations, fresh and suspended, go with their stacks
  (func (export "churn") (param $n i32) (result i32)
    (local $k (ref null $ki))
    (loop $l
      (drop (cont.new $ki (ref.func $deep)))
      (block $h (result i32 (ref $ki))
        (drop (resume $ki (on $yield $h) (i32.const 0) (cont.new $ki (ref.func $gen))))
        (unreachable))
      (local.set $k)
      (drop)
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.const 1))
)

;; The generator yields 1 2 3 and gets 10 20 30 then 0
(assert_return (invoke "generate" (i32.const 3)) (i32.const 60))
(assert_return (invoke "generate" (i32.const 1)) (i32.const 10))
;; 9*100 - (2*10 + 3)
(assert_return (invoke "bind-fresh") (i32.const 877))
;; yields 1, gets 7; yields 2, which bind-suspended returns
(assert_return (invoke "bind-suspended") (i32.const 2))
(assert_return (invoke "handler-returns") (i32.const 1))
(assert_return (invoke "host"))
(assert_return (invoke "pair") (i32.const 7) (i64.const -8))
(assert_return (invoke "save") (i32.const 1))
(assert_return (invoke "resume-saved" (i32.const 4)) (i32.const 2))
(assert_return (invoke "resume-saved" (i32.const 5)) (i32.const 3))
(assert_return (invoke "resume-saved" (i32.const 0)) (i32.const 9))
(assert_trap (invoke "resume-saved" (i32.const 0)) "continuation already consumed")
(assert_trap (invoke "resume-twice") "continuation already consumed")
(assert_trap (invoke "bind-used") "continuation already consumed")
(assert_trap (invoke "throw-used") "continuation already consumed")
(assert_trap (invoke "null-resume") "null continuation reference")
(assert_trap (invoke "null-bind") "null continuation reference")
(assert_trap (invoke "null-throw") "null continuation reference")
(assert_trap (invoke "null-throw-ref") "null continuation reference")
(assert_trap (invoke "null-exn") "null exception reference")
(assert_trap (invoke "null-func") "null function reference")
(assert_suspension (invoke "unhandled") "unhandled tag")
(assert_suspension (invoke "wrong-kind") "unhandled tag")
;; inner yields 5, is answered 37: 1 + 37, plus 100 from the second inner resume
(assert_return (invoke "nested") (i32.const 138))
(assert_return (invoke "escape" (i32.const 4)) (i32.const 5))
(assert_return (invoke "throw-caught-inside") (i32.const 1047))
(assert_return (invoke "throw-escapes") (i32.const 9))
(assert_return (invoke "throw-fresh") (i32.const 11))
(assert_return (invoke "throw-ref-fresh") (i32.const 12))
(assert_exception (invoke "uncaught"))
(assert_return (invoke "tail" (i32.const 14)) (i32.const 42))
(assert_exhaustion (invoke "deep") "call stack exhausted")
(assert_exhaustion (invoke "chain") "call stack exhausted")
(assert_return (invoke "churn" (i32.const 100000)) (i32.const 1))
;; after all that, the module still works
(assert_return (invoke "generate" (i32.const 2)) (i32.const 30))

;; switch: two continuations take turns on one prompt, passing a counter
;; and each other; the one that sees it reach the limit returns it.
(module
  (rec
    (type $fs (func (param i32 (ref null $ks)) (result i32)))
    (type $ks (cont $fs)))
  (type $f1 (func (param i32) (result i32)))
  (type $k1 (cont $f1))
  (tag $sw (result i32))
  (tag $other (result i32))

  (func $player (type $fs) (param $n i32) (param $peer (ref null $ks)) (result i32)
    (loop $l
      (if (i32.ge_u (local.get $n) (i32.const 1000)) (then (return (local.get $n))))
      (switch $ks $sw (i32.add (local.get $n) (i32.const 1)) (local.get $peer))
      (local.set $peer)
      (local.set $n)
      (br $l))
    (unreachable))
  (elem declare func $player $start)

  (func $start (param $n i32) (result i32)
    (call $player (local.get $n) (cont.new $ks (ref.func $player))))

  (func (export "ping-pong") (result i32)
    (resume $k1 (on $sw switch) (i32.const 0) (cont.new $k1 (ref.func $start))))
  ;; (on $sw $l) is a handler of the other kind: it does not take a switch
  (func (export "switch-unhandled") (result i32)
    (block $h (result (ref $k1))
      (return (resume $k1 (on $sw $h) (i32.const 0) (cont.new $k1 (ref.func $start)))))
    (unreachable))
  (func $to-null (param i32) (result i32)
    (switch $ks $sw (i32.const 0) (ref.null $ks))
    (drop)
    (drop)
    (i32.const 0))
  ;; The player that starts runs inside a resume of its own, whose prompt
  ;; handles only $other: each switch captures both stacks and the switch
  ;; back restores them, so the winner's 1000 comes back through it (+5).
  (func $start-nested (param $n i32) (result i32)
    (block $h (result (ref $k1))
      (return (i32.add (i32.const 5)
        (resume $k1 (on $other $h) (local.get $n) (cont.new $k1 (ref.func $start))))))
    (unreachable))
  (elem declare func $start-nested)
  (func (export "ping-pong-nested") (result i32)
    (resume $k1 (on $sw switch) (i32.const 0) (cont.new $k1 (ref.func $start-nested))))
  (func (export "switch-null") (result i32)
    (resume $k1 (on $sw switch) (i32.const 0) (cont.new $k1 (ref.func $to-null))))
  (elem declare func $to-null)
)

(assert_return (invoke "ping-pong") (i32.const 1000))
(assert_return (invoke "ping-pong-nested") (i32.const 1005))
(assert_suspension (invoke "switch-unhandled") "unhandled tag")
(assert_trap (invoke "switch-null") "null continuation reference")
