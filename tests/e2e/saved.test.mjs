// End-to-end tests of the corpus kept across reloads (src/saved_corpus.rs,
// src/components/corpus_switch.rs), from file:// in Chromium: added
// documents are saved in IndexedDB, the page reopens on them after a
// reload, a link to one of them works, the corpus menu switches between
// the seeds and the saved corpus and clears it, a snapshot with damaged
// documents is reported and kept (never a blank page) and one with a damaged
// index or insights is built again from its documents; documents a search
// found can be removed; "Save as page" makes a page with the corpus.
//
// Usage: node tests/e2e/saved.test.mjs [path/to/borderlines.html]
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync, statSync } from 'node:fs';
import { count, eq, expect, open_page, page_path, run, search, titles } from './harness.mjs';

const summary = (page) => page.textContent('[data-testid=load-status] .load-summary');
const kept = (page) => page.waitForFunction(() => document.querySelector('[data-testid=load-kept]')?.textContent === 'Kept in this browser.', null, { timeout: 30000 });
const counted = (page, n) => page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent === n, n, { timeout: 30000 });
const note = (title, body) => Buffer.from(`${title}\n\n${body}\n`);
const files = [
  { name: 'hyesan.txt', mimeType: 'text/plain', buffer: note('Night Crossing at Hyesan', 'Guards saw three people cross the frozen river at night near Hyesan.') },
  { name: 'yalu.txt', mimeType: 'text/plain', buffer: note('Fence Along the Yalu', 'A new fence along the Yalu river was finished in the spring.') },
];

