/**
 * `personal-choice`: each week offers electives.
 *
 * @module
 */
import * as z from 'zod/mini';
import { SettingSchema } from '../../model/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import { dateList } from '../util/group.js';

/**
 * Each complete 7-day window of the range offers at least `minElectives` (default 1) distinct
 * elective routines (`attendance: 'elective'`, not cancelled), in the `settings` with a full
 * weekly timetable (inpatient, residential, PHP, IOP by default).
 */
export const personalChoice = defineRule({
  id: 'personal-choice',
  concern: 'consistency',
  defaultSeverity: 'warn',
  options: z.strictObject({
    minElectives: z._default(z.number().check(z.int(), z.gte(1)), 1),
    settings: z._default(z.array(SettingSchema), ['inpatient', 'residential', 'php', 'iop']),
  }),
  docs: {
    description:
      'Each week offers elective activities, so participants choose part of their routine.',
    rationale:
      'Maximum personal choice within a shared structure is a core milieu principle: choosing builds autonomy and engagement, and a fully prescribed week teaches compliance instead.',
    source: 'Therapeutic milieu (seed article: consistency — maximum personal choice).',
  },
  messages: messagesFor('personal-choice'),
  check(ctx) {
    if (!ctx.options.settings.includes(ctx.doc.program.setting)) return [];
    const short: string[] = [];
    let fewest = Infinity;
    for (const week of ctx.weeks()) {
      const electives = new Set(
        week.flatMap((d) =>
          ctx
            .scheduledOn(d)
            .filter((o) => o.attendance === 'elective')
            .map((o) => o.routineId),
        ),
      );
      if (electives.size < ctx.options.minElectives) {
        short.push(week[0] as string);
        fewest = Math.min(fewest, electives.size);
      }
    }
    if (short.length === 0) return [];
    return [
      {
        messageId: 'noElectives',
        data: { weeks: dateList(short), found: fewest, minElectives: ctx.options.minElectives },
        path: '/routines',
        fix: 'fixNoElectives',
      },
    ];
  },
});
