// End-to-end tests of users' tables and JSON exports (issue 9 §1), from
// file://: CSV with a bad line, a JSON array, JSON Lines with a bad line,
// the column mapping shown and changed before import, the documents
// searchable with their stated dates on the timeline and outlets in the
// facets; drag and drop of files and of a folder (the folder through a
// synthetic DataTransfer whose entries stand in for the file system).
//
// Usage: node tests/e2e/formats.test.mjs [path/to/borderlines.html]
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { count, eq, expect, open_page, run, search, shots, titles } from './harness.mjs';

const summary = (page) => page.textContent('[data-testid=load-status] .load-summary');
const finished = (page) => page.waitForFunction(() => /^(Added|No document|Nothing|Cancelled)/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 60000 });
const csv_quote = (s) => `"${s.replaceAll('"', '""')}"`;

// A news export whose outlet column is called "medium": no name Borderlines
// knows, so the source is not guessed and the user maps it.
const NEWS_CSV = [
  'id,title,lead,fulltext,date,medium,url,author',
  ['1', 'Fence extended along the Tumen', 'Crews were busy.', 'Crews added forty kilometres of fence along the Tumen river this spring.\n\nLocal traders said the new posts cut them off from the market at Namyang.', '2021-03-04', 'Border Wire', 'https://e.test/a', 'Ana Reporter'].map(csv_quote).join(','),
  ['2', 'Gate shut for the winter', 'Snow came early.', 'Guards shut the gate at Sambong before the first snow, a month earlier than usual.', '2021-11-20T08:00:00Z', 'Yalu Times', 'https://e.test/b', 'Bo Writer'].map(csv_quote).join(','),
  '3,"Broken row",only three fields',
  ['4', 'Crossings fall again', 'Fewer people.', 'Fewer than seventy people crossed the quiet frontier near Musan last year, the ministry said.', '5 January 2022', 'Border Wire', 'https://e.test/c', ''].map(csv_quote).join(','),
].join('\r\n') + '\r\n';

const FEED_JSON = JSON.stringify({
  status: 'ok',
  articles: [
    { headline: 'Bridge reopens to lorries', body: 'The Sino-Korean Friendship Bridge reopened to lorries carrying flour and cement.', datePublished: '2020-06-01', publisher: { name: 'River Daily' } },
    { headline: 'Smugglers caught at Hyesan', body: 'Police detained four smugglers carrying mobile phones near Hyesan in the autumn.', datePublished: '2020-10-12', publisher: { name: 'River Daily' } },
  ],
});

const LINES_JSONL = [
  JSON.stringify({ title: 'Night patrols doubled', text: 'Patrols along the Yalu were doubled at night after a crossing near Manpo.', date: '2019-08-15', source: 'Wire North' }),
  '{"title": "cut off half way',
  JSON.stringify({ title: 'Market prices steady', text: 'Rice prices at the Hoeryong market held steady through the harvest season.', date: '2019-10-02', source: 'Wire North' }),
].join('\n') + '\n';

