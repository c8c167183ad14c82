;; The binary format of the stack-switching proposal.
;;
;; Explainer, "Specification changes › Binary format":
;;
;;   We extend the binary format of composite types, heap types, and
;;   instructions.
;;
;;   Composite types
;;   | Opcode | Type            | Parameters | Note |
;;   | -0x20  | `func t1* t2*`  | `t1* : vec(valtype)` `t2* : vec(valtype)` | from Wasm 1.0 |
;;   | -0x23  | `cont $ft`      | `$ft : s33` | new |
;;
;;   Heap Types
;;   The opcode for heap types is encoded as an `s33`.
;;   | Opcode | Type            | Parameters | Note |
;;   | i >= 0 | i               |            | from function-references |
;;   | -0x0b  | `nocont`        |            | new  |
;;   | -0x18  | `cont`          |            | new  |
;;
;;   Instructions
;;   We use the use the opcode space `0xe0-0xe6` for the seven new
;;   instructions.
;;   | 0xe0 | `cont.new $ct`               | `$ct : u32` |
;;   | 0xe1 | `cont.bind $ct $ct'`         | `$ct : u32`, `$ct' : u32` |
;;   | 0xe2 | `suspend $t`                 | `$t : u32` |
;;   | 0xe3 | `resume $ct hdl*`            | `$ct : u32` (for hdl see below) |
;;   | 0xe4 | `resume_throw $ct $e hdl*`   | `$ct : u32`, `$e : u32` (for hdl see below) |
;;   | 0xe5 | `resume_throw_ref $ct hdl*`  | `$ct : u32` (for hdl see below) |
;;   | 0xe6 | `switch $ct1 $t`             | `$ct1 : u32`, `$t : u32` |
;;
;;   In the cases of `resume`, `resume_throw`, and `resume_throw_ref` we use
;;   a leading byte to indicate the shape of `hdl` as follows.
;;   | 0x00 | `(on $t $h)`     | `$t : u32`, `$h : u32` |
;;   | 0x01 | `(on $t switch)` | `$t : u32` |
;;
;; -0x23 is the byte 0x5d, -0x0b is 0x75 and -0x18 is 0x68 (one-byte signed
;; LEB128).  As for every abstract heap type in Wasm 3.0, the one-byte value
;; type 0x68 abbreviates (ref null cont) and 0x75 abbreviates
;; (ref null nocont); 0x63 ht is (ref null ht) and 0x64 ht is (ref ht).
;; The handler vector is a vec: a u32 count, then the handlers.
;;
;; Every module here is written in binary, with a comment on each line.
;; Accepted modules are run where running them means something.  The file is
;; organised as:
;;   1. the composite type `cont` (0x5d s33), in plain, recursive and
;;      sub/final type definitions;
;;   2. the heap types `cont` (0x68) and `nocont` (0x75) in every place a
;;      heap type or value type goes;
;;   3. the instructions 0xe0-0xe5 and handler clauses of kind 0x00, with
;;      empty and several handlers; validation failures that show which
;;      immediate is which;
;;   4. malformed encodings (bad handler kind, truncated immediates, too long
;;      or too large LEB128 numbers, vector counts beyond the bytes, ...);
;;   5. `switch` (0xe6) and handlers of kind 0x01 (on $t switch), last,
;;      since some engines cannot run them;
;;   6. the encoding on which the reference interpreter crashes.

;; ---------------------------------------------------------------------------
;; 1. The composite type `cont` (0x5d)
;; ---------------------------------------------------------------------------

;; (type $f (func (param i32) (result i32))) (type $c (cont $f)):
;; a continuation of $inc is created and resumed with 41.
(module binary
  "\00\61\73\6d\01\00\00\00"
  "\01\0c"                             ;; type section, 12 bytes
    "\03"                              ;; 3 type definitions
    "\60\01\7f\01\7f"                  ;; type 0: func [i32] -> [i32]
    "\5d\00"                           ;; type 1: cont 0
    "\60\00\01\7f"                     ;; type 2: func [] -> [i32]
  "\03\03"                             ;; function section, 3 bytes
    "\02"                              ;; 2 functions
    "\00"                              ;; function 0: type 0
    "\02"                              ;; function 1: type 2
  "\07\0d"                             ;; export section, 13 bytes
    "\01"                              ;; 1 export
    "\09\63\6f\6e\74\2d\74\79\70\65\00\01" ;; export "cont-type" func 1
  "\09\05"                             ;; element section, 5 bytes
    "\01"                              ;; 1 segment
    "\03\00\01\00"                     ;; declarative segment: func 0
  "\0a\15"                             ;; code section, 21 bytes
    "\02"                              ;; 2 bodies
    "\07\00"                           ;; function 0 $inc (7 bytes), locals: none
    "\20\00"                           ;;   local.get 0
    "\41\01"                           ;;   i32.const 1
    "\6a"                              ;;   i32.add
    "\0b"                              ;;   end
    "\0b\00"                           ;; function 1 "cont-type" (11 bytes), locals: none
    "\41\29"                           ;;   i32.const 41
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\e3\01\00"                        ;;   resume 1 (no handlers)
    "\0b"                              ;;   end
)
(assert_return (invoke "cont-type") (i32.const 42))

;; A recursion group (0x4e) whose continuation type refers forward to the
;; function type after it; a non-final subtype (0x50) and a final subtype of
;; it (0x4f) over the same function type; and a cont type whose index is
;; written with a redundant LEB128 byte (0x81 0x00 is 1).
(module binary
  "\00\61\73\6d\01\00\00\00"
  "\01\1a"                             ;; type section, 26 bytes
    "\05"                              ;; 5 type definitions
    "\4e\02"                           ;; rec group of 2 types:
    "\5d\01"                           ;;   type 0: cont 1
    "\60\01\7f\01\7f"                  ;;   type 1: func [i32] -> [i32]
    "\50\00\5d\01"                     ;; type 2: sub (no supertypes) (cont 1)
    "\4f\01\02\5d\01"                  ;; type 3: sub final 2 (cont 1)
    "\60\00\01\7f"                     ;; type 4: func [] -> [i32]
    "\5d\81\00"                        ;; type 5: cont 1, index in two bytes
  "\03\05"                             ;; function section, 5 bytes
    "\04"                              ;; 4 functions
    "\01"                              ;; function 0: type 1
    "\04"                              ;; function 1: type 4
    "\04"                              ;; function 2: type 4
    "\04"                              ;; function 3: type 4
  "\07\3e"                             ;; export section, 62 bytes
    "\03"                              ;; 3 exports
    "\11\63\6f\6e\74\2d\69\6e\2d\72\65\63\2d\67\72\6f\75\70\00\01" ;; export "cont-in-rec-group" func 1
    "\12\63\6f\6e\74\2d\66\69\6e\61\6c\2d\73\75\62\74\79\70\65\00\02" ;; export "cont-final-subtype" func 2
    "\11\63\6f\6e\74\2d\70\61\64\64\65\64\2d\69\6e\64\65\78\00\03" ;; export "cont-padded-index" func 3
  "\09\05"                             ;; element section, 5 bytes
    "\01"                              ;; 1 segment
    "\03\00\01\00"                     ;; declarative segment: func 0
  "\0a\34"                             ;; code section, 52 bytes
    "\04"                              ;; 4 bodies
    "\07\00"                           ;; function 0 $double (7 bytes), locals: none
    "\20\00"                           ;;   local.get 0
    "\41\02"                           ;;   i32.const 2
    "\6c"                              ;;   i32.mul
    "\0b"                              ;;   end
    "\0b\00"                           ;; function 1 "cont-in-rec-group" (11 bytes), locals: none
    "\41\15"                           ;;   i32.const 21
    "\d2\00"                           ;;   ref.func 0
    "\e0\00"                           ;;   cont.new 0
    "\e3\00\00"                        ;;   resume 0 (no handlers)
    "\0b"                              ;;   end
    "\12\01\01\63\02"                  ;; function 2 "cont-final-subtype" (18 bytes), locals: 1 x (ref null 2)
    "\41\05"                           ;;   i32.const 5
    "\d2\00"                           ;;   ref.func 0
    "\e0\03"                           ;;   cont.new 3
    "\21\00"                           ;;   local.set 0 ;; local 0 is (ref null 2): a (ref 3) fits
    "\20\00"                           ;;   local.get 0
    "\e3\02\00"                        ;;   resume 2 (no handlers)
    "\0b"                              ;;   end
    "\0b\00"                           ;; function 3 "cont-padded-index" (11 bytes), locals: none
    "\41\07"                           ;;   i32.const 7
    "\d2\00"                           ;;   ref.func 0
    "\e0\05"                           ;;   cont.new 5
    "\e3\05\00"                        ;;   resume 5 (no handlers)
    "\0b"                              ;;   end
)
(assert_return (invoke "cont-in-rec-group") (i32.const 42))
(assert_return (invoke "cont-final-subtype") (i32.const 10))
(assert_return (invoke "cont-padded-index") (i32.const 14))

