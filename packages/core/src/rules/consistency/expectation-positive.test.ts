import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

function withStatements(...statements: string[]) {
  const doc = cleanDoc();
  const template = doc.expectations.items[0];
  if (!template) throw new Error('fixture');
  doc.expectations.items = statements.map((statement, i) => ({
    ...template,
    id: `e${i}`,
    statement,
  }));
  return doc;
}

describe('expectation-positive', () => {
  it('passes statements that say what to do, even with a "never" clause', () => {
    const doc = withStatements(
      'Speak to each other with respect.',
      "Knock and wait before entering someone's room, never walk in.",
      'Respeta el turno de palabra en la asamblea.',
      'Note what helps you sleep.',
    );
    expect(runRule('expectation-positive', doc)).toEqual([]);
  });

  it('reports statements that only forbid, in English and Spanish', () => {
    const doc = withStatements(
      'No shouting.',
      'Do not enter other rooms; never borrow without asking.',
      'Prohibido fumar.',
      'Nunca entres sin llamar.',
    );
    const findings = runRule('expectation-positive', doc);
    expect(findings.map((f) => f.path[0])).toEqual(
      [0, 1, 2, 3].map((i) => `/expectations/items/${i}/statement`),
    );
    expect(findings[1]?.data['words']).toEqual(['not', 'do not', 'never']);
  });

  it('uses the tunable word list', () => {
    const doc = withStatements('Avoid raised voices.');
    expect(runRule('expectation-positive', doc)).toEqual([]);
    expect(
      runRule('expectation-positive', doc, { options: { negativeWords: ['avoid'] } }),
    ).toHaveLength(1);
  });
});