const files = () => [
  { name: 'news.csv', mimeType: 'text/csv', buffer: Buffer.from(NEWS_CSV) },
  { name: 'feed.json', mimeType: 'application/json', buffer: Buffer.from(FEED_JSON) },
  { name: 'lines.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(LINES_JSONL) },
  { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('Fishing Boats Kept in Port\n\nFishing boats at Sinuiju were kept in port for a week by the coast guard.\n') },
];

async function clear_search(page) {
  await page.fill('[data-testid=search-input]', '');
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('11 documents'));
  // The facets follow typing a paint later; the link, once typing pauses.
  await page.waitForFunction(() => !/[#&]q=/.test(location.hash));
}
const group = (page, file) => page.locator('[data-testid=mapping-group]', { hasText: file });
const facet_values = (page, field) => page.$$eval(`[data-testid=facet][data-facet=${field}]`, (els) => els.map((e) => e.dataset.value));

run({
  async 'tables and JSON exports: the mapping is shown and changed, bad lines are told, the records become documents with their stated metadata'() {
    const { page, context, problems } = await open_page();
    eq(await count(page), '3 documents', 'seeds');
    await page.setInputFiles('[data-testid=add-documents]', files());
    await page.waitForSelector('[data-testid=mapping-review]');
    eq(await page.locator('[data-testid=mapping-group]').count(), 3, 'one group per set of columns');
    const news = group(page, 'news.csv');
    // The guesses, and the first row beside them.
    eq(await news.locator('[data-testid=mapping-title]').inputValue(), 'title', 'title guessed');
    eq(await news.locator('[data-testid=mapping-text]').inputValue(), 'fulltext', 'text guessed');
    eq(await news.locator('[data-testid=mapping-date]').inputValue(), 'date', 'date guessed');
    eq(await news.locator('[data-testid=mapping-source]').inputValue(), '', 'no outlet column by a known name');
    eq(await news.locator('[data-testid=mapping-sample-date]').textContent(), '2021-03-04', 'sample date');
    // The first select has focus: the review is usable from the keyboard.
    eq(await page.evaluate(() => document.activeElement?.dataset.testid), 'mapping-title', 'first select focused');
    await page.screenshot({ path: join(shots, 'formats-mapping-1280.png'), fullPage: true });
    // The user maps "medium" to the source; the sample follows.
    await news.locator('[data-testid=mapping-source]').selectOption('medium');
    eq(await news.locator('[data-testid=mapping-sample-source]').textContent(), 'Border Wire', 'sample of the chosen column');
    const feed = group(page, 'feed.json');
    eq(await feed.locator('[data-testid=mapping-source]').inputValue(), 'publisher', 'JSON key guessed');
    eq(await feed.locator('[data-testid=mapping-sample-source]').textContent(), 'River Daily', 'nested name read');
    await page.click('[data-testid=mapping-import]');
    await finished(page);
    eq(await summary(page), 'Added 8 documents. Skipped 2.', 'summary');
    await page.click('[data-testid=load-details-toggle]');
    const details = await page.textContent('[data-testid=load-details]');
    expect(details.includes('news.csv: malformed CSV line 6: expected 8 fields, found 3'), `the bad CSV line is told: ${details}`);
    expect(details.includes('lines.jsonl: malformed JSON line 2'), `the bad JSON line is told: ${details}`);
    eq(await count(page), '11 documents', 'seeds and the new ones');
    // Searchable, with the stated title.
    await search(page, 'namyang traders');
    eq(await titles(page), ['Fence extended along the Tumen'], 'a CSV row is searchable');
    await page.click('[data-testid=result-title]');
    await page.waitForFunction(() => document.querySelector('[data-testid=reader-title]')?.textContent === 'Fence extended along the Tumen');
    eq(await page.textContent('[data-testid=reader-stated]'), 'Stated in the file: 2021-03-04 · Border Wire · https://e.test/a', 'the reader says what the file states');
    expect(decodeURIComponent(await page.evaluate(() => location.hash)).includes('doc=news.csv:2'), 'the link names the row');
    await clear_search(page);
    // The outlets are sources (the mapped "medium", the JSON publisher, the
    // JSON Lines source), the stated years are years.
    const sources = await facet_values(page, 'source');
    for (const s of ['Border Wire', 'River Daily', 'Wire North']) expect(sources.includes(s), `source facet has ${s}: ${sources}`);
    await search(page, 'source:"Yalu Times"');
    eq(await titles(page), ['Gate shut for the winter'], 'the source field knows the mapped outlet');
    await clear_search(page);
    const years = await facet_values(page, 'year');
    for (const y of ['2019', '2020', '2021', '2022']) expect(years.includes(y), `year facet has ${y}: ${years}`);
    // Filtering on a stated outlet.
    await page.click('[data-testid=facet][data-facet=source][data-value="Border Wire"]');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]').textContent.startsWith('2 of 11 documents'));
    // The timeline counts the stated publication dates.
    await page.evaluate(() => { location.hash = '#view=timeline&tbin=year'; });
    await page.waitForSelector('[data-testid=timeline-view] [data-testid=timeline-svg]');
    const note = await page.textContent('[data-testid=timeline-note]');
    expect(note.startsWith('Publication dates: 7 stated'), `stated dates on the timeline: ${note}`);
    const bar = await page.getAttribute('[data-testid=timeline-bar][data-key="2021"]', 'aria-label');
    expect(/2 published \(2 stated\)/.test(bar), `2021 bar: ${bar}`);
    await page.screenshot({ path: join(shots, 'formats-timeline-1280.png') });
    await context.close();
    return problems;
  },

  async 'a mapping without text or title cannot be imported; Escape cancels and nothing is added'() {
    const { page, context, problems } = await open_page(undefined, { width: 360, height: 780 });
    // With a "table" that is binary: the review says it could not be previewed.
    const scan = { name: 'scan.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0, 1, 2, 0, 0, 0, 0]) };
    await page.setInputFiles('[data-testid=add-documents]', [files()[0], scan]);
    await page.waitForSelector('[data-testid=mapping-review]');
    eq(await page.locator('[data-testid=mapping-group]').count(), 1, 'the readable table is reviewed');
    const note = await page.textContent('[data-testid=mapping-review] .mapping-note');
    expect(note.startsWith('1 table could not be previewed'), `the unreadable one is said: ${note}`);
    await page.screenshot({ path: join(shots, 'formats-mapping-360.png'), fullPage: true });
    await page.selectOption('[data-testid=mapping-title]', '');
    await page.selectOption('[data-testid=mapping-text]', '');
    await page.waitForSelector('[data-testid=mapping-warning]');
    expect(await page.isDisabled('[data-testid=mapping-import]'), 'import disabled without text or title');
    await page.selectOption('[data-testid=mapping-title]', 'lead');
    expect(!(await page.isDisabled('[data-testid=mapping-import]')), 'a title is enough');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=mapping-review]', { state: 'detached' });
    eq(await summary(page), 'Cancelled: no document added, the corpus is as it was.', 'cancelled');
    eq(await count(page), '3 documents', 'nothing added');
    // Adding is possible again.
    expect(!(await page.isDisabled('[data-testid=add-documents]')), 'the picker is enabled again');
    await context.close();
    return problems;
  },

  async 'dropped files are added, and a dropped folder gives its readable files only'() {
    const { page, context, problems } = await open_page();
    // A plain drop of one text file (a synthetic DataTransfer: no entries).
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['Ice on the Tumen\n\nThe river froze early and smugglers crossed on foot near Onsong.\n'], 'ice.txt', { type: 'text/plain' }));
      window.__dt = dt;
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForSelector('[data-testid=drop-zone]');
    await page.screenshot({ path: join(shots, 'formats-drop-1280.png') });
    const refused = await page.evaluate(() => {
      const ev = new DragEvent('drop', { dataTransfer: window.__dt, bubbles: true, cancelable: true });
      document.body.dispatchEvent(ev);
      return ev.defaultPrevented;
    });
    expect(refused, 'the page takes the drop (the browser does not open the file)');
    await finished(page);
    eq(await summary(page), 'Added 1 document.', 'dropped file added');
    expect(!(await page.$('[data-testid=drop-zone]')), 'the drop target is gone after the drop');
    // A folder: entries stand in for the file system (webkitGetAsEntry).
    await page.evaluate((csv) => {
      const file = (name, text) => ({ isFile: true, isDirectory: false, name, file: (ok) => setTimeout(() => ok(new File([text], name)), 0) });
      const folder = (name, children) => ({
        isFile: false, isDirectory: true, name,
        createReader() { let done = false; return { readEntries(ok) { setTimeout(() => { ok(done ? [] : children); done = true; }, 0); } }; },
      });
      const tree = folder('export', [
        file('notes.md', '# Checkpoint moved\n\nThe checkpoint at Rason was moved two kilometres north in May.\n'),
        file('photo.png', '\x89PNG'),
        file('.hidden.txt', 'Hidden\n\nNot to be read at all by anyone.\n'),
        folder('tables', [file('rows.csv', csv), folder('deeper', [file('more.txt', 'Ferry Resumes\n\nThe ferry across the Yalu at Dandong resumed its summer crossings.\n')])]),
      ]);
      DataTransferItem.prototype.webkitGetAsEntry = function () { return tree; };
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], 'export'));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, 'title,text,date\nSnow closes the road,The road to Samjiyon was closed by snow for three days.,2022-02-02\n');
    await page.waitForSelector('[data-testid=mapping-review]');
    eq(await page.locator('[data-testid=mapping-group]').count(), 1, 'the table in the folder');
    // Keyboard: Tab to Import and press Enter.
    await page.focus('[data-testid=mapping-import]');
    await page.keyboard.press('Enter');
    await finished(page);
    eq(await summary(page), 'Added 3 documents. 2 files in the dropped folders were not of a type Borderlines reads, or hidden, and were left out.', 'folder summary');
    await search(page, 'samjiyon OR rason OR dandong');
    eq((await titles(page)).sort(), ['Checkpoint moved', 'Ferry Resumes', 'Snow closes the road'], 'files from every level of the folder');
    await context.close();
    return problems;
  },

  async 'legacy encodings, saved MHTML pages and ZIP folders are read in the loading module, and the encoding is shown'() {
    const { page, context, problems } = await open_page();
    const fixture = (name) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../crates/borderlines-core/tests/fixtures/formats', name));
    await page.setInputFiles('[data-testid=add-documents]', [
      { name: 'euc_kr_article.txt', mimeType: 'text/plain', buffer: fixture('euc_kr_article.txt') },
      { name: 'gb18030_article.txt', mimeType: 'text/plain', buffer: fixture('gb18030_article.txt') },
      { name: 'saved_page.mhtml', mimeType: 'multipart/related', buffer: fixture('saved_page.mhtml') },
      { name: 'export.zip', mimeType: 'application/zip', buffer: fixture('export.zip') },
    ]);
    // The zip holds a table: the loading module unpacks it for the mapping
    // review, and the mapping chosen there is the one its records are read with.
    await page.waitForSelector('[data-testid=mapping-review]');
    await page.screenshot({ path: join(shots, 'formats-zip-review.png') });
    const zipped = group(page, 'export.zip/export/2024/06/feed.csv');
    eq(await zipped.locator('[data-testid=mapping-title]').inputValue(), 'title', 'title guessed inside the zip');
    eq(await zipped.locator('[data-testid=mapping-sample-title]').textContent(), 'Gate Shut for Winter', 'sample read inside the zip');
    await zipped.locator('[data-testid=mapping-title]').selectOption('source');
    await page.click('[data-testid=mapping-import]');
    await finished(page);
    const said = await summary(page);
    expect(/^Added \d+ documents\. Skipped \d+\.$/.test(said), `added, with the bad entries told: ${said}`);
    const encodings = await page.textContent('[data-testid=load-encodings]');
    expect(encodings.includes('EUC-KR: euc_kr_article.txt') && /GB18030|GBK/.test(encodings), `encodings shown: ${encodings}`);
    await search(page, '압록강 철조망');
    eq((await titles(page))[0], '압록강 국경 지역에 새 철조망 설치', 'the EUC-KR article, decoded');
    await search(page, 'sinuiju river gate');
    eq(await titles(page), ['Border Wire'], 'the zipped table read with the chosen mapping');
    await search(page, 'watchtowers tumen');
    expect((await titles(page)).some((t) => t.startsWith('Watchtowers rise on the Tumen')), `the MHTML page: ${await titles(page)}`);
    await page.click('[data-testid=load-details-toggle]');
    const reasons = await page.$$eval('[data-testid=load-details] li', (els) => els.map((e) => e.textContent));
    expect(reasons.some((r) => r.includes('bomb.txt')), `the bomb entry is refused with a reason: ${reasons}`);
    await page.screenshot({ path: join(shots, 'formats-encodings.png') });
    await context.close();
    return problems;
  },

  async 'without a worker, tables load on the main thread with the chosen mapping'() {
    const { page, context, problems } = await open_page();
    await context.addInitScript(() => { window.Worker = undefined; });
    await page.reload();
    await page.waitForSelector('[data-testid=app][data-state=ready]');
    const zip = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../crates/borderlines-core/tests/fixtures/formats/export.zip'));
    await page.setInputFiles('[data-testid=add-documents]', [files()[0], { name: 'export.zip', mimeType: 'application/zip', buffer: zip }]);
    await page.waitForSelector('[data-testid=mapping-review]');
    // The zipped table is previewed by the loading module on the main thread too.
    expect(await group(page, 'export.zip/export/2024/06/feed.csv').count() === 1, 'the zipped table is reviewed');
    await group(page, 'news.csv').locator('[data-testid=mapping-source]').selectOption('medium');
    await page.click('[data-testid=mapping-import]');
    await finished(page);
    const text = await summary(page);
    expect(/^Added \d+ documents\. Skipped \d+\. \(Loaded on the main thread:/.test(text), `main thread: ${text}`);
    await search(page, 'source:"Yalu Times"');
    eq(await titles(page), ['Gate shut for the winter'], 'the chosen mapping was applied');
    await context.close();
    return problems;
  },

  async 'the mapping review and the drop target look right in the dark at 360 px'() {
    const { page, context, problems } = await open_page(undefined, { width: 360, height: 780 });
    await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
    await page.setInputFiles('[data-testid=add-documents]', files().slice(0, 2));
    await page.waitForSelector('[data-testid=mapping-review]');
    await page.screenshot({ path: join(shots, 'formats-mapping-360-dark.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], 'a.txt'));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForSelector('[data-testid=drop-zone]');
    await page.screenshot({ path: join(shots, 'formats-drop-360-dark.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.screenshot({ path: join(shots, 'formats-drop-1280-dark.png') });
    await context.close();
    return problems;
  },
});
