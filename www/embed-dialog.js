// The "Embed" dialog: both snippets for a chart in the page's current
// state, copy buttons and a live preview. The snippets are text in
// textareas; nothing is inserted as HTML.
import { UI } from './i18n.js';
import { followEmbedHeight } from './figure.js';

/** The dialog, and the control it gives focus back to. */
const dialog = () => /** @type {HTMLDialogElement & { returnTo?: HTMLElement }} */ (document.getElementById('embed-dialog'));
/** @param {HTMLElement} d @param {string} id */
const area = (d, id) => /** @type {HTMLTextAreaElement} */ (d.querySelector(`#${id}`));
/** @param {HTMLElement} d */
const previewOf = (d) => /** @type {HTMLIFrameElement} */ (d.querySelector('#embed-preview'));

/** The attribute-safe form of a value (the core's allow-list has already checked it). */
const attr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Opens the dialog for chart `id` titled `title`, in the state of `query`
 * (the page's canonical query), in `lang`; `opener` gets focus back.
 */
export function openEmbed(id, title, query, lang, opener) {
  const t = UI[lang];
  const site = new URL('.', location.href);
  const params = new URLSearchParams(query);
  params.delete('chart');
  const src = new URL('embed.html', site);
  src.search = new URLSearchParams([['chart', id], ...params]).toString();
  src.hash = id;
  const iframe = `<iframe src="${attr(src.href)}" title="${attr(title)}" width="100%" height="600" loading="lazy" frameborder="0"></iframe>\n<script src="${attr(new URL('www/embed-resizer.js', site).href)}" defer></script>`;
  const attrs = [['chart', id], ...params].map(([k, v]) => ` ${k}="${attr(v)}"`).join('');
  const element = `<script type="module" src="${attr(new URL('www/liangshan-chart.js', site).href)}"></script>\n<liangshan-chart${attrs}></liangshan-chart>`;
  const d = dialog();
  d.querySelector('#embed-dialog-h').textContent = t.embedHeading(title);
  d.querySelector('#embed-note').textContent = t.embedNote;
  d.querySelector('#embed-iframe-h').textContent = t.embedIframe;
  d.querySelector('#embed-element-h').textContent = t.embedElement;
  d.querySelector('#embed-preview-h').textContent = t.embedPreview;
  area(d, 'embed-iframe-code').value = iframe;
  area(d, 'embed-element-code').value = element;
  d.querySelector('#embed-copy-status').textContent = '';
  for (const b of d.querySelectorAll('button.copy')) b.textContent = t.copy;
  d.querySelector('#embed-close').textContent = t.close;
  const preview = previewOf(d);
  preview.title = title;
  preview.src = src.href;
  d.returnTo = opener;
  d.showModal();
}

/**
 * Copies `value`, which is selected: through the asynchronous clipboard,
 * and where that is missing (a page served over plain http), refuses, or
 * gives no answer within 2 s, through the selection's copy command. Always
 * settles, with whether the text was copied.
 * @param {string} value
 */
async function copyText(value) {
  const silence = new Promise((resolve) => setTimeout(resolve, 2000, false));
  try {
    if (await Promise.race([navigator.clipboard.writeText(value).then(() => true), silence])) return true;
  } catch {
    // Missing or refused: the selection is still there.
  }
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** Wires the dialog's buttons once. */
export function wireEmbedDialog(lang) {
  const d = dialog();
  for (const b of d.querySelectorAll('button.copy')) {
    if (!(b instanceof HTMLButtonElement)) continue;
    b.addEventListener('click', async () => {
      const text = area(d, b.dataset.target);
      const status = d.querySelector('#embed-copy-status');
      text.select();
      status.textContent = '';
      status.textContent = UI[lang()][(await copyText(text.value)) ? 'copied' : 'copyFailed'];
    });
  }
  // The preview follows its content's height, as on a host page.
  followEmbedHeight(previewOf(d), location.origin, 4000);
  d.addEventListener('close', () => {
    previewOf(d).src = 'about:blank';
    d.returnTo?.focus();
  });
}
