import { describe, expect, it } from 'vitest';
import { makeDoc, makeParticipant, makeRoutine } from './test-fixtures.js';
import { ScheduleRangeError } from './types.js';
import { nowAndNext, personalSchedule } from './views.js';

const doc = makeDoc({
  participants: [
    makeParticipant('ana', { groupIds: ['track-a'], electiveRoutineIds: ['art'] }),
    makeParticipant('ben', { groupIds: ['track-b'], electiveRoutineIds: ['yoga'] }),
  ],
  routines: [
    makeRoutine('breakfast', { kind: 'breakfast', start: '08:00', end: '08:45' }),
    makeRoutine('track-a', {
      audience: { type: 'groups', groupIds: ['track-a'] },
      start: '10:00',
      end: '11:00',
    }),
    makeRoutine('track-b', {
      audience: { type: 'groups', groupIds: ['track-b'] },
      start: '10:00',
      end: '11:00',
    }),
    makeRoutine('art', {
      kind: 'art-therapy',
      attendance: 'elective',
      start: '14:00',
      end: '15:00',
    }),
    makeRoutine('yoga', { kind: 'exercise', attendance: 'elective', start: '14:00', end: '15:00' }),
    makeRoutine('meds', {
      kind: 'medication',
      start: '09:00',
      end: '09:15',
      exceptions: [{ date: '2026-03-09', type: 'cancelled', reason: 'Pharmacy closed' }],
    }),
    makeRoutine('lights', { kind: 'lights-out', start: '22:00', end: '06:30' }),
  ],
});
const DAY = { from: '2026-03-09T00:00:00-04:00', to: '2026-03-10T00:00:00-04:00' };

describe('personalSchedule', () => {
  it('lists the required activities of their audience and their chosen electives, in order', () => {
    expect(personalSchedule(doc, 'ana', DAY).map((o) => o.routineId)).toEqual([
      'lights',
      'breakfast',
      'meds',
      'track-a',
      'art',
      'lights',
    ]);
    expect(
      personalSchedule(doc, 'ben', { ...DAY, includeCancelled: false }).map((o) => o.routineId),
    ).toEqual(['lights', 'breakfast', 'track-b', 'yoga', 'lights']);
  });

  it('rejects an unknown participant', () => {
    expect(() => personalSchedule(doc, 'nobody', DAY)).toThrow(ScheduleRangeError);
  });
});

describe('nowAndNext', () => {
  it('shows what is in progress with its progress, and the next start', () => {
    const r = nowAndNext(doc, '2026-03-09T10:15:00-04:00');
    expect(r.now.map((o) => [o.id, o.progress])).toEqual([
      ['track-a@2026-03-09', 0.25],
      ['track-b@2026-03-09', 0.25],
    ]);
    expect(r.next?.id).toBe('art@2026-03-09');
    expect(r.nextStartsInMinutes).toBe(225);
  });

  it('counts an occurrence as now from its first instant, not at its end', () => {
    const r = nowAndNext(doc, '2026-03-09T08:00:00-04:00');
    expect(r.now.map((o) => [o.id, o.progress])).toEqual([['breakfast@2026-03-09', 0]]);
    // The cancelled 09:00 medication is skipped: next is 10:00.
    expect(r.next?.id).toBe('track-a@2026-03-09');
    expect(nowAndNext(doc, '2026-03-09T08:45:00-04:00').now).toEqual([]);
  });

  it('includes an overnight occurrence that started yesterday; rounds minutes up', () => {
    const r = nowAndNext(doc, '2026-03-09T05:59:30-04:00');
    expect(r.now[0]?.id).toBe('lights@2026-03-08');
    expect(r.now[0]?.progress).toBeCloseTo((7 * 60 + 59.5) / (8.5 * 60), 10);
    expect(r.next?.id).toBe('breakfast@2026-03-09');
    expect(r.nextStartsInMinutes).toBe(121);
  });

  it('honours the horizon and filters', () => {
    expect(nowAndNext(doc, '2026-03-09T15:00:00-04:00', { horizonHours: 1 }).next).toBeUndefined();
    expect(
      nowAndNext(doc, '2026-03-09T15:00:00-04:00', { horizonHours: 1 }).nextStartsInMinutes,
    ).toBeUndefined();
    expect(nowAndNext(doc, '2026-03-09T13:00:00-04:00', { participant: 'ben' }).next?.id).toBe(
      'yoga@2026-03-09',
    );
    expect(() => nowAndNext(doc, '2026-03-09T13:00:00')).toThrow(/^at:/);
    expect(() => nowAndNext(doc, new Date(0), { horizonHours: 0 })).toThrow(ScheduleRangeError);
  });
});