;; The index must be a function type: not a struct type ...
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\05"                             ;; type section, 5 bytes
      "\02"                              ;; 2 type definitions
      "\5f\00"                           ;; type 0: struct (no fields)
      "\5d\00"                           ;; type 1: cont 0
  )
  "non-function type")
;; ... nor a continuation type ...
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\08"                             ;; type section, 8 bytes
      "\03"                              ;; 3 type definitions
      "\60\00\00"                        ;; type 0: func [] -> []
      "\5d\00"                           ;; type 1: cont 0
      "\5d\01"                           ;; type 2: cont 1
  )
  "non-function type")
;; ... and it must be in range.
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\06"                             ;; type section, 6 bytes
      "\02"                              ;; 2 type definitions
      "\60\00\00"                        ;; type 0: func [] -> []
      "\5d\02"                           ;; type 1: cont 2
  )
  "unknown type")
;; A subtype declaration (0x50) of a cont type with a func supertype.
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\0b"                             ;; type section, 11 bytes
      "\02"                              ;; 2 type definitions
      "\50\00\60\00\00"                  ;; type 0: sub (func [] -> [])
      "\50\01\00\5d\00"                  ;; type 1: sub 0 (cont 0)
  )
  "sub type 1 does not match super type 0")

;; ---------------------------------------------------------------------------
;; 2. The heap types `cont` (0x68) and `nocont` (0x75)
;; ---------------------------------------------------------------------------

;; Continuation heap types in function types, locals, globals, tables,
;; struct fields, array elements, block types, typed select, element
;; segments and ref.null; each function checks a value that flows through.
(module binary
  "\00\61\73\6d\01\00\00\00"
  "\01\30"                             ;; type section, 48 bytes
    "\0a"                              ;; 10 type definitions
    "\60\01\7f\01\7f"                  ;; type 0: func [i32] -> [i32]
    "\5d\00"                           ;; type 1: cont 0
    "\60\00\01\7f"                     ;; type 2: func [] -> [i32]
    "\60\01\63\68\01\7f"               ;; type 3: func [(ref null cont)] -> [i32]
    "\60\01\68\01\7f"                  ;; type 4: func [contref] -> [i32]  (0x68 alone)
    "\60\01\63\75\01\7f"               ;; type 5: func [(ref null nocont)] -> [i32]
    "\60\01\75\01\7f"                  ;; type 6: func [nullcontref] -> [i32]  (0x75 alone)
    "\60\01\64\68\01\7f"               ;; type 7: func [(ref cont)] -> [i32]
    "\5f\01\63\01\01"                  ;; type 8: struct (field (mut (ref null 1)))
    "\5e\68\01"                        ;; type 9: array (mut contref)
  "\03\17"                             ;; function section, 23 bytes
    "\16"                              ;; 22 functions
    "\00"                              ;; function 0: type 0
    "\03"                              ;; function 1: type 3
    "\04"                              ;; function 2: type 4
    "\05"                              ;; function 3: type 5
    "\06"                              ;; function 4: type 6
    "\07"                              ;; function 5: type 7
    "\02"                              ;; function 6: type 2
    "\02"                              ;; function 7: type 2
    "\02"                              ;; function 8: type 2
    "\02"                              ;; function 9: type 2
    "\02"                              ;; function 10: type 2
    "\02"                              ;; function 11: type 2
    "\02"                              ;; function 12: type 2
    "\02"                              ;; function 13: type 2
    "\02"                              ;; function 14: type 2
    "\02"                              ;; function 15: type 2
    "\02"                              ;; function 16: type 2
    "\02"                              ;; function 17: type 2
    "\02"                              ;; function 18: type 2
    "\02"                              ;; function 19: type 2
    "\02"                              ;; function 20: type 2
    "\02"                              ;; function 21: type 2
  "\04\08"                             ;; table section, 8 bytes
    "\02"                              ;; 2 tables
    "\63\01\00\01"                     ;; table 0: (ref null 1), min 1
    "\75\00\02"                        ;; table 1: nullcontref, min 2
  "\06\0c"                             ;; global section, 12 bytes
    "\02"                              ;; 2 globals
    "\63\01\01\d0\75\0b"               ;; global 0: mut (ref null 1) = ref.null nocont
    "\68\00\d0\68\0b"                  ;; global 1: contref = ref.null cont
  "\07\85\02"                          ;; export section, 261 bytes
    "\10"                              ;; 16 exports
    "\0d\72\65\66\2d\6e\75\6c\6c\2d\63\6f\6e\74\00\06" ;; export "ref-null-cont" func 6
    "\0f\72\65\66\2d\6e\75\6c\6c\2d\6e\6f\63\6f\6e\74\00\07" ;; export "ref-null-nocont" func 7
    "\10\72\65\66\2d\6e\75\6c\6c\2d\74\79\70\65\69\64\78\00\08" ;; export "ref-null-typeidx" func 8
    "\10\6e\6f\63\6f\6e\74\2d\73\68\6f\72\74\68\61\6e\64\00\09" ;; export "nocont-shorthand" func 9
    "\10\72\65\66\2d\63\6f\6e\74\2d\6e\6f\6e\6e\75\6c\6c\00\0a" ;; export "ref-cont-nonnull" func 10
    "\0b\67\6c\6f\62\61\6c\2d\63\6f\6e\74\00\0b" ;; export "global-cont" func 11
    "\0e\67\6c\6f\62\61\6c\2d\63\6f\6e\74\72\65\66\00\0c" ;; export "global-contref" func 12
    "\0a\74\61\62\6c\65\2d\63\6f\6e\74\00\0d" ;; export "table-cont" func 13
    "\11\74\61\62\6c\65\2d\6e\75\6c\6c\63\6f\6e\74\72\65\66\00\0e" ;; export "table-nullcontref" func 14
    "\0c\73\74\72\75\63\74\2d\66\69\65\6c\64\00\0f" ;; export "struct-field" func 15
    "\0a\61\72\72\61\79\2d\65\6c\65\6d\00\10" ;; export "array-elem" func 16
    "\0c\74\79\70\65\64\2d\73\65\6c\65\63\74\00\11" ;; export "typed-select" func 17
    "\0e\62\6c\6f\63\6b\2d\74\79\70\65\2d\72\65\66\00\12" ;; export "block-type-ref" func 18
    "\12\62\6c\6f\63\6b\2d\74\79\70\65\2d\63\6f\6e\74\72\65\66\00\13" ;; export "block-type-contref" func 19
    "\06\6c\6f\63\61\6c\73\00\14"      ;; export "locals" func 20
    "\0c\65\6c\65\6d\2d\73\65\67\6d\65\6e\74\00\15" ;; export "elem-segment" func 21
  "\09\0c"                             ;; element section, 12 bytes
    "\02"                              ;; 2 segments
    "\03\00\01\00"                     ;; declarative segment: func 0
    "\05\63\01\01\d0\75\0b"            ;; passive segment, (ref null 1), 1 item: (ref.null nocont)
  "\0a\89\02"                          ;; code section, 265 bytes
    "\16"                              ;; 22 bodies
    "\07\00"                           ;; function 0 $inc (7 bytes), locals: none
    "\20\00"                           ;;   local.get 0
    "\41\01"                           ;;   i32.const 1
    "\6a"                              ;;   i32.add
    "\0b"                              ;;   end
    "\05\00"                           ;; function 1 $is-null-ref-null-cont (5 bytes), locals: none
    "\20\00"                           ;;   local.get 0
    "\d1"                              ;;   ref.is_null
    "\0b"                              ;;   end
    "\05\00"                           ;; function 2 $is-null-contref (5 bytes), locals: none
    "\20\00"                           ;;   local.get 0
    "\d1"                              ;;   ref.is_null
    "\0b"                              ;;   end
    "\05\00"                           ;; function 3 $is-null-ref-null-nocont (5 bytes), locals: none
    "\20\00"                           ;;   local.get 0
    "\d1"                              ;;   ref.is_null
    "\0b"                              ;;   end
    "\05\00"                           ;; function 4 $is-null-nullcontref (5 bytes), locals: none
    "\20\00"                           ;;   local.get 0
    "\d1"                              ;;   ref.is_null
    "\0b"                              ;;   end
    "\05\00"                           ;; function 5 $is-null-ref-cont (5 bytes), locals: none
    "\20\00"                           ;;   local.get 0
    "\d1"                              ;;   ref.is_null
    "\0b"                              ;;   end
    "\06\00"                           ;; function 6 "ref-null-cont" (6 bytes), locals: none
    "\d0\68"                           ;;   ref.null cont
    "\10\01"                           ;;   call 1
    "\0b"                              ;;   end
    "\06\00"                           ;; function 7 "ref-null-nocont" (6 bytes), locals: none
    "\d0\75"                           ;;   ref.null nocont
    "\10\03"                           ;;   call 3
    "\0b"                              ;;   end
    "\06\00"                           ;; function 8 "ref-null-typeidx" (6 bytes), locals: none
    "\d0\01"                           ;;   ref.null 1
    "\10\02"                           ;;   call 2
    "\0b"                              ;;   end
    "\06\00"                           ;; function 9 "nocont-shorthand" (6 bytes), locals: none
    "\d0\75"                           ;;   ref.null nocont
    "\10\04"                           ;;   call 4
    "\0b"                              ;;   end
    "\08\00"                           ;; function 10 "ref-cont-nonnull" (8 bytes), locals: none
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\10\05"                           ;;   call 5
    "\0b"                              ;;   end
    "\0f\00"                           ;; function 11 "global-cont" (15 bytes), locals: none
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\24\00"                           ;;   global.set 0
    "\41\09"                           ;;   i32.const 9
    "\23\00"                           ;;   global.get 0
    "\e3\01\00"                        ;;   resume 1 (no handlers)
    "\0b"                              ;;   end
    "\05\00"                           ;; function 12 "global-contref" (5 bytes), locals: none
    "\23\01"                           ;;   global.get 1
    "\d1"                              ;;   ref.is_null
    "\0b"                              ;;   end
    "\13\00"                           ;; function 13 "table-cont" (19 bytes), locals: none
    "\41\00"                           ;;   i32.const 0
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\26\00"                           ;;   table.set 0
    "\41\14"                           ;;   i32.const 20
    "\41\00"                           ;;   i32.const 0
    "\25\00"                           ;;   table.get 0
    "\e3\01\00"                        ;;   resume 1 (no handlers)
    "\0b"                              ;;   end
    "\07\00"                           ;; function 14 "table-nullcontref" (7 bytes), locals: none
    "\41\01"                           ;;   i32.const 1
    "\25\01"                           ;;   table.get 1
    "\d1"                              ;;   ref.is_null
    "\0b"                              ;;   end
    "\1f\01\01\63\08"                  ;; function 15 "struct-field" (31 bytes), locals: 1 x (ref null 8)
    "\fb\01\08"                        ;;   struct.new_default 8
    "\21\00"                           ;;   local.set 0
    "\20\00"                           ;;   local.get 0
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\fb\05\08\00"                     ;;   struct.set 8 0
    "\41\1e"                           ;;   i32.const 30
    "\20\00"                           ;;   local.get 0
    "\fb\02\08\00"                     ;;   struct.get 8 0
    "\e3\01\00"                        ;;   resume 1 (no handlers)
    "\0b"                              ;;   end
    "\0d\00"                           ;; function 16 "array-elem" (13 bytes), locals: none
    "\41\02"                           ;;   i32.const 2
    "\fb\07\09"                        ;;   array.new_default 9
    "\41\01"                           ;;   i32.const 1
    "\fb\0b\09"                        ;;   array.get 9
    "\d1"                              ;;   ref.is_null
    "\0b"                              ;;   end
    "\13\00"                           ;; function 17 "typed-select" (19 bytes), locals: none
    "\41\04"                           ;;   i32.const 4
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\d0\01"                           ;;   ref.null 1
    "\41\01"                           ;;   i32.const 1
    "\1c\01\63\01"                     ;;   select (result (ref null 1))
    "\e3\01\00"                        ;;   resume 1 (no handlers)
    "\0b"                              ;;   end
    "\0f\00"                           ;; function 18 "block-type-ref" (15 bytes), locals: none
    "\41\06"                           ;;   i32.const 6
    "\02\64\01"                        ;;   block (result (ref 1))
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\0b"                              ;;   end
    "\e3\01\00"                        ;;   resume 1 (no handlers)
    "\0b"                              ;;   end
    "\08\00"                           ;; function 19 "block-type-contref" (8 bytes), locals: none
    "\02\68"                           ;;   block (result contref)
    "\d0\75"                           ;;   ref.null nocont
    "\0b"                              ;;   end
    "\d1"                              ;;   ref.is_null
    "\0b"                              ;;   end
    "\15\03\01\68\01\63\75\02\63\01"   ;; function 20 "locals" (21 bytes), locals: 1 x contref, 1 x (ref null nocont), 2 x (ref null 1)
    "\20\00"                           ;;   local.get 0
    "\d1"                              ;;   ref.is_null
    "\20\01"                           ;;   local.get 1
    "\d1"                              ;;   ref.is_null
    "\6a"                              ;;   i32.add
    "\20\03"                           ;;   local.get 3
    "\d1"                              ;;   ref.is_null
    "\6a"                              ;;   i32.add
    "\0b"                              ;;   end
    "\19\00"                           ;; function 21 "elem-segment" (25 bytes), locals: none
    "\41\00"                           ;;   i32.const 0
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\26\00"                           ;;   table.set 0
    "\41\00"                           ;;   i32.const 0
    "\41\00"                           ;;   i32.const 0
    "\41\01"                           ;;   i32.const 1
    "\fc\0c\01\00"                     ;;   table.init 0 (segment 1)
    "\41\00"                           ;;   i32.const 0
    "\25\00"                           ;;   table.get 0
    "\d1"                              ;;   ref.is_null
    "\0b"                              ;;   end
)
(assert_return (invoke "ref-null-cont") (i32.const 1))
(assert_return (invoke "ref-null-nocont") (i32.const 1))
(assert_return (invoke "ref-null-typeidx") (i32.const 1))
(assert_return (invoke "nocont-shorthand") (i32.const 1))
(assert_return (invoke "ref-cont-nonnull") (i32.const 0))
(assert_return (invoke "global-cont") (i32.const 10))
(assert_return (invoke "global-contref") (i32.const 1))
(assert_return (invoke "table-cont") (i32.const 21))
(assert_return (invoke "table-nullcontref") (i32.const 1))
(assert_return (invoke "struct-field") (i32.const 31))
(assert_return (invoke "array-elem") (i32.const 1))
(assert_return (invoke "typed-select") (i32.const 5))
(assert_return (invoke "block-type-ref") (i32.const 7))
(assert_return (invoke "block-type-contref") (i32.const 1))
(assert_return (invoke "locals") (i32.const 3))
(assert_return (invoke "elem-segment") (i32.const 1))

