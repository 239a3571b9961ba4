/**
 * `attendance-recorded`: attendance is taken for every occurrence soon after it ends.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ACTIVITY_KINDS } from '../../model/index.js';
import { attendanceCompleteness, UNRECORDED_KINDS } from '../../schedule/attendance.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { dateList } from '../util/group.js';

/** One hour in milliseconds (a duration, not a day: no DST involved). */
const HOUR_MS = 3_600_000;

/**
 * For the occurrences of the checked range that ended more than `hours` (default 24) before
 * `now`: every expected member (audience, roster changes, electives and stays applied; nobody
 * for a cancelled occurrence or one of the `unrecordedKinds`: meals, daily anchors, free time)
 * has an attendance record (see `attendanceCompleteness`). One
 * finding per routine lists the dates and the number of missing records.
 */
export const attendanceRecorded = defineRule({
  id: 'attendance-recorded',
  concern: 'structure',
  defaultSeverity: 'warn',
  options: z.strictObject({
    hours: z._default(z.number().check(z.gte(0)), 24),
    unrecordedKinds: z._default(z.array(z.enum(ACTIVITY_KINDS)), [
      ...UNRECORDED_KINDS,
    ] as (typeof ACTIVITY_KINDS)[number][]),
  }),
  docs: {
    description:
      'Attendance is recorded for every member of an occurrence within 24 hours of its end (tunable).',
    rationale:
      'Attendance is how a team sees who is engaging and who is drifting away; an occurrence left without a record for a day is usually never recorded, and the gap hides exactly the people who need a follow-up.',
    source:
      'Group documentation practice in behavioral-health records (e.g. CMS Conditions of Participation 42 CFR 482.61 on progress and treatment documentation; Joint Commission RC.02.01.01).',
  },
  messages: messagesFor('attendance-recorded'),
  check(ctx) {
    const cutoff = ctx.now.ms - ctx.options.hours * HOUR_MS;
    const ended = ctx.occurrences().filter((o) => o.status !== 'cancelled' && o.endMs <= cutoff);
    const complete = attendanceCompleteness(ended, ctx.doc.records.attendance, ctx.now.ms, {
      unrecordedKinds: ctx.options.unrecordedKinds,
    });
    const byRoutine = new Map<
      string,
      { dates: string[]; ids: string[]; missing: Set<string>; count: number }
    >();
    ended.forEach((o, i) => {
      const c = complete[i];
      if (!c || c.state !== 'overdue') return;
      let entry = byRoutine.get(o.routineId);
      if (!entry)
        byRoutine.set(o.routineId, (entry = { dates: [], ids: [], missing: new Set(), count: 0 }));
      entry.dates.push(o.localDate);
      entry.ids.push(o.id);
      entry.count += c.missing.length;
      for (const id of c.missing) entry.missing.add(id);
    });
    const reports: RuleReport[] = [];
    for (const [routineId, entry] of byRoutine) {
      const o = ctx.occurrence(entry.ids[0] ?? '');
      reports.push({
        messageId: 'missing',
        data: {
          title: o?.title ?? routineId,
          count: entry.ids.length,
          dates: dateList(entry.dates),
          records: entry.count,
          hours: ctx.options.hours,
        },
        path: ['/records/attendance', ctx.routinePointer(routineId)],
        related: {
          routineIds: [routineId],
          occurrenceIds: entry.ids,
          participantIds: [...entry.missing],
        },
        fix: 'fixMissing',
      });
    }
    return reports;
  },
});
