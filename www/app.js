// The page: reads its state from the URL (checked by the core), asks the
// wasm core for figures, charts and the audit, and places them; the
// projection explorer runs in workers (explorer.js). Rust computes; this
// file only places results and wires controls. Nothing from the URL or a
// file is ever inserted as HTML: text goes in through textContent, and SVG
// (drawn and escaped by Rust) through DOMParser.
//
// Static first: the build writes the default view into index.html (key
// figures and every chart, drawn for a phone's width, in Chinese and light
// colours), and the same view in English and in dark colours, and for a
// wide screen's chart boxes, as files (static-view.js). Where such a view
// is the one the reader needs (no state in the URL but the language, the
// chart boxes of a phone or of a wide screen) the core is not loaded until
// the reader comes near the explorer or asks for something only it can do;
// elsewhere it loads at once.
import { el, all, skeleton, placeChart, labelActions, fillTable, download, downloadChart, svgNodes } from './figure.js';
import { staticFit, staticState, staticView, staticExplorer, placeStatic } from './static-view.js';
import { UI, FAILED, failedWords, words, coreWords } from './i18n.js';
import { fmtUpTo } from './format.js';

/** The core, once loaded. @type {import('./pkg/liangshan_pop.js').Core | null} */
let core = null;
let upgrading = null;
const root = document.documentElement;
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

/**
 * The page's own state: language, 适老化 mode, colour theme. The explorer keeps the rest.
 * @type {{ lang: import('./pkg/liangshan_pop.js').Lang, large: boolean, theme: import('./pkg/liangshan_pop.js').Theme, themeFixed?: boolean, printing: boolean }}
 */
const state = { lang: 'zh', large: false, theme: darkQuery.matches ? 'dark' : 'light', printing: false };
let explorer = null;
let notices = [];
/** The first view is the build's static one (`data-core` tells when the core has drawn). */
let staticFirst = false;

let urlTimer = null;
let urlPending = null;

/**
 * Puts the state in the URL. While a slider is dragged the URL follows at
 * most every 250 ms (browsers throttle history updates), always ending on
 * the last state; a single action (`now`) writes at once.
 */
function writeUrl(query, now = false) {
  urlPending = query;
  if (now) clearTimeout(urlTimer);
  else if (urlTimer) return;
  const flush = () => {
    urlTimer = null;
    if (urlPending === null) return;
    const url = new URL(location.href);
    url.search = urlPending;
    urlPending = null;
    history.replaceState(null, '', url);
    urlTimer = setTimeout(flush, 250);
  };
  flush();
}

/** The page's state as its URL carries it (the explorer's, with language and size). */
function pageQuery() {
  return explorer ? explorer.parsed.query : new URLSearchParams(location.search).toString();
}

/** The embed dialog's module, loaded (and its buttons wired) the first time a reader asks for it. */
let embedDialog = null;

/** Opens the embed dialog for chart `id` (see embed-dialog.js). */
function openEmbed(id, title, query, lang, button) {
  embedDialog ??= import('./embed-dialog.js').then(
    (m) => {
      m.wireEmbedDialog(() => state.lang);
      return m;
    },
    (e) => {
      embedDialog = null;
      throw e;
    },
  );
  return embedDialog.then((m) => m.openEmbed(id, title, query, lang, button));
}

function setNotice(lines) {
  const n = document.getElementById('notice');
  n.replaceChildren(...lines.map((text) => el('p', { class: 'warning', text })));
}

function showNotices() {
  setNotice(notices.map((n) => n[state.lang]));
}

function applyStaticText() {
  const t = UI[state.lang];
  root.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  root.classList.toggle('a11y-large', state.large);
  document.title = t.docTitle;
  for (const node of all('[data-i18n]')) {
    const v = t[node.dataset.i18n];
    if (typeof v === 'string') node.textContent = v;
  }
  for (const node of all('[data-i18n-label]')) node.setAttribute('aria-label', t[node.dataset.i18nLabel]);
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = t.toggle;
  toggle.lang = t.toggleLang === 'zh' ? 'zh-CN' : 'en';
  document.getElementById('a11y-toggle').setAttribute('aria-pressed', String(state.large));
  for (const fig of document.querySelectorAll('figure[data-chart]')) labelActions(fig, t);
}

