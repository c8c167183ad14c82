'use strict';
// Driver for engines.sh: runs .wast scripts on one engine and reports one
// result per assertion.  Plain Node.js (>= 18), no packages.  See engines.sh
// for the usage, the engines and the environment variables.
//
//   node engines.js ENGINE FILE.wast...
//
// wasmfx-ref reports every failing assertion itself; its report is reformatted,
// and, as it stops at an error outside an assertion, it is run again like the others.
// The other engines stop at the first failing command (or abort the process),
// so the script is split into its top-level commands, and after each failure
// the failing command is blanked out (its text replaced by spaces, so that
// line numbers stay put) and the script is run again, until a run goes
// through.  The commands that depend on a dropped module (actions on its
// instance, modules importing what it registered, ...) are dropped with it
// and counted as failed, with the reason.  An assertion counts as passed only
// if it ran in the final, complete run of the engine.

const fs = require('fs');
const os = require('os');
const path = require('path');
const cp = require('child_process');

const TOOLS = {
  'wasmfx-ref': process.env.WASMFX_REF || 'wasmfx-ref',
  'reference': process.env.WASM_REF || 'wasm',
  'v8': process.env.NODE26 || 'node',
  'binaryen': process.env.WASM_SHELL || 'wasm-shell',
};
const TIMEOUT = 1000 * (Number(process.env.ENGINES_TIMEOUT) || 300);
const VERBOSE = !!process.env.ENGINES_VERBOSE;
const KEEP = !!process.env.ENGINES_KEEP;
const V8_FLAGS = (process.env.V8_FLAGS || '--experimental-wasm-wasmfx')
  .split(/\s+/).filter(Boolean);

function verbose(s) { if (VERBOSE) process.stderr.write('[engines] ' + s + '\n'); }

// ---------------------------------------------------------------------------
// Splitting a .wast script into top-level commands

// Tokens: '(' ')' strings atoms; comments and whitespace skipped.
function tokenize(text) {
  const toks = [];
  let i = 0, line = 1;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\n') { line++; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === ';' && text[i + 1] === ';') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '(' && text[i + 1] === ';') {
      let depth = 1; i += 2;
      while (i < n && depth > 0) {
        if (text[i] === '(' && text[i + 1] === ';') { depth++; i += 2; }
        else if (text[i] === ';' && text[i + 1] === ')') { depth--; i += 2; }
        else { if (text[i] === '\n') line++; i++; }
      }
      if (depth > 0) throw new Error(`line ${line}: unterminated block comment`);
      continue;
    }
    if (c === '(' || c === ')') { toks.push({t: c, pos: i, line}); i++; continue; }
    if (c === '"') {
      const start = i, sline = line;
      let val = '';
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\n') line++;
        if (text[i] === '\\') { val += text[i] + text[i + 1]; i += 2; }
        else { val += text[i]; i++; }
      }
      if (i >= n) throw new Error(`line ${sline}: unterminated string`);
      i++;
      toks.push({t: 'str', v: val, pos: start, end: i, line: sline});
      continue;
    }
    const start = i;
    while (i < n && !/[\s()";]/.test(text[i])) i++;
    if (i === start) { i++; continue; }  // stray ';'
    toks.push({t: 'atom', v: text.slice(start, i), pos: start, end: i, line});
  }
  return toks;
}

// Parse tokens into trees: {list:[...], pos, end, line, endLine} or a token.
function parseTrees(toks) {
  const top = [];
  const stack = [];
  for (const tk of toks) {
    if (tk.t === '(') {
      const node = {list: [], pos: tk.pos, line: tk.line};
      if (stack.length) stack[stack.length - 1].list.push(node); else top.push(node);
      stack.push(node);
    } else if (tk.t === ')') {
      const node = stack.pop();
      if (!node) throw new Error(`line ${tk.line}: unbalanced ')'`);
      node.end = tk.pos + 1; node.endLine = tk.line;
    } else {
      if (!stack.length) throw new Error(`line ${tk.line}: stray token ${tk.v}`);
      stack[stack.length - 1].list.push(tk);
    }
  }
  if (stack.length) throw new Error(`line ${stack[stack.length - 1].line}: unclosed '('`);
  return top;
}

const atom = (x) => (x && x.t === 'atom') ? x.v : undefined;
const isId = (x) => atom(x) !== undefined && x.v[0] === '$';

// Every (import "mod" ...) inside a tree.
function importsOf(tree, out = new Set()) {
  if (!tree.list) return out;
  if (atom(tree.list[0]) === 'import' && tree.list[1] && tree.list[1].t === 'str')
    out.add(tree.list[1].v);
  for (const c of tree.list) importsOf(c, out);
  return out;
}

