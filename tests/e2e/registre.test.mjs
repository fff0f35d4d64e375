// The mandataire's register page (registre.html, issue 24): open the account's
// configuration, create a register with a passphrase, import a CAMT.053 and a CSV
// export (its columns confirmed), refuse another account's statement, save the
// encrypted file, open it again with its passphrase and refuse a wrong one. Nothing but
// the page's own files is requested; closing with unsaved changes warns. Then the
// credits become gifts: a standing order's second month attributed by the widget's
// reference, a deposit split into its cheques, a provider's payout split from its CSV
// export, the 4 600 € check firing and clearing,
// receipts, donors' data, the list of donors (CSV, printed) and the new circo.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, axeViolations, screenshot, ROOT, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(() => env?.close());

const tmp = mkdtempSync(join(tmpdir(), 'circo-registre-'));
const STATEMENTS = join(ROOT, 'tests', 'statements');
const PASS = 'cheval agrafe batterie correcte';

// The example configuration, of the statements corpus's account (tests/statements/README.md).
const CONFIG = join(tmp, 'circo.json');
const example = JSON.parse(readFileSync(join(ROOT, 'demo', 'circo-exemple.json'), 'utf8'));
example.payment.transfer.iban = 'FR76 3000 6000 0112 3456 7890 189';
writeFileSync(CONFIG, JSON.stringify(example, null, 2));

// The File System Access API asks where to save through a dialog headless Chromium
// cannot answer: the tests take the page's other path, a download.
const NO_PICKER = 'delete Window.prototype.showSaveFilePicker; delete window.showSaveFilePicker;';

async function openPage(options = {}) {
  const p = await env.open('/registre.html', { init: NO_PICKER, ...options });
  await p.locator('main.r-page').waitFor();
  await p.getByLabel('Ouvrir la configuration (circo.json)').setInputFiles(CONFIG);
  await p.getByText('Compte : ').waitFor();
  return p;
}

// The credits still to attribute (the gifts and the printable list have tables too).
const rows = (p) => p.locator('section[aria-labelledby="r-credits-h"] tbody tr');

async function importStatement(p, name) {
  await p.getByLabel('Importer un relevé (CAMT.053, OFX ou CSV)').setInputFiles(join(STATEMENTS, name));
}

