import { describe, expect, it } from 'vitest';
import {
  parseAttendanceRecord,
  parseCopingPractice,
  parseFeedbackEntry,
  parseObservation,
  parseRecords,
} from './parse.js';
import { FEEDBACK_SOURCES } from './records.js';
import { ATTENDANCE_STATUSES } from './vocabulary.js';
import { examples, get, set, remove, type Json } from './__fixtures__/documents.js';

const feedback = (): Json => get(examples.minimal(), '/records/feedback/0') ?? null;
const issuesOf = (
  r: { ok: true } | { ok: false; issues: { path: string; code: string; message: string }[] },
) => (r.ok ? [] : r.issues);

describe('records', () => {
  it('accepts the records of every example', () => {
    for (const doc of [
      examples.minimal(),
      examples.inpatient(),
      examples.rehab(),
      examples.outpatient(),
    ]) {
      expect(issuesOf(parseRecords(get(doc, '/records')))).toEqual([]);
    }
  });

  it('attendance: every status of the vocabulary, nothing else', () => {
    const base = { occurrenceId: 'skills@2026-03-03', participantId: 'p-01' };
    for (const status of ATTENDANCE_STATUSES)
      expect(parseAttendanceRecord({ ...base, status }).ok).toBe(true);
    expect(issuesOf(parseAttendanceRecord({ ...base, status: 'no-show' }))).toMatchObject([
      { path: '/status', code: 'invalid_value' },
    ]);
    expect(issuesOf(parseAttendanceRecord({ ...base, status: true }))).toMatchObject([
      { path: '/status', code: 'invalid_value' },
    ]);
  });

  it('observations: an instant with offset, a whole step, a staff id', () => {
    const o = {
      id: 'o1',
      participantId: 'p-01',
      expectationId: 'confidential',
      at: '2026-03-04T10:00:00-06:00',
      step: 1,
      byStaffId: 'st-2',
    };
    expect(parseObservation(o).ok).toBe(true);
    expect(issuesOf(parseObservation({ ...o, at: '2026-03-04 10:00', step: '1' }))).toMatchObject([
      { path: '/at', code: 'invalid_instant' },
      { path: '/step', code: 'invalid_type' },
    ]);
  });

  it('coping practice: helpfulness 1..5 only', () => {
    const c = {
      id: 'c1',
      participantId: 'p-01',
      skill: 'box breathing',
      at: '2026-03-04T10:00:00Z',
    };
    expect(parseCopingPractice({ ...c, helpfulness: 5 }).ok).toBe(true);
    expect(issuesOf(parseCopingPractice({ ...c, helpfulness: 6 }))).toMatchObject([
      { path: '/helpfulness', code: 'invalid_value' },
    ]);
    expect(issuesOf(parseCopingPractice({ ...c, helpfulness: 4.5 }))).toMatchObject([
      { path: '/helpfulness', code: 'invalid_value' },
    ]);
  });
});

describe('parseFeedbackEntry', () => {
  it('accepts each source', () => {
    for (const source of FEEDBACK_SOURCES) {
      const f = set(feedback(), '/source', source);
      if (source === 'program') remove(f, '/subjectId');
      expect(issuesOf(parseFeedbackEntry(f))).toEqual([]);
    }
  });

  it('requires a strength: feedback names a strength first', () => {
    expect(issuesOf(parseFeedbackEntry(set(feedback(), '/strengths', '')))).toMatchObject([
      { path: '/strengths', code: 'too_small' },
    ]);
    expect(issuesOf(parseFeedbackEntry(remove(feedback(), '/strengths')))).toMatchObject([
      { path: '/strengths', code: 'required' },
    ]);
  });

  it('keeps program feedback about the milieu, not a person', () => {
    expect(issuesOf(parseFeedbackEntry(set(feedback(), '/source', 'program')))).toEqual([
      {
        path: '/subjectId',
        code: 'conflicting_fields',
        message: 'feedback with source "program" is about the milieu and has no subjectId',
      },
    ]);
  });

  it('validates ratings 1..5 and answers', () => {
    const f = feedback();
    set(f, '/ratings', { listening: 5, kindness: '4', effort: 0 });
    set(f, '/answers', { skill: 'breathing', times: 3, tags: ['sleep'], nested: { a: 1 } });
    expect(issuesOf(parseFeedbackEntry(f))).toMatchObject([
      { path: '/ratings/kindness', code: 'invalid_value' },
      { path: '/ratings/effort', code: 'invalid_value' },
      { path: '/answers/nested', code: 'invalid_type' },
    ]);
  });

  it('validates visibility, review status and flags', () => {
    const f = feedback();
    set(f, '/visibility', 'public');
    set(f, '/review', { status: 'ok', flags: ['violence'] });
    expect(issuesOf(parseFeedbackEntry(f)).map((i) => [i.path, i.code])).toEqual([
      ['/visibility', 'invalid_value'],
      ['/review/status', 'invalid_value'],
      ['/review/flags/0', 'invalid_value'],
    ]);
  });

  it('rejects anonymous sent as 0', () => {
    expect(issuesOf(parseFeedbackEntry(set(feedback(), '/anonymous', 0)))).toMatchObject([
      { path: '/anonymous', code: 'invalid_type' },
    ]);
  });
});
