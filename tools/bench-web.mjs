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
// cost shown (51 €), the widget's longest task on the main thread until then (WIDGET_TASK)
// and the bytes transferred. Times are from navigation
// start.
//
// Then a movement of all of France (tools/france.mjs: 577 circos, their figures in the
// registry, 158 KB): when its overview is listed, the longest task on the page's main
// thread while it loads, and for each search of FRANCE_QUERIES typed key by key the time
// from the last key to the status saying what was found, and the longest task meanwhile.
//
//   node tools/bench-web.mjs   (needs dist/ and the native `circo-don`: make build first)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// In a probe: records each of the page's long tasks (over 50 ms) in `t.tasks` as
// [start, duration], those before the probe too.
const RECORD_TASKS = `new PerformanceObserver((list) => { for (const e of list.getEntries()) t.tasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });`;

// Runs in the page from its first moment: each animation frame, looks for the title and
// the amount field; types once into the first field seen; notes when the live widget
// shows the typed amount's cost.
const PROBE = `(() => {
  const t = window.__bench = { title: null, typed: null, answered: null, tasks: [] };
  ${RECORD_TASKS}
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

const FRANCE = mkdtempSync(join(tmpdir(), 'circo-don-france-'));
execFileSync('node', [join(ROOT, 'tools', 'france.mjs'), FRANCE], { stdio: ['ignore', 'ignore', 'inherit'] });
const FRANCE_PAGE = doc(`<div data-circo-don="/france/france-full.json"></div>${SCRIPT}`);
// Searches typed on the France page, each on a page of its own: a department.
const FRANCE_QUERIES = ['13'];

// The France page's probe: every task over 50 ms (the browser's long tasks, from the
// page's first moment), and when the overview's rows and the search field are on screen.
const FRANCE_PROBE = `(() => {
  const t = window.__bench = { listed: null, tasks: [] };
  ${RECORD_TASKS}
  function frame(now) {
    const root = document.querySelector('[data-circo-don]')?.shadowRoot;
    if (root?.querySelector('#cd-search') && root.querySelector('.cd-choices li')) t.listed = now;
    else requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();`;

const html = (body) => (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.end(body);
};
const routes = Object.fromEntries(Object.entries(PAGES).map(([name, body]) => [`/bench/${name}.html`, html(body)]));
routes['/bench/france.html'] = html(FRANCE_PAGE);
const server = await serve({ mounts: { '/france/': join(FRANCE, 'site'), '/': DIST }, routes, gzip: true });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  chromiumSandbox: false,
  args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic',
    // Extra flags for an experiment (CHROME_ARGS="--js-flags=…"), none by default.
    ...(process.env.CHROME_ARGS ?? '').split(' ').filter(Boolean)],
});

// The longest of the page's long tasks (over 50 ms; 0 when none) that began once the
// wasm had arrived: the widget's own work (compiling and starting the module, reading the
// configuration, rendering), not the browser's parsing of the page, which the static
// page shows too (about 0.2 s on this profile, with or without the widget).
const WIDGET_TASK = `(() => {
  const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('circo-don_bg.wasm'));
  const from = wasm ? wasm.responseEnd : Infinity;
  return Math.max(0, ...window.__bench.tasks.filter(([start]) => start >= from).map(([, d]) => d));
})()`;

/** A page on the slow phone: its context, page and a count of the bytes transferred. */
async function slowPhone(probe) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, locale: 'fr-FR' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const counted = { bytes: 0 };
  cdp.on('Network.loadingFinished', (e) => { counted.bytes += e.encodedDataLength; });
  await page.addInitScript(probe);
  return { context, page, counted };
}

async function once(name) {
  const { context, page, counted } = await slowPhone(PROBE);
  await page.goto(`${origin}/bench/${name}.html`, { waitUntil: 'commit' });
  const live = name !== 'static';
  await page.waitForFunction((live) => (live ? window.__bench?.answered : window.__bench?.title) != null, live, { timeout: 60_000, polling: 100 });
  if (!live) await page.waitForLoadState('load');
  const t = await page.evaluate(() => window.__bench);
  const longest = live ? await page.evaluate(WIDGET_TASK) : null;
  await context.close();
  return { title: t.title, answered: live ? t.answered : null, longest, bytes: counted.bytes };
}

/** The France page: listed, the longest task while loading, then the search. */
async function france(query) {
  const { context, page, counted } = await slowPhone(FRANCE_PROBE);
  await page.goto(`${origin}/bench/france.html`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.listed != null, null, { timeout: 60_000, polling: 100 });
  // Whatever the page still does once listed counts as loading: two quiet seconds.
  await page.waitForTimeout(2000);
  const loaded = await page.evaluate(() => ({ listed: window.__bench.listed, now: performance.now() }));
  const loadTask = await page.evaluate(WIDGET_TASK);
  // Typed key by key, as a person types (150 ms apart), each key an input event; the
  // answer is the frame after the last key where the status says something new, and not
  // that commune files are still on their way (an earlier key may already have said the
  // same: then nothing changes and the search timed out below).
  const answer = await page.evaluate(async (query) => {
    const root = document.querySelector('[data-circo-don]').shadowRoot;
    const input = root.querySelector('#cd-search');
    const status = root.querySelector('[role="status"]');
    let before = '';
    let typedAt = 0;
    for (const key of query) {
      await new Promise((done) => setTimeout(done, 150));
      before = status.textContent;
      input.value += key;
      typedAt = performance.now();
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
    const answered = () => status.textContent !== before && !/Recherche dans les communes/.test(status.textContent);
    await new Promise((done, fail) => {
      const look = () => (answered() ? done() : performance.now() - typedAt > 30_000 ? fail(new Error(`no answer: ${status.textContent}`)) : requestAnimationFrame(look));
      requestAnimationFrame(look);
    });
    return { typedAt, answeredAt: performance.now(), found: status.textContent };
  }, query);
  await page.waitForTimeout(500);
  const tasks = await page.evaluate(() => window.__bench.tasks);
  await context.close();
  const longest = (xs) => Math.max(0, ...xs.map(([, d]) => d));
  return {
    listed: loaded.listed,
    loadTask,
    answered: answer.answeredAt - answer.typedAt,
    searchTask: longest(tasks.filter(([start]) => start >= loaded.now)),
    found: answer.found,
    bytes: counted.bytes,
  };
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
  rows.push({ name, title: median(runs.map((r) => r.title)), answered: median(runs.map((r) => r.answered)), longest: median(runs.map((r) => r.longest)), bytes: median(runs.map((r) => r.bytes)) });
  process.stderr.write(`${name}: ${runs.map((r) => `${ms(r.title)}/${ms(r.answered)}`).join(', ')}\n`);
}
const franceRows = [];
for (const query of FRANCE_QUERIES) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await france(query));
  process.stderr.write(`france "${query}": ${runs.map((r) => `${ms(r.listed)} ${r.loadTask.toFixed(0)} ms/${r.answered.toFixed(0)} ms ${r.searchTask.toFixed(0)} ms`).join(', ')}; ${runs[0].found}\n`);
  franceRows.push({ query, ...Object.fromEntries(['listed', 'loadTask', 'answered', 'searchTask', 'bytes'].map((k) => [k, median(runs.map((r) => r[k]))])) });
}
await browser.close();
server.close();
rmSync(FRANCE, { recursive: true, force: true });

console.log(`Slow 4G (562.5 ms RTT, 1.47 Mbit/s down, 675 kbit/s up), CPU 4× slower, cache disabled, files gzip; median of ${RUNS} runs.\n`);
console.log('| page | account on screen | typed amount answered | the widget\'s longest task until then | bytes transferred |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${ms(r.title)} | ${ms(r.answered)} | ${r.longest === null ? '—' : `${r.longest.toFixed(0)} ms`} | ${(r.bytes / 1000).toFixed(1)} KB |`);

console.log(`\nA movement of all of France (tools/france.mjs: 577 circos), same profile; median of ${RUNS} runs.\n`);
console.log('| search typed | overview listed | the widget\'s longest task while loading | answered after the last key | longest task while searching | bytes transferred |');
console.log('|---|---|---|---|---|---|');
for (const f of franceRows) {
  console.log(`| \`${f.query}\` | ${ms(f.listed)} | ${f.loadTask.toFixed(0)} ms | ${f.answered.toFixed(0)} ms | ${f.searchTask.toFixed(0)} ms | ${(f.bytes / 1000).toFixed(1)} KB |`);
}
