// The projection explorer on the page: controls, the URL, and the two
// workers. The state lives in the URL (checked by the core: allow-list,
// ranges, notices); every input asks the drawing worker for new charts, and
// only the latest request waits when one is in flight. The probabilistic
// worker runs when it is free, for the latest state: a quick run at once
// (the first trajectories of the full run, so its fans are the full run's
// in the making), the full run when input rests; its fans are handed to
// the drawing worker.
import { el, all, skeleton, placeChart, fillTable, downloadChart, download, svgNodes, setText, setAttr, COUNTY_IDS } from './figure.js';
import { UI } from './i18n.js';
import { fmt } from './format.js';
import { spawnWorkers, TRAJECTORIES } from './channel.js';

/** Trajectories of the quick run a state gets at once, while a control moves. */
const QUICK_TRAJECTORIES = 200;
const MAX_UPLOAD_BYTES = 1_000_000;
/** Input rests this long before the full probabilistic run starts. */
const SIM_IDLE_MS = 400;
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

/** Resolves once the next frame has been painted (at the latest after 100 ms: a hidden tab paints none). */
const nextFrame = () =>
  new Promise((resolve) => {
    setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });

/**
 * Runs each of `steps` in a task of its own, after what the page's thread
 * has queued meanwhile (a worker's answer, a frame): work that would hold
 * the thread for long, cut up.
 * @param {(() => void)[]} steps
 */
export async function inTasks(steps) {
  for (const step of steps) {
    await new Promise((resolve) => {
      const c = new MessageChannel();
      c.port1.onmessage = () => resolve(undefined);
      c.port2.postMessage(null);
    });
    step();
  }
}

export class Explorer {
  /**
   * @param {{ lang(): import('./pkg/liangshan_pop.js').Lang, large(): boolean, theme(): import('./pkg/liangshan_pop.js').Theme, onState(query: string): void, notice(lines: string[]): void, embed(id: string, title: string, button: HTMLElement): void }} page
   * @param {{ core: import('./pkg/liangshan_pop.js').Core, module: WebAssembly.Module }} loaded
   *   the page's core, and its compiled module for the workers
   */
  constructor(page, { core, module }) {
    this.page = page;
    this.core = core;
    this.module = module;
    this.root = document.getElementById('explorer');
    this.params = new URLSearchParams();
    this.parsed = null;
    this.draw = null;
    this.sim = null;
    this.inflight = false;
    this.pending = null;
    this.simBusy = false;
    /** The key of the state the last full probabilistic run was started for: never run twice. */
    this.simFor = null;
    /** The key of the state the last quick run was started for. */
    this.quickFor = null;
    /** The key whose input has rested, so that its full run is due. */
    this.restedFor = null;
    /** The key the rest timer runs for. */
    this.simTimerKey = null;
    /** The key whose full fans the drawing worker holds. */
    this.fullFor = null;
    /** How many trajectories the fans the drawing worker holds are from. */
    this.fansTrajectories = TRAJECTORIES;
    /** How many alternative bases the prefecture's fans start from (0: its base is the reader's). */
    this.fansBases = 0;
    /** The key whose probabilistic run failed, if one did. */
    this.simFailed = null;
    this.fansKey = null;
    /** The reader's table in force: { region, token }; the token is part of every state's key. */
    this.uploaded = null;
    this.playing = null;
    this.lastInputAt = null;
    /** @type {import('./figure.js').ChartFigure[]} */
    this.figures = all('figure[data-explorer]', this.root);
    this.latest = null;
    /** Whether the counties' comparison is near the reader's view: only then does a redraw during input project the 17 counties. */
    this.nearCounties = false;
    /** The comparison was left out of a redraw and must be drawn when it comes near. */
    this.countiesStale = false;
    /** The prefecture's charts out of sight that a redraw during input left for after its frame. */
    this.later = new Set();
    /** @type {() => void} */
    this.settle = () => {};
    /** Resolves once the charts carry a state's full intervals (or its run has failed): the first state's, on a cold load. */
    this.settled = new Promise((resolve) => {
      this.settle = () => resolve(undefined);
    });
  }

