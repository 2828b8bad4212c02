// End to end: the counties compared, in headless Chromium. Its controls
// change its three charts and the URL (and nothing else); its tables add up
// and sort; a share of childcare places cannot be asked for; it is drawn
// when the reader comes near it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, withCore, andDrawn, param, expectParam } from './browser.mjs';

const site = useSite();
const MAP = 'figure[data-explorer="county-map"]';
const RANKED = 'figure[data-explorer="county-ranked"]';
const GROUPS = 'figure[data-explorer="county-groups"]';

async function open(path, viewport) {
  const r = await openPage(site.browser, site.base, path, viewport);
  await withCore(r.page);
  await r.page.locator('#compare-h').scrollIntoViewIfNeeded();
  await drawn(r.page);
  return r;
}

/** Waits until the explorer has drawn and the comparison is up to date. */
async function drawn(page) {
  await page.waitForFunction(() => {
    const e = document.getElementById('explorer');
    return e.dataset.drawn && !e.dataset.busy && document.querySelector('figure[data-explorer="county-groups"] .chart-body svg');
  }, null, { timeout: 30000 });
}

const text = (page, sel) => page.locator(sel).textContent();
/** A table cell's number: "−1,234", "+5.2%", "40240". */
const number = (s) => Number(s.trim().replace(/[,%]/g, '').replace(/^\+/, '').replace(/^−/, '-'));

