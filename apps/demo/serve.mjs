// Serves the built demo on localhost the way a locked-down hospital portal would: every HTML
// response carries a strict Content-Security-Policy with a fresh nonce on each <script> (and
// module preload).
//
// Sessions: opening a page of the portal signs its demo user in (participant p-12 on the
// participant page, the hallway kiosk on the kiosk page, therapist st-th-1 on every other page)
// with an opaque session id in an HttpOnly cookie. A request without a session gets 401; it is
// never treated as staff.
//
// `npm start` (startDemo) puts @milieu/server behind it: SQLite seeded from the inpatient
// example, `/api/*` forwarded with the bearer token of the session's user (a portal
// backend-for-frontend), so the server's role rules decide what each page receives.
// The browser tests of the staff pages (unit page, embedding lab) can instead use a small
// in-memory backend (createDemoServer without `api`) that serves staff sessions only:
// GET /api/v1/document returns examples/inpatient-unit.json, GET /api/v1/occurrences its
// schedule resource (core's scheduleResource, as the server computes it), and POST /api/v1/feedback stores
// entries in memory per the feedback contract of @milieu/core (Idempotency-Key required; a
// replay returns the first response; a reused key with another body is a 422). Participant and
// kiosk sessions get 403 there: their pages read role-shaped resources only the server computes.
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
  MAX_OCCURRENCE_RANGE_DAYS,
  OccurrencesQuerySchema,
  isLocalDate,
  parseDocument,
  parseInstant,
  scheduleResource,
  zonedToInstant,
} from '@milieu/core';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = join(here, 'dist');
const CDN = join(here, '..', '..', 'packages', 'elements', 'dist', 'cdn');
const EXAMPLE = join(here, '..', '..', 'examples', 'inpatient-unit.json');
/** The path of the demo's document endpoint. */
export const DOCUMENT_PATH = '/api/v1/document';
/** The path of the schedule resource. */
export const OCCURRENCES_PATH = '/api/v1/occurrences';
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
 * The demo portal's users, one per page (a real portal knows who is signed in from its own
 * login; the demo signs in the user of the page that was opened).
 */
export const DEMO_USERS = {
  staff: { role: 'staff', staffId: 'st-th-1' },
  participant: { role: 'participant', participantId: 'p-12' },
  kiosk: { role: 'kiosk' },
};
const SESSION_COOKIE = 'milieu-demo-session';
const SESSION_ID = /(?:^|;\s*)milieu-demo-session=([\w-]{22,64})(?:;|$)/;
const MAX_SESSIONS = 1000;

/**
 * The demo user a page signs in: `participant` on the participant page, `kiosk` on the hallway
 * screen, `staff` on every other page (the unit page, the embedding lab).
 *
 * @param {string} path - the page's URL path
 * @returns {keyof typeof DEMO_USERS}
 */
export function userOfPage(path) {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.html$/, '');
  if (name === 'participant') return 'participant';
  if (name === 'kiosk') return 'kiosk';
  return 'staff';
}

/** Sessions by opaque id (in memory, oldest dropped first). */
function createSessions() {
  const byId = new Map();
  return {
    /** The user of a request's session, or `undefined` without a (known) session. */
    userOf(req) {
      const id = SESSION_ID.exec(req.headers.cookie ?? '')?.[1];
      return id === undefined ? undefined : byId.get(id);
    },
    /** The session id for `user`: the request's own when it is that user's, else a new one. */
    open(req, user) {
      const id = SESSION_ID.exec(req.headers.cookie ?? '')?.[1];
      if (id !== undefined && byId.get(id) === user) return id;
      if (byId.size >= MAX_SESSIONS) byId.delete(byId.keys().next().value);
      const fresh = randomBytes(24).toString('base64url');
      byId.set(fresh, user);
      return fresh;
    },
  };
}

const noSession = (res) =>
  json(
    res,
    401,
    {
      error: {
        code: 'unauthorized',
        message: 'No session: open a page of the portal to sign in.',
      },
    },
    { 'www-authenticate': 'Cookie realm="milieu-demo"' },
  );

const FORWARD_REQUEST = ['content-type', 'idempotency-key', 'if-match', 'if-none-match', 'accept'];
const FORWARD_RESPONSE = ['content-type', 'etag', 'idempotent-replayed', 'retry-after'];

/**
 * The portal's backend in front of @milieu/server (backend-for-frontend): it forwards
 * `/api/v1/*` with the bearer token of the session's user, and nothing without a session.
 */
