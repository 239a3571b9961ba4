// Serves the built demo on localhost the way a locked-down hospital portal would: every HTML
// response carries a strict Content-Security-Policy with a fresh nonce on each <script> (and
// module preload).
//
// `npm start` (startDemo) puts @milieu/server behind it: SQLite seeded from the inpatient
// example, `/api/*` forwarded with the signed-in demo user's token (a portal backend-for-frontend).
// The browser tests can instead use a small in-memory backend (createDemoServer without `api`):
// GET /api/v1/document returns examples/inpatient-unit.json, and POST /api/v1/feedback stores
// entries in memory per the feedback contract of @milieu/core (Idempotency-Key required; a
// replay returns the first response; a reused key with another body is a 422).
// /cdn/ serves packages/elements/dist/cdn like a CDN (CORS, immutable files).
// Nothing is logged: request bodies hold personal data.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { extname, join, normalize, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FEEDBACK_PATH,
  FeedbackEntrySchema,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKeySchema,
} from '@milieu/core';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = join(here, 'dist');
const CDN = join(here, '..', '..', 'packages', 'elements', 'dist', 'cdn');
const EXAMPLE = join(here, '..', '..', 'examples', 'inpatient-unit.json');
/** The path of the demo's document endpoint. */
export const DOCUMENT_PATH = '/api/v1/document';
const MAX_BODY = 64 * 1024;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
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

/** A fresh in-memory feedback store. */
export function createFeedbackStore() {
  return { entries: [], byKey: new Map() };
}

const json = (res, status, body, headers = {}) => {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
};
const fail = (res, status, code, message, issues) =>
  json(res, status, { error: { code, message, ...(issues ? { issues } : {}) } });

/**
 * Who is signed in to the demo portal on each page (a real portal knows this from its own
 * session; the demo keys it on the page that was opened, in an HttpOnly cookie).
 */
export const DEMO_USERS = {
  staff: { role: 'staff', staffId: 'st-th-1' },
  participant: { role: 'participant', participantId: 'p-12' },
};
const USER_COOKIE = 'milieu-demo-user';
const userOfPage = (path) => (path.includes('participant') ? 'participant' : 'staff');
const userOfRequest = (req) =>
  /(?:^|;\s*)milieu-demo-user=participant(?:;|$)/.test(req.headers.cookie ?? '')
    ? 'participant'
    : 'staff';
const FORWARD_REQUEST = ['content-type', 'idempotency-key', 'if-match', 'if-none-match', 'accept'];
const FORWARD_RESPONSE = ['content-type', 'etag', 'idempotent-replayed', 'retry-after'];

/**
 * The portal's backend in front of @milieu/server (backend-for-frontend): it forwards
 * `/api/v1/*` with the bearer token of the signed-in user. The program document is read with
 * the staff token for every page (demo simplification: see README.md here).
 */
async function proxyApi(req, res, api, path, search) {
  const user = req.method === 'GET' && path === DOCUMENT_PATH ? 'staff' : userOfRequest(req);
  const headers = { authorization: `Bearer ${api.tokens[user]}` };
  for (const name of FORWARD_REQUEST) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  let body;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    try {
      body = await readBody(req);
    } catch {
      return fail(res, 413, 'payload_too_large', 'The request is too large.');
    }
  }
  const upstream = await globalThis.fetch(`${api.url}${path}${search}`, {
    method: req.method,
    headers,
    body,
  });
  const out = { 'cache-control': 'no-store' };
  for (const name of FORWARD_RESPONSE) {
    const value = upstream.headers.get(name);
    if (value) out[name] = value;
  }
  res.writeHead(upstream.status, out);
  res.end(Buffer.from(await upstream.arrayBuffer()));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('too large'), { code: 'TOO_LARGE' }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function postFeedback(req, res, store) {
  const key = req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (typeof key !== 'string' || !IdempotencyKeySchema.safeParse(key).success) {
    return fail(res, 400, 'idempotency_key_missing', 'Send an Idempotency-Key header.');
  }
  let text;
  try {
    text = await readBody(req);
  } catch {
    return fail(res, 413, 'payload_too_large', 'The entry is too large.');
  }
  const digest = createHash('sha256').update(text).digest('hex');
  const seen = store.byKey.get(key);
  if (seen) {
    if (seen.digest !== digest) {
      return fail(res, 422, 'idempotency_key_reused', 'This key was used for another entry.');
    }
    return json(res, seen.status, seen.body, { 'idempotent-replayed': 'true' });
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(res, 400, 'invalid_entry', 'The body is not JSON.');
  }
  const parsed = FeedbackEntrySchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: '/' + i.path.map(String).join('/'),
      code: i.code,
      message: i.message,
    }));
    return fail(res, 400, 'invalid_entry', 'The entry is not valid.', issues);
  }
  const body = { entry: parsed.data };
  store.entries.push(parsed.data);
  store.byKey.set(key, { digest, status: 201, body });
  return json(res, 201, body);
}

async function sendFile(res, file, headers = {}) {
  const info = await stat(file);
  if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(await readFile(file));
}

