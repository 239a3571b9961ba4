/**
 * `expectation-positive`: expectations say what to do, not only what not to do.
 *
 * @module
 */
import * as z from 'zod/mini';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { compileWordList } from '../util/text.js';

/**
 * Negative markers, English and Spanish (default `negativeWords` of `expectation-positive`).
 * Matched as whole words, case- and accent-insensitive.
 */
export const NEGATIVE_WORDS: readonly string[] = [
  // English
  'no',
  'not',
  "don't",
  'dont',
  'do not',
  'never',
  "mustn't",
  'must not',
  'cannot',
  "can't",
  "won't",
  'shall not',
  'may not',
  'forbidden',
  'prohibited',
  'banned',
  'not allowed',
  'not permitted',
  'nobody',
  'none',
  'without permission',
  // Spanish
  'nunca',
  'jamas',
  'prohibido',
  'prohibida',
  'prohibidos',
  'prohibidas',
  'se prohibe',
  'no se permite',
  'no esta permitido',
  'ni',
  'nadie',
  'ningun',
  'ninguna',
];

/**
 * An expectation's statement names what to do: it is reported when every clause of it (split at
 * `.`, `;`, `:`, `,`, `!`, `?` and line breaks) contains a negative marker from `negativeWords`
 * ("No shouting." and "Do not enter other rooms; never borrow without asking." are reported;
 * "Knock and wait before entering someone's room, never walk in." is not).
 */
export const expectationPositive = defineRule({
  id: 'expectation-positive',
  concern: 'consistency',
  defaultSeverity: 'warn',
  options: z.strictObject({
    negativeWords: z._default(z.array(z.string()), [...NEGATIVE_WORDS]),
  }),
  docs: {
    description:
      'Every expectation is phrased as what to do, not only as what not to do (tunable English and Spanish word list).',
    rationale:
      'Positively phrased expectations tell people what success looks like and read as agreements rather than prohibitions; lists of "no" invite testing the limits.',
    source:
      'Safewards "clear mutual expectations" (positively worded); positive behaviour support.',
  },
  messages: messagesFor('expectation-positive'),
  check(ctx) {
    const negative = compileWordList(ctx.options.negativeWords);
    const reports: RuleReport[] = [];
    ctx.doc.expectations.items.forEach((item, index) => {
      const clauses = item.statement
        .split(/[.;:,!?¡¿\n]+/)
        .map((c) => c.trim())
        .filter((c) => c.length > 0);
      if (clauses.length === 0 || !clauses.every((c) => negative.test(c))) return;
      reports.push({
        messageId: 'negative',
        data: { statement: item.statement, words: negative.find(item.statement) },
        path: `/expectations/items/${index}/statement`,
        fix: 'fixNegative',
      });
    });
    return reports;
  },
});
