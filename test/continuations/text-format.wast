;; The text format of the stack-switching constructs.
;;
;; Explainer, "Instruction set extension": the forms of the new constructs are
;;
;;   (cont $ft)                                  ;; a continuation type
;;   (tag $t (param t1*) (result t2*))           ;; a control tag
;;   cont.new $ct
;;   cont.bind $ct1 $ct2
;;   suspend $e
;;   resume $ct hdl*
;;   resume_throw $ct $exn hdl*
;;   resume_throw_ref $ct hdl*
;;   switch $ct1 $e
;;
;;   "The shape of `hdl` can be either:
;;    1. `(on $e $l)` mapping the control tag `$e` to the label `$l`.
;;       Intercepting `$e` causes a branch to `$l`.
;;    2. `(on $e switch)` allowing a direct switch with control tag `$e`."
;;
;; and "Specification changes › Types" adds the heap types `cont` and
;; `nocont`.  The rest is Wasm 3.0's text format (6.x of the spec): symbolic
;; or numeric indices, label indices relative to the nesting depth, folded
;; instructions whose immediates come before the folded operands, tag type
;; uses `(type $ft)` with optional matching inline (param) (result), and the
;; inline (import) / (export) abbreviations of module fields.  An inline type
;; use "(param ...) (result ...)" reuses "the smallest existing type index
;; whose recursive type definition parses into a singular, final function
;; type with the same parameters and results"; otherwise "a new recursive
;; type of the same form is inserted at the end of the module".
;;
;; Not covered: `switch` and `(on $e switch)` in valid modules (some engines
;; cannot run them; see binary-format.wast and the switch tests).  The
;; Explainer's informal notation `(cont [t1*] -> [t2*])` ("As a shorthand, we
;; will often write the function type inline") is presentation, not a text
;; abbreviation, and neither is a short name for (ref null cont): so none of
;; them are used here.
;;
;; This file checks, in order:
;;   1. continuation type definitions (symbolic and numeric indices, rec,
;;      sub, final) and the heap types cont / nocont;
;;   2. tag declarations: inline type, (type $ft), both, inline import and
;;      export, and how an inline tag type is resolved to a type index;
;;   3. the instructions, folded and unfolded, with symbolic and numeric
;;      indices; handler clauses and their label indices;
;;   4. malformed text (module quote).


;; ---------------------------------------------------------------------------
;; 1. Continuation types and continuation heap types
;; ---------------------------------------------------------------------------

;; The same program with symbolic and numeric type indices: (cont $f) and
;; (cont 0), a cont type without an identifier, one in a rec group that
;; refers forward, and sub / sub final declarations.
(module
  (type $f (func (param i32) (result i32)))        ;; 0
  (type $c (cont $f))                              ;; 1
  (type (cont 0))                                  ;; 2
  (rec (type $rc (cont $rf))                       ;; 3
       (type $rf (func (param i32) (result i32)))) ;; 4
  (type $sc (sub (cont $f)))                       ;; 5
  (type $fc (sub final $sc (cont $f)))             ;; 6
  (type $v (func (result i32)))                    ;; 7
  (func $inc (type $f) (i32.add (local.get 0) (i32.const 1)))
  (func $inc2 (type 4) (i32.add (local.get 0) (i32.const 2)))
  (elem declare func $inc $inc2)
  (func (export "symbolic") (type $v)
    (resume $c (i32.const 1) (cont.new $c (ref.func $inc))))
  (func (export "numeric") (type 7)
    (resume 1 (i32.const 1) (cont.new 1 (ref.func 0))))
  (func (export "anonymous") (result i32)
    (resume 2 (i32.const 2) (cont.new 2 (ref.func $inc))))
  (func (export "rec") (result i32)
    (resume $rc (i32.const 3) (cont.new $rc (ref.func $inc2))))
  (func (export "sub-final") (result i32)
    (resume $sc (i32.const 4) (cont.new $fc (ref.func $inc))))
)
(assert_return (invoke "symbolic") (i32.const 2))
(assert_return (invoke "numeric") (i32.const 2))
(assert_return (invoke "anonymous") (i32.const 3))
(assert_return (invoke "rec") (i32.const 5))
(assert_return (invoke "sub-final") (i32.const 5))

