/**
 * Several instances, one PostgreSQL: real `milieu-server serve --database-url …` processes on
 * one throwaway cluster, with the load spread across them. What must hold across instances:
 * idempotency, one winner per `If-Match` race with no acknowledged record lost, revocation
 * within `--token-cache-ms`, reads never older than the caller's own write, no acknowledged write
 * lost when an instance is killed mid-burst, and rate limits per instance (documented as such in
 * the README's "Several instances" section).
 *
 * Like the other PostgreSQL tests these FAIL (never skip) when PostgreSQL cannot be started: the
 * error says how to install it (see scripts/pg-cluster.mjs).
 */
import type { AttendanceRecord, FeedbackEntry, MilieuDocument } from '@milieu/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresCluster } from '../scripts/pg-cluster.mjs';
import { main } from '../src/main.js';
import { openStore, type Store } from '../src/store/store.js';
import { entry, testDocument } from './fixtures.js';
import {
  buildServer,
  call,
  startInstance,
  waitFor,
  type Instance,
  type Reply,
} from './instances.js';

/** `--token-cache-ms` of the main instances: the documented revocation bound. */
const TOKEN_CACHE_MS = 1_000;
/** Slack on top of the bound for request latency on a loaded machine. */
const REVOCATION_MARGIN_MS = 4_000;
/** `--rate-limit` of the rate-limited pair: a burst of max(10, 1/6) = 10, then one a minute. */
const RATE_LIMIT_PER_MINUTE = 1;
const RATE_LIMIT_BURST = 10;
/** How long a condition may take before the test fails (far below the per-test timeouts). */
const DEADLINE_MS = 30_000;

let cluster: PostgresCluster | undefined;
let startError: unknown;
let databaseUrl = '';
let store: Store | undefined;
const started: Instance[] = [];
/** The main instances: no rate limit, `--token-cache-ms ${TOKEN_CACHE_MS}`. */
let A: Instance, B: Instance, C: Instance;
/** Killed with SIGKILL in the middle of a burst. */
let victim: Instance;
/** Two instances with `--rate-limit ${RATE_LIMIT_PER_MINUTE}`. */
let limited: [Instance, Instance];
const tokens = { admin: '', staff: '', p1: '', p3: '', kiosk: '' };

beforeAll(async () => {
  try {
    const [c, bin] = await Promise.all([
      startPostgres(),
      buildServer('milieu-multi-instance-test'),
    ]);
    cluster = c;
    const admin = new pg.Pool({ connectionString: c.url, max: 1 });
    const name = `milieu_multi_${process.pid}`;
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    databaseUrl = c.url.replace(/\/postgres$/, `/${name}`);
    store = await openStore({ kind: 'postgres', url: databaseUrl, poolSize: 2 });
    await store.seed(testDocument());
    tokens.admin = (await store.createToken({ role: 'admin' })).token;
    tokens.staff = (await store.createToken({ role: 'staff', staffId: 'st-1' })).token;
    tokens.p1 = (await store.createToken({ role: 'participant', participantId: 'p-01' })).token;
    tokens.p3 = (await store.createToken({ role: 'participant', participantId: 'p-03' })).token;
    tokens.kiosk = (await store.createToken({ role: 'kiosk' })).token;

    const common = ['--database-url', databaseUrl, '--log-level', 'error'];
    const main = [...common, '--rate-limit', '0', '--token-cache-ms', String(TOKEN_CACHE_MS)];
    const limit = [...common, '--rate-limit', String(RATE_LIMIT_PER_MINUTE)];
    const specs: [string, string[]][] = [
      ['A', main],
      ['B', main],
      ['C', main],
      ['victim', main],
      ['E', limit],
      ['F', limit],
    ];
    const outcomes = await Promise.allSettled(
      specs.map(([n, args]) => startInstance(bin, n, args)),
    );
    for (const o of outcomes) if (o.status === 'fulfilled') started.push(o.value);
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
    [A, B, C, victim] = started as [Instance, Instance, Instance, Instance];
    limited = [started[4], started[5]] as [Instance, Instance];
  } catch (error) {
    startError = error;
  }
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(started.map((i) => i.kill()));
  await store?.close().catch(() => undefined);
  await cluster?.stop();
}, 60_000);

/** Throws the start error, if any (so every test fails with the install hint). */
function ready(): void {
  if (startError) throw startError;
}

const trio = (): Instance[] => [A, B, C];

