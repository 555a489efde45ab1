// Benchmark: a generated CSV of 1,000 and 10,000 rows added through the page
// (file://, Chromium): time from the file input's change to the column
// mapping on screen, and from Import to searchable (the worker's share and
// the page's from_snapshot). Usage: node bench/ui/formats-load.mjs dist/borderlines.html
import { open_page, browser } from '../../tests/e2e/harness.mjs';
const words = 'guards river fence border crossing market traders smugglers bridge winter patrol village road snow ferry'.split(' ');
function row(i) {
  let body = '';
  for (let p = 0; p < 3; p++) { let s = []; for (let k = 0; k < 60; k++) s.push(words[(i * 7 + p * 13 + k * k) % words.length]); body += s.join(' ') + ` number ${i}.\n\n`; }
  return `${i},"Story ${i} about the ${words[i % words.length]}","${body}",2021-${String(i % 12 + 1).padStart(2, '0')}-${String(i % 28 + 1).padStart(2, '0')},Outlet ${i % 40},https://e.test/${i},Writer ${i % 90}`;
}
for (const n of [1000, 10000]) {
  const csv = 'id,title,text,date,source,url,author\n' + Array.from({ length: n }, (_, i) => row(i)).join('\n') + '\n';
  const { page, context } = await open_page();
  await page.evaluate(() => {
    document.querySelector('[data-testid=add-documents]').addEventListener('change', () => { window.__tc = performance.now(); }, { capture: true });
    new MutationObserver(() => { if (!window.__tr && document.querySelector('[data-testid=mapping-review]')) window.__tr = performance.now(); }).observe(document.body, { childList: true, subtree: true });
  });
  const t0 = Date.now();
  await page.setInputFiles('[data-testid=add-documents]', [{ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
  await page.waitForSelector('[data-testid=mapping-review]');
  const tPreview = Math.round(await page.evaluate(() => window.__tr - window.__tc));
  const t1 = Date.now();
  await page.click('[data-testid=mapping-import]');
  await page.waitForFunction(() => /^Added/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 300000 });
  const figs = await page.evaluate(() => window.__borderlines_load);
  console.log(`${n} rows, ${(csv.length / 1048576).toFixed(1)} MB: preview shown ${tPreview} ms; import to searchable ${Date.now() - t1} ms; worker ${Math.round(figs.worker_ms)} ms, open ${Math.round(figs.open_ms)} ms; ${await page.textContent('[data-testid=load-status] .load-summary')}`);
  await context.close();
}
await browser.close();