;; The heap types cont and nocont in reference types and in ref.null; a
;; continuation type index in ref.null, symbolic and numeric.
(module
  (type $f (func))
  (type $c (cont $f))
  (global $g1 (ref null cont) (ref.null cont))
  (global $g2 (ref null nocont) (ref.null nocont))
  (global $g3 (ref null $c) (ref.null $c))
  (global $g4 (ref null 1) (ref.null 1))
  (func $nn (param (ref cont) (ref nocont)))
  (func (export "heap-types") (result i32)
    (i32.add
      (i32.add (ref.is_null (global.get $g1)) (ref.is_null (global.get $g2)))
      (i32.add (ref.is_null (global.get $g3)) (ref.is_null (global.get $g4)))))
)
(assert_return (invoke "heap-types") (i32.const 4))


;; ---------------------------------------------------------------------------
;; 2. Tags
;; ---------------------------------------------------------------------------

;; Tag declarations: an inline type, a type use, a type use with matching
;; inline parameters and results, a parameter with an identifier (ignored
;; for a tag), no identifier at all, inline export(s).  Each is suspended
;; with and handled, the handler answering payload * 2.
(module $TagForms
  (type $v (func (result i32)))
  (type $cv (cont $v))
  (type $fa (func (param i32) (result i32)))
  (type $ca (cont $fa))
  (tag $inline (param i32) (result i32))
  (tag $use (type $fa))
  (tag $both (type $fa) (param i32) (result i32))
  (tag $named (param $x i32) (result i32))
  (tag (param i32) (result i32))                        ;; tag 4
  (tag $exp (export "tag-a") (export "tag-b") (param i32) (result i32))
  (func $b0 (type $v) (suspend $inline (i32.const 1)))
  (func $b1 (type $v) (suspend $use (i32.const 2)))
  (func $b2 (type $v) (suspend $both (i32.const 3)))
  (func $b3 (type $v) (suspend $named (i32.const 4)))
  (func $b4 (type $v) (suspend 4 (i32.const 5)))
  (func $b5 (type $v) (suspend $exp (i32.const 6)))
  (elem declare func $b0 $b1 $b2 $b3 $b4 $b5)
  (func $run (param (ref $cv)) (result i32)
    (local $k (ref null $ca))
    (block $h0 (result i32 (ref $ca))
      (block $h1 (result i32 (ref $ca))
        (block $h2 (result i32 (ref $ca))
          (block $h3 (result i32 (ref $ca))
            (block $h4 (result i32 (ref $ca))
              (block $h5 (result i32 (ref $ca))
                (return
                  (resume $cv (on $inline $h0) (on $use $h1) (on $both $h2)
                              (on $named $h3) (on 4 $h4) (on $exp $h5)
                    (local.get 0))))
              (br $h0))
            (br $h0))
          (br $h0))
        (br $h0))
      (br $h0))
    (local.set $k)
    (resume $ca (i32.mul (i32.const 2)) (local.get $k)))
  (func (export "inline") (result i32) (call $run (cont.new $cv (ref.func $b0))))
  (func (export "type-use") (result i32) (call $run (cont.new $cv (ref.func $b1))))
  (func (export "type-use-and-inline") (result i32) (call $run (cont.new $cv (ref.func $b2))))
  (func (export "named-param") (result i32) (call $run (cont.new $cv (ref.func $b3))))
  (func (export "no-identifier") (result i32) (call $run (cont.new $cv (ref.func $b4))))
  (func (export "exported") (result i32) (call $run (cont.new $cv (ref.func $b5))))
  (func (export "perform-b") (result i32) (suspend $exp (i32.const 21)))
)
(assert_return (invoke "inline") (i32.const 2))
(assert_return (invoke "type-use") (i32.const 4))
(assert_return (invoke "type-use-and-inline") (i32.const 6))
(assert_return (invoke "named-param") (i32.const 8))
(assert_return (invoke "no-identifier") (i32.const 10))
(assert_return (invoke "exported") (i32.const 12))
(register "text-tags" $TagForms)

