/**
 * Attendance completeness: for each occurrence, who was expected, who has a record, who is
 * missing, and whether the occurrence has ended without complete attendance ("overdue"). One
 * decision shared by the staff board, the attendance sheet, the server's schedule resource and
 * the `attendance-recorded` rule.
 *
 * @module
 */
import { parseInstant } from '../time/index.js';

/** The states of an occurrence's attendance (see {@link AttendanceCompleteness.state}). */
export const COMPLETENESS_STATES = [
  'cancelled',
  'not-taken',
  'no-one-expected',
  'complete',
  'pending',
  'overdue',
] as const;
/** A completeness state (see {@link COMPLETENESS_STATES}). */
export type CompletenessState = (typeof COMPLETENESS_STATES)[number];

/**
 * Activity kinds where attendance is not taken by default: meals, the daily anchors and ambient
 * time (free time, visiting hours, quiet time). Their occurrences have the state `not-taken`.
 */
export const UNRECORDED_KINDS: readonly string[] = Object.freeze([
  'wake-up',
  'medication',
  'breakfast',
  'lunch',
  'dinner',
  'snack',
  'free-time',
  'visiting-hours',
  'quiet-time',
  'lights-out',
]);

/** Options of {@link attendanceCompleteness}. */
export interface CompletenessOptions {
  /** Kinds where attendance is not taken (default {@link UNRECORDED_KINDS}; `[]` takes it everywhere). */
  unrecordedKinds?: readonly string[] | undefined;
}

/**
 * What {@link attendanceCompleteness} reads of an occurrence. An expanded `Occurrence` (with
 * `participantIds`) and a staff `OccurrenceView` (with `participants`) both satisfy it.
 */
export interface CompletenessOccurrence {
  /** The occurrence id, `routineId@originalDate`. */
  id: string;
  /** End, ISO 8601 with an offset. */
  end: string;
  /** `cancelled` occurrences expect no attendance. */
  status: string;
  /** The activity kind (attendance is not taken for {@link CompletenessOptions.unrecordedKinds}). */
  kind?: string | undefined;
  /**
   * The expected members: the audience with roster changes applied, electives who chose the
   * routine, only people whose stay covers the date (what the schedule engine resolves).
   */
  participantIds?: readonly string[] | undefined;
  /** The same, as people references (the staff schedule resource); used without `participantIds`. */
  participants?: readonly { id?: string | undefined }[] | undefined;
}

/** What {@link attendanceCompleteness} reads of a record. */
export interface CompletenessRecord {
  occurrenceId: string;
  participantId: string;
}

/** The attendance completeness of one occurrence. */
export interface AttendanceCompleteness {
  /** The occurrence id. */
  occurrenceId: string;
  /** Expected participant ids, in the occurrence's order (empty when cancelled or not taken). */
  expected: string[];
  /** Expected participants with a record. */
  recorded: string[];
  /** Expected participants without a record, in order. */
  missing: string[];
  /** Participants with a record who are not expected (e.g. removed from the roster later). */
  extra: string[];
  /** Every expected participant has a record (`true` when no one is expected). */
  complete: boolean;
  /** The occurrence has ended at `now`. */
  ended: boolean;
  /**
   * `cancelled` (nothing to record), `not-taken` (a kind where attendance is not taken), `no-one-expected`, `complete`, `pending` (not complete,
   * not ended yet) or `overdue` (ended without complete attendance).
   */
  state: CompletenessState;
}

function expectedOf(occ: CompletenessOccurrence): string[] {
  if (occ.participantIds) return [...new Set(occ.participantIds)];
  const ids: string[] = [];
  for (const p of occ.participants ?? []) if (p.id !== undefined) ids.push(p.id);
  return [...new Set(ids)];
}

/**
 * The attendance completeness of each occurrence, in input order. Records are matched by
 * occurrence and participant id (duplicates count once); a cancelled occurrence, or one of a kind
 * where attendance is not taken (meals, daily anchors, free time: {@link UNRECORDED_KINDS}),
 * expects no one and is never overdue; an occurrence whose `end` is unreadable counts as not
 * ended.
 *
 * @param occurrences - the occurrences (expanded occurrences or staff schedule views)
 * @param records - attendance records of any occurrences (others are ignored)
 * @param now - the current instant, epoch ms
 * @param options - the kinds where attendance is not taken
 * @returns one entry per occurrence
 * @example
 * ```ts
 * const [c] = attendanceCompleteness(
 *   [{ id: 'group@2026-03-09', end: '2026-03-09T11:00:00-04:00', status: 'scheduled', participantIds: ['p1', 'p2'] }],
 *   [{ occurrenceId: 'group@2026-03-09', participantId: 'p1' }],
 *   Date.parse('2026-03-09T12:00:00-04:00'),
 * );
 * c.state; // 'overdue' (p2 is missing)
 * ```
 */
export function attendanceCompleteness(
  occurrences: readonly CompletenessOccurrence[],
  records: readonly CompletenessRecord[],
  now: number,
  options: CompletenessOptions = {},
): AttendanceCompleteness[] {
  const unrecorded = new Set(options.unrecordedKinds ?? UNRECORDED_KINDS);
  const byOccurrence = new Map<string, Set<string>>();
  for (const r of records) {
    let set = byOccurrence.get(r.occurrenceId);
    if (!set) byOccurrence.set(r.occurrenceId, (set = new Set()));
    set.add(r.participantId);
  }
  return occurrences.map((occ) => {
    const endMs = parseInstant(occ.end);
    const ended = !Number.isNaN(endMs) && endMs <= now;
    const have = byOccurrence.get(occ.id) ?? new Set<string>();
    const cancelled = occ.status === 'cancelled';
    const notTaken = !cancelled && occ.kind !== undefined && unrecorded.has(occ.kind);
    const expected = cancelled || notTaken ? [] : expectedOf(occ);
    const expectedSet = new Set(expected);
    const recorded = expected.filter((id) => have.has(id));
    const missing = expected.filter((id) => !have.has(id));
    const extra = [...have].filter((id) => !expectedSet.has(id));
    const complete = missing.length === 0;
    const state: CompletenessState = cancelled
      ? 'cancelled'
      : notTaken
        ? 'not-taken'
        : expected.length === 0
          ? 'no-one-expected'
          : complete
            ? 'complete'
            : ended
              ? 'overdue'
              : 'pending';
    return { occurrenceId: occ.id, expected, recorded, missing, extra, complete, ended, state };
  });
}
