// A small static file server for the demo (`make demo`) and the end-to-end tests.
// It binds to loopback only, serves the widget's files with the types a browser needs
// (`application/wasm` for the module) and the cache headers the README recommends:
// stable names, revalidated on every load (ETag), so a new release reaches visitors at
// once without a content hash in the URL the collective pasted.
//
//   node tools/serve.mjs DIR [HOST] [PORT]
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.json', '.css', '.svg']);

/**
 * Starts a server. `mounts` maps URL prefixes to folders (the first that matches wins;
 * '/' is the usual last one); `routes` maps exact paths to handlers `(req, res) => void`
 * that take precedence (the tests use them for failure modes); `cors` adds
 * `Access-Control-Allow-Origin: *` to files; `gzip` compresses text and wasm files for
 * clients that accept it, as most hosts do (tools/bench-web.mjs); `onRequest` sees every
 * request.
 * Resolves to the listening server once it is bound.
 */
export function serve({ mounts, host = '127.0.0.1', port = 0, cors = false, gzip = false, routes = {}, onRequest }) {
  const server = createServer(async (req, res) => {
    onRequest?.(req);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    try {
      if (routes[path]) return routes[path](req, res);
      if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, 'method not allowed');
      const file = locate(mounts, path);
      if (!file) return end(res, 404, 'not found');
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) return end(res, 404, 'not found');
      let body = await readFile(file);
      const etag = '"' + createHash('sha1').update(body).digest('base64url').slice(0, 16) + '"';
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ETag: etag,
        'X-Content-Type-Options': 'nosniff',
      };
      if (cors) headers['Access-Control-Allow-Origin'] = '*';
      if (gzip && /gzip/.test(req.headers['accept-encoding'] ?? '') && COMPRESSIBLE.has(extname(file))) {
        body = gzipSync(body, { level: 9 });
        headers['Content-Encoding'] = 'gzip';
        headers.Vary = 'Accept-Encoding';
      }
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        return res.end();
      }
      res.writeHead(200, { ...headers, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      end(res, 500, String(error));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

function end(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

// The file for a URL path, never outside its mount's folder.
function locate(mounts, path) {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!path.startsWith(prefix)) continue;
    let rest = path.slice(prefix.length);
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    const root = resolve(dir);
    const file = normalize(join(root, rest));
    if (file !== root && !file.startsWith(root + sep)) return null;
    return file;
  }
  return null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir = 'dist', host = '127.0.0.1', port = '8080'] = process.argv.slice(2);
  const server = await serve({ mounts: { '/': dir }, host, port: Number(port) }).catch((error) => {
    console.error(`serve: cannot listen on ${host}:${port}: ${error.message} (set PORT=... to use another port)`);
    process.exit(1);
  });
  const { port: bound } = server.address();
  console.log(`circo-don demo: http://${host}:${bound}/  (serving ${dir}/; Ctrl-C to stop)`);
}