function renderKeyFigures() {
  placeKeyFigures(core.keyFigures(state.lang));
}

function placeKeyFigures(figures) {
  document.getElementById('key-figures').replaceChildren(
    ...figures.map((f) =>
      el('div', { class: 'figure' },
        el('dt', { text: f.label }),
        el('dd', { class: 'value', text: f.value }),
        el('dd', { class: 'source', title: f.quote, text: f.source })),
    ),
  );
}

function renderFigure(fig) {
  // The figure's own width: laid out even while its contents are skipped off screen.
  const width = Math.round(fig.clientWidth) || 320;
  const theme = state.printing ? 'light' : state.theme;
  placeChart(fig, core.renderChart(fig.dataset.chart, width, state.lang, theme, state.large), UI[state.lang]);
  fig.dataset.width = String(width);
}

function renderAudit() {
  const t = UI[state.lang];
  const checks = core.audit(state.lang);
  const bad = checks.filter((c) => c.verdict === 'disagrees');
  document.getElementById('audit-summary').textContent = t.auditSummary(checks.length, checks.length - bad.length, bad.length);
  document.getElementById('audit-disagreements').replaceChildren(
    ...bad.map((c) =>
      el('li', {},
        el('p', { class: 'claim', text: `✗ ${c.claim}` }),
        el('p', { class: 'numbers', text: `${t.published} ${c.publishedText} · ${t.recomputed} ${fmtUpTo(c.recomputed, Math.abs(c.recomputed) >= 1000 ? 0 : 2, state.lang)}` }),
        el('p', { class: 'method', text: state.lang === 'zh' ? `${c.method}（${c.source}）` : `${c.method} (${c.source})` })),
    ),
  );
  document.getElementById('audit-observations').replaceChildren(
    ...core.observations(state.lang).map((o) => el('li', {}, el('p', { text: o.text }), el('p', { class: 'method', text: o.source }))),
  );
  fillTable(document.getElementById('audit-table'), core.auditTable(state.lang), t.auditHeading);
}

function renderCharts() {
  for (const fig of document.querySelectorAll('figure[data-chart]')) renderFigure(fig);
}

function renderAll() {
  applyStaticText();
  renderKeyFigures();
  renderCharts();
  renderAudit();
}

function watchWidths() {
  const ro = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const fig = /** @type {HTMLElement} */ (entry.target);
      const w = Math.round(entry.contentRect.width);
      if (fig && w > 0 && String(w) !== fig.dataset.width) requestAnimationFrame(() => renderFigure(fig));
    }
  });
  for (const fig of document.querySelectorAll('figure[data-chart]')) ro.observe(fig);
}

/** The URL first (at once), then the explorer's redraw in the new language or size. */
function redrawExplorer() {
  if (!explorer) return;
  explorer.setQuery(explorer.query());
  writeUrl(explorer.parsed.query, true);
  explorer.relabel();
}

/** Runs `fn` with the core, loading it first if the page is still static. */
function withCore(fn) {
  return (...args) => {
    if (core) return fn(...args);
    upgrade(true).then((ok) => ok && fn(...args));
  };
}

let redrawFrame = 0;
let redrawAgain = false;

function redrawAll() {
  renderAll();
  showNotices();
  redrawExplorer();
}

/**
 * Redraws for a new language or text size: at once for the first toggle,
 * and at most once more per frame for any that follow (a reader's double
 * click, a script's fifty), in the state they leave.
 */
function redrawSoon() {
  if (redrawFrame) {
    redrawAgain = true;
    return;
  }
  redrawAll();
  const settle = () => {
    redrawFrame = 0;
    if (!redrawAgain) return;
    redrawAgain = false;
    redrawAll();
    redrawFrame = requestAnimationFrame(settle);
  };
  redrawFrame = requestAnimationFrame(settle);
}

