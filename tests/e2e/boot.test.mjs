// End-to-end tests of the page's boot (crates/xtask/src/page.rs): the wasm is
// carried gzip-compressed as base64 in the boot script and inflated with the
// browser's DecompressionStream. Run: node tests/e2e/boot.test.mjs dist/borderlines.html
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browser, open_page, page_path, page_url, run, search, expect, eq } from './harness.mjs';

const html = readFileSync(page_path, 'utf8');
// The boot script: the Trusted Types policy, then the wasm's loader.
const boot = html.match(/<script id="borderlines-boot">((?:if\(window\.trustedTypes[\s\S]*?)?\(function\(\)\{var w="[\s\S]*?)<\/script>/)?.[1] ?? '';

await run({
  async 'the wasm travels compressed inside the hashed boot script'() {
    expect(boot.length > 0, 'a boot script carrying the wasm');
    const start = boot.indexOf('(function(){var w="') + '(function(){var w="'.length;
    const b64 = boot.slice(start, boot.indexOf('"', start));
    const bytes = Buffer.from(b64, 'base64');
    eq([...bytes.subarray(0, 2)], [0x1f, 0x8b], 'gzip magic');
    expect(!html.includes('AGFzbQ'), 'no uncompressed wasm (base64 of "\\0asm") in the page');
    expect(boot.includes("DecompressionStream('gzip')"), 'inflated by the browser');
    // The loading module and the seeds travel the same way, in data elements that never run.
    for (const id of ['borderlines-pack-loader', 'borderlines-pack-places', 'borderlines-pack-reference', 'borderlines-corpus']) {
      const data = html.match(new RegExp(`<script type="application/octet-stream" id="${id}"[^>]*>([^<]*)</script>`))?.[1]
        ?? html.match(new RegExp(`<!--${id} ([A-Za-z0-9+/=]*)-->`))?.[1] ?? '';
      eq([...Buffer.from(data, 'base64').subarray(0, 2)], [0x1f, 0x8b], `${id}: gzip magic`);
    }
    return [];
  },

  async 'starts where Uint8Array.fromBase64 is missing (the atob path)'() {
    const context = await browser.newContext();
    await context.addInitScript(() => { delete Uint8Array.fromBase64; });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    await page.goto(page_url);
    await page.waitForSelector('[data-testid=app][data-state=ready]', { timeout: 15000 });
    expect(await page.evaluate(() => Uint8Array.fromBase64 === undefined), 'fromBase64 was really missing');
    expect((await page.$$('[data-testid=result]')).length > 0, 'the seeds are listed');
    await context.close();
    return problems;
  },

  async 'a browser without DecompressionStream gets a plain message, not a blank page'() {
    const context = await browser.newContext();
    await context.addInitScript(() => { delete globalThis.DecompressionStream; });
    const page = await context.newPage();
    await page.goto(page_url);
    await page.waitForFunction(() => document.body.textContent.includes('Borderlines could not start'), null, { timeout: 15000 });
    expect((await page.textContent('body')).includes('DecompressionStream'), 'the message names what is missing');
    await context.close();
    return [];
  },

  async 'a damaged split module is a note in its tab, and the rest of the page works'() {
    // A hand-edited saved page: the figures view's module (a data pack of
    // its own, crates/xtask/src/split.rs) has a stretch of its base64
    // overwritten, so it no longer inflates. Opening the tab must not stop
    // the page (a panic in wasm would): the tab says what is wrong.
    const pack = html.match(/<!--(borderlines-pack-split-[a-z_]*figures[a-z_0-9]*) ([A-Za-z0-9+\/=]*)-->/);
    expect(pack, 'the figures view is a split module in the page');
    const b64 = pack[2];
    const middle = Math.floor(b64.length / 2);
    const damaged = b64.slice(0, middle) + 'A'.repeat(400) + b64.slice(middle + 400);
    const dir = mkdtempSync(join(tmpdir(), 'borderlines-split-'));
    const file = join(dir, 'damaged.html');
    writeFileSync(file, html.replace(pack[0], `<!--${pack[1]} ${damaged}-->`));
    try {
      const { page, context, problems } = await open_page(pathToFileURL(file).href);
      await page.click('[data-testid=view-tab][data-view=figures]');
      await page.waitForSelector('[data-testid=view-failed]', { timeout: 15000 });
      expect((await page.textContent('[data-testid=view-failed]')).includes('could not be loaded'), 'the note says the view could not be loaded');
      // The page is alive: another split view opens, and search answers.
      await page.click('[data-testid=view-tab][data-view=timeline]');
      await page.waitForSelector('[data-testid=view-loading]', { state: 'detached', timeout: 15000 });
      expect(!(await page.$('[data-testid=view-failed]')), 'the timeline view loads');
      await page.click('[data-testid=view-tab][data-view=documents]');
      await search(page, 'tumen');
      await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));
      expect((await page.$$('[data-testid=result]')).length > 0, 'search still answers');
      await context.close();
      // The one error expected: the split loader's report of the failed
      // inflate, in Chromium's words for a broken gzip stream.
      return problems.filter((p) => !p.startsWith('console error: TypeError: The compressed data was not valid'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  // The loading worker, given the compiled module, is tested by worker.test.mjs.
});
