// Cold loads of two (or more) builds at /#explorer on a wide screen, taken
// in turn so that this machine's drift over minutes falls on each alike:
// how a change to the page's loading is timed against the build before it.
// Prints, for each build, the medians (ms from navigation) of the plan's
// charts drawn by the core, the first projection drawn and its intervals
// drawn, and every load's time to intervals.
//   node bench/cold_ab.mjs LOADS DIST_A DIST_B [...]
// e.g. a copy of dist/ from the commit before (`cp -r dist /tmp/before`)
// against dist/ rebuilt.
import { startServer } from '../scripts/serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const [loads, ...dirs] = process.argv.slice(2);
if (!(Number(loads) > 0) || dirs.length < 1) {
  console.error('usage: node bench/cold_ab.mjs LOADS DIST_A [DIST_B ...]');
  process.exit(2);
}
const servers = await Promise.all(dirs.map((root) => startServer({ port: 0, root })));
const origins = servers.map((s) => `http://127.0.0.1:${s.address().port}`);
const browser = await launch();
const runs = dirs.map(() => ({ charts: [], projection: [], intervals: [] }));
try {
  for (let i = 0; i < Number(loads); i++) {
    for (const [k, origin] of origins.entries()) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${origin}/#explorer`);
      await page.waitForFunction(() => document.getElementById('explorer')?.dataset.intervals === 'true', null, { timeout: 60000 });
      const intervals = await page.evaluate(() => performance.now());
      // The plan's charts, out of sight there, may be drawn after the intervals.
      await page.waitForFunction(() => performance.getEntriesByName('liangshan:charts-drawn').length > 0, null, { timeout: 60000 });
      const t = await page.evaluate(() => ({
        charts: performance.getEntriesByName('liangshan:charts-drawn')[0]?.startTime ?? NaN,
        projection: performance.getEntriesByName('liangshan:projection-drawn')[0]?.startTime ?? NaN,
      }));
      t.intervals = intervals;
      for (const key of /** @type {const} */ (['charts', 'projection', 'intervals'])) runs[k][key].push(t[key]);
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.close();
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]);
};
for (const [k, dir] of dirs.entries()) {
  const r = runs[k];
  console.log(`${dir}: charts ${median(r.charts)}, first projection ${median(r.projection)}, intervals ${median(r.intervals)} ms (medians of ${loads}); intervals ${r.intervals.map(Math.round).join(' ')}`);
}
