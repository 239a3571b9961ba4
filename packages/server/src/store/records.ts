/**
 * Feedback and attendance in storage, per program. Every query filters by program first:
 * records of one program never appear in another. Each write runs inside the caller's
 * transaction; the store wraps it (see `Store` in `store.ts`): it locks the program's document
 * row `FOR SHARE` first and counts the write in a revision slot last (`lockDocument`, `bumpSlot`
 * in `documents.ts`), so an `If-Match` replace never drops a record written after its `GET`, and
 * record writes on several connections or instances do not queue on one row.
 *
 * @module
 */
import type { AttendanceRecord, FeedbackEntry, FeedbackReview } from '@milieu/core';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db/connect.js';
import type { Schema } from '../db/schema.js';
import { rowToAttendance } from './documents.js';
import { attendanceRow, feedbackRow, type StoredWriter } from './rows.js';

/** Identifies one idempotent request: the token it came with, its key and its body's hash. */
export interface IdempotentRequest {
  /** The token's id: keys are scoped per token. */
  principal: string;
  /** The `Idempotency-Key` header. */
  key: string;
  /** SHA-256 of the canonical JSON of the request body. */
  requestHash: string;
}

/** A stored response, replayed byte for byte. */
export interface StoredResponse {
  status: number;
  /** JSON text. */
  body: string;
}

/** The outcome of {@link createFeedback}. */
export type CreateFeedbackOutcome =
  | ({ kind: 'created' } & StoredResponse)
  | ({ kind: 'replayed' } & StoredResponse)
  /** The key was used before with a different body. */
  | { kind: 'key_reused' }
  /** Another entry already has this id. */
  | { kind: 'duplicate_id' }
  /** There is no document to add the entry to. */
  | { kind: 'no_document' };

/**
 * Finds the stored response of an idempotent request, if any.
 *
 * @param db - any connection
 * @param programId - the program the request was sent to (keys are scoped per program)
 * @param request - token, key and body hash
 * @returns the response (`replayed`), `key_reused`, or `undefined` when the key is new
 */
export async function findIdempotent(
  db: Kysely<Schema>,
  programId: string,
  request: IdempotentRequest,
): Promise<CreateFeedbackOutcome | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status', 'response'])
    .where('program_id', '=', programId)
    .where('principal', '=', request.principal)
    .where('key', '=', request.key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== request.requestHash) return { kind: 'key_reused' };
  return { kind: 'replayed', status: Number(row.status), body: row.response };
}

/**
 * Stores a feedback entry and the response to its idempotency key, both or neither.
 *
 * @param db - the write transaction
 * @param programId - the program
 * @param request - token, key and body hash
 * @param entry - the entry to store (validated and normalised)
 * @param now - the write's time
 * @param writer - its rater key, and whether to keep an anonymous author (see `rows.ts`)
 * @param response - the entry as the writer may see it: the stored `201` response (replayed)
 * @returns `created` only when it wrote (count it with `bumpSlot`); a replay writes nothing
 */
