// End-to-end tests of adding files in the loading worker (src/load_worker):
// the worker starts from the single file on file://, shows progress, can be
// cancelled leaving the corpus as it was, and later adds build on whatever
// the page holds (a new worker after cancel; the page's own engine after
// "add anyway").
//
// Usage: node tests/e2e/worker.test.mjs [path/to/borderlines.html]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq, expect, open_page, run, search, shots, titles } from './harness.mjs';

const status = (page) => page.textContent('[data-testid=load-status] .load-summary');
const added = (page) => page.waitForFunction(() => /^(Added|No document|Nothing)/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 60000 });
const note = (title, body) => Buffer.from(`${title}\n\n${body}\n`);

function big(bytes) {
  const line = 'Guards on the Tumen river counted the crossings of the winter night near the old bridge. ';
  return Buffer.from(`A Very Long Report\n\n${line.repeat(Math.ceil(bytes / line.length))}`);
}

run({
  async 'a wire story: its dateline is a facet, a filter and a line in the reader; its headline names are marked'() {
    const { page, context, problems } = await open_page();
    await page.setInputFiles('[data-testid=add-documents]', [
      { name: 'seoul.txt', mimeType: 'text/plain', buffer: note('North Korea Shuts Crossing Near Sinuiju', 'SEOUL, Nov 3 (Reuters) - North Korea closed a border crossing with China on Friday, officials said on Friday in 2023.') },
      { name: 'troy.txt', mimeType: 'text/plain', buffer: note('Carmaker Shares Rise After Strong Sales', 'TROY, Mich., April 2 (Reuters) - Shares of the carmaker rose on Tuesday after sales in 1987 beat forecasts.') },
    ]);
    await added(page);
    const datelines = await page.$$eval('[data-testid=facet][data-facet=dateline]', (els) => els.map((e) => e.dataset.value));
    eq(datelines.sort(), ['Seoul', 'Troy'], 'dateline facet');
    await search(page, 'dateline:troy');
    eq(await titles(page), ['Carmaker Shares Rise After Strong Sales'], 'typed dateline filter');
    await page.click('[data-testid=result] a.result-link');
    await page.waitForSelector('[data-testid=reader-dateline]');
    const line = await page.textContent('[data-testid=reader-dateline]');
    expect(line.startsWith('Filed from Troy (') && line.includes('1987-04-02, year inferred') && line.includes('Reuters'), `dateline line: ${line}`);
    // The other story, through the facet; its headline's names are marked.
    await search(page, '');
    await page.click('[data-testid=facet][data-facet=dateline][data-value=Seoul]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=filter-pill]').length === 1);
    await page.click('[data-testid=result] a.result-link');
    await page.waitForSelector('[data-testid=reader-dateline]');
    const marked = await page.$$eval('[data-testid=reader-title] .ann', (els) => els.map((e) => [e.textContent, e.className]));
    expect(marked.some(([t, c]) => t === 'North Korea' && c.includes('ann-country')), `title marks: ${JSON.stringify(marked)}`);
    expect(marked.some(([t, c]) => t === 'Sinuiju' && c.includes('ann-place')), `title marks: ${JSON.stringify(marked)}`);
    expect(!marked.some(([t]) => /Shuts|Crossing/.test(t)), `headline capitals are no names: ${JSON.stringify(marked)}`);
    // The reader's place link filters by it (and keeps it when already there).
    await page.click('[data-testid=dateline-place]');
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('dateline:Seoul'));
    eq(await page.$$eval('[data-testid=filter-pill]', (els) => els.map((e) => e.dataset.value)), ['Seoul'], 'one pill');
    await page.screenshot({ path: join(shots, 'reader-dateline.png') });
    await context.close();
    return problems;
  },

  async 'files added before the page has finished parsing are loaded in the worker'() {
    // The explorer starts before the parser reaches the data packs at the
    // end of the page (the loading module among them): the worker gets its
    // module once they are parsed, and keeps the job posted before that.
    // The file is handed over the moment the explorer is ready, from inside
    // the page (a round trip from here would come after the parse).
    const { page, context, problems } = await open_page(undefined, undefined, {}, 'commit');
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const input = document.querySelector('[data-testid=app][data-state=ready] [data-testid=add-documents]');
        if (!input) return;
        observer.disconnect();
        window.__state_at_add = document.readyState;
        const files = new DataTransfer();
        files.items.add(new File(['Night Crossing at Hyesan\n\nGuards saw three people cross the frozen river at night near Hyesan.\n'], 'hyesan.txt', { type: 'text/plain' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.reload({ waitUntil: 'commit' });
    await added(page);
    console.log(`      document.readyState when the file was added: ${await page.evaluate(() => window.__state_at_add)}`);
    eq(await status(page), 'Added 1 document.', 'added');
    eq(await page.evaluate(() => window.__borderlines_load?.worker), true, 'in the worker');
    await search(page, 'hyesan frozen');
    eq(await titles(page), ['Night Crossing at Hyesan'], 'searchable');
    await context.close();
    return problems;
  },

  async 'files are added in the worker, with progress; Cancel leaves the corpus as it was'() {
    const { page, context, problems } = await open_page();
    eq(await count(page), '3 documents', 'seeds');
    await page.setInputFiles('[data-testid=add-documents]', [{ name: 'long.txt', mimeType: 'text/plain', buffer: big(24 * 1024 * 1024) }]);
    await page.waitForSelector('[data-testid=load-cancel]');
    await page.click('[data-testid=load-cancel]');
    eq(await status(page), 'Cancelled: no document added, the corpus is as it was.', 'cancelled');
    eq(await count(page), '3 documents', 'corpus untouched');
    // A new worker starts for the next job, from the seeds.
    await page.setInputFiles('[data-testid=add-documents]', [{ name: 'night.txt', mimeType: 'text/plain', buffer: note('Night Crossing at Hyesan', 'Guards saw three people cross the frozen river at night near Hyesan.') }]);
    await added(page);
    eq(await status(page), 'Added 1 document.', 'added after cancel');
    eq(await count(page), '4 documents', 'count');
    const figures = await page.evaluate(() => window.__borderlines_load);
    expect(figures?.worker === true, `loaded in the worker: ${JSON.stringify(figures)}`);
    await search(page, 'hyesan frozen');
    eq(await titles(page), ['Night Crossing at Hyesan'], 'searchable');
    // Extracted in the loading module with the world gazetteer it installed.
    const places = await page.$$eval('[data-testid=facet][data-facet=place]', (els) => els.map((e) => e.dataset.value));
    expect(places.includes('Hyesan'), `places of the added document: ${places}`);
    await context.close();
    return problems;
  },

  async 'the worker keeps its corpus between adds, and "add anyway" runs in it too'() {
    const { page, context, problems } = await open_page();
    const a = note('Bridge Closed to Traders', 'Chinese border guards closed the bridge at Tumen on Friday and traders were turned back.');
    await page.setInputFiles('[data-testid=add-documents]', [
      { name: 'a.txt', mimeType: 'text/plain', buffer: a },
      { name: 'a copy.txt', mimeType: 'text/plain', buffer: a },
    ]);
    await added(page);
    eq(await status(page), 'Added 1 document. Skipped 1.', 'duplicate skipped');
    await page.click('[data-testid=keep-duplicates]');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]').textContent.includes('5 documents'));
    eq(await status(page), 'Added 1 document that duplicate others.', 'kept');
    // Keeping them is indexing too: it runs in the worker, not on the page.
    const kept = await page.evaluate(() => window.__borderlines_load);
    expect(kept?.worker === true && kept.snapshot_bytes > 0, `kept in the worker: ${JSON.stringify(kept)}`);
    await page.setInputFiles('[data-testid=add-documents]', [{ name: 'b.txt', mimeType: 'text/plain', buffer: note('Fence Along the Yalu', 'A new fence along the Yalu river was finished in the spring.') }]);
    await added(page);
    eq(await count(page), '6 documents', 'all kept');
    // And the one after that reuses the worker's own engine.
    await page.setInputFiles('[data-testid=add-documents]', [{ name: 'c.txt', mimeType: 'text/plain', buffer: note('Market Prices in Hoeryong', 'Rice prices in the Hoeryong market rose again in March.') }]);
    await added(page);
    eq(await count(page), '7 documents', 'all kept again');
    await search(page, 'hoeryong OR yalu OR traders');
    eq((await titles(page)).length, 4, 'every added document is searchable');
    await context.close();
    return problems;
  },

  async 'a saved web page is read by the loading module: its article, title and date, not its menus'() {
    const { page, context, problems } = await open_page();
    // The explorer's own module has no HTML parser: the loading module is
    // decompressed and compiled only now, in the worker.
    const html = `<!doctype html><html><head><title>Tumen crossing shut | Border Wire</title>
<meta property="og:site_name" content="Border Wire"><meta property="article:published_time" content="2024-03-05T08:00:00Z">
<script>window.__ran_script = true</script></head><body>
<nav><a href="/">Home</a> <a href="/world">Subscribe to our newsletter</a></nav>
<article><h1>Tumen crossing shut</h1><p>Guards closed the Tumen crossing to freight on Tuesday.</p>
<p>Traders in Namyang said the gate would stay shut until spring.</p></article>
<footer>Cookie settings</footer></body></html>`;
    await page.setInputFiles('[data-testid=add-documents]', [{ name: 'saved page.html', mimeType: 'text/html', buffer: Buffer.from(html) }]);
    await added(page);
    eq(await status(page), 'Added 1 document.', 'added');
    const figures = await page.evaluate(() => window.__borderlines_load);
    expect(figures?.worker === true, `loaded in the worker: ${JSON.stringify(figures)}`);
    await search(page, 'namyang');
    eq(await titles(page), ['Tumen crossing shut'], 'the article is searchable under its headline');
    await search(page, 'newsletter OR cookie');
    eq(await titles(page), [], 'menus and footers are not text');
    expect(await page.evaluate(() => window.__ran_script === undefined), 'the saved page\'s script never ran');
    await context.close();
    return problems;
  },

  async 'while 10,000 files load, the search answers on the current corpus, and the progress says how long is left'() {
    const { page, context, problems } = await open_page();
    const dir = mkdtempSync(join(tmpdir(), 'borderlines-typing-'));
    const paths = Array.from({ length: 10000 }, (_, i) => {
      const path = join(dir, `note-${i}.txt`);
      writeFileSync(path, `Note ${i} from Onsong\n\nGuards counted ${i} crossings of the river near Onsong.`);
      return path;
    });
    const loading = () => page.evaluate(() => /^(Reading|Indexing|Opening)/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''));
    const matching = async (q) => {
      await search(page, q);
      await page.waitForFunction(() => /documents? match/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));
      return Number((await page.textContent('[data-testid=result-count]')).replace(/,/g, '').match(/(\d+) of/)?.[1] ?? 0);
    };
    const onsongBefore = await matching('place:onsong');
    await page.setInputFiles('[data-testid=add-documents]', paths);
    await page.waitForFunction(() => /^Reading/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''));
    // Type while the files are read: the seeds answer at once.
    await page.fill('[data-testid=search-input]', 'tumen');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.endsWith('of 3 documents match'), null, { timeout: 5000 });
    expect(await loading(), 'the search answered while the files were still loading');
    // The estimate of time left appears once the pace is known.
    await page.waitForFunction(() => / left\): /.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? '') || !/^Reading/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 60000 });
    const said = await status(page);
    console.log(`      progress: ${said}`);
    expect(/^Reading [\d,]+ of 10,000 files \([\d.]+ MB read, about \d+ (s|min) left\): note-\d+\.txt$/.test(said) || !/^Reading/.test(said), `time left: ${said}`);
    await page.waitForFunction(() => /^(Added|Nothing)/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 180000 });
    eq(await status(page), 'Added 10,000 documents.', 'all added');
    await search(page, 'onsong');
    await page.waitForFunction(() => /of 10,003 documents match$/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));
    // The worker's helper extracted most batches (a second core), and every
    // new note names its place, whichever thread extracted it.
    const figures = await page.evaluate(() => window.__borderlines_load);
    console.log(`      helper: ${figures.helped} batches, waited ${Math.round(figures.helper_wait_ms)} ms; worker ${figures.worker_ms} ms`);
    expect(figures.helped >= 100, `the helper extracted batches: ${JSON.stringify(figures)}`);
    eq(await matching('place:onsong'), onsongBefore + 10000, 'every note is placed in Onsong');
    rmSync(dir, { recursive: true, force: true });
    await context.close();
    return problems;
  },
});
