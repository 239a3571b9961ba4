/**
 * `staff-departure-notice`: staff departures are announced early, with a successor introduced.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { Transition } from '../../model/index.js';
import { addDays, daysBetween } from '../../time/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

/**
 * For each upcoming `staff-departure` (effective today or later): the departure is announced at
 * least `longTermDays` (28) before the last day in long-term programs, `shortTermDays` (14) in
 * short-term ones (`notAnnounced` once the notice is due, `lateNotice` when announced too late);
 * a `successorStaffId` is named (`noSuccessor`); and an `introduction` task is done or dated
 * before the last day (`notIntroduced`). A staff member whose `endDate` is within the notice
 * period without any departure transition is reported too (`noTransition`).
 */
export const staffDepartureNotice = defineRule({
  id: 'staff-departure-notice',
  concern: 'transitions',
  defaultSeverity: 'error',
  options: z.strictObject({
    longTermDays: z._default(z.number().check(z.int(), z.gte(0)), 28),
    shortTermDays: z._default(z.number().check(z.int(), z.gte(0)), 14),
  }),
  docs: {
    description:
      'A staff member’s last day is announced to participants 28 days ahead in long-term programs, 14 in short-term ones (tunable), and a successor is introduced before the last day.',
    rationale:
      'For people whose lives have been marked by abrupt losses, a trusted worker vanishing is a setback risk; notice, a goodbye and a warm handover turn it into a practised transition.',
    source:
      'Therapeutic milieu: transitions (staff leaving) as a setback risk; therapeutic-relationship termination practice.',
  },
  messages: messagesFor('staff-departure-notice'),
  check(ctx) {
    const today = ctx.now.date;
    const notice =
      ctx.doc.program.stay.model === 'long-term'
        ? ctx.options.longTermDays
        : ctx.options.shortTermDays;
    const reports: RuleReport[] = [];
    const departing = new Set<string>();
    ctx.doc.transitions.forEach((t: Transition, index) => {
      if (t.type !== 'staff-departure' || t.staffId === undefined) return;
      departing.add(t.staffId);
      if (t.effectiveDate < today) return;
      const base = `/transitions/${index}`;
      const due = addDays(t.effectiveDate, -notice);
      const related = {
        staffIds: [t.staffId, ...(t.successorStaffId ? [t.successorStaffId] : [])],
      };
      const data = {
        name: ctx.nameOf(t.staffId),
        date: t.effectiveDate,
        notice,
        due,
        announced: t.announcedDate ?? '',
        days: t.announcedDate ? daysBetween(t.announcedDate, t.effectiveDate) : 0,
      };
      if (t.announcedDate === undefined) {
        if (today >= due)
          reports.push({
            messageId: 'notAnnounced',
            data,
            path: base,
            related,
            fix: 'fixAnnounce',
          });
      } else if (t.announcedDate > due) {
        reports.push({
          messageId: 'lateNotice',
          data,
          path: `${base}/announcedDate`,
          related,
          fix: 'fixAnnounce',
        });
      }
      if (t.successorStaffId === undefined) {
        reports.push({ messageId: 'noSuccessor', data, path: base, related, fix: 'fixSuccessor' });
        return;
      }
      const introduced = t.plan.some((task) => {
        if (task.kind !== 'introduction' || task.status === 'not-applicable') return false;
        if (task.status === 'done') return true;
        const date = task.at !== undefined ? ctx.localDateOf(task.at) : task.dueDate;
        return date !== undefined && date < t.effectiveDate;
      });
      if (!introduced) {
        reports.push({
          messageId: 'notIntroduced',
          data: { ...data, successor: ctx.nameOf(t.successorStaffId) },
          path: `${base}/plan`,
          related,
          fix: 'fixIntroduce',
        });
      }
    });
    for (const s of ctx.doc.people.staff) {
      if (
        s.endDate === undefined ||
        departing.has(s.id) ||
        s.endDate < today ||
        today < addDays(s.endDate, -notice)
      )
        continue;
      reports.push({
        messageId: 'noTransition',
        data: { name: ctx.nameOf(s.id), date: s.endDate, notice },
        path: `${ctx.staff(s.id)?.pointer ?? '/people/staff'}/endDate`,
        related: { staffIds: [s.id] },
        fix: 'fixAnnounce',
      });
    }
    return reports;
  },
});
