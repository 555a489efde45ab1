// Startup benchmark: time from navigation to `data-state="ready"` on the app's
// root, for one or more built pages opened from file:// in headless Chromium.
// Pages are measured in turns (a, b, a, b …) so load on the machine hits each
// alike. A benchmark, reported, never asserted.
//
// Usage: node bench/size/startup.mjs [--runs N] PAGE.html [PAGE2.html …]
//   default: 15 runs of dist/borderlines.html, after one warm-up run each.
//
// Each run is a fresh browser context (no cache, no storage). Before any page
// script runs, an init script watches the DOM and stamps `performance.now()`
// (milliseconds since navigation start) when `[data-testid=app][data-state=ready]`
// appears. Also read: the page's own `performance.mark`s if any (the boot script
// of `cargo xtask dist` marks `borderlines:wasm-bytes` when the wasm's bytes are
// decoded and `borderlines:wasm-ready` when `main` has run), the app's
// `data-decode-ms` (opening the seeds' snapshot), the first contentful paint
// and the longest task.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL, fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const { chromium } = createRequire(path.join(repo, 'package.json'))('playwright-core');

const args = process.argv.slice(2);
let runs = 15;
const ri = args.indexOf('--runs');
if (ri >= 0) { runs = Number(args[ri + 1]); args.splice(ri, 2); }
const pages = (args.length ? args : [path.join(repo, 'dist', 'borderlines.html')]).map((p) => path.resolve(p));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const INIT = () => {
  window.__startup = { ready: null, longest: 0 };
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__startup.longest = Math.max(window.__startup.longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long-task timing */ }
  const check = () => {
    if (window.__startup.ready === null && document.querySelector('[data-testid=app][data-state=ready]')) {
      window.__startup.ready = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
};

async function once(file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
  await page.waitForSelector('[data-testid=app][data-state=ready]', { timeout: 30000 });
  // The first paint with content: what the user sees (style, layout and
  // paint of the mounted view come after `ready`).
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 30000 });
  const r = await page.evaluate(() => {
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      ready: window.__startup.ready,
      longest: window.__startup.longest,
      domInteractive: nav?.domInteractive ?? null,
      wasmBytes: mark('borderlines:wasm-bytes'),
      wasmReady: mark('borderlines:wasm-ready'),
      paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
      decodeMs: Number(document.querySelector('[data-testid=app]')?.dataset.decodeMs ?? NaN),
    };
  });
  await context.close();
  if (errors.length) throw new Error(`${file}: ${errors.join('; ')}`);
  return r;
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => (x === null ? '–' : x.toFixed(1));

const results = pages.map(() => []);
for (const p of pages) await once(p); // warm-up: disk cache, Chromium's own start
for (let i = 0; i < runs; i++) {
  for (let j = 0; j < pages.length; j++) results[j].push(await once(pages[j]));
}
await browser.close();

console.log(`startup, ${runs} runs each, median (min–max) in ms since navigation start; ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('');
console.log('| page | raw bytes | gzip | ready | (min–max) | DOM interactive | wasm bytes decoded | main done | first paint | snapshot decode | longest task |');
console.log('|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|');
pages.forEach((p, j) => {
  const rs = results[j];
  const html = fs.readFileSync(p);
  const col = (k) => median(rs.map((r) => r[k]));
  const readies = rs.map((r) => r.ready);
  console.log(`| ${path.relative(process.cwd(), p) || p} | ${html.length} | ${zlib.gzipSync(html, { level: 9 }).length} | **${fmt(col('ready'))}** | ${fmt(Math.min(...readies))}–${fmt(Math.max(...readies))} | ${fmt(col('domInteractive'))} | ${fmt(col('wasmBytes'))} | ${fmt(col('wasmReady'))} | ${fmt(col('paint'))} | ${fmt(col('decodeMs'))} | ${fmt(col('longest'))} |`);
});