// A module tree: (module $id? ...) | (module definition $id? ...) | (module instance ...)
function moduleInfo(tree) {
  const l = tree.list;
  let k = 1, definition = false, instance = false;
  if (atom(l[k]) === 'definition') { definition = true; k++; }
  else if (atom(l[k]) === 'instance') { instance = true; k++; }
  if (instance) {
    const ids = [];
    while (isId(l[k])) ids.push(l[k++].v);
    return {instance: true, inst: ids[0], def: ids[1]};
  }
  const id = isId(l[k]) ? l[k++].v : undefined;
  const form = atom(l[k]) === 'quote' ? 'quote' : atom(l[k]) === 'binary' ? 'binary' : 'text';
  return {definition, id, form, imports: form === 'text' ? importsOf(tree) : quotedImports(tree)};
}

// Imports of a (module quote "...") are inside the strings; look for them there.
function quotedImports(tree) {
  const out = new Set();
  const s = tree.list.filter((x) => x.t === 'str').map((x) => x.v).join(' ');
  for (const m of s.matchAll(/\(\s*import\s+\\?"([^"\\]*)\\?"/g)) out.add(m[1]);
  return out;
}

function split(text) {
  const trees = parseTrees(tokenize(text));
  return trees.map((tree, idx) => {
    const head = atom(tree.list[0]) || '?';
    const cmd = {idx, head, line: tree.line, endLine: tree.endLine, pos: tree.pos,
                 end: tree.end, text: text.slice(tree.pos, tree.end), tree};
    cmd.assertion = head.startsWith('assert_');
    return cmd;
  });
}

// Dependencies between commands: which earlier commands each command needs.
function analyse(cmds) {
  let curInst = null;       // index of the command that made the current instance
  let curDef = null;        // index of the last (module definition)
  const insts = new Map();  // $id -> command index
  const defs = new Map();   // $id -> command index
  const regs = new Map();   // registered name -> command index of the register
  const defImports = new Map();
  const needImports = (imports, deps) => {
    for (const name of imports) if (regs.has(name)) deps.add(regs.get(name));
  };
  const actionInst = (a, deps) => {
    if (!a || !a.list) return;
    const h = atom(a.list[0]);
    if (h !== 'invoke' && h !== 'get') return;
    const target = isId(a.list[1]) ? insts.get(a.list[1].v) : curInst;
    if (target !== undefined && target !== null) deps.add(target);
  };
  for (const cmd of cmds) {
    const deps = new Set();
    const l = cmd.tree.list;
    cmd.names = scriptNames(cmd.tree);
    if (cmd.head === 'module') {
      const mi = moduleInfo(cmd.tree);
      cmd.module = mi;
      if (mi.instance) {
        const d = mi.def ? defs.get(mi.def) : curDef;
        if (d !== undefined && d !== null) { deps.add(d); needImports(defImports.get(d) || [], deps); }
        curInst = cmd.idx;
        if (mi.inst) insts.set(mi.inst, cmd.idx);
      } else if (mi.definition) {
        curDef = cmd.idx;
        if (mi.id) defs.set(mi.id, cmd.idx);
        defImports.set(cmd.idx, mi.imports);
      } else {
        needImports(mi.imports, deps);
        curInst = cmd.idx;
        if (mi.id) { insts.set(mi.id, cmd.idx); defs.set(mi.id, cmd.idx); }
      }
    } else if (cmd.head === 'register') {
      const target = isId(l[2]) ? insts.get(l[2].v) : curInst;
      if (target !== undefined && target !== null) deps.add(target);
      if (l[1] && l[1].t === 'str') regs.set(l[1].v, cmd.idx);
    } else if (cmd.head === 'invoke' || cmd.head === 'get') {
      actionInst(cmd.tree, deps);
    } else if (cmd.assertion) {
      const a = l[1];
      if (a && a.list && atom(a.list[0]) === 'module') {
        const mi = moduleInfo(a);
        if (!['assert_invalid', 'assert_malformed'].includes(cmd.head)) needImports(mi.imports, deps);
      } else if (isId(a)) {  // (assert_unlinkable $M "msg") and the like
        const d = defs.get(a.v); if (d !== undefined) { deps.add(d); needImports(defImports.get(d) || [], deps); }
      } else {
        actionInst(a, deps);
      }
      if (cmd.head === 'assert_return') {
        // The expected results, as written, for messages.
        const rest = l.slice(2);
        cmd.expected = rest.map((r) => r.list ? cmd.text.slice(r.pos - cmd.pos, r.end - cmd.pos)
                                               : r.v).join(' ').replace(/\s+/g, ' ');
      }
    }
    cmd.deps = deps;
  }
}

// The tokens of a command that name modules or instances at script level:
// (module $M ...), (module definition $M ...), (module instance $I $M),
// (register "name" $I), (invoke $I ...), (get $I ...), (assert_... $M ...).
function scriptNames(tree) {
  const l = tree.list, out = [];
  const head = atom(l[0]);
  if (head === 'module') {
    let k = 1;
    if (atom(l[k]) === 'definition') k++;
    else if (atom(l[k]) === 'instance') { k++; while (isId(l[k])) out.push(l[k++]); return out; }
    if (isId(l[k])) out.push(l[k]);
  } else if (head === 'register') {
    if (isId(l[2])) out.push(l[2]);
  } else if (head === 'invoke' || head === 'get') {
    if (isId(l[1])) out.push(l[1]);
  } else if (head && head.startsWith('assert_')) {
    if (isId(l[1])) out.push(l[1]);
    else if (l[1] && l[1].list) {
      const h = atom(l[1].list[0]);
      if ((h === 'invoke' || h === 'get') && isId(l[1].list[1])) out.push(l[1].list[1]);
      if (h === 'module') out.push(...scriptNames(l[1]));
    }
  }
  return out;
}

// The JS converter turns a script-level name $x into the JS variables $x
// and x: rename them all to something JS takes ($fwd-lib, $call, $if ...).
function jsSafeNames(text, cmds, dropped) {
  const toks = [];
  for (const c of cmds) if (!dropped.has(c.idx)) toks.push(...c.names);
  toks.sort((a, b) => a.pos - b.pos);
  let out = '', last = 0;
  for (const t of toks) {
    const safe = '$__m_' + t.v.slice(1).replace(/[^A-Za-z0-9]/g,
      (ch) => '_' + ch.charCodeAt(0).toString(16).padStart(2, '0'));
    out += text.slice(last, t.pos) + safe;
    last = t.end;
  }
  return out + text.slice(last);
}

// The script text with the dropped commands blanked out (newlines kept).
function blanked(text, cmds, dropped) {
  let out = '', last = 0;
  for (const cmd of cmds) {
    if (!dropped.has(cmd.idx)) continue;
    out += text.slice(last, cmd.pos) + cmd.text.replace(/[^\n]/g, ' ');
    last = cmd.end;
  }
  return out + text.slice(last);
}

function cmdAtLine(cmds, line) {
  // The command starting at the line, else the one whose text covers it.
  let c = cmds.find((x) => x.line === line);
  if (!c) c = cmds.find((x) => x.line <= line && line <= x.endLine);
  return c;
}

// ---------------------------------------------------------------------------
// Running a tool

function run(argv, opts = {}) {
  verbose(argv.join(' '));
  const r = cp.spawnSync(argv[0], argv.slice(1), {
    encoding: 'latin1', timeout: TIMEOUT, killSignal: 'SIGKILL',
    maxBuffer: 1 << 30, env: opts.env || process.env, cwd: opts.cwd,
  });
  const timedOut = !!(r.error && r.error.code === 'ETIMEDOUT');
  if (r.error && !timedOut) throw new Error(`cannot run ${argv[0]}: ${r.error.message}`);
  return {status: r.status, signal: timedOut ? null : r.signal, timedOut,
          stdout: r.stdout || '', stderr: r.stderr || ''};
}

function signalText(r) {
  const num = os.constants.signals[r.signal];
  return `signal ${num !== undefined ? num : r.signal}`;
}

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
const oneLine = (s, max = 300) => {
  s = String(s).replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 3) + '...' : s;
};

