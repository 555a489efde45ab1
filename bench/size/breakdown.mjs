// Size breakdown of the built page and its wasm, by part and by crate.
//
// Usage:
//   node bench/size/breakdown.mjs WASM_WITH_NAMES [PAGE.html] [--top N] [--data N]
//
// WASM_WITH_NAMES is the optimised module with its name section kept:
// `cargo xtask dist` writes it with SIZE_NAMES=1 (wasm-opt -g, same passes) to
// $CARGO_TARGET_DIR/borderlines-dist/borderlines_named.wasm. Without names
// every function is "?".
//
// For each function body the crate is read from its (legacy-mangled) name:
// the first path segment, or for `<Type as Trait>::f` the type's crate, or the
// trait's when the type is a generic parameter or a std type. Generic code is
// counted where it is *defined* (a Leptos `Render::build` instantiated for an
// app closure counts for tachys), as twiggy and cargo-bloat do.
// "gzip" of a group is the gzip size of its bodies concatenated: a fair guide
// to what removing the group would save, not an exact share of the total.
import fs from 'node:fs';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(args[i + 1]);
  args.splice(i, 2);
  return v;
};
// --find NAME=FILE (repeatable): is FILE's content embedded in the wasm as is?
const finds = [];
for (let i = args.indexOf('--find'); i >= 0; i = args.indexOf('--find')) {
  const [label, file] = args[i + 1].split('=');
  finds.push({ label, file });
  args.splice(i, 2);
}
const TOP = opt('--top', 25);
const DATA = opt('--data', 12);
const [wasmPath, pagePath] = args;
if (!wasmPath) {
  console.error('usage: node bench/size/breakdown.mjs WASM_WITH_NAMES [PAGE.html] [--top N] [--data N]');
  process.exit(2);
}
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);

// ------------------------------------------------------------ wasm reading
const wasm = fs.readFileSync(wasmPath);
let pos = 8;
function leb() {
  let result = 0, shift = 0, byte;
  do {
    byte = wasm[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
}
function name() {
  const n = leb();
  const s = wasm.toString('utf8', pos, pos + n);
  pos += n;
  return s;
}
function skipInitExpr() {
  // i32.const N end | global.get N end (all this module uses)
  const op = wasm[pos++];
  if (op === 0x41 || op === 0x23) leb(); else throw new Error(`init expr op ${op}`);
  if (wasm[pos++] !== 0x0b) throw new Error('init expr end');
}

const sections = [];
let importedFuncs = 0;
const bodies = []; // {index, start, size}
const dataSegs = []; // {start, size}
const names = new Map();
const dataNames = new Map(); // data segment names (only when the linker did not merge them)
while (pos < wasm.length) {
  const id = wasm[pos++];
  const size = leb();
  const start = pos;
  const end = pos + size;
  let label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'][id] ?? `id ${id}`;
  if (id === 0) {
    const cname = name();
    label = `custom "${cname}"`;
    if (cname === 'name') {
      while (pos < end) {
        const sub = wasm[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1 || sub === 9) {
          const count = leb();
          for (let i = 0; i < count; i++) {
            const idx = leb();
            (sub === 1 ? names : dataNames).set(idx, name());
          }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      name(); name();
      const kind = wasm[pos++];
      if (kind === 0) { leb(); importedFuncs++; } else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { pos += 2; } else if (kind === 4) { pos++; leb(); }
    }
  } else if (id === 10) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      const s = leb();
      bodies.push({ index: importedFuncs + i, start: pos, size: s });
      pos += s;
    }
  } else if (id === 11) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      const flags = leb();
      if (flags === 0) skipInitExpr(); else if (flags === 2) { leb(); skipInitExpr(); }
      const s = leb();
      dataSegs.push({ index: dataSegs.length, start: pos, size: s });
      pos += s;
    }
  }
  sections.push({ label, size: end - start });
  pos = end;
}

