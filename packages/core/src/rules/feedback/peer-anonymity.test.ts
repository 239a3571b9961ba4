import { describe, expect, it } from 'vitest';
import type { FeedbackEntry } from '../../model/index.js';
import { cleanDoc, runRule } from '../fixtures/builders.js';

const anon = (
  id: string,
  authorId: string | undefined,
  createdAt = '2026-03-02T18:00:00-05:00',
): FeedbackEntry => ({
  id,
  createdAt,
  source: 'peer',
  ...(authorId === undefined ? {} : { authorId }),
  subjectId: 'p1',
  strengths: 'Kind and patient in group.',
  visibility: 'subject',
  anonymous: true,
  review: { status: 'approved', reviewedBy: 's-ther' },
});

describe('peer-anonymity', () => {
  it('passes anonymous peer feedback from three raters', () => {
    const doc = cleanDoc();
    doc.records.feedback.push(anon('a1', 'p2'), anon('a2', 'p3'), anon('a3', 'p4'));
    expect(runRule('peer-anonymity', doc)).toEqual([]);
  });

  it('reports an anonymous peer entry with two raters, on each visible entry', () => {
    const doc = cleanDoc();
    doc.records.feedback.push(anon('a1', 'p2'), anon('a2', 'p3'), anon('a3', 'p3'));
    const findings = runRule('peer-anonymity', doc);
    expect(findings.map((f) => [f.messageId, f.path[0], f.data['raters']])).toEqual([
      ['tooFewRaters', '/records/feedback/9/visibility', 2],
      ['tooFewRaters', '/records/feedback/10/visibility', 2],
      ['tooFewRaters', '/records/feedback/11/visibility', 2],
    ]);
  });

  it('passes entries kept for staff or withheld; an empty author is not anonymity', () => {
    const doc = cleanDoc();
    const staffOnly = { ...anon('a1', 'p2'), visibility: 'staff' as const };
    const withheld = { ...anon('a2', 'p3'), review: { status: 'withheld' as const } };
    doc.records.feedback.push(staffOnly, withheld);
    expect(runRule('peer-anonymity', doc)).toEqual([]);
    doc.records.feedback.push(
      anon('a3', 'p2'),
      anon('a4', 'p3'),
      anon('a5', undefined),
      anon('a6', 'p4'),
    );
    expect(runRule('peer-anonymity', doc).map((f) => f.messageId)).toEqual(['unverifiable']);
  });

  it('reads the program policy and a rolling window', () => {
    const doc = cleanDoc();
    doc.program.policy = { peerAnonymityMinRaters: 2 };
    doc.records.feedback.push(anon('a1', 'p2'), anon('a2', 'p3', '2026-02-01T18:00:00-05:00'));
    expect(runRule('peer-anonymity', doc)).toEqual([]);
    expect(runRule('peer-anonymity', doc, { options: { windowDays: 14 } })).toHaveLength(2);
    expect(runRule('peer-anonymity', doc, { options: { minRaters: 3 } })).toHaveLength(2);
  });
});

describe('peer-anonymity with rater keys (entries stored without an author)', () => {
  it('counts distinct rater keys passed as options', () => {
    const doc = cleanDoc();
    doc.records.feedback.push(anon('a1', undefined), anon('a2', undefined), anon('a3', undefined));
    expect(runRule('peer-anonymity', doc).map((f) => f.messageId)).toEqual([
      'unverifiable',
      'unverifiable',
      'unverifiable',
    ]);
    const three = { a1: 'k1', a2: 'k2', a3: 'k3' };
    expect(runRule('peer-anonymity', doc, { options: { raters: three } })).toEqual([]);
    const two = { a1: 'k1', a2: 'k2', a3: 'k2' };
    expect(
      runRule('peer-anonymity', doc, { options: { raters: two } }).map((f) => f.data['raters']),
    ).toEqual([2, 2, 2]);
  });
});