  /**
   * Starts the explorer on `query`: the workers (`workers`, from
   * spawnWorkers, or new ones) get the module, and the first state is drawn.
   */
  async start(query, workers = spawnWorkers(Promise.resolve(this.module))) {
    this.setQuery(query);
    this.draw = workers.draw;
    this.sim = workers.sim;
    await workers.ready;
    // The static drawings are of the default state: another state must not show them, even briefly.
    const isDefault = [...new URLSearchParams(this.parsed.query).keys()].every((k) => k === 'lang' || k === 'a11y' || k === 'theme');
    for (const fig of this.figures) {
      if (!isDefault) fig.querySelector('.chart-body[data-static]')?.replaceChildren();
      skeleton(fig, fig.dataset.explorer, (format) => this.downloadFigure(fig, format), (button) => fig.chart && this.page.embed(fig.dataset.explorer, fig.chart.title, button));
    }
    this.build();
    this.wire();
    // The first state's intervals are computed alongside its first drawing,
    // each worker on its own core, rather than after it.
    this.scheduleSim();
    await this.render();
  }

  /** Reads a query: the state, its notices, and the controls' values. */
  setQuery(query) {
    this.parsed = this.core.state(query, this.uploaded?.token);
    this.params = new URLSearchParams(this.parsed.query);
    this.values = Object.fromEntries(this.parsed.values);
    this.presetValues = Object.fromEntries(this.parsed.presetValues);
    return this.parsed.notices;
  }

  get state() {
    return this.parsed.state;
  }

  /** The query as the page's URL should carry it, with the page's lang and a11y. */
  query() {
    const p = new URLSearchParams(this.params);
    p.set('lang', this.page.lang());
    if (this.page.large()) p.set('a11y', 'large');
    else p.delete('a11y');
    return p.toString();
  }

  /** Applies a change of parameters: canonical state, URL, redraw. */
  change(edit, only = []) {
    edit(this.params);
    this.setQuery(this.query());
    this.page.onState(this.parsed.query);
    this.syncControls();
    this.render(only);
  }

  // ---------------------------------------------------------------- controls

  /** @param {string} selector @returns {HTMLInputElement} */
  input(selector) {
    return /** @type {HTMLInputElement} */ (this.root.querySelector(selector));
  }

  /** @param {string} selector @returns {HTMLSelectElement} */
  select(selector) {
    return /** @type {HTMLSelectElement} */ (this.root.querySelector(selector));
  }

  /** @param {string} selector @returns {HTMLButtonElement} */
  button(selector) {
    return /** @type {HTMLButtonElement} */ (this.root.querySelector(selector));
  }

  build() {
    const t = UI[this.page.lang()];
    const c = this.core.controls(this.page.lang());
    this.controls = c;
    const region = this.select('#region');
    region.replaceChildren(...c.regions.map((r) => el('option', { value: r.id, text: r.name })));
    const presets = this.root.querySelector('#presets');
    presets.replaceChildren(
      ...c.presets.map((p) =>
        el('label', { class: 'preset' }, el('input', { type: 'radio', name: 'preset', value: p.id }), el('span', { text: p.name })),
      ),
    );
    const sliders = this.root.querySelector('#sliders');
    sliders.replaceChildren(
      ...c.controls.map((k) => {
        const id = `control-${k.param}`;
        const input = el('input', { type: 'range', id, min: String(k.min), max: String(k.max), step: String(k.step), 'data-param': k.param, 'aria-describedby': `${id}-unit` });
        const reset = el('button', { type: 'button', class: 'reset', 'data-param': k.param });
        return el('div', { class: 'control slider' },
          el('div', { class: 'control-head' },
            el('label', { for: id, text: k.label }),
            el('output', { for: id, id: `${id}-value`, class: 'value' })),
          el('div', { class: 'control-row' }, input, reset),
          el('p', { class: 'unit', id: `${id}-unit`, text: `${t.range(fmt(k.min, k.decimals, this.page.lang()), fmt(k.max, k.decimals, this.page.lang()))} · ${k.unit}` }));
      }),
    );
    for (const id of ['#year', '#county-year']) {
      const year = this.input(id);
      year.min = String(c.years[0]);
      year.max = String(c.years[1]);
      year.step = '1';
    }
    this.select('#county-service').replaceChildren(...c.services.map((v) => el('option', { value: v.id, text: v.name })));
    this.root.querySelector('#county-measures').replaceChildren(
      ...c.measures.map((m) => el('label', { class: 'preset' }, el('input', { type: 'radio', name: 'county-measure', value: m.id }), el('span', { text: m.name }))),
    );
    this.syncControls();
  }