;; ---------------------------------------------------------------------------
;; 3. The instructions 0xe0-0xe5 and handler clauses (on $t $l) (0x00)
;; ---------------------------------------------------------------------------

;; Tags: 0 : [i32] -> [i32], 1 : [i32] -> [] (an exception), 2 : [i32] -> [i32].
;; $body suspends with tag 0 and 10, and adds 1 to the answer; $sub
;; subtracts; $catcher suspends inside a try_table that catches tag 1.
(module binary
  "\00\61\73\6d\01\00\00\00"
  "\01\20"                             ;; type section, 32 bytes
    "\08"                              ;; 8 type definitions
    "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
    "\5d\00"                           ;; type 1: cont 0
    "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
    "\5d\02"                           ;; type 3: cont 2
    "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
    "\5d\04"                           ;; type 5: cont 4
    "\60\01\7f\00"                     ;; type 6: func [i32] -> []
    "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
  "\03\0c"                             ;; function section, 12 bytes
    "\0b"                              ;; 11 functions
    "\00"                              ;; function 0: type 0
    "\04"                              ;; function 1: type 4
    "\00"                              ;; function 2: type 0
    "\00"                              ;; function 3: type 0
    "\00"                              ;; function 4: type 0
    "\00"                              ;; function 5: type 0
    "\00"                              ;; function 6: type 0
    "\00"                              ;; function 7: type 0
    "\00"                              ;; function 8: type 0
    "\00"                              ;; function 9: type 0
    "\00"                              ;; function 10: type 0
  "\0d\07"                             ;; tag section, 7 bytes
    "\03"                              ;; 3 tags
    "\00\02"                           ;; tag 0: type 2
    "\00\06"                           ;; tag 1: type 6
    "\00\02"                           ;; tag 2: type 2
  "\07\9d\01"                          ;; export section, 157 bytes
    "\08"                              ;; 8 exports
    "\0e\72\65\73\75\6d\65\2d\68\61\6e\64\6c\65\72\00\03" ;; export "resume-handler" func 3
    "\09\63\6f\6e\74\2d\62\69\6e\64\00\04" ;; export "cont-bind" func 4
    "\10\73\65\76\65\72\61\6c\2d\68\61\6e\64\6c\65\72\73\00\05" ;; export "several-handlers" func 5
    "\13\68\61\6e\64\6c\65\72\2d\6c\61\62\65\6c\2d\64\65\70\74\68\00\06" ;; export "handler-label-depth" func 6
    "\0c\72\65\73\75\6d\65\2d\74\68\72\6f\77\00\07" ;; export "resume-throw" func 7
    "\15\72\65\73\75\6d\65\2d\74\68\72\6f\77\2d\68\61\6e\64\6c\65\72\73\00\08" ;; export "resume-throw-handlers" func 8
    "\10\72\65\73\75\6d\65\2d\74\68\72\6f\77\2d\72\65\66\00\09" ;; export "resume-throw-ref" func 9
    "\19\72\65\73\75\6d\65\2d\74\68\72\6f\77\2d\72\65\66\2d\68\61\6e\64\6c\65\72\73\00\0a" ;; export "resume-throw-ref-handlers" func 10
  "\09\07"                             ;; element section, 7 bytes
    "\01"                              ;; 1 segment
    "\03\00\03\00\01\02"               ;; declarative segment: func 0 1 2
  "\0a\d7\02"                          ;; code section, 343 bytes
    "\0b"                              ;; 11 bodies
    "\09\00"                           ;; function 0 $body (9 bytes), locals: none
    "\41\0a"                           ;;   i32.const 10
    "\e2\00"                           ;;   suspend 0
    "\41\01"                           ;;   i32.const 1
    "\6a"                              ;;   i32.add
    "\0b"                              ;;   end
    "\07\00"                           ;; function 1 $sub (7 bytes), locals: none
    "\20\00"                           ;;   local.get 0
    "\20\01"                           ;;   local.get 1
    "\6b"                              ;;   i32.sub
    "\0b"                              ;;   end
    "\13\00"                           ;; function 2 $catcher (19 bytes), locals: none
    "\02\7f"                           ;;   block (result i32)
    "\1f\40\01\00\01\00"               ;;   try_table (catch 1 0)
    "\41\03"                           ;;   i32.const 3
    "\e2\00"                           ;;   suspend 0
    "\1a"                              ;;   drop
    "\0b"                              ;;   end
    "\41\7f"                           ;;   i32.const -1
    "\0b"                              ;;   end
    "\0b"                              ;;   end
    "\1d\01\01\63\03"                  ;; function 3 "resume-handler" (29 bytes), locals: 1 x (ref null 3)
    "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\e3\01\01\00\00\00"               ;;   resume 1 (on 0 0)
    "\0f"                              ;;   return
    "\0b"                              ;;   end
    "\21\00"                           ;;   local.set 0
    "\41\02"                           ;;   i32.const 2
    "\6c"                              ;;   i32.mul
    "\20\00"                           ;;   local.get 0
    "\e3\03\00"                        ;;   resume 3 (no handlers)
    "\0b"                              ;;   end
    "\17\01\01\63\03"                  ;; function 4 "cont-bind" (23 bytes), locals: 1 x (ref null 3)
    "\41\32"                           ;;   i32.const 50
    "\d2\01"                           ;;   ref.func 1
    "\e0\05"                           ;;   cont.new 5
    "\e1\05\03"                        ;;   cont.bind 5 3
    "\21\00"                           ;;   local.set 0
    "\41\08"                           ;;   i32.const 8
    "\20\00"                           ;;   local.get 0
    "\e3\03\00"                        ;;   resume 3 (no handlers)
    "\0b"                              ;;   end
    "\21\00"                           ;; function 5 "several-handlers" (33 bytes), locals: none
    "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
    "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\e3\01\02\00\02\01\00\00\00"      ;;   resume 1 (on 2 1) (on 0 0)
    "\0f"                              ;;   return
    "\0b"                              ;;   end
    "\1a"                              ;;   drop
    "\1a"                              ;;   drop
    "\41\e4\00"                        ;;   i32.const 100
    "\0f"                              ;;   return
    "\0b"                              ;;   end
    "\1a"                              ;;   drop
    "\1a"                              ;;   drop
    "\41\c8\01"                        ;;   i32.const 200
    "\0b"                              ;;   end
    "\1e\00"                           ;; function 6 "handler-label-depth" (30 bytes), locals: none
    "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
    "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\e3\01\01\00\00\01"               ;;   resume 1 (on 0 1)
    "\0f"                              ;;   return
    "\0b"                              ;;   end
    "\1a"                              ;;   drop
    "\1a"                              ;;   drop
    "\41\e4\00"                        ;;   i32.const 100
    "\0f"                              ;;   return
    "\0b"                              ;;   end
    "\1a"                              ;;   drop
    "\1a"                              ;;   drop
    "\41\c8\01"                        ;;   i32.const 200
    "\0b"                              ;;   end
    "\1f\01\01\63\03"                  ;; function 7 "resume-throw" (31 bytes), locals: 1 x (ref null 3)
    "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
    "\d2\02"                           ;;   ref.func 2
    "\e0\01"                           ;;   cont.new 1
    "\e3\01\01\00\00\00"               ;;   resume 1 (on 0 0)
    "\0f"                              ;;   return
    "\0b"                              ;;   end
    "\21\00"                           ;;   local.set 0
    "\1a"                              ;;   drop
    "\41\cd\00"                        ;;   i32.const 77
    "\20\00"                           ;;   local.get 0
    "\e4\03\01\00"                     ;;   resume_throw 3 1 (no handlers)
    "\0b"                              ;;   end
    "\2d\01\01\63\03"                  ;; function 8 "resume-throw-handlers" (45 bytes), locals: 1 x (ref null 3)
    "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
    "\d2\02"                           ;;   ref.func 2
    "\e0\01"                           ;;   cont.new 1
    "\e3\01\01\00\00\00"               ;;   resume 1 (on 0 0)
    "\0f"                              ;;   return
    "\0b"                              ;;   end
    "\21\00"                           ;;   local.set 0
    "\1a"                              ;;   drop
    "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
    "\41\ce\00"                        ;;   i32.const 78
    "\20\00"                           ;;   local.get 0
    "\e4\03\01\02\00\02\00\00\00\00"   ;;   resume_throw 3 1 (on 2 0) (on 0 0)
    "\0f"                              ;;   return
    "\0b"                              ;;   end
    "\1a"                              ;;   drop
    "\1a"                              ;;   drop
    "\41\7f"                           ;;   i32.const -1
    "\0b"                              ;;   end
    "\2f\02\01\63\03\01\69"            ;; function 9 "resume-throw-ref" (47 bytes), locals: 1 x (ref null 3), 1 x exnref
    "\02\69"                           ;;   block (result exnref)
    "\1f\40\01\03\00"                  ;;   try_table (catch_all_ref 0)
    "\41\37"                           ;;   i32.const 55
    "\08\01"                           ;;   throw 1
    "\0b"                              ;;   end
    "\00"                              ;;   unreachable
    "\0b"                              ;;   end
    "\21\01"                           ;;   local.set 1
    "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
    "\d2\02"                           ;;   ref.func 2
    "\e0\01"                           ;;   cont.new 1
    "\e3\01\01\00\00\00"               ;;   resume 1 (on 0 0)
    "\0f"                              ;;   return
    "\0b"                              ;;   end
    "\21\00"                           ;;   local.set 0
    "\1a"                              ;;   drop
    "\20\01"                           ;;   local.get 1
    "\20\00"                           ;;   local.get 0
    "\e5\03\00"                        ;;   resume_throw_ref 3 (no handlers)
    "\0b"                              ;;   end
    "\3a\02\01\63\03\01\69"            ;; function 10 "resume-throw-ref-handlers" (58 bytes), locals: 1 x (ref null 3), 1 x exnref
    "\02\69"                           ;;   block (result exnref)
    "\1f\40\01\03\00"                  ;;   try_table (catch_all_ref 0)
    "\41\38"                           ;;   i32.const 56
    "\08\01"                           ;;   throw 1
    "\0b"                              ;;   end
    "\00"                              ;;   unreachable
    "\0b"                              ;;   end
    "\21\01"                           ;;   local.set 1
    "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
    "\d2\02"                           ;;   ref.func 2
    "\e0\01"                           ;;   cont.new 1
    "\e3\01\01\00\00\00"               ;;   resume 1 (on 0 0)
    "\0f"                              ;;   return
    "\0b"                              ;;   end
    "\21\00"                           ;;   local.set 0
    "\1a"                              ;;   drop
    "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
    "\20\01"                           ;;   local.get 1
    "\20\00"                           ;;   local.get 0
    "\e5\03\01\00\02\00"               ;;   resume_throw_ref 3 (on 2 0)
    "\0f"                              ;;   return
    "\0b"                              ;;   end
    "\1a"                              ;;   drop
    "\1a"                              ;;   drop
    "\41\7f"                           ;;   i32.const -1
    "\0b"                              ;;   end
)
(assert_return (invoke "resume-handler") (i32.const 21))
(assert_return (invoke "cont-bind") (i32.const 42))
(assert_return (invoke "several-handlers") (i32.const 100))
(assert_return (invoke "handler-label-depth") (i32.const 200))
(assert_return (invoke "resume-throw") (i32.const 77))
(assert_return (invoke "resume-throw-handlers") (i32.const 78))
(assert_return (invoke "resume-throw-ref") (i32.const 55))
(assert_return (invoke "resume-throw-ref-handlers") (i32.const 56))

