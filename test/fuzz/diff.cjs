// The differential harness: modules from our generator (`--generate`) and
// from Binaryen's (`wasm-opt -ttf`), each run by wasmfx-ref, by V8 (Node 26,
// through v8.cjs) and by Binaryen's interpreter (`wasm-opt --fuzz-exec`),
// and every engine's log compared with ours.  Run it through diff.sh, which
// finds the tools and says what is missing.  Usage: see usage() below.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const here = __dirname;

function usage() {
  process.stderr.write(`usage: diff.sh [--gen N [FIRST]] [--ttf N [SEED]] [--invalid N [FIRST]] [--out DIR] [--jobs J]
                [--engines v8,binaryen] [--reduce] [--size N]
       diff.sh --check ENGINE FILE.wasm     (one module: its class against ENGINE)
       diff.sh --reduce-one DIR ENGINE      (minimise DIR/m.wasm, as --reduce does)
       diff.sh --summary DIR                (the counts of a run again, from DIR/results.txt)

  --gen N [FIRST]   N generated modules, seeds FIRST (1) to FIRST+N-1
  --ttf N [SEED]    N modules of wasm-opt -ttf, from random bytes of SEED (1)
  --invalid N [FIRST]  N modules of --generate --invalid (one type error each:
                    an engine that accepts one is wrong), seeds FIRST (1) on
  --size N          the generator's --size (10)
  --out DIR         keep each module that differs, with the logs, in DIR
                    (default: fuzz-diff-out), and write DIR/results.txt
  --jobs J          modules run at once (2)
  --engines LIST    the engines to compare with (v8,binaryen)
  --reduce          minimise the first module of each distinct difference,
                    into DIR/ID/reduced-ENGINE.wat and .wasm
Environment: WASMFX_REF (./wasmfx-ref), NODE26 (a Node 26 for V8), WASM_OPT,
DIFF_TIMEOUT (seconds an engine may take on one module: 60).
`);
  process.exit(2);
}

// ================================================================ Tools

const tool = {
  ref: process.env.WASMFX_REF || './wasmfx-ref',
  node26: process.env.NODE26,
  wasmOpt: process.env.WASM_OPT,
};
let timeout = Number(process.env.DIFF_TIMEOUT || 60);
const maxOutput = 16 << 20;   // bytes of a log: more is a runaway, stopped as a timeout is

// The features of Wasm 3.0 and stack switching, as Binaryen names them,
// with exceptions as exnref.
const features = ['-all', '--disable-threads', '--disable-strings', '--disable-shared-everything',
  '--disable-fp16', '--disable-custom-descriptors', '--disable-multibyte',
  '--disable-acquire-release-atomics', '--disable-custom-page-sizes', '--disable-wide-arithmetic',
  '--disable-compact-imports', '--disable-relaxed-atomics'];

