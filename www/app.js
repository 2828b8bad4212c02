// The page: reads its state from the URL, asks the wasm core for figures,
// charts and the audit, and places them. Rust computes; this file only
// places results and wires controls. Nothing from the URL is ever inserted
// as HTML: text goes in through textContent, and SVG (drawn and escaped by
// Rust) through DOMParser.
import init, { renderChart, chartCsv, keyFigures, audit, auditTable, auditCsv, observations } from './pkg/liangshan_pop.js';
import { UI } from './i18n.js';

const root = document.documentElement;
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

/** The page's state: language, 适老化 mode, colour theme. */
const state = { lang: 'zh', large: false, theme: darkQuery.matches ? 'dark' : 'light', printing: false };

/**
 * Reads ?lang= and ?a11y= from the URL. Unknown parameters are ignored;
 * known ones with bad values fall back to the default with a notice.
 */
function readUrl() {
  const params = new URLSearchParams(location.search);
  const bad = [];
  const lang = params.get('lang');
  if (lang === 'zh' || lang === 'en') state.lang = lang;
  else if (lang !== null && lang !== '') bad.push(['lang', lang]);
  const a11y = params.get('a11y');
  if (a11y === 'large') state.large = true;
  else if (a11y !== null && a11y !== '' && a11y !== 'off') bad.push(['a11y', a11y]);
  return bad;
}

function writeUrl() {
  const url = new URL(location.href);
  url.searchParams.set('lang', state.lang);
  if (state.large) url.searchParams.set('a11y', 'large');
  else url.searchParams.delete('a11y');
  history.replaceState(null, '', url);
}

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function setNotice(lines) {
  const n = document.getElementById('notice');
  n.replaceChildren(...lines.map((text) => el('p', { class: 'warning', text })));
}

function applyStaticText() {
  const t = UI[state.lang];
  root.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  root.classList.toggle('a11y-large', state.large);
  document.title = t.docTitle;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const v = t[node.dataset.i18n];
    if (typeof v === 'string') node.textContent = v;
  }
  for (const node of document.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t[node.dataset.i18nLabel]);
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = t.toggle;
  toggle.lang = t.toggleLang === 'zh' ? 'zh-CN' : 'en';
  document.getElementById('a11y-toggle').setAttribute('aria-pressed', String(state.large));
}

function renderKeyFigures() {
  document.getElementById('key-figures').replaceChildren(
    ...keyFigures(state.lang).map((f) =>
      el('div', { class: 'figure' },
        el('dt', { text: f.label }),
        el('dd', { class: 'value', text: f.value }),
        el('dd', { class: 'source', title: f.quote, text: f.source })),
    ),
  );
}

/** Parses an SVG string drawn by the core into a node, without innerHTML. */
function svgNode(svgText) {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  if (doc.querySelector('parsererror')) throw new Error('chart SVG did not parse');
  return document.importNode(doc.documentElement, true);
}

function fillTable(table, data, caption, rowHeader = 0) {
  const head = el('thead', {}, el('tr', {}, ...data.columns.map((c) => el('th', { scope: 'col', text: c }))));
  const body = el('tbody', {}, ...data.rows.map((r) => el('tr', {}, ...r.map((c, i) => (i === rowHeader ? el('th', { scope: 'row', text: c }) : el('td', { text: c }))))));
  table.replaceChildren(el('caption', { text: caption }), head, body);
}

