/**
 * `feedback-sources`: staff, peer and self feedback at least every 7 days of stay.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { FeedbackSource } from '../../model/index.js';
import { addDays, daysBetween, parseInstant } from '../../time/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

/** Sources a participant should hear from; `staff` is met by `staff` or `therapist` entries. */
export const REQUIRED_FEEDBACK_SOURCES = ['staff', 'peer', 'self'] as const;

const MEETS: Record<(typeof REQUIRED_FEEDBACK_SOURCES)[number], readonly FeedbackSource[]> = {
  staff: ['staff', 'therapist'],
  peer: ['peer'],
  self: ['self'],
};

/**
 * Each participant staying today gets, from each of `sources` (staff — therapists included —
 * peer, self), at least one entry about them in every `maxDays`-day period of their stay
 * (default 7), counted from the admission date. The rule checks the latest complete period
 * (the one that ended before today), so a week still in progress is never reported. Entries up
 * to `now` count; withheld ones do not.
 */
export const feedbackSources = defineRule({
  id: 'feedback-sources',
  concern: 'feedback',
  defaultSeverity: 'warn',
  options: z.strictObject({
    maxDays: z._default(z.number().check(z.int(), z.gte(1)), 7),
    sources: z._default(z.array(z.enum(REQUIRED_FEEDBACK_SOURCES)), [...REQUIRED_FEEDBACK_SOURCES]),
  }),
  docs: {
    description:
      'Each participant gets staff, peer and self feedback at least every 7 days of stay (tunable).',
    rationale:
      'Feedback from several perspectives — staff, peers and oneself — about goals and coping skills is how a milieu teaches; a week without it is a week of treatment without a mirror.',
    source:
      'Therapeutic milieu (seed article: feedback from therapists, staff, peers and self); therapeutic community peer feedback practice.',
  },
  messages: messagesFor('feedback-sources'),
  check(ctx) {
    const today = ctx.now.date;
    const reports: RuleReport[] = [];
    const bySubject = new Map<string, { source: FeedbackSource; date: string }[]>();
    for (const f of ctx.doc.records.feedback) {
      if (f.subjectId === undefined || f.review.status === 'withheld') continue;
      const ms = parseInstant(f.createdAt);
      if (ms > ctx.now.ms) continue;
      const list = bySubject.get(f.subjectId) ?? [];
      list.push({ source: f.source, date: ctx.localDateOf(ms) });
      bySubject.set(f.subjectId, list);
    }
    for (const p of ctx.doc.people.participants) {
      const stayed = daysBetween(p.admissionDate, today);
      if (!ctx.isStaying(p, today) || stayed < ctx.options.maxDays) continue;
      const from = addDays(
        p.admissionDate,
        (Math.floor(stayed / ctx.options.maxDays) - 1) * ctx.options.maxDays,
      );
      const to = addDays(from, ctx.options.maxDays - 1);
      const about = bySubject.get(p.id) ?? [];
      for (const source of ctx.options.sources) {
        const dates = about
          .filter((f) => MEETS[source].includes(f.source))
          .map((f) => f.date)
          .sort();
        if (dates.some((d) => d >= from && d <= to)) continue;
        const last = dates.filter((d) => d < from).pop();
        reports.push({
          messageId: last === undefined ? 'never' : 'stale',
          data: {
            name: ctx.nameOf(p.id),
            source,
            from,
            to,
            last: last ?? '',
            maxDays: ctx.options.maxDays,
          },
          path: ctx.participant(p.id)?.pointer ?? '/people/participants',
          related: { participantIds: [p.id] },
          fix: 'fixSource',
        });
      }
    }
    return reports;
  },
});
