// Times the explorer in headless Chromium: cold loads (first page charts,
// first projection drawn, intervals drawn) and slider-to-redraw latency of
// every control: from the input event to the new charts in the page
// (`liangshan:placed`), and to the next frame after that (`liangshan:redraw`,
// which adds the wait for the display's next frame); with the core's share
// (on the page for the charts in sight during input, in the worker for the
// others) and the placing's. The page's own performance measures. Prints JSON.
//   node bench/explorer_bench.mjs [STEPS_PER_CONTROL] [COLD_LOADS] [DIST]
// DIST (default dist/): another build to time, to compare two in one session.
import { readFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const steps = Number(process.argv[2] ?? 20);
const loads = Number(process.argv[3] ?? 5);
const CONTROLS = ['control-tfr2030', 'control-tfr2050', 'control-e0_2030', 'control-e0_2050', 'control-migration', 'control-srb', 'year'];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const stats = (xs) => ({ n: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) });

const DIST = process.argv[4] ? fileURLToPath(new URL(process.argv[4].replace(/\/?$/, '/'), `file://${process.cwd()}/`)) : fileURLToPath(new URL('../dist/', import.meta.url));
const server = await startServer({ port: 0, root: DIST.slice(0, -1) });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
try {
  // What the page and an embed load, by file, with its size raw, gzip and brotli.
  const ROOT = DIST;
  const transfer = {};
  // A phone's first view is the build's static page, without the core (budget: 120 kB gzip).
  for (const [name, path, viewport] of [
    ['page_phone_first_view', '/', { width: 375, height: 812 }],
    ['page_phone_first_view_en', '/?lang=en', { width: 375, height: 812 }],
    ['page_wide_first_view', '/', { width: 1280, height: 720 }],
    // A reader who comes to the explorer: the core and everything it draws (the fragment scrolls there).
    ['page_with_core', '/#explorer', { width: 1280, height: 720 }],
    ['embed', '/embed.html?chart=projected-population', { width: 1280, height: 720 }],
    ['embed_phone_plan_chart', '/embed.html?chart=county-population', { width: 375, height: 812 }],
  ]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const urls = new Set();
    page.on('response', (r) => r.url().startsWith(origin) && urls.add(new URL(r.url()).pathname));
    await page.goto(origin + path);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60000 });
    if (name === 'page_with_core') await page.waitForFunction(() => document.getElementById('explorer').dataset.intervals === 'true', null, { timeout: 60000 });
    await page.waitForTimeout(name === 'embed' ? 2000 : 500);
    const files = [];
    for (const u of [...urls].sort()) {
      const body = await readFile(ROOT + (u === '/' ? 'index.html' : u.slice(1)));
      files.push({ file: u === '/' ? '/index.html' : u, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
    }
    const sum = (k) => files.reduce((a, f) => a + f[k], 0);
    transfer[name] = { files, total: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') } };
    await context.close();
  }

  // Cold loads: a new context each time, so nothing is cached.
  const cold = { phone_first_paint_ms: [], charts_drawn_ms: [], projection_drawn_ms: [], intervals_ms: [] };
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60000 });
    cold.phone_first_paint_ms.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime));
    await context.close();
  }
  // A wide screen's static first view, then a reader who opens the page at the explorer (the core draws it).
  cold.wide_first_paint_ms = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60000 });
    cold.wide_first_paint_ms.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime));
    await context.close();
  }
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/#explorer`);
    await page.waitForFunction(() => document.getElementById('explorer').dataset.intervals === 'true', null, { timeout: 60000 });
    const now = await page.evaluate(() => performance.now());
    // The plan's charts, out of sight there, are drawn after the intervals.
    await page.waitForFunction(() => performance.getEntriesByName('liangshan:charts-drawn').length > 0, null, { timeout: 60000 });
    const t = await page.evaluate(() => ({
      charts: performance.getEntriesByName('liangshan:charts-drawn')[0]?.startTime,
      projection: performance.getEntriesByName('liangshan:projection-drawn')[0]?.startTime,
    }));
    t.now = now;
    cold.charts_drawn_ms.push(t.charts);
    cold.projection_drawn_ms.push(t.projection);
    cold.intervals_ms.push(t.now);
    await context.close();
  }

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${origin}/#explorer`);
  await page.waitForFunction(() => document.getElementById('explorer').dataset.drawnAt, null, { timeout: 60000 });
  const perControl = {};
  for (const id of CONTROLS) {
    await page.focus(`#${id}`);
    for (let k = 0; k < steps; k++) {
      const before = await page.evaluate(() => document.getElementById('explorer').dataset.drawnAt);
      // Up and down in turns, so that the value stays near its default.
      await page.keyboard.press(k % 2 ? 'ArrowLeft' : 'ArrowRight');
      await page.waitForFunction((b) => {
        const e = document.getElementById('explorer');
        return e.dataset.drawnAt !== b && !e.dataset.busy;
      }, before);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const m = await page.evaluate(() => {
      const r = performance.getEntriesByName('liangshan:redraw').map((e) => e.duration);
      const w = performance.getEntriesByName('liangshan:core').map((e) => e.duration);
      const p = performance.getEntriesByName('liangshan:place').map((e) => e.duration);
      const d = performance.getEntriesByName('liangshan:placed').map((e) => e.duration);
      performance.clearMeasures();
      return { redraw: r, core: w, place: p, placed: d };
    });
    perControl[id.replace('control-', '')] = { to_next_frame: stats(m.redraw), to_charts_in_page: stats(m.placed), core: stats(m.core), place: stats(m.place) };
  }
  const all = Object.values(perControl);
  const result = {
    browser_version: browser.version(),
    transfer,
    cold_loads: loads,
    cold: { phone_first_paint: stats(cold.phone_first_paint_ms), wide_first_paint: stats(cold.wide_first_paint_ms), charts_drawn: stats(cold.charts_drawn_ms), projection_drawn: stats(cold.projection_drawn_ms), intervals_drawn: stats(cold.intervals_ms) },
    steps_per_control: steps,
    redraw_ms: perControl,
    redraw_ms_all: {
      to_next_frame: { p50: quantile(all.map((c) => c.to_next_frame.p50), 0.5), p95: Math.max(...all.map((c) => c.to_next_frame.p95)) },
      to_charts_in_page: { p50: quantile(all.map((c) => c.to_charts_in_page.p50), 0.5), p95: Math.max(...all.map((c) => c.to_charts_in_page.p95)) },
    },
  };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  server.close();
}