// ------------------------------------------------------------ names → crates
function demangle(raw) {
  if (!raw.startsWith('_ZN')) return raw;
  let p = 3;
  const parts = [];
  while (p < raw.length && raw[p] !== 'E') {
    let n = 0;
    while (raw[p] >= '0' && raw[p] <= '9') n = n * 10 + Number(raw[p++]);
    if (!n) break;
    parts.push(raw.slice(p, p + n));
    p += n;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  const map = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',', u20: ' ', u27: "'", u5b: '[', u5d: ']', u7b: '{', u7d: '}', u7e: '~', u3b: ';', u2b: '+', u22: '"' };
  return parts
    .map((s) => s.replace(/\$([A-Za-z0-9]+)\$/g, (m, k) => map[k] ?? m).replace(/\.\./g, '::'))
    .join('::')
    .replace(/^_/, '');
}
const STD = new Set(['core', 'alloc', 'std', '']);
function crateOf(full) {
  let s = full;
  if (s.startsWith('<')) {
    // <Type as Trait>::f or <Type>::f
    let depth = 0, i = 0, asAt = -1, close = -1;
    for (; i < s.length; i++) {
      if (s[i] === '<') depth++;
      else if (s[i] === '>') { depth--; if (depth === 0) { close = i; break; } }
      else if (depth === 1 && s.startsWith(' as ', i)) asAt = i;
    }
    const inner = s.slice(1, asAt > 0 ? asAt : close).replace(/^[&*]+(mut |const )?/, '').replace(/^\[|^\(/, '');
    const trait = asAt > 0 ? s.slice(asAt + 4, close) : '';
    const tc = inner.includes('::') ? inner.split('::')[0].replace(/[^A-Za-z0-9_]/g, '') : '';
    const rc = trait.split('::')[0].replace(/[^A-Za-z0-9_]/g, '');
    if (tc && !STD.has(tc)) return tc;
    if (rc && !STD.has(rc)) return rc;
    return tc || rc || 'core';
  }
  const head = s.split('::')[0];
  return head.includes(' ') || !head ? '?' : head;
}
function normCrate(c) {
  return c.replace(/\[[0-9a-f]+\]$/, '').replace(/([a-z_])[0-9a-f]{16}$/, '$1');
}

const crates = new Map();
const funcs = [];
let codeTotal = 0;
for (const b of bodies) {
  const raw = names.get(b.index) ?? '?';
  const full = demangle(raw);
  const crate = names.size ? normCrate(crateOf(full)) : '?';
  const bytes = wasm.subarray(b.start, b.start + b.size);
  codeTotal += b.size;
  funcs.push({ full, crate, size: b.size });
  const c = crates.get(crate) ?? { size: 0, n: 0, parts: [] };
  c.size += b.size;
  c.n++;
  c.parts.push(bytes);
  crates.set(crate, c);
}
const codeAll = Buffer.concat(bodies.map((b) => wasm.subarray(b.start, b.start + b.size)));

// ------------------------------------------------------------ report
const out = [];
const line = (s = '') => out.push(s);
line(`wasm: ${wasmPath} — ${wasm.length} bytes, ${gz(wasm)} gzip (names section included in these two)`);
line();
line('| section | bytes |');
line('|---|---:|');
for (const s of sections) line(`| ${s.label} | ${s.size} |`);
line();
const dataAll = Buffer.concat(dataSegs.map((d) => wasm.subarray(d.start, d.start + d.size)));
line(`code: ${bodies.length} functions, ${codeTotal} bytes, ${gz(codeAll)} gzip; data: ${dataSegs.length} segments, ${dataAll.length} bytes, ${gz(dataAll)} gzip`);
line();
line('### Code by crate (where generic code is defined)');
line();
line('| crate | functions | bytes | % of code | gzip alone |');
line('|---|---:|---:|---:|---:|');
const sorted = [...crates.entries()].sort((a, b) => b[1].size - a[1].size);
for (const [crate, c] of sorted.slice(0, TOP)) {
  line(`| ${crate} | ${c.n} | ${c.size} | ${(100 * c.size / codeTotal).toFixed(1)} | ${gz(Buffer.concat(c.parts))} |`);
}
const rest = sorted.slice(TOP);
if (rest.length) {
  const size = rest.reduce((a, [, c]) => a + c.size, 0);
  line(`| (${rest.length} more) | ${rest.reduce((a, [, c]) => a + c.n, 0)} | ${size} | ${(100 * size / codeTotal).toFixed(1)} | |`);
}
line();
line('### Largest functions');
line();
line('| bytes | function |');
line('|---:|---|');
for (const f of [...funcs].sort((a, b) => b.size - a.size).slice(0, TOP)) line(`| ${f.size} | \`${f.full.slice(0, 110).replace(/\|/g, '\\|')}\` |`);
line();
if ([...dataNames.values()].some((n) => n.includes('.Lanon.') || n.includes('._ZN'))) {
  const groups = new Map();
  for (const d of dataSegs) {
    const n = (dataNames.get(d.index) ?? '?').replace(/^\.(rodata|data|bss|tdata)\./, '');
    // Anonymous constants (literals, include_bytes!, const tables) are named
    // by a hash per codegen unit, that is per crate: grouped by it, with a
    // sample of their text to tell the crate.
    const anon = n.match(/\.Lanon\.([0-9a-f]{8})/);
    const key = n.startsWith('_ZN') ? normCrate(crateOf(demangle(n))) : anon ? `anonymous constants ${anon[1]}` : n;
    const g = groups.get(key) ?? { size: 0, n: 0, parts: [], biggest: [] };
    g.size += d.size; g.n++; g.parts.push(wasm.subarray(d.start, d.start + d.size));
    const text = wasm.subarray(d.start, d.start + d.size).toString('latin1');
    g.biggest.push([d.size, n.startsWith('_ZN') ? demangle(n) : /^[\x20-\x7e]{8,}/.test(text) ? `"${text.slice(0, 40)}"` : n]);
    groups.set(key, g);
  }
  line('### Data by crate (named statics by crate; anonymous constants by codegen unit)');
  line();
  line('| crate | segments | bytes | gzip alone | largest |');
  line('|---|---:|---:|---:|---|');
  for (const [k, g] of [...groups.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, TOP)) {
    const big = g.biggest.sort((a, b) => b[0] - a[0]).slice(0, 2).map(([s, n]) => `${n.slice(0, 60)} (${s})`).join('; ').replace(/\|/g, '\\|');
    line(`| ${k} | ${g.n} | ${g.size} | ${gz(Buffer.concat(g.parts))} | ${big} |`);
  }
  line();
}
line('### Largest data segments (start shown as text where printable)');
line();
line('| bytes | gzip | starts with |');
line('|---:|---:|---|');
for (const d of [...dataSegs].sort((a, b) => b.size - a.size).slice(0, DATA)) {
  const b = wasm.subarray(d.start, d.start + d.size);
  const preview = b.subarray(0, 60).toString('latin1').replace(/[^\x20-\x7e]/g, '·').replace(/\|/g, '¦').replace(/`/g, "'");
  line(`| ${d.size} | ${gz(b)} | \`${preview}\` |`);
}

if (finds.length) {
  line();
  line('### Embedded files');
  line();
  line('| file | bytes | gzip alone | in the wasm as is |');
  line('|---|---:|---:|---|');
  for (const { label, file } of finds) {
    const b = fs.readFileSync(file);
    const probe = b.subarray(Math.floor(b.length / 2), Math.floor(b.length / 2) + 64);
    line(`| ${label} (${file}) | ${b.length} | ${gz(b)} | ${wasm.indexOf(probe) >= 0 ? 'yes' : 'no'} |`);
  }
}

// ------------------------------------------------------------ page parts
if (pagePath) {
  const html = fs.readFileSync(pagePath, 'utf8');
  const parts = [];
  let restHtml = html;
  const take = (label, re) => {
    const m = restHtml.match(re);
    if (!m) return;
    parts.push({ label, text: m[1] ?? m[0] });
    restHtml = restHtml.replace(m[1] ?? m[0], '');
  };
  take('CSS (inline style)', /<style>([\s\S]*?)<\/style>/);
  take('glue (wasm-bindgen JS)', /<script id="borderlines-glue">([\s\S]*?)<\/script>/);
  take('boot script (wasm as base64 + loader)', /<script>([\s\S]*?)<\/script>/);
  for (const m of restHtml.matchAll(/<script type="application\/octet-stream"[^>]*id="([^"]+)"[^>]*>([\s\S]*?)<\/script>/g)) {
    parts.push({ label: `pack #${m[1]} (base64)`, text: m[2] });
  }
  restHtml = restHtml.replace(/<script type="application\/octet-stream"[^>]*>[\s\S]*?<\/script>/g, '');
  parts.push({ label: 'template, CSP and the rest', text: restHtml });
  line();
  line(`### Page: ${pagePath} — ${Buffer.byteLength(html)} bytes, ${gz(Buffer.from(html))} gzip`);
  line();
  line('| part | bytes | gzip alone |');
  line('|---|---:|---:|');
  for (const p of parts) line(`| ${p.label} | ${Buffer.byteLength(p.text)} | ${gz(Buffer.from(p.text))} |`);
}
console.log(out.join('\n'));
