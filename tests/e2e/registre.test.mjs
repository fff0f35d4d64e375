// The mandataire's register page (registre.html, issue 24): open the account's
// configuration, create a register with a passphrase, import a CAMT.053 and a CSV
// export (its columns confirmed), refuse another account's statement, save the
// encrypted file, open it again with its passphrase and refuse a wrong one. Nothing but
// the page's own files is requested; closing with unsaved changes warns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, axeViolations, screenshot, ROOT } from './harness.mjs';

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

const rows = (p) => p.locator('tbody tr');

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
  assert.match(await columns.innerText(), /Date de l’opération\s+Date/);
  assert.match(await columns.innerText(), /Montant \(signé\)\s+Montant\(EUROS\)/);
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
