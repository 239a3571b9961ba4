/**
 * `aftercare-booked`: an aftercare appointment within 7 days after discharge, and follow-up
 * contact within 72 hours.
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  PARTICIPANT_TRANSITION_TYPES,
  PLAN_TASK_KINDS,
  type Transition,
} from '../../model/index.js';
import { addDays, daysBetween, parseInstant } from '../../time/index.js';
import { startOfLocalDay } from '../context.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

/**
 * For each transition of the `types` (default `discharge` and `step-down`; a `transfer` moves care
 * elsewhere without a gap) whose date lies between `lookBackDays` (default 30) before and
 * `lookAheadDays` (default 7) after today — and for participants whose `dischargeDate` falls there
 * without any discharge, step-down or transfer transition (`noTransition`):
 *
 * - an `aftercare-appointment` task is booked (`at` set) for a date within `withinDays` (default
 *   7) after the discharge date (`notBooked`, `outsideWindow`); a task marked `not-applicable`
 *   (e.g. a transfer to another hospital) waives this;
 * - some contact is planned within `followUpHours` (default 72) after discharge — a task of
 *   `followUpKinds` (aftercare appointment, peer contact, other; not `not-applicable`) whose `at`
 *   falls between the start of the discharge day and `followUpHours` after its end (the hour of
 *   discharge is not modelled), or, without `at`, whose `dueDate` is at most `followUpHours / 24`
 *   days after the discharge date (`noFollowUp`, a warning).
 */
export const aftercareBooked = defineRule({
  id: 'aftercare-booked',
  concern: 'transitions',
  defaultSeverity: 'error',
  options: z.strictObject({
    withinDays: z._default(z.number().check(z.int(), z.gte(0)), 7),
    followUpHours: z._default(z.number().check(z.gt(0)), 72),
    followUpKinds: z._default(z.array(z.enum(PLAN_TASK_KINDS)), [
      'aftercare-appointment',
      'peer-contact',
      'other',
    ]),
    types: z._default(z.array(z.enum(PARTICIPANT_TRANSITION_TYPES)), ['discharge', 'step-down']),
    lookAheadDays: z._default(z.number().check(z.int(), z.gte(0)), 7),
    lookBackDays: z._default(z.number().check(z.int(), z.gte(0)), 30),
  }),
  docs: {
    description:
      'Before discharge, an aftercare appointment is booked within 7 days after discharge, and a follow-up contact within 72 hours.',
    rationale:
      'The days after discharge carry the highest suicide risk; a scheduled appointment raises 7-day follow-up attendance (OR 1.69) and early caring contact reduces readmission.',
    source:
      'HEDIS FUH (7-day follow-up after hospitalisation for mental illness); scheduled-appointment effect OR 1.69; NICE NG53 (contact within 72 h / 48 h).',
  },
  messages: messagesFor('aftercare-booked'),
  check(ctx) {
    const o = ctx.options;
    const today = ctx.now.date;
    const from = addDays(today, -o.lookBackDays);
    const to = addDays(today, o.lookAheadDays);
    const reports: RuleReport[] = [];
    const leaving = new Set<string>(['discharge', 'step-down', 'transfer']);
    const discharged = new Set<string>();
    ctx.doc.transitions.forEach((t: Transition, index) => {
      if (t.participantId === undefined || !leaving.has(t.type)) return;
      discharged.add(t.participantId);
      if (
        !(o.types as readonly string[]).includes(t.type) ||
        t.effectiveDate < from ||
        t.effectiveDate > to
      )
        return;
      const base = `/transitions/${index}`;
      const related = { participantIds: [t.participantId] };
      const data = {
        name: ctx.nameOf(t.participantId),
        date: t.effectiveDate,
        withinDays: o.withinDays,
        hours: o.followUpHours,
      };
      const aftercare = t.plan.filter((task) => task.kind === 'aftercare-appointment');
      const waived =
        aftercare.length > 0 && aftercare.every((task) => task.status === 'not-applicable');
      const booked = aftercare.filter(
        (task) => task.status !== 'not-applicable' && task.at !== undefined,
      );
      if (!waived) {
        if (booked.length === 0) {
          reports.push({
            messageId: 'notBooked',
            data,
            path: `${base}/plan`,
            related,
            fix: 'fixBook',
          });
        } else {
          const ok = booked.some((task) => {
            const days = daysBetween(t.effectiveDate, ctx.localDateOf(task.at as string));
            return days >= 0 && days <= o.withinDays;
          });
          if (!ok) {
            const i = t.plan.indexOf(booked[0] as (typeof t.plan)[number]);
            reports.push({
              messageId: 'outsideWindow',
              data: { ...data, at: ctx.localDateOf(booked[0]?.at as string) },
              path: `${base}/plan/${i}/at`,
              related,
              fix: 'fixBook',
            });
          }
        }
      }
      const start = startOfLocalDay(t.effectiveDate, ctx.zone);
      const end =
        startOfLocalDay(addDays(t.effectiveDate, 1), ctx.zone) + o.followUpHours * 3_600_000;
      const contact = t.plan.some((task) => {
        if (!o.followUpKinds.includes(task.kind) || task.status === 'not-applicable') return false;
        if (task.at !== undefined) {
          const ms = parseInstant(task.at);
          return ms >= start && ms <= end;
        }
        if (task.dueDate === undefined) return false;
        const days = daysBetween(t.effectiveDate, task.dueDate);
        return days >= 0 && days <= Math.ceil(o.followUpHours / 24);
      });
      if (!contact && !waived)
        reports.push({
          messageId: 'noFollowUp',
          data,
          path: `${base}/plan`,
          related,
          fix: 'fixFollowUp',
          severity: 'warn',
        });
    });
    for (const p of ctx.doc.people.participants) {
      if (
        p.dischargeDate === undefined ||
        discharged.has(p.id) ||
        p.dischargeDate < from ||
        p.dischargeDate > to
      )
        continue;
      reports.push({
        messageId: 'noTransition',
        data: { name: ctx.nameOf(p.id), date: p.dischargeDate },
        path: `${ctx.participant(p.id)?.pointer ?? '/people/participants'}/dischargeDate`,
        related: { participantIds: [p.id] },
        fix: 'fixTransition',
      });
    }
    return reports;
  },
});
