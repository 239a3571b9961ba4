/**
 * `staff-arrival-introduced`: new staff are introduced by their first shift.
 *
 * @module
 */
import * as z from 'zod/mini';
import { addDays } from '../../time/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

/**
 * Each staff member starting between `recentDays` (default 14) before and `lookAheadDays`
 * (default 14) after today is introduced by their first shift: an `introduction` task (done, or
 * dated on or before the first shift) in a `staff-arrival` transition for them, or in a
 * `staff-departure` naming them as successor. The first shift is the first occurrence in the
 * range they facilitate on or after their start date, else the start date. A profile shared with
 * participants counts when recorded as an introduction task.
 */
export const staffArrivalIntroduced = defineRule({
  id: 'staff-arrival-introduced',
  concern: 'transitions',
  defaultSeverity: 'warn',
  options: z.strictObject({
    recentDays: z._default(z.number().check(z.int(), z.gte(0)), 14),
    lookAheadDays: z._default(z.number().check(z.int(), z.gte(0)), 14),
  }),
  docs: {
    description:
      'New staff are introduced to the community (an introduction activity or profile) by their first shift.',
    rationale:
      'A stranger appearing on the floor unannounced unsettles a unit; being introduced lets participants know who is who before they need help from them.',
    source: 'Therapeutic milieu: transitions (staff arriving); Safewards "know each other".',
  },
  messages: messagesFor('staff-arrival-introduced'),
  check(ctx) {
    const today = ctx.now.date;
    const from = addDays(today, -ctx.options.recentDays);
    const to = addDays(today, ctx.options.lookAheadDays);
    const reports: RuleReport[] = [];
    for (const s of ctx.doc.people.staff) {
      if (s.startDate < from || s.startDate > to) continue;
      const first =
        ctx.scheduled().find((o) => o.facilitatorIds.includes(s.id) && o.localDate >= s.startDate)
          ?.localDate ?? s.startDate;
      const transitions = ctx.doc.transitions
        .map((t, index) => ({ t, index }))
        .filter(
          ({ t }) =>
            (t.type === 'staff-arrival' && t.staffId === s.id) ||
            (t.type === 'staff-departure' && t.successorStaffId === s.id),
        );
      const introduced = transitions.some(({ t }) =>
        t.plan.some((task) => {
          if (task.kind !== 'introduction' || task.status === 'not-applicable') return false;
          if (task.status === 'done') return true;
          const date = task.at !== undefined ? ctx.localDateOf(task.at) : task.dueDate;
          return date !== undefined && date <= first;
        }),
      );
      if (introduced) continue;
      const arrival = transitions.find(({ t }) => t.type === 'staff-arrival');
      reports.push({
        messageId: 'notIntroduced',
        data: { name: ctx.nameOf(s.id), start: s.startDate, first },
        path: arrival
          ? `/transitions/${arrival.index}/plan`
          : (ctx.staff(s.id)?.pointer ?? '/people/staff'),
        related: { staffIds: [s.id] },
        fix: 'fixIntroduce',
      });
    }
    return reports;
  },
});
