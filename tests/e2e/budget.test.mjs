// End to end: the page's size budget, on the screen most of its readers
// have. A phone opening the page gets the build's static first view (key
// figures and every chart, drawn for its width) without the wasm core; the
// core loads when the reader comes near what only it can draw or asks for
// something only it can do. The English and dark views are files of the
// build, fetched when they are the reader's. Sizes are bytes,
// deterministic: this test may fail the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, recordSizes } from './browser.mjs';

/** Everything a phone loads for the page's first view, gzip, at most (bytes), in either language and colour. */
const BUDGET = 60 * 1000;
/** The same on a wide screen (1280 px). */
const WIDE_BUDGET = 120 * 1000;
/**
 * The wasm core and the whole page with it, gzip: the budgets (150 kB and
 * 200 kB) are not met; until they are, these tests hold the latest figures
 * as ceilings, so that the core does not grow unnoticed (2026-12-02: the
 * explorer's three service charts and the fans from the alternative bases,
 * 310 -> 315 kB; opt-level "z" would give 285 kB but draws about 40%
 * slower, see Cargo.toml; the module split would take the explorer's and
 * the methods' code off the plan's readers. 2026-12-02, later: the
 * counties compared, three charts and their words, 315 -> 334 kB, the
 * whole page 405 -> 430 kB with their drawings; 2026-12-02, later still:
 * the cheaper Brass bisection and the early workers, 431.2 kB; the core's
 * words in a file of their own, which a first view no longer carries, and
 * the prepared engine, 432.0 kB in a fresh clone; 2026-12-04: the
 * probabilistic worker's run begun before the page asks, and the life
 * tables each sex's paths reach (the core 332.7 -> 333.2 kB, the whole
 * page 432.5 -> 433.2 kB, after taking the tests' chartIds out of it);
 * 2026-12-04, later: one sort for the whole core, no hash map, and no
 * deserialiser (the fans cross as a Float64Array), the core 333.2 ->
 * 320.7 kB, the whole page 433.2 -> 418.5 kB.
 */
const CORE = { budget: 150 * 1000, ceiling: 322 * 1000 };
const WHOLE = { budget: 200 * 1000, ceiling: 420 * 1000 };
const PHONE = { width: 375, height: 812 };

const site = useSite();

/**
 * Opens the page on a phone and records every response's size, raw and
 * gzip: `files` as the first view left them, `sizes()` as they are since.
 */
async function openRecorded(path = '/', options = {}) {
  const page = await site.browser.newPage({ viewport: PHONE, ...options });
  const recorded = recordSizes(page);
  await page.goto(site.base + path);
  await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 30000 });
  await page.waitForLoadState('networkidle');
  return { page, files: await recorded.files(), sizes: recorded.files };
}

const total = (files) => files.reduce((s, f) => s + f.gzip, 0);
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

test(`everything a phone loads for the page's first view is at most ${BUDGET / 1000} kB gzip, all from the page's own origin`, async () => {
  const { page, files } = await openRecorded();
  for (const f of files) console.log(`${f.url.replace(site.base, '').padEnd(36)} ${String(f.raw).padStart(8)} raw ${String(f.gzip).padStart(7)} gzip`);
  console.log(`first view on a phone: ${kB(total(files))} gzip, budget ${kB(BUDGET)}`);
  assert.deepEqual(files.filter((f) => !f.url.startsWith(site.base + '/')).map((f) => f.url), [], 'no other origin');
  assert.ok(total(files) <= BUDGET, `${kB(total(files))} gzip is over the budget of ${kB(BUDGET)}`);
  // The budget buys the whole first view: key figures and every chart with its caption.
  const view = await page.evaluate(() => ({
    figures: document.querySelectorAll('#key-figures .figure dd.value').length,
    charts: [...document.querySelectorAll('figure.chart')].filter((f) => f.querySelector('.chart-body svg') && f.querySelector('.chart-title').textContent).length,
    core: document.documentElement.dataset.core ?? null,
  }));
  assert.deepEqual(view, { figures: 8, charts: 24, core: null });
  await page.close();
});