/** The revision in a response's `ETag`. */
function revisionOf(reply: Reply): number {
  const m = /^"(\d+)"$/.exec(reply.headers.get('etag') ?? '');
  if (!m?.[1]) throw new Error(`no strong numeric ETag (status ${reply.status}): ${reply.text}`);
  return Number(m[1]);
}

/** `GET /api/v1/document` on one instance. */
async function documentOn(
  instance: Instance,
): Promise<{ revision: number; doc: MilieuDocument; reply: Reply }> {
  const reply = await call(instance, 'GET', '/api/v1/document', { token: tokens.staff });
  expect(reply.status, `${instance.name}: ${reply.text}`).toBe(200);
  return { revision: revisionOf(reply), doc: reply.json as MilieuDocument, reply };
}

function putDocument(instance: Instance, doc: MilieuDocument, revision: number): Promise<Reply> {
  return call(instance, 'PUT', '/api/v1/document', {
    token: tokens.admin,
    body: doc,
    headers: { 'if-match': `"${revision}"` },
  });
}

function postFeedback(
  instance: Instance,
  token: string,
  key: string,
  body: FeedbackEntry,
): Promise<Reply> {
  return call(instance, 'POST', '/api/v1/feedback', {
    token,
    body,
    headers: { 'idempotency-key': key },
  });
}

function postAttendance(instance: Instance, record: AttendanceRecord): Promise<Reply> {
  return call(instance, 'POST', '/api/v1/attendance', { token: tokens.staff, body: record });
}

/** The local date `n` days after 2026-03-02 (every participant's admission). */
function day(n: number): string {
  return new Date(Date.UTC(2026, 2, 2) + n * 86_400_000).toISOString().slice(0, 10);
}

/** How often each id occurs among the document's feedback. */
function feedbackIds(doc: MilieuDocument): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of doc.records.feedback) out.set(e.id, (out.get(e.id) ?? 0) + 1);
  return out;
}

/** The document's attendance as `occurrenceId|participantId` → status. */
function attendanceOf(doc: MilieuDocument): Map<string, string> {
  return new Map(
    doc.records.attendance.map((r) => [`${r.occurrenceId}|${r.participantId}`, r.status]),
  );
}

