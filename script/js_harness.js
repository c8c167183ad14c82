// The harness of a script converted by `wasmfx-ref script.wast -o script.js`.
// It runs the script's commands on the engine's WebAssembly JavaScript API,
// in Node or in a bare engine shell (d8, jsc, js), counts the assertions, and
// ends with the line `N passed, N failed` (and `, N skipped` if any were).
// The exit status is 0 if nothing failed, 1 otherwise.
//
// The converter writes, before this text, `const SPECTEST = "…";` (the
// bytes of the spectest module), and after it one call per command:
//   load(loc, id, bytes)            a module: define and instantiate it
//   define(loc, id, bytes)          (module definition …)
//   instantiate(loc, id, def)       (module instance …)
//   register(loc, name, id)
//   perform(loc, action)            a bare (invoke …) or (get …)
//   assert_return(loc, action, patterns), assert_trap(loc, action, msg), …
// and finally finish(); before the first command that uses a wrapper
// module, `const Wn = "…";` defines it.  Module bytes are strings of char
// codes 0–255.
// An action is a function made by invoke(), wrapped() or get(); it returns
// the results normalised (below), or throws what the engine threw.

// ---- The shell: printing and the exit status

const shell = (() => {
  const g = globalThis;
  const out = typeof g.print === 'function' && typeof g.process !== 'object'
    ? (s) => g.print(s) : (s) => g.console.log(s);
  const exit = (status) => {
    if (typeof g.process === 'object' && g.process && 'exitCode' in g.process) g.process.exitCode = status;
    else if (typeof g.quit === 'function') g.quit(status);
    else if (status) throw new Error('script failed');
  };
  return {out, exit};
})();

let passed = 0, failed = 0, skipped = 0;

function fail(loc, msg) {
  failed++;
  shell.out(loc + ': ' + msg);
}

function skip(loc, why) {
  skipped++;
  shell.out(loc + ': skipped: ' + why);
}

function finish() {
  shell.out(passed + ' passed, ' + failed + ' failed' + (skipped ? ', ' + skipped + ' skipped' : ''));
  shell.exit(failed ? 1 : 0);
}

// A command the script cannot carry out (an unknown module or export):
// not an outcome of the engine.
class ScriptError extends Error {}

// ---- Values crossing the boundary

