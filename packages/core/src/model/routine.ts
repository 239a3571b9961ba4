/**
 * Routines: recurring activity templates with an audience, a recurrence in the program's zone,
 * exceptions (cancelled / moved / changed) and a roster whose changes affect future occurrences only.
 *
 * @module
 */
import * as z from 'zod/mini';
import { addIssue, dateNotBefore, uniqueBy, uniqueValues, whenObject } from './checks.js';
import {
  IdSchema,
  LocalDateSchema,
  LocalTimeSchema,
  NonNegativeIntSchema,
  PositiveIntSchema,
  TextSchema,
} from './scalars.js';
import { ACTIVITY_KINDS, ATTENDANCE_MODES } from './vocabulary.js';

/** Schema of {@link ActivityKind}. */
export const ActivityKindSchema = z.enum(ACTIVITY_KINDS);

/** Weekday codes as in iCalendar `BYDAY`. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** A weekday code (see {@link WEEKDAYS}). */
export type Weekday = (typeof WEEKDAYS)[number];

/** Recurrence frequencies. */
export const FREQUENCIES = ['DAILY', 'WEEKLY'] as const;
/** A recurrence frequency (see {@link FREQUENCIES}). */
export type Frequency = (typeof FREQUENCIES)[number];

/** Roster actions. */
export const ROSTER_ACTIONS = ['add', 'remove'] as const;

/**
 * Who a routine is for: `everyone` in the program on that date, the members of named `groups`,
 * or named `participants`.
 */
export const AudienceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('everyone') }),
  z.strictObject({
    type: z.literal('groups'),
    groupIds: z.array(IdSchema).check(z.minLength(1), uniqueValues()),
  }),
  z.strictObject({
    type: z.literal('participants'),
    participantIds: z.array(IdSchema).check(z.minLength(1), uniqueValues()),
  }),
]);
/** Who a routine is for (see {@link AudienceSchema}). */
export type Audience = z.infer<typeof AudienceSchema>;

/** Capacity of a routine: `max` > 0 and optional `min` ≥ 0, `min <= max`. */
export const CapacitySchema = z
  .strictObject({
    max: PositiveIntSchema,
    min: z.optional(NonNegativeIntSchema),
  })
  .check(
    z.superRefine((c, ctx) => {
      if (typeof c.min === 'number' && typeof c.max === 'number' && c.min > c.max) {
        addIssue(ctx, ['min'], 'invalid_range', `min ${c.min} is greater than max ${c.max}`, c.min);
      }
    }, whenObject),
  );
/** Capacity of a routine (see {@link CapacitySchema}). */
export type Capacity = z.infer<typeof CapacitySchema>;

/**
 * A recurrence rule, a subset of iCalendar RRULE evaluated on civil dates in the program's zone.
 * `interval` defaults to 1; `byDay` is for `WEEKLY` only (default: the weekday of `startDate`);
 * `until` (inclusive) and `count` are mutually exclusive; an open-ended series should carry a
 * `reviewDate` (the rule engine checks it). Defaults are not filled in: the parsed value keeps
 * exactly the fields that were sent.
 */
export const RecurrenceSchema = z
  .strictObject({
    freq: z.enum(FREQUENCIES),
    interval: z.optional(PositiveIntSchema),
    byDay: z.optional(z.array(z.enum(WEEKDAYS)).check(z.minLength(1), uniqueValues())),
    startDate: LocalDateSchema,
    until: z.optional(LocalDateSchema),
    count: z.optional(PositiveIntSchema),
    rdates: z.optional(z.array(LocalDateSchema).check(uniqueValues())),
    exdates: z.optional(z.array(LocalDateSchema).check(uniqueValues())),
    reviewDate: z.optional(LocalDateSchema),
  })
  .check(
    dateNotBefore('startDate', 'until'),
    z.superRefine((r, ctx) => {
      if (r.count !== undefined && r.until !== undefined) {
        addIssue(ctx, ['count'], 'conflicting_fields', 'give either count or until, not both');
      }
      if (r.byDay !== undefined && r.freq === 'DAILY') {
        addIssue(
          ctx,
          ['byDay'],
          'conflicting_fields',
          'byDay is only allowed with freq WEEKLY (use WEEKLY with byDay for "weekdays only")',
        );
      }
    }, whenObject),
  );
/** A recurrence rule (see {@link RecurrenceSchema}). */
export type Recurrence = z.infer<typeof RecurrenceSchema>;

/** One occurrence (`date` = its original local date) is cancelled, with a reason. */
export const CancelledExceptionSchema = z.strictObject({
  date: LocalDateSchema,
  type: z.literal('cancelled'),
  reason: TextSchema,
});
/** One occurrence is moved to `newDate` (default: same date), `start`–`end`, optionally another location. */
export const MovedExceptionSchema = z.strictObject({
  date: LocalDateSchema,
  type: z.literal('moved'),
  reason: TextSchema,
  newDate: z.optional(LocalDateSchema),
  start: LocalTimeSchema,
  end: LocalTimeSchema,
  locationId: z.optional(IdSchema),
});
/** One occurrence keeps its time but changes title, description, location or facilitators. */
export const ChangedExceptionSchema = z.strictObject({
  date: LocalDateSchema,
  type: z.literal('changed'),
  reason: TextSchema,
  title: z.optional(TextSchema),
  description: z.optional(z.string()),
  locationId: z.optional(IdSchema),
  facilitatorIds: z.optional(z.array(IdSchema).check(uniqueValues())),
});
/** An exception to one occurrence of a routine, always with a reason people can read. */
export const RoutineExceptionSchema = z.discriminatedUnion('type', [
  CancelledExceptionSchema,
  MovedExceptionSchema,
  ChangedExceptionSchema,
]);
/** An exception to one occurrence (see {@link RoutineExceptionSchema}). */
export type RoutineException = z.infer<typeof RoutineExceptionSchema>;

/** A roster change: `add` or `remove` a participant from occurrences on or after `effective`. */
export const RosterChangeSchema = z.strictObject({
  participantId: IdSchema,
  action: z.enum(ROSTER_ACTIONS),
  effective: LocalDateSchema,
});
/** A roster change (see {@link RosterChangeSchema}). */
export type RosterChange = z.infer<typeof RosterChangeSchema>;

/**
 * A routine: a recurring activity. `start`/`end` are wall-clock times in the program's zone;
 * `end <= start` means it ends the next day. At most one exception per original date.
 * `locationId` → program locations, `facilitatorIds` → staff (checked in the document).
 */
export const RoutineSchema = z.strictObject({
  id: IdSchema,
  kind: ActivityKindSchema,
  title: TextSchema,
  description: z.optional(z.string()),
  locationId: z.optional(IdSchema),
  facilitatorIds: z.array(IdSchema).check(uniqueValues()),
  audience: AudienceSchema,
  attendance: z.enum(ATTENDANCE_MODES),
  capacity: z.optional(CapacitySchema),
  start: LocalTimeSchema,
  end: LocalTimeSchema,
  recurrence: RecurrenceSchema,
  exceptions: z.array(RoutineExceptionSchema).check(uniqueBy('date')),
  roster: z.array(RosterChangeSchema),
});
/** A routine (see {@link RoutineSchema}). */
export type Routine = z.infer<typeof RoutineSchema>;
