// Runs a module file's exports on the engine that runs this script, and
// prints the log that `wasmfx-ref --run-all-exports` prints (README,
// "Calling a module directly"): the differential harness (diff.sh) compares
// the two.  For V8 in Node 26:
//
//   node --experimental-wasm-wasmfx --experimental-wasm-type-reflection v8.cjs m.wasm
//
// The imports are Binaryen's fuzzer's (`fuzzing-support`), with the
// semantics interp/fuzzing.c gives them; the values print as our log prints
// them, except floats, which print as JS does (`1e21`, `0.1`): the harness
// compares numbers, not spellings.  Traps print with the engine's message,
// which the harness maps to the spec's.  Lines of our own:
//   [compile error: MSG]      the module did not compile (exit status 3)
//   [link error: MSG]         it did not link or instantiate (exit status 5)
//   [not callable from JS]    an export whose parameters JS cannot pass (or a
//                             start function that gave JS a value it cannot take)
//   [result not representable in JS]   its results JS cannot take back
// The type reflection flag gives the imports' and exports' types.
'use strict';

const fs = require('fs');

const print = (s) => fs.writeSync(1, s + '\n');   // unbuffered: a crash keeps what came before

// A float as our log prints it: nan, inf, -0, else the number.
function floatText(x) {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0';
  return String(x);
}

// An opaque value: an externref the host made, with its payload.
class HostRef {
  constructor(n) { this.n = n; }
}

// A reference as our log prints it (interp/fuzzing.c, print_ref).
function refText(v) {
  if (v === null || v === undefined) return 'null';
  if (v instanceof HostRef) return `externref(${v.n})`;
  if (v instanceof Error) return 'jserror';
  if (typeof v === 'number') return `i31ref(${v})`;
  if (typeof v === 'function') return 'function';
  return 'object(null)';
}

// A value of type t (as type reflection names it) as our log prints it.
function valueText(t, v, halves) {
  switch (t) {
    case 'i32': return String(v);
    case 'i64':
      return halves ? `${BigInt.asIntN(32, v)} ${BigInt.asIntN(32, v >> 32n)}` : String(v);
    case 'f32': case 'f64': return floatText(v);
    default: return refText(v);
  }
}

// Whether JS cannot pass or take a value of type t: v128, and references
// to exceptions and continuations.
function opaque(t) {
  return typeof t === 'string' && /v128|exn|cont/.test(t);
}

// Whether JS can make the default of a parameter of type t: null for a
// nullable reference; a non-nullable one has none.
function defaultOf(t) {
  switch (t) {
    case 'i32': case 'f32': case 'f64': return 0;
    case 'i64': return 0n;
    default: return null;
  }
}

function nullable(t) {
  return typeof t !== 'string' || !/^\(?ref [^n]/.test(t) || /ref null/.test(t);
}

const bytes = fs.readFileSync(process.argv[2]);
let mod;
try {
  mod = new WebAssembly.Module(bytes);
} catch (e) {
  print(`[compile error: ${e.message}]`);
  process.exit(3);
}

const wasmTag = new WebAssembly.Tag({ parameters: ['i32'] });
const jsTag = WebAssembly.JSTag;
let exps = null;

// A JS exception, as the harness throws one.
function jsError() {
  return new Error('jserror');
}

// Calls a function as JS calls it: nulls for its parameters (JS converts
// them, or throws a TypeError the Wasm caller sees as a JS exception).
function callAsJS(f) {
  if (typeof f !== 'function') throw jsError();
  return f(...new Array(f.length).fill(null));
}

// The export at an index of the exports, in order.
function exportAt(i) {
  if (!exps) return undefined;   // during the start function there are none yet
  const names = Object.keys(exps);
  return i >>> 0 < names.length ? exps[names[i >>> 0]] : undefined;
}

// Whether a call threw: 1, or 0 if it returned.
function catching(thunk) {
  try {
    thunk();
    return 0;
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) throw e;
    return 1;
  }
}

// An index into a table as its JS API takes it: a BigInt for a table64.
function tableIndex(t, i) {
  const type = typeof t.type === 'function' ? t.type() : {};
  return type.address === 'i64' || type.index === 'i64' ? BigInt(i >>> 0) : i >>> 0;
}

