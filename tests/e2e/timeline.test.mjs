// End-to-end tests of the timeline view (issue 8) on the seeds, from file://:
// node tests/e2e/timeline.test.mjs dist/borderlines.html
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open_page, page_url, shots, count, expect, eq, run } from './harness.mjs';

/** Waits for `fn` in the page; a timeout names the condition that never came true. */
const until = (page, fn, arg) =>
  page.waitForFunction(fn, arg, { timeout: 5000 }).catch((e) => {
    throw new Error(`never true within 5 s: ${fn.toString()} (${e.message.split('\n')[0]})`);
  });
const bar = (key) => `[data-testid=timeline-bar][data-key="${key}"]`;
const keys = (page) => page.$$eval('[data-testid=timeline-bar]', (els) => els.map((e) => e.dataset.key));
const pill_count = (page, n) => page.waitForFunction((n) => document.querySelectorAll('[data-testid=filter-pill]').length === n, n, { timeout: 5000 });
const pills = (page) => page.$$eval('[data-testid=filter-pill]', (els) => els.map((e) => `${e.dataset.facet}:${e.dataset.value}`));

async function open_timeline(fragment = '#view=timeline', viewport) {
  const opened = await open_page(`${page_url}${fragment}`, viewport);
  await opened.page.waitForSelector('[data-testid=timeline-view] [data-testid=timeline-svg]');
  return opened;
}

/** Drags across the given bars with the mouse (start inside the first, end inside the last). */
async function brush(page, from, to = from) {
  const a = await page.locator(bar(from)).boundingBox();
  const b = await page.locator(bar(to)).boundingBox();
  const y = a.y + a.height / 2;
  await page.mouse.move(a.x + 3, y);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, y, { steps: 3 });
  await page.mouse.move(b.x + b.width - 3, y, { steps: 4 });
  await page.mouse.up();
}

/** The documents tab's result count for the current link. */
async function documents_count(page) {
  await page.click('[data-testid=view-tab][data-view=documents]');
  await page.waitForSelector('[data-testid=result-count]');
  const n = await count(page);
  await page.goBack();
  await page.waitForSelector('[data-testid=timeline-svg]');
  return n;
}

