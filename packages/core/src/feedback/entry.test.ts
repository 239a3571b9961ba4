import { describe, expect, it } from 'vitest';
import { parseFeedbackEntry, type MilieuDocument } from '../model/index.js';
import { BUILT_IN_TEMPLATES, buildFeedbackEntry, entrySource } from './index.js';

const doc: MilieuDocument = {
  milieuVersion: 1,
  program: {
    id: 'unit-4',
    name: 'Unit 4',
    setting: 'inpatient',
    timeZone: 'America/New_York',
    locale: 'en-US',
    stay: { model: 'short-term', boundDays: 30 },
    locations: [],
    groups: [],
  },
  people: {
    participants: [
      {
        id: 'p1',
        preferredName: 'Sam',
        admissionDate: '2026-03-01',
        groupIds: [],
        electiveRoutineIds: [],
        goals: [{ id: 'g1', statement: 'Sleep by 11', setOn: '2026-03-02', status: 'active' }],
        primaryTherapistId: 's1',
      },
      {
        id: 'p2',
        preferredName: 'Ana',
        admissionDate: '2026-03-01',
        groupIds: [],
        electiveRoutineIds: [],
        goals: [],
      },
    ],
    staff: [
      { id: 's1', preferredName: 'Lee', role: 'therapist', startDate: '2020-01-01' },
      { id: 's2', preferredName: 'Kim', role: 'nurse', startDate: '2020-01-01' },
    ],
  },
  routines: [],
  expectations: {
    items: [
      {
        id: 'e1',
        statement: 'Knock before entering a room',
        category: 'privacy',
        mutual: true,
        ladder: [],
      },
    ],
  },
  records: { attendance: [], observations: [], feedback: [], copingPractice: [] },
  transitions: [],
};

const base = { id: 'fb-1', createdAt: '2026-03-08T09:00:00-05:00', document: doc };

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

