/**
 * Day columns and week arithmetic for a board drawn in the program's time zone.
 *
 * @module
 */
import type { LocalDate } from '../model/index.js';
import {
  dayNumberToLocalDate,
  isoWeekdayOfDayNumber,
  localDateToDayNumber,
} from '../time/index.js';
import { instantToZoned, zonedToInstant } from '../time/index.js';

/** One civil day of a board, with the instants that bound it in the program's zone. */
export interface DayColumn {
  /** The civil date. */
  date: LocalDate;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** The first instant of the day (local midnight, or the end of a DST gap at midnight), ISO with offset. */
  start: string;
  /** {@link DayColumn.start} in epoch ms. */
  startMs: number;
  /** The first instant of the next day, ISO with offset (exclusive end). */
  end: string;
  /** {@link DayColumn.end} in epoch ms. */
  endMs: number;
  /** Real length of the day in minutes: 1440, or 1380 / 1500 on DST change days. */
  minutes: number;
}

function requireDay(date: string, name: string): number {
  const n = localDateToDayNumber(date);
  if (Number.isNaN(n)) throw new RangeError(`${name}: "${date}" is not a civil date YYYY-MM-DD`);
  return n;
}

/**
 * The first day of the week containing `date`.
 *
 * @param date - a civil date
 * @param firstDay - ISO weekday the week starts on: 1 = Monday (default) … 7 = Sunday
 * @throws RangeError when `date` is not a civil date
 * @example
 * ```ts
 * weekStart('2026-03-11', 1); // '2026-03-09' (Monday)
 * weekStart('2026-03-11', 7); // '2026-03-08' (Sunday)
 * ```
 */
export function weekStart(date: LocalDate, firstDay = 1): LocalDate {
  const day = requireDay(date, 'weekStart');
  const first = Math.min(7, Math.max(1, Math.trunc(firstDay) || 1));
  const back = (isoWeekdayOfDayNumber(day) - first + 7) % 7;
  return dayNumberToLocalDate(day - back);
}

/**
 * `count` consecutive day columns from `from`, each bounded by the instants at which the day
 * starts and ends in `timeZone`. Days are stepped on the calendar, never by adding 24 hours, so a
 * spring-forward day is 23 hours long and a fall-back day 25.
 *
 * @param from - the first civil date
 * @param count - number of days (0 or more)
 * @param timeZone - the program's IANA zone
 * @throws RangeError when `from` is not a civil date or the zone is unknown
 */
export function dayColumns(from: LocalDate, count: number, timeZone: string): DayColumn[] {
  const first = requireDay(from, 'dayColumns');
  const out: DayColumn[] = [];
  let next = zonedToInstant(from, '00:00', timeZone);
  for (let i = 0; i < count; i++) {
    const day = first + i;
    const start = next;
    next = zonedToInstant(dayNumberToLocalDate(day + 1), '00:00', timeZone);
    out.push({
      date: dayNumberToLocalDate(day),
      weekday: isoWeekdayOfDayNumber(day),
      start: start.iso,
      startMs: start.ms,
      end: next.iso,
      endMs: next.ms,
      minutes: Math.round((next.ms - start.ms) / 60_000),
    });
  }
  return out;
}

/** A wall-clock reading: civil date and minutes after midnight (fractional). */
export interface WallClock {
  /** The civil date. */
  date: LocalDate;
  /** Minutes after local midnight on the wall clock, 0 ≤ minute < 1440. */
  minute: number;
}

/**
 * Reads an instant on the wall clock of `timeZone`.
 *
 * @param ms - epoch milliseconds
 * @param timeZone - an IANA zone
 * @throws RangeError on an invalid instant or unknown zone
 */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const z = instantToZoned(ms, timeZone);
  const h = Number(z.time.slice(0, 2));
  const m = Number(z.time.slice(3, 5));
  return { date: z.date, minute: h * 60 + m + z.second / 60 };
}

/**
 * Reads the wall clock written in an ISO 8601 instant (`2026-03-08T03:30:00-04:00` →
 * `2026-03-08`, 210) without any zone lookup. Valid for instants formatted with the program
 * zone's offset, as `expandOccurrences` produces them; returns `null` for anything else.
 *
 * @param iso - an ISO 8601 date-time
 */
export function wallClockOf(iso: string): WallClock | null {
  if (iso.length < 16 || iso.charCodeAt(10) !== 84 /* T */) return null;
  const h = Number(iso.slice(11, 13));
  const m = Number(iso.slice(14, 16));
  if (!(h >= 0 && h <= 23 && m >= 0 && m <= 59)) return null;
  return { date: iso.slice(0, 10), minute: h * 60 + m };
}