  /** Shows the state in every control. */
  syncControls() {
    const lang = this.page.lang();
    const t = UI[lang];
    const s = this.state;
    const region = this.select('#region');
    if (region.value !== s.region) region.value = s.region;
    for (const r of /** @type {HTMLInputElement[]} */ (all('input[name="preset"]', this.root))) r.checked = r.value === s.scenario.preset;
    for (const k of this.controls.controls) {
      const input = this.input(`#control-${k.param}`);
      const v = this.values[k.param];
      if (Number(input.value) !== v && document.activeElement !== input) input.value = String(v);
      const shown = fmt(v, k.decimals, lang);
      setAttr(input, 'aria-valuetext', `${shown} ${k.unit}`);
      setText(this.root.querySelector(`#control-${k.param}-value`), shown);
      const reset = this.button(`button.reset[data-param="${k.param}"]`);
      const preset = this.presetValues[k.param];
      const changed = Math.abs(v - preset) > 1e-9;
      if (reset.disabled === changed) reset.disabled = !changed;
      setText(reset, t.reset);
      setAttr(reset, 'aria-label', t.resetOne(k.label, fmt(preset, k.decimals, lang)));
    }
    const year = this.input('#year');
    if (year.value !== String(s.year)) year.value = String(s.year);
    setAttr(year, 'aria-valuetext', t.yearText(s.year));
    setText(this.root.querySelector('#year-value'), String(s.year));
    const cmp = s.compare;
    const service = this.select('#county-service');
    if (service.value !== cmp.service) service.value = cmp.service;
    for (const r of /** @type {HTMLInputElement[]} */ (all('input[name="county-measure"]', this.root))) {
      r.checked = r.value === cmp.measure;
      // A share of the childcare places is the norm itself, the same in every county.
      r.disabled = r.value === 'share' && cmp.service === 'childcare_places_4_5';
    }
    const cyear = this.input('#county-year');
    if (cyear.value !== String(cmp.year)) cyear.value = String(cmp.year);
    setAttr(cyear, 'aria-valuetext', t.yearText(cmp.year));
    setText(this.root.querySelector('#county-year-value'), String(cmp.year));
    const play = this.root.querySelector('#play');
    setText(play, this.playing ? t.pause : t.play);
    setAttr(play, 'aria-pressed', String(Boolean(this.playing)));
  }