test('a register is created, fed with statements, saved encrypted and opened again with its passphrase only', async () => {
  const p = await openPage();
  // Keyboard only: Tab goes from the language switch to the configuration, then to the
  // new register's passphrases and its button, which Enter presses.
  await p.evaluate(() => document.activeElement?.blur());
  const focused = async () => p.evaluate(() => document.activeElement.id || document.activeElement.textContent);
  const order = [];
  for (let i = 0; i < 5; i++) {
    await p.keyboard.press('Tab');
    order.push(await focused());
  }
  assert.deepEqual(order, ['English', 'r-config', 'r-new-pass', 'r-new-again', 'Créer']);
  // A passphrase too short is refused with the reason.
  await p.locator('#r-new-pass').fill('court');
  await p.locator('#r-new-again').fill('court');
  await p.locator('#r-new-pass').press('Enter');
  await p.getByRole('alert').filter({ hasText: 'au moins 12 caractères' }).waitFor();
  await p.locator('#r-new-pass').fill(PASS);
  await p.locator('#r-new-again').fill(PASS);
  await p.locator('#r-new-again').press('Enter');
  await p.getByText('Nouveau registre créé').waitFor();
  assert.equal(await p.getByText('Aucun crédit pour l’instant').count(), 1);

  // CAMT.053 with a deposit of four cheques: every credit listed, the batch named.
  await importStatement(p, 'camt053-001.08-remise-cheques.xml');
  await p.getByText(/Relevé importé : \d+ opérations nouvelles, 0 déjà/).waitFor();
  const camtRows = await rows(p).count();
  assert.ok(camtRows >= 4, `${camtRows} credits`);
  assert.equal(await rows(p).filter({ hasText: '1 sur 4' }).count(), 1, 'a cheque of the deposit, with its rank');
  // The same statement again adds nothing.
  await importStatement(p, 'camt053-001.08-remise-cheques.xml');
  await p.getByText(/0 opérations nouvelles, \d+ déjà dans le registre/).waitFor();
  assert.equal(await rows(p).count(), camtRows);

  // A CSV export: its columns shown, confirmed, then read.
  await importStatement(p, 'csv-signe-cp1252.csv');
  const columns = p.getByRole('region', { name: /Colonnes de l’export CSV/ });
  await columns.waitFor();
  assert.equal(await columns.getByLabel('Date de l’opération').inputValue(), 'Date');
  assert.equal(await columns.getByLabel('Montant (signé)').inputValue(), 'Montant(EUROS)');
  assert.equal(await columns.getByRole('checkbox', { name: 'Libellé' }).isChecked(), true);
  // A wrong correction is refused, naming the line and column, and loses nothing: the
  // form stays, to put right.
  await columns.getByLabel('Montant (signé)').selectOption('Libellé');
  await columns.getByRole('button', { name: 'Confirmer ces colonnes et importer' }).click();
  await p.getByRole('alert').filter({ hasText: /« csv-signe-cp1252\.csv » n’est pas importé : .*ligne \d+/ }).waitFor();
  assert.equal(await rows(p).count(), camtRows, 'nothing imported');
  await columns.getByLabel('Montant (signé)').selectOption('Montant(EUROS)');
  await columns.getByRole('button', { name: 'Confirmer ces colonnes et importer' }).click();
  await p.getByText(/Relevé importé : [1-9]\d* opérations nouvelles/).waitFor();
  const allRows = await rows(p).count();
  assert.ok(allRows > camtRows);

  // Another account's statement: refused, naming where the file names the account.
  await importStatement(p, 'broken-ofx1-other-account.ofx');
  const refusal = await p.getByRole('alert').innerText();
  assert.match(refusal, /« broken-ofx1-other-account\.ofx » n’est pas importé : Ce relevé est celui d’un autre compte .*BANKACCTFROM/);
  assert.equal(await rows(p).count(), allRows);

  // Unsaved changes: leaving warns.
  assert.ok(await p.getByText('Changements non enregistrés.').isVisible());
  assert.equal(await p.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true }))), true, 'beforeunload is cancelled');

  for (const width of [360, 1280]) {
    await p.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axeViolations(p), [], `axe at ${width} px`);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at ${width} px (${overflow})`);
    await screenshot(p, `registre-${width}`);
    // For the README (`UPDATE_SCREENSHOTS=1`): the credits, and on a desktop the steps above.
    await p.evaluate((phone) => document.querySelector(phone ? '#r-credits-h' : '#r-import-h').scrollIntoView(), width < 600);
    const png = await p.screenshot({ fullPage: false });
    if (process.env.UPDATE_SCREENSHOTS) writeFileSync(join(ROOT, 'docs', `registre-${width}.png`), png);
  }

  // Save: a download of the encrypted file, which holds no name in clear.
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Enregistrer le registre chiffré' }).click()]);
  assert.equal(download.suggestedFilename(), 'registre.circo-reg');
  const saved = join(tmp, 'registre.circo-reg');
  await download.saveAs(saved);
  await p.getByText('Registre enregistré, chiffré.').waitFor();
  assert.equal(await p.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true }))), false, 'saved: leaving does not warn');
  const bytes = readFileSync(saved);
  assert.equal(bytes.subarray(0, 8).toString('latin1'), 'CIRCOREG');
  assert.ok(!bytes.includes(Buffer.from('REMISE')), 'nothing in clear');

  // English.
  await p.getByRole('button', { name: 'English' }).click();
  assert.equal(await p.locator('h1').innerText(), "The mandataire's register");
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'en');

  // Only the page's own files were requested.
  const own = p.requests.map((u) => new URL(u)).filter((u) => u.protocol !== 'blob:');
  assert.deepEqual(own.filter((u) => u.origin !== env.origin).map(String), []);
  assert.deepEqual([...new Set(own.map((u) => u.pathname))].sort(), ['/circo-don-register.js', '/circo-don-register_bg.wasm', '/registre.css', '/registre.html']);
  assert.equal(await p.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length), 0);
  assert.deepEqual(p.errors, []);

  // Next week: the file opens with its passphrase only.
  const q = await openPage({ width: 360 });
  await q.getByLabel('Ouvrir un registre enregistré (.circo-reg)').setInputFiles(saved);
  await q.locator('#r-open-pass').fill('cheval agrafe batterie');
  await q.locator('#r-open-pass').press('Enter');
  const wrong = q.getByRole('alert').filter({ hasText: 'ne s’ouvre pas avec cette phrase de passe' });
  await wrong.waitFor({ timeout: 20_000 });
  assert.match(await wrong.innerText(), /le chiffrement ne permet pas de savoir lequel/);
  assert.equal(await q.locator('#r-import').count(), 0, 'nothing opened');
  await q.locator('#r-open-pass').fill(PASS);
  await q.locator('#r-open-pass').press('Enter');
  await q.getByText('Registre ouvert.').waitFor({ timeout: 20_000 });
  assert.equal(await rows(q).count(), allRows);
  // The CSV columns were kept: the next export proposes them.
  await q.getByLabel('Importer un relevé (CAMT.053, OFX ou CSV)').setInputFiles(join(STATEMENTS, 'csv-signe-cp1252.csv'));
  await q.getByRole('button', { name: 'Confirmer ces colonnes et importer' }).click();
  await q.getByText(/0 opérations nouvelles/).waitFor();
  await screenshot(q, 'registre-reopened-360');

  // A file that is not a register.
  await q.getByLabel('Ouvrir un registre enregistré (.circo-reg)').setInputFiles(CONFIG);
  await q.locator('#r-open-pass').press('Enter');
  await q.getByRole('alert').filter({ hasText: 'n’est pas un registre circo-don' }).waitFor();
  assert.deepEqual(q.errors, []);
});

// Spaces as French amounts write them: a narrow no-break space between thousands, a
// no-break space before €.
const eur = (text) => text.replace(/ (?=\d{3},)/g, '\u202F').replace(/ €/g, '\u00A0€');

test('credits become gifts: by the widget reference, a deposit split, the 4 600 € cap fires and clears, the list and the goal come out', async () => {
  const p = await openPage({ width: 1280 });
  await p.locator('#r-new-pass').fill(PASS);
  await p.locator('#r-new-again').fill(PASS);
  await p.locator('#r-new-again').press('Enter');
  await importStatement(p, 'camt053-001.02-dons-a-attribuer.xml');
  await p.getByText('Relevé importé : 6 opérations nouvelles, 0 déjà dans le registre.').waitFor();
  await p.getByText(eur('5 crédits à attribuer sur 5, soit 5 875,00 €.')).waitFor();
  const panel = p.locator('#r-panel');
  // A donor's record by its heading (each record's merge list names the others).
  const donor = (name) => p.locator('details.r-donor').filter({ has: p.locator('summary', { hasText: name }) });
  // An accessible name's spaces are normalised: any space matches in the amount.
  // Opening a credit moves the focus to its panel's heading.
  const attribute = async (date, amount) => {
    await p.getByRole('button', { name: new RegExp(`^Attribuer le crédit du ${date} de ${amount.replace(/ /g, '\\s')}`) }).click();
    await p.waitForFunction(() => document.activeElement?.id === 'r-panel-h');
  };

  // The standing order's first month: a new donor, named by the mandataire, with the
  // keyboard (the panel's heading takes the focus).
  await attribute('10 novembre 2026', '300,00 €');
  await panel.waitFor();
  assert.equal(await p.locator('#r-att-name').inputValue(), 'MME JEANNE MARTIN', 'the payer, to start with');
  // Each list starts at its first choice (Yew draws a list from its end).
  assert.equal(await p.locator('#r-att-donor').inputValue(), 'new');
  assert.equal(await p.locator('#r-att-why').inputValue(), 'personal-contribution');
  await p.locator('#r-att-name').fill('Martin');
  await p.locator('#r-att-first').fill('Jeanne');
  await p.locator('#r-att-first').press('Enter');
  await p.getByText('Crédit attribué : le don est dans la liste des dons.').waitFor();
  assert.equal(await panel.count(), 0);
  await p.waitForFunction(() => document.activeElement?.id === 'r-credits-h');
  await p.getByText(eur('4 crédits à attribuer sur 5, soit 5 575,00 €.')).waitFor();

  // Its second month carries the same reference: proposed, confirmed.
  await attribute('10 décembre 2026', '300,00 €');
  await panel.getByText('Proposition : Martin Jeanne, par la référence DON-7K3Q9M du don.').waitFor();
  await panel.getByRole('button', { name: 'Confirmer cette proposition' }).click();
  await p.getByText(eur('3 crédits à attribuer sur 5, soit 5 275,00 €.')).waitFor();

  // A large transfer under the same name: proposed by the name, confirmed; the cap per
  // person fires, at the donor and in the summary, with the excess to return.
  await attribute('11 décembre 2026', '4 100,00 €');
  await panel.getByText('Proposition : Martin Jeanne, par le nom du payeur.').waitFor();
  await panel.getByRole('button', { name: 'Confirmer cette proposition' }).click();
  const checks = p.locator('section[aria-labelledby="r-checks-h"]');
  const overCap = eur('Ce donateur a donné 4 700,00 € en tout, au-delà des 4 600,00 € permis par personne pour l’élection : 100,00 € sont à lui rendre.');
  await checks.getByText(overCap, { exact: false }).waitFor();
  assert.match(await checks.innerText(), /Code électoral L52-8/, 'with its article');
  assert.ok(await checks.getByText(eur('À rendre : 100,00 € (1 cas)')).isVisible());
  assert.ok(await donor('Martin Jeanne').getByText(overCap, { exact: false }).isVisible(), 'shown at the donor too, open');

  // The deposit: one credit for two cheques. Typed parts that do not add up are said
  // as they are typed, and refused; then the right ones.
  await attribute('18 novembre 2026', '150,00 €');
  const parts = p.locator('#r-att-parts');
  await parts.focus();
  await p.keyboard.type('Paul Léger ; 0001234 ; 100');
  await panel.getByText(eur('1 paiements, 100,00 € sur 150,00 € : il manque 50,00 €.')).waitFor();
  await panel.screenshot({ path: join(ARTIFACTS, 'registre-panel-1280.png') });
  await panel.getByRole('button', { name: 'Répartir en dons' }).click();
  await p.getByRole('alert').filter({ hasText: eur('Les chèques font 100,00 € pour un crédit de 150,00 € : il manque 50,00 €.') }).waitFor();
  await parts.press('Control+End');
  await p.keyboard.type('\nClaire Dubois ; 0001235 ; 50');
  await panel.getByText(eur('2 paiements, 150,00 € : le compte y est (150,00 €).')).waitFor();
  await panel.getByRole('button', { name: 'Répartir en dons' }).click();
  await p.getByText('Crédit réparti en 2 dons').waitFor();

  // A provider's payout: its CSV export fills the lines (the refunded row left out),
  // which add up to the credit.
  await attribute('14 décembre 2026', '1 025,00 €');
  await panel.getByLabel(/Ou lire l’export CSV du prestataire/).setInputFiles(join(STATEMENTS, 'provider-helloasso-utf8.csv'));
  await p.getByText('« provider-helloasso-utf8.csv » : 3 paiements lus, 1 ligne(s) non payée(s) laissée(s) de côté.', { exact: false }).waitFor();
  assert.equal(await parts.inputValue(), 'Alice Martin ;  ; 20,00\nChloé Durand-Lemoine ;  ; 1000,00\nÉric N’Diaye ;  ; 5,00\n');
  await panel.getByText(eur('3 paiements, 1 025,00 € : le compte y est (1 025,00 €).')).waitFor();
  await panel.getByRole('button', { name: 'Répartir en dons' }).click();
  await p.getByText('Crédit réparti en 3 dons').waitFor();
  await p.getByText('Tous les crédits sont attribués.').waitFor();

  // The cheques' donors, from their payers; the large transfer was a namesake's.
  const gifts = p.locator('table.r-gifts tbody tr[id^="gift-"]');
  assert.equal(await gifts.count(), 8);
  // A gift's row by its payer or amount (every row's donor list names every donor).
  const row = (text) => gifts.filter({ has: p.locator('td[data-label="Payeur"], td[data-label="Montant"]', { hasText: text }) });
  await row('Paul Léger').locator('select').selectOption({ label: 'Nouveau donateur : Paul Léger' });
  await row('Claire Dubois').locator('select').selectOption({ label: 'Nouveau donateur : Claire Dubois' });
  await row(eur('4 100,00 €')).locator('select').selectOption({ label: 'Nouveau donateur : JEANNE MARTIN' });
  await p.waitForFunction(() => !document.querySelector('section[aria-labelledby="r-checks-h"]').innerText.includes('au-delà des'));
  const shown = (select) => select.evaluate((s) => s.selectedOptions[0]?.textContent);
  for (const [payer, donorName] of [['Paul Léger', 'Paul Léger'], ['Claire Dubois', 'Claire Dubois'], [eur('4 100,00 €'), 'JEANNE MARTIN'], ['DON-7K3Q9M', 'Martin Jeanne']]) {
    const selects = await row(payer).locator('select').all();
    assert.ok(selects.length > 0, payer);
    for (const select of selects) assert.equal(await shown(select), donorName, `the gift of ${payer} shows its donor`);
  }
  assert.ok(await checks.getByText(eur('À rendre : 0,00 € (0 cas)')).isVisible(), 'the check cleared');

  // The form for a gift by hand starts without a donor, in cash: never someone else's.
  await p.getByText('Ajouter un don à la main').click();
  assert.equal(await p.locator('#r-hand-donor').inputValue(), '');
  assert.equal(await p.locator('#r-hand-method').inputValue(), 'cash');
  await p.getByText('Ajouter un don à la main').click();

  // Receipts: recorded, and one number given twice is caught.
  const receipt = (text) => row(text).locator('input.r-receipt');
  await receipt('Paul Léger').fill('2026-0001');
  await receipt('Paul Léger').press('Tab');
  await receipt('Claire Dubois').fill('2026-0001');
  await receipt('Claire Dubois').press('Tab');
  await checks.getByText('Le reçu n° 2026-0001 est noté sur 2 dons : un numéro par don.', { exact: false }).waitFor();
  await receipt('Claire Dubois').fill('2026-0002');
  await receipt('Claire Dubois').press('Tab');
  await p.waitForFunction(() => !document.querySelector('section[aria-labelledby="r-checks-h"]').innerText.includes('2026-0001 est noté'));

  // A donor's R39-1 data: what is missing is said, then filled in.
  const paul = donor('Paul Léger');
  assert.equal(await paul.evaluate((d) => d.open), true, 'a donor with checks is shown open');
  assert.match(await paul.innerText(), /Il manque pour le reçu : les prénoms, la nationalité ou la résidence en France, l’adresse fiscale/);
  assert.equal(await checks.locator('li', { hasText: 'Paul Léger' }).count(), 1, 'and in the summary, linked');
  await paul.getByLabel('Nom', { exact: true }).fill('Léger');
  await paul.getByLabel('Prénoms').fill('Paul');
  await paul.getByLabel('Nationalité').fill('française');
  await paul.getByLabel('Réside en France').selectOption('yes');
  await paul.getByLabel(/Adresse fiscale/).fill('3 place du Marché\n69004 Lyon');
  await paul.getByRole('button', { name: 'Enregistrer ce donateur' }).click();
  await p.getByText('Donateur enregistré.').waitFor();
  await donor('Léger Paul').waitFor();
  // Renamed, Paul's record moved in the list: every record still shows its own data.
  assert.equal(await shown(donor('Léger Paul').getByLabel('Réside en France')), 'oui');
  assert.equal(await shown(donor('Martin Jeanne').getByLabel('Réside en France')), 'non renseigné');
  assert.equal(await donor('Martin Jeanne').getByLabel('Prénoms').inputValue(), 'Jeanne');
  assert.equal(await checks.locator('li', { hasText: /Paul Léger|Léger Paul/ }).count(), 0, 'nothing missing for him any more');

  // From the narrowest phone the page supports to a desktop.
  for (const width of [320, 360, 1280]) {
    await p.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axeViolations(p), [], `axe at ${width} px`);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at ${width} px (${overflow})`);
    await screenshot(p, `registre-dons-${width}`);
    await p.evaluate(() => document.querySelector('#r-gifts-h').scrollIntoView());
    const png = await p.screenshot({ fullPage: false });
    if (process.env.UPDATE_SCREENSHOTS && width !== 320) writeFileSync(join(ROOT, 'docs', `registre-dons-${width}.png`), png);
  }

  // The list of donors as CSV: UTF-8 with its mark, `;`, decimal commas, one row per gift.
  const [csvDownload] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Télécharger la liste des donateurs (CSV)' }).click()]);
  assert.equal(csvDownload.suggestedFilename(), 'donateurs.csv');
  const csvPath = join(tmp, 'donateurs.csv');
  await csvDownload.saveAs(csvPath);
  const csv = readFileSync(csvPath);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).trim().split(/\r?\n/).map((l) => l.split(';'));
  assert.deepEqual(lines[0].slice(0, 5), ['N° de reçu', 'Date', 'Montant (€)', 'Mode de paiement', 'Nom']);
  assert.equal(lines.length, 9);
  assert.deepEqual(lines.find((l) => l[0] === '2026-0001').slice(0, 9), ['2026-0001', '18/11/2026', '100,00', 'chèque', 'Léger', 'Paul', 'française', 'oui', '3 place du Marché, 69004 Lyon']);

  // The new circo.json: the gifts kept as the goal's `raised`, as of today.
  await p.getByText(/Le widget affichera 5\u202F875\u00A0€ collectés au /).waitFor();
  const [jsonDownload] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Télécharger le nouveau circo.json' }).click()]);
  const jsonPath = join(tmp, 'circo-nouveau.json');
  await jsonDownload.saveAs(jsonPath);
  const config = JSON.parse(readFileSync(jsonPath, 'utf8'));
  assert.equal(config.goal.raised, 5875);
  assert.equal(config.goal.as_of, await p.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; }));
  assert.equal(config.goal.target, example.goal.target, 'the rest unchanged');

  // Printed: only the list.
  await p.emulateMedia({ media: 'print' });
  assert.ok(await p.locator('.r-print').isVisible());
  assert.ok(!(await p.locator('#r-import-h').isVisible()));
  assert.equal(await p.locator('.r-print tbody tr').count(), 8);
  await screenshot(p, 'registre-imprime');
  await p.emulateMedia({ media: 'screen' });

  // Saved, then found again with its passphrase.
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Enregistrer le registre chiffré' }).click()]);
  const saved = join(tmp, 'registre-dons.circo-reg');
  await download.saveAs(saved);
  assert.ok(!readFileSync(saved).includes(Buffer.from('Léger')), 'no name in clear');
  const q = await openPage({ width: 360 });
  await q.getByLabel('Ouvrir un registre enregistré (.circo-reg)').setInputFiles(saved);
  await q.locator('#r-open-pass').fill(PASS);
  await q.locator('#r-open-pass').press('Enter');
  await q.getByText('Registre ouvert.').waitFor({ timeout: 20_000 });
  assert.equal(await q.locator('table.r-gifts tbody tr[id^="gift-"]').count(), 8);
  assert.equal(await q.locator('details.r-donor').count(), 4);
  assert.equal(await q.locator('input.r-receipt').evaluateAll((inputs) => inputs.map((i) => i.value).filter(Boolean).sort().join(' ')), '2026-0001 2026-0002');
  // In English too, every section and check.
  await q.getByRole('button', { name: 'English' }).click();
  assert.equal(await q.locator('#r-gifts-h').innerText(), '5. Gifts');
  await q.getByText('This gift has no receipt number yet (the CNCCFP’s form). (Code électoral R39-1)', { exact: false }).first().waitFor();
  assert.match(await q.locator('section[aria-labelledby="r-checks-h"]').innerText(), /8 gift\(s\), €5,875\.00, from 4 donor\(s\)/);
  // All of it with nothing sent: only the page's own files were requested, nothing stored.
  for (const page of [p, q]) {
    const own = page.requests.map((u) => new URL(u)).filter((u) => u.protocol !== 'blob:');
    assert.deepEqual([...new Set(own.map((u) => u.origin + u.pathname))].sort(), ['/circo-don-register.js', '/circo-don-register_bg.wasm', '/registre.css', '/registre.html'].map((f) => env.origin + f));
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length), 0);
  }
  assert.deepEqual(p.errors, []);
  assert.deepEqual(q.errors, []);
});

