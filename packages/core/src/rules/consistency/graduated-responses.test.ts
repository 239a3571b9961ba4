import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

describe('graduated-responses', () => {
  it('passes escalating ladders with expiries and an earn-back path', () => {
    expect(runRule('graduated-responses', cleanDoc())).toEqual([]);
  });

  it('reports a step that falls back, a step that never lapses and a missing earn-back', () => {
    const doc = cleanDoc();
    const e = doc.expectations.items[0];
    if (!e) throw new Error('fixture');
    e.ladder = [
      { step: 1, kind: 'team-review', description: 'Team review.', reviewAfterDays: 7 },
      { step: 2, kind: 'reminder', description: 'A reminder.' },
      { step: 3, kind: 'other', description: 'Something else.', expiresAfterDays: 2 },
    ];
    delete e.earnBack;
    const findings = runRule('graduated-responses', doc);
    expect(findings.map((f) => [f.messageId, f.path[0]])).toEqual([
      ['noEarnBack', '/expectations/items/0'],
      ['noExpiry', '/expectations/items/0/ladder/1'],
      ['notEscalating', '/expectations/items/0/ladder/1/kind'],
    ]);
  });

  it('reports an expectation without a ladder unless allowed', () => {
    const doc = cleanDoc();
    const e = doc.expectations.items[1];
    if (e) e.ladder = [];
    expect(runRule('graduated-responses', doc).map((f) => f.messageId)).toEqual(['noLadder']);
    expect(runRule('graduated-responses', doc, { options: { requireLadder: false } })).toEqual([]);
  });
});
