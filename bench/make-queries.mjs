// Builds the benchmark's query set from the corpus, deterministically (a
// seeded PRNG): single frequent and rare words, several words from one
// paragraph, two-word phrases, prefixes and typos. Each query has our
// syntax (q) and its plain words (terms) for the other engines.
import fs from 'node:fs';

const [corpusFile, outFile] = process.argv.slice(2);
const docs = JSON.parse(fs.readFileSync(corpusFile, 'utf8'));

let seed = 20261122;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (arr) => arr[Math.floor(rand() * arr.length)];

const STOP = new Set('a about after all also an and any are as at be been but by can could did do does for from had has have he her his how i if in into is it its may more most no not of on or our out over said she so some such than that the their them then there these they this those to up was we were what when where which while who will with would you your'.split(' '));
const wordsOf = (s) => (s.toLowerCase().match(/[a-z]+/g) || []);
const df = new Map();
for (const d of docs) for (const w of new Set(wordsOf(d.title + ' ' + d.body))) df.set(w, (df.get(w) || 0) + 1);
const content = [...df.keys()].filter((w) => w.length >= 4 && !STOP.has(w)).sort();
const frequent = content.filter((w) => df.get(w) >= 500);
const rare = content.filter((w) => df.get(w) >= 2 && df.get(w) <= 5 && w.length >= 5);
const mid = content.filter((w) => df.get(w) >= 20 && df.get(w) < 500 && w.length >= 6);

const queries = [];
const add = (kind, q, terms) => queries.push({ kind, q, terms });
for (let i = 0; i < 20; i++) { const w = pick(frequent); add('single-frequent', w, [w]); }
for (let i = 0; i < 20; i++) { const w = pick(rare); add('single-rare', w, [w]); }
for (let i = 0; queries.length < 60 + 0 * i; i++) {
  const d = pick(docs);
  const para = pick(d.body.split('\n\n'));
  const ws = wordsOf(para).filter((w) => w.length >= 4 && !STOP.has(w));
  if (ws.length < 6) continue;
  const n = 2 + Math.floor(rand() * 2);
  const start = Math.floor(rand() * (ws.length - 5));
  const terms = [...new Set(ws.slice(start, start + 5).filter(() => rand() < 0.7))].slice(0, n);
  if (terms.length >= 2) add('multi', terms.join(' '), terms);
}
while (queries.length < 80) {
  const d = pick(docs);
  const ws = wordsOf(pick(d.body.split('\n\n')));
  if (ws.length < 4) continue;
  const i = Math.floor(rand() * (ws.length - 1));
  const [a, b] = [ws[i], ws[i + 1]];
  if (STOP.has(a) || STOP.has(b) || a.length < 3 || b.length < 3) continue;
  add('phrase', `"${a} ${b}"`, [a, b]);
}
for (let i = 0; i < 20; i++) { const w = pick(i % 2 ? frequent : mid); const p = w.slice(0, Math.max(4, w.length - 3)); add('prefix', `${p}*`, [p]); }
while (queries.length < 120) {
  const w = pick(mid);
  const i = 1 + Math.floor(rand() * (w.length - 3));
  const typo = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  if (typo === w || df.has(typo)) continue;
  add('typo', typo, [typo]);
}
fs.writeFileSync(outFile, JSON.stringify(queries, null, 1));
console.log(`queries: ${queries.length} → ${outFile}`);