;; The immediates are read in the documented order.  cont.new's and
;; cont.bind's type indices must be continuation types: here they are
;; function types.
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\0b"                             ;; code section, 11 bytes
      "\01"                              ;; 1 body
      "\09\00"                           ;; function 0 (9 bytes), locals: none
      "\d0\00"                           ;;   ref.null 0
      "\e0\00"                           ;;   cont.new 0
      "\1a"                              ;;   drop
      "\41\00"                           ;;   i32.const 0
      "\0b"                              ;;   end
  )
  "non-continuation type")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\0e"                             ;; code section, 14 bytes
      "\01"                              ;; 1 body
      "\0c\00"                           ;; function 0 (12 bytes), locals: none
      "\41\01"                           ;;   i32.const 1
      "\d0\05"                           ;;   ref.null 5
      "\e1\05\02"                        ;;   cont.bind 5 2
      "\1a"                              ;;   drop
      "\41\00"                           ;;   i32.const 0
      "\0b"                              ;;   end
  )
  "non-continuation type")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\0e"                             ;; code section, 14 bytes
      "\01"                              ;; 1 body
      "\0c\00"                           ;; function 0 (12 bytes), locals: none
      "\41\01"                           ;;   i32.const 1
      "\d0\05"                           ;;   ref.null 5
      "\e1\04\03"                        ;;   cont.bind 4 3
      "\1a"                              ;;   drop
      "\41\00"                           ;;   i32.const 0
      "\0b"                              ;;   end
  )
  "non-continuation type")
