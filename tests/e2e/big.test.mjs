// End-to-end tests of big and odd documents (issue "Big and odd documents"):
// each file of the issue's table is generated here (kept out of the repo),
// added through "+ Add documents", then opened in the reader. The reader must
// show its first screen quickly and never block the page long while opening
// (a long-task observer measures it); matches of a long document are
// reached with "match n of N"; binary files are refused with their reasons.
// Prints the figures of every row (add: longest task; open: first screen,
// longest task) so the closing note can quote them.
//
// Usage: node tests/e2e/big.test.mjs [path/to/borderlines.html]
import { expect, eq, open_page, run, search, shots } from './harness.mjs';
import { join } from 'node:path';

// Opening a document may not block the page longer than this (the issue's
// bound is 50 ms on this machine; CI machines are shared, so the test allows
// a margin and prints the measured figure).
const OPEN_LONGEST_TASK_MS = 100;
const FIRST_SCREEN_MS = 500;

// A deterministic word stream, so files are the same on every run.
function* words(seed = 7) {
  const vocab = ('border fence guards river defectors smuggling tumen yalu china russia korea village night patrol ' +
    'trade wall mines soldiers bridge crossing winter summer report officials camera wire checkpoint market ' +
    'families brokers escape arrests policy sanctions food prices workers factory province city county').split(' ');
  let x = seed >>> 0 || 1;
  for (;;) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    yield vocab[x % vocab.length];
  }
}
function sentence(w, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(w.next().value);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(' ')}.`;
}
function ordinary(bytes) {
  const w = words(11);
  const parts = ['A Long Report on the Northern Border', ''];
  let size = 0; let i = 0;
  while (size < bytes) {
    const p = `${i++}. ` + Array.from({ length: 6 }, () => sentence(w, 14)).join(' ');
    parts.push(p, '');
    size += p.length + 2;
  }
  return Buffer.from(parts.join('\n'));
}
function oneLine(bytes) {
  const w = words(5);
  const out = [];
  let size = 0;
  while (size < bytes) { const s = w.next().value; out.push(s); size += s.length + 1; }
  return Buffer.from(`One Line Dump\n${out.join(' ')}\n`);
}
function manyLines(n) {
  const lines = ['Transcript of the Hearing', ''];
  const w = words(3);
  for (let i = 0; i < n; i++) lines.push(`${i + 1}: ${w.next().value} ${w.next().value} ${w.next().value}`);
  return Buffer.from(lines.join('\n'));
}
function noise(bytes) {
  const b = Buffer.alloc(bytes);
  let x = 0x9e3779b9;
  for (let i = 0; i < bytes; i++) { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; b[i] = x & 0xff; }
  return b;
}

/** Installs a long-task observer; returns a function giving the longest task since a mark. */
async function watch_long_tasks(page) {
  await page.evaluate(() => {
    window.__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push({ start: e.startTime, d: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  });
}
const longest_since = (page, t0) => page.evaluate((t0) => Math.max(0, ...window.__lt.filter((e) => e.start + e.d >= t0).map((e) => e.d)), t0);
const now = (page) => page.evaluate(() => performance.now());

async function add(page, name, buffer) {
  const t0 = await now(page);
  await page.setInputFiles('[data-testid=add-documents]', [{ name, mimeType: 'text/plain', buffer }]);
  await page.waitForFunction(() => /^(Added|No document)/.test(document.querySelector('[data-testid=load-status]')?.textContent ?? ''), null, { timeout: 120000 });
  const t1 = await now(page);
  return { addMs: t1 - t0, addLongestMs: await longest_since(page, t0) };
}

/** Opens the result titled `title`; returns time to first screen and the longest task while opening. */
async function open_doc(page, title) {
  const t0 = await now(page);
  const firstScreen = await page.evaluate(async (title) => {
    const link = [...document.querySelectorAll('[data-testid=result] a')].find((a) => a.textContent.includes(title));
    if (!link) throw new Error(`no result titled “${title}”: ${[...document.querySelectorAll('[data-testid=result-title]')].map((e) => e.textContent)}`);
    const t0 = performance.now();
    link.click();
    await new Promise((resolve, reject) => {
      const ok = () => document.querySelector('[data-testid=reader-title]')?.textContent.includes(title) && document.querySelector('.reader-body [data-piece]');
      if (ok()) return resolve();
      const mo = new MutationObserver(() => { if (ok()) { mo.disconnect(); resolve(); } });
      mo.observe(document.body, { subtree: true, childList: true, characterData: true });
      setTimeout(() => { mo.disconnect(); reject(new Error(`the reader did not show “${title}”: ${document.querySelector('[data-testid=reader-title]')?.textContent}`)); }, 30000);
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, title);
  await page.waitForTimeout(400);
  return { firstScreenMs: firstScreen, openLongestMs: await longest_since(page, t0), domNodes: await page.evaluate(() => document.getElementsByTagName('*').length) };
}

const figures = [];
function report(row, r) {
  figures.push({ row, ...r });
  console.log(`      ${row}: ${Object.entries(r).map(([k, v]) => `${k} ${typeof v === 'number' ? Math.round(v) : v}`).join(', ')}`);
}

const tests = {
  async 'a 20 MB report opens at once, chunk by chunk'() {
    const { page, context, problems } = await open_page();
    await watch_long_tasks(page);
    const a = await add(page, 'report.txt', ordinary(20 * 1024 * 1024));
    await search(page, 'Long Report');
    const o = await open_doc(page, 'A Long Report on the Northern Border');
    report('20 MB of ordinary text', { ...a, ...o });
    expect(o.firstScreenMs < FIRST_SCREEN_MS, `first screen after ${o.firstScreenMs} ms`);
    expect(o.openLongestMs < OPEN_LONGEST_TASK_MS, `longest task while opening ${o.openLongestMs} ms`);
    expect(o.domNodes < 20000, `DOM nodes ${o.domNodes}`);
    // Scrolling far renders what comes into view.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await page.waitForFunction(() => {
      const r = document.querySelector('.reader-chunk:has([data-piece])');
      const visible = [...document.querySelectorAll('.reader-chunk')].filter((c) => { const b = c.getBoundingClientRect(); return b.bottom > 0 && b.top < innerHeight; });
      return r && visible.length && visible.every((c) => c.querySelector('[data-piece]'));
    });
    await context.close();
    return problems;
  },

  async 'one 5 MB line opens in pieces'() {
    const { page, context, problems } = await open_page();
    await watch_long_tasks(page);
    const a = await add(page, 'dump.txt', oneLine(5 * 1024 * 1024));
    await search(page, 'One Line Dump');
    const o = await open_doc(page, 'One Line Dump');
    report('one 5 MB line', { ...a, ...o });
    expect(o.firstScreenMs < FIRST_SCREEN_MS, `first screen after ${o.firstScreenMs} ms`);
    expect(o.openLongestMs < OPEN_LONGEST_TASK_MS, `longest task while opening ${o.openLongestMs} ms`);
    await context.close();
    return problems;
  },

  async '300,000 lines open at once and the last match is one click away'() {
    const { page, context, problems } = await open_page();
    await watch_long_tasks(page);
    const a = await add(page, 'hearing.txt', manyLines(300000));
    await search(page, 'Transcript Hearing');
    const o = await open_doc(page, 'Transcript of the Hearing');
    report('300,000 short lines', { ...a, ...o });
    expect(o.firstScreenMs < FIRST_SCREEN_MS, `first screen after ${o.firstScreenMs} ms`);
    expect(o.openLongestMs < OPEN_LONGEST_TASK_MS, `longest task while opening ${o.openLongestMs} ms`);
    // "300000:" is the last line's number: search it, count, jump to the last match.
    const t0 = await now(page);
    await page.fill('[data-testid=search-input]', 'tumen');
    await page.waitForFunction(() => /^[\d,]+ matches$/.test(document.querySelector('[data-testid=match-count]')?.textContent ?? ''), null, { timeout: 60000 });
    const counted = await page.textContent('[data-testid=match-count]');
    const countLongest = await longest_since(page, t0);
    await page.click('[data-testid=match-prev]');
    await page.waitForFunction(() => document.querySelector('.reader mark.current-match'));
    const last = await page.evaluate(() => {
      const m = document.querySelector('.reader mark.current-match');
      const b = m.getBoundingClientRect();
      return { text: m.textContent, visible: b.top >= 0 && b.bottom <= innerHeight, label: document.querySelector('[data-testid=match-count]').textContent, piece: Number(m.closest('[data-piece]').dataset.piece), pieces: Math.max(...[...document.querySelectorAll('[data-piece]')].map((e) => Number(e.dataset.piece))) };
    });
    await page.screenshot({ path: join(shots, 'big-transcript.png') });
    report('300,000 short lines, matches', { counted, countLongestMs: countLongest, lastVisible: String(last.visible) });
    expect(last.text.toLowerCase() === 'tumen' && last.visible, `last match ${JSON.stringify(last)}`);
    const total = counted.split(' ')[0];
    eq(last.label, `Match ${total} of ${total}`, 'label');
    expect(countLongest < OPEN_LONGEST_TASK_MS, `counting blocked the page for ${countLongest} ms`);
    await page.screenshot({ path: join(shots, 'big-last-match.png') });
    await context.close();
    return problems;
  },

  async 'binary files are refused with a reason; the good file of the drop is kept'() {
    const { page, context, problems } = await open_page();
    await watch_long_tasks(page);
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'), noise(4000)]);
    const elf = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\0', 'latin1'), noise(4000)]);
    const t0 = await now(page);
    await page.setInputFiles('[data-testid=add-documents]', [
      { name: 'noise.txt', mimeType: 'text/plain', buffer: noise(1024 * 1024) },
      { name: 'photo.txt', mimeType: 'text/plain', buffer: png },
      { name: 'tool.txt', mimeType: 'text/plain', buffer: elf },
      { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('Night Crossing\nGuards saw three people cross the river at night in winter.') },
    ]);
    await page.waitForFunction(() => /^Added/.test(document.querySelector('[data-testid=load-status]')?.textContent ?? ''));
    report('1 MB of random bytes (+ PNG, ELF, one good file)', { addLongestMs: await longest_since(page, t0) });
    eq(await page.textContent('[data-testid=load-status] .load-summary'), 'Added 1 document. Skipped 3.', 'summary');
    await page.click('[data-testid=load-details-toggle]');
    eq(await page.$$eval('[data-testid=load-details] li', (els) => els.map((e) => e.textContent)), [
      'noise.txt: mostly unprintable bytes: not a text file',
      'photo.txt: looks like a PNG image',
      'tool.txt: looks like a program (Linux/ELF)',
    ], 'reasons');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('[data-testid=load-details]'), 'Escape closes the details');
    await context.close();
    return problems;
  },
};

await run(tests);