// How to run a Binaryen tool: the npm package's are JavaScript (a 10 MB
// script with Binaryen compiled to Wasm), which a Node with a compile cache
// and without tiering up (--liftoff-only) starts in half the CPU time.
function binaryen(tool, args) {
  const head = fs.readFileSync(fs.realpathSync(tool)).subarray(0, 64).toString();
  if (!/^#!.*node/.test(head) || !tool26()) return [tool, args];
  return [tool26(), ['--liftoff-only', fs.realpathSync(tool), ...args]];
}

function tool26() {
  return tool.node26;
}
process.env.NODE_COMPILE_CACHE = process.env.NODE_COMPILE_CACHE || path.join(os.tmpdir(), 'fuzz-diff-node-cache');

// What -ttf may use: relaxed SIMD's results are the implementation's
// choice (relaxed_laneselect, relaxed_madd: an engine may differ from the
// deterministic profile and be right), so its modules leave it out.
const ttfFeatures = [...features, '--disable-relaxed-simd'];

// Runs a command; resolves to {status, signal, out, err, timedOut}.  Its
// stderr goes to a file: Node, dying, loses what it had still to write to a
// pipe (Binaryen's RangeError, after Node quoted a 10 MB line of its script),
// and err keeps the head of it and the short lines that say why it died.
function run(cmd, args, opts = {}, seconds = timeout) {
  return new Promise((resolve) => {
    const errFile = path.join(os.tmpdir(), `fuzz-diff-err-${process.pid}-${runs++}`);
    const errFd = fs.openSync(errFile, 'w');
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', errFd], ...opts });
    fs.closeSync(errFd);
    const out = [];
    let timedOut = false, size = 0;
    const timer = setTimeout(() => { timedOut = true; p.kill('SIGKILL'); }, seconds * 1000);
    p.stdout.on('data', (d) => {
      size += d.length;
      if (size <= maxOutput) out.push(d);
      else if (!timedOut) { timedOut = true; p.kill('SIGKILL'); }
    });
    const done = (status, signal) => {
      clearTimeout(timer);
      const err = fs.readFileSync(errFile).toString();
      fs.rmSync(errFile, { force: true });
      const notable = err.split('\n').filter((l) => l.length < 500 &&
        /Error|Fatal|Check failed|UNREACHABLE|unimplemented|Abort|corrupted/.test(l)).slice(0, 64);
      resolve({ status, signal, timedOut, out: Buffer.concat(out).toString(),
                err: `${err.slice(0, 65536)}\n${notable.join('\n')}` });
    };
    p.on('close', done);
    p.on('error', (e) => { clearTimeout(timer); fs.rmSync(errFile, { force: true }); resolve({ status: 127, err: e.message, out: '' }); });
  });
}
let runs = 0;

// ================================================================ Engines

// What an engine did with a module: {verdict: 'ran' | 'rejected' |
// 'unlinkable' | 'crash' | 'timeout', log: lines, why: a message}.
async function runOurs(file, ttf) {
  const limits = ttf ? ['--max-depth=201', '--timeout=' + timeout] : ['--timeout=' + timeout];
  const r = await run(tool.ref, [...limits, '--run-all-exports', file]);
  const log = r.out.split('\n').filter((l) => l !== '');
  if (r.timedOut) return { verdict: 'timeout', log };
  // why, without the file and offset: the same error in two modules is one difference
  if (r.status === 3 || r.status === 4) return { verdict: 'rejected', log, why: r.err.split('\n')[0].replace(/^.*?: error: /, '') };
  if (r.status === 5) return { verdict: 'unlinkable', log, why: r.err.split('\n')[0] };
  if (r.status !== 0 && r.status !== 6 && r.status !== 7)
    return { verdict: 'crash', log, why: `status ${r.status} ${r.signal || ''}: ${r.err.slice(0, 200)}` };
  return { verdict: 'ran', log };
}

// The first line of an engine's fatal message on stderr, without numbers
// that change from run to run.
function fatalLine(err) {
  const ls = err.split('\n').map((s) => s.replace(/^#\s*/, '').trim())
    .filter((s) => s !== '' && !s.startsWith('var Module='));   // Binaryen's script, quoted by Node
  const at = (re) => ls.findIndex((s) => re.test(s));
  let i;
  if ((i = at(/Check failed|unimplemented code|Debug check/)) >= 0) return ls[i];   // V8
  if ((i = at(/^UNREACHABLE executed/)) >= 0)                                      // Binaryen
    return `${i > 0 ? ls[i - 1] + ': ' : ''}${ls[i].replace(/ at \S*\/src\//, ' at src/')}`;
  if ((i = at(/rejected with the reason "#<CppException>"/)) >= 0) return 'uncaught C++ exception';   // Binaryen
  if ((i = at(/RangeError|Aborted|Error:|Fatal/)) >= 0) return ls[i].slice(0, 200);
  return (ls[0] || '').slice(0, 200);
}

async function runV8(file) {
  const r = await run(tool.node26, ['--experimental-wasm-wasmfx', '--experimental-wasm-type-reflection',
    path.join(here, 'v8.cjs'), file]);
  const log = r.out.split('\n').filter((l) => l !== '');
  if (r.timedOut) return { verdict: 'timeout', log };
  if (r.status === 3) return { verdict: 'rejected', log: [], why: log[0] };
  if (r.status === 5) return { verdict: 'unlinkable', log: [], why: log[0] };
  if (r.status !== 0 && r.status !== 6)
    return { verdict: 'crash', log, why: fatalLine(r.err) || `status ${r.status} ${r.signal || ''}` };
  return { verdict: 'ran', log };
}

async function runBinaryen(file) {
  return binaryenVerdict(await run(...binaryen(tool.wasmOpt, [file, ...features, '--fuzz-exec-before'])));
}

// What wasm-opt --fuzz-exec did (r: how it ran).
function binaryenVerdict(r) {
  const log = r.out.split('\n').filter((l) => l !== '');
  if (r.timedOut) return { verdict: 'timeout', log };
  // Binaryen's reader stops with "Fatal: …" on a module it cannot take
  // (its validator's, or its own IR's types): it rejects the module; the
  // same words once it has started running are a crash
  if (r.status !== 0 && /error validating input|parse exception|^Fatal: /m.test(r.err) && !/^\[fuzz-exec\]/m.test(r.out))
    return { verdict: 'rejected', log: [], why: fatalLine(r.err.replace(/\n.*wasm-validator error.*\n/, '\n')) };
  if (r.status !== 0)
    return { verdict: 'crash', log, why: fatalLine(r.err) || `status ${r.status}` };
  return { verdict: 'ran', log };
}

const engines = { v8: runV8, binaryen: runBinaryen };

// ================================================================ Logs

// Traps by the spec's message: ours are in Binaryen's words (script/direct.c),
// V8's in its own.  Each pattern names the spec's message (core spec,
// Execution; the Explainer for continuations).  Integer overflow of a
// division and of a conversion are one class, as V8 words them alike.
const trapClasses = [
  [/^unreachable/, 'unreachable'],
  [/ by 0$|divide by zero|remainder by zero/, 'integer divide by zero'],
  [/div_s overflow|divide result unrepresentable|trunc[SU]Float|float unrepresentable|integer overflow|invalid conversion/, 'integer overflow or invalid conversion'],
  [/continuation already (executed|consumed)|resumed more than once|already resumed|resuming an invalid continuation/i, 'continuation already consumed'],
  // call_indirect's null entry and wrong type are one class: V8 words both
  // "null function or function signature mismatch"
  [/call_indirect|non-subtype|signature mismatch|uninitialized element|indirect call type mismatch/, 'indirect call failure'],
  [/null ref|null target|dereferencing a null|null (value|function|structure|array|continuation|exception)/i, 'null reference'],
  [/cast error|illegal cast|cast failure/, 'cast failure'],
  [/> memory:|out of bounds|oob|RuntimeTable::set/i, 'out of bounds'],
  [/suspend through JS|unhandled suspend|no handler|SuspendError/i, 'suspension not handled'],
  [/too large|allocation failure/, 'allocation too large'],
];

function trapClass(msg) {
  for (const [re, name] of trapClasses) if (re.test(msg)) return name;
  return msg;
}

// A number as JS prints it, from our log's (Binaryen's) spelling or JS's.
function number(tok) {
  if (/^-?nan/.test(tok)) return 'nan';
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(tok)) return tok;
  const x = Number(tok);
  return Object.is(x, -0) ? '-0' : String(x);
}

// A log line in the form the logs are compared in.
function normalize(line) {
  let m;
  if ((m = /^\[(LoggingExternalInterface \S+)( .*)?\]$/.exec(line)))
    return `[${m[1]}${(m[2] || '').split(' ').map(number).join(' ')}]`;
  if ((m = /^\[fuzz-exec\] note result: (.*) => (.*)$/.exec(line)))
    return `[fuzz-exec] note result: ${m[1]} => ${m[2].split(' ').map(number).join(' ')}`;
  if ((m = /^\[trap (.*)\]$/.exec(line))) return `[trap ${trapClass(m[1])}]`;
  if (/^\[exception thrown: unhandled suspend/.test(line)) return '[trap suspension not handled]';
  if (/^\[exception thrown/.test(line)) return '[exception thrown]';
  if (/^\[host limit/.test(line)) return '[host limit]';
  if (!line.startsWith('[')) return line.split(' ').map(number).join(' ');   // a further result
  return line;
}

// A log as blocks, one per export: {name, lines}; the first holds what
// came before the first export (instantiation).
function blocks(log) {
  const bs = [{ name: '', lines: [] }];
  for (const l of log) {
    const m = /^\[fuzz-exec\] export (.*)$/.exec(l);
    if (m) bs.push({ name: m[1], lines: [] });
    else bs[bs.length - 1].lines.push(normalize(l));
  }
  return bs;
}

// Whether JS could not call an export (v8.cjs says so): V8 checks an
// export's signature before it runs it, so from there on the module's
// state may differ from ours, and nothing more is compared.
function uncallable(lines) {
  return lines.includes('[not callable from JS]') || lines.includes('[result not representable in JS]');
}

// The first place two logs differ: null if they agree, else {at, ours,
// theirs} (a line, or undefined where a log ended), or {limit} if one hit a
// limit of its own there, after which nothing is compared.
function firstDifference(oursLog, theirLog, theirsEnded) {
  const a = blocks(oursLog), b = blocks(theirLog);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= b.length && theirsEnded) return null;
    const name = (a[i] || b[i]).name;
    if (!a[i] || !b[i] || a[i].name !== b[i].name)
      return { at: name, ours: a[i] ? `export ${a[i].name}` : undefined, theirs: b[i] ? `export ${b[i].name}` : undefined };
    if (uncallable(b[i].lines)) return null;
    const x = a[i].lines, y = b[i].lines;
    for (let j = 0; j < Math.max(x.length, y.length); j++) {
      if (x[j] === '[host limit]' || y[j] === '[host limit]') return { limit: true };
      if (j >= y.length && theirsEnded && i === b.length - 1) return null;
      // a v128 passed to a JS import (log-v128): JS throws a TypeError at the
      // call, where Binaryen's harness, which ours follows, logs it; the
      // module may catch it and go on, so the runs part there
      if (/^\[LoggingExternalInterface \S+ i32x4 /.test(x[j])) return null;
      if (x[j] !== y[j]) return { at: name, ours: x[j], theirs: y[j] };
    }
  }
  return null;
}

// ================================================================ Classes

// The class of what an engine did against ours: same, limit (equal up to
// a limit of either), or a difference: validation, crash, timeout, trap,
// result.  With a signature that tells distinct differences apart.
function classify(ours, theirs) {
  if (theirs.verdict === 'timeout' || ours.verdict === 'timeout')
    return { cls: 'timeout', sig: `timeout of ${ours.verdict === 'timeout' ? 'wasmfx-ref' : 'engine'}` };
  if ((ours.verdict === 'rejected') !== (theirs.verdict === 'rejected'))
    return { cls: 'validation', sig: ours.verdict === 'rejected' ? `only wasmfx-ref rejects: ${ours.why}`
                                                                : `only the engine rejects: ${theirs.why}` };
  if (ours.verdict === 'rejected') return { cls: 'same', sig: '' };
  if (ours.verdict === 'crash') return { cls: 'crash', sig: `wasmfx-ref crashed: ${ours.why}` };
  if ((ours.verdict === 'unlinkable') !== (theirs.verdict === 'unlinkable'))
    return { cls: 'result', sig: `only one links: ${ours.why || theirs.why}` };
  const d = firstDifference(ours.log, theirs.log, theirs.verdict === 'crash');
  if (theirs.verdict === 'crash')
    return { cls: 'crash', sig: `engine crashed: ${theirs.why}`, detail: d };
  if (!d) return { cls: 'same', sig: '' };
  if (d.limit) return { cls: 'limit', sig: '' };
  const isTrap = (l) => l && /^\[trap|^\[exception/.test(l);
  if (isTrap(d.ours) || isTrap(d.theirs))
    return { cls: 'trap', sig: `trap: ours ${d.ours || '(nothing)'}, engine ${d.theirs || '(nothing)'}`, detail: d };
  return { cls: 'result', sig: 'result', detail: d };
}

// ================================================================ Modules

// A deterministic byte source (splitmix64) for -ttf's input.
function randomBytes(seed, n) {
  let s = BigInt.asUintN(64, BigInt(seed) * 0x9e3779b97f4a7c15n);
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    s = BigInt.asUintN(64, s + 0x9e3779b97f4a7c15n);
    let z = s;
    z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
    out[i] = Number((z ^ (z >> 31n)) & 0xffn);
  }
  return out;
}

// Makes module `id` ("gen-S" or "ttf-S-I") in dir; false if none was made.
async function makeModule(id, dir, size) {
  const file = path.join(dir, 'm.wasm');
  const [kind, a, b] = id.split('-');
  if (kind === 'invalid') {   // one deliberate type error: every engine must reject it
    const t = await run(tool.ref, ['--generate', a, '--invalid', '--size', String(size)]);   // exits 4: invalid
    fs.writeFileSync(path.join(dir, 'm.wat'), t.out);
    const r = await run(tool.ref, ['-u', '-d', path.join(dir, 'm.wat'), '-o', file]);
    return t.out !== '' && r.status === 0;
  }
  if (kind === 'gen') {
    const r = await run(tool.ref, ['--generate', a, '--size', String(size), '-o', file]);
    const t = await run(tool.ref, ['--generate', a, '--size', String(size)]);   // folded and named, for reduce()
    fs.writeFileSync(path.join(dir, 'm.wat'), t.out);
    return r.status === 0;
  }
  const i = Number(b);
  fs.writeFileSync(path.join(dir, 'in.bin'), randomBytes(Number(a) * 100003 + i, 1000 + (i * 7919) % 15000));
  // One run makes the module and logs it; a second, from the file, only if
  // that log differs from ours (one()).
  const r = await run(...binaryen(tool.wasmOpt, ['-ttf', path.join(dir, 'in.bin'), ...ttfFeatures, '--emit-exnref',
    '--fuzz-exec-before', '-o', file]));
  if (fs.existsSync(file)) return binaryenVerdict(r);
  // its interpreter crashed before it wrote the module: made again, unrun
  await run(...binaryen(tool.wasmOpt, ['-ttf', path.join(dir, 'in.bin'), ...ttfFeatures, '--emit-exnref', '-o', file]));
  return fs.existsSync(file) && {};
}

// Runs one module in every engine: {id, results: {engine: class}}.
async function one(id, opts) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-diff-'));
  const res = { id, results: {} };
  try {
    const made = await makeModule(id, dir, opts.size);
    if (!made) {
      res.nomodule = true;
      return res;
    }
    const file = path.join(dir, 'm.wasm');
    const ours = await runOurs(file, id.startsWith('ttf'));
    let keep = false;
    for (const e of opts.engines) {
      // -ttf's log of the module as it made it, which is not quite the
      // module it wrote (test/fuzz/fuzz-exec.sh says how): taken again from
      // the file if it differs from ours.
      let theirs = e === 'binaryen' && made.verdict ? made : await engines[e](file);
      let c = classify(ours, theirs);
      if (c.cls !== 'same' && theirs === made) c = classify(ours, theirs = await engines[e](file));
      res.results[e] = c;
      if (c.cls !== 'same' && c.cls !== 'limit') {
        keep = true;
        fs.writeFileSync(path.join(dir, `${e}.log`), theirs.log.join('\n') + '\n');
      }
    }
    if (keep && opts.out) {
      const d = path.join(opts.out, id);
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(dir, 'ours.log'), ours.log.join('\n') + '\n');
      for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(d, f));
      fs.writeFileSync(path.join(d, 'classes.json'), JSON.stringify(res.results, null, 1) + '\n');
    }
    return res;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ================================================================ Reduction

// Binaryen's wasm-reduce cannot be used: the npm package's cannot run a
// command (Emscripten's build has no processes: it stops at once with
// "null function or function signature mismatch"), and Debian's predates
// stack switching.  So the reducer is our own, on the module's text: the
// generator writes one construct a line, folded, and our printer one
// instruction a line, so a tree of lists and lines is the module's own
// structure.  It removes what it can while the difference stays the same.

// The text as a tree: {items} for a list, {text} for the atoms of one
// line; strings and comments kept whole.
function parseText(text) {
  const root = { items: [] }, stack = [root];
  let line = null, lineNo = -1, n = 1;
  const atom = (t) => {
    const top = stack[stack.length - 1];
    if (line && lineNo === n && top.items[top.items.length - 1] === line) line.text += ' ' + t;
    else top.items.push(line = { text: t }), lineNo = n;
  };
  const re = /\s+|;;[^\n]*|\(;[\s\S]*?;\)|"(?:[^"\\]|\\.)*"|\(|\)|[^\s()";]+/g;
  let m;
  while ((m = re.exec(text))) {
    const t = m[0];
    if (/^\s/.test(t)) { n += (t.match(/\n/g) || []).length; continue; }
    if (t.startsWith(';;') || t.startsWith('(;')) continue;
    if (t === '(') { const l = { items: [] }; stack[stack.length - 1].items.push(l); stack.push(l); }
    else if (t === ')') { if (stack.length > 1) stack.pop(); }
    else atom(t);
  }
  return root.items[0];
}

// The tree as text: a list on one line if it is short, else its head and
// each item on a line of its own.
function printText(node, indent = '') {
  if (node.text !== undefined) return node.text;
  const parts = node.items.map((c) => printText(c, indent + '  '));
  const flat = `(${parts.join(' ')})`;
  if (flat.length + indent.length <= 100 && !flat.includes('\n')) return flat;
  return `(${parts[0]}\n${parts.slice(1).map((p) => indent + '  ' + p).join('\n')})`;
}

// The class of what engine does with a module against ours, as one line:
// what a reduction must keep.
async function classOf(engine, file) {
  const c = classify(await runOurs(file, false), await engines[engine](file));
  return `${c.cls} ${distinctSig(c.sig)}`;
}

async function check(engine, file) {
  process.stdout.write((await classOf(engine, file)) + '\n');
}

// Minimises module dir/m.wasm while its difference against engine stays
// the same: each list's items, from the module's fields down, are taken
// out in runs of halving length (delta debugging's way: a long body goes
// in a few steps), again while any comes out.  Writes reduced-ENGINE.wat
// and .wasm; at most `budget` candidates are tried.
async function reduce(dir, engine, budget = 1500) {
  const m = path.join(dir, 'm.wasm'), wat = path.join(dir, `t-${engine}.wat`), t = path.join(dir, `t-${engine}.wasm`);
  timeout = Math.min(timeout, 10);   // a candidate that runs away is not the difference
  const want = await classOf(engine, m);
  if (/^same/.test(want)) return false;
  const textFile = path.join(dir, 'm.wat');
  if (!fs.existsSync(textFile)) await run(tool.ref, ['-u', '-d', m, '-o', textFile]);
  const tree = parseText(fs.readFileSync(textFile, 'utf8'));
  let tries = 0;
  const interesting = async () => {
    tries++;
    fs.writeFileSync(wat, printText(tree) + '\n');
    fs.rmSync(t, { force: true });
    const r = await run(tool.ref, ['-u', '-d', wat, '-o', t]);   // -u: an invalid module is a candidate too
    return r.status === 0 && (await classOf(engine, t)) === want;
  };
  for (let changed = true; changed && tries < budget;) {
    changed = false;
    const queue = [tree];
    while (queue.length && tries < budget) {
      const node = queue.shift();
      for (let len = Math.max(1, (node.items.length - 1) >> 1); len >= 1; len >>= 1) {
        for (let i = node.items.length - len; i >= 1 && tries < budget; i -= len) {
          const removed = node.items.splice(i, len);
          if (await interesting()) changed = true;
          else node.items.splice(i, 0, ...removed);
        }
      }
      for (const c of node.items) if (c.items) queue.push(c);
    }
  }
  const out = path.join(dir, `reduced-${engine}`);
  fs.writeFileSync(out + '.wat', printText(tree) + '\n');
  await run(tool.ref, ['-u', '-d', out + '.wat', '-o', out + '.wasm']);
  await writeWast(out, `${path.basename(dir)} against ${engine}: ${want}`);
  process.stdout.write(`  ${tries} candidates; ${fs.statSync(m).size} bytes to ${fs.statSync(out + '.wasm').size}\n`);
  return true;
}

// ================================================================ Reproducers

// A value of our --json as a script's result pattern (doc/json.md).
function pattern(v) {
  if (v.bits !== undefined && /^[if]/.test(v.type)) return `(${v.type}.const ${/^i/.test(v.type) ? v.bits : v.value})`;
  if (v.bytes !== undefined) return `(v128.const i8x16 ${v.bytes.match(/../g).map((b) => '0x' + b).join(' ')})`;
  const refs = { null: '(ref.null)', i31: '(ref.i31)', func: '(ref.func)', struct: '(ref.struct)',
                 array: '(ref.array)', exn: '(ref.exn)', extern: '(ref.extern)', host: `(ref.host ${v.host})` };
  return refs[v.ref] || '(ref)';
}

// The assertion that says what a call or get did, from its --json line.
function assertion(j) {
  const act = `(${j.kind} "${j.name}")`;
  if (j.outcome === 'ok') return `(assert_return ${act}${j.actual.values.map((v) => ' ' + pattern(v)).join('')})`;
  const e = j.actual.error;
  switch (e.phase) {
    case 'trap': return `(assert_trap ${act} "${e.message}")`;
    case 'exception': return `(assert_exception ${act})`;
    case 'suspension': return `(assert_suspension ${act} "${e.message}")`;
    case 'exhaustion': return `(assert_exhaustion ${act} "${e.message}")`;
    default: return `;; ${act}: ${e.phase}: ${e.message}`;
  }
}

// The module of fuzzing-support as a script defines it: each function the
// module imports, doing nothing (its logs are not what is asserted).
function fuzzingStub(shown) {
  const funcs = [];
  for (const m of shown.matchAll(/import "fuzzing-support" "([^"]+)" : func func \[([^\]]*)\] -> \[([^\]]*)\]/g)) {
    const res = m[3].trim() ? ` (result ${m[3]})` : '';
    const body = res ? ' (unreachable)' : '';
    funcs.push(`  (func (export "${m[1]}")${m[2].trim() ? ` (param ${m[2]})` : ''}${res}${body})`);
  }
  return funcs.length ? `(module\n${funcs.join('\n')})\n(register "fuzzing-support")\n` : '';
}

