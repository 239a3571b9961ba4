/**
 * `recurrence-bounded`: every series ends or has a review date (that has not passed).
 *
 * @module
 */
import * as z from 'zod/mini';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

/**
 * Every routine's recurrence ends (`until` or `count`) or carries a `reviewDate`. With
 * `flagOverdueReview` (default on), a running open-ended series whose review date is before
 * today is reported too (as a warning).
 */
export const recurrenceBounded = defineRule({
  id: 'recurrence-bounded',
  concern: 'structure',
  defaultSeverity: 'error',
  options: z.strictObject({
    flagOverdueReview: z._default(z.boolean(), true),
  }),
  docs: {
    description:
      'Every recurring series ends (until or count) or has a review date, and open-ended series are reviewed on time.',
    rationale:
      'Routines outlive the reasons they were created: a group nobody reviews keeps running after its facilitator, audience or purpose has gone.',
    source:
      'Therapeutic milieu: structure reviewed with the community; RFC 5545 bounded recurrences.',
  },
  messages: messagesFor('recurrence-bounded'),
  check(ctx) {
    const reports: RuleReport[] = [];
    for (const routine of ctx.doc.routines) {
      const r = routine.recurrence;
      const pointer = ctx.routinePointer(routine.id);
      if (r.until === undefined && r.count === undefined && r.reviewDate === undefined) {
        reports.push({
          messageId: 'unbounded',
          data: { title: routine.title },
          path: `${pointer}/recurrence`,
          related: { routineIds: [routine.id] },
          fix: 'fixUnbounded',
        });
      } else if (
        ctx.options.flagOverdueReview &&
        r.until === undefined &&
        r.count === undefined &&
        r.reviewDate !== undefined &&
        r.reviewDate < ctx.now.date
      ) {
        reports.push({
          messageId: 'reviewOverdue',
          data: { title: routine.title, reviewDate: r.reviewDate },
          path: `${pointer}/recurrence/reviewDate`,
          related: { routineIds: [routine.id] },
          fix: 'fixReviewOverdue',
          severity: 'warn',
        });
      }
    }
    return reports;
  },
});
