// What a donor does on the demo page, in real Chromium: the real cost, the limits, the
// reverse computation, paying (copy, QR code), the printable form, English, every state
// of the collection window, accessibility (axe-core) and privacy (a log of requests).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, demoConfig, axeViolations, screenshot, rasterize, readQr, ROOT, ARTIFACTS } from './harness.mjs';

let env;
let config;
before(async () => {
  env = await start();
  config = JSON.parse(demoConfig('circo-exemple.json'));
});
after(() => env?.close());

const day = (iso, n) => new Date(Date.parse(iso + 'T12:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
/** Dates in each state of the demo election's collection window (docs/law.md §4). */
function windowDates() {
  const e = config.election;
  const legal = e.trigger_date ?? (() => {
    const [y, m] = e.first_round.split('-').map(Number);
    const index = y * 12 + (m - 1) - 6;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  })();
  // No gift before the mandataire is designated (ISO dates compare as strings).
  const designated = config.mandataire.designated_on;
  const opens = designated > legal ? designated : legal;
  const lastRound = e.second_round ?? e.first_round;
  let deadline = e.first_round;
  for (let fridays = 0; fridays < 10;) {
    deadline = day(deadline, 1);
    if (new Date(deadline + 'T12:00:00Z').getUTCDay() === 5) fridays++;
  }
  return {
    'not-open': day(opens, -1),
    open: day(e.first_round, -20),
    'after-polling': day(lastRound, 1),
    closed: day(deadline, 1),
  };
}
const at = (iso) => `${iso}T10:00:00+01:00`;
const OPEN = () => at(windowDates().open);

async function open(options = {}) {
  const p = await env.open('/', { clock: OPEN(), ...options });
  await p.locator('[data-circo-don] .cd[data-state="ready"]').waitFor({ timeout: 20_000 });
  return p;
}
const widget = (p) => p.locator('[data-circo-don]');
const status = (p) => widget(p).locator('.cd-result[role="status"]');

async function noViolations(p, state) {
  const violations = await axeViolations(p);
  assert.deepEqual(violations, [], `axe violations in state "${state}"`);
}

test('37 € costs 13 € as the tax office rounds it, 12,58 € exactly', async () => {
  const p = await open();
  // The widget starts from the goal's average gift, 37 €: another amount first, so that
  // the figures below are the answer to what is typed.
  await widget(p).getByLabel('Montant du don').fill('100');
  assert.match(await status(p).innerText(), /réellement 34\s€/);
  await widget(p).getByLabel('Montant du don').fill('37');
  const said = await status(p).innerText();
  assert.match(said, /réellement 13\s€/);
  assert.match(said, /coût de 12,58\s€/);
  await noViolations(p, 'quote');
});

test('a preset amount is a radio button that fills the amount', async () => {
  const p = await open();
  const first = config.presets[0];
  await widget(p).getByRole('radio', { name: new RegExp(`^${first}\\s€$`) }).check();
  assert.equal(await widget(p).getByLabel('Montant du don').inputValue(), String(first));
  assert.match(await status(p).innerText(), new RegExp(`${first}\\s€`));
});

test('151 € in cash is refused, with what is possible instead', async () => {
  const p = await open();
  await widget(p).getByRole('radio', { name: 'Espèces' }).check();
  await widget(p).getByLabel('Montant du don').fill('151');
  const said = await status(p).innerText();
  assert.match(said, /150\s€/);
  assert.equal(await widget(p).locator('.cd-result').getAttribute('data-kind'), 'refused');
  await noViolations(p, 'refused');
});

test('4 601 € is refused; 3 000 € after 2 000 € given elsewhere is refused with the remainder', async () => {
  const p = await open();
  await widget(p).getByLabel('Montant du don').fill('4 601');
  assert.match(await status(p).innerText(), /4\s600\s€/);
  assert.equal(await widget(p).locator('.cd-result').getAttribute('data-kind'), 'refused');
  await widget(p).getByLabel('Montant du don').fill('3000');
  await widget(p).getByLabel('Déjà donné à d’autres candidats de cette élection').fill('2000');
  assert.match(await status(p).innerText(), /2\s600\s€/);
  assert.equal(await widget(p).locator('.cd-result').getAttribute('data-kind'), 'refused');
});

test('a household that pays no income tax pays the whole gift', async () => {
  const p = await open();
  await widget(p).getByText('Affiner selon mon foyer fiscal').click();
  await widget(p).getByLabel('Mon foyer ne paie pas d’impôt sur le revenu').check();
  await widget(p).getByLabel('Montant du don').fill('100');
  assert.match(await status(p).innerText(), /coûtera réellement 100\s€/);
  await noViolations(p, 'household');
});

test('reverse: the largest gift that costs at most 20 € is 60 €', async () => {
  const p = await open();
  await widget(p).getByRole('button', { name: 'Je choisis ce qu’il me coûte' }).click();
  await widget(p).getByLabel('Je veux que mon don me coûte').fill('20');
  assert.match(await status(p).innerText(), /Donnez 60\s€/);
  await widget(p).getByRole('button', { name: 'Donner ce montant' }).click();
  const amount = widget(p).getByLabel('Montant du don');
  assert.equal(await amount.inputValue(), '60');
  // The button is gone with the mode: keyboard focus lands on the amount, not the page.
  await p.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.id === 'cd-amount');
  assert.ok(await amount.evaluate((el) => el.matches(':focus')));
});

test('the IBAN copies to the clipboard with a visible confirmation', async () => {
  const p = await open();
  await p.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  await widget(p).getByRole('radio', { name: 'Virement' }).check();
  await widget(p).getByRole('button', { name: 'Copier l’IBAN' }).click();
  await widget(p).getByText('Copié ✓').waitFor();
  const copied = await p.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, config.payment.transfer.iban.replace(/\s/g, ''));
  // The reference next: its own button confirms, and the IBAN's confirmation goes (one
  // status at a time, so that none says « Copié » of what the clipboard no longer holds).
  const reference = widget(p).locator('.cd-copy', { has: p.getByRole('button', { name: 'Copier le libellé' }) });
  await reference.getByRole('button').click();
  await reference.getByText('Copié ✓').waitFor();
  assert.equal(await widget(p).getByText('Copié ✓').count(), 1);
  assert.notEqual(await p.evaluate(() => navigator.clipboard.readText()), copied);
});

