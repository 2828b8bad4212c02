// Screenshots of the page for a person to look at:
//   node scripts/screenshot.mjs URL OUT.png [WIDTH] [HEIGHT] [CSS-SELECTOR]
import { launch } from '../tests/e2e/browser.mjs';

const [url, out, width = '1280', height = '900', selector] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [WIDTH] [HEIGHT]');
  process.exit(2);
}
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
await page.goto(url);
// Pages of this project say when they are drawn; plain files are drawn on load.
if (!url.startsWith('file:')) await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 15000 });
if (selector) await page.locator(selector).first().screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: true });
await browser.close();
