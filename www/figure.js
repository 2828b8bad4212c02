// What every chart figure of the page shares: its parts (caption, chart,
// notes, source, data table, downloads) and how a chart from the core is put
// into them. Text goes in through textContent and SVG (drawn and escaped by
// Rust) through DOMParser: nothing is ever inserted as HTML.

/** The explorer's charts: drawn from a projection (the others from the plan's tables). */
export const PROJECTION_IDS = new Set(['pyramid', 'projected-population', 'projected-ageing', 'projected-working-age', 'projected-dependency', 'projected-births-deaths', 'projected-urbanisation', 'projected-school-ages', 'projected-old-age', 'projected-childcare', 'county-map', 'county-ranked', 'county-groups']);

/** The explorer's charts that compare the 17 counties: drawn when the reader comes near them. */
export const COUNTY_IDS = ['county-map', 'county-ranked', 'county-groups'];

/**
 * Keeps `frame` (an iframe of this site's embed page, from `origin`) as tall
 * as the chart it shows says it is, within `max` pixels.
 */
export function followEmbedHeight(frame, origin, max) {
  window.addEventListener('message', (e) => {
    if (e.source === frame.contentWindow && e.origin === origin && e.data?.type === 'liangshan:embed-size' && Number.isFinite(e.data.height)) {
      frame.style.height = `${Math.min(Math.max(Math.round(e.data.height), 50), max)}px`;
    }
  });
}

export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

/** Sets text only when it changes: no needless style and layout work. */
export function setText(node, value) {
  if (node.textContent !== value) node.textContent = value;
}

