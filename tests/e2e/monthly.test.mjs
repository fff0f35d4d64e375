// A gift every month, in real Chromium with real keystrokes: the donor chooses every
// month, types 10, and reads the payments, the total, the real cost per calendar year,
// the standing order to set up in their bank and the gift's reference.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, axeViolations, screenshot, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(() => env?.close());

// The demo's by-election: first round 17 January 2027, its account due on Friday 26 March
// 2027, so an order from 5 December 2026 runs to 5 March 2027 (docs/law.md, monthly).
const TODAY = '2026-12-05T10:00:00+01:00';
const widget = (p) => p.locator('[data-circo-don]');

async function monthlyTen(width) {
  const p = await env.open('/', { clock: TODAY, width });
  await p.locator('[data-circo-don] .cd[data-state="ready"]').waitFor({ timeout: 20_000 });
  await widget(p).getByRole('button', { name: 'Chaque mois', exact: true }).click();
  const amount = widget(p).getByLabel('Montant par mois');
  await amount.click();
  await amount.press('Control+a');
  await amount.press('Backspace');
  await p.keyboard.type('10');
  return p;
}

test('10 € every month: payments, total, each year, the standing order and the reference', async () => {
  const p = await monthlyTen(1280);
  assert.equal(await widget(p).getByRole('button', { name: 'Chaque mois', exact: true }).getAttribute('aria-pressed'), 'true');
  // The first month is this month by default.
  assert.equal(await widget(p).getByLabel('Premier mois').inputValue(), '');
  assert.match(await widget(p).locator('#cd-first-month-hint').innerText(), /2026-12/);
  const said = await widget(p).locator('.cd-result[role="status"]').innerText();
  assert.match(said, /10\s€ par mois : 4 versements, 40\s€ au total/);
  assert.match(said, /5 mars 2027/);
  assert.match(said, /2026 : 1 versement, 10\s€/);
  assert.match(said, /2027 : 3 versements, 30\s€/);
  assert.match(said, /par année civile/);
  // The standing order to set up, every figure with its copy button.
  const standing = widget(p).locator('.cd-standing');
  const order = await standing.innerText();
  assert.match(order, /le 5 de chaque mois/);
  assert.match(order, /5 décembre 2026/);
  assert.equal(await standing.getByRole('button').count(), 4, 'each figure copyable');
  const transfer = await widget(p).locator('.cd-pay').innerText();
  assert.match(transfer, /FR76 9999/);
  // The gift's reference: shown, in the transfer's reason after the account's own.
  const line = await widget(p).locator('.cd-ref').innerText();
  const [reference] = line.match(/DON-[0-9A-Z]{6}/) ?? [];
  assert.ok(reference, line);
  assert.match(transfer, new RegExp(`DON CAMPAGNE MARTIN ${reference}`));
  // Once again: no standing order.
  await widget(p).getByRole('button', { name: 'Une fois', exact: true }).click();
  assert.equal(await widget(p).locator('.cd-standing').count(), 0);
  assert.equal(await widget(p).getByLabel('Premier mois').count(), 0);
  assert.deepEqual(await axeViolations(p), []);
  assert.deepEqual(p.errors, []);
});

test('a first month typed moves the order; screenshots at 360 and 1280 px', async () => {
  for (const width of [360, 1280]) {
    const p = await monthlyTen(width);
    const month = widget(p).getByLabel('Premier mois');
    await month.click();
    await p.keyboard.type('2027-02');
    const said = await widget(p).locator('.cd-result[role="status"]').innerText();
    assert.match(said, /2 versements, 20\s€ au total/);
    // (At 360 px the demo page's own code sample scrolls: axe runs at 1280 px, above.)
    if (width === 1280) assert.deepEqual(await axeViolations(p), [], `axe at ${width}`);
    await widget(p).locator('.cd-result').scrollIntoViewIfNeeded();
    await screenshot(p, `monthly-${width}`);
    // The parts a donor reads, at their own size.
    await widget(p).locator('.cd-result').screenshot({ path: `${ARTIFACTS}/monthly-result-${width}.png` });
    await widget(p).locator('.cd-pay').screenshot({ path: `${ARTIFACTS}/monthly-pay-${width}.png` });
  }
});