test('the comparison answers which counties\' old grow fastest, and its groups add up to the prefecture', async () => {
  const { page, problems } = await open('/');
  assert.match(await text(page, `${MAP} .chart-title`), /^各县（市）60岁及以上：比2020年增减（%），2030年（估计）$/);
  assert.match(await text(page, `${MAP} .chart-summary`), /最高的是\S+（\+\d+\.\d%），最低的是\S+（[+−]\d+\.\d%）；安宁河流域8县（市）合计\+\d+\.\d%，其他区域9县合计\+\d+\.\d%/);
  // Every county on the map, each with its figure (colour is not the only carrier).
  const labels = (await page.locator(`${MAP} svg text`).allTextContents()).map((t) => t.trim());
  for (const name of ['西昌', '木里', '昭觉', '宁南', '雷波']) assert.ok(labels.includes(name), name);
  assert.equal(labels.filter((t) => /^[+−]\d+\.\d%$/.test(t)).length, 17);
  // The ranked bars and the table: 17 counties, largest change first.
  await page.locator(`${RANKED} summary`).click();
  await page.locator(`${RANKED} table tbody tr`).first().waitFor();
  const rows = await page.locator(`${RANKED} table tbody tr`).count();
  assert.equal(rows, 17);
  const changes = (await page.locator(`${RANKED} table tbody tr td:nth-child(6)`).allTextContents()).map(number);
  assert.deepEqual(changes, [...changes].sort((a, b) => b - a));
  // The groups: Anning river + the others = Liangshan, in 2020 and in 2030.
  await page.locator(`${GROUPS} summary`).click();
  await page.locator(`${GROUPS} table tbody tr`).first().waitFor();
  const groups = await page.locator(`${GROUPS} table tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(groups.map((g) => g[0]), ['安宁河流域8县（市）', '其他区域9县', '全州（17县市之和）']);
  for (const col of [1, 2, 3]) assert.ok(Math.abs(number(groups[0][col]) + number(groups[1][col]) - number(groups[2][col])) <= 1, `column ${col}: ${groups.map((g) => g[col])}`);
  assert.match(await text(page, `${GROUPS} .chart-notes`), /安宁河流域为西昌、盐源、德昌、会理、会东、宁南、喜德、冕宁/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('its controls change its charts and the URL, not the projection; the table sorts; the URL restores it', async () => {
  const { page, problems } = await open('/?lang=en');
  const key = await page.evaluate(() => document.getElementById('explorer').dataset.drawn);
  const population = await text(page, 'figure[data-explorer="projected-population"] .chart-summary');
  await andDrawn(page, () => page.selectOption('#county-service', 'age_6_11'));
  await expectParam(page, 'county_service', 'age_6_11');
  await andDrawn(page, () => page.locator('#county-measures input[value="persons"]').check());
  await expectParam(page, 'county_measure', 'persons');
  // The year by keyboard: Page Up is five years.
  await page.locator('#county-year').focus();
  await andDrawn(page, () => page.keyboard.press('PageUp'));
  await expectParam(page, 'county_year', '2035');
  assert.equal(await page.locator('#county-year').getAttribute('aria-valuetext'), '2035');
  assert.match(await text(page, `${MAP} .chart-title`), /^By county: aged 6-11 \(primary school\), change since 2020 \(persons\), 2035 \(estimate\)$/);
  assert.match(await text(page, `${MAP} .chart-notes`), /not enrolment/);
  assert.equal(await page.evaluate(() => document.getElementById('explorer').dataset.drawn), key, 'the same projection');
  assert.equal(await text(page, 'figure[data-explorer="projected-population"] .chart-summary'), population);
  // Sorting: a button in each header; numbers as numbers; the order said.
  await page.locator(`${MAP} summary`).click();
  await page.locator(`${MAP} table tbody tr`).first().waitFor();
  const header = page.locator(`${MAP} thead th`).nth(3);
  await header.locator('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  const col = async () => (await page.locator(`${MAP} tbody tr td:nth-child(4)`).allTextContents()).map(number);
  const down = await col();
  assert.deepEqual(down, [...down].sort((a, b) => b - a));
  await header.locator('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(await col(), [...down].reverse());
  await page.locator(`${MAP} thead th`).first().locator('button').click();
  assert.equal(await header.getAttribute('aria-sort'), null);
  // The URL gives the same comparison back.
  await expectParam(page, 'county_year', '2035');
  const url = page.url();
  const title = await text(page, `${MAP} .chart-title`);
  const again = await open(url.slice(site.base.length));
  assert.equal(await text(again.page, `${MAP} .chart-title`), title);
  assert.equal(await again.page.locator('#county-service').inputValue(), 'age_6_11');
  assert.ok(await again.page.locator('#county-measures input[value="persons"]').isChecked());
  assert.deepEqual([...problems, ...again.problems], []);
  await again.page.close();
  await page.close();
});

test('a share of the childcare places cannot be asked for: the control is off and the URL is corrected with a notice', async () => {
  const { page } = await open('/?lang=en&county_service=childcare_places_4_5&county_measure=share');
  assert.match(await text(page, '#notice'), /county_measure="share" is not valid; the change since 2020 \(%\) is used instead/);
  await expectParam(page, 'county_measure', null);
  assert.ok(await page.locator('#county-measures input[value="share"]').isDisabled());
  assert.ok(await page.locator('#county-measures input[value="change"]').isChecked());
  assert.match(await text(page, `${MAP} .chart-notes`), /4\.5 per 1,000 residents/);
  await page.close();
});

test('on a phone the comparison reads in one column and a county chosen above is marked in it', async () => {
  const { page, problems } = await open('/?region=zhaojue&county_service=age_6_11&county_measure=value', { width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'nothing wider than the phone');
  // Zhaojue's tile has the strong outline; its bar the mark.
  assert.ok((await page.locator(`${RANKED} svg text`).allTextContents()).some((t) => t.trim() === '▶ 昭觉'));
  const summary = await text(page, `${MAP} .chart-summary`);
  assert.match(summary, /2030年6—11岁（小学）人数最高的是/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a scenario changed far above the comparison leaves it up to date, never another scenario\'s', async () => {
  const { page, problems } = await open('/?lang=en&county_service=age_0_2');
  const before = await text(page, `${GROUPS} .chart-summary`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('#control-tfr2030').focus();
  await andDrawn(page, () => page.keyboard.press('End'));
  await expectParam(page, 'tfr2030', '4');
  // Once the intervals are in (the redraw after the input), the comparison is of the new scenario.
  await page.waitForFunction(() => document.getElementById('explorer').dataset.intervals === 'true' && !document.getElementById('explorer').dataset.busy, null, { timeout: 60000 });
  const after = await text(page, `${GROUPS} .chart-summary`);
  assert.notEqual(after, before);
  await page.locator('#compare-h').scrollIntoViewIfNeeded();
  await drawn(page);
  assert.equal(await text(page, `${GROUPS} .chart-summary`), after);
  assert.deepEqual(problems, []);
  await page.close();
});
