/**
 * The schedule resource, `GET /api/v1/occurrences`: expanded occurrences for a range, as the
 * caller's role may see them. Occurrences travel without the `routine` object and with people
 * already reduced to display names, so a kiosk or participant response carries nothing it
 * must not show.
 *
 * ```
 * GET /api/v1/occurrences?from=2026-03-09&to=2026-03-16&participant=p-01
 * 200 OccurrencesResponse
 * ```
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  IdSchema,
  InstantSchema,
  LocalDateSchema,
  LocalTimeSchema,
  OccurrenceIdSchema,
  isLocalDate,
} from '../model/scalars.js';
import {
  ACTIVITY_KINDS,
  ATTENDANCE_MODES,
  ATTENDANCE_STATUSES,
  DisplayNamePolicySchema,
  EXCEPTION_TYPES,
} from '../model/vocabulary.js';
import { COMPLETENESS_STATES } from '../schedule/attendance.js';
import {
  isSupportedDate,
  isSupportedInstant,
  parseInstant,
  UNSUPPORTED_TIME_MESSAGE,
} from '../time/index.js';
import { PersonRefSchema } from './common.js';

/** The longest range `GET /api/v1/occurrences` expands, in days. */
export const MAX_OCCURRENCE_RANGE_DAYS = 62;

const isDateOrInstant = (value: string): boolean =>
  isLocalDate(value) || !Number.isNaN(parseInstant(value));

const isSupportedBound = (value: string): boolean =>
  isLocalDate(value) ? isSupportedDate(value) : isSupportedInstant(parseInstant(value));

/**
 * A range bound in a query string: a local date `YYYY-MM-DD` (midnight in the program's zone)
 * or an instant with an offset (`2026-03-09T00:00:00-04:00`).
 */
export const RangeBoundSchema = z.string().check(
  z.refine(isDateOrInstant, {
    message: 'expected a date YYYY-MM-DD or a date-time with an offset',
    params: { code: 'invalid_date' },
  }),
  z.refine((value) => !isDateOrInstant(value) || isSupportedBound(value), {
    message: UNSUPPORTED_TIME_MESSAGE,
    params: { code: 'out_of_range' },
  }),
);

/**
 * The query of `GET /api/v1/occurrences`: `[from, to)` (at most
 * {@link MAX_OCCURRENCE_RANGE_DAYS} days), an optional participant (a participant token may
 * ask only for itself and gets its own schedule either way) and whether to keep cancelled
 * occurrences (`true` by default, so boards can show them struck through with the reason).
 */
export const OccurrencesQuerySchema = z.strictObject({
  from: RangeBoundSchema,
  to: RangeBoundSchema,
  participant: z.optional(IdSchema),
  includeCancelled: z.optional(z.enum(['true', 'false'])),
});
/** The query of `GET /api/v1/occurrences`. */
export type OccurrencesQuery = z.infer<typeof OccurrencesQuerySchema>;

/** The exception applied to an occurrence, as shown to people (no ids beyond the location). */
export const OccurrenceExceptionViewSchema = z.strictObject({
  type: z.enum(EXCEPTION_TYPES),
  reason: z.string(),
  newDate: z.optional(LocalDateSchema),
  start: z.optional(LocalTimeSchema),
  end: z.optional(LocalTimeSchema),
  originalStart: z.optional(InstantSchema),
  originalEnd: z.optional(InstantSchema),
});
/** The exception applied to an occurrence (see {@link OccurrenceExceptionViewSchema}). */
export type OccurrenceExceptionView = z.infer<typeof OccurrenceExceptionViewSchema>;

/** Attendance at one occurrence, as staff see it in the schedule (staff and admin only). */
export const OccurrenceAttendanceSchema = z.strictObject({
  participantId: IdSchema,
  status: z.enum(ATTENDANCE_STATUSES),
  note: z.optional(z.string()),
});
/** Attendance at one occurrence (see {@link OccurrenceAttendanceSchema}). */
export type OccurrenceAttendance = z.infer<typeof OccurrenceAttendanceSchema>;

/**
 * The attendance completeness of an occurrence at the time of the response (core's
 * `attendanceCompleteness`): the expected members' ids, those still missing, and the state
 * (`overdue` = ended without complete attendance). Staff and admin only.
 */
