// Bounded loading: a configuration server that misbehaves (stalls in the body, cuts it,
// sends too much, sends a web page, redirects from https to http) ends in the polite
// alert for the donor and the exact cause for the collective, within the widget's time
// limit, and never affects another widget of the page. The misbehaving servers listen
// on 127.0.0.1 only; the https one uses a certificate made here with openssl.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, page, demoConfig, failureOf, DIST } from './harness.mjs';
import { serve } from '../../tools/serve.mjs';

const MiB = 1024 * 1024;
let env;
let bad;
let secure;
let certDir;
/** Bytes each oversized route had written when the client went away. */
const sent = {};

const cors = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };

/**
 * Writes 64 KiB every 5 ms (about 13 MB/s, a fast connection), up to `total` bytes,
 * while the client listens. Paced so that what was sent measures when the widget
 * stopped, not how much loopback buffers in between.
 */
function flood(name, res, total) {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  sent[name] = 0;
  res.write('{"format": "circo-don/1", "padding": "');
  const timer = setInterval(() => {
    if (res.destroyed || sent[name] >= total) {
      clearInterval(timer);
      return res.destroyed || res.end();
    }
    sent[name] += chunk.length;
    res.write(chunk);
  }, 5);
  res.on('close', () => clearInterval(timer));
}

before(async () => {
  const config = demoConfig('circo-exemple.json');
  bad = await serve({
    mounts: { '/': DIST },
    cors: true,
    routes: {
      // Headers at once, then half the body, then nothing until the client gives up.
      '/stall-body.json': (req, res) => {
        res.writeHead(200, { ...cors, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(config) });
        res.write(config.slice(0, 200));
        req.on('close', () => res.destroy());
      },
      // Half the body, then the connection is cut.
      '/cut-body.json': (req, res) => {
        res.writeHead(200, { ...cors, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(config) });
        res.write(config.slice(0, 200), () => setTimeout(() => res.destroy(), 50));
      },
      // 20 MB announced.
      '/huge-declared.json': (req, res) => {
        res.writeHead(200, { ...cors, 'Content-Type': 'application/json', 'Content-Length': 20 * MiB });
        flood('declared', res, 20 * MiB);
      },
      // 20 MB streamed without a Content-Length.
      '/huge-streamed.json': (req, res) => {
        res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
        flood('streamed', res, 20 * MiB);
      },
      // A web page with status 200 (a host's error or login page).
      '/page.json': (req, res) => {
        res.writeHead(200, { ...cors, 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>Connexion</title><p>Veuillez vous connecter');
      },
    },
  });
  const badOrigin = `http://127.0.0.1:${bad.address().port}`;
  // An https server (self-signed) that redirects to the same file over http.
  certDir = mkdtempSync(join(tmpdir(), 'circo-don-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')], { stdio: 'ignore' });
  secure = createHttpsServer({ key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) }, (req, res) => {
    res.writeHead(302, { ...cors, Location: `${badOrigin}/demo/circo-exemple.json` });
    res.end();
  });
  await new Promise((ok) => secure.listen(0, '127.0.0.1', ok));
  const secureOrigin = `https://127.0.0.1:${secure.address().port}`;
  const one = (url) => page({ body: `<div data-circo-don="${url}"></div>` });
  env = await start({
    '/l/stall.html': page({ body: `<div id="bad" data-circo-don="${badOrigin}/stall-body.json"></div>
<div id="good" data-circo-don="/demo/circo-exemple.json"></div>` }),
    '/l/cut.html': one(`${badOrigin}/cut-body.json`),
    '/l/huge-declared.html': one(`${badOrigin}/huge-declared.json`),
    '/l/huge-streamed.html': page({ body: `<div id="bad" data-circo-don="${badOrigin}/huge-streamed.json"></div>
<div id="good" data-circo-don="/demo/circo-exemple.json"></div>` }),
    '/l/page.html': one(`${badOrigin}/page.json`),
    '/l/redirect.html': one(`${secureOrigin}/circo-exemple.json`),
  });
});

after(() => {
  env?.close();
  // The misbehaving routes may still hold a connection open.
  for (const server of [bad, secure]) {
    server?.closeAllConnections();
    server?.close();
  }
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

/** The other widget of the page is ready and answers the donor. */
async function goodIsReady(p) {
  await p.locator('#good .cd[data-state="ready"]').waitFor({ timeout: 10_000 });
  await p.locator('#good #cd-amount').fill('100');
  assert.match(await p.locator('#good .cd-result[role="status"]').innerText(), /34\s€/);
}

test('a body that stalls ends in the timeout message; the other widget works throughout', { timeout: 60_000 }, async () => {
  const startedAt = Date.now();
  const opened = env.open('/l/stall.html');
  const p = await opened;
  // While the first widget waits, the second is already usable.
  await goodIsReady(p);
  assert.equal(await p.locator('#bad .cd').getAttribute('data-state'), 'loading');
  const { donor, detail } = await failureOf({ open: async () => p }, '', { host: '#bad', timeout: 30_000 });
  const waited = (Date.now() - startedAt) / 1000;
  assert.ok(waited < 25, `gave up after ${waited} s`);
  assert.match(donor, /connexion/);
  assert.match(detail, /15 secondes/);
  assert.match(detail, /arrêté en cours d’envoi/);
  await goodIsReady(p);
});

test('a body cut short: the donor is told to retry, the collective why', async () => {
  const { donor, detail } = await failureOf(env, '/l/cut.html', { timeout: 20_000 });
  assert.match(donor, /connexion/);
  assert.match(detail, /interrompue avant la fin/);
});

test('20 MB announced: refused from Content-Length, without downloading it', async () => {
  const { donor, detail } = await failureOf(env, '/l/huge-declared.html');
  assert.match(donor, /collectif/);
  assert.match(detail, /20971520 octets/);
  assert.match(detail, /1 Mio/);
  assert.ok(sent.declared < 8 * MiB, `${sent.declared} bytes were sent before the widget stopped`);
});

test('20 MB streamed without a length: refused past 1 MiB while streaming; the other widget works', async () => {
  const { p, donor, detail } = await failureOf(env, '/l/huge-streamed.html', { host: '#bad' });
  assert.match(donor, /collectif/);
  assert.match(detail, /limite de 1048576/);
  assert.ok(sent.streamed < 8 * MiB, `${sent.streamed} bytes were sent before the widget stopped`);
  await goodIsReady(p);
});

test('a web page instead of JSON: the collective is told the address or the server is wrong', async () => {
  const { donor, detail } = await failureOf(env, '/l/page.html');
  assert.match(donor, /collectif/);
  assert.match(detail, /page web \(text\/html\)/);
});

test('a redirect from https to http is refused, naming where it led', async () => {
  const { donor, detail } = await failureOf(env, '/l/redirect.html', { options: { ignoreHTTPSErrors: true } });
  assert.match(donor, /collectif/);
  assert.match(detail, /non chiffrée/);
  assert.match(detail, /http:\/\/127\.0\.0\.1:\d+\/demo\/circo-exemple\.json/);
});