;; Imports: the inline form (tag (import ...)), the import field
;; (import ... (tag ...)), and an inline export of an imported tag.  The two
;; export names of $exp are one tag: a handler for one catches the other.
(module $TagImports
  (type $v (func (result i32)))
  (type $cv (cont $v))
  (type $fa (func (param i32) (result i32)))
  (type $ca (cont $fa))
  (tag $a (import "text-tags" "tag-a") (param i32) (result i32))
  (import "text-tags" "tag-b" (tag $b (type $fa)))
  (tag $re (export "tag-re") (import "text-tags" "tag-b") (param i32) (result i32))
  (func $perform-b (import "text-tags" "perform-b") (result i32))
  (func $body (type $v) (call $perform-b))
  (elem declare func $body)
  (func (export "import-forms") (result i32)
    (block $h (result i32 (ref $ca))
      (return (resume $cv (on $a $h) (cont.new $cv (ref.func $body)))))
    (drop))
)
(assert_return (invoke "import-forms") (i32.const 21))
(register "text-tag-imports" $TagImports)
;; The tag re-exported through the inline (export) (import) form is the
;; same tag as well.
(module
  (type $v (func (result i32)))
  (type $cv (cont $v))
  (type $fa (func (param i32) (result i32)))
  (type $ca (cont $fa))
  (tag $re (import "text-tag-imports" "tag-re") (param i32) (result i32))
  (func $perform-b (import "text-tags" "perform-b") (result i32))
  (func $body (type $v) (call $perform-b))
  (elem declare func $body)
  (func (export "re-exported-import") (result i32)
    (block $h (result i32 (ref $ca))
      (return (resume $cv (on $re $h) (cont.new $cv (ref.func $body)))))
    (drop) (i32.add (i32.const 1)))
)
(assert_return (invoke "re-exported-import") (i32.const 22))

;; An inline tag type reuses an existing singular final function type with
;; the same parameters and results, and otherwise adds a new type at the end
;; of the type index space: here the new type is index 5, which a function
;; then uses by number.
(module $Insert
  (type $v (func (result i32)))                     ;; 0
  (type $cv (cont $v))                              ;; 1
  (type $s (sub (func (param i32) (result i32))))   ;; 2: not final
  (type $fa (func (param i32) (result i32)))        ;; 3
  (type $ca (cont $fa))                             ;; 4
  (tag $t (param i32) (result i32))                 ;; reuses 3
  (tag $ts (export "ts") (type $s))
  (tag (export "ti") (param i64) (result i64))      ;; new type 5
  (func (export "inserted-type") (type 5) (i64.add (local.get 0) (i64.const 1)))
  (func $body (type $v) (i32.add (suspend $t (i32.const 1)) (i32.const 10)))
  (elem declare func $body)
  (func (export "reused-type") (result i32)
    (local $k (ref null $ca))
    (block $h (result i32 (ref $ca))
      (return (resume $cv (on $t $h) (cont.new $cv (ref.func $body)))))
    (local.set $k)
    (resume $ca (local.get $k)))
)
(assert_return (invoke "inserted-type" (i64.const 4)) (i64.const 5))
(assert_return (invoke "reused-type") (i32.const 11))
(register "text-insert" $Insert)
;; The non-final $s is not reused by an inline tag type: the import of a tag
;; of type $s with an inline type does not link, nor the converse.
(assert_unlinkable
  (module (tag (import "text-insert" "ts") (param i32) (result i32)))
  "incompatible import type")
(assert_unlinkable
  (module
    (type $s (sub (func (param i64) (result i64))))
    (tag (import "text-insert" "ti") (type $s)))
  "incompatible import type")


;; ---------------------------------------------------------------------------
;; 3. Instructions and handler clauses
;; ---------------------------------------------------------------------------