export const OccurrenceCompletenessSchema = z.strictObject({
  state: z.enum(COMPLETENESS_STATES),
  expected: z.number().check(z.int(), z.gte(0)),
  recorded: z.number().check(z.int(), z.gte(0)),
  missing: z.array(IdSchema),
});
/** The attendance completeness of an occurrence (see {@link OccurrenceCompletenessSchema}). */
export type OccurrenceCompleteness = z.infer<typeof OccurrenceCompletenessSchema>;

/**
 * One occurrence on the wire. `participants`, `attendanceRecords` and `completeness` appear for
 * staff and admin only (a participant's schedule names them once, in the response's `participant`; a kiosk sees
 * neither). Names in `facilitators` and `participants` are already reduced for the viewer.
 */
export const OccurrenceViewSchema = z.strictObject({
  id: OccurrenceIdSchema,
  routineId: IdSchema,
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  description: z.optional(z.string()),
  localDate: LocalDateSchema,
  originalDate: LocalDateSchema,
  start: InstantSchema,
  end: InstantSchema,
  location: z.optional(z.strictObject({ id: IdSchema, name: z.string() })),
  facilitators: z.array(PersonRefSchema),
  participants: z.optional(z.array(PersonRefSchema)),
  attendance: z.enum(ATTENDANCE_MODES),
  status: z.enum(['scheduled', 'cancelled', 'moved', 'changed']),
  exception: z.optional(OccurrenceExceptionViewSchema),
  dstShifted: z.optional(z.boolean()),
  attendanceRecords: z.optional(z.array(OccurrenceAttendanceSchema)),
  completeness: z.optional(OccurrenceCompletenessSchema),
});
/** One occurrence on the wire (see {@link OccurrenceViewSchema}). */
export type OccurrenceView = z.infer<typeof OccurrenceViewSchema>;

/**
 * What a board needs to know of the program, and nothing more: its name, zone and locale, and
 * how shared screens name people (`displayNames`, the program's `policy.displayNames`).
 */
export const ScheduleProgramSchema = z.strictObject({
  name: z.string(),
  timeZone: z.string(),
  locale: z.string(),
  displayNames: DisplayNamePolicySchema,
});
/** The program as the schedule resource describes it (see {@link ScheduleProgramSchema}). */
export type ScheduleProgram = z.infer<typeof ScheduleProgramSchema>;

/**
 * The resolved options of the `no-empty-stretch` rule, so that a board hatches exactly the
 * stretches the rule reports: longer than `maxHours` in waking hours (`wakingStart` to
 * `wakingEnd`, or the day's wake-up to its lights-out when `useWakeAndLightsOut`), where kinds in
 * `ignoreKinds` do not fill time.
 */
export const EmptyStretchOptionsSchema = z.strictObject({
  maxHours: z.number().check(z.gt(0)),
  wakingStart: LocalTimeSchema,
  wakingEnd: LocalTimeSchema,
  useWakeAndLightsOut: z.boolean(),
  ignoreKinds: z.array(z.enum(ACTIVITY_KINDS)),
});
/** The resolved `no-empty-stretch` options (see {@link EmptyStretchOptionsSchema}). */
export type EmptyStretchOptions = z.infer<typeof EmptyStretchOptionsSchema>;

/** The `200` body of `GET /api/v1/occurrences`. */
export const OccurrencesResponseSchema = z.strictObject({
  /** The program's name, zone, locale and shared-screen naming. */
  program: ScheduleProgramSchema,
  /**
   * The `no-empty-stretch` options in force, absent when the rule does not apply to this
   * program (its setting is not one where people live on site, or the rule is off).
   */
  emptyStretch: z.optional(EmptyStretchOptionsSchema),
  /** The program's IANA zone (every instant carries its offset too); the same as `program.timeZone`. */
  timeZone: z.string(),
  /** The expanded range `[from, to)` as instants in the program's zone. */
  from: InstantSchema,
  to: InstantSchema,
  /** The participant the schedule is for, when filtered (name reduced for the viewer). */
  participant: z.optional(PersonRefSchema),
  occurrences: z.array(OccurrenceViewSchema),
});
/** The `200` body of `GET /api/v1/occurrences`. */
export type OccurrencesResponse = z.infer<typeof OccurrencesResponseSchema>;
