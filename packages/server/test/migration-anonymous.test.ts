/**
 * Migration 0002 (issue 14): a database written before it keeps no author of anonymous entries
 * afterwards, and still counts their raters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Migrator, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/connect.js';
import { migrations } from '../src/db/migrations.js';
import { openStore } from '../src/store/store.js';
import { entry, testDocument } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'milieu-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0002_anonymous_authors', () => {
  it('removes stored authors of anonymous entries and gives them rater keys', async () => {
    const file = join(dir, 'old.db');
    // A database at 0001, written the old way: anonymous entries with their authors.
    const handle = openDatabase({ kind: 'sqlite', file });
    const first = migrations('sqlite')['0001_initial'];
    if (!first) throw new Error('no 0001 migration');
    const migrator = new Migrator({
      db: handle.writer as Kysely<unknown>,
      provider: { getMigrations: () => Promise.resolve({ '0001_initial': first }) },
      migrationTableName: 'milieu_migration',
      migrationLockTableName: 'milieu_migration_lock',
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await handle.close();
    const raw = new Database(file);
    const doc = testDocument();
    raw
      .prepare(
        'insert into documents (id, revision, body_version, body, updated_at) values (?,?,?,?,?)',
      )
      .run(
        'main',
        1,
        1,
        JSON.stringify({ ...doc, records: { ...doc.records, feedback: [] } }),
        'now',
      );
    const insert = raw.prepare(
      `insert into feedback (id, body, subject_id, author_id, source, visibility, anonymous, review_status, created_at)
       values (?, ?, 'p-02', ?, 'peer', 'subject', 1, 'approved', '2026-03-10T15:00:00-05:00')`,
    );
    for (const [id, author] of [
      ['o-1', 'p-01'],
      ['o-2', 'p-03'],
      ['o-3', 'p-04'],
    ] as const) {
      const e = entry({ id, anonymous: true, authorId: author, subjectId: 'p-02' });
      insert.run(id, JSON.stringify(e), author);
    }
    raw.close();

    const store = await openStore({ kind: 'sqlite', file });
    expect(store.migrationsApplied).toEqual([
      '0002_anonymous_authors',
      '0003_revision_slots',
      '0004_programs',
    ]);
    const pool = await store.anonymousPeerFeedbackAbout('p-02');
    expect(pool.map((p) => p.entry.authorId)).toEqual([undefined, undefined, undefined]);
    expect(new Set(pool.map((p) => p.raterKey)).size).toBe(3);
    await store.close();
    const after = new Database(file, { readonly: true });
    const rows = after.prepare('select author_id, body from feedback').all() as {
      author_id: string | null;
      body: string;
    }[];
    after.close();
    expect(rows.every((r) => r.author_id === null && !r.body.includes('authorId'))).toBe(true);
  });
});
