// The donor flows that depend on what differs between browser engines (shadow DOM and
// its style isolation, keyboard input into it, the wasm start, SVG drawn to a canvas,
// <details>), run through WebDriver in one engine: gecko.test.mjs and webkit.test.mjs
// call donorFlows with their name. Chromium runs the full suite (tests/e2e/). Same
// dist/, same servers and same pages as the Chromium tests (../e2e/harness.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { until, By } from 'selenium-webdriver';
import { serveSite, page, demoConfig, BODY, HOSTILE_CSS, STRICT_CSP, isolationProbe, rasterize, decodeQr, overviewRegistry } from '../e2e/harness.mjs';
import { startEngine } from './webdriver.mjs';


/**
 * Runs first on every page, before the widget's script: a fixed clock (WebDriver has no
 * clock control; the demo election's collection window must be open whatever today is)
 * and a record of uncaught errors and console messages, which WebDriver cannot read in
 * every engine.
 */
function preamble(isoDate) {
  return `<script>${preambleCode(isoDate)}</script>`;
}

/** The preamble's code, also served as a file for pages whose CSP refuses inline scripts. */
function preambleCode(isoDate) {
  return `(() => {
  const fixed = ${Date.parse(`${isoDate}T10:00:00+01:00`)};
  const RealDate = Date;
  window.Date = class extends RealDate {
    constructor(...args) { super(...(args.length ? args : [fixed])); }
    static now() { return fixed; }
  };
  window.__errors = [];
  window.__console = [];
  addEventListener('error', (e) => __errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));
  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = (...args) => { __console.push(args.join(' ')); original.apply(console, args); };
  }
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => __violations.push(e.violatedDirective));
})();`;
}

/**
 * Runs in the page: the element of the n-th widget's shadow root that `q` names:
 * { css }, { label } (the control it labels) or { button } (by its text). Null until it
 * exists.
 */
function find(n, q) {
  const root = document.querySelectorAll('[data-circo-don]')[n]?.shadowRoot;
  if (!root) return null;
  if (q.css) return root.querySelector(q.css);
  const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
  if (q.label) {
    const label = [...root.querySelectorAll('label')].find((l) => text(l) === q.label);
    return label?.control ?? null;
  }
  return [...root.querySelectorAll('button, summary')].find((b) => text(b) === q.button) ?? null;
}

