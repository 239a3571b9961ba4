/**
 * `expandOccurrences`: routines → concrete occurrences in a half-open range of instants.
 *
 * Dates are generated in civil arithmetic (see `recurrence.ts`), then each wall-clock start and
 * end is converted once with the zone's cached offsets (see `time/zone.ts`). An occurrence is
 * in the range when it overlaps it: `startMs < to && endMs > from` (a zero-length one when
 * `from <= startMs < to`).
 *
 * @module
 */
import type { MilieuDocument, Routine, RoutineException } from '../model/index.js';
import { dayNumberToLocalDate, localDateToDayNumber, localTimeToMinutes } from '../time/civil.js';
import { type Resolved, type ZoneRules, zoneRules } from '../time/zone.js';
import { RoutineAudience, StayIndex } from './audience.js';
import {
  type CompiledRecurrence,
  compileRecurrence,
  isSeriesDay,
  seriesDays,
} from './recurrence.js';
import { mergeRuns } from './order.js';
import { type ExpandOptions, type Occurrence, ScheduleRangeError, toEpochMs } from './types.js';

/** Everything one expansion needs, computed once per call. @internal */
export interface ExpandContext {
  rules: ZoneRules;
  stays: StayIndex;
  fromMs: number;
  toMs: number;
  /** First and last local day whose occurrences may overlap the range. */
  firstDay: number;
  lastDay: number;
  participant?: string | undefined;
  staff?: string | undefined;
  location?: string | undefined;
  includeCancelled: boolean;
}

/**
 * Validates the range and builds an {@link ExpandContext}. @internal
 *
 * @throws ScheduleRangeError on a malformed or reversed range
 */
export function createContext(doc: MilieuDocument, opts: ExpandOptions): ExpandContext {
  if (opts === null || typeof opts !== 'object')
    throw new ScheduleRangeError('options', 'expected { from, to }');
  const fromMs = toEpochMs(opts.from, 'from');
  const toMs = toEpochMs(opts.to, 'to');
  if (toMs < fromMs)
    throw new ScheduleRangeError('to', `${String(opts.to)} is before from ${String(opts.from)}`);
  const rules = zoneRules(doc.program.timeZone);
  return {
    rules,
    stays: new StayIndex(doc),
    fromMs,
    toMs,
    // A routine lasts at most 24 h, so the day before `from` can still overlap it.
    firstDay: rules.localDayOf(fromMs) - 1,
    lastDay: rules.localDayOf(toMs),
    participant: opts.participant,
    staff: opts.staff,
    location: opts.location,
    includeCancelled: opts.includeCancelled ?? true,
  };
}

const scratchStart: Resolved = { ms: 0, offsetMs: 0, shifted: false, ambiguous: false };
const scratchEnd: Resolved = { ms: 0, offsetMs: 0, shifted: false, ambiguous: false };

function minutes(time: string, what: string, routine: Routine): number {
  const m = localTimeToMinutes(time);
  if (Number.isNaN(m))
    throw new RangeError(`routine ${routine.id}: ${what} "${time}" is not HH:MM`);
  return m;
}

/** Could any occurrence of this routine pass the staff/location filters? */
function mayMatch(ctx: ExpandContext, routine: Routine): boolean {
  if (ctx.staff !== undefined && !routine.facilitatorIds.includes(ctx.staff)) {
    if (
      !routine.exceptions.some(
        (e) => e.type === 'changed' && e.facilitatorIds?.includes(ctx.staff as string),
      )
    )
      return false;
  }
  if (ctx.location !== undefined && routine.locationId !== ctx.location) {
    if (!routine.exceptions.some((e) => e.type !== 'cancelled' && e.locationId === ctx.location))
      return false;
  }
  return true;
}

/**
 * Expands one routine into `out` (unsorted). Returns the compiled recurrence for reuse. @internal
 */
export function expandRoutine(
  ctx: ExpandContext,
  routine: Routine,
  out: Occurrence[],
): CompiledRecurrence | undefined {
  if (ctx.toMs <= ctx.fromMs || !mayMatch(ctx, routine)) return undefined;
  const rule = compileRecurrence(routine.recurrence);
  const audience = new RoutineAudience(routine, ctx.stays);
  const startMin = minutes(routine.start, 'start', routine);
  const endMin = minutes(routine.end, 'end', routine);
  let exceptions: Map<number, RoutineException> | undefined;
  if (routine.exceptions.length > 0) {
    exceptions = new Map();
    for (const e of routine.exceptions) {
      const d = localDateToDayNumber(e.date);
      if (!Number.isNaN(d) && !exceptions.has(d)) exceptions.set(d, e);
    }
  }
  for (const d of seriesDays(rule, ctx.firstDay, ctx.lastDay)) {
    const exc = exceptions?.get(d);
    if (exc?.type === 'moved') continue;
    emit(ctx, routine, audience, d, d, startMin, endMin, exc, out);
  }
  if (exceptions) {
    for (const [d, exc] of exceptions) {
      if (exc.type !== 'moved' || !isSeriesDay(rule, d)) continue;
      const newDay = exc.newDate === undefined ? d : localDateToDayNumber(exc.newDate);
      if (Number.isNaN(newDay)) continue;
      emit(
        ctx,
        routine,
        audience,
        d,
        newDay,
        minutes(exc.start, 'moved start', routine),
        minutes(exc.end, 'moved end', routine),
        exc,
        out,
      );
    }
  }
  return rule;
}

