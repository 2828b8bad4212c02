// One chart of the page for an iframe: `embed.html?chart=ID&...` with the
// page's state parameters (checked by the core). It tells its parent its
// height whenever it changes:
//   { type: 'liangshan:embed-size', chart, height }   (see www/embed-resizer.js)
//   { sentinel: 'amp', type: 'embed-size', height }     (AMP's amp-iframe)
// and says when it is drawn: <html data-ready="true"> and a `liangshan:ready`
// event on the root element (`data-ready="error"` and `liangshan:error` if not).
import init, { renderChart, chartCsv, explorerState, explorerRender, explorerSetFans, tableCsv } from './pkg/liangshan_pop.js';
import { el, skeleton, placeChart, downloadChart, PROJECTION_IDS as PROJECTION } from './figure.js';
import { Channel } from './channel.js';
import { UI } from './i18n.js';

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

async function main() {
  const { state, notices, query } = await start();
  const t = UI[state.lang];
  const id = state.chart ?? 'resident-registered';
  const theme = state.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  root.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  root.classList.toggle('a11y-large', state.large);
  if (state.theme) root.classList.add(`theme-${state.theme}`);
  notice(notices.map((n) => n[state.lang]));

  // The chosen chart's static drawing is the figure; the others go.
  const set = document.querySelector('.static-set');
  let fig = set.querySelector(`figure[data-chart="${id}"]`);
  const isDefault = [...new URLSearchParams(query).keys()].every((k) => ['lang', 'a11y', 'theme', 'chart'].includes(k)) && state.lang === 'zh';
  for (const other of set.querySelectorAll('figure')) if (other !== fig) other.remove();
  fig.classList.remove('static');
  fig.removeAttribute('id');
  if (!isDefault) fig.querySelector('.chart-body[data-static]')?.replaceChildren();
  let current = null;
  skeleton(fig, `embed-${id}`, (format) => current && downloadChart(current, format, state.lang, format === 'csv' ? (PROJECTION.has(id) ? tableCsv(current.table) : chartCsv(id, state.lang)) : null));

  const full = new URL('index.html', location.href);
  full.search = new URLSearchParams([...new URLSearchParams(query)].filter(([k]) => k !== 'chart')).toString();
  full.hash = PROJECTION.has(id) ? 'explorer' : '';
  const link = document.getElementById('full-page');
  link.href = full.href;
  link.textContent = t.embedFullPage;

  const draw = (fans) => {
    const width = Math.round(fig.clientWidth) || 320;
    if (PROJECTION.has(id)) {
      if (fans) explorerSetFans(fans);
      current = explorerRender(query, width, theme, [id]).charts[0];
    } else {
      current = renderChart(id, width, state.lang, theme, state.large);
    }
    placeChart(fig, current, t, true);
    fig.dataset.width = String(width);
  };
  draw(null);
  new ResizeObserver(() => {
    if (String(Math.round(fig.clientWidth)) !== fig.dataset.width) draw(null);
    postHeight(id);
  }).observe(document.documentElement);
  postHeight(id);
  root.dataset.ready = 'true';
  root.dispatchEvent(new CustomEvent('liangshan:ready'));

  // The fans of a projection chart come from a worker, without blocking.
  if (['projected-population', 'projected-ageing', 'projected-working-age', 'projected-dependency', 'projected-births-deaths'].includes(id)) {
    const worker = new Channel(new URL('./worker.js', import.meta.url));
    await worker.call('init', { module: start.module });
    draw(await worker.call('simulate', { query, trajectories: 1000 }));
    worker.worker.terminate();
    root.dataset.intervals = 'true';
  }
}

/** Loads the core and reads the state (once). */
async function start() {
  start.module = await WebAssembly.compileStreaming(fetch(new URL('./pkg/liangshan_pop_bg.wasm', import.meta.url)));
  await init({ module_or_path: start.module });
  return explorerState(location.search);
}

main().catch((e) => {
  console.error(e);
  notice([`${UI.zh.failed} ${UI.en.failed}`]);
  root.dataset.ready = 'error';
  root.dispatchEvent(new CustomEvent('liangshan:error', { detail: String(e && e.message) }));
});
