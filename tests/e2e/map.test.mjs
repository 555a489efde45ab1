// End-to-end tests of the map view: markers filter, zoom and pan land in
// the link and survive a reload, the shading toggle, and the exports.
// Same harness as the other suites: any network request, console error or
// dialog fails the test.
//
// Usage: node tests/e2e/map.test.mjs [path/to/borderlines.html]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq, expect, open_page, page_url, run, shots } from './harness.mjs';

const pills = (page) => page.$$eval('[data-testid=filter-pill]', (els) => els.map((e) => `${e.dataset.facet}:${e.dataset.value}`));
const mbox = (page) => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('mbox'));
const marker = (place) => `[data-testid=map-marker][data-place="${place}"]`;
const transform = (page) => page.getAttribute('.map-geo', 'transform');
async function until(page, fn, arg) { await page.waitForFunction(fn, arg, { timeout: 5000 }); }
async function open_map(fragment = '#view=map', viewport) {
  const opened = await open_page(`${page_url}${fragment}`, viewport);
  await opened.page.waitForSelector('[data-testid=map-view] [data-testid=map-marker]');
  return opened;
}
/** Waits until the link holds an `mbox` other than `before`, and returns it. */
async function new_mbox(page, before) {
  await until(page, (b) => {
    const m = new URLSearchParams(location.hash.slice(1)).get('mbox');
    return m !== null && m !== b;
  }, before);
  return mbox(page);
}

