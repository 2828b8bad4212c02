// The explorer's worker: projects and draws off the page's thread, so that
// input never stutters. The page starts two: one draws (fast, on every
// input), one runs the probabilistic projection (slow, when the other is
// idle). Messages in: { id, type, ... }; out: { id, ok, result | error }.
import { loadCore } from './core.js';

/** @type {Promise<{ core: import('./pkg/liangshan_pop.js').Core }> | null} */
let ready = null;

/** @type {Record<string, (core: import('./pkg/liangshan_pop.js').Core, data: any) => unknown>} */
const handlers = {
  // JSON: one string to hand over (far cheaper than thousands of small
  // values); the page parses it.
  render: (core, { query, width, theme, only, skip }) => JSON.stringify(core.render(query, width, theme, only ?? [], skip ?? [])),
  simulate: (core, { query, trajectories }) => core.simulate(query, trajectories),
  setFans: (core, { fans }) => core.setFans(fans),
  upload: (core, { bytes, region, lang }) => core.upload(bytes, region, lang),
  clearUpload: (core) => core.clearUpload(),
  baseCsv: (core, { region, lang }) => core.baseCsv(region, lang),
  decomposition: (core, { lang }) => core.decomposition(lang),
};

self.onmessage = async ({ data }) => {
  const { id, type } = data ?? {};
  try {
    if (type === 'init') {
      // The page hands over its compiled module: no second download.
      ready = loadCore(data.module);
      await ready;
      self.postMessage({ id, ok: true });
      return;
    }
    if (!ready) throw new Error('the worker has not been started');
    const { core } = await ready;
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown message ${String(type).slice(0, 40)}`);
    const t0 = performance.now();
    const result = handler(core, data);
    self.postMessage({ id, ok: true, result, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ id, ok: false, error: String((e && e.message) || e) });
  }
};
