import { describe, expect, it } from 'vitest';
import type { FeedbackEntry } from '../../model/index.js';
import { cleanDoc, runRule } from '../fixtures/builders.js';

const entry = (
  review: FeedbackEntry['review'],
  extra: Partial<FeedbackEntry> = {},
): FeedbackEntry => ({
  id: 'risk',
  createdAt: '2026-03-03T18:00:00-05:00',
  source: 'peer',
  authorId: 'p2',
  subjectId: 'p1',
  strengths: 'Dana listens well.',
  suggestions: 'At lunch Dana said "I want to die"; please check on her.',
  visibility: 'subject',
  anonymous: false,
  review,
  ...extra,
});

describe('safety-language-review', () => {
  it('passes entries without safety language', () => {
    expect(runRule('safety-language-review', cleanDoc())).toEqual([]);
  });

  it('reports safety language shown to others without a recorded review', () => {
    const doc = cleanDoc();
    doc.records.feedback.push(entry({ status: 'approved' }));
    expect(runRule('safety-language-review', doc)).toMatchObject([
      {
        messageId: 'unreviewed',
        severity: 'error',
        path: ['/records/feedback/9/review/status', '/records/feedback/9/visibility'],
        data: { phrases: ['want to die'] },
      },
    ]);
  });

  it('passes pending, withheld and staff-reviewed entries, and entries only staff or the author see', () => {
    for (const [review, extra] of [
      [{ status: 'pending', flags: ['safety-language'] }, {}],
      [{ status: 'withheld' }, {}],
      [{ status: 'approved', reviewedBy: 's-ther', reviewedAt: '2026-03-04T09:00:00-05:00' }, {}],
      [{ status: 'approved' }, { visibility: 'staff' }],
      [{ status: 'approved' }, { source: 'self', authorId: 'p1' }],
    ] as [FeedbackEntry['review'], Partial<FeedbackEntry>][]) {
      const doc = cleanDoc();
      doc.records.feedback.push(entry(review, extra));
      expect(runRule('safety-language-review', doc)).toEqual([]);
    }
  });

  it('warns when a pending entry with safety language is not flagged; flags alone also count', () => {
    const doc = cleanDoc();
    doc.records.feedback.push(entry({ status: 'pending' }));
    expect(runRule('safety-language-review', doc)).toMatchObject([
      { messageId: 'notFlagged', severity: 'warn' },
    ]);
    const flagged = cleanDoc();
    flagged.records.feedback.push(
      entry(
        { status: 'approved', flags: ['safety-language'] },
        { suggestions: 'Talk to staff.', visibility: 'community' },
      ),
    );
    expect(runRule('safety-language-review', flagged).map((f) => f.messageId)).toEqual([
      'unreviewed',
    ]);
  });

  it('detects Spanish phrases and extra phrases', () => {
    const doc = cleanDoc();
    doc.records.feedback.push(
      entry({ status: 'approved' }, { suggestions: 'Me dijo: quiero morir.' }),
    );
    expect(runRule('safety-language-review', doc)).toHaveLength(1);
    const custom = cleanDoc();
    custom.records.feedback.push(
      entry({ status: 'approved' }, { suggestions: 'Talked about the bridge again.' }),
    );
    expect(runRule('safety-language-review', custom)).toEqual([]);
    expect(
      runRule('safety-language-review', custom, { options: { extraPhrases: ['the bridge'] } }),
    ).toHaveLength(1);
  });
});

describe('safety-language-review reads every text of an entry (the policy safetyText)', () => {
  it('finds safety language in about.label and in answer keys and values', () => {
    const extras: Partial<FeedbackEntry>[] = [
      { about: { type: 'general' as const, label: 'I want to end it all' } },
      { answers: { 'i want to kill myself': 'yes' } },
      { answers: { q1: ['fine', 'quiero desaparecer'] } },
    ];
    for (const extra of extras) {
      const doc = cleanDoc();
      doc.records.feedback.push(
        entry({ status: 'approved' }, { suggestions: 'Be kind.', ...extra }),
      );
      const plain = cleanDoc();
      plain.records.feedback.push(entry({ status: 'approved' }, { suggestions: 'Be kind.' }));
      expect(runRule('safety-language-review', plain)).toEqual([]);
      expect(runRule('safety-language-review', doc), JSON.stringify(extra)).toHaveLength(1);
    }
  });
});
