// A careful collective's page: a Content-Security-Policy with no 'unsafe-inline' at all
// (README, "Content-Security-Policy"). The widget, its goal bar and its printable form
// must be styled exactly as without a policy, with no violation reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, page, screenshot, STRICT_CSP } from './harness.mjs';

const BODY = '<div data-circo-don="/demo/circo-exemple.json"></div>';

/** Counts securitypolicyviolation events in every document, the print frame's too. */
const COUNT_VIOLATIONS = `
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    (window.top || window).violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
  });`;

let env;
before(async () => {
  env = await start({
    '/csp.html': page({ head: `<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">`, body: BODY }),
    '/no-csp.html': page({ body: BODY }),
  });
});
after(() => env?.close());

/** The computed styles a person would notice, for a few parts of the widget. */
async function looks(p) {
  const widget = p.locator('[data-circo-don]');
  await widget.locator('.cd[data-state="ready"]').waitFor({ timeout: 20_000 });
  await widget.getByLabel('Montant du don').fill('37');
  await widget.locator('.cd-result .cd-figure').first().waitFor();
  return widget.evaluate((host) => {
    const root = host.shadowRoot;
    const props = ['font-family', 'font-size', 'color', 'background-color', 'border-top-width', 'padding-top', 'display', 'width', 'height'];
    const out = {};
    for (const sel of ['.cd', 'h2', '.cd-result .cd-figure', '.cd-bar', '#cd-amount', '.cd-modes button', '.cd-legal', '.cd-qr svg']) {
      const el = root.querySelector(sel);
      if (!el) { out[sel] = 'missing'; continue; }
      const cs = getComputedStyle(el);
      out[sel] = props.map((k) => `${k}:${cs.getPropertyValue(k)}`).join(';');
    }
    out.height = host.getBoundingClientRect().height;
    return out;
  });
}

test('under a strict CSP the widget looks exactly as without one, with no violation', async () => {
  const strict = await env.open('/csp.html', { init: COUNT_VIOLATIONS });
  const free = await env.open('/no-csp.html', { init: COUNT_VIOLATIONS });
  const [a, b] = [await looks(strict), await looks(free)];
  assert.notEqual(a['.cd'], 'missing');
  assert.deepEqual(a, b);
  // The styles really apply (not two unstyled widgets that agree).
  assert.match(a['.cd-bar'], /display:block/);
  assert.doesNotMatch(a['.cd'], /font-family:Times|font-family:"Times/);
  assert.deepEqual(await strict.evaluate(() => window.violations), []);
  assert.deepEqual(strict.errors, []);
  assert.deepEqual(strict.console.filter((m) => /Content.Security.Policy/i.test(m)), []);
  await screenshot(strict, 'csp-strict');
});

test('under a strict CSP the printable form is styled and nothing is refused', async () => {
  const p = await env.open('/csp.html', { init: COUNT_VIOLATIONS });
  const widget = p.locator('[data-circo-don]');
  await widget.locator('.cd[data-state="ready"]').waitFor({ timeout: 20_000 });
  await widget.getByLabel('Montant du don').fill('50');
  await widget.getByText('Bulletin de don à imprimer').click();
  // The frame goes as soon as printed: read its styles when it has loaded. (It is
  // placed through the CSSOM, which a CSP allows; its style attribute then reflects it.)
  await p.evaluate(() => {
    window.printedFont = null;
    window.print = () => {};
    new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
      if (n.tagName !== 'IFRAME') return;
      n.contentWindow && (n.contentWindow.print = () => {});
      n.addEventListener('load', () => {
        const body = n.contentDocument && n.contentDocument.body;
        window.printedFont = body ? getComputedStyle(body).fontFamily : 'gone';
      });
    }))).observe(document.body, { childList: true });
  });
  await widget.getByRole('button', { name: 'Imprimer le bulletin' }).click();
  await p.waitForFunction(() => window.printedFont !== null);
  assert.match(await p.evaluate(() => window.printedFont), /Georgia/);
  assert.deepEqual(await p.evaluate(() => window.violations), []);
  assert.deepEqual(p.console.filter((m) => /Content.Security.Policy/i.test(m)), []);
});
