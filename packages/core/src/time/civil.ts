/**
 * Civil (calendar) date and wall-clock arithmetic, independent of any time zone.
 *
 * A civil date is handled as a *day number*: whole days since 1970-01-01 in the proleptic
 * Gregorian calendar (1970-01-01 is 0, 1969-12-31 is -1). Adding days to a civil date is integer
 * addition on day numbers — never `+ 86_400_000` on an instant, which is wrong across DST.
 *
 * @module
 */
import type { LocalDate, LocalTime, Weekday } from '../model/index.js';

/** Milliseconds in one UTC day. Used only for UTC epoch-day maths, never to step civil dates in a zone. */
export const MS_PER_UTC_DAY = 86_400_000;

const WEEKDAY_CODES: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * The day number of a proleptic Gregorian civil date (days since 1970-01-01), after
 * H. Hinnant's `days_from_civil`. No validation: month 1–12 and day 1–31 are expected.
 *
 * @param year - full year, e.g. 2026
 * @param month - 1–12
 * @param day - 1–31
 */
export function civilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The civil date `[year, month, day]` of a day number (inverse of {@link civilToDayNumber}).
 *
 * @param dayNumber - days since 1970-01-01
 */
export function dayNumberToCivil(dayNumber: number): [year: number, month: number, day: number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The day number of a `YYYY-MM-DD` civil date, or `NaN` when the string is not a real date
 * (`2026-02-30` is `NaN`).
 *
 * @param date - a {@link LocalDate}
 */
export function localDateToDayNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return NaN;
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 2);
  const d = digits(date, 8, 2);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return NaN;
  return civilToDayNumber(y, m, d);
}

const dateStrings = new Map<number, string>();

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The `YYYY-MM-DD` civil date of a day number (years 0–9999). Results are memoised.
 *
 * @param dayNumber - days since 1970-01-01
 */
export function dayNumberToLocalDate(dayNumber: number): LocalDate {
  let s = dateStrings.get(dayNumber);
  if (s === undefined) {
    const [y, m, d] = dayNumberToCivil(dayNumber);
    s = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
    if (dateStrings.size > 100_000) dateStrings.clear();
    dateStrings.set(dayNumber, s);
  }
  return s;
}

function requireDate(date: string, name: string): number {
  const n = localDateToDayNumber(date);
  if (Number.isNaN(n)) throw new RangeError(`${name}: "${date}" is not a civil date YYYY-MM-DD`);
  return n;
}

/**
 * Adds whole calendar days to a civil date (`addDays('2026-03-07', 1)` is `'2026-03-08'`,
 * whatever the DST rules of any zone).
 *
 * @param date - a {@link LocalDate}
 * @param days - days to add (negative to go back)
 * @throws RangeError when `date` is not a civil date
 */
export function addDays(date: LocalDate, days: number): LocalDate {
  return dayNumberToLocalDate(requireDate(date, 'addDays') + days);
}

/**
 * Whole calendar days from `a` to `b` (`daysBetween('2026-03-01', '2026-03-08')` is 7).
 *
 * @param a - the earlier {@link LocalDate}
 * @param b - the later {@link LocalDate}
 * @throws RangeError when either is not a civil date
 */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return requireDate(b, 'daysBetween') - requireDate(a, 'daysBetween');
}

/**
 * ISO weekday of a day number: 1 = Monday … 7 = Sunday.
 *
 * @param dayNumber - days since 1970-01-01 (a Thursday)
 */
export function isoWeekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/**
 * The iCalendar weekday code (`'MO'` … `'SU'`) of a civil date.
 *
 * @param date - a {@link LocalDate}
 * @throws RangeError when `date` is not a civil date
 */
export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAY_CODES[isoWeekdayOfDayNumber(requireDate(date, 'weekdayOf')) - 1] as Weekday;
}

/**
 * Minutes after midnight of a wall-clock time `HH:MM` (or `HH:MM:SS`, seconds as a fraction),
 * or `NaN` when it is not a time of day 00:00–23:59.
 *
 * @param time - a {@link LocalTime}
 */