await run({
  async 'the seeds: mentioned years, publication dates unknown, the defector collapse'() {
    const { page, context, problems } = await open_timeline();
    eq(await keys(page), ['2018', '2019', '2020', '2021'], 'year bins around the mentioned years');
    const note = await page.textContent('[data-testid=timeline-note]');
    expect(note.startsWith('Publication dates are unknown'), `note: ${note}`);
    // The 1990s range is reported, and the whole span is one click away.
    expect((await page.textContent('.tl-span-note')).includes('1990'), 'range beyond the span reported');
    // The figure series: 1,047 in 2019 is drawn above 67 in 2020.
    const pts = (await page.getAttribute('[data-testid=timeline-series-line]', 'points')).split(' ').map((p) => p.split(',').map(Number));
    eq(pts.length, 2, 'two periods');
    expect(pts[0][1] < pts[1][1] - 100, `2019 well above 2020: ${JSON.stringify(pts)}`);
    const series = await page.$$eval('[data-testid=timeline-series-table] tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    eq(series.map((r) => r.slice(0, 2)), [['2019', '1,047'], ['2020', '67']], 'series table');
    await page.screenshot({ path: join(shots, 'timeline.png') });
    await page.click('[data-testid=timeline-span]');
    await until(page, () => location.hash.includes('tspan=all'));
    await page.waitForSelector(bar('1990'));
    await context.close();
    return problems;
  },

  async 'brushing a year filters, shows a pill, lands in the link and survives a reload'() {
    const { page, context, problems } = await open_timeline();
    eq(await documents_count(page), '3 documents', 'before');
    await brush(page, '2020');
    await until(page, () => decodeURIComponent(location.hash.replace(/\+/g, ' ')).includes('q=date:2020'));
    await pill_count(page, 1);
    eq(await pills(page), ['date:2020'], 'pill');
    await page.waitForSelector('[data-testid=timeline-brush]');
    expect((await page.getAttribute(bar('2020'), 'data-brushed')) === 'true', 'bar marked brushed');
    expect((await page.textContent('[data-testid=timeline-view]')).includes('brushed range select 1 document'), 'intro says what is selected');
    eq(await documents_count(page), '1 of 3 documents match', 'after brushing 2020');
    // The link restores the brush.
    await page.reload();
    await page.waitForSelector('[data-testid=timeline-brush]');
    eq(await pills(page), ['date:2020'], 'pill after reload');
    expect((await page.getAttribute(bar('2020'), 'data-brushed')) === 'true', 'brushed after reload');
    // A second range is ORed with the first.
    await brush(page, '2019');
    await until(page, () => decodeURIComponent(location.hash.replace(/\+/g, ' ')).includes('date:2020 OR date:2019'));
    await pill_count(page, 2);
    eq(await pills(page), ['date:2020', 'date:2019'], 'two pills');
    eq(await documents_count(page), '2 of 3 documents match', 'two ranges ORed');
    // Brushing the same range again removes it.
    await brush(page, '2020');
    await until(page, () => !decodeURIComponent(location.hash).includes('date:2020'));
    await pill_count(page, 1);
    eq(await pills(page), ['date:2019'], 'one pill left');
    // The reader marks the dates inside the brushed range, and only those.
    await page.click('[data-testid=view-tab][data-view=documents]');
    // (The reader follows the selection once typing or clicking pauses, ~100 ms.)
    await page.waitForFunction(() => {
      const m = [...document.querySelectorAll('[data-testid=reader] .reader-body mark')].map((e) => e.textContent);
      return m.length > 0 && m.every((t) => /2019|1990s/.test(t));
    }, null, { timeout: 5000 }).catch(() => {});
    const marked = await page.$$eval('[data-testid=reader] .reader-body mark', (els) => els.map((e) => e.textContent));
    expect(marked.length > 0 && marked.every((m) => /2019|1990s/.test(m)), `marks in the reader: ${JSON.stringify(marked)}`);
    await context.close();
    return problems;
  },

  async 'a range across bars becomes one clause'() {
    const { page, context, problems } = await open_timeline();
    await brush(page, '2018', '2020');
    await until(page, () => decodeURIComponent(location.hash).includes('date:2018..2020'));
    await pill_count(page, 1);
    eq(await pills(page), ['date:2018..2020'], 'range pill');
    await context.close();
    return problems;
  },

  async 'click a bar: its passages; click a passage: the reader at that sentence'() {
    const { page, context, problems } = await open_timeline();
    await page.click(bar('2019'));
    await until(page, () => location.hash.includes('tbar=2019'));
    await page.waitForSelector('[data-testid=timeline-passages]');
    const texts = await page.$$eval('[data-testid=timeline-passage]', (els) => els.map((e) => e.textContent));
    const one = texts.find((t) => t.includes('1,047'));
    expect(one, `the 1,047 sentence is listed: ${JSON.stringify(texts)}`);
    const marks = await page.$$eval('[data-testid=timeline-passage] mark', (els) => els.map((e) => e.textContent));
    expect(marks.includes('2019'), `dates marked: ${marks}`);
    // No filter was added by a click.
    eq(await pills(page), [], 'a click is not a filter');
    await page.screenshot({ path: join(shots, 'timeline-passages.png') });
    await page.click('[data-testid=timeline-passage]:has-text("1,047")');
    await page.waitForSelector('[data-testid=passage]');
    expect(!page.url().includes('view=timeline'), 'back in the reader');
    expect((await page.textContent('[data-testid=passage]')).includes('1,047'), 'the passage is the sentence');
    // Back returns to the timeline with the bar still chosen.
    await page.goBack();
    await page.waitForSelector('[data-testid=timeline-passages]');
    await context.close();
    return problems;
  },

  async 'keyboard: Enter lists a bar, arrows move, F filters'() {
    const { page, context, problems } = await open_timeline();
    await page.focus(bar('2020'));
    await page.keyboard.press('Enter');
    await until(page, () => location.hash.includes('tbar=2020'));
    await page.waitForSelector('[data-testid=timeline-passages]');
    await page.focus(bar('2020'));
    await page.keyboard.press('ArrowLeft');
    eq(await page.evaluate(() => document.activeElement.dataset.key), '2019', 'focus moved left');
    await page.keyboard.press('f');
    await until(page, () => decodeURIComponent(location.hash).includes('date:2019'));
    await pill_count(page, 1);
    eq(await pills(page), ['date:2019'], 'pill from the keyboard');
    // The passage list offers the same filter as a link.
    const label = await page.textContent('[data-testid=timeline-bar-filter]');
    expect(label.includes('2020'), `filter link: ${label}`);
    await context.close();
    return problems;
  },

  async 'touch: a horizontal drag brushes (pointer events)'() {
    const { page, context, problems } = await open_timeline('#view=timeline', { width: 360, height: 800 });
    await page.locator(bar('2019')).scrollIntoViewIfNeeded();
    const box = await page.locator(bar('2019')).boundingBox();
    await page.evaluate(({ x0, x1, y }) => {
      const layer = document.querySelector('.tl-hits');
      const target = document.elementFromPoint(x0, y);
      const ev = (type, x) => new PointerEvent(type, { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x, clientY: y, button: type === 'pointermove' ? -1 : 0, bubbles: true, cancelable: true });
      target.dispatchEvent(ev('pointerdown', x0));
      layer.dispatchEvent(ev('pointermove', (x0 + x1) / 2));
      layer.dispatchEvent(ev('pointermove', x1));
      layer.dispatchEvent(ev('pointerup', x1));
    }, { x0: box.x + 2, x1: box.x + box.width - 2, y: box.y + box.height / 2 });
    await until(page, () => decodeURIComponent(location.hash).includes('date:2019'));
    await pill_count(page, 1);
    eq(await pills(page), ['date:2019'], 'pill from touch');
    eq(await page.$eval('[data-testid=timeline-svg]', (e) => e.getAttribute('viewBox')), '0 0 360 230', 'narrow drawing');
    await page.screenshot({ path: join(shots, 'timeline-360.png'), fullPage: true });
    await context.close();
    return problems;
  },

  async 'bins, data table and exports'() {
    const { page, context, problems } = await open_timeline();
    await page.click('[data-testid=timeline-unit][data-unit=month]');
    await until(page, () => location.hash.includes('tbin=month'));
    // Wait for the redrawn picture, not only the link: a click while the
    // chart head re-lays out can land beside its target.
    await page.waitForSelector(`${bar('2019-01')}`);
    const months = await keys(page);
    expect(months.includes('2019-01') && months.includes('2020-12'), `month bins: ${months.slice(0, 3)}…`);
    await page.click('[data-testid=timeline-unit][data-unit=auto]');
    await until(page, () => !location.hash.includes('tbin='));
    await page.waitForSelector('[data-testid=timeline-unit][data-unit=auto][aria-current=true]');
    await page.waitForSelector(bar('2019'));
    // The data table: in the page for screen readers, shown on request.
    expect(await page.$eval('[data-testid=chart-table]', (e) => e.classList.contains('visually-hidden')), 'table hidden by default');
    await page.click('[data-testid=chart-table-toggle]');
    await until(page, () => location.hash.includes('table=1'));
    const rows = await page.$$eval('[data-testid=timeline-table] tbody tr', (els) => els.map((e) => e.querySelector('th').textContent));
    eq(rows, ['2018', '2019', '2020'], 'bins with a date');
    // SVG export: a self-contained picture with legend and credits.
    const [svg_dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export][data-format=svg]')]);
    expect(svg_dl.url().startsWith('data:image/svg+xml'), `svg content type: ${svg_dl.url().slice(0, 40)}`);
    eq(svg_dl.suggestedFilename(), 'borderlines-timeline.svg', 'svg name');
    const svg = readFileSync(await svg_dl.path(), 'utf8');
    expect(svg.startsWith('<?xml') && svg.includes('<svg xmlns="http://www.w3.org/2000/svg"'), 'svg file');
    expect(svg.includes('Published (stated)') && svg.includes('Figures: defector') && svg.includes('Publication dates are unknown'), 'legend and credits');
    expect(!svg.includes('<script') && !svg.includes('var(--'), 'self-contained, nothing that runs');
    // CSV export: bins and the series.
    const [csv_dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export][data-format=csv]')]);
    expect(csv_dl.url().startsWith('data:text/csv'), `csv content type: ${csv_dl.url().slice(0, 30)}`);
    eq(csv_dl.suggestedFilename(), 'borderlines-timeline.csv', 'csv name');
    const csv = readFileSync(await csv_dl.path(), 'utf8').replace(/^\uFEFF/, '');
    expect(csv.startsWith('row,period,start,end,'), `csv header: ${csv.slice(0, 60)}`);
    expect(csv.includes('bin,2019,2019-01-01,2019-12-31,') && csv.includes('series,2020,') && csv.includes(',defector,,1047,'), `csv rows: ${csv}`);
    await context.close();
    return problems;
  },

  async 'dark theme draws with the dark palette'() {
    const { page, context, problems } = await open_timeline();
    await page.click('[data-testid=theme-toggle]');
    await until(page, () => document.documentElement.dataset.theme === 'dark');
    const fill = await page.$eval('rect.tl-within', (e) => getComputedStyle(e).fill);
    eq(fill, 'rgb(106, 167, 234)', 'mentioned bars in the dark palette');
    await page.screenshot({ path: join(shots, 'timeline-dark.png') });
    await context.close();
    return problems;
  },
});
