// The prerendered snippet (`circo-don render`, README "Static first"): readable without
// JavaScript, taken over by the live widget without a layout shift and without losing
// what the donor typed, one widget per host however it was pasted, under a strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { start, screenshot, demoConfig, axeViolations, ROOT, STRICT_CSP } from './harness.mjs';

/** The snippet, as a collective would paste it (the demo configuration, a fixed day). */
function render(...extra) {
  return execFileSync('cargo', ['run', '--locked', '--quiet', '--', 'render', 'demo/circo-exemple.json',
    '--config-url', '/demo/circo-exemple.json', '--base', '/', '--date', '2026-11-25', ...extra],
  { cwd: ROOT, encoding: 'utf8' });
}

function html(body, head = '') {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>prerender</title>${head}</head>
<body><h1>Soutenir la campagne</h1>${body}<p id="below">Texte de la page, sous le widget.</p></body></html>`;
}

/** Sums every layout shift of the page (none excluded for recent input). */
const COUNT_SHIFTS = `
  window.shifts = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shifts += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));`;

/** The demo registry's snippet: its overview prerendered, its linked files read beside it. */
function renderRegistry() {
  return execFileSync('cargo', ['run', '--locked', '--quiet', '--', 'render', 'demo/registry.json',
    '--config-url', '/demo/registry.json', '--base', '/'], { cwd: ROOT, encoding: 'utf8' });
}

let env;
let snippet;

/** The plain snippet the builder writes: the same, without the declarative shadow root. */
function plainOf(prerendered) {
  return prerendered.replace(/<template shadowrootmode="open">[\s\S]*<\/template>/, '');
}
before(async () => {
  snippet = render();
  const host = snippet.match(/<div data-circo-don[\s\S]*<\/div>/)[0];
  env = await start({
    '/pre.html': html(snippet),
    '/pre-csp.html': html(snippet, `<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">`),
    '/pre-twice.html': html(snippet + snippet),
    // A host page that inserts the snippet's element with innerHTML: its template stays
    // inert (no shadow root), as a parser never attached one.
    '/inner.js': `document.querySelector('#slot').innerHTML = ${JSON.stringify(host)};`,
    // The configuration changed since the snippet was rendered (more raised).
    '/changed.json': { type: 'application/json', body: JSON.stringify({ ...JSON.parse(demoConfig('circo-exemple.json')), goal: { target: 3000, raised: 2000, as_of: '2026-11-24', average_gift: 37 } }) },
    '/pre-stale.html': html(snippet.replace('data-circo-don="/demo/circo-exemple.json"', 'data-circo-don="/changed.json"')),
    '/pre-inner.html': html('<div id="slot"></div><script type="module" src="/inner.js"></script><script type="module" src="/circo-don.js"></script>'),
    // The plain snippet (no prerendered view) whose script line a content filter removed,
    // and the same with its script.
    '/plain-no-script.html': html(plainOf(snippet).replace(/<script type="module"[^>]*><\/script>\n?/, '')),
    '/plain.html': html(plainOf(snippet)),
    '/overview.html': html(renderRegistry()),
    '/overview-csp.html': html(renderRegistry(), `<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">`),
  });
});
after(() => env?.close());

/** A page in a fresh context; the wasm answered `delay` ms late (a slow network). */
async function open(path, { javaScriptEnabled = true, delay = 0, listen, slow = [] } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'fr-FR', javaScriptEnabled });
  // The wasm `delay` ms late, and each of `slow`'s [path, ms].
  for (const [late, ms] of [...(delay ? [['/circo-don_bg.wasm', delay]] : []), ...slow]) {
    await context.route(`**${late}`, async (route) => {
      await new Promise((ok) => setTimeout(ok, ms));
      await route.continue();
    });
  }
  const p = await context.newPage();
  p.errors = [];
  p.on('pageerror', (e) => p.errors.push(String(e)));
  if (javaScriptEnabled) await p.addInitScript(COUNT_SHIFTS);
  // Watches the page's requests from its first one (no earlier document to leak in).
  if (listen) listen(p);
  await p.goto(env.origin + path);
  p.close = () => context.close();
  return p;
}

