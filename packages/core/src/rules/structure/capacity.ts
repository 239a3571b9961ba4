/**
 * `capacity`: enrolled ≤ capacity (routine and room); a warning under a routine's minimum.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { Conflict } from '../../schedule/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { dateList, groupBy } from '../util/group.js';

/**
 * The participants expected at an occurrence do not exceed the routine's `capacity.max` nor its
 * room's `capacity` (error); with `warnUnderMinimum` (default on), fewer than `capacity.min`
 * is a warning. Uses the schedule engine's capacity conflicts; one finding per routine or room
 * and limit, listing the dates.
 */
export const capacity = defineRule({
  id: 'capacity',
  concern: 'structure',
  defaultSeverity: 'error',
  options: z.strictObject({
    warnUnderMinimum: z._default(z.boolean(), true),
  }),
  docs: {
    description:
      "Participants expected at a session stay within the routine's and the room's capacity; under the routine's minimum is a warning.",
    rationale:
      'An overfull group cannot give everyone a voice and an overfull room is a safety risk; a group under its minimum does not work as a group.',
    source: 'Group therapy practice (group size); fire-safety room capacities.',
  },
  messages: messagesFor('capacity'),
  check(ctx) {
    const reports: RuleReport[] = [];
    const relevant = ctx
      .conflicts()
      .filter(
        (c) =>
          c.kind === 'capacity-overflow' ||
          (ctx.options.warnUnderMinimum && c.kind === 'capacity-under-minimum'),
      );
    const groups = groupBy(
      relevant,
      (c) =>
        `${c.kind}\u0000${c.resourceType}\u0000${c.resourceId}\u0000${ctx.occurrence(c.occurrenceIds[0] ?? '')?.routineId ?? ''}`,
    );
    for (const list of groups.values()) {
      const c = list[0] as Conflict;
      const o = ctx.occurrence(c.occurrenceIds[0] ?? '');
      if (!o) continue;
      const routinePointer = ctx.routinePointer(o.routineId);
      const locationIndex = ctx.doc.program.locations.findIndex((l) => l.id === c.resourceId);
      const location = ctx.doc.program.locations[locationIndex];
      const counts = list.map((x) => x.count ?? 0);
      const data = {
        title: o.title,
        location: location?.name ?? '',
        limit: c.limit ?? 0,
        most: Math.max(...counts),
        fewest: Math.min(...counts),
        count: list.length,
        dates: dateList(
          list.map(
            (x) => ctx.occurrence(x.occurrenceIds[0] ?? '')?.localDate ?? x.start.slice(0, 10),
          ),
        ),
      };
      const related = {
        routineIds: [o.routineId],
        occurrenceIds: list.flatMap((x) => x.occurrenceIds),
      };
      if (c.kind === 'capacity-under-minimum') {
        reports.push({
          messageId: 'underMinimum',
          data,
          path: `${routinePointer}/capacity/min`,
          related,
          fix: 'fixUnderMinimum',
          severity: 'warn',
        });
      } else if (c.resourceType === 'location') {
        reports.push({
          messageId: 'roomFull',
          data,
          path: [`/program/locations/${locationIndex}/capacity`, routinePointer],
          related,
          fix: 'fixRoomFull',
        });
      } else {
        reports.push({
          messageId: 'overCapacity',
          data,
          path: `${routinePointer}/capacity/max`,
          related,
          fix: 'fixOverCapacity',
        });
      }
    }
    return reports;
  },
});
