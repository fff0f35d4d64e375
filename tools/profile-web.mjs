// Where the widget's long tasks go, on the slow phone of `make bench-web` (CPU slowed
// 4×): loads one page in Chromium with V8's sampling profiler on (every 100 µs), finds
// the page's long tasks (over 50 ms), and prints where the scripts' and the wasm's time
// went until the widget was shown and two quiet seconds after, by function (inclusive and
// self time), with their Rust names.
//
//   node tools/profile-web.mjs [url|france]   (after `make size`)
//
// The release wasm has no names: the page is served the copy `make size` breaks down
// (target/min-size/size/circo-don_named.wasm: the same wasm-opt passes plus `-g`), with
// wasm-bindgen's own glue for it (its imports keep their long names) and the start code.
// Sampling slows the page (about 10 %): the figures are shares, not the bench's times.
//   url      the widget with the demo's configuration URL
//   france   a movement of all of France (tools/france.mjs), by configuration URL
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const kind = process.argv[2] ?? 'url';
const NAMED = join(ROOT, 'target/min-size/size/circo-don_named.wasm');
const GLUE = join(ROOT, 'target/min-size/wasm-bindgen/release/circo-don.js');
for (const f of [join(ROOT, 'dist/circo-don.css'), NAMED, GLUE]) {
  if (!existsSync(f)) {
    console.error(`profile-web: ${f} is missing: run 'make size' first`);
    process.exit(2);
  }
}
if (!['url', 'france'].includes(kind)) {
  console.error(`profile-web: unknown page ${kind}: url or france`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'circo-don-profile-'));
cpSync(join(ROOT, 'dist'), dir, { recursive: true });
writeFileSync(join(dir, 'circo-don.js'), readFileSync(GLUE));
appendFileSync(join(dir, 'circo-don.js'), readFileSync(join(ROOT, 'tools/embed-start.js')));
cpSync(NAMED, join(dir, 'circo-don_bg.wasm'));
let config = '/demo/circo-exemple.json';
if (kind === 'france') {
  execFileSync('node', [join(ROOT, 'tools/france.mjs'), join(dir, 'fr')], { stdio: ['ignore', 'ignore', 'inherit'] });
  config = '/fr/site/france-full.json';
}
const body = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>profile</title></head>
<body><div data-circo-don="${config}"></div><script type="module" src="/circo-don.js"></script></body></html>`;
const page = (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.end(body);
};
const server = await serve({ mounts: { '/': dir }, routes: { '/profile.html': page }, gzip: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true, chromiumSandbox: false,
  args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
try {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, locale: 'fr-FR' });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await tab.addInitScript(`window.__tasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) __tasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });`);
  await cdp.send('Profiler.start');
  await tab.goto(`http://127.0.0.1:${server.address().port}/profile.html`);
  // Until the widget has shown its account or its overview, then two quiet seconds.
  await tab.waitForFunction(() => document.querySelector('[data-circo-don]')?.shadowRoot?.querySelector('.cd-title h2, .cd-choices li'), null, { timeout: 60_000 });
  await tab.waitForTimeout(2000);
  const { profile } = await cdp.send('Profiler.stop');
  report(profile, await tab.evaluate(() => window.__tasks));
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

function report(profile, tasks) {
  const node = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'native'})`;
  const self = new Map();
  const incl = new Map();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = node.get(id);
    if (['(idle)', '(program)', '(garbage collector)'].includes(name(leaf))) return;
    busy += ms;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + ms);
    const seen = new Set();
    for (let at = leaf.id; at !== undefined; at = parent.get(at)) {
      const n = name(node.get(at));
      if (!seen.has(n)) incl.set(n, (incl.get(n) ?? 0) + ms);
      seen.add(n);
    }
  });
  console.log(`page: ${kind}; the page's long tasks (ms, CPU 4×, sampled): ${tasks.map(([at, ms]) => `${ms} at ${at}`).join(', ') || 'none'}`);
  const clean = (n) => n.replace(/\[[0-9a-f]{8,}\]/g, '').slice(0, 140);
  const top = (m, k) => [...m].filter(([n]) => n !== '(root)').sort((a, b) => b[1] - a[1]).slice(0, k)
    .map(([n, ms]) => `  ${ms.toFixed(1).padStart(6)} ms ${((100 * ms) / busy).toFixed(0).padStart(3)} %  ${clean(n)}`).join('\n');
  console.log(`scripts and wasm, ${busy.toFixed(0)} ms in all (not the browser's own parsing, style and layout): by inclusive time\n${top(incl, Number(process.env.TOP ?? 40))}\nby self time\n${top(self, Number(process.env.TOP ?? 40) / 2)}`);
}
