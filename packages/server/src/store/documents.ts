/**
 * The program documents in storage: one row per program (its id is `document.program.id`)
 * holding the document without attendance and feedback (those live in their own tables, keyed
 * by program, and are joined back on read), a revision that grows by one with every write to
 * that program, and a body version bumped only when the document is replaced. The revision is
 * the row's own counter (a replace bumps it) plus the program's revision slots (record writes
 * bump one of those instead of the row; see {@link lockDocument} and {@link bumpSlot}).
 *
 * @module
 */
import type { AttendanceRecord, FeedbackEntry, MilieuDocument } from '@milieu/core';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db/connect.js';
import type { Schema } from '../db/schema.js';
import { raterKey } from './raters.js';
import { attendanceRow, feedbackRow } from './rows.js';

/** Versions of the stored document. */
export interface DocumentHead {
  /** Bumped by every write (records included). */
  revision: number;
  /** Bumped only when the document is replaced. */
  bodyVersion: number;
  /** When the last write happened (ISO 8601, UTC). */
  updatedAt: string;
}

/** What must hold for a replace to go ahead. */
export type ReplacePrecondition =
  /** `If-Match`: the current revision is one of these (`'*'`: any document exists). */
  | { type: 'match'; revisions: readonly number[] | '*' }
  /** `If-None-Match: *`: no document exists yet. */
  | { type: 'create' };

/** The outcome of a replace. */
export type ReplaceOutcome =
  | { kind: 'saved'; head: DocumentHead }
  /** The precondition failed; `head` is the current version (absent: no document). */
  | { kind: 'failed'; head: DocumentHead | undefined };

/**
 * How many revision slots record writes spread over on PostgreSQL (see {@link bumpSlot}). The
 * revision read sums at most this many small rows.
 */
export const REVISION_SLOTS = 16;

/** The document row's columns plus the revision: its own counter plus the sum of its slots. */
function headQuery(db: Kysely<Schema>, documentId: string) {
  return db
    .selectFrom('documents as d')
    .select((eb) => [
      'd.body_version',
      'd.updated_at',
      eb(
        'd.revision',
        '+',
        eb.fn.coalesce(
          eb
            .selectFrom('revision_slots as s')
            .select((e) => e.fn.sum<number>('s.n').as('n'))
            .where('s.document_id', '=', documentId),
          eb.lit(0),
        ),
      ).as('revision'),
    ])
    .where('d.id', '=', documentId);
}

/**
 * The SQL and parameters of {@link readHead}, for running it as a prepared statement.
 *
 * @param db - any connection (only compiles)
 * @param documentId - the document
 */
export function compileHead(
  db: Kysely<Schema>,
  documentId: string,
): { sql: string; parameters: readonly unknown[] } {
  return headQuery(db, documentId).compile();
}

/**
 * Converts a row of {@link compileHead}'s query.
 *
 * @param row - the row, or `undefined` when there is no document
 */
export function headOf(row: unknown): DocumentHead | undefined {
  if (row === undefined) return undefined;
  const r = row as { revision: unknown; body_version: unknown; updated_at: string };
  return {
    revision: Number(r.revision),
    bodyVersion: Number(r.body_version),
    updatedAt: r.updated_at,
  };
}

/**
 * Reads the document's versions in one statement (one snapshot): the revision is the document
 * row's counter plus the sum of its revision slots.
 *
 * @param db - any connection
 * @param documentId - the document
 */
export async function readHead(
  db: Kysely<Schema>,
  documentId: string,
): Promise<DocumentHead | undefined> {
  return headOf(await headQuery(db, documentId).executeTakeFirst());
}

/** How a write locks the document row (PostgreSQL; SQLite has one writer and no row locks). */
export type DocumentLock = 'share' | 'update';

/**
 * Locks the document row until the transaction ends and tells whether the document exists.
 * Record writes take `'share'` (they run side by side), a replace takes `'update'` first: it
 * waits for the record writes in flight and holds back new ones, so the head it reads next
 * counts every record acknowledged before it, and no record lands between its check and its
 * commit. On SQLite this is only the existence check (the write lock is already exclusive).
 *
 * @param db - the write transaction
 * @param kind - the dialect
 * @param mode - `'share'` for record writes, `'update'` for a replace
 * @param documentId - the document
 * @returns `false` when there is no document
 */