function wireControls() {
  // The language last asked for, while its words load: quick clicks
  // toggle from it, and only the last one switches.
  let wanted = null;
  document.getElementById('lang-toggle').addEventListener('click', async () => {
    const next = (wanted ?? state.lang) === 'zh' ? 'en' : 'zh';
    wanted = next;
    try {
      await words(next);
    } catch (e) {
      console.warn(e);
      if (wanted === next) wanted = null;
      return void setNotice([FAILED[state.lang]]);
    }
    if (wanted !== next) return;
    wanted = null;
    if (state.lang === next) return;
    state.lang = next;
    applyStaticText();
    if (!core) return void showStaticView(true);
    redrawSoon();
  });
  document.getElementById('a11y-toggle').addEventListener('click', () => {
    state.large = !state.large;
    applyStaticText();
    if (!core) return void upgrade(true);
    redrawSoon();
  });
  document.getElementById('audit-csv').addEventListener('click', withCore(() => download(`liangshan-audit-${state.lang}.csv`, core.auditCsv(state.lang))));
  darkQuery.addEventListener('change', (e) => {
    if (state.themeFixed) return;
    state.theme = e.matches ? 'dark' : 'light';
    if (!core) return void showStaticView();
    renderCharts();
    explorer?.render();
    explorer?.renderHindcast();
  });
  // Print on paper: light charts, whatever the screen's theme (the static ones are light).
  window.addEventListener('beforeprint', () => {
    state.printing = true;
    if (!core) return;
    renderCharts();
    explorer?.render();
    explorer?.renderHindcast();
  });
  window.addEventListener('afterprint', () => {
    state.printing = false;
    if (!core) return;
    renderCharts();
    explorer?.render();
    explorer?.renderHindcast();
  });
}

/** The plan's first chart box, whose width picks the static view. */
const planBox = () => document.querySelector('figure[data-chart] .chart-body');

/**
 * Which static view the page shows, while it shows one.
 * @type {'phone' | 'wide' | null}
 */
let fit = null;

/**
 * Whether the build's static view is what this reader needs first: no
 * state in the URL but the language, and chart boxes of a phone's width
 * or a wide screen's. Its language then comes from the URL and its
 * colours from the system.
 */
function staticViewLang() {
  const body = planBox();
  fit = body ? staticFit(body.clientWidth) : null;
  return fit ? (staticState(location.search, ['lang'])?.lang ?? null) : null;
}

/** Whether the reader has come near the explorer: its static drawings are then wanted. */
let explorerNear = false;

/**
 * Puts a phone's static explorer drawings into the figures a static view
 * left empty (they come apart from it), unless the core has drawn them.
 */
async function showExplorerDrawings() {
  const empty = () => [...document.querySelectorAll('figure[data-explorer] .chart-body')].filter((b) => !b.firstChild);
  if (core || fit !== 'phone' || !empty().length) return;
  const { lang, theme } = state;
  let drawings;
  try {
    drawings = await staticExplorer(lang, theme);
  } catch (e) {
    return void console.warn(e);
  }
  if (core || lang !== state.lang || theme !== state.theme) return;
  const nodes = svgNodes(drawings.charts.map((c) => c.svg));
  drawings.charts.forEach((c, i) => {
    const body = document.querySelector(`figure[data-explorer="${c.id}"] .chart-body`);
    if (body && !body.firstChild) body.replaceChildren(nodes[i]);
  });
}

/** The inline view (Chinese, light), kept while another shows. */
let inlineView = null;
let viewRequest = 0;

/**
 * Shows the build's static view in the reader's language and colours (the
 * inline one, or a file of the build) and keeps the language in the URL.
 * Without it (a failed fetch) the core draws instead. `asked`: by the
 * reader.
 */
