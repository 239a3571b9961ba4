/**
 * `free-time-daily`: some free time every day.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ActivityKindSchema, SettingSchema } from '../../model/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import { dateList } from '../util/group.js';

/**
 * Every day of the range has at least `minMinutes` (default 30) of free time (kinds in `kinds`,
 * default `free-time`), in the `settings` where people live on site (default inpatient and
 * residential).
 */
export const freeTimeDaily = defineRule({
  id: 'free-time-daily',
  concern: 'structure',
  defaultSeverity: 'warn',
  options: z.strictObject({
    kinds: z._default(z.array(ActivityKindSchema), ['free-time']),
    minMinutes: z._default(z.number().check(z.gte(0)), 30),
    settings: z._default(z.array(SettingSchema), ['inpatient', 'residential']),
  }),
  docs: {
    description: 'Every day includes some free time (at least 30 minutes by default).',
    rationale:
      'Unstructured time to rest, talk and choose is part of a humane routine: a timetable with no free time is as unhealthy as an empty one.',
    source: 'Therapeutic milieu (seed article: daily routine includes free time).',
  },
  messages: messagesFor('free-time-daily'),
  check(ctx) {
    if (!ctx.options.settings.includes(ctx.doc.program.setting)) return [];
    const kinds = new Set(ctx.options.kinds);
    const missing = ctx.range.dates.filter((date) => {
      const minutes = ctx
        .scheduledOn(date)
        .reduce((sum, o) => (kinds.has(o.kind) ? sum + (o.endMs - o.startMs) / 60_000 : sum), 0);
      return minutes < Math.max(ctx.options.minMinutes, Number.MIN_VALUE);
    });
    if (missing.length === 0) return [];
    const routines = ctx.doc.routines.filter((r) => kinds.has(r.kind));
    return [
      {
        messageId: 'missing',
        data: { count: missing.length, dates: dateList(missing), minutes: ctx.options.minMinutes },
        path:
          routines.length > 0
            ? routines.map((r) => `${ctx.routinePointer(r.id)}/recurrence`)
            : ['/routines'],
        related: { routineIds: routines.map((r) => r.id) },
        fix: 'fixMissing',
      },
    ];
  },
});
