// Times the wasm engine in headless Chromium on the specs `liangshan-pop
// bench` writes: the 18-region projection and 1,000 trajectories. Prints JSON.
//   node bench/wasm_bench.mjs SPECS.json
import { readFile } from 'node:fs/promises';
import { startServer } from '../scripts/serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const specs = JSON.parse(await readFile(process.argv[2], 'utf8'));
const server = await startServer({ port: 0 });
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => document.documentElement.dataset.ready);
  const result = await page.evaluate(async (specs) => {
    const m = await import('/www/pkg/liangshan_pop.js');
    await m.default();
    const bench = new m.BenchSpecs(specs);
    const times = [];
    let checksum = 0;
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      checksum = bench.run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const t = performance.now();
    const sim = m.simulate('plan', 1000, 1, 'en');
    const simMs = performance.now() - t;
    return { projection_ms_median: times[times.length >> 1], projection_ms_min: times[0], checksum_2050: checksum, trajectories: sim.trajectories, simulation_ms: simMs, browser: navigator.userAgent };
  }, specs);
  result.browser_version = browser.version();
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  server.close();
}