function download(filename, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Builds the parts of a figure once; rendering fills them. */
function skeleton(fig) {
  if (fig.querySelector('.chart-body')) return;
  const id = fig.dataset.chart;
  const button = el('button', { type: 'button', class: 'download' });
  button.addEventListener('click', () => download(`liangshan-${id}-${state.lang}.csv`, chartCsv(id, state.lang)));
  fig.append(
    el('figcaption', {}, el('h3', { class: 'chart-title', id: `${id}-heading` }), el('p', { class: 'chart-summary' })),
    el('div', { class: 'chart-body' }),
    el('ul', { class: 'chart-notes' }),
    el('p', { class: 'chart-source' }),
    el('div', { class: 'chart-actions' },
      el('details', { class: 'chart-data' }, el('summary'), el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': `${id}-heading` }, el('table'))),
      button),
  );
  fig.setAttribute('aria-labelledby', `${id}-heading`);
}

function renderFigure(fig) {
  const t = UI[state.lang];
  const body = fig.querySelector('.chart-body');
  const width = Math.round(body.clientWidth) || 320;
  const theme = state.printing ? 'light' : state.theme;
  const chart = renderChart(fig.dataset.chart, width, state.lang, theme, state.large);
  fig.querySelector('.chart-title').textContent = chart.title;
  fig.querySelector('.chart-summary').textContent = chart.summary;
  fig.querySelector('.chart-source').textContent = chart.source;
  fig.querySelector('.chart-notes').replaceChildren(...chart.notes.map((n) => el('li', { text: n })));
  fig.querySelector('.chart-data summary').textContent = t.showData;
  fig.querySelector('.download').textContent = t.downloadCsv;
  body.replaceChildren(svgNode(chart.svg));
  fig.dataset.width = String(width);
  fillTable(fig.querySelector('table'), chart.table, chart.title, 1 < chart.table.columns.length && /^(序号|No\.)$/.test(chart.table.columns[0]) ? 1 : 0);
}

function renderAudit() {
  const t = UI[state.lang];
  const checks = audit(state.lang);
  const bad = checks.filter((c) => c.verdict === 'disagrees');
  document.getElementById('audit-summary').textContent = t.auditSummary(checks.length, checks.length - bad.length, bad.length);
  document.getElementById('audit-disagreements').replaceChildren(
    ...bad.map((c) =>
      el('li', {},
        el('p', { class: 'claim', text: `✗ ${c.claim}` }),
        el('p', { class: 'numbers', text: `${t.published} ${c.published_text} · ${t.recomputed} ${fmt(c.recomputed)}` }),
        el('p', { class: 'method', text: state.lang === 'zh' ? `${c.method}（${c.source}）` : `${c.method} (${c.source})` })),
    ),
  );
  document.getElementById('audit-observations').replaceChildren(
    ...observations(state.lang).map((o) => el('li', {}, el('p', { text: o.text }), el('p', { class: 'method', text: o.source }))),
  );
  fillTable(document.getElementById('audit-table'), auditTable(state.lang), t.auditHeading);
}

function fmt(x) {
  return x.toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: Math.abs(x) >= 1000 ? 0 : 2, useGrouping: state.lang === 'en' });
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
      const fig = entry.target.closest('figure[data-chart]');
      const w = Math.round(entry.contentRect.width);
      if (fig && w > 0 && String(w) !== fig.dataset.width) requestAnimationFrame(() => renderFigure(fig));
    }
  });
  for (const body of document.querySelectorAll('figure[data-chart] .chart-body')) ro.observe(body);
}

function wireControls() {
  document.getElementById('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    writeUrl();
    setNotice([]);
    renderAll();
  });
  document.getElementById('a11y-toggle').addEventListener('click', () => {
    state.large = !state.large;
    writeUrl();
    applyStaticText();
    renderCharts();
  });
  document.getElementById('audit-csv').addEventListener('click', () => download(`liangshan-audit-${state.lang}.csv`, auditCsv(state.lang)));
  darkQuery.addEventListener('change', (e) => {
    state.theme = e.matches ? 'dark' : 'light';
    renderCharts();
  });
  // Print on paper: light charts, whatever the screen's theme.
  window.addEventListener('beforeprint', () => {
    state.printing = true;
    renderCharts();
  });
  window.addEventListener('afterprint', () => {
    state.printing = false;
    renderCharts();
  });
}

async function main() {
  const bad = readUrl();
  try {
    await init();
    for (const fig of document.querySelectorAll('figure[data-chart]')) skeleton(fig);
    renderAll();
    setNotice(bad.map(([name, value]) => UI[state.lang].badParam(name, value.slice(0, 40))));
    wireControls();
    watchWidths();
    root.dataset.ready = 'true';
    root.dispatchEvent(new CustomEvent('liangshan:ready'));
  } catch (e) {
    console.error(e);
    setNotice([UI[state.lang].failed]);
    root.dataset.ready = 'error';
    root.dispatchEvent(new CustomEvent('liangshan:error', { detail: String(e && e.message) }));
  }
}

main();
