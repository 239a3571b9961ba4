/**
 * `required-elements`: each week contains the kinds of activity its program setting requires.
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  ActivityKindSchema,
  SettingSchema,
  type ActivityKind,
  type Setting,
} from '../../model/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { dateList } from '../util/group.js';

/** A requirement: one kind, or alternatives of which one is enough. */
export type KindRequirement = ActivityKind | readonly ActivityKind[];

const RECREATION: readonly ActivityKind[] = [
  'recreation-therapy',
  'supervised-recreation',
  'exercise',
  'outing',
  'art-therapy',
];
const FULL: readonly KindRequirement[] = [
  'community-meeting',
  'group-therapy',
  'psychoeducation',
  RECREATION,
  'free-time',
];

/**
 * Weekly requirements by setting (default option of `required-elements`). Inpatient and
 * residential programs need a community meeting, group therapy, psychoeducation, recreation
 * (recreation therapy, supervised recreation, exercise, an outing or art) and free time; day programs the therapeutic
 * core; weekly outpatient groups one group session; home none.
 */
export const DEFAULT_REQUIRED_ELEMENTS: Readonly<Record<Setting, readonly KindRequirement[]>> = {
  inpatient: FULL,
  residential: FULL,
  php: ['community-meeting', 'group-therapy', 'psychoeducation'],
  iop: ['group-therapy', 'psychoeducation'],
  outpatient: [['group-therapy', 'community-meeting', 'social-skills', 'psychoeducation']],
  home: [],
};

/**
 * Each complete 7-day window of the range (from its first day; the default range is two ISO
 * weeks) contains the activity kinds its setting requires. `required` overrides the defaults per
 * setting, e.g. `{ required: { iop: ['group-therapy'] } }`. Elements missing in the same weeks
 * give one report naming them all.
 */
export const requiredElements = defineRule({
  id: 'required-elements',
  concern: 'structure',
  defaultSeverity: 'error',
  options: z.strictObject({
    required: z._default(
      z.partialRecord(
        SettingSchema,
        z.array(z.union([ActivityKindSchema, z.array(ActivityKindSchema)])),
      ),
      {},
    ),
  }),
  docs: {
    description:
      "Each week contains the activity kinds the program's setting requires (community meeting, group therapy, psychoeducation, recreation, free time).",
    rationale:
      'A therapeutic milieu is defined by its elements: the community meeting, groups, learning about one’s condition, recreation and free time. A week without one of them is a gap in treatment, not just in the timetable.',
    source:
      'Therapeutic milieu (seed article: the five concerns and their elements); program standards per setting.',
  },
  messages: messagesFor('required-elements'),
  check(ctx) {
    const setting = ctx.doc.program.setting;
    const requirements = ctx.options.required[setting] ?? DEFAULT_REQUIRED_ELEMENTS[setting];
    const missingWeeks = new Map<string, string[]>();
    for (const week of ctx.weeks()) {
      const kinds = new Set<ActivityKind>();
      for (const date of week) for (const o of ctx.scheduledOn(date)) kinds.add(o.kind);
      for (const req of requirements) {
        const alternatives: readonly ActivityKind[] = typeof req === 'string' ? [req] : req;
        if (alternatives.some((k) => kinds.has(k))) continue;
        const key = alternatives.join(' / ');
        const list = missingWeeks.get(key) ?? [];
        list.push(week[0] as string);
        missingWeeks.set(key, list);
      }
    }
    // Elements missing in the same weeks have one cause (a timetable without a therapeutic
    // programme, a week without staff): one report naming them all.
    const byWeeks = new Map<string, { kinds: string[]; weeks: string[] }>();
    for (const [kinds, weeks] of missingWeeks) {
      const key = weeks.join(' ');
      const entry = byWeeks.get(key) ?? { kinds: [], weeks };
      entry.kinds.push(kinds);
      byWeeks.set(key, entry);
    }
    const reports: RuleReport[] = [];
    for (const { kinds, weeks } of byWeeks.values()) {
      reports.push({
        messageId: 'missing',
        data: { kinds: kinds.join(', '), count: kinds.length, setting, weeks: dateList(weeks) },
        path: '/routines',
        fix: 'fixMissing',
      });
    }
    return reports;
  },
});