test('the transfer QR code decodes to the configured IBAN and the chosen amount', async () => {
  const p = await open();
  await widget(p).getByLabel('Montant du don').fill('37,50');
  await widget(p).getByRole('radio', { name: 'Virement' }).check();
  // Draw the SVG on a canvas in the page, decode its pixels here with jsQR.
  const code = readQr(await widget(p).locator('.cd-qr svg').evaluate(rasterize));
  assert.ok(code, 'the QR code decodes');
  const lines = code.data.split('\n');
  assert.deepEqual(lines.slice(0, 4), ['BCD', '002', '1', 'SCT']);
  assert.equal(lines[6], config.payment.transfer.iban.replace(/\s/g, ''));
  assert.equal(lines[7], 'EUR37.50');
  // Verification of payee: the name in the code, the holder on screen and the holder in
  // the configuration are the same bytes (the donor's bank compares this name).
  const bytes = Buffer.from(code.binaryData);
  const fields = [];
  for (let start = 0, i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) { fields.push(bytes.subarray(start, i)); start = i + 1; }
  }
  const configured = Buffer.from(config.payment.transfer.holder.trim(), 'utf8');
  const shown = await widget(p).locator('dt:text-is("Titulaire") + dd').innerText();
  assert.ok(fields[5].equals(configured), `QR name ${fields[5].toString('utf8')}`);
  assert.ok(Buffer.from(shown, 'utf8').equals(configured), `shown ${shown}`);
});

