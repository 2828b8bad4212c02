// The explorer's workers (www/worker.js): a module worker with request and
// response matched by id, and the two the explorer starts.

/** Trajectories of a state's full probabilistic run. */
export const TRAJECTORIES = 1000;

export class Channel {
  constructor(url) {
    this.worker = new Worker(url, { type: 'module' });
    this.next = 1;
    this.waiting = new Map();
    this.worker.onmessage = ({ data }) => {
      const w = this.waiting.get(data.id);
      if (!w) return;
      this.waiting.delete(data.id);
      this.lastMs = data.ms;
      this.lastAhead = Boolean(data.ahead);
      if (data.ok) w.resolve(data.result);
      else w.reject(new Error(data.error));
    };
    this.worker.onerror = (e) => {
      for (const w of this.waiting.values()) w.reject(new Error(e.message || 'worker failed'));
      this.waiting.clear();
    };
  }

  call(type, payload = {}) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, type, ...payload });
    });
  }
}

/**
 * The explorer's two workers, started as soon as the page begins to load the
 * core, so that their scripts load while the module downloads and compiles:
 * one draws, one runs the probabilistic projection. Each is handed the
 * module as soon as it is compiled (`compiled`) and builds its core
 * alongside the page's; `ready` says when both have. `first`: the query of
 * the state the page opens with (a URL's, or '' for the default), whose
 * full run the probabilistic worker starts at once, before the page asks
 * for it, and whose model the drawing worker builds. If the module does not
 * come, they stop.
 * @param {Promise<WebAssembly.Module>} compiled
 * @param {string} [first]
 * @returns {{ draw: Channel, sim: Channel, ready: Promise<unknown> }}
 */
export function spawnWorkers(compiled, first) {
  const url = new URL('./worker.js', import.meta.url);
  const draw = new Channel(url);
  const sim = new Channel(url);
  const ready = compiled.then((module) =>
    Promise.all([
      draw.call('init', { module, first: first === undefined ? undefined : { query: first } }),
      sim.call('init', { module, first: first === undefined ? undefined : { query: first, trajectories: TRAJECTORIES } }),
    ]),
  );
  ready.catch(() => {
    draw.worker.terminate();
    sim.worker.terminate();
  });
  return { draw, sim, ready };
}