  wire() {
    const root = this.root;
    const region = this.select('#region');
    region.addEventListener('change', () => this.change((p) => p.set('region', region.value)));
    root.querySelector('#presets').addEventListener('change', (e) => {
      if (!(e.target instanceof HTMLInputElement) || e.target.name !== 'preset') return;
      const preset = e.target.value;
      // A preset brings its own values: the overrides go.
      this.change((p) => {
        for (const k of this.controls.controls) p.delete(k.param);
        p.set('scenario', preset);
      });
    });
    for (const k of this.controls.controls) {
      const input = this.input(`#control-${k.param}`);
      input.addEventListener('input', (e) => {
        this.lastInputAt = e.timeStamp;
        this.change((p) => p.set(k.param, input.value));
      });
      // W3C slider pattern: Page Up/Down move by a larger step (native
      // ranges do arrows, Home and End).
      input.addEventListener('keydown', (/** @type {KeyboardEvent} */ e) => {
        if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
        e.preventDefault();
        const v = Math.min(k.max, Math.max(k.min, Number(input.value) + (e.key === 'PageUp' ? k.bigStep : -k.bigStep)));
        input.value = String(v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      root.querySelector(`button.reset[data-param="${k.param}"]`).addEventListener('click', () => {
        this.change((p) => p.delete(k.param));
        input.focus();
      });
    }
    root.querySelector('#reset-all').addEventListener('click', () =>
      this.change((p) => {
        for (const k of this.controls.controls) p.delete(k.param);
      }),
    );
    const year = this.input('#year');
    year.addEventListener('input', (e) => {
      this.lastInputAt = e.timeStamp;
      this.change((p) => p.set('year', year.value), ['pyramid']);
    });
    year.addEventListener('keydown', (/** @type {KeyboardEvent} */ e) => {
      if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
      e.preventDefault();
      year.value = String(Math.min(2050, Math.max(2020, Number(year.value) + (e.key === 'PageUp' ? 5 : -5))));
      year.dispatchEvent(new Event('input', { bubbles: true }));
    });
    root.querySelector('#play').addEventListener('click', () => (this.playing ? this.stop() : this.play()));
    // The comparison's controls redraw its charts alone: the projections stay.
    const service = this.select('#county-service');
    service.addEventListener('change', () => this.change((p) => p.set('county_service', service.value), COUNTY_IDS));
    root.querySelector('#county-measures').addEventListener('change', (e) => {
      if (!(e.target instanceof HTMLInputElement) || e.target.name !== 'county-measure') return;
      const measure = e.target.value;
      this.change((p) => p.set('county_measure', measure), COUNTY_IDS);
    });
    const cyear = this.input('#county-year');
    cyear.addEventListener('input', (e) => {
      this.lastInputAt = e.timeStamp;
      this.change((p) => p.set('county_year', cyear.value), COUNTY_IDS);
    });
    cyear.addEventListener('keydown', (/** @type {KeyboardEvent} */ e) => {
      if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
      e.preventDefault();
      cyear.value = String(Math.min(2050, Math.max(2020, Number(cyear.value) + (e.key === 'PageUp' ? 5 : -5))));
      cyear.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Which charts are near the reader's view (within half a screen): during input only those are
    // drawn before the next frame, and the 17 counties are projected only when their comparison is.
    const near = new IntersectionObserver((entries) => {
      for (const e of entries) e.target.toggleAttribute('data-near', e.isIntersecting);
      this.nearCounties = this.figures.some((f) => COUNTY_IDS.includes(f.dataset.explorer) && f.hasAttribute('data-near'));
      if (this.nearCounties && this.countiesStale) this.render(COUNTY_IDS);
    }, { rootMargin: '50% 0px' });
    for (const f of this.figures) near.observe(f);
    // Printing shows every chart: the comparison too, if a redraw left it behind.
    window.addEventListener('beforeprint', () => this.countiesStale && this.render(COUNTY_IDS));
    const file = this.input('#upload-file');
    file.addEventListener('change', () => this.upload(file));
    root.querySelector('#upload-clear').addEventListener('click', () => this.clearUpload());
    root.querySelector('#upload-template').addEventListener('click', async () => {
      const csv = await this.draw.call('baseCsv', { region: this.state.region, lang: this.page.lang() });
      download(`liangshan-base-2020-${this.state.region}.csv`, csv);
    });
    root.querySelector('#tracker-csv').addEventListener('click', () => {
      if (this.tracker) download(`liangshan-targets-${this.page.lang()}.csv`, this.core.tableCsv(this.tracker.table));
    });
    const ro = new ResizeObserver(() => {
      const w = this.width();
      if (w && w !== this.drawnWidth) this.render();
    });
    ro.observe(this.figures[0]);
  }

  /** Plays the pyramid through the years; never starts by itself. With reduced motion it moves in five-year steps, slowly. */
  play() {
    const step = reducedMotion.matches ? 5 : 1;
    const every = reducedMotion.matches ? 1500 : 300;
    if (this.state.year >= 2050) this.change((p) => p.set('year', '2020'), ['pyramid']);
    this.playing = setInterval(() => {
      const next = Math.min(2050, this.state.year + step);
      this.change((p) => p.set('year', String(next)), ['pyramid']);
      if (next >= 2050) this.stop();
    }, every);
    this.syncControls();
  }

  stop() {
    clearInterval(this.playing);
    this.playing = null;
    this.syncControls();
  }

  // ---------------------------------------------------------------- drawing

  width() {
    // The figure's own width: laid out even while its contents are skipped off screen.
    return Math.round(this.figures[0].clientWidth);
  }

  /**
   * Asks for a redraw; while one is in flight only the latest request
   * waits. Resolves when no redraw is left to do.
   */
  render(only = []) {
    const req = this.request(only, this.lastInputAt);
    this.lastInputAt = null;
    if (this.inflight) {
      // A full redraw is never narrowed by a later partial one; partial ones add up.
      const full = (this.pending && this.pending.only.length === 0) || only.length === 0;
      this.pending = { ...req, only: full ? [] : [...new Set([...(this.pending?.only ?? []), ...only])] };
      return this.idle;
    }
    this.inflight = true;
    this.root.dataset.busy = 'true';
    this.idle = this.loop(req);
    return this.idle;
  }

  /** A redraw of the current state at the current width: `only` those charts (all if empty), for the input at `inputAt` (if any). */
  request(only, inputAt = null) {
    return { query: this.parsed.query, width: this.width() || 320, theme: this.page.theme(), only, inputAt };
  }

  async loop(first) {
    let req = first;
    while (req) {
      try {
        let out;
        let ms;
        if (req.inputAt != null && !req.only.some((id) => COUNTY_IDS.includes(id))) {
          // While a control moves, the prefecture's charts in sight are drawn by the page's own
          // core at once, so that they show in the frame that paints the input (a worker's answer
          // comes a frame later). The worker draws the others after that frame: those out of
          // sight, and the counties' comparison if it is near (if not, when it comes near or
          // with the redraw the intervals bring: its 17 projections never run on the page).
          const all = req.only.length === 0;
          const prefecture = this.figures.map((f) => f.dataset.explorer).filter((id) => !COUNTY_IDS.includes(id));
          const near = new Set(this.figures.filter((f) => f.hasAttribute('data-near')).map((f) => f.dataset.explorer));
          const later = all ? [...prefecture.filter((id) => !near.has(id)), ...(this.nearCounties ? COUNTY_IDS : [])] : [];
          const t0 = performance.now();
          const skip = /** @type {import('./pkg/liangshan_pop.js').ChartId[]} */ (all ? [...later, ...COUNTY_IDS] : []);
          out = this.core.render(req.query, req.width, req.theme, req.only, skip);
          ms = performance.now() - t0;
          if (all && !this.nearCounties) this.countiesStale = true;
          for (const id of later) this.later.add(id);
        } else {
          out = JSON.parse(await this.draw.call('render', { query: req.query, width: req.width, theme: req.theme, only: req.only, skip: [] }));
          ms = this.draw.lastMs;
          if (req.only.length === 0 || COUNTY_IDS.every((id) => req.only.includes(id))) this.countiesStale = false;
        }
        for (const chart of out.charts) this.later.delete(chart.id);
        this.place(out, req, ms);
        this.drawnWidth = req.width;
      } catch (e) {
        // The reader gets words, and always a way back; the details go to the console.
        console.error(e);
        const t = UI[this.page.lang()];
        this.page.notice([this.uploaded ? t.projectionFailedUpload : t.projectionFailed]);
        this.placeOrigin();
      }
      req = this.pending;
      this.pending = null;
      if (!req && this.later.size) {
        // After the frame that shows the charts in sight, unless the reader moves again meanwhile.
        await nextFrame();
        req = this.pending ?? this.request([...this.later]);
        this.pending = null;
      }
    }
    this.inflight = false;
    // For tests and screenshot services: what is drawn, and a counter of redraws.
    delete this.root.dataset.busy;
    this.root.dataset.drawn = this.parsed.key;
    this.root.dataset.drawnAt = String((Number(this.root.dataset.drawnAt) || 0) + 1);
    this.markIntervals();
    this.root.dispatchEvent(new CustomEvent('liangshan:explorer-drawn', { bubbles: true }));
    this.scheduleSim();
  }

  /**
   * The probabilistic runs of the latest state: the first at once and in
   * full; after that a quick run at once, so that the charts a drag passes
   * through carry intervals, and the full run when the input has rested. A
   * state's full run is started once, whatever comes back.
   */
  scheduleSim() {
    const key = this.parsed.key;
    if (this.simFor === key) return;
    if (this.fansKey === null || this.restedFor === key) {
      this.simulate(true);
      return;
    }
    if (this.quickFor !== key) this.simulate(false);
    if (this.simTimerKey !== key) {
      clearTimeout(this.simTimer);
      this.simTimerKey = key;
      this.simTimer = setTimeout(() => {
        this.restedFor = key;
        if (key === this.parsed.key) this.simulate(true);
      }, SIM_IDLE_MS);
    }
  }

  /**
   * `data-intervals`: "true" once the charts drawn carry the state's intervals
   * from the full run, "quick" while they carry the quick run's, "failed" if
   * its full run failed.
   */
  markIntervals() {
    const key = this.parsed.key;
    const drawn = Boolean(this.latest && this.latest.intervals && this.latest.key === key);
    const intervals = drawn && this.fullFor === key ? 'true' : drawn ? 'quick' : this.simFailed === key ? 'failed' : 'false';
    this.root.dataset.intervals = intervals;
    if (intervals === 'true' || intervals === 'failed') this.settle();
  }

  /** Puts a redraw in the page; `ms`: the core's time for it (in the worker or on the page). */
  place(out, req, ms) {
    const placing = performance.now();
    const t = UI[this.page.lang()];
    const svgs = svgNodes(out.charts.map((c) => c.svg));
    out.charts.forEach((chart, i) => {
      const fig = this.figures.find((f) => f.dataset.explorer === chart.id);
      if (fig) placeChart(fig, chart, t, true, svgs[i]);
    });
    if (out.headline) this.placeHeadline(out.headline);
    if (out.tracker) {
      this.tracker = out.tracker;
      this.latest = out;
      this.placeTracker(out.tracker);
      this.placeOrigin();
    }
    if (req.inputAt != null) {
      // Input to the next frame painted, and the core's share of it: what the benchmark reads.
      const start = req.inputAt;
      performance.measure('liangshan:place', { start: placing, end: performance.now() });
      performance.measure('liangshan:placed', { start, end: performance.now() });
      requestAnimationFrame(() => {
        const end = performance.now();
        performance.measure('liangshan:redraw', { start, end });
        performance.measure('liangshan:core', { start: end - ms, end });
      });
    }
    if (!performance.getEntriesByName('liangshan:projection-drawn').length) performance.mark('liangshan:projection-drawn');
  }

  /** The projection's key figures beside the controls, updated in place. */
  placeHeadline(items) {
    const dl = this.root.querySelector('#headline');
    if (dl.children.length !== items.length * 2) {
      dl.replaceChildren(...items.flatMap(() => [el('dt'), el('dd')]));
    }
    items.forEach((h, i) => {
      setText(dl.children[2 * i], h.label);
      setText(dl.children[2 * i + 1], h.value);
    });
  }

  placeTracker(tracker) {
    const t = UI[this.page.lang()];
    const table = /** @type {HTMLTableElement} */ (this.root.querySelector('#tracker-table'));
    const body = table.tBodies[0];
    const sameShape = body && body.rows.length === tracker.table.rows.length && table.tHead.rows[0].cells.length === tracker.table.columns.length;
    if (sameShape && table.caption.textContent === tracker.caption && table.tHead.textContent === tracker.table.columns.join('')) {
      // While a slider moves only numbers and verdicts change: update them in place.
      tracker.table.rows.forEach((r, i) => {
        const cells = body.rows[i].cells;
        r.forEach((v, j) => setText(cells[j], v));
        setAttr(cells[6], 'data-status', tracker.statuses[i]);
      });
      setText(this.root.querySelector('#tracker-note'), tracker.intervals ? t.trackerIntervals(fmt(this.fansTrajectories, 0, this.page.lang()), this.fansBases) : t.trackerPending);
      return;
    }
    fillTable(table, tracker.table, tracker.caption);
    const verdictCol = 6;
    [...table.tBodies[0].rows].forEach((row, i) => {
      row.cells[verdictCol].dataset.status = tracker.statuses[i];
      // On a phone each row shows as a card, each cell with its column's name.
      [...row.cells].forEach((cell, j) => cell.setAttribute('data-label', tracker.table.columns[j]));
    });
    // Explicit roles: display changes on a phone must not drop the table's semantics.
    table.setAttribute('role', 'table');
    for (const g of table.querySelectorAll('thead, tbody')) g.setAttribute('role', 'rowgroup');
    for (const r of table.querySelectorAll('tr')) r.setAttribute('role', 'row');
    for (const c of table.querySelectorAll('thead th')) c.setAttribute('role', 'columnheader');
    for (const c of table.querySelectorAll('tbody th')) c.setAttribute('role', 'rowheader');
    for (const c of table.querySelectorAll('td')) c.setAttribute('role', 'cell');
    this.root.querySelector('#tracker-note').textContent = tracker.intervals ? t.trackerIntervals(fmt(this.fansTrajectories, 0, this.page.lang()), this.fansBases) : t.trackerPending;
  }

  /** Whose base population the charts show, and the way back to the estimate whenever a table is in force. */
  placeOrigin() {
    const uploaded = this.uploaded?.region ?? null;
    const t = UI[this.page.lang()];
    const names = Object.fromEntries(this.controls.regions.map((r) => [r.id, r.name]));
    const mine = uploaded === this.state.region;
    const banner = this.root.querySelector('#explorer-origin');
    banner.textContent = mine ? t.originUser(names[uploaded]) : t.originEstimate + (uploaded ? ` ${t.originUserElsewhere(names[uploaded])}` : '');
    banner.classList.toggle('user-data', mine);
    this.button('#upload-clear').hidden = !uploaded;
  }

  /**
   * Runs the probabilistic projection for the latest state when the worker
   * is free: in full (`full`), or the quick run's first trajectories.
   */
  async simulate(full) {
    const key = this.parsed.key;
    if (this.simBusy || this.simFor === key || (!full && this.quickFor === key)) return;
    this.simBusy = true;
    if (full) this.simFor = key;
    this.quickFor = key;
    const status = this.root.querySelector('#explorer-status');
    if (full) status.textContent = UI[this.page.lang()].computingIntervals;
    const trajectories = full ? TRAJECTORIES : QUICK_TRAJECTORIES;
    try {
      const fans = await this.sim.call('simulate', { query: this.parsed.query, trajectories });
      // Both workers and the page key a state the same way (the upload's token included):
      // fans of another state are a bug, said rather than asked for again.
      if (fans.key !== key) throw new Error(`intervals of another state: ${fans.key.slice(0, 120)}`);
      await this.draw.call('setFans', { fans });
      // The page's own core draws the charts in sight during input: it holds the same fans.
      this.core.setFans(fans);
      this.fansKey = fans.key;
      this.fansTrajectories = trajectories;
      // The tracker's: the prefecture's (0 when its base is the reader's table).
      this.fansBases = fans.bases;
      this.fullFor = full ? key : null;
      if (key === this.parsed.key) {
        if (full) status.textContent = UI[this.page.lang()].intervalsReady;
        this.render();
      }
    } catch (e) {
      console.error(e);
      if (full) {
        this.simFailed = key;
        if (key === this.parsed.key) {
          status.textContent = UI[this.page.lang()].intervalsFailed;
          this.markIntervals();
        }
      }
    }
    this.simBusy = false;
    if (this.simFor !== this.parsed.key && !this.inflight) this.scheduleSim();
  }

  async downloadFigure(fig, format) {
    if (!fig.chart) return;
    await downloadChart(fig.chart, format, this.page.lang(), format === 'csv' ? this.core.tableCsv(fig.chart.table) : null);
  }

  // ---------------------------------------------------------------- uploads

  async upload(input) {
    const t = UI[this.page.lang()];
    const file = input.files && input.files[0];
    const status = this.root.querySelector('#upload-status');
    const list = this.root.querySelector('#upload-problems');
    list.replaceChildren();
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      status.textContent = t.uploadTooBig(Math.ceil(file.size / 1000), MAX_UPLOAD_BYTES / 1000);
      input.value = '';
      return;
    }
    // Bytes, not text: the core tells UTF-8, UTF-16 and GBK apart.
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      status.textContent = t.uploadUnreadable;
      return;
    }
    const region = this.state.region;
    const lang = this.page.lang();
    try {
      const res = await this.draw.call('upload', { bytes, region, lang });
      if (!res.ok) {
        status.textContent = t.uploadRejected(res.problems.length);
        list.replaceChildren(...res.problems.map((text) => el('li', { text })));
        input.value = '';
        return;
      }
      // The probabilistic worker reads the same bytes: the same table, the same token.
      const mirrored = await this.sim.call('upload', { bytes, region, lang });
      // And the page's own core, which draws the charts in sight during input.
      const own = this.core.upload(bytes, region, lang);
      if (!mirrored.ok || mirrored.token !== res.token || !own.ok || own.token !== res.token) throw new Error('the workers and the page read the file differently');
      this.uploaded = { region, token: res.token };
      status.textContent = res.message;
      list.replaceChildren(...res.notes.map((text) => el('li', { class: 'note', text })));
    } catch (e) {
      console.error(e);
      await Promise.allSettled([this.draw.call('clearUpload'), this.sim.call('clearUpload'), Promise.resolve().then(() => this.core.clearUpload())]);
      this.uploaded = null;
      status.textContent = t.uploadUnreadable;
      input.value = '';
    }
    this.setQuery(this.query());
    this.placeOrigin();
    await this.render();
  }

  async clearUpload() {
    this.core.clearUpload();
    await Promise.all([this.draw.call('clearUpload'), this.sim.call('clearUpload')]);
    this.uploaded = null;
    this.root.querySelector('#upload-status').textContent = UI[this.page.lang()].uploadCleared;
    this.root.querySelector('#upload-problems').replaceChildren();
    this.input('#upload-file').value = '';
    this.setQuery(this.query());
    this.placeOrigin();
    await this.render();
  }

  // ---------------------------------------------------------------- language

  /** Redraws everything in the page's current language and size. */
  relabel() {
    this.setQuery(this.query());
    this.root.querySelector('#explorer-status').textContent = this.simBusy ? UI[this.page.lang()].computingIntervals : '';
    this.build();
    this.renderMethods();
    return this.render();
  }

  renderMethods() {
    const lang = this.page.lang();
    const t = UI[lang];
    const m = this.core.methods(lang);
    const f = m.figures;
    const body = document.getElementById('methods-body');
    body.replaceChildren(
      ...t.methods({
        tfr: fmt(f.tfr2020, 2, lang),
        migration: fmt(f.netMigrationPerYear, 0, lang),
        e0f: fmt(f.e0Female, 2, lang),
        e0m: fmt(f.e0Male, 2, lang),
        births: fmt(f.births2020, 0, lang),
        met: f.constraintsMet,
        n: f.constraints,
        trajectories: fmt(TRAJECTORIES, 0, lang),
        u: { ...f.uncertainty, migrationSd: fmt(f.uncertainty.migrationSd, 0, lang) },
        bases: fmt(f.baseDraws, 0, lang),
        tilt: fmt(f.tiltSd, 1, lang),
        plan: f.plan,
        srb: f.srb,
        e0: fmt(f.e0In2020, 2, lang),
        imr: fmt(f.imr2020, 2, lang),
        variant: fmt(f.tfrVariant, 1, lang),
        xichang: fmt(Math.round(f.xichangNetMigrationPerYear / 1000) * 1000, 0, lang),
        undercount: fmt(f.cohort0To14Excess, 1, lang),
      }).map(([tag, text]) => el(tag, { text })),
    );
    fillTable(document.getElementById('fit-table'), m.fit, t.fitCaption);
    this.renderHindcast();
    const decomposition = /** @type {HTMLDetailsElement} */ (document.getElementById('decomposition'));
    const words = this.core.decompositionWords(lang);
    setText(decomposition.querySelector('summary'), words.summary);
    setText(decomposition.querySelector('p'), words.note);
    decomposition.hidden = false;
    if (!decomposition.dataset.wired) {
      decomposition.dataset.wired = 'true';
      decomposition.addEventListener('toggle', () => decomposition.open && this.fillDecomposition());
    }
    if (decomposition.open) this.fillDecomposition();
  }

  /**
   * The split of the headline intervals between base and rates: about a
   * second of the simulation worker's time, asked for when the reader
   * opens it (the worker keeps the numbers; another language is words only).
   */
  async fillDecomposition() {
    const lang = this.page.lang();
    const table = /** @type {HTMLTableElement} */ (document.getElementById('decomposition-table'));
    if (table.dataset.lang === lang) return;
    table.dataset.lang = lang;
    table.setAttribute('aria-busy', 'true');
    try {
      const data = await this.sim.call('decomposition', { lang });
      // A later language fills it again.
      if (this.page.lang() === lang) fillTable(table, data, this.core.decompositionWords(lang).caption);
    } catch (e) {
      console.error(e);
      delete table.dataset.lang;
      this.page.notice([UI[lang].projectionFailed]);
    } finally {
      table.removeAttribute('aria-busy');
    }
  }

  /** The methods section's hindcast, drawn by the core for its box's width (again when the box changes). */
  renderHindcast() {
    const fig = /** @type {import('./figure.js').ChartFigure | null} */ (document.querySelector('figure[data-methods="hindcast"]'));
    if (!fig) return;
    if (!fig.querySelector('.chart-body')) {
      skeleton(fig, 'hindcast', (format) => fig.chart && downloadChart(fig.chart, format, this.page.lang(), format === 'csv' ? this.core.tableCsv(fig.chart.table) : null));
      new ResizeObserver(() => {
        const w = Math.round(fig.clientWidth);
        if (w && String(w) !== fig.dataset.width) this.renderHindcast();
      }).observe(fig);
    }
    const lang = this.page.lang();
    const width = Math.round(fig.clientWidth) || 320;
    placeChart(fig, this.core.hindcastChart(width, lang, this.page.theme(), this.page.large()), UI[lang]);
    fig.dataset.width = String(width);
  }
}
