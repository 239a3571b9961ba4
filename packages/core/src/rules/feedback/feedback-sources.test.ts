import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

describe('feedback-sources', () => {
  it('passes participants with staff, peer and self feedback in their last full week', () => {
    expect(runRule('feedback-sources', cleanDoc())).toEqual([]);
  });

  it('reports a missing source in the latest complete stay week', () => {
    const doc = cleanDoc();
    doc.records.feedback = doc.records.feedback.filter((f) => f.id !== 'f-peer-p2');
    // p2 was admitted 2026-02-25: on 2026-03-04 the stay week 02-25 … 03-03 is complete.
    const findings = runRule('feedback-sources', doc);
    expect(findings).toMatchObject([
      {
        messageId: 'never',
        data: { name: 'Sam O.', source: 'peer', from: '2026-02-25', to: '2026-03-03' },
        path: ['/people/participants/1'],
      },
    ]);
  });

  it('does not judge a week still in progress, nor someone admitted less than a week ago', () => {
    const doc = cleanDoc();
    doc.records.feedback = doc.records.feedback.filter((f) => f.subjectId !== 'p3');
    expect(runRule('feedback-sources', doc)).toEqual([]); // p3 admitted 2026-02-27
    const later = runRule('feedback-sources', doc, { now: '2026-03-06T12:00:00-05:00' }).filter(
      (f) => f.data['name'] === 'Lee',
    );
    expect(later.map((f) => f.data['source']).sort()).toEqual(['peer', 'self', 'staff']);
  });

  it('counts therapist feedback as staff, ignores withheld entries, and names the last entry', () => {
    const doc = cleanDoc();
    for (const f of doc.records.feedback) if (f.id === 'f-staff-p1') f.source = 'therapist';
    expect(runRule('feedback-sources', doc)).toEqual([]);
    const later = runRule('feedback-sources', doc, { now: '2026-03-14T12:00:00-05:00' });
    expect(
      later.filter((f) => f.data['name'] === 'Dana R.').map((f) => [f.messageId, f.data['last']]),
    ).toEqual([
      ['stale', '2026-02-24'],
      ['stale', '2026-02-24'],
      ['stale', '2026-02-24'],
    ]);
    for (const f of doc.records.feedback) if (f.id === 'f-self-p1') f.review.status = 'withheld';
    expect(runRule('feedback-sources', doc).map((f) => [f.messageId, f.data['source']])).toEqual([
      ['never', 'self'],
    ]);
  });
});