// Where the browser has the File System Access API, the first save asks where (once),
// and the next ones write into the same file.
const FAKE_PICKER = `
  window.__picked = [];
  window.__writes = [];
  window.showSaveFilePicker = async (options) => {
    window.__picked.push(options.suggestedName);
    return { createWritable: async () => {
      const parts = [];
      return { write: async (data) => parts.push(Array.from(new Uint8Array(data.buffer ?? data))),
               close: async () => window.__writes.push(parts.flat()) };
    } };
  };`;

test('with the File System Access API, the register is saved in place', async () => {
  const p = await env.open('/registre.html', { init: FAKE_PICKER });
  await p.getByLabel('Ouvrir la configuration (circo.json)').setInputFiles(CONFIG);
  await p.locator('#r-new-pass').fill(PASS);
  await p.locator('#r-new-again').fill(PASS);
  await p.locator('#r-new-again').press('Enter');
  await importStatement(p, 'camt053-001.02-virements.xml');
  await p.getByText(/Relevé importé/).waitFor();
  const save = p.getByRole('button', { name: 'Enregistrer le registre chiffré' });
  await save.click();
  await p.getByText('Registre enregistré, chiffré.').waitFor();
  await importStatement(p, 'camt053-001.04-deux-releves.xml');
  await p.getByText('Changements non enregistrés.').waitFor();
  await save.click();
  await p.getByText('Changements non enregistrés.').waitFor({ state: 'detached' });
  const { picked, writes } = await p.evaluate(() => ({ picked: window.__picked, writes: window.__writes }));
  assert.deepEqual(picked, ['registre.circo-reg'], 'asked where once');
  assert.equal(writes.length, 2, 'written twice, in place');
  for (const w of writes) assert.equal(Buffer.from(w.slice(0, 8)).toString('latin1'), 'CIRCOREG');
  assert.ok(writes[1].length > writes[0].length, 'the second save holds the second statement');
  // A fresh salt and nonce at every save.
  assert.notDeepEqual(writes[0].slice(22, 62), writes[1].slice(22, 62));
  assert.deepEqual(p.errors, []);
});