test('the printable form carries what the donor typed, and nothing is sent', async () => {
  const p = await open();
  await widget(p).getByLabel('Montant du don').fill('50');
  await widget(p).getByText('Bulletin de don à imprimer').click();
  await widget(p).getByLabel('Nom', { exact: true }).fill('Lefèvre');
  await widget(p).getByLabel('Prénoms').fill('Anne Marie');
  await widget(p).getByLabel('Nationalité').fill('française');
  await widget(p).getByLabel('Adresse du domicile fiscal').fill('3 rue des <Lilas>, 99000 Exempleville');
  // The print frame may be gone as soon as printed: catch it as it is added.
  await p.evaluate(() => {
    window.printed = [];
    new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
      if (n.tagName === 'IFRAME') window.printed.push({ srcdoc: n.srcdoc, sandbox: n.getAttribute('sandbox') });
    }))).observe(document.body, { childList: true });
  });
  const before = p.requests.length;
  await widget(p).getByRole('button', { name: 'Imprimer le bulletin' }).click();
  await p.waitForFunction(() => window.printed.length > 0);
  const [{ srcdoc, sandbox }] = await p.evaluate(() => window.printed);
  for (const expected of ['Lefèvre', 'Anne Marie', 'française', '3 rue des &lt;Lilas&gt;', config.candidate.name, 'déclare sur l’honneur',
    // The form is an appeal for gifts too: the L52-9 mentions, in full.
    'Mentions légales (article L52-9 du code électoral)', config.mandataire.name,
    'ni lui apporter leur garantie pour l&#39;obtention de prêts.', 'dirigeants de droit ou de fait.']) {
    assert.ok(srcdoc.includes(expected), `print view contains ${expected}`);
  }
  assert.match(srcdoc, /50\s€/);
  assert.doesNotMatch(srcdoc, /<script/i);
  assert.equal(sandbox, 'allow-same-origin allow-modals', 'the frame runs no script');
  assert.deepEqual(p.requests.slice(before), [], 'printing requests nothing');
});

test('English: a visible switch translates labels, figures and dates', async () => {
  const p = await open();
  await widget(p).getByRole('button', { name: 'English' }).click();
  await widget(p).getByLabel('Donation amount').fill('1000');
  const said = await status(p).innerText();
  assert.match(said, /€1,000/);
  assert.match(said, /really cost you €340/);
  await noViolations(p, 'english');
});

