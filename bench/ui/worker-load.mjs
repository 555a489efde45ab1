// Long tasks on the main thread while "+ Add documents" loads files (the
// loading worker, src/load_worker): adds either one generated 20 MB text
// file (as tests/e2e/big.test.mjs) or the bench corpus' .txt files, and
// prints time to "Added …", time until a search over the new documents
// answers, the longest main-thread task and every task over 50 ms, plus the
// page's own figures (window.__borderlines_load: worker time, time to open
// the snapshot on the main thread, snapshot size).
//
// Usage: node bench/ui/worker-load.mjs page.html big20
//        node bench/ui/worker-load.mjs page.html corpus [N]   (needs bench/ui/run.sh's files)
//        node bench/ui/worker-load.mjs page.html corpus-zip   (the same files as one ZIP archive)
//        node bench/ui/worker-load.mjs page.html corpus-csv [N]   (the first N, default 6,000, as one CSV table)
//        node bench/ui/worker-load.mjs page.html line5|lines300k|noise1   (the other rows of
//          the big-documents table: one 5 MB line, 300,000 short lines, 1 MB of random bytes)
//        RELOAD=3 node bench/ui/worker-load.mjs page.html corpus   (then reloads 3 times and times
//          reopening the corpus kept in IndexedDB)
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(path.join(here, '..', '..', 'package.json'))('playwright-core');
const [pagePath, what = 'big20', nArg] = process.argv.slice(2);

function ordinary(bytes) {
  const vocab = 'border fence guards river defectors smuggling tumen yalu china russia korea village night patrol trade wall mines soldiers bridge crossing winter summer report'.split(' ');
  let x = 11; const w = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return vocab[x % vocab.length]; };
  const parts = ['A Long Report on the Northern Border', ''];
  let size = 0; let i = 0;
  while (size < bytes) {
    const p = `${i++}. ` + Array.from({ length: 6 }, () => Array.from({ length: 14 }, w).join(' ') + '.').join(' ');
    parts.push(p, ''); size += p.length + 2;
  }
  return Buffer.from(parts.join('\n'));
}

