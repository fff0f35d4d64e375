// A movement's registry searched by town and postal code (schema/README.md, "Communes"):
// the donor types what they know, without accents, and a town split between circos
// shows every circo it belongs to.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, demoConfig, axeViolations, screenshot } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(() => env?.close());

const CLOCK = '2026-12-15T10:00:00+01:00';

test('a donor finds their circo by postal code and by a town typed without accents', async () => {
  const p = await env.open('/demo/mouvement.html', { clock: CLOCK });
  const w = p.locator('[data-circo-don]');
  const search = w.getByLabel('Chercher une circonscription');
  await search.waitFor();
  assert.match(await w.locator('#cd-search-hint').innerText(), /code postal/);

  // A postal code: the one circo listing it, the town named in the choice.
  await search.fill('99410');
  await w.getByRole('link', { name: /^Port-Éole — Île-Exemple, 3e circonscription/ }).waitFor();
  assert.equal(await w.locator('.cd-choices li').count(), 1);
  assert.match(await w.getByRole('status').innerText(), /^1 circonscription trouvée\.$/);

  // A split town, typed in lower case without accents: both of its circos, and a word on
  // how to tell which is the donor's.
  await search.fill('saint etienne');
  const split = [/^Saint-Étienne-Exemple — .*1re circonscription/, /^Saint-Étienne-Exemple — .*2e circonscription/];
  for (const name of split) await w.getByRole('link', { name }).waitFor();
  assert.equal(await w.locator('.cd-choices li').count(), 2);
  assert.match(await w.getByRole('status').innerText(), /partagée entre 2 circonscriptions selon l’adresse/);
  assert.deepEqual(await axeViolations(p), []);
  await screenshot(p, 'registry-search-split-town');

  // Its postal code finds both too; choosing one opens that circo's account.
  await search.fill('99200');
  for (const name of split) await w.getByRole('link', { name }).waitFor();
  await w.getByRole('link', { name: split[1] }).click();
  const assoc = JSON.parse(demoConfig('association.json'));
  await w.getByRole('heading', { name: new RegExp(assoc.candidate.name) }).waitFor();
  assert.match(new URL(p.url()).hash, /^#circo-99-02$/);
  assert.deepEqual(await axeViolations(p), []);
  assert.deepEqual(p.errors, []);
});

test('in English, a town typed in capitals without its ligature, and a search that finds nothing', async () => {
  const p = await env.open('/demo/mouvement.html', { clock: CLOCK });
  const w = p.locator('[data-circo-don]');
  await w.getByRole('button', { name: 'English', exact: true }).click();
  const search = w.getByLabel('Find a circonscription');
  assert.match(await w.locator('#cd-search-hint').innerText(), /postal code/);
  await search.fill('OEUVRE SUR');
  await w.getByRole('link', { name: /^Œuvre-sur-Loue — .*2e circonscription/ }).waitFor();
  assert.equal(await w.locator('.cd-choices li').count(), 1);
  await search.fill('lyon');
  await w.getByRole('status').filter({ hasText: 'No circonscription matches.' }).waitFor();
  assert.equal(await w.locator('.cd-choices li').count(), 0);
  assert.deepEqual(await axeViolations(p), []);
  assert.deepEqual(p.errors, []);
});
