/**
 * Record ↔ row conversions shared by the stores.
 *
 * @module
 */
import type { AttendanceRecord, FeedbackEntry } from '@milieu/core';
import type { Insertable } from 'kysely';
import type { AttendanceTable, FeedbackTable } from '../db/schema.js';

/** How an entry's writer is stored (see `raters.ts`). */
export interface StoredWriter {
  /** The rater key of an anonymous entry, if any. */
  raterKey?: string | null | undefined;
  /** Keep the author of an anonymous entry in `author_id` (`anonymousAuthors: 'reviewers'`). */
  keepAnonymousAuthor?: boolean | undefined;
}

/**
 * The row of a feedback entry: its JSON plus the columns queries filter on. The JSON of an
 * anonymous entry never holds `authorId`: the writer is in `author_id` only when
 * `keepAnonymousAuthor` is set, and otherwise not stored at all.
 *
 * @param programId - the program the entry belongs to
 * @param entry - a validated entry
 * @param writer - rater key and whether to keep an anonymous author
 */
export function feedbackRow(
  programId: string,
  entry: FeedbackEntry,
  writer: StoredWriter = {},
): Insertable<FeedbackTable> {
  let body = entry;
  let author = entry.authorId ?? null;
  if (entry.anonymous && entry.authorId !== undefined) {
    const { authorId: _author, ...rest } = entry;
    body = rest;
    if (!writer.keepAnonymousAuthor) author = null;
  }
  return {
    program_id: programId,
    id: entry.id,
    body: JSON.stringify(body),
    subject_id: entry.subjectId ?? null,
    author_id: author,
    rater_key: writer.raterKey ?? null,
    source: entry.source,
    visibility: entry.visibility,
    anonymous: entry.anonymous ? 1 : 0,
    review_status: entry.review.status,
    created_at: entry.createdAt,
  };
}

/**
 * The row of an attendance record.
 *
 * @param programId - the program the record belongs to
 * @param record - a validated record
 * @param recorded - when and by whom (a staff id, or `null`)
 */
export function attendanceRow(
  programId: string,
  record: AttendanceRecord,
  recorded: { at: string; by: string | null },
): Insertable<AttendanceTable> {
  return {
    program_id: programId,
    occurrence_id: record.occurrenceId,
    participant_id: record.participantId,
    occurrence_date: record.occurrenceId.slice(-10),
    status: record.status,
    note: record.note ?? null,
    recorded_at: recorded.at,
    recorded_by: recorded.by,
  };
}
