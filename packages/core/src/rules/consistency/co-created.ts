/**
 * `co-created`: the expectation set was agreed at a community meeting and reviewed recently.
 *
 * @module
 */
import * as z from 'zod/mini';
import { daysBetween } from '../../time/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

/**
 * The expectation set records where it was agreed — `agreedAt.routineId`, a community meeting
 * routine — and was agreed or reviewed within `maxDays` (default 90) of today. Runs only when
 * there are expectations.
 */
export const coCreated = defineRule({
  id: 'co-created',
  concern: 'consistency',
  defaultSeverity: 'warn',
  options: z.strictObject({
    maxDays: z._default(z.number().check(z.int(), z.gte(1)), 90),
  }),
  docs: {
    description:
      'The expectation set records the community meeting where it was agreed, and was reviewed within the last 90 days (tunable).',
    rationale:
      'Rules co-created with the community are held by the community; a set nobody has revisited in months belongs to people who have long been discharged.',
    source:
      'Therapeutic community practice (community meeting); Safewards "clear mutual expectations" agreed with patients.',
  },
  messages: messagesFor('co-created'),
  check(ctx) {
    const set = ctx.doc.expectations;
    if (set.items.length === 0) return [];
    const reports: RuleReport[] = [];
    if (!set.agreedAt) {
      return [{ messageId: 'notAgreed', path: '/expectations', fix: 'fixNotAgreed' }];
    }
    const meeting =
      set.agreedAt.routineId === undefined
        ? undefined
        : ctx.doc.routines.find((r) => r.id === set.agreedAt?.routineId);
    if (!meeting || meeting.kind !== 'community-meeting') {
      reports.push({
        messageId: 'noMeeting',
        data: { date: set.agreedAt.date },
        path: `/expectations/agreedAt${set.agreedAt.routineId === undefined ? '' : '/routineId'}`,
        fix: 'fixNoMeeting',
      });
    }
    const last =
      set.lastReviewed !== undefined && set.lastReviewed > set.agreedAt.date
        ? set.lastReviewed
        : set.agreedAt.date;
    const days = daysBetween(last, ctx.now.date);
    if (days > ctx.options.maxDays) {
      reports.push({
        messageId: 'stale',
        data: { date: last, days, maxDays: ctx.options.maxDays },
        path:
          set.lastReviewed !== undefined
            ? '/expectations/lastReviewed'
            : '/expectations/agreedAt/date',
        fix: 'fixStale',
      });
    }
    return reports;
  },
});
