import { describe, expect, it } from 'vitest';
import { parseParticipant, parseStaff } from './parse.js';
import { STAFF_ROLES } from './people.js';
import { examples, get, set, remove, type Json } from './__fixtures__/documents.js';

const participant = (): Json => get(examples.minimal(), '/people/participants/0') ?? null;
const staff = (): Json => get(examples.minimal(), '/people/staff/0') ?? null;
const issuesOf = (r: { ok: true } | { ok: false; issues: unknown[] }) => (r.ok ? [] : r.issues);

describe('parseParticipant', () => {
  it('accepts every participant of the examples', () => {
    for (const doc of [examples.inpatient(), examples.rehab(), examples.outpatient()]) {
      const list = get(doc, '/people/participants') as Json[];
      for (const p of list) expect(parseParticipant(p).ok).toBe(true);
    }
  });

  it('needs only minimum personal data: no last name, pronouns or level of care required', () => {
    const p = participant();
    remove(p, '/lastName');
    remove(p, '/pronouns');
    expect(parseParticipant(p).ok).toBe(true);
  });

  it('rejects a discharge before admission', () => {
    expect(issuesOf(parseParticipant(set(participant(), '/dischargeDate', '2026-03-01')))).toEqual([
      {
        path: '/dischargeDate',
        code: 'invalid_range',
        message: 'dischargeDate 2026-03-01 is before admissionDate 2026-03-02',
      },
    ]);
    expect(
      issuesOf(parseParticipant(set(participant(), '/anticipatedDischargeDate', '2026-02-01'))),
    ).toMatchObject([{ path: '/anticipatedDischargeDate', code: 'invalid_range' }]);
  });

  it('reports duplicate goal ids and bad goal statuses', () => {
    const p = set(participant(), '/goals/1', {
      id: 'g1',
      statement: 'Sleep well',
      setOn: '2026-03-03',
      status: 'done',
    });
    expect(issuesOf(parseParticipant(p))).toMatchObject([
      { path: '/goals/1/status', code: 'invalid_value' },
      { path: '/goals/1/id', code: 'duplicate_id' },
    ]);
  });

  it('rejects a group id listed twice', () => {
    expect(issuesOf(parseParticipant(set(participant(), '/groupIds', ['a', 'a'])))).toMatchObject([
      { path: '/groupIds/1', code: 'duplicate_value' },
    ]);
  });

  it('rejects groupIds sent as a comma-separated string', () => {
    expect(issuesOf(parseParticipant(set(participant(), '/groupIds', 'a,b')))).toMatchObject([
      {
        path: '/groupIds',
        code: 'invalid_type',
        message: 'expected an array, got the string "a,b"',
      },
    ]);
  });

  it('refuses extra personal data fields such as a diagnosis', () => {
    expect(issuesOf(parseParticipant(set(participant(), '/diagnosis', 'F32.1')))).toEqual([
      { path: '/diagnosis', code: 'unknown_property', message: 'unknown property "diagnosis"' },
    ]);
  });
});

describe('parseStaff', () => {
  it('accepts every role of the vocabulary', () => {
    for (const role of STAFF_ROLES) expect(parseStaff(set(staff(), '/role', role)).ok).toBe(true);
  });
  it('rejects roles outside it, and an end before the start', () => {
    expect(issuesOf(parseStaff(set(staff(), '/role', 'MHT')))).toMatchObject([
      { path: '/role', code: 'invalid_value' },
    ]);
    expect(issuesOf(parseStaff(set(staff(), '/endDate', '2021-12-31')))).toMatchObject([
      { path: '/endDate', code: 'invalid_range' },
    ]);
  });
});
