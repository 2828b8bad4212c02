// End to end: the projection explorer in headless Chromium. Every control
// changes the charts and the URL; the URL restores the state; the keyboard
// alone works it; uploads, downloads and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { useSite, openPage, withCore, andDrawn, param, expectParam } from './browser.mjs';

const site = useSite();

/** Opens the page and waits until the explorer is drawn (with its intervals when `intervals`). */
async function open(path, { viewport, options, intervals = false } = {}) {
  const r = await openPage(site.browser, site.base, path, viewport, options);
  await withCore(r.page);
  await waitDrawn(r.page, intervals);
  return r;
}

/** Waits until the explorer has drawn the current state (and its intervals). */
async function waitDrawn(page, intervals = false) {
  await page.waitForFunction(
    (want) => {
      const e = document.getElementById('explorer');
      return e.dataset.drawn && !e.dataset.busy && (!want || e.dataset.intervals === 'true');
    },
    intervals,
    { timeout: 30000 },
  );
}

const summary = (page, id) => page.locator(`figure[data-explorer="${id}"] .chart-summary`).textContent();

test('the explorer draws thirteen charts, each an estimate with title, description, source and data, and the tracker', async () => {
  const { page, problems, foreign } = await open('/', { intervals: true });
  const ids = await page.$$eval('figure[data-explorer]', (fs) => fs.map((f) => f.dataset.explorer));
  assert.equal(ids.length, 13);
  for (const id of ids) {
    const fig = page.locator(`figure[data-explorer="${id}"]`);
    const title = (await fig.locator('figcaption h3').textContent()).trim();
    assert.equal((await fig.locator('svg title').textContent()).trim(), title);
    assert.ok((await fig.locator('svg desc').textContent()).length > 20, id);
    // (The urbanisation trend is not projected: its sources are the plan's.)
    assert.match(await fig.locator('.chart-source').textContent(), id === 'projected-urbanisation' ? /^来源：规划/ : /^来源：本项目的队列要素预测/);
    if (id !== 'projected-urbanisation') {
      assert.match(title, /估计/, `${id}: the title says estimate`);
      assert.ok((await fig.locator('svg text').allTextContents()).some((t) => t.includes('估计')), `${id}: the chart says estimate`);
    }
    // The data table fills when opened.
    await fig.locator('summary').click();
    await fig.locator('table tbody tr').first().waitFor();
    // (The counties' groups: the two of the plan and their sum.)
    assert.ok((await fig.locator('table tbody tr').count()) >= (id === 'county-groups' ? 3 : 6), `${id}: data`);
  }
  // With the probabilistic run in: the population chart has its fan and
  // intervals, and so have the service charts (year, series, four bounds).
  assert.equal(await page.locator('figure[data-explorer="projected-population"] table thead th').count(), 6);
  assert.equal(await page.locator('figure[data-explorer="projected-school-ages"] table thead th').count(), 8);
  assert.equal(await page.locator('figure[data-explorer="projected-childcare"] table thead th').count(), 6);
  // The three questions a county official asks, answered in the captions.
  assert.match(await page.locator('figure[data-explorer="projected-school-ages"] .chart-summary').textContent(), /小学学龄（6—11岁）儿童从2020年的\d+人变为2030年的\d+人/);
  assert.match(await page.locator('figure[data-explorer="projected-childcare"] .chart-summary').textContent(), /2030年的人口需要约\d+个托位/);
  assert.match(await page.locator('figure[data-explorer="projected-old-age"] .chart-summary').textContent(), /80岁及以上人口从2020年的\d+人变为2050年的\d+人/);
  const rows = await page.locator('#tracker-table tbody tr').count();
  assert.equal(rows, 20);
  const first = await page.locator('#tracker-table tbody tr').first().locator('td').allTextContents();
  assert.match(first[4], /万 – /, 'the 80% interval of 2030 population');
  assert.match(first[5], /有风险|可实现|难以实现/);
  assert.match(await page.locator('#explorer-origin').textContent(), /估计/);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await page.close();
});

