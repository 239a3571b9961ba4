import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findConflicts } from './conflicts.js';
import { expandOccurrences } from './expand.js';
import { makeDoc, makeParticipant, makeRoutine, makeStaff } from './test-fixtures.js';
import type { Occurrence } from './types.js';

const DAY = { from: '2026-03-09T00:00:00-04:00', to: '2026-03-10T00:00:00-04:00' };

describe('findConflicts', () => {
  const doc = makeDoc({
    participants: [
      makeParticipant('ana', { groupIds: ['track-a'] }),
      makeParticipant('ben', { groupIds: ['track-b'] }),
      makeParticipant('cal'),
    ],
    staff: [makeStaff('s1'), makeStaff('s2')],
    routines: [
      makeRoutine('group-a', {
        audience: { type: 'groups', groupIds: ['track-a'] },
        start: '10:00',
        end: '11:00',
        facilitatorIds: ['s1'],
        locationId: 'group-room',
      }),
      makeRoutine('therapy-ana', {
        kind: 'individual-therapy',
        audience: { type: 'participants', participantIds: ['ana'] },
        start: '10:30',
        end: '11:30',
        facilitatorIds: ['s2'],
      }),
      makeRoutine('group-b', {
        audience: { type: 'groups', groupIds: ['track-b'] },
        start: '10:45',
        end: '12:00',
        facilitatorIds: ['s1'],
        locationId: 'group-room',
      }),
      // Touches group-a (11:00) exactly: no conflict for anyone.
      makeRoutine('lunch', {
        kind: 'lunch',
        audience: { type: 'participants', participantIds: ['ana', 'cal'] },
        start: '12:00',
        end: '12:30',
        locationId: 'dayroom',
      }),
      makeRoutine('walk', {
        kind: 'outing',
        audience: { type: 'participants', participantIds: ['ana'] },
        start: '11:30',
        end: '12:00',
        facilitatorIds: ['s2'],
      }),
      makeRoutine('small', {
        audience: { type: 'participants', participantIds: ['cal'] },
        capacity: { max: 6, min: 3 },
        start: '14:00',
        end: '15:00',
      }),
      makeRoutine('big', {
        capacity: { max: 2 },
        start: '16:00',
        end: '17:00',
        locationId: 'tiny',
      }),
      makeRoutine('gone', {
        start: '16:30',
        end: '17:30',
        locationId: 'tiny',
        exceptions: [{ date: '2026-03-09', type: 'cancelled', reason: 'x' }],
      }),
    ],
  });
  const occ = expandOccurrences(doc, DAY);
  const conflicts = findConflicts(occ, { locations: [{ id: 'tiny', capacity: 1 }] });
  const summary = conflicts.map((c) => [
    c.kind,
    c.resourceId,
    c.occurrenceIds.join(' '),
    c.start.slice(11, 16),
    c.end.slice(11, 16),
  ]);

  it('reports each kind with ids, resource and the overlapping interval', () => {
    expect(summary).toEqual([
      [
        'participant-double-booking',
        'ana',
        'group-a@2026-03-09 therapy-ana@2026-03-09',
        '10:30',
        '11:00',
      ],
      [
        'facilitator-double-booking',
        's1',
        'group-a@2026-03-09 group-b@2026-03-09',
        '10:45',
        '11:00',
      ],
      [
        'location-double-booking',
        'group-room',
        'group-a@2026-03-09 group-b@2026-03-09',
        '10:45',
        '11:00',
      ],
      ['capacity-under-minimum', 'small', 'small@2026-03-09', '14:00', '15:00'],
      ['capacity-overflow', 'big', 'big@2026-03-09', '16:00', '17:00'],
      ['capacity-overflow', 'tiny', 'big@2026-03-09', '16:00', '17:00'],
    ]);
    expect(
      conflicts.find((c) => c.kind === 'capacity-overflow' && c.resourceType === 'routine'),
    ).toMatchObject({ count: 3, limit: 2, severity: 'error' });
    expect(conflicts.find((c) => c.kind === 'capacity-under-minimum')).toMatchObject({
      count: 1,
      limit: 3,
      severity: 'warning',
    });
    expect(conflicts[0]).toMatchObject({
      resourceType: 'participant',
      startMs: Date.parse('2026-03-09T10:30:00-04:00'),
      endMs: Date.parse('2026-03-09T11:00:00-04:00'),
    });
  });

  it('treats touching intervals as no conflict and ignores cancelled occurrences', () => {
    // walk (11:30–12:00) touches therapy-ana's end and lunch's start; 'gone' is cancelled.
    expect(summary.flat().join(' ')).not.toMatch(/walk|lunch|gone/);
  });

  it('leaves ambient kinds out of participant double booking', () => {
    const ambient = findConflicts(occ, { ambientKinds: ['individual-therapy'] });
    expect(ambient.filter((c) => c.kind === 'participant-double-booking')).toEqual([]);
  });
});

