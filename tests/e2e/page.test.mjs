// End to end: the built page in headless Chromium, served from this
// machine with the page's Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

let server, browser, origin;

before(async () => {
  server = await startServer({ port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

/** Opens a page and records everything that went wrong on it. */
async function open(path, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  const foreign = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
  });
  await page.goto(origin + path);
  await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 20000 });
  return { page, problems, foreign };
}

const BARS = 'figure[data-chart="county-population"] svg rect[fill="#0072B2"]';

test('the page loads with a clean console, its figures, 17 bars and the data table', async () => {
  const { page, problems, foreign } = await open('/');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true');
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.equal(await page.locator(BARS).count(), 17);
  assert.equal(await page.locator('figure[data-chart] table tbody tr').count(), 17);
  assert.equal(await page.locator('#key-figures .figure').count(), 8);
  assert.equal(await page.locator('#key-figures .value').first().textContent(), '485.8万人');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  const svg = page.locator('figure[data-chart] svg');
  assert.equal(await svg.getAttribute('role'), 'img');
  assert.match(await page.locator('figure[data-chart] figcaption .chart-summary').textContent(), /西昌市常住人口最多/);
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
  assert.ok(!labels.join('').match(/[\u4e00-\u9fff]/), 'Chinese left in the English chart');
  assert.equal(await page.locator('#key-figures .value').first().textContent(), '4.858 million');
  assert.equal(await page.locator('#lang-toggle').textContent(), '中文');
  const reloaded = await open('/?lang=en');
  assert.equal(await reloaded.page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual([...problems, ...reloaded.problems], []);
  await page.close();
  await reloaded.page.close();
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
  const { page } = await open('/', { width: 375, height: 800 });
  const width = () => page.evaluate(() => {
    const svg = document.querySelector('figure[data-chart] svg');
    return { svg: Number(svg.getAttribute('width')), box: document.querySelector('figure[data-chart] .chart-body').clientWidth };
  });
  let w = await width();
  assert.equal(w.svg, Math.max(280, w.box));
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

test('the server refuses paths outside the page', async () => {
  for (const path of ['/Cargo.toml', '/src/lib.rs', '/www/../Cargo.toml', '/%2e%2e/%2e%2e/etc/passwd', '/node_modules/playwright-core/package.json']) {
    const res = await fetch(origin + path);
    assert.equal(res.status, 404, path);
  }
  const res = await fetch(origin + '/');
  assert.match(res.headers.get('content-security-policy'), /default-src 'self'/);
});