// ---------------------------------------------------------------------------
// Engines that stop at the first failure.  Each `attempt(tmpFile, dropped)` runs
// the script once and returns
//   {done: true}                         everything that is left ran and passed
//   {line, msg}                          the command at `line` failed
//   {line: null, msg}                    failed, but the command is unknown

// The official reference interpreter.
// "file:L.C-L.C: category: message", or for a binary module "binary:L.C:0xOFF: ...".
const REF_RE = /^(.*?):(\d+)\.(\d+)(?:-\d+\.\d+|:0x[0-9a-f]+): ([a-z/ ]+?): (.*)$/m;

function refAttempt(file) {
  const r = run([TOOLS.reference, file]);
  if (r.timedOut) return {line: null, msg: `no result: timed out after ${TIMEOUT / 1000} s`};
  if (r.status === 0 && !r.signal) return {done: true};
  const m = REF_RE.exec(r.stderr);
  if (m && r.status === 1) {
    const line = Number(m[2]), cat = m[4], msg = m[5];
    let text;
    if (cat === 'assertion failure') {
      const res = /^Result: (.*)$/m.exec(lastBlock(r.stdout, 'Result: '));
      const exp = /^Expect: (.*)$/m.exec(lastBlock(r.stdout, 'Expect: '));
      if (res && exp) text = `${msg}: expected ${exp[1]}, got ${res[1]}`;
      else text = msg;
    } else if (cat === 'runtime trap') text = `trapped: ${msg}`;
    else if (cat === 'runtime crash') text = `no result: runtime crash: ${msg}`;
    else text = `${cat}: ${msg}`;
    // Errors raised while running carry the position of the instruction (in
    // the module), not of the command that ran it.
    const unsure = ['runtime trap', 'runtime crash', 'uncaught exception',
                    'resource exhaustion', 'suspension error'].includes(cat);
    return {line, msg: text, unsure};
  }
  const first = firstLine(r.stderr) || firstLine(r.stdout) || 'no output';
  const how = r.signal ? `process aborted (${signalText(r)})` : `process crashed (exit ${r.status})`;
  return {line: null, msg: `${how}: ${oneLine(first)}`};
}

