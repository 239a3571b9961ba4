/**
 * `meals-daily`: every day of the range has breakfast, lunch and dinner.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ActivityKindSchema, SettingSchema } from '../../model/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { dateList, uniqueSorted } from '../util/group.js';
import { occurrencePointer } from '../util/pointers.js';

/**
 * Every day has breakfast, lunch and dinner (a configurable set) in 24-hour settings. Meals
 * missing on the same days give one report naming them all.
 * Options: `meals` (kinds; default breakfast, lunch, dinner), `settings` (where the rule applies;
 * default inpatient and residential — day programs do not serve every meal).
 */
export const mealsDaily = defineRule({
  id: 'meals-daily',
  concern: 'structure',
  defaultSeverity: 'error',
  options: z.strictObject({
    meals: z._default(z.array(ActivityKindSchema), ['breakfast', 'lunch', 'dinner']),
    settings: z._default(z.array(SettingSchema), ['inpatient', 'residential']),
  }),
  docs: {
    description:
      'Every day of the range has each meal of the configured set (breakfast, lunch, dinner).',
    rationale:
      'Meals are the backbone of a ward day: a predictable rhythm of shared meals is part of the structure a milieu offers, and protected mealtimes are standard ward practice.',
    source:
      'Therapeutic milieu (seed article: structure, daily routine); ward routines with protected mealtimes.',
  },
  messages: messagesFor('meals-daily'),
  check(ctx) {
    if (!ctx.options.settings.includes(ctx.doc.program.setting)) return [];
    // Meals missing on the same days have one cause (e.g. no weekend timetable): one report.
    const byDates = new Map<string, { meals: string[]; missing: string[] }>();
    for (const meal of uniqueSorted(ctx.options.meals)) {
      const missing = ctx.range.dates.filter(
        (date) => !ctx.scheduledOn(date).some((o) => o.kind === meal),
      );
      if (missing.length === 0) continue;
      const key = missing.join(' ');
      const entry = byDates.get(key) ?? { meals: [], missing };
      entry.meals.push(meal);
      byDates.set(key, entry);
    }
    const reports: RuleReport[] = [];
    for (const { meals, missing } of byDates.values()) {
      const missingSet = new Set(missing);
      const kinds = new Set<string>(meals);
      const cancelled = ctx
        .occurrences()
        .filter(
          (o) => kinds.has(o.kind) && o.status === 'cancelled' && missingSet.has(o.localDate),
        );
      const routines = ctx.doc.routines.filter((r) => kinds.has(r.kind));
      const path = [
        ...cancelled.map((o) => occurrencePointer(ctx, o)),
        ...routines.map((r) => `${ctx.routinePointer(r.id)}/recurrence`),
      ];
      reports.push({
        messageId: 'missing',
        data: { meal: meals.join(', '), count: missing.length, dates: dateList(missing) },
        path: path.length > 0 ? path : ['/routines'],
        related: {
          routineIds: routines.map((r) => r.id),
          occurrenceIds: cancelled.map((o) => o.id),
        },
        fix: 'fixMissing',
      });
    }
    return reports;
  },
});
