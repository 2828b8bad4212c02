// The page's number formatting (www/format.js) against the cases the core's
// `fixed` is checked against natively (tests/fixtures/format.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fmt, fmtUpTo } from '../../www/format.js';

const { cases } = JSON.parse(await readFile(new URL('../fixtures/format.json', import.meta.url), 'utf8'));

test('numbers read the same as the core writes them', () => {
  for (const [x, decimals, lang, text] of cases) assert.equal(fmt(x, decimals, lang), text, `${x} ${decimals} ${lang}`);
});

test('at most some decimals drops trailing zeros only', () => {
  assert.equal(fmtUpTo(12.5, 2, 'en'), '12.5');
  assert.equal(fmtUpTo(12, 2, 'en'), '12');
  assert.equal(fmtUpTo(1200, 0, 'en'), '1,200');
  assert.equal(fmtUpTo(-0.001, 2, 'zh'), '0');
});
