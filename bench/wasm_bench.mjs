// Times the wasm engine in headless Chromium on the specs `liangshan-pop
// bench` writes: the 18-region projection and 1,000 trajectories. Prints JSON.
//   node bench/wasm_bench.mjs SPECS.json [PKG]
// PKG: the directory under www/ of the core built with the bench's exports
// (pkg-bench, without SIMD; pkg-bench-simd, with).
import { readFile } from 'node:fs/promises';
import { startServer } from '../scripts/serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const specs = JSON.parse(await readFile(process.argv[2], 'utf8'));
const pkg = process.argv[3] ?? 'pkg-bench';
const server = await startServer({ port: 0 });
const browser = await launch();
try {
  const page = await browser.newPage();
  // The plain-JavaScript projection is served as if it were the site's own file.
  const jsSource = await readFile(new URL('./ccmpp.js', import.meta.url), 'utf8');
  await page.route('**/www/bench-ccmpp.js', (route) => route.fulfill({ body: jsSource, contentType: 'text/javascript' }));
  // So is the core built with the bench's exports (www/PKG, not part of the build), at /www/pkg-bench/.
  await page.route('**/www/pkg-bench/*', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const body = await readFile(new URL(`../www/${pkg}/${name}`, import.meta.url));
    route.fulfill({ body, contentType: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
  });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => document.documentElement.dataset.ready);
  const result = await page.evaluate(async (specs) => {
    const m = await import('/www/pkg-bench/liangshan_pop.js');
    await m.default();
    const bench = new m.BenchSpecs(specs);
    const times = [];
    let checksum = 0;
    // Ten projections a sample: a page's clock ticks in 0.1 ms, about a
    // fifth of one projection.
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      for (let j = 0; j < 10; j++) checksum = bench.run();
      times.push((performance.now() - t) / 10);
    }
    times.sort((a, b) => a - b);
    // The same projection in plain JavaScript, in the same page.
    const js = await import('/www/bench-ccmpp.js');
    const prepared = specs.map(js.prepare);
    const jsTimes = [];
    let jsChecksum = 0;
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      jsChecksum = 0;
      for (const s of prepared) {
        const r = js.project(s);
        jsChecksum += r.female.reduce((a, b) => a + b, 0) + (r.male ? r.male.reduce((a, b) => a + b, 0) : 0);
      }
      jsTimes.push(performance.now() - t);
    }
    jsTimes.sort((a, b) => a - b);
    // The model is built first, as the native bench does: the time is the simulation's alone.
    // The first run fills the model's life-table grid; the explorer's later runs reuse it.
    const model = new m.Bench();
    let t = performance.now();
    const sim = model.simulate('plan', 1000, 1, 'en');
    const simFirstMs = performance.now() - t;
    t = performance.now();
    model.simulate('plan', 1000, 1, 'en');
    const simMs = performance.now() - t;
    t = performance.now();
    const counties = model.simulateCounties(1000);
    const countiesMs = performance.now() - t;
    return { projection_ms_median: times[times.length >> 1], projection_ms_min: times[0], checksum_2050: checksum, js_ms_median: jsTimes[jsTimes.length >> 1], js_checksum_2050: jsChecksum, trajectories: sim.trajectories, simulation_first_ms: simFirstMs, simulation_ms: simMs, counties, simulation_counties_ms: countiesMs, browser: navigator.userAgent };
  }, specs);
  result.browser_version = browser.version();
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  server.close();
}
