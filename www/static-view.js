// The build's static views, for a first view without the wasm core: key
// figures and every chart in its default state, one file per language,
// colour scheme and layout (www/charts/static-{zh,en}[-dark][-wide].json,
// written by `liangshan-pop prerender --view`): drawn for a phone's chart
// box (360 px), or for a wide screen's (the plan's charts 1080 px, the
// explorer's 711 px beside its controls). The page and the embed show them
// where they are what the reader needs, until the core draws. A phone's
// view has the explorer's captions only: their drawings are a file apart
// (static-{zh,en}[-dark]-explorer.json), fetched when the reader nears them.
import { svgNodes, setText } from './figure.js';

/** The widest chart box the phone's static drawings serve. */
export const STATIC_MAX_WIDTH = 480;

/**
 * A wide screen's static drawings: the width of its plan chart boxes (the
 * build's --width; the explorer's are drawn for their own boxes), and the
 * narrowest plan box they serve (scaled down to at most 85%).
 */
export const WIDE = { plan: 1080, min: 920 };

/**
 * The static view that fits a plan chart box `width` px wide: a phone's,
 * a wide screen's, or none (between them the core draws).
 * @param {number} width
 * @returns {'phone' | 'wide' | null}
 */
export function staticFit(width) {
  if (width > 0 && width <= STATIC_MAX_WIDTH) return 'phone';
  if (width >= WIDE.min && width <= WIDE.plan) return 'wide';
  return null;
}

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
/** @type {Record<string, URL>} */
const FILES = {
  zh: new URL('./charts/static-zh.json', import.meta.url),
  en: new URL('./charts/static-en.json', import.meta.url),
  'zh-dark': new URL('./charts/static-zh-dark.json', import.meta.url),
  'en-dark': new URL('./charts/static-en-dark.json', import.meta.url),
  'zh-explorer': new URL('./charts/static-zh-explorer.json', import.meta.url),
  'en-explorer': new URL('./charts/static-en-explorer.json', import.meta.url),
  'zh-dark-explorer': new URL('./charts/static-zh-dark-explorer.json', import.meta.url),
  'en-dark-explorer': new URL('./charts/static-en-dark-explorer.json', import.meta.url),
  'zh-wide': new URL('./charts/static-zh-wide.json', import.meta.url),
  'en-wide': new URL('./charts/static-en-wide.json', import.meta.url),
  'zh-dark-wide': new URL('./charts/static-zh-dark-wide.json', import.meta.url),
  'en-dark-wide': new URL('./charts/static-en-dark-wide.json', import.meta.url),
};

const views = new Map();

/**
 * The static view in `lang` and `theme` for a phone or a wide screen,
 * fetched once (a failed fetch may be tried again).
 * @param {'zh' | 'en'} lang
 * @param {'light' | 'dark'} theme
 * @param {'phone' | 'wide'} [fit]
 */
export function staticView(lang, theme, fit = 'phone') {
  return fetched(`${lang}${theme === 'dark' ? '-dark' : ''}${fit === 'wide' ? '-wide' : ''}`);
}

/**
 * The explorer's drawings of a phone's static view in `lang` and `theme`
 * (`{charts: [{id, svg}]}`), fetched once.
 * @param {'zh' | 'en'} lang
 * @param {'light' | 'dark'} theme
 */
export function staticExplorer(lang, theme) {
  return fetched(`${lang}${theme === 'dark' ? '-dark' : ''}-explorer`);
}

/** @param {string} name */
function fetched(name) {
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
