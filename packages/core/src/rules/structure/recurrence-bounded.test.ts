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
});
