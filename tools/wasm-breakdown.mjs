// Where the bytes of a wasm file are: its sections, then its code by crate, by module of
// circo-don, and its largest functions. Reads the function names of the wasm's `name`
// section, so give it a build that keeps them (tools/size.sh makes one with `wasm-opt -g`
// from the same input and passes as the release build). Raw bytes: gzip about divides
// them by 2.5. Usage: node tools/wasm-breakdown.mjs FILE.wasm [TOP [CRATE[::MODULE]]];
// with a crate (or `circo_don::widget`), the largest functions listed are only its own.
import { readFileSync } from 'node:fs';

const [file, topArg, only] = process.argv.slice(2);
const top = Number(topArg ?? 12);
const buf = readFileSync(file);

let pos = 8; // after the magic number and the version
const u32 = () => {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const name = () => {
  const len = u32();
  const s = buf.toString('utf8', pos, pos + len);
  pos += len;
  return s;
};

const SECTIONS = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global',
  'export', 'start', 'element', 'code', 'data', 'data count', 'tag'];
const sections = new Map();
let importedFunctions = 0;
const bodies = []; // code size of each defined function, in order
const names = new Map(); // function index -> name

while (pos < buf.length) {
  const id = buf[pos++];
  const size = u32();
  const end = pos + size;
  let label = SECTIONS[id] ?? `section ${id}`;
  if (id === 0) {
    const custom = name();
    label = `custom "${custom}"`;
    if (custom === 'name') {
      while (pos < end) {
        const sub = buf[pos++];
        const subEnd = u32() + pos;
        if (sub === 1) {
          for (let n = u32(); n > 0; n--) { const index = u32(); names.set(index, name()); }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    for (let n = u32(); n > 0; n--) {
      name(); name();
      const kind = buf[pos++];
      if (kind === 0) { u32(); importedFunctions++; }
      else if (kind === 1) { pos++; const flags = u32(); u32(); if (flags & 1) u32(); }
      else if (kind === 2) { const flags = u32(); u32(); if (flags & 1) u32(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos++; u32(); }
    }
  } else if (id === 10) {
    for (let n = u32(); n > 0; n--) { const len = u32(); bodies.push(len); pos += len; }
  }
  sections.set(label, (sections.get(label) ?? 0) + size);
  pos = end;
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`.padStart(9);
const pct = (n, of) => `${((100 * n) / of).toFixed(0)}%`.padStart(4);

// Rust's legacy mangling (`_ZN3foo3bar17h0123456789abcdefE`), for builds that kept it.
const demangle = (s) => {
  if (!s.startsWith('_ZN')) return s;
  const parts = [];
  let i = 3;
  while (i < s.length && s[i] !== 'E') {
    let j = i;
    while (s[j] >= '0' && s[j] <= '9') j++;
    const len = Number(s.slice(i, j));
    if (!len) break;
    parts.push(s.slice(j, j + len));
    i = j + len;
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  const codes = { LT: '<', GT: '>', RF: '&', BP: '*', C: ',', SP: '@' };
  return parts.join('::').replace(/\$([A-Z]+|u[0-9a-f]+)\$/g, (m, c) =>
    codes[c] ?? (c.startsWith('u') ? String.fromCodePoint(parseInt(c.slice(1), 16)) : m))
    .replace(/\.\./g, '::');
};

const STD_LABEL = 'std (core, alloc, std, malloc)';
const STD = new Set(['core', 'alloc', 'std', 'compiler_builtins', 'dlmalloc', 'hashbrown',
  'panic_abort', 'rustc_demangle', 'memchr', 'adler2', 'miniz_oxide', 'addr2line', 'gimli']);
// The crate a function belongs to: the first path of its name, which for
// `<T as Trait>::f` is T's crate (serde's derived code counts for the type it serves).
// Generic code instantiated for circo-don's types (Yew's component lifecycle with a
// view inlined, a Vec of its values) counts for circo-don: it goes when that code goes.
const owner = (raw) => {
  const mine = /circo_don::([A-Za-z_][A-Za-z0-9_]*)/.exec(plain(raw));
  if (mine) return { crate: 'circo_don', module: mine[1] };
  return firstCrate(raw);
};
const plain = (raw) => demangle(raw).replace(/\[[0-9a-f]+\]/g, '');
const firstCrate = (raw) => {
  // Rust's v0 mangling (`_RNvNtCs1a_9circo_don3law5quote`): the first crate named, then
  // its first module. wasm-bindgen demangles names; this is for raw rustc output.
  const v0 = raw.startsWith('_R') && /C(?:s[0-9A-Za-z]*_)?(\d+)(.*)$/.exec(raw);
  if (v0) {
    const crate = v0[2].slice(0, Number(v0[1]));
    const next = /^(\d+)(.*)$/.exec(v0[2].slice(Number(v0[1])));
    return { crate: STD.has(crate) ? STD_LABEL : crate, module: next ? next[2].slice(0, Number(next[1])) : undefined };
  }
  // The first crate named that is not std's, else std: `<str>::parse::<iban::Iban>` is
  // iban's, `core::ptr::drop_in_place::<yew::html::Html>` is Yew's.
  const roots = [...plain(raw).matchAll(/(?:^|[^A-Za-z0-9_:])([A-Za-z_][A-Za-z0-9_]*)::/g)].map((r) => r[1]);
  if (roots.length === 0) {
    if (raw === 'main') return { crate: 'circo_don', module: 'main' };
    if (/^__(wbg|wbindgen|externref)/.test(raw)) return { crate: 'wasm-bindgen (glue)' };
    return { crate: /^<?(str|char|bool|[ui](8|16|32|64|128|size)|f32|f64)\b/.test(raw) ? STD_LABEL : '(unnamed)' };
  }
  const crate = roots.find((r) => !STD.has(r) && !/^(str|char|bool|[ui](8|16|32|64|128|size)|f32|f64)$/.test(r)) ?? 'std';
  return { crate: STD.has(crate) ? STD_LABEL : crate };
};

const byCrate = new Map();
const byModule = new Map();
const functions = [];
let code = 0;
bodies.forEach((len, i) => {
  const raw = names.get(importedFunctions + i) ?? '';
  const { crate, module } = owner(raw);
  code += len;
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + len);
  if (crate === 'circo_don') {
    const key = module ?? '(root)';
    byModule.set(key, (byModule.get(key) ?? 0) + len);
  }
  const label = plain(raw) || `(function ${importedFunctions + i})`;
  if (!only || only === crate || only === `${crate}::${module}`) functions.push([len, label]);
});

// The names are there for this breakdown only: the shipped wasm has none.
const nameBytes = sections.get('custom "name"') ?? 0;
sections.delete('custom "name"');
const total = buf.length - nameBytes;
console.log(`\nwasm sections (${kb(total).trim()} raw${nameBytes ? ', without the names kept for this breakdown' : ''}):`);
for (const [label, size] of [...sections].sort((a, b) => b[1] - a[1])) {
  if (size >= 1000) console.log(`  ${label.padEnd(30)} ${kb(size)} ${pct(size, total)}`);
}
if (names.size === 0) {
  console.log('  (no name section: no breakdown by crate; give a build kept with wasm-opt -g)');
  process.exit(0);
}
const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
const show = (rows, of) => {
  const shown = rows.slice(0, top);
  for (const [label, size] of shown) console.log(`  ${label.padEnd(30)} ${kb(size)} ${pct(size, of)}`);
  const rest = rows.slice(top).reduce((s, [, size]) => s + size, 0);
  if (rest > 0) console.log(`  ${`(${rows.length - top} more)`.padEnd(30)} ${kb(rest)} ${pct(rest, of)}`);
};
console.log(`code by crate (${bodies.length} functions):`);
show(sorted(byCrate), code);
console.log('circo_don code by module (with generic code instantiated for its types):');
show(sorted(byModule), code);
console.log(`largest functions${only ? ` of ${only}` : ''}:`);
for (const [len, label] of functions.sort((a, b) => b[0] - a[0]).slice(0, top)) {
  const short = label.replace(/::h[0-9a-f]{16}$/, '');
  console.log(`  ${kb(len)}  ${short.length > 100 ? `${short.slice(0, 97)}...` : short}`);
}
