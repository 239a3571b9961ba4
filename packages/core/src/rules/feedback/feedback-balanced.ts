/**
 * `feedback-balanced`: every entry names a strength; suggestions are specific.
 *
 * @module
 */
import * as z from 'zod/mini';
import { isSpecific } from '../../feedback/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { hasWords } from '../util/text.js';

/** Stock answers that name no strength (default `emptyStrengths`). */
export const EMPTY_STRENGTHS: readonly string[] = [
  'n/a',
  'na',
  'none',
  'nothing',
  'no',
  'idk',
  'ok',
  'fine',
  'good',
  '-',
  'nada',
  'ninguno',
  'ninguna',
  'bien',
  'no se',
];

/**
 * Each feedback entry names a strength: `strengths` has at least `minStrengthWords` words
 * (default 2) and is not a stock answer ("n/a", "good", "nada"); and any `suggestions` are
 * specific: at least four words and not a stock phrase ("do better", "mejorar") — the same
 * heuristic the feedback form uses.
 */
export const feedbackBalanced = defineRule({
  id: 'feedback-balanced',
  concern: 'feedback',
  defaultSeverity: 'warn',
  options: z.strictObject({
    minStrengthWords: z._default(z.number().check(z.int(), z.gte(1)), 2),
    emptyStrengths: z._default(z.array(z.string()), [...EMPTY_STRENGTHS]),
  }),
  docs: {
    description: 'Each feedback entry names a strength, and its suggestions are specific.',
    rationale:
      'Strengths first keeps feedback from becoming a list of failings; a vague suggestion ("do better") gives the person nothing to practise.',
    source: 'Therapeutic community feedback practice; strengths-based recovery.',
  },
  messages: messagesFor('feedback-balanced'),
  check(ctx) {
    const stock = new Set(ctx.options.emptyStrengths.map((s) => s.trim().toLowerCase()));
    const reports: RuleReport[] = [];
    ctx.doc.records.feedback.forEach((f, index) => {
      const base = `/records/feedback/${index}`;
      const related = () => (f.subjectId === undefined ? {} : { participantIds: [f.subjectId] });
      const strength = f.strengths
        .trim()
        .replace(/[.!¡?¿]+$/g, '')
        .toLowerCase();
      if (stock.has(strength) || !hasWords(f.strengths, ctx.options.minStrengthWords)) {
        reports.push({
          messageId: 'noStrength',
          data: { strengths: f.strengths },
          path: `${base}/strengths`,
          related: related(),
          fix: 'fixStrength',
        });
      }
      if (
        f.suggestions !== undefined &&
        f.suggestions.trim() !== '' &&
        !isSpecific(f.suggestions)
      ) {
        reports.push({
          messageId: 'vagueSuggestion',
          data: { suggestions: f.suggestions },
          path: `${base}/suggestions`,
          related: related(),
          fix: 'fixSuggestion',
        });
      }
    });
    return reports;
  },
});
