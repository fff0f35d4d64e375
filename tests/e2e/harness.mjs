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
import { serve } from '../../tools/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

/** A demo configuration's text, as the collective wrote it. */
export function demoConfig(name) {
  return readFileSync(join(DIST, 'demo', name), 'utf8');
}

/** An HTML page embedding the widget the way a collective does. */
export function page({ title = 'test', head = '', body, script = '/circo-don.js' }) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}</head>
<body>${body}<script type="module" src="${script}"></script></body></html>`;
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
 * Starts the servers and the browser. `pages` maps paths to HTML (strings or functions
 * of the servers' origins). Returns { origin, other, browser, requests, open, close }.
 */
export async function start(pages = {}) {
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
    routes[path] = html(typeof content === 'function' ? content(origins) : content);
  }
  const main = await serve({
    mounts: { '/sub/folder/widget/': DIST, '/': DIST },
    routes,
    onRequest: (r) => requests.push(r.url),
  });
  const origin = `http://127.0.0.1:${main.address().port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const contexts = [];
  return {
    origin,
    ...origins,
    browser,
    requests,
    /** A fresh context and page (axe needs pages of a context), with console errors kept. */
    async open(path, { width = 1280, height = 900, locale = 'fr-FR', clock, ignoreHTTPSErrors = false } = {}) {
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
      await p.goto(origin + path);
      return p;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      for (const s of [main, other, noCors]) s.close();
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
