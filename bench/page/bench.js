// In-page benchmark: the same documents and queries through borderlines-search
// (wasm), MiniSearch, FlexSearch and Lunr. run.mjs drives it step by step
// (so it can read the heap between steps) through window.bench.
import init, { Bench } from './pkg/borderlines_search_bench.js';
import MiniSearch from './lib/minisearch/index.js';
import { Index as FlexIndex } from './lib/flexsearch.bundle.module.min.mjs';

const REPS = 5;
const state = { docs: null, queries: null, engine: null, wasm: null, bytes: null };
const log = (s) => { document.getElementById('log').textContent += '\n' + s; };
const now = () => performance.now();

// Per engine: build(docs) -> engine, search(engine, query) -> ranked doc indices.
const engines = {
  ours: {
    build(docs) {
      const b = new Bench();
      for (const d of docs) b.add(d.id, d.title, d.body);
      // The corpus copied into wasm is not index memory: note where it ends.
      state.wasmAfterAdd = state.wasm.memory.buffer.byteLength;
      b.build();
      return b;
    },
    search(b, q) {
      b.search(q.q, 20);
      return Array.from(b.hits());
    },
    size(b) { return b.toBytes().length; },
  },
  // The same engine and index, ranking only (no snippets or title marks).
  ours_lean: {
    build(docs) { return engines.ours.build(docs); },
    search(b, q) {
      b.searchLean(q.q, 20);
      return Array.from(b.hits());
    },
    size(b) { return b.toBytes().length; },
  },
  minisearch: {
    build(docs) {
      const ms = new MiniSearch({ fields: ['title', 'body'], idField: 'i', searchOptions: { boost: { title: 3 } } });
      ms.addAll(docs);
      return ms;
    },
    search(ms, q) {
      const long = q.terms[0].length >= 6;
      const opts = { combineWith: 'AND', prefix: q.kind === 'prefix', fuzzy: q.kind === 'typo' ? (long ? 2 : 1) : false };
      return ms.search(q.terms.join(' '), opts).slice(0, 20).map((r) => r.id);
    },
    size(ms) { return JSON.stringify(ms).length; },
  },
  flexsearch: {
    build(docs) {
      const ix = new FlexIndex({ tokenize: 'forward' });
      for (const d of docs) ix.add(d.i, d.title + '\n' + d.body);
      return ix;
    },
    search(ix, q) { return ix.search(q.terms.join(' '), { limit: 20 }); },
    async size(ix) {
      let n = 0;
      await ix.export((key, data) => { n += String(key).length + (data ? String(data).length : 0); });
      return n;
    },
  },
  lunr: {
    build(docs) {
      return window.lunr(function () {
        this.ref('i');
        this.field('title', { boost: 3 });
        this.field('body');
        for (const d of docs) this.add(d);
      });
    },
    search(ix, q) {
      const long = q.terms[0].length >= 6;
      let s;
      if (q.kind === 'prefix') s = `${q.terms[0]}*`;
      else if (q.kind === 'typo') s = `${q.terms[0]}~${long ? 2 : 1}`;
      else s = q.terms.map((t) => `+${t}`).join(' ');
      try { return ix.search(s).slice(0, 20).map((r) => Number(r.ref)); } catch { return []; }
    },
    size(ix) { return JSON.stringify(ix).length; },
  },
};

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1], n: s.length };
}

