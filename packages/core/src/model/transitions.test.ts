import { describe, expect, it } from 'vitest';
import { parseTransition } from './parse.js';
import { TRANSITION_TYPES } from './transitions.js';
import { examples, get, set, remove, type Json } from './__fixtures__/documents.js';

const transition = (): Json => get(examples.minimal(), '/transitions/0') ?? null;
const issues = (input: Json) => {
  const r = parseTransition(input);
  return r.ok ? [] : r.issues;
};

describe('parseTransition', () => {
  it('accepts every transition of the examples', () => {
    for (const doc of [examples.inpatient(), examples.rehab(), examples.outpatient()]) {
      for (const t of get(doc, '/transitions') as Json[]) expect(issues(t)).toEqual([]);
    }
  });

  it('knows every transition type', () => {
    expect(TRANSITION_TYPES).toHaveLength(7);
    expect(issues(set(transition(), '/type', 'admission'))).toMatchObject([
      { path: '/type', code: 'invalid_value' },
    ]);
  });

  it('needs the participant of a participant transition and the staff member of a staff transition', () => {
    expect(issues(remove(transition(), '/participantId'))).toEqual([
      {
        path: '/participantId',
        code: 'required',
        message: 'a discharge transition needs the participantId it concerns',
      },
    ]);
    const departure = set(remove(transition(), '/participantId'), '/type', 'staff-departure');
    expect(issues(departure)).toMatchObject([{ path: '/staffId', code: 'required' }]);
    expect(issues(set(transition(), '/successorStaffId', 'st-2'))).toMatchObject([
      { path: '/successorStaffId', code: 'conflicting_fields' },
    ]);
  });

  it('rejects a notice given after the effective date', () => {
    expect(issues(set(transition(), '/announcedDate', '2026-03-21'))).toMatchObject([
      { path: '/effectiveDate', code: 'invalid_range' },
    ]);
  });

  it('validates plan tasks and consent', () => {
    const t = transition();
    set(t, '/plan/2', {
      id: 'peer',
      kind: 'peer-contact',
      status: 'done',
      consent: { recordedOn: '2026-03-18', parties: [] },
    });
    set(t, '/plan/3', {
      id: 'appt',
      kind: 'aftercare-appointment',
      status: 'booked',
      at: '2026-03-24T10:00:00',
    });
    expect(issues(t)).toMatchObject([
      { path: '/plan/2/consent/parties', code: 'too_small' },
      { path: '/plan/3/status', code: 'invalid_value' },
      { path: '/plan/3/at', code: 'invalid_instant' },
    ]);
    expect(issues(set(transition(), '/plan/1/id', 'aftercare'))).toMatchObject([
      { path: '/plan/1/id', code: 'duplicate_id' },
    ]);
  });
});
