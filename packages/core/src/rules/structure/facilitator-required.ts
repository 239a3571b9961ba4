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
 * outings by default) has at least one facilitator, after `changed` exceptions. Routines that
 * name no facilitator at all are one finding (`missingMany`) when there are several.
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
    const groups = [...groupBy(bare, (o) => occurrencePointer(ctx, o)).values()];
    // Routines that name no facilitator at all share one cause (a timetable without staff):
    // one report listing them. Occurrences stripped by an exception stay one report each.
    const routineLevel = groups.filter(
      (list) => (list[0] as Occurrence).routine.facilitatorIds.length === 0,
    );
    const grouped = routineLevel.length > 1 ? new Set(routineLevel) : new Set<Occurrence[]>();
    const reports: RuleReport[] = [];
    if (grouped.size > 0) {
      const lists = [...grouped];
      const titles = lists.map((l) => `"${(l[0] as Occurrence).title}"`);
      reports.push({
        messageId: 'missingMany',
        data: {
          count: lists.length,
          titles:
            titles.length <= 4
              ? titles.join(', ')
              : `${titles.slice(0, 4).join(', ')} (+${titles.length - 4})`,
        },
        path: lists.map((l) => occurrencePointer(ctx, l[0] as Occurrence, 'facilitatorIds')),
        related: {
          routineIds: lists.map((l) => (l[0] as Occurrence).routineId),
          occurrenceIds: lists.flatMap((l) => l.map((x) => x.id)),
        },
        fix: 'fixMissingMany',
      });
    }
    for (const list of groups) {
      if (grouped.has(list)) continue;
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
