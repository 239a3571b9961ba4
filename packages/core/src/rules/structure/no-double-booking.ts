/**
 * `no-double-booking`: no participant (or room) in two overlapping occurrences.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ActivityKindSchema } from '../../model/index.js';
import type { Conflict, Occurrence } from '../../schedule/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { CheckContext, RuleReport } from '../types.js';
import { dateList, groupBy, uniqueSorted } from '../util/group.js';
import { occurrencePointer } from '../util/pointers.js';

/** Kinds that do not occupy a participant by default: being "in" them does not clash with a session. */
export const AMBIENT_KINDS = [
  'free-time',
  'visiting-hours',
  'quiet-time',
  'wake-up',
  'lights-out',
  'medication',
  'snack',
] as const;

/** The two occurrences of a double booking, unless one is of an ignored kind. */
export function bookedPair(
  ctx: CheckContext,
  c: Conflict,
  ignore: ReadonlySet<string>,
): [Occurrence, Occurrence] | undefined {
  const a = ctx.occurrence(c.occurrenceIds[0] ?? '');
  const b = ctx.occurrence(c.occurrenceIds[1] ?? '');
  if (!a || !b || ignore.has(a.kind) || ignore.has(b.kind)) return undefined;
  return a.routineId <= b.routineId ? [a, b] : [b, a];
}

/**
 * No participant is expected at two overlapping occurrences — assignments, group audiences and
 * chosen electives alike (participants resolved per date by the schedule engine). With
 * `checkLocations` (default on), no room hosts two overlapping occurrences either. Kinds in
 * `ignoreKinds` (free time, visiting hours, quiet time, wake-up, lights-out, medication, snack by
 * default) occupy nobody. One finding per pair of routines, listing people and dates.
 */
export const noDoubleBooking = defineRule({
  id: 'no-double-booking',
  concern: 'structure',
  defaultSeverity: 'error',
  options: z.strictObject({
    ignoreKinds: z._default(z.array(ActivityKindSchema), [...AMBIENT_KINDS]),
    checkLocations: z._default(z.boolean(), true),
  }),
  docs: {
    description:
      'No participant is expected at two overlapping occurrences (electives and assignments included), and no room is booked twice.',
    rationale:
      'A participant booked into two things at once misses one of them and is marked absent from it; the schedule, not the person, is at fault.',
    source:
      'Scheduling integrity; users ask for series that survive roster changes (domain: what users ask for, 1).',
  },
  messages: messagesFor('no-double-booking'),
  check(ctx) {
    const ignore = new Set<string>(ctx.options.ignoreKinds);
    const reports: RuleReport[] = [];
    const wanted = ctx
      .conflicts()
      .filter(
        (c) =>
          c.kind === 'participant-double-booking' ||
          (ctx.options.checkLocations && c.kind === 'location-double-booking'),
      );
    const pairs = wanted.flatMap((c) => {
      const pair = bookedPair(ctx, c, ignore);
      return pair ? [{ c, pair }] : [];
    });
    for (const list of groupBy(
      pairs,
      (p) => `${p.c.kind}\u0000${p.pair[0].routineId}\u0000${p.pair[1].routineId}`,
    ).values()) {
      const [a, b] = (list[0] as { pair: [Occurrence, Occurrence] }).pair;
      const isPeople = (list[0] as { c: Conflict }).c.kind === 'participant-double-booking';
      const people = uniqueSorted(list.map((p) => p.c.resourceId));
      const data = {
        a: a.title,
        b: b.title,
        names: isPeople ? people.map((id) => ctx.nameOf(id)) : [],
        location: isPeople
          ? ''
          : (ctx.doc.program.locations.find((l) => l.id === people[0])?.name ?? people[0] ?? ''),
        count: people.length,
        dates: dateList(list.map((p) => p.pair[0].localDate)),
      };
      reports.push({
        messageId: isPeople ? 'participant' : 'location',
        data,
        path: [occurrencePointer(ctx, b), occurrencePointer(ctx, a)],
        related: {
          ...(isPeople ? { participantIds: people } : {}),
          routineIds: [a.routineId, b.routineId],
          occurrenceIds: list.flatMap((p) => p.c.occurrenceIds),
        },
        fix: isPeople ? 'fixParticipant' : 'fixLocation',
      });
    }
    return reports;
  },
});
