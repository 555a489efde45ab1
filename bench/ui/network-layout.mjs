// The entity network's force layout in Chromium, on the bench corpus loaded
// through the page's own "+ Add documents" input: for 60, 150 and 300
// entities, over the whole corpus and two searches, the time the layout
// itself took in wasm (the page writes it to `data-layout-ms` of the graph,
// from performance.now() around `Network::lay_out`) and the time from the
// link changing to the next paint (counting, layout and drawing).
//
// Usage: node bench/ui/network-layout.mjs [page.html] [files-dir]
//   page.html defaults to dist/borderlines.html; files-dir to the bench
//   cache's corpus-14491 (made by bash bench/ui/run.sh).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const pagePath = path.resolve(process.argv[2] ?? 'dist/borderlines.html');
const dir = process.argv[3] ?? path.join(os.homedir(), '.cache/borderlines/bench/files/corpus-14491');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
const problems = [];
page.on('pageerror', (e) => problems.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
await page.goto(pathToFileURL(pagePath).href);
await page.waitForSelector('[data-testid=app][data-state=ready]');
await page.setInputFiles('[data-testid=add-documents]', files, { timeout: 300000 });
await page.waitForFunction(() => /^Added/.test(document.querySelector('[data-testid=load-status]')?.textContent ?? ''), null, { timeout: 300000, polling: 500 });
const docs = await page.textContent('.corpus-summary');
console.log(`loaded: ${docs}`);

/** Sets the link, waits for the graph it asks for, then the next paint. */
async function show(hash) {
  return page.evaluate(async (h) => {
    const t0 = performance.now();
    location.hash = h;
    const want = new URLSearchParams(h.slice(1));
    for (;;) {
      await new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); }));
      const g = document.querySelector('[data-testid=network-graph]');
      const n = g ? Number(g.dataset.nodes) : -1;
      if (g && (n === Number(want.get('ntop')) || performance.now() - t0 > 20000)) {
        return { ms: performance.now() - t0, layoutMs: Number(g.dataset.layoutMs), nodes: n, edges: Number(g.dataset.edges) };
      }
    }
  }, hash);
}

const rows = [];
for (const top of [60, 150, 300]) {
  for (const q of ['', 'president', 'border']) {
    const runs = [];
    for (let i = 0; i < 4; i++) {
      // Leave the network between runs so each run lays out again.
      await page.evaluate(() => { location.hash = '#view=documents'; });
      await page.waitForTimeout(300);
      runs.push(await show(`#view=network&ntop=${top}${q ? `&q=${q}` : ''}`));
      await page.waitForTimeout(200);
    }
    const med = (k) => { const v = runs.map((r) => r[k]).sort((a, b) => a - b); return (v[1] + v[2]) / 2; };
    const max = (k) => Math.max(...runs.map((r) => r[k]));
    rows.push(`| ${top} | \`${q}\` | ${runs[0].nodes} | ${runs[0].edges} | ${med('layoutMs').toFixed(1)} | ${max('layoutMs').toFixed(1)} | ${med('ms').toFixed(0)} | ${max('ms').toFixed(0)} |`);
    console.log(rows[rows.length - 1]);
  }
}
console.log(`\n${docs}; Chromium ${browser.version()}; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`);
console.log('| entities asked | query | nodes | edges | layout ms (median) | layout ms (max) | link → paint ms (median) | link → paint ms (max) |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
if (problems.length) console.log('problems:', problems);
await browser.close();