(module $Instrs
  (type $v (func (result i32)))
  (type $cv (cont $v))
  (type $fa (func (param i32) (result i32)))
  (type $ca (cont $fa))
  (type $fb (func (param i32 i32) (result i32)))
  (type $cb (cont $fb))
  (tag $t (param i32) (result i32))      ;; tag 0
  (tag $e (param i32))                   ;; tag 1
  (tag $u (param i32) (result i32))      ;; tag 2
  (func $body (type $v) (i32.add (suspend $t (i32.const 5)) (i32.const 100)))
  (func $sub (type $fb) (i32.sub (local.get 0) (local.get 1)))
  (func $catcher (type $v)
    (block $c (result i32)
      (try_table (catch $e $c) (drop (suspend $t (i32.const 0))))
      (i32.const -1)))
  (elem declare func $body $sub $catcher)

  ;; Folded and unfolded, symbolic indices.
  (func (export "folded") (result i32)
    (local $k (ref null $ca))
    (block $h (result i32 (ref $ca))
      (return (resume $cv (on $t $h) (cont.new $cv (ref.func $body)))))
    (local.set $k)
    (resume $ca (i32.mul (i32.const 2)) (local.get $k)))
  (func (export "unfolded") (result i32)
    (local $k (ref null $ca))
    block $h (result i32 (ref $ca))
      ref.func $body
      cont.new $cv
      resume $cv (on $t $h)
      return
    end $h
    local.set $k
    i32.const 2
    i32.mul
    local.get $k
    resume $ca)
  ;; Numeric indices everywhere: types, tags, labels, locals, functions.
  (func (export "numeric") (result i32)
    (local (ref null 3))
    block (result i32 (ref 3))
      ref.func 0
      cont.new 1
      resume 1 (on 0 0)
      return
    end
    local.set 0
    i32.const 2
    i32.mul
    local.get 0
    resume 3)
  ;; Mixed: numeric tag with a symbolic label, symbolic tag with a numeric one.
  (func (export "mixed-1") (result i32)
    (block $h (result i32 (ref $ca))
      (return (resume $cv (on 0 $h) (cont.new $cv (ref.func $body)))))
    (drop))
  (func (export "mixed-2") (result i32)
    (block (result i32 (ref $ca))
      (return (resume $cv (on $t 0) (cont.new $cv (ref.func $body)))))
    (drop))

  ;; Labels are relative to the nesting depth: inside `if` within two blocks,
  ;; 0 is the if, 1 the inner and 2 the outer block.
  (func $depth (param i32) (result i32)
    (block $outer (result i32 (ref $ca))
      (block $inner (result i32 (ref $ca))
        (if (local.get 0)
          (then (return (resume $cv (on $t 1) (cont.new $cv (ref.func $body)))))
          (else (return (resume $cv (on $t 2) (cont.new $cv (ref.func $body))))))
        (unreachable))
      (drop) (return (i32.add (i32.const 1000))))
    (drop) (i32.add (i32.const 2000)))
  (func (export "depth-1") (result i32) (call $depth (i32.const 1)))
  (func (export "depth-2") (result i32) (call $depth (i32.const 0)))
  ;; A symbolic label names the innermost enclosing block with that name.
  (func (export "shadowed-label") (result i32)
    (block $l (result i32 (ref $ca))
      (block $l (result i32 (ref $ca))
        (return (resume $cv (on $t $l) (cont.new $cv (ref.func $body)))))
      (drop) (return (i32.add (i32.const 3000))))
    (drop) (i32.add (i32.const 4000)))
  ;; A handler may name the function's own label (depth = number of blocks).
  (func $to-function-label (result i32 (ref $ca))
    (resume $cv (on $t 0) (cont.new $cv (ref.func $body)))
    (unreachable))
  (func (export "function-label") (result i32)
    (local $k (ref null $ca))
    (call $to-function-label)
    (local.set $k)
    (resume $ca (i32.add (i32.const 1)) (local.get $k)))
  ;; Several handlers; the first for $u does not match; then $t's.
  (func (export "several-handlers") (result i32)
    (block $hu (result i32 (ref $ca))
      (block $ht (result i32 (ref $ca))
        (return
          (resume $cv
            (on $u $hu)
            (on $t $ht)
            (cont.new $cv (ref.func $body)))))
      (drop) (return (i32.add (i32.const 10))))
    (drop) (i32.add (i32.const 20)))

  ;; cont.bind, folded and unfolded.
  (func (export "bind-folded") (result i32)
    (resume $ca (i32.const 8)
      (cont.bind $cb $ca (i32.const 50) (cont.new $cb (ref.func $sub)))))
  (func (export "bind-unfolded") (result i32)
    (local $k (ref null $ca))
    i32.const 50
    ref.func $sub
    cont.new $cb
    cont.bind $cb $ca
    local.set $k
    i32.const 8
    local.get $k
    resume $ca)
  (func (export "bind-numeric") (result i32)
    (resume 3 (i32.const 8) (cont.bind 5 3 (i32.const 50) (cont.new 5 (ref.func 1)))))

  ;; resume_throw, folded (with a handler) and unfolded (without).
  (func (export "resume-throw-folded") (result i32)
    (local $k (ref null $ca))
    (block $h (result i32 (ref $ca))
      (return (resume $cv (on $t $h) (cont.new $cv (ref.func $catcher)))))
    (local.set $k) (drop)
    (block $h2 (result i32 (ref $ca))
      (return (resume_throw $ca $e (on $u $h2) (i32.const 31) (local.get $k))))
    (drop) (drop) (i32.const -1))
  (func (export "resume-throw-unfolded") (result i32)
    (local $k (ref null $ca))
    block $h (result i32 (ref $ca))
      ref.func $catcher
      cont.new $cv
      resume $cv (on $t $h)
      return
    end
    local.set $k
    drop
    i32.const 32
    local.get $k
    resume_throw $ca $e)
  (func (export "resume-throw-numeric") (result i32)
    (local (ref null 3))
    (block (result i32 (ref 3))
      (return (resume 1 (on 0 0) (cont.new 1 (ref.func 2)))))
    (local.set 0) (drop)
    (resume_throw 3 1 (i32.const 33) (local.get 0)))

  ;; suspend, folded and unfolded, symbolic and numeric.
  (func $s-unfolded (type $v)
    i32.const 7
    suspend $t
    i32.const 100
    i32.add)
  (func $s-numeric (type $v) (i32.add (suspend 0 (i32.const 7)) (i32.const 200)))
  (elem declare func $s-unfolded $s-numeric)
  (func $answer (param (ref $cv)) (result i32)
    (local $k (ref null $ca))
    (block $h (result i32 (ref $ca))
      (return (resume $cv (on $t $h) (local.get 0))))
    (local.set $k)
    (resume $ca (local.get $k)))
  (func (export "suspend-unfolded") (result i32)
    (call $answer (cont.new $cv (ref.func $s-unfolded))))
  (func (export "suspend-numeric") (result i32)
    (call $answer (cont.new $cv (ref.func $s-numeric))))
)
(assert_return (invoke "folded") (i32.const 110))
(assert_return (invoke "unfolded") (i32.const 110))
(assert_return (invoke "numeric") (i32.const 110))
(assert_return (invoke "mixed-1") (i32.const 5))
(assert_return (invoke "mixed-2") (i32.const 5))
(assert_return (invoke "depth-1") (i32.const 1005))
(assert_return (invoke "depth-2") (i32.const 2005))
(assert_return (invoke "shadowed-label") (i32.const 3005))
(assert_return (invoke "function-label") (i32.const 106))
(assert_return (invoke "several-handlers") (i32.const 15))
(assert_return (invoke "bind-folded") (i32.const 42))
(assert_return (invoke "bind-unfolded") (i32.const 42))
(assert_return (invoke "bind-numeric") (i32.const 42))
(assert_return (invoke "resume-throw-folded") (i32.const 31))
(assert_return (invoke "resume-throw-unfolded") (i32.const 32))
(assert_return (invoke "resume-throw-numeric") (i32.const 33))
(assert_return (invoke "suspend-unfolded") (i32.const 107))
(assert_return (invoke "suspend-numeric") (i32.const 207))

