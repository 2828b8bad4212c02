// The page's own words, one module per language (i18n-zh.js, i18n-en.js),
// loaded when the reader's language needs it: a first view carries only
// its own language. Everything about the data (chart titles, summaries,
// table headers, numbers) comes from the Rust core.

/** @typedef {typeof import('./i18n-zh.js').default} Words */

/**
 * The words of each language loaded so far (`words(lang)` loads one).
 * @type {{ zh: Words, en: Words }}
 */
export const UI = /** @type {any} */ ({});

/** What to say when the calculation module does not load, in both languages at once (it needs no loading). */
export const FAILED = {
  zh: '页面未能加载计算模块，请刷新重试。',
  en: 'The calculation module did not load. Please reload the page.',
};

/** What to say where this browser's WebAssembly would compute wrong numbers (core.js's EngineFault), in both languages. */
export const ENGINE_FAULT = {
  zh: '这个浏览器运行WebAssembly有一个已知缺陷（WebKit问题301435），会算错数字，所以本页不在其中计算。请更新浏览器，或换用其他浏览器打开。',
  en: 'This browser runs WebAssembly with a known fault (WebKit bug 301435) that makes it compute wrong numbers, so the page does not calculate in it. Please update the browser, or open the page in another.',
};

/**
 * What to say when the core did not load or draw, for the error `e` it threw.
 * @param {unknown} e
 */
export const failedWords = (e) => (e instanceof Error && e.name === 'EngineFault' ? ENGINE_FAULT : FAILED);

/** @type {Record<string, Promise<void>>} */
const loading = {};

/**
 * Loads the words of `lang` once; `UI[lang]` is there when it resolves (a
 * failed load may be tried again).
 * @param {'zh' | 'en'} lang
 * @returns {Promise<void>}
 */
export function words(lang) {
  loading[lang] ??= (lang === 'en' ? import('./i18n-en.js') : import('./i18n-zh.js')).then(
    (m) => {
      UI[lang] = m.default;
    },
    (e) => {
      delete loading[lang];
      throw e;
    },
  );
  return loading[lang];
}
