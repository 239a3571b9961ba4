/**
 * The shared check context: built once per `checkDocument` call, with the schedule expanded
 * and conflicts found at most once (lazily, on first use) for all rules.
 *
 * @module
 */
import { displayName } from '../layout/index.js';
import {
  WEEKDAYS,
  type LocalDate,
  type MilieuDocument,
  type Participant,
  type Staff,
} from '../model/index.js';
import {
  expandOccurrences,
  findConflicts,
  type Conflict,
  type Occurrence,
} from '../schedule/index.js';
import {
  addDays,
  formatInstant,
  instantToZoned,
  parseInstant,
  weekdayOf,
  zonedToInstant,
} from '../time/index.js';
import type { CheckContext, CheckNow, CheckRange, Located } from './types.js';

/** Weeks in the default range: the week of `now` (from Monday) and the next one. */
export const DEFAULT_RANGE_WEEKS = 2;

/** Start (epoch ms) of a local date in a zone (its first instant, even on a DST day). */
export function startOfLocalDay(date: LocalDate, zone: string): number {
  return zonedToInstant(date, '00:00', zone).ms;
}

/**
 * Builds the clock reading of `now` in the program zone.
 *
 * @param nowMs - epoch ms
 * @param zone - IANA zone
 */
export function clockAt(nowMs: number, zone: string): CheckNow {
  return { ms: nowMs, iso: formatInstant(nowMs, zone), date: instantToZoned(nowMs, zone).date };
}

/**
 * The checked range as whole local days: the days of `[fromMs, toMs)`, or by default the
 * {@link DEFAULT_RANGE_WEEKS} weeks starting on the Monday of the week of `now`.
 *
 * @param zone - IANA zone
 * @param now - the clock reading
 * @param bounds - explicit `[fromMs, toMs)` bounds, if given
 */
export function rangeOf(
  zone: string,
  now: CheckNow,
  bounds?: { fromMs: number; toMs: number },
): CheckRange {
  let first: LocalDate;
  let last: LocalDate;
  if (bounds) {
    first = instantToZoned(bounds.fromMs, zone).date;
    last = instantToZoned(Math.max(bounds.fromMs, bounds.toMs - 1), zone).date;
  } else {
    const isoWeekday = WEEKDAYS.indexOf(weekdayOf(now.date)); // Monday = 0
    first = addDays(now.date, -isoWeekday);
    last = addDays(first, DEFAULT_RANGE_WEEKS * 7 - 1);
  }
  const dates: LocalDate[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) dates.push(d);
  const fromMs = startOfLocalDay(first, zone);
  const toMs = startOfLocalDay(addDays(last, 1), zone);
  return { fromMs, toMs, from: formatInstant(fromMs, zone), to: formatInstant(toMs, zone), dates };
}

function locate<T extends { id: string }>(
  items: readonly T[],
  base: string,
): Map<string, Located<T>> {
  const map = new Map<string, Located<T>>();
  items.forEach((value, index) => {
    if (!map.has(value.id)) map.set(value.id, { value, index, pointer: `${base}/${index}` });
  });
  return map;
}

function lazy<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/**
 * Creates the shared {@link CheckContext}. Derived data (occurrences, conflicts, indexes) is
 * computed on first use and memoised, so the schedule is expanded at most once per check.
 *
 * @param doc - a valid document
 * @param now - the clock reading
 * @param range - the checked range
 */
export function createCheckContext(
  doc: MilieuDocument,
  now: CheckNow,
  range: CheckRange,
): CheckContext {
  const zone = doc.program.timeZone;
  const participants = locate(doc.people.participants, '/people/participants');
  const staff = locate(doc.people.staff, '/people/staff');
  const routines = locate(doc.routines, '/routines');
  const occurrences = lazy(() =>
    expandOccurrences(doc, { from: range.fromMs, to: range.toMs, includeCancelled: true }),
  );
  const scheduled = lazy(() => occurrences().filter((o) => o.status !== 'cancelled'));
  const byDate = lazy(() => {
    const map = new Map<LocalDate, Occurrence[]>();
    for (const o of scheduled()) {
      const list = map.get(o.localDate);
      if (list) list.push(o);
      else map.set(o.localDate, [o]);
    }
    return map;
  });
  const conflicts = lazy((): readonly Conflict[] =>
    findConflicts(scheduled(), { locations: doc.program.locations }),
  );
  const byId = lazy(() => {
    const map = new Map<string, Occurrence>();
    for (const o of occurrences()) map.set(o.id, o);
    return map;
  });
  const weeks = lazy(() => {
    const out: LocalDate[][] = [];
    for (let i = 0; i + 7 <= range.dates.length; i += 7) out.push(range.dates.slice(i, i + 7));
    return out;
  });
  return {
    doc,
    zone,
    now,
    range,
    occurrences,
    scheduled,
    scheduledOn: (date) => byDate().get(date) ?? [],
    conflicts,
    occurrence: (id) => byId().get(id),
    weeks,
    participant: (id) => participants.get(id),
    staff: (id) => staff.get(id),
    routinePointer: (id) => routines.get(id)?.pointer ?? '/routines',
    isStaying: (p: Participant, date: LocalDate) =>
      p.admissionDate <= date && (p.dischargeDate === undefined || date <= p.dischargeDate),
    isEmployed: (s: Staff, date: LocalDate) =>
      s.startDate <= date && (s.endDate === undefined || date <= s.endDate),
    localDateOf: (instant) =>
      instantToZoned(typeof instant === 'number' ? instant : parseInstant(instant), zone).date,
    nameOf: (id) => {
      const person = participants.get(id)?.value ?? staff.get(id)?.value;
      return person ? displayName(person, 'kiosk') : id;
    },
  };
}