;; resume_throw_ref, folded and unfolded, in a module of its own (an engine
;; that gets resume_throw_ref wrong then fails only these two assertions);
;; types, tags and $catcher as in $Instrs.
(module $Instrs-throw-ref
  (type $v (func (result i32)))
  (type $cv (cont $v))
  (type $fa (func (param i32) (result i32)))
  (type $ca (cont $fa))
  (tag $t (param i32) (result i32))
  (tag $e (param i32))
  (tag $u (param i32) (result i32))
  (func $catcher (type $v)
    (block $c (result i32)
      (try_table (catch $e $c) (drop (suspend $t (i32.const 0))))
      (i32.const -1)))
  (elem declare func $catcher)

  ;; resume_throw_ref, folded and unfolded.
  (func $exn (param i32) (result exnref)
    (block $x (result exnref)
      (try_table (catch_all_ref $x) (throw $e (local.get 0)))
      (unreachable)))
  (func (export "resume-throw-ref-folded") (result i32)
    (local $k (ref null $ca))
    (block $h (result i32 (ref $ca))
      (return (resume $cv (on $t $h) (cont.new $cv (ref.func $catcher)))))
    (local.set $k) (drop)
    (block $h2 (result i32 (ref $ca))
      (return (resume_throw_ref $ca (on $u $h2) (call $exn (i32.const 41)) (local.get $k))))
    (drop) (drop) (i32.const -1))
  (func (export "resume-throw-ref-unfolded") (result i32)
    (local $k (ref null $ca))
    block $h (result i32 (ref $ca))
      ref.func $catcher
      cont.new $cv
      resume $cv (on $t $h)
      return
    end
    local.set $k
    drop
    i32.const 42
    call $exn
    local.get $k
    resume_throw_ref $ca)
)
(assert_return (invoke "resume-throw-ref-folded") (i32.const 41))
(assert_return (invoke "resume-throw-ref-unfolded") (i32.const 42))


