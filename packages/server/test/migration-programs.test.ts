/**
 * Migration 0004 (issue 19, programs as tenants) on SQLite and PostgreSQL: a populated
 * single-program database written before it (the `'main'` document row, records without a
 * program, tokens without grants) loses nothing — records, revision and ETag, idempotent
 * replays and every old token survive — and becomes per-program.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedbackEntry } from '@milieu/core';
import { Migrator, sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresCluster } from '../scripts/pg-cluster.mjs';
import { openDatabase, type DatabaseTarget } from '../src/db/connect.js';
import { migrations } from '../src/db/migrations.js';
import { createApp } from '../src/http/app.js';
import { canonicalJson } from '../src/http/routes-feedback.js';
import { openStore } from '../src/store/store.js';
import { hashToken } from '../src/store/tokens.js';
import { entry, testDocument } from './fixtures.js';

const PROGRAM = 'cedar-day';
const TOKENS = {
  admin: { id: 'tok_admin', secret: 'milieu_old-admin-secret', role: 'admin', p: null, s: null },
  staff: { id: 'tok_staff', secret: 'milieu_old-staff-secret', role: 'staff', p: null, s: 'st-1' },
  p1: {
    id: 'tok_p1',
    secret: 'milieu_old-participant-secret',
    role: 'participant',
    p: 'p-01',
    s: null,
  },
} as const;

/** A database at migration 0003, populated the way the server wrote it then. */
async function oldDatabase(target: DatabaseTarget): Promise<{ posted: FeedbackEntry }> {
  const handle = openDatabase(target);
  const all = migrations(target.kind);
  const before = Object.fromEntries(
    Object.entries(all).filter(([name]) => name < '0004'),
  ) as typeof all;
  const migrator = new Migrator({
    db: handle.writer as Kysely<unknown>,
    provider: { getMigrations: () => Promise.resolve(before) },
    migrationTableName: 'milieu_migration',
    migrationLockTableName: 'milieu_migration_lock',
  });
  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const db = handle.writer;
  const doc = testDocument();
  const body = JSON.stringify({
    ...doc,
    records: { ...doc.records, feedback: [], attendance: [] },
  });
  await sql`insert into documents (id, revision, body_version, body, updated_at)
    values ('main', 5, 2, ${body}, '2026-03-10T12:00:00.000Z')`.execute(db);
  await sql`insert into revision_slots (document_id, slot, n) values ('main', 3, 0)`.execute(db);
  for (const e of doc.records.feedback) {
    await sql`insert into feedback (id, body, subject_id, author_id, source, visibility, anonymous,
        review_status, created_at, rater_key)
      values (${e.id}, ${JSON.stringify(e)}, ${e.subjectId ?? null}, ${e.authorId ?? null},
        ${e.source}, ${e.visibility}, ${e.anonymous ? 1 : 0}, ${e.review.status}, ${e.createdAt},
        null)`.execute(db);
  }
  for (const r of doc.records.attendance) {
    await sql`insert into attendance (occurrence_id, participant_id, occurrence_date, status,
        note, recorded_at, recorded_by)
      values (${r.occurrenceId}, ${r.participantId}, ${r.occurrenceId.slice(-10)}, ${r.status},
        ${r.note ?? null}, '2026-03-10T12:00:00.000Z', 'st-1')`.execute(db);
  }
  // A feedback entry posted with an Idempotency-Key, and its stored response.
  const posted = entry({ id: 'posted-before', authorId: 'p-01' });
  await sql`insert into feedback (id, body, subject_id, author_id, source, visibility, anonymous,
      review_status, created_at, rater_key)
    values (${posted.id}, ${JSON.stringify(posted)}, 'p-02', 'p-01', 'peer', 'subject', 0,
      'approved', ${posted.createdAt}, null)`.execute(db);
  const hash = createHash('sha256').update(canonicalJson(posted)).digest('hex');
  await sql`insert into idempotency_keys (principal, key, request_hash, status, response, created_at)
    values (${TOKENS.p1.id}, 'old-key', ${hash}, 201, ${JSON.stringify({ entry: posted })},
      '2026-03-10T12:00:00.000Z')`.execute(db);
  for (const t of Object.values(TOKENS)) {
    await sql`insert into tokens (id, hash, role, participant_id, staff_id, label, created_at,
        revoked_at)
      values (${t.id}, ${hashToken(t.secret)}, ${t.role}, ${t.p}, ${t.s}, null,
        '2026-03-01T00:00:00.000Z', null)`.execute(db);
  }
  await handle.close();
  return { posted };
}