;; resume's handler (0x00 t l) is tag, then label: with two tags and two
;; labels (the block and the function), tag 4 is unknown in one order and
;; label 4 in the other.
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\11"                             ;; code section, 17 bytes
      "\01"                              ;; 1 body
      "\0f\00"                           ;; function 0 (15 bytes), locals: none
      "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
      "\d0\01"                           ;;   ref.null 1
      "\e3\01\01\00\04\00"               ;;   resume 1 (on 4 0)
      "\0f"                              ;;   return
      "\0b"                              ;;   end
      "\1a"                              ;;   drop
      "\0b"                              ;;   end
  )
  "unknown tag")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\11"                             ;; code section, 17 bytes
      "\01"                              ;; 1 body
      "\0f\00"                           ;; function 0 (15 bytes), locals: none
      "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
      "\d0\01"                           ;;   ref.null 1
      "\e3\01\01\00\00\04"               ;;   resume 1 (on 0 4)
      "\0f"                              ;;   return
      "\0b"                              ;;   end
      "\1a"                              ;;   drop
      "\0b"                              ;;   end
  )
  "unknown label")
;; resume_throw's immediates are the type, then the tag: here the tag
;; index 4 is out of range.
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\41\00"                           ;;   i32.const 0
      "\d0\03"                           ;;   ref.null 3
      "\e4\03\04\00"                     ;;   resume_throw 3 4 (no handlers)
      "\0b"                              ;;   end
  )
  "unknown tag")
;; Immediates are u32: the largest index, 0xffffffff in five bytes, decodes
;; and is then unknown.
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\0f"                             ;; code section, 15 bytes
      "\01"                              ;; 1 body
      "\0d\00"                           ;; function 0 (13 bytes), locals: none
      "\d0\00"                           ;;   ref.null 0
      "\e0\ff\ff\ff\ff\0f"               ;;   cont.new 0xffffffff
      "\1a"                              ;;   drop
      "\41\00"                           ;;   i32.const 0
      "\0b"                              ;;   end
  )
  "unknown type")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\41\00"                           ;;   i32.const 0
      "\e2\ff\ff\ff\ff\0f"               ;;   suspend 0xffffffff
      "\0b"                              ;;   end
  )
  "unknown tag")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\15"                             ;; code section, 21 bytes
      "\01"                              ;; 1 body
      "\13\00"                           ;; function 0 (19 bytes), locals: none
      "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
      "\d0\01"                           ;;   ref.null 1
      "\e3\01\01\00\ff\ff\ff\ff\0f\00"   ;;   resume 1 (on 0xffffffff 0)
      "\0f"                              ;;   return
      "\0b"                              ;;   end
      "\1a"                              ;;   drop
      "\0b"                              ;;   end
  )
  "unknown tag")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\15"                             ;; code section, 21 bytes
      "\01"                              ;; 1 body
      "\13\00"                           ;; function 0 (19 bytes), locals: none
      "\02\07"                           ;;   block (type 7) ;; [] -> [i32 (ref 3)]
      "\d0\01"                           ;;   ref.null 1
      "\e3\01\01\00\00\ff\ff\ff\ff\0f"   ;;   resume 1 (on 0 0xffffffff)
      "\0f"                              ;;   return
      "\0b"                              ;;   end
      "\1a"                              ;;   drop
      "\0b"                              ;;   end
  )
  "unknown label")
;; The heap types cont and nocont cannot be the target of a cast
;; (Explainer: "rt castable iff not (rt <: (ref null cont))"): ref.test,
;; ref.cast, br_on_cast and br_on_cast_fail with cont, nocont or a
;; continuation type index as target heap type decode, and are invalid.
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\09"                             ;; code section, 9 bytes
      "\01"                              ;; 1 body
      "\07\00"                           ;; function 0 (7 bytes), locals: none
      "\d0\68"                           ;;   ref.null cont
      "\fb\14\68"                        ;;   ref.test (ref cont)
      "\0b"                              ;;   end
  )
  "invalid cast")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\09"                             ;; code section, 9 bytes
      "\01"                              ;; 1 body
      "\07\00"                           ;; function 0 (7 bytes), locals: none
      "\d0\68"                           ;;   ref.null cont
      "\fb\15\75"                        ;;   ref.test (ref null nocont)
      "\0b"                              ;;   end
  )
  "invalid cast")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\d0\68"                           ;;   ref.null cont
      "\fb\16\01"                        ;;   ref.cast (ref 1)
      "\1a"                              ;;   drop
      "\41\00"                           ;;   i32.const 0
      "\0b"                              ;;   end
  )
  "invalid cast")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\d0\68"                           ;;   ref.null cont
      "\fb\17\68"                        ;;   ref.cast (ref null cont)
      "\1a"                              ;;   drop
      "\41\00"                           ;;   i32.const 0
      "\0b"                              ;;   end
  )
  "invalid cast")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\12"                             ;; code section, 18 bytes
      "\01"                              ;; 1 body
      "\10\00"                           ;; function 0 (16 bytes), locals: none
      "\02\68"                           ;;   block (result contref)
      "\d0\68"                           ;;   ref.null cont
      "\fb\18\01\00\68\01"               ;;   br_on_cast 0 (ref null cont) (ref 1)
      "\0b"                              ;;   end
      "\1a"                              ;;   drop
      "\41\00"                           ;;   i32.const 0
      "\0b"                              ;;   end
  )
  "invalid cast")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\20"                             ;; type section, 32 bytes
      "\08"                              ;; 8 type definitions
      "\60\00\01\7f"                     ;; type 0: func [] -> [i32]
      "\5d\00"                           ;; type 1: cont 0
      "\60\01\7f\01\7f"                  ;; type 2: func [i32] -> [i32]
      "\5d\02"                           ;; type 3: cont 2
      "\60\02\7f\7f\01\7f"               ;; type 4: func [i32 i32] -> [i32]
      "\5d\04"                           ;; type 5: cont 4
      "\60\01\7f\00"                     ;; type 6: func [i32] -> []
      "\60\00\02\7f\64\03"               ;; type 7: func [] -> [i32 (ref 3)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\06"                           ;; tag 1: type 6
    "\0a\12"                             ;; code section, 18 bytes
      "\01"                              ;; 1 body
      "\10\00"                           ;; function 0 (16 bytes), locals: none
      "\02\68"                           ;;   block (result contref)
      "\d0\68"                           ;;   ref.null cont
      "\fb\19\03\00\68\75"               ;;   br_on_cast_fail 0 (ref null cont) (ref null nocont)
      "\0b"                              ;;   end
      "\1a"                              ;;   drop
      "\41\00"                           ;;   i32.const 0
      "\0b"                              ;;   end
  )
  "invalid cast")
