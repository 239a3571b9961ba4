import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

function withSteps(...descriptions: string[]) {
  const doc = cleanDoc();
  const e = doc.expectations.items[0];
  if (!e) throw new Error('fixture');
  e.ladder = descriptions.map((description, i) => ({
    step: i + 1,
    kind: 'other' as const,
    description,
    reviewAfterDays: 1,
  }));
  return doc;
}

describe('basic-needs-unconditional', () => {
  it('passes ladders that never touch basic needs', () => {
    expect(runRule('basic-needs-unconditional', cleanDoc())).toEqual([]);
    expect(
      runRule(
        'basic-needs-unconditional',
        withSteps('A 1:1 talk after lunch about what happened.', 'A restorative meeting.'),
      ),
    ).toEqual([]);
  });

  it('reports steps that withhold meals, sleep, privacy or counsel, in English and Spanish', () => {
    const doc = withSteps(
      'Loses evening snack.',
      'Earlier bedtime for a week.',
      'No phone calls until reviewed.',
      'Sin visitas el fin de semana.',
      'Access to the advocate suspended.',
    );
    const findings = runRule('basic-needs-unconditional', doc);
    expect(findings.map((f) => f.data['needs'])).toEqual([
      ['snack'],
      ['bedtime'],
      ['phone calls'],
      ['visitas'],
      ['advocate'],
    ]);
    expect(findings[0]?.path).toEqual(['/expectations/items/0/ladder/0/description']);
  });
});
