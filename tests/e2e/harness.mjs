// Shared set-up of the end-to-end tests: the release build (dist/) served on loopback,
// a second origin for cross-origin embedding, routes for every configuration failure
// mode, and Debian's Chromium driven by playwright-core. Nothing here reaches beyond
// 127.0.0.1.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import { serve } from '../../tools/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

/** The strictest Content-Security-Policy the widget works under (README). */
export const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "connect-src 'self'; img-src 'self' data:; frame-src 'self'; base-uri 'none'; form-action 'none'";

/** A demo configuration's text, as the collective wrote it. */
export function demoConfig(name) {
  return readFileSync(join(DIST, 'demo', name), 'utf8');
}

/**
 * A movement's registry for the overview's tests (Chromium and the other engines): the
 * demo's, with four circos: a link to `slow` (a file the test answers late), a link
 * whose file is missing, an inline account with its goal, and a link whose figures the
 * registry publishes (its file never asked for).
 */
export function overviewRegistry(slow = '/ov/slow.json') {
  const r = JSON.parse(demoConfig('registry.json'));
  const [linked, failing, inline] = r.circos;
  linked.url = slow;
  failing.url = '/fail/404.json';
  inline.goal = { target: 2000, raised: 500, as_of: '2026-12-01', average_gift: 50 };
  const published = {
    department: '99', number: 4, name: 'Mouvement publié, 4e circonscription (fictive)', url: '/ov/never.json',
    goal: { target: 5000, raised: 1000, as_of: '2026-12-10' }, page: 'https://exemple.fr/99-04',
  };
  r.circos = [linked, failing, inline, published];
  return JSON.stringify(r);
}

