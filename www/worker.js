// The explorer's worker: projects and draws off the page's thread, so that
// input never stutters. The page starts two: one draws (fast, on every
// input), one runs the probabilistic projection (slow, when the other is
// idle). Messages in: { id, type, ... }; out: { id, ok, result | error }.
import { loadCore } from './core.js';

/** @type {Promise<{ core: import('./pkg/liangshan_pop.js').Core }> | null} */
let ready = null;

/**
 * The first state's full run, made as soon as the core was up (`first` of
 * init) rather than when the page asks: the page's own core and first
 * drawing take that long. The page's `simulate` of the same state and
 * trajectories gets it; anything else the worker is asked drops it.
 * @type {{ trajectories: number, fans: import('./pkg/liangshan_pop.js').Fans } | null}
 */
let early = null;

/** Whether the last answer was the early run (said with it: the tests check the protocol so). */
let answeredAhead = false;

/**
 * The run of `query`: the early one where it is of that state (its key:
 * the upload in force included, which nothing has changed since), else a
 * new one.
 * @param {import('./pkg/liangshan_pop.js').Core} core
 * @param {{ query: string, trajectories: number }} data
 */
function simulate(core, { query, trajectories }) {
  const made = early;
  early = null;
  answeredAhead = Boolean(made && made.trajectories === trajectories && made.fans.key === core.state(query).key);
  return answeredAhead && made ? made.fans : core.simulate(query, trajectories);
}

/** @type {Record<string, (core: import('./pkg/liangshan_pop.js').Core, data: any) => unknown>} */
const handlers = {
  // JSON: one string to hand over (far cheaper than thousands of small
  // values); the page parses it.
  render: (core, { query, width, theme, only, skip }) => JSON.stringify(core.render(query, width, theme, only ?? [], skip ?? [])),
  simulate,
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
      const { core } = await ready;
      self.postMessage({ id, ok: true });
      // The first state's model (the drawing worker), and its full run (the
      // probabilistic one), while the page builds its own core. A failure
      // here is said when the page asks for the same.
      const { query, trajectories } = data.first ?? {};
      if (typeof query === 'string') {
        try {
          const parsed = core.state(query);
          if (trajectories) early = { trajectories, fans: core.simulate(parsed.query, trajectories) };
        } catch {
          early = null;
        }
      }
      return;
    }
    if (!ready) throw new Error('the worker has not been started');
    const { core } = await ready;
    if (type !== 'simulate') early = null;
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown message ${String(type).slice(0, 40)}`);
    const t0 = performance.now();
    answeredAhead = false;
    const result = handler(core, data);
    self.postMessage({ id, ok: true, result, ms: performance.now() - t0, ahead: answeredAhead });
  } catch (e) {
    self.postMessage({ id, ok: false, error: String((e && e.message) || e) });
  }
};
