;; Ping-pong between two coroutines by symmetric transfer.  Neither is the
;; other's caller: each passes the ball (a counter) straight to the other
;; with `switch`, which suspends the current coroutine and hands its
;; continuation over together with the ball, so the other can switch back.
;; A single `resume` with the handler (on $swap switch) starts the game
;; and owns the prompt both coroutines run in; whoever receives the last
;; ball returns it, which ends the prompt and so the `resume`.
;; Explainer rules shown: switch under an (on $e switch) handler (the
;; continuations trade places inside one prompt), the continuation type
;; that refers to itself, and a prompt ending with values.
;;   ./wasmfx-ref --trace examples/pingpong.wast

(module
  ;; A coroutine takes the ball and the continuation of the other player.
  (rec
    (type $player-fn (func (param i32 (ref null $player)) (result i32)))
    (type $player (cont $player-fn)))
  ;; switch's tag: no parameters, and the result type of the whole game
  (tag $swap (result i32))

  (global $limit (mut i32) (i32.const 0))
  (global $log (mut i64) (i64.const 0))

  ;; Hits the ball, logging $id, until it arrives at $limit.
  (func $play (param $id i64) (param $ball i32) (param $other (ref null $player)) (result i32)
    (loop $rally
      (if (i32.ge_u (local.get $ball) (global.get $limit))
        (then (return (local.get $ball))))
      (global.set $log (i64.add (i64.mul (global.get $log) (i64.const 10)) (local.get $id)))
      ;; hand over ball + 1; what comes back is the ball and the other's
      ;; continuation once the other switches to us again
      (switch $player $swap
        (i32.add (local.get $ball) (i32.const 1))
        (local.get $other))
      (local.set $other)
      (local.set $ball)
      (br $rally))
    (unreachable))
  ;; (type $player-fn), not just the same signature: a type from a rec
  ;; group is distinct from an identical-looking type outside it.
  (func $ping (type $player-fn) (param $ball i32) (param $other (ref null $player)) (result i32)
    (call $play (i64.const 1) (local.get $ball) (local.get $other)))
  (func $pong (type $player-fn) (param $ball i32) (param $other (ref null $player)) (result i32)
    (call $play (i64.const 2) (local.get $ball) (local.get $other)))
  (elem declare func $ping $pong)

  ;; Ping serves ball 0 with pong as the other player.
  (func $game (export "game") (param $limit i32) (result i32)
    (global.set $limit (local.get $limit))
    (global.set $log (i64.const 0))
    (resume $player (on $swap switch)
      (i32.const 0)
      (cont.new $player (ref.func $pong))
      (cont.new $player (ref.func $ping))))
  (func $get-log (export "log") (result i64) (global.get $log))

  ;; A switch needs an (on $swap switch) handler around it: an
  ;; (on $swap $label) handler is for suspend only and does not match, so
  ;; ping's first switch finds no handler at all.
  (type $suspended-fn (func (param i32) (result i32)))
  (type $suspended (cont $suspended-fn))  ;; what `suspend $swap` would leave
  (func $no-switch-handler (export "no-switch-handler") (result i32)
    (global.set $limit (i32.const 5))
    (block $on_swap (result (ref $suspended))
      (return (resume $player (on $swap $on_swap)
        (i32.const 0)
        (cont.new $player (ref.func $pong))
        (cont.new $player (ref.func $ping)))))
    (drop)
    (i32.const -1)))

;; 1 2 1 2 1: ping gets balls 0, 2, 4, pong 1, 3; pong gets 5 and stops
(assert_return (invoke "game" (i32.const 5)) (i32.const 5))
(assert_return (invoke "log") (i64.const 12121))
(assert_return (invoke "game" (i32.const 4)) (i32.const 4))
(assert_return (invoke "log") (i64.const 1212))
;; ping stops at once; pong never runs
(assert_return (invoke "game" (i32.const 0)) (i32.const 0))
(assert_return (invoke "log") (i64.const 0))
;; the unhandled switch leaves the invocation as a suspension
(assert_suspension (invoke "no-switch-handler") "unhandled tag")