// The host function that an import of fuzzing-support names.
function hostFunc(name, type) {
  const logger = (what) => (...args) => {
    const ps = type.parameters;
    print(`[LoggingExternalInterface ${what}` +
          args.map((a, i) => ' ' + valueText(ps[i], a, true)).join('') + ']');
    return type.results.length ? args[0] : undefined;
  };
  const table = () => exps && exps.table;
  switch (name) {
    case 'log-branch': return logger('log-branch');
    case 'throw': return (which) => {
      throw which === 0 ? jsError() : new WebAssembly.Exception(wasmTag, [which]);
    };
    case 'table-get': return (i) => {
      const t = table();
      if (!t || i >>> 0 >= Number(t.length)) throw jsError();
      return t.get(tableIndex(t, i));
    };
    case 'table-set': return (i, v) => {
      const t = table();
      if (!t || i >>> 0 >= Number(t.length)) throw jsError();
      t.set(tableIndex(t, i), v);
    };
    case 'call-export': return (i) => { callAsJS(exportAt(i)); };
    case 'call-export-catch': return (i) => catching(() => callAsJS(exportAt(i)));
    case 'call-ref': return (f) => { callAsJS(f); };
    case 'call-ref-catch': return (f) => catching(() => callAsJS(f));
    case 'sleep': return (ms, id) => id;
    default: return name.startsWith('log') ? logger('logging') : undefined;
  }
}

// The payload of an imported externref global, as interp/fuzzing.c makes it.
function globalPayload(mod, name) {
  let sum = 0;
  for (const c of Buffer.from(mod + name)) sum = (sum + c) % 251;
  return sum;
}

const imports = {};
for (const im of WebAssembly.Module.imports(mod)) {
  imports[im.module] = imports[im.module] || {};
  let v;
  if (im.kind === 'function' && im.module === 'fuzzing-support') v = hostFunc(im.name, im.type);
  else if (im.kind === 'tag' && im.module === 'fuzzing-support')
    v = im.name === 'wasmtag' ? wasmTag : im.name === 'jstag' ? jsTag : undefined;
  else if (im.kind === 'global')   // an immutable externref, passed as the value itself
    v = new HostRef(globalPayload(im.module, im.name));
  if (v !== undefined) imports[im.module][im.name] = v;
}

// How a failed call ends its part of the log.
function failure(e) {
  if (e instanceof WebAssembly.Exception) {
    if (e.is(wasmTag)) return `[exception thrown: imported-wasm-tag ${e.getArg(wasmTag, 0)}]`;
    return '[exception thrown: tag]';
  }
  if (e instanceof WebAssembly.RuntimeError) return `[trap ${e.message}]`;
  if (e instanceof RangeError && /call stack/.test(e.message)) return '[host limit stack limit]';
  if (e instanceof Error && e.constructor.name === 'SuspendError') return '[exception thrown: unhandled suspend]';
  return '[exception thrown: imported-js-tag jserror]';
}

let instance;
try {
  instance = new WebAssembly.Instance(mod, imports);
} catch (e) {
  if (e instanceof WebAssembly.LinkError) {
    print(`[link error: ${e.message}]`);
    process.exit(5);
  }
  if (e instanceof TypeError) {   // the start function passed JS what it cannot take (a v128)
    print('[not callable from JS]');
    process.exit(0);
  }
  print(failure(e));
  process.exit(6);
}
exps = instance.exports;

// Each export in order: a global's value, a function's results or failure.
for (const x of WebAssembly.Module.exports(mod)) {
  if (x.kind !== 'function' && x.kind !== 'global') continue;
  print(`[fuzz-exec] export ${x.name}`);
  const v = exps[x.name];
  if (x.kind === 'global') {
    print(opaque(x.type.value) ? '[result not representable in JS]'
                               : `[LoggingExternalInterface logging ${valueText(x.type.value, v.value, false)}]`);
    continue;
  }
  const ps = x.type.parameters, rs = x.type.results;
  if (ps.some((t) => opaque(t) || !nullable(t))) {
    print('[not callable from JS]');
    continue;
  }
  let r;
  try {
    r = v(...ps.map(defaultOf));
  } catch (e) {
    print(rs.some(opaque) && e instanceof TypeError ? '[result not representable in JS]' : failure(e));
    continue;
  }
  if (rs.length === 0) continue;
  const vs = rs.length === 1 ? [r] : r;
  print(`[fuzz-exec] note result: ${x.name} => ${valueText(rs[0], vs[0], false)}`);
  for (let i = 1; i < rs.length; i++) print(valueText(rs[i], vs[i], false));
}
