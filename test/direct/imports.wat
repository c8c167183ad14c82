;; Imports of every kind from a module nobody provides: unlinkable, or
;; with --dummy-imports stand-ins (test/direct.sh).
(module
  (import "env" "f" (func $f (param i32) (result i32 i64 f32 f64 externref)))
  (import "env" "g" (global $g i64))
  (import "env" "gm" (global $gm (mut f32)))
  (import "env" "gr" (global $gr anyref))
  (import "env" "mem" (memory 2 3))
  (import "env" "tab" (table 5 funcref))
  (import "env" "tag" (tag $tag (param i32)))
  (func (export "call") (result i32 i64 f32 f64 externref) (call $f (i32.const 7)))
  (func (export "globals") (result i64 f32 i32)
    (global.get $g) (global.get $gm) (ref.is_null (global.get $gr)))
  (func (export "sizes") (result i32 i32) (memory.size) (table.size))
  (func (export "tag") (result i32)
    (block $h (result i32)
      (try_table (catch $tag $h) (throw $tag (i32.const 9)))
      (i32.const -1)))
)