// Writes OUT.wast: the reduced module and, as assertions, what wasmfx-ref
// does with each export, in order.  They are our outcomes: what the spec
// says only once someone has read the rules (doc/engines.md).
async function writeWast(out, what) {
  const shown = (await run(tool.ref, ['-d', '-s', out + '.wasm'])).out;
  const json = (await run(tool.ref, ['--json', '--run-all-exports', out + '.wasm'])).out
    .split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).filter((j) => j.name !== undefined);
  const text = `;; Reduced by test/fuzz/diff.sh, from ${what}\n` +
    ';; The assertions are what wasmfx-ref does: check them against the spec.\n' +
    fuzzingStub(shown) + fs.readFileSync(out + '.wat', 'utf8') + json.map(assertion).join('\n') + '\n';
  fs.writeFileSync(out + '.wast', text);
}

// ================================================================ Main

function parseArgs(argv) {
  const opts = { gen: 0, genFirst: 1, ttf: 0, ttfSeed: 1, invalid: 0, invalidFirst: 1, out: 'fuzz-diff-out', jobs: 2,
                 engines: ['v8', 'binaryen'], reduce: false, size: 10 };
  const num = (i) => { const n = Number(argv[i]); if (!Number.isInteger(n) || n < 0) usage(); return n; };
  const optNum = (i) => (i < argv.length && /^\d+$/.test(argv[i]) ? Number(argv[i]) : null);
  for (let i = 0; i < argv.length; i++) {
    switch (argv[i]) {
      case '--gen': opts.gen = num(++i); if (optNum(i + 1) !== null) opts.genFirst = optNum(++i); break;
      case '--ttf': opts.ttf = num(++i); if (optNum(i + 1) !== null) opts.ttfSeed = optNum(++i); break;
      case '--invalid': opts.invalid = num(++i); if (optNum(i + 1) !== null) opts.invalidFirst = optNum(++i); break;
      case '--out': opts.out = argv[++i]; break;
      case '--jobs': opts.jobs = num(++i) || 1; break;
      case '--size': opts.size = num(++i); break;
      case '--engines': opts.engines = (argv[++i] || '').split(','); break;
      case '--reduce': opts.reduce = true; break;
      default: usage();
    }
  }
  if (opts.engines.some((e) => !engines[e]) || opts.gen + opts.ttf + opts.invalid === 0) usage();
  return opts;
}

