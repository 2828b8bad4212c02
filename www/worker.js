// The explorer's worker: projects and draws off the page's thread, so that
// input never stutters. The page starts two: one draws (fast, on every
// input), one runs the probabilistic projection (slow, when the other is
// idle). Messages in: { id, type, ... }; out: { id, ok, result | error }.
import init, { explorerRenderJson, explorerSimulate, explorerSetFans, explorerUpload, explorerClearUpload, explorerBaseCsv } from './pkg/liangshan_pop.js';

let ready = null;

const handlers = {
  // JSON: one string to hand over; the page parses it.
  render: ({ query, width, theme, only }) => explorerRenderJson(query, width, theme, only ?? []),
  simulate: ({ query, trajectories }) => explorerSimulate(query, trajectories),
  setFans: ({ fans }) => explorerSetFans(fans),
  upload: ({ bytes, region, lang }) => explorerUpload(bytes, region, lang),
  clearUpload: () => explorerClearUpload(),
  baseCsv: ({ region, lang }) => explorerBaseCsv(region, lang),
};

self.onmessage = async ({ data }) => {
  const { id, type } = data ?? {};
  try {
    if (type === 'init') {
      // The page hands over its compiled module: no second download.
      ready = init({ module_or_path: data.module });
      await ready;
      self.postMessage({ id, ok: true });
      return;
    }
    await ready;
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown message ${String(type).slice(0, 40)}`);
    const t0 = performance.now();
    const result = handler(data);
    self.postMessage({ id, ok: true, result, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ id, ok: false, error: String((e && e.message) || e) });
  }
};