let files; let probe;
if (what === 'corpus') {
  const dir = fs.readdirSync(path.join(os.homedir(), '.cache/borderlines/bench/files')).map((d) => path.join(os.homedir(), '.cache/borderlines/bench/files', d))
    .sort((a, b) => fs.readdirSync(b).length - fs.readdirSync(a).length)[0];
  files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
  if (nArg) files = files.slice(0, Number(nArg));
  probe = 'defectors';
} else if (what === 'corpus-zip') {
  // The same files as one ZIP archive (a folder export): one file to read.
  const dir = fs.readdirSync(path.join(os.homedir(), '.cache/borderlines/bench/files')).map((d) => path.join(os.homedir(), '.cache/borderlines/bench/files', d))
    .sort((a, b) => fs.readdirSync(b).length - fs.readdirSync(a).length)[0];
  const zip = path.join(os.tmpdir(), `borderlines-${path.basename(dir)}.zip`);
  if (!fs.existsSync(zip)) {
    const { execFileSync } = await import('node:child_process');
    execFileSync('python3', ['-c', 'import sys,os,zipfile\nd,z=sys.argv[1:3]\nwith zipfile.ZipFile(z,"w",zipfile.ZIP_DEFLATED) as f:\n  [f.write(os.path.join(d,n),n) for n in sorted(os.listdir(d)) if n.endswith(".txt")]', dir, zip]);
  }
  files = [zip];
  probe = 'defectors';
} else if (what === 'corpus-csv') {
  // The first N (default 6,000) files as the records of one CSV export
  // (title, text: the first line and the rest), under the 25 MB a file may
  // weigh: one table through the mapping review, whose records are handed
  // on to indexing as they become documents.
  const dir = fs.readdirSync(path.join(os.homedir(), '.cache/borderlines/bench/files')).map((d) => path.join(os.homedir(), '.cache/borderlines/bench/files', d))
    .sort((a, b) => fs.readdirSync(b).length - fs.readdirSync(a).length)[0];
  const n = Number(nArg ?? 6000);
  const csv = path.join(os.tmpdir(), `borderlines-${path.basename(dir)}-${n}.csv`);
  if (!fs.existsSync(csv)) {
    const q = (s) => `"${s.replaceAll('"', '""')}"`;
    const rows = ['title,text'];
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, n)) {
      const [title, ...rest] = fs.readFileSync(path.join(dir, f), 'utf8').split('\n');
      rows.push(`${q(title.trim())},${q(rest.join('\n').trim())}`);
    }
    fs.writeFileSync(csv, rows.join('\r\n') + '\r\n');
  }
  files = [csv];
  probe = 'defectors';
} else if (what === 'line5' || what === 'lines300k' || what === 'noise1') {
  // The other rows of the "big and odd documents" table, written to files.
  const vocab = 'border fence guards river defectors smuggling tumen yalu china russia korea village night patrol'.split(' ');
  let x = 5; const rnd = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  const file = path.join(os.tmpdir(), `borderlines-${what}.txt`);
  if (!fs.existsSync(file)) {
    if (what === 'line5') {
      const out = ['One Line Dump']; let words = [];
      let size = 0; while (size < 5 * 1024 * 1024) { const w = vocab[rnd() % vocab.length]; words.push(w); size += w.length + 1; }
      out.push(words.join(' '));
      fs.writeFileSync(file, out.join('\n'));
    } else if (what === 'lines300k') {
      const out = ['Transcript of the Hearing Northern', ''];
      for (let i = 0; i < 300000; i++) out.push(`${i + 1}: ${vocab[rnd() % vocab.length]} ${vocab[rnd() % vocab.length]} ${vocab[rnd() % vocab.length]}`);
      fs.writeFileSync(file, out.join('\n'));
    } else {
      const b = Buffer.alloc(1024 * 1024); for (let i = 0; i < b.length; i++) b[i] = rnd() & 0xff;
      fs.writeFileSync(file, b);
    }
  }
  files = [file];
  probe = what === 'noise1' ? 'defectors' : what === 'line5' ? 'dump' : 'transcript';
} else {
  // Written to a file, so playwright hands the path to Chromium: a buffer
  // would be turned into a File by script in the page, itself a long task.
  const file = path.join(os.tmpdir(), 'borderlines-report-20mb.txt');
  if (!fs.existsSync(file)) fs.writeFileSync(file, ordinary(20 * 1024 * 1024));
  files = [file];
  probe = 'northern';
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('page error', e.message));
await page.goto(`file://${path.resolve(pagePath)}`);
await page.waitForSelector('[data-testid=app][data-state=ready]');
await page.evaluate(() => {
  window.__lt = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push({ start: e.startTime, d: e.duration }); }).observe({ type: 'longtask', buffered: true });
});
await page.evaluate(() => {
  // When the page's change handler starts and when the event has passed
  // every listener (to tell the page's work from the file chooser's).
  window.addEventListener('change', () => { window.__changeAt = performance.now(); }, { capture: true });
  window.addEventListener('change', () => { window.__changeEnd = performance.now(); });
});
const t0 = await page.evaluate(() => performance.now());
// No timeout: Chromium builds the FileList of 87,000 files in over 30 s.
await page.setInputFiles('[data-testid=add-documents]', files, { timeout: 0 });
const tPosted = await page.evaluate(() => performance.now());
if (what === 'corpus-csv') {
  // A table is reviewed before it is read: take the guessed columns.
  await page.click('[data-testid=mapping-import]', { timeout: 120000 });
}
await page.waitForFunction(() => /^(Added|No document|Nothing|Cancelled)/.test(document.querySelector('[data-testid=load-status]')?.textContent ?? ''), null, { timeout: 15 * 60 * 1000, polling: 50 });
const tAdded = await page.evaluate(() => performance.now());
const status = await page.textContent('[data-testid=load-status] .load-summary');
await page.fill('[data-testid=search-input]', probe);
await page.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''), null, { timeout: 60000 });
const tSearch = await page.evaluate(() => performance.now());
const lt = await page.evaluate((t0) => window.__lt.filter((e) => e.start + e.d >= t0).map((e) => [Math.round(e.start - t0), Math.round(e.d)]), t0);
const figures = await page.evaluate(() => window.__borderlines_load);
// The page's own marks (User Timing, "borderlines:…"): which step each long task belongs to.
const marks = await page.evaluate((t0) => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('borderlines:') && m.startTime >= t0).map((m) => [Math.round(m.startTime - t0), m.name.slice(12)]), t0);
const change = await page.evaluate((t0) => [window.__changeAt - t0, window.__changeEnd - window.__changeAt].map(Math.round), t0);
console.log(JSON.stringify({
  what, files: files.length, status,
  setInputFilesMs: Math.round(tPosted - t0), addedMs: Math.round(tAdded - t0), searchableMs: Math.round(tSearch - t0),
  changeEventAtMs: change[0], changeHandlersMs: change[1],
  longestTaskMs: Math.max(0, ...lt.map((e) => e[1])),
  longestTaskAfterChangeMs: Math.max(0, ...lt.filter((e) => e[0] >= change[0]).map((e) => e[1])), longTasks: lt.filter((e) => e[1] > 50), figures, marks,
}, null, 1));
if (process.env.RELOAD) {
  // The corpus kept in IndexedDB: wait until it is saved, then reload and
  // time navigation → ready (the seeds answer) and → the saved corpus open.
  await page.waitForFunction(() => document.querySelector('[data-testid=load-kept]')?.textContent === 'Kept in this browser.', null, { timeout: 5 * 60 * 1000 });
  // Saving: from the page's marks, and the long tasks while it ran.
  const save = await page.evaluate(() => {
    const at = (n) => performance.getEntriesByName(`borderlines:${n}`).at(-1)?.startTime;
    const [from, to] = [at('saving'), at('saved')];
    return { saveMs: Math.round(to - from), longTasksWhileSaving: window.__lt.filter((e) => e.start + e.d >= from && e.start <= to).map((e) => Math.round(e.d)).filter((d) => d > 50) };
  });
  console.log(JSON.stringify(save));
  await page.addInitScript(() => {
    window.__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
  const runs = [];
  for (let i = 0; i < Number(process.env.RELOAD); i++) {
    await page.reload();
    await page.waitForSelector('[data-testid=app][data-state=ready]');
    const ready = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => /^Opened your saved corpus/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 60000, polling: 20 });
    const opened = await page.evaluate(() => performance.now());
    const lt = await page.evaluate(() => window.__lt);
    // Where the time went: the page's own marks (ms since navigation).
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('borderlines:')).map((m) => [m.name.slice(12), Math.round(m.startTime)])));
    runs.push({ readyMs: Math.round(ready), savedOpenMs: Math.round(opened), marks, longestTaskMs: Math.max(0, ...lt.map((e) => e[1])), longTasks: lt.filter((e) => e[1] > 50) });
  }
  console.log(JSON.stringify({ reload: runs }, null, 1));
}
await browser.close();
