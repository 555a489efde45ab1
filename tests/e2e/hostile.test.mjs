// The hostile-input suite (issue 11 §2 and §3): nothing in a document, a
// file name or a link may ever run, leave the page or freeze it.
//
// Every vector of fixtures/xss-vectors.mjs is placed in every place a user's
// data reaches the screen (see PLACEMENTS and FILE_PLACEMENTS below): file
// names, titles, bylines, headings, body text, entity sentences, figure
// sentences, what the exports carry, and the link's keys and values. The
// suite adds them through "+ Add documents", searches, opens every document
// in the reader, hovers, switches through every view and exports every
// table and picture. After each step it fails on any dialog, new global
// (each vector sets `window.__pwned_N`), request, console error, popup,
// navigation away, or markup that could run (see harness `hostile_checks`);
// each export is read back: CSV cells never start a formula, SVG carries no
// script, JSON parses.
//
// Then: crafted links (each shows a plain note and the rest of the view
// works), resource abuse with the files the page takes today (each gets a
// clear message or a bounded result while the page keeps answering,
// measured with a long-task observer), and the built page's CSP.
//
// Usage: node tests/e2e/hostile.test.mjs [path/to/borderlines.html]
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { browser, count, eq, expect, hostile_checks, open_page, page_path, page_url, run, search, shots } from './harness.mjs';
import { vectors } from './fixtures/xss-vectors.mjs';

// ── Where a vector goes ───────────────────────────────────────────────────

/** A short word unique to vector n ("xvaa", "xvab" …): finds its document. */
const tag_of = (n) => `xv${String.fromCharCode(97 + Math.floor(n / 26))}${String.fromCharCode(97 + (n % 26))}`;

/**
 * Places inside one document's text, in reading order: [name, line(v, tag)].
 * The lines are shaped so the parser reads them as what the name says (a
 * headline, a byline, a heading, a paragraph with a person, a figure).
 * `md` files write the title and heading as Markdown headings.
 */
const PLACEMENTS = [
  ['title', (v, t, md) => `${md ? '# ' : ''}Report ${t} ${v} hostile border`],
  ['byline', (v) => `By ${v}`],
  ['lead paragraph', (v, t) => `Border guards counted the hostile crossings near the river in the winter night ${t}.`],
  ['heading', (v, t, md) => `${md ? '## ' : ''}Heading ${t} ${v} notes`],
  ['body text', (v) => `The villagers wrote ${v} in the hostile market ledger near the river bank every day.`],
  ['entity sentence', (v) => `President ${v} said the border with China would stay closed to traders this winter.`],
  ['figure sentence', (v) => `${v} 67 defectors crossed near Hyesan in 2020, officials said.`],
  ['line start (keyword in context)', (v) => `${v} hostile words were painted on the wall of the checkpoint at Sinuiju.`],
];

/** A file name the system would allow: no '/', no NUL. */
const file_name = (text) => text.replaceAll('/', '\u2215').replaceAll('\0', '');

/**
 * Whole files built from all vectors at once: [name, (vectors) => files].
 * Each vector's own document (.txt, or .md for every other vector) carries
 * the PLACEMENTS and the vector in its file name; a second file per vector
 * that the page refuses puts the name in the "Details" list.
 * Formats the page reads later (CSV, JSON, HTML) are one line each here:
 *   ['CSV fields', (vs) => [{ name: 'hostile.csv', mimeType: 'text/csv', buffer: csv_of(vs) }]],
 */
const FILE_PLACEMENTS = [
  ['document with a hostile file name', (vs) => vs.map((v) => {
    const md = v.n % 2 === 1;
    const text = PLACEMENTS.map(([, line]) => line(v.text, tag_of(v.n), md)).join('\n\n');
    return { name: file_name(`${tag_of(v.n)} ${v.text}.${md ? 'md' : 'txt'}`), mimeType: 'text/plain', buffer: Buffer.from(text) };
  })],
  ['refused file with a hostile name', (vs) => vs.map((v) => (
    { name: file_name(`${tag_of(v.n)} refused ${v.text}.pdf`), mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') }))],
];

/** What the page shows of a label: no controls, no bidi, no zero-width, collapsed spaces. */
const shown = (s) => s.replace(/\uD800/g, '\uFFFD')
  .replace(/[\p{Cc}\u200B\uFEFF\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu, '')
  .replace(/\s+/g, ' ').trim();

// ── Reading the exports back ──────────────────────────────────────────────

/** RFC 4180 cells of a CSV text. */
function csv_cells(text) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',' || c === '\n') { cells.push(cell.replace(/\r$/, '')); cell = ''; } else cell += c;
  }
  if (cell) cells.push(cell);
  return cells;
}

/** Problems of one exported file; `reached` counts the vectors it carries. */
async function audit_export(page, name, text, reached) {
  const out = [];
  for (const v of vectors) if (text.includes(`__pwned_${v.n}=`) || text.includes(`__pwned_${v.n} `)) reached.add(v.n);
  if (name.endsWith('.csv')) {
    const body = text.replace(/^\uFEFF/, '');
    for (const cell of csv_cells(body)) {
      if (/^[=+\-@\t\r]/.test(cell)) out.push(`${name}: a cell a spreadsheet would run as a formula: ${JSON.stringify(cell.slice(0, 80))}`);
    }
  } else if (name.endsWith('.json')) {
    try { JSON.parse(text); } catch (e) { out.push(`${name}: not JSON: ${e.message}`); }
  } else if (name.endsWith('.svg')) {
    if (/<script|<foreignObject/i.test(text)) out.push(`${name}: live markup in the SVG text`);
    // Parsed in a blank page of its own: the app's Trusted Types policy
    // (rightly) refuses to parse markup that mentions handlers.
    const blank = await svg_page();
    const found = await blank.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      if (doc.querySelector('parsererror')) return [`not well-formed: ${doc.querySelector('parsererror').textContent.slice(0, 120)}`];
      const bad = [];
      for (const el of doc.querySelectorAll('*')) {
        if (['script', 'foreignObject', 'animate', 'set', 'use', 'image', 'iframe', 'a'].includes(el.localName)) bad.push(`<${el.localName}>`);
        for (const a of el.attributes) if (/^on/i.test(a.name) || /href$/i.test(a.name)) bad.push(`${a.name}="${a.value.slice(0, 60)}"`);
      }
      return bad;
    }, text);
    out.push(...found.map((f) => `${name}: ${f}`));
  }
  return out;
}