async function showStaticView(asked = false) {
  const request = ++viewRequest;
  inlineView ??= {
    keyFigures: [...document.getElementById('key-figures').childNodes],
    charts: [...document.querySelectorAll('figure[data-chart], figure[data-explorer]')].map((fig) => ({
      fig,
      title: fig.querySelector('.chart-title').textContent,
      summary: fig.querySelector('.chart-summary').textContent,
      source: fig.querySelector('.chart-source').textContent,
      body: [...fig.querySelector('.chart-body').childNodes],
    })),
  };
  const inline = state.lang === 'zh' && state.theme === 'light' && fit === 'phone';
  let view = null;
  try {
    if (!inline) view = await staticView(state.lang, state.theme, fit ?? 'phone');
  } catch (e) {
    console.warn(e);
    return void upgrade(asked);
  }
  // A later toggle or the core may have come first.
  if (request !== viewRequest || core) return;
  if (view) {
    placeKeyFigures(view.keyFigures);
    const drawn = view.charts.filter((c) => c.svg);
    const drawings = svgNodes(drawn.map((c) => c.svg));
    view.charts.forEach((c) => {
      const fig = document.querySelector(`figure[data-chart="${c.id}"], figure[data-explorer="${c.id}"]`);
      // A phone's explorer drawings come apart (an empty body until then).
      if (fig) placeStatic(fig, c, c.svg ? [drawings[drawn.indexOf(c)]] : []);
    });
    if (explorerNear) showExplorerDrawings();
  } else {
    document.getElementById('key-figures').replaceChildren(...inlineView.keyFigures);
    for (const c of inlineView.charts) placeStatic(c.fig, c, c.body);
  }
  const url = new URL(location.href);
  url.search = state.lang === 'en' ? '?lang=en' : '';
  history.replaceState(null, '', url);
}

/** The sections only the core draws. */
const CORE_SECTIONS = '#explorer, #audit, #methods';

/** Whether the explorer is within a screen of the reader's view. */
function explorerInView() {
  const box = document.getElementById('explorer').getBoundingClientRect();
  return box.bottom > -innerHeight && box.top < 2 * innerHeight;
}

/** Whether the page was opened at what only the core draws (a link to #explorer, say). */
function openedAtCore() {
  try {
    return Boolean(document.getElementById(decodeURIComponent(location.hash.slice(1)))?.closest(CORE_SECTIONS));
  } catch {
    return false; // not an id the page could have ("#%E0")
  }
}

/**
 * While the view is static: the core loads when the reader comes within a
 * screen of what only it draws (explorer, tracker, audit, methods), opens a
 * chart's data, or the charts' box leaves the widths the static drawings
 * serve.
 */
function watchForCore() {
  const io = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      io.disconnect();
      explorerNear = true;
      showExplorerDrawings();
      upgrade();
    }
  }, { rootMargin: '100% 0px' });
  for (const section of all(CORE_SECTIONS)) io.observe(section);
  const ro = new ResizeObserver((entries) => {
    if (entries.some((e) => staticFit(e.contentRect.width) !== fit)) {
      ro.disconnect();
      upgrade();
    }
  });
  ro.observe(planBox());
  document.addEventListener('toggle', (e) => {
    if (!core && e.target instanceof HTMLDetailsElement && e.target.matches('details.chart-data') && e.target.open) upgrade(true);
  }, true);
}

/**
 * Loads the core (once) and draws everything with it: figures, charts,
 * audit, explorer. `asked`: the reader is waiting for it, so say so.
 * Resolves to whether the core runs.
 */
function upgrade(asked = false) {
  if (asked && !core) setNotice([UI[state.lang].loadingCore]);
  upgrading ??= startCore();
  return upgrading;
}