export async function lockDocument(
  db: Kysely<Schema>,
  kind: DatabaseKind,
  mode: DocumentLock,
  documentId: string,
): Promise<boolean> {
  let query = db.selectFrom('documents').select('id').where('id', '=', documentId);
  if (kind === 'postgres') query = mode === 'share' ? query.forShare() : query.forUpdate();
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * Counts record writes: adds to a revision slot of the document (an upsert), not to the document
 * row, so record writers on different connections or instances do not queue on one row lock.
 * Call it after {@link lockDocument} `'share'`, in the same transaction, as its last statement
 * (the slot's row stays locked only while the transaction commits); use one slot per
 * transaction (each write queue has its own), so two transactions never wait on each other's
 * slots in a cycle.
 *
 * @param db - the write transaction
 * @param slot - the slot, `0 ≤ slot <` {@link REVISION_SLOTS}
 * @param documentId - the document
 * @param n - how many writes to count (a batch counts its record writes once, before commit)
 */
export async function bumpSlot(
  db: Kysely<Schema>,
  slot: number,
  documentId: string,
  n = 1,
): Promise<void> {
  await db
    .insertInto('revision_slots')
    .values({ document_id: documentId, slot, n })
    .onConflict((oc) =>
      oc
        .columns(['document_id', 'slot'])
        .doUpdateSet((eb) => ({ n: eb('revision_slots.n', '+', n) })),
    )
    .execute();
}

/**
 * Reads the document body (records.attendance and records.feedback empty).
 *
 * @param db - any connection
 * @param documentId - the document
 */
export async function readBody(
  db: Kysely<Schema>,
  documentId: string,
): Promise<{ head: DocumentHead; body: MilieuDocument } | undefined> {
  const row = await headQuery(db, documentId).select('d.body').executeTakeFirst();
  if (!row) return undefined;
  return {
    head: {
      revision: Number(row.revision),
      bodyVersion: Number(row.body_version),
      updatedAt: row.updated_at,
    },
    body: JSON.parse(row.body) as MilieuDocument,
  };
}

const CHUNK = 100;

async function insertChunks<T>(
  items: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await insert(items.slice(i, i + CHUNK));
}

/**
 * Replaces a program's whole document, records included, if the precondition holds. Runs
 * inside the caller's transaction: either every row changes or none does. The document's
 * `program.id` must be `programId` (the HTTP layer checks it).
 *
 * @param db - the write transaction
 * @param programId - the program (the document row's id)
 * @param doc - a document that passed `parseDocument`
 * @param precondition - `If-Match` or `If-None-Match: *`
 * @param now - the write's time
 * @param secret - the rater key (see `raters.ts`)
 * @param by - the caller's staff id: who records new or changed attendance (unchanged records
 *   keep who recorded them and when)
 */
export async function replaceDocument(
  db: Kysely<Schema>,
  programId: string,
  doc: MilieuDocument,
  precondition: ReplacePrecondition,
  now: string,
  secret: string,
  by?: string,
): Promise<ReplaceOutcome> {
  // Lock the document row first (an update: exclusive on PostgreSQL, like `FOR UPDATE`). It waits
  // for the record writes in flight, which hold the row `FOR SHARE` (see lockDocument), and holds
  // back new ones until this commits; so the head read next counts every acknowledged record,
  // and the If-Match check below cannot miss one.
  await db.updateTable('documents').set({ updated_at: now }).where('id', '=', programId).execute();
  const head = await readHead(db, programId);
  const holds =
    precondition.type === 'create'
      ? head === undefined
      : head !== undefined &&
        (precondition.revisions === '*' || precondition.revisions.includes(head.revision));
  if (!holds) return { kind: 'failed', head };

  const feedback: FeedbackEntry[] = doc.records.feedback;
  const attendance: AttendanceRecord[] = doc.records.attendance;
  const body = JSON.stringify({
    ...doc,
    records: { ...doc.records, feedback: [], attendance: [] },
  });
  const rows = await anonymousRows(db, programId, doc, feedback, secret);
  // Who recorded attendance, and when, survive the PUT for records it leaves unchanged; new or
  // changed records are recorded now by the caller.
  const before = new Map<
    string,
    { status: string; note: string | null; at: string; by: string | null }
  >();
  for (const r of await db
    .selectFrom('attendance')
    .select(['occurrence_id', 'participant_id', 'status', 'note', 'recorded_at', 'recorded_by'])
    .where('program_id', '=', programId)
    .execute()) {
    before.set(`${r.occurrence_id}\u0000${r.participant_id}`, {
      status: r.status,
      note: r.note,
      at: r.recorded_at,
      by: r.recorded_by,
    });
  }
  const recordedOf = (r: AttendanceRecord): { at: string; by: string | null } => {
    const old = before.get(`${r.occurrenceId}\u0000${r.participantId}`);
    return old && old.status === r.status && old.note === (r.note ?? null)
      ? { at: old.at, by: old.by }
      : { at: now, by: by ?? null };
  };
  await db.deleteFrom('feedback').where('program_id', '=', programId).execute();
  await db.deleteFrom('attendance').where('program_id', '=', programId).execute();
  await insertChunks(rows, (chunk) => db.insertInto('feedback').values(chunk).execute());
  await insertChunks(attendance, (chunk) =>
    db
      .insertInto('attendance')
      .values(chunk.map((r) => attendanceRow(programId, r, recordedOf(r))))
      .execute(),
  );
  const next = {
    revision: (head?.revision ?? 0) + 1,
    bodyVersion: (head?.bodyVersion ?? 0) + 1,
    updatedAt: now,
  };
  if (head) {
    // The slots fold into the row's counter: no record writer holds one now (they are locked out
    // above), and the revision stays the same sum.
    await db.deleteFrom('revision_slots').where('document_id', '=', programId).execute();
    await db
      .updateTable('documents')
      .set({ revision: next.revision, body_version: next.bodyVersion, body, updated_at: now })
      .where('id', '=', programId)
      .execute();
  } else {
    await db
      .insertInto('documents')
      .values({
        id: programId,
        revision: next.revision,
        body_version: next.bodyVersion,
        body,
        updated_at: now,
      })
      .execute();
  }
  return { kind: 'saved', head: next };
}

/**
 * The rows of a replacement's feedback. An anonymous entry that names its author (an import)
 * gets its rater key and loses the author unless the program keeps them for reviewers; one
 * without an author (as `GET /api/v1/document` gives it) keeps the rater key, and under
 * `reviewers` the author, of the stored row with the same id and subject, so a GET → PUT of the
 * unchanged document changes nothing.
 */
async function anonymousRows(
  db: Kysely<Schema>,
  programId: string,
  doc: MilieuDocument,
  feedback: readonly FeedbackEntry[],
  secret: string,
) {
  const keep = doc.program.policy?.anonymousAuthors === 'reviewers';
  const stored = feedback.some((e) => e.anonymous && e.authorId === undefined)
    ? await db
        .selectFrom('feedback')
        .select(['id', 'subject_id', 'author_id', 'rater_key'])
        .where('program_id', '=', programId)
        .where('anonymous', '=', 1)
        .execute()
    : [];
  const before = new Map(stored.map((r) => [r.id, r]));
  return feedback.map((entry) => {
    if (!entry.anonymous) return feedbackRow(programId, entry);
    if (entry.authorId !== undefined) {
      const key =
        entry.subjectId === undefined ? null : raterKey(secret, entry.subjectId, entry.authorId);
      return feedbackRow(programId, entry, { raterKey: key, keepAnonymousAuthor: keep });
    }
    const prev = before.get(entry.id);
    if (!prev || prev.subject_id !== (entry.subjectId ?? null))
      return feedbackRow(programId, entry);
    const withAuthor =
      keep && prev.author_id !== null ? { ...entry, authorId: prev.author_id } : entry;
    return feedbackRow(programId, withAuthor, {
      raterKey: prev.rater_key,
      keepAnonymousAuthor: keep,
    });
  });
}

/**
 * Reads a program's whole document with its records, in one consistent snapshot.
 *
 * @param db - a connection inside a read transaction
 * @param programId - the program
 */
export async function readDocument(
  db: Kysely<Schema>,
  programId: string,
): Promise<{ head: DocumentHead; document: MilieuDocument } | undefined> {
  const stored = await readBody(db, programId);
  if (!stored) return undefined;
  const feedback = await db
    .selectFrom('feedback')
    .select('body')
    .where('program_id', '=', programId)
    .orderBy('seq')
    .execute();
  const attendance = await db
    .selectFrom('attendance')
    .select(['occurrence_id', 'participant_id', 'status', 'note'])
    .where('program_id', '=', programId)
    .orderBy('seq')
    .execute();
  const document: MilieuDocument = {
    ...stored.body,
    records: {
      ...stored.body.records,
      attendance: attendance.map(rowToAttendance),
      feedback: feedback.map((r) => JSON.parse(r.body) as FeedbackEntry),
    },
  };
  return { head: stored.head, document };
}

/**
 * Converts an attendance row back to a record.
 *
 * @param row - the row's record columns
 */
export function rowToAttendance(row: {
  occurrence_id: string;
  participant_id: string;
  status: string;
  note: string | null;
}): AttendanceRecord {
  const record: AttendanceRecord = {
    occurrenceId: row.occurrence_id,
    participantId: row.participant_id,
    status: row.status as AttendanceRecord['status'],
  };
  if (row.note !== null) record.note = row.note;
  return record;
}
