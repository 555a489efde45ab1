// Shared harness of the end-to-end suites: opens dist/borderlines.html from
// file:// in Debian's Chromium (driven by playwright-core), records every
// network request, console error, page error and dialog as a problem, and
// runs a table of tests printing "N passed, N failed".
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const page_path = resolve(process.argv[2] ?? 'dist/borderlines.html');
export const page_url = pathToFileURL(page_path).href;
export const shots = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'borderlines-screenshots');
mkdirSync(shots, { recursive: true });

export const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // playwright gives each launch a fresh, empty profile directory of its own.
});

/** A fresh context and page that record every request and console error. */
export async function open_page(url = page_url, viewport = { width: 1280, height: 860 }, options = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = [];
  context.on('request', (r) => {
    const u = r.url();
    // blob: is the loading worker's script, made by the page from its own
    // inline glue (src/load_worker); it never leaves the browser.
    if (!u.startsWith('data:') && !u.startsWith('blob:') && u.split('#')[0] !== page_url) problems.push(`network request: ${u}`);
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog opened: ${d.message()}`); d.dismiss(); });
  await page.goto(url);
  await page.waitForSelector('[data-testid=app][data-state=ready]', { timeout: 15000 });
  return { page, context, problems };
}

export const titles = (page) => page.$$eval('[data-testid=result-title]', (els) => els.map((e) => e.textContent));
export const reader_title = (page) => page.textContent('[data-testid=reader-title]');
export const count = (page) => page.textContent('[data-testid=result-count]');
/** Types a query and waits until the URL (written after every search) carries it. */
export async function search(page, q) {
  await page.fill('[data-testid=search-input]', q);
  const encoded = new URLSearchParams({ q }).toString();
  await page.waitForFunction((e) => location.hash.includes(e), encoded);
}
export function expect(cond, what) { if (!cond) throw new Error(what); }
export function eq(a, b, what) { expect(JSON.stringify(a) === JSON.stringify(b), `${what}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`); }

/** Runs every test of the table (or those ONLY names) and exits with the tally. */
export async function run(tests) {
  let passed = 0;
  let failed = 0;
  for (const [name, run] of Object.entries(tests)) {
    // ONLY=words runs the tests whose names contain them (while working on one).
    if (process.env.ONLY && !name.includes(process.env.ONLY)) continue;
    try {
      const problems = await run();
      if (problems.length) throw new Error(problems.join('\n      '));
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
}