function inside(dir, path) {
  const file = join(dir, normalize(path).replace(/^(\.\.[/\\])+/, ''));
  if (file !== dir && !file.startsWith(dir + sep)) {
    throw Object.assign(new Error('forbidden'), { code: 'ENOENT' });
  }
  return file;
}

/**
 * Creates the demo server (not listening yet).
 *
 * @param {import('./serve.d.mts').DemoServerOptions} [options]
 */
export function createDemoServer(options = {}) {
  const root = options.root ?? DIST;
  const policy = options.csp ?? csp;
  const store = options.feedback ?? createFeedbackStore();
  const pages = options.pages ?? {};
  const mounts = Object.entries({ '/cdn/': options.cdnDir ?? CDN, ...options.mounts });
  let documentText = options.document === undefined ? undefined : JSON.stringify(options.document);

  async function sendHtml(res, html, path = '/') {
    const nonce = randomBytes(16).toString('base64');
    const body = html
      .replaceAll('<script', `<script nonce="${nonce}"`)
      // Module preloads are script fetches too: under 'strict-dynamic' they need the nonce.
      .replaceAll('<link rel="modulepreload"', `<link rel="modulepreload" nonce="${nonce}"`)
      .replaceAll('__CSP_NONCE__', nonce);
    res.writeHead(200, {
      'content-type': TYPES['.html'],
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy': policy(nonce),
      'set-cookie': `${USER_COOKIE}=${userOfPage(path)}; Path=/; HttpOnly; SameSite=Strict`,
    });
    res.end(body);
  }

  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = decodeURIComponent(url.pathname);
      if (options.api && path.startsWith('/api/')) {
        return await proxyApi(req, res, options.api, url.pathname, url.search);
      }
      if (path === DOCUMENT_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
        documentText ??= readFileSync(EXAMPLE, 'utf8');
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        });
        return res.end(req.method === 'HEAD' ? undefined : documentText);
      }
      if (path === FEEDBACK_PATH) {
        if (req.method !== 'POST') return fail(res, 405, 'method_not_allowed', 'POST only.');
        return await postFeedback(req, res, store);
      }
      if (Object.hasOwn(pages, path)) return await sendHtml(res, pages[path]);
      for (const [prefix, dir] of mounts) {
        if (path.startsWith(prefix)) {
          return await sendFile(res, inside(dir, path.slice(prefix.length)), {
            'access-control-allow-origin': '*',
            'cross-origin-resource-policy': 'cross-origin',
          });
        }
      }
      let file = inside(root, path.endsWith('/') ? `${path}index.html` : path);
      if (!extname(file)) {
        // `/participant` → participant.html; `/embed` → embed/index.html
        const page = `${file}.html`;
        file = (await stat(page).catch(() => null)) ? page : join(file, 'index.html');
      }
      if (file.endsWith('.html')) {
        await stat(file);
        return await sendHtml(res, await readFile(file, 'utf8'), path);
      }
      return await sendFile(res, file);
    } catch (error) {
      const missing =
        error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT';
      res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(missing ? 'Not found' : 'Server error');
    }
  });
}

/** Listens on `port`, trying the next ports when it is taken; resolves with the port. */
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

/**
 * The demo as `npm start` runs it: @milieu/server on an SQLite file seeded from the inpatient
 * example (so feedback typed in the demo is still there after a restart), behind the portal
 * server above, which holds one token per demo user.
 *
 * `port` is the portal's port (the next free one is taken when it is busy); `apiPort` is the
 * internal @milieu/server's port (default 0: any free port, since only the portal talks to it).
 *
 * @param {{ dbFile?: string, port?: number, apiPort?: number }} [options]
 */
export async function startDemo(options = {}) {
  const { startServer } = await import('@milieu/server');
  const api = await startServer({
    database: { kind: 'sqlite', file: options.dbFile ?? join(here, '..', '..', 'milieu.db') },
    seed: EXAMPLE,
    port: options.apiPort ?? 0,
  });
  const tokens = {};
  for (const [user, spec] of Object.entries(DEMO_USERS)) {
    tokens[user] = (await api.store.createToken({ ...spec, label: `demo ${user}` })).token;
  }
  const server = createDemoServer({ api: { url: api.url, tokens } });
  const port = await listen(server, options.port ?? 4173);
  return {
    port,
    url: `http://localhost:${port}/`,
    api,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await api.close();
    },
  };
}

/** A port from the environment: unset means `fallback`; anything but 0–65535 is an error. */
function envPort(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name}=${raw} is not a port (an integer from 0 to 65535).`);
  }
  return port;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const demo = await startDemo({
    dbFile: process.env.MILIEU_DB,
    port: envPort('PORT', 4173),
    apiPort: envPort('MILIEU_API_PORT', 0),
  });
  console.log(`Milieu Kit demo: ${demo.url}`);
  console.log(`  embedding lab (CDN, prefix, two copies): ${demo.url}embed/`);
  console.log(`  internal API (@milieu/server): ${demo.api.url}`);
  console.log(
    `  data: @milieu/server on SQLite (${process.env.MILIEU_DB ?? 'milieu.db'}); Ctrl+C stops`,
  );
}
