/**
 * `graduated-responses`: ladders escalate gently, every step lapses or is reviewed, and there is
 * a way to earn it back.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { LadderStepKind } from '../../model/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

/** Intensity of ladder step kinds; `other` is not ranked. */
export const STEP_INTENSITY: Readonly<Record<LadderStepKind, number | undefined>> = {
  reminder: 1,
  'problem-solving': 2,
  restorative: 3,
  'team-review': 4,
  other: undefined,
};

/**
 * Each expectation has a response ladder whose steps escalate (reminder → 1:1 problem-solving →
 * restorative action → team review; a step never falls back to a gentler kind; `other` steps
 * are not ranked), each step has `expiresAfterDays` or `reviewAfterDays`, and the expectation
 * describes an `earnBack` path. An expectation without any ladder is reported too.
 */
export const graduatedResponses = defineRule({
  id: 'graduated-responses',
  concern: 'consistency',
  defaultSeverity: 'error',
  options: z.strictObject({
    requireLadder: z._default(z.boolean(), true),
  }),
  docs: {
    description:
      'Response ladders escalate step by step, every step expires or is reviewed, and an earn-back path exists.',
    rationale:
      'Graduated, non-punitive responses that lapse keep a single bad day from defining a stay; open-ended sanctions and sudden jumps breed resentment and conflict.',
    source:
      'Safewards (soft words, de-escalation); therapeutic community practice (graduated responses, earn-back).',
  },
  messages: messagesFor('graduated-responses'),
  check(ctx) {
    const reports: RuleReport[] = [];
    ctx.doc.expectations.items.forEach((item, index) => {
      const base = `/expectations/items/${index}`;
      if (item.ladder.length === 0) {
        if (ctx.options.requireLadder)
          reports.push({
            messageId: 'noLadder',
            data: { statement: item.statement },
            path: `${base}/ladder`,
            fix: 'fixNoLadder',
          });
        return;
      }
      let highest = 0;
      let highestKind = '';
      item.ladder.forEach((step, i) => {
        const rank = STEP_INTENSITY[step.kind];
        if (rank !== undefined) {
          if (rank < highest) {
            reports.push({
              messageId: 'notEscalating',
              data: {
                statement: item.statement,
                step: step.step,
                kind: step.kind,
                previous: highestKind,
              },
              path: `${base}/ladder/${i}/kind`,
              fix: 'fixNotEscalating',
            });
          } else {
            highest = rank;
            highestKind = step.kind;
          }
        }
        if (step.expiresAfterDays === undefined && step.reviewAfterDays === undefined) {
          reports.push({
            messageId: 'noExpiry',
            data: { statement: item.statement, step: step.step },
            path: `${base}/ladder/${i}`,
            fix: 'fixNoExpiry',
          });
        }
      });
      if ((item.earnBack ?? '').trim() === '') {
        reports.push({
          messageId: 'noEarnBack',
          data: { statement: item.statement },
          path: base,
          fix: 'fixNoEarnBack',
        });
      }
    });
    return reports;
  },
});
