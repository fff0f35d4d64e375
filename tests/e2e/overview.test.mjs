// A movement's overview (schema/README.md, "Progress"): a registry's page lists every
// circo with its progress, sorted by what is missing. Its four circos: a link whose file
// answers slowly (pending, then its figures), a link whose file is missing (its failure
// shown at that circo only), an inline account with its goal, and a link whose figures the
// registry publishes (its file never asked for).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, demoConfig, page, axeViolations, screenshot, overviewRegistry } from './harness.mjs';

const CLOCK = '2026-12-15T10:00:00+01:00';

let env;
before(async () => {
  env = await start({
    '/ov/registry.json': { type: 'application/json', body: overviewRegistry() },
    '/ov/slow.json': { type: 'application/json', body: demoConfig('circo-exemple.json'), delay: 3000 },
    '/ov/page.html': page({ title: 'overview', body: '<div data-circo-don="/ov/registry.json"></div>' }),
  });
});
after(() => env?.close());

/** Each row's slug (from its button's name) and state, in the page's order. */
async function rows(w) {
  return w.locator('.cd-choices li').evaluateAll((lis) => lis.map((li) => [li.querySelector('a').textContent.match(/\(([^()]+)\)$/)[1], li.dataset.state]));
}

test('the overview lists every circo by what is missing; a slow file pends, a missing one fails alone', async () => {
  const p = await env.open('/ov/page.html', { clock: CLOCK });
  const w = p.locator('[data-circo-don]');
  await w.getByRole('heading', { name: 'Où manque l’argent' }).waitFor();
  // The slow file is still on its way: its circo pends, after those with figures.
  await w.locator('li[data-state="pending"]').waitFor();
  assert.deepEqual(await rows(w), [['99-04', 'progress'], ['99-03', 'progress'], ['99-01', 'pending'], ['99-02', 'failed']]);
  assert.match(await w.locator('li[data-state="pending"]').innerText(), /Chiffres en cours de chargement/);
  assert.match(await w.locator('h3 + p').innerText(), /en cours de chargement/);
  // The missing file: said at its circo, the others' figures shown.
  assert.match(await w.locator('li[data-state="failed"]').innerText(), /n’a pas pu être lu/);
  const inline = w.locator('li', { has: p.getByRole('link', { name: /\(99-03\)$/ }) });
  assert.match(await inline.innerText(), /Il manque 1\s500\s€, soit 30 dons de 50\s€\./);
  assert.equal(await inline.getByRole('progressbar').getAttribute('value'), '25');
  const published = w.locator('li', { has: p.getByRole('link', { name: /\(99-04\)$/ }) });
  assert.equal(await published.getByRole('link', { name: 'Sa page' }).getAttribute('href'), 'https://exemple.fr/99-04');
  assert.match(await published.getByRole('progressbar').getAttribute('aria-label'), /1\s000\s€ collectés sur un objectif de 5\s000\s€/);

  // Then its figures, in their place by what is missing (1 760 €).
  await w.locator('li[data-state="pending"]').waitFor({ state: 'detached', timeout: 15_000 });
  assert.deepEqual(await rows(w), [['99-04', 'progress'], ['99-01', 'progress'], ['99-03', 'progress'], ['99-02', 'failed']]);
  const slow = w.locator('li', { has: p.getByRole('link', { name: /\(99-01\)$/ }) });
  assert.match(await slow.innerText(), /1\s240\s€ collectés sur un objectif de 3\s000\s€/);
  assert.match(await slow.innerText(), /Il manque 1\s760\s€/);
  assert.match(await w.locator('h3 + p').innerText(), /2\s740\s€ collectés sur 10\s000\s€/);
  // Fetched once each, and nothing for the published figures.
  assert.equal(env.requests.filter((u) => u === '/ov/slow.json').length, 1);
  assert.equal(env.requests.filter((u) => u === '/ov/never.json').length, 0);

  assert.deepEqual(await axeViolations(p), []);
  await screenshot(p, 'overview-1280');
  await p.setViewportSize({ width: 360, height: 800 });
  assert.deepEqual(await axeViolations(p), []);
  await screenshot(p, 'overview-360');

  // By name, by department, and back; the search still filters the rows.
  await w.getByRole('group', { name: 'Trier par' }).getByRole('button', { name: 'Nom' }).click();
  assert.equal(await w.getByRole('button', { name: 'Nom' }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual((await rows(w)).map((r) => r[0]), ['99-01', '99-02', '99-03', '99-04']);
  await w.getByRole('button', { name: 'Ce qui manque' }).click();
  assert.deepEqual((await rows(w)).map((r) => r[0]), ['99-04', '99-01', '99-03', '99-02']);
  await w.getByLabel('Chercher une circonscription').fill('99200');
  await w.getByRole('status').filter({ hasText: '2 circonscriptions trouvées' }).waitFor();
  assert.deepEqual(await rows(w), [['99-01', 'progress'], ['99-02', 'failed']]);
  assert.match(await w.locator('.cd-choices li > a').first().innerText(), /^Saint-Étienne-Exemple — /);

  // Choosing a circo opens its account, as the chooser does.
  await w.getByLabel('Chercher une circonscription').fill('');
  await w.getByRole('link', { name: /\(99-03\)$/ }).click();
  await w.getByRole('heading', { name: /Sacha Bernard/ }).waitFor();
  assert.match(new URL(p.url()).hash, /^#circo-99-03$/);
  assert.deepEqual(p.errors, []);
});

test('in English, keyboard only: the sort buttons are reached and pressed with the keyboard', async () => {
  const p = await env.open('/ov/page.html', { clock: CLOCK });
  const w = p.locator('[data-circo-don]');
  await w.getByRole('button', { name: 'English', exact: true }).click();
  await w.getByRole('heading', { name: 'Where money is missing' }).waitFor();
  const byDepartment = w.getByRole('group', { name: 'Sort by' }).getByRole('button', { name: 'Department' });
  await byDepartment.focus();
  await p.keyboard.press('Enter');
  assert.equal(await byDepartment.getAttribute('aria-pressed'), 'true');
  assert.deepEqual((await rows(w)).map((r) => r[0]), ['99-01', '99-02', '99-03', '99-04']);
  assert.match(await w.locator('li[data-state="failed"]').innerText(), /could not be read/);
  assert.deepEqual(p.errors, []);
});
