/**
 * `facilitator-conflict`: facilitators are not double-booked and are employed on the date.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { Occurrence } from '../../schedule/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { dateList, groupBy } from '../util/group.js';
import { occurrencePointer } from '../util/pointers.js';
import { bookedPair } from './no-double-booking.js';

/**
 * A facilitator is not in two overlapping occurrences, and is employed on the date of each
 * occurrence they facilitate (`startDate ≤ date ≤ endDate`) — a staff member leaving mid-range
 * still facilitating afterwards is reported with the dates after their last day.
 */
export const facilitatorConflict = defineRule({
  id: 'facilitator-conflict',
  concern: 'structure',
  defaultSeverity: 'error',
  options: z.strictObject({}),
  docs: {
    description:
      'No facilitator is double-booked, and every facilitator is employed on the date of the occurrences they lead.',
    rationale:
      'A group whose facilitator is elsewhere, or has already left, is cancelled at the last minute — exactly the kind of unpredictability a milieu must avoid.',
    source:
      'Therapeutic milieu: consistency of staff; transitions (staff leaving) as a setback risk.',
  },
  messages: messagesFor('facilitator-conflict'),
  check(ctx) {
    const reports: RuleReport[] = [];
    const outside: {
      o: Occurrence;
      staffId: string;
      messageId: 'notYetEmployed' | 'noLongerEmployed';
      limit: string;
    }[] = [];
    for (const o of ctx.scheduled()) {
      for (const staffId of o.facilitatorIds) {
        const staff = ctx.staff(staffId)?.value;
        if (!staff || ctx.isEmployed(staff, o.localDate)) continue;
        if (o.localDate < staff.startDate)
          outside.push({ o, staffId, messageId: 'notYetEmployed', limit: staff.startDate });
        else
          outside.push({ o, staffId, messageId: 'noLongerEmployed', limit: staff.endDate ?? '' });
      }
    }
    for (const list of groupBy(
      outside,
      (x) => `${x.staffId}\u0000${occurrencePointer(ctx, x.o)}\u0000${x.messageId}`,
    ).values()) {
      const { o, staffId, messageId, limit } = list[0] as (typeof outside)[number];
      const staffPointer = ctx.staff(staffId)?.pointer ?? '/people/staff';
      reports.push({
        messageId,
        data: {
          name: ctx.nameOf(staffId),
          title: o.title,
          limit,
          count: list.length,
          dates: dateList(list.map((x) => x.o.localDate)),
        },
        path: [
          occurrencePointer(ctx, o, 'facilitatorIds'),
          `${staffPointer}/${messageId === 'notYetEmployed' ? 'startDate' : 'endDate'}`,
        ],
        related: {
          staffIds: [staffId],
          routineIds: [o.routineId],
          occurrenceIds: list.map((x) => x.o.id),
        },
        fix: 'fixEmployment',
      });
    }
    const none = new Set<string>();
    const pairs = ctx
      .conflicts()
      .filter((c) => c.kind === 'facilitator-double-booking')
      .flatMap((c) => {
        const pair = bookedPair(ctx, c, none);
        return pair ? [{ staffId: c.resourceId, pair }] : [];
      });
    for (const list of groupBy(
      pairs,
      (p) => `${p.staffId}\u0000${p.pair[0].routineId}\u0000${p.pair[1].routineId}`,
    ).values()) {
      const { staffId, pair } = list[0] as (typeof pairs)[number];
      const [a, b] = pair;
      reports.push({
        messageId: 'doubleBooked',
        data: {
          name: ctx.nameOf(staffId),
          a: a.title,
          b: b.title,
          count: list.length,
          dates: dateList(list.map((p) => p.pair[0].localDate)),
        },
        path: [
          occurrencePointer(ctx, b, 'facilitatorIds'),
          occurrencePointer(ctx, a, 'facilitatorIds'),
        ],
        related: {
          staffIds: [staffId],
          routineIds: [a.routineId, b.routineId],
          occurrenceIds: list.flatMap((p) => [p.pair[0].id, p.pair[1].id]),
        },
        fix: 'fixDoubleBooked',
      });
    }
    return reports;
  },
});