describe('several instances on one PostgreSQL', () => {
  it('starts a throwaway cluster and the instances on it', async () => {
    ready();
    expect(started).toHaveLength(6);
    for (const instance of started) {
      const health = await call(instance, 'GET', '/healthz');
      expect(health.json).toEqual({ status: 'ok', database: 'postgres' });
    }
  });

  it('stores one entry per Idempotency-Key when the same request reaches every instance at once', async () => {
    ready();
    const requests = Array.from({ length: 6 }, (_, k) => ({
      key: `idem-${k}`,
      body: entry({ id: `idem-entry-${k}`, strengths: `Sent to every instance at once (${k}).` }),
    }));
    const replies = await Promise.all(
      requests.flatMap(({ key, body }) =>
        Array.from({ length: 9 }, (_, i) =>
          postFeedback(trio()[i % 3]!, tokens.p1, key, body).then((r) => ({ key, r })),
        ),
      ),
    );
    const first = new Map<string, string>();
    for (const { key } of requests) {
      const mine = replies.filter((x) => x.key === key).map((x) => x.r);
      expect(
        mine.map((r) => r.status),
        mine.map((r) => r.text).join('\n'),
      ).toEqual(Array(9).fill(201));
      expect(mine.filter((r) => r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
      expect(new Set(mine.map((r) => r.text)).size).toBe(1);
      first.set(key, mine[0]!.text);
    }
    for (const instance of trio()) {
      const ids = feedbackIds((await documentOn(instance)).doc);
      for (const { body } of requests) expect(ids.get(body.id), instance.name).toBe(1);
    }

    // The same key with another body is refused on every instance, also all at once.
    const reused = await Promise.all(
      requests.flatMap(({ key, body }, k) =>
        trio().map((instance) =>
          postFeedback(instance, tokens.p1, key, {
            ...body,
            id: `idem-other-${k}`,
            strengths: 'Another body under the same key.',
          }),
        ),
      ),
    );
    for (const r of reused) {
      expect(r.status, r.text).toBe(422);
      expect(r.json.error.code).toBe('idempotency_key_reused');
    }
    const { doc } = await documentOn(B);
    expect(doc.records.feedback.filter((e) => e.id.startsWith('idem-other-'))).toEqual([]);

    // A later retry on any instance still replays the first response byte for byte.
    for (const [i, instance] of trio().entries()) {
      const { key, body } = requests[i]!;
      const again = await postFeedback(instance, tokens.p1, key, body);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.text).toBe(first.get(key));
    }
  }, 90_000);

  it('lets exactly one of several If-Match writers win each race, whichever instance they use', async () => {
    ready();
    for (let round = 0; round < 5; round++) {
      const { revision, doc } = await documentOn(trio()[round % 3]!);
      const replies = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          putDocument(
            trio()[i % 3]!,
            { ...doc, program: { ...doc.program, name: `Race ${round}.${i}` } },
            revision,
          ),
        ),
      );
      const statuses = replies.map((r) => r.status);
      expect([...statuses].sort(), replies.map((r) => r.text).join('\n')).toEqual([
        200, 412, 412, 412, 412, 412,
      ]);
      const w = statuses.indexOf(200);
      const won = replies[w]!;
      expect(won.json.revision).toBeGreaterThan(revision);
      expect(revisionOf(won)).toBe(won.json.revision);
      for (const lost of replies.filter((r) => r.status === 412)) {
        expect(lost.json.error.code).toBe('precondition_failed');
        expect(revisionOf(lost)).toBe(won.json.revision);
      }
      for (const instance of trio()) {
        const now = await documentOn(instance);
        expect(now.revision, instance.name).toBe(won.json.revision);
        expect(now.doc.program.name, instance.name).toBe(`Race ${round}.${w}`);
      }
    }
  }, 90_000);

  it('loses no acknowledged record or change while If-Match writers retry beside record writes', async () => {
    ready();
    const feedback: string[] = [];
    const attendance = new Map<string, string>();
    const recordWriter = async (w: number): Promise<void> => {
      for (let n = 0; n < 16; n++) {
        const instance = trio()[(w + n) % 3]!;
        if (n % 2 === 0) {
          const body = entry({ id: `race-fb-${w}-${n}` });
          const r = await postFeedback(instance, tokens.p1, `race-fb-${w}-${n}`, body);
          expect(r.status, r.text).toBe(201);
          feedback.push(body.id);
        } else {
          const record: AttendanceRecord = {
            occurrenceId: `community@${day(w * 16 + n)}`,
            participantId: `p-0${(n % 5) + 1}`,
            status: n % 3 === 0 ? 'late' : 'present',
          };
          const r = await postAttendance(instance, record);
          expect(r.status, r.text).toBe(200);
          attendance.set(`${record.occurrenceId}|${record.participantId}`, record.status);
        }
      }
    };
    /** Adds one room: GET, change, PUT with If-Match; on 412 read again and reapply. */
    const racer = async (i: number): Promise<{ attempts: number; revision: number }> => {
      const instance = trio()[i % 3]!;
      for (let attempts = 1; attempts <= 300; attempts++) {
        const { revision, doc } = await documentOn(instance);
        const locations = [...doc.program.locations, { id: `race-room-${i}`, name: `Room ${i}` }];
        const r = await putDocument(
          instance,
          { ...doc, program: { ...doc.program, locations } },
          revision,
        );
        if (r.status === 200) return { attempts, revision: r.json.revision as number };
        expect(r.status, r.text).toBe(412);
      }
      throw new Error(`racer ${i} never won`);
    };
    const [wins] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, (_, i) => racer(i))),
      Promise.all(Array.from({ length: 3 }, (_, w) => recordWriter(w))),
    ]);
    expect(new Set(wins.map((w) => w.revision)).size).toBe(6);
    for (const instance of trio()) {
      const { doc } = await documentOn(instance);
      const rooms = doc.program.locations.map((l) => l.id).filter((id) => id.startsWith('race-'));
      expect(rooms.sort(), instance.name).toEqual(
        Array.from({ length: 6 }, (_, i) => `race-room-${i}`),
      );
      const ids = feedbackIds(doc);
      expect(
        feedback.filter((id) => ids.get(id) !== 1),
        instance.name,
      ).toEqual([]);
      const stored = attendanceOf(doc);
      expect(
        [...attendance].filter(([k, s]) => stored.get(k) !== s),
        instance.name,
      ).toEqual([]);
    }
  }, 90_000);

  it('never serves another instance a revision older than the client wrote, caches included', async () => {
    ready();
    const window = '/api/v1/occurrences?from=2026-03-09&to=2026-03-16';
    const viewers = [tokens.p1, tokens.kiosk, tokens.staff];
    let stop = false;
    // Other clients keep the caches of B and C busy while the client writes …
    const readers = [B, C].flatMap((instance) =>
      viewers.map(async (token) => {
        let reads = 0;
        while (!stop) {
          const r = await call(instance, 'GET', window, { token });
          expect(r.status, r.text).toBe(200);
          reads += 1;
        }
        return reads;
      }),
    );
    // … and another admin keeps replacing the document on C (a different routine).
    const otherWriter = (async () => {
      let wins = 0;
      while (!stop) {
        const { revision, doc } = await documentOn(C);
        const routines = doc.routines.map((r) =>
          r.id === 'art' ? { ...r, title: `Open art studio ${wins + 1}` } : r,
        );
        const r = await putDocument(C, { ...doc, routines }, revision);
        if (r.status === 200) wins += 1;
        else expect(r.status, r.text).toBe(412);
      }
      return wins;
    })();
    /** The client's replace on A (from `held` when given); on 412 it reads again and retries. */
    const replaceSkills = async (
      title: string,
      start: string,
      held?: { revision: number; doc: MilieuDocument },
    ): Promise<{ revision: number; doc: MilieuDocument }> => {
      let base = held;
      for (let attempt = 1; attempt <= 300; attempt++) {
        base ??= await documentOn(A);
        const routines = base.doc.routines.map((r) =>
          r.id === 'skills' ? { ...r, title, start } : r,
        );
        const doc = { ...base.doc, routines };
        const r = await putDocument(A, doc, base.revision);
        if (r.status === 200) return { revision: r.json.revision as number, doc };
        expect(r.status, r.text).toBe(412);
        base = undefined;
      }
      throw new Error('the client never won the document');
    };
    const pairs = [1, 2, 3, 4, 5].flatMap((p) =>
      ['2026-03-10', '2026-03-11', '2026-03-12'].map((d) => ({ date: d, participant: `p-0${p}` })),
    );
    try {
      let held: { revision: number; doc: MilieuDocument } | undefined;
      for (let n = 1; n <= 6; n++) {
        // Two replaces back to back, the second with the ETag the first returned: B and C may
        // still be loading the first when the second lands, and must not answer with it.
        const title = `Skills group v${n}`;
        const draft = await replaceSkills(`${title} (draft)`, '09:40', held);
        held = await replaceSkills(title, '09:45', draft);
        const written = held.revision;
        for (const instance of [B, C]) {
          for (const token of viewers) {
            const o = await call(instance, 'GET', window, { token });
            expect(o.status).toBe(200);
            const skills = (
              o.json.occurrences as { routineId: string; title: string; start: string }[]
            ).filter((x) => x.routineId === 'skills');
            expect(skills.length).toBeGreaterThan(0);
            expect(new Set(skills.map((x) => x.title)), `${instance.name} after v${n}`).toEqual(
              new Set([title]),
            );
          }
          const read = await documentOn(instance);
          expect(read.revision, instance.name).toBeGreaterThanOrEqual(written);
          expect(read.doc.routines.find((r) => r.id === 'skills')?.title).toBe(title);
          const conditional = await call(instance, 'GET', '/api/v1/document', {
            token: tokens.staff,
            headers: { 'if-none-match': `"${draft.revision}"` },
          });
          expect(conditional.status, instance.name).toBe(200);
        }

        // A record written on A is read back on B and C at once.
        const fb = entry({ id: `ryw-${n}`, subjectId: 'p-04' });
        const posted = await postFeedback(A, tokens.p3, `ryw-${n}`, fb);
        expect(posted.status, posted.text).toBe(201);
        const pair = pairs[n]!;
        const record: AttendanceRecord = {
          occurrenceId: `skills@${pair.date}`,
          participantId: pair.participant,
          status: n % 2 ? 'present' : 'late',
        };
        expect((await postAttendance(A, record)).status).toBe(200);
        for (const instance of [B, C]) {
          const mine = await call(instance, 'GET', '/api/v1/feedback', { token: tokens.p3 });
          expect(
            mine.json.entries.map((e: FeedbackEntry) => e.id),
            instance.name,
          ).toContain(fb.id);
          const reviewed = await call(instance, 'GET', '/api/v1/feedback?subject=p-04', {
            token: tokens.staff,
          });
          expect(reviewed.json.entries.map((e: FeedbackEntry) => e.id)).toContain(fb.id);
          const read = await documentOn(instance);
          expect(read.revision).toBeGreaterThanOrEqual(written);
          expect(feedbackIds(read.doc).get(fb.id)).toBe(1);
          expect(attendanceOf(read.doc).get(`${record.occurrenceId}|${record.participantId}`)).toBe(
            record.status,
          );
          const listed = await call(
            instance,
            'GET',
            '/api/v1/attendance?from=2026-03-09&to=2026-03-16',
            { token: tokens.staff },
          );
          expect(listed.json.records).toContainEqual(record);
          const staffView = await call(instance, 'GET', window, { token: tokens.staff });
          const occurrence = (
            staffView.json.occurrences as {
              id: string;
              attendanceRecords: { participantId: string; status: string }[];
            }[]
          ).find((o) => o.id === record.occurrenceId);
          expect(occurrence?.attendanceRecords, instance.name).toContainEqual({
            participantId: record.participantId,
            status: record.status,
          });
        }
      }
    } finally {
      stop = true;
      await Promise.allSettled([...readers, otherWriter]);
    }
    for (const reads of await Promise.all(readers)) expect(reads).toBeGreaterThan(0);
    expect(await otherWriter).toBeGreaterThan(0); // the document also moved under the client
  }, 90_000);

  it(`stops a revoked token on every instance within --token-cache-ms (${TOKEN_CACHE_MS} ms)`, async () => {
    ready();
    const { id, token } = await store!.createToken({ role: 'staff', label: 'to revoke' });
    // Every instance has looked the token up, so each holds it in its cache.
    for (const instance of trio()) {
      expect((await call(instance, 'GET', '/api/v1/me', { token })).status).toBe(200);
    }
    const err: string[] = [];
    const revoke = await main(['token', 'revoke', id, '--database-url', databaseUrl], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => err.push(t) },
    });
    expect(revoke, err.join('')).toBe(0);
    const revokedAt = performance.now();
    const bound = TOKEN_CACHE_MS + REVOCATION_MARGIN_MS;
    const took = await Promise.all(
      trio().map((instance) =>
        waitFor(`${instance.name} refusing the revoked token`, bound, async () => {
          const r = await call(instance, 'GET', '/api/v1/me', { token });
          if (r.status === 401) return performance.now() - revokedAt;
          expect(r.status).toBe(200);
          return undefined;
        }),
      ),
    );
    for (const ms of took) expect(ms).toBeLessThanOrEqual(bound);
    for (const instance of trio()) {
      for (let i = 0; i < 3; i++) {
        const r = await call(instance, 'GET', '/api/v1/me', { token });
        expect(r.status).toBe(401);
        expect(r.json.error.code).toBe('unauthorized');
      }
      expect((await call(instance, 'GET', '/api/v1/me', { token: tokens.staff })).status).toBe(200);
    }
  }, 90_000);

  it('refuses a --token-cache-ms that is not a whole number of milliseconds', async () => {
    for (const value of ['soon', '1.5', '3600001']) {
      const err: string[] = [];
      const io = { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) } };
      const argv = ['serve', '--database-url', 'postgres://x', '--token-cache-ms', value];
      expect(await main(argv, io), value).toBe(2);
      expect(err.join('')).toContain('--token-cache-ms must be a whole number from 0 to 3600000');
    }
  });

  it('enforces rate limits per instance: N instances let a token through N × the burst', async () => {
    ready();
    const { token } = await store!.createToken({ role: 'staff', label: 'rate limited' });
    const statuses = async (instance: Instance, n: number): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < n; i++)
        out.push((await call(instance, 'GET', '/api/v1/me', { token })).status);
      return out;
    };
    const [E, F] = limited;
    const refused = Array(3).fill(429);
    const allowed = Array(RATE_LIMIT_BURST).fill(200);
    expect(await statuses(E, RATE_LIMIT_BURST + 3)).toEqual([...allowed, ...refused]);
    // The other instance keeps its own bucket for the same token.
    expect(await statuses(F, RATE_LIMIT_BURST + 3)).toEqual([...allowed, ...refused]);
    const limitedReply = await call(E, 'GET', '/api/v1/me', { token });
    expect(limitedReply.status).toBe(429);
    expect(limitedReply.json.error.code).toBe('rate_limited');
    expect(Number(limitedReply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another token is not affected by this one, on either instance.
    for (const instance of limited) {
      expect((await call(instance, 'GET', '/api/v1/me', { token: tokens.kiosk })).status).toBe(200);
    }
  }, 90_000);

  it('loses no acknowledged write when one instance is killed (SIGKILL) mid-burst', async () => {
    ready();
    const all = [A, B, C, victim];
    const acked = new Map<string, { id: string; text: string; body: FeedbackEntry }>();
    const attendance = new Map<string, string>();
    const unacked: { key: string; body: FeedbackEntry }[] = [];
    const onVictim = { acked: 0, inFlight: 0 };
    let victimDead = false;
    let stop = false;
    let seq = 0;
    let afterKill = 0;
    const worker = async (): Promise<void> => {
      while (!stop) {
        const n = seq++;
        const instance = all[n % all.length]!;
        if (instance === victim && victimDead) continue;
        const isVictim = instance === victim;
        if (isVictim) onVictim.inFlight += 1;
        const key = `burst-${n}`;
        const body = entry({ id: `burst-${n}`, strengths: `Burst entry ${n}.` });
        try {
          if (n % 3 === 0) {
            const record: AttendanceRecord = {
              occurrenceId: `community@${day(200 + n)}`,
              participantId: `p-0${(n % 5) + 1}`,
              status: 'present',
            };
            const r = await postAttendance(instance, record);
            expect(r.status, `${instance.name}: ${r.text}`).toBe(200);
            attendance.set(`${record.occurrenceId}|${record.participantId}`, record.status);
          } else {
            const r = await postFeedback(instance, tokens.p1, key, body);
            expect(r.status, `${instance.name}: ${r.text}`).toBe(201);
            acked.set(key, { id: body.id, text: r.text, body });
          }
          if (isVictim) onVictim.acked += 1;
          else if (victimDead) afterKill += 1;
        } catch (error) {
          // Only the killed instance may fail to answer, and only by dropping the connection.
          if (!isVictim || !victimDead || !(error instanceof TypeError)) throw error;
          if (n % 3 !== 0) unacked.push({ key, body });
        } finally {
          if (isVictim) onVictim.inFlight -= 1;
        }
      }
    };
    const workers = Array.from({ length: 16 }, () => worker());
    let inFlightAtKill: number | undefined;
    try {
      await waitFor(
        'the victim acknowledging writes with more in flight',
        DEADLINE_MS,
        async () => (onVictim.acked >= 40 && onVictim.inFlight >= 3 ? true : undefined),
        1,
      );
      inFlightAtKill = onVictim.inFlight;
      victimDead = true;
      await victim.kill();
      await waitFor('the survivors acknowledging writes after the kill', DEADLINE_MS, async () =>
        afterKill >= 60 ? true : undefined,
      );
    } finally {
      stop = true;
      await Promise.allSettled(workers);
    }
    await Promise.all(workers); // any unexpected status or failure fails the test here
    expect(await victim.exited).toBe('SIGKILL');
    expect(inFlightAtKill).toBeGreaterThanOrEqual(3);

    // Every acknowledged write is stored once, as seen from a survivor.
    const { doc } = await documentOn(B);
    const ids = feedbackIds(doc);
    expect([...acked.values()].filter((a) => ids.get(a.id) !== 1)).toEqual([]);
    const stored = attendanceOf(doc);
    expect([...attendance].filter(([k, s]) => stored.get(k) !== s)).toEqual([]);
    // An acknowledged key replays its first response on any survivor.
    const survivors = trio();
    const replays = await Promise.all(
      [...acked].map(([key, a], i) => postFeedback(survivors[i % 3]!, tokens.p1, key, a.body)),
    );
    for (const [i, [, a]] of [...acked].entries()) {
      expect(replays[i]!.status).toBe(201);
      expect(replays[i]!.headers.get('idempotent-replayed')).toBe('true');
      expect(replays[i]!.text).toBe(a.text);
    }
    // What the victim never answered can be retried on a survivor: exactly one entry each.
    for (const [i, { key, body }] of unacked.entries()) {
      const r = await postFeedback(survivors[i % 3]!, tokens.p1, key, body);
      expect(r.status, r.text).toBe(201);
    }
    const after = feedbackIds((await documentOn(C)).doc);
    expect(unacked.filter(({ body }) => after.get(body.id) !== 1)).toEqual([]);
  }, 90_000);

  it('logged no error on any instance (no 500, no lost database connection)', () => {
    ready();
    for (const instance of started) expect(instance.stderr(), instance.name).toBe('');
  });
});