export function localTimeToMinutes(time: string): number {
  if ((time.length !== 5 && time.length !== 8) || time.charCodeAt(2) !== 58) return NaN;
  const h = digits(time, 0, 2);
  const m = digits(time, 3, 2);
  let s = 0;
  if (time.length === 8) {
    if (time.charCodeAt(5) !== 58) return NaN;
    s = digits(time, 6, 2);
  }
  if (!(h <= 23 && m <= 59 && s <= 59)) return NaN;
  return h * 60 + m + s / 60;
}

/**
 * Formats minutes after midnight (0 ≤ minutes < 1440, whole) as `HH:MM`.
 *
 * @param minutes - minutes after midnight
 */
export function minutesToLocalTime(minutes: number): LocalTime {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/**
 * The first year of the supported range. Civil dates are four-digit years (0000–9999) and the
 * schedule and rule engines look up to a year either side of what they are given (a day or a
 * week around a range, a stay's length, a check's weeks), so a year of margin at each end keeps
 * every date they derive a real four-digit date.
 */
export const MIN_SUPPORTED_YEAR = 1;
/** The last year of the supported range (see {@link MIN_SUPPORTED_YEAR}). */
export const MAX_SUPPORTED_YEAR = 9998;
/** The first supported instant, `0001-01-01T00:00:00Z`, in epoch ms. */
export const MIN_SUPPORTED_MS: number = civilToDayNumber(MIN_SUPPORTED_YEAR, 1, 1) * MS_PER_UTC_DAY;
/** The first instant past the supported range, `9999-01-01T00:00:00Z`, in epoch ms (exclusive). */
export const MAX_SUPPORTED_MS: number =
  civilToDayNumber(MAX_SUPPORTED_YEAR + 1, 1, 1) * MS_PER_UTC_DAY;

/**
 * Whether an instant is in the supported range `[0001-01-01T00:00:00Z, 9999-01-01T00:00:00Z)`.
 * The schedule and rule engines throw their labelled errors (`ScheduleRangeError`,
 * `RuleConfigError`) for instants outside it; validate inputs with this first.
 *
 * @param ms - epoch milliseconds
 */
export function isSupportedInstant(ms: number): boolean {
  return ms >= MIN_SUPPORTED_MS && ms < MAX_SUPPORTED_MS;
}

/**
 * Whether a string is a real civil date `YYYY-MM-DD` in the supported years
 * ({@link MIN_SUPPORTED_YEAR}–{@link MAX_SUPPORTED_YEAR}).
 *
 * @param date - the candidate
 */
export function isSupportedDate(date: string): boolean {
  if (Number.isNaN(localDateToDayNumber(date))) return false;
  const year = Number(date.slice(0, 4));
  return year >= MIN_SUPPORTED_YEAR && year <= MAX_SUPPORTED_YEAR;
}

/** The message for a value outside the supported years. */
export const UNSUPPORTED_TIME_MESSAGE = `is outside the supported years ${String(MIN_SUPPORTED_YEAR).padStart(4, '0')}–${MAX_SUPPORTED_YEAR} (UTC)`;

const MIN_COMPUTABLE_MS = civilToDayNumber(0, 1, 1) * MS_PER_UTC_DAY;
const MAX_COMPUTABLE_MS = civilToDayNumber(10_000, 1, 1) * MS_PER_UTC_DAY;

/**
 * Whether an instant is within the four-digit years 0000–9999, where civil-date arithmetic
 * works: the margin around the supported range ({@link isSupportedInstant}) that derived
 * ranges may reach. Internal: the schedule engine's guard against unlabelled failures.
 *
 * @param ms - epoch milliseconds
 */
export function isComputableInstant(ms: number): boolean {
  return ms >= MIN_COMPUTABLE_MS && ms < MAX_COMPUTABLE_MS;
}

/** The message for an instant past the four-digit years. */
export const UNCOMPUTABLE_TIME_MESSAGE = 'is outside the four-digit years 0000–9999';
