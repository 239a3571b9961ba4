/**
 * IANA time zone maths from the platform (`Intl.DateTimeFormat` with `timeZone`), with a
 * cached per-zone offset lookup so that converting thousands of occurrences costs a few map
 * lookups each instead of a `formatToParts` call.
 *
 * How the cache works: for each UTC day touched, the zone's offset is read at the two
 * midnights (UTC) that bound it. Equal offsets mean the day has one constant offset; different
 * offsets mean a transition inside the day, found by bisection to the second and stored. This
 * assumes at most one offset change per UTC day, which holds for every zone in tzdata.
 *
 * @module
 */
import { civilToDayNumber, dayNumberToLocalDate, MS_PER_UTC_DAY } from './civil.js';

type DayEntry = number | { at: number; before: number; after: number };

/** Scratch result of {@link ZoneRules.resolve}; reuse one object in hot loops. @internal */
export interface Resolved {
  ms: number;
  offsetMs: number;
  shifted: boolean;
  ambiguous: boolean;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const clockStrings: string[] = [];
const offsetStrings = new Map<number, string>();

function clockString(minuteOfDay: number): string {
  let s = clockStrings[minuteOfDay];
  if (s === undefined) {
    s = `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}:00`;
    clockStrings[minuteOfDay] = s;
  }
  return s;
}

/** `+05:30`, `-03:30`, `+00:00` (seconds, only seen in pre-1900 local mean time, are appended). */
function offsetString(offsetMs: number): string {
  let s = offsetStrings.get(offsetMs);
  if (s === undefined) {
    const abs = Math.abs(offsetMs) / 1000;
    const h = Math.floor(abs / 3600);
    const m = Math.floor((abs % 3600) / 60);
    const sec = Math.round(abs % 60);
    s = `${offsetMs < 0 ? '-' : '+'}${pad2(h)}:${pad2(m)}${sec ? `:${pad2(sec)}` : ''}`;
    offsetStrings.set(offsetMs, s);
  }
  return s;
}

/**
 * The offset rules of one IANA zone, read lazily from `Intl` and cached. Obtain instances with
 * {@link zoneRules}. @internal
 */
export class ZoneRules {
  readonly zone: string;
  private readonly fmt: Intl.DateTimeFormat;
  private readonly boundaries = new Map<number, number>();
  private readonly days = new Map<number, DayEntry>();
  private readonly localDays = new Map<number, number>();

  constructor(zone: string) {
    this.zone = zone;
    try {
      this.fmt = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
        timeZone: zone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`"${zone}" is not an IANA time zone this runtime knows`);
    }
  }

  /** Offset (ms, local − UTC) read from `Intl` at `ms`; seconds precision. */
  private raw(ms: number): number {
    let y = 0;
    let mo = 1;
    let d = 1;
    let h = 0;
    let mi = 0;
    let s = 0;
    let bc = false;
    for (const p of this.fmt.formatToParts(ms)) {
      switch (p.type) {
        case 'year':
          y = Number(p.value);
          break;
        case 'month':
          mo = Number(p.value);
          break;
        case 'day':
          d = Number(p.value);
          break;
        case 'hour':
          h = Number(p.value) % 24;
          break;
        case 'minute':
          mi = Number(p.value);
          break;
        case 'second':
          s = Number(p.value);
          break;
        case 'era':
          bc = p.value.startsWith('B');
          break;
        default:
          break;
      }
    }
    if (bc) y = 1 - y;
    const local = civilToDayNumber(y, mo, d) * MS_PER_UTC_DAY + ((h * 60 + mi) * 60 + s) * 1000;
    return local - (ms - (((ms % 1000) + 1000) % 1000));
  }

  private boundary(utcDay: number): number {
    let o = this.boundaries.get(utcDay);
    if (o === undefined) {
      o = this.raw(utcDay * MS_PER_UTC_DAY);
      this.boundaries.set(utcDay, o);
    }
    return o;
  }

