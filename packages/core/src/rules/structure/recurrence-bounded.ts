/**
 * `recurrence-bounded`: every series ends or has a review date (that has not passed).
 *
 * @module
 */
import * as z from 'zod/mini';
import { ActivityKindSchema, type ActivityKind, type Routine } from '../../model/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleContext, RuleReport } from '../types.js';
import { groupBy } from '../util/group.js';

/**
 * Daily anchors, exempt from `recurrence-bounded` by default: meals, wake-up, lights-out and
 * medication run for as long as the program does, so a review date on them says nothing.
 */
export const DAILY_ANCHOR_KINDS: readonly ActivityKind[] = [
  'wake-up',
  'medication',
  'breakfast',
  'lunch',
  'dinner',
  'snack',
  'lights-out',
];

/** Titles for a message: the first `max`, then `+N more`. */
function titleList(routines: readonly Routine[], max = 4): string {
  const titles = routines.map((r) => `"${r.title}"`);
  return titles.length <= max
    ? titles.join(', ')
    : `${titles.slice(0, max).join(', ')} (+${titles.length - max})`;
}

/**
 * One report for a set of routines with the same cause: per routine when it is alone, else one
 * report naming them all, with every routine in `related` and every pointer in `path`.
 */
function grouped(
  ctx: RuleContext<unknown>,
  routines: readonly Routine[],
  single: (routine: Routine) => RuleReport,
  many: Omit<RuleReport, 'path' | 'related'>,
  field: string,
): RuleReport[] {
  if (routines.length === 1) return [single(routines[0] as Routine)];
  return [
    {
      ...many,
      data: { ...many.data, count: routines.length, titles: titleList(routines) },
      path: routines.map((r) => `${ctx.routinePointer(r.id)}/${field}`),
      related: { routineIds: routines.map((r) => r.id) },
    },
  ];
}

/**
 * Every routine's recurrence ends (`until` or `count`) or carries a `reviewDate`. With
 * `flagOverdueReview` (default on), a running open-ended series whose review date is before
 * today is reported too (as a warning). A systematic problem is one finding: all open-ended
 * routines together, and all routines overdue since the same review date together, with the
 * routines in `related`. Daily anchors (`exemptKinds`: meals, wake-up, lights-out, medication)
 * are not checked by default.
 */
export const recurrenceBounded = defineRule({
  id: 'recurrence-bounded',
  concern: 'structure',
  defaultSeverity: 'error',
  options: z.strictObject({
    flagOverdueReview: z._default(z.boolean(), true),
    exemptKinds: z._default(z.array(ActivityKindSchema), [...DAILY_ANCHOR_KINDS]),
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
    const exempt = new Set<string>(ctx.options.exemptKinds);
    const open = ctx.doc.routines.filter(
      (r) =>
        !exempt.has(r.kind) && r.recurrence.until === undefined && r.recurrence.count === undefined,
    );
    const reports: RuleReport[] = [];
    const unbounded = open.filter((r) => r.recurrence.reviewDate === undefined);
    if (unbounded.length > 0)
      reports.push(
        ...grouped(
          ctx,
          unbounded,
          (routine) => ({
            messageId: 'unbounded',
            data: { title: routine.title },
            path: `${ctx.routinePointer(routine.id)}/recurrence`,
            related: { routineIds: [routine.id] },
            fix: 'fixUnbounded',
          }),
          { messageId: 'unboundedMany', fix: 'fixUnboundedMany' },
          'recurrence',
        ),
      );
    if (!ctx.options.flagOverdueReview) return reports;
    const overdue = open.filter(
      (r) => r.recurrence.reviewDate !== undefined && r.recurrence.reviewDate < ctx.now.date,
    );
    for (const [reviewDate, list] of groupBy(overdue, (r) => r.recurrence.reviewDate as string))
      reports.push(
        ...grouped(
          ctx,
          list,
          (routine) => ({
            messageId: 'reviewOverdue',
            data: { title: routine.title, reviewDate },
            path: `${ctx.routinePointer(routine.id)}/recurrence/reviewDate`,
            related: { routineIds: [routine.id] },
            fix: 'fixReviewOverdue',
            severity: 'warn',
          }),
          {
            messageId: 'reviewOverdueMany',
            data: { reviewDate },
            fix: 'fixReviewOverdueMany',
            severity: 'warn',
          },
          'recurrence/reviewDate',
        ),
      );
    return reports;
  },
});
