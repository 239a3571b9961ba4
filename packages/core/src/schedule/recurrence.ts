/**
 * Recurrence expansion in civil-date arithmetic: the RFC 5545 subset `FREQ=DAILY|WEEKLY`,
 * `INTERVAL`, `BYDAY`, `UNTIL` (inclusive), `COUNT`, plus `RDATE` and `EXDATE`, evaluated on day
 * numbers. Expansion jumps straight to the requested window; only `COUNT` is counted from the
 * start (once per call).
 *
 * Semantics (as RFC 5545 and ical.js): `startDate` is the anchor; it is an occurrence only when it
 * matches the rule (a `WEEKLY` rule on MO,FR starting on a Wednesday first occurs on Friday).
 * `WEEKLY` weeks start on Monday (`WKST=MO`), which matters for `interval > 1`. `COUNT` counts
 * rule dates, including later-excluded ones, and not `rdates`. `exdates` remove rule dates and
 * `rdates` alike.
 *
 * @module
 */
import type { LocalDate, Recurrence } from '../model/index.js';
import {
  dayNumberToLocalDate,
  isoWeekdayOfDayNumber,
  localDateToDayNumber,
} from '../time/civil.js';

const WEEKDAY_BITS: Record<string, number> = { MO: 1, TU: 2, WE: 4, TH: 8, FR: 16, SA: 32, SU: 64 };
const ALL_DAYS = 127;

/** A recurrence compiled to day numbers. @internal */
export interface CompiledRecurrence {
  freq: 'DAILY' | 'WEEKLY';
  interval: number;
  /** Day number of `startDate`. */
  start: number;
  /** Bit per ISO weekday (bit 0 = Monday) that the rule generates on. */
  mask: number;
  /** Last day number the rule may generate (from `until` or `count`), `Infinity` when open. */
  last: number;
  /** Day numbers of `rdates`, sorted, unique. */
  rdates: number[];
  /** Day numbers of `exdates`. */
  exdates: Set<number>;
}

function day(date: string, what: string): number {
  const n = localDateToDayNumber(date);
  if (Number.isNaN(n))
    throw new RangeError(`recurrence ${what}: "${date}" is not a civil date YYYY-MM-DD`);
  return n;
}

/** Monday-based week index: week 0 runs Monday 1969-12-29 … Sunday 1970-01-04. */
const weekOf = (d: number): number => Math.floor((d + 3) / 7);
const bit = (d: number): number => 1 << (isoWeekdayOfDayNumber(d) - 1);

/**
 * Pushes the rule dates (no rdates/exdates) within `[lo, hi]` onto `out`, ascending;
 * `limit` stops after that many dates. @internal
 */
export function pushRuleDays(
  rule: CompiledRecurrence,
  lo: number,
  hi: number,
  out: number[],
  limit = Infinity,
): void {
  const from = Math.max(lo, rule.start);
  const to = Math.min(hi, rule.last);
  if (from > to || rule.mask === 0) return;
  let remaining = limit;
  if (rule.freq === 'DAILY') {
    const n = rule.interval;
    for (
      let d = rule.start + Math.ceil((from - rule.start) / n) * n;
      d <= to && remaining > 0;
      d += n
    ) {
      if (rule.mask === ALL_DAYS || rule.mask & bit(d)) {
        out.push(d);
        remaining--;
      }
    }
    return;
  }
  const n = rule.interval;
  const startWeek = weekOf(rule.start);
  let w = weekOf(from);
  const r = (((w - startWeek) % n) + n) % n;
  if (r !== 0) w += n - r;
  for (; w * 7 - 3 <= to && remaining > 0; w += n) {
    const monday = w * 7 - 3;
    for (let i = 0; i < 7; i++) {
      if (!(rule.mask & (1 << i))) continue;
      const d = monday + i;
      if (d < from) continue;
      if (d > to || remaining === 0) break;
      out.push(d);
      remaining--;
    }
  }
}

