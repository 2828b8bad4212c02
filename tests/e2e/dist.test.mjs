// The build's output (dist/, written by `npm run build`): what a static
// host serves, and nothing else. Every name with a content hash is the hash
// of what it holds, every reference between files names a file of the
// build, and every compressed copy holds the same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { files, references, STABLE } from '../../scripts/dist.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const HASHED = /\.([0-9a-f]{10})\.(js|css|wasm|json)$/;

const all = await files(DIST);
const served = all.filter((f) => !/\.(gz|br)$/.test(f));

test('dist/ holds the pages, their scripts, style, core and drawings, and no sources', () => {
  for (const f of ['index.html', 'embed.html', 'www/liangshan-chart.js', 'www/embed-resizer.js', 'www/charts/county-population.svg']) {
    assert.ok(served.includes(f), `${f} under its own name`);
  }
  for (const kind of [/^www\/app\.[0-9a-f]{10}\.js$/, /^www\/style\.[0-9a-f]{10}\.css$/, /^www\/pkg\/liangshan_pop_bg\.[0-9a-f]{10}\.wasm$/, /^www\/pkg\/liangshan_pop_simd_bg\.[0-9a-f]{10}\.wasm$/, /^www\/charts\/static-en-dark\.[0-9a-f]{10}\.json$/]) {
    assert.equal(served.filter((f) => kind.test(f)).length, 1, `one ${kind}`);
  }
  const foreign = served.filter((f) => !STABLE.some((re) => re.test(f)) && !HASHED.test(f));
  assert.deepEqual(foreign, [], 'every other file named after its content');
  assert.deepEqual(served.filter((f) => /\.(rs|ts|toml|md|map)$|tsconfig|node_modules/.test(f)), [], 'no sources');
});

test('every hashed name is the hash of its content, and every reference names a file of the build', async () => {
  const site = new Set(served);
  let checked = 0;
  for (const f of served) {
    const bytes = await readFile(join(DIST, f));
    const m = f.match(HASHED);
    if (m) assert.equal(createHash('sha256').update(bytes).digest('hex').slice(0, 10), m[1], f);
    if (!/\.(html|js|css)$/.test(f)) continue;
    const text = bytes.toString('utf8');
    for (const r of references(f, text, site)) {
      assert.ok(site.has(r.target), `${f} -> ${r.target}`);
      checked += 1;
    }
    // Nothing left pointing at a source name that the build renamed.
    for (const m2 of text.matchAll(/['"](\.{0,2}\/?[\w./-]+\.(?:js|css|wasm|json))['"]/g)) {
      const target = posix.normalize(posix.join(posix.dirname(f), m2[1]));
      const renamed = served.some((s) => s.replace(HASHED, '.$2') === target && s !== target);
      assert.ok(!renamed, `${f} still names ${m2[1]}`);
    }
  }
  assert.ok(checked >= 30, `${checked} references checked`);
});

test('every text file and the core have .gz and .br copies with the same bytes, smaller', async () => {
  for (const f of served.filter((x) => /\.(html|js|css|svg|json|wasm)$/.test(x))) {
    const bytes = await readFile(join(DIST, f));
    const gz = await readFile(join(DIST, `${f}.gz`));
    const br = await readFile(join(DIST, `${f}.br`));
    assert.ok(gunzipSync(gz).equals(bytes), `${f}.gz`);
    assert.ok(brotliDecompressSync(br).equals(bytes), `${f}.br`);
    if (bytes.length > 1000) assert.ok(br.length < gz.length && gz.length < bytes.length, `${f}: ${bytes.length} > ${gz.length} > ${br.length}`);
  }
});

test('the pages in dist/ carry their static drawings; the sources do not', async () => {
  const page = await readFile(join(DIST, 'index.html'), 'utf8');
  const source = await readFile(fileURLToPath(new URL('../../index.html', import.meta.url)), 'utf8');
  assert.equal(page.match(/<svg /g)?.length, 24);
  assert.equal(source.match(/<svg /g), null);
});
