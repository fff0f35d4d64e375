// The embedding contract (README, "Embedding"): one script, one element per widget,
// isolation from the host page both ways, natural height, any folder or origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, page, demoConfig, screenshot, BODY, HOSTILE_CSS, isolationProbe } from './harness.mjs';

let env;
before(async () => {
  const person = JSON.parse(demoConfig('circo-exemple.json'));
  env = await start({
    '/plain.html': page({ body: BODY.plain }),
    '/hostile.html': page({ head: HOSTILE_CSS, body: BODY.hostile }),
    '/two.html': page({ body: BODY.two() }),
    '/twice.html': page({
      body: '<div data-circo-don="/demo/circo-exemple.json"></div><script type="module" src="/circo-don.js"></script>',
    }),
    '/host/page.html': page({
      body: '<div data-circo-don="/sub/folder/widget/demo/circo-exemple.json"></div>',
      script: '/sub/folder/widget/circo-don.js',
    }),
    // A registry whose first circo's file answers slowly, to race the donor's choices.
    '/slow/a.json': { type: 'application/json', body: demoConfig('circo-exemple.json'), delay: 1500 },
    '/race.html': () => {
      const registry = JSON.parse(demoConfig('registry.json'));
      registry.circos[0].url = '/slow/a.json';
      return page({ body: `<script type="application/json" id="reg">${JSON.stringify(registry)}</script><div data-circo-don="#reg"></div>` });
    },
    '/cross.html': ({ other }) => page({
      body: `<div data-circo-don="${other}/demo/circo-exemple.json"></div>`,
      script: `${other}/circo-don.js`,
    }),
  });
  env.person = person;
});
after(() => env?.close());

const candidateName = () => env.person.candidate.name;

/** The text a person sees inside the n-th widget of the page. */
async function widgetText(p, n = 0) {
  return p.locator('[data-circo-don]').nth(n).locator('.cd').first().innerText();
}

async function loaded(p, n = 0) {
  await p.locator('[data-circo-don]').nth(n).locator('.cd[data-state="ready"]').waitFor({ timeout: 20_000 });
}

test('the demo page shows the widget with the example configuration', async () => {
  const p = await env.open('/');
  await loaded(p);
  assert.match(await widgetText(p), new RegExp(candidateName()));
  assert.deepEqual(p.errors, []);
  await screenshot(p, 'demo-1280');
});

test('a hostile host stylesheet changes nothing inside the widget', async () => {
  const plain = await env.open('/plain.html');
  const hostile = await env.open('/hostile.html');
  await loaded(plain);
  await loaded(hostile);
  const probe = (p) => p.locator('[data-circo-don]').evaluate(isolationProbe);
  const [a, b] = [await probe(plain), await probe(hostile)];
  assert.ok(a.height > 200, `the widget has a real height (${a.height}px)`);
  assert.deepEqual(b.styles, a.styles);
  assert.equal(b.height, a.height);
  assert.equal(b.scrolls, false);
  // And the widget's styles do not leak out: the host's own text keeps the host's font.
  const hostFont = await hostile.evaluate(() => getComputedStyle(document.body).fontSize);
  assert.equal(hostFont, '30px');
  await screenshot(hostile, 'hostile-host');
});

test('two widgets on one page work side by side, each with its configuration', async () => {
  const p = await env.open('/two.html');
  await loaded(p, 0);
  await loaded(p, 1);
  const assoc = JSON.parse(demoConfig('association.json'));
  const [a, b] = [await widgetText(p, 0), await widgetText(p, 1)];
  assert.match(a, new RegExp(candidateName()));
  assert.match(b, new RegExp(assoc.candidate.name));
  assert.doesNotMatch(a, new RegExp(assoc.candidate.name));
  // Typing in one does not change the other.
  const amountA = p.locator('#a').getByLabel('Montant du don');
  const amountB = p.locator('#b').getByLabel('Montant du don');
  const before = await amountB.inputValue();
  await amountA.fill('123');
  assert.notEqual(before, '123');
  assert.equal(await amountB.inputValue(), before);
});

test('a snippet pasted twice mounts one widget per element', async () => {
  const p = await env.open('/twice.html');
  await loaded(p);
  assert.equal(await p.locator('[data-circo-don] .cd').count(), 1);
});

