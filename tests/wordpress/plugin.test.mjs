// The WordPress plugin on a real WordPress (tests/wordpress/run.sh starts it), in
// Chromium, as a collective and its visitors use it: the zip uploaded through wp-admin,
// the configuration imported through the plugin's page (the builder in its frame), the
// shortcode inserted by an Author (no unfiltered_html), the block by an Administrator,
// a visitor's real cost, the view without JavaScript, a post without the widget, a host
// without application/wasm, and deleting the plugin. The steps run in order: each uses
// what the previous one left. Screenshots in target/wordpress-shots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = join(ROOT, 'target', 'wordpress-shots');
const URL_ = process.env.CIRCO_WP_URL;
const WP = process.env.CIRCO_WP_DIR;
const DEMO = join(ROOT, 'demo', 'circo-exemple.json');
// A day of the demo election's collection window (its first round less 20 days), for
// the builder's prerender and the visitors' widget alike.
const CLOCK = '2026-12-28T10:00:00+01:00';

assert.ok(URL_ && WP, 'run by tests/wordpress/run.sh, which starts WordPress');

const wp = (...args) => execFileSync('php', [join(ROOT, 'tests', 'wordpress', 'wp.php'), WP, ...args], { encoding: 'utf8' });

let browser;
const state = {};
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});
after(() => browser?.close());

/**
 * A fresh context (no cookie) with every request kept, the console and page errors,
 * and anything not on the test site refused (wp-admin links Gravatar's avatars).
 */
async function context({ javaScriptEnabled = true } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', javaScriptEnabled });
  await ctx.clock.setFixedTime(new Date(CLOCK));
  ctx.requests = [];
  ctx.on('request', (r) => ctx.requests.push(r.url()));
  await ctx.route((url) => !url.href.startsWith(URL_), (route) => route.abort());
  const page = await ctx.newPage();
  page.errors = [];
  page.console = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => page.console.push(`${m.type()}: ${m.text()}`));
  return { ctx, page };
}

