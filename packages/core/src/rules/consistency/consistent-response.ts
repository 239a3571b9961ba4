/**
 * `consistent-response`: the applied step matches the ladder, whoever applies it.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { Observation } from '../../model/index.js';
import { parseInstant } from '../../time/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { groupBy } from '../util/group.js';

const DAY_MS = 86_400_000;

/**
 * For each observation up to `now`, the expected step is the ladder step for the number of
 * observations of the same participant and expectation within the preceding `lookBackDays`
 * (default 30; this one included; the last step once the ladder is exhausted). A different
 * applied step is reported (`mismatch`). Staff with at least `minObservations` (default 3)
 * observations, of which more than `maxDivergence` (default 0.5) diverge, are reported once
 * (`staffDiverges`), so a team can talk about holding expectations the same way.
 */
export const consistentResponse = defineRule({
  id: 'consistent-response',
  concern: 'consistency',
  defaultSeverity: 'warn',
  options: z.strictObject({
    lookBackDays: z._default(z.number().check(z.gt(0)), 30),
    minObservations: z._default(z.number().check(z.int(), z.gte(1)), 3),
    maxDivergence: z._default(z.number().check(z.gte(0), z.lte(1)), 0.5),
  }),
  docs: {
    description:
      'For the same expectation and the same count within a look-back window, the applied step matches the ladder; staff whose applied steps diverge are flagged.',
    rationale:
      'Staff inconsistency — one person reminds, another escalates — is a named driver of conflict on wards; the same situation should meet the same response.',
    source:
      'Safewards model (Bowers 2014): staff inconsistency as a flashpoint; therapeutic milieu consistency.',
  },
  messages: messagesFor('consistent-response'),
  check(ctx) {
    const windowMs = ctx.options.lookBackDays * DAY_MS;
    const ladders = new Map(ctx.doc.expectations.items.map((e) => [e.id, e]));
    const indexOf = new Map(ctx.doc.records.observations.map((o, i) => [o, i]));
    const past = ctx.doc.records.observations
      .map((o) => ({ o, ms: parseInstant(o.at) }))
      .filter((x) => x.ms <= ctx.now.ms)
      .sort((a, b) => a.ms - b.ms || (a.o.id < b.o.id ? -1 : 1));
    const reports: RuleReport[] = [];
    const perStaff = new Map<string, { total: number; off: number; observations: Observation[] }>();
    for (const list of groupBy(
      past,
      (x) => `${x.o.participantId}\u0000${x.o.expectationId}`,
    ).values()) {
      const expectation = ladders.get(list[0]?.o.expectationId ?? '');
      if (!expectation || expectation.ladder.length === 0) continue;
      list.forEach(({ o, ms }, i) => {
        const count = list.slice(0, i + 1).filter((x) => x.ms > ms - windowMs).length;
        const expected =
          expectation.ladder[Math.min(count, expectation.ladder.length) - 1]?.step ?? o.step;
        const stats = perStaff.get(o.byStaffId) ?? { total: 0, off: 0, observations: [] };
        stats.total++;
        perStaff.set(o.byStaffId, stats);
        if (o.step === expected) return;
        stats.off++;
        stats.observations.push(o);
        reports.push({
          messageId: 'mismatch',
          data: {
            name: ctx.nameOf(o.byStaffId),
            applied: o.step,
            expected,
            count,
            statement: expectation.statement,
            date: ctx.localDateOf(ms),
          },
          path: `/records/observations/${indexOf.get(o) ?? 0}/step`,
          related: { participantIds: [o.participantId], staffIds: [o.byStaffId] },
          fix: 'fixMismatch',
        });
      });
    }
    for (const [staffId, s] of perStaff) {
      if (s.total < ctx.options.minObservations || s.off / s.total <= ctx.options.maxDivergence)
        continue;
      reports.push({
        messageId: 'staffDiverges',
        data: { name: ctx.nameOf(staffId), off: s.off, total: s.total },
        path: [
          ctx.staff(staffId)?.pointer ?? '/people/staff',
          ...s.observations.map((o) => `/records/observations/${indexOf.get(o) ?? 0}`),
        ],
        related: { staffIds: [staffId] },
        fix: 'fixStaffDiverges',
      });
    }
    return reports;
  },
});
