// The page: reads the language from the URL, asks the wasm core for figures,
// charts and the audit, and places them. Rust computes; this file only
// places results and wires controls. Nothing from the URL is ever inserted
// as HTML: text goes in through textContent, and SVG (drawn and escaped by
// Rust) through DOMParser.
import init, { renderChart, keyFigures, audit } from './pkg/liangshan_pop.js';

const UI = {
  zh: {
    skip: '跳到正文',
    kicker: '凉山彝族自治州 · 人口数据',
    title: '凉山州人口发展中长期规划：数据与核查',
    lede: '规划中的每一个数字，配上来源；规划自身的算术，逐项核对。全部计算在您的浏览器中完成。',
    langHint: '切换页面语言',
    toggle: 'English',
    toggleLang: 'en',
    figuresHeading: '2020年主要数据',
    chartsHeading: '图表',
    showData: '查看数据表',
    auditHeading: '核查规划的算术',
    auditSummary: (n, ok, bad) => `我们根据规划自身的表格和正文重算了${n}个数字：${ok}个在印刷的四舍五入范围内一致，${bad}个不一致。`,
    published: '规划印为',
    recomputed: '重算得',
    footer: '数据来源：《凉山州人口发展中长期规划》（凉府办发〔2024〕29号）。每个数字旁注明其在规划中的章节与表格；来自其他来源的数字注明出处。',
    badLang: (v) => `网址参数 lang 的值“${v}”无效，已使用中文。可用的值：zh、en。`,
    failed: '页面未能加载计算模块，请刷新重试。',
    docTitle: '凉山州人口发展中长期规划：数据与核查',
  },
  en: {
    skip: 'Skip to content',
    kicker: 'Liangshan Yi Autonomous Prefecture · population data',
    title: "Liangshan's population plan: the data, checked",
    lede: "Every figure of the prefecture's 2024 population plan with its source, and the plan's own arithmetic checked line by line. Everything is computed in your browser.",
    langHint: 'Change the language of the page',
    toggle: '中文',
    toggleLang: 'zh',
    figuresHeading: 'Key figures, 2020',
    chartsHeading: 'Charts',
    showData: 'Show the data table',
    auditHeading: "Checking the plan's arithmetic",
    auditSummary: (n, ok, bad) => `We recomputed ${n} figures from the plan's own tables and text: ${ok} agree within the printed rounding, ${bad} do not.`,
    published: 'printed',
    recomputed: 'recomputed',
    footer: 'Source: Liangshan Prefecture Medium- and Long-Term Population Development Plan (Liangfu Banfa [2024] No. 29). Each figure names the chapter and table of the plan it comes from; figures from elsewhere name their source.',
    badLang: (v) => `The URL parameter lang="${v}" is not valid; showing Chinese. Valid values: zh, en.`,
    failed: 'The calculation module did not load. Please reload the page.',
    docTitle: "Liangshan's population plan: the data, checked",
  },
};

const root = document.documentElement;

/** The language from ?lang=, and a notice when the value was not valid. */
function readLang() {
  const raw = new URLSearchParams(location.search).get('lang');
  if (raw === null || raw === '') return { lang: 'zh', bad: null };
  if (raw === 'zh' || raw === 'en') return { lang: raw, bad: null };
  return { lang: 'zh', bad: raw.slice(0, 40) };
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

function setNotice(text) {
  const n = document.getElementById('notice');
  n.replaceChildren();
  if (text) n.append(el('p', { class: 'warning', text }));
}

function applyStaticText(lang) {
  const t = UI[lang];
  root.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t.docTitle;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const v = t[node.dataset.i18n];
    if (typeof v === 'string') node.textContent = v;
  }
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = t.toggle;
  toggle.lang = t.toggleLang === 'zh' ? 'zh-CN' : 'en';
}

function renderKeyFigures(lang) {
  const dl = document.getElementById('key-figures');
  dl.replaceChildren(
    ...keyFigures(lang).map((f) =>
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

function renderTable(table, data) {
  const head = el('thead', {}, el('tr', {}, ...data.columns.map((c) => el('th', { scope: 'col', text: c }))));
  const body = el('tbody', {}, ...data.rows.map((r) => el('tr', {}, ...r.map((c, i) => (i === 1 ? el('th', { scope: 'row', text: c }) : el('td', { text: c }))))));
  table.replaceChildren(head, body);
}

function renderFigure(fig, lang) {
  const body = fig.querySelector('.chart-body');
  const width = Math.round(body.clientWidth) || 320;
  const chart = renderChart(fig.dataset.chart, width, lang);
  fig.querySelector('.chart-title').textContent = chart.title;
  fig.querySelector('.chart-summary').textContent = chart.summary;
  fig.querySelector('.chart-source').textContent = chart.source;
  body.replaceChildren(svgNode(chart.svg));
  fig.dataset.width = String(width);
  renderTable(fig.querySelector('table'), chart.table);
}

function renderAudit(lang) {
  const t = UI[lang];
  const checks = audit(lang);
  const bad = checks.filter((c) => c.verdict === 'disagrees');
  document.getElementById('audit-summary').textContent = t.auditSummary(checks.length, checks.length - bad.length, bad.length);
  document.getElementById('audit-disagreements').replaceChildren(
    ...bad.map((c) =>
      el('li', {},
        el('p', { class: 'claim', text: c.claim }),
        el('p', { class: 'numbers', text: `${t.published} ${c.published_text} · ${t.recomputed} ${c.recomputed_low === c.recomputed_high ? fmt(c.recomputed, lang) : fmt(c.recomputed, lang)}` }),
        el('p', { class: 'method', text: `${c.method} (${c.source})` })),
    ),
  );
}

function fmt(x, lang) {
  return x.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: Math.abs(x) >= 1000 ? 0 : 2, useGrouping: lang === 'en' });
}

function renderAll(lang) {
  applyStaticText(lang);
  renderKeyFigures(lang);
  for (const fig of document.querySelectorAll('figure[data-chart]')) renderFigure(fig, lang);
  renderAudit(lang);
}

function watchWidths(getLang) {
  const ro = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const fig = entry.target.closest('figure[data-chart]');
      const w = Math.round(entry.contentRect.width);
      if (fig && w > 0 && String(w) !== fig.dataset.width) {
        requestAnimationFrame(() => renderFigure(fig, getLang()));
      }
    }
  });
  for (const body of document.querySelectorAll('figure[data-chart] .chart-body')) ro.observe(body);
}

async function main() {
  let { lang, bad } = readLang();
  try {
    await init();
    renderAll(lang);
    setNotice(bad === null ? '' : UI[lang].badLang(bad));
    document.getElementById('lang-toggle').addEventListener('click', () => {
      lang = lang === 'zh' ? 'en' : 'zh';
      const url = new URL(location.href);
      url.searchParams.set('lang', lang);
      history.replaceState(null, '', url);
      setNotice('');
      renderAll(lang);
    });
    watchWidths(() => lang);
    root.dataset.ready = 'true';
    root.dispatchEvent(new CustomEvent('liangshan:ready'));
  } catch (e) {
    console.error(e);
    setNotice(UI[lang].failed);
    root.dataset.ready = 'error';
    root.dispatchEvent(new CustomEvent('liangshan:error', { detail: String(e && e.message) }));
  }
}

main();
