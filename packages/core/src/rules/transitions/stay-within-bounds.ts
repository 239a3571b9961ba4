/**
 * `stay-within-bounds`: a stay running past the program's bound has a review.
 *
 * @module
 */
import * as z from 'zod/mini';
import { PARTICIPANT_TRANSITION_TYPES } from '../../model/index.js';
import { addDays, daysBetween } from '../../time/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

/**
 * A participant staying today longer than `program.stay.boundDays` has a review: a participant
 * transition (discharge, step-down, step-up, transfer) recorded (`createdOn`, else
 * `announcedDate`) no earlier than `reviewWindowDays` (default 14) before the day the bound was
 * reached (`overBound`). An `anticipatedDischargeDate` beyond the bound without such a review is
 * a warning (`plannedBeyond`).
 */
export const stayWithinBounds = defineRule({
  id: 'stay-within-bounds',
  concern: 'transitions',
  defaultSeverity: 'error',
  options: z.strictObject({
    reviewWindowDays: z._default(z.number().check(z.int(), z.gte(0)), 14),
  }),
  docs: {
    description: "A stay running past its program's bound (program.stay.boundDays) has a review.",
    rationale:
      'Stays that drift past their purpose institutionalise people; a stay beyond the bound may be right, but it must be a decision, reviewed and recorded.',
    source:
      'Length-of-stay review (utilisation review, e.g. CMS 42 CFR 456); therapeutic communities’ planned 9–18 month stays.',
  },
  messages: messagesFor('stay-within-bounds'),
  check(ctx) {
    const today = ctx.now.date;
    const bound = ctx.doc.program.stay.boundDays;
    const types = new Set<string>(PARTICIPANT_TRANSITION_TYPES);
    const reports: RuleReport[] = [];
    for (const p of ctx.doc.people.participants) {
      if (!ctx.isStaying(p, today)) continue;
      const reached = addDays(p.admissionDate, bound);
      const earliest = addDays(reached, -ctx.options.reviewWindowDays);
      const reviewed = ctx.doc.transitions.some((t) => {
        const recorded = t.createdOn ?? t.announcedDate;
        return (
          t.participantId === p.id &&
          types.has(t.type) &&
          recorded !== undefined &&
          recorded >= earliest
        );
      });
      if (reviewed) continue;
      const pointer = ctx.participant(p.id)?.pointer ?? '/people/participants';
      const days = daysBetween(p.admissionDate, today);
      const data = {
        name: ctx.nameOf(p.id),
        days,
        bound,
        reached,
        anticipated: p.anticipatedDischargeDate ?? '',
      };
      if (days > bound) {
        reports.push({
          messageId: 'overBound',
          data,
          path: `${pointer}/admissionDate`,
          related: { participantIds: [p.id] },
          fix: 'fixReview',
        });
      } else if (p.anticipatedDischargeDate !== undefined && p.anticipatedDischargeDate > reached) {
        reports.push({
          messageId: 'plannedBeyond',
          data,
          path: `${pointer}/anticipatedDischargeDate`,
          related: { participantIds: [p.id] },
          fix: 'fixReview',
          severity: 'warn',
        });
      }
    }
    return reports;
  },
});