let blank_page = null;
async function svg_page() {
  if (!blank_page) blank_page = await (await browser.newContext()).newPage();
  return blank_page;
}

/** Clicks every export link shown and audits each file. */
async function export_all(page, view, reached) {
  const out = [];
  const links = await page.$$(`[data-testid=${view}-view] [data-testid=export], [data-testid=export]`);
  const seen = new Set();
  for (const link of links) {
    if (!(await link.isVisible())) continue;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), link.click()]);
    const name = download.suggestedFilename();
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(...await audit_export(page, name, readFileSync(await download.path(), 'utf8'), reached));
  }
  return { problems: out, files: [...seen] };
}

/** Moves the mouse over each element matching `selector` that is on screen (at most `most`). */
async function hover_all(page, selector, most = 60) {
  const points = await page.$$eval(selector, (els, most) => els.map((e) => e.getBoundingClientRect())
    .filter((b) => b.width > 0 && b.height > 0 && b.bottom > 0 && b.top < innerHeight)
    .slice(0, most).map((b) => [b.x + b.width / 2, b.y + b.height / 2]), most);
  for (const [x, y] of points) await page.mouse.move(x, y);
  return points.length;
}

const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
const figures = [];
function report(row, r) {
  figures.push({ row, ...r });
  console.log(`      ${row}: ${Object.entries(r).map(([k, v]) => `${k} ${typeof v === 'number' ? Math.round(v) : v}`).join(', ')}`);
}