async function startCore() {
  try {
    // The words of what only the core draws come with it.
    // The module is fetched as soon as its loader is here, while the
    // explorer's script and the core's words come.
    const loader = import('./core.js');
    const compiled = loader.then(({ compileCore }) => compileCore());
    // The explorer's workers load their scripts while the module downloads
    // and compiles; compiled once, they get the same module and start on
    // the state the page opens with (a static view's state is the default).
    const started = import('./channel.js').then(({ spawnWorkers }) => spawnWorkers(compiled, staticFirst ? '' : location.search));
    // The page builds its own core in a task of its own after the workers
    // have been handed the module: until the page's thread is free, a
    // worker that is starting does not get its messages.
    const loading = loader.then(({ loadCore }) =>
      compiled.then(async (module) => {
        await started;
        await new Promise((resolve) => setTimeout(resolve, 0));
        return loadCore(module);
      }),
    );
    // Said below, once awaited.
    compiled.catch(() => {});
    loading.catch(() => {});
    started.catch(() => {});
    const [{ Explorer, inTasks }] = await Promise.all([import('./explorer.js'), coreWords(state.lang)]);
    const workers = await started;
    const loaded = await loading;
    core = loaded.core;
    // A static view has no state in its URL; the reader may have changed language or size since.
    const changed = new URLSearchParams();
    if (state.lang !== 'zh') changed.set('lang', state.lang);
    if (state.large) changed.set('a11y', 'large');
    const parsed = core.state(staticFirst ? changed.toString() : location.search);
    state.lang = parsed.state.lang;
    state.large = parsed.state.large;
    await words(state.lang);
    if (parsed.state.theme) {
      // A theme in the URL wins over the system's.
      state.theme = parsed.state.theme;
      state.themeFixed = true;
      root.classList.add(`theme-${state.theme}`);
    }
    notices = parsed.notices;
    applyStaticText();
    showNotices();
    explorer = new Explorer(
      {
        lang: () => state.lang,
        large: () => state.large,
        theme: () => (state.printing ? 'light' : state.theme),
        onState: writeUrl,
        notice: (lines) => setNotice(lines),
        embed: (id, title, button) => openEmbed(id, title, pageQuery(), state.lang, button),
      },
      loaded,
    );
    // The plan's charts are drawn a chart per task while the workers start
    // (a static view's drawings stay until replaced by the same); watched
    // for width after, so that the first observation of each is no change.
    // Where the reader is at the explorer, they wait for its first
    // intervals: the page's thread serves those first (its answers from
    // the workers, its drawings).
    const figs = /** @type {HTMLElement[]} */ (all('figure[data-chart]'));
    const rest = [renderKeyFigures, ...figs.map((fig) => () => renderFigure(fig)), renderAudit];
    const drawn = (explorerInView() ? explorer.settled.then(() => inTasks(rest)) : inTasks(rest)).then(() => {
      performance.mark('liangshan:charts-drawn');
      watchWidths();
    });
    await Promise.all([explorer.start(parsed.query, workers), drawn]);
    explorer.renderMethods();
    writeUrl(parsed.query, true);
    root.dataset.core = 'ready';
    return true;
  } catch (e) {
    console.error(e);
    setNotice([failedWords(e)[state.lang]]);
    root.dataset.core = 'error';
    root.dispatchEvent(new CustomEvent('liangshan:error', { detail: String(e && e.message) }));
    return false;
  }
}

async function main() {
  for (const fig of /** @type {import('./figure.js').ChartFigure[]} */ (all('figure[data-chart]'))) {
    // The page's own markup names the chart; the core checks it all the same.
    const id = /** @type {import('./pkg/liangshan_pop.js').ChartId} */ (fig.dataset.chart);
    skeleton(
      fig,
      id,
      withCore((format) => fig.chart && downloadChart(fig.chart, format, state.lang, format === 'csv' ? core.chartCsv(id, state.lang) : null)),
      withCore((button) => fig.chart && openEmbed(id, fig.chart.title, pageQuery(), state.lang, button)),
    );
  }
  const staticLang = staticViewLang();
  staticFirst = staticLang !== null;
  if (staticLang) state.lang = staticLang;
  // Opened there, the core loads at once, alongside the words and the static view.
  if (staticFirst && openedAtCore()) {
    explorerNear = true;
    upgrade();
  }
  try {
    await words(state.lang);
  } catch (e) {
    console.error(e);
    setNotice([FAILED[state.lang]]);
    root.dataset.ready = 'error';
    return;
  }
  applyStaticText();
  wireControls();
  if (staticFirst) {
    // The core may come (near the explorer) while the static view does.
    watchForCore();
    if (staticLang !== 'zh' || state.theme !== 'light' || fit !== 'phone') await showStaticView();
  } else if (!(await upgrade())) {
    root.dataset.ready = 'error';
    return;
  }
  root.dataset.ready = 'true';
  root.dispatchEvent(new CustomEvent('liangshan:ready'));
}

main();
