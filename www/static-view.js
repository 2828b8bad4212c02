// The build's static views, for a first view without the wasm core: key
// figures and every chart in its default state, drawn for a phone's width
// (360 px), one file per language and colour scheme
// (www/charts/static-{zh,en}[-dark].json, written by
// `liangshan-pop prerender --view`). The page and the embed show them
// where they are what the reader needs, until the core draws.
import { svgNodes, setText } from './figure.js';

/** The widest chart box the static drawings serve. */
export const STATIC_MAX_WIDTH = 480;

/**
 * The one decision whether a query can be shown from the build's static
 * drawings or needs the core: it may hold only the parameters in
 * `allowed`, each once, with values the build drew: a language, a theme,
 * and a chart among `charts` (the plan's; the projection charts' fans come
 * from the core). The width is the caller's to check (STATIC_MAX_WIDTH).
 * @param {string} search a query string
 * @param {string[]} allowed
 * @param {(id: string) => boolean} [drawn] whether the build drew chart `id` statically
 * @returns {{ lang: 'zh' | 'en', theme: 'light' | 'dark' | null, chart: string, query: string } | null}
 */
export function staticState(search, allowed, drawn = () => false) {
  const p = new URLSearchParams(search);
  const keys = [...p.keys()];
  if (!keys.every((k) => allowed.includes(k)) || keys.length !== new Set(keys).size) return null;
  const lang = p.get('lang') ?? 'zh';
  const asked = p.get('theme');
  const theme = asked === 'light' || asked === 'dark' ? asked : null;
  const chart = p.get('chart') ?? 'resident-registered';
  if ((lang !== 'zh' && lang !== 'en') || (asked !== null && theme === null)) return null;
  if (allowed.includes('chart') && !drawn(chart)) return null;
  return { lang, theme, chart, query: p.toString() };
}

// Written out so that the build can give each file its content's name.
const FILES = {
  zh: new URL('./charts/static-zh.json', import.meta.url),
  en: new URL('./charts/static-en.json', import.meta.url),
  'zh-dark': new URL('./charts/static-zh-dark.json', import.meta.url),
  'en-dark': new URL('./charts/static-en-dark.json', import.meta.url),
};

const views = new Map();

/** The static view in `lang` and `theme`, fetched once (a failed fetch may be tried again). */
export function staticView(lang, theme) {
  const name = `${lang}${theme === 'dark' ? '-dark' : ''}`;
  if (!views.has(name)) {
    const view = fetch(FILES[name]).then((r) => {
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
