/**
 * How the store shares head queries on PostgreSQL (no database: the prepared-statement runner is
 * a fake whose answers the test releases one by one).
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../src/db/connect.js';
import type { Schema } from '../src/db/schema.js';
import { Store } from '../src/store/store.js';

function fakePostgres() {
  // Kysely only compiles here; the pool never connects.
  const db = new Kysely<Schema>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }),
  });
  let revision = 1;
  const queries: { revision: number; answer: () => void }[] = [];
  const handle: DatabaseHandle = {
    kind: 'postgres',
    writer: db,
    reader: db,
    prepared: () =>
      new Promise((resolve) => {
        const seen = revision; // the query's snapshot: what was committed when it started
        queries.push({
          revision: seen,
          answer: () => resolve([{ revision: seen, body_version: 1, updated_at: 'then' }]),
        });
      }),
    close: () => db.destroy(),
  };
  return {
    // A program's store: its head() goes straight to the prepared head query.
    store: new Store(handle, [], () => '2026-03-10T12:00:00Z').forProgram('test-unit'),
    queries,
    commit: () => (revision += 1),
  };
}

describe('head() on PostgreSQL', () => {
  it('never answers a call with a query that started before it, and shares the next one', async () => {
    const { store, queries, commit } = fakePostgres();
    const first = store.head();
    commit(); // a write is acknowledged while the first query runs
    const second = store.head();
    const third = store.head();
    expect(queries).toHaveLength(1); // the calls made meanwhile wait, they do not query
    queries[0]?.answer();
    expect((await first)?.revision).toBe(1);
    await vi.waitFor(() => expect(queries).toHaveLength(2));
    expect(queries[1]?.revision).toBe(2);
    queries[1]?.answer();
    expect((await second)?.revision).toBe(2);
    expect((await third)?.revision).toBe(2);
    expect(queries).toHaveLength(2);
    // Nothing in flight: the next call queries at once.
    const fourth = store.head();
    expect(queries).toHaveLength(3);
    queries[2]?.answer();
    expect((await fourth)?.revision).toBe(2);
    await store.close();
  });
});