async function login(user, password) {
  const { ctx, page } = await context();
  await page.goto(`${URL_}/wp-login.php`);
  await page.fill('#user_login', user);
  await page.fill('#user_pass', password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
  return { ctx, page };
}

const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** Publishes a post through the REST API as the logged-in user of `page` (what the
 * block editor does on « Publier »), and returns { id, link }. */
async function publish(page, title, content) {
  const nonce = await (await page.request.get(`${URL_}/wp-admin/admin-ajax.php?action=rest-nonce`)).text();
  const response = await page.request.post(`${URL_}/?rest_route=/wp/v2/posts`, {
    headers: { 'X-WP-Nonce': nonce },
    data: { title, content, status: 'publish' },
  });
  assert.equal(response.status(), 201, await response.text());
  return response.json();
}

const widget = (page) => page.locator('[data-circo-don]');

test('the zip installs from Extensions → Ajouter → Téléverser and activates', async () => {
  const { ctx, page } = await login('admin', process.env.CIRCO_WP_ADMIN_PASS);
  state.admin = { ctx, page };
  await page.goto(`${URL_}/wp-admin/plugin-install.php`);
  await page.click('.upload-view-toggle');
  await page.setInputFiles('#pluginzip', process.env.CIRCO_WP_ZIP);
  await Promise.all([page.waitForURL(/update\.php\?action=upload-plugin/), page.click('#install-plugin-submit')]);
  const activate = page.locator('a.button-primary[href*="action=activate"]');
  await shot(page, '1-uploaded');
  await Promise.all([page.waitForURL(/plugins\.php/), activate.click()]);
  const row = page.locator('tr[data-slug="circo-don"]');
  assert.ok(await row.locator('.deactivate').count(), 'the plugin is active');
  // French, from the plugin's own translation: its description and its settings link.
  assert.match(await row.innerText(), /Le module de dons d’une campagne électorale/);
  assert.equal(await row.locator('a[href$="options-general.php?page=circo-don"]').innerText(), 'Réglages');
  await shot(page, '2-plugins');
});

test('Réglages → circo-don: the configuration imported into the builder, saved into the site', async () => {
  const { page } = state.admin;
  await page.goto(`${URL_}/wp-admin/options-general.php?page=circo-don`);
  // Réglages → circo-don, the current entry of the settings menu.
  assert.equal(await page.locator('#menu-settings .wp-menu-name').innerText(), 'Réglages');
  assert.equal(await page.locator('#menu-settings li.current a[href="options-general.php?page=circo-don"]').innerText(), 'circo-don');
  assert.match(await page.locator('.wrap h1').innerText(), /^circo-don : le module de dons$/);
  assert.match(await page.locator('.circo-don-state').innerText(), /Pas encore de configuration/);
  const builder = page.frameLocator('#circo-don-builder');
  await builder.locator('#import').setInputFiles(DEMO);
  // The builder set to this site's addresses by the plugin: its snippet names the
  // page's inline configuration and the plugin's folder.
  const prerendered = builder.locator('#prerendered');
  await page.waitForFunction(() => {
    const doc = document.getElementById('circo-don-builder').contentDocument;
    const made = doc.getElementById('prerendered');
    return made && made.value.includes('data-circo-don="#circo-don-config"') && made.value.includes('/wp-content/plugins/circo-don/assets/');
  }, null, { timeout: 30_000 });
  assert.equal(await builder.locator('.b-summary').count(), 0, 'the demo configuration has no error');
  const snippet = await prerendered.inputValue();
  // The builder's preview, the real widget, reads the imported configuration.
  await builder.locator('.b-preview-host .cd[data-state="ready"]').waitFor({ timeout: 30_000 });
  await shot(page, '3-settings-imported');
  await page.screenshot({ path: join(SHOTS, '3-settings-imported-top.png') });
  await Promise.all([page.waitForURL(/circo-don=saved/), page.getByRole('button', { name: 'Enregistrer dans le site' }).click()]);
  assert.match(await page.locator('.notice-success').innerText(), /Configuration enregistrée/);
  assert.match(await page.locator('.circo-don-state').innerText(), /vue préaffichée faite le/);

  // What was saved: the builder's own JSON, and its prerendered element whole (the
  // filter kept every tag and attribute).
  const config = JSON.parse(wp('option', 'circo_don_config'));
  assert.deepEqual(JSON.parse(config), JSON.parse(readFileSync(DEMO, 'utf8')));
  const view = JSON.parse(wp('option', 'circo_don_view'));
  // wp_kses writes an SVG element's closing `/>` as ` />`, its one change.
  const element = snippet.split('\n').find((l) => l.startsWith('<div data-circo-don=')).replaceAll('"/>', '" />');
  const at = [...element].findIndex((c, i) => view.html[i] !== c);
  assert.equal(view.html, element, `the prerendered view is saved as the builder made it; first difference:
    made:  ${element.slice(at - 80, at + 80)}
    saved: ${view.html.slice(at - 80, at + 80)}`);
  state.element = element;

  // Reopened, the page gives the builder the saved configuration back.
  await page.reload();
  await page.waitForFunction(() => {
    const doc = document.getElementById('circo-don-builder').contentDocument;
    return doc?.querySelector('details textarea.b-json')?.value.includes('Camille Martin');
  }, null, { timeout: 30_000 });
  await builder.locator('.b-preview-host .cd[data-state="ready"]').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(SHOTS, '4-settings-saved-top.png') });
});