;; The continuation heap types are outside the func hierarchy.
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\05"                             ;; type section, 5 bytes
      "\01"                              ;; 1 type definition
      "\60\00\01\70"                     ;; type 0: func [] -> [funcref]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\06"                             ;; code section, 6 bytes
      "\01"                              ;; 1 body
      "\04\00"                           ;; function 0 (4 bytes), locals: none
      "\d0\75"                           ;;   ref.null nocont
      "\0b"                              ;;   end
  )
  "type mismatch")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\06"                             ;; type section, 6 bytes
      "\01"                              ;; 1 type definition
      "\60\01\70\01\68"                  ;; type 0: func [funcref] -> [contref]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\06"                             ;; code section, 6 bytes
      "\01"                              ;; 1 body
      "\04\00"                           ;; function 0 (4 bytes), locals: none
      "\20\00"                           ;;   local.get 0
      "\0b"                              ;;   end
  )
  "type mismatch")
;; A table of (ref cont) has no default element (the encoding without an
;; initialiser means ref.null).
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; func
    "\04\05"                             ;; table section, 5 bytes
      "\01"                              ;; 1 table
      "\64\68\00\01"                     ;; table 0: (ref cont), min 1
  )
  "type mismatch")

;; ---------------------------------------------------------------------------
;; 4. Malformed encodings
;; ---------------------------------------------------------------------------

;; The composite type cont: its type index is missing at the end of the
;; section, is written in more than five bytes, or has bits beyond 33 that
;; are not a sign extension.
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\05"                             ;; type section, 5 bytes
      "\02"                              ;; 2 type definitions
      "\60\00\00"                        ;; type 0: func [] -> []
      "\5d"                              ;; type 1: cont, with no index
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\0b"                             ;; type section, 11 bytes
      "\02"                              ;; 2 type definitions
      "\60\00\00"                        ;; type 0: func [] -> []
      "\5d\80\80\80\80\80\00"            ;; type 1: cont 0 in 6 bytes
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\0a"                             ;; type section, 10 bytes
      "\02"                              ;; 2 type definitions
      "\60\00\00"                        ;; type 0: func [] -> []
      "\5d\ff\ff\ff\ff\1f"               ;; type 1: cont, 5th byte 0x1f: bit 32 set, bits 33, 34 clear
  )
  "integer representation too long")
;; The index is an s33 and must not be negative: the single byte 0x40 is
;; -64 in s33 (it would be 64 as a u32).
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\06"                             ;; type section, 6 bytes
      "\02"                              ;; 2 type definitions
      "\60\00\00"                        ;; type 0: func [] -> []
      "\5d\40"                           ;; type 1: cont -64
  )
  "malformed heap type")
;; 0x5c, the byte after cont's 0x5d, is no composite type.
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\5c\00\00"                        ;; type 0: 0x5c
  )
  "malformed definition type")
;; Heap types: 0x67, the byte before cont's 0x68, is no heap type (in a
;; reference type, in ref.null), nor a value type; a heap type in more than
;; five bytes is malformed.
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\06"                             ;; type section, 6 bytes
      "\01"                              ;; 1 type definition
      "\60\01\63\67\00"                  ;; type 0: func [(ref null 0x67)] -> []
  )
  "malformed heap type")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\07"                             ;; code section, 7 bytes
      "\01"                              ;; 1 body
      "\05\00"                           ;; function 0 (5 bytes), locals: none
      "\d0\67"                           ;;   ref.null 0x67
      "\1a"                              ;;   drop
      "\0b"                              ;;   end
  )
  "malformed heap type")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\05"                             ;; type section, 5 bytes
      "\01"                              ;; 1 type definition
      "\60\01\67\00"                     ;; type 0: func [0x67] -> []
  )
  "malformed reference type")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\d0\e8\80\80\80\80\7f"            ;;   ref.null cont (-0x18) in 7 bytes
      "\1a"                              ;;   drop
      "\0b"                              ;;   end
  )
  "integer representation too long")
;; An abstract heap type is one byte (Wasm 3.0: "heaptype ::= ht:absheaptype
;; | x:s33 => x if x >= 0"): cont and nocont written as longer s33 numbers
;; are negative type indices, and malformed.
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\08"                             ;; code section, 8 bytes
      "\01"                              ;; 1 body
      "\06\00"                           ;; function 0 (6 bytes), locals: none
      "\d0\e8\7f"                        ;;   ref.null cont (-0x18) in 2 bytes
      "\1a"                              ;;   drop
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0b"                             ;; code section, 11 bytes
      "\01"                              ;; 1 body
      "\09\00"                           ;; function 0 (9 bytes), locals: none
      "\d0\f5\ff\ff\ff\7f"               ;;   ref.null nocont (-0x0b) in 5 bytes
      "\1a"                              ;;   drop
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\07"                             ;; type section, 7 bytes
      "\01"                              ;; 1 type definition
      "\60\01\63\e8\7f\00"               ;; type 0: func [(ref null cont in 2 bytes)] -> []
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\0b"                             ;; type section, 11 bytes
      "\01"                              ;; 1 type definition
      "\60\01\64\f5\80\80\80\80\7f\00"   ;; type 0: func [(ref nocont in 7 bytes)] -> []
  )
  "integer representation too long")
;; Truncated immediates: each function body below ends (with the code
;; section and the module) in the middle of an instruction.
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\04"                             ;; code section, 4 bytes
      "\01"                              ;; 1 body
      "\02\00"                           ;; function 0 (2 bytes), locals: none
      "\e0"                              ;;   cont.new, no type index
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\04"                             ;; code section, 4 bytes
      "\01"                              ;; 1 body
      "\02\00"                           ;; function 0 (2 bytes), locals: none
      "\e1"                              ;;   cont.bind, no type indices
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\05"                             ;; code section, 5 bytes
      "\01"                              ;; 1 body
      "\03\00"                           ;; function 0 (3 bytes), locals: none
      "\e1\05"                           ;;   cont.bind 5, no second type index
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\04"                             ;; code section, 4 bytes
      "\01"                              ;; 1 body
      "\02\00"                           ;; function 0 (2 bytes), locals: none
      "\e2"                              ;;   suspend, no tag index
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\04"                             ;; code section, 4 bytes
      "\01"                              ;; 1 body
      "\02\00"                           ;; function 0 (2 bytes), locals: none
      "\e3"                              ;;   resume, no type index
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\05"                             ;; code section, 5 bytes
      "\01"                              ;; 1 body
      "\03\00"                           ;; function 0 (3 bytes), locals: none
      "\e3\01"                           ;;   resume 1, no handler vector
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\06"                             ;; code section, 6 bytes
      "\01"                              ;; 1 body
      "\04\00"                           ;; function 0 (4 bytes), locals: none
      "\e3\01\01"                        ;;   resume 1, vector of 1 handler, no handler
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\07"                             ;; code section, 7 bytes
      "\01"                              ;; 1 body
      "\05\00"                           ;; function 0 (5 bytes), locals: none
      "\e3\01\01\00"                     ;;   resume 1, (on ...) with no tag
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\08"                             ;; code section, 8 bytes
      "\01"                              ;; 1 body
      "\06\00"                           ;; function 0 (6 bytes), locals: none
      "\e3\01\01\00\00"                  ;;   resume 1, (on 0 ...) with no label
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\09"                             ;; code section, 9 bytes
      "\01"                              ;; 1 body
      "\07\00"                           ;; function 0 (7 bytes), locals: none
      "\e3\01\03\00\00\00"               ;;   resume 1, vector of 3 handlers, only 1 present
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\04"                             ;; code section, 4 bytes
      "\01"                              ;; 1 body
      "\02\00"                           ;; function 0 (2 bytes), locals: none
      "\e4"                              ;;   resume_throw, no type index
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\05"                             ;; code section, 5 bytes
      "\01"                              ;; 1 body
      "\03\00"                           ;; function 0 (3 bytes), locals: none
      "\e4\03"                           ;;   resume_throw 3, no tag index
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\06"                             ;; code section, 6 bytes
      "\01"                              ;; 1 body
      "\04\00"                           ;; function 0 (4 bytes), locals: none
      "\e4\03\01"                        ;;   resume_throw 3 1, no handler vector
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0a"                             ;; code section, 10 bytes
      "\01"                              ;; 1 body
      "\08\00"                           ;; function 0 (8 bytes), locals: none
      "\e4\03\01\02\00\00\00"            ;;   resume_throw 3 1, vector of 2 handlers, only 1 present
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\04"                             ;; code section, 4 bytes
      "\01"                              ;; 1 body
      "\02\00"                           ;; function 0 (2 bytes), locals: none
      "\e5"                              ;;   resume_throw_ref, no type index
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\05"                             ;; code section, 5 bytes
      "\01"                              ;; 1 body
      "\03\00"                           ;; function 0 (3 bytes), locals: none
      "\e5\03"                           ;;   resume_throw_ref 3, no handler vector
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\08"                             ;; code section, 8 bytes
      "\01"                              ;; 1 body
      "\06\00"                           ;; function 0 (6 bytes), locals: none
      "\e5\03\01\00\00"                  ;;   resume_throw_ref 3, (on 0 ...) with no label
  )
  "unexpected end")
