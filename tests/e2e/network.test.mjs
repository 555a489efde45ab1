// End-to-end tests of the entity network view (issue 8, section 3), from
// file:// in Chromium: a node click filters, an edge click lists its
// paragraphs, thresholds and pins live in the link, the layout repeats,
// arrow keys move between nodes, and the exports are files of the right
// type. Same harness as the other suites: any network request, console
// error or dialog fails the test.
//
// Usage: node tests/e2e/network.test.mjs [path/to/borderlines.html]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, expect, open_page, page_url, run, shots } from './harness.mjs';

const node = (key) => `[data-testid=network-node][data-key="${key}"]`;
const hash = (page, key) => page.evaluate((k) => new URLSearchParams(location.hash.slice(1)).get(k), key);
const pills = (page) => page.$$eval('[data-testid=filter-pill]', (els) => els.map((e) => `${e.dataset.facet}:${e.dataset.value}`));
const places = (page) => page.$$eval('[data-testid=network-node] circle', (els) => els.map((c) => c.getAttribute('transform')));
async function until(page, fn, arg) { await page.waitForFunction(fn, arg, { timeout: 5000 }); }

/** Centre of a node on screen. */
async function centre(page, key) {
  const box = await page.locator(`${node(key)} circle`).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const tests = {
  async 'clicking a node narrows the selection, shows a pill and lights its neighbours'() {
    const { page, context, problems } = await open_page(`${page_url}#view=network`);
    await page.waitForSelector(node('country:Ukraine'));
    const intro = () => page.textContent('[data-testid=network-view] .view-intro');
    expect((await intro()).includes('named in 3 documents'), await intro());
    const nodes_before = Number(await page.getAttribute('[data-testid=network-graph]', 'data-nodes'));
    const ms = Number(await page.getAttribute('[data-testid=network-graph]', 'data-layout-ms'));
    console.log(`      layout of ${await page.getAttribute('[data-testid=network-graph]', 'data-nodes')} nodes: ${ms} ms`);
    const { x, y } = await centre(page, 'country:Ukraine');
    await page.mouse.click(x, y);
    await until(page, () => document.querySelector('[data-testid=network-view] .view-intro').textContent.includes('named in 1 document;'));
    eq(await pills(page), ['country:Ukraine'], 'pill');
    const nodes_after = Number(await page.getAttribute('[data-testid=network-graph]', 'data-nodes'));
    expect(nodes_after < nodes_before, `the network narrows: ${nodes_before} → ${nodes_after}`);
    eq(await hash(page, 'view'), 'network', 'still on the network');
    await page.waitForSelector(`${node('country:Ukraine')}.chosen`);
    expect(await page.$(`${node('country:South Korea')}.lit`), 'a neighbour is lit');
    await page.screenshot({ path: join(shots, 'network-chosen.png') });
    // Clicking it again removes the filter.
    const again = await centre(page, 'country:Ukraine');
    await page.mouse.click(again.x, again.y);
    await until(page, () => document.querySelector('[data-testid=network-view] .view-intro').textContent.includes('named in 3 documents'));
    eq(await pills(page), [], 'no pill');
    // The documents tab counts the narrowed selection too.
    const third = await centre(page, 'country:Ukraine');
    await page.mouse.click(third.x, third.y);
    await page.waitForSelector('[data-testid=filter-pill]');
    await page.click('[data-testid=view-tab][data-view=documents]');
    await until(page, () => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('1 of 3'));
    await context.close();
    return problems;
  },

  async 'clicking a line lists the paragraphs naming both, linked to the reader'() {
    const { page, context, problems } = await open_page(`${page_url}#view=network`);
    await page.waitForSelector('[data-testid=network-edge]');
    // A point of some line that nothing else covers (the picture is dense).
    const point = await page.evaluate(() => {
      for (const a of document.querySelectorAll('[data-testid=network-edge]')) {
        const path = a.querySelector('.net-edge-line');
        const len = path.getTotalLength();
        for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
          const p = path.getPointAtLength(len * f);
          const m = path.getScreenCTM();
          const x = m.a * p.x + m.c * p.y + m.e;
          const y = m.b * p.x + m.d * p.y + m.f;
          const hit = document.elementFromPoint(x, y);
          if (hit && hit.closest('[data-testid=network-edge]') === a) return { x, y, label: a.getAttribute('aria-label') };
        }
      }
      return null;
    });
    expect(point, 'some line can be clicked');
    await page.mouse.click(point.x, point.y);
    await page.waitForSelector('[data-testid=network-passage]');
    expect((await hash(page, 'nedge')).includes('|'), 'the line is in the link');
    const n = Number(point.label.match(/in (\d+) paragraph/)[1]);
    eq((await page.$$('[data-testid=network-passage]')).length, Math.min(n, 40), `paragraphs of ${point.label}`);
    // Kim Jong Un and North Korea: four paragraphs (checked by hand).
    await page.goto(`${page_url}#view=network&nedge=${encodeURIComponent('person:Kim Jong Un|country:North Korea')}`);
    await page.waitForSelector('[data-testid=network-passage]');
    eq((await page.$$('[data-testid=network-passage]')).length, 4, 'Kim Jong Un with North Korea');
    const texts = await page.$$eval('.network-passage-text', (els) => els.map((e) => e.textContent));
    expect(texts.every((t) => t.includes('Kim Jong Un')), `${texts}`);
    const marks = await page.$$eval('.network-passage-text mark', (els) => els.map((e) => e.textContent));
    expect(marks.includes('Kim Jong Un') && marks.some((m) => m.startsWith('North Korea')), `marks ${marks}`);
    await page.screenshot({ path: join(shots, 'network-edge.png'), fullPage: true });
    await page.click('[data-testid=network-passage] a');
    await page.waitForSelector('[data-testid=passage]');
    eq(await hash(page, 'view'), null, 'the reader opened');
    expect((await hash(page, 'at')) !== null, 'at the paragraph');
    await context.close();
    return problems;
  },

  async 'thresholds live in the link and a shared link shows the same picture'() {
    const url = `${page_url}#view=network&ntop=12&nmin=2`;
    const { page, context, problems } = await open_page(url);
    await page.waitForSelector('[data-testid=network-node]');
    eq(await page.inputValue('[data-testid=network-top]'), '12', 'top from the link');
    eq(await page.inputValue('[data-testid=network-min]'), '2', 'least weight from the link');
    eq((await page.$$('[data-testid=network-node]')).length, 12, 'twelve nodes');
    const weights = await page.$$eval('[data-testid=network-edge]', (els) => els.map((e) => Number(e.getAttribute('aria-label').match(/in (\d+) paragraph/)[1])));
    expect(weights.length > 0 && weights.every((w) => w >= 2), `weights ${weights}`);
    const first = await places(page);
    // Another page, same link: same positions.
    const other = await open_page(url);
    await other.page.waitForSelector('[data-testid=network-node]');
    eq(await places(other.page), first, 'the same layout');
    await other.context.close();
    // Changing a field navigates.
    await page.fill('[data-testid=network-top]', '20');
    await page.press('[data-testid=network-top]', 'Enter');
    await until(page, () => location.hash.includes('ntop=20'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=network-node]').length === 20);
    await page.goBack();
    await until(page, () => location.hash.includes('ntop=12'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=network-node]').length === 12);
    await context.close();
    return [...problems, ...other.problems];
  },

  async 'dragging a node pins it where it was dropped, in the link'() {
    const { page, context, problems } = await open_page(`${page_url}#view=network`);
    await page.waitForSelector(node('country:Russia'));
    const { x, y } = await centre(page, 'country:Russia');
    const box = await page.locator('[data-testid=network-graph]').boundingBox();
    const to = { x: box.x + box.width * 0.1, y: box.y + box.height * 0.1 };
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(x + (to.x - x) * i / 8, y + (to.y - y) * i / 8);
    await page.mouse.up();
    await until(page, () => location.hash.includes('pin='));
    const pin = await hash(page, 'pin');
    const [, px, py] = pin.match(/^country:Russia@(\d+),(\d+)$/).map(Number);
    expect(Math.abs(px - 100) <= 3 && Math.abs(py - 70) <= 3, `pinned at ${px},${py}`);
    eq(await pills(page), [], 'a drag does not filter');
    await page.waitForSelector(`${node('country:Russia')}.pinned`);
    const t = await page.getAttribute(`${node('country:Russia')} circle`, 'transform');
    const [tx, ty] = t.match(/translate\(([\d.]+) ([\d.]+)\)/).slice(1).map(Number);
    // The layout keeps a pinned disc inside the frame (its radius + 3 from the edge).
    expect(Math.abs(tx - Math.max(px, 20)) < 30 && Math.abs(ty - Math.max(py, 20)) < 30, `drawn at ${tx},${ty}`);
    // Reload: the pin (and so the picture) comes back.
    const before = await places(page);
    await page.reload();
    await page.waitForSelector(`${node('country:Russia')}.pinned`);
    eq(await places(page), before, 'the same picture after a reload');
    await page.click('[data-testid=network-unpin]');
    await until(page, () => !location.hash.includes('pin='));
    await context.close();
    return problems;
  },

  async 'arrow keys move between nodes and Enter filters'() {
    const { page, context, problems } = await open_page(`${page_url}#view=network`);
    await page.waitForSelector('[data-testid=network-node]');
    const tabbable = await page.$$eval('[data-testid=network-node]', (els) => els.filter((e) => e.getAttribute('tabindex') === '0').length);
    eq(tabbable, 1, 'one node in the tab order (roving)');
    await page.focus('[data-testid=network-node][tabindex="0"]');
    const start = await page.evaluate(() => document.activeElement.dataset.key);
    const seen = new Set([start]);
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await page.keyboard.press(key);
      seen.add(await page.evaluate(() => document.activeElement.dataset.key));
    }
    expect(seen.size >= 3, `moved through ${[...seen]}`);
    const focused = await page.evaluate(() => document.activeElement.dataset.key);
    await page.keyboard.press('Enter');
    await until(page, () => new URLSearchParams(location.hash.slice(1)).get('q'));
    await page.waitForSelector('[data-testid=filter-pill]');
    eq((await pills(page)).length, 1, `pill for ${focused}`);
    await context.close();
    return problems;
  },

  async 'exports: SVG with legend and credits, CSV of lines and of nodes'() {
    const { page, context, problems } = await open_page(`${page_url}#view=network`);
    // Records the data: URL each export hands to the browser (its type).
    await page.evaluate(() => {
      window.__exported = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () { window.__exported.push(this.href.slice(0, 40)); return click.call(this); };
    });
    await page.waitForSelector('[data-testid=network-node]');
    const save = async (selector) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
    };
    const svg = await save('[data-testid=chart-panel] .chart-actions [data-testid=export][data-format=svg]');
    eq(svg.name, 'borderlines-network.svg', 'svg name');
    expect(svg.text.startsWith('<?xml') && svg.text.includes('<svg xmlns="http://www.w3.org/2000/svg"'), 'an SVG file');
    expect(svg.text.includes('>Countries</text>') && svg.text.includes('Fruchterman'), 'legend and credits');
    // One circle per node the view draws (41 for the seeds with the world gazetteer).
    const drawn = (await page.$$('[data-testid=network-node]')).length;
    expect(drawn > 30, `nodes drawn: ${drawn}`);
    eq((svg.text.match(/<circle/g) ?? []).length, drawn, 'every node');
    const edges = await save('[data-testid=chart-panel] .chart-actions [data-testid=export][data-format=csv]');
    eq(edges.name, 'borderlines-network-edges.csv', 'edges name');
    expect(edges.text.replace(/^\uFEFF/, '').startsWith('source,target,weight'), `header ${edges.text.slice(0, 40)}`);
    expect(edges.text.includes('Kim Jong Un,4,Country,Person') || edges.text.includes('North Korea,Kim Jong Un,4'), 'Kim Jong Un with North Korea, 4');
    const nodes = await save('[data-testid=network-view] .chart-controls [data-testid=export][data-format=csv]');
    eq(nodes.name, 'borderlines-network-nodes.csv', 'nodes name');
    // 43 mentions: 42 in the bodies, one in a headline ("China Fortifies Its Border With North Korea").
    expect(nodes.text.replace(/^\uFEFF/, '').startsWith('label,kind,mentions,documents,degree\r\nNorth Korea,Country,43,3,'), `nodes ${nodes.text.slice(0, 80)}`);
    const types = await page.evaluate(() => window.__exported.map((h) => h.split(';')[0]));
    eq(types, ['data:image/svg+xml', 'data:text/csv', 'data:text/csv'], 'content types');
    await context.close();
    return problems;
  },

  async 'readable at 360 px, light and dark'() {
    for (const theme of ['light', 'dark']) {
      const { page, context, problems } = await open_page(`${page_url}#view=network`, { width: 360, height: 780 });
      await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
      await page.waitForSelector('[data-testid=network-graph]');
      // The picture keeps a readable size and scrolls inside its frame.
      const box = await page.locator('[data-testid=network-graph]').boundingBox();
      expect(box.width >= 500, `graph width ${box.width}`);
      const scrolls = await page.$eval('[data-testid=network-view] .chart-body', (b) => b.scrollWidth > b.clientWidth && getComputedStyle(b).overflowX === 'auto');
      expect(scrolls, 'the picture scrolls sideways inside its frame');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow <= 0, `page scrolls sideways by ${overflow}px`);
      await page.locator('[data-testid=network-view]').screenshot({ path: join(shots, `network-360-${theme}.png`) });
      await context.close();
      if (problems.length) return problems;
    }
    return [];
  },
};

await run(tests);
