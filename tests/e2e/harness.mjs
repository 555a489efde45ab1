// Shared harness of the end-to-end suites: opens dist/borderlines.html from
// file:// in Debian's Chromium (driven by playwright-core), records every
// network request, console error, page error, dialog, popup and navigation
// away from the page as a problem, and runs a table of tests printing
// "N passed, N failed". `hostile_checks` adds what the hostile-input suite
// needs after each step: no global a script created, no markup that could run.
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
/** `waitUntil`: 'load' (the default: the page parsed, its data packs in) or 'commit' (the explorer may start while the rest of the page is still parsed). */
export async function open_page(url = page_url, viewport = { width: 1280, height: 860 }, options = {}, waitUntil = 'load') {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = [];
  // The page's own address (a page saved by the page itself is opened from its own file).
  const own = url.split('#')[0];
  context.on('request', (r) => {
    const u = r.url();
    // blob: is the loading worker's script, made by the page from its own
    // inline glue (src/load_worker); it never leaves the browser.
    if (!u.startsWith('data:') && !u.startsWith('blob:') && u.split('#')[0] !== own) problems.push(`network request: ${u}`);
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog opened: ${d.message()}`); d.dismiss(); });
  context.on('page', (p) => problems.push(`a new window opened: ${p.url()}`));
  page.on('framenavigated', (f) => {
    // Moving between fragments is the app's own navigation; anything else
    // (another document, a javascript: or data: URL, a frame) is not.
    if (f === page.mainFrame() && f.url().split('#')[0] !== own) problems.push(`navigated away to ${f.url()}`);
    if (f !== page.mainFrame()) problems.push(`a frame navigated to ${f.url()}`);
  });
  await page.goto(url, { waitUntil });
  await page.waitForSelector('[data-testid=app][data-state=ready]', { timeout: 15000 });
  return { page, context, problems };
}

/** Names the page itself may add to `window` after start (everything else is a script someone smuggled in). */
const OWN_GLOBALS = /^__borderlines/;

/**
 * Records the page's globals now (call right after `open_page`); returns a
 * function that, after each step, lists what would show that hostile text
 * ran or became markup: new globals (every vector sets `window.__pwned_N`),
 * script, frame, object, form, base, meta-refresh, media or MathML elements,
 * `on…` attributes, URLs that are not the page's own fragments, and styles
 * that load or evaluate something.
 */
export async function hostile_checks(page) {
  const baseline = new Set(await page.evaluate(() => Object.getOwnPropertyNames(window)));
  const dom = await page.evaluate(() => ({ scripts: document.scripts.length, styles: document.querySelectorAll('style, link').length }));
  return async (step) => {
    const found = await page.evaluate(({ baseline, dom, own }) => {
      const out = [];
      const known = new Set(baseline);
      for (const name of Object.getOwnPropertyNames(window)) {
        if (!known.has(name) && !new RegExp(own).test(name)) out.push(`new global window.${name}`);
      }
      if (document.scripts.length !== dom.scripts) out.push(`${document.scripts.length} script elements (${dom.scripts} at start)`);
      if (document.querySelectorAll('style, link').length !== dom.styles) out.push('a style or link element was added');
      const banned = 'iframe, frame, frameset, object, embed, applet, form, base, meta[http-equiv], img, video, audio, source, track, math, template, portal, marquee, isindex, svg script, svg foreignObject, svg animate, svg set, svg use, svg image, svg discard';
      for (const el of document.querySelectorAll(banned)) {
        if (el.tagName === 'META' && el.closest('head') && el.httpEquiv === 'Content-Security-Policy') continue;
        out.push(`unexpected <${el.tagName.toLowerCase()}> element: ${el.outerHTML.slice(0, 120)}`);
      }
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
          const name = a.name.toLowerCase();
          const value = a.value.trim().toLowerCase();
          if (name.startsWith('on')) out.push(`<${el.tagName.toLowerCase()} ${a.name}=…> (an event handler attribute)`);
          else if (['src', 'srcdoc', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'ping'].includes(name)) out.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 80)}">`);
          else if (name === 'href' && !value.startsWith('#') && !(el.tagName === 'LINK' && el.rel === 'icon' && value === 'data:,')) out.push(`<${el.tagName.toLowerCase()} href="${a.value.slice(0, 80)}"> (not a fragment of the page)`);
          else if (name === 'style' && /url\(|expression|binding|@import/.test(value)) out.push(`<${el.tagName.toLowerCase()} style="${a.value.slice(0, 80)}">`);
        }
      }
      return out;
    }, { baseline: [...baseline], dom, own: OWN_GLOBALS.source });
    return found.map((f) => `${step}: ${f}`);
  };
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

/**
 * Runs every test of the table (or those ONLY names) and exits with the tally.
 * A test whose name starts with "KNOWN FAILURE" asserts a bound the page does
 * not meet yet (the name says what it waits for): its failure is printed in
 * full and listed on its own line, not counted as failed; when it passes,
 * the run says so, so the mark is removed. STRICT=1 counts it as any other.
 */
export async function run(tests) {
  let passed = 0;
  let failed = 0;
  const known = [];
  for (const [name, run] of Object.entries(tests)) {
    // ONLY=words runs the tests whose names contain them (while working on one).
    if (process.env.ONLY && !name.includes(process.env.ONLY)) continue;
    const is_known = name.startsWith('KNOWN FAILURE') && !process.env.STRICT;
    try {
      const problems = await run();
      if (problems.length) throw new Error(problems.join('\n      '));
      passed++;
      console.log(`  ok   ${name}${is_known ? '\n      (passes now: remove its KNOWN FAILURE mark)' : ''}`);
    } catch (e) {
      if (is_known) known.push(name); else failed++;
      console.log(`  ${is_known ? 'KNOWN' : 'FAIL'} ${name}\n      ${e.message.split('\n').join('\n      ')}`);
    }
  }
  await browser.close();
  console.log(`e2e: screenshots in ${shots}`);
  if (known.length) console.log(`e2e: ${known.length} known failure(s), not counted: ${known.join('; ')}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
