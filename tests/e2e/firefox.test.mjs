// Firefox smoke suite: the built page opened from file:// in Debian's
// Firefox ESR, driven over WebDriver BiDi by puppeteer-core (Playwright
// drives only its own patched Firefox builds, which are a browser download).
// It checks what differs by browser: the start from file:// (the compressed
// wasm, the strict CSP), the loading module in a Blob worker, and IndexedDB
// on file:// (Firefox keeps it; the page reopens the corpus after a reload).
// Like the Chromium suites it fails on any page error, console error or
// request that leaves the page.
//
// Usage: node tests/e2e/firefox.test.mjs dist/borderlines.html
import puppeteer from 'puppeteer-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const page_url = pathToFileURL(resolve(process.argv[2] ?? 'dist/borderlines.html')).href;
const shots = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'borderlines-screenshots');
mkdirSync(shots, { recursive: true });
const expect = (cond, what) => { if (!cond) throw new Error(what); };

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
  headless: true,
  protocol: 'webDriverBiDi',
  defaultViewport: { width: 1280, height: 860 },
  // A fresh profile of puppeteer's own; nothing is fetched at start.
  extraPrefsFirefox: { 'network.captive-portal-service.enabled': false, 'app.update.enabled': false },
});

/** One page for the whole suite (its IndexedDB must outlive a reload), recording problems. */
const page = await browser.newPage();
const problems = [];
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
page.on('request', (r) => {
  const u = r.url();
  if (!u.startsWith('data:') && !u.startsWith('blob:') && u.split('#')[0] !== page_url) problems.push(`network request: ${u}`);
});
page.on('dialog', (d) => { problems.push(`dialog opened: ${d.message()}`); d.dismiss(); });

const ready = () => page.waitForSelector('[data-testid=app][data-state=ready]', { timeout: 20000 });
const text = (sel) => page.$eval(sel, (e) => e.textContent);

const tests = {
  async 'starts from file:// and shows the seeds'() {
    await page.goto(page_url);
    await ready();
    expect(/^3 documents?/i.test(await text('[data-testid=result-count]')), `count: ${await text('[data-testid=result-count]')}`);
    await page.type('[data-testid=search-input]', 'fence');
    await page.waitForFunction(() => /of 3/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));
    await page.screenshot({ path: join(shots, 'firefox-search.png') });
  },

  async 'adds files in the loading worker and finds them'() {
    const dir = mkdtempSync(join(tmpdir(), 'borderlines-ff-'));
    const files = [1, 2, 3].map((i) => {
      const path = join(dir, `wire-${i}.txt`);
      writeFileSync(path, `Guards Seal Crossing ${i}\n\nSEOUL, Nov 3 (Reuters) - North Korean guards sealed crossing number ${i} near Hyesan on the Yalu river, officials said.\n`);
      return path;
    });
    const input = await page.$('[data-testid=add-documents]');
    await input.uploadFile(...files);
    await page.waitForFunction(() => /^(Added|Nothing)/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), { timeout: 30000 });
    rmSync(dir, { recursive: true, force: true });
    const summary = await text('[data-testid=load-status] .load-summary');
    expect(summary.startsWith('Added 3 documents'), `load summary: ${summary}`);
    const figures = await page.evaluate(() => window.__borderlines_load ?? null);
    expect(figures?.worker === true, `the files were read in the loading worker: ${JSON.stringify(figures)}`);
    await page.$eval('[data-testid=search-input]', (e) => { e.value = ''; });
    await page.type('[data-testid=search-input]', '"crossing number"');
    await page.waitForFunction(() => /3 of 6/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''), { timeout: 5000 })
      .catch(async () => { throw new Error(`after searching: ${await text('[data-testid=result-count]')} (box: ${await page.$eval('[data-testid=search-input]', (e) => e.value)})`); });
  },

  async 'reopens the saved corpus after a reload (IndexedDB on file://)'() {
    // Saving is after the corpus is shown: wait for the page to say so.
    await page.waitForFunction(() => /Kept in this browser/.test(document.querySelector('[data-testid=load-status]')?.textContent ?? ''), { timeout: 15000 });
    await page.goto(page_url);
    await ready();
    await page.waitForFunction(() => /^6 documents/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''), { timeout: 15000 });
    await page.screenshot({ path: join(shots, 'firefox-reopened.png') });
  },
};

let passed = 0;
let failed = 0;
for (const [name, run] of Object.entries(tests)) {
  if (process.env.ONLY && !name.includes(process.env.ONLY)) continue;
  const before = problems.length;
  try {
    await run();
    if (problems.length > before) throw new Error(problems.slice(before).join('\n      '));
    passed++;
    console.log(`  ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`  FAIL ${name}\n      ${e.message.split('\n').join('\n      ')}`);
  }
}
await browser.close();
console.log(`e2e: screenshots in ${shots}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
