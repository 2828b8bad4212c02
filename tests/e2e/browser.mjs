// Launching Debian's Chromium for end-to-end tests and screenshots, and
// opening a page of the project with everything that goes wrong recorded.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
    ],
  });
}

/**
 * Opens `origin + path` and waits for the page's readiness signal. Returns
 * the page, the console errors and failed requests (`problems`), and the
 * requests to any other origin (`foreign`); `window.__csp` collects CSP
 * violations. `init`, when given, runs in the page before its own scripts
 * (a browser without some feature, say); the other options are the page's.
 */
export async function openPage(browser, origin, path, viewport = { width: 1280, height: 900 }, { init, ...options } = {}) {
  const page = await browser.newPage({ viewport, ...options });
  if (init) await page.addInitScript(init);
  const problems = [];
  const foreign = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
    // Every message the page sends its workers, counted: a page at rest sends none.
    window.__workerPosts = 0;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (...args) {
      window.__workerPosts += 1;
      return post.apply(this, args);
    };
  });
  await page.goto(origin + path);
  await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 30000 });
  return { page, problems, foreign };
}

/**
 * Brings the core in as a reader does on a screen with a static first view
 * (a phone's or a wide one): scrolls to the explorer, waits until the core
 * has drawn the page and the explorer, and scrolls back to the top. Where
 * the core drew the first view, this only waits for it.
 */
export async function withCore(page) {
  await page.evaluate(() => document.getElementById('explorer').scrollIntoView());
  await page.waitForFunction(() => {
    const e = document.getElementById('explorer');
    return document.documentElement.dataset.core === 'ready' && e.dataset.drawn && !e.dataset.busy;
  }, null, { timeout: 30000 });
  // Back at the top, two frames for the page to settle (as a reader's scroll would leave it).
  await page.evaluate(() => new Promise((ok) => {
    window.scrollTo(0, 0);
    requestAnimationFrame(() => requestAnimationFrame(ok));
  }));
}

/** Changes something (`action`) and waits for the explorer to draw the new state. */
export async function andDrawn(page, action) {
  const before = await page.evaluate(() => document.getElementById('explorer').dataset.drawnAt);
  await action();
  await page.waitForFunction((b) => {
    const e = document.getElementById('explorer');
    return e.dataset.drawnAt !== b && !e.dataset.busy;
  }, before, { timeout: 30000 });
}

/** A parameter of the page's URL. */
export const param = (page, name) => new URL(page.url()).searchParams.get(name);

/** The URL follows the state within a quarter of a second (it is throttled while dragging). */
export async function expectParam(page, name, value) {
  await page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n) === v, [name, value], { timeout: 3000 }).catch(() => {});
  assert.equal(param(page, name), value, `URL parameter ${name}`);
}

/**
 * The site (the development server on a free port, or E2E_ORIGIN) and a
 * browser for one test file: started before
 * its tests and closed after them; `site.base` (the address the page's
 * paths follow: the origin and a sub-path, if any), `site.origin` and
 * `site.browser` are set by the time a test runs.
 */
export function useSite() {
  const site = { server: null, base: null, origin: null, browser: null };
  before(async () => {
    // A real server with the deployment's file (scripts/nginx.sh sets it,
    // with a sub-path), or else the development server.
    if (process.env.E2E_ORIGIN) {
      site.base = process.env.E2E_ORIGIN.replace(/\/$/, '');
    } else {
      site.server = await startServer({ port: 0 });
      site.base = `http://127.0.0.1:${site.server.address().port}`;
    }
    site.origin = new URL(site.base).origin;
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await new Promise((ok) => (site.server ? site.server.close(ok) : ok()));
  });
  return site;
}

/**
 * Records every response `page` gets from a URL starting with `prefix`,
 * with its size raw and gzip. `files()` resolves to those received so far.
 */
export function recordSizes(page, prefix = '') {
  const pending = [];
  page.on('response', (r) => {
    if (!r.url().startsWith(prefix)) return;
    pending.push(r.body().then((b) => ({ url: r.url(), raw: b.length, gzip: gzipSync(b).length }), () => ({ url: r.url(), raw: 0, gzip: 0 })));
  });
  return { files: () => Promise.all(pending) };
}
