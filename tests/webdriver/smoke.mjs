// End to end in Firefox (geckodriver) and WebKitGTK (WebKitWebDriver under
// xvfb-run), over plain W3C WebDriver: Playwright cannot drive Debian's
// builds of either. A smoke suite of the page, the explorer and the embed;
// the full suite runs in Chromium (tests/e2e/).
//   node tests/webdriver/smoke.mjs firefox|webkit
// Prints TAP-like lines ("ok N - …" / "not ok N - …") and "# pass N", "# fail N".
import { spawn } from 'node:child_process';
import { startServer } from '../../scripts/serve.mjs';

const engine = process.argv[2];
const DRIVERS = {
  firefox: {
    command: process.env.GECKODRIVER ?? '.tools/gecko/bin/geckodriver',
    args: (port) => ['--port', String(port)],
    capabilities: { browserName: 'firefox', 'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'], prefs: { 'ui.prefersReducedMotion': 0 } } },
  },
  webkit: {
    command: 'xvfb-run',
    args: (port) => ['-a', process.env.SAFARIDRIVER ?? '/usr/bin/WebKitWebDriver', `--port=${port}`],
    capabilities: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] } },
  },
};
const driver = DRIVERS[engine];
if (!driver) {
  console.error('usage: node tests/webdriver/smoke.mjs firefox|webkit');
  process.exit(2);
}

const port = 4400 + Math.floor(Math.random() * 500);
const proc = spawn(driver.command, driver.args(port), { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
let stderr = '';
proc.stderr.on('data', (d) => (stderr += d));
const base = `http://127.0.0.1:${port}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function wd(method, path, body) {
  const res = await fetch(base + path, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json();
  if (json.value && json.value.error) throw new Error(`${json.value.error}: ${json.value.message}`);
  return json.value;
}

let session;
const run = (script, args = []) => wd('POST', `/session/${session}/execute/sync`, { script, args });
async function until(script, what, timeout = 30000) {
  const start = Date.now();
  for (;;) {
    const v = await run(script).catch(() => null);
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const server = await startServer({ port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
let pass = 0;
let fail = 0;
let n = 0;
async function check(name, f) {
  n += 1;
  try {
    await f();
    pass += 1;
    console.log(`ok ${n} - ${engine}: ${name}`);
  } catch (e) {
    fail += 1;
    console.log(`not ok ${n} - ${engine}: ${name}\n  # ${String(e.message).split('\n')[0]}`);
  }
}
const assert = (cond, message) => {
  if (!cond) throw new Error(message);
};

try {
  for (let i = 0; ; i++) {
    try {
      await wd('GET', '/status');
      break;
    } catch {
      if (i > 100) throw new Error(`the ${engine} driver did not start: ${stderr.slice(0, 300)}`);
      await sleep(200);
    }
  }
  session = (await wd('POST', '/session', { capabilities: { alwaysMatch: driver.capabilities } })).sessionId;
  await wd('POST', `/session/${session}/timeouts`, { script: 30000, pageLoad: 60000 });

  await check('the page draws every chart of the plan and the explorer, and says it is ready', async () => {
    await wd('POST', `/session/${session}/url`, { url: `${origin}/index.html` });
    const ready = await until("return document.documentElement.dataset.ready", 'data-ready', 60000);
    assert(ready === 'true', `data-ready=${ready}`);
    await until("return document.getElementById('explorer').dataset.drawn", 'the explorer');
    const counts = await run(`return {
      page: [...document.querySelectorAll('figure[data-chart] .chart-body svg')].length,
      explorer: [...document.querySelectorAll('figure[data-explorer] .chart-body svg')].length,
      tracker: document.querySelectorAll('#tracker-table tbody tr').length,
      bars: document.querySelectorAll('figure[data-chart="county-population"] svg rect[fill="#0072B2"]').length }`);
    assert(counts.page === 11 && counts.explorer === 7 && counts.tracker === 20 && counts.bars === 17, JSON.stringify(counts));
  });

  await check('a slider moved from the keyboard changes the charts and the URL', async () => {
    const before = await run("return document.querySelector('figure[data-explorer=\"projected-population\"] .chart-summary').textContent");
    const el = await wd('POST', `/session/${session}/element`, { using: 'css selector', value: '#control-tfr2030' });
    const id = Object.values(el)[0];
    await wd('POST', `/session/${session}/element/${id}/click`, {});
    await wd('POST', `/session/${session}/actions`, { actions: [{ type: 'key', id: 'k', actions: [{ type: 'keyDown', value: '\uE011' }, { type: 'keyUp', value: '\uE011' }] }] });
    await until("return new URL(location.href).searchParams.get('tfr2030') === '0.5'", 'tfr2030=0.5 (Home) in the URL');
    await until(`return document.querySelector('figure[data-explorer="projected-population"] .chart-summary').textContent !== ${JSON.stringify(before)}`, 'a new summary');
  });

  await check('English from the URL, with no Chinese left in the charts', async () => {
    await wd('POST', `/session/${session}/url`, { url: `${origin}/index.html?lang=en&region=xichang` });
    await until("return document.documentElement.dataset.ready === 'true' && document.getElementById('explorer').dataset.drawn", 'ready');
    const cjk = await run("return [...document.querySelectorAll('figure svg text')].map((t) => t.textContent).join('').match(/[\\u4e00-\\u9fff]/) !== null");
    assert(!cjk, 'Chinese in an English chart');
    const title = await run("return document.querySelector('figure[data-explorer=\"pyramid\"] h3').textContent");
    assert(/Xichang/.test(title), title);
  });

  await check('the embed draws its chart and reports its height to its parent', async () => {
    await wd('POST', `/session/${session}/url`, { url: `${origin}/embed.html?chart=county-births-ageing&lang=en` });
    await until("return document.documentElement.dataset.ready === 'true'", 'embed ready');
    const n = await run("return document.querySelectorAll('figure.chart').length + ':' + document.querySelector('figure.chart svg title').textContent");
    assert(/^1:/.test(n), n);
  });

  await check('a hostile URL runs nothing and shows a notice', async () => {
    const payload = encodeURIComponent('"><img src=x onerror="window.__pwned=1">');
    await wd('POST', `/session/${session}/url`, { url: `${origin}/index.html?lang=${payload}&region=${payload}` });
    await until("return document.documentElement.dataset.ready === 'true'", 'ready');
    const r = await run("return { pwned: window.__pwned === 1, notice: document.getElementById('notice').textContent, imgs: document.querySelectorAll('#notice img').length }");
    assert(!r.pwned && r.imgs === 0 && /lang/.test(r.notice), JSON.stringify(r));
  });
} catch (e) {
  fail += 1;
  console.log(`not ok ${n + 1} - ${engine}: the session\n  # ${e.message}`);
} finally {
  if (session) await wd('DELETE', `/session/${session}`).catch(() => {});
  try {
    process.kill(-proc.pid);
  } catch {}
  server.close();
}
console.log(`# pass ${pass}\n# fail ${fail}`);
process.exit(fail ? 1 : 0);
