/**
 * `no-empty-stretch`: no unscheduled stretch longer than 3 hours in waking hours.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { EmptyStretchOptions } from '../../contract/schedule.js';
import {
  ActivityKindSchema,
  LocalTimeSchema,
  SettingSchema,
  type Setting,
} from '../../model/index.js';
import { addDays } from '../../time/index.js';
import { emptyStretches, type EmptyStretch } from '../../view/stretches.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { dateList, groupBy } from '../util/group.js';

/**
 * No unscheduled stretch longer than `maxHours` (default 3) in waking hours, every day of the
 * range: weekday evenings and weekends included. Waking hours run from the day's `wake-up`
 * occurrence to its `lights-out` occurrence when the schedule has them (`useWakeAndLightsOut`),
 * otherwise from `wakingStart` (07:00) to `wakingEnd` (22:00). Lengths are real elapsed time, so
 * a DST day's missing or repeated hour is counted as it is. Kinds in `ignoreKinds` (default
 * `lights-out`) do not fill time. Applies to the `settings` where people live on site. The
 * stretches come from `emptyStretches` (core/view), the function a board hatches with.
 */
export const noEmptyStretch = defineRule({
  id: 'no-empty-stretch',
  concern: 'structure',
  defaultSeverity: 'warn',
  options: z.strictObject({
    maxHours: z._default(z.number().check(z.gt(0)), 3),
    wakingStart: z._default(LocalTimeSchema, '07:00'),
    wakingEnd: z._default(LocalTimeSchema, '22:00'),
    useWakeAndLightsOut: z._default(z.boolean(), true),
    ignoreKinds: z._default(z.array(ActivityKindSchema), ['lights-out']),
    settings: z._default(z.array(SettingSchema), ['inpatient', 'residential']),
  }),
  docs: {
    description:
      'No unscheduled stretch over 3 hours (tunable) in waking hours, evenings and weekends included.',
    rationale:
      'Boredom is the ward norm: observed inpatients spent 84% of their time socially disengaged and only 4% in organised groups, and evenings and weekends are the emptiest. Gaps that long invite conflict and withdrawal.',
    source:
      'Psychiatric Bulletin 31(5):167 (boredom on acute wards); Safewards (structure as a conflict reducer).',
  },
  messages: messagesFor('no-empty-stretch'),
  check(ctx) {
    const o = ctx.options;
    if (!o.settings.includes(ctx.doc.program.setting)) return [];
    const gaps: EmptyStretch[] = [];
    let before = addDays(ctx.range.dates[0] ?? ctx.now.date, -1);
    for (const date of ctx.range.dates) {
      // The day before too: an overnight activity fills the early morning.
      const around = ctx.scheduledOn(before).concat(ctx.scheduledOn(date));
      for (const gap of emptyStretches(around, date, ctx.zone, o)) gaps.push(gap);
      before = date;
    }
    const reports: RuleReport[] = [];
    for (const list of groupBy(gaps, (g) => `${g.from}-${g.to}-${g.hours}`).values()) {
      const g = list[0] as EmptyStretch;
      reports.push({
        messageId: 'gap',
        data: {
          from: g.from,
          to: g.to,
          hours: g.hours,
          max: o.maxHours,
          count: list.length,
          dates: dateList(list.map((x) => x.date)),
        },
        path: '/routines',
        fix: 'fixGap',
      });
    }
    return reports;
  },
});

/**
 * The `no-empty-stretch` options in force for a program of `setting`, resolved from `options`
 * (a rule configuration's options, `{}` for the defaults), or `undefined` when the rule does not
 * apply to that setting. The schedule resource carries them, so a board hatches exactly the
 * stretches that the rule reports.
 *
 * @param setting - the program's setting
 * @param options - the rule's options as configured (default: none, the rule's defaults)
 * @throws Error when `options` are not valid options of the rule (validate configurations first)
 */
export function emptyStretchOptions(
  setting: Setting,
  options: unknown = {},
): EmptyStretchOptions | undefined {
  const o = noEmptyStretch.options!.parse(options);
  if (!o.settings.includes(setting)) return undefined;
  return {
    maxHours: o.maxHours,
    wakingStart: o.wakingStart,
    wakingEnd: o.wakingEnd,
    useWakeAndLightsOut: o.useWakeAndLightsOut,
    ignoreKinds: o.ignoreKinds,
  };
}
