;; Control tags: tags whose function type has results.
;;
;; Explainer, "Specification changes › Tags":
;;
;;   We change the wellformedness condition for tag types to be more
;;   liberal, i.e.
;;   - `(tag $t (type $ft)) ok` iff `$ft ok` and `$ft = [t1*] -> [t2*]`
;;   In other words, the return type of tag types is allowed to be non-empty.
;;
;;   We also introduce tag uses, which can be either tag indices or tag
;;   addresses:
;;   - `taguse ::= tagidx | tagaddr`
;;     - `$e : [t1*] -> [t2*]`
;;       - iff `C.tags[$e] = tag $ft`
;;       - and `C.types[$ft] ~~ func [t1*] -> [t2*]`
;;
;; Explainer, "Instruction set extension › Declaring control tags":
;;
;;   Control tags generalise exception tags to include result types.
;;   Operationally, a control tag may be thought of as a *resumable*
;;   exception. A tag declaration provides the type signature of a control
;;   tag.  (tag $t (param t1*) (result t2*))
;;   The parameter types `t1*` describe the expected stack layout prior to
;;   invoking the tag, and the result types `t2*` describe the stack layout
;;   following an invocation of the operation.
;;
;; The exception instructions keep the rules of Wasm 3.0: `throw`, the catch
;; clauses of `try_table`, and `resume_throw` need a tag whose type is
;; `func [t*] -> []` (Wasm 3.0 "Instr_ok/throw", "Catch_ok/catch": "Expand:
;; C.TAGS[x] ~~ FUNC t* -> eps"; Explainer, resume_throw: "and
;; `C.types[$ft] ~~ func [te*] -> []`").  Tag import matching needs equal
;; tag types (Wasm 3.0 "Tagtype_sub": subtyping in both directions).
;;
;; This file checks, in order:
;;   1. tags with results of several shapes, declared inline and with
;;      (type $ft), used by suspend and answered by resume (run);
;;   2. how a tag's type shapes `suspend` and the handler's label (the
;;      tag's results become the continuation's parameters);
;;   3. tag types that are not function types, or out of range (invalid);
;;   4. result-less tags still serve the exception instructions and suspend;
;;   5. importing and exporting tags with results, and the import matching
;;      rule (exact type);
;;   6. tag identity: tags with equal types are different tags; an imported
;;      or re-exported tag is the same tag; two instances of one module
;;      have different tags;
;;   7. at the end, the assertions on which the reference interpreter
;;      disagrees with the rules (see the comments there).


;; ---------------------------------------------------------------------------
;; 1. Tags with results
;; ---------------------------------------------------------------------------

(module $Shapes
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  ;; continuations waiting for the answer of each tag
  (type $fa (func (param i32) (result i32)))
  (type $ca (cont $fa))
  (type $fff (func (param f32 f64) (result i32)))
  (type $cff (cont $fff))
  (type $fll (func (param i64 i64) (result i32)))
  (type $cll (cont $fll))

  ;; [i32] -> [i32], written inline
  (tag $ask (param i32) (result i32))
  ;; [i32 i64] -> [f32 f64]
  (tag $two (param i32 i64) (result f32 f64))
  ;; [] -> [i32]: no payload, one answer
  (tag $get (result i32))
  ;; [i32] -> []: a payload, no answer
  (tag $put (param i32))
  ;; [i32] -> [i32] through a type use; the tag's type is the function type
  (type $ft (func (param i32) (result i32)))
  (tag $askt (type $ft))
  ;; the same, with the type use and the matching inline form together
  (tag $askti (type $ft) (param i32) (result i32))
  ;; [] -> [i64 i64] through a declared (non-final) function type
  (type $fsub (sub (func (result i64 i64))))
  (tag $pair (type $fsub))

  (func $ask-body (type $fv) (i32.add (suspend $ask (i32.const 10)) (i32.const 1)))
  (func $askt-body (type $fv) (i32.add (suspend $askt (i32.const 20)) (i32.const 2)))
  (func $askti-body (type $fv) (i32.add (suspend $askti (i32.const 30)) (i32.const 3)))
  (func $two-body (type $fv)
    (local $x f32) (local $y f64)
    (suspend $two (i32.const 4) (i64.const 5))
    (local.set $y)
    (local.set $x)
    (i32.add (i32.trunc_f32_s (local.get $x)) (i32.trunc_f64_s (local.get $y))))
  (func $get-body (type $fv) (i32.mul (suspend $get) (suspend $get)))
  (func $put-body (type $fv) (suspend $put (i32.const 6)) (i32.const 7))
  (func $pair-body (type $fv)
    (i32.wrap_i64 (i64.sub (suspend $pair))))
  (elem declare func $ask-body $askt-body $askti-body $two-body $get-body
                     $put-body $pair-body)

  ;; The handler answers with three times the payload.
  (func $answer (param $k (ref $cv)) (result i32)
    (local $kk (ref $ca))
    (block $h (result i32 (ref $ca))
      (block $ht (result i32 (ref $ca))
        (block $hti (result i32 (ref $ca))
          (return (resume $cv (on $ask $h) (on $askt $ht) (on $askti $hti)
                    (local.get $k))))
        (local.set $kk)
        (return (resume $ca (i32.mul (i32.const 3)) (local.get $kk))))
      (local.set $kk)
      (return (resume $ca (i32.mul (i32.const 3)) (local.get $kk))))
    (local.set $kk)
    (resume $ca (i32.mul (i32.const 3)) (local.get $kk)))
  (func (export "ask") (result i32)
    (call $answer (cont.new $cv (ref.func $ask-body))))
  (func (export "ask-type-use") (result i32)
    (call $answer (cont.new $cv (ref.func $askt-body))))
  (func (export "ask-type-use-and-inline") (result i32)
    (call $answer (cont.new $cv (ref.func $askti-body))))

  ;; Two parameters out, two results back: answers (x + 0.5, y + 0.25).
  (func (export "two") (result i32)
    (local $k (ref $cff)) (local $b i64)
    (block $h (result i32 i64 (ref $cff))
      (return (resume $cv (on $two $h) (cont.new $cv (ref.func $two-body)))))
    (local.set $k)
    (local.set $b)
    (f32.add (f32.convert_i32_s) (f32.const 0.5))
    (f64.add (f64.convert_i64_s (local.get $b)) (f64.const 0.25))
    (resume $cff (local.get $k)))

  ;; No payload: each `suspend $get` is answered by a counter (5, then 6).
  (func (export "get") (result i32)
    (local $k (ref null $ca)) (local $n i32)
    (local.set $n (i32.const 5))
    (local.set $k
      (block $h (result (ref $ca))
        (return (resume $cv (on $get $h) (cont.new $cv (ref.func $get-body))))))
    (loop $again
      (local.set $k
        (block $h (result (ref $ca))
          (return (resume $ca (on $get $h) (local.get $n) (local.get $k)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $again))
    (unreachable))

  ;; No answer: the continuation takes no arguments; the payload is 6 and
  ;; the body returns 7 when resumed.
  (func (export "put") (result i32)
    (local $k (ref $cv))
    (block $h (result i32 (ref $cv))
      (return (resume $cv (on $put $h) (cont.new $cv (ref.func $put-body)))))
    (local.set $k)
    (i32.mul (i32.const 10))
    (i32.add (resume $cv (local.get $k))))

  ;; Two i64 answers, 50 and 8, through a tag whose type is a `sub` type.
  (func (export "pair") (result i32)
    (local $k (ref $cll))
    (local.set $k
      (block $h (result (ref $cll))
        (return (resume $cv (on $pair $h) (cont.new $cv (ref.func $pair-body))))))
    (resume $cll (i64.const 50) (i64.const 8) (local.get $k)))
)
(assert_return (invoke "ask") (i32.const 31))
(assert_return (invoke "ask-type-use") (i32.const 62))
(assert_return (invoke "ask-type-use-and-inline") (i32.const 93))
(assert_return (invoke "two") (i32.const 9))
(assert_return (invoke "get") (i32.const 30))
(assert_return (invoke "put") (i32.const 67))
(assert_return (invoke "pair") (i32.const 42))

;; A tag's result may be a reference type, here the continuation type that
;; the same recursion group defines: the handler answers the suspension with
;; a continuation, which the suspended code then resumes.
(module
  (rec
    (type $fv (func (result i32)))
    (type $cv (cont $fv))
    (type $fk (func (param (ref null $cv)) (result i32)))
    (type $ck (cont $fk)))
  (tag $want (result (ref null $cv)))
  (func $eleven (type $fv) (i32.const 11))
  (func $body (type $fv)
    (i32.mul (resume $cv (suspend $want)) (i32.const 2)))
  (elem declare func $eleven $body)
  (func (export "reference-result") (result i32)
    (local $k (ref $ck))
    (local.set $k
      (block $h (result (ref $ck))
        (return (resume $cv (on $want $h) (cont.new $cv (ref.func $body))))))
    (resume $ck (cont.new $cv (ref.func $eleven)) (local.get $k)))
)
(assert_return (invoke "reference-result") (i32.const 22))


;; ---------------------------------------------------------------------------
;; 2. A tag's type gives `suspend` its type and shapes the handler's label
;; ---------------------------------------------------------------------------

;; `suspend $t` : [t1*] -> [t2*].  Its result is the tag's result ...
(assert_invalid
  (module
    (tag $t (param i32) (result i64))
    (func (result i32) (suspend $t (i32.const 0))))
  "type mismatch")
;; ... its operands are the tag's parameters ...
(assert_invalid
  (module
    (tag $t (param i32) (result i64))
    (func (result i64) (suspend $t (i64.const 0))))
  "type mismatch")
(assert_invalid
  (module
    (tag $t (param i32 i32) (result i64))
    (func (result i64) (suspend $t (i32.const 0))))
  "type mismatch")
;; ... and a tag with two results leaves two values.
(assert_invalid
  (module
    (tag $t (result i32 i32))
    (func (result i32) (suspend $t)))
  "type mismatch")
;; A handler (on $t $l) for $t : [t1*] -> [t2*] sends to $l the payload t1*
;; and a continuation whose parameters are the tag's results t2*.  The
;; continuation type's parameters must match the tag's results ...
(assert_invalid
  (module
    (type $fv (func))
    (type $cv (cont $fv))
    (type $fk (func (param i32)))          ;; tag results are i64
    (type $ck (cont $fk))
    (tag $t (param f32) (result i64))
    (func (param (ref $cv))
      (drop (drop
        (block $h (result f32 (ref $ck))
          (resume $cv (on $t $h) (local.get 0))
          (unreachable))))))
  "type mismatch")
;; ... also in number ...
(assert_invalid
  (module
    (type $fv (func))
    (type $cv (cont $fv))
    (type $ck (cont $fv))                  ;; tag results are [i64]
    (tag $t (param f32) (result i64))
    (func (param (ref $cv))
      (drop (drop
        (block $h (result f32 (ref $ck))
          (resume $cv (on $t $h) (local.get 0))
          (unreachable))))))
  "type mismatch")
;; ... and the payload must match the tag's parameters.
(assert_invalid
  (module
    (type $fv (func))
    (type $cv (cont $fv))
    (type $fk (func (param i64)))
    (type $ck (cont $fk))
    (tag $t (param f32) (result i64))
    (func (param (ref $cv))
      (drop (drop
        (block $h (result f64 (ref $ck))
          (resume $cv (on $t $h) (local.get 0))
          (unreachable))))))
  "type mismatch")
;; The label may take the continuation type at a supertype: its parameters
;; may be narrower than the tag's results (here (ref $B) under a (ref $A)
;; result), and the reference may be nullable.
(module
  (type $A (sub (struct (field i32))))
  (type $B (sub $A (struct (field i32) (field i32))))
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (type $fk (func (param (ref $B)) (result i32)))
  (type $ck (cont $fk))
  (tag $t (result (ref $A)))
  (func $body (type $fv) (struct.get $A 0 (suspend $t)))
  (elem declare func $body)
  (func (export "label-takes-supertype") (result i32)
    (local $k (ref null $ck))
    (local.set $k
      (block $h (result (ref null $ck))
        (return (resume $cv (on $t $h) (cont.new $cv (ref.func $body))))))
    (resume $ck (struct.new $B (i32.const 12) (i32.const 13)) (local.get $k)))
)
(assert_return (invoke "label-takes-supertype") (i32.const 12))
;; But the continuation type's parameters may not be wider than the tag's
;; results: resuming at that type could hand the suspended code a value that
;; the tag's result type does not allow.
(assert_invalid
  (module
    (type $A (sub (struct (field i32))))
    (type $B (sub $A (struct (field i32) (field i32))))
    (type $fv (func (result i32)))
    (type $cv (cont $fv))
    (type $fk (func (param (ref $A)) (result i32)))
    (type $ck (cont $fk))
    (tag $t (result (ref $B)))
    (func (param (ref $cv)) (result i32)
      (drop
        (block $h (result (ref $ck))
          (return (resume $cv (on $t $h) (local.get 0)))))
      (i32.const 0)))
  "type mismatch")


;; ---------------------------------------------------------------------------
;; 3. Tag types must be function types
;; ---------------------------------------------------------------------------

;; (Tags defined in the module with a struct, array or continuation type are
;; at the end of the file: the reference interpreter crashes on them.)

;; A tag's type index must be in range, for defined and imported tags.
(assert_invalid
  (module (type (func)) (tag (type 1)))
  "unknown type")
(assert_invalid
  (module (tag (import "spectest" "t") (type 0)))
  "unknown type")
;; An imported tag's type must be a function type: not a struct, an array
;; or a continuation type.
(assert_invalid
  (module (type $s (struct)) (tag (import "spectest" "t") (type $s)))
  "non-function type")
(assert_invalid
  (module (type $a (array i32)) (tag (import "spectest" "t") (type $a)))
  "non-function type")
(assert_invalid
  (module (type $f (func (result i32))) (type $c (cont $f))
    (tag (import "spectest" "t") (type $c)))
  "non-function type")
;; `suspend`, handlers and exports need a tag in range.  (Out-of-range
;; indices just past the defined tags are at the end of the file: the
;; reference interpreter accepts them.)
(assert_invalid
  (module (func (result i32) (suspend 0)))
  "unknown tag")
(assert_invalid
  (module
    (tag (import "spectest" "t") (result i32))
    (func (result i32) (suspend 1)))
  "unknown tag")
(assert_invalid
  (module
    (type $f (func)) (type $c (cont $f))
    (func (param (ref $c))
      (block $h (result (ref $c)) (resume $c (on 0 $h) (local.get 0)) (return))
      (drop)))
  "unknown tag")
(assert_invalid
  (module (export "t" (tag 0)))
  "unknown tag")


;; ---------------------------------------------------------------------------
;; 4. Result-less tags: exceptions and suspensions with the same tag
;; ---------------------------------------------------------------------------

;; "The same control tag may be used simultaneously by `throw`, `suspend`,
;; `switch`, and their associated handlers."  A tag of type [i32] -> [] is
;; thrown and caught, and also suspended with and handled.
(module
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (tag $e (param i32))
  (func $thrower (type $fv) (throw $e (i32.const 8)))
  (func $suspender (type $fv) (suspend $e (i32.const 9)) (i32.const 100))
  (elem declare func $thrower $suspender)
  (func (export "throw-and-catch") (result i32)
    (block $c (result i32)
      (try_table (catch $e $c) (drop (call $thrower)))
      (i32.const -1)))
  (func (export "suspend-and-handle") (result i32)
    (local $k (ref $cv))
    (block $h (result i32 (ref $cv))
      (return (resume $cv (on $e $h) (cont.new $cv (ref.func $suspender)))))
    (local.set $k)
    (i32.add (resume $cv (local.get $k))))
  ;; resume_throw takes a result-less tag: the exception is raised at the
  ;; suspension point, where the body catches it.
  (func $catcher (type $fv)
    (block $c (result i32)
      (try_table (catch $e $c) (suspend $e (i32.const 1)))
      (i32.const -1)))
  (elem declare func $catcher)
  (func (export "resume-throw") (result i32)
    (local $k (ref $cv))
    (block $h (result i32 (ref $cv))
      (return (resume $cv (on $e $h) (cont.new $cv (ref.func $catcher)))))
    (local.set $k)
    (drop)
    (resume_throw $cv $e (i32.const 77) (local.get $k)))
  ;; An exception thrown inside a continuation is not caught by (on $e ...):
  ;; it escapes the resume and reaches the try_table around it.
  (func (export "throw-passes-handler") (result i32)
    (block $c (result i32)
      (try_table (catch $e $c)
        (block $h (result i32 (ref $cv))
          (return (resume $cv (on $e $h) (cont.new $cv (ref.func $thrower)))))
        (drop) (drop))
      (i32.const -1)))
)
(assert_return (invoke "throw-and-catch") (i32.const 8))
(assert_return (invoke "suspend-and-handle") (i32.const 109))
(assert_return (invoke "resume-throw") (i32.const 77))
(assert_return (invoke "throw-passes-handler") (i32.const 8))


;; ---------------------------------------------------------------------------
;; 5. Importing and exporting tags with results
;; ---------------------------------------------------------------------------

(module $TagsA
  (type $fsub1 (sub (func (param i32) (result i32))))
  (type $fsub2 (sub $fsub1 (func (param i32) (result i32))))
  (tag $ask (export "ask") (param i32) (result i32))
  (tag (export "get") (result i64))
  (tag (export "sub2") (type $fsub2))
  ;; suspends with $ask and adds 1000 to the answer
  (func (export "asker") (param i32) (result i32)
    (i32.add (suspend $ask (local.get 0)) (i32.const 1000)))
)
(register "tags-A" $TagsA)

;; An imported tag with results: a handler on the import catches the
;; suspension performed inside $TagsA, and answers it.
(module $TagsB
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (type $fa (func (param i32) (result i32)))
  (type $ca (cont $fa))
  (tag $ask (import "tags-A" "ask") (param i32) (result i32))
  (func $asker (import "tags-A" "asker") (param i32) (result i32))
  (tag $own (param i32) (result i32))
  (func $body (type $fv) (call $asker (i32.const 4)))
  (elem declare func $body)
  (func (export "imported-tag") (result i32)
    (local $k (ref $ca))
    (block $h (result i32 (ref $ca))
      (return (resume $cv (on $ask $h) (cont.new $cv (ref.func $body)))))
    (local.set $k)
    (resume $ca (i32.mul (i32.const 2)) (local.get $k)))
  ;; A tag of this module with the same type is a different tag: with only a
  ;; handler for it, the suspension is unhandled.
  (func (export "own-tag-does-not-catch") (result i32)
    (block $h (result i32 (ref $ca))
      (return (resume $cv (on $own $h) (cont.new $cv (ref.func $body)))))
    (drop) (drop)
    (i32.const -1))
  ;; Re-export the imported tag.
  (export "ask-again" (tag $ask))
)
(assert_return (invoke "imported-tag") (i32.const 1008))
(assert_suspension (invoke "own-tag-does-not-catch") "unhandled tag")
(register "tags-B" $TagsB)

;; The re-exported tag is the same tag as the original; the import by a
;; type use (type $ft) matches too.
(module
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (type $fa (func (param i32) (result i32)))
  (type $ca (cont $fa))
  (tag $again (import "tags-B" "ask-again") (type $fa))
  (func $asker (import "tags-A" "asker") (param i32) (result i32))
  (func $body (type $fv) (call $asker (i32.const 7)))
  (elem declare func $body)
  (func (export "re-exported-tag") (result i32)
    (local $k (ref $ca))
    (block $h (result i32 (ref $ca))
      (return (resume $cv (on $again $h) (cont.new $cv (ref.func $body)))))
    (local.set $k)
    (resume $ca (i32.add (i32.const 1)) (local.get $k)))
)
(assert_return (invoke "re-exported-tag") (i32.const 1008))

;; A tag imported under its exact type links: [] -> [i64] and the
;; declared subtype $fsub2 (from an identical recursion group).
(module
  (type $fsub1 (sub (func (param i32) (result i32))))
  (type $fsub2 (sub $fsub1 (func (param i32) (result i32))))
  (tag $get (import "tags-A" "get") (result i64))
  (tag $sub2 (import "tags-A" "sub2") (type $fsub2))
  (type $fv (func (result i64)))
  (type $cv (cont $fv))
  (type $fk (func (param i64) (result i64)))
  (type $ck (cont $fk))
  (func $body (type $fv) (i64.add (suspend $get) (i64.const 1)))
  (elem declare func $body)
  (func (export "imported-get") (result i64)
    (local $k (ref $ck))
    (local.set $k
      (block $h (result (ref $ck))
        (return (resume $cv (on $get $h) (cont.new $cv (ref.func $body))))))
    (resume $ck (i64.const 41) (local.get $k)))
)
(assert_return (invoke "imported-get") (i64.const 42))

;; Import matching compares the whole tag type, results included.
(assert_unlinkable
  (module (tag (import "tags-A" "ask") (param i32)))
  "incompatible import type")
(assert_unlinkable
  (module (tag (import "tags-A" "ask") (param i32) (result i64)))
  "incompatible import type")
(assert_unlinkable
  (module (tag (import "tags-A" "ask") (param i32) (result i32 i32)))
  "incompatible import type")
(assert_unlinkable
  (module (tag (import "tags-A" "ask") (param i64) (result i32)))
  "incompatible import type")
(assert_unlinkable
  (module (tag (import "tags-A" "get")))
  "incompatible import type")
(assert_unlinkable
  (module (tag (import "tags-A" "get") (result i32)))
  "incompatible import type")
;; A tag is not a function, and a function is not a tag.
(assert_unlinkable
  (module (func (import "tags-A" "ask") (param i32) (result i32)))
  "incompatible import type")
(assert_unlinkable
  (module (tag (import "tags-A" "asker") (param i32) (result i32)))
  "incompatible import type")


;; ---------------------------------------------------------------------------
;; 6. Tag identity
;; ---------------------------------------------------------------------------

;; Two tags with equal types are two different tags.  A handler for $t1
;; does not catch `suspend $t2`; with handlers for both, $t2's handler runs;
;; an inner handler for $t1 lets `suspend $t2` through to an outer one.
(module
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (type $fa (func (param i32) (result i32)))
  (type $ca (cont $fa))
  (tag $t1 (param i32) (result i32))
  (tag $t2 (param i32) (result i32))
  (func $s1 (type $fv) (suspend $t1 (i32.const 1)))
  (func $s2 (type $fv) (suspend $t2 (i32.const 2)))
  (elem declare func $s1 $s2)

  (func (export "t1-handler-on-t2") (result i32)
    (block $h1 (result i32 (ref $ca))
      (return (resume $cv (on $t1 $h1) (cont.new $cv (ref.func $s2)))))
    (drop) (drop) (i32.const -1))
  ;; returns 10 + payload for $t1's handler, 20 + payload for $t2's
  (func $both (param (ref $cv)) (result i32)
    (block $h1 (result i32 (ref $ca))
      (block $h2 (result i32 (ref $ca))
        (return (resume $cv (on $t1 $h1) (on $t2 $h2) (local.get 0))))
      (drop) (return (i32.add (i32.const 20))))
    (drop) (i32.add (i32.const 10)))
  (func (export "both-handlers-t1") (result i32)
    (call $both (cont.new $cv (ref.func $s1))))
  (func (export "both-handlers-t2") (result i32)
    (call $both (cont.new $cv (ref.func $s2))))
  ;; inner handles $t1, outer handles $t2
  (func $inner (type $fv)
    (block $h1 (result i32 (ref $ca))
      (return (resume $cv (on $t1 $h1) (cont.new $cv (ref.func $s2)))))
    (drop) (drop) (i32.const -1))
  (elem declare func $inner)
  (func (export "inner-t1-outer-t2") (result i32)
    (block $h2 (result i32 (ref $ca))
      (return (resume $cv (on $t2 $h2) (cont.new $cv (ref.func $inner)))))
    (drop) (i32.add (i32.const 20)))
)
(assert_suspension (invoke "t1-handler-on-t2") "unhandled tag")
(assert_return (invoke "both-handlers-t1") (i32.const 11))
(assert_return (invoke "both-handlers-t2") (i32.const 22))
(assert_return (invoke "inner-t1-outer-t2") (i32.const 22))

;; Each instance of a module has its own tags: two instances of one module
;; definition export different tags, even though they have one type.
(module definition $TagDef
  (tag $t (export "t") (result i32))
  (func (export "perform") (result i32) (suspend $t))
)
(module instance $TagInst1 $TagDef)
(module instance $TagInst2 $TagDef)
(register "tags-inst-1" $TagInst1)
(register "tags-inst-2" $TagInst2)
(module
  (type $fv (func (result i32)))
  (type $cv (cont $fv))
  (type $fa (func (param i32) (result i32)))
  (type $ca (cont $fa))
  (tag $t1 (import "tags-inst-1" "t") (result i32))
  (tag $t2 (import "tags-inst-2" "t") (result i32))
  ;; the same tag imported twice is one tag
  (tag $t1bis (import "tags-inst-1" "t") (result i32))
  (func $p1 (import "tags-inst-1" "perform") (result i32))
  (func $p2 (import "tags-inst-2" "perform") (result i32))
  (func $b1 (type $fv) (call $p1))
  (func $b2 (type $fv) (call $p2))
  (elem declare func $b1 $b2)
  ;; 1 if the handler for instance 1's tag caught it, 2 for instance 2's
  (func $which (param (ref $cv)) (result i32)
    (block $h1 (result (ref $ca))
      (block $h2 (result (ref $ca))
        (return (resume $cv (on $t1 $h1) (on $t2 $h2) (local.get 0))))
      (drop) (return (i32.const 2)))
    (drop) (i32.const 1))
  (func (export "instance-1-tag") (result i32)
    (call $which (cont.new $cv (ref.func $b1))))
  (func (export "instance-2-tag") (result i32)
    (call $which (cont.new $cv (ref.func $b2))))
  (func (export "same-import-twice") (result i32)
    (block $h (result (ref $ca))
      (return (resume $cv (on $t1bis $h) (cont.new $cv (ref.func $b1)))))
    (drop) (i32.const 3))
  (func (export "other-instance-unhandled") (result i32)
    (block $h (result (ref $ca))
      (return (resume $cv (on $t1 $h) (cont.new $cv (ref.func $b2)))))
    (drop) (i32.const -1))
)
(assert_return (invoke "instance-1-tag") (i32.const 1))
(assert_return (invoke "instance-2-tag") (i32.const 2))
(assert_return (invoke "same-import-twice") (i32.const 3))
(assert_suspension (invoke "other-instance-unhandled") "unhandled tag")


;; ---------------------------------------------------------------------------
;; 7. Assertions on which the reference interpreter disagrees
;; ---------------------------------------------------------------------------

;; Exception instructions need a tag without results (Wasm 3.0
;; "Instr_ok/throw" and "Catch_ok": C.TAGS[x] ~~ FUNC t* -> eps; Explainer,
;; resume_throw: "and C.types[$ft] ~~ func [te*] -> []").
;; The reference interpreter disagrees here: it accepts a tag with results in
;; throw, in try_table's catch and catch_ref clauses, and in resume_throw.
(assert_invalid
  (module
    (tag $t (param i32) (result i32))
    (func (throw $t (i32.const 0))))
  "non-empty tag result type")
(assert_invalid
  (module
    (tag $t (result i32))
    (func (throw $t)))
  "non-empty tag result type")
(assert_invalid
  (module
    (tag $t (param i32) (result i32))
    (func (result i32)
      (block $l (result i32)
        (try_table (catch $t $l))
        (i32.const 0))))
  "type mismatch")
(assert_invalid
  (module
    (tag $t (param i32) (result i32))
    (func (result i32)
      (block $l (result i32 exnref)
        (try_table (catch_ref $t $l))
        (unreachable))
      (drop)))
  "type mismatch")
(assert_invalid
  (module
    (type $f (func))
    (type $c (cont $f))
    (tag $t (param i32) (result i32))
    (func (param (ref $c))
      (resume_throw $c $t (i32.const 0) (local.get 0))))
  "non-empty tag result type")

;; A tag index must be in range (Explainer: "$e : [t1*] -> [t2*] iff
;; C.tags[$e] = tag $ft").
;; The reference interpreter disagrees here: it accepts a tag index up to
;; twice the number of tags defined in the module (minus one), as if the
;; defined tags were in its context twice; e.g. with one tag, index 1 passes
;; validation, and `suspend 1` then suspends with the tag at index 0.
(assert_invalid
  (module (tag (result i32)) (func (result i32) (suspend 1)))
  "unknown tag")
(assert_invalid
  (module
    (type $f (func)) (type $c (cont $f))
    (tag $t)
    (func (param (ref $c))
      (block $h (result (ref $c)) (resume $c (on 1 $h) (local.get 0)) (return))
      (drop)))
  "unknown tag")
(assert_invalid
  (module (tag) (tag) (func (suspend 3)))
  "unknown tag")
(assert_invalid
  (module (tag (result i32)) (export "t" (tag 1)))
  "unknown tag")
(assert_invalid
  (module (tag) (func (throw 1)))
  "unknown tag")

;; Tag types match only when they are equal (Wasm 3.0 "Tagtype_sub": the
;; defined types are subtypes of each other in both directions), so a tag
;; cannot be imported at a supertype of the exported tag's type.
;; The reference interpreter disagrees here: it links the import.
(assert_unlinkable
  (module
    (type $fsub1 (sub (func (param i32) (result i32))))
    (type $fsub2 (sub $fsub1 (func (param i32) (result i32))))
    (tag (import "tags-A" "sub2") (type $fsub1)))
  "incompatible import type")

;; A tag defined in the module must have a function type ("$ft = [t1*] ->
;; [t2*]").
;; The reference interpreter disagrees here: it crashes (an OCaml assertion
;; failure in Types.as_func_str_type, called from Valid.check_tag_type) on a
;; defined tag whose type is a struct, array or continuation type, so these
;; come last.  (Imported tags with such types are rejected properly; see
;; section 3.)
(assert_invalid
  (module (type $f (func (result i32))) (type $c (cont $f)) (tag (type $c)))
  "non-function type")
(assert_invalid
  (module (type $s (struct (field i32))) (tag (type $s)))
  "non-function type")
(assert_invalid
  (module (type $a (array i32)) (tag (type $a)))
  "non-function type")