function emit(
  ctx: ExpandContext,
  routine: Routine,
  audience: RoutineAudience,
  originalDay: number,
  day: number,
  startMin: number,
  endMin: number,
  exc: RoutineException | undefined,
  out: Occurrence[],
): void {
  if (exc?.type === 'cancelled' && !ctx.includeCancelled) return;
  const s = ctx.rules.resolve(day, startMin * 60_000, scratchStart);
  const e = ctx.rules.resolve(endMin <= startMin ? day + 1 : day, endMin * 60_000, scratchEnd);
  const startMs = s.ms;
  // A wall-clock interval lying wholly in a spring-forward gap (02:30–03:00) ends before its
  // shifted start (03:30): it collapses to zero length at the shifted start.
  const endMs = Math.max(e.ms, startMs);
  if (
    startMs === endMs
      ? startMs < ctx.fromMs || startMs >= ctx.toMs
      : startMs >= ctx.toMs || endMs <= ctx.fromMs
  )
    return;

  let title = routine.title;
  let description = routine.description;
  let locationId = routine.locationId;
  let facilitatorIds = routine.facilitatorIds;
  if (exc?.type === 'changed') {
    if (exc.title !== undefined) title = exc.title;
    if (exc.description !== undefined) description = exc.description;
    if (exc.locationId !== undefined) locationId = exc.locationId;
    if (exc.facilitatorIds !== undefined) facilitatorIds = exc.facilitatorIds;
  } else if (exc?.type === 'moved' && exc.locationId !== undefined) locationId = exc.locationId;
  if (ctx.staff !== undefined && !facilitatorIds.includes(ctx.staff)) return;
  if (ctx.location !== undefined && locationId !== ctx.location) return;
  const participants = audience.at(day);
  if (ctx.participant !== undefined && !participants.includes(ctx.participant)) return;

  const originalDate = dayNumberToLocalDate(originalDay);
  const occ: Occurrence = {
    id: `${routine.id}@${originalDate}`,
    routineId: routine.id,
    routine,
    kind: routine.kind,
    title,
    localDate: day === originalDay ? originalDate : dayNumberToLocalDate(day),
    originalDate,
    start: s.shifted
      ? ctx.rules.format(startMs)
      : ctx.rules.formatWall(day, startMin * 60_000, s.offsetMs),
    end:
      e.shifted || endMs !== e.ms
        ? ctx.rules.format(endMs)
        : ctx.rules.formatWall(endMin <= startMin ? day + 1 : day, endMin * 60_000, e.offsetMs),
    startMs,
    endMs,
    facilitatorIds: facilitatorIds.slice(),
    participantIds: participants.slice(),
    attendance: routine.attendance,
    status: exc === undefined ? 'scheduled' : exc.type,
  };
  if (description !== undefined) occ.description = description;
  if (locationId !== undefined) occ.locationId = locationId;
  if (s.shifted) occ.dstShifted = true;
  if (exc?.type === 'moved') {
    const rs = minutes(routine.start, 'start', routine);
    const re = minutes(routine.end, 'end', routine);
    const os = ctx.rules.resolve(originalDay, rs * 60_000, scratchStart).ms;
    const originalStart = ctx.rules.format(os);
    const oe = ctx.rules.resolve(
      re <= rs ? originalDay + 1 : originalDay,
      re * 60_000,
      scratchEnd,
    ).ms;
    occ.exception = { ...exc, originalStart, originalEnd: ctx.rules.format(oe) };
  } else if (exc !== undefined) occ.exception = exc;
  out.push(occ);
}

/**
 * Expands a document's routines into the occurrences that overlap the half-open range
 * `[from, to)` of instants, in the program's time zone, sorted by `startMs` then `id`.
 *
 * - ids are stable: `${routineId}@${originalLocalDate}`;
 * - exceptions apply: `cancelled` (kept with `status: 'cancelled'` unless
 *   `includeCancelled: false`), `moved` (new date/time/location; `exception.originalStart` and
 *   `originalEnd` hold the old instants), `changed` (title, description, location, facilitators);
 * - `end <= start` ends the next day; times in a DST gap move forward by the gap and set
 *   `dstShifted`; times in an overlap take the first instant; durations follow the wall clock
 *   (01:00–03:00 lasts 3 h on a fall-back night, 1 h on a spring-forward night);
 * - `participantIds` is the audience on that date (stays, groups, electives, roster changes
 *   effective on or before it).
 *
 * @param doc - a parsed milieu document
 * @param opts - `from`/`to` (ISO 8601 with offset, `Date` or epoch ms) and optional filters
 * @returns occurrences overlapping the range, sorted
 * @throws ScheduleRangeError when `from`/`to` are malformed (e.g. no offset) or `to < from`
 * @example
 * ```ts
 * const week = expandOccurrences(doc, { from: '2026-03-09T00:00:00-04:00', to: '2026-03-16T00:00:00-04:00' });
 * ```
 */
export function expandOccurrences(doc: MilieuDocument, opts: ExpandOptions): Occurrence[] {
  const ctx = createContext(doc, opts);
  const runs: Occurrence[][] = [];
  for (const routine of doc.routines) {
    const run: Occurrence[] = [];
    expandRoutine(ctx, routine, run);
    if (run.length > 0) runs.push(run);
  }
  return mergeRuns(runs);
}