describe('buildFeedbackEntry', () => {
  it('staff: maps strengths, suggestions, ratings and about; the therapist is recognised', () => {
    const r = ok(
      buildFeedbackEntry(
        BUILT_IN_TEMPLATES.staff,
        {
          strengths: 'Asked for help calmly in group',
          goal: 'g1',
          progress: 4,
          suggestions: 'Use the breathing skill before group',
        },
        { ...base, authorId: 's1', subjectId: 'p1' },
      ),
    );
    expect(r.value).toEqual({
      id: 'fb-1',
      createdAt: '2026-03-08T09:00:00-05:00',
      source: 'therapist',
      authorId: 's1',
      subjectId: 'p1',
      about: { type: 'goal', id: 'g1', label: 'Sleep by 11' },
      strengths: 'Asked for help calmly in group',
      suggestions: 'Use the breathing skill before group',
      ratings: { progress: 4 },
      answers: { goal: 'g1' },
      visibility: 'subject',
      anonymous: false,
      review: { status: 'approved' },
      templateId: 'milieu.staff.v1',
    });
    expect(parseFeedbackEntry(r.value).ok).toBe(true);
    expect(entrySource(BUILT_IN_TEMPLATES.staff, doc, 's2', 'p1')).toBe('staff');
  });

  it('peer, named: starts pending staff review, author kept', () => {
    const r = ok(
      buildFeedbackEntry(
        BUILT_IN_TEMPLATES.peer,
        { strengths: 'Shared the remote without being asked', expectation: 'e1' },
        { ...base, authorId: 'p2', subjectId: 'p1' },
      ),
    );
    expect(r.value).toMatchObject({
      source: 'peer',
      authorId: 'p2',
      anonymous: false,
      review: { status: 'pending' },
      about: { type: 'expectation', id: 'e1' },
    });
  });

  it('peer, anonymous: no author by default; kept for reviewers only under that policy', () => {
    const values = { strengths: 'Always says good morning to everyone' };
    const omit = ok(
      buildFeedbackEntry(BUILT_IN_TEMPLATES.peer, values, {
        ...base,
        authorId: 'p2',
        subjectId: 'p1',
        anonymous: true,
      }),
    );
    expect(omit.value.anonymous).toBe(true);
    expect(omit.value).not.toHaveProperty('authorId');
    const keep = ok(
      buildFeedbackEntry(BUILT_IN_TEMPLATES.peer, values, {
        ...base,
        authorId: 'p2',
        subjectId: 'p1',
        anonymous: true,
        anonymousAuthor: 'keep-for-reviewers',
      }),
    );
    expect(keep.value).toMatchObject({ anonymous: true, authorId: 'p2' });
  });

  it('ignores an anonymity request where the template offers none', () => {
    const r = ok(
      buildFeedbackEntry(
        BUILT_IN_TEMPLATES.staff,
        { strengths: 'Asked for help calmly', progress: 3 },
        { ...base, authorId: 's2', subjectId: 'p1', anonymous: true },
      ),
    );
    expect(r.value).toMatchObject({ anonymous: false, authorId: 's2' });
  });

  it('routes safety language to staff review and narrows visibility', () => {
    const r = ok(
      buildFeedbackEntry(
        BUILT_IN_TEMPLATES.self,
        { strengths: 'Got up. But I want to die some days.', mood: 1 },
        { ...base, authorId: 'p1' },
      ),
    );
    expect(r.value).toMatchObject({
      source: 'self',
      subjectId: 'p1',
      visibility: 'staff',
      review: { status: 'pending', flags: ['safety-language'] },
    });
    expect(r.safety).toMatchObject([{ fieldId: 'strengths', category: 'self-harm' }]);
  });

  it('scans the whole entry as the server does: a goal statement in about.label counts', () => {
    const risky = JSON.parse(JSON.stringify(doc)) as typeof doc;
    const sam = risky.people.participants[0];
    if (sam)
      sam.goals = [
        {
          id: 'g1',
          statement: 'Stop wanting to end it all',
          setOn: '2026-03-02',
          status: 'active',
        },
      ];
    const r = ok(
      buildFeedbackEntry(
        BUILT_IN_TEMPLATES.staff,
        { strengths: 'Asked for help calmly in group', goal: 'g1', progress: 4 },
        { ...base, document: risky, authorId: 's1', subjectId: 'p1' },
      ),
    );
    expect(r.value.about?.label).toBe('Stop wanting to end it all');
    expect(r.value.review).toEqual({ status: 'pending', flags: ['safety-language'] });
    expect(r.value.visibility).toBe('staff');
  });

  it('self: subject defaults to the author; goals come from that participant', () => {
    const r = ok(
      buildFeedbackEntry(
        BUILT_IN_TEMPLATES.self,
        { strengths: 'Slept well', mood: 4, goals: ['g1'], copingSkills: ['music'] },
        { ...base, authorId: 'p1' },
      ),
    );
    expect(r.value).toMatchObject({
      subjectId: 'p1',
      ratings: { mood: 4 },
      answers: { goals: ['g1'], copingSkills: ['music'] },
    });
  });

  it('program: never carries a subject', () => {
    const r = ok(
      buildFeedbackEntry(
        BUILT_IN_TEMPLATES.program,
        { strengths: 'Meals are on time', feelsSafe: 4, feelsHeard: 3 },
        { ...base, authorId: 'p1', subjectId: 'p1', anonymous: true },
      ),
    );
    expect(r.value).toMatchObject({ source: 'program', anonymous: true, visibility: 'staff' });
    expect(r.value).not.toHaveProperty('subjectId');
    expect(r.value).not.toHaveProperty('authorId');
  });

  it('returns field issues for invalid values', () => {
    const r = buildFeedbackEntry(BUILT_IN_TEMPLATES.self, { mood: 9 }, base);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fields.map((f) => f.fieldId)).toEqual(['strengths', 'mood']);
    expect(r.issues[0]).toMatchObject({ path: '/strengths', code: 'required' });
  });

  it('returns model issues when the entry itself is not valid', () => {
    const r = buildFeedbackEntry(
      BUILT_IN_TEMPLATES.self,
      { strengths: 'Fine', mood: 3 },
      { ...base, createdAt: '2026-03-08 09:00' },
    );
    expect(r).toMatchObject({
      ok: false,
      issues: [{ path: '/createdAt', code: 'invalid_format' }],
    });
  });
});