async function main() {
  const argv = process.argv.slice(2);
  const flagAt = (flag) => argv.indexOf(flag);
  if (flagAt('--check') >= 0) return check(argv[flagAt('--check') + 1], argv[flagAt('--check') + 2]);
  if (flagAt('--summary') >= 0) {   // again, from a run's results.txt
    const out = argv[flagAt('--summary') + 1];
    const lines = fs.readFileSync(path.join(out, 'results.txt'), 'utf8').split('\n').filter((l) => l);
    return summarize(lines, { out, engines: [...new Set(lines.map((l) => parseLine(l).engine))] });
  }
    if (flagAt('--reduce-one') >= 0) return reduce(argv[flagAt('--reduce-one') + 1], argv[flagAt('--reduce-one') + 2]);
  const opts = parseArgs(argv);
  const ids = [];
  for (let s = 0; s < opts.gen; s++) ids.push(`gen-${opts.genFirst + s}`);
  for (let i = 1; i <= opts.ttf; i++) ids.push(`ttf-${opts.ttfSeed}-${i}`);
  for (let s = 0; s < opts.invalid; s++) ids.push(`invalid-${opts.invalidFirst + s}`);
  fs.mkdirSync(opts.out, { recursive: true });
  const lines = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const r = await one(ids[next++], opts);
      const ls = r.nomodule ? [`${r.id} - nomodule`]
        : opts.engines.map((e) => `${r.id} ${e} ${r.results[e].cls}${r.results[e].sig ? ': ' + r.results[e].sig : ''}`);
      lines.push(...ls);
      fs.appendFileSync(path.join(opts.out, 'results.txt'), ls.join('\n') + '\n');
    }
  };
  fs.writeFileSync(path.join(opts.out, 'results.txt'), '');
  await Promise.all(Array.from({ length: opts.jobs }, worker));
  summarize(lines, opts);
  if (opts.reduce) await reduceDistinct(lines, opts);
}