for (const [state, expected] of Object.entries({
  'not-open': /La collecte ouvre/, open: /premier tour/, 'after-polling': /jusqu’au/, closed: /close/,
})) {
  test(`collection window "${state}": the right notice, payment details only while collecting`, async () => {
    const p = await open({ clock: at(windowDates()[state]) });
    const notice = widget(p).locator('.cd-window');
    assert.equal(await notice.getAttribute('data-state'), state);
    assert.match(await notice.innerText(), expected);
    const collecting = state === 'open' || state === 'after-polling';
    assert.equal(await widget(p).getByText('Moyen de paiement').count() > 0, collecting);
    // The legal mentions are always there, in full (L52-8 al. 2 with its sentence on
    // loans, L113-1 III with its paragraph on legal persons), with their versions.
    const legal = await widget(p).locator('.cd-legal').innerText();
    assert.match(legal, /4 600 euros/);
    assert.match(legal, /45 000 €/);
    assert.match(legal, /ne peuvent ni consentir des prêts à un candidat, ni lui apporter leur garantie pour l'obtention de prêts\./);
    assert.match(legal, /le premier alinéa du présent III sera applicable à ses dirigeants de droit ou de fait\./);
    assert.match(legal, /version en vigueur depuis le 30 juin 2020/);
    assert.match(legal, /version en vigueur depuis le 1er janvier 2018/);
    assert.doesNotMatch(legal, /vérifier/);
    await noViolations(p, state);
    await screenshot(p, `window-${state}`);
  });
}

test('keyboard alone: tab to the amount, type, and the result is announced', async () => {
  const p = await open();
  const amount = widget(p).getByLabel('Montant du don');
  for (let i = 0; i < 40 && !(await amount.evaluate((el) => el.matches(':focus'))); i++) await p.keyboard.press('Tab');
  assert.ok(await amount.evaluate((el) => el.matches(':focus')), 'the amount field is reachable by Tab');
  await p.keyboard.type('37');
  assert.match(await status(p).innerText(), /13\s€/);
});

test('320 px wide and 200 % zoom: nothing overflows sideways', async () => {
  for (const [width, zoom] of [[320, 1], [640, 2]]) {
    const p = await open({ width, height: 800 });
    if (zoom !== 1) await p.evaluate((z) => { document.documentElement.style.zoom = String(z); }, zoom);
    await widget(p).getByLabel('Montant du don').fill('37');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no horizontal scroll at ${width}px ×${zoom} (${overflow}px)`);
  }
});

test('privacy: only the widget files and the configuration are requested; no cookie, no storage', async () => {
  const p = await open();
  const loaded = p.requests.length;
  await widget(p).getByLabel('Montant du don').fill('37');
  await widget(p).getByRole('radio', { name: 'Virement' }).check();
  await widget(p).getByText('Affiner selon mon foyer fiscal').click();
  await widget(p).getByLabel('Revenu imposable du foyer').fill('30000');
  await widget(p).getByRole('radio', { name: 'Carte bancaire' }).check();
  await p.waitForTimeout(300);
  // Every request of the page, to any host, from the first: the page itself and its own
  // stylesheet (the host's), the widget's three files and its configuration. Nothing else.
  const allowed = new Set(['/', '/demo.css', '/circo-don.js', '/circo-don_bg.wasm', '/circo-don.css', '/demo/circo-exemple.json', '/favicon.ico']
    .map((path) => env.origin + path));
  for (const url of p.requests) assert.ok(allowed.has(url), `unexpected request ${url}`);
  // Asked for early by the start code, then linked by the widget: one download.
  assert.equal(p.requests.filter((url) => url === env.origin + '/circo-don.css').length, 1, 'the stylesheet is fetched once');
  assert.ok(p.requests.includes(env.origin + '/demo/circo-exemple.json'), 'the log sees the configuration');
  assert.deepEqual(p.requests.slice(loaded), [], 'typing and choosing send nothing');
  assert.deepEqual(await p.context().cookies(), []);
  const storage = await p.evaluate(async () => ({
    local: localStorage.length, session: sessionStorage.length,
    idb: (await indexedDB.databases()).length, caches: (await caches.keys()).length,
  }));
  assert.deepEqual(storage, { local: 0, session: 0, idb: 0, caches: 0 });
});

// Screenshots to look at (tests/e2e/artifacts/); `UPDATE_SCREENSHOTS=1 make test-e2e`
// also refreshes the ones committed under docs/ and shown in the README: the whole page,
// the widget's first screen (the real cost) and the payment section.
test('screenshots of the main states at 360 px and 1280 px', async () => {
  for (const [width, height] of [[360, 800], [1280, 900]]) {
    const p = await open({ width, height });
    await widget(p).getByLabel('Montant du don').fill('37');
    await widget(p).getByRole('radio', { name: 'Virement' }).check();
    await screenshot(p, `donor-${width}`);
    const box = await widget(p).boundingBox();
    assert.ok(box.height > 400, `the widget is drawn (${box.height}px high)`);
    // The bounding box is relative to the viewport; the clip of a full page is not.
    const top = box.y + (await p.evaluate(() => window.scrollY)) - 8;
    const first = width < 600 ? 1450 : height;
    const shots = {
      [`cost-${width}`]: await p.screenshot({ clip: { x: 0, y: top, width, height: Math.min(first, box.height) }, fullPage: true }),
      [`pay-${width}`]: await widget(p).locator('.cd-method').screenshot(),
    };
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [name, png] of Object.entries(shots)) {
      writeFileSync(join(ARTIFACTS, `${name}.png`), png);
      if (process.env.UPDATE_SCREENSHOTS) {
        mkdirSync(join(ROOT, 'docs'), { recursive: true });
        writeFileSync(join(ROOT, 'docs', `${name}.png`), png);
      }
    }
  }
});
