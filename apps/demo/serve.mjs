// Serves the built demo on localhost under a strict Content-Security-Policy, the way a
// locked-down hospital portal would: every <script> gets a fresh nonce per response.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), 'dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

/** The policy the demo (and its browser tests) run under. */
export function csp(nonce) {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

/** Creates the demo server (not listening yet). */
export function createDemoServer() {
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      if (path.endsWith('/')) path += 'index.html';
      const file = join(root, path);
      if (!file.startsWith(root)) throw Object.assign(new Error('forbidden'), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = {
        'content-type': type,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      };
      if (type.startsWith('text/html')) {
        const nonce = randomBytes(16).toString('base64');
        const body = (await readFile(file, 'utf8')).replaceAll(
          '<script',
          `<script nonce="${nonce}"`,
        );
        res.writeHead(200, { ...headers, 'content-security-policy': csp(nonce) });
        res.end(body);
      } else {
        res.writeHead(200, headers);
        res.end(await readFile(file));
      }
    } catch (error) {
      const missing =
        error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT';
      res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(missing ? 'Not found' : 'Server error');
    }
  });
}

/** Listens on `port`, trying the next ports when it is taken. */
export function listen(server, port, host = '127.0.0.1', tries = 20) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE' && tries > 1)
        resolve(listen(server, port + 1, host, tries - 1));
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = createDemoServer();
  const port = await listen(server, Number(process.env.PORT ?? 4173));
  console.log(`Milieu Kit demo: http://localhost:${port}/`);
}