function bytes(s) {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

// (ref.host n) and (ref.extern n): one JS object per n, so identity holds.
const hostrefs = new Map();
function hostref(n) {
  if (!hostrefs.has(n)) hostrefs.set(n, {hostref: n});
  return hostrefs.get(n);
}

// A result, normalised: {k: 'i32'|'i64'|'f32'|'f64', bits} with the bits
// unsigned (a Number up to 32 bits, a BigInt for 64), {k: 'v128', lo, hi},
// or {k: 'ref', h: hierarchy, flags, val}: flags bit 0 = non-null, then eq,
// i31, struct, array; val is the reference itself where JS can hold it.
const REF_NONNULL = 1, REF_EQ = 2, REF_I31 = 4, REF_STRUCT = 8, REF_ARRAY = 16;
const HIERARCHIES = ['any', 'func', 'extern', 'exn', 'cont'];

// Results of a direct call: only i32, i64, func and extern cross as is.
function from_call(kinds, r) {
  const vs = kinds.length === 0 ? [] : kinds.length === 1 ? [r] : Array.from(r);
  return kinds.map((k, i) => {
    const v = vs[i];
    if (k === 'i32') return {k, bits: v >>> 0};
    if (k === 'i64') return {k, bits: BigInt.asUintN(64, v)};
    return {k: 'ref', h: k, flags: v === null ? 0 : REF_NONNULL, val: v};
  });
}

// Results of a wrapper module's `run`: f32/f64 as their bits, v128 as two
// i64 halves, a reference as an i32 of flags and an externref.
function from_wrapper(kinds, r) {
  const n = kinds.reduce((n, k) => n + (k === 'v128' || HIERARCHIES.includes(k) ? 2 : 1), 0);
  const vs = n === 0 ? [] : n === 1 ? [r] : Array.from(r);
  let j = 0;
  return kinds.map((k) => {
    const v = vs[j++];
    if (k === 'i32' || k === 'f32') return {k, bits: v >>> 0};
    if (k === 'i64' || k === 'f64') return {k, bits: BigInt.asUintN(64, v)};
    if (k === 'v128') return {k, lo: BigInt.asUintN(64, v), hi: BigInt.asUintN(64, vs[j++])};
    return {k: 'ref', h: k, flags: v, val: vs[j++]};
  });
}

// ---- Modules, instances and the registry

const registry = new Map();     // register "name": an instance's exports
const definitions = new Map();  // (module definition $id …); '' is the latest unnamed
const instances = new Map();    // module $id, module instance $id
let current = null;             // the most recent instance

// The import object a module asks for: each module name it imports from
// is looked up in the registry; a name nobody registered gives an empty
// object, so what is missing is a LinkError, as the script format says.
function imports_of(mod) {
  const obj = {};
  for (const im of WebAssembly.Module.imports(mod))
    if (!(im.module in obj)) obj[im.module] = registry.get(im.module) || {};
  return obj;
}

function compile(src) {
  return new WebAssembly.Module(bytes(src));
}

function what(e) {
  if (e instanceof ScriptError) return 'error: ' + e.message;
  if (e instanceof WebAssembly.Exception) return 'exception';
  return outcome(e) + ': ' + (e && e.message !== undefined ? e.message : String(e));
}

// Instantiates the module that module_of() gives with its imports, as the
// current instance and instance id; a failure of either fails the command,
// reported as `kind`.  What a module and a (module instance …) share.
function instantiate_as(loc, id, kind, module_of) {
  let inst;
  try {
    const mod = module_of();
    inst = new WebAssembly.Instance(mod, imports_of(mod));
  } catch (e) {
    return fail(loc, kind + ': ' + what(e));
  }
  current = inst;
  if (id !== null) instances.set(id, inst);
}

function load(loc, id, src) {
  return instantiate_as(loc, id, 'module', () => compile(src));
}

function define(loc, id, src) {
  try {
    definitions.set(id === null ? '' : id, compile(src));
  } catch (e) {
    fail(loc, 'module definition: ' + what(e));
  }
}

function definition_of(id) {
  const key = id === null ? '' : id;
  if (!definitions.has(key)) throw new ScriptError('unknown module definition' + (id === null ? '' : ' $' + id));
  return definitions.get(key);
}

function instantiate(loc, id, def) {
  return instantiate_as(loc, id, 'module instance', () => definition_of(def));
}

function instance_of(id) {
  const inst = id === null ? current : instances.get(id);
  if (!inst) throw new ScriptError(id === null ? 'no module instance to use' : 'unknown module $' + id);
  return inst;
}

function register(loc, name, id) {
  try {
    registry.set(name, instance_of(id).exports);
  } catch (e) {
    fail(loc, 'register: ' + what(e));
  }
}

// ---- Actions

function export_of(id, name) {
  const x = instance_of(id).exports[name];
  if (x === undefined) throw new ScriptError('unknown export "' + name + '"');
  return x;
}

// (invoke $id? name const*) called straight from JS: every parameter and
// result is an i32, i64, funcref or externref.
function invoke(id, name, args, kinds) {
  return () => {
    const f = export_of(id, name);
    if (typeof f !== 'function') throw new ScriptError('export "' + name + '" is not a function');
    return from_call(kinds, f(...args));
  };
}

// (get $id? name) of a global JS can read.
function get(id, name, kinds) {
  return () => {
    const g = export_of(id, name);
    if (!(g instanceof WebAssembly.Global)) throw new ScriptError('export "' + name + '" is not a global');
    return from_call(kinds, g.value);
  };
}

// An action through a wrapper module (made by the converter for this
// export, W0, W1, …): it imports the export as s.f, with the subject
// module's types so that the import type-checks, and its `run` takes the
// arguments and returns the results in forms JS can hold (f32 and f64 as
// bits, v128 as two i64 halves, any references as externrefs).  Each
// wrapper is compiled once, and instantiated once per export.
const wrapper_modules = new Map();   // wrapper bytes → WebAssembly.Module
const wrapper_runs = new WeakMap();  // export → Map(wrapper bytes → run)
function wrapped(src, id, name, args, kinds) {
  return () => {
    const x = export_of(id, name);
    if (!wrapper_runs.has(x)) wrapper_runs.set(x, new Map());
    const runs = wrapper_runs.get(x);
    if (!runs.has(src)) {
      if (!wrapper_modules.has(src)) wrapper_modules.set(src, compile(src));
      runs.set(src, new WebAssembly.Instance(wrapper_modules.get(src), {s: {f: x}}).exports.run);
    }
    return from_wrapper(kinds, runs.get(src)(...args));
  };
}

// An action the converter could not build, and why: the script names an
// unknown module or export, or passes arguments of the wrong types.
function broken(why, name) {
  return () => { throw new ScriptError(why + ' (' + name + ')'); };
}

// What an engine's exception means in the script's terms.
function outcome(e) {
  if (e instanceof ScriptError) return 'script error';
  if (typeof WebAssembly.SuspendError === 'function' && e instanceof WebAssembly.SuspendError) return 'suspension';
  if (e instanceof WebAssembly.RuntimeError) return 'trap';
  if (e instanceof WebAssembly.Exception) return 'exception';
  if (e instanceof WebAssembly.LinkError) return 'unlinkable';
  if (e instanceof WebAssembly.CompileError) return 'malformed or invalid';
  // Call stack overflow: RangeError in V8 and JavaScriptCore,
  // InternalError ("too much recursion") in SpiderMonkey.
  if (e instanceof RangeError || (e && e.name === 'InternalError')) return 'exhaustion';
  return 'uncaught ' + (e && e.name ? e.name : 'error');
}

function perform(loc, action) {
  try {
    action();
  } catch (e) {
    fail(loc, what(e));
  }
}

// ---- Result patterns
// A pattern is [kind, …] as the converter writes it: ['i32', bits],
// ['f32', 'nan:canonical'], ['v128', shape, [lane patterns]],
// ['ref.null', hierarchy?], ['ref.extern', n?], ['ref.host', n],
// ['ref.func'], ['ref.eq'] and the other heap types, ['ref'],
// ['either', [patterns]].

const SHAPES = {i8x16: [16, 8, 'i32'], i16x8: [8, 16, 'i32'], i32x4: [4, 32, 'i32'],
  i64x2: [2, 64, 'i64'], f32x4: [4, 32, 'f32'], f64x2: [2, 64, 'f64']};

function lanes(shape, v) {
  const [n, width] = SHAPES[shape];
  const all = v.lo | (v.hi << 64n), mask = (1n << BigInt(width)) - 1n;
  const ls = [];
  for (let i = 0; i < n; i++) {
    const lane = (all >> BigInt(i * width)) & mask;
    ls.push(width === 64 ? lane : Number(lane));
  }
  return ls;
}

// num_pat against bits of a number type
function num_matches(k, p, bits) {
  const wide = k === 'i64' || k === 'f64';
  if (p === 'nan:canonical')
    return wide ? (bits & 0x7fffffffffffffffn) === 0x7ff8000000000000n : (bits & 0x7fffffff) === 0x7fc00000;
  if (p === 'nan:arithmetic')
    return wide ? (bits & 0x7ff8000000000000n) === 0x7ff8000000000000n : ((bits & 0x7fc00000) >>> 0) === 0x7fc00000;
  return bits === p;
}

const HEAP_FLAGS = {eq: REF_EQ, i31: REF_I31, struct: REF_STRUCT, array: REF_ARRAY};

function matches(p, v) {
  const nonnull = v.k === 'ref' && (v.flags & REF_NONNULL) !== 0;
  switch (p[0]) {
    case 'i32': case 'i64': case 'f32': case 'f64':
      return v.k === p[0] && num_matches(p[0], p[1], v.bits);
    case 'v128': {
      if (v.k !== 'v128') return false;
      const k = SHAPES[p[1]][2];
      return lanes(p[1], v).every((bits, i) => num_matches(k, p[2][i], bits));
    }
    case 'either': return p[1].some((q) => matches(q, v));
    case 'ref': return nonnull;
    case 'ref.null': return v.k === 'ref' && !nonnull && (p[1] === undefined || p[1] === v.h);
    case 'ref.func': return nonnull && v.h === 'func';
    case 'ref.extern': return nonnull && v.h === 'extern' && (p[1] === undefined || v.val === hostref(p[1]));
    case 'ref.host': return nonnull && v.h === 'any' && v.val === hostref(p[1]);
    default: {
      const heap = p[0].slice(4);
      if (heap in HEAP_FLAGS) return v.k === 'ref' && v.h === 'any' && (v.flags & HEAP_FLAGS[heap]) !== 0;
      return nonnull && v.h === heap;   // any, func, extern, exn, cont; never a bottom type
    }
  }
}

function hex(bits, digits) {
  return '0x' + bits.toString(16).padStart(digits, '0');
}

function show_num(k, bits) {
  if (typeof bits === 'string') return bits;
  if (k === 'i32') return String(bits | 0);
  if (k === 'i64') return String(BigInt.asIntN(64, bits));
  const dv = new DataView(new ArrayBuffer(8));
  if (k === 'f32') dv.setUint32(0, bits);
  else dv.setBigUint64(0, bits);
  const x = k === 'f32' ? dv.getFloat32(0) : dv.getFloat64(0);
  if (!Number.isNaN(x)) return Object.is(x, -0) ? '-0' : String(x);
  const payload = k === 'f32' ? bits & 0x7fffff : bits & 0xfffffffffffffn;
  return (dv.getUint8(0) & 0x80 ? '-' : '') + 'nan:0x' + payload.toString(16);
}

function show_pattern(p) {
  switch (p[0]) {
    case 'i32': case 'i64': case 'f32': case 'f64': return '(' + p[0] + '.const ' + show_num(p[0], p[1]) + ')';
    case 'v128': return '(v128.const ' + p[1] + ' ' + p[2].map((l) => show_num(SHAPES[p[1]][2], l)).join(' ') + ')';
    case 'either': return '(either ' + p[1].map(show_pattern).join(' ') + ')';
    case 'ref.null': return '(ref.null' + (p[1] === undefined ? '' : ' ' + p[1]) + ')';
    default: return '(' + p[0] + (p[1] === undefined ? '' : ' ' + p[1]) + ')';
  }
}

// A value as the script writes it; a v128 in the shape of its pattern p.
function show_value(v, p) {
  if (v.k === 'v128') {
    const shape = p && p[0] === 'v128' ? p[1] : 'i32x4';
    return '(v128.const ' + shape + ' ' + lanes(shape, v).map((l) => show_num(SHAPES[shape][2], l)).join(' ') + ')';
  }
  if (v.k !== 'ref') return '(' + v.k + '.const ' + show_num(v.k, v.bits) + ')';
  if (!(v.flags & REF_NONNULL)) return '(ref.null ' + v.h + ')';
  for (const heap of ['i31', 'struct', 'array', 'eq'])
    if (v.flags & HEAP_FLAGS[heap]) return '(ref.' + heap + ')';
  if (v.val && typeof v.val === 'object' && 'hostref' in v.val)
    return '(ref.' + (v.h === 'extern' ? 'extern ' : 'host ') + v.val.hostref + ')';
  return '(ref.' + v.h + ')';
}

function show_values(vs, patterns) {
  return vs.length ? vs.map((v, i) => show_value(v, patterns && patterns[i])).join(' ') : 'no values';
}

// ---- Assertions

function assert_return(loc, action, patterns) {
  let vs;
  try {
    vs = action();
  } catch (e) {
    return fail(loc, 'assertion failure: expected ' + (patterns.map(show_pattern).join(' ') || 'no values') + ', got ' + what(e));
  }
  if (vs.length === patterns.length && patterns.every((p, i) => matches(p, vs[i]))) return passed++;
  fail(loc, 'assertion failure: expected ' + (patterns.map(show_pattern).join(' ') || 'no values') + ', got ' + show_values(vs, patterns));
}

// An action that must fail with an outcome; the engine's messages are its
// own, so only the kind of failure is compared.
function assert_failure(loc, action, expected, msg) {
  let vs;
  try {
    vs = action();
  } catch (e) {
    if (outcome(e) === expected) return passed++;
    return fail(loc, 'assertion failure: expected ' + expected + ' "' + msg + '", got ' + what(e));
  }
  fail(loc, 'assertion failure: expected ' + expected + ' "' + msg + '", got ' + show_values(vs));
}

function assert_trap(loc, action, msg) { assert_failure(loc, action, 'trap', msg); }
function assert_exhaustion(loc, action, msg) { assert_failure(loc, action, 'exhaustion', msg); }
function assert_exception(loc, action) { assert_failure(loc, action, 'exception', ''); }
function assert_suspension(loc, action, msg) { assert_failure(loc, action, 'suspension', msg); }

// assert_unlinkable and assert_trap of a module: `m` is {src} for a module
// given in the assertion, {def} for (module instance $id? $def?).
function assert_instantiation(loc, m, expected, msg) {
  let mod;
  try {
    mod = m.src !== undefined ? compile(m.src) : definition_of(m.def);
  } catch (e) {
    return fail(loc, 'assertion failure: expected ' + expected + ' "' + msg + '", got ' + what(e));
  }
  try {
    new WebAssembly.Instance(mod, imports_of(mod));
  } catch (e) {
    if (outcome(e) === expected) return passed++;
    return fail(loc, 'assertion failure: expected ' + expected + ' "' + msg + '", got ' + what(e));
  }
  fail(loc, 'assertion failure: module instantiated, expected ' + expected + ' "' + msg + '"');
}

function assert_unlinkable(loc, m, msg) { assert_instantiation(loc, m, 'unlinkable', msg); }
function assert_trap_module(loc, m, msg) { assert_instantiation(loc, m, 'trap', msg); }

// assert_malformed and assert_invalid: the engine must refuse to compile.
// (It cannot say which of the two; both are a CompileError.)
function assert_compile_error(loc, src, expected, msg) {
  try {
    compile(src);
  } catch (e) {
    if (e instanceof WebAssembly.CompileError) return passed++;
    return fail(loc, 'assertion failure: expected ' + expected + ' "' + msg + '", got ' + what(e));
  }
  fail(loc, 'assertion failure: module compiled, expected ' + expected + ' "' + msg + '"');
}

function assert_malformed(loc, src, msg) { assert_compile_error(loc, src, 'malformed', msg); }
function assert_invalid(loc, src, msg) { assert_compile_error(loc, src, 'invalid', msg); }

// ---- The spectest module (in Wasm, so its imports type-check), its
// print functions printing each argument as `value : type`

const show_arg = (t) => (x) => shell.out(String(x) + ' : ' + t);
const spectest_prints = {
  print: () => {},
  print_i32: show_arg('i32'), print_i64: show_arg('i64'), print_f32: show_arg('f32'), print_f64: show_arg('f64'),
  print_i32_f32: (a, b) => { show_arg('i32')(a); show_arg('f32')(b); },
  print_f64_f64: (a, b) => { show_arg('f64')(a); show_arg('f64')(b); },
};
registry.set('spectest', new WebAssembly.Instance(compile(SPECTEST), {h: spectest_prints}).exports);