const tests = {
  async 'clicking a map marker filters by its place: a pill appears and the result count changes'() {
    const { page, context, problems } = await open_map();
    eq(await pills(page), [], 'no filter yet');
    const markers = await page.$$eval('[data-testid=map-marker]', (els) => els.map((e) => e.dataset.place));
    for (const p of ['Ryanggang', 'North Hamgyong', 'Tumen River', 'Seoul']) expect(markers.includes(p), `marker ${p} in ${markers}`);
    // Hover names the place and its count.
    const title = await page.textContent(`${marker('Tumen River')} title`);
    eq(title, 'Tumen River (river, North Korea): 2 mentions in 1 document', 'tooltip');
    // Markers are links: reachable and followed with the keyboard.
    await page.focus(marker('Ryanggang'));
    await page.keyboard.press('Enter');
    await until(page, () => document.querySelectorAll('[data-testid=filter-pill]').length === 1);
    eq(await pills(page), ['place:Ryanggang'], 'pill');
    expect(page.url().includes('view=map'), 'still on the map');
    // The map follows the selection: fewer places.
    await until(page, () => document.querySelectorAll('[data-testid=map-marker]').length < 7);
    await page.click('[data-testid=view-tab][data-view=documents]');
    await until(page, () => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('1 of 3'));
    eq(await count(page), '1 of 3 documents match', 'result count');
    // A mouse click on a marker adds its place too (values of one facet OR).
    await page.goBack();
    await page.waitForSelector(marker('Seoul'));
    await page.click(marker('Seoul'));
    await until(page, () => document.querySelectorAll('[data-testid=filter-pill]').length === 2);
    eq((await pills(page)).sort(), ['place:Ryanggang', 'place:Seoul'], 'two pills');
    await page.screenshot({ path: join(shots, 'map-filtered.png') });
    await context.close();
    return problems;
  },

  async 'zoom and pan change the link, and a reload restores the view'() {
    const { page, context, problems } = await open_map();
    eq(await mbox(page), null, 'framed on the selection: no box in the link');
    const framed = await transform(page);
    await page.click('[data-testid=map-zoom-in]');
    const zoomed = await new_mbox(page, null);
    const [, , w] = zoomed.split(',').map(Number);
    expect(await transform(page) !== framed, 'the drawing moved');
    // The wheel zooms in further around the pointer.
    const box = await page.locator('[data-testid=map-svg]').boundingBox();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.6);
    await page.mouse.wheel(0, -400);
    const wheeled = await new_mbox(page, zoomed);
    expect(Number(wheeled.split(',')[2]) < w, `wheel zooms in: ${wheeled} after ${zoomed}`);
    // A drag pans.
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4, { steps: 5 });
    await page.mouse.up();
    const dragged = await new_mbox(page, wheeled);
    expect(Number(dragged.split(',')[0]) < Number(wheeled.split(',')[0]), `dragging right shows more of the west: ${dragged}`);
    eq(await pills(page), [], 'a drag over a marker is not a click on it');
    // Keyboard: arrows pan, minus zooms out.
    await page.focus('[data-testid=map-svg]');
    await page.keyboard.press('ArrowRight');
    const keyed = await new_mbox(page, dragged);
    await page.keyboard.press('-');
    const out = await new_mbox(page, keyed);
    expect(Number(out.split(',')[2]) > Number(keyed.split(',')[2]), 'minus zooms out');
    const shown = await transform(page);
    await page.reload();
    await page.waitForSelector('[data-testid=map-view] [data-testid=map-svg]');
    eq(await mbox(page), out, 'the box survives a reload');
    eq(await transform(page), shown, 'the same view after a reload');
    // Reset frames the selection again.
    await page.click('[data-testid=map-reset]');
    await until(page, () => !location.hash.includes('mbox='));
    eq(await transform(page), framed, 'reset');
    await context.close();
    return problems;
  },

  async 'two fingers pinch to zoom (touch), and the zoom lands in the link'() {
    const { page, context, problems } = await open_map('#view=map', { width: 360, height: 800 });
    const box = await page.locator('[data-testid=map-svg]').boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // Two touch pointers move apart: a pinch out (zoom in) around the middle.
    const touch = (type, id, x, y) => page.dispatchEvent('[data-testid=map-svg]', type, {
      pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x, clientY: y, button: type === 'pointermove' ? -1 : 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true,
    });
    await touch('pointerdown', 1, cx - 20, cy);
    await touch('pointerdown', 2, cx + 20, cy);
    for (let i = 1; i <= 5; i++) {
      await touch('pointermove', 1, cx - 20 - i * 12, cy);
      await touch('pointermove', 2, cx + 20 + i * 12, cy);
    }
    const preview = await page.getAttribute('.map-pan', 'transform');
    expect(preview.includes('scale('), `previewed as a scale: ${preview}`);
    await touch('pointerup', 2, cx + 80, cy);
    await touch('pointerup', 1, cx - 80, cy);
    const pinched = await new_mbox(page, null);
    // Pinching out zooms in: a narrower box than the framed one.
    await page.click('[data-testid=map-reset]');
    await until(page, () => !location.hash.includes('mbox='));
    await page.click('[data-testid=map-zoom-out]');
    const wider = await new_mbox(page, null);
    expect(Number(pinched.split(',')[2]) < Number(wider.split(',')[2]) / 1.5, `pinch zoomed in: ${pinched} vs framed×1.5 ${wider}`);
    eq(await pills(page), [], 'a pinch over a marker is not a click on it');
    await context.close();
    return problems;
  },

  async 'shading provinces by mentions is a toggle in the link; a shaded province filters'() {
    const { page, context, problems } = await open_map();
    await page.click('[data-testid=map-shade]');
    await until(page, () => location.hash.includes('shade=1'));
    await page.waitForSelector('[data-testid=map-region][data-place="North Hamgyong"]');
    expect(await page.$('.map-prov.shade.s1, .map-prov.shade.s2, .map-prov.shade.s3, .map-prov.shade.s4, .map-prov.shade.s5'), 'a shaded province');
    expect(!(await page.$(marker('North Hamgyong'))), 'provinces are shaded, not marked');
    // The borders the text talks about are listed, the 489 km with its border.
    const talk = await page.$$eval('[data-testid=map-border-talk]', (els) => els.map((e) => e.textContent));
    expect(talk.some((t) => t.includes('China–North Korea border') && t.includes('at least 489 km')), `border talk: ${talk}`);
    expect(talk.some((t) => t.includes('North Korea–South Korea border') && t.includes('mines')), `the southern border mines: ${talk}`);
    eq(await page.$$eval('[data-testid=map-border][data-talked="1"]', (els) => els.length), 3, 'three borders highlighted');
    await page.click('[data-testid=map-region][data-place="North Hamgyong"]', { force: true });
    await until(page, () => document.querySelectorAll('[data-testid=filter-pill]').length === 1);
    eq(await pills(page), ['place:North Hamgyong'], 'pill');
    await context.close();
    return problems;
  },

  async 'exports make an SVG and a CSV with the right content type and content'() {
    const { page, context, problems } = await open_map();
    // Record the data: URL each export hands to the browser.
    await page.evaluate(() => {
      window.__exports = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () { window.__exports.push(this.href.slice(0, 40)); return click.call(this); };
    });
    const [svg_download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=map-view] [data-testid=export][data-format=svg]')]);
    eq(svg_download.suggestedFilename(), 'map.svg', 'svg name');
    const svg = readFileSync(await svg_download.path(), 'utf8');
    expect(svg.startsWith('<?xml') && svg.includes('<svg'), 'an SVG file');
    expect(svg.includes('Natural Earth') && svg.includes('GeoNames'), 'credits in the file');
    expect(svg.includes('>Tumen River<') || svg.includes('Tumen River ('), 'places in the file');
    const [csv_download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=map-view] [data-testid=export][data-format=csv]')]);
    eq(csv_download.suggestedFilename(), 'map.csv', 'csv name');
    const csv = readFileSync(await csv_download.path(), 'utf8').replace(/^\uFEFF/, '');
    eq(csv.split('\r\n')[0], 'place,kind,country,lat,lon,mentions,documents,on_map', 'header');
    expect(csv.includes('Tumen River,river,North Korea,42.97,129.90,2,1,yes'), `row: ${csv}`);
    const types = await page.evaluate(() => window.__exports);
    expect(types[0].startsWith('data:image/svg+xml'), `svg type: ${types[0]}`);
    expect(types[1].startsWith('data:text/csv'), `csv type: ${types[1]}`);
    await context.close();
    return problems;
  },

  async 'the map is usable at 360 px, light and dark'() {
    const { page, context, problems } = await open_map('#view=map', { width: 360, height: 780 });
    const box = await page.locator('[data-testid=map-svg]').boundingBox();
    expect(box.width <= 360 && box.width > 250, `fits: ${box.width}`);
    expect(await page.isVisible('[data-testid=map-credits]'), 'credits visible');
    await page.locator('[data-testid=map-svg]').screenshot({ path: join(shots, 'map-360-light.png') });
    await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
    await page.locator('[data-testid=map-svg]').screenshot({ path: join(shots, 'map-360-dark.png') });
    await context.close();
    return problems;
  },
};

await run(tests);
