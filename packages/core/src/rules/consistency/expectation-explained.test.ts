import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

describe('expectation-explained', () => {
  it('passes expectations with a rationale', () => {
    expect(runRule('expectation-explained', cleanDoc())).toEqual([]);
  });

  it('reports a missing and a too-short rationale', () => {
    const doc = cleanDoc();
    const [a, b] = doc.expectations.items;
    if (a) delete a.rationale;
    if (b) b.rationale = 'Safety.';
    const findings = runRule('expectation-explained', doc);
    expect(findings.map((f) => [f.messageId, f.path[0]])).toEqual([
      ['missing', '/expectations/items/0'],
      ['tooShort', '/expectations/items/1/rationale'],
    ]);
    expect(runRule('expectation-explained', doc, { options: { minWords: 1 } })).toHaveLength(1);
  });
});
