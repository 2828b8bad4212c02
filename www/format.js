// Numbers as the page writes them, by the rules of the core's `fixed`
// (src/i18n.rs), so that a figure reads the same whichever side formatted
// it: a fixed number of decimals, ties to even, thousands grouped in English
// only ("-60,000" / "-60000"), and no "-0". tests/fixtures/format.json
// holds the cases both sides are checked against.

/** @type {Map<string, Intl.NumberFormat>} */
const formats = new Map();

/**
 * `x` with `decimals` decimals in `lang` (formatters are made once: they are slow to make).
 * @param {number} x
 * @param {number} decimals
 * @param {'zh' | 'en'} lang
 * @returns {string}
 */
export function fmt(x, decimals, lang) {
  const key = `${lang}${decimals}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: lang === 'en',
      roundingMode: 'halfEven',
      signDisplay: 'negative',
    });
    formats.set(key, f);
  }
  return f.format(Number(x));
}

/**
 * `x` with at most `decimals` decimals (trailing zeros dropped), by the same rules.
 * @param {number} x
 * @param {number} decimals
 * @param {'zh' | 'en'} lang
 * @returns {string}
 */
export function fmtUpTo(x, decimals, lang) {
  const s = fmt(x, decimals, lang);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
