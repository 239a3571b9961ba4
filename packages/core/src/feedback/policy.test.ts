import { describe, expect, it } from 'vitest';
import type { FeedbackEntry, MilieuDocument } from '../model/index.js';
import { examples } from '../model/__fixtures__/documents.js';
import { FeedbackContextResponseSchema } from '../contract/feedback-context.js';
import {
  canReadFeedback,
  decideNewFeedback,
  entrySafety,
  feedbackContext,
  peerAggregate,
  presentFeedback,
  safetyText,
  type FeedbackCaller,
} from './index.js';

const doc = (policy: MilieuDocument['program']['policy'] = {}): MilieuDocument => {
  const d = examples.minimal() as unknown as MilieuDocument;
  d.program.policy = policy;
  return d;
};
const NOW = '2026-03-10T20:00:00Z';
const p1: FeedbackCaller = { role: 'participant', participantId: 'p-01' };
const p2: FeedbackCaller = { role: 'participant', participantId: 'p-02' };
const staff: FeedbackCaller = { role: 'staff', staffId: 'st-1' };
const anonymousStaff: FeedbackCaller = { role: 'staff' };
const admin: FeedbackCaller = { role: 'admin' };

const entry = (over: Partial<FeedbackEntry> = {}): FeedbackEntry => ({
  id: 'n1',
  createdAt: '2026-03-10T15:00:00-05:00',
  source: 'peer',
  subjectId: 'p-02',
  strengths: 'You listened carefully.',
  visibility: 'subject',
  anonymous: false,
  review: { status: 'approved' },
  ...over,
});

const decided = (e: FeedbackEntry, caller: FeedbackCaller, d = doc()) => {
  const r = decideNewFeedback(e, caller, d, { now: NOW });
  if (!r.ok) throw new Error(`${r.code}: ${r.message} ${JSON.stringify(r.issues)}`);
  return r;
};

describe('decideNewFeedback', () => {
  it("ignores a participant's review and widened visibility: peer entries start pending", () => {
    const r = decided(
      entry({
        visibility: 'community',
        review: { status: 'approved', reviewedBy: 'st-1', reviewedAt: NOW },
      }),
      p1,
    );
    expect(r.entry.review).toEqual({ status: 'pending' });
    expect(r.entry.visibility).toBe('subject');
    expect(r.entry.authorId).toBe('p-01');
    expect(decided(entry({ visibility: 'staff' }), p1).entry.visibility).toBe('staff');
  });

  it('sets reviewer fields from the caller and the clock only', () => {
    const e = entry({
      source: 'staff',
      review: { status: 'approved', reviewedBy: 'st-2', reviewedAt: '2020-01-01T00:00:00Z' },
    });
    expect(decided(e, staff).entry.review).toEqual({
      status: 'approved',
      reviewedBy: 'st-1',
      reviewedAt: NOW,
    });
    expect(decided(e, admin).entry.review).toEqual({ status: 'approved', reviewedAt: NOW });
  });

  it('lets a staff token without a staff id name no author', () => {
    const r = decideNewFeedback(
      entry({ source: 'staff', authorId: 'st-2' }),
      anonymousStaff,
      doc(),
      {
        now: NOW,
      },
    );
    expect(r).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decided(entry({ source: 'staff' }), anonymousStaff).entry.authorId).toBeUndefined();
  });

  it('stores no author for anonymous entries under the default policy, and keeps the writer apart', () => {
    const r = decided(entry({ anonymous: true }), p1);
    expect(r.entry.authorId).toBeUndefined();
    expect(r.writerId).toBe('p-01');
    const kept = decided(entry({ anonymous: true }), p1, doc({ anonymousAuthors: 'reviewers' }));
    expect(kept.entry.authorId).toBe('p-01');
  });

  it('routes safety language anywhere (label, answer keys) to staff review', () => {
    const r = decided(
      entry({ source: 'staff', about: { type: 'general', label: "I'm going to hang myself" } }),
      staff,
    );
    expect(r.entry.review).toEqual({ status: 'pending', flags: ['safety-language'] });
    expect(r.entry.visibility).toBe('staff');
    expect(safetyText(entry({ answers: { 'kill myself': 1 }, ratings: { calm: 3 } }))).toContain(
      'kill myself',
    );
  });

  it('checks about references as the document does', () => {
    const bad = decideNewFeedback(entry({ about: { type: 'goal', id: 'nope' } }), p1, doc(), {
      now: NOW,
    });
    expect(bad).toMatchObject({
      ok: false,
      code: 'invalid_entry',
      issues: [{ path: '/about/id', code: 'unknown_reference' }],
    });
    for (const about of [
      { type: 'expectation' as const, id: 'ghost' },
      { type: 'activity' as const, id: 'ghost@2026-03-10' },
    ]) {
      expect(decideNewFeedback(entry({ about }), p1, doc(), { now: NOW }).ok).toBe(false);
    }
    expect(decided(entry({ about: { type: 'goal', id: 'g1' } }), p1).entry.about?.id).toBe('g1');
  });
});

