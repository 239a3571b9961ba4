import { describe, expect, it } from 'vitest';
import { parseRoutine } from './parse.js';
import { ACTIVITY_KINDS } from './vocabulary.js';
import { examples, get, set, remove, type Json } from './__fixtures__/documents.js';

const routine = (): Json => get(examples.minimal(), '/routines/1') ?? null;
const issues = (input: Json) => {
  const r = parseRoutine(input);
  return r.ok ? [] : r.issues;
};

describe('parseRoutine', () => {
  it('accepts every routine of the examples', () => {
    for (const doc of [examples.inpatient(), examples.rehab(), examples.outpatient()]) {
      for (const r of get(doc, '/routines') as Json[]) expect(issues(r)).toEqual([]);
    }
  });

  it('accepts every activity kind of the vocabulary and nothing else', () => {
    for (const kind of ACTIVITY_KINDS) expect(issues(set(routine(), '/kind', kind))).toEqual([]);
    expect(issues(set(routine(), '/kind', 'therapy'))).toMatchObject([
      { path: '/kind', code: 'invalid_value' },
    ]);
  });

  it('accepts an overnight routine (end before start ends the next day)', () => {
    const r = set(set(routine(), '/start', '22:30'), '/end', '07:00');
    expect(issues(r)).toEqual([]);
  });

  it('rejects count together with until', () => {
    const r = set(set(routine(), '/recurrence/count', 10), '/recurrence/until', '2026-12-31');
    expect(issues(r)).toEqual([
      {
        path: '/recurrence/count',
        code: 'conflicting_fields',
        message: 'give either count or until, not both',
      },
    ]);
  });

  it('rejects until before startDate, interval 0 and count "10"', () => {
    expect(issues(set(routine(), '/recurrence/until', '2025-12-31'))).toMatchObject([
      { path: '/recurrence/until', code: 'invalid_range' },
    ]);
    expect(issues(set(routine(), '/recurrence/interval', 0))).toMatchObject([
      { path: '/recurrence/interval', code: 'too_small' },
    ]);
    expect(issues(set(routine(), '/recurrence/count', '10'))).toMatchObject([
      { path: '/recurrence/count', code: 'invalid_type' },
    ]);
  });

  it('rejects byDay with DAILY, lower-case weekdays and repeated weekdays', () => {
    expect(
      issues(set(set(routine(), '/recurrence/freq', 'DAILY'), '/recurrence/byDay', ['MO'])),
    ).toMatchObject([{ path: '/recurrence/byDay', code: 'conflicting_fields' }]);
    expect(issues(set(routine(), '/recurrence/byDay', ['mo']))).toMatchObject([
      {
        path: '/recurrence/byDay/0',
        code: 'invalid_value',
        message: expect.stringContaining('did you mean "MO"?'),
      },
    ]);
    expect(issues(set(routine(), '/recurrence/byDay', ['MO', 'MO']))).toMatchObject([
      { path: '/recurrence/byDay/1', code: 'duplicate_value' },
    ]);
    expect(issues(set(routine(), '/recurrence/freq', 'MONTHLY'))).toMatchObject([
      { path: '/recurrence/freq', code: 'invalid_value' },
    ]);
  });

  it('requires audience type and validates each audience variant', () => {
    expect(issues(set(routine(), '/audience', { type: 'groups', groupIds: [] }))).toMatchObject([
      { path: '/audience/groupIds', code: 'too_small' },
    ]);
    expect(issues(set(routine(), '/audience', { type: 'participants' }))).toMatchObject([
      { path: '/audience/participantIds', code: 'required' },
    ]);
    expect(issues(set(routine(), '/audience', { groupIds: ['a'] }))).toMatchObject([
      { path: '/audience/type', code: 'required' },
    ]);
    expect(issues(set(routine(), '/audience', 'everyone'))).toMatchObject([
      { path: '/audience', code: 'invalid_type' },
    ]);
  });

  it('requires a positive capacity with min <= max', () => {
    expect(issues(set(routine(), '/capacity', { max: 0 }))).toMatchObject([
      { path: '/capacity/max', code: 'too_small' },
    ]);
    expect(issues(set(routine(), '/capacity', { max: 4, min: 6 }))).toMatchObject([
      { path: '/capacity/min', code: 'invalid_range' },
    ]);
    expect(issues(set(routine(), '/capacity', 12))).toMatchObject([
      { path: '/capacity', code: 'invalid_type' },
    ]);
  });

  it('validates each exception type with a reason', () => {
    const moved = {
      date: '2026-03-10',
      type: 'moved',
      reason: 'Room booked',
      newDate: '2026-03-11',
      start: '10:00',
      end: '11:00',
    };
    expect(issues(set(routine(), '/exceptions/1', moved))).toEqual([]);
    expect(
      issues(set(routine(), '/exceptions/1', { ...moved, start: undefined } as unknown as Json)),
    ).toMatchObject([{ path: '/exceptions/1/start', code: 'required' }]);
    expect(
      issues(set(routine(), '/exceptions/1', { date: '2026-03-10', type: 'cancelled' })),
    ).toMatchObject([{ path: '/exceptions/1/reason', code: 'required' }]);
    expect(
      issues(set(routine(), '/exceptions/1', { date: '2026-03-10', type: 'skipped', reason: 'x' })),
    ).toMatchObject([{ path: '/exceptions/1/type', code: 'invalid_value' }]);
  });

  it('allows one exception per original date', () => {
    const r = set(routine(), '/exceptions/1', {
      date: '2026-03-06',
      type: 'changed',
      reason: 'Guest facilitator',
      title: 'Skills group with a guest',
    });
    expect(issues(r)).toEqual([
      {
        path: '/exceptions/1/date',
        code: 'duplicate_value',
        message: 'duplicate date "2026-03-06": already used at index 0',
      },
    ]);
  });

  it('validates roster changes', () => {
    expect(
      issues(
        set(routine(), '/roster/0', {
          participantId: 'p-01',
          action: 'add',
          effective: '2026-03-10',
        }),
      ),
    ).toEqual([]);
    expect(
      issues(
        set(routine(), '/roster/0', {
          participantId: 'p-01',
          action: 'join',
          effective: '2026-03-10',
        }),
      ),
    ).toMatchObject([{ path: '/roster/0/action', code: 'invalid_value' }]);
  });

  it('collects every issue of a badly broken routine, not just the first', () => {
    const r = routine();
    set(r, '/start', '24:00');
    set(r, '/end', '9:00');
    set(r, '/facilitatorIds', 'st-1');
    remove(r, '/title');
    expect(issues(r).map((i) => i.path)).toEqual(['/title', '/facilitatorIds', '/start', '/end']);
  });
});
