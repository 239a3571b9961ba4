import { describe, expect, it } from 'vitest';
import { cleanDoc, routine, routineOf, runRule } from '../fixtures/builders.js';

describe('no-double-booking', () => {
  it('passes a schedule where nobody is in two places', () => {
    expect(runRule('no-double-booking', cleanDoc())).toEqual([]);
  });

  it('reports participants expected at an elective and a required group at the same time', () => {
    const doc = cleanDoc();
    routineOf(doc, 'art').start = '13:30';
    routineOf(doc, 'art').end = '14:30';
    const findings = runRule('no-double-booking', doc).filter((f) => f.messageId === 'participant');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      data: { a: 'Art studio', b: 'Recreation', names: ['Dana R.', 'Lee'], count: 2 },
      related: { participantIds: ['p1', 'p3'], routineIds: ['art', 'rec'] },
    });
    expect(findings[0]?.related.occurrenceIds).toContain('art@2026-03-02');
  });

  it('follows roster changes: a participant removed from a group is free again', () => {
    const doc = cleanDoc();
    doc.routines.push(
      routine({
        id: 'extra',
        kind: 'group-therapy',
        title: 'Extra group',
        start: '10:30',
        end: '11:30',
        facilitatorIds: ['s-nurse'],
        audience: { type: 'participants', participantIds: ['p2'] },
      }),
    );
    const before = runRule('no-double-booking', doc, { options: { checkLocations: false } });
    expect(before[0]?.data['dates']).toBe(
      '2026-03-02, 2026-03-03, 2026-03-04, 2026-03-05, 2026-03-06 (+5)',
    );
    routineOf(doc, 'group').roster.push({
      participantId: 'p2',
      action: 'remove',
      effective: '2026-03-09',
    });
    const after = runRule('no-double-booking', doc, { options: { checkLocations: false } });
    expect(after[0]?.data['dates']).toBe(
      '2026-03-02, 2026-03-03, 2026-03-04, 2026-03-05, 2026-03-06',
    );
  });

  it('reports a room booked twice unless disabled; ambient kinds occupy nobody', () => {
    const doc = cleanDoc();
    doc.routines.push(
      routine({
        id: 'family',
        kind: 'visiting-hours',
        title: 'Family room',
        start: '10:00',
        end: '11:00',
        locationId: 'group-room',
      }),
    );
    const rooms = runRule('no-double-booking', doc, { options: { ignoreKinds: [] } });
    expect(rooms.map((f) => [f.messageId, f.data['b']])).toEqual([
      ['location', 'Group therapy'],
      ['participant', 'Group therapy'],
      ['participant', 'Weekend skills'],
    ]);
    expect(rooms.find((f) => f.messageId === 'location')?.data['location']).toBe('Group room');
    expect(runRule('no-double-booking', doc)).toEqual([]);
  });
});