test('every control changes the charts and the URL, and the URL restores them', async () => {
  const { page, problems } = await open('/?lang=en');
  let pop = await summary(page, 'projected-population');
  // Region.
  await andDrawn(page, () => page.selectOption('#region', 'xichang'));
  await expectParam(page, 'region', 'xichang');
  assert.match(await summary(page, 'projected-population'), /Xichang/);
  // Each preset.
  for (const preset of ['constant', 'low', 'high', 'zero-migration', 'plan']) {
    const before = await summary(page, 'projected-population');
    await andDrawn(page, () => page.check(`input[name="preset"][value="${preset}"]`));
    await expectParam(page, 'scenario', preset === 'plan' ? null : preset);
    assert.notEqual(await summary(page, 'projected-population'), before, preset);
  }
  // Each slider, by keyboard.
  for (const name of ['tfr2030', 'tfr2050', 'e0_2030', 'e0_2050', 'migration', 'srb']) {
    const before = await page.locator('figure[data-explorer="projected-births-deaths"] .chart-body').innerHTML();
    await page.focus(`#control-${name}`);
    await andDrawn(page, () => page.keyboard.press('PageUp'));
    await page.waitForFunction((n) => new URL(location.href).searchParams.get(n) !== null, name, { timeout: 3000 });
    assert.notEqual(await page.locator('figure[data-explorer="projected-births-deaths"] .chart-body').innerHTML(), before, name);
  }
  // The year of the pyramid.
  await page.focus('#year');
  await andDrawn(page, () => page.keyboard.press('End'));
  await expectParam(page, 'year', '2050');
  assert.match(await summary(page, 'pyramid'), /2050/);
  // The URL restores exactly what was seen.
  const url = new URL(page.url());
  pop = await summary(page, 'projected-population');
  const pyramid = await page.locator('figure[data-explorer="pyramid"] svg').innerHTML();
  const again = await open(url.href.slice(site.base.length));
  assert.equal(await summary(again.page, 'projected-population'), pop);
  assert.equal(await again.page.locator('figure[data-explorer="pyramid"] svg').innerHTML(), pyramid);
  assert.equal(await again.page.inputValue('#region'), 'xichang');
  assert.deepEqual([...problems, ...again.problems], []);
  await page.close();
  await again.page.close();
});