/**
 * Compiles a recurrence to day numbers, resolving `count` to the date of its last occurrence.
 * Cost is O(count / dates per period) for `count` rules and O(dates) otherwise. @internal
 *
 * @throws RangeError when a date in it is not a civil date
 */
export function compileRecurrence(rec: Recurrence): CompiledRecurrence {
  const start = day(rec.startDate, 'startDate');
  let mask = 0;
  if (rec.byDay && rec.byDay.length > 0)
    for (const code of rec.byDay) mask |= WEEKDAY_BITS[code] ?? 0;
  else mask = rec.freq === 'WEEKLY' ? bit(start) : ALL_DAYS;
  const rule: CompiledRecurrence = {
    freq: rec.freq,
    interval: Math.max(1, Math.floor(rec.interval ?? 1)),
    start,
    mask,
    last: rec.until === undefined ? Infinity : day(rec.until, 'until'),
    rdates: [...new Set((rec.rdates ?? []).map((d) => day(d, 'rdates')))].sort((a, b) => a - b),
    exdates: new Set((rec.exdates ?? []).map((d) => day(d, 'exdates'))),
  };
  if (rec.count !== undefined && rec.until === undefined) {
    const count = Math.floor(rec.count);
    if (count <= 0) rule.last = -Infinity;
    else {
      const buffer: number[] = [];
      // Generate in chunks of ~a year until `count` rule dates are found.
      let lo = start;
      const span = 366 * rule.interval;
      while (buffer.length < count && lo - start < span * 2000) {
        pushRuleDays(rule, lo, lo + span - 1, buffer, count - buffer.length);
        lo += span;
      }
      rule.last = buffer.length === count ? (buffer[count - 1] as number) : Infinity;
    }
  }
  return rule;
}

/** Whether the rule (without rdates/exdates) generates day `d`. @internal */
export function isRuleDay(rule: CompiledRecurrence, d: number): boolean {
  if (d < rule.start || d > rule.last || !(rule.mask & bit(d))) return false;
  if (rule.freq === 'DAILY') return (d - rule.start) % rule.interval === 0;
  return (weekOf(d) - weekOf(rule.start)) % rule.interval === 0;
}

/** Whether `d` is in the recurrence set (rule or rdate, and not an exdate). @internal */
export function isSeriesDay(rule: CompiledRecurrence, d: number): boolean {
  if (rule.exdates.has(d)) return false;
  return isRuleDay(rule, d) || rule.rdates.includes(d);
}

/**
 * Day numbers of the recurrence set within `[lo, hi]` (inclusive), ascending and unique:
 * rule dates plus rdates, minus exdates. @internal
 */
export function seriesDays(rule: CompiledRecurrence, lo: number, hi: number): number[] {
  const out: number[] = [];
  pushRuleDays(rule, lo, hi, out);
  if (rule.rdates.length > 0) {
    let added = false;
    for (const d of rule.rdates) {
      if (d >= lo && d <= hi && !isRuleDay(rule, d)) {
        out.push(d);
        added = true;
      }
    }
    if (added) out.sort((a, b) => a - b);
  }
  if (rule.exdates.size === 0) return out;
  return out.filter((d) => !rule.exdates.has(d));
}

/**
 * Expands a recurrence to the civil dates it occurs on within `[from, to]` (both inclusive),
 * ascending. Pure civil-date arithmetic: no zone is involved.
 *
 * @param recurrence - a routine's `recurrence`
 * @param from - first civil date of the window
 * @param to - last civil date of the window (inclusive)
 * @throws RangeError when a date is not a civil date
 * @example
 * ```ts
 * expandRecurrence({ freq: 'WEEKLY', byDay: ['MO', 'TH'], startDate: '2026-03-02' }, '2026-03-01', '2026-03-10');
 * // ['2026-03-02', '2026-03-05', '2026-03-09']
 * ```
 */
export function expandRecurrence(
  recurrence: Recurrence,
  from: LocalDate,
  to: LocalDate,
): LocalDate[] {
  const rule = compileRecurrence(recurrence);
  return seriesDays(rule, day(from, 'window from'), day(to, 'window to')).map(dayNumberToLocalDate);
}
