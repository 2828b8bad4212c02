// The page's own words, two modules per language: i18n-zh.js and
// i18n-en.js, which a first view carries, loaded when the reader's language
// needs them (a first view carries only its own language), and
// i18n-core-zh.js and i18n-core-en.js, the words of what only the core
// draws (the explorer, the methods, the embed dialog), loaded with the
// core. Everything about the data (chart titles, summaries, table headers,
// numbers) comes from the Rust core.

/** @typedef {typeof import('./i18n-zh.js').default & typeof import('./i18n-core-zh.js').default} Words */

/**
 * The words of each language loaded so far (`words(lang)` loads them).
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

/** Whether the core's words are wanted as well: from the core's loading on, with every language. */
let withCore = false;

/**
 * Loads a module of words once into `UI[lang]` (a failed load may be tried again).
 * @param {string} key
 * @param {'zh' | 'en'} lang
 * @param {() => Promise<{ default: object }>} load
 */
function add(key, lang, load) {
  loading[key] ??= load().then(
    (m) => {
      UI[lang] = Object.assign(UI[lang] ?? {}, m.default);
    },
    (e) => {
      delete loading[key];
      throw e;
    },
  );
  return loading[key];
}

/**
 * Loads the words of `lang` (and, once the core is loading, its words too);
 * `UI[lang]` has them when it resolves.
 * @param {'zh' | 'en'} lang
 * @returns {Promise<void>}
 */
export function words(lang) {
  const first = add(lang, lang, () => (lang === 'en' ? import('./i18n-en.js') : import('./i18n-zh.js')));
  if (!withCore) return first;
  const core = add(`core-${lang}`, lang, () => (lang === 'en' ? import('./i18n-core-en.js') : import('./i18n-core-zh.js')));
  return Promise.all([first, core]).then(() => undefined);
}

/**
 * From now on `words` loads the core's words as well; loads those of `lang`.
 * @param {'zh' | 'en'} lang
 */
export function coreWords(lang) {
  withCore = true;
  return words(lang);
}