test('without JavaScript the prerender shows how to give and what it really costs', async () => {
  const p = await open('/pre.html', { javaScriptEnabled: false });
  const widget = p.locator('[data-circo-don] .cd');
  assert.equal(await widget.getAttribute('data-state'), 'prerendered');
  const text = await widget.innerText();
  assert.match(text, /FR76 9999 9000 0100 0123 4567 809/);
  assert.match(text, /Claude Durand, mandataire financier de Camille Martin/);
  assert.match(text, /12,58\s€/, 'the real cost of the default preset (37 €)');
  assert.match(text, /Au 25 novembre 2026, plus que 53 jours/);
  // Every method's details, the card link working as a plain link.
  assert.match(text, /Par chèque/);
  assert.match(text, /12 rue de l’Exemple/);
  assert.equal(await p.locator('[data-circo-don] a[href^="https://paiement.banque-exemple.fr/"]').isVisible(), true);
  // No dead control: no button, no field, nothing to choose that would do nothing.
  for (const sel of ['button', 'input', '.cd-lang', '.cd-modes']) {
    assert.equal(await p.locator(`[data-circo-don] ${sel}:visible`).count(), 0, `${sel} hidden`);
  }
  // Styled by the stylesheet beside circo-don.js.
  assert.match(await widget.evaluate((el) => getComputedStyle(el).fontFamily), /^system-ui/);
  await screenshot(p, 'prerender-no-js');
  // The element's fallback text is there, hidden by the declarative shadow root.
  assert.equal(await p.locator('[data-circo-don] > p[lang="fr"]').count(), 1);
  assert.equal(await p.getByText('Chargement du module de dons').isVisible(), false);
  await p.close();
});

test('the plain snippet without its script says so to the visitor and the collective; with it, the widget replaces that text', async () => {
  const bare = await open('/plain-no-script.html');
  const fr = bare.locator('[data-circo-don] > p[lang="fr"]');
  assert.equal(await fr.isVisible(), true, 'no blank: the fallback is read');
  assert.match(await fr.innerText(), /demandez au collectif comment donner/);
  assert.match(await fr.innerText(), /le script circo-don\.js ne s’est pas exécuté/);
  assert.match(await bare.locator('[data-circo-don] > p[lang="en"]').innerText(), /ask the collective how to give/);
  await screenshot(bare, 'plain-no-script');
  await bare.close();

  const live = await open('/plain.html');
  await live.locator('[data-circo-don] .cd[data-state="ready"]').waitFor({ timeout: 20_000 });
  assert.equal(await live.getByText('Chargement du module de dons').isVisible(), false, 'the widget hides the fallback');
  assert.deepEqual(live.errors, []);
  await live.close();
});

test('with JavaScript the live widget takes over: one widget, no shift, the typed amount and the focus kept', async () => {
  const p = await open('/pre.html', { delay: 1500 });
  const host = p.locator('[data-circo-don]');
  await host.locator('.cd[data-state="prerendered"]').waitFor();
  // The donor types before the wasm has arrived.
  await host.locator('#cd-amount').fill('150');
  assert.equal(await host.locator('.cd[data-state="ready"]').count(), 0, 'typed into the prerender');
  await host.locator('.cd[data-state="ready"]').waitFor({ timeout: 20_000 });
  const state = await host.evaluate((el) => ({
    widgets: el.shadowRoot.querySelectorAll('.cd').length,
    prerendered: el.shadowRoot.querySelectorAll('[data-state="prerendered"]').length,
    value: el.shadowRoot.querySelector('#cd-amount').value,
    focused: el.shadowRoot.activeElement?.id,
    // The prerender's link to the stylesheet stays, alone, and styles the live view.
    links: el.shadowRoot.querySelectorAll('link[rel="stylesheet"]').length,
    styled: getComputedStyle(el.shadowRoot.querySelector('.cd')).borderTopLeftRadius !== '0px',
  }));
  assert.deepEqual(state, { widgets: 1, prerendered: 0, value: '150', focused: 'cd-amount', links: 1, styled: true });
  // 150 € − 66 % = 51 €: the live widget computed the typed amount.
  await host.locator('.cd-result', { hasText: /51\s€/ }).waitFor({ timeout: 5_000 });
  const shifts = await p.evaluate(() => window.shifts);
  assert.ok(shifts < 0.02, `cumulative layout shift ${shifts}`);
  assert.deepEqual(p.errors, []);
  await screenshot(p, 'prerender-taken-over');
  await p.close();
});

