// End to end: the built page in headless Chromium, served from this
// machine with the page's Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { useSite, openPage, withCore } from './browser.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CHARTS = ['resident-registered', 'age-structure', 'schooling', 'county-population', 'county-share-change', 'density-map', 'density-bars', 'urbanisation', 'gdp-per-capita', 'county-births-ageing', 'main-indicators'];

const site = useSite();

/** Opens the page with the core drawn (a wide screen's first view is static until the reader nears the explorer). */
async function open(path, viewport, options) {
  const r = await openPage(site.browser, site.base, path, viewport, options);
  await withCore(r.page);
  return r;
}

const BARS = 'figure[data-chart="county-population"] svg rect[fill="#0072B2"]';

test('the page loads with a clean console, its figures, 17 bars and the data table', async () => {
  const { page, problems, foreign } = await open('/');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true');
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.equal(await page.locator(BARS).count(), 17);
  assert.equal(await page.locator('figure[data-chart="county-population"] table tbody tr').count(), 17);
  assert.equal(await page.locator('#key-figures .figure').count(), 8);
  assert.equal(await page.locator('#key-figures .value').first().textContent(), '485.8万人');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.match(await page.locator('figure[data-chart="county-population"] figcaption .chart-summary').textContent(), /西昌市常住人口最多/);
  // The audit lists the checks that fail, 表3's 越西 among them.
  assert.match(await page.locator('#audit-disagreements').textContent(), /越西县/);
  await page.close();
});

test('Chinese text is drawn with real glyphs, not boxes', async () => {
  const { page } = await open('/');
  const result = await page.evaluate(() => {
    const font = getComputedStyle(document.querySelector('figure[data-chart] svg')).fontFamily;
    const draw = (ch) => {
      const c = document.createElement('canvas');
      c.width = c.height = 48;
      const ctx = c.getContext('2d');
      ctx.font = `32px ${font}`;
      ctx.fillText(ch, 4, 36);
      return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
    };
    const xi = draw('西');
    return { ink: xi.split(',').some((v) => v !== '0'), differs: xi !== draw('昌'), notTofu: xi !== draw('\uE000') };
  });
  assert.deepEqual(result, { ink: true, differs: true, notTofu: true });
  await page.close();
});

