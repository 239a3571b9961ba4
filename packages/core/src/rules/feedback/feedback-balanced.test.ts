import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

describe('feedback-balanced', () => {
  it('passes entries with a strength and specific suggestions', () => {
    expect(runRule('feedback-balanced', cleanDoc())).toEqual([]);
  });

  it('reports entries without a real strength and vague suggestions', () => {
    const doc = cleanDoc();
    const [a, b, c] = doc.records.feedback;
    if (!a || !b || !c) throw new Error('fixture');
    a.strengths = 'n/a';
    b.strengths = 'Good.';
    c.suggestions = 'Do better.';
    const findings = runRule('feedback-balanced', doc);
    expect(findings.map((f) => [f.messageId, f.path[0]])).toEqual([
      ['noStrength', '/records/feedback/0/strengths'],
      ['noStrength', '/records/feedback/1/strengths'],
      ['vagueSuggestion', '/records/feedback/2/suggestions'],
    ]);
    expect(findings[0]?.related.participantIds).toEqual(['p1']);
  });

  it('accepts Spanish feedback and a tunable minimum', () => {
    const doc = cleanDoc();
    const f = doc.records.feedback[0];
    if (!f) throw new Error('fixture');
    f.strengths = 'Ayudó a Sam';
    f.suggestions = 'Prueba la respiración antes de la llamada de la tarde.';
    expect(runRule('feedback-balanced', doc)).toEqual([]);
    expect(runRule('feedback-balanced', doc, { options: { minStrengthWords: 4 } })).toHaveLength(1);
  });
});
