/**
 * `expectation-explained`: every expectation has a plain-language rationale.
 *
 * @module
 */
import * as z from 'zod/mini';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { wordsOf } from '../util/text.js';

/**
 * Every expectation has a `rationale` of at least `minWords` words (default 3): "Safety." does
 * not explain anything.
 */
export const expectationExplained = defineRule({
  id: 'expectation-explained',
  concern: 'consistency',
  defaultSeverity: 'error',
  options: z.strictObject({
    minWords: z._default(z.number().check(z.int(), z.gte(1)), 3),
  }),
  docs: {
    description:
      'Every expectation comes with a plain-language rationale (at least 3 words by default).',
    rationale:
      'Patients react worse to rules whose reason they do not understand; a stated reason turns a rule into an agreement people can hold each other to.',
    source:
      'Doyle & Clark (2020), ward rules and patient reactions; Safewards "clear mutual expectations".',
  },
  messages: messagesFor('expectation-explained'),
  check(ctx) {
    const reports: RuleReport[] = [];
    ctx.doc.expectations.items.forEach((item, index) => {
      const words = wordsOf(item.rationale ?? '').length;
      if (words >= ctx.options.minWords) return;
      reports.push({
        messageId: words === 0 ? 'missing' : 'tooShort',
        data: { statement: item.statement, words, minWords: ctx.options.minWords },
        path: `/expectations/items/${index}${item.rationale === undefined ? '' : '/rationale'}`,
        fix: 'fixRationale',
      });
    });
    return reports;
  },
});