test('on a phone the core loads when the reader nears the explorer, and draws it', async () => {
  const { page, files: first, sizes } = await openRecorded();
  assert.ok(!first.some((f) => f.url.endsWith('.wasm')));
  await page.locator('#explorer').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.documentElement.dataset.core === 'ready' && document.getElementById('explorer').dataset.drawn, null, { timeout: 30000 });
  await page.waitForLoadState('networkidle');
  const files = await sizes();
  const wasm = files.find((f) => f.url.endsWith('.wasm'));
  assert.ok(wasm, 'the core was fetched');
  console.log(`with the core: ${kB(total(files))} gzip (the core ${kB(wasm.gzip)})`);
  assert.equal(new URL(page.url()).search, '', 'the default state keeps a clean URL');
  await page.close();
});

test('on a phone, asking for what only the core can do loads it and then does it', async () => {
  // A chart's data table.
  let { page } = await openRecorded();
  const details = page.locator('figure[data-chart="county-population"] details.chart-data');
  await details.locator('summary').click();
  await page.waitForFunction(() => document.querySelectorAll('figure[data-chart="county-population"] details.chart-data tbody tr').length === 17, null, { timeout: 30000 });
  await page.close();
  // A download: the file comes once the core has drawn the chart.
  ({ page } = await openRecorded());
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.locator('figure[data-chart="county-population"] button[data-format="csv"]').click(),
  ]);
  assert.match(file.suggestedFilename(), /\.csv$/);
  await page.close();
});

test('on a phone the English first view is the build\'s too, within the budget, and the language switches without the core', async () => {
  const { page, files, sizes } = await openRecorded('/?lang=en');
  const gzip = total(files);
  console.log(`first view on a phone in English: ${kB(gzip)} gzip, budget ${kB(BUDGET)}`);
  assert.ok(gzip <= BUDGET, `${kB(gzip)} gzip is over the budget`);
  const english = () => page.evaluate(() => ({
    lang: document.documentElement.lang,
    core: document.documentElement.dataset.core ?? null,
    figure: document.querySelector('#key-figures dd.value').textContent,
    title: document.querySelector('figure[data-chart="county-population"] .chart-title').textContent,
    explorer: document.querySelector('figure[data-explorer="pyramid"] .chart-title').textContent,
    chinese: [...document.querySelectorAll('#key-figures, figure.chart')].map((e) => e.textContent).join('').match(/[\u4e00-\u9fff]+/)?.[0] ?? null,
  }));
  assert.deepEqual(await english(), {
    lang: 'en', core: null, figure: '4.858 million', title: 'Resident population by county, 2020',
    explorer: 'Population pyramid of Liangshan, 2030 (estimate)', chinese: null,
  });
  // Back to Chinese and to English again: the build's views, the URL following, still no core.
  await page.locator('#lang-toggle').click();
  await page.waitForFunction(() => document.querySelector('#key-figures dd.value').textContent === '485.8万人');
  assert.equal(new URL(page.url()).search, '');
  assert.match(await page.locator('figure[data-chart="county-population"] .chart-title').textContent(), /^各县/);
  await page.locator('#lang-toggle').click();
  await page.waitForFunction(() => document.querySelector('#key-figures dd.value').textContent === '4.858 million');
  assert.equal(new URL(page.url()).search, '?lang=en');
  assert.equal((await english()).chinese, null);
  assert.ok(!(await sizes()).some((f) => f.url.endsWith('.wasm')), 'no core');
  // The core, once it comes, draws the same language.
  await page.locator('#explorer').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.documentElement.dataset.core === 'ready', null, { timeout: 30000 });
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  assert.match(await page.locator('figure[data-explorer="pyramid"] .chart-title').textContent(), /^Population pyramid of Liangshan/);
  await page.close();
});

test('on a phone in English the explorer\'s drawings are not in the first view: they come when the reader nears them, even without the core', async () => {
  const page = await site.browser.newPage({ viewport: PHONE });
  // The core never comes: the static drawings must.
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(`${site.base}/?lang=en`);
  await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 30000 });
  const explorer = () => page.evaluate(() => [...document.querySelectorAll('figure[data-explorer]')].map((f) => [f.querySelector('.chart-title').textContent, f.querySelectorAll('.chart-body svg').length]));
  const first = await explorer();
  assert.equal(first.length, 13);
  // Their captions are there, in English; their drawings are not.
  const english = (title) => title.length > 0 && !/[\u4e00-\u9fff]/.test(title);
  assert.ok(first.every(([title, svgs]) => english(title) && svgs === 0), JSON.stringify(first));
  await page.locator('#explorer').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('figure[data-explorer] .chart-body')].every((b) => b.querySelector('svg')), null, { timeout: 30000 });
  assert.ok((await explorer()).every(([title, svgs]) => english(title) && svgs === 1));
  assert.match(await page.locator('figure[data-explorer="projected-school-ages"] .chart-body svg').getAttribute('viewBox'), /^0 0 360 /);
  await page.close();
});

