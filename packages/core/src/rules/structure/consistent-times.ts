/**
 * `consistent-times`: recurring kinds start at about the same time every day.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ActivityKindSchema, type Audience } from '../../model/index.js';
import type { Occurrence } from '../../schedule/index.js';
import { minutesToLocalTime } from '../../time/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { dateList, groupBy, wallMinutes } from '../util/group.js';

const DAY = 1440;

/** Signed difference `m - ref` in minutes on a 24-hour clock, in (-720, 720]. */
function circular(m: number, ref: number): number {
  const d = (((m - ref) % DAY) + DAY) % DAY;
  return d > DAY / 2 ? d - DAY : d;
}

/** A stable key of an audience: `everyone`, `groups:a,b` or `participants:x,y` (ids sorted). */
export function audienceKey(audience: Audience | undefined): string {
  if (audience === undefined || audience.type === 'everyone') return 'everyone';
  const ids = audience.type === 'groups' ? audience.groupIds : audience.participantIds;
  return `${audience.type}:${[...ids].sort().join(',')}`;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
}

/**
 * Each recurring kind (meals, community meeting, lights-out) starts within ±`toleranceMinutes`
 * (default 30) of its usual time across the days of the range. The usual time is the median
 * wall-clock start of the kind (on a 24-hour circle, so 23:45 and 00:10 are 25 minutes apart).
 * Moved occurrences (one-off exceptions with a reason) and starts shifted by a DST gap are
 * not counted. With `perAudience` (default on) each audience is compared with itself only, so a
 * group's later weekend lights-out is not measured against the youngest group's bedtime.
 */
export const consistentTimes = defineRule({
  id: 'consistent-times',
  concern: 'structure',
  defaultSeverity: 'warn',
  options: z.strictObject({
    kinds: z._default(z.array(ActivityKindSchema), [
      'breakfast',
      'lunch',
      'dinner',
      'community-meeting',
      'lights-out',
    ]),
    toleranceMinutes: z._default(z.number().check(z.gte(0)), 30),
    perAudience: z._default(z.boolean(), true),
  }),
  docs: {
    description:
      'Meals, the community meeting and lights-out start within ±30 minutes (tunable) of their usual time every day.',
    rationale:
      'Predictability is the point of a routine: participants orient their day around meals, the meeting and bedtime, and shifting anchors unsettle people in crisis.',
    source: 'Therapeutic milieu: structure as a repeating daily and weekly routine.',
  },
  messages: messagesFor('consistent-times'),
  check(ctx) {
    const { toleranceMinutes } = ctx.options;
    const kinds = new Set(ctx.options.kinds);
    const reports: RuleReport[] = [];
    const candidates = ctx
      .scheduled()
      .filter((o) => kinds.has(o.kind) && o.status !== 'moved' && !o.dstShifted);
    const audiences = new Map(ctx.doc.routines.map((r) => [r.id, audienceKey(r.audience)]));
    const key = ctx.options.perAudience
      ? (o: Occurrence) => `${o.kind}\u0000${audiences.get(o.routineId) ?? 'everyone'}`
      : (o: Occurrence) => o.kind;
    for (const occurrences of groupBy(candidates, key).values()) {
      const kind = (occurrences[0] as Occurrence).kind;
      const audience = ctx.options.perAudience
        ? (audiences.get((occurrences[0] as Occurrence).routineId) ?? 'everyone')
        : 'all';
      const first = wallMinutes((occurrences[0] as Occurrence).start);
      const rel = occurrences.map((o) => circular(wallMinutes(o.start), first));
      const usualRel = median(rel);
      const usual = (((first + usualRel) % DAY) + DAY) % DAY;
      const off = occurrences.filter(
        (_, i) => Math.abs((rel[i] as number) - usualRel) > toleranceMinutes,
      );
      for (const list of groupBy(off, (o) => `${o.routineId}@${o.start.slice(11, 16)}`).values()) {
        const o = list[0] as Occurrence;
        reports.push({
          messageId: 'drift',
          data: {
            kind,
            title: o.title,
            time: o.start.slice(11, 16),
            usual: minutesToLocalTime(usual),
            tolerance: toleranceMinutes,
            dates: dateList(list.map((x) => x.localDate)),
            audience,
          },
          path: `${ctx.routinePointer(o.routineId)}/start`,
          related: { routineIds: [o.routineId], occurrenceIds: list.map((x) => x.id) },
          fix: 'fixDrift',
        });
      }
    }
    return reports;
  },
});
