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

/**
 * What to say when the core did not load or draw, for the error `e` it threw:
 * its own words where the loader knows why (core.js's EngineFault).
 * @param {unknown} e
 * @returns {{ zh: string, en: string }}
 */
export const failedWords = (e) => /** @type {any} */ (e)?.words ?? FAILED;

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
