import { describe, expect, it } from 'vitest';
import { cleanDoc, routine, runRule } from '../fixtures/builders.js';

describe('protected-mealtimes', () => {
  it('passes when no therapy overlaps a meal', () => {
    expect(runRule('protected-mealtimes', cleanDoc())).toEqual([]);
  });

  it('reports a group that overlaps lunch for the same people, once per pair of routines', () => {
    const doc = cleanDoc();
    doc.routines.push(
      routine({
        id: 'dbt',
        kind: 'group-therapy',
        title: 'DBT skills',
        start: '12:30',
        end: '13:15',
        facilitatorIds: ['s-ther'],
        recurrence: {
          freq: 'WEEKLY',
          byDay: ['TU', 'TH'],
          startDate: '2026-01-06',
          reviewDate: '2026-06-01',
        },
      }),
    );
    const findings = runRule('protected-mealtimes', doc);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      messageId: 'overlap',
      data: {
        title: 'DBT skills',
        meal: 'Lunch',
        dates: '2026-03-03, 2026-03-05, 2026-03-10, 2026-03-12',
      },
      path: [`/routines/${doc.routines.length - 1}`, '/routines/6'],
      related: { routineIds: ['dbt', 'lunch'], staffIds: ['s-ther'] },
    });
  });

  it('allows a session for other people at mealtime, and touching ends', () => {
    const doc = cleanDoc();
    doc.people.participants.push({
      id: 'p9',
      preferredName: 'Kai',
      admissionDate: '2026-02-01',
      groupIds: [],
      electiveRoutineIds: [],
      goals: [],
    });
    routineOf(doc).audience = { type: 'participants', participantIds: ['p1', 'p2', 'p3'] };
    doc.routines.push(
      routine({
        id: 'one-to-one',
        kind: 'individual-therapy',
        title: '1:1 with Kai',
        start: '12:15',
        end: '12:45',
        facilitatorIds: ['s-ther'],
        audience: { type: 'participants', participantIds: ['p9'] },
      }),
    );
    doc.routines.push(
      routine({
        id: 'after',
        kind: 'group-therapy',
        title: 'Right after lunch',
        start: '12:45',
        end: '12:55',
        facilitatorIds: ['s-mht'],
      }),
    );
    expect(runRule('protected-mealtimes', doc)).toEqual([]);
  });
});

function routineOf(doc: ReturnType<typeof cleanDoc>) {
  const lunch = doc.routines.find((r) => r.id === 'lunch');
  if (!lunch) throw new Error('lunch');
  return lunch;
}
