// One chart of the page for an iframe: `embed.html?chart=ID&...` with the
// page's state parameters (checked by the core). It tells its parent its
// height whenever it changes:
//   { type: 'liangshan:embed-size', chart, height }   (see www/embed-resizer.js)
//   { sentinel: 'amp', type: 'embed-size', height }     (AMP's amp-iframe)
// and says when it is drawn: <html data-ready="true"> and a `liangshan:ready`
// event on the root element (`data-ready="error"` and `liangshan:error` if not);
// `data-core="ready"` once the core has drawn it.
//
// Static first: a chart of the plan in its default state (no parameter but
// chart, lang and theme) in a frame at most 480 px wide, as in an article
// read on a phone, is the build's static drawing for a phone's width, with
// no wasm; the core loads when the frame grows or the reader asks for a
// download or the data.
import { el, all, skeleton, placeChart, labelActions, downloadChart, PROJECTION_IDS as PROJECTION } from './figure.js';
import { STATIC_MAX_WIDTH, staticState, staticView, staticDrawing, placeStatic } from './static-view.js';
import { Channel, TRAJECTORIES } from './channel.js';
import { UI, failedWords, words } from './i18n.js';

const root = document.documentElement;

function notice(lines) {
  document.getElementById('notice').replaceChildren(...lines.map((text) => el('p', { class: 'warning', text })));
}

function postHeight(chart) {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  // Only a height and a chart id: nothing of the reader's goes to the host page.
  window.parent.postMessage({ type: 'liangshan:embed-size', chart, height }, '*');
  window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
}

/** The chart's figure, chosen once; the others of the static set go. */
let fig = null;
let id = null;
let current = null;
/** The core, once loaded. @type {import('./pkg/liangshan_pop.js').Core | null} */
let core = null;
let upgrading = null;
/** The build's static drawing shows (until the core draws). */
let staticShown = false;

function choose(chart, lang, query) {
  if (fig) return;
  id = chart;
  const set = document.querySelector('.static-set');
  fig = [...set.querySelectorAll('figure')].find((f) => f.dataset.chart === id);
  for (const other of set.querySelectorAll('figure')) if (other !== fig) other.remove();
  fig.classList.remove('static');
  fig.removeAttribute('id');
  const t = UI[lang];
  skeleton(fig, `embed-${id}`, withCore((format) => current && downloadChart(current, format, lang, format === 'csv' ? (PROJECTION.has(id) ? core.tableCsv(current.table) : core.chartCsv(id, lang)) : null)));
  const full = new URL('index.html', location.href);
  full.search = new URLSearchParams([...new URLSearchParams(query)].filter(([k]) => k !== 'chart')).toString();
  full.hash = PROJECTION.has(id) ? 'explorer' : '';
  const link = /** @type {HTMLAnchorElement} */ (document.getElementById('full-page'));
  link.href = full.href;
  link.textContent = t.embedFullPage;
  root.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

function ready() {
  postHeight(id);
  root.dataset.ready = 'true';
  root.dispatchEvent(new CustomEvent('liangshan:ready'));
}

function withCore(fn) {
  return (...args) => (core ? fn(...args) : upgrade(true).then((ok) => ok && fn(...args)));
}

/** The core did not load or draw: said in both languages, and on the root element. */
function fail(e) {
  console.error(e);
  const said = failedWords(e);
  notice([`${said.zh} ${said.en}`]);
  root.dataset.core = 'error';
  if (root.dataset.ready !== 'true') {
    root.dataset.ready = 'error';
    root.dispatchEvent(new CustomEvent('liangshan:error', { detail: String(e && e.message) }));
  }
  return false;
}

async function main() {
  const isStatic = (chart) => !PROJECTION.has(chart) && all('.static-set figure').some((f) => f.dataset.chart === chart);
  const s = staticState(location.search, ['chart', 'lang', 'theme'], isStatic);
  if (s) {
    await words(s.lang);
    choose(s.chart, s.lang, s.query);
    if (fig.clientWidth <= STATIC_MAX_WIDTH) {
      const theme = s.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
      const drawn = await staticView(s.lang, theme).then((view) => staticDrawing(view, s.chart), () => null);
      if (drawn && !core) {
        if (s.theme) root.classList.add(`theme-${s.theme}`);
        placeStatic(fig, drawn.chart, [drawn.node]);
        staticShown = true;
        labelActions(fig, UI[s.lang]);
        fig.querySelector('details.chart-data').addEventListener('toggle', (e) => e.target.open && upgrade(true), { once: true });
        // Until the core draws; then its own observer follows the frame.
        const ro = new ResizeObserver(() => {
          if (core) return ro.disconnect();
          if (fig.clientWidth > STATIC_MAX_WIDTH) upgrade();
          postHeight(id);
        });
        ro.observe(document.documentElement);
        return ready();
      }
    }
  }
  await upgrade();
}

/**
 * Loads the core (once) and draws the chart with it, at the frame's width,
 * following it. Resolves to whether it did.
 */
function upgrade(asked = false) {
  const t = UI[root.lang === 'en' ? 'en' : 'zh'];
  if (asked && !core && t) notice([t.loadingCore]);
  upgrading ??= drawWithCore().then(() => true, fail);
  return upgrading;
}

async function drawWithCore() {
  const { loadCore } = await import('./core.js');
  const loaded = await loadCore();
  core = loaded.core;
  const { state, notices, query } = core.state(location.search);
  await words(state.lang);
  const t = UI[state.lang];
  const chart = state.chart ?? 'resident-registered';
  const theme = state.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  root.classList.toggle('a11y-large', state.large);
  if (state.theme) root.classList.add(`theme-${state.theme}`);
  notice(notices.map((n) => n[state.lang]));
  choose(chart, state.lang, query);
  // The static drawing is of the default state in Chinese: another must not show it, even briefly.
  const isDefault = [...new URLSearchParams(query).keys()].every((k) => ['lang', 'a11y', 'theme', 'chart'].includes(k)) && state.lang === 'zh';
  if (!isDefault && !staticShown) fig.querySelector('.chart-body[data-static]')?.replaceChildren();

  const draw = (fans) => {
    const width = Math.round(fig.clientWidth) || 320;
    if (PROJECTION.has(id)) {
      if (fans) core.setFans(fans);
      current = core.render(query, width, theme, [id], []).charts[0];
    } else {
      current = core.renderChart(id, width, state.lang, theme, state.large);
    }
    placeChart(fig, current, t, true);
    fig.dataset.width = String(width);
  };
  draw(null);
  new ResizeObserver(() => {
    if (String(Math.round(fig.clientWidth)) !== fig.dataset.width) draw(null);
    postHeight(id);
  }).observe(document.documentElement);
  root.dataset.core = 'ready';
  if (staticShown) postHeight(id);
  else ready();

  // The fans of a projection chart come from a worker, without blocking.
  // (Every projection chart but the pyramid and the urbanisation trend draws a fan.)
  if (PROJECTION.has(id) && id !== 'pyramid' && id !== 'projected-urbanisation') {
    const worker = new Channel(new URL('./worker.js', import.meta.url));
    await worker.call('init', { module: loaded.module });
    draw(await worker.call('simulate', { query, trajectories: TRAJECTORIES }));
    worker.worker.terminate();
    root.dataset.intervals = 'true';
  }
}

main().catch(fail);
