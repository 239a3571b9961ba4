import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresCluster } from '../scripts/pg-cluster.mjs';
import type { DatabaseTarget } from '../src/db/connect.js';
import { migrations } from '../src/db/migrations.js';
import { openStore } from '../src/store/store.js';
import { entry, testDocument } from './fixtures.js';
import { harness } from './harness.js';
import { storeSuite } from './store-suite.js';

// These tests FAIL (never skip) when PostgreSQL cannot be started: every test rethrows the
// start error, whose message says how to install PostgreSQL (see scripts/pg-cluster.mjs).
let cluster: PostgresCluster | undefined;
let admin: pg.Pool;
let startError: unknown;
let n = 0;

beforeAll(async () => {
  try {
    cluster = await startPostgres();
    admin = new pg.Pool({ connectionString: cluster.url, max: 2 });
  } catch (error) {
    startError = error;
  }
}, 90_000);

it('starts a throwaway PostgreSQL cluster', () => {
  if (startError) throw startError;
  expect(cluster?.url).toMatch(/^postgres:\/\//);
});

afterAll(async () => {
  await admin?.end();
  await cluster?.stop();
});

async function freshDatabase(): Promise<DatabaseTarget> {
  if (!cluster)
    throw startError instanceof Error ? startError : new Error('PostgreSQL did not start');
  const name = `milieu_test_${process.pid}_${++n}`;
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  return { kind: 'postgres', url: cluster.url.replace(/\/postgres$/, `/${name}`), poolSize: 5 };
}

storeSuite('PostgreSQL', freshDatabase);

describe('PostgreSQL with several instances', () => {
  it('stores one entry when two instances receive the same key at once', async () => {
    const target = await freshDatabase();
    const a = await openStore(target);
    const b = await openStore(target);
    await a.seed(testDocument());
    const e = entry();
    const req = { principal: 'tok_x', key: 'shared', requestHash: 'h' };
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).createFeedback(req, e)),
    );
    expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(1);
    const kinds = JSON.stringify(outcomes.map((o) => o.kind));
    expect(new Set(outcomes.map((o) => ('body' in o ? o.body : o.kind))).size, kinds).toBe(1);
    expect((await a.listFeedback({ limit: 100 })).filter((r) => r.entry.id === e.id)).toHaveLength(
      1,
    );
    expect((await b.head())?.revision).toBe(2);
    await a.close();
    await b.close();
  });

  it('keeps serving when another instance adds columns (prepared statements re-plan)', async () => {
    const target = await freshDatabase();
    const a = await openStore(target);
    await a.seed(testDocument());
    const req = (key: string) => ({ principal: 'tok_p', key, requestHash: 'h' });
    // Run every hot query a few times, so they are prepared on the pool's connections.
    for (let i = 0; i < 3; i++) {
      await a.head();
      await a.document();
      await a.listTokens();
      await a.listFeedback({ limit: 10 });
      await a.createFeedback(req(`before-${i}`), entry());
    }
    // A newer instance migrates: every table gets a column.
    const url = target.kind === 'postgres' ? target.url : '';
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    for (const table of ['documents', 'feedback', 'tokens', 'idempotency_keys', 'revision_slots'])
      await other.query(`alter table ${table} add column added_later text`);
    await other.end();
    for (let i = 0; i < 3; i++) {
      expect((await a.head())?.revision).toBe(4 + i);
      expect((await a.document())?.document.records.feedback.length).toBeGreaterThan(0);
      await a.listTokens();
      await a.listFeedback({ limit: 10 });
      expect(await a.createFeedback(req(`after-${i}`), entry())).toMatchObject({
        kind: 'created',
      });
    }
    await a.close();
  });

  it('answers head() from a query that started after the call, also while others run', async () => {
    const target = await freshDatabase();
    const a = await openStore(target);
    const b = await openStore(target);
    await a.seed(testDocument());
    const req = (key: string) => ({ principal: 'tok_h', key, requestHash: 'h' });
    for (let i = 0; i < 30; i++) {
      // Calls made before the write; some share queries, some are still running below.
      const earlier = Array.from({ length: 8 }, () => a.head());
      await b.createFeedback(req(`h${i}`), entry());
      // Made after the write was acknowledged: it must count it, shared query or not.
      const [after, ...more] = await Promise.all([a.head(), a.head(), a.head()]);
      expect(after?.revision).toBe(2 + i);
      for (const h of more) expect(h?.revision).toBe(2 + i);
      for (const h of await Promise.all(earlier)) expect(h?.revision).toBeGreaterThanOrEqual(1 + i);
    }
    await a.close();
    await b.close();
  });

  it('migrates once when instances start together', async () => {
    const target = await freshDatabase();
    const stores = await Promise.all([openStore(target), openStore(target), openStore(target)]);
    const all = Object.keys(migrations('postgres')).length;
    expect(stores.map((s) => s.migrationsApplied.length).sort()).toEqual([0, 0, all]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('serves the API on PostgreSQL', async () => {
    const h = await harness({ database: await freshDatabase() });
    const key = { 'Idempotency-Key': 'pg-key' };
    const body = entry();
    const created = await h.request('POST', '/api/v1/feedback', {
      token: 'p1',
      body,
      headers: key,
    });
    const replay = await h.request('POST', '/api/v1/feedback', { token: 'p1', body, headers: key });
    expect([created.status, replay.status]).toEqual([201, 201]);
    expect(replay.text).toBe(created.text);
    const doc = await h.request('GET', '/api/v1/document', { token: 'admin' });
    expect(doc.headers.get('etag')).toBe('"2"');
    expect(doc.json.records.feedback).toHaveLength(7);
    const occ = await h.request('GET', '/api/v1/occurrences?from=2026-03-09&to=2026-03-16', {
      token: 'staff',
    });
    expect(occ.status).toBe(200);
    expect((await h.request('GET', '/healthz')).json).toEqual({
      status: 'ok',
      database: 'postgres',
    });
    await h.close();
  });
});
