/**
 * VEVENT writing for `toICalendar`: series (RRULE, RDATE, EXDATE), overrides and single events.
 *
 * @module
 * @internal
 */
import type { MilieuDocument, Routine } from '../model/index.js';
import {
  dayNumberToLocalDate,
  localDateToDayNumber,
  localTimeToMinutes,
  MS_PER_UTC_DAY,
} from '../time/civil.js';
import { parseInstant } from '../time/instant.js';
import type { Resolved } from '../time/zone.js';
import type { ExpandContext } from './expand.js';
import { escapeText, localDateTimeValue, utcDateTimeValue, wallClockValue } from './ical-text.js';
import { type CompiledRecurrence, isRuleDay, pushRuleDays } from './recurrence.js';
import type { Occurrence } from './types.js';

const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const fresh = (): Resolved => ({ ms: 0, offsetMs: 0, shifted: false, ambiguous: false });

/** State of one export. @internal */
export interface Writer {
  doc: MilieuDocument;
  ctx: ExpandContext;
  lines: string[];
  tz: string;
  stamp: string;
  lo: number;
  hi: number;
}

/** Default DTSTAMP: midnight UTC of the latest routine start, exception or roster date. @internal */
export function defaultStamp(doc: MilieuDocument): number {
  let max = '1970-01-01';
  for (const r of doc.routines) {
    for (const d of [
      r.recurrence.startDate,
      ...r.exceptions.map((e) => e.date),
      ...r.roster.map((c) => c.effective),
    ])
      if (d > max) max = d;
  }
  return localDateToDayNumber(max) * MS_PER_UTC_DAY;
}

/** `;TZID=zone:wall` when the wall clock names exactly this instant, else the UTC form. */
function timeProp(w: Writer, name: string, ms: number, iso: string): string {
  const local = ms + w.ctx.rules.offsetAt(ms);
  const day = Math.floor(local / MS_PER_UTC_DAY);
  const r = w.ctx.rules.resolve(day, local - day * MS_PER_UTC_DAY, fresh());
  w.lo = Math.min(w.lo, ms);
  w.hi = Math.max(w.hi, ms);
  return r.ms === ms && !r.ambiguous
    ? `${name};TZID=${w.tz}:${wallClockValue(iso)}`
    : `${name}:${utcDateTimeValue(ms)}`;
}

type Described = Pick<Occurrence, 'title' | 'description' | 'locationId' | 'kind' | 'exception'>;

function describe(w: Writer, o: Described, lines: string[]): void {
  lines.push(`SUMMARY:${escapeText(o.title)}`);
  if (o.description) lines.push(`DESCRIPTION:${escapeText(o.description)}`);
  const loc =
    o.locationId === undefined
      ? undefined
      : w.doc.program.locations.find((l) => l.id === o.locationId);
  if (o.locationId !== undefined) lines.push(`LOCATION:${escapeText(loc?.name ?? o.locationId)}`);
  lines.push(`CATEGORIES:${escapeText(o.kind)}`);
  if (o.exception) lines.push(`COMMENT:${escapeText(o.exception.reason)}`);
}