;; Over-long LEB128 numbers (more than five bytes for a u32) in each
;; immediate, and five-byte numbers with bits beyond 32 set.
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0b"                             ;; code section, 11 bytes
      "\01"                              ;; 1 body
      "\09\00"                           ;; function 0 (9 bytes), locals: none
      "\e0\81\80\80\80\80\00"            ;;   cont.new 1 in 6 bytes
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0a"                             ;; code section, 10 bytes
      "\01"                              ;; 1 body
      "\08\00"                           ;; function 0 (8 bytes), locals: none
      "\e0\ff\ff\ff\ff\1f"               ;;   cont.new, 5th byte 0x1f
      "\0b"                              ;;   end
  )
  "integer too large")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\e1\85\80\80\80\80\00\03"         ;;   cont.bind 5 (6 bytes) 3
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\e1\05\83\80\80\80\80\00"         ;;   cont.bind 5 3 (6 bytes)
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0b"                             ;; code section, 11 bytes
      "\01"                              ;; 1 body
      "\09\00"                           ;; function 0 (9 bytes), locals: none
      "\e2\80\80\80\80\80\00"            ;;   suspend 0 in 6 bytes
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0a"                             ;; code section, 10 bytes
      "\01"                              ;; 1 body
      "\08\00"                           ;; function 0 (8 bytes), locals: none
      "\e2\80\80\80\80\10"               ;;   suspend, 5th byte 0x10
      "\0b"                              ;;   end
  )
  "integer too large")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\e3\81\80\80\80\80\00\00"         ;;   resume 1 (6 bytes), no handlers
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\e3\01\80\80\80\80\80\00"         ;;   resume 1, handler count 0 in 6 bytes
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0b"                             ;; code section, 11 bytes
      "\01"                              ;; 1 body
      "\09\00"                           ;; function 0 (9 bytes), locals: none
      "\e3\01\80\80\80\80\70"            ;;   resume 1, handler count with 5th byte 0x70
      "\0b"                              ;;   end
  )
  "integer too large")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0f"                             ;; code section, 15 bytes
      "\01"                              ;; 1 body
      "\0d\00"                           ;; function 0 (13 bytes), locals: none
      "\e3\01\01\00\80\80\80\80\80\00\00" ;;   resume 1 (on 0 (6 bytes) 0)
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0e"                             ;; code section, 14 bytes
      "\01"                              ;; 1 body
      "\0c\00"                           ;; function 0 (12 bytes), locals: none
      "\e3\01\01\00\00\ff\ff\ff\ff\7f"   ;;   resume 1 (on 0 label with 5th byte 0x7f)
      "\0b"                              ;;   end
  )
  "integer too large")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0d"                             ;; code section, 13 bytes
      "\01"                              ;; 1 body
      "\0b\00"                           ;; function 0 (11 bytes), locals: none
      "\e4\03\81\80\80\80\80\00\00"      ;;   resume_throw 3 1 (6 bytes), no handlers
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\e5\03\80\80\80\80\80\00"         ;;   resume_throw_ref 3, handler count in 6 bytes
      "\0b"                              ;;   end
  )
  "integer representation too long")
;; A handler's kind byte must be 0x00 (on $t $l) or 0x01 (on $t switch).
;; The last case has a vector of 2 handlers where only one precedes the
;; function's `end`, which is then read as a handler kind.
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0a"                             ;; code section, 10 bytes
      "\01"                              ;; 1 body
      "\08\00"                           ;; function 0 (8 bytes), locals: none
      "\e3\01\01\02\00\00"               ;;   resume 1, handler kind 0x02
      "\0b"                              ;;   end
  )
  "ON opcode expected")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0a"                             ;; code section, 10 bytes
      "\01"                              ;; 1 body
      "\08\00"                           ;; function 0 (8 bytes), locals: none
      "\e3\01\01\7f\00\00"               ;;   resume 1, handler kind 0x7f
      "\0b"                              ;;   end
  )
  "ON opcode expected")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0b"                             ;; code section, 11 bytes
      "\01"                              ;; 1 body
      "\09\00"                           ;; function 0 (9 bytes), locals: none
      "\e3\01\01\80\00\00\00"            ;;   resume 1, handler kind 0x80 (the kind is a byte, not a LEB128)
      "\0b"                              ;;   end
  )
  "ON opcode expected")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0d"                             ;; code section, 13 bytes
      "\01"                              ;; 1 body
      "\0b\00"                           ;; function 0 (11 bytes), locals: none
      "\e3\01\02\00\00\00\02\00\00"      ;;   resume 1, second handler of kind 0x02
      "\0b"                              ;;   end
  )
  "ON opcode expected")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0b"                             ;; code section, 11 bytes
      "\01"                              ;; 1 body
      "\09\00"                           ;; function 0 (9 bytes), locals: none
      "\e4\03\01\01\02\00\00"            ;;   resume_throw 3 1, handler kind 0x02
      "\0b"                              ;;   end
  )
  "ON opcode expected")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0a"                             ;; code section, 10 bytes
      "\01"                              ;; 1 body
      "\08\00"                           ;; function 0 (8 bytes), locals: none
      "\e5\03\01\02\00\00"               ;;   resume_throw_ref 3, handler kind 0x02
      "\0b"                              ;;   end
  )
  "ON opcode expected")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0a"                             ;; code section, 10 bytes
      "\01"                              ;; 1 body
      "\08\00"                           ;; function 0 (8 bytes), locals: none
      "\e3\01\02\00\00\00"               ;;   resume 1, 2 handlers, then end (0x0b)
      "\0b"                              ;;   end
  )
  "ON opcode expected")
;; 0xe7, after the new instructions, is not an instruction.
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\05"                             ;; code section, 5 bytes
      "\01"                              ;; 1 body
      "\03\00"                           ;; function 0 (3 bytes), locals: none
      "\e7"                              ;;   0xe7
      "\0b"                              ;;   end
  )
  "illegal opcode e7")

;; ---------------------------------------------------------------------------
;; 5. switch (0xe6) and handlers (on $t switch) (0x01)
;; ---------------------------------------------------------------------------

;; Tags: 0 : [] -> [i32] (the switch tag), 1 : [] -> [i32].  $a switches
;; to a fresh continuation of $b, which receives the continuation of $a
;; (non-null) and returns 42: that is the result of the resume.  The second
;; export resumes with a handler of each kind.
(module binary
  "\00\61\73\6d\01\00\00\00"
  "\01\1b"                             ;; type section, 27 bytes
    "\05"                              ;; 5 type definitions
    "\4e\02"                           ;; rec group of 2 types:
    "\60\01\63\01\01\7f"               ;;   type 0: func [(ref null 1)] -> [i32]
    "\5d\00"                           ;;   type 1: cont 0
    "\60\00\01\7f"                     ;; type 2: func [] -> [i32]
    "\60\01\7f\01\7f"                  ;; type 3: func [i32] -> [i32]
    "\5d\03"                           ;; type 4: cont 3
    "\60\00\01\64\04"                  ;; type 5: func [] -> [(ref 4)]
  "\03\05"                             ;; function section, 5 bytes
    "\04"                              ;; 4 functions
    "\00"                              ;; function 0: type 0
    "\00"                              ;; function 1: type 0
    "\02"                              ;; function 2: type 2
    "\02"                              ;; function 3: type 2
  "\0d\05"                             ;; tag section, 5 bytes
    "\02"                              ;; 2 tags
    "\00\02"                           ;; tag 0: type 2
    "\00\02"                           ;; tag 1: type 2
  "\07\22"                             ;; export section, 34 bytes
    "\02"                              ;; 2 exports
    "\06\73\77\69\74\63\68\00\02"      ;; export "switch" func 2
    "\15\73\77\69\74\63\68\2d\6d\69\78\65\64\2d\68\61\6e\64\6c\65\72\73\00\03" ;; export "switch-mixed-handlers" func 3
  "\09\06"                             ;; element section, 6 bytes
    "\01"                              ;; 1 segment
    "\03\00\02\00\01"                  ;; declarative segment: func 0 1
  "\0a\3e"                             ;; code section, 62 bytes
    "\04"                              ;; 4 bodies
    "\0c\00"                           ;; function 0 $a (12 bytes), locals: none
    "\d2\01"                           ;;   ref.func 1
    "\e0\01"                           ;;   cont.new 1
    "\e6\01\00"                        ;;   switch 1 0
    "\1a"                              ;;   drop
    "\41\7f"                           ;;   i32.const -1
    "\0b"                              ;;   end
    "\09\00"                           ;; function 1 $b (9 bytes), locals: none
    "\20\00"                           ;;   local.get 0
    "\d1"                              ;;   ref.is_null
    "\45"                              ;;   i32.eqz
    "\41\29"                           ;;   i32.const 41
    "\6a"                              ;;   i32.add
    "\0b"                              ;;   end
    "\0d\00"                           ;; function 2 "switch" (13 bytes), locals: none
    "\d0\01"                           ;;   ref.null 1
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\e3\01\01\01\00"                  ;;   resume 1 (on 0 switch)
    "\0b"                              ;;   end
    "\17\00"                           ;; function 3 "switch-mixed-handlers" (23 bytes), locals: none
    "\02\05"                           ;;   block (type 5) ;; [] -> [(ref 4)]
    "\d0\01"                           ;;   ref.null 1
    "\d2\00"                           ;;   ref.func 0
    "\e0\01"                           ;;   cont.new 1
    "\e3\01\02\00\01\00\01\00"         ;;   resume 1 (on 1 0) (on 0 switch)
    "\0f"                              ;;   return
    "\0b"                              ;;   end
    "\1a"                              ;;   drop
    "\41\7f"                           ;;   i32.const -1
    "\0b"                              ;;   end
)
(assert_return (invoke "switch") (i32.const 42))
(assert_return (invoke "switch-mixed-handlers") (i32.const 42))

