// The build's static views, for a first view without the wasm core: key
// figures and every chart in its default state, drawn for a phone's width
// (360 px), one file per language and colour scheme
// (www/charts/static-{zh,en}[-dark].json, written by
// `liangshan-pop prerender --view`). The page and the embed show them
// where they are what the reader needs, until the core draws.
import { svgNodes, setText } from './figure.js';

/** The widest chart box the static drawings serve. */
export const STATIC_MAX_WIDTH = 480;

const views = new Map();

/** The static view in `lang` and `theme`, fetched once (a failed fetch may be tried again). */
export function staticView(lang, theme) {
  const name = `static-${lang}${theme === 'dark' ? '-dark' : ''}.json`;
  if (!views.has(name)) {
    const view = fetch(new URL(`./charts/${name}`, import.meta.url)).then((r) => {
      if (!r.ok) throw new Error(`${name}: ${r.status}`);
      return r.json();
    });
    view.catch(() => views.delete(name));
    views.set(name, view);
  }
  return views.get(name);
}

/** Puts a static chart (`title`, `summary`, `source`, drawing `nodes`) into its figure. */
export function placeStatic(fig, chart, nodes) {
  setText(fig.querySelector('.chart-title'), chart.title);
  setText(fig.querySelector('.chart-summary'), chart.summary);
  setText(fig.querySelector('.chart-source'), chart.source);
  fig.querySelector('.chart-body').replaceChildren(...nodes);
}

/** The drawing of chart `id` in a fetched view, as a node ready to place (null if the view has none). */
export function staticDrawing(view, id) {
  const c = view.charts.find((x) => x.id === id);
  return c ? { chart: c, node: svgNodes([c.svg])[0] } : null;
}
