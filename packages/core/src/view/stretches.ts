/**
 * Empty stretches: unscheduled waking time longer than the `no-empty-stretch` rule allows. One
 * function decides them for the rule's findings and for a board's hatching, so the two can
 * never disagree.
 *
 * @module
 */
import type { EmptyStretchOptions } from '../contract/schedule.js';
import { findGaps } from '../layout/gaps.js';
import type { ActivityKind, LocalDate } from '../model/index.js';
import { formatInstant, zonedToInstant } from '../time/index.js';

/** What {@link emptyStretches} reads of an occurrence: an `Occurrence` and a view item satisfy it. */
export interface StretchItem {
  /** The activity kind (`wake-up` and `lights-out` bound waking hours). */
  kind: ActivityKind;
  /** Cancelled occurrences leave their time empty. */
  status: string;
  /** The civil date the occurrence belongs to, in the program's zone. */
  localDate: LocalDate;
  /** Start, epoch ms. */
  startMs: number;
  /** End, epoch ms. */
  endMs: number;
}

/** One empty stretch of one day. */
export interface EmptyStretch {
  /** The day it belongs to. */
  date: LocalDate;
  /** Start, epoch ms. */
  startMs: number;
  /** End, epoch ms. */
  endMs: number;
  /** Start on the wall clock of the program's zone, `HH:MM`. */
  from: string;
  /** End on the wall clock, `HH:MM` (`00:00` when it runs to midnight). */
  to: string;
  /** Start in wall-clock minutes after local midnight, for drawing. */
  startMin: number;
  /** End in wall-clock minutes after local midnight (up to 1440), for drawing. */
  endMin: number;
  /** Real elapsed length in hours, rounded to a tenth (a DST day's missing hour is not counted). */
  hours: number;
}

const minutesOf = (hhmm: string): number =>
  Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Wall-clock instants already resolved: a pure function of its arguments, asked once a day per check. */
const instants = new Map<string, number>();

/** `zonedToInstant(date, time, timeZone).ms`, memoised (bounded). */
function instantOf(
  date: LocalDate,
  time: EmptyStretchOptions['wakingStart'],
  timeZone: string,
): number {
  const key = `${timeZone} ${date} ${time}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    ms = zonedToInstant(date, time, timeZone).ms;
    if (instants.size >= 4096) instants.clear();
    instants.set(key, ms);
  }
  return ms;
}

/**
 * The waking hours of `date` as the rule sees them: from the day's earliest `wake-up` to its
 * latest `lights-out` when `useWakeAndLightsOut` and the day has them, otherwise `wakingStart`
 * to `wakingEnd` in `timeZone`; `null` when they are empty.
 *
 * @param items - occurrences of the day (others are ignored)
 * @param date - the civil date
 * @param timeZone - the program's IANA zone
 * @param options - the resolved `no-empty-stretch` options
 */
export function wakingHours(
  items: readonly StretchItem[],
  date: LocalDate,
  timeZone: string,
  options: EmptyStretchOptions,
): { startMs: number; endMs: number } | null {
  let start = instantOf(date, options.wakingStart, timeZone);
  let end = instantOf(date, options.wakingEnd, timeZone);
  if (options.useWakeAndLightsOut) {
    // One pass over the items: the earliest wake-up, and the lights-out starts of the day (the
    // latest one after the wake-up ends the day).
    let wake = Infinity;
    let lightsOut: number[] | undefined;
    for (const x of items) {
      if (x.localDate !== date || x.status === 'cancelled') continue;
      if (x.kind === 'wake-up') {
        if (x.startMs < wake) wake = x.startMs;
      } else if (x.kind === 'lights-out') (lightsOut ??= []).push(x.startMs);
    }
    if (wake !== Infinity) start = wake;
    let sleep = -Infinity;
    for (const ms of lightsOut ?? []) if (ms > start && ms > sleep) sleep = ms;
    if (sleep !== -Infinity) end = sleep;
  }
  return end > start ? { startMs: start, endMs: end } : null;
}

/**
 * The empty stretches of `date`: waking time (see {@link wakingHours}) that no occurrence
 * covers, lasting strictly longer than `options.maxHours` in real elapsed time. Cancelled
 * occurrences and kinds in `options.ignoreKinds` do not fill time; occurrences of other days
 * count where they overlap (an overnight activity from the day before). The `no-empty-stretch`
 * rule reports exactly these, and a board hatches exactly these.
 *
 * @param items - occurrences around `date` (any order; those outside its waking hours are ignored)
 * @param date - the civil date
 * @param timeZone - the program's IANA zone
 * @param options - the resolved `no-empty-stretch` options (`emptyStretchOptions`, or the
 *   schedule resource's `emptyStretch`)
 * @throws RangeError when the zone is unknown or `date` is not a civil date
 * @example
 * ```ts
 * emptyStretches(occurrences, '2026-03-14', 'America/New_York', response.emptyStretch!);
 * // [{ date: '2026-03-14', from: '12:45', to: '17:30', hours: 4.8, … }]
 * ```
 */
export function emptyStretches(
  items: readonly StretchItem[],
  date: LocalDate,
  timeZone: string,
  options: EmptyStretchOptions,
): EmptyStretch[] {
  const waking = wakingHours(items, date, timeZone, options);
  if (!waking) return [];
  const { startMs: start, endMs: end } = waking;
  const ignore = options.ignoreKinds;
  const busy = [];
  for (const x of items) {
    if (x.status === 'cancelled' || ignore.includes(x.kind)) continue;
    if (x.endMs <= start || x.startMs >= end) continue;
    busy.push({ startMin: (x.startMs - start) / 60_000, endMin: (x.endMs - start) / 60_000 });
  }
  const limit = options.maxHours * 60;
  const out: EmptyStretch[] = [];
  for (const g of findGaps(busy, 0, (end - start) / 60_000, limit)) {
    if (g.endMin - g.startMin <= limit) continue;
    const startMs = start + g.startMin * 60_000;
    const endMs = start + g.endMin * 60_000;
    const a = formatInstant(startMs, timeZone);
    const b = formatInstant(endMs, timeZone);
    const from = a.slice(11, 16);
    const to = b.slice(11, 16);
    out.push({
      date,
      startMs,
      endMs,
      from,
      to,
      startMin: a.slice(0, 10) < date ? 0 : minutesOf(from),
      endMin: b.slice(0, 10) > date ? 1440 : minutesOf(to),
      hours: Math.round(((g.endMin - g.startMin) / 60) * 10) / 10,
    });
  }
  return out;
}