  private day(utcDay: number): DayEntry {
    let e = this.days.get(utcDay);
    if (e !== undefined) return e;
    const before = this.boundary(utcDay);
    const atEnd = this.boundary(utcDay + 1);
    if (before === atEnd) {
      e = before;
    } else {
      let lo = utcDay * MS_PER_UTC_DAY;
      let hi = lo + MS_PER_UTC_DAY;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (this.raw(mid) === before) lo = mid;
        else hi = mid;
      }
      e = { at: hi, before, after: this.raw(hi) };
    }
    if (this.days.size > 200_000) {
      this.days.clear();
      this.boundaries.clear();
      this.localDays.clear();
    }
    this.days.set(utcDay, e);
    return e;
  }

  /** The zone's offset at instant `ms`, in milliseconds (local − UTC). */
  offsetAt(ms: number): number {
    const e = this.day(Math.floor(ms / MS_PER_UTC_DAY));
    return typeof e === 'number' ? e : ms < e.at ? e.before : e.after;
  }

  /** The offset that holds for every instant of local day `dayNumber`, or NaN when a transition is near. */
  private localDayOffset(dayNumber: number): number {
    let o = this.localDays.get(dayNumber);
    if (o === undefined) {
      const a = this.day(dayNumber - 1);
      const b = this.day(dayNumber);
      const c = this.day(dayNumber + 1);
      o = typeof a === 'number' && a === b && b === c ? a : NaN;
      this.localDays.set(dayNumber, o);
    }
    return o;
  }

  /**
   * Resolves a wall-clock time to an instant with RFC 5545 §3.3.5 / Temporal `'compatible'`
   * disambiguation: in a gap, the offset from before the gap (so the time moves forward by the
   * gap length, `shifted`); in an overlap, the earlier instant (`ambiguous`).
   */
  resolve(dayNumber: number, msOfDay: number, out: Resolved): Resolved {
    const local = dayNumber * MS_PER_UTC_DAY + msOfDay;
    const constant = this.localDayOffset(dayNumber);
    out.shifted = false;
    out.ambiguous = false;
    if (constant === constant) {
      out.ms = local - constant;
      out.offsetMs = constant;
      return out;
    }
    const before = this.offsetAt(local - MS_PER_UTC_DAY);
    const after = this.offsetAt(local + MS_PER_UTC_DAY);
    const c1 = local - before;
    const c2 = local - after;
    const ok1 = this.offsetAt(c1) === before;
    const ok2 = before !== after && this.offsetAt(c2) === after;
    if (ok1 && ok2) {
      out.ambiguous = true;
      out.ms = Math.min(c1, c2);
      out.offsetMs = out.ms === c1 ? before : after;
    } else if (ok1 || ok2) {
      out.ms = ok1 ? c1 : c2;
      out.offsetMs = ok1 ? before : after;
    } else {
      out.shifted = true;
      out.ms = c1;
      out.offsetMs = this.offsetAt(c1);
    }
    return out;
  }

  /** The local day number that instant `ms` falls on. */
  localDayOf(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms)) / MS_PER_UTC_DAY);
  }

  /** ISO 8601 with this zone's offset, e.g. `2026-03-08T03:30:00-04:00` (`.sss` only when not whole seconds). */
  format(ms: number): string {
    const offset = this.offsetAt(ms);
    const local = ms + offset;
    const day = Math.floor(local / MS_PER_UTC_DAY);
    const msOfDay = local - day * MS_PER_UTC_DAY;
    const date = dayNumberToLocalDate(day);
    if (msOfDay % 60_000 === 0)
      return `${date}T${clockString(msOfDay / 60_000)}${offsetString(offset)}`;
    const totalSec = Math.floor(msOfDay / 1000);
    const frac = msOfDay % 1000;
    const clock = `${pad2(Math.floor(totalSec / 3600))}:${pad2(Math.floor(totalSec / 60) % 60)}:${pad2(totalSec % 60)}`;
    return `${date}T${clock}${frac ? `.${String(frac).padStart(3, '0')}` : ''}${offsetString(offset)}`;
  }

  /** ISO 8601 for a wall-clock reading already known to be valid (`msOfDay` whole minutes). */
  formatWall(dayNumber: number, msOfDay: number, offsetMs: number): string {
    if (msOfDay % 60_000 !== 0) return this.format(dayNumber * MS_PER_UTC_DAY + msOfDay - offsetMs);
    return `${dayNumberToLocalDate(dayNumber)}T${clockString(msOfDay / 60_000)}${offsetString(offsetMs)}`;
  }

  /** Offset transitions with `fromMs <= at < toMs`, in order. */
  transitions(fromMs: number, toMs: number): { at: number; before: number; after: number }[] {
    const out: { at: number; before: number; after: number }[] = [];
    const last = Math.floor(toMs / MS_PER_UTC_DAY);
    for (let d = Math.floor(fromMs / MS_PER_UTC_DAY); d <= last; d++) {
      const e = this.day(d);
      if (typeof e !== 'number' && e.at >= fromMs && e.at < toMs) out.push(e);
    }
    return out;
  }
}

const zones = new Map<string, ZoneRules>();

/**
 * The cached {@link ZoneRules} of an IANA zone (one `Intl.DateTimeFormat` per zone). @internal
 *
 * @throws RangeError when the runtime does not know the zone
 */
export function zoneRules(zone: string): ZoneRules {
  let z = zones.get(zone);
  if (z === undefined) {
    z = new ZoneRules(zone);
    zones.set(zone, z);
  }
  return z;
}