export function donorFlows(name) {
  let site;
  let engine;
  let config;
  const wait = (condition, what, timeout = 20_000) => engine.driver.wait(condition, timeout, `waiting for ${what}`);

  before(async () => {
    config = JSON.parse(demoConfig('circo-exemple.json'));
    // A day the demo election collects gifts: 20 days before its first round.
    const open = new Date(Date.parse(config.election.first_round) - 20 * 86_400_000).toISOString().slice(0, 10);
    const head = preamble(open);
    site = await serveSite({
      '/plain.html': page({ head, body: BODY.plain }),
      '/hostile.html': page({ head: head + HOSTILE_CSS, body: BODY.hostile }),
      '/two.html': () => page({ head, body: BODY.two() }),
      '/broken.html': () => page({ head, body: BODY.brokenIban() }),
      '/missing.html': page({ head, body: '<div data-circo-don="/fail/404.json"></div>' }),
      '/preamble.js': preambleCode(open),
      '/ov/registry.json': { type: 'application/json', body: overviewRegistry() },
      '/ov/slow.json': { type: 'application/json', body: demoConfig('circo-exemple.json'), delay: 3000 },
      '/overview.html': page({ head, body: '<div data-circo-don="/ov/registry.json"></div>' }),
      // A careful collective's page: no inline script or style allowed at all.
      '/csp.html': page({
        head: `<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}"><script src="/preamble.js"></script>`,
        body: BODY.plain,
      }),
    });
    engine = await startEngine(name);
    console.log(`# ${engine.label} ${engine.version}`);
  });
  after(async () => {
    await engine?.close();
    site?.close();
  });

  /** Loads a page and waits until its n-th widget reaches `state`. */
  async function open(path, { state = 'ready', widgets = 1 } = {}) {
    await engine.driver.get(site.origin + path);
    for (let n = 0; n < widgets; n++) {
      await wait(() => engine.driver.executeScript(find, n, { css: `.cd[data-state="${state}"]` }), `widget ${n} ${state} on ${path}`);
    }
  }
  /** The element `q` names in widget n (see find), once it exists. */
  async function el(q, n = 0) {
    return wait(async () => (await engine.driver.executeScript(find, n, q)) || null, `${JSON.stringify(q)} in widget ${n}`, 10_000);
  }
  const js = (fn, ...args) => engine.driver.executeScript(fn, ...args);
  const textOf = (element) => js((e) => e.innerText, element);
  /** Waits until the n-th widget's result says what every pattern matches; returns it. */
  async function said(patterns, n = 0) {
    const result = await el({ css: '.cd-result[role="status"]' }, n);
    let text = '';
    await wait(async () => {
      text = await textOf(result);
      return patterns.every((p) => p.test(text));
    }, `the result to match ${patterns.join(' and ')}`, 10_000).catch(() => {});
    for (const p of patterns) assert.match(text, p);
    return text;
  }
  const noErrors = async () => assert.deepEqual(await js(() => window.__errors), [], 'no uncaught script error');

  test('the widget mounts in its shadow root on a hostile host page, untouched by its styles', async () => {
    await open('/plain.html');
    const plain = await js(isolationProbe, await engine.driver.findElement(By.css('[data-circo-don]')));
    await open('/hostile.html');
    const host = await engine.driver.findElement(By.css('[data-circo-don]'));
    assert.ok(await js((h) => h.shadowRoot instanceof ShadowRoot && h.shadowRoot.mode === 'open', host), 'an open shadow root');
    const hostile = await js(isolationProbe, host);
    assert.ok(plain.height > 200, `the widget has a real height (${plain.height}px)`);
    assert.deepEqual(hostile.styles, plain.styles);
    assert.equal(hostile.height, plain.height);
    assert.equal(hostile.scrolls, false);
    assert.equal(await js(() => getComputedStyle(document.body).fontSize), '30px', 'the host keeps its own font');
    assert.ok(await (await el({ label: 'Montant du don' })).isDisplayed(), 'the amount field is visible');
    await noErrors();
    await engine.screenshot('hostile-host');
  });

  /** Types `text` with real keystrokes into `field`, emptied first: the widget starts
   * from a preset amount. */
  async function typeOver(field, text) {
    await field.clear();
    await field.sendKeys(text);
  }

  test('every month with real keystrokes: 10 € a month, its years, the standing order, the reference', async () => {
    await open('/plain.html');
    await (await el({ button: 'Chaque mois' })).click();
    // 28 December 2026, the demo's account due on 26 March 2027: the 28th of December,
    // January and February.
    await typeOver(await el({ label: 'Montant par mois' }), '10');
    await said([/3 versements, 30\s€ au total/, /2026 : 1 versement, 10\s€/, /2027 : 2 versements, 20\s€/, /28 février 2027/]);
    const order = await textOf(await el({ css: '.cd-standing' }));
    assert.match(order, /le 28 de chaque mois/);
    const line = await textOf(await el({ css: '.cd-ref' }));
    const [reference] = line.match(/DON-[0-9A-Z]{6}/) ?? [];
    assert.ok(reference, line);
    assert.match(await textOf(await el({ css: '.cd-pay' })), new RegExp(`DON CAMPAGNE MARTIN ${reference}`));
    await noErrors();
  });

  test('typing 37 with real keystrokes: it really costs 13 €, 12,58 € exactly', async () => {
    await open('/plain.html');
    // The widget starts from the goal's average gift, 37 €: another amount first.
    await typeOver(await el({ label: 'Montant du don' }), '100');
    await said([/réellement 34\s€/]);
    await typeOver(await el({ label: 'Montant du don' }), '37');
    await said([/réellement 13\s€/, /coût de 12,58\s€/]);
    await noErrors();
  });

  test('4 601 € is refused, naming the 4 600 € ceiling', async () => {
    await open('/plain.html');
    await typeOver(await el({ label: 'Montant du don' }), '4601');
    await said([/4\s600\s€/]);
    assert.equal(await (await el({ css: '.cd-result' })).getAttribute('data-kind'), 'refused');
    await noErrors();
  });

  test('the transfer details and a QR code that decodes to the IBAN and the amount', async () => {
    await open('/plain.html');
    await typeOver(await el({ label: 'Montant du don' }), '37,50');
    // The radio button itself: transparent, it covers its label and takes the click.
    await (await el({ label: 'Virement' })).click();
    const iban = config.payment.transfer.iban.replace(/\s/g, '');
    assert.equal((await textOf(await el({ css: '[data-iban]' }))).replace(/\s/g, ''), iban);
    const code = decodeQr(await js(rasterize, await el({ css: '.cd-qr svg' })));
    assert.ok(code, 'the QR code decodes');
    const lines = code.split('\n');
    assert.deepEqual(lines.slice(0, 4), ['BCD', '002', '1', 'SCT']);
    assert.equal(lines[6], iban);
    assert.equal(lines[7], 'EUR37.50');
    await noErrors();
    await engine.screenshot('transfer');
  });

  test('the language switch: English labels and figures', async () => {
    await open('/plain.html');
    await (await el({ button: 'English' })).click();
    await wait(async () => (await js(find, 0, { css: '.cd[lang="en"]' })) !== null, 'the widget in English');
    await typeOver(await el({ label: 'Donation amount' }), '1000');
    await said([/€1,000/, /really cost you €340/]);
    await noErrors();
  });

  test('two widgets on one page, each with its configuration, independent', async () => {
    await open('/two.html', { widgets: 2 });
    const assoc = JSON.parse(demoConfig('association.json'));
    const [a, b] = [await textOf(await el({ css: '.cd' }, 0)), await textOf(await el({ css: '.cd' }, 1))];
    assert.match(a, new RegExp(config.candidate.name));
    assert.match(b, new RegExp(assoc.candidate.name));
    assert.doesNotMatch(a, new RegExp(assoc.candidate.name));
    const before = await (await el({ label: 'Montant du don' }, 1)).getAttribute('value');
    await typeOver(await el({ label: 'Montant du don' }, 0), '123');
    await said([/123\s€/], 0);
    assert.notEqual(before, '123');
    assert.equal(await (await el({ label: 'Montant du don' }, 1)).getAttribute('value'), before);
    await noErrors();
  });

  test('a broken configuration: a polite message, no payment details, the field named', async () => {
    await open('/broken.html', { state: 'invalid' });
    const alert = await el({ css: '[role="alert"]' });
    assert.match(await textOf(await alert.findElement(By.css('p'))), /erreur/);
    await (await el({ button: 'Détails pour le collectif' })).click();
    const details = await el({ css: 'details' });
    await engine.driver.wait(until.elementIsVisible(await details.findElement(By.css('li'))), 5_000);
    assert.match(await textOf(details), /payment\.transfer\.iban/);
    assert.match((await js(() => window.__console)).join('\n'), /payment\.transfer\.iban/);
    assert.equal(await js(find, 0, { css: '[data-iban]' }), null, 'no payment details');
    await noErrors();
  });

  test('under a strict CSP the widget looks exactly as without one, with no violation', async () => {
    // Ready is not yet shown: the live view waits for its stylesheet to apply.
    const shown = async () => engine.driver.wait(until.elementIsVisible(await el({ css: '.cd' })), 10_000);
    await open('/plain.html');
    await shown();
    const free = await js(isolationProbe, await engine.driver.findElement(By.css('[data-circo-don]')));
    await open('/csp.html');
    await shown();
    const strict = await js(isolationProbe, await engine.driver.findElement(By.css('[data-circo-don]')));
    assert.deepEqual(strict.styles, free.styles);
    assert.equal(strict.height, free.height);
    await typeOver(await el({ label: 'Montant du don' }), '37');
    await said([/réellement 13\s€/]);
    assert.deepEqual(await js(() => window.__violations), [], 'no CSP violation');
    await noErrors();
  });

  /** The overview's rows: each circo's id (from its link) and state, in order. */
  const rows = () => js(() => [...document.querySelector('[data-circo-don]').shadowRoot.querySelectorAll('.cd-choices li')]
    .map((li) => `${li.querySelector('a').textContent.match(/\(([^()]+)\)$/)[1]} ${li.dataset.state}`));

  test('a movement\'s overview: by what is missing, a slow file pending then read, a missing one failing alone', async () => {
    await open('/overview.html');
    await el({ css: 'li[data-state="pending"]' });
    assert.deepEqual(await rows(), ['99-04 progress', '99-03 progress', '99-01 pending', '99-02 failed']);
    assert.match(await textOf(await el({ css: 'li[data-state="failed"]' })), /n’a pas pu être lu/);
    await wait(async () => (await js(find, 0, { css: 'li[data-state="pending"]' })) === null, 'the slow file read');
    assert.deepEqual(await rows(), ['99-04 progress', '99-01 progress', '99-03 progress', '99-02 failed']);
    assert.match(await textOf(await el({ css: '.cd-choices' })), /Il manque 1\s760\s€/);
    await engine.screenshot('overview');
    await (await el({ button: 'Nom' })).click();
    await wait(async () => (await rows())[0] === '99-01 progress', 'sorted by name');
    assert.deepEqual((await rows()).map((r) => r.split(' ')[0]), ['99-01', '99-02', '99-03', '99-04']);
    await noErrors();
  });

  test('a configuration that cannot be fetched: the donor is asked to tell the collective', async () => {
    await open('/missing.html', { state: 'failed' });
    assert.match(await textOf(await el({ css: '[role="alert"] p' })), /collectif/);
    assert.match(await js((d) => d.textContent, await el({ css: '[role="alert"] details' })), /404/);
    await noErrors();
  });
}
