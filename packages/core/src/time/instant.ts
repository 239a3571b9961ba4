/**
 * Public conversions between instants and wall-clock times in an IANA zone.
 *
 * @module
 */
import type { LocalDate, LocalTime } from '../model/index.js';
import {
  civilToDayNumber,
  dayNumberToLocalDate,
  minutesToLocalTime,
  MS_PER_UTC_DAY,
  localDateToDayNumber,
  localTimeToMinutes,
} from './civil.js';
import { type Resolved, zoneRules } from './zone.js';

/** The instant a wall-clock time in a zone denotes (see {@link zonedToInstant}). */
export interface ZonedInstant {
  /** Epoch milliseconds. */
  ms: number;
  /** The zone's offset at that instant, in minutes east of UTC (`-240` for EDT, `330` for IST). */
  offsetMinutes: number;
  /** ISO 8601 with the offset, e.g. `2026-03-08T03:30:00-04:00`. */
  iso: string;
  /** The wall-clock time did not exist (spring-forward gap) and was moved forward by the gap length. */
  shifted: boolean;
  /** The wall-clock time happened twice (fall-back overlap); `ms` is the first (earlier) one. */
  ambiguous: boolean;
}

/**
 * Converts a wall-clock date and time in an IANA zone to an instant, exactly as RFC 5545
 * §3.3.5 prescribes (and Temporal's `disambiguation: 'compatible'`):
 *
 * - a time inside a spring-forward gap is read with the offset from before the gap, so it lands
 *   the gap length later: `02:30` on 2026-03-08 in America/New_York is `03:30-04:00`, `shifted`;
 * - a time inside a fall-back overlap is the first of its two instants: `01:30` on 2026-11-01 in
 *   America/New_York is `01:30-04:00` (EDT), `ambiguous`.
 *
 * @param localDate - the civil date, `YYYY-MM-DD`
 * @param localTime - the wall-clock time, `HH:MM` (or `HH:MM:SS`)
 * @param zone - an IANA zone such as `Europe/Berlin`
 * @throws RangeError on a malformed date or time, or a zone the runtime does not know
 * @example
 * ```ts
 * zonedToInstant('2026-03-08', '02:30', 'America/New_York').iso; // '2026-03-08T03:30:00-04:00'
 * ```
 */
export function zonedToInstant(
  localDate: LocalDate,
  localTime: LocalTime,
  zone: string,
): ZonedInstant {
  const day = localDateToDayNumber(localDate);
  if (Number.isNaN(day))
    throw new RangeError(`zonedToInstant: localDate "${localDate}" is not YYYY-MM-DD`);
  const minutes = localTimeToMinutes(localTime);
  if (Number.isNaN(minutes))
    throw new RangeError(`zonedToInstant: localTime "${localTime}" is not HH:MM`);
  const rules = zoneRules(zone);
  const r: Resolved = rules.resolve(day, Math.round(minutes * 60_000), {
    ms: 0,
    offsetMs: 0,
    shifted: false,
    ambiguous: false,
  });
  return {
    ms: r.ms,
    offsetMinutes: r.offsetMs / 60_000,
    iso: rules.format(r.ms),
    shifted: r.shifted,
    ambiguous: r.ambiguous,
  };
}

/** A wall-clock reading of an instant in a zone (see {@link instantToZoned}). */
export interface ZonedDateTime {
  /** Civil date in the zone. */
  date: LocalDate;
  /** Wall-clock time `HH:MM` (seconds are in `second`). */
  time: LocalTime;
  /** Seconds 0–59 (with milliseconds as a fraction). */
  second: number;
  /** The zone's offset at the instant, in minutes east of UTC. */
  offsetMinutes: number;
}

function toMs(instant: number | Date): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('instant is not a valid time');
  return ms;
}

/**
 * Reads an instant as wall-clock date and time in an IANA zone.
 *
 * @param instant - epoch milliseconds or a `Date`
 * @param zone - an IANA zone
 * @throws RangeError on an invalid instant or unknown zone
 * @example
 * ```ts
 * instantToZoned(Date.UTC(2026, 2, 8, 7, 30), 'America/New_York');
 * // { date: '2026-03-08', time: '03:30', second: 0, offsetMinutes: -240 }
 * ```
 */
export function instantToZoned(instant: number | Date, zone: string): ZonedDateTime {
  const ms = toMs(instant);
  const offset = zoneRules(zone).offsetAt(ms);
  const local = ms + offset;
  const day = Math.floor(local / MS_PER_UTC_DAY);
  const msOfDay = local - day * MS_PER_UTC_DAY;
  return {
    date: dayNumberToLocalDate(day),
    time: minutesToLocalTime(Math.floor(msOfDay / 60_000)),
    second: (msOfDay % 60_000) / 1000,
    offsetMinutes: offset / 60_000,
  };
}

/**
 * Formats an instant as ISO 8601 with the zone's offset at that instant:
 * `2026-03-08T03:30:00-04:00`, `2026-07-01T09:00:00+05:30`, `2026-01-10T09:00:00+00:00`.
 *
 * @param instant - epoch milliseconds or a `Date`
 * @param zone - an IANA zone
 * @throws RangeError on an invalid instant or unknown zone
 */
export function formatInstant(instant: number | Date, zone: string): string {
  return zoneRules(zone).format(toMs(instant));
}

/**
 * The zone's offset at an instant in minutes east of UTC (`-300` for EST, `-150` for NDT).
 *
 * @param instant - epoch milliseconds or a `Date`
 * @param zone - an IANA zone
 */
export function zoneOffsetMinutes(instant: number | Date, zone: string): number {
  return zoneRules(zone).offsetAt(toMs(instant)) / 60_000;
}

/** A change of a zone's UTC offset (see {@link zoneTransitions}). */
export interface ZoneTransition {
  /** The first instant with the new offset, epoch ms. */
  atMs: number;
  /** Offset before, minutes east of UTC. */
  offsetBeforeMinutes: number;
  /** Offset from `atMs` on, minutes east of UTC. */
  offsetAfterMinutes: number;
}

/**
 * The offset transitions (DST starts and ends, rule changes) of a zone within `[fromMs, toMs)`.
 *
 * @param zone - an IANA zone
 * @param fromMs - start, epoch ms (inclusive)
 * @param toMs - end, epoch ms (exclusive)
 */
export function zoneTransitions(zone: string, fromMs: number, toMs: number): ZoneTransition[] {
  return zoneRules(zone)
    .transitions(fromMs, toMs)
    .map((t) => ({
      atMs: t.at,
      offsetBeforeMinutes: t.before / 60_000,
      offsetAfterMinutes: t.after / 60_000,
    }));
}

const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses an ISO 8601 date-time that carries an offset or `Z` to epoch milliseconds; returns
 * `NaN` for anything else — in particular for a date-time without an offset, which would
 * otherwise be read in the machine's zone.
 *
 * @param iso - e.g. `2026-03-08T09:00:00-05:00` or `2026-03-08T14:00Z`
 */
export function parseInstant(iso: string): number {
  const m = INSTANT_RE.exec(iso);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m;
  const date = localDateToDayNumber(`${y}-${mo}-${d}`);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (Number.isNaN(date) || hour > 23 || minute > 59 || second > 59) return NaN;
  let offset = 0;
  if (z === undefined) {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 23 || offM > 59) return NaN;
    offset = (sign === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
  }
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  return (
    civilToDayNumber(Number(y), Number(mo), Number(d)) * MS_PER_UTC_DAY +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    ms -
    offset
  );
}
