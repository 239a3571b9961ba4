import { describe, expect, it } from 'vitest';
import { cleanDoc, routineOf, runRule } from '../fixtures/builders.js';

describe('capacity', () => {
  it('passes sessions within capacity', () => {
    expect(runRule('capacity', cleanDoc())).toEqual([]);
  });

  it('reports an over-full routine as an error and an under-filled one as a warning', () => {
    const doc = cleanDoc();
    routineOf(doc, 'group').capacity = { max: 2 };
    routineOf(doc, 'art').capacity = { max: 8, min: 3 };
    const findings = runRule('capacity', doc);
    expect(findings.map((f) => [f.messageId, f.severity, f.path[0]])).toEqual([
      ['overCapacity', 'error', '/routines/3/capacity/max'],
      ['underMinimum', 'warn', '/routines/9/capacity/min'],
    ]);
    expect(findings[0]?.data).toMatchObject({ most: 3, limit: 2, count: 10 });
    expect(runRule('capacity', doc, { options: { warnUnderMinimum: false } })).toHaveLength(1);
  });

  it("reports a room that cannot hold the session's audience", () => {
    const doc = cleanDoc();
    const room = doc.program.locations.find((l) => l.id === 'group-room');
    if (room) room.capacity = 2;
    const findings = runRule('capacity', doc);
    expect(findings.map((f) => f.data['title'])).toEqual([
      'Community meeting',
      'Group therapy',
      'Sleep and mood',
    ]);
    expect(findings[0]).toMatchObject({
      messageId: 'roomFull',
      path: ['/program/locations/1/capacity', '/routines/2'],
      data: { location: 'Group room' },
    });
  });
});
