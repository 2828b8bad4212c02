// <liangshan-chart chart="pyramid" year="2030" lang="en"></liangshan-chart>
// loaded with one module script from this site:
//   <script type="module" src="https://HOST/www/liangshan-chart.js"></script>
//
// Draws one chart into its Shadow DOM (the host page's CSS cannot reach it,
// and it cannot reach the host page), loads the wasm core only when the
// element comes near the screen, and falls back to the iframe embed when
// the host page's Content-Security-Policy forbids WebAssembly. Attributes are
// the page's URL parameters (chart, lang, theme, a11y, scenario, region,
// year, tfr2030, tfr2050, e0_2030, e0_2050, migration, srb), checked by the
// core against the same allow-list and ranges; a bad value is corrected and
// said. Nothing from an attribute is ever inserted as HTML. The element sets
// `data-ready="true"` (or `"error"`) and fires `liangshan:ready` (or
// `liangshan:error`) when drawn. Projection charts are drawn without their
// uncertainty fan (a worker cannot start across origins); the iframe has it.

import { svgNodes, followEmbedHeight, PROJECTION_IDS as PROJECTION } from './figure.js';
import { FAILED, failedWords } from './i18n.js';

const SITE = new URL('../', import.meta.url);
/** How long the element waits for the core to load and draw before it says it could not. */
const LOAD_TIMEOUT_MS = 30000;
const ATTRIBUTES = ['chart', 'lang', 'theme', 'a11y', 'scenario', 'region', 'year', 'tfr2030', 'tfr2050', 'e0_2030', 'e0_2050', 'migration', 'srb', 'county_service', 'county_measure', 'county_year'];

const CSS = `
:host { all: initial !important; display: block !important; contain: content; font-size: 16px !important; }
:host([hidden]) { display: none !important; }
.frame { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #fff; padding: 8px; text-align: left; }
.frame.dark { color: #f0f0f0; background: #121212; }
.frame.large { font-size: 22px; }
figure { margin: 0; }
h3 { font-size: 1.1em; margin: 0 0 .25em; font-weight: 700; }
p { margin: 0 0 .5em; }
.summary { font-size: .95em; }
.body svg { display: block; width: 100%; height: auto; }
.source, .notes { font-size: .8em; color: #555; }
.dark .source, .dark .notes { color: #b8b8b8; }
.notes { padding-left: 1.2em; margin: .25em 0; }
.warning { background: #fff4e0; color: #6b3d00; border-left: 4px solid #e69f00; padding: .25em .5em; }
a { color: #005a8c; }
.dark a { color: #7cc4f0; }
.loading { min-height: 12em; display: flex; align-items: center; justify-content: center; color: #555; }
iframe { border: 0; width: 100%; display: block; }
`;

/** The core, loaded once for every element of the page (and only when one comes near the screen). */
async function loadCore() {
  const { loadCore: load } = await import('./core.js');
  return (await load()).core;
}

/** Whether the host page lets WebAssembly run (its CSP may not). */
async function wasmAllowed() {
  try {
    // WebKit lets a page without 'wasm-unsafe-eval' compile and refuses only
    // the instantiation: the probe does both.
    await WebAssembly.instantiate(await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])));
    return true;
  } catch {
    return false;
  }
}