test('a snippet pasted twice, or inserted with innerHTML, ends in exactly one working widget per host', async () => {
  for (const path of ['/pre-twice.html', '/pre-inner.html']) {
    const p = await open(path);
    const hosts = p.locator('[data-circo-don]');
    const n = await hosts.count();
    assert.equal(n, path === '/pre-twice.html' ? 2 : 1, path);
    for (let i = 0; i < n; i++) {
      const host = hosts.nth(i);
      await host.locator('.cd[data-state="ready"]').waitFor({ timeout: 20_000 });
      assert.equal(await host.evaluate((el) => el.shadowRoot.querySelectorAll('.cd').length), 1, `${path} #${i}`);
      await host.locator('#cd-amount').fill('100');
      await host.locator('.cd-result', { hasText: /34\s€/ }).waitFor({ timeout: 5_000 });
    }
    assert.deepEqual(p.errors, [], path);
    await p.close();
  }
});

test('under a strict CSP the prerender is styled and taken over with no violation', async () => {
  const p = await open('/pre-csp.html', { delay: 2000 });
  const host = p.locator('[data-circo-don]');
  const pre = host.locator('.cd[data-state="prerendered"]');
  await pre.waitFor();
  const font = await pre.evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /^system-ui/, 'the stylesheet beside circo-don.js applies');
  await host.locator('.cd[data-state="ready"]').waitFor({ timeout: 20_000 });
  assert.equal(await host.locator('.cd[data-state="ready"]').evaluate((el) => getComputedStyle(el).fontFamily), font);
  assert.deepEqual(await p.evaluate(() => window.violations), []);
  assert.deepEqual(p.errors, []);
  await p.close();
});

test('the configuration is asked for while the wasm downloads, once, and the wasm is preloaded', async () => {
  const seen = [];
  const p = await open('/pre.html', {
    delay: 1500,
    listen: (page) => {
      page.on('request', (r) => seen.push([r.url().replace(env.origin, ''), Date.now()]));
      page.on('requestfinished', (r) => seen.push([`done ${r.url().replace(env.origin, '')}`, Date.now()]));
    },
  });
  await p.locator('[data-circo-don] .cd[data-state="ready"]').waitFor({ timeout: 20_000 });
  const at = (name) => seen.find(([url]) => url === name)?.[1];
  assert.ok(at('/demo/circo-exemple.json') < at('done /circo-don_bg.wasm'), 'configuration asked for before the wasm arrived');
  assert.equal(seen.filter(([url]) => url === '/demo/circo-exemple.json').length, 1, 'one request for the configuration');
  assert.equal(seen.filter(([url]) => url === '/circo-don_bg.wasm').length, 1, 'the preload is the wasm the glue uses');
  assert.deepEqual(p.errors, []);
  await p.close();
});

test('a prerender older than the configuration gives way to the live view', async () => {
  const p = await open('/pre-stale.html');
  const host = p.locator('[data-circo-don]');
  await host.locator('.cd[data-state="ready"]').waitFor({ timeout: 20_000 });
  const text = await host.locator('.cd').innerText();
  assert.match(text, /2\s000\s€ collectés/);
  assert.doesNotMatch(text, /1\s240\s€ collectés/);
  assert.deepEqual(p.errors, []);
  await p.close();
});

/** A row of the overview: its link's target, its state, its text. */
const overviewRows = (host) => host.locator('.cd-choices li').evaluateAll((lis) => lis.map((li) => [li.querySelector('a').getAttribute('href'), li.dataset.state, li.innerText]));

test('a registry\'s prerendered overview reads without JavaScript: every circo, its figures, a link each', async () => {
  const p = await open('/overview.html', { javaScriptEnabled: false });
  const host = p.locator('[data-circo-don]');
  assert.equal(await host.locator('.cd').getAttribute('data-state'), 'prerendered');
  await host.getByRole('heading', { name: 'Où manque l’argent' }).waitFor();
  const rows = await overviewRows(host);
  assert.deepEqual(rows.map(([href, state]) => [href, state]),
    [['#circo-99-01', 'progress'], ['#circo-99-02', 'no-goal'], ['#circo-99-03', 'no-goal'], ['#circo-ZZ-05', 'no-goal']]);
  // The linked file's figures, as of when it was read.
  assert.match(rows[0][2], /1\s240\s€ collectés sur un objectif de 3\s000\s€ \(au 20 novembre 2026\)/);
  assert.match(rows[0][2], /Il manque 1\s760\s€, soit 48 dons de 37\s€\./);
  assert.match(rows[1][2], /Pas d’objectif publié/);
  assert.equal(await host.getByRole('progressbar').getAttribute('value'), '41');
  // No dead control: the search, the sorts and the languages wait for JavaScript.
  for (const sel of ['button', 'input', '.cd-lang', '.cd-modes']) {
    assert.equal(await host.locator(`${sel}:visible`).count(), 0, `${sel} hidden`);
  }
  await screenshot(p, 'overview-prerender-no-js-1000');
  await p.setViewportSize({ width: 360, height: 900 });
  await screenshot(p, 'overview-prerender-no-js-360');
  await p.close();
});

