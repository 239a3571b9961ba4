/**
 * `facilitator-required`: every group occurrence has a facilitator.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ActivityKindSchema } from '../../model/index.js';
import type { Occurrence } from '../../schedule/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { dateList, groupBy } from '../util/group.js';
import { occurrencePointer } from '../util/pointers.js';
import { THERAPY_AND_GROUP_KINDS } from './protected-mealtimes.js';

/**
 * Every scheduled occurrence of a facilitated kind (`kinds`: therapies, groups, exercise and
 * outings by default) has at least one facilitator, after `changed` exceptions.
 */
export const facilitatorRequired = defineRule({
  id: 'facilitator-required',
  concern: 'structure',
  defaultSeverity: 'error',
  options: z.strictObject({
    kinds: z._default(z.array(ActivityKindSchema), [
      ...THERAPY_AND_GROUP_KINDS,
      'exercise',
      'outing',
    ]),
  }),
  docs: {
    description:
      'Every group, therapy, exercise session and outing occurrence has at least one facilitator.',
    rationale:
      'A group without a named facilitator is a group that quietly does not happen, or happens without anyone holding it safely.',
    source: 'Therapeutic milieu: staff-facilitated groups; staffing standards.',
  },
  messages: messagesFor('facilitator-required'),
  check(ctx) {
    const kinds = new Set(ctx.options.kinds);
    const bare = ctx.scheduled().filter((o) => kinds.has(o.kind) && o.facilitatorIds.length === 0);
    const reports: RuleReport[] = [];
    for (const list of groupBy(bare, (o) => occurrencePointer(ctx, o)).values()) {
      const o = list[0] as Occurrence;
      reports.push({
        messageId: 'missing',
        data: { title: o.title, count: list.length, dates: dateList(list.map((x) => x.localDate)) },
        path: occurrencePointer(ctx, o, 'facilitatorIds'),
        related: { routineIds: [o.routineId], occurrenceIds: list.map((x) => x.id) },
        fix: 'fixMissing',
      });
    }
    return reports;
  },
});
