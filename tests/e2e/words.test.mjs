// The page's words (www/i18n-*.js): both languages say the same things, and
// a first view carries only the words it can use; what only the core draws
// has its words in the files loaded with the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const www = new URL('../../www/', import.meta.url);
const load = async (name) => (await import(new URL(name, www).href)).default;
const [zh, en, coreZh, coreEn] = await Promise.all(['i18n-zh.js', 'i18n-en.js', 'i18n-core-zh.js', 'i18n-core-en.js'].map(load));
const source = async (name) => readFile(new URL(name, www), 'utf8');
/** Whether `text` names the key `k`: `t.k`, `t.k(…)`, `t['k']` or the HTML's `data-i18n="k"`. */
const names = (text, k) => new RegExp(`\\.${k}\\b|'${k}'|data-i18n(-label)?="${k}"`).test(text);

test('each language has the same words, of the same kind, in the same files', () => {
  for (const [a, b, file] of [[zh, en, 'i18n'], [coreZh, coreEn, 'i18n-core']]) {
    assert.ok(Object.keys(a).length > 0, file);
    assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), file);
    for (const k of Object.keys(a)) {
      assert.equal(typeof a[k], typeof b[k], `${file} ${k}`);
      if (typeof a[k] === 'function') assert.equal(a[k].length, b[k].length, `${file} ${k}: arguments`);
    }
  }
  for (const k of Object.keys(coreZh)) assert.ok(!(k in zh), `${k} is in both files`);
});

test('a first view carries no word that only the explorer, the methods or the embed dialog says', async () => {
  // What a first view runs (the page, the embed, the element) and what it is made of.
  const first = (await Promise.all(['app.js', 'embed.js', 'figure.js', 'static-view.js', 'liangshan-chart.js', '../index.html', '../embed.html'].map(source))).join('\n');
  const coreOnly = (await Promise.all(['explorer.js', 'embed-dialog.js'].map(source))).join('\n');
  for (const k of Object.keys(zh)) assert.ok(names(first, k), `${k}: in i18n-zh.js but said only by what the core draws, or not at all`);
  for (const k of Object.keys(coreZh)) {
    assert.ok(names(coreOnly, k), `${k}: in i18n-core-zh.js but not said by the explorer or the embed dialog`);
    assert.ok(!names(first, k), `${k}: said by a first view, so it must be in i18n-zh.js`);
  }
});
