/**
 * Record ↔ row conversions shared by the stores.
 *
 * @module
 */
import type { AttendanceRecord, FeedbackEntry } from '@milieu/core';
import type { Insertable } from 'kysely';
import type { AttendanceTable, FeedbackTable } from '../db/schema.js';

/**
 * The row of a feedback entry: its JSON plus the columns queries filter on.
 *
 * @param entry - a validated entry
 */
export function feedbackRow(entry: FeedbackEntry): Insertable<FeedbackTable> {
  return {
    id: entry.id,
    body: JSON.stringify(entry),
    subject_id: entry.subjectId ?? null,
    author_id: entry.authorId ?? null,
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
 * @param record - a validated record
 * @param recorded - when and by whom (a staff id, or `null`)
 */
export function attendanceRow(
  record: AttendanceRecord,
  recorded: { at: string; by: string | null },
): Insertable<AttendanceTable> {
  return {
    occurrence_id: record.occurrenceId,
    participant_id: record.participantId,
    occurrence_date: record.occurrenceId.slice(-10),
    status: record.status,
    note: record.note ?? null,
    recorded_at: recorded.at,
    recorded_by: recorded.by,
  };
}
