// Every way loading the configuration can fail shows a polite message in the widget
// itself (never a blank box) and tells the collective what is wrong, in the detail
// toggle and in the browser console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, page, screenshot, failureOf, BODY } from './harness.mjs';

let env;
before(async () => {
  env = await start({
    '/f/404.html': page({ body: '<div data-circo-don="/fail/404.json"></div>' }),
    '/f/500.html': page({ body: '<div data-circo-don="/fail/500.json"></div>' }),
    '/f/invalid.html': page({ body: '<div data-circo-don="/fail/invalid.json"></div>' }),
    '/f/html.html': page({ body: '<div data-circo-don="/fail/html.json"></div>' }),
    '/f/slow.html': page({ body: '<div data-circo-don="/fail/slow.json"></div>' }),
    '/f/nocors.html': ({ noCors }) => page({ body: `<div data-circo-don="${noCors}/demo/circo-exemple.json"></div>` }),
    '/f/missing.html': page({ body: '<div data-circo-don="#nowhere"></div>' }),
    '/f/scheme.html': page({ body: '<div data-circo-don="javascript:alert(1)"></div>' }),
    '/f/iban.html': () => page({ body: BODY.brokenIban() }),
    '/f/offline-wasm.html': page({ body: '<div data-circo-don="/demo/circo-exemple.json"></div>', script: '/circo-don.js' }),
  });
});
after(() => env?.close());

/** Opens a failing page and returns what the donor and the collective are told. */
const failure = (path, options) => failureOf(env, path, options);

test('HTTP 404: the donor is asked to tell the collective; the collective sees the status', async () => {
  const { donor, detail, console } = await failure('/f/404.html');
  assert.match(donor, /collectif/);
  assert.match(detail, /404/);
  assert.match(console, /404/);
});

test('HTTP 500: the donor is told to try again later', async () => {
  const { donor, detail } = await failure('/f/500.html');
  assert.match(donor, /quelques minutes/);
  assert.match(detail, /500/);
});

test('invalid JSON and a HTML page instead of JSON: the collective sees where', async () => {
  const a = await failure('/f/invalid.html');
  assert.match(a.donor, /collectif/);
  // The widget names the check; the builder it links to gives the line and column.
  assert.match(a.detail, /\/fail\/invalid\.json — \(tout le fichier\) \[json-syntax\]/);
  assert.match(a.detail, /circo-don check/);
  const b = await failure('/f/html.html');
  assert.match(b.donor, /collectif/);
});

test('a server that never answers: timeout message after the widget gives up', { timeout: 40_000 }, async () => {
  const { donor, detail } = await failure('/f/slow.html', { timeout: 30_000 });
  assert.match(donor, /connexion/);
  assert.match(detail, /15/);
});

test('a configuration on another origin without CORS: the collective is told about CORS', async () => {
  const { detail, console } = await failure('/f/nocors.html');
  assert.match(detail, /CORS/);
  assert.match(console, /CORS/);
});

test('a missing inline script and a refused scheme are explained', async () => {
  const a = await failure('/f/missing.html');
  assert.match(a.detail, /nowhere/);
  const b = await failure('/f/scheme.html');
  assert.match(b.detail, /javascript/);
});

test('a configuration with a wrong IBAN shows no payment details and names the field', async () => {
  const { p, donor, detail, console } = await failure('/f/iban.html');
  assert.match(donor, /erreur/);
  assert.match(detail, /payment\.transfer\.iban \[iban-checksum\]/);
  assert.match(console, /payment\.transfer\.iban \[iban-checksum\]/);
  assert.match(console, /circo-don check/);
  await screenshot(p, 'invalid-config');
});

test('« Voir le détail dans le préparateur » opens the builder beside the widget, the file imported, its problem at its field', async () => {
  const { p } = await failure('/f/iban.html');
  const link = p.locator('[data-circo-don] .cd').getByRole('link', { name: 'Voir le détail dans le préparateur' });
  const href = await link.getAttribute('href');
  assert.ok(href.startsWith(`${env.origin}/builder.html#import=`), href);
  const [builder] = await Promise.all([p.context().waitForEvent('page'), link.click()]);
  await builder.waitForLoadState();
  const error = builder.locator('#f-payment-transfer-iban-error [data-rule="iban-checksum"]');
  await error.waitFor({ timeout: 15_000 });
  // The builder explains in words what the widget only named.
  assert.match(await error.innerText(), /IBAN/);
  assert.equal(new URL(builder.url()).hash, '', 'the address keeps no copy of the file');
  await screenshot(builder, 'invalid-config-in-builder');
  await builder.close();
});

test('if the wasm cannot load, the element says so instead of staying blank', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  await p.route('**/circo-don_bg.wasm', (route) => route.abort());
  await p.goto(env.origin + '/f/offline-wasm.html');
  const host = p.locator('[data-circo-don][role="alert"]');
  await host.waitFor({ timeout: 10_000 });
  assert.match(await host.innerText(), /n’a pas pu se charger/);
  await context.close();
});

test('if the stylesheet cannot load, the widget still shows, unstyled, and the console names the file', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  const errors = [];
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await p.route('**/circo-don.css', (route) => route.abort());
  await p.goto(env.origin + '/f/offline-wasm.html');
  const host = p.locator('[data-circo-don]');
  // Shown (never a blank box) once the link has failed, and usable.
  await host.locator('.cd[data-state="ready"]').waitFor({ state: 'visible', timeout: 20_000 });
  await host.getByLabel('Montant du don').fill('37');
  await host.locator('.cd-result .cd-figure').first().waitFor({ state: 'visible' });
  // Unstyled indeed: the widget's own rules did not apply.
  const radius = await host.evaluate((h) => getComputedStyle(h.shadowRoot.querySelector('.cd')).borderTopLeftRadius);
  assert.equal(radius, '0px');
  assert.ok(errors.some((e) => /circo-don\.css/.test(e)), errors.join('\n'));
  await context.close();
});

test('with its stylesheet, the live widget is never shown unstyled', async () => {
  const context = await env.browser.newContext();
  const p = await context.newPage();
  // The stylesheet held back until the wasm has started: the widget waits for it.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await p.route('**/circo-don.css', async (route) => { await held; await route.continue(); });
  await p.goto(env.origin + '/f/offline-wasm.html');
  const host = p.locator('[data-circo-don]');
  await host.locator('.cd').waitFor({ state: 'attached', timeout: 20_000 });
  assert.equal(await host.locator('.cd').isVisible(), false, 'hidden while its stylesheet loads');
  release();
  await host.locator('.cd[data-state="ready"]').waitFor({ state: 'visible', timeout: 20_000 });
  const radius = await host.evaluate((h) => getComputedStyle(h.shadowRoot.querySelector('.cd')).borderTopLeftRadius);
  assert.notEqual(radius, '0px');
  await context.close();
});
