/**
 * The tables of the data layer, as Kysely sees them. The same columns exist in SQLite and
 * PostgreSQL (see `migrations.ts`); JSON is stored as text so both dialects read it alike.
 *
 * @module
 */
import type { Generated } from 'kysely';

/** The program document minus its attendance and feedback (those live in their own tables). */
export interface DocumentsTable {
  /**
   * The program's id (`document.program.id`): one row per program (tenant). Databases written
   * before migration `0004_programs` used `'main'`; the migration renames that row.
   */
  id: string;
  /** Bumped by every write, records included; the `ETag` is its quoted form. */
  revision: number;
  /** Bumped only when the document body is replaced (occurrence caches key on it). */
  body_version: number;
  /** JSON of the document with empty `records.attendance` and `records.feedback`. */
  body: string;
  updated_at: string;
}

/** One feedback entry; `body` is the entry's JSON, the other columns index it. */
export interface FeedbackTable {
  seq: Generated<number>;
  /** The program the entry belongs to; entry ids are unique per program. */
  program_id: string;
  id: string;
  body: string;
  subject_id: string | null;
  /** The writer; `null` for an anonymous entry unless `anonymousAuthors` is `reviewers`. */
  author_id: string | null;
  source: string;
  visibility: string;
  /** 0 or 1. */
  anonymous: number;
  review_status: string;
  created_at: string;
  /**
   * For an anonymous entry with a subject: a keyed one-way hash of (subject, writer), equal for
   * the same writer about the same subject, so distinct raters can be counted without storing
   * the writer (see `store/raters.ts`). Never sent in a response.
   */
  rater_key: string | null;
}

/** Server-side secrets, by name (`rater-key`: the key of {@link FeedbackTable.rater_key}). */
export interface ServerSecretsTable {
  name: string;
  value: string;
}

/** One attendance record, unique per (occurrence, participant). */
export interface AttendanceTable {
  seq: Generated<number>;
  /** The program; (program, occurrence, participant) is unique. */
  program_id: string;
  occurrence_id: string;
  participant_id: string;
  /** The original local date of the occurrence (the date in its id), for range queries. */
  occurrence_date: string;
  status: string;
  note: string | null;
  recorded_at: string;
  recorded_by: string | null;
}

/** The first response to each (token, Idempotency-Key) pair, replayed on a retry. */
export interface IdempotencyKeysTable {
  /** The program the request was sent to: keys are scoped per (program, token). */
  program_id: string;
  principal: string;
  key: string;
  /** SHA-256 of the canonical JSON of the request body. */
  request_hash: string;
  status: number;
  response: string;
  created_at: string;
}

/** Bearer tokens: only the SHA-256 hash of each token is stored. */
export interface TokensTable {
  id: string;
  hash: string;
  role: string;
  participant_id: string | null;
  staff_id: string | null;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

/**
 * What a token may do in each program (migration `0004_programs`). A token with grants works
 * only in the programs it has a grant for, with the grant's role and ids there. A token without
 * grants is either a global admin (`tokens.role = 'admin'`) or, for other roles, bound to the
 * database's only program (see `store/tokens.ts`).
 */
export interface TokenGrantsTable {
  token_id: string;
  program_id: string;
  role: string;
  participant_id: string | null;
  staff_id: string | null;
}

/**
 * Counters that record writes bump instead of the document row (see migration
 * `0003_revision_slots`): the document's revision is `documents.revision` plus the sum of `n`
 * over its slots.
 */
export interface RevisionSlotsTable {
  document_id: string;
  slot: number;
  n: number;
}

/** The whole schema. */
export interface Schema {
  documents: DocumentsTable;
  feedback: FeedbackTable;
  attendance: AttendanceTable;
  idempotency_keys: IdempotencyKeysTable;
  tokens: TokensTable;
  token_grants: TokenGrantsTable;
  server_secrets: ServerSecretsTable;
  revision_slots: RevisionSlotsTable;
}
