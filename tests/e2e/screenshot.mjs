// Takes the README screenshot: node tests/e2e/screenshot.mjs [out.png]
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const out = process.argv[2] ?? 'docs/screenshot.png';
const url = `${pathToFileURL(resolve('dist/borderlines.html')).href}#q=defectors+2019+person%3A%22Kim+Jong+Un%22&doc=000_072fe782a020354c`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(url);
await page.waitForSelector('[data-testid=app][data-state=ready]');
await page.click('[data-testid=result]:first-child [data-testid=why-matched] summary');
await page.waitForSelector('[data-testid=result]:first-child [data-testid=why-matched] tbody tr');
await page.screenshot({ path: out });
await browser.close();
console.log(`screenshot: ${out}`);