describe('reading', () => {
  it('never gives an anonymous author to the subject or peers, under either setting', () => {
    const stored = entry({ anonymous: true, authorId: 'p-01', review: { status: 'approved' } });
    for (const anonymousAuthors of ['nobody', 'reviewers'] as const) {
      for (const caller of [p1, p2]) {
        expect(presentFeedback(stored, caller, 'review', { anonymousAuthors }).authorId).toBe(
          undefined,
        );
      }
      expect(presentFeedback(stored, staff, 'other', { anonymousAuthors }).authorId).toBe(
        undefined,
      );
    }
    expect(
      presentFeedback(stored, staff, 'review', { anonymousAuthors: 'reviewers' }).authorId,
    ).toBe('p-01');
    expect(canReadFeedback(stored, p2)).toBe(false);
  });

  it('aggregates only with at least the minimum of distinct raters', () => {
    const pool = ['k1', 'k2', 'k2'].map((k, i) =>
      entry({ id: `a${i}`, anonymous: true, templateId: k }),
    );
    const byKey = (e: FeedbackEntry) => e.templateId;
    expect(peerAggregate('p-02', pool, 3, byKey)).toBeUndefined();
    expect(peerAggregate('p-02', pool, 2, byKey)).toMatchObject({ raters: 2, entries: 3 });
  });
});

describe('feedbackContext', () => {
  it('gives a participant peers as display names, their own goals and skills, and the policy', () => {
    const r = feedbackContext(doc({ crisisResource: { name: 'Call 988', phone: '988' } }), p1, {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(FeedbackContextResponseSchema.safeParse(r.value).success).toBe(true);
    expect(r.value.people).toEqual([{ id: 'p-02', name: 'Casey L.' }]);
    expect(r.value.goals.map((g) => g.id)).toEqual(['g1']);
    expect(r.value.copingSkills).toContain('5-4-3-2-1 grounding');
    expect(r.value.sources).toEqual(['peer', 'self', 'program']);
    expect(r.value.policy).toMatchObject({ anonymousAuthors: 'nobody', peerReviewFirst: true });
    expect(r.value.author).toEqual({ id: 'p-01', name: 'Robin S.' });
    expect(JSON.stringify(r.value)).not.toContain('pronouns');
  });

  it("gives staff the subject's goals, and refuses what the caller may not ask", () => {
    const r = feedbackContext(doc(), staff, { source: 'staff', subject: 'p-02' });
    expect(r.ok && r.value.goals[0]?.statement).toBe('Return to work part-time with a plan');
    expect(feedbackContext(doc(), p1, { subject: 'p-02' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(feedbackContext(doc(), p1, { source: 'staff' })).toMatchObject({ ok: false });
    expect(feedbackContext(doc(), staff, { subject: 'p-99' })).toMatchObject({
      ok: false,
      code: 'invalid_request',
    });
  });
});

describe('entrySafety (remembered per entry)', () => {
  it('scans an entry again when its text changes in place, and per option set', () => {
    const e = entry({ strengths: 'You listened carefully.' });
    expect(entrySafety(e)).toEqual([]);
    e.suggestions = 'Some days I want to die.';
    expect(entrySafety(e).map((m) => m.phrase)).toEqual(['want to die']);
    e.answers = { mood: 'ok' };
    e.suggestions = 'Keep going.';
    expect(entrySafety(e)).toEqual([]);
    expect(entrySafety(e, { words: ['going'] }).map((m) => m.text)).toEqual(['going']);
    expect(entrySafety(e, { words: ['going'], replace: true }).map((m) => m.text)).toEqual([
      'going',
    ]);
    expect(entrySafety(e)).toEqual([]);
  });

  it('returns copies: changing a result does not change the next one', () => {
    const e = entry({ strengths: 'I want to die.' });
    const first = entrySafety(e);
    (first[0] as { text: string }).text = 'changed';
    first.length = 0;
    expect(entrySafety(e).map((m) => m.text)).toEqual(['want to die']);
  });
});
