/**
 * `peer-anonymity`: anonymous peer feedback reaches its subject only in aggregate of ≥ 3 raters.
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  distinctRaters,
  feedbackSettings,
  raterByAuthor,
  shownToSubject,
  type RaterOf,
} from '../../feedback/policy.js';
import { parseInstant } from '../../time/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

const DAY_MS = 86_400_000;

/**
 * An anonymous peer entry that its subject can see (`visibility` `subject` or `community`, not
 * withheld) must be one of at least `minRaters` distinct raters — counted (by the feedback
 * policy's `distinctRaters`) by `authorId`, or by the rater key in `raters` for entries stored
 * without an author (`program.policy.anonymousAuthors: 'nobody'`), among the
 * visible anonymous peer entries about the same subject (all of them by default; with
 * `windowDays`, those created within that many days of it, for programs that show a rolling
 * aggregate). `minRaters` defaults to `program.policy.peerAnonymityMinRaters`, else 3. A server
 * that keeps rater keys apart from the document passes them as `raters` (entry id → an opaque
 * key, equal for the same writer about the same subject). An entry without `authorId` or key
 * cannot be counted: an empty author field alone is not anonymity when the
 * subject can guess who wrote it in a unit of twelve.
 */
export const peerAnonymity = defineRule({
  id: 'peer-anonymity',
  concern: 'feedback',
  defaultSeverity: 'error',
  options: z.strictObject({
    minRaters: z.optional(z.number().check(z.int(), z.gte(1))),
    windowDays: z.optional(z.number().check(z.gt(0))),
    raters: z.optional(z.record(z.string(), z.string())),
  }),
  docs: {
    description:
      'Anonymous peer feedback is shown to its subject only in aggregate of at least 3 distinct raters (tunable).',
    rationale:
      'In a small unit, a single "anonymous" comment is easy to attribute; aggregation is what protects the rater and keeps peer feedback honest and safe.',
    source:
      'Therapeutic community peer feedback practice; survey k-anonymity thresholds (minimum cell size).',
  },
  messages: messagesFor('peer-anonymity'),
  check(ctx) {
    const minRaters = ctx.options.minRaters ?? feedbackSettings(ctx.doc).minRaters;
    const keys = ctx.options.raters;
    const raterOf: RaterOf = keys
      ? (f) => f.authorId ?? (Object.hasOwn(keys, f.id) ? keys[f.id] : undefined)
      : raterByAuthor;
    const windowMs =
      ctx.options.windowDays === undefined ? Infinity : ctx.options.windowDays * DAY_MS;
    const visible = ctx.doc.records.feedback
      .map((f, index) => ({ f, index, ms: parseInstant(f.createdAt) }))
      .filter(
        ({ f }) =>
          f.source === 'peer' && f.anonymous && f.subjectId !== undefined && shownToSubject(f),
      );
    const reports: RuleReport[] = [];
    for (const { f, index, ms } of visible) {
      const raters = distinctRaters(
        visible
          .filter((x) => x.f.subjectId === f.subjectId && Math.abs(x.ms - ms) <= windowMs)
          .map((x) => x.f),
        raterOf,
      );
      const known = raterOf(f) !== undefined;
      if (raters >= minRaters && known) continue;
      reports.push({
        messageId: known ? 'tooFewRaters' : 'unverifiable',
        data: {
          name: ctx.nameOf(f.subjectId ?? ''),
          raters,
          minRaters,
          visibility: f.visibility,
        },
        path: [`/records/feedback/${index}/visibility`, `/records/feedback/${index}`],
        related: { participantIds: [f.subjectId ?? ''] },
        fix: 'fixAggregate',
      });
    }
    return reports;
  },
});