test('the live overview takes over when its files are read: the same rows, no shift, each row opening its circo', async () => {
  // The wasm and the linked file both late: the prerender stays until the live
  // overview has its figures, then gives way to the same rows in the same order.
  const p = await open('/overview.html', { delay: 1000, slow: [['/demo/circo-exemple.json', 2500]] });
  const host = p.locator('[data-circo-don]');
  await host.locator('.cd[data-state="prerendered"]').waitFor();
  const before = await overviewRows(host);
  await host.locator('.cd[data-state="ready"]:visible').waitFor({ timeout: 20_000 });
  assert.equal(await host.locator('li[data-state="pending"]').count(), 0, 'no row pending when the live view shows');
  assert.deepEqual(await overviewRows(host), before);
  assert.equal(await host.evaluate((el) => el.shadowRoot.querySelectorAll('.cd').length), 1);
  const shifts = await p.evaluate(() => window.shifts);
  assert.ok(shifts < 0.02, `cumulative layout shift ${shifts}`);
  assert.deepEqual(await axeViolations(p), []);
  await screenshot(p, 'overview-prerender-taken-over');
  // A row opens its circo.
  await host.getByRole('link', { name: /\(99-03\)$/ }).click();
  await host.getByRole('heading', { name: /Sacha Bernard/ }).waitFor();
  assert.equal(new URL(p.url()).hash, '#circo-99-03');
  assert.deepEqual(p.errors, []);
  await p.close();
});

/** The computed styles a person would notice in an overview, prerendered or live. */
const overviewLooks = (host, state) => host.evaluate((el, state) => {
  const root = el.shadowRoot.querySelector(`.cd[data-state="${state}"]`);
  const props = ['font-family', 'font-size', 'color', 'background-color', 'border-top-width', 'padding-top', 'display', 'width', 'height'];
  const out = {};
  for (const sel of ['', 'h2', 'h3', '.cd-title', '.cd-choices li', '.cd-choices li a', '.cd-muted', '.cd-bar']) {
    const part = sel ? root.querySelector(sel) : root;
    out[sel || '.cd'] = part ? props.map((k) => `${k}:${getComputedStyle(part).getPropertyValue(k)}`).join(';') : 'missing';
  }
  return out;
}, state);

test('under a strict CSP the prerendered overview is styled as without one and taken over with no violation', async () => {
  // The wasm late, so that the prerender is read on its own first.
  const looks = {};
  for (const path of ['/overview.html', '/overview-csp.html']) {
    const p = await open(path, { delay: 1500 });
    const host = p.locator('[data-circo-don]');
    await host.locator('.cd[data-state="prerendered"]').waitFor();
    const pre = await overviewLooks(host, 'prerendered');
    await host.locator('.cd[data-state="ready"]:visible').waitFor({ timeout: 20_000 });
    await host.locator('li[data-state="progress"]').first().waitFor();
    looks[path] = { pre, live: await overviewLooks(host, 'ready') };
    assert.deepEqual(await p.evaluate(() => window.violations), [], path);
    assert.deepEqual(p.errors, [], path);
    if (path === '/overview-csp.html') await screenshot(p, 'overview-csp-strict');
    await p.close();
  }
  const csp = looks['/overview-csp.html'];
  assert.deepEqual(csp, looks['/overview.html']);
  for (const [state, parts] of Object.entries(csp)) {
    for (const [sel, style] of Object.entries(parts)) assert.notEqual(style, 'missing', `${state} ${sel}`);
    // The stylesheet really applies (not two unstyled pages that agree).
    assert.match(parts['.cd'], /font-family:system-ui/, state);
  }
});