test('a page holding what is not a configuration, or a script in the view, is refused or filtered', async () => {
  const { page } = state.admin;
  // Posts the settings page's form as its script would, and waits for the answer.
  const post = async (config, view, answer) => {
    await page.goto(`${URL_}/wp-admin/options-general.php?page=circo-don`);
    await page.evaluate(([config, view]) => {
      const form = document.getElementById('circo-don-save');
      form.elements.circo_don_config.value = config;
      form.elements.circo_don_view.value = view;
      document.getElementById('circo-don-builder').remove();
      form.submit();
    }, [config, view]);
    await page.waitForURL(new RegExp(`circo-don=${answer}`));
  };
  await post('{"format": "autre"}', '', 'invalid');
  assert.deepEqual(JSON.parse(JSON.parse(wp('option', 'circo_don_config'))), JSON.parse(readFileSync(DEMO, 'utf8')), 'nothing changed');
  const evil = state.element.replace('<h2 tabindex="-1">', '<h2 tabindex="-1" onclick="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>');
  await post(readFileSync(DEMO, 'utf8'), evil, 'saved');
  const filtered = JSON.parse(wp('option', 'circo_don_view')).html;
  assert.doesNotMatch(filtered, /onclick|<script|javascript:/);
  assert.match(filtered, /shadowrootmode="open"/);
  // Saved again as the builder makes it, for the steps below.
  await post(readFileSync(DEMO, 'utf8'), state.element, 'saved');
  assert.equal(JSON.parse(wp('option', 'circo_don_view')).html, state.element);
});

test('an Author, who may not paste scripts, publishes the shortcode; an Administrator the block', async () => {
  const author = await login('auteur', process.env.CIRCO_WP_AUTHOR_PASS);
  // The Author is filtered: a script in the same content is removed on save.
  const shortcode = await publish(author.page, 'Soutenir la campagne', '<p>Merci de votre soutien.</p>\n[circo-don]\n<script>document.title = "filtré ?"</script>');
  const saved = wp('post', String(shortcode.id));
  assert.match(saved, /\[circo-don\]/);
  assert.doesNotMatch(saved, /<script/, 'an Author has no unfiltered_html: WordPress removed the script');
  state.shortcode = shortcode.link;
  await author.ctx.close();

  const { page } = state.admin;
  const block = await publish(page, 'Donate', '<!-- wp:paragraph --><p>Thank you.</p><!-- /wp:paragraph -->\n<!-- wp:circo-don/widget {"lang":"en"} /-->');
  state.block = block.link;
  const plain = await publish(page, 'Un article sans module', '<!-- wp:paragraph --><p>Rien à voir ici.</p><!-- /wp:paragraph -->');
  state.plain = plain.link;

  // The block is in the editor's inserter, with its French title.
  await page.goto(`${URL_}/wp-admin/post.php?post=${block.id}&action=edit`);
  await page.waitForFunction(() => window.wp?.blocks?.getBlockType('circo-don/widget'), null, { timeout: 60_000 });
  assert.equal(await page.evaluate(() => window.wp.blocks.getBlockType('circo-don/widget').title), 'Module de dons (circo-don)');
  await page.locator('.circo-don-block-placeholder').first().waitFor({ timeout: 30_000 });
  // The editor's welcome guide, closed as a person would.
  await page.keyboard.press('Escape');
  await shot(page, '5-block-editor');
});

