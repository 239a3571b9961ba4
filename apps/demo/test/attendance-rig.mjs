/* global document, Buffer */
// The attendance sheet against the real @milieu/server (SQLite), for the failure matrix
// (attendance.e2e.test.ts) and the bench (bench/attendance.bench.mjs). A small portal in front
// of the server serves one page with <milieu-attendance-sheet>, adds the bearer token to /api
// requests (as a portal's backend does) and injects faults: a 503, a lost response (the server
// commits, then the connection drops), a slow or hanging server, and a token switch.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startServer } from '@milieu/server';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The 12 members of the rig's skills group: minimal.json's two and ten more. */
export const MEMBER_IDS = Array.from(
  { length: 12 },
  (_, i) => `p-${String(i + 1).padStart(2, '0')}`,
);

function seedDocument() {
  const doc = JSON.parse(readFileSync(join(ROOT, 'examples/minimal.json'), 'utf8'));
  const names = ['Cam', 'Dana', 'Eli', 'Fran', 'Gus', 'Hana', 'Ivo', 'Jo', 'Kai', 'Lu'];
  names.forEach((name, i) => {
    doc.people.participants.push({
      id: MEMBER_IDS[i + 2],
      preferredName: name,
      lastName: 'Tester',
      admissionDate: '2026-03-02',
      groupIds: [],
      electiveRoutineIds: [],
      goals: [],
    });
  });
  return doc;
}

let bundle;
/** The sheet's registration module bundled from source (lit and core included), once. */
async function sheetBundle() {
  bundle ??= build({
    entryPoints: [
      join(ROOT, 'packages/elements/src/components/attendance-sheet/attendance-sheet.ts'),
    ],
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    conditions: ['@milieu/source', 'production', 'browser'],
    tsconfig: join(ROOT, 'packages/elements/tsconfig.json'),
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0].text);
  return bundle;
}

const page = (occurrenceId, lang = 'en') => `<!doctype html>
<html lang="${lang === 'es' ? 'es' : 'en'}"><head><meta charset="utf-8"><title>Attendance</title>
<script type="module" src="/sheet.js"></script></head>
<body><main><milieu-attendance-sheet src="/api/v1/occurrences" action="/api/v1/attendance"
  occurrence-id="${occurrenceId}" draft-storage="session"></milieu-attendance-sheet></main></body></html>`;

/**
 * Starts the server and the portal.
 *
 * @returns {Promise<Rig>}
 */
