import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

describe('stay-within-bounds', () => {
  it('passes stays within the bound', () => {
    expect(runRule('stay-within-bounds', cleanDoc())).toEqual([]);
  });

  it('reports a stay past the bound without a review', () => {
    const doc = cleanDoc();
    doc.transitions = doc.transitions.filter((t) => t.participantId !== 'p1');
    expect(runRule('stay-within-bounds', doc, { now: '2026-03-25T12:00:00-04:00' })).toMatchObject([
      {
        messageId: 'overBound',
        severity: 'error',
        data: { name: 'Dana R.', days: 33, bound: 30, reached: '2026-03-22' },
        path: ['/people/participants/0/admissionDate'],
      },
    ]);
  });

  it('accepts a transition recorded near the bound as the review', () => {
    const doc = cleanDoc();
    const t = doc.transitions.find((x) => x.participantId === 'p1');
    if (t) t.createdOn = '2026-03-15';
    expect(runRule('stay-within-bounds', doc, { now: '2026-03-25T12:00:00-04:00' })).toEqual([]);
    if (t) t.createdOn = '2026-02-21';
    expect(runRule('stay-within-bounds', doc, { now: '2026-03-25T12:00:00-04:00' })).toHaveLength(
      1,
    );
  });

  it('warns about an anticipated discharge beyond the bound', () => {
    const doc = cleanDoc();
    const p = doc.people.participants[2];
    if (p) p.anticipatedDischargeDate = '2026-04-15';
    expect(runRule('stay-within-bounds', doc)).toMatchObject([
      {
        messageId: 'plannedBeyond',
        severity: 'warn',
        data: { anticipated: '2026-04-15', reached: '2026-03-29' },
      },
    ]);
  });
});