async function expectMigrated(target: DatabaseTarget, posted: FeedbackEntry): Promise<void> {
  const store = await openStore(target);
  expect(store.migrationsApplied).toEqual(['0004_programs']);
  const app = createApp(store, { rateLimitPerMinute: 0 });
  const get = (path: string, token: keyof typeof TOKENS, init: RequestInit = {}) =>
    app.request(path, {
      ...init,
      headers: {
        authorization: `Bearer ${TOKENS[token].secret}`,
        ...(init.headers as Record<string, string>),
      },
    });

  // Nothing lost, the revision (ETag) unchanged, on the legacy and the program route alike.
  const legacy = await get('/api/v1/document', 'admin');
  expect(legacy.status).toBe(200);
  expect(legacy.headers.get('etag')).toBe('"5"');
  const doc = (await legacy.json()) as { records: { feedback: unknown[]; attendance: unknown[] } };
  const expected = testDocument();
  expect(doc.records.attendance).toEqual(expected.records.attendance);
  expect(doc.records.feedback).toEqual([...expected.records.feedback, posted]);
  const scoped = await get(`/api/v1/programs/${PROGRAM}/document`, 'staff');
  expect(scoped.headers.get('etag')).toBe('"5"');
  expect(await scoped.json()).toEqual(doc);

  // Old tokens work: staff and participant got a grant, the admin stayed global.
  expect(await (await get('/api/v1/me', 'p1')).json()).toEqual({
    role: 'participant',
    participantId: 'p-01',
  });
  expect(await (await get('/api/v1/programs', 'staff')).json()).toEqual({
    programs: [{ id: PROGRAM, name: expected.program.name, role: 'staff' }],
  });
  const tokens = await store.listTokens();
  expect(tokens.find((t) => t.tokenId === TOKENS.admin.id)?.grants).toBeUndefined();
  expect(tokens.find((t) => t.tokenId === TOKENS.p1.id)?.grants).toEqual([
    { programId: PROGRAM, role: 'participant', participantId: 'p-01' },
  ]);

  // The idempotent request replays its stored response.
  const replay = await get(`/api/v1/programs/${PROGRAM}/feedback`, 'p1', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Idempotency-Key': 'old-key' },
    body: JSON.stringify(posted),
  });
  expect(replay.status).toBe(201);
  expect(replay.headers.get('idempotent-replayed')).toBe('true');
  expect(await replay.json()).toEqual({ entry: posted });

  // The rows are per program now: the 'main' row and its slots renamed, uniqueness per program.
  const handle = openDatabase(target);
  const db = handle.writer;
  expect((await db.selectFrom('documents').select('id').execute()).map((r) => r.id)).toEqual([
    PROGRAM,
  ]);
  expect(await db.selectFrom('revision_slots').selectAll().execute()).toEqual([
    { document_id: PROGRAM, slot: 3, n: 0 },
  ]);
  for (const table of ['feedback', 'attendance', 'idempotency_keys'] as const) {
    const programs = await db.selectFrom(table).select('program_id').distinct().execute();
    expect(programs, table).toEqual([{ program_id: PROGRAM }]);
  }
  const copy = await db
    .selectFrom('feedback')
    .selectAll()
    .where('id', '=', 'fb-1')
    .executeTakeFirstOrThrow();
  const { seq: _seq, ...row } = copy;
  await expect(db.insertInto('feedback').values(row).execute()).rejects.toThrow();
  await db
    .insertInto('feedback')
    .values({ ...row, program_id: 'another-unit' })
    .execute();
  await handle.close();
  await store.close();
}

describe('migration 0004_programs on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'milieu-migrate-programs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('moves a populated single-program database without loss', async () => {
    const target: DatabaseTarget = { kind: 'sqlite', file: join(dir, 'old.db') };
    const { posted } = await oldDatabase(target);
    await expectMigrated(target, posted);
    const handle = openDatabase(target);
    const { rows } = await sql<{
      name: string;
    }>`select name from pragma_index_info('feedback_subject')`.execute(handle.writer);
    expect(rows.map((r) => r.name)).toEqual(['program_id', 'subject_id']);
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
      handle.writer,
    );
    expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
    await handle.close();
  });

  it('migrates an empty database, leaving tokens unbound until the first program', async () => {
    const target: DatabaseTarget = { kind: 'sqlite', file: join(dir, 'empty.db') };
    const handle = openDatabase(target);
    const all = migrations('sqlite');
    const before = Object.fromEntries(Object.entries(all).filter(([n]) => n < '0004'));
    const migrator = new Migrator({
      db: handle.writer as Kysely<unknown>,
      provider: { getMigrations: () => Promise.resolve(before) },
      migrationTableName: 'milieu_migration',
      migrationLockTableName: 'milieu_migration_lock',
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await sql`insert into tokens (id, hash, role, participant_id, staff_id, label, created_at)
      values ('tok_k', 'h', 'kiosk', null, null, null, 'now')`.execute(handle.writer);
    await handle.close();
    const store = await openStore(target);
    expect((await store.listTokens())[0]?.grants).toBeUndefined();
    await store.seed(testDocument());
    expect((await store.listTokens())[0]?.grants).toEqual([{ programId: PROGRAM, role: 'kiosk' }]);
    await store.close();
  });
});

// FAILS (never skips) when PostgreSQL cannot be started; see scripts/pg-cluster.mjs.
describe('migration 0004_programs on PostgreSQL', () => {
  let cluster: PostgresCluster | undefined;
  let admin: pg.Pool | undefined;
  let startError: unknown;

  beforeAll(async () => {
    try {
      cluster = await startPostgres();
      admin = new pg.Pool({ connectionString: cluster.url, max: 1 });
    } catch (error) {
      startError = error;
    }
  }, 90_000);
  afterAll(async () => {
    await admin?.end();
    await cluster?.stop();
  });

  it('moves a populated single-program database without loss', async () => {
    if (!cluster || !admin) throw startError instanceof Error ? startError : new Error('no pg');
    const name = `milieu_migrate_${process.pid}`;
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const target: DatabaseTarget = {
      kind: 'postgres',
      url: cluster.url.replace(/\/postgres$/, `/${name}`),
      poolSize: 3,
    };
    const { posted } = await oldDatabase(target);
    await expectMigrated(target, posted);
    const handle = openDatabase(target);
    const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes
      where tablename in ('feedback', 'attendance') and indexname <> 'feedback_pkey'
        and indexname <> 'attendance_pkey' order by indexname`.execute(handle.writer);
    for (const r of rows) expect(r.indexdef).toMatch(/\(program_id/);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    await handle.close();
  }, 60_000);
});