/** Records when each explorer chart's drawing is first replaced, and with what (in `window.__replaced`, `window.__first`). */
const RECORD_FIRST_DRAWINGS = () => {
  const watch = () => {
    window.__replaced = {};
    window.__first = {};
    for (const f of document.querySelectorAll('figure[data-explorer]')) {
      const body = f.querySelector('.chart-body');
      new MutationObserver(() => {
        if (!body.querySelector('svg')) return;
        window.__replaced[f.dataset.explorer] ??= performance.now();
        window.__first[f.dataset.explorer] ??= body.innerHTML;
      }).observe(body, { childList: true });
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
  else watch();
};

test('during input the charts near the view are drawn by the page in the input\'s frame, the others after it, the same as the workers draw them, and all end as a fresh load of the state draws them', async () => {
  const { page, problems } = await open('/?lang=en', { intervals: true });
  await page.focus('#control-tfr2030');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(RECORD_FIRST_DRAWINGS);
  await andDrawn(page, () => page.keyboard.press('ArrowRight'));
  const seen = await page.evaluate(() => ({
    frame: performance.getEntriesByName('liangshan:redraw').at(-1).startTime + performance.getEntriesByName('liangshan:redraw').at(-1).duration,
    replaced: window.__replaced,
    near: [...document.querySelectorAll('figure[data-explorer][data-near]')].map((f) => f.dataset.explorer),
    counties: ['county-map', 'county-ranked', 'county-groups'],
  }));
  const prefecture = Object.keys(seen.replaced).filter((id) => !seen.counties.includes(id));
  const first = prefecture.filter((id) => seen.replaced[id] <= seen.frame);
  const after = prefecture.filter((id) => seen.replaced[id] > seen.frame);
  assert.equal(prefecture.length, 10, JSON.stringify(seen));
  assert.deepEqual(first.sort(), seen.near.filter((id) => !seen.counties.includes(id)).sort(), JSON.stringify(seen));
  assert.ok(after.length > 0 && first.length > 0, JSON.stringify(seen));
  // At rest, with the state's full intervals, every drawing is the one a fresh load of its URL makes.
  await waitDrawn(page, true);
  const svgs = (p) => p.$$eval('figure[data-explorer] .chart-body', (bs) => bs.map((b) => b.innerHTML));
  const again = await open(new URL(page.url()).href.slice(site.base.length), { intervals: true, options: { init: RECORD_FIRST_DRAWINGS } });
  assert.deepEqual(await svgs(page), await svgs(again.page));
  // What the page's core drew in the input's frame (before this state's intervals) is what the
  // worker draws first on a fresh load of the state (before its intervals too), to the byte.
  const drawnFirst = await page.evaluate(() => window.__first);
  const workerFirst = await again.page.evaluate(() => window.__first);
  for (const id of first) assert.ok(drawnFirst[id] === workerFirst[id] && !drawnFirst[id].includes('95%'), id);
  assert.deepEqual([...problems, ...again.problems], []);
  await page.close();
  await again.page.close();
});

test('sliders follow the ARIA slider pattern and work from the keyboard alone, resets included', async () => {
  const { page } = await open('/');
  const tfr = page.locator('#control-tfr2030');
  assert.equal(await tfr.getAttribute('aria-valuetext'), '1.60 孩次/妇女');
  await tfr.focus();
  await andDrawn(page, () => page.keyboard.press('ArrowRight'));
  assert.equal(await tfr.getAttribute('aria-valuetext'), '1.65 孩次/妇女');
  await andDrawn(page, () => page.keyboard.press('PageUp'));
  await expectParam(page, 'tfr2030', '2.15');
  await andDrawn(page, () => page.keyboard.press('Home'));
  await expectParam(page, 'tfr2030', '0.5');
  await andDrawn(page, () => page.keyboard.press('End'));
  await expectParam(page, 'tfr2030', '4');
  assert.equal(await page.locator('#control-tfr2030-value').textContent(), '4.00');
  // Tab reaches the slider's reset; Enter resets it; the URL forgets it.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.param), 'tfr2030');
  await andDrawn(page, () => page.keyboard.press('Enter'));
  await expectParam(page, 'tfr2030', null);
  assert.equal(await tfr.getAttribute('aria-valuetext'), '1.60 孩次/妇女');
  // The play button never starts by itself, and plays from the keyboard.
  const play = page.locator('#play');
  assert.equal(await play.getAttribute('aria-pressed'), 'false');
  await page.waitForTimeout(800);
  await expectParam(page, 'year', null, 'nothing moves by itself');
  await play.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2032');
  await page.keyboard.press('Space');
  assert.equal(await play.getAttribute('aria-pressed'), 'false');
  await page.close();
});

test('with reduced motion the play button moves in five-year steps', async () => {
  const { page } = await open('/?year=2020', { options: { reducedMotion: 'reduce' } });
  await page.click('#play');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('year') !== null && new URL(location.href).searchParams.get('year') !== '2020');
  await expectParam(page, 'year', '2025');
  await page.click('#play');
  await page.close();
});

test('bad and out-of-range URL values are corrected with a visible notice in the reader language', async () => {
  const payload = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const { page, problems } = await open(`/?lang=en&tfr2030=9&region=${payload}&year=1990&srb=abc&scenario=${payload}`);
  const notice = await page.locator('#notice').textContent();
  for (const p of ['tfr2030', 'region', 'year', 'srb', 'scenario']) assert.match(notice, new RegExp(p));
  assert.match(notice, /nearest valid value, 4\.00,/);
  assert.equal(await page.inputValue('#control-tfr2030'), '4');
  await expectParam(page, 'tfr2030', '4');
  await expectParam(page, 'region', null, 'corrected to the default');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#notice img').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an uploaded table replaces the estimate, a bad one changes nothing, and nothing leaves the browser', async () => {
  const { page, problems, foreign } = await open('/?lang=en&region=muli');
  await page.click('details.upload summary');
  // The template: the current base population as CSV.
  const [template] = await Promise.all([page.waitForEvent('download'), page.click('#upload-template')]);
  const csv = await readFile(await template.path(), 'utf8');
  const lines = csv.trim().split('\n');
  assert.equal(lines[0], 'age,female,male');
  assert.equal(lines.length, 102);
  const before = await summary(page, 'projected-population');
  // A bad file: problems by line, nothing changes.
  await page.setInputFiles('#upload-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('age,female,male\n0-4,lots,100\n5-9,-3,100\n') });
  await page.waitForFunction(() => document.querySelectorAll('#upload-problems li').length > 0);
  const listed = await page.locator('#upload-problems li').allTextContents();
  assert.ok(listed.some((l) => l.startsWith('Line 2')), listed.join(' | '));
  assert.ok(listed.some((l) => l.startsWith('Line 3')), listed.join(' | '));
  assert.equal(await summary(page, 'projected-population'), before);
  // A good file: everything follows, and the page says whose data it is.
  const larger = lines.map((l, i) => (i === 0 ? l : l.split(',').map((v, j) => (j === 0 ? v : String(Math.round(Number(v) * 1.3)))).join(','))).join('\n');
  await andDrawn(page, () => page.setInputFiles('#upload-file', { name: 'muli.csv', mimeType: 'text/csv', buffer: Buffer.from(larger) }));
  // Settled: the full run's intervals drawn too, so that no redraw of this state is still to come.
  await waitDrawn(page, true);
  assert.match(await page.locator('#upload-status').textContent(), /replaces the estimate/);
  // Plausible, but far from the census: accepted with a note saying so.
  assert.match(await page.locator('#upload-problems li.note').first().textContent(), /30% more than Muli/);
  assert.match(await page.locator('#explorer-origin').textContent(), /you provided/);
  assert.doesNotMatch(await page.locator('figure[data-explorer="pyramid"] h3').textContent(), /estimate/);
  assert.notEqual(await summary(page, 'projected-population'), before);
  // Back to the estimate.
  await andDrawn(page, () => page.click('#upload-clear'));
  await waitDrawn(page, true);
  assert.equal(await summary(page, 'projected-population'), before);
  // A file too large is refused before it is read.
  await page.setInputFiles('#upload-file', { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(1_200_000, 'a') });
  await page.waitForFunction(() => /at most/.test(document.getElementById('upload-status').textContent));
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await page.close();
});

/** Waits until the explorer has drawn with its intervals, then checks that the page stays at rest: no message to a worker for two seconds. */
async function settles(page) {
  await waitDrawn(page, true);
  const posts = await page.evaluate(() => window.__workerPosts);
  await page.waitForTimeout(2000);
  assert.equal(await page.evaluate(() => window.__workerPosts), posts, 'no background work once settled');
  assert.equal(await page.evaluate(() => document.getElementById('explorer').dataset.intervals), 'true');
}

const fixture = (name) => readFile(new URL(`../fixtures/uploads/${name}`, import.meta.url));

test('after any upload, accepted or refused, the page settles with its intervals and a way back', async () => {
  const { page, problems } = await open('/', { intervals: true });
  await page.click('details.upload summary');
  const status = () => page.locator('#upload-status').textContent();
  const listed = () => page.locator('#upload-problems li').allTextContents();
  // What Excel on Chinese Windows writes: GBK. Read as such, and said.
  await andDrawn(page, async () => page.setInputFiles('#upload-file', { name: 'gbk.csv', mimeType: 'text/csv', buffer: await fixture('excel-gbk.csv') }));
  assert.match(await status(), /已使用您提供的凉山州人口数据/);
  assert.deepEqual(await listed(), ['文件似乎是GBK（GB18030）编码，已按GBK读取。']);
  await settles(page);
  assert.doesNotMatch(await page.locator('#explorer-status').textContent(), /正在计算/);
  // The reader's table is taken as it is: no alternative bases drawn for it.
  const fan = () => page.locator('figure[data-explorer="projected-population"]').textContent();
  assert.match(await fan(), /都从同一基期人口出发/);
  assert.doesNotMatch(await page.locator('#tracker-note').textContent(), /备选基期人口/);
  assert.equal(await page.locator('#upload-clear').isVisible(), true);
  // Excel's "Unicode text": UTF-16 with tabs.
  await andDrawn(page, async () => page.setInputFiles('#upload-file', { name: 'unicode.txt', mimeType: 'text/plain', buffer: await fixture('excel-unicode-text.txt') }));
  assert.match((await listed()).join(' '), /UTF-16.*制表符/);
  await settles(page);
  // Refused: a table of zeros, with the figures; nothing changes, the way back stays.
  const zeros = 'age,female,male\n' + Array.from({ length: 17 }, (_, g) => `${g * 5}-${g * 5 + 4},0,0`).join('\n') + '\n85+,0,0\n';
  const before = await summary(page, 'projected-population');
  await page.setInputFiles('#upload-file', { name: 'zeros.csv', mimeType: 'text/csv', buffer: Buffer.from(zeros) });
  await page.waitForFunction(() => /处问题/.test(document.getElementById('upload-status').textContent));
  assert.match((await listed())[0], /全部人数为0人，而凉山州2020年普查常住人口为4858359人/);
  assert.equal(await summary(page, 'projected-population'), before);
  assert.equal(await page.locator('#upload-clear').isVisible(), true);
  await settles(page);
  // Unquoted thousands: said why.
  await page.setInputFiles('#upload-file', { name: 'thousands.csv', mimeType: 'text/csv', buffer: await fixture('unquoted-thousands.csv') });
  await page.waitForFunction(() => /千位分隔符/.test(document.getElementById('upload-problems').textContent));
  assert.equal((await listed())[0].match(/第2行/g).length, 1, 'the line is said once');
  // Back to the estimate, settled again.
  await andDrawn(page, () => page.click('#upload-clear'));
  assert.equal(await page.locator('#upload-clear').isVisible(), false);
  await settles(page);
  assert.match(await fan(), /每条轨迹从200个备选基期人口之一出发/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('downloads of a projection chart: SVG, PNG and CSV with the right content', async () => {
  const { page } = await open('/?lang=en', { intervals: true });
  const fig = page.locator('figure[data-explorer="projected-population"]');
  const get = async (format) => {
    const [d] = await Promise.all([page.waitForEvent('download'), fig.locator(`button[data-format="${format}"]`).click()]);
    return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
  };
  const svg = await get('svg');
  assert.equal(svg.name, 'liangshan-projected-population-en.svg');
  const text = svg.bytes.toString('utf8');
  assert.match(text, /^<svg[^>]*role="img"/);
  assert.match(text, /<title[^>]*>Projected population of Liangshan \(estimate\)<\/title>/);
  const png = await get('png');
  assert.equal(png.name, 'liangshan-projected-population-en.png');
  assert.equal(png.bytes.subarray(1, 4).toString('latin1'), 'PNG');
  const width = png.bytes.readUInt32BE(16);
  const svgWidth = Number(text.match(/width="(\d+)"/)[1]);
  assert.equal(width, svgWidth * 2, 'drawn at twice the size');
  const csv = await get('csv');
  const csvText = csv.bytes.toString('utf8');
  assert.ok(csvText.startsWith('\ufeffYear,"Residents'), csvText.slice(0, 40));
  const rows = csvText.trim().split('\r\n');
  assert.equal(rows.length, 32, 'a header and 2020-2050');
  assert.equal(rows[0].split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).length, 6, 'with the 80% and 95% bounds');
  const [tracker] = await Promise.all([page.waitForEvent('download'), page.click('#tracker-csv')]);
  assert.equal((await readFile(await tracker.path(), 'utf8')).trim().split('\r\n').length, 21);
  await page.close();
});

test('screenshots of the explorer at 375 and 1280 px, both languages, for a person to look at', async () => {
  await mkdir('tests/e2e/screenshots', { recursive: true });
  for (const [width, lang] of [[375, 'zh'], [1280, 'en']]) {
    const { page } = await open(`/?lang=${lang}&region=xichang&year=2040`, { viewport: { width, height: 900 }, intervals: true });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'nothing wider than the screen');
    await page.locator('#explorer').screenshot({ path: `tests/e2e/screenshots/explorer-${width}-${lang}.png` });
    await page.close();
  }
});

test('fans follow a moving slider: every state a drag passes through gets intervals from a quick run, the state it rests on the full 1,000', async () => {
  const { page, problems } = await open('/?lang=en', { intervals: true });
  // Record what data-intervals passes through, and which fans the population chart says it draws.
  await page.evaluate(() => {
    window.__intervals = [];
    const e = document.getElementById('explorer');
    new MutationObserver(() => window.__intervals.push(e.dataset.intervals)).observe(e, { attributes: true, attributeFilter: ['data-intervals'] });
  });
  await page.focus('#control-tfr2030');
  // Held down: a step every 150 ms, inside the rest the full run waits for.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(150);
  }
  await page.waitForFunction(() => window.__intervals.includes('quick'), null, { timeout: 30000 });
  const desc = () => page.locator('figure[data-explorer="projected-population"]').textContent();
  await waitDrawn(page, true);
  assert.match(await desc(), /Intervals from 1,000 random trajectories/);
  // Each from one of the alternative bases: the base is an estimate.
  assert.match(await desc(), /each trajectory starts from one of 200 alternative base populations/);
  assert.match(await page.locator('#tracker-note').textContent(), /1,000 random trajectories, each starting from one of 200 alternative base populations/);
  await settles(page);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the probabilistic worker starts the first state\'s full run as soon as it has the module: asked for that state it answers with that run, the same to the last bit as one made when asked; asked first for anything else, it runs anew', async () => {
  const { page, problems } = await open('/?lang=en', { intervals: true });
  const got = await page.evaluate(async () => {
    const find = (re) => performance.getEntriesByType('resource').map((e) => e.name).find((n) => re.test(n));
    const { spawnWorkers, TRAJECTORIES } = await import(find(/\/channel(\.[0-9a-f]{10})?\.js$/));
    const { loadCore } = await import(find(/\/core(\.[0-9a-f]{10})?\.js$/));
    const { core, module } = await loadCore();
    const first = 'tfr2030=1.6&e0_2030=80&lang=en';
    const query = (s) => core.state(s).query;
    /** Spawns the workers on `first`, asks `asks` of the probabilistic one in turn: each answer and whether it was the early run. */
    const run = async (asks) => {
      const w = spawnWorkers(Promise.resolve(module), first);
      await w.ready;
      const out = [];
      for (const [type, data] of asks) {
        const result = await w.sim.call(type, data);
        out.push({ type, ahead: w.sim.lastAhead, fans: type === 'simulate' ? JSON.stringify(result) : null });
      }
      w.draw.worker.terminate();
      w.sim.worker.terminate();
      return out;
    };
    const ask = (s, trajectories = TRAJECTORIES) => ['simulate', { query: query(s), trajectories }];
    return {
      fresh: JSON.stringify(core.simulate(query(first), TRAJECTORIES)),
      other: JSON.stringify(core.simulate(query('tfr2030=1.7'), TRAJECTORIES)),
      // The state it started on (in the page's language: the run is the same), twice.
      same: await run([ask('tfr2030=1.6&e0_2030=80'), ask(first)]),
      // Another state first, then the one it started on.
      another: await run([ask('tfr2030=1.7'), ask(first)]),
      // The same state with fewer trajectories (a quick run), then anything else, then the state.
      quick: await run([ask(first, 200), ['clearUpload', {}], ask(first)]),
    };
  });
  assert.deepEqual(got.same.map((a) => a.ahead), [true, false]);
  for (const a of got.same) assert.equal(a.fans, got.fresh);
  assert.deepEqual(got.another.map((a) => a.ahead), [false, false]);
  assert.equal(got.another[0].fans, got.other);
  assert.equal(got.another[1].fans, got.fresh);
  assert.deepEqual(got.quick.map((a) => a.ahead), [false, false, false]);
  assert.notEqual(got.quick[0].fans, got.fresh);
  assert.equal(got.quick[2].fans, got.fresh);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a browser without wasm SIMD runs the core built without it: the same drawings to the byte and the same intervals to the last bit', async () => {
  const drawn = async (simd) => {
    // A browser of before wasm SIMD (Safari before 16.4, say) does not
    // validate the page's SIMD probe, the one module the page validates.
    const init = simd ? undefined : () => {
      WebAssembly.validate = () => false;
    };
    const { page, problems } = await open('/?tfr2030=1.6&e0_2030=80', { intervals: true, options: { init } });
    // The cores fetched, by file name without the build's content hash (and the site's path: under /rkgh/ behind nginx).
    const wasm = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()).filter((n) => n.endsWith('.wasm')).map((n) => n.replace(/\.[0-9a-f]{10}\.wasm$/, '.wasm')),
    );
    const svgs = await page.$$eval('figure[data-explorer] svg', (s) => s.map((e) => e.outerHTML));
    // Every figure of the 1,000 trajectories (JSON prints each number to its last bit), from the page's core.
    const fans = await page.evaluate(async () => {
      const url = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /\/core(\.[0-9a-f]{10})?\.js$/.test(n));
      const { loadCore } = await import(url);
      const { core } = await loadCore();
      return JSON.stringify(core.simulate('tfr2030=1.6&e0_2030=80', 1000));
    });
    await page.close();
    assert.deepEqual(problems, []);
    return { wasm, svgs, fans };
  };
  const fast = await drawn(true);
  const plain = await drawn(false);
  assert.deepEqual(fast.wasm, ['liangshan_pop_simd_bg.wasm']);
  assert.deepEqual(plain.wasm, ['liangshan_pop_bg.wasm']);
  assert.equal(plain.svgs.length, 13);
  assert.deepEqual(plain.svgs, fast.svgs);
  assert.ok(plain.fans.length > 10000);
  assert.equal(plain.fans, fast.fans);
});
