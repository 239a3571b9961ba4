/**
 * Crash safety: a real server process is killed with SIGKILL in the middle of a burst of
 * writes; the database must pass integrity_check, hold every acknowledged write, and hold no
 * half-saved entry (each entry with its idempotency record, the revision counting every write).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, parseFeedbackEntry, type MilieuDocument } from '@milieu/core';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store.js';
import { entry, inpatientExample, testDocument } from './fixtures.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const out = join(pkg, 'node_modules', '.cache', 'milieu-crash-test');
const dir = mkdtempSync(join(tmpdir(), 'milieu-crash-'));
const children: ChildProcess[] = [];

beforeAll(async () => {
  // Bundle the server from source (core included) so the child runs exactly this code.
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(pkg, 'src/main.ts')],
    outfile: join(out, 'main.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@milieu/source'],
    external: ['better-sqlite3', 'pg', 'kysely', 'hono', '@hono/*'],
    logLevel: 'silent',
  });
  writeFileSync(
    join(out, 'run.mjs'),
    "import { main } from './main.mjs';\nprocess.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });\n",
  );
}, 60_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function serve(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      join(out, 'run.mjs'),
      'serve',
      '--db',
      db,
      '--port',
      '0',
      '--rate-limit',
      '0',
      '--log-level',
      'error',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(text);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  return { child, url };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('kill -9 during a burst of writes', () => {
  it('keeps every acknowledged write and no half-saved entry', async () => {
    const db = join(dir, 'burst.db');
    const setup = await openStore({ kind: 'sqlite', file: db });
    await setup.seed(testDocument());
    const { token: participant, id: tokenId } = await setup.createToken({
      role: 'participant',
      participantId: 'p-01',
    });
    const { token: staff } = await setup.createToken({ role: 'staff' });
    await setup.close();

    const { child, url } = await serve(db);
    const acknowledged = new Map<string, string>(); // key -> response text
    const attendance: string[] = [];
    let stop = false;
    let seq = 0;
    const worker = async (w: number) => {
      while (!stop) {
        const n = ++seq;
        try {
          if (n % 4 === 0) {
            // A distinct occurrence per write, so every committed write adds exactly one row.
            const date = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
            const record = {
              occurrenceId: `skills@${date}`,
              participantId: `p-0${(w % 5) + 1}`,
              status: 'present',
            };
            const res = await fetch(`${url}/api/v1/attendance`, {
              method: 'POST',
              headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
              body: JSON.stringify(record),
            });
            if (res.status === 200) attendance.push(record.occurrenceId);
            await res.text();
          } else {
            const key = `crash-${n}`;
            const res = await fetch(`${url}/api/v1/feedback`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${participant}`,
                'content-type': 'application/json',
                'idempotency-key': key,
              },
              body: JSON.stringify(entry({ id: `crash-${n}`, strengths: `Burst entry ${n}.` })),
            });
            const text = await res.text();
            if (res.status === 201) acknowledged.set(key, text);
          }
        } catch {
          return; // the server died: whatever was in flight was never acknowledged
        }
      }
    };
    const workers = Array.from({ length: 24 }, (_, w) => worker(w));
    while (acknowledged.size < 300) await new Promise((r) => setTimeout(r, 5));
    await killed(child);
    stop = true;
    await Promise.all(workers);

    const store = await openStore({ kind: 'sqlite', file: db });
    expect(await store.integrityCheck()).toEqual(['ok']);
    const rows = await store.listFeedback({ limit: 100_000 });
    const stored = new Set(rows.map((r) => r.entry.id));
    for (const key of acknowledged.keys()) expect(stored.has(key)).toBe(true);
    for (const row of rows) expect(parseFeedbackEntry(row.entry).ok).toBe(true);
    // Each stored entry has its idempotency record (a lookup with a wrong hash finds the key).
    for (const row of rows.filter((r) => r.entry.id.startsWith('crash-'))) {
      const found = await store.findIdempotent({
        principal: tokenId,
        key: row.entry.id,
        requestHash: '-',
      });
      expect(found?.kind).toBe('key_reused');
    }
    const doc = await store.document();
    expect(parseDocument(doc?.document).ok).toBe(true);
    const newFeedback = rows.length - testDocument().records.feedback.length;
    const newAttendance =
      (doc?.document.records.attendance.length ?? 0) - testDocument().records.attendance.length;
    expect(newFeedback).toBeGreaterThanOrEqual(300);
    const recorded = new Set(doc?.document.records.attendance.map((r) => r.occurrenceId));
    for (const occurrenceId of attendance) expect(recorded.has(occurrenceId)).toBe(true);
    // Every write bumped the revision exactly once with its row: no write half-applied.
    expect(doc?.head.revision).toBe(1 + newFeedback + newAttendance);
    await store.close();

    // It restarts on the same file, and an acknowledged key replays its first response.
    const again = await serve(db);
    const [key, text] = [...acknowledged][0] ?? ['', ''];
    const body = JSON.parse(text).entry;
    const { authorId: _author, review: _review, ...sent } = body;
    const replay = await fetch(`${again.url}/api/v1/feedback`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${participant}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify({ ...sent, review: { status: 'approved' } }),
    });
    expect(replay.status).toBe(201);
    expect(await replay.text()).toBe(text);
    await killed(again.child);
  });

  /** What the server keeps of a document under the default policy: no anonymous writers. */
  const keptOf = (d: MilieuDocument): MilieuDocument => ({
    ...d,
    records: {
      ...d.records,
      feedback: d.records.feedback.map((e) => {
        if (!e.anonymous) return e;
        const { authorId: _writer, ...kept } = e;
        return kept;
      }),
    },
  });

  it('never leaves a half-replaced document', async () => {
    const db = join(dir, 'replace.db');
    const big = inpatientExample();
    const small = testDocument();
    const setup = await openStore({ kind: 'sqlite', file: db });
    await setup.seed(small);
    const { token } = await setup.createToken({ role: 'admin' });
    await setup.close();
    const { child, url } = await serve(db);
    let saved = 0;
    let stop = false;
    // Each replace sends the ETag of the last one (the seed is revision 1): `If-Match: *` is a 428.
    let etag = '"1"';
    const loop = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(`${url}/api/v1/document`, {
            method: 'PUT',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'if-match': etag,
            },
            body: JSON.stringify(i % 2 ? small : big),
          });
          if (res.status === 200) saved++;
          etag = res.headers.get('etag') ?? etag;
          await res.text();
        } catch {
          return;
        }
      }
    })();
    while (saved < 6) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 37));
    await killed(child);
    stop = true;
    await loop;
    const store = await openStore({ kind: 'sqlite', file: db });
    expect(await store.integrityCheck()).toEqual(['ok']);
    const doc = (await store.document())?.document;
    // The server keeps anonymous peer feedback without its writer (`anonymousAuthors: nobody`),
    // so a whole document reads back as one of the two, less those writers.
    expect([keptOf(small), keptOf(big)]).toContainEqual(doc);
    await store.close();
  });
});