test('on a phone in dark colours the first view is the build\'s dark one, within the budget', async () => {
  for (const path of ['/', '/?lang=en']) {
    const { page, files: got } = await openRecorded(path, { colorScheme: 'dark' });
    console.log(`first view on a phone in dark colours, ${path}: ${kB(total(got))} gzip, budget ${kB(BUDGET)}`);
    assert.ok(total(got) <= BUDGET, `${path}: ${kB(total(got))} gzip`);
    const view = await page.evaluate(() => ({
      core: document.documentElement.dataset.core ?? null,
      backgrounds: [...new Set([...document.querySelectorAll('figure.chart .chart-body svg > rect:first-of-type')].map((r) => r.getAttribute('fill')))],
      figures: document.querySelectorAll('#key-figures dd.value').length,
    }));
    assert.deepEqual(view, { core: null, backgrounds: ['#121212'], figures: 8 }, path);
    await page.close();
  }
});

test(`on a wide screen (1280 px) the first view is the build's wide one, without the core, at most ${WIDE_BUDGET / 1000} kB gzip; the core comes near the explorer, the whole page then within its ceiling`, async () => {
  for (const [path, colorScheme] of [['/', 'light'], ['/?lang=en', 'light'], ['/', 'dark']]) {
    const { page, files, sizes } = await openRecorded(path, { viewport: { width: 1280, height: 900 }, colorScheme });
    for (const f of files) console.log(`${f.url.replace(site.base, '').padEnd(44)} ${String(f.raw).padStart(8)} raw ${String(f.gzip).padStart(7)} gzip`);
    console.log(`first view on a wide screen, ${path} ${colorScheme}: ${kB(total(files))} gzip, budget ${kB(WIDE_BUDGET)}`);
    assert.ok(total(files) <= WIDE_BUDGET, `${kB(total(files))} gzip is over the budget`);
    const view = await page.evaluate(() => ({
      core: document.documentElement.dataset.core ?? null,
      figures: document.querySelectorAll('#key-figures .figure dd.value').length,
      // Each drawing is as wide as its box: the plan's charts and the explorer's beside its controls.
      widths: [...new Set([...document.querySelectorAll('figure.chart .chart-body svg')].map((s) => `${s.getAttribute('viewBox').split(' ')[2]}/${s.parentElement.clientWidth}`))].sort(),
    }));
    assert.deepEqual(view, { core: null, figures: 8, widths: ['1080/1080', '711/711'] }, `${path} ${colorScheme}`);
    await page.locator('#explorer').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.documentElement.dataset.core === 'ready' && document.getElementById('explorer').dataset.drawn, null, { timeout: 30000 });
    await page.waitForLoadState('networkidle');
    const all = await sizes();
    const core = all.find((f) => f.url.endsWith('.wasm')).gzip;
    console.log(`the whole page with the core, ${path} ${colorScheme}: ${kB(total(all))} gzip, budget ${kB(WHOLE.budget)}${total(all) > WHOLE.budget ? ' (not met)' : ''}`);
    console.log(`the wasm core: ${kB(core)} gzip, budget ${kB(CORE.budget)}${core > CORE.budget ? ' (not met)' : ''}`);
    assert.ok(core <= CORE.ceiling, `the core grew to ${kB(core)} gzip, past ${kB(CORE.ceiling)}`);
    assert.ok(total(all) <= WHOLE.ceiling, `the whole page grew to ${kB(total(all))} gzip, past ${kB(WHOLE.ceiling)}`);
    await page.close();
  }
});

test('between a phone and a wide screen, or with a state in the URL, the core draws the first view', async () => {
  for (const [path, viewport] of [['/', { width: 800, height: 900 }], ['/?lang=en&region=xide', PHONE], ['/?region=xide', { width: 1280, height: 900 }]]) {
    const { page } = await openPage(site.browser, site.base, path, viewport);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.core), 'ready', `${path} ${JSON.stringify(viewport)}`);
    await page.close();
  }
});