export function setAttr(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

const NOT_DRAWING = ':not(svg, title, desc, g, rect, circle, ellipse, line, polyline, polygon, path, text, tspan)';

/**
 * Parses the SVG strings drawn by the core in one go with the HTML parser
 * (several times faster than the XML one, which matters while a slider
 * moves) in an inert document, and checks that only drawing elements came
 * out: no script, image, link or foreign object can reach the page (and
 * the page's Content-Security-Policy refuses inline event handlers).
 */
export function svgNodes(svgTexts) {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${svgTexts.join('')}`, 'text/html');
  const nodes = [...doc.body.children];
  if (nodes.length !== svgTexts.length || nodes.some((n) => n.localName !== 'svg' || n.namespaceURI !== 'http://www.w3.org/2000/svg') || doc.body.querySelector(`svg ${NOT_DRAWING}`)) {
    throw new Error('chart SVG is not a plain drawing');
  }
  return nodes.map((n) => document.adoptNode(n));
}

/**
 * Fills `table` with `data`. A `sortable` table's column headers are
 * buttons that sort its rows (numbers as numbers, "—" last), the order
 * said by `aria-sort`; it is kept when the table is filled again.
 */
export function fillTable(table, data, caption, rowHeader = 0, sortable = false) {
  const head = el('tr', {}, ...data.columns.map((c, i) => {
    if (!sortable) return el('th', { scope: 'col', text: c });
    const b = el('button', { type: 'button', class: 'sort', text: c });
    b.addEventListener('click', () => {
      const dir = table.dataset.sortCol === String(i) && table.dataset.sortDir === 'descending' ? 'ascending' : 'descending';
      sortTable(table, i, dir);
    });
    return el('th', { scope: 'col' }, b);
  }));
  const body = el('tbody', {}, ...data.rows.map((r) => el('tr', {}, ...r.map((c, i) => (i === rowHeader ? el('th', { scope: 'row', text: c }) : el('td', { text: c }))))));
  table.replaceChildren(el('caption', { text: caption }), el('thead', {}, head), body);
  if (sortable && table.dataset.sortCol) sortTable(table, Number(table.dataset.sortCol), table.dataset.sortDir);
}

/** A cell's number ("−1,234", "+5.2%", "40240"), NaN for words and "—". */
function cellNumber(text) {
  const v = text.trim().replace(/[,%\s]/g, '').replace(/^\+/, '').replace(/^−/, '-');
  return v === '' || !/^-?\d/.test(v) ? NaN : Number(v);
}

/**
 * Sorts a table's rows by column `col`, `dir` "ascending" or "descending".
 * @param {HTMLTableElement} table @param {number} col @param {string} dir
 */
function sortTable(table, col, dir) {
  const body = table.tBodies[0];
  if (!body || col >= table.tHead.rows[0].cells.length) return;
  const rows = [...body.rows];
  const numeric = rows.some((r) => !Number.isNaN(cellNumber(r.cells[col].textContent)));
  const sign = dir === 'ascending' ? 1 : -1;
  rows.sort((a, b) => {
    const [x, y] = [a.cells[col].textContent, b.cells[col].textContent];
    if (!numeric) return sign * x.localeCompare(y, document.documentElement.lang || 'zh');
    const [p, q] = [cellNumber(x), cellNumber(y)];
    if (Number.isNaN(p) || Number.isNaN(q)) return Number.isNaN(p) ? (Number.isNaN(q) ? 0 : 1) : -1;
    return sign * (p - q);
  });
  body.append(...rows);
  table.dataset.sortCol = String(col);
  table.dataset.sortDir = dir;
  [...table.tHead.rows[0].cells].forEach((th, i) => (i === col ? th.setAttribute('aria-sort', dir) : th.removeAttribute('aria-sort')));
}

/** Saves `blob` as `filename`. */
export function saveBlob(filename, blob) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function download(filename, text, type = 'text/csv;charset=utf-8') {
  saveBlob(filename, new Blob([text], { type }));
}

/** The SVG drawn at twice its size on a canvas, as PNG (fonts: the reader's own). */
export function svgToPng(svgText, width, height) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const scale = 2;
      const canvas = el('canvas', { width: String(width * scale), height: String(height * scale) });
      const ctx = canvas.getContext('2d');
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('SVG did not load as an image'));
    };
    img.src = url;
  });
}

/**
 * Builds the parts of a figure once; `placeChart` fills them. `actions`
 * gets the chart's last drawing to download: ({ chart, format }).
 */
export function skeleton(fig, id, onDownload, onEmbed = null) {
  const prerendered = fig.querySelector('.chart-body[data-static]');
  if (fig.querySelector('.chart-body') && !prerendered) return;
  const buttons = ['csv', 'svg', 'png'].map((format) => {
    const b = el('button', { type: 'button', class: 'download', 'data-format': format });
    b.addEventListener('click', () => onDownload(format));
    return b;
  });
  const details = el('details', { class: 'chart-data' }, el('summary'), el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': `${id}-heading` }, el('table')));
  // Tables of the explorer change on every redraw: filled when opened.
  details.addEventListener('toggle', () => {
    if (details.open && fig.pendingTable) fillFigureTable(fig);
  });
  if (onEmbed) {
    const b = el('button', { type: 'button', class: 'download embed', 'data-format': 'embed', 'aria-haspopup': 'dialog' });
    b.addEventListener('click', () => onEmbed(b));
    buttons.push(b);
  }
  const actions = el('div', { class: 'chart-actions' }, details, ...buttons);
  if (prerendered) {
    // The build's static drawing stays until the core draws this one.
    prerendered.removeAttribute('data-static');
    fig.querySelector('.chart-title').id = `${id}-heading`;
    fig.querySelector('.chart-source').before(el('ul', { class: 'chart-notes' }));
    fig.append(actions);
  } else {
    fig.append(
      el('figcaption', {}, el('h3', { class: 'chart-title', id: `${id}-heading` }), el('p', { class: 'chart-summary' })),
      el('div', { class: 'chart-body' }),
      el('ul', { class: 'chart-notes' }),
      el('p', { class: 'chart-source' }),
      actions,
    );
  }
  fig.setAttribute('aria-labelledby', `${id}-heading`);
}

function fillFigureTable(fig) {
  const { table, title } = fig.pendingTable;
  fig.pendingTable = null;
  fillTable(fig.querySelector('table'), table, title, 1 < table.columns.length && /^(序号|No\.)$/.test(table.columns[0]) ? 1 : 0, fig.hasAttribute('data-sortable'));
}

/** Labels a figure's data table and buttons in the reader's language. */
export function labelActions(fig, t) {
  setText(fig.querySelector('.chart-data summary'), t.showData);
  for (const b of fig.querySelectorAll('button.download')) setText(b, t.download[b.dataset.format]);
}

/**
 * Puts a chart from the core into its figure. With `lazyTable` the data
 * table is filled when it is opened (the explorer redraws on every input).
 */
/**
 * A figure of the page, with the chart last placed in it.
 * @typedef {HTMLElement & { chart?: import('./pkg/liangshan_pop.js').Chart }} ChartFigure
 */

/**
 * All elements under `root` matching `selector`, as the HTML elements (of type `T`) the page knows them to be.
 * @template {Element} [T=HTMLElement]
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {T[]}
 */
export function all(selector, root = document) {
  return /** @type {T[]} */ ([...root.querySelectorAll(selector)]);
}

export function placeChart(fig, chart, t, lazyTable = false, svg = null) {
  setText(fig.querySelector('.chart-title'), chart.title);
  setText(fig.querySelector('.chart-summary'), chart.summary);
  setText(fig.querySelector('.chart-source'), chart.source);
  const notes = fig.querySelector('.chart-notes');
  if (notes.textContent !== chart.notes.join('')) notes.replaceChildren(...chart.notes.map((n) => el('li', { text: n })));
  labelActions(fig, t);
  fig.querySelector('.chart-body').replaceChildren(svg ?? svgNodes([chart.svg])[0]);
  fig.chart = chart;
  fig.pendingTable = { table: chart.table, title: chart.title };
  if (!lazyTable || fig.querySelector('details.chart-data').open) fillFigureTable(fig);
}

/** Downloads a figure's chart as CSV, SVG or PNG. */
export async function downloadChart(chart, format, lang, csvText) {
  const name = `liangshan-${chart.id}-${lang}`;
  if (format === 'csv') download(`${name}.csv`, csvText);
  else if (format === 'svg') download(`${name}.svg`, chart.svg, 'image/svg+xml');
  else saveBlob(`${name}.png`, await svgToPng(chart.svg, chart.width, chart.height));
}
