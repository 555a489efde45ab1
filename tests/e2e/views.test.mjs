// End-to-end tests of the linked views: facets, pills, tabs, figures and
// claims, terms and keyword in context, the whole view in the link, Share.
// Same harness as explorer.test.mjs: any network request, console error or
// dialog fails the test.
//
// Usage: node tests/e2e/views.test.mjs [path/to/borderlines.html]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq, expect, open_page, page_url, reader_title, run, search, shots } from './harness.mjs';

const facet = (kind, value) => `[data-testid=facet][data-facet="${kind}"][data-value="${value}"]`;
const pills = (page) => page.$$eval('[data-testid=filter-pill]', (els) => els.map((e) => `${e.dataset.excluded === 'true' ? '-' : ''}${e.dataset.facet}:${e.dataset.value}`));
const hash_query = (page) => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('q') ?? '');
const result_ids = (page) => page.$$eval('[data-testid=result]', (els) => els.map((e) => e.dataset.doc.slice(0, 3)));
async function until(page, fn, arg) { await page.waitForFunction(fn, arg, { timeout: 5000 }); }

const tests = {
  async 'clicking a facet filters, lands in the link, survives a reload and Back removes it'() {
    const { page, context, problems } = await open_page();
    eq(await count(page), '3 documents', 'before');
    const before_url = page.url();
    // Facet counts are within the selection: Kim Jong Un is named in two documents.
    eq(await page.textContent(`${facet('person', 'Kim Jong Un')} .facet-count`), '2', 'count before');
    await page.click(facet('person', 'Kim Jong Un'));
    await until(page, () => document.querySelector('[data-testid=result-count]').textContent.startsWith('2 of 3'));
    eq(await hash_query(page), 'person:"Kim Jong Un"', 'query in the link');
    eq(await pills(page), ['person:Kim Jong Un'], 'pill');
    eq(await page.getAttribute(facet('person', 'Kim Jong Un'), 'data-chosen'), 'included', 'facet lit');
    eq(await page.inputValue('[data-testid=search-input]'), 'person:"Kim Jong Un"', 'the filter is query text');
    // Other facets follow: counts are now within the two documents.
    eq(await page.textContent(`${facet('country', 'North Korea')} .facet-count`), '2', 'other facet follows');
    // A second facet ANDs.
    await page.click(facet('country', 'Ukraine'));
    await until(page, () => document.querySelector('[data-testid=result-count]').textContent.startsWith('1 of 3'));
    eq(await pills(page), ['person:Kim Jong Un', 'country:Ukraine'], 'two pills');
    await page.reload();
    await page.waitForSelector('[data-testid=app][data-state=ready]');
    eq(await count(page), '1 of 3 documents match', 'after reload');
    eq(await pills(page), ['person:Kim Jong Un', 'country:Ukraine'], 'pills after reload');
    await page.goBack();
    await until(page, () => document.querySelector('[data-testid=result-count]').textContent.startsWith('2 of 3'));
    eq(await pills(page), ['person:Kim Jong Un'], 'Back removes the last filter');
    await page.goBack();
    await until(page, () => document.querySelector('[data-testid=result-count]').textContent === '3 documents');
    eq(page.url().split('#')[0], before_url.split('#')[0], 'same page');
    await page.screenshot({ path: join(shots, 'facets.png') });
    await context.close();
    return problems;
  },

  async 'excluding a value removes its documents; values of one facet are ORed'() {
    const { page, context, problems } = await open_page();
    // Alt-click excludes.
    await page.click(facet('country', 'Russia'), { modifiers: ['Alt'] });
    await until(page, () => document.querySelector('[data-testid=result-count]').textContent.startsWith('1 of 3'));
    eq(await pills(page), ['-country:Russia'], 'exclusion pill');
    eq(await page.getAttribute(facet('country', 'Russia'), 'data-chosen'), 'excluded', 'facet marked excluded');
    eq(await result_ids(page), ['001'], 'only the document not naming Russia');
    // Removing the pill restores all.
    await page.click('[data-testid=filter-pill] .pill-remove');
    await until(page, () => document.querySelector('[data-testid=result-count]').textContent === '3 documents');
    // The "−" control excludes too.
    await page.click(`${facet('country', 'Ukraine')} + [data-testid=facet-exclude]`);
    await until(page, () => document.querySelectorAll('[data-testid=filter-pill]').length === 1);
    eq(await pills(page), ['-country:Ukraine'], 'exclude control');
    await page.click('[data-testid=clear-filters]');
    await until(page, () => document.querySelectorAll('[data-testid=filter-pill]').length === 0);
    // Two values of one facet: ORed, and the facet keeps counting as if none were chosen.
    await page.click(facet('lang', 'en'));
    await until(page, () => document.querySelectorAll('[data-testid=filter-pill]').length === 1);
    await page.click(facet('country', 'Ukraine'));
    await until(page, () => document.querySelector('[data-testid=result-count]').textContent.startsWith('1 of 3'));
    // Ukraine's panel still counts South Korea as if Ukraine were not chosen (3 documents).
    eq(await page.textContent(`${facet('country', 'South Korea')} .facet-count`), '3', 'own facet counted without its choice');
    await page.click(facet('country', 'South Korea'));
    await until(page, () => document.querySelector('[data-testid=result-count]').textContent.startsWith('3 of 3'));
    eq(await hash_query(page), 'lang:en (country:Ukraine OR country:"South Korea")', 'OR group in the query');
    eq(await pills(page), ['lang:en', 'country:Ukraine', 'country:South Korea'], 'a pill per value');
    await context.close();
    return problems;
  },

  async 'a filter typed by hand is a pill and lights its facet'() {
    const { page, context, problems } = await open_page();
    await search(page, 'border person:kim');
    await until(page, () => document.querySelectorAll('[data-testid=filter-pill]').length === 1);
    eq(await pills(page), ['person:kim'], 'typed pill');
    eq(await page.getAttribute(facet('person', 'Kim Jong Un'), 'data-chosen'), 'included', 'typed filter lights the facet');
    await page.click('[data-testid=filter-pill] .pill-remove');
    await until(page, () => new URLSearchParams(location.hash.slice(1)).get('q') === 'border');
    // The address changes at the click; the page follows on `hashchange`, a
    // task later (CI failed once reading the box in between).
    await until(page, () => document.querySelectorAll('[data-testid=filter-pill]').length === 0);
    eq(await page.inputValue('[data-testid=search-input]'), 'border', 'free words kept');
    await context.close();
    return problems;
  },

  async 'figures view lists every figure, opens its passage, sorts and exports'() {
    const { page, context, problems } = await open_page();
    await page.click('[data-testid=view-tab][data-view=figures]');
    await page.waitForSelector('[data-testid=figures-view]');
    expect(page.url().includes('view=figures'), `tab in the link: ${page.url()}`);
    const rows = await page.$$eval('[data-testid=figure-row]', (els) => els.map((e) => [...e.cells].map((c) => c.textContent)));
    const row = (v) => rows.find((r) => r[0] === v);
    expect(row('1,047') && row('1,047')[3] === '2019' && row('1,047')[1].includes('defectors'), `1,047 row: ${JSON.stringify(row('1,047'))}`);
    expect(row('67') && row('67')[3] === '2020' && row('67')[1].includes('defectors'), `67 row: ${JSON.stringify(row('67'))}`);
    expect(rows.some((r) => r[0] === '≥ 489 km'), 'bounded figure');
    // Claims: 1,047 vs over a thousand, consistent, side by side.
    const claim = await page.textContent('[data-testid=claim]');
    expect(claim.includes('1,047') && claim.includes('over a thousand'), claim);
    eq(await page.getAttribute('[data-testid=claim]', 'data-agreement'), 'consistent', 'agreement');
    // Sorting by value, descending, lands in the link.
    await page.click('[data-testid=sort][data-column=value]');
    await until(page, () => location.hash.includes('fsort=value'));
    await page.click('[data-testid=sort][data-column=value]');
    await until(page, () => location.hash.includes('fsort=value-'));
    const values = await page.$$eval('[data-testid=figure-row]', (els) => els.map((e) => e.dataset.value));
    eq(values[0], '12,000', 'biggest first');
    // Export CSV: a file made in the page, holding every row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export][data-format=csv]')]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.includes('1,047') && csv.split('\n').length >= rows.length + 1, `csv: ${csv.slice(0, 200)}`);
    eq(download.suggestedFilename(), 'borderlines-figures.csv', 'file name');
    const [json_download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export][data-format=json]')]);
    const json = JSON.parse(readFileSync(await json_download.path(), 'utf8'));
    eq(json.length, rows.length, 'json rows');
    await page.screenshot({ path: join(shots, 'figures.png') });
    // A value opens the reader at its sentence, marked.
    await page.click('[data-testid=figure-row][data-value="67"] a');
    await page.waitForSelector('[data-testid=passage]');
    expect(page.url().includes('view=documents') || !page.url().includes('view='), 'back on documents');
    expect((await page.textContent('[data-testid=passage]')).includes('only 67'), 'passage holds the figure');
    const marked = await page.$$eval('[data-testid=passage] mark', (els) => els.map((e) => e.textContent));
    expect(marked.some((m) => m.includes('67')), `passage marks ${marked}`);
    const top = await page.$eval('[data-testid=passage]', (e) => e.getBoundingClientRect().top);
    expect(top > 0 && top < 860, `passage scrolled into view (top ${top})`);
    await page.goBack();
    await page.waitForSelector('[data-testid=figures-view]');
    await context.close();
    return problems;
  },

  async 'figures follow the selection'() {
    const { page, context, problems } = await open_page(`${page_url}#view=figures&q=country%3AUkraine`);
    await page.waitForSelector('[data-testid=figures-view]');
    const docs = await page.$$eval('[data-testid=figure-row] td:nth-child(5)', (els) => [...new Set(els.map((e) => e.title.slice(0, 3)))]);
    eq(docs, ['004'], 'only the selected document');
    await context.close();
    return problems;
  },

  async 'terms view: distinctive terms, a chosen term per document and in context'() {
    const { page, context, problems } = await open_page();
    await search(page, 'defectors');
    await page.click('[data-testid=view-tab][data-view=terms]');
    await page.waitForSelector('[data-testid=terms-view]');
    const terms = await page.$$eval('[data-testid=term-row]', (els) => els.map((e) => e.dataset.term));
    expect(terms.includes('defectors'), `terms: ${terms}`);
    // Choosing a term puts it in the link and shows it per document and in context.
    await page.click('[data-testid=term-row][data-term=defectors] [data-testid=term-link]');
    await until(page, () => location.hash.includes('term=defectors'));
    await page.waitForSelector('[data-testid=term-chart] rect');
    const lines = await page.$$eval('[data-testid=kwic-line]', (els) => els.map((e) => [...e.cells].map((c) => c.textContent)));
    expect(lines.length >= 5, `kwic lines: ${lines.length}`);
    expect(lines.every((l) => l[1].toLowerCase().startsWith('defector')), `keywords ${lines.map((l) => l[1])}`);
    expect(lines.some((l) => l[0].endsWith('number of ') && l[2].startsWith(' reaching South Korea')), `aligned context ${JSON.stringify(lines.slice(0, 3))}`);
    // Sorting by the word on the left, in the link.
    await page.click('[data-testid=kwic-sort][data-column=left]');
    await until(page, () => location.hash.includes('ksort=left'));
    // The link is written first; wait for the lines to be re-rendered in the new order
    // (a fixed regression: reading them at once was flaky under load).
    await until(page, () => {
      const l = [...document.querySelectorAll('[data-testid=kwic-line] td.left')].map((e) => (e.textContent.trim().split(/\s+/).pop() ?? '').toLowerCase().replace(/[^a-z]/g, ''));
      return l.length > 0 && l.join('|') === [...l].sort().join('|');
    });
    const lefts = await page.$$eval('[data-testid=kwic-line] td.left', (els) => els.map((e) => (e.textContent.trim().split(/\s+/).pop() ?? '').toLowerCase().replace(/[^a-z]/g, '')));
    eq([...lefts].sort(), lefts, 'sorted by the left word');
    // Width is adjustable and in the link.
    await page.fill('[data-testid=kwic-width]', '2');
    await page.dispatchEvent('[data-testid=kwic-width]', 'change');
    await until(page, () => location.hash.includes('kw=2'));
    const short = await page.$eval('[data-testid=kwic-line] td.right', (e) => e.textContent.trim().split(/\s+/).length);
    expect(short <= 3, `two words each side: ${short}`);
    await page.screenshot({ path: join(shots, 'terms.png') });
    // A keyword opens the reader at that occurrence.
    await page.click('[data-testid=kwic-line] a');
    await page.waitForSelector('[data-testid=passage] mark');
    const marked = await page.$$eval('[data-testid=passage] mark', (els) => els.map((e) => e.textContent.toLowerCase()));
    expect(marked.some((m) => m.startsWith('defector')), `passage marks ${marked}`);
    await context.close();
    return problems;
  },

  async 'terms of the whole corpus are compared with ordinary English'() {
    const { page, context, problems } = await open_page(`${page_url}#view=terms`);
    await page.waitForSelector('[data-testid=term-row]');
    // The reference list is a data pack, read once the page is parsed (the
    // view ranks by frequency until then).
    await page.waitForFunction(() => document.querySelector('[data-testid=terms-view]')?.textContent.includes('Brown corpus'), null, { timeout: 10000 });
    const terms = await page.$$eval('[data-testid=term-row]', (els) => els.slice(0, 10).map((e) => e.dataset.term));
    expect(terms.includes('korea') || terms.includes('north'), `top terms ${terms}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=terms-view] [data-testid=export][data-format=csv]')]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')[0].includes('G2'), `csv header ${csv.split('\n')[0]}`);
    expect(csv.includes('korea'), 'csv rows');
    // Phrases: two-word terms, ranked by frequency (no reference for phrases).
    await page.click('[data-testid=ngram][data-n="2"]');
    await until(page, () => location.hash.includes('ngram=2'));
    await page.waitForSelector('[data-testid=term-row][data-term="north korea"]');
    const phrases = await page.$$eval('[data-testid=term-row]', (els) => els.map((e) => e.dataset.term));
    expect(phrases.every((p) => p.includes(' ')), `phrases: ${phrases}`);
    await context.close();
    return problems;
  },

  async 'Share puts the link to this exact view on the clipboard'() {
    const { page, context, problems } = await open_page(page_url, undefined, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.click(facet('country', 'Russia'));
    await until(page, () => document.querySelectorAll('[data-testid=filter-pill]').length === 1);
    await page.click('[data-testid=view-tab][data-view=figures]');
    await page.waitForSelector('[data-testid=figures-view]');
    await page.click('[data-testid=share-button]');
    await page.waitForSelector('[data-testid=share-status]');
    const status = await page.textContent('[data-testid=share-status]');
    const copied = status.includes('copied')
      ? await page.evaluate(() => navigator.clipboard.readText())
      : await page.inputValue('[data-testid=share-link]');
    eq(copied, page.url(), 'the link');
    const fresh = await open_page(copied);
    await fresh.page.waitForSelector('[data-testid=figures-view]');
    eq(await pills(fresh.page), ['country:Russia'], 'the colleague sees the same filter');
    await fresh.context.close();
    await context.close();
    return [...problems, ...fresh.problems];
  },

  async 'old links still open and hostile keys are noted, never run'() {
    const { page, context, problems } = await open_page(`${page_url}#doc=001_a9904e2a1790e04c&q=defectors`);
    expect((await reader_title(page)).startsWith('China Fortifies'), 'old link opens its document');
    const hostile = await open_page(`${page_url}#q=mines&view=%3Cscript%3E&onload=alert(1)&kw=abc&at=-1&q=again`);
    const notes = await hostile.page.textContent('[data-testid=link-notes]');
    for (const k of ['view', 'onload', 'kw', 'at', 'repeated']) expect(notes.includes(k), `note on ${k}: ${notes}`);
    eq(await hostile.page.inputValue('[data-testid=search-input]'), 'mines', 'the rest works');
    eq(await hostile.page.$$eval('[data-testid=app] script, img', (e) => e.length), 0, 'nothing injected');
    await hostile.context.close();
    await context.close();
    return [...problems, ...hostile.problems];
  },

  async 'a typo fallback is marked in the reader as in the snippet'() {
    const { page, context, problems } = await open_page();
    await search(page, 'smugglres');
    await page.waitForSelector('[data-testid=snippet] mark');
    const snippet = await page.$$eval('[data-testid=snippet] mark', (els) => els.map((e) => e.textContent.toLowerCase()));
    const reader = await page.$$eval('[data-testid=reader] .reader-body mark', (els) => els.map((e) => e.textContent.toLowerCase()));
    expect(snippet.some((m) => m.startsWith('smuggl')), `snippet ${snippet}`);
    expect(reader.some((m) => m.startsWith('smuggl')), `reader ${reader}`);
    await context.close();
    return problems;
  },

  async 'views fit a phone and a wide screen, in light and dark'() {
    const shots_of = [];
    for (const [w, h] of [[360, 740], [1280, 860], [1920, 1080]]) {
      for (const view of ['documents', 'figures', 'terms']) {
        const { page, context, problems } = await open_page(`${page_url}#view=${view}&q=defectors`, { width: w, height: h });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow <= 0, `${view} at ${w}px is ${overflow}px wider than the screen`);
        await page.screenshot({ path: join(shots, `${view}-${w}.png`) });
        shots_of.push(...problems);
        await context.close();
      }
    }
    const { page, context, problems } = await open_page(`${page_url}#view=figures`, { width: 1280, height: 860 });
    await page.click('[data-testid=theme-toggle]');
    eq(await page.getAttribute('html', 'data-theme'), 'dark', 'dark theme set');
    await page.screenshot({ path: join(shots, 'figures-dark.png') });
    await page.reload();
    await page.waitForSelector('[data-testid=app][data-state=ready]');
    eq(await page.getAttribute('html', 'data-theme'), 'dark', 'kept across a reload');
    await context.close();
    return [...shots_of, ...problems];
  },

  async 'every control is reachable by keyboard'() {
    const { page, context, problems } = await open_page();
    // Tab from the search box reaches a facet value; Enter applies it.
    await page.focus('[data-testid=search-input]');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.dataset?.testid === 'facet');
    }
    expect(reached, 'a facet value takes focus');
    const value = await page.evaluate(() => document.activeElement.dataset.value);
    await page.keyboard.press('Enter');
    await until(page, () => document.querySelectorAll('[data-testid=filter-pill]').length === 1);
    eq((await pills(page))[0].endsWith(value), true, 'Enter filters');
    // Tabs carry ARIA roles.
    eq(await page.$$eval('[role=tab]', (els) => els.map((e) => e.dataset.view)), ['documents', 'timeline', 'map', 'network', 'figures', 'terms'], 'six tabs');
    eq(await page.getAttribute('[role=tab][aria-selected=true]', 'data-view'), 'documents', 'selected tab');
    await context.close();
    return problems;
  },
};

await run(tests);