export async function createFeedback(
  db: Kysely<Schema>,
  programId: string,
  request: IdempotentRequest,
  entry: FeedbackEntry,
  now: string,
  writer: StoredWriter = {},
  response: FeedbackEntry = entry,
): Promise<CreateFeedbackOutcome> {
  // Two round trips in the common case: claim the key, then insert the entry. A key that is
  // taken (by an earlier request, or a concurrent one that has committed meanwhile: the insert
  // waits for it) is a replay or a reuse.
  const stored: StoredResponse = { status: 201, body: JSON.stringify({ entry: response }) };
  const claimed = await db
    .insertInto('idempotency_keys')
    .values({
      program_id: programId,
      principal: request.principal,
      key: request.key,
      request_hash: request.requestHash,
      status: stored.status,
      response: stored.body,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['program_id', 'principal', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!claimed) {
    const earlier = await findIdempotent(db, programId, request);
    // Not there after a conflict: it was deleted meanwhile; run again (a concurrency conflict).
    if (!earlier) throw Object.assign(new Error('idempotency key vanished'), { code: '40001' });
    return earlier;
  }
  const inserted = await db
    .insertInto('feedback')
    .values(feedbackRow(programId, entry, writer))
    .onConflict((oc) => oc.columns(['program_id', 'id']).doNothing())
    .returning('seq')
    .executeTakeFirst();
  if (!inserted) {
    // Another entry has this id: give the key back, so a corrected retry can use it.
    await db
      .deleteFrom('idempotency_keys')
      .where('program_id', '=', programId)
      .where('principal', '=', request.principal)
      .where('key', '=', request.key)
      .execute();
    return { kind: 'duplicate_id' };
  }
  return { kind: 'created', ...stored };
}

/** Filters of {@link listFeedback}. */
export interface FeedbackFilter {
  status?: string | undefined;
  subject?: string | undefined;
  source?: string | undefined;
  /** Only entries this participant wrote, is the subject of, or the community may see. */
  scopeParticipant?: string | undefined;
  /** Entries after this sequence number. */
  afterSeq?: number | undefined;
  limit: number;
}

/**
 * A stored feedback entry with its position. The entry of an anonymous row has no `authorId`;
 * `anonymousAuthor` is the writer kept under `anonymousAuthors: 'reviewers'` (review routes only).
 */
export interface FeedbackRecord {
  seq: number;
  entry: FeedbackEntry;
  anonymousAuthor?: string;
}

/**
 * Lists feedback in the order it was stored.
 *
 * @param db - any connection
 * @param programId - the program
 * @param filter - filters and page
 */
export async function listFeedback(
  db: Kysely<Schema>,
  programId: string,
  filter: FeedbackFilter,
): Promise<FeedbackRecord[]> {
  let query = db
    .selectFrom('feedback')
    .select(['seq', 'body', 'anonymous', 'author_id'])
    .where('program_id', '=', programId);
  if (filter.status !== undefined) query = query.where('review_status', '=', filter.status);
  if (filter.subject !== undefined) query = query.where('subject_id', '=', filter.subject);
  if (filter.source !== undefined) query = query.where('source', '=', filter.source);
  if (filter.afterSeq !== undefined) query = query.where('seq', '>', filter.afterSeq);
  const me = filter.scopeParticipant;
  if (me !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('author_id', '=', me),
        eb('subject_id', '=', me),
        eb('visibility', '=', 'community'),
      ]),
    );
  }
  const rows = await query.orderBy('seq').limit(filter.limit).execute();
  return rows.map((r) => {
    const record: FeedbackRecord = {
      seq: Number(r.seq),
      entry: JSON.parse(r.body) as FeedbackEntry,
    };
    if (Number(r.anonymous) === 1 && r.author_id !== null) record.anonymousAuthor = r.author_id;
    return record;
  });
}

/**
 * The rater keys of anonymous entries, by entry id (for the `peer-anonymity` rule).
 *
 * @param db - any connection
 * @param programId - the program
 */
export async function raterKeys(
  db: Kysely<Schema>,
  programId: string,
): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('feedback')
    .select(['id', 'rater_key'])
    .where('program_id', '=', programId)
    .where('rater_key', 'is not', null)
    .execute();
  const out: Record<string, string> = {};
  for (const r of rows) if (r.rater_key !== null) out[r.id] = r.rater_key;
  return out;
}

/** An entry of an aggregate pool and its rater key. */
export interface PooledEntry {
  entry: FeedbackEntry;
  raterKey: string | null;
}

/**
 * The approved, subject-visible anonymous peer entries about a participant (the aggregate pool),
 * with their rater keys.
 *
 * @param db - any connection
 * @param programId - the program
 * @param subjectId - the participant
 */
export async function anonymousPeerFeedbackAbout(
  db: Kysely<Schema>,
  programId: string,
  subjectId: string,
): Promise<PooledEntry[]> {
  const rows = await db
    .selectFrom('feedback')
    .select(['body', 'rater_key'])
    .where('program_id', '=', programId)
    .where('subject_id', '=', subjectId)
    .where('source', '=', 'peer')
    .where('anonymous', '=', 1)
    .where('review_status', '=', 'approved')
    .where('visibility', '!=', 'staff')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ entry: JSON.parse(r.body) as FeedbackEntry, raterKey: r.rater_key }));
}

