/**
 * iCalendar (RFC 5545) export of a document's schedule over a range.
 *
 * One VEVENT per routine carries the series clipped to the range: `DTSTART;TZID=` on the first
 * series date whose occurrence overlaps the range, `RRULE` (`FREQ`, `INTERVAL`, `BYDAY`, and
 * `COUNT` when the whole series lies in the range, else `UNTIL` in UTC), `RDATE`, and `EXDATE`
 * for excluded and cancelled dates. Moved and changed occurrences are overrides (same `UID`,
 * `RECURRENCE-ID;TZID=`). Occurrences whose wall-clock time is irregular on a DST day (start in
 * a gap or overlap, or a real duration that differs from the nominal one) are written as
 * overrides with explicit times too, so every client — whether it adds durations as wall-clock
 * (ical.js) or exact time (RFC 5545) — lands on the instants `expandOccurrences` gives.
 *
 * With a `participant`, a routine they attend on every date in the range keeps its RRULE form;
 * one whose audience changes for them within the range (admission, discharge, roster change)
 * is written as single VEVENTs (UID `${routineId}/${date}@${programId}`).
 *
 * @module
 */
import type { MilieuDocument } from '../model/index.js';
import { MS_PER_UTC_DAY } from '../time/civil.js';
import { createContext, expandRoutine } from './expand.js';
import { defaultStamp, series, single, type Writer } from './ical-events.js';
import { escapeText, foldLine, utcDateTimeValue } from './ical-text.js';
import { vtimezoneLines } from './ical-vtimezone.js';
import { compareOccurrences } from './order.js';
import {
  type InstantInput,
  type InstantRange,
  type Occurrence,
  ScheduleRangeError,
  toEpochMs,
} from './types.js';

/** Options of {@link toICalendar}. */
export interface ICalendarOptions {
  /** Only what this participant attends (required for their audience, plus their electives). */
  participant?: string;
  /** `PRODID`; default `-//Milieu Kit//@milieu/core//EN`. */
  prodId?: string;
  /**
   * `DTSTAMP` of every component. Default: midnight UTC of the latest routine start, exception
   * or roster date in the document — deterministic, no clock is read.
   */
  dtstamp?: InstantInput;
  /** `X-WR-CALNAME`; default the program name. */
  calendarName?: string;
}

/**
 * Writes the schedule over a range as an RFC 5545 iCalendar (CRLF line ends, lines folded at
 * 75 octets, TEXT escaped), with a VTIMEZONE for the program's zone generated from the
 * platform's transitions, one recurring VEVENT per routine and RECURRENCE-ID overrides for
 * moved, changed and DST-irregular occurrences. Output is deterministic (no clock).
 *
 * @param doc - a parsed milieu document
 * @param range - `[from, to)`; the export contains the occurrences overlapping it
 * @param opts - participant filter, `PRODID`, `DTSTAMP`, calendar name
 * @returns the iCalendar text
 * @throws ScheduleRangeError on a malformed range or an unknown participant
 * @example
 * ```ts
 * const ics = toICalendar(doc, { from: '2026-03-01T00:00:00-05:00', to: '2026-04-01T00:00:00-04:00' }, { participant: 'p-ana' });
 * ```
 */
export function toICalendar(
  doc: MilieuDocument,
  range: InstantRange,
  opts: ICalendarOptions = {},
): string {
  const ctx = createContext(doc, { from: range.from, to: range.to });
  const person = opts.participant;
  if (person !== undefined && !doc.people.participants.some((p) => p.id === person)) {
    throw new ScheduleRangeError('participant', `no participant "${person}" in the document`);
  }
  const personal =
    person === undefined
      ? undefined
      : createContext(doc, { from: range.from, to: range.to, participant: person });
  const stamp = utcDateTimeValue(
    opts.dtstamp === undefined ? defaultStamp(doc) : toEpochMs(opts.dtstamp, 'dtstamp'),
  );
  const w: Writer = {
    doc,
    ctx,
    lines: [],
    tz: doc.program.timeZone,
    stamp,
    lo: ctx.fromMs,
    hi: ctx.toMs,
  };
  const liveIds = (list: Occurrence[]): string =>
    list
      .filter((o) => o.status !== 'cancelled')
      .map((o) => o.id)
      .sort()
      .join('\n');

  for (const routine of doc.routines) {
    const all: Occurrence[] = [];
    const rule = expandRoutine(ctx, routine, all);
    if (rule === undefined || all.length === 0) continue;
    all.sort(compareOccurrences);
    if (personal) {
      const mine: Occurrence[] = [];
      expandRoutine(personal, routine, mine);
      const ids = liveIds(mine);
      if (ids === '') continue;
      if (ids !== liveIds(all)) {
        for (const o of mine.sort(compareOccurrences)) {
          if (o.status !== 'cancelled')
            single(w, `${routine.id}/${o.originalDate}@${doc.program.id}`, o);
        }
        continue;
      }
    }
    series(w, routine, rule, all);
  }

  const name = opts.calendarName ?? doc.program.name;
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${opts.prodId ?? '-//Milieu Kit//@milieu/core//EN'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${w.tz}`,
  ];
  const spanFrom = (Math.floor(w.lo / MS_PER_UTC_DAY) - 1) * MS_PER_UTC_DAY;
  const spanTo = (Math.floor(w.hi / MS_PER_UTC_DAY) + 2) * MS_PER_UTC_DAY;
  const all = [
    ...head,
    ...vtimezoneLines(ctx.rules, spanFrom, spanTo),
    ...w.lines,
    'END:VCALENDAR',
  ];
  return `${all.map(foldLine).join('\r\n')}\r\n`;
}