const tests = {
  async 'hostile vectors in every place a document reaches the screen never run'() {
    const t_start = Date.now();
    const { page, context, problems } = await open_page();
    const check = await hostile_checks(page);
    const step = async (name) => { problems.push(...await check(name)); };
    let t_phase = Date.now();
    const phase = (name) => { if (process.env.VERBOSE) console.log(`      ${name}: ${Date.now() - t_phase} ms`); t_phase = Date.now(); };

    const files = FILE_PLACEMENTS.flatMap(([, make]) => make(vectors));
    await page.setInputFiles('[data-testid=add-documents]', files);
    await page.waitForFunction(() => /^(Added|No document)/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 60000 });
    eq(await page.textContent('[data-testid=load-status] .load-summary'), `Added ${vectors.length} documents. Skipped ${vectors.length}.`, 'every hostile document added, every refused file reported');
    await step('added');
    phase('// File names in the reasons');
    // File names in the reasons of the "Details" list.
    await page.click('[data-testid=load-details-toggle]');
    const reasons = await page.$$eval('[data-testid=load-details] li', (els) => els.map((e) => e.textContent));
    const named = vectors.filter((v) => reasons.some((r) => shown(r).startsWith(shown(file_name(`${tag_of(v.n)} refused ${v.text}.pdf`)))));
    eq(named.length, vectors.length, 'every refused file is named, as text, in the details');
    await step('details');
    await page.keyboard.press('Escape');

    phase("// Search: every document's ti");
    // Search: every document's title, as text, in the results.
    await search(page, 'hostile');
    while (await page.$('[data-testid=more-results]')) {
      const n = (await page.$$('[data-testid=result]')).length;
      await page.click('[data-testid=more-results]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=result]').length > n, n);
    }
    const results = await page.$$eval('[data-testid=result]', (els) => els.map((e) => ({
      doc: e.dataset.doc,
      title: e.querySelector('[data-testid=result-title]')?.textContent ?? '',
      byline: e.querySelector('.result-byline')?.textContent ?? '',
    })));
    const coverage = {};
    const reach = (place, v) => { (coverage[place] ??= new Set()).add(v.n); };
    for (const v of vectors) {
      const r = results.find((r) => r.title.includes(tag_of(v.n)));
      if (!r) continue;
      if (shown(r.title) === shown(`Report ${tag_of(v.n)} ${v.text} hostile border`)) reach('title', v);
      if (shown(r.byline) === shown(v.text)) reach('byline', v);
    }
    eq(vectors.filter((v) => !coverage.title?.has(v.n)).map((v) => v.name), [], 'vectors whose title is not shown as its text');
    await step('results');
    phase('// Hover every title');
    // Hover every title and the entities under it.
    for (let y = 0; y < await page.evaluate(() => document.body.scrollHeight); y += 700) {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      await hover_all(page, '[data-testid=result-title], [data-testid=result-entities] a');
    }
    await step('hover over results');


    phase('// Open every document in the ');
    // Open every document in the reader; hover its annotations.
    const result_titles = await page.$$('[data-testid=result] [data-testid=result-title]');
    for (const v of vectors) {
      const i = results.findIndex((r) => r.title.includes(tag_of(v.n)));
      if (i < 0) continue;
      const href = await result_titles[i].evaluate((e) => e.closest('a').getAttribute('href'));
      await result_titles[i].click();
      if (process.env.SLOW) await page.waitForTimeout(200);
      await page.waitForFunction((t) => document.querySelector('[data-testid=reader-title]')?.textContent.includes(t) && document.querySelector('.reader-body [data-piece]'), tag_of(v.n), { timeout: 5000 })
        .catch(async () => { throw new Error(`the reader did not open “${v.name}” (${tag_of(v.n)}): ${await page.textContent('[data-testid=reader-title]').catch(() => 'no reader')}; ${page.url()}; clicked ${href}`); });
      const seen = await page.evaluate(() => ({
        byline: document.querySelector('.reader .byline')?.textContent ?? '',
        text: document.querySelector('.reader-body')?.textContent ?? '',
      }));
      if (shown(seen.byline) === `By ${shown(v.text)}`) reach('reader byline', v);
      const body = shown(seen.text);
      for (const [place, line] of PLACEMENTS.slice(3)) {
        if (body.includes(shown(line(v.text, tag_of(v.n), false).replace(/^#+ /, '')))) reach(`reader ${place}`, v);
      }
      await hover_all(page, '.reader-body .ann', 4);
      await step(`reader of “${v.name}”`);
    }

    // Entity names the vectors gave (facet values): each one clicked becomes
    // a filter (query text, a pill, the link) and removed again.
    const facets = await page.$$eval('[data-testid=facet]', (els) => els.map((e) => ({ kind: e.dataset.facet, value: e.dataset.value })));
    const hostile_entities = facets.filter((f) => ['person', 'org', 'place'].includes(f.kind) && vectors.some((v) => f.value.length > 1 && shown(v.text).includes(f.value)) && !SEED_ENTITIES.has(f.value));
    for (const v of vectors) if (hostile_entities.some((f) => shown(v.text).includes(f.value))) reach('entity name', v);
    for (const f of hostile_entities) {
      const sel = `[data-testid=facet][data-facet="${f.kind}"][data-value="${CSS_escape(f.value)}"]`;
      await page.click(sel);
      await page.waitForFunction((v) => [...document.querySelectorAll('[data-testid=filter-pill]')].some((p) => p.dataset.value === v), f.value);
      await step(`filter on the entity “${f.value}”`);
      await page.click('[data-testid=clear-filters]');
      await page.waitForFunction(() => !document.querySelector('[data-testid=filter-pill]'));
    }
    report('entity names from vectors', { names: hostile_entities.map((f) => `${f.kind}:${f.value}`).join(' | ') });

    phase('// Every view, its hovers');
    // Every view, its hovers and its exports.
    const reached = new Set();
    const exported = [];
    await search(page, 'hostile OR defectors OR president');
    for (const view of ['timeline', 'map', 'network', 'figures', 'terms', 'documents']) {
      await page.click(`[data-testid=view-tab][data-view=${view}]`);
      await page.waitForSelector(`[data-testid=${view === 'documents' ? 'result-count' : `${view}-view`}]`);
      await settle(page);
      if (view === 'terms') {
        await page.click('[data-testid=term-row][data-term=hostile] [data-testid=term-link]');
        await page.waitForSelector('[data-testid=kwic-line]');
      }
      if (view === 'figures') {
        const rows = await page.$$eval('[data-testid=figure-row]', (els) => els.map((e) => e.textContent));
        for (const v of vectors) if (rows.some((t) => shown(t).includes(shown(v.text)))) reach('figures table', v);
      }
      if (view === 'network') {
        const names = await page.$$eval('[data-testid=network-node]', (els) => els.map((e) => e.textContent));
        report('network', { nodes: names.length });
      }
      await hover_all(page, `[data-testid=${view}-view] :is(a, [data-testid=network-node], [data-testid=map-marker], [data-testid=map-region], [data-testid=timeline-bar])`);
      phase(`${view} view`);
      await step(`${view} view`);
      const { problems: p, files: f } = await export_all(page, view, reached);
      problems.push(...p);
      exported.push(...f);
      await step(`${view} exports`);
      phase(`${view} exports`);
    }
    report('exports', { files: exported.join(' '), 'vectors carried': reached.size });

    phase('// Every vector as a query');
    // Every vector as a query, and as the link's keys and values.
    for (const v of vectors) {
      const q = encodeURIComponent(v.text.toWellFormed());
      await page.evaluate((h) => { location.hash = h; }, `#q=${q}&${q}=${q}&doc=${q}&term=${q}&tser=${q}&nedge=${q}|${q}&pin=${q}&view=${q}&tbar=${q}`);
      await settle(page);
      const notes = await page.textContent('[data-testid=link-notes]').catch(() => '');
      if (shown(notes).includes(shown(v.text).slice(0, 20))) reach('link note', v);
      await step(`link with “${v.name}”`);
    }
    await page.screenshot({ path: join(shots, 'hostile-link.png') });

    phase("report('placements reached'");
    if (process.env.VERBOSE) for (const [k, set] of Object.entries(coverage)) console.log(`      ${k} misses: ${vectors.filter((v) => !set.has(v.n)).map((v) => v.name).join('; ')}`);
    report('placements reached', Object.fromEntries(Object.entries(coverage).map(([k, s]) => [k, `${s.size}/${vectors.length}`])));
    report('time', { seconds: (Date.now() - t_start) / 1000 });
    await context.close();
    return problems;
  },
};

// ── Crafted links ─────────────────────────────────────────────────────────

/**
 * [name, fragment, hook of the element that must say so, what it says,
 * the search box's text the link leaves]. Each opens on the page as it is
 * (a link followed), then the page must still search.
 */
const LINKS = [
  ['a 1 MB fragment', `#q=wall&x=${'a'.repeat(1 << 20)}`, 'link-notes', /longer than [\d,]+ characters; the rest was ignored/, 'wall'],
  ['invalid percent-encoding', '#q=wall%zz', 'link-notes', /not valid percent-encoding/, 'wall%zz'],
  ['percent-encoded bytes that are not UTF-8', '#q=%FF%FEwall', 'link-notes', /not valid percent-encoding/, '\uFFFD\uFFFDwall'],
  ['an unknown key', '#q=wall&evil=%3Cscript%3E', 'link-notes', /Ignored “evil” in the link/, 'wall'],
  ['a repeated key', '#q=wall&q=fence', 'link-notes', /Ignored a repeated “q”/, 'wall'],
  ['empty and odd keys', '#&&=&==&%3D=1&q=wall', 'link-notes', /Ignored “=” in the link/, 'wall'],
  ['values of the wrong type', '#q=wall&kw=abc&ngram=9&view=42&at=x&mbox=a,b,c,d&table=yes', 'link-notes', /“kw=abc”[\s\S]*“ngram=9”[\s\S]*“view=42”[\s\S]*“at=x”[\s\S]*“mbox=a,b,c,d”[\s\S]*“table=yes”/, 'wall'],
  ['NUL and control characters', '#q=wall%00%07%1B&term=%01', 'link-notes', /Removed control characters from “q”/, 'wall'],
  ['a document that does not exist', '#q=wall&doc=nope-404', 'reader', /There is no document “nope-404” in this corpus/, 'wall'],
  ['a term that does not exist', '#view=terms&term=zzzzqqq', 'terms-view', /“zzzzqqq” per document\s+It does not occur in this selection/, ''],
  ['an edge between entities that do not exist', '#view=network&nedge=person%3ANobody%7Ccountry%3ANowhere', 'network-edge-passages', /Nobody and Nowhere: 0 paragraphs naming both/, ''],
  ['a pin of an entity that does not exist', '#view=network&pin=person%3ANobody%4010%2C10', 'network-pin-note', /The link pins “person:Nobody”, which this corpus does not name/, ''],
  ['a figure series that does not exist', '#view=timeline&tser=zzz', 'timeline-series-note', /No figure of “zzz” in this selection/, ''],
  ['a timeline bar no document has', '#view=timeline&tbar=1066', 'timeline-passages', /Passages behind 1066 \(0\)/, ''],
];

/** Entities of the seeds and of the sentences around the vectors (not the vectors' own). */
const SEED_ENTITIES = new Set(['China', 'Hyesan', 'Sinuiju', 'Kim Jong Un', 'Kim', 'North Korea', 'South Korea', 'Russia', 'United States', 'Ukraine', 'President']);

/** CSS.escape for attribute selectors, in node. */
function CSS_escape(s) { return s.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a '); }

// Each crafted link, opened as a link (a fresh page for the 1 MB one, a
// followed link for the others): it says what it could not use, in plain
// words; the note can be dismissed; the rest of the view works.
/** A CSV cell, quoted. */
const csv_cell = (s) => `"${String(s).replace(/"/g, '""')}"`;
/** Text inside a double-quoted HTML attribute. */
const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;');

tests['hostile vectors in table cells, JSON Lines fields and saved web pages never run'] = async () => {
  const { page, context, problems } = await open_page();
  const check = await hostile_checks(page);
  const step = async (name) => { problems.push(...await check(name)); };
  const dir = mkdtempSync(join(tmpdir(), 'borderlines-hostile-formats-'));
  const header = ['title', 'text', 'date', 'source', 'url', 'author'];
  const row = (v, kind) => [`${tag_of(v.n)} ${kind} ${v.text}`, `Hostile ${kind} ${tag_of(v.n)}: ${v.text} near the Tumen river.`, '2020-01-02', v.text, `javascript:window.__pwned_${v.n}=1`, v.text];
  const csv = [header.join(','), ...vectors.map((v) => row(v, 'cell').map(csv_cell).join(','))].join('\r\n');
  const jsonl = vectors.map((v) => JSON.stringify(Object.fromEntries(header.map((h, i) => [h, row(v, 'field')[i]])))).join('\n');
  const paths = [];
  const put = (name, text) => { const path = join(dir, name); writeFileSync(path, text); paths.push(path); };
  put('hostile.csv', `\uFEFF${csv}`);
  put('hostile.jsonl', jsonl);
  // Saved pages: the vector as markup in the body, and as text in the title,
  // the metadata and JSON-LD (the loading module reads them; nothing runs).
  for (const v of vectors) {
    put(`page-${v.n}.html`, `<!doctype html><html><head><title>${tag_of(v.n)} page ${v.text}</title>
<meta property="og:site_name" content="${attr(v.text)}"><meta name="author" content="${attr(v.text)}">
<script type="application/ld+json">{"@type":"NewsArticle","headline":${JSON.stringify(`${tag_of(v.n)} page headline ${v.text}`)},"datePublished":"2021-03-04"}</script>
<script>window.__pwned_${v.n} = 1</script></head>
<body onload="window.__pwned_${v.n}=1"><nav>${v.text}</nav><article><h1>${tag_of(v.n)} page</h1>
<p>Hostile page ${tag_of(v.n)} near the Yalu river: ${v.text}</p><p>${v.text}</p></article></body></html>`);
  }
  await page.setInputFiles('[data-testid=add-documents]', paths);
  await page.waitForSelector('[data-testid=mapping-review]');
  await step('mapping review');
  await page.click('[data-testid=mapping-import]');
  await page.waitForFunction(() => /^(Added|No document|Nothing)/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 120000 });
  // Every row, line and page is added or told with its reason: a lone
  // surrogate escape is malformed JSON to serde_json, and a vector that
  // opens a raw-text element (<textarea>, <plaintext>, a comment) swallows
  // the article as a browser would.
  const said = await page.textContent('[data-testid=load-status] .load-summary');
  const [, added, skipped = '0'] = said.match(/^Added (\d+) documents\.(?: Skipped (\d+)\.)?/) ?? [];
  eq(Number(added) + Number(skipped), 3 * vectors.length, `every row, line and page added or told: ${said}`);
  if (Number(skipped) > 0) {
    await page.click('[data-testid=load-details-toggle]');
    const reasons = await page.$$eval('[data-testid=load-details] li', (els) => els.map((e) => e.textContent));
    const unexplained = reasons.filter((r) => !/^hostile\.jsonl: malformed JSON line \d+|^page-\d+\.html: the page has no article text$/.test(r));
    eq(unexplained, [], 'reasons');
    report('hostile formats', { added, skipped, reasons: reasons.join(' | ') });
    await step('details');
    await page.keyboard.press('Escape');
  }
  await step('added');
  for (const kind of ['cell', 'field', 'page']) {
    await search(page, `hostile ${kind}`);
    await page.waitForSelector('[data-testid=result-title]');
    await hover_all(page, '[data-testid=result-title], [data-testid=result-entities] a');
    const links = await page.$$('[data-testid=result] [data-testid=result-title]');
    for (const link of links.slice(0, 10)) {
      await link.click();
      await page.waitForSelector('.reader-body [data-piece]');
      await hover_all(page, '.reader-body .ann', 4);
    }
    await step(`${kind}: results and reader`);
  }
  for (const view of ['timeline', 'map', 'network', 'figures', 'documents']) {
    await page.click(`[data-testid=view-tab][data-view=${view}]`);
    await settle(page);
    await step(`${view} view`);
  }
  rmSync(dir, { recursive: true, force: true });
  await context.close();
  return problems;
};

tests['crafted links show a plain note and the rest of the view works'] = async () => {
  const { page, context, problems } = await open_page();
  const check = await hostile_checks(page);
  for (const [name, fragment, hook, says, query] of LINKS) {
    if (fragment.length > 100000) {
      await page.goto(`${page_url}${fragment}`);
      await page.waitForSelector('[data-testid=app][data-state=ready]');
    } else {
      await page.evaluate((f) => { location.hash = f; }, fragment);
    }
    const sel = `[data-testid=${hook}]`;
    await page.waitForFunction(([sel, src]) => new RegExp(src).test(document.querySelector(sel)?.innerText ?? ''), [sel, says.source], { timeout: 5000 })
      .catch(async () => { throw new Error(`${name}: ${sel} does not say ${says}: ${JSON.stringify((await page.$eval(sel, (e) => e.innerText).catch(() => 'not shown')).slice(0, 300))}`); });
    eq(await page.inputValue('[data-testid=search-input]'), query, `${name}: the search box`);
    problems.push(...await check(name));
    // The rest works: a search from the box answers.
    // The tab is a link: let its navigation land (its `hashchange` sets the
    // state from the link) before typing, or the typed query is replaced by
    // the link's (a race this test lost under load in CI).
    const tab = await page.getAttribute('[data-testid=view-tab][data-view=documents]', 'href');
    await page.click('[data-testid=view-tab][data-view=documents]');
    await page.waitForFunction((h) => location.hash === h || `#${location.hash.slice(1)}` === h, tab);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    await page.waitForSelector('[data-testid=result-count]');
    await search(page, 'defectors');
    await page.waitForFunction(() => /of 3 documents match/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));
    if (hook === 'link-notes' && await page.isVisible('[data-testid=link-notes]')) {
      await page.click('[data-testid=link-notes] .dismiss');
      expect(await page.isHidden('[data-testid=link-notes]'), `${name}: the note is dismissed`);
    }
    problems.push(...await check(`${name}, then a search`));
    if (name === 'values of the wrong type') await page.screenshot({ path: join(shots, 'hostile-link-notes.png') });
  }
  await context.close();
  return problems;
};

// ── Resource abuse (files the page takes today: .txt and .md) ─────────────

/** Installs a long-task observer; returns the longest task since `t0`. */
async function watch_long_tasks(page) {
  await page.evaluate(() => {
    window.__borderlines_test_lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__borderlines_test_lt.push({ start: e.startTime, d: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  });
}
const now = (page) => page.evaluate(() => performance.now());
const longest_since = (page, t0) => page.evaluate((t0) => Math.max(0, ...window.__borderlines_test_lt.filter((e) => e.start + e.d >= t0).map((e) => e.d)), t0);
/** Longest main-thread task the issue allows while the page works on hostile input. */
const MAX_TASK_MS = 200;
const summary = (page) => page.textContent('[data-testid=load-status] .load-summary');
const added = (page) => page.waitForFunction(() => /^(Added|No document|Nothing)/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? ''), null, { timeout: 120000 });
/** The page answers a search from the box within `ms`. */
async function answers(page, ms = 2000) {
  const t0 = Date.now();
  await search(page, 'hyesan');
  await page.waitForFunction(() => /document/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''), null, { timeout: ms });
  return Date.now() - t0;
}
function tmp_file(name, bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'borderlines-hostile-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
const good_note = { name: 'good.txt', mimeType: 'text/plain', buffer: Buffer.from('Night Crossing at Hyesan\n\nGuards saw three people cross the frozen river at night near Hyesan.') };

tests['a 100 MB file is refused with its exact size; the rest of the drop is kept'] = async () => {
  const { page, context, problems } = await open_page();
  await watch_long_tasks(page);
  const huge = tmp_file('huge.txt', Buffer.alloc(100 * 1024 * 1024, 'border fence river guards night. '));
  const good = tmp_file('good.txt', good_note.buffer);
  const t0 = await now(page);
  await page.setInputFiles('[data-testid=add-documents]', [huge, good]);
  await added(page);
  const longest = await longest_since(page, t0);
  rmSync(huge, { force: true });
  eq(await summary(page), 'Added 1 document. Skipped 1.', 'the good file kept');
  await page.click('[data-testid=load-details-toggle]');
  eq(await page.$$eval('[data-testid=load-details] li', (els) => els.map((e) => e.textContent)),
    ['huge.txt: 100.0 MB is over the 25 MB limit (1 MB = 1,048,576 bytes)'], 'exact size message');
  report('100 MB file (+ one good file)', { addLongestTaskMs: longest, searchAfterMs: await answers(page) });
  expect(longest < MAX_TASK_MS, `a main-thread task of ${Math.round(longest)} ms while refusing 100 MB`);
  await context.close();
  return problems;
};

const line_figures = {};
tests['one 20 MB line is added in the worker and opens in pieces; the page keeps answering'] = async () => {
  const { page, context, problems } = await open_page();
  await watch_long_tasks(page);
  const words = 'river guards fence night crossing trade smuggling bridge market winter '.repeat(Math.ceil(20 * 1024 * 1024 / 72));
  const path = tmp_file('line.txt', Buffer.from(`One Line Dump Hyesan\n${words}\n`));
  const t0 = await now(page);
  await page.setInputFiles('[data-testid=add-documents]', [path]);
  await added(page);
  line_figures.add = await longest_since(page, t0);
  eq(await summary(page), 'Added 1 document.', 'added');
  rmSync(path, { force: true });
  const t1 = await now(page);
  await search(page, 'hyesan dump');
  await page.waitForSelector('[data-testid=result-title] >> text=One Line Dump');
  await page.waitForTimeout(300);
  line_figures.search = await longest_since(page, t1);
  const t2 = await now(page);
  await page.click('[data-testid=result-title] >> text=One Line Dump');
  await page.waitForSelector('.reader-body [data-piece]');
  await page.waitForTimeout(300);
  line_figures.open = await longest_since(page, t2);
  report('one 20 MB line', { addLongestTaskMs: line_figures.add, firstSearchLongestTaskMs: line_figures.search, openLongestTaskMs: line_figures.open, searchAfterMs: await answers(page) });
  // The first search opens its top document in the reader: it took 0.5–4.6
  // s here while every piece of the line scanned and titled all 290,000
  // mentions of its block (src/annotations.rs now finds a piece's own in a
  // binary search).
  expect(line_figures.search < MAX_TASK_MS, `the first search blocked the page for ${Math.round(line_figures.search)} ms`);
  expect(line_figures.open < MAX_TASK_MS, `opening blocked the page for ${Math.round(line_figures.open)} ms`);
  await context.close();
  return problems;
};

// The issue's bound on the add path. The worker reads, parses and indexes;
// swapping its snapshot in is one task on the page until the snapshot is
// opened in slices (the integrator's branch).
tests['adding a 20 MB line keeps every main-thread task under 200 ms'] = async () => {
  expect(line_figures.add !== undefined, 'the 20 MB line test ran first');
  expect(line_figures.add < MAX_TASK_MS, `longest main-thread task while adding one 20 MB line: ${Math.round(line_figures.add)} ms (bound ${MAX_TASK_MS} ms)`);
  return [];
};

/** Types a query of 10,000 terms, then opens it from a link: what the page
 * said and the longest main-thread task of each. */
async function query_bomb() {
  const { page, context, problems } = await open_page();
  await watch_long_tasks(page);
  const terms = Array.from({ length: 10000 }, (_, i) => (i % 3 === 0 ? `d${i}*` : i % 3 === 1 ? `defecters~` : `w${i}`)).join(' ');
  const t0 = await now(page);
  await page.fill('[data-testid=search-input]', terms);
  await page.waitForFunction(() => /document/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));
  await page.waitForTimeout(500);
  const longest = await longest_since(page, t0);
  const kept = await page.$eval('[data-testid=search-input]', (e) => e.value.length);
  const said = await page.evaluate(() => [...document.querySelectorAll('[data-testid=result-count], [data-testid=query-cut], [data-testid=query-limited]')].map((e) => e.textContent).join(' | '));
  report('query of 10,000 terms', { longestTaskMs: longest, said: JSON.stringify(said.slice(0, 200)) });
  // The same query from a link.
  const t1 = await now(page);
  await page.evaluate((q) => { location.hash = `#q=${encodeURIComponent(q)}`; }, terms);
  await page.waitForSelector('[data-testid=link-notes]');
  await page.waitForTimeout(300);
  const link_longest = await longest_since(page, t1);
  report('query of 10,000 terms from a link', { longestTaskMs: link_longest, note: await page.textContent('[data-testid=link-notes] li') });
  report('query of 10,000 terms', { searchAfterMs: await answers(page) });
  await context.close();
  return { said, longest, kept, link_longest, problems };
}

tests['a query of 10,000 terms gets a bounded answer that says so'] = async () => {
  const { said, link_longest, problems } = await query_bomb();
  expect(said.includes('This query is longer than 2,000 characters; only the first 2,000 were searched.'), `the page says the query was cut: ${said.slice(0, 200)}`);
  expect(link_longest < MAX_TASK_MS, `opening it from a link blocked the page for ${Math.round(link_longest)} ms`);
  return problems;
};

// Typed, the bound once held by a small margin (91–237 ms): the task was the
// browser laying out 68,000 characters in the box, not the search (0.5 ms).
// The box now takes at most 4,000 characters (0–62 ms measured).
tests['typing a query of 10,000 terms keeps every main-thread task under 200 ms'] = async () => {
  const { longest, kept, problems } = await query_bomb();
  expect(longest < MAX_TASK_MS, `typing it blocked the page for ${Math.round(longest)} ms`);
  expect(kept === 4000, `the search box keeps 4,000 of the characters typed, not ${kept}`);
  return problems;
};

/**
 * 10,000 tiny files, each with its own words (so none is a duplicate),
 * written to a folder and given by path: the browser makes the File objects
 * (given as buffers, the test tool would build them in the page, itself one
 * 5 s task that is not the page's).
 */
function tiny_files(n) {
  const word = (i) => { let s = ''; do { s += String.fromCharCode(97 + (i % 26)); i = Math.floor(i / 26); } while (i); return s; };
  const dir = mkdtempSync(join(tmpdir(), 'borderlines-tiny-'));
  return Array.from({ length: n }, (_, i) => {
    const path = join(dir, `note-${i}.txt`);
    writeFileSync(path, `Note ${word(i)} from Hyesan\n\nGuards counted ${word(i + 7)} crossings of the ${word(i + 13)} river.`);
    return path;
  });
}

tests['10,000 tiny files are all added and the page keeps answering'] = async () => {
  const { page, context, problems } = await open_page();
  await watch_long_tasks(page);
  const files = tiny_files(10000);
  // The page's work starts when it has the files (its status says
  // "Reading"); before that, Chromium builds the 10,000 File objects of the
  // input in one task of its own (3.3 s for a bare <input type=file> here).
  await page.evaluate(() => {
    new MutationObserver((_, mo) => {
      if (/^Reading/.test(document.querySelector('[data-testid=load-status] .load-summary')?.textContent ?? '')) { window.__borderlines_test_got = performance.now(); mo.disconnect(); }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const t0 = await now(page);
  await page.setInputFiles('[data-testid=add-documents]', files);
  await added(page);
  const t_got = await page.evaluate(() => window.__borderlines_test_got);
  const add_ms = (await now(page)) - t_got;
  rmSync(dirname(files[0]), { recursive: true, force: true });
  eq(await summary(page), 'Added 10,000 documents.', 'all added');
  eq(await count(page), '10,003 documents', 'count');
  const browser_ms = await longest_since(page, t0);
  const last_add_longest = await page.evaluate((t) => Math.max(0, ...window.__borderlines_test_lt.filter((e) => e.start >= t).map((e) => e.d)), t_got);
  tiny_longest = last_add_longest;
  report('10,000 tiny files', { browserFileListTaskMs: browser_ms, addMs: add_ms, addLongestTaskMs: last_add_longest, searchAfterMs: await answers(page) });
  await context.close();
  return problems;
};
let tiny_longest;
// Was a known failure (61–303 ms) while the page posted the `File`s
// themselves (each clone a blocking call); since it reads them and
// transfers the bytes, no task over 50 ms was seen in three runs.
tests['adding 10,000 files keeps every main-thread task under 200 ms'] = async () => {
  expect(tiny_longest !== undefined, 'the 10,000 files test ran first');
  expect(tiny_longest < MAX_TASK_MS, `longest main-thread task while adding 10,000 files: ${Math.round(tiny_longest)} ms (bound ${MAX_TASK_MS} ms)`);
  return [];
};

// ── The page's own defences: its Content-Security-Policy ─────────────────

/** The directives the built page may carry; any other change fails. */
const CSP_ALLOWED = {
  'default-src': [/^'none'$/],
  // Only our two inline scripts (the glue and the boot), by hash, and the
  // compiling of the inline WebAssembly module.
  'script-src': [/^'sha256-[A-Za-z0-9+/]{43}='$/, /^'sha256-[A-Za-z0-9+/]{43}='$/, /^'sha256-[A-Za-z0-9+/]{43}='$/, /^'wasm-unsafe-eval'$/],
  'style-src': [/^'sha256-[A-Za-z0-9+/]{43}='$/],
  'img-src': [/^data:$/],
  // The loading worker, made from the page's own glue as a Blob.
  'worker-src': [/^blob:$/],
  'base-uri': [/^'none'$/],
  'form-action': [/^'none'$/],
  // Trusted Types: every script sink goes through the boot script's one
  // policy, named default (crates/xtask).
  'require-trusted-types-for': [/^'script'$/],
  'trusted-types': [/^default$/],
};

tests['the built page keeps its hash-based CSP and nothing else'] = async () => {
  const html = readFileSync(page_path, 'utf8');
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
  eq(metas.length, 1, 'one CSP');
  const directives = metas[0][1].split(';').map((d) => d.trim()).filter(Boolean).map((d) => d.split(/\s+/));
  const names = directives.map(([n]) => n);
  eq([...names].sort(), Object.keys(CSP_ALLOWED).sort(), 'directives');
  eq(new Set(names).size, names.length, 'no directive twice');
  for (const [name, ...sources] of directives) {
    const allowed = CSP_ALLOWED[name];
    eq(sources.length, allowed.length, `${name}: number of sources (${sources.join(' ')})`);
    for (const s of sources) expect(allowed.some((re) => re.test(s)), `${name}: ${s} is not allowed`);
  }
  // The hashes are those of the page's own inline script and style.
  const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const scripts = [...html.matchAll(/<script(?: id="[^"]*")?>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]));
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
  const sources = Object.fromEntries(directives.map(([n, ...s]) => [n, s]));
  // The explorer's glue, the loading module's glue and the boot script; the
  // data elements (the loading module's wasm, the corpus) never run.
  eq(scripts.length, 3, 'three inline scripts');
  eq(sources['script-src'].slice(0, 3).sort(), scripts.sort(), 'script hashes are those of the inline scripts');
  const data = [...html.matchAll(/<script type="application\/octet-stream" id="([^"]*)"/g)].map((m) => m[1]);
  eq(data, ['borderlines-corpus'], 'data elements');
  // The data packs are comments of base64 (src/data_packs.rs).
  const packs = [...html.matchAll(/<!--(borderlines-pack-[a-z]+) ([A-Za-z0-9+/=]*)-->/g)].map((m) => m[1]);
  eq(packs, ['borderlines-pack-loader', 'borderlines-pack-places', 'borderlines-pack-reference'], 'data packs');
  eq(sources['style-src'], styles, 'style hash is that of the inline style');
  const markup = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
  expect(!/<script[^>]+src=|<link[^>]+stylesheet|<iframe|<object|<embed/i.test(markup), 'no external script, style or frame');
  return [];
};

tests['Trusted Types are enforced: HTML that would run and script URLs other than blob: are refused'] = async () => {
  const { page, context, problems } = await open_page();
  const refused = await page.evaluate(() => {
    const out = {};
    const t = document.createElement('template');
    try { t.innerHTML = '<img src=x onerror=window.__pwned_tt=1>'; out.html = 'accepted'; } catch (e) { out.html = e.message; }
    try { new Worker('data:text/javascript,1'); out.url = 'accepted'; } catch (e) { out.url = e.message; }
    try { setTimeout('window.__pwned_tt2=1', 0); out.string_timer = 'accepted'; } catch (e) { out.string_timer = e.message; }
    t.innerHTML = '<p class="ok">plain markup</p>';
    out.plain = t.content.firstChild.textContent;
    return out;
  });
  // Refusals are reported on the console by Chromium; they are this test's point.
  const expected = problems.splice(0).filter((p) => !/TrustedScript|Trusted Type|refused|violates/i.test(p));
  expect(/Borderlines refused HTML/.test(refused.html), `HTML with a handler: ${refused.html}`);
  expect(/Borderlines refused a script URL/.test(refused.url), `a data: worker: ${refused.url}`);
  expect(refused.string_timer !== 'accepted' || !(await page.evaluate(() => new Promise((r) => setTimeout(() => r(window.__pwned_tt2), 50)))), 'a string timer ran');
  eq(refused.plain, 'plain markup', 'plain markup passes');
  await context.close();
  return expected;
};

await run(tests);