test('the language toggle switches every label and keeps the language in the URL', async () => {
  const { page, problems } = await open('/');
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(page.url(), /[?&]lang=en/);
  const labels = await page.locator('figure[data-chart] svg text').allTextContents();
  assert.ok(labels.map((s) => s.trim()).includes('Xichang'));
  assert.ok(!labels.join('').match(/[\u4e00-\u9fff]/), 'Chinese left in an English chart');
  // Every text of the page, the SVG descriptions and the (closed) data
  // tables included, but for the button that switches back to 中文.
  const allText = await page.evaluate(() => {
    const clone = document.body.cloneNode(true);
    clone.querySelector('#lang-toggle').remove();
    clone.querySelectorAll('noscript').forEach((n) => n.remove());
    return clone.textContent + document.title;
  });
  const left = allText.match(/[\u4e00-\u9fff]+/g);
  assert.equal(left, null, `Chinese left on the English page: ${left}`);
  assert.equal(await page.locator('#key-figures .value').first().textContent(), '4.858 million');
  assert.equal(await page.locator('#lang-toggle').textContent(), '中文');
  const reloaded = await open('/?lang=en');
  assert.equal(await reloaded.page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual([...problems, ...reloaded.problems], []);
  await page.close();
  await reloaded.page.close();
});

test('fifty-one language switches in a row draw the page twice, not fifty-one times, and end in English', async () => {
  const { page, problems } = await open('/');
  const drawn = await page.evaluate(async () => {
    let draws = 0;
    const body = document.querySelector('figure[data-chart="county-population"] .chart-body');
    new MutationObserver(() => (draws += 1)).observe(body, { childList: true });
    for (let i = 0; i < 51; i++) document.getElementById('lang-toggle').click();
    // The English words load once (a module of their own), then the page draws.
    while (document.documentElement.lang !== 'en') await new Promise((ok) => setTimeout(ok, 20));
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    return { draws, lang: document.documentElement.lang, title: document.querySelector('figure[data-chart="county-population"] h3').textContent };
  });
  assert.equal(drawn.lang, 'en');
  assert.ok(drawn.draws <= 2, `the chart was drawn ${drawn.draws} times`);
  assert.doesNotMatch(drawn.title, /[\u4e00-\u9fff]/, drawn.title);
  assert.match(page.url(), /[?&]lang=en/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a bad lang parameter gets a visible message, runs nothing and breaks nothing', async () => {
  const payload = encodeURIComponent('"><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>');
  const { page, problems } = await open(`/?lang=${payload}`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true');
  const notice = await page.locator('#notice').textContent();
  assert.match(notice, /lang/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#notice img, #notice script').count(), 0);
  assert.equal(await page.locator(BARS).count(), 17);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the chart is drawn for the width of its container and follows it', async () => {
  // On a phone the first view is the build's drawing for a phone's width, scaled to its box.
  const { page } = await openPage(site.browser, site.base, '/', { width: 375, height: 800 });
  const width = () => page.evaluate(() => {
    const svg = document.querySelector('figure[data-chart] svg');
    return {
      svg: Number(svg.getAttribute('width')),
      shown: Math.round(svg.getBoundingClientRect().width),
      box: document.querySelector('figure[data-chart] .chart-body').clientWidth,
      page: document.documentElement.scrollWidth,
    };
  });
  let w = await width();
  assert.equal(w.svg, 360, 'the static drawing');
  assert.equal(w.shown, w.box, 'scaled to its box');
  assert.equal(w.page, 375, 'nothing widens the page beyond the screen');
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.waitForFunction(() => {
    const svg = document.querySelector('figure[data-chart] svg');
    return Number(svg.getAttribute('width')) === document.querySelector('figure[data-chart] .chart-body').clientWidth;
  });
  w = await width();
  assert.ok(w.svg > 900, `re-rendered at ${w.svg}`);
  assert.equal(await page.locator(BARS).count(), 17);
  await page.close();
});

test("on a wide screen the core's drawings of the plan are the static view's to the byte, each with its data", async () => {
  for (const [path, colorScheme] of [['/', 'light'], ['/?lang=en', 'dark']]) {
    const { page, problems } = await openPage(site.browser, site.base, path, { width: 1280, height: 900 }, { colorScheme });
    const drawings = () => page.evaluate(() => [...document.querySelectorAll('figure[data-chart]')].map((f) => `${f.dataset.chart} ${f.querySelector('.chart-title').textContent} ${f.querySelector('.chart-body svg')?.outerHTML}`));
    assert.equal(await page.evaluate(() => document.documentElement.dataset.core ?? null), null, `${path}: static first`);
    const before = await drawings();
    // The core redraws them over the static view (a chart a task, after the explorer's start).
    await withCore(page);
    assert.deepEqual(await drawings(), before, `${path} ${colorScheme}`);
    // Drawn by the core: each chart with its data table, and the audit.
    assert.deepEqual(await page.evaluate(() => ({
      tables: [...document.querySelectorAll('figure[data-chart]')].filter((f) => !f.querySelector('details.chart-data tbody tr')).map((f) => f.dataset.chart),
      audit: document.getElementById('audit-summary').textContent.length > 0,
    })), { tables: [], audit: true });
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('every chart of the plan is on the page with its title, description, sources and data', async () => {
  const { page } = await open('/');
  assert.deepEqual(await page.$$eval('figure[data-chart]', (fs) => fs.map((f) => f.dataset.chart)), CHARTS);
  for (const id of CHARTS) {
    const fig = page.locator(`figure[data-chart="${id}"]`);
    const title = (await fig.locator('figcaption h3').textContent()).trim();
    assert.ok(title.length > 4, `${id}: no title`);
    assert.equal(await fig.getAttribute('aria-labelledby'), `${id}-heading`);
    assert.equal((await fig.locator('svg title').textContent()).trim(), title);
    assert.ok((await fig.locator('svg desc').textContent()).trim().length > 20, `${id}: no description`);
    assert.match(await fig.locator('.chart-source').textContent(), /^来源：规划/);
    assert.ok((await fig.locator('table tbody tr').count()) > 0, `${id}: empty data table`);
    assert.equal(await fig.locator('table caption').textContent(), title);
  }
  assert.ok((await page.locator('#audit-table tbody tr').count()) > 100);
  assert.equal(await page.locator('#audit-disagreements li').count(), 5);
  await page.close();
});

async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    // Open every data table so that it is checked too.
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target} (${v.help})`);
  });
}

test('axe-core finds no violations in the default, dark and 适老化 modes, in both languages', async () => {
  for (const [path, options] of [
    ['/', {}],
    ['/?lang=en', {}],
    ['/', { colorScheme: 'dark' }],
    ['/?a11y=large', {}],
    ['/?lang=en&a11y=large', { colorScheme: 'dark' }],
  ]) {
    const { page } = await open(path, { width: 1280, height: 900 }, options);
    assert.deepEqual(await axe(page), [], `${path} ${JSON.stringify(options)}`);
    await page.close();
  }
});

test('适老化 mode: a toggle and ?a11y=large give 18pt text, larger chart text and 44px targets', async () => {
  const { page, problems } = await open('/', { width: 375, height: 800 });
  const toggle = page.locator('#a11y-toggle');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'at once, before the core has loaded');
  await page.waitForFunction(() => document.documentElement.dataset.core === 'ready');
  assert.match(page.url(), /a11y=large/);
  const sizes = await page.evaluate(() => ({
    body: parseFloat(getComputedStyle(document.querySelector('.lede')).fontSize),
    chart: Math.max(...[...document.querySelectorAll('figure[data-chart="county-population"] svg text')].map((t) => parseFloat(t.getAttribute('font-size')))),
  }));
  assert.ok(sizes.body >= 24, `body text ${sizes.body}px`);
  assert.ok(sizes.chart >= 18, `chart text ${sizes.chart}px`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, summary, nav a')]
      .filter((e) => e.getClientRects().length)
      .map((e) => [e.textContent.trim(), e.getBoundingClientRect().height])
      .filter(([, h]) => h < 44));
  assert.deepEqual(small, []);
  const reloaded = await open('/?a11y=large&lang=en');
  assert.equal(await reloaded.page.locator('#a11y-toggle').getAttribute('aria-pressed'), 'true');
  assert.ok(await reloaded.page.evaluate(() => document.documentElement.classList.contains('a11y-large')));
  const bad = await open('/?a11y=huge');
  assert.match(await bad.page.locator('#notice').textContent(), /a11y/);
  assert.deepEqual(problems, []);
  for (const p of [page, reloaded.page, bad.page]) await p.close();
});

test('dark theme: the charts are drawn dark', async () => {
  const { page } = await open('/', { width: 1280, height: 900 }, { colorScheme: 'dark' });
  const paper = await page.locator('figure[data-chart="age-structure"] svg rect').first().getAttribute('fill');
  assert.equal(paper, '#121212');
  await page.close();
});

test('keyboard alone reaches and works every control, with a visible focus', async () => {
  const { page } = await open('/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'lang-toggle');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'a11y-toggle');
  await page.keyboard.press('Enter');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('a11y-large')));
  await page.keyboard.press('Space');
  assert.ok(!(await page.evaluate(() => document.documentElement.classList.contains('a11y-large'))));
  // A data table opens from the keyboard.
  const summary = page.locator('figure[data-chart="schooling"] summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('figure[data-chart="schooling"] details').getAttribute('open'), '');
  await page.close();
});

test('the CSV download holds the chart data, readable by spreadsheets', async () => {
  const { page } = await open('/?lang=en');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('figure[data-chart="county-population"] button.download[data-format="csv"]').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'liangshan-county-population-en.csv');
  const text = await readFile(await download.path(), 'utf8');
  assert.ok(text.startsWith('\ufeffNo.,County,'), text.slice(0, 40));
  assert.equal(text.trim().split('\r\n').length, 18);
  await page.close();
});

test('print shows every chart with its caption and source, without the controls', async () => {
  const { page } = await open('/');
  await page.emulateMedia({ media: 'print' });
  const visible = await page.evaluate(() => ({
    toolbar: getComputedStyle(document.querySelector('.toolbar')).display,
    actions: getComputedStyle(document.querySelector('.chart-actions')).display,
    charts: [...document.querySelectorAll('figure.chart svg')].filter((s) => s.getBoundingClientRect().height > 0).length,
    controls: getComputedStyle(document.querySelector('#explorer-controls')).display,
    sources: [...document.querySelectorAll('.chart-source')].filter((s) => s.getBoundingClientRect().height > 0).length,
  }));
  // The plan's 11 charts, the explorer's 13 and the methods' hindcast.
  assert.deepEqual(visible, { toolbar: 'none', actions: 'none', charts: 25, controls: 'none', sources: 25 });
  await page.close();
});

test('the methods section shows the hindcast as a chart with its table, in either language, and downloads it', async () => {
  const { page } = await open('/');
  const fig = page.locator('figure[data-methods="hindcast"]');
  await fig.scrollIntoViewIfNeeded();
  const seen = () => fig.evaluate((f) => ({
    title: f.querySelector('.chart-title').textContent,
    role: f.querySelector('.chart-body svg')?.getAttribute('role'),
    width: Number(f.querySelector('.chart-body svg')?.getAttribute('width')),
    box: f.querySelector('.chart-body').clientWidth,
    source: f.querySelector('.chart-source').textContent,
    notes: f.querySelectorAll('.chart-notes li').length,
    rows: f.querySelectorAll('table tbody tr').length,
  }));
  const zh = await seen();
  assert.match(zh.title, /^回溯检验/);
  assert.equal(zh.role, 'img');
  assert.equal(zh.width, zh.box);
  assert.match(zh.source, /^来源：/);
  assert.equal(zh.notes, 3);
  assert.equal(zh.rows, 8);
  const [download] = await Promise.all([page.waitForEvent('download'), fig.locator('button.download[data-format="csv"]').click()]);
  assert.equal(download.suggestedFilename(), 'liangshan-hindcast-zh.csv');
  const text = await readFile(await download.path(), 'utf8');
  assert.equal(text.trim().split('\r\n').length, 9);
  await page.click('#lang-toggle');
  await page.waitForFunction(() => /^Hindcast/.test(document.querySelector('figure[data-methods="hindcast"] .chart-title').textContent));
  const en = await seen();
  assert.match(en.source, /^Source: /);
  assert.equal(en.rows, 8);
  await page.close();
});

test('the methods split each headline interval between the base and the future rates when opened', async () => {
  const { page } = await open('/?lang=en');
  const details = page.locator('#decomposition');
  await details.scrollIntoViewIfNeeded();
  assert.equal(await page.locator('#decomposition-table tbody tr').count(), 0, 'computed only when asked');
  await details.locator('summary').click();
  await page.waitForFunction(() => document.querySelectorAll('#decomposition-table tbody tr').length === 4, null, { timeout: 30000 });
  const rows = await page.$$eval('#decomposition-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows.map((r) => r[0]), ['Population, 2030', 'Share aged 60+, 2030 (%)', 'Share aged 60+, 2035 (%)', "Year the share aged 15-59 reaches Sichuan's 2020 level"]);
  for (const r of rows) {
    assert.equal(r.length, 5);
    for (const cell of r.slice(1, 4)) assert.match(cell, /^[\d,.]+ \([\d,.]+–[\d,.]+\)$/, cell);
    assert.match(r[4], /^\d+%$/);
  }
  // The numbers the command line gives for the page's seed (the build's native binary).
  const cli = JSON.parse(execFileSync(new URL('../../target/release/liangshan-pop', import.meta.url).pathname, ['simulate', '--decompose', '--seed', '2024', '--trajectories', '1000', '--json'], { encoding: 'utf8' }));
  const median = cli.decomposition.headlines.map((h) => h.both[2]);
  assert.equal(rows[0][3].split(' ')[0], Math.round(median[0]).toLocaleString('en-US'));
  assert.equal(rows[1][3].split(' ')[0], median[1].toFixed(2));
  assert.equal(rows[3][4], `${Math.round(cli.decomposition.headlines[3].base_share * 100)}%`);
  // Another language relabels it from the worker's numbers.
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.querySelector('#decomposition-table tbody tr th, #decomposition-table tbody tr td')?.textContent === '2030年常住人口');
  assert.equal(await page.locator('#decomposition-table tbody tr').count(), 4);
  await page.close();
});

test('the server refuses paths outside the page', async () => {
  for (const path of ['/Cargo.toml', '/src/lib.rs', '/www/../Cargo.toml', '/%2e%2e/%2e%2e/etc/passwd', '/node_modules/playwright-core/package.json']) {
    const res = await fetch(site.base + path);
    assert.equal(res.status, 404, path);
  }
  const res = await fetch(site.base + '/');
  assert.match(res.headers.get('content-security-policy'), /default-src 'self'/);
});