test('the widget works from a sub-folder and from another origin with CORS', async () => {
  const sub = await env.open('/host/page.html');
  await loaded(sub);
  assert.match(await widgetText(sub), new RegExp(candidateName()));
  const cross = await env.open('/cross.html');
  await loaded(cross);
  assert.match(await widgetText(cross), new RegExp(candidateName()));
  assert.deepEqual([...sub.errors, ...cross.errors], []);
});

test('a movement registry: search, choose, and link to a circo by its fragment', async () => {
  const p = await env.open('/demo/mouvement.html', { clock: '2026-12-15T10:00:00+01:00' });
  const w = p.locator('[data-circo-don]');
  await w.getByLabel('Chercher une circonscription').fill('2e');
  await w.getByRole('link', { name: /2e circonscription/ }).click();
  const assoc = JSON.parse(demoConfig('association.json'));
  const heading = w.getByRole('heading', { name: new RegExp(assoc.candidate.name) });
  await heading.waitFor();
  // The donor's choice replaced the list: focus follows to the circo's title.
  await p.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.tagName === 'H2');
  await w.getByRole('button', { name: /Choisir une autre circonscription/ }).click();
  await p.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.id === 'cd-search');
  await w.getByLabel('Chercher une circonscription').fill('2e');
  await w.getByRole('link', { name: /2e circonscription/ }).click();
  await heading.waitFor();
  assert.match(new URL(p.url()).hash, /^#circo-99-02$/);
  // The fragment preselects: a link to the first circo opens its account directly.
  const linked = await env.open('/demo/mouvement.html#circo-99-01', { clock: '2026-12-15T10:00:00+01:00' });
  await linked.locator('[data-circo-don]').getByRole('heading', { name: new RegExp(candidateName()) }).waitFor();
  assert.deepEqual([...p.errors, ...linked.errors], []);
});

test('a circo chosen again starts anew: what was typed and copied there is gone', async () => {
  // While collecting (the demo's mandataires are designated in 2027), so that the
  // transfer's details and their copy buttons are shown.
  const p = await env.open('/demo/mouvement.html', { clock: '2027-03-01T10:00:00+01:00' });
  await p.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  const w = p.locator('[data-circo-don]');
  const amount = w.getByLabel('Montant du don');
  // The inline 3e circo: its account is the registry's own, shared, not a new copy.
  const open3 = async () => {
    await w.getByLabel('Chercher une circonscription').fill('3e');
    await w.getByRole('link', { name: /3e circonscription/ }).click();
    await w.getByRole('heading', { name: /Sacha Bernard/ }).waitFor();
  };
  await open3();
  const initial = await amount.inputValue();
  await amount.fill('123');
  await w.getByRole('button', { name: 'Copier l’IBAN' }).click();
  await w.getByText('Copié ✓').waitFor();
  await w.getByRole('button', { name: /Choisir une autre circonscription/ }).click();
  await open3();
  assert.notEqual(initial, '123');
  assert.equal(await amount.inputValue(), initial);
  assert.equal(await w.getByText('Copié ✓').count(), 0);
  assert.deepEqual(p.errors, []);
});

test('a slow linked file never shows a stale answer nor replaces a later choice', async () => {
  const p = await env.open('/race.html', { clock: '2026-12-15T10:00:00+01:00' });
  const w = p.locator('[data-circo-don]');
  const slow = w.getByRole('heading', { name: new RegExp(candidateName()) });
  const choose = async (name) => {
    await w.getByRole('link', { name }).click();
  };
  const back = () => w.getByRole('button', { name: /Choisir une autre circonscription/ }).click();
  await choose(/1re circonscription/);
  await w.locator('.cd-busy').waitFor();
  await slow.waitFor();
  // Chosen again: loading first, not the answer of the previous time.
  await back();
  await choose(/1re circonscription/);
  assert.equal(await w.locator('.cd-busy').count(), 1, 'loading anew');
  assert.equal(await slow.count(), 0, 'no stale account while loading');
  await slow.waitFor();
  // Chosen, then left for another circo before its file arrives: the late file is dropped.
  await back();
  await choose(/1re circonscription/);
  await back();
  await choose(/3e circonscription/);
  const other = w.getByRole('heading', { name: /Sacha Bernard/ });
  await other.waitFor();
  await p.waitForTimeout(2500);
  assert.equal(await other.count(), 1, 'the later choice stays');
  assert.equal(await slow.count(), 0, 'the slow file did not replace it');
  assert.deepEqual(p.errors, []);
});
