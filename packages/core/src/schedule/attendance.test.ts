import { describe, expect, it } from 'vitest';
import { attendanceCompleteness } from './attendance.js';
import { expandOccurrences } from './expand.js';
import { makeDoc, makeParticipant, makeRoutine } from './test-fixtures.js';

const WEEK = { from: '2026-03-09T00:00:00-04:00', to: '2026-03-16T00:00:00-04:00' };
const at = (iso: string): number => Date.parse(iso);

describe('attendanceCompleteness', () => {
  const participants = [
    makeParticipant('ana', { electiveRoutineIds: ['art'] }),
    makeParticipant('ben', { admissionDate: '2026-03-11' }),
    makeParticipant('cal', { dischargeDate: '2026-03-10', electiveRoutineIds: ['art'] }),
  ];
  const doc = makeDoc({
    participants,
    routines: [
      makeRoutine('group', {
        roster: [{ participantId: 'ana', action: 'remove', effective: '2026-03-12' }],
        exceptions: [{ date: '2026-03-13', type: 'cancelled', reason: 'Staff training' }],
      }),
      makeRoutine('art', { attendance: 'elective', start: '14:00', end: '15:00' }),
    ],
  });
  const occurrences = expandOccurrences(doc, WEEK);
  const byId = (
    id: string,
    records: { occurrenceId: string; participantId: string }[],
    now: string,
  ) => attendanceCompleteness(occurrences, records, at(now)).find((c) => c.occurrenceId === id);

  it('expects the audience of the date: stays, roster changes and electives applied', () => {
    const now = '2026-03-20T00:00:00-04:00';
    expect(byId('group@2026-03-10', [], now)?.expected).toEqual(['ana', 'cal']);
    expect(byId('group@2026-03-11', [], now)?.expected).toEqual(['ana', 'ben']);
    expect(byId('group@2026-03-12', [], now)?.expected).toEqual(['ben']);
    expect(byId('art@2026-03-11', [], now)?.expected).toEqual(['ana']);
  });

  it('is complete once every expected member has a record, ignoring others', () => {
    const records = [
      { occurrenceId: 'group@2026-03-12', participantId: 'ben' },
      { occurrenceId: 'group@2026-03-12', participantId: 'ana' },
      { occurrenceId: 'group@2026-03-12', participantId: 'ben' },
    ];
    expect(byId('group@2026-03-12', records, '2026-03-12T11:00:00-04:00')).toEqual({
      occurrenceId: 'group@2026-03-12',
      expected: ['ben'],
      recorded: ['ben'],
      missing: [],
      extra: ['ana'],
      complete: true,
      ended: true,
      state: 'complete',
    });
  });

  it('is pending before the end and overdue from the end on, with the missing listed', () => {
    const records = [{ occurrenceId: 'group@2026-03-11', participantId: 'ana' }];
    expect(byId('group@2026-03-11', records, '2026-03-11T09:30:00-04:00')).toMatchObject({
      state: 'pending',
      ended: false,
      missing: ['ben'],
    });
    expect(byId('group@2026-03-11', records, '2026-03-11T10:00:00-04:00')).toMatchObject({
      state: 'overdue',
      ended: true,
      complete: false,
      missing: ['ben'],
    });
  });

  it('never expects attendance at a cancelled occurrence', () => {
    expect(byId('group@2026-03-13', [], '2026-03-20T00:00:00-04:00')).toMatchObject({
      state: 'cancelled',
      expected: [],
      complete: true,
    });
  });

  it('takes no attendance at meals and daily anchors unless asked to', () => {
    const meal = {
      id: 'lunch@2026-03-09',
      end: '2026-03-09T13:00:00-04:00',
      status: 'scheduled',
      kind: 'lunch',
      participantIds: ['p1'],
    };
    const now = at('2026-03-10T00:00:00-04:00');
    expect(attendanceCompleteness([meal], [], now)[0]).toMatchObject({
      state: 'not-taken',
      expected: [],
    });
    expect(attendanceCompleteness([meal], [], now, { unrecordedKinds: [] })[0]).toMatchObject({
      state: 'overdue',
      missing: ['p1'],
    });
  });

  it('reads staff schedule views (participants with ids) and empty audiences', () => {
    const [view, empty] = attendanceCompleteness(
      [
        {
          id: 'x@2026-03-09',
          end: '2026-03-09T10:00:00-04:00',
          status: 'moved',
          participants: [{ id: 'p1' }, { id: 'p2' }],
        },
        { id: 'y@2026-03-09', end: 'not a date', status: 'scheduled', participants: [] },
      ],
      [{ occurrenceId: 'x@2026-03-09', participantId: 'p2' }],
      at('2026-03-10T00:00:00-04:00'),
    );
    expect(view).toMatchObject({ state: 'overdue', missing: ['p1'], recorded: ['p2'] });
    expect(empty).toMatchObject({ state: 'no-one-expected', ended: false, complete: true });
  });
});
