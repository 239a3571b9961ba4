/**
 * The data-layer suite, run against SQLite and PostgreSQL alike (same store, same queries).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '../src/db/connect.js';
import { openStore, type Store } from '../src/store/store.js';
import { hashToken } from '../src/store/tokens.js';
import { entry, testDocument } from './fixtures.js';

/** Makes a fresh, empty database for one test. */
export type FreshDatabase = () => Promise<DatabaseTarget>;

const request = (key: string, body = 'h') => ({ principal: 'tok_1', key, requestHash: body });

async function seeded(fresh: FreshDatabase): Promise<{ store: Store; target: DatabaseTarget }> {
  const target = await fresh();
  const store = await openStore(target);
  await store.seed(testDocument());
  return { store, target };
}

/**
 * Registers the suite.
 *
 * @param name - the dialect, for test names
 * @param fresh - makes an empty database
 */
export function storeSuite(name: string, fresh: FreshDatabase): void {
  describe(`data layer on ${name}`, () => {
    it('runs versioned migrations once and records them', async () => {
      const target = await fresh();
      const first = await openStore(target);
      expect(first.migrationsApplied).toEqual([
        '0001_initial',
        '0002_anonymous_authors',
        '0003_revision_slots',
        '0004_programs',
      ]);
      await first.close();
      const second = await openStore(target);
      expect(second.migrationsApplied).toEqual([]);
      await second.close();
      const handle = openDatabase(target);
      const { rows } = await sql<{ name: string }>`select name from milieu_migration`.execute(
        handle.writer,
      );
      expect(rows.map((r) => r.name)).toEqual([
        '0001_initial',
        '0002_anonymous_authors',
        '0003_revision_slots',
        '0004_programs',
      ]);
      await handle.close();
    });

    it('seeds an empty database once and reads the document back as stored', async () => {
      const { store } = await seeded(fresh);
      expect(await store.seed(testDocument())).toBe(false);
      const stored = await store.document();
      expect(stored?.document).toEqual(testDocument());
      expect(stored?.head).toMatchObject({ revision: 1, bodyVersion: 1 });
      await store.close();
    });

    it('replaces the document only when the precondition holds', async () => {
      const { store } = await seeded(fresh);
      const doc = testDocument();
      doc.records.feedback = doc.records.feedback.slice(0, 2);
      expect(await store.replaceDocument(doc, { type: 'match', revisions: [7] })).toMatchObject({
        kind: 'failed',
        head: { revision: 1 },
      });
      expect(await store.replaceDocument(doc, { type: 'create' })).toMatchObject({
        kind: 'failed',
      });
      expect(await store.replaceDocument(doc, { type: 'match', revisions: [1] })).toMatchObject({
        kind: 'saved',
        head: { revision: 2, bodyVersion: 2 },
      });
      expect((await store.document())?.document.records.feedback).toHaveLength(2);
      await store.close();
    });

    it('rolls a failed replace back completely', async () => {
      const { store } = await seeded(fresh);
      const doc = testDocument();
      const duplicate = doc.records.attendance[0];
      if (duplicate) doc.records.attendance.push(duplicate); // violates the unique (occurrence, participant)
      doc.records.feedback = [];
      await expect(store.replaceDocument(doc, { type: 'match', revisions: '*' })).rejects.toThrow();
      const stored = await store.document();
      expect(stored?.head.revision).toBe(1);
      expect(stored?.document).toEqual(testDocument());
      await store.close();
    });

    it('creates feedback once per key, replays, and refuses reuse and duplicate ids', async () => {
      const { store } = await seeded(fresh);
      const e = entry();
      const created = await store.createFeedback(request('k1'), e);
      expect(created).toMatchObject({ kind: 'created', status: 201 });
      const replay = await store.createFeedback(request('k1'), e);
      expect(replay).toEqual({ ...created, kind: 'replayed' });
      expect(await store.findIdempotent(request('k1'))).toEqual(replay);
      expect(await store.createFeedback(request('k1', 'other'), e)).toEqual({ kind: 'key_reused' });
      expect(await store.createFeedback(request('k2'), e)).toEqual({ kind: 'duplicate_id' });
      expect((await store.head())?.revision).toBe(2);
      await store.close();
    });

    it('stores one entry when the same key is written concurrently', async () => {
      const { store } = await seeded(fresh);
      const e = entry();
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () => store.createFeedback(request('race'), e)),
      );
      expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(1);
      expect(outcomes.filter((o) => o.kind === 'replayed')).toHaveLength(19);
      expect(
        (await store.listFeedback({ limit: 100 })).filter((r) => r.entry.id === e.id),
      ).toHaveLength(1);
      await store.close();
    });

    it('keeps writes of one batch independent: one failure does not undo the others', async () => {
      const { store } = await seeded(fresh);
      const a = entry();
      const outcomes = await Promise.allSettled([
        store.createFeedback(request('a'), a),
        store.replaceDocument(
          {
            ...testDocument(),
            records: {
              ...testDocument().records,
              attendance: [
                ...testDocument().records.attendance,
                ...testDocument().records.attendance,
              ],
            },
          },
          { type: 'match', revisions: '*' },
        ),
        store.createFeedback(request('b'), entry()),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await store.listFeedback({ limit: 100 })).toHaveLength(8);
      await store.close();
    });

    it('never loses a committed entry to a concurrent replace', async () => {
      const target = await fresh();
      const a = await openStore(target);
      const b = await openStore(target);
      await a.seed(testDocument());
      const entries = Array.from({ length: 20 }, () => entry());
      const [replaced, ...created] = await Promise.all([
        b.replaceDocument(testDocument(), { type: 'match', revisions: [1] }),
        ...entries.map((e, i) => a.createFeedback(request(`c${i}`), e)),
      ]);
      expect(created.every((o) => o.kind === 'created')).toBe(true);
      const stored = new Set((await a.listFeedback({ limit: 100 })).map((r) => r.entry.id));
      for (const e of entries) expect(stored.has(e.id)).toBe(true);
      expect((await a.head())?.revision).toBe(
        1 + entries.length + (replaced?.kind === 'saved' ? 1 : 0),
      );
      await a.close();
      await b.close();
    });

    it('counts record writes from several instances exactly once each, in several slots', async () => {
      const target = await fresh();
      const stores: Store[] = [];
      // One after the other: SQLite's migrator does not lock out a concurrent first migration.
      for (let i = 0; i < 3; i++) stores.push(await openStore(target, { writeQueues: 3 }));
      const [a] = stores;
      if (!a) throw new Error('no store');
      await a.seed(testDocument());
      const entries = Array.from({ length: 45 }, () => entry());
      const writes = [
        ...entries.map((e, i) => stores[i % 3]?.createFeedback(request(`m${i}`), e)),
        ...Array.from({ length: 15 }, (_, i) =>
          stores[i % 3]?.recordAttendance({
            occurrenceId: `skills@2026-03-${String(10 + i).padStart(2, '0')}`,
            participantId: 'p-01',
            status: 'present',
          }),
        ),
        ...['fb-1', 'fb-2', 'fb-3', 'fb-4', 'fb-5'].map((id, i) =>
          stores[i % 3]?.setReview(id, { review: { status: 'withheld', reviewedBy: 'st-1' } }),
        ),
      ];
      const outcomes = await Promise.all(writes);
      expect(outcomes.filter((o) => o === undefined || o === false)).toEqual([]);
      const stored = new Set((await a.listFeedback({ limit: 1000 })).map((r) => r.entry.id));
      for (const e of entries) expect(stored.has(e.id)).toBe(true);
      // The revision grew by one per committed write, whichever instance and slot took it.
      for (const store of stores) expect((await store.head())?.revision).toBe(1 + writes.length);
      const handle = openDatabase(target);
      const slots = await handle.writer
        .selectFrom('revision_slots')
        .select(['slot', 'n'])
        .execute();
      await handle.close();
      expect(slots.reduce((sum, r) => sum + Number(r.n), 0)).toBe(writes.length);
      if (name.startsWith('PostgreSQL')) expect(slots.length).toBeGreaterThanOrEqual(3);
      await Promise.all(stores.map((store) => store.close()));
    });

    it('counts the record writes of two programs each in its own revision, batched together', async () => {
      const target = await fresh();
      const stores: Store[] = [];
      for (let i = 0; i < 2; i++) stores.push(await openStore(target, { writeQueues: 2 }));
      const [a, b] = stores;
      if (!a || !b) throw new Error('no store');
      const first = testDocument();
      const second = { ...testDocument(), program: { ...first.program, id: 'unit-b' } };
      await a.replaceDocument(first, { type: 'create' });
      await a.replaceDocument(second, { type: 'create' });
      const ids = [first.program.id, 'unit-b'] as const;
      // Both programs' writes arrive together on both instances, so batches mix programs.
      const writes = Array.from({ length: 40 }, (_, i) => {
        const store = (i % 2 === 0 ? a : b).forProgram(ids[Math.floor(i / 2) % 2] ?? 'unit-b');
        return i % 4 < 2
          ? store.createFeedback(request(`two-${i}`), entry())
          : store.recordAttendance({
              occurrenceId: `skills@2026-03-${String(10 + (i % 9)).padStart(2, '0')}`,
              participantId: 'p-01',
              status: i % 3 === 0 ? 'absent' : 'present',
            });
      });
      const outcomes = await Promise.all(writes);
      expect(
        outcomes.filter((o) => o === false || (typeof o === 'object' && o.kind !== 'created')),
      ).toEqual([]);
      const perProgram = (id: string) =>
        writes.filter((_, i) => (ids[Math.floor(i / 2) % 2] ?? 'unit-b') === id).length;
      for (const store of stores) {
        for (const id of ids) {
          // 1 for the create, then one per committed write to that program, none of the other's.
          expect((await store.forProgram(id).head())?.revision).toBe(1 + perProgram(id));
        }
      }
      const inA = await a.forProgram(first.program.id).listFeedback({ limit: 1000 });
      const inB = await a.forProgram('unit-b').listFeedback({ limit: 1000 });
      expect(inA.length + inB.length).toBe(
        testDocument().records.feedback.length * 2 + writes.length / 2,
      );
      expect(new Set(inA.map((r) => r.entry.id)).size).toBe(inA.length);
      await Promise.all(stores.map((store) => store.close()));
    });

    it('refuses a replace with the ETag read before acknowledged record writes', async () => {
      const target = await fresh();
      const a = await openStore(target);
      const b = await openStore(target);
      await a.seed(testDocument());
      const before = await b.document();
      if (!before) throw new Error('no document');
      const entries = Array.from({ length: 12 }, () => entry());
      await Promise.all(entries.map((e, i) => a.createFeedback(request(`r${i}`), e)));
      const stale = await b.replaceDocument(before.document, {
        type: 'match',
        revisions: [before.head.revision],
      });
      expect(stale).toMatchObject({
        kind: 'failed',
        head: { revision: before.head.revision + entries.length },
      });
      const fresh_ = await b.document();
      if (!fresh_) throw new Error('no document');
      const saved = await b.replaceDocument(fresh_.document, {
        type: 'match',
        revisions: [fresh_.head.revision],
      });
      expect(saved).toMatchObject({ kind: 'saved', head: { revision: fresh_.head.revision + 1 } });
      const ids = new Set((await a.document())?.document.records.feedback.map((e) => e.id));
      for (const e of entries) expect(ids.has(e.id)).toBe(true);
      // After the replace folded the slots into the document row, record writes count on.
      await a.createFeedback(request('after'), entry());
      expect((await b.head())?.revision).toBe(fresh_.head.revision + 2);
      await a.close();
      await b.close();
    });

    it('keeps every acknowledged record when replaces race record writes from two instances', async () => {
      const target = await fresh();
      const a = await openStore(target);
      const b = await openStore(target);
      const c = await openStore(target);
      await a.seed(testDocument());
      const acknowledged: string[] = [];
      let saved = 0;
      for (let round = 0; round < 3; round++) {
        const snapshot = await b.document();
        if (!snapshot) throw new Error('no document');
        const entries = Array.from({ length: 10 }, () => entry());
        const [replaced, ...created] = await Promise.all([
          b.replaceDocument(snapshot.document, {
            type: 'match',
            revisions: [snapshot.head.revision],
          }),
          ...entries.map((e, i) => (i % 2 ? a : c).createFeedback(request(`x${round}-${i}`), e)),
        ]);
        created.forEach((o, i) => {
          if (o?.kind === 'created') acknowledged.push(entries[i]?.id ?? '');
        });
        if (replaced?.kind === 'saved') saved++;
        const ids = new Set((await c.document())?.document.records.feedback.map((e) => e.id));
        // A replace that won went first (its If-Match held): every record came after it.
        for (const id of acknowledged) expect(ids.has(id)).toBe(true);
      }
      expect(acknowledged).toHaveLength(30);
      expect((await a.head())?.revision).toBe(1 + 30 + saved);
      await Promise.all([a, b, c].map((store) => store.close()));
    });

    it('lets a replace through while record writes keep coming', async () => {
      const { store } = await seeded(fresh);
      let settled = false;
      let written = 0;
      const cap = 5_000; // far more than a replace needs; reaching it means the replace starved
      const worker = async (w: number) => {
        for (let i = 0; !settled && written < cap; i++) {
          await store.createFeedback(request(`s${w}-${i}`), entry());
          written++;
        }
      };
      const workers = Array.from({ length: 8 }, (_, w) => worker(w));
      while (written < 40) await new Promise((r) => setImmediate(r));
      const head = await store.head();
      const outcome = await store.replaceDocument(testDocument(), {
        type: 'match',
        revisions: head ? [head.revision] : [],
      });
      settled = true;
      await Promise.all(workers);
      expect(written).toBeLessThan(cap);
      expect(['saved', 'failed']).toContain(outcome.kind);
      await store.close();
    });

    it('refuses feedback when there is no document', async () => {
      const store = await openStore(await fresh());
      expect(await store.createFeedback(request('k'), entry())).toEqual({ kind: 'no_document' });
      expect(
        await store.recordAttendance({
          occurrenceId: 'a@2026-03-09',
          participantId: 'p-01',
          status: 'present',
        }),
      ).toBe(false);
      await store.close();
    });

    it('lists feedback by filter, scope and page', async () => {
      const { store } = await seeded(fresh);
      await store.createFeedback(
        request('c'),
        entry({ id: 'community-1', subjectId: 'p-03', authorId: 'p-04', visibility: 'community' }),
      );
      expect(
        (await store.listFeedback({ subject: 'p-01', limit: 100 })).map((r) => r.entry.id),
      ).toEqual(['fb-1', 'fb-2', 'fb-3']);
      expect(
        (await store.listFeedback({ source: 'staff', limit: 100 })).map((r) => r.entry.id),
      ).toEqual(['fb-1', 'fb-4']);
      expect(
        (await store.listFeedback({ scopeParticipant: 'p-01', limit: 100 })).map((r) => r.entry.id),
      ).toEqual(['fb-1', 'fb-2', 'fb-3', 'fb-5', 'community-1']);
      const page = await store.listFeedback({ limit: 2 });
      const next = await store.listFeedback({ limit: 2, afterSeq: page[1]?.seq });
      expect(next.map((r) => r.entry.id)).toEqual(['fb-3', 'fb-4']);
      await store.close();
    });

    it('changes reviews and visibility', async () => {
      const { store } = await seeded(fresh);
      const entryAfter = await store.setReview('fb-2', {
        review: { status: 'withheld', reviewedBy: 'st-1' },
        visibility: 'staff',
      });
      expect(entryAfter).toMatchObject({
        id: 'fb-2',
        visibility: 'staff',
        review: { status: 'withheld', reviewedBy: 'st-1' },
      });
      expect(
        (await store.listFeedback({ status: 'withheld', limit: 10 })).map((r) => r.entry.id),
      ).toEqual(['fb-2']);
      expect(await store.setReview('nope', { review: { status: 'approved' } })).toBeUndefined();
      await store.close();
    });

    it('upserts attendance by occurrence and participant and lists it by original date', async () => {
      const { store } = await seeded(fresh);
      await store.recordAttendance(
        { occurrenceId: 'skills@2026-03-10', participantId: 'p-03', status: 'late' },
        'st-1',
      );
      await store.recordAttendance({
        occurrenceId: 'skills@2026-03-10',
        participantId: 'p-03',
        status: 'present',
        note: 'ok',
      });
      expect(await store.listAttendance('2026-03-10', '2026-03-11')).toEqual([
        { occurrenceId: 'skills@2026-03-10', participantId: 'p-03', status: 'present', note: 'ok' },
      ]);
      expect(await store.listAttendance('2026-03-01', '2026-03-10')).toHaveLength(2);
      expect((await store.head())?.revision).toBe(3);
      await store.close();
    });

    it('stores only the hash of a token and stops accepting it once revoked', async () => {
      const target = await fresh();
      const store = await openStore(target);
      const { id, token } = await store.createToken({
        role: 'participant',
        participantId: 'p-01',
        label: 'tablet',
      });
      expect(token).toMatch(/^milieu_[A-Za-z0-9_-]{43}$/);
      expect(await store.findPrincipal(hashToken(token))).toEqual({
        tokenId: id,
        role: 'participant',
        participantId: 'p-01',
      });
      const handle = openDatabase(target);
      const rows = await handle.writer.selectFrom('tokens').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(token.slice(7));
      expect(rows[0]?.hash).toBe(hashToken(token));
      await handle.close();
      expect(await store.revokeToken(id)).toBe(true);
      expect(await store.revokeToken(id)).toBe(false);
      expect(await store.findPrincipal(hashToken(token))).toBeUndefined();
      expect((await store.listTokens())[0]).toMatchObject({
        tokenId: id,
        label: 'tablet',
        revokedAt: expect.any(String),
      });
      await store.close();
    });
  });
}
