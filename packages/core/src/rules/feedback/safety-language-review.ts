/**
 * `safety-language-review`: entries with safety language go to staff review before anyone else
 * sees them.
 *
 * @module
 */
import * as z from 'zod/mini';
import { entrySafety } from '../../feedback/policy.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';

/**
 * An entry flagged `safety-language`, or whose text contains safety language (the feedback
 * policy's `entrySafety`: every text the safety scan reads, `safetyText`, through
 * `detectSafetyLanguage`, English and Spanish, plus `extraPhrases`), is reported when it
 * is visible to someone other than its author (`community`, or `subject` when the author is not
 * the subject) while its review is neither `pending`, `needs-changes` nor `withheld` — unless a
 * reviewer is recorded (`approved` with `reviewedBy`): a person decided, the rule only routes.
 * A pending entry with safety language that lacks the `safety-language` flag is a warning
 * (`notFlagged`), so reviewers see it first.
 */
export const safetyLanguageReview = defineRule({
  id: 'safety-language-review',
  concern: 'feedback',
  defaultSeverity: 'error',
  options: z.strictObject({
    extraPhrases: z._default(z.array(z.string()), []),
  }),
  docs: {
    description:
      'Feedback containing safety language (self-harm, harm to others) is routed to staff review before it is shown to anyone else.',
    rationale:
      'A disclosure of self-harm or a threat must reach a clinician first, not a peer or a shared screen; the writer is told that staff will read it.',
    source:
      'Suicide-prevention practice (safe messaging, clinician review of disclosures); therapeutic milieu: physical and emotional safety.',
  },
  messages: messagesFor('safety-language-review'),
  check(ctx) {
    const reports: RuleReport[] = [];
    const options = { words: ctx.options.extraPhrases };
    ctx.doc.records.feedback.forEach((f, index) => {
      const flagged = f.review.flags?.includes('safety-language') ?? false;
      const matches = entrySafety(f, options);
      if (!flagged && matches.length === 0) return;
      const base = `/records/feedback/${index}`;
      const related = f.subjectId === undefined ? {} : { participantIds: [f.subjectId] };
      const phrases = [...new Set(matches.map((m) => m.text))];
      const status = f.review.status;
      if (status === 'pending') {
        if (!flagged)
          reports.push({
            messageId: 'notFlagged',
            data: { phrases },
            path: `${base}/review`,
            related,
            fix: 'fixNotFlagged',
            severity: 'warn',
          });
        return;
      }
      const toOthers =
        f.visibility === 'community' || (f.visibility === 'subject' && f.authorId !== f.subjectId);
      const reviewed = status === 'approved' && f.review.reviewedBy !== undefined;
      if (!toOthers || status === 'withheld' || status === 'needs-changes' || reviewed) return;
      reports.push({
        messageId: 'unreviewed',
        data: {
          phrases: phrases.length > 0 ? phrases : ['safety-language'],
          visibility: f.visibility,
          status,
        },
        path: [`${base}/review/status`, `${base}/visibility`],
        related,
        fix: 'fixUnreviewed',
      });
    });
    return reports;
  },
});
