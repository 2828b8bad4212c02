// "Articles" of another site for embed tests: a server on another port,
// reached as `localhost` (another origin than the site's 127.0.0.1), whose
// pages are set by each test with the Content-Security-Policy it needs.
// Used by the Playwright suite and the WebDriver suite.
import { createServer } from 'node:http';

/** Starts the article server; `article(path, body, { csp, head })` adds a page and returns its URL. */
export async function startArticles() {
  const pages = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/favicon.ico') return res.writeHead(204).end();
    const p = pages.get(path);
    if (!p) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(p.csp ? { 'Content-Security-Policy': p.csp } : {}) }).end(p.html);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://localhost:${server.address().port}`;
  return {
    origin,
    /** A page at `path`: raw content (`raw: true`, e.g. a script) or an article around `body`. */
    article(path, body, { csp = null, head = '', raw = false } = {}) {
      const html = raw ? body : `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><h1>News</h1><p>Some text.</p>${body}<p>More text.</p></body></html>`;
      pages.set(path, { csp, html });
      return origin + path;
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