/** Writes one occurrence as a VEVENT (an override when `recurrenceId` is given). @internal */
export function single(w: Writer, uid: string, o: Occurrence, recurrenceId?: string): void {
  const lines = ['BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:${w.stamp}`];
  if (recurrenceId !== undefined) lines.push(recurrenceId);
  lines.push(timeProp(w, 'DTSTART', o.startMs, o.start), timeProp(w, 'DTEND', o.endMs, o.end));
  describe(w, o, lines);
  lines.push('END:VEVENT');
  w.lines.push(...lines);
}

/** Day is "irregular" when a client's reading of the master could differ from ours. */
function irregular(w: Writer, day: number, startMin: number, endMin: number): boolean {
  const r = w.ctx.rules;
  const s: Resolved = r.resolve(day, startMin * 60_000, fresh());
  const nominal = (endMin <= startMin ? endMin + 1440 : endMin) - startMin;
  const e: Resolved = r.resolve(endMin <= startMin ? day + 1 : day, endMin * 60_000, fresh());
  return s.shifted || s.ambiguous || e.shifted || e.ambiguous || e.ms - s.ms !== nominal * 60_000;
}

/** Writes a routine's occurrences as a recurring VEVENT, overrides and single events. @internal */
export function series(
  w: Writer,
  routine: Routine,
  rule: CompiledRecurrence,
  occs: Occurrence[],
): void {
  const uid = `${routine.id}@${w.doc.program.id}`;
  const slots = new Map<number, Occurrence>();
  for (const o of occs) {
    if (o.exception?.type === 'moved') {
      const os = parseInstant(o.exception.originalStart ?? '');
      const oe = parseInstant(o.exception.originalEnd ?? '');
      if (!(os < w.ctx.toMs && (oe > w.ctx.fromMs || (os === oe && os >= w.ctx.fromMs)))) {
        // The series slot lies outside the range: export the moved occurrence on its own.
        single(w, `${routine.id}/${o.originalDate}@${w.doc.program.id}`, o);
        continue;
      }
    }
    slots.set(localDateToDayNumber(o.originalDate), o);
  }
  const days = [...slots.keys()].sort((a, b) => a - b);
  if (days.length === 0) return;
  const startMin = localTimeToMinutes(routine.start);
  const endMin = localTimeToMinutes(routine.end);
  const isLive = (d: number): boolean =>
    slots.get(d) !== undefined && slots.get(d)?.status !== 'cancelled';
  const regular = (d: number): boolean => !irregular(w, d, startMin, endMin);
  const ruleDays: number[] = [];
  pushRuleDays(rule, days[0] as number, days[days.length - 1] as number, ruleDays);
  // DTSTART must be a live day whose wall clock is unambiguous (clients disagree on how they
  // read a DTSTART in a gap or overlap): earlier rule days that are live become single events.
  const first = ruleDays.findIndex((d) => isLive(d) && regular(d));
  const rrDays = first < 0 ? [] : ruleDays.slice(first);
  const singles = (first < 0 ? ruleDays : ruleDays.slice(0, first)).filter(isLive);
  let rdates = days.filter((d) => isLive(d) && !isRuleDay(rule, d));
  singles.push(...rdates.filter((d) => !regular(d)));
  rdates = rdates.filter(regular);
  // Without a rule there is nothing to recur: every date is its own event (an RDATE-only
  // series is read differently by clients; ical.js drops its DTSTART instance).
  if (rrDays.length < 2) singles.push(...rrDays, ...rdates.splice(0));
  for (const d of singles.sort((a, b) => a - b)) {
    single(
      w,
      `${routine.id}/${dayNumberToLocalDate(d)}@${w.doc.program.id}`,
      slots.get(d) as Occurrence,
    );
  }
  const dtDay = rrDays[0];
  if (rrDays.length < 2 || dtDay === undefined) return;

  const wall = (d: number): string => localDateTimeValue(d, startMin);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${w.stamp}`,
    `DTSTART;TZID=${w.tz}:${wall(dtDay)}`,
  ];
  w.lo = Math.min(w.lo, w.ctx.rules.resolve(dtDay, startMin * 60_000, fresh()).ms);
  lines.push(
    `DTEND;TZID=${w.tz}:${localDateTimeValue(endMin <= startMin ? dtDay + 1 : dtDay, endMin)}`,
  );
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.freq === 'WEEKLY' || rule.mask !== 127)
    parts.push(`BYDAY=${CODES.filter((_, i) => rule.mask & (1 << i)).join(',')}`);
  if (rule.freq === 'WEEKLY' && rule.interval > 1) parts.push('WKST=MO');
  const seriesFirst: number[] = [];
  pushRuleDays(rule, rule.start, rule.start + 7 * rule.interval + 7, seriesFirst, 1);
  const last = rrDays[rrDays.length - 1] as number;
  const { count, until } = routine.recurrence;
  if (count !== undefined && until === undefined && seriesFirst[0] === dtDay && rule.last <= last)
    parts.push(`COUNT=${count}`);
  else {
    const endOfDay =
      w.ctx.rules.resolve(last + 1, 0, { ms: 0, offsetMs: 0, shifted: false, ambiguous: false })
        .ms - 1000;
    parts.push(`UNTIL=${utcDateTimeValue(endOfDay)}`);
  }
  lines.push(`RRULE:${parts.join(';')}`);
  if (rdates.length > 0) lines.push(`RDATE;TZID=${w.tz}:${rdates.map(wall).join(',')}`);
  const exdates = rrDays.filter((d) => !isLive(d));
  if (exdates.length > 0) lines.push(`EXDATE;TZID=${w.tz}:${exdates.map(wall).join(',')}`);
  describe(
    w,
    {
      title: routine.title,
      description: routine.description,
      locationId: routine.locationId,
      kind: routine.kind,
    },
    lines,
  );
  lines.push('END:VEVENT');
  w.lines.push(...lines);

  for (const d of [...rrDays.filter(isLive), ...rdates]) {
    const o = slots.get(d) as Occurrence;
    if (o.status !== 'scheduled' || !regular(d))
      single(w, uid, o, `RECURRENCE-ID;TZID=${w.tz}:${wall(d)}`);
  }
}