/** Flips 16 bytes of the stored snapshot at `where.start` or `where.from_end` bytes before its end, as a bad disk would. */
async function damage(page, where) {
  await page.evaluate((where) => new Promise((resolve, reject) => {
    const open = indexedDB.open('borderlines');
    open.onsuccess = () => {
      const tx = open.result.transaction('corpus', 'readwrite');
      const store = tx.objectStore('corpus');
      // A small corpus is one piece.
      const get = store.get('snapshot:0');
      get.onsuccess = () => {
        const bytes = new Uint8Array(get.result);
        const start = where.start ?? bytes.length - where.from_end;
        for (let i = 0; i < 16; i++) bytes[start + i] ^= 0xff;
        store.put(bytes, 'snapshot:0');
      };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  }), where);
}

async function add_and_keep(page) {
  await page.setInputFiles('[data-testid=add-documents]', files);
  await kept(page);
  eq(await summary(page), 'Added 2 documents.', 'summary');
  await counted(page, '5 documents');
}

run({
  async 'added documents are kept: a reload opens them, and a link to one of them works'() {
    const { page, context, problems } = await open_page();
    eq(await page.textContent('[data-testid=corpus-name]'), 'Seeds', 'seeds at first');
    await add_and_keep(page);
    eq(await page.textContent('[data-testid=corpus-name]'), 'My corpus', 'menu names the corpus');
    await search(page, 'hyesan frozen');
    await page.click('[data-testid=result-title]');
    await page.waitForFunction(() => location.hash.includes('doc='));
    // Reloading the link (the page starts afresh): the saved corpus comes
    // back without re-indexing, and the linked document opens.
    const other = page;
    await other.reload();
    await other.waitForFunction(() => document.querySelector('[data-testid=reader-title]')?.textContent === 'Night Crossing at Hyesan', null, { timeout: 30000 });
    eq(await summary(other), 'Opened your saved corpus of 5 documents.', 'said');
    eq(await other.textContent('[data-testid=corpus-name]'), 'My corpus', 'reopened');
    // Adding to the reopened corpus builds on it, and is kept in turn.
    await other.setInputFiles('[data-testid=add-documents]', [{ name: 'rice.txt', mimeType: 'text/plain', buffer: note('Market Prices in Hoeryong', 'Rice prices in the Hoeryong market rose again in March.') }]);
    // (The link's query narrows the result count: the corpus size is in the header.)
    await other.waitForFunction(() => document.querySelector('.corpus-summary')?.textContent.startsWith('6 documents'), null, { timeout: 30000 });
    await kept(other);
    await other.reload();
    await other.waitForFunction(() => /^Opened your saved corpus of 6 documents/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 30000 });
    await context.close();
    return problems;
  },

  async 'a corpus stored in several pieces comes back whole after a reload'() {
    const { page, context, problems } = await open_page();
    // About 9 MB of text: its snapshot is stored as several pieces, read
    // back and copied into the page one at a time as they arrive.
    const vocab = 'border fence guards river defectors smuggling tumen yalu night patrol trade wall mines soldiers bridge winter'.split(' ');
    let x = 7;
    const word = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return vocab[x % vocab.length]; };
    const paragraphs = ['A Long Record of the Northern Border', ''];
    for (let size = 0; size < 9 * 1024 * 1024;) {
      const p = Array.from({ length: 80 }, word).join(' ') + '.';
      paragraphs.push(p, ''); size += p.length + 2;
    }
    // Words only at the very end: the last piece must come back too.
    paragraphs.push('The record closes with the quartermaster of Musan.');
    await page.setInputFiles('[data-testid=add-documents]', [{ name: 'record.txt', mimeType: 'text/plain', buffer: Buffer.from(paragraphs.join('\n')) }]);
    await page.waitForFunction(() => document.querySelector('[data-testid=load-kept]')?.textContent === 'Kept in this browser.', null, { timeout: 120000 });
    const pieces = await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('borderlines');
      open.onsuccess = () => {
        const get = open.result.transaction('corpus').objectStore('corpus').get('about');
        get.onsuccess = () => { open.result.close(); resolve(get.result.chunks); };
        get.onerror = () => reject(get.error);
      };
      open.onerror = () => reject(open.error);
    }));
    expect(pieces >= 2, `stored in several pieces: ${pieces}`);
    await page.reload();
    await page.waitForFunction(() => /^Opened your saved corpus of 4 documents/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 60000 });
    await search(page, 'quartermaster musan');
    eq(await titles(page), ['A Long Record of the Northern Border'], 'found by its last words');
    // The snippet is cut from the stored text (the documents' part).
    const snippet = await page.textContent('[data-testid=snippet]');
    expect(snippet.includes('closes with the quartermaster of Musan'), `the text's end: ${snippet}`);
    await context.close();
    return problems;
  },

  async 'the corpus menu switches to the seeds and back, and clears the saved data'() {
    const { page, context, problems } = await open_page();
    await add_and_keep(page);
    await page.click('[data-testid=corpus-name]');
    expect((await page.textContent('[data-testid=saved-note]')).includes('5 documents'), 'menu says what is saved');
    await page.click('[data-testid=open-seeds]');
    await counted(page, '3 documents');
    eq(await page.textContent('[data-testid=corpus-name]'), 'Seeds', 'seeds');
    await page.click('[data-testid=open-saved]');
    await counted(page, '5 documents');
    // Clearing asks for a second click, then the next reload shows the seeds.
    await page.click('[data-testid=clear-saved]');
    eq(await page.textContent('[data-testid=clear-saved]'), 'Click again to delete the saved corpus', 'asks first');
    await page.click('[data-testid=clear-saved]');
    await page.waitForFunction(() => document.querySelector('[data-testid=load-status] .load-summary')?.textContent.startsWith('Cleared'));
    eq(await count(page), '5 documents', 'still open in this tab');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid=saved-note]')?.textContent.startsWith('Nothing is saved'));
    eq(await count(page), '3 documents', 'seeds after clearing');
    await context.close();
    return problems;
  },

  async 'a saved corpus whose documents are damaged is reported and kept; the seeds stay usable'() {
    const { page, context, problems } = await open_page();
    await add_and_keep(page);
    // Flip bytes at the start of the stored snapshot (its first part is the
    // documents), as a bad disk would.
    await damage(page, { start: 40 });
    await page.reload();
    await page.waitForFunction(() => /could not be opened/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 30000 });
    const said = await summary(page);
    expect(said.includes('damaged') && said.includes('still stored'), `says what happened: ${said}`);
    eq(await count(page), '3 documents', 'the seeds answer');
    await search(page, 'defectors');
    await page.waitForSelector('[data-testid=result-title]');
    expect((await titles(page)).length > 0, 'search works');
    await context.close();
    return problems;
  },

  async 'a saved corpus whose index or insights are damaged is built again from its documents'() {
    const { page, context, problems } = await open_page();
    await add_and_keep(page);
    // The snapshot's last parts are the insights.
    await damage(page, { from_end: 60 });
    await page.reload();
    await page.waitForFunction(() => /built again/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 30000 });
    const said = await summary(page);
    expect(/^Your saved corpus could not be opened as it was \(.*damaged.*\); it was built again from its 5 documents\.$/.test(said), `says what happened: ${said}`);
    await kept(page);
    await counted(page, '5 documents');
    await search(page, 'hyesan frozen');
    eq(await titles(page), ['Night Crossing at Hyesan'], 'searchable again');
    // The rebuilt corpus replaced the damaged one.
    await page.reload();
    await page.waitForFunction(() => /^Opened your saved corpus/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 30000 });
    await counted(page, '1 of 5 documents match');
    await context.close();
    return problems;
  },

  async 'the documents a search found can be removed, and stay removed after a reload'() {
    const { page, context, problems } = await open_page();
    await add_and_keep(page);
    await search(page, 'hyesan frozen');
    eq(await titles(page), ['Night Crossing at Hyesan'], 'found');
    await page.click('[data-testid=corpus-name]');
    eq(await page.textContent('[data-testid=remove-found]'), 'Remove the 1 document found', 'offered');
    await page.click('[data-testid=remove-found]');
    eq(await page.textContent('[data-testid=remove-found]'), 'Click again to remove 1 document', 'asks first');
    await page.click('[data-testid=remove-found]');
    await kept(page);
    eq(await summary(page), 'Removed 1 document from the corpus.', 'said');
    await search(page, '');
    await counted(page, '4 documents');
    await search(page, 'hyesan frozen');
    eq(await titles(page), [], 'gone from the index');
    await search(page, 'yalu fence');
    expect((await titles(page)).includes('Fence Along the Yalu'), 'the other one stays');
    await page.reload();
    await page.waitForSelector('[data-testid=app][data-state=ready]');
    await search(page, '');
    await counted(page, '4 documents');
    await context.close();
    return problems;
  },

  async '"Save as page" makes a single file that opens with this corpus, not the seeds, and keeps its own saved data'() {
    const { page, context, problems } = await open_page();
    await add_and_keep(page);
    await page.click('[data-testid=corpus-name]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save-page]')]);
    eq(download.suggestedFilename(), 'borderlines-my-corpus.html', 'file name');
    const saved = join(tmpdir(), `borderlines-saved-${process.pid}.html`);
    await download.saveAs(saved);
    await page.waitForFunction(() => document.querySelector('[data-testid=load-status] .load-summary')?.textContent.startsWith('Saved borderlines-my-corpus.html'));
    const html = readFileSync(saved, 'utf8');
    // The same code and policy: only the corpus element differs.
    const original = readFileSync(page_path, 'utf8');
    const without_corpus = (t) => t.replace(/<script type="application\/octet-stream" id="borderlines-corpus"[^>]*>[^<]*<\/script>/, '');
    eq(without_corpus(html).replace(/\s+/g, ' ').trim(), without_corpus(original).replace(/\s+/g, ' ').trim(), 'the saved page is the page with another corpus');
    expect(html.includes('data-name="My corpus"'), 'named');
    console.log(`      saved page: ${statSync(saved).size} bytes for 5 documents (the built page: ${statSync(page_path).size})`);
    await context.close();
    // Another browser profile (another computer, as far as storage goes).
    const other = await open_page(pathToFileURL(saved).href);
    eq(await count(other.page), '5 documents', 'the saved corpus, at once');
    eq(await other.page.textContent('[data-testid=corpus-name]'), 'My corpus', 'named after the corpus');
    await search(other.page, 'hyesan frozen');
    eq(await titles(other.page), ['Night Crossing at Hyesan'], 'searchable with its index');
    await other.page.goto(`${pathToFileURL(saved).href}#doc=yalu`);
    await other.page.waitForSelector('[data-testid=reader-title]');
    eq(await other.page.textContent('[data-testid=reader-title]'), 'Fence Along the Yalu', 'a link into the saved page opens');
    // Adding to a saved page works and is kept apart from the seeds page's storage.
    await other.page.setInputFiles('[data-testid=add-documents]', [{ name: 'tumen.txt', mimeType: 'text/plain', buffer: note('Tumen Bridge', 'The Tumen bridge reopened to trucks.') }]);
    await kept(other.page);
    await counted(other.page, '6 documents');
    // file:// pages share one origin: the saved page keeps its own database.
    const names = await other.page.evaluate(() => indexedDB.databases().then((d) => d.map((x) => x.name)));
    eq(names, ['borderlines:My corpus'], 'its own database, apart from the seeds page\'s');
    await other.context.close();
    return [...problems, ...other.problems];
  },
});
