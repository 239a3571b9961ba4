import { describe, expect, it } from 'vitest';
import { expandOccurrences } from './expand.js';
import { makeDoc, makeParticipant, makeRoutine } from './test-fixtures.js';

const WEEK = { from: '2026-03-09T00:00:00-04:00', to: '2026-03-16T00:00:00-04:00' };

describe('audience', () => {
  const participants = [
    makeParticipant('ana', { groupIds: ['track-a'], electiveRoutineIds: ['art'] }),
    makeParticipant('ben', { groupIds: ['track-b'], admissionDate: '2026-03-11' }),
    makeParticipant('cal', {
      groupIds: ['track-a'],
      dischargeDate: '2026-03-10',
      electiveRoutineIds: ['art'],
    }),
    makeParticipant('dee', { groupIds: ['track-b'] }),
  ];
  const byDate = (
    doc: ReturnType<typeof makeDoc>,
    participant?: string,
  ): Record<string, string[]> =>
    Object.fromEntries(
      expandOccurrences(doc, { ...WEEK, participant }).map((o) => [o.localDate, o.participantIds]),
    );

  it('everyone = participants whose stay covers the date (discharge date inclusive)', () => {
    const doc = makeDoc({ participants, routines: [makeRoutine('r')] });
    const a = byDate(doc);
    expect(a['2026-03-09']).toEqual(['ana', 'cal', 'dee']);
    expect(a['2026-03-10']).toEqual(['ana', 'cal', 'dee']);
    expect(a['2026-03-11']).toEqual(['ana', 'ben', 'dee']);
  });

  it('groups and listed participants', () => {
    const doc = makeDoc({
      participants,
      routines: [
        makeRoutine('g', { audience: { type: 'groups', groupIds: ['track-b'] } }),
        makeRoutine('p', {
          audience: { type: 'participants', participantIds: ['dee', 'ana', 'ghost'] },
        }),
      ],
    });
    const occ = expandOccurrences(doc, {
      from: '2026-03-12T00:00:00-04:00',
      to: '2026-03-13T00:00:00-04:00',
    });
    expect(occ.map((o) => [o.routineId, o.participantIds])).toEqual([
      ['g', ['ben', 'dee']],
      ['p', ['ana', 'dee']],
    ]);
  });

  it('roster changes affect occurrences on or after their effective date only', () => {
    const doc = makeDoc({
      participants,
      routines: [
        makeRoutine('r', {
          audience: { type: 'groups', groupIds: ['track-a'] },
          roster: [
            { participantId: 'dee', action: 'add', effective: '2026-03-12' },
            { participantId: 'ana', action: 'remove', effective: '2026-03-13' },
            { participantId: 'ana', action: 'add', effective: '2026-03-15' },
          ],
        }),
      ],
    });
    expect(byDate(doc)).toEqual({
      '2026-03-09': ['ana', 'cal'],
      '2026-03-10': ['ana', 'cal'],
      '2026-03-11': ['ana'],
      '2026-03-12': ['ana', 'dee'],
      '2026-03-13': ['dee'],
      '2026-03-14': ['dee'],
      '2026-03-15': ['ana', 'dee'],
    });
    expect(Object.keys(byDate(doc, 'ana'))).toEqual([
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-15',
    ]);
  });

  it('electives: only participants who chose the routine, plus roster adds', () => {
    const doc = makeDoc({
      participants,
      routines: [
        makeRoutine('art', {
          kind: 'art-therapy',
          attendance: 'elective',
          roster: [{ participantId: 'ben', action: 'add', effective: '2026-03-14' }],
        }),
      ],
    });
    const a = byDate(doc);
    expect(a['2026-03-09']).toEqual(['ana', 'cal']);
    expect(a['2026-03-11']).toEqual(['ana']);
    expect(a['2026-03-14']).toEqual(['ana', 'ben']);
    expect(expandOccurrences(doc, { ...WEEK, participant: 'dee' })).toEqual([]);
    expect(expandOccurrences(doc, WEEK).every((o) => o.attendance === 'elective')).toBe(true);
  });
});