async function proxyApi(req, res, api, user, path, search) {
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

const DAY_MS = 86_400_000;

/**
 * The in-memory backend's `GET /api/v1/occurrences` for a staff session, shaped by core's
 * `scheduleResource` exactly as @milieu/server shapes it (attendance from the document's
 * records).
 */
function getOccurrences(res, url, doc) {
  const query = OccurrencesQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    const issues = query.error.issues.map((i) => ({
      path: '/' + i.path.map(String).join('/'),
      code: i.code,
      message: i.message,
    }));
    return fail(res, 400, 'invalid_request', 'Send from and to (YYYY-MM-DD).', issues);
  }
  const zone = doc.program.timeZone;
  const bound = (value) =>
    isLocalDate(value) ? zonedToInstant(value, '00:00', zone).ms : parseInstant(value);
  const from = bound(query.data.from);
  const to = bound(query.data.to);
  if (!(to > from) || to - from > (MAX_OCCURRENCE_RANGE_DAYS + 1) * DAY_MS) {
    return fail(res, 400, 'invalid_request', `"to" must be after "from", at most 62 days later.`);
  }
  const { participant } = query.data;
  if (participant !== undefined && !doc.people.participants.some((p) => p.id === participant)) {
    return fail(res, 400, 'invalid_request', `No participant "${participant}".`);
  }
  const attendance = new Map();
  for (const record of doc.records.attendance) {
    const list = attendance.get(record.occurrenceId) ?? [];
    list.push(record);
    attendance.set(record.occurrenceId, list);
  }
  return json(
    res,
    200,
    scheduleResource(
      doc,
      { kind: 'staff' },
      {
        from,
        to,
        participant,
        includeCancelled: query.data.includeCancelled !== 'false',
        attendance,
      },
    ),
  );
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
  let parsedDocument;
  const sessions = createSessions();
  const currentDocument = () => {
    documentText ??= readFileSync(EXAMPLE, 'utf8');
    if (!parsedDocument) {
      const parsed = parseDocument(JSON.parse(documentText));
      if (!parsed.ok) throw new Error('the demo document is not valid');
      parsedDocument = parsed.value;
    }
    return parsedDocument;
  };

  async function sendHtml(req, res, html, path = '/') {
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
      'set-cookie': `${SESSION_COOKIE}=${sessions.open(req, userOfPage(path))}; Path=/; HttpOnly; SameSite=Strict`,
    });
    res.end(body);
  }

  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = decodeURIComponent(url.pathname);
      if (path.startsWith('/api/')) {
        const user = sessions.userOf(req);
        if (user === undefined) return noSession(res);
        if (options.api)
          return await proxyApi(req, res, options.api, user, url.pathname, url.search);
        if (user !== 'staff') {
          return fail(
            res,
            403,
            'forbidden',
            'The in-memory demo backend serves staff pages only: run the participant and kiosk pages on @milieu/server (startDemo).',
          );
        }
      }
      if (path === OCCURRENCES_PATH && req.method === 'GET') {
        return getOccurrences(res, url, currentDocument());
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
      if (Object.hasOwn(pages, path)) return await sendHtml(req, res, pages[path], path);
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
        return await sendHtml(req, res, await readFile(file, 'utf8'), path);
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
 * server above, which holds one token per demo user (staff, participant p-12, kiosk).
 *
 * `port` is the portal's port (the next free one is taken when it is busy); `apiPort` is the
 * internal @milieu/server's port (default 0: any free port, since only the portal talks to it).
 *
 * @param {import('./serve.d.mts').StartDemoOptions} [options]
 */
export async function startDemo(options = {}) {
  const { startServer } = await import('@milieu/server');
  const api = await startServer({
    database: { kind: 'sqlite', file: options.dbFile ?? join(here, '..', '..', 'milieu.db') },
    seed: options.seed ?? EXAMPLE,
    port: options.apiPort ?? 0,
  });
  const tokens = {};
  for (const [user, spec] of Object.entries(DEMO_USERS)) {
    tokens[user] = (await api.store.createToken({ ...spec, label: `demo ${user}` })).token;
  }
  const server = createDemoServer({
    api: { url: api.url, tokens },
    ...(options.root === undefined ? {} : { root: options.root }),
  });
  const port = await listen(server, options.port ?? 4173);
  return {
    port,
    url: `http://localhost:${port}/`,
    api,
    tokens,
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
