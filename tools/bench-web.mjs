// `make bench-web`: how fast a donor on a slow phone sees the widget and gets an answer,
// for four pages. Chromium (Debian's, through Playwright and its DevTools protocol) with
// the slow-4G profile of Lighthouse's mobile preset: 562.5 ms round trip, 1.47 Mbit/s
// down, 675 kbit/s up, CPU slowed 4×, cache disabled. Every figure is the median of RUNS
// runs (3 unless RUNS=… is set). Files are served gzip-compressed (tools/serve.mjs), as
// most hosts serve them; the test pages themselves are not.
//
//   static      the widget's markup as static HTML, no script: the physical limit
//   url         the widget with a configuration URL (the one-line snippet)
//   inline      the widget with its configuration inline in the page
//   prerender   the snippet of `circo-don render` (prerendered view, then the live one)
//
// Per page: when the account's title is first on screen (the first animation frame
// that shows it), when an amount typed as soon as a field shows (150 €) has its real
// cost shown (51 €), and the bytes transferred. Times are from navigation start.
//
//   node tools/bench-web.mjs   (needs dist/ and the native `circo-don`: make build first)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.RUNS ?? 3);
const PROFILE = { latency: 562.5, downloadThroughput: 183_750, uploadThroughput: 84_375 };

const snippet = execFileSync('cargo', ['run', '--locked', '--quiet', '--', 'render', 'demo/circo-exemple.json',
  '--config-url', '/demo/circo-exemple.json', '--base', '/'], { cwd: ROOT, encoding: 'utf8' });
const markup = snippet.match(/<div data-circo-don[\s\S]*<\/div>/)[0];
const config = readFileSync(join(DIST, 'demo', 'circo-exemple.json'), 'utf8');
const doc = (body) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>bench</title></head><body>${body}</body></html>`;
const SCRIPT = '<script type="module" src="/circo-don.js"></script>';
const PAGES = {
  static: doc(markup),
  url: doc(`<div data-circo-don="/demo/circo-exemple.json"></div>${SCRIPT}`),
  inline: doc(`<script type="application/json" id="c">${config}</script><div data-circo-don="#c"></div>${SCRIPT}`),
  prerender: doc(snippet),
};

// Runs in the page from its first moment: each animation frame, looks for the title and
// the amount field; types once into the first field seen; notes when the live widget
// shows the typed amount's cost.
const PROBE = `(() => {
  const t = window.__bench = { title: null, typed: null, answered: null };
  const shown = (el) => el && el.getClientRects().length > 0;
  function frame(now) {
    const root = document.querySelector('[data-circo-don]')?.shadowRoot;
    const view = root && [...root.querySelectorAll('.cd')].find(shown);
    if (view && t.title === null && /\\S/.test(view.querySelector('.cd-title h2')?.textContent ?? '')) t.title = now;
    const input = view?.querySelector('#cd-amount');
    if (input && t.typed === null) {
      input.value = '150';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      t.typed = now;
    }
    if (view?.dataset.state === 'ready' && t.typed !== null && /(^|\\D)51\\s€/.test(view.querySelector('.cd-result')?.textContent ?? '')) t.answered = now;
    if (t.answered === null) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();`;

const routes = Object.fromEntries(Object.entries(PAGES).map(([name, html]) => [`/bench/${name}.html`, (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.end(html);
}]));
const server = await serve({ mounts: { '/': DIST }, routes, gzip: true });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  chromiumSandbox: false,
  args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});

async function once(name) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, locale: 'fr-FR' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.addInitScript(PROBE);
  await page.goto(`${origin}/bench/${name}.html`, { waitUntil: 'commit' });
  const live = name !== 'static';
  await page.waitForFunction((live) => (live ? window.__bench?.answered : window.__bench?.title) != null, live, { timeout: 60_000, polling: 100 });
  if (!live) await page.waitForLoadState('load');
  const t = await page.evaluate(() => window.__bench);
  await context.close();
  return { title: t.title, answered: live ? t.answered : null, bytes };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const ms = (x) => (x === null ? '—' : `${(x / 1000).toFixed(2)} s`);

const rows = [];
for (const name of Object.keys(PAGES)) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(name));
  rows.push({ name, title: median(runs.map((r) => r.title)), answered: median(runs.map((r) => r.answered)), bytes: median(runs.map((r) => r.bytes)) });
  process.stderr.write(`${name}: ${runs.map((r) => `${ms(r.title)}/${ms(r.answered)}`).join(', ')}\n`);
}
await browser.close();
server.close();

console.log(`Slow 4G (562.5 ms RTT, 1.47 Mbit/s down, 675 kbit/s up), CPU 4× slower, cache disabled, files gzip; median of ${RUNS} runs.\n`);
console.log('| page | account on screen | typed amount answered | bytes transferred |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${ms(r.title)} | ${ms(r.answered)} | ${(r.bytes / 1000).toFixed(1)} KB |`);
