import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

describe('co-created', () => {
  it('passes a set agreed at the community meeting and reviewed recently', () => {
    expect(runRule('co-created', cleanDoc())).toEqual([]);
  });

  it('reports a set without agreement, or agreed outside a community meeting', () => {
    const doc = cleanDoc();
    delete doc.expectations.agreedAt;
    expect(runRule('co-created', doc).map((f) => f.messageId)).toEqual(['notAgreed']);
    doc.expectations.agreedAt = { date: '2026-02-16', routineId: 'group' };
    expect(runRule('co-created', doc)).toMatchObject([
      { messageId: 'noMeeting', path: ['/expectations/agreedAt/routineId'] },
    ]);
  });

  it('reports a review older than 90 days, tunable', () => {
    const doc = cleanDoc();
    expect(runRule('co-created', doc, { now: '2026-05-25T12:00:00-04:00' })).toMatchObject([
      { messageId: 'stale', data: { date: '2026-02-23', days: 91 } },
    ]);
    expect(
      runRule('co-created', doc, { now: '2026-05-25T12:00:00-04:00', options: { maxDays: 120 } }),
    ).toEqual([]);
  });

  it('does nothing without expectations', () => {
    const doc = cleanDoc();
    doc.expectations = { items: [] };
    expect(runRule('co-created', doc)).toEqual([]);
  });
});