// A line of results.txt: "ID ENGINE CLASS[: SIGNATURE]".
function parseLine(l) {
  const m = /^(\S+) (\S+) (\w+)(?:: (.*))?$/.exec(l);
  return { id: m[1], engine: m[2], cls: m[3], sig: m[4] };
}

// A signature without the numbers that differ between modules of one
// difference (function indices, offsets, type indices).
function distinctSig(sig) {
  return sig.replace(/found \S+ of type/g, 'found … of type')
    .replace(/expected .*, seeing .* from$/, 'expected T, seeing T\' from')   // Binaryen's IR types
    .replace(/@\+\d+|#\d+|\d+/g, 'N');
}

// Counts by source, engine and class, and the distinct differences.
function summarize(lines, opts) {
  const count = {}, distinct = {};
  for (const l of lines) {
    const { id, engine, cls, sig } = parseLine(l);
    const k = `${id.split('-')[0]} ${engine === '-' ? '' : engine + ' '}${cls}`;
    count[k] = (count[k] || 0) + 1;
    if (sig) {
      const s = `${engine} ${cls}: ${distinctSig(sig)}`;
      (distinct[s] = distinct[s] || []).push(id);
    }
  }
  let text = 'counts (source engine class: modules)\n';
  for (const k of Object.keys(count).sort()) text += `  ${k}: ${count[k]}\n`;
  text += 'distinct differences (modules, first ones)\n';
  for (const s of Object.keys(distinct).sort())
    text += `  ${distinct[s].length} × ${s}\n      ${distinct[s].slice(0, 5).join(' ')}\n`;
  process.stdout.write(text);
  fs.writeFileSync(path.join(opts.out, 'summary.txt'), text);
}

// Reduces the first module of each distinct difference.
async function reduceDistinct(lines, opts) {
  const seen = new Set();
  for (const l of lines) {
    const { id, engine, cls, sig } = parseLine(l);
    const key = `${engine} ${cls}: ${sig && distinctSig(sig)}`;
    if (!sig || seen.has(key)) continue;
    seen.add(key);
    const dir = path.join(opts.out, id);
    const ok = await reduce(dir, engine);
    process.stdout.write(`reduced ${id} (${key}): ${ok ? path.join(dir, `reduced-${engine}.wat`) : 'failed'}\n`);
  }
}

main().catch((e) => { process.stderr.write(`diff: ${e.stack}\n`); process.exit(1); });
