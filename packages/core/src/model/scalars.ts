/**
 * Scalar building blocks of the milieu document: ids, civil dates and times, instants,
 * IANA time zones, BCP 47 locales and non-empty text. Every scalar is a string on the wire.
 *
 * @module
 */
import * as z from 'zod/mini';

/** The pattern every {@link Id} matches: a letter or digit, then up to 127 of `A-Z a-z 0-9 _ . : -`. */
export const ID_PATTERN: RegExp = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/**
 * The pattern of an occurrence id, `${routineId}@${originalLocalDate}` (for example
 * `community@2026-03-09`), as produced by `expandOccurrences` and referenced by attendance records.
 */
export const OCCURRENCE_ID_PATTERN: RegExp =
  /^([A-Za-z0-9][A-Za-z0-9_.:-]{0,127})@(\d{4}-\d{2}-\d{2})$/;

/**
 * An identifier, unique within its collection: `^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$`.
 * Ids are opaque: never put names or record numbers in them.
 */
export const IdSchema = z.string().check(z.regex(ID_PATTERN));
/** An identifier, unique within its collection (see {@link IdSchema}). */
export type Id = z.infer<typeof IdSchema>;

/**
 * A civil date `YYYY-MM-DD` in the program's time zone. Only real calendar dates pass:
 * `2026-02-30` and `2025-02-29` are rejected, `2024-02-29` is accepted.
 */
export const LocalDateSchema = z.iso.date();
/** A civil date `YYYY-MM-DD` in the program's time zone (see {@link LocalDateSchema}). */
export type LocalDate = z.infer<typeof LocalDateSchema>;

/**
 * A wall-clock time `HH:MM`, 24-hour, `00:00`–`23:59` (no seconds; `24:00` is rejected —
 * write `00:00` and let the end fall on the next day).
 */
export const LocalTimeSchema = z.iso.time({ precision: -1 });
/** A wall-clock time `HH:MM` in the program's time zone (see {@link LocalTimeSchema}). */
export type LocalTime = z.infer<typeof LocalTimeSchema>;

/**
 * An instant: an ISO 8601 / RFC 3339 date-time with seconds and an explicit offset or `Z`,
 * e.g. `2026-03-08T09:00:00-05:00`. A date-time without an offset is ambiguous and rejected.
 */
export const InstantSchema = z.iso.datetime({ offset: true });
/** An ISO 8601 date-time with an offset or `Z` (see {@link InstantSchema}). */
export type Instant = z.infer<typeof InstantSchema>;

/** Human-readable text that is not empty and not only white space (names, titles, statements). */
export const TextSchema = z.string().check(
  z.minLength(1),
  z.refine((s) => s.length === 0 || s.trim().length > 0, {
    message: 'must contain text, not only spaces',
    params: { code: 'too_small' },
  }),
);

/** A whole number greater than zero. */
export const PositiveIntSchema = z.number().check(z.int(), z.positive());
/** A whole number zero or greater. */
export const NonNegativeIntSchema = z.number().check(z.int(), z.nonnegative());

/** An occurrence id `${routineId}@${LocalDate}` (see {@link OCCURRENCE_ID_PATTERN}). */
export const OccurrenceIdSchema = z.string().check(
  z.regex(OCCURRENCE_ID_PATTERN),
  z.refine((s) => isLocalDate(s.slice(-10)), {
    message: 'the date after "@" is not a real calendar date',
    params: { code: 'invalid_occurrence_id' },
  }),
);

/**
 * Whether a string is a real civil date `YYYY-MM-DD` (the check {@link LocalDateSchema} applies).
 *
 * @param value - the candidate
 */
export function isLocalDate(value: string): boolean {
  // The pattern of `z.iso.date()` itself, without a nested parse: occurrence ids call this
  // once each, thousands of times per schedule response.
  return LOCAL_DATE_PATTERN.test(value);
}

/** The pattern `z.iso.date()` checks (real calendar dates only). */
const LOCAL_DATE_PATTERN: RegExp = LocalDateSchema._zod.def.pattern!;
