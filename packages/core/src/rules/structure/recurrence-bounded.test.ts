import { describe, expect, it } from 'vitest';
import { cleanDoc, routineOf, runRule } from '../fixtures/builders.js';

describe('recurrence-bounded', () => {
  it('passes series with an end or a future review date', () => {
    const doc = cleanDoc();
    routineOf(doc, 'walk').recurrence = {
      freq: 'DAILY',
      startDate: '2026-01-05',
      until: '2026-02-01',
    };
    routineOf(doc, 'art').recurrence = { freq: 'DAILY', startDate: '2026-01-05', count: 100 };
    expect(runRule('recurrence-bounded', doc)).toEqual([]);
  });

  it('reports an open-ended series without a review date', () => {
    const doc = cleanDoc();
    routineOf(doc, 'walk').recurrence = { freq: 'DAILY', startDate: '2026-01-05' };
    expect(runRule('recurrence-bounded', doc)).toMatchObject([
      {
        messageId: 'unbounded',
        severity: 'error',
        path: ['/routines/12/recurrence'],
        related: { routineIds: ['walk'] },
      },
    ]);
  });

  it('warns when the review date has passed (unless disabled)', () => {
    const doc = cleanDoc();
    routineOf(doc, 'walk').recurrence.reviewDate = '2026-03-01';
    expect(runRule('recurrence-bounded', doc)).toMatchObject([
      { messageId: 'reviewOverdue', severity: 'warn', data: { reviewDate: '2026-03-01' } },
    ]);
    expect(runRule('recurrence-bounded', doc, { options: { flagOverdueReview: false } })).toEqual(
      [],
    );
  });

  it('reports a systematic problem once, with every routine in related', () => {
    const doc = cleanDoc();
    for (const id of ['walk', 'art'])
      routineOf(doc, id).recurrence = { freq: 'DAILY', startDate: '2026-01-05' };
    const findings = runRule('recurrence-bounded', doc);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      messageId: 'unboundedMany',
      data: { count: 2 },
      related: { routineIds: ['art', 'walk'] },
    });
    expect(findings[0]?.path).toHaveLength(2);
    expect(findings[0]?.message).toContain('2 routines repeat forever');
  });

  it('groups overdue reviews by their review date', () => {
    const doc = cleanDoc();
    routineOf(doc, 'walk').recurrence.reviewDate = '2026-03-01';
    routineOf(doc, 'art').recurrence.reviewDate = '2026-03-01';
    const findings = runRule('recurrence-bounded', doc);
    expect(findings).toMatchObject([
      {
        messageId: 'reviewOverdueMany',
        severity: 'warn',
        data: { count: 2, reviewDate: '2026-03-01' },
      },
    ]);
  });

  it('exempts daily anchors by default, as an option', () => {
    const doc = cleanDoc();
    const anchors = doc.routines.filter((r) => ['breakfast', 'lights-out'].includes(r.kind));
    expect(anchors.length).toBeGreaterThan(0);
    for (const r of anchors) r.recurrence = { freq: 'DAILY', startDate: '2026-01-05' };
    expect(runRule('recurrence-bounded', doc)).toEqual([]);
    const strict = runRule('recurrence-bounded', doc, { options: { exemptKinds: [] } });
    expect(strict).toHaveLength(1);
    expect(strict[0]?.related.routineIds).toEqual(anchors.map((r) => r.id).sort());
  });
});