/** An HTML page embedding the widget the way a collective does. */
export function page({ title = 'test', head = '', body, script = '/circo-don.js' }) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}</head>
<body>${body}<script type="module" src="${script}"></script></body></html>`;
}

/** A host page that does its worst to the widget: its styles must not reach inside. */
export const HOSTILE_CSS = `<style>
  * { all: revert !important; }
  html { font-size: 40px !important; }
  body { font: italic 30px/3 "Comic Sans MS", cursive !important; color: red !important;
         letter-spacing: 6px !important; text-transform: uppercase !important;
         text-align: right !important; background: #ff0 !important; }
  button, input, select, p, h2, h3, li, a, span, strong, output { color: lime !important; font-size: 50px !important;
         display: none !important; }
  .own div { display: none !important; }
  [data-circo-don] { max-height: 20px; overflow: scroll; }
</style>`;

/** Page bodies shared by the Chromium tests and the other engines' (tests/engines/). */
export const BODY = {
  plain: '<div data-circo-don="/demo/circo-exemple.json"></div>',
  hostile: '<div class="own"><div>host text</div></div><div data-circo-don="/demo/circo-exemple.json"></div>',
  /** Two widgets: the demo candidate by URL, the association inline. */
  two: () => `<div id="a" data-circo-don="/demo/circo-exemple.json"></div>
             <script type="application/json" id="assoc">${demoConfig('association.json')}</script>
             <div id="b" data-circo-don="#assoc"></div>`,
  /** The demo configuration inline with an IBAN whose checksum is wrong. */
  brokenIban: () => `<script type="application/json" id="c">${demoConfig('circo-exemple.json').replace(/"FR76/, '"FR00')}</script>
             <div data-circo-don="#c"></div>`,
};

/**
 * Runs in the page with the widget's host element: the computed styles of the widget's
 * parts, its size and whether it scrolls inside. The same on a plain and a hostile page
 * when the shadow root isolates it. Self-contained, for Playwright's and WebDriver's
 * script evaluation alike.
 */
export function isolationProbe(host) {
  const root = host.shadowRoot;
  const pick = (sel) => {
    const el = root.querySelector(sel);
    if (!el) return null;
    const s = getComputedStyle(el);
    return [sel, s.display, s.fontSize, s.fontFamily, s.fontStyle, s.color, s.letterSpacing, s.textTransform, s.textAlign, s.lineHeight].join('|');
  };
  const hostBox = host.getBoundingClientRect();
  return {
    styles: ['.cd', 'h2', 'p', 'button', 'input', 'a', 'output'].map(pick),
    height: Math.round(hostBox.height),
    width: Math.round(hostBox.width),
    // No inner scrollbar: the host takes its content's natural height.
    scrolls: host.scrollHeight > host.clientHeight + 1,
  };
}

/**
 * Runs in the page with an SVG element: draws it on a white canvas and returns the
 * pixels (RGBA, base64) for decodeQr. Self-contained, for Playwright and WebDriver alike.
 */
export async function rasterize(svg) {
  const size = 400;
  const img = new Image();
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  ctx.drawImage(img, 0, 0, size, size);
  const bytes = ctx.getImageData(0, 0, size, size).data;
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { size, base64: btoa(binary) };
}

/** The QR code in rasterize's pixels as jsQR reads it (`data`, the text, and
 * `binaryData`, its bytes), or null when none decodes. */
export function readQr({ size, base64 }) {
  return jsQR(new Uint8ClampedArray(Buffer.from(base64, 'base64')), size, size);
}

/** The text of the QR code in rasterize's pixels, or null when none decodes. */
export function decodeQr(pixels) {
  return readQr(pixels)?.data ?? null;
}

function html(text) {
  return (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(text);
  };
}

function status(code, type, text) {
  return (req, res) => {
    res.writeHead(code, { 'Content-Type': type });
    res.end(text);
  };
}

/**
 * Starts the servers, on 127.0.0.1 only: the main origin (dist/ at / and in a sub-folder,
 * the failure routes and `pages`, which map paths to HTML: strings or functions of the
 * other origins), another origin with CORS and one without. Shared by the Chromium tests
 * and the WebDriver tests of the other engines (tests/engines/). Returns
 * { origin, other, noCors, requests, close }.
 */
export async function serveSite(pages = {}) {
  const requests = [];
  const routes = {
    '/fail/404.json': status(404, 'text/plain', 'not found'),
    '/fail/500.json': status(500, 'text/plain', 'boom'),
    '/fail/invalid.json': status(200, 'application/json', '{ "format": "circo-don/1", '),
    '/fail/html.json': status(200, 'text/html', '<!doctype html><p>Hello</p>'),
    // Answers nothing until the widget gives up (its timeout), then closes.
    '/fail/slow.json': (req, res) => setTimeout(() => res.destroy(), 30_000),
  };
  const other = await serve({ mounts: { '/': DIST }, cors: true, onRequest: (r) => requests.push(r.url) });
  const noCors = await serve({ mounts: { '/': DIST }, cors: false, onRequest: (r) => requests.push(r.url) });
  const origins = {
    other: `http://127.0.0.1:${other.address().port}`,
    noCors: `http://127.0.0.1:${noCors.address().port}`,
  };
  for (const [path, content] of Object.entries(pages)) {
    if (content && typeof content === 'object') {
      // { type, body, delay }: a file answered after `delay` ms (a slow server).
      routes[path] = (req, res) => setTimeout(() => status(200, content.type, content.body)(req, res), content.delay ?? 0);
      continue;
    }
    const text = typeof content === 'function' ? content(origins) : content;
    routes[path] = path.endsWith('.js') ? status(200, 'text/javascript; charset=utf-8', text) : html(text);
  }
  const main = await serve({
    mounts: { '/sub/folder/widget/': DIST, '/': DIST },
    routes,
    onRequest: (r) => requests.push(r.url),
  });
  return {
    origin: `http://127.0.0.1:${main.address().port}`,
    ...origins,
    requests,
    close() {
      for (const s of [main, other, noCors]) s.close();
    },
  };
}

/**
 * Starts the servers (serveSite) and Debian's Chromium. Returns
 * { origin, other, noCors, browser, requests, open, close }.
 */
export async function start(pages = {}) {
  const site = await serveSite(pages);
  const { origin } = site;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const contexts = [];
  return {
    ...site,
    browser,
    /** A fresh context and page (axe needs pages of a context), with console errors kept. */
    async open(path, { width = 1280, height = 900, locale = 'fr-FR', clock, init, ignoreHTTPSErrors = false } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale, ignoreHTTPSErrors });
      contexts.push(context);
      // Every request of the context, from the first one: any host, full URL.
      const requests = [];
      context.on('request', (r) => requests.push(r.url()));
      const p = await context.newPage();
      p.requests = requests;
      p.errors = [];
      p.console = [];
      p.on('pageerror', (e) => p.errors.push(String(e)));
      p.on('console', (m) => p.console.push(`${m.type()}: ${m.text()}`));
      if (clock) await p.clock.setFixedTime(new Date(clock));
      // A script run in every document before its own (a page's CSP does not apply).
      if (init) await p.addInitScript(init);
      await p.goto(origin + path);
      return p;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      site.close();
    },
  };
}

/**
 * Opens a page whose widget (`host`, a selector of its host element) fails to load,
 * and returns what the donor and the collective are told: the alert's first paragraph,
 * its detail toggle, the console. Checks that no payment detail shows and nothing threw.
 */
export async function failureOf(env, path, { timeout = 10_000, host = '[data-circo-don]', options = {} } = {}) {
  const p = await env.open(path, options);
  const root = p.locator(`${host} .cd`);
  await p.locator(`${host} .cd[data-state="failed"], ${host} .cd[data-state="invalid"]`).waitFor({ timeout });
  const alert = root.getByRole('alert');
  const donor = await alert.locator('p').first().innerText();
  await alert.locator('summary').click();
  const detail = await alert.locator('details').innerText();
  assert.equal(await root.locator('[data-iban]').count(), 0, 'no payment details on failure');
  assert.deepEqual(p.errors, [], 'no uncaught error');
  return { p, donor, detail, console: p.console.join('\n') };
}

/** axe-core's violations for the page (WCAG 2.1 A and AA), as readable lines. */
export async function axeViolations(p) {
  const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Saves a full-page screenshot under tests/e2e/artifacts/ (and returns its path). */
export async function screenshot(p, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await p.screenshot({ path, fullPage: true });
  return path;
}