;; ---------------------------------------------------------------------------
;; 4. Malformed text
;; ---------------------------------------------------------------------------

;; A handler needs a tag and a label (or `switch`), and nothing more.
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c))"
    "  (block $l (result (ref $c)) (resume $c (on $t) (local.get 0)) (unreachable))"
    "  (drop))")
  "unexpected token")
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c))"
    "  (block $l (result (ref $c)) (resume $c (on) (local.get 0)) (unreachable))"
    "  (drop))")
  "unexpected token")
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c))"
    "  (block $l (result (ref $c)) (resume $c (on $t $l $l) (local.get 0)) (unreachable))"
    "  (drop))")
  "unexpected token")
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c)) (resume $c (on $t switch $t) (local.get 0)))")
  "unexpected token")
;; The tag comes first, then the label or `switch`.
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c)) (resume $c (on switch $t) (local.get 0)))")
  "unexpected token")
;; `switch` spelled wrongly is neither `switch` nor a label.
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c))"
    "  (block $l (result (ref $c)) (resume $c (on $t swtich) (local.get 0)) (unreachable))"
    "  (drop))")
  "unknown operator")
;; The clause keyword is `on`, in parentheses.
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c)) (resume $c (onn $t 0) (local.get 0)))")
  "unknown operator")
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c)) (resume $c on $t 0 (local.get 0)))")
  "unexpected token")
;; In folded form the handlers are immediates: they come before the operands
;; ...
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c))"
    "  (block $l (result (ref $c)) (resume $c (local.get 0) (on $t $l)) (unreachable))"
    "  (drop))")
  "unexpected token")
;; ... and after the type index.
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c))"
    "  (block $l (result (ref $c)) (resume (on $t $l) $c (local.get 0)) (unreachable))"
    "  (drop))")
  "unexpected token")
