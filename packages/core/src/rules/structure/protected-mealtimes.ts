/**
 * `protected-mealtimes`: no therapy or group overlaps a meal of the same people.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ActivityKindSchema } from '../../model/index.js';
import type { Occurrence } from '../../schedule/index.js';
import { addDays } from '../../time/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { dateList, groupBy } from '../util/group.js';
import { audiencesMeet, occurrencePointer } from '../util/pointers.js';

/** Activity kinds that must not overlap a meal, by default: therapies and groups. */
export const THERAPY_AND_GROUP_KINDS = [
  'community-meeting',
  'group-therapy',
  'individual-therapy',
  'social-skills',
  'psychoeducation',
  'occupational-therapy',
  'recreation-therapy',
  'art-therapy',
] as const;

/**
 * No therapy or group (`kinds`) overlaps a meal (`meals`) that the same participants attend
 * (participants resolved for the date; the audiences when nobody is resolved).
 * One finding per pair of routines, listing the dates.
 */
export const protectedMealtimes = defineRule({
  id: 'protected-mealtimes',
  concern: 'structure',
  defaultSeverity: 'error',
  options: z.strictObject({
    meals: z._default(z.array(ActivityKindSchema), ['breakfast', 'lunch', 'dinner']),
    kinds: z._default(z.array(ActivityKindSchema), [...THERAPY_AND_GROUP_KINDS]),
  }),
  docs: {
    description: 'No therapy session or group overlaps a meal of the same participants.',
    rationale:
      'Protected mealtimes keep meals calm and shared; pulling people out of a meal for a session makes them choose between eating and treatment.',
    source:
      'Ward routines with protected mealtimes (NHS protected mealtimes policy); therapeutic milieu structure.',
  },
  messages: messagesFor('protected-mealtimes'),
  check(ctx) {
    const meals = new Set(ctx.options.meals);
    const kinds = new Set(ctx.options.kinds);
    const pairs: { meal: Occurrence; other: Occurrence }[] = [];
    // The sessions of each day that may not overlap a meal, filtered once per day (not per meal).
    const sessionsOn = new Map<string, readonly Occurrence[]>();
    const sessions = (date: string): readonly Occurrence[] => {
      let list = sessionsOn.get(date);
      if (!list) {
        list = ctx.scheduledOn(date).filter((o) => kinds.has(o.kind) && !meals.has(o.kind));
        sessionsOn.set(date, list);
      }
      return list;
    };
    const dayBefore = new Map<string, string>();
    for (const meal of ctx.scheduled()) {
      if (!meals.has(meal.kind)) continue;
      // A routine lasts at most a day: only sessions starting that day or the day before can overlap.
      let before = dayBefore.get(meal.localDate);
      if (before === undefined) {
        before = addDays(meal.localDate, -1);
        dayBefore.set(meal.localDate, before);
      }
      for (const list of [sessions(before), sessions(meal.localDate)]) {
        for (const other of list) {
          if (
            other.startMs < meal.endMs &&
            meal.startMs < other.endMs &&
            audiencesMeet(ctx, meal, other)
          )
            pairs.push({ meal, other });
        }
      }
    }
    const reports: RuleReport[] = [];
    for (const list of groupBy(
      pairs,
      (p) => `${p.meal.routineId}\u0000${p.other.routineId}`,
    ).values()) {
      const { meal, other } = list[0] as { meal: Occurrence; other: Occurrence };
      reports.push({
        messageId: 'overlap',
        data: {
          title: other.title,
          meal: meal.title,
          dates: dateList(list.map((p) => p.other.localDate)),
        },
        path: [occurrencePointer(ctx, other), occurrencePointer(ctx, meal)],
        related: {
          routineIds: [meal.routineId, other.routineId],
          occurrenceIds: list.flatMap((p) => [p.meal.id, p.other.id]),
          staffIds: other.facilitatorIds,
        },
        fix: 'fixOverlap',
      });
    }
    return reports;
  },
});
