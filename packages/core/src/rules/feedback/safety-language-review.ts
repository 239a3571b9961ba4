/**
 * `safety-language-review`: entries with safety language go to staff review before anyone else
 * sees them.
 *
 * @module
 */
import * as z from 'zod/mini';
import { DEFAULT_SAFETY_TERMS, detectSafetyLanguage } from '../../feedback/index.js';
import type { FeedbackEntry } from '../../model/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { normalizeText } from '../util/text.js';

/** Free text of an entry: strengths, suggestions and text answers. */
export function entryText(f: FeedbackEntry): string {
  const answers = Object.values(f.answers ?? {}).flatMap((v) =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v : [],
  );
  return [f.strengths, f.suggestions ?? '', ...answers].join('\n');
}

const prefilters = new Map<string, RegExp>();

/**
 * A cheap pre-check: the first two words of every phrase (runs of letters and digits, so
 * `can't go on` gives `can t`, `self-harm` gives `self harm`), as whole words separated by
 * anything, in one expression on normalised text. A text without any of them cannot contain a
 * phrase, so the heavier `detectSafetyLanguage` runs only on texts that might.
 */
function prefilter(extra: readonly string[]): RegExp {
  const key = extra.join('\u0000');
  let re = prefilters.get(key);
  if (!re) {
    const heads = new Set<string>();
    for (const phrase of [...DEFAULT_SAFETY_TERMS.map((t) => t.phrase), ...extra]) {
      const words = normalizeText(phrase).match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length > 0) heads.add(words.slice(0, 2).join('[^\\p{L}\\p{N}]+'));
    }
    re =
      heads.size === 0
        ? /(?!)/
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...heads].join('|')})(?![\\p{L}\\p{N}])`, 'u');
    if (prefilters.size > 50) prefilters.clear();
    prefilters.set(key, re);
  }
  return re;
}

/**
 * Whether a text may contain safety language (a fast pre-check; `detectSafetyLanguage` decides).
 *
 * @param text - free text
 * @param extra - extra phrases of the rule's options
 */
export function mayContainSafetyLanguage(text: string, extra: readonly string[]): boolean {
  return prefilter(extra).test(normalizeText(text));
}

/**
 * An entry flagged `safety-language`, or whose free text contains safety language (the feedback
 * module's `detectSafetyLanguage`, English and Spanish, plus `extraPhrases`), is reported when it
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
    const maybe = prefilter(ctx.options.extraPhrases);
    ctx.doc.records.feedback.forEach((f, index) => {
      const flagged = f.review.flags?.includes('safety-language') ?? false;
      const text = entryText(f);
      const matches = maybe.test(normalizeText(text)) ? detectSafetyLanguage(text, options) : [];
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