// A plain BM25 over the same tokens (our index keys), one field: the
// reference the ranking agreement is measured against.
function referenceBm25(docsKeys) {
  const N = docsKeys.length;
  const df = new Map();
  const tfs = docsKeys.map((keys) => {
    const tf = new Map();
    for (const k of keys) tf.set(k, (tf.get(k) || 0) + 1);
    for (const k of tf.keys()) df.set(k, (df.get(k) || 0) + 1);
    return tf;
  });
  const avg = docsKeys.reduce((a, k) => a + k.length, 0) / N;
  const idf = (t) => Math.log(1 + (N - (df.get(t) || 0) + 0.5) / ((df.get(t) || 0) + 0.5));
  const hasPhrase = (keys, p) => keys.some((k, i) => p.every((w, j) => keys[i + j] === w));
  return (terms, phrase) => {
    const scored = [];
    for (let d = 0; d < N; d++) {
      const tf = tfs[d];
      if (!terms.every((t) => tf.has(t))) continue;
      if (phrase && !hasPhrase(docsKeys[d], terms)) continue;
      let s = 0;
      for (const t of terms) {
        const f = tf.get(t);
        s += idf(t) * (f * 2.2) / (f + 1.2 * (0.25 + 0.75 * docsKeys[d].length / avg));
      }
      scored.push([d, s]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return scored.slice(0, 10).map((x) => x[0]);
  };
}

window.bench = {
  async load() {
    state.wasm = await init();
    const [docs, queries] = await Promise.all([fetch('data/corpus.json').then((r) => r.json()), fetch('data/queries.json').then((r) => r.json())]);
    docs.forEach((d, i) => { d.i = i; });
    state.docs = docs;
    state.queries = queries;
    log(`${docs.length} documents, ${queries.length} queries, crossOriginIsolated=${self.crossOriginIsolated}`);
    return { docs: docs.length, queries: queries.length, isolated: self.crossOriginIsolated };
  },
  wasmBytes() { return state.wasm.memory.buffer.byteLength; },
  wasmAfterAdd() { return state.wasmAfterAdd; },
  async build(name) {
    const t0 = now();
    state.engine = engines[name].build(state.docs);
    const ms = now() - t0;
    log(`${name}: built in ${ms.toFixed(0)} ms`);
    return ms;
  },
  async size(name) { return await engines[name].size(state.engine); },
  async queries(name) {
    const e = engines[name];
    const byKind = {};
    const all = [];
    const results = [];
    for (const q of state.queries) {
      const ids = e.search(state.engine, q); // warm-up, and the ranking compared
      results.push(ids.slice(0, 10).map(Number));
      for (let r = 0; r < REPS; r++) {
        const t0 = now();
        e.search(state.engine, q);
        const dt = now() - t0;
        all.push(dt);
        (byKind[q.kind] ||= []).push(dt);
      }
    }
    const kinds = Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, stats(v)]));
    log(`${name}: median ${stats(all).median.toFixed(3)} ms, p95 ${stats(all).p95.toFixed(3)} ms`);
    return { all: stats(all), kinds, results };
  },
  drop() { if (state.engine && state.engine.free) state.engine.free(); state.engine = null; },
  // Serialize our index, then time loading it into a fresh engine and a first query.
  async prebuilt() {
    const b = engines.ours.build(state.docs);
    const bytes = b.toBytes();
    b.free();
    const fresh = new Bench();
    for (const d of state.docs) fresh.add(d.id, d.title, d.body);
    const t0 = now();
    const ok = fresh.load(bytes);
    const t1 = now();
    fresh.search(state.queries[0].q, 20);
    const t2 = now();
    fresh.free();
    return { ok, bytes: bytes.length, loadMs: t1 - t0, firstQueryMs: t2 - t1 };
  },
  // Reference BM25 top 10 per query (single, multi, phrase kinds).
  async reference() {
    const b = new Bench();
    const keys = state.docs.map((d) => b.keys(d.title + '\n' + d.body).split(' ').filter(Boolean));
    const ref = referenceBm25(keys);
    const out = state.queries.map((q) => {
      if (!['single-frequent', 'single-rare', 'multi', 'phrase'].includes(q.kind)) return null;
      const terms = q.terms.map((t) => b.keys(t)).filter(Boolean);
      return ref(terms, q.kind === 'phrase');
    });
    // Ours ranked as plainly as it allows (equal field weights, no proximity).
    for (const d of state.docs) b.add(d.id, d.title, d.body);
    b.build();
    const plain = state.queries.map((q) => { b.searchPlain(q.q, 10); return Array.from(b.hits()); });
    b.free();
    return { ref: out, plain };
  },
};
log('ready');
window.benchReady = true;
