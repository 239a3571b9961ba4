/**
 * `transition-plan-early`: discharge planning begins on admission.
 *
 * @module
 */
import * as z from 'zod/mini';
import { PARTICIPANT_TRANSITION_TYPES, SettingSchema } from '../../model/index.js';
import { addDays, daysBetween } from '../../time/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

/**
 * For each participant staying today who was admitted at least `maxDays` (default 3) ago: the
 * `anticipatedDischargeDate` is set, and a participant transition (discharge, step-down, step-up,
 * transfer) with at least one plan task exists; when every such transition records `createdOn`
 * and the earliest is later than admission + `maxDays`, the late start is a warning. Applies to
 * the `settings` with a planned stay (inpatient, residential, PHP, IOP by default).
 */
export const transitionPlanEarly = defineRule({
  id: 'transition-plan-early',
  concern: 'transitions',
  defaultSeverity: 'error',
  options: z.strictObject({
    maxDays: z._default(z.number().check(z.int(), z.gte(0)), 3),
    settings: z._default(z.array(SettingSchema), ['inpatient', 'residential', 'php', 'iop']),
  }),
  docs: {
    description:
      'A transition or aftercare plan exists within 3 days of admission (tunable) and the anticipated discharge date is set.',
    rationale:
      '"Discharge planning begins on admission": the weeks after discharge carry the highest risk, and a plan started on the last day cannot be booked, consented or rehearsed.',
    source:
      'Discharge planning standards (e.g. CMS 42 CFR 482.43; NICE NG53 transition between inpatient mental health settings and community).',
  },
  messages: messagesFor('transition-plan-early'),
  check(ctx) {
    if (!ctx.options.settings.includes(ctx.doc.program.setting)) return [];
    const today = ctx.now.date;
    const types = new Set<string>(PARTICIPANT_TRANSITION_TYPES);
    const reports: RuleReport[] = [];
    for (const p of ctx.doc.people.participants) {
      if (!ctx.isStaying(p, today) || daysBetween(p.admissionDate, today) < ctx.options.maxDays)
        continue;
      const pointer = ctx.participant(p.id)?.pointer ?? '/people/participants';
      const name = ctx.nameOf(p.id);
      const due = addDays(p.admissionDate, ctx.options.maxDays);
      if (p.anticipatedDischargeDate === undefined) {
        reports.push({
          messageId: 'noAnticipatedDischarge',
          data: { name, admitted: p.admissionDate },
          path: pointer,
          related: { participantIds: [p.id] },
          fix: 'fixAnticipated',
        });
      }
      const plans = ctx.doc.transitions
        .map((t, index) => ({ t, index }))
        .filter(({ t }) => t.participantId === p.id && types.has(t.type) && t.plan.length > 0);
      if (plans.length === 0) {
        reports.push({
          messageId: 'noPlan',
          data: { name, admitted: p.admissionDate, due },
          path: [pointer, '/transitions'],
          related: { participantIds: [p.id] },
          fix: 'fixPlan',
        });
        continue;
      }
      const created = plans.map(({ t }) => t.createdOn);
      if (created.every((c) => c !== undefined)) {
        const first = (created as string[]).sort()[0] as string;
        if (first > due) {
          const index = plans.find(({ t }) => t.createdOn === first)?.index ?? 0;
          reports.push({
            messageId: 'late',
            data: { name, admitted: p.admissionDate, created: first, due },
            path: `/transitions/${index}/createdOn`,
            related: { participantIds: [p.id] },
            severity: 'warn',
          });
        }
      }
    }
    return reports;
  },
});