function node(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

class LiangshanChart extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    this.shadow.adoptedStyleSheets = [sheet];
    this.frame = node('div', 'frame');
    this.shadow.append(this.frame);
    /** @type {IntersectionObserver | undefined} Loads the core when the element comes near the screen. */
    this.seen = undefined;
    /** @type {ResizeObserver | undefined} */
    this.resize = undefined;
    this.visible = false;
    this.fellBack = false;
    /** @type {number | undefined} */
    this.drawnWidth = undefined;
  }

  connectedCallback() {
    if (this.frame.childElementCount === 0) this.frame.append(node('div', 'loading', '…'));
    // The core loads only when the element comes near the screen.
    this.seen ??= new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        this.seen.disconnect();
        this.visible = true;
        this.draw();
      }
    }, { rootMargin: '200px' });
    this.seen.observe(this);
    this.resize ??= new ResizeObserver(() => {
      if (this.visible && this.drawnWidth !== Math.round(this.clientWidth)) this.draw();
    });
    this.resize.observe(this);
  }

  disconnectedCallback() {
    this.seen?.disconnect();
    this.resize?.disconnect();
  }

  attributeChangedCallback() {
    if (this.visible) this.draw();
  }

  /** The attributes as a query string, for the core to check. */
  query() {
    const p = new URLSearchParams();
    for (const name of ATTRIBUTES) {
      const v = this.getAttribute(name);
      if (v !== null) p.set(name, v.slice(0, 200));
    }
    if (!p.has('chart')) p.set('chart', 'resident-registered');
    return p.toString();
  }

  async draw() {
    // In its iframe the embed page draws (and resizes) itself.
    if (this.fellBack) return undefined;
    // A host page that has given every object a `then` (Object.prototype.then)
    // turns every awaited result into a "thenable" that never settles: the
    // element cannot load the core in that realm, but the iframe, a realm of
    // its own, can.
    if ('then' in Object.prototype) return this.fallback();
    try {
      // Never waiting forever: a load that has not drawn in time is an error, said.
      await Promise.race([this.drawWithCore(), new Promise((_, fail) => setTimeout(() => fail(new Error('timed out')), LOAD_TIMEOUT_MS))]);
    } catch (e) {
      const said = failedWords(e);
      const text = said === FAILED ? `图表未能加载。The chart could not be drawn. (${String(e && e.message).slice(0, 120)})` : `${said.zh} ${said.en}`;
      this.frame.replaceChildren(node('p', 'warning', text));
      this.dataset.ready = 'error';
      this.dispatchEvent(new CustomEvent('liangshan:error', { bubbles: true, detail: String(e && e.message) }));
    }
    return undefined;
  }

  /** Loads the core (once for the page) and draws the chart into the Shadow DOM. */
  async drawWithCore() {
    if (!(await wasmAllowed())) return this.fallback();
    const core = await loadCore();
    const { state, notices, query } = core.state(this.query(), undefined, true);
    const id = state.chart ?? 'resident-registered';
    const theme = state.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    const width = Math.max(280, Math.round(this.clientWidth) - 16);
    const chart = PROJECTION.has(id) ? core.render(query, width, theme, [id], []).charts[0] : core.renderChart(id, width, state.lang, theme, state.large);
    const body = node('div', 'body');
    body.append(...svgNodes([chart.svg]));
    const link = node('a', '', state.lang === 'zh' ? '在完整页面中查看' : 'See the full page');
    const full = new URL('index.html', SITE);
    full.search = new URLSearchParams([...new URLSearchParams(query)].filter(([k]) => k !== 'chart')).toString();
    link.href = full.href;
    link.target = '_blank';
    link.rel = 'noopener';
    const notes = node('ul', 'notes');
    notes.append(...chart.notes.map((n) => node('li', '', n)));
    const figure = node('figure');
    const caption = node('figcaption');
    caption.append(node('h3', '', chart.title), node('p', 'summary', chart.summary));
    const source = node('p', 'source', chart.source);
    source.append(' · ', link);
    figure.append(caption, body, notes, source);
    this.frame.className = `frame${theme === 'dark' ? ' dark' : ''}${state.large ? ' large' : ''}`;
    this.frame.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    this.frame.replaceChildren(...notices.map((n) => node('p', 'warning', n[state.lang])), figure);
    this.drawnWidth = Math.round(this.clientWidth);
    this.dataset.ready = 'true';
    this.dispatchEvent(new CustomEvent('liangshan:ready', { bubbles: true }));
    return undefined;
  }

  /** The iframe embed, for pages that forbid WebAssembly. */
  fallback() {
    if (this.fellBack) return;
    this.fellBack = true;
    const q = new URLSearchParams(this.query());
    const src = new URL('embed.html', SITE);
    src.search = q.toString();
    src.hash = q.get('chart') ?? '';
    const frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = q.get('lang') === 'en' ? 'Liangshan population chart' : '凉山州人口数据图表';
    frame.loading = 'lazy';
    frame.style.height = '480px';
    followEmbedHeight(frame, SITE.origin, 20000);
    this.frame.replaceChildren(frame);
    this.dataset.ready = 'fallback';
    this.dispatchEvent(new CustomEvent('liangshan:ready', { bubbles: true, detail: 'iframe' }));
  }
}

if (!customElements.get('liangshan-chart')) customElements.define('liangshan-chart', LiangshanChart);