/** Pairwise reference for double bookings. */
function pairwise(occ: Occurrence[]): string[] {
  const live = occ.filter((o) => o.status !== 'cancelled' && o.endMs > o.startMs);
  const out: string[] = [];
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const [a, b] = [live[i], live[j]] as [Occurrence, Occurrence];
      if (Math.max(a.startMs, b.startMs) >= Math.min(a.endMs, b.endMs)) continue;
      const ids = [a, b]
        .sort((x, y) => x.startMs - y.startMs || (x.id < y.id ? -1 : 1))
        .map((o) => o.id)
        .join(' ');
      for (const p of a.participantIds)
        if (b.participantIds.includes(p)) out.push(`participant ${p} ${ids}`);
      for (const s of a.facilitatorIds)
        if (b.facilitatorIds.includes(s)) out.push(`staff ${s} ${ids}`);
      if (a.locationId !== undefined && a.locationId === b.locationId)
        out.push(`location ${a.locationId} ${ids}`);
    }
  }
  return out.sort();
}

describe('findConflicts equals a pairwise check on random occurrences', () => {
  const occArb = fc.array(
    fc.record({
      start: fc.integer({ min: 0, max: 200 }),
      len: fc.integer({ min: 0, max: 40 }),
      people: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 3 }),
      staff: fc.uniqueArray(fc.constantFrom('s', 't'), { maxLength: 2 }),
      room: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
      cancelled: fc.boolean(),
    }),
    { maxLength: 30 },
  );
  it('for every resource kind', () => {
    fc.assert(
      fc.property(occArb, (rows) => {
        const routine = makeRoutine('r');
        const occ: Occurrence[] = rows.map((r, i) => ({
          id: `r${i}@2026-03-09`,
          routineId: `r${i}`,
          routine,
          kind: 'other',
          title: 't',
          localDate: '2026-03-09',
          originalDate: '2026-03-09',
          start: new Date(r.start * 60_000).toISOString(),
          end: new Date((r.start + r.len) * 60_000).toISOString(),
          startMs: r.start * 60_000,
          endMs: (r.start + r.len) * 60_000,
          facilitatorIds: r.staff,
          participantIds: r.people,
          attendance: 'required',
          status: r.cancelled ? 'cancelled' : 'scheduled',
          ...(r.room === undefined ? {} : { locationId: r.room }),
        }));
        const kinds: Record<string, string> = {
          'participant-double-booking': 'participant',
          'facilitator-double-booking': 'staff',
          'location-double-booking': 'location',
        };
        const found = findConflicts(occ)
          .filter((c) => c.kind in kinds)
          .map((c) => {
            const [a, b] = c.occurrenceIds.map((id) => occ.find((o) => o.id === id)) as [
              Occurrence,
              Occurrence,
            ];
            expect(c.startMs).toBe(Math.max(a.startMs, b.startMs));
            expect(c.endMs).toBe(Math.min(a.endMs, b.endMs));
            return `${kinds[c.kind]} ${c.resourceId} ${c.occurrenceIds.join(' ')}`;
          });
        expect(found.sort()).toEqual(pairwise(occ));
      }),
      { numRuns: 500 },
    );
  });
});
