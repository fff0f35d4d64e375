// Shortens the names of the wasm's imports from the JS glue (`__wbg_append_child_<16 hex
// digits>` becomes `$3a`), in the wasm and in the glue together: tools/post-build.sh runs
// it on trunk's staged files, after terser. wasm-bindgen names each import after the
// function and a hash, and every page downloads each name twice (the wasm's import
// section, the glue's import object), the hashes not compressing at all. wasm-opt's
// `--minify-imports` only renames imports of the `env` module, not wasm-bindgen's.
//
// Refuses (exit 1, files untouched) unless every renamed import is a key written exactly
// once in the glue, so a wasm-bindgen change cannot leave a name half renamed.
// Usage: node tools/short-imports.mjs <wasm> <glue.js>
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, jsPath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, 'utf8');
const fail = (why) => { console.error(`short-imports: ${why}`); process.exit(1); };

let pos = 8;
const u32 = () => { let r = 0, s = 0, b; do { b = wasm[pos++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return Buffer.from(out); };
const name = () => { const len = u32(); const s = wasm.subarray(pos, pos + len).toString('utf8'); pos += len; return s; };
const str = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([leb(b.length), b]); };

// The exports the glue calls (`wasm.__wbindgen_malloc(…)`, the closures' shims named
// after their Rust types, up to 191 characters) are renamed the same way, but `memory`
// and the start function: each must be written in the glue only as `.name` (or not at
// all: `main`, which the start function calls inside the wasm).
let exported = 0;
function exportSection(end) {
  const body = [];
  let n = u32();
  body.push(leb(n));
  for (; n > 0; n--) {
    let field = name();
    const desc = wasm.subarray(pos, pos + 1);
    pos++;
    const index = u32();
    if (field !== 'memory' && field !== '__wbindgen_start') {
      const escaped = field.replace(/\$/g, '\\$');
      const all = js.match(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g'))?.length ?? 0;
      const access = new RegExp(`(?<=\\.)${escaped}(?![\\w$])`, 'g');
      const found = js.match(access)?.length ?? 0;
      if (found !== all) fail(`${field} is written ${all} times in ${jsPath}, ${found} of them as \`.${field}\``);
      const short = `$e${(exported++).toString(36)}`;
      if (js.includes(short)) fail(`${short} is already in ${jsPath}`);
      js = js.replace(access, short);
      field = short;
    }
    body.push(str(field), desc, leb(index));
  }
  if (pos !== end) fail('the export section was not read to its end');
  const content = Buffer.concat(body);
  return Buffer.concat([Buffer.from([7]), leb(content.length), content]);
}

const parts = [wasm.subarray(0, 8)];
let renamed = 0;
while (pos < wasm.length) {
  const sectionStart = pos;
  const id = wasm[pos++];
  const size = u32();
  const end = pos + size;
  if (id === 7) { parts.push(exportSection(end)); pos = end; continue; }
  if (id !== 2) { parts.push(wasm.subarray(sectionStart, end)); pos = end; continue; }
  const imports = [];
  for (let n = u32(); n > 0; n--) {
    const module = name();
    const field = name();
    const descStart = pos;
    const kind = wasm[pos++];
    if (kind === 0) u32();
    else if (kind === 1) { pos++; const flags = u32(); u32(); if (flags & 1) u32(); }
    else if (kind === 2) { const flags = u32(); u32(); if (flags & 1) u32(); }
    else if (kind === 3) pos += 2;
    else if (kind === 4) { pos++; u32(); }
    else fail(`unknown import kind ${kind}`);
    imports.push({ module, field, desc: wasm.subarray(descStart, pos) });
  }
  if (pos !== end) fail('the import section was not read to its end');
  const body = [leb(imports.length)];
  for (const imp of imports) {
    let field = imp.field;
    if (imp.module.endsWith('_bg.js')) {
      const key = new RegExp(`(?<![\\w$])${field.replace(/\$/g, '\\$')}(?=:)`, 'g');
      const found = js.match(key)?.length ?? 0;
      if (found !== 1) fail(`${field} is written ${found} times as a key in ${jsPath}, not once`);
      const short = `$${(renamed++).toString(36)}`;
      if (js.includes(`${short}:`)) fail(`${short} is already a key in ${jsPath}`);
      js = js.replace(key, short);
      field = short;
    }
    body.push(str(imp.module), str(field), imp.desc);
  }
  const content = Buffer.concat(body);
  parts.push(Buffer.from([2]), leb(content.length), content);
  pos = end;
}
if (renamed === 0) fail('no import of the glue found');
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(jsPath, js);