test('a visitor sees the widget, types an amount and reads its real cost; nothing leaves the site, no cookie', async () => {
  const { ctx, page } = await context();
  await page.goto(state.shortcode);
  await widget(page).locator('.cd[data-state="ready"]').waitFor({ timeout: 30_000 });
  await widget(page).getByLabel('Montant du don').fill('100');
  assert.match(await widget(page).locator('.cd-result[role="status"]').innerText(), /réellement 34\s€/);
  await widget(page).getByLabel('Montant du don').fill('37');
  const said = await widget(page).locator('.cd-result[role="status"]').innerText();
  assert.match(said, /réellement 13\s€/);
  assert.match(said, /coût de 12,58\s€/);
  assert.equal(await page.locator('script[type="module"][src*="/plugins/circo-don/assets/circo-don.js"]').count(), 1);
  assert.equal(await page.title() === 'filtré ?', false);
  await shot(page, '6-post-shortcode');
  assert.deepEqual(ctx.requests.filter((u) => !u.startsWith(URL_)), [], 'no request beyond the site');
  assert.deepEqual(ctx.requests.filter((u) => /circo/.test(u)).map((u) => new URL(u).pathname.replace(/.*\/plugins\//, '')).sort(),
    ['circo-don/assets/circo-don.css', 'circo-don/assets/circo-don.js', 'circo-don/assets/circo-don_bg.wasm'],
    'the widget asks for its three files and nothing else (the configuration is in the page)');
  assert.deepEqual(await ctx.cookies(), [], 'no cookie');
  assert.deepEqual(page.errors, []);
  await ctx.close();
});

test('the block, in English, on a host serving the wasm as application/octet-stream, still starts', async () => {
  writeFileSync(process.env.CIRCO_WP_WASM_TYPE, 'application/octet-stream');
  try {
    const { ctx, page } = await context();
    const wasm = page.waitForResponse((r) => r.url().endsWith('/circo-don_bg.wasm'));
    await page.goto(state.block);
    assert.equal((await wasm).headers()['content-type'], 'application/octet-stream');
    await widget(page).locator('.cd[data-state="ready"]').waitFor({ timeout: 30_000 });
    await widget(page).getByLabel('Donation amount').fill('37');
    assert.match(await widget(page).locator('.cd-result[role="status"]').innerText(), /really cost you €13\./);
    assert.ok(page.console.some((line) => /instantiateStreaming.*Falling back/s.test(line)), page.console.join('\n'));
    assert.equal(await page.locator('.wp-block-circo-don-widget [data-circo-don][data-lang="en"]').count(), 1);
    await shot(page, '7-post-block-octet-stream');
    await ctx.close();
  } finally {
    writeFileSync(process.env.CIRCO_WP_WASM_TYPE, 'application/wasm');
  }
});

test('without JavaScript, the visitor reads the prerendered view, dated', async () => {
  const { ctx, page } = await context({ javaScriptEnabled: false });
  await page.goto(state.shortcode);
  const text = await widget(page).locator('.cd').innerText();
  assert.match(text, /Soutenir la campagne de Camille Martin/);
  assert.match(text, /28 décembre 2026/, 'the view says the day it was made');
  assert.match(text, /FR76 9999 9000 0100 0123 4567 809/, 'the payment details show');
  await shot(page, '8-post-no-javascript');
  await ctx.close();
});

test('a post without the shortcode or block loads nothing of the plugin', async () => {
  const { ctx, page } = await context();
  const response = await page.goto(state.plain);
  const html = await response.text();
  assert.match(html, /Rien à voir ici/);
  assert.doesNotMatch(html, /circo-don/, 'not one mention in the page');
  assert.deepEqual(ctx.requests.filter((u) => /circo-don/.test(u)), []);
  await ctx.close();
});

test('deleting the plugin leaves no option and no file behind', async () => {
  const { page } = state.admin;
  await page.goto(`${URL_}/wp-admin/plugins.php`);
  await Promise.all([page.waitForURL(/deactivate=true/), page.locator('tr[data-slug="circo-don"] .deactivate a').click()]);
  // « Supprimer », then WordPress's confirmation page (what the link leads to without
  // its script), « Oui, supprimer ces fichiers et données ».
  await page.goto(await page.locator('tr[data-slug="circo-don"] .delete a').getAttribute('href').then((h) => new URL(h, `${URL_}/wp-admin/`).href));
  await shot(page, '9-delete-confirm');
  await Promise.all([page.waitForURL(/deleted=1/), page.locator('form input[type="submit"]').first().click()]);
  await shot(page, '10-deleted');
  assert.deepEqual(JSON.parse(wp('options')), []);
  assert.equal(existsSync(join(WP, 'wp-content', 'plugins', 'circo-don')), false);
  // The post still holds its shortcode; WordPress shows it as text, nothing breaks.
  await state.admin.ctx.close();
});
