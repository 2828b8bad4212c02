// The build behind a real web server, under a sub-path, as a webmaster
// would set it up: dist/ served by Debian's nginx with deploy/nginx.conf, or
// by Debian's Apache with deploy/apache.htaccess. Run by scripts/nginx.sh or
// scripts/apache.sh, which set E2E_ORIGIN (the site's address) and
// SERVER_ACCESS_LOG (what the server saw):
//   bash scripts/nginx.sh node --test tests/deploy/
//   bash scripts/apache.sh node --test tests/deploy/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { get, request } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/browser.mjs';

const BASE = process.env.E2E_ORIGIN?.replace(/\/$/, '');
const LOG = process.env.SERVER_ACCESS_LOG;
if (!BASE || !LOG) throw new Error('run through scripts/nginx.sh or scripts/apache.sh: E2E_ORIGIN and SERVER_ACCESS_LOG are not set');
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const PREFIX = new URL(BASE).pathname;

const wasmName = (await readdir(`${DIST}www/pkg`)).find((f) => f.endsWith('.wasm'));
const appName = (await readdir(`${DIST}www`)).find((f) => /^app\.[0-9a-f]{10}\.js$/.test(f));

/** GET `path` of the site with `headers`, without decompressing: status, headers and the body's bytes. */
function fetchRaw(path, headers = {}) {
  return new Promise((ok, fail) => {
    get(BASE + path, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

/** The access log's entries (`path`, `status`, `bytes`) from line `from` on. */
async function logged(from = 0) {
  const lines = (await readFile(LOG, 'utf8')).split('\n').filter(Boolean);
  return lines.slice(from).map((l) => {
    const m = l.match(/"(?:GET|HEAD|POST) (\S+) [^"]*" (\d{3}) (\d+)/);
    return { path: m[1], status: Number(m[2]), bytes: Number(m[3]) };
  });
}

test('each kind of file comes with its type, cache lifetime, policy and CORS', async () => {
  const cases = [
    ['/', 'text/html; charset=utf-8', 'no-cache', undefined],
    ['/embed.html', 'text/html; charset=utf-8', 'no-cache', undefined],
    [`/www/${appName}`, /javascript/, 'public, max-age=31536000, immutable', '*'],
    [`/www/pkg/${wasmName}`, 'application/wasm', 'public, max-age=31536000, immutable', '*'],
    ['/www/liangshan-chart.js', /javascript/, 'no-cache', '*'],
    ['/www/embed-resizer.js', /javascript/, 'no-cache', '*'],
    ['/www/charts/county-population.svg', /^image\/svg\+xml/, 'no-cache', '*'],
  ];
  for (const [path, type, cache, cors] of cases) {
    const r = await fetchRaw(path);
    assert.equal(r.status, 200, path);
    if (type instanceof RegExp) assert.match(r.headers['content-type'], type, path);
    else assert.equal(r.headers['content-type'], type, path);
    assert.equal(r.headers['cache-control'], cache, path);
    assert.equal(r.headers['access-control-allow-origin'], cors, path);
    assert.match(r.headers['content-security-policy'], /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/, path);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', path);
  }
});

test('the precompressed copies are sent to clients that accept them, the same bytes once decoded', async () => {
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  for (const path of ['/index.html', `/www/pkg/${wasmName}`, `/www/${appName}`]) {
    const raw = await readFile(DIST + path.slice(1));
    const br = await fetchRaw(path, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br', path);
    assert.match(br.headers.vary ?? '', /Accept-Encoding/, path);
    assert.ok(brotliDecompressSync(br.body).equals(raw), path);
    const gz = await fetchRaw(path, { 'Accept-Encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip', path);
    assert.ok(gunzipSync(gz.body).equals(raw), path);
    const plain = await fetchRaw(path);
    assert.equal(plain.headers['content-encoding'], undefined, path);
    assert.ok(plain.body.equals(raw), path);
    console.log(`${path.padEnd(44)} ${String(raw.length).padStart(8)} raw ${String(gz.body.length).padStart(7)} gzip ${String(br.body.length).padStart(7)} brotli`);
  }
});

test('sources, hidden files and anything but GET are refused', async () => {
  for (const path of ['/Cargo.toml', '/src/lib.rs', '/.git/config', '/www/../../Cargo.toml', '/www/pkg/liangshan_pop.d.ts']) {
    assert.equal((await fetchRaw(path)).status, 404, path);
  }
  const post = await new Promise((ok, fail) => {
    request(BASE + '/index.html', { method: 'POST' }, (res) => ok(res.statusCode)).on('error', fail).end();
  });
  assert.ok(post === 403 || post === 405, `POST: ${post}`);
});

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

test('a second visit transfers nothing but revalidations, and every request stays under the sub-path', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const visit = async () => {
    const page = await context.newPage();
    await page.goto(`${BASE}/?lang=en`);
    await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 30000 });
    await page.locator('#explorer').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.documentElement.dataset.core === 'ready' && document.getElementById('explorer').dataset.drawn, null, { timeout: 60000 });
    await page.waitForLoadState('networkidle');
    await page.close();
  };
  const start = (await logged()).length;
  await visit();
  const first = await logged(start);
  const second = await visit().then(() => logged(start + first.length));
  const kB = (xs) => `${(xs.reduce((s, e) => s + e.bytes, 0) / 1000).toFixed(1)} kB`;
  console.log(`first visit: ${first.length} requests, ${kB(first)} sent (brotli where accepted)`);
  console.log(`second visit: ${second.length} requests, ${second.filter((e) => e.status === 304).length} revalidated (304), ${kB(second)} sent`);
  assert.ok(first.some((e) => e.path.endsWith('.wasm') && e.status === 200), 'the first visit fetched the core');
  assert.deepEqual(first.filter((e) => !e.path.startsWith(PREFIX)), [], 'nothing outside the sub-path');
  assert.ok(second.length > 0, 'the page was revalidated');
  assert.deepEqual(second.filter((e) => e.status !== 304), [], 'only revalidations');
  assert.deepEqual(second.filter((e) => /\.[0-9a-f]{10}\./.test(e.path)), [], 'files named after their content are not even revalidated');
  await context.close();
});