;; Unknown identifiers: a handler's tag, a handler's label, a label that is
;; only defined after the resume, the type of resume, of cont.new, of a cont
;; type; the tag of suspend and resume_throw.
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c))"
    "  (block $l (result (ref $c)) (resume $c (on $u $l) (local.get 0)) (unreachable))"
    "  (drop))")
  "unknown tag")
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c))"
    "  (block $l (result (ref $c)) (resume $c (on $t $m) (local.get 0)) (unreachable))"
    "  (drop))")
  "unknown label")
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c))"
    "  (resume $c (on $t $l) (local.get 0))"
    "  (block $l (result (ref $c)) (unreachable)) (drop))")
  "unknown label")
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f))"
    "(func (param (ref $c)) (resume $d (local.get 0))))")
  "unknown type")
(assert_malformed
  (module quote
    "(type $f (func)) (func $g) (elem declare func $g)"
    "(func (drop (cont.new $c (ref.func $g))))")
  "unknown type")
(assert_malformed
  (module quote "(type $c (cont $nope))")
  "unknown type")
(assert_malformed
  (module quote "(tag $t (param i32)) (func (suspend $u (i32.const 0)))")
  "unknown tag")
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $e)"
    "(func (param (ref $c)) (resume_throw $c $x (local.get 0))))")
  "unknown tag")
;; Missing immediates: cont.new's type, cont.bind's second type, suspend's
;; tag, resume_throw's tag (a handler is not a tag), and resume_throw_ref has
;; no tag immediate at all.
(assert_malformed
  (module quote "(func (cont.new))")
  "unexpected token")
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f))"
    "(func (param (ref $c)) (drop (cont.bind $c (local.get 0))))")
  "unexpected token")
(assert_malformed
  (module quote "(func (suspend))")
  "unexpected token")
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $e)"
    "(func (param (ref $c)) (resume_throw $c (local.get 0))))")
  "unexpected token")
(assert_malformed
  (module quote
    "(type $f (func)) (type $c (cont $f)) (tag $t)"
    "(func (param (ref $c)) (resume_throw_ref $c $t (local.get 0))))")
  "unexpected token")
;; A cont type's immediate is exactly one type index: not a value type, not
;; a function type, not two indices.
(assert_malformed
  (module quote "(type $c (cont i32))")
  "unexpected token")
(assert_malformed
  (module quote "(type $c (cont (func)))")
  "unexpected token")
(assert_malformed
  (module quote "(type $f (func)) (type $c (cont $f $f))")
  "unexpected token")
;; Heap type keywords are spelled cont and nocont.
(assert_malformed
  (module quote "(func (drop (ref.null conts)))")
  "unknown operator")
(assert_malformed
  (module quote "(func (param (ref nocontt)))")
  "unknown operator")
;; Tags: parameters come before results; inline types must match the type
;; use, results included; identifiers are unique; imports come before
;; definitions; an inline export comes before an inline import.
(assert_malformed
  (module quote "(tag $t (result i32) (param i32))")
  "unexpected token")
(assert_malformed
  (module quote
    "(type $ft (func (param i32) (result i32)))"
    "(tag $t (type $ft) (param i64) (result i32))")
  "inline function type")
(assert_malformed
  (module quote
    "(type $ft (func (param i32) (result i32)))"
    "(tag $t (type $ft) (param i32))")
  "inline function type")
(assert_malformed
  (module quote "(tag $t) (tag $t)")
  "duplicate tag")
(assert_malformed
  (module quote "(tag $a) (import \"m\" \"t\" (tag))")
  "import after tag")
(assert_malformed
  (module quote "(tag (import \"m\" \"t\") (export \"e\"))")
  "unexpected token")


;; Not tested: an inline function type in a continuation type, as in
;; `(type $c (cont (param i32) (result i32)))`.  The Explainer writes
;; "(cont [t1*] -> [t2*])" only as a presentation shorthand, and neither it
;; nor Wasm 3.0 defines the text form either way; the reference interpreter
;; accepts it as an abbreviation, wasmfx-ref does not.
