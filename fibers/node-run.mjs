// node-run.mjs: runs a program of fibers/ in Node (V8), as wasmfx-ref
// runs it after fiber.wat (doc/fibers.md): an optional tool, to try the
// programs in an engine and compare.
//
//   node --experimental-wasm-wasmfx fibers/node-run.mjs [FIBER.wasm] PROG.wasm [ARG]...
//
// FIBER.wasm is fiber.wat in binary (wasmfx-ref fibers/fiber.wat -o
// fiber.wasm), for a WasmFX build: instantiated first, its exports are the
// program's imports from "fiber", and its table the program's
// "env"."__indirect_function_table" (fiber.wat says why).  PROG.wasm is a
// WASI command; its arguments are PROG.wasm then the ARGs, its exit status
// Node's.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const args = process.argv.slice(2);
const imports = {};
if (args.length > 1 && /(^|\/)fiber\.wasm$/.test(args[0])) {
  const { instance } = await WebAssembly.instantiate(readFileSync(args.shift()));
  imports.fiber = instance.exports;
  imports.env = { __indirect_function_table: instance.exports.__indirect_function_table };
}
if (args.length === 0) {
  console.error('usage: node --experimental-wasm-wasmfx node-run.mjs [fiber.wasm] PROG.wasm [ARG]...');
  process.exit(2);
}
const wasi = new WASI({ version: 'preview1', args, env: {}, returnOnExit: true });
imports.wasi_snapshot_preview1 = wasi.wasiImport;
const { instance } = await WebAssembly.instantiate(readFileSync(args[0]), imports);
process.exitCode = wasi.start(instance);
