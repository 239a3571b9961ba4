import { describe, expect, it } from 'vitest';
import { expandOccurrences } from './expand.js';
import { makeDoc, makeRoutine, makeStaff } from './test-fixtures.js';
import { ScheduleRangeError } from './types.js';

const DAY = { from: '2026-03-09T00:00:00-04:00', to: '2026-03-10T00:00:00-04:00' };
const WEEK = { from: '2026-03-09T00:00:00-04:00', to: '2026-03-16T00:00:00-04:00' };

describe('expandOccurrences basics', () => {
  const routine = makeRoutine('community', {
    kind: 'community-meeting',
    title: 'Community meeting',
    locationId: 'dayroom',
    facilitatorIds: ['s1'],
  });
  const doc = makeDoc({ routines: [routine] });

  it('produces the contract shape', () => {
    const [o, ...rest] = expandOccurrences(doc, DAY);
    expect(rest).toEqual([]);
    expect(o).toEqual({
      id: 'community@2026-03-09',
      routineId: 'community',
      routine,
      kind: 'community-meeting',
      title: 'Community meeting',
      localDate: '2026-03-09',
      originalDate: '2026-03-09',
      start: '2026-03-09T09:00:00-04:00',
      end: '2026-03-09T10:00:00-04:00',
      startMs: Date.parse('2026-03-09T13:00:00Z'),
      endMs: Date.parse('2026-03-09T14:00:00Z'),
      locationId: 'dayroom',
      facilitatorIds: ['s1'],
      participantIds: ['p1', 'p2'],
      attendance: 'required',
      status: 'scheduled',
    });
    expect(o?.routine).toBe(routine);
    expect(o?.facilitatorIds).not.toBe(routine.facilitatorIds);
  });

  it('keeps occurrences overlapping the half-open range [from, to)', () => {
    const at = (iso: string, to: string): string[] =>
      expandOccurrences(doc, { from: iso, to }).map((o) => o.id);
    expect(at('2026-03-09T10:00:00-04:00', '2026-03-10T09:00:00-04:00')).toEqual([]); // ends at from; starts at to
    expect(at('2026-03-09T09:59:00-04:00', '2026-03-09T09:59:00-04:00')).toEqual([]); // empty range
    expect(at('2026-03-09T09:59:00-04:00', '2026-03-10T09:01:00-04:00')).toEqual([
      'community@2026-03-09',
      'community@2026-03-10',
    ]);
    expect(
      expandOccurrences(doc, {
        from: new Date('2026-03-09T13:30:00Z'),
        to: Date.parse('2026-03-09T13:31:00Z'),
      }),
    ).toHaveLength(1);
  });

  it('sorts by start then id', () => {
    const d = makeDoc({
      routines: [
        makeRoutine('b'),
        makeRoutine('a'),
        makeRoutine('early', { start: '08:00', end: '08:30' }),
      ],
    });
    expect(expandOccurrences(d, DAY).map((o) => o.id)).toEqual([
      'early@2026-03-09',
      'a@2026-03-09',
      'b@2026-03-09',
    ]);
  });

  it('throws ScheduleRangeError naming the bad argument', () => {
    const err = (opts: Parameters<typeof expandOccurrences>[1]): unknown => {
      try {
        expandOccurrences(doc, opts);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const noOffset = err({ from: '2026-03-09T00:00:00', to: DAY.to });
    expect(noOffset).toBeInstanceOf(ScheduleRangeError);
    expect(noOffset).toBeInstanceOf(RangeError);
    expect(noOffset).toMatchObject({ argument: 'from', name: 'ScheduleRangeError' });
    expect(String((noOffset as Error).message)).toMatch(/^from: .*offset/);
    expect(err({ from: DAY.from, to: new Date('nope') })).toMatchObject({ argument: 'to' });
    expect(err({ from: DAY.to, to: DAY.from })).toMatchObject({ argument: 'to' });
    expect(err({ from: '2026-02-30T00:00:00Z', to: DAY.to })).toMatchObject({ argument: 'from' });
  });

  it('ends the next day when end <= start', () => {
    const d = makeDoc({
      routines: [
        makeRoutine('night', { start: '22:00', end: '06:00' }),
        makeRoutine('allday', { start: '07:00', end: '07:00' }),
      ],
    });
    const [night, allday] = ['night', 'allday'].map((id) =>
      expandOccurrences(d, DAY).find((o) => o.routineId === id && o.localDate === '2026-03-09'),
    );
    expect(night?.end).toBe('2026-03-10T06:00:00-04:00');
    expect(allday?.end).toBe('2026-03-10T07:00:00-04:00');
    // The night that started the day before overlaps the morning of the range.
    expect(expandOccurrences(d, DAY).map((o) => o.id)).toEqual([
      'allday@2026-03-08',
      'night@2026-03-08',
      'allday@2026-03-09',
      'night@2026-03-09',
    ]);
  });
});

describe('exceptions', () => {
  const routine = makeRoutine('group', {
    locationId: 'group-room',
    facilitatorIds: ['s1'],
    recurrence: {
      freq: 'WEEKLY',
      byDay: ['MO', 'WE'],
      startDate: '2026-03-02',
      exdates: ['2026-03-04'],
    },
    exceptions: [
      { date: '2026-03-09', type: 'cancelled', reason: 'Staff training' },
      {
        date: '2026-03-11',
        type: 'moved',
        reason: 'Outing',
        newDate: '2026-03-12',
        start: '14:00',
        end: '15:30',
        locationId: 'dayroom',
      },
      {
        date: '2026-03-16',
        type: 'changed',
        reason: 'Guest speaker',
        title: 'Recovery stories',
        facilitatorIds: ['s2'],
        locationId: 'dayroom',
      },
      {
        date: '2026-03-02',
        type: 'moved',
        reason: 'Pulled into range',
        newDate: '2026-03-10',
        start: '08:00',
        end: '08:30',
      },
      {
        date: '2026-03-18',
        type: 'moved',
        reason: 'Pushed out of range',
        newDate: '2026-04-01',
        start: '09:00',
        end: '10:00',
      },
      {
        date: '2026-03-04',
        type: 'moved',
        reason: 'On an exdate: ignored',
        start: '11:00',
        end: '12:00',
      },
      {
        date: '2026-03-10',
        type: 'moved',
        reason: 'Not a series date: ignored',
        start: '11:00',
        end: '12:00',
      },
    ],
  });
  const doc = makeDoc({ routines: [routine], staff: [makeStaff('s1'), makeStaff('s2')] });
  const range = { from: '2026-03-09T00:00:00-04:00', to: '2026-03-19T00:00:00-04:00' };
  const occ = expandOccurrences(doc, range);

  it('applies cancelled, moved and changed exceptions', () => {
    expect(occ.map((o) => [o.id, o.localDate, o.start, o.status])).toEqual([
      ['group@2026-03-09', '2026-03-09', '2026-03-09T09:00:00-04:00', 'cancelled'],
      ['group@2026-03-02', '2026-03-10', '2026-03-10T08:00:00-04:00', 'moved'],
      ['group@2026-03-11', '2026-03-12', '2026-03-12T14:00:00-04:00', 'moved'],
      ['group@2026-03-16', '2026-03-16', '2026-03-16T09:00:00-04:00', 'changed'],
    ]);
  });

  it('moved: new date, times and location; the exception carries the original instants', () => {
    const moved = occ.find((o) => o.id === 'group@2026-03-11');
    expect(moved).toMatchObject({
      originalDate: '2026-03-11',
      end: '2026-03-12T15:30:00-04:00',
      locationId: 'dayroom',
    });
    expect(moved?.exception).toMatchObject({
      type: 'moved',
      reason: 'Outing',
      originalStart: '2026-03-11T09:00:00-04:00',
      originalEnd: '2026-03-11T10:00:00-04:00',
    });
    // The original date's (pre-DST) offset is used for an original before the change.
    expect(occ.find((o) => o.id === 'group@2026-03-02')?.exception?.originalStart).toBe(
      '2026-03-02T09:00:00-05:00',
    );
  });

  it('changed: title, location and facilitators overridden, reason kept', () => {
    const changed = occ.find((o) => o.id === 'group@2026-03-16');
    expect(changed).toMatchObject({
      title: 'Recovery stories',
      locationId: 'dayroom',
      facilitatorIds: ['s2'],
    });
    expect(changed?.exception?.reason).toBe('Guest speaker');
  });

  it('drops cancelled occurrences on request', () => {
    expect(
      expandOccurrences(doc, { ...range, includeCancelled: false }).map((o) => o.status),
    ).not.toContain('cancelled');
  });

  it('filters by staff and location after exceptions apply', () => {
    expect(expandOccurrences(doc, { ...range, staff: 's2' }).map((o) => o.id)).toEqual([
      'group@2026-03-16',
    ]);
    expect(expandOccurrences(doc, { ...range, location: 'dayroom' }).map((o) => o.id)).toEqual([
      'group@2026-03-11',
      'group@2026-03-16',
    ]);
    expect(expandOccurrences(doc, { ...range, location: 'group-room' }).map((o) => o.id)).toEqual([
      'group@2026-03-09',
      'group@2026-03-02',
    ]);
  });
});

describe('window jumping', () => {
  it('expands a series that started decades ago without walking from its start', () => {
    const doc = makeDoc({
      routines: [
        makeRoutine('old', {
          recurrence: { freq: 'WEEKLY', byDay: ['MO', 'TH'], startDate: '1990-01-01' },
        }),
      ],
    });
    const t = Date.now();
    for (let i = 0; i < 200; i++) expandOccurrences(doc, WEEK);
    expect(Date.now() - t).toBeLessThan(500);
    expect(expandOccurrences(doc, WEEK).map((o) => o.localDate)).toEqual([
      '2026-03-09',
      '2026-03-12',
    ]);
  });
});