function lastBlock(s, key) {
  const i = s.lastIndexOf(key);
  return i < 0 ? '' : s.slice(i);
}
function firstLine(s) {
  return s.split('\n').map((x) => x.trim()).find((x) => x) || '';
}

// Binaryen's wasm-shell.
const SHELL_PROGRESS = /^\s*\d+ (?:BUILDING MODULE|CHECKING|REGISTER MODULE INSTANCE AS .*?) \[line: (\d+)\]\s*$/;
// Commands wasm-shell 132 does not know (its parser stops on them).
const SHELL_UNSUPPORTED = new Set(['assert_uninstantiable', 'assert_malformed_custom',
  'assert_invalid_custom', 'input', 'output', 'script', 'assert_return_canonical_nan',
  'assert_return_arithmetic_nan']);

function shellAttempt(file, cmds) {
  const r = run([TOOLS.binaryen, file]);
  const err = stripAnsi(r.stderr);
  const lines = err.split('\n');
  let last = -1, line = null;
  lines.forEach((l, i) => { const m = SHELL_PROGRESS.exec(l); if (m) { last = i; line = Number(m[1]); } });
  if (r.timedOut) return {line, msg: `no result: timed out after ${TIMEOUT / 1000} s`};
  if (r.status === 0 && !r.signal && /all checks passed/.test(err)) return {done: true};
  const after = lines.slice(last + 1).map((l) => l.trim()).filter((l) => l);
  const crash = after.find((l) => /^(Aborted\(|UNREACHABLE executed|RuntimeError|Fatal:|.*Assertion .* failed|Segmentation fault)/.test(l));
  if (r.signal || crash) {
    // Name the crash by the messages printed before it (the interpreter's own),
    // then the crash itself; leave out Node's dump of the engine's source.
    const msgs = [];
    for (const l of after) {
      if (/^Aborted\(|^RuntimeError/.test(l)) { msgs.push(l); break; }
      if (l.length < 400 && !/^(at |\/.*:\d+$|\^|Node\.js v)/.test(l)) msgs.push(l);
    }
    const how = r.signal ? `process aborted (${signalText(r)})` : 'process aborted';
    return {line, msg: `${how}: ${oneLine(msgs.join(' / ') || 'no message')}`};
  }
  if (last < 0) {
    // The script parser stopped: "LINE:COL: error: message".
    const m = /^(\d+):(\d+): error: (.*)$/m.exec(err);
    if (m) {
      const c = cmdAtLine(cmds, Number(m[1]));
      const msg = `${m[1]}:${m[2]}: ${m[3]}`;
      if (c && (SHELL_UNSUPPORTED.has(c.head) || /unrecognized result|expected `module` keyword|invalid assert_suspension/.test(m[3])))
        return {line: c.line, msg: `not supported by the engine: ${msg}`};
      return {line: c ? c.line : Number(m[1]), msg: `failed to parse: ${msg}`};
    }
    return {line: null, msg: `no result: ${oneLine(after.join(' / ') || `exit ${r.status}`)}`};
  }
  // A failing command: wasm-shell prints its error message last.
  let msg = after.length ? after[after.length - 1] : `exit ${r.status}`;
  if (msg === 'failed validation') {
    const v = after.find((l) => /^\[wasm-validator error/.test(l));
    if (v) msg += ': ' + v;
  }
  msg = describeShellMessage(msg);
  const c = line !== null ? cmdAtLine(cmds, line) : null;
  if (c && c.head === 'module' && /^\[parse exception/.test(msg)) msg = `failed to decode: ${msg}`;
  return {line, msg};
}

function describeShellMessage(msg) {
  let m;
  if (msg === 'expected invalid module') return 'accepted an invalid module';
  if (msg === 'expected malformed module') return 'accepted a malformed module';
  if (msg === 'expected unlinkable module') return 'linked a module that should not link';
  if (msg === 'expected instantiation to trap') return 'instantiated a module that should trap';
  if ((m = /^expected return, got (.*)$/.exec(msg))) return `expected a return, got ${m[1]}`;
  if ((m = /^expected (trap|exhaustion|exception|suspension), got (.*)$/.exec(msg)))
    return `expected ${m[1]}, got ${m[2]}`;
  if (/^failed to instantiate module/.test(msg)) return msg;
  if (msg.startsWith('failed validation')) return `module failed to validate: ${msg.slice(19) || 'failed validation'}`;
  return msg;
}

// V8: the script is converted to JavaScript by the reference interpreter
// (wasm-ref -o FILE.js, as the official suite does), a harness is put in
// front, and a marker call before each command tells which command ran last.
function v8Attempt(file, cmds, tmp, dropped) {
  const base = path.basename(file, '.wast');
  const js = path.join(tmp, base + '.conv.js');
  try { fs.unlinkSync(js); } catch (e) { /* none yet */ }
  // Convert a copy whose script-level names are JS-safe (same lines, same
  // file name, in a directory of its own).
  const convDir = path.join(tmp, 'conv');
  fs.mkdirSync(convDir, {recursive: true});
  const convFile = path.join(convDir, path.basename(file));
  fs.writeFileSync(convFile, jsSafeNames(fs.readFileSync(file, 'latin1'), cmds, dropped), 'latin1');
  const conv = run([TOOLS.reference, '-d', '-u', '-j', convFile, '-o', js]);
  if (conv.status !== 0 || !fs.existsSync(js)) {
    const m = REF_RE.exec(conv.stderr);
    if (m) return {line: Number(m[2]), msg: `could not be converted to JS (by the reference interpreter): ${m[4]}: ${m[5]}`};
    return {line: null, msg: `could not be converted to JS: ${oneLine(firstLine(conv.stderr) || `exit ${conv.status}`)}`, convert: true};
  }
  let body = fs.readFileSync(js, 'latin1');
  // Mark each command; the wrapper modules that check non-JS results get
  // their own entry point, so that a failed check is told from a trap.
  body = body.replace(/^\/\/ .*:(\d+)$/mg, (s, l) => `${s}\n__at(${l});`);
  body = body.replace(/^run\(\(\) => (.*)\);  \/\/ (assert_\w+)\(/mg,
                      (s, a, kind) => `__wrapped(${JSON.stringify(kind)}, () => ${a});  // ${kind}(`);
  const marks = path.join(tmp, base + '.marks');
  fs.writeFileSync(marks, '');
  const script = path.join(tmp, base + '.v8.js');
  fs.writeFileSync(script, V8_HARNESS + body + '\n__done();\n', 'latin1');
  const r = run([TOOLS.v8, ...V8_FLAGS, script], {env: {...process.env, ENGINES_MARKS: marks}});
  const mk = fs.readFileSync(marks, 'utf8').split('\n').filter(Boolean);
  let line = null, fail = null, done = false;
  for (const l of mk) {
    if (l.startsWith('AT ')) line = Number(l.slice(3));
    else if (l.startsWith('FAIL ')) fail = JSON.parse(l.slice(5));
    else if (l === 'DONE') done = true;
  }
  if (r.timedOut) return {line, msg: `no result: timed out after ${TIMEOUT / 1000} s`};
  if (done && r.status === 0) return {done: true};
  if (fail) return {line, msg: fail.msg};
  const how = r.signal ? `process aborted (${signalText(r)})` : `process exited (status ${r.status})`;
  return {line, msg: `${how}: ${v8FatalLine(r.stderr)}`};
}

function v8FatalLine(stderr) {
  const ls = stderr.split('\n');
  const fatal = ls.find((l) => /^FATAL ERROR: /.test(l) || /^Fatal (JavaScript|process) /.test(l));
  if (fatal) return oneLine(fatal);
  const i = ls.findIndex((l) => /^# Fatal (error|javascript)/i.test(l) || /^#\s*Fatal/.test(l));
  if (i >= 0) {
    const next = ls.slice(i + 1).map((l) => l.replace(/^#\s?/, '').trim()).find((l) => l);
    return oneLine(next ? next : ls[i].replace(/^#\s?/, ''));
  }
  const e = ls.map((l) => l.trim()).find((l) => /^[A-Za-z]*Error\b.*:/.test(l));
  if (e) return oneLine(e);
  const f = ls.map((l) => l.trim()).find((l) => l && !/^(-----|\d+: 0x)/.test(l));
  return oneLine(f || 'no message');
}

// The harness: the reference's harness functions, made strict (each assertion
// passes only for the outcome it asks for) and made to say what happened.
const V8_HARNESS = String.raw`'use strict';
const __fs = require('fs');
const __marks = __fs.openSync(process.env.ENGINES_MARKS, 'a');
function __at(line) { __fs.writeSync(__marks, 'AT ' + line + '\n'); }
function __done() { __fs.writeSync(__marks, 'DONE\n'); }
class __Failure extends Error {}
function __fail(msg) { throw new __Failure(msg); }
function __report(msg) { __fs.writeSync(__marks, 'FAIL ' + JSON.stringify({msg}) + '\n'); process.exit(1); }
process.on('uncaughtException', (e) => __report(e instanceof __Failure ? e.message : __describe(e)));

let StackOverflow;
try { (function f() { 1 + f() })() } catch (e) { StackOverflow = e.constructor }
const __SuspendError = WebAssembly.SuspendError;

function __show(v) {
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === null) return 'null';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'object') return 'a reference';
  return String(v);
}
function __values(vs) {
  if (vs === undefined) vs = []; else if (!Array.isArray(vs)) vs = [vs];
  return vs.length ? vs.map(__show).join(' ') : 'no values';
}
function __first(s) { return String(s).split('\n')[0]; }
function __describe(e) {
  if (e instanceof WebAssembly.Exception) return 'threw an uncaught wasm exception';
  if (__SuspendError && e instanceof __SuspendError) return 'unhandled suspension (' + __first(e.message) + ')';
  if (e instanceof WebAssembly.RuntimeError) return 'trapped: ' + __first(e.message);
  if (e instanceof WebAssembly.CompileError) return 'failed to compile: ' + __first(e.message);
  if (e instanceof WebAssembly.LinkError) return 'failed to link: ' + __first(e.message);
  if (StackOverflow && e instanceof StackOverflow) return 'exhausted the stack (' + __first(e.message) + ')';
  if (e instanceof Error) return e.name + ': ' + __first(e.message);
  return 'threw ' + __show(e);
}

let hostrefs = {};
let hostsym = Symbol("hostref");
function hostref(s) {
  if (! (s in hostrefs)) hostrefs[s] = {[hostsym]: s};
  return hostrefs[s];
}
function eq_ref(x, y) { return x === y ? 1 : 0; }

let spectest = {
  hostref: hostref,
  eq_ref: eq_ref,
  print: console.log.bind(console),
  print_i32: console.log.bind(console),
  print_i64: console.log.bind(console),
  print_i32_f32: console.log.bind(console),
  print_f64_f64: console.log.bind(console),
  print_f32: console.log.bind(console),
  print_f64: console.log.bind(console),
  global_i32: 666,
  global_i64: 666n,
  global_f32: 666.6,
  global_f64: 666.6,
  table: new WebAssembly.Table({initial: 10, maximum: 20, element: 'anyfunc'}),
  table64: new WebAssembly.Table(
    {initial: 10n, maximum: 20n, element: 'anyfunc', address: 'i64'}),
  memory: new WebAssembly.Memory({initial: 1, maximum: 2}),
  memory64: new WebAssembly.Memory({initial: 1n, maximum: 2n, address: 'i64'})
};

let handler = {
  get(target, prop) { return (prop in target) ? target[prop] : {}; }
};
let registry = new Proxy({spectest}, handler);
function register(name, instance) { registry[name] = instance.exports; }

const __MALFORMED_QUOTE = "<malformed quote>";
function __bytes(bytes) {
  let buffer = new ArrayBuffer(bytes.length);
  let view = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; ++i) view[i] = bytes.charCodeAt(i);
  return buffer;
}
function module(bytes) {
  if (bytes === __MALFORMED_QUOTE)
    __fail('not supported by the engine: text-format module (the JS conversion passes only binary modules)');
  try { return new WebAssembly.Module(__bytes(bytes)); }
  catch (e) { __fail(__describe(e)); }
}
function instance(mod, imports = registry) {
  try { return new WebAssembly.Instance(mod, imports); }
  catch (e) {
    if (e instanceof WebAssembly.RuntimeError) __fail('trapped during instantiation: ' + __first(e.message));
    __fail(__describe(e));
  }
}
function call(instance, name, args) { return instance.exports[name](...args); }
function get(instance, name) {
  let v = instance.exports[name];
  return (v instanceof WebAssembly.Global) ? v.value : v;
}
function exports(instance) { return {module: instance.exports, spectest: spectest}; }
function run(action) {
  try { action(); } catch (e) { if (e instanceof __Failure) throw e; __fail(__describe(e)); }
}

function __rejects(bytes, what) {
  if (bytes === __MALFORMED_QUOTE)
    __fail('not supported by the engine: text-format module (the JS conversion passes only binary modules)');
  let buffer = __bytes(bytes);
  let valid;
  try { valid = WebAssembly.validate(buffer); } catch (e) { __fail('WebAssembly.validate threw: ' + __describe(e)); }
  try { new WebAssembly.Module(buffer); }
  catch (e) {
    if (!(e instanceof WebAssembly.CompileError)) __fail(__describe(e));
    if (valid) __fail('WebAssembly.validate accepted the module, but compiling it failed: ' + __first(e.message));
    return;
  }
  __fail('accepted ' + what);
}
function assert_malformed(bytes) { __rejects(bytes, 'a malformed module'); }
function assert_invalid(bytes) { __rejects(bytes, 'an invalid module'); }
function assert_malformed_custom(bytes) { __fail('not supported by the engine: custom sections are not checked from JS'); }
function assert_invalid_custom(bytes) { __fail('not supported by the engine: custom sections are not checked from JS'); }

function assert_unlinkable(mod) {
  try { new WebAssembly.Instance(mod, registry) } catch (e) {
    if (e instanceof WebAssembly.LinkError) return;
    __fail('expected a link error, got ' + __describe(e));
  }
  __fail('linked a module that should not link');
}
function assert_uninstantiable(mod) {
  try { new WebAssembly.Instance(mod, registry) } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) return;
    __fail('expected a trap during instantiation, got ' + __describe(e));
  }
  __fail('instantiated a module that should trap');
}

function __outcome(action) {
  try { return {values: action()}; } catch (e) { if (e instanceof __Failure) throw e; return {error: e}; }
}
function __expect(what, ok, action) {
  let r = __outcome(action);
  if (r.error === undefined) __fail('expected ' + what + ', got a return (' + __values(r.values) + ')');
  if (ok(r.error)) return;
  __fail('expected ' + what + ', got: ' + __describe(r.error));
}
function assert_trap(action) {
  __expect('a trap', (e) => e instanceof WebAssembly.RuntimeError &&
           !(__SuspendError && e instanceof __SuspendError), action);
}
function assert_exception(action) {
  __expect('an exception', (e) => e instanceof WebAssembly.Exception, action);
}
function assert_suspension(action) {
  __expect('an unhandled suspension', (e) => __SuspendError && e instanceof __SuspendError, action);
}
function assert_exhaustion(action) {
  __expect('stack exhaustion', (e) => StackOverflow && e instanceof StackOverflow, action);
}

function __match(actual, expected) {
  if (Array.isArray(expected)) return expected.some((x) => __match(actual, x));
  switch (expected) {
    case "nan:canonical": case "nan:arithmetic": case "nan:any":
      return Number.isNaN(actual);
    case "ref.i31":
      return typeof actual === "number" && (actual & 0x7fffffff) === actual;
    case "ref.any": case "ref.eq": case "ref.struct": case "ref.array":
      return actual !== null && typeof actual === "object";
    case "ref.func":
      return typeof actual === "function";
    case "ref.extern":
      return actual !== null;
    case "ref.null":
      return actual === null;
    default:
      if (typeof expected === "string" && expected.startsWith("ref."))
        return actual !== null;
      return Object.is(actual, expected);
  }
}
function assert_return(action, ...expected) {
  let r = __outcome(action);
  if (r.error !== undefined) __fail('expected a return, got: ' + __describe(r.error));
  let actual = r.values;
  if (actual === undefined) actual = [];
  else if (!Array.isArray(actual)) actual = [actual];
  let ok = actual.length === expected.length;
  for (let i = 0; ok && i < actual.length; ++i) ok = __match(actual[i], expected[i]);
  if (!ok) __fail('@WRONG ' + __values(actual));
}
// assert_return on values that JS cannot see: the converter made a wasm
// wrapper that calls the export, checks the results and runs 'unreachable'
// when they are wrong.  A trap whose innermost frame is the wrapper's own
// function (called straight from JS) is that check failing.
function __wrapped(kind, action) {
  let r = __outcome(action);
  if (r.error === undefined) return;
  let e = r.error;
  if (e instanceof WebAssembly.RuntimeError && !(__SuspendError && e instanceof __SuspendError)) {
    let frames = String(e.stack).split('\n').filter((l) => /^\s+at /.test(l));
    let wasm = (l) => l !== undefined && /wasm:\/\//.test(l);
    if (wasm(frames[0]) && !wasm(frames[1])) __fail('@WRONG another value (checked inside wasm: JS cannot see this type)');
  }
  __fail('expected a return, got: ' + __describe(e));
}
`;

// ---------------------------------------------------------------------------
// One file on an engine that stops at the first failure.

function runStopping(engine, file) {
  const text = fs.readFileSync(file, 'latin1');
  const cmds = split(text);
  analyse(cmds);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-'));
  const tmpFile = path.join(tmp, path.basename(file));
  const dropped = new Map();   // idx -> reason
  const attempt = {
    'reference': (f) => refAttempt(f),
    'binaryen': (f) => shellAttempt(f, cmds),
    'v8': (f, d) => v8Attempt(f, cmds, tmp, d),
    'wasmfx-ref': (f) => wasmfxAttempt(f, cmds),
  }[engine];
  const rootOf = new Map();    // idx of a command dropped as a dependent -> idx of the failure
  const drop = (cmd, reason) => {
    dropped.set(cmd.idx, reason);
    // Everything that needs this command goes with it.
    for (const c of cmds) {
      if (c.idx <= cmd.idx || dropped.has(c.idx)) continue;
      for (const d of c.deps) {
        if (!dropped.has(d)) continue;
        const root = cmds[rootOf.has(d) ? rootOf.get(d) : d];
        rootOf.set(c.idx, root.idx);
        dropped.set(c.idx, `not run: it needs the ${describeCmd(root)} at line ${root.line}, which failed`);
        break;
      }
    }
  };
  let runs = 0;
  let report = null;   // wasmfx-ref's own count of the run that went through
  for (;;) {
    if (cmds.every((c) => dropped.has(c.idx))) break;
    if (runs++ > cmds.length + 2) throw new Error('too many runs');
    fs.writeFileSync(tmpFile, blanked(text, cmds, dropped), 'latin1');
    let r = attempt(tmpFile, dropped);
    if (r.report) report = r.report;
    if (r.done) break;
    let cmd = r.line !== null ? cmdAtLine(cmds, r.line) : null;
    if (!cmd || dropped.has(cmd.idx) || r.unsure && cmd.head === 'module') {
      // A crash that the engine does not attribute: find the command by
      // running ever shorter prefixes of the script.
      cmd = bisect(text, cmds, dropped, tmpFile, attempt, r);
      if (!cmd) {
        for (const c of cmds) if (!dropped.has(c.idx)) dropped.set(c.idx, `no result: ${r.msg}`);
        break;
      }
    }
    verbose(`${path.basename(file)}:${cmd.line}: ${r.msg}`);
    drop(cmd, r.msg);
  }
  if (!KEEP) fs.rmSync(tmp, {recursive: true, force: true});
  else process.stderr.write(`[engines] kept ${tmp}\n`);
  const failures = [];
  let passed = 0;
  for (const c of cmds) {
    if (dropped.has(c.idx)) {
      // Only commands that are assertions, or that failed themselves, count.
      const reason = dropped.get(c.idx);
      if (c.assertion || !reason.startsWith('not run:')) failures.push({line: c.line, msg: fixWrong(c, reason)});
    } else if (c.assertion && !report) passed++;
  }
  if (report) return {passed: report.passed, failures: failures.concat(report.failures)};
  return {passed, failures};
}

function describeCmd(c) {
  if (c.head === 'module') return 'module';
  return `(${c.head} ...)`;
}

function fixWrong(cmd, reason) {
  if (!reason.startsWith('@WRONG ')) return reason;
  const got = reason.slice(7);
  return `expected ${cmd.expected || '(no values)'}, got ${got}`;
}

// Find which command makes the engine fail when the engine does not say:
// the shortest prefix of the commands that still fails ends with it.
function bisect(text, cmds, dropped, tmpFile, attempt, first) {
  const live = cmds.filter((c) => !dropped.has(c.idx));
  let lo = 0, hi = live.length;  // the prefix of length hi fails
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const d = new Map(dropped);
    for (const c of live.slice(mid)) d.set(c.idx, '');
    fs.writeFileSync(tmpFile, blanked(text, cmds, d), 'latin1');
    const r = attempt(tmpFile, d);
    if (r.done) lo = mid; else hi = mid;
  }
  verbose(`bisected to line ${live[hi - 1] && live[hi - 1].line}`);
  return hi >= 1 ? live[hi - 1] : null;
}

// ---------------------------------------------------------------------------
// wasmfx-ref: it reports every failed assertion itself, and stops at the
// first error outside an assertion (exit status 2 or more), like the others.

function wasmfxAttempt(file, cmds) {
  const r = run([TOOLS['wasmfx-ref'], file]);
  if (r.timedOut) return {line: null, msg: `no result: timed out after ${TIMEOUT / 1000} s`};
  const base = path.basename(file);
  const failures = [];
  for (const l of r.stderr.split('\n')) {
    const m = /^(.*?):(\d+):(\d+): (.*)$/.exec(l);
    if (m && (m[1] === file || path.basename(m[1]) === base)) failures.push({line: Number(m[2]), msg: m[4]});
  }
  const s = /^(\d+) passed, (\d+) failed\s*$/m.exec(r.stdout);
  if (!s || r.signal) {
    const how = r.signal ? `process aborted (${signalText(r)})` : `exited with status ${r.status} and no summary`;
    return {line: null, msg: how};
  }
  if (r.status <= 1) {
    // Failures that wasmfx-ref counted but printed without a position.
    for (let k = failures.length; k < Number(s[2]); k++) failures.push({line: 0, msg: 'failed (no position given)'});
    return {done: true, report: {passed: Number(s[1]), failures}};
  }
  // The last message is the error that stopped the run, at its command (or,
  // in a module, within it).
  const last = failures.pop();
  if (!last) return {line: null, msg: `exited with status ${r.status} and no message`};
  const cmd = cmdAtLine(cmds, last.line);
  return {line: cmd ? cmd.line : last.line, msg: last.msg};
}

// ---------------------------------------------------------------------------

function main(argv) {
  const engine = argv[0];
  const files = argv.slice(1);
  if (!TOOLS[engine] || !files.length) {
    process.stderr.write('usage: engines.sh wasmfx-ref|reference|v8|binaryen FILE.wast...\n');
    return 2;
  }
  let P = 0, F = 0;
  for (const file of files) {
    let res;
    try {
      res = runStopping(engine, file);
    } catch (e) {
      process.stdout.write(`${file}:0: ${engine}: no result: ${e.message}\n`);
      res = {passed: 0, failures: [{line: 0, msg: e.message}]};
    }
    res.failures.sort((a, b) => a.line - b.line);
    for (const f of res.failures) process.stdout.write(`${file}:${f.line}: ${engine}: ${oneLine(f.msg, 400)}\n`);
    process.stdout.write(`${file}: ${res.passed} passed, ${res.failures.length} failed\n`);
    P += res.passed; F += res.failures.length;
  }
  process.stdout.write(`total: ${P} passed, ${F} failed\n`);
  return F === 0 ? 0 : 1;
}

// A closed pipe (engines.sh ... | head) ends the run quietly.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(process.exitCode || 1); throw e; });
process.exitCode = main(process.argv.slice(2));
