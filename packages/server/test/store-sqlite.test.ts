import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store.js';
import { testDocument } from './fixtures.js';
import { storeSuite } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'milieu-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('SQLite (file, WAL)', () =>
  Promise.resolve({ kind: 'sqlite', file: join(dir, `t${++n}.db`) }),
);

describe('SQLite specifics', () => {
  it('sees commits of other connections at once despite caching the head', async () => {
    const file = join(dir, 'two.db');
    const a = await openStore({ kind: 'sqlite', file });
    const b = await openStore({ kind: 'sqlite', file });
    expect(await b.head()).toBeUndefined();
    await a.seed(testDocument());
    expect((await b.head())?.revision).toBe(1);
    await a.recordAttendance({
      occurrenceId: 'skills@2026-03-10',
      participantId: 'p-01',
      status: 'present',
    });
    expect((await b.head())?.revision).toBe(2);
    expect((await a.head())?.revision).toBe(2);
    await a.close();
    await b.close();
  });

  it('uses WAL and full fsync on commit, and passes integrity_check', async () => {
    const store = await openStore({ kind: 'sqlite', file: join(dir, 'pragmas.db') });
    expect(await store.integrityCheck()).toEqual(['ok']);
    await store.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(dir, 'pragmas.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