export async function startRig() {
  const dir = mkdtempSync(join(tmpdir(), 'milieu-attendance-'));
  const seed = join(dir, 'seed.json');
  writeFileSync(seed, JSON.stringify(seedDocument()));
  const server = await startServer({
    database: { kind: 'sqlite', file: join(dir, 'milieu.db') },
    port: 0,
    seed,
    rateLimitPerMinute: 0,
  });
  const staff = (await server.store.createToken({ role: 'staff', staffId: 'st-1' })).token;
  const participant = (
    await server.store.createToken({ role: 'participant', participantId: 'p-01' })
  ).token;
  const js = await sheetBundle();
  const rig = {
    /** `{ kind: '503' | 'drop' | 'slow' | 'hang', count?: number, ms?: number }` for POSTs, or null. */
    fault: null,
    /** The token the portal forwards: `staff`, or `participant` (a token that lost its role). */
    as: 'staff',
    posts: 0,
    hung: [],
  };
  const portal = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/sheet.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      const id = url.searchParams.get('occurrence') ?? 'skills@2026-03-10';
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'",
        })
        .end(page(id, url.searchParams.get('lang') ?? 'en'));
      return;
    }
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const isPost = req.method === 'POST';
    const fault = isPost && rig.fault && (rig.fault.count ?? Infinity) > 0 ? rig.fault : null;
    if (isPost) rig.posts++;
    if (fault && fault.count !== undefined) fault.count--;
    if (fault?.kind === 'hang') {
      rig.hung.push(res);
      return;
    }
    if (fault?.kind === '503') {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'unavailable', message: 'Try again shortly.' } }));
      return;
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms ?? 500));
    const headers = { authorization: `Bearer ${rig.as === 'staff' ? staff : participant}` };
    if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
    if (req.headers['idempotency-key']) headers['idempotency-key'] = req.headers['idempotency-key'];
    const answer = await fetch(server.url + url.pathname + url.search, {
      method: req.method,
      headers,
      body,
    });
    const text = await answer.text();
    if (fault?.kind === 'drop') {
      req.socket.destroy(); // the server committed; the answer never arrives
      return;
    }
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'text/plain',
    });
    res.end(text);
  });
  await new Promise((resolve) => portal.listen(0, '127.0.0.1', resolve));
  const port = portal.address().port;
  return Object.assign(rig, {
    url: `http://127.0.0.1:${port}/`,
    /** Stored records of one occurrence, straight from the server. */
    async stored(occurrenceId) {
      const date = occurrenceId.slice(-10);
      const next = new Date(Date.parse(date + 'T12:00:00Z') + 86_400_000)
        .toISOString()
        .slice(0, 10);
      const r = await fetch(`${server.url}/api/v1/attendance?from=${date}&to=${next}`, {
        headers: { authorization: `Bearer ${staff}` },
      });
      const json = await r.json();
      return json.records.filter((x) => x.occurrenceId === occurrenceId);
    },
    /** Lets hung requests go on to the server (answers dropped: the page moved on). */
    release() {
      for (const res of rig.hung.splice(0)) res.destroy();
    },
    async close() {
      rig.release();
      portal.closeAllConnections?.();
      await new Promise((resolve) => portal.close(() => resolve()));
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** What the sheet shows, read in the page: each row's pressed status and save state. */
export async function shown(page) {
  return page.evaluate(() => {
    const el = document.querySelector('milieu-attendance-sheet');
    return [...(el?.shadowRoot?.querySelectorAll('.row') ?? [])].map((row) => ({
      status:
        row.querySelector('[aria-pressed="true"]')?.className.match(/s-([a-z-]+)/)?.[1] ?? null,
      state:
        ['saved', 'failed', 'saving', 'queued', 'retrying', 'offline'].find((s) =>
          row.classList.contains(s),
        ) ?? null,
    }));
  });
}

/** Waits until the sheet lists its rows. */
export async function rowsReady(page, n = MEMBER_IDS.length) {
  await page.waitForFunction(
    (count) =>
      document.querySelector('milieu-attendance-sheet')?.shadowRoot?.querySelectorAll('.row')
        .length === count,
    n,
  );
}

/** Clicks a status of row `index` (0-based), as a tap. */
export async function tap(page, index, status) {
  await page
    .locator(`milieu-attendance-sheet .row[data-row="${index}"] .status.s-${status}`)
    .click();
}

/** Waits until every row is in `state`. */
export async function allRows(page, state) {
  await page.waitForFunction(
    (s) => {
      const rows = [
        ...(document
          .querySelector('milieu-attendance-sheet')
          ?.shadowRoot?.querySelectorAll('.row') ?? []),
      ];
      return rows.length > 0 && rows.every((r) => r.classList.contains(s));
    },
    state,
    { timeout: 20_000 },
  );
}

/** Waits until every row shows a status and none has a save still pending. */
export async function settled(page) {
  await page.waitForFunction(
    () => {
      const rows = [
        ...(document
          .querySelector('milieu-attendance-sheet')
          ?.shadowRoot?.querySelectorAll('.row') ?? []),
      ];
      return (
        rows.length > 0 &&
        rows.every(
          (r) =>
            r.querySelector('[aria-pressed="true"]') &&
            !['queued', 'saving', 'retrying', 'offline'].some((s) => r.classList.contains(s)),
        )
      );
    },
    undefined,
    { timeout: 20_000 },
  );
}