/** Thrown inside a write to roll it back when its target (the document, an entry) does not exist. */
export class NotFound extends Error {
  constructor() {
    super('not found');
    this.name = 'NotFound';
  }
}

/**
 * Locks a feedback entry's row until the transaction ends (PostgreSQL; SQLite has one writer),
 * so concurrent reviews of one entry — its read-modify-write in {@link setReview} — run one
 * after the other on any connection or instance.
 *
 * @param db - the write transaction
 * @param kind - the dialect
 * @param programId - the program
 * @param id - the entry's id
 */
export async function lockFeedback(
  db: Kysely<Schema>,
  kind: DatabaseKind,
  programId: string,
  id: string,
): Promise<void> {
  if (kind === 'postgres') {
    await db
      .selectFrom('feedback')
      .select('id')
      .where('program_id', '=', programId)
      .where('id', '=', id)
      .forUpdate()
      .execute();
  }
}

/** A review decision: the new review and, optionally, a new visibility. */
export interface ReviewChange {
  review: FeedbackReview;
  visibility?: FeedbackEntry['visibility'] | undefined;
}

/**
 * Changes the review of an entry.
 *
 * @param db - the write transaction
 * @param programId - the program
 * @param id - the entry's id
 * @param change - the new review, and optionally a new visibility
 * @param _now - the write's time (unused: the review carries its own; kept for callers)
 * @returns the entry after the change (an anonymous one with the author kept for reviewers, if any)
 * @throws NotFound when there is no entry with this id (the write is rolled back)
 */
export async function setReview(
  db: Kysely<Schema>,
  programId: string,
  id: string,
  change: ReviewChange,
  _now: string,
): Promise<FeedbackEntry> {
  const row = await db
    .selectFrom('feedback')
    .select(['body', 'anonymous', 'author_id'])
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFound();
  const entry: FeedbackEntry = {
    ...(JSON.parse(row.body) as FeedbackEntry),
    review: change.review,
  };
  if (change.visibility !== undefined) entry.visibility = change.visibility;
  await db
    .updateTable('feedback')
    .set({
      body: JSON.stringify(entry),
      review_status: entry.review.status,
      visibility: entry.visibility,
    })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .execute();
  // The author of an anonymous entry is kept apart from its JSON (reviewers only).
  if (Number(row.anonymous) === 1 && row.author_id !== null)
    return { ...entry, authorId: row.author_id };
  return entry;
}

/**
 * Records attendance, replacing an earlier record for the same occurrence and participant.
 *
 * @param db - the write transaction
 * @param programId - the program
 * @param record - a validated record
 * @param recorded - when, and by which staff id (or `null`)
 * @returns `true`
 */
export async function recordAttendance(
  db: Kysely<Schema>,
  programId: string,
  record: AttendanceRecord,
  recorded: { at: string; by: string | null },
): Promise<boolean> {
  const row = attendanceRow(programId, record, recorded);
  await db
    .insertInto('attendance')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['program_id', 'occurrence_id', 'participant_id']).doUpdateSet({
        status: row.status,
        note: row.note,
        recorded_at: row.recorded_at,
        recorded_by: row.recorded_by,
      }),
    )
    .execute();
  return true;
}

/**
 * Attendance of occurrences whose original date is in `[from, to)`.
 *
 * @param db - any connection
 * @param programId - the program
 * @param from - first local date
 * @param to - the local date after the last
 */
export async function listAttendance(
  db: Kysely<Schema>,
  programId: string,
  from: string,
  to: string,
): Promise<AttendanceRecord[]> {
  const rows = await db
    .selectFrom('attendance')
    .select(['occurrence_id', 'participant_id', 'status', 'note'])
    .where('program_id', '=', programId)
    .where('occurrence_date', '>=', from)
    .where('occurrence_date', '<', to)
    .orderBy('seq')
    .execute();
  return rows.map(rowToAttendance);
}