;; switch's immediates are the type, then the tag: the type must be a
;; continuation type, and the tag in range.
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\1b"                             ;; type section, 27 bytes
      "\05"                              ;; 5 type definitions
      "\4e\02"                           ;; rec group of 2 types:
      "\60\01\63\01\01\7f"               ;;   type 0: func [(ref null 1)] -> [i32]
      "\5d\00"                           ;;   type 1: cont 0
      "\60\00\01\7f"                     ;; type 2: func [] -> [i32]
      "\60\01\7f\01\7f"                  ;; type 3: func [i32] -> [i32]
      "\5d\03"                           ;; type 4: cont 3
      "\60\00\01\64\04"                  ;; type 5: func [] -> [(ref 4)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\02"                              ;; function 0: type 2
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\02"                           ;; tag 1: type 2
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\d0\00"                           ;;   ref.null 0
      "\e6\00\00"                        ;;   switch 0 0
      "\1a"                              ;;   drop
      "\41\00"                           ;;   i32.const 0
      "\0b"                              ;;   end
  )
  "non-continuation type")
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\1b"                             ;; type section, 27 bytes
      "\05"                              ;; 5 type definitions
      "\4e\02"                           ;; rec group of 2 types:
      "\60\01\63\01\01\7f"               ;;   type 0: func [(ref null 1)] -> [i32]
      "\5d\00"                           ;;   type 1: cont 0
      "\60\00\01\7f"                     ;; type 2: func [] -> [i32]
      "\60\01\7f\01\7f"                  ;; type 3: func [i32] -> [i32]
      "\5d\03"                           ;; type 4: cont 3
      "\60\00\01\64\04"                  ;; type 5: func [] -> [(ref 4)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\02"                              ;; function 0: type 2
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\02"                           ;; tag 1: type 2
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\d0\01"                           ;;   ref.null 1
      "\e6\01\04"                        ;;   switch 1 4
      "\1a"                              ;;   drop
      "\41\00"                           ;;   i32.const 0
      "\0b"                              ;;   end
  )
  "unknown tag")
;; (on $t switch) takes a tag index; the tag must be in range.
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\1b"                             ;; type section, 27 bytes
      "\05"                              ;; 5 type definitions
      "\4e\02"                           ;; rec group of 2 types:
      "\60\01\63\01\01\7f"               ;;   type 0: func [(ref null 1)] -> [i32]
      "\5d\00"                           ;;   type 1: cont 0
      "\60\00\01\7f"                     ;; type 2: func [] -> [i32]
      "\60\01\7f\01\7f"                  ;; type 3: func [i32] -> [i32]
      "\5d\03"                           ;; type 4: cont 3
      "\60\00\01\64\04"                  ;; type 5: func [] -> [(ref 4)]
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\02"                              ;; function 0: type 2
    "\0d\05"                             ;; tag section, 5 bytes
      "\02"                              ;; 2 tags
      "\00\02"                           ;; tag 0: type 2
      "\00\02"                           ;; tag 1: type 2
    "\0a\0d"                             ;; code section, 13 bytes
      "\01"                              ;; 1 body
      "\0b\00"                           ;; function 0 (11 bytes), locals: none
      "\d0\01"                           ;;   ref.null 1
      "\d0\01"                           ;;   ref.null 1
      "\e3\01\01\01\04"                  ;;   resume 1 (on 4 switch)
      "\0b"                              ;;   end
  )
  "unknown tag")
;; Truncated and over-long immediates.
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\04"                             ;; code section, 4 bytes
      "\01"                              ;; 1 body
      "\02\00"                           ;; function 0 (2 bytes), locals: none
      "\e6"                              ;;   switch, no type index
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\05"                             ;; code section, 5 bytes
      "\01"                              ;; 1 body
      "\03\00"                           ;; function 0 (3 bytes), locals: none
      "\e6\01"                           ;;   switch 1, no tag index
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\07"                             ;; code section, 7 bytes
      "\01"                              ;; 1 body
      "\05\00"                           ;; function 0 (5 bytes), locals: none
      "\e3\01\01\01"                     ;;   resume 1, (on switch) with no tag
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\08"                             ;; code section, 8 bytes
      "\01"                              ;; 1 body
      "\06\00"                           ;; function 0 (6 bytes), locals: none
      "\e3\01\02\01\00"                  ;;   resume 1, 2 handlers, only (on 0 switch) present
  )
  "unexpected end")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\e6\81\80\80\80\80\00\00"         ;;   switch 1 (6 bytes) 0
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0c"                             ;; code section, 12 bytes
      "\01"                              ;; 1 body
      "\0a\00"                           ;; function 0 (10 bytes), locals: none
      "\e6\01\80\80\80\80\80\00"         ;;   switch 1 0 (6 bytes)
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0e"                             ;; code section, 14 bytes
      "\01"                              ;; 1 body
      "\0c\00"                           ;; function 0 (12 bytes), locals: none
      "\e3\01\01\01\80\80\80\80\80\00"   ;;   resume 1 (on 0 (6 bytes) switch)
      "\0b"                              ;;   end
  )
  "integer representation too long")
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\04"                             ;; type section, 4 bytes
      "\01"                              ;; 1 type definition
      "\60\00\00"                        ;; type 0: func [] -> []
    "\03\02"                             ;; function section, 2 bytes
      "\01"                              ;; 1 function
      "\00"                              ;; function 0: type 0
    "\0a\0d"                             ;; code section, 13 bytes
      "\01"                              ;; 1 body
      "\0b\00"                           ;; function 0 (11 bytes), locals: none
      "\e3\01\01\01\ff\ff\ff\ff\1f"      ;;   resume 1 (on (5th byte 0x1f) switch)
      "\0b"                              ;;   end
  )
  "integer too large")

;; ---------------------------------------------------------------------------
;; 6. Encodings on which the reference interpreter disagrees
;; ---------------------------------------------------------------------------

;; cont's index is an s33 ("$ft : s33"); the largest type index,
;; 0xffffffff, is a non-negative s33 in five bytes, so the module decodes,
;; and the index is out of range (Wasm 3.0: "x33:Bs33 => _IDX
;; $s33_to_u32(x33) -- if x33 >= 0").
;; The reference interpreter disagrees here: it only decodes s33 type indices
;; below 2^31, and reports "integer representation too long".
(assert_invalid
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\0a"                             ;; type section, 10 bytes
      "\02"                              ;; 2 type definitions
      "\60\00\00"                        ;; type 0: func [] -> []
      "\5d\ff\ff\ff\ff\0f"               ;; type 1: cont 0xffffffff
  )
  "unknown type")
;; A negative s33 is no type index: the byte 0x70 is -16 (the abstract heap
;; type func), which is not a valid index for cont.
;; The reference interpreter disagrees here: it decodes 0x70 as the heap type
;; func and then crashes (OCaml assertion failure in Valid.check_cont_type).
;; This comes last.
(assert_malformed
  (module binary
    "\00\61\73\6d\01\00\00\00"
    "\01\06"                             ;; type section, 6 bytes
      "\02"                              ;; 2 type definitions
      "\60\00\00"                        ;; type 0: func [] -> []
      "\5d\70"                           ;; type 1: cont -16
  )
  "malformed heap type")
