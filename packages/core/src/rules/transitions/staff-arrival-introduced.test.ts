import { describe, expect, it } from 'vitest';
import { cleanDoc, routine, runRule } from '../fixtures/builders.js';

function withNewcomer() {
  const doc = cleanDoc();
  doc.people.staff.push({
    id: 's-new',
    preferredName: 'Eli',
    lastName: 'Park',
    role: 'counselor',
    startDate: '2026-03-09',
  });
  doc.routines.push(
    routine({
      id: 'skills',
      kind: 'social-skills',
      title: 'Skills',
      start: '20:00',
      end: '20:45',
      facilitatorIds: ['s-new'],
      recurrence: {
        freq: 'WEEKLY',
        byDay: ['WE'],
        startDate: '2026-03-11',
        reviewDate: '2026-06-01',
      },
    }),
  );
  return doc;
}

describe('staff-arrival-introduced', () => {
  it('passes long-standing staff and a newcomer introduced before the first shift', () => {
    expect(runRule('staff-arrival-introduced', cleanDoc())).toEqual([]);
    const doc = withNewcomer();
    doc.transitions.push({
      id: 'arrive',
      type: 'staff-arrival',
      staffId: 's-new',
      effectiveDate: '2026-03-09',
      plan: [{ id: 'intro', kind: 'introduction', status: 'todo', dueDate: '2026-03-11' }],
    });
    expect(runRule('staff-arrival-introduced', doc)).toEqual([]);
  });

  it('reports a newcomer without an introduction, or introduced after the first shift', () => {
    const doc = withNewcomer();
    expect(runRule('staff-arrival-introduced', doc)).toMatchObject([
      {
        messageId: 'notIntroduced',
        data: { name: 'Eli P.', start: '2026-03-09', first: '2026-03-11' },
        path: ['/people/staff/4'],
      },
    ]);
    doc.transitions.push({
      id: 'arrive',
      type: 'staff-arrival',
      staffId: 's-new',
      effectiveDate: '2026-03-09',
      plan: [{ id: 'intro', kind: 'introduction', status: 'todo', dueDate: '2026-03-12' }],
    });
    expect(runRule('staff-arrival-introduced', doc)).toMatchObject([
      { path: ['/transitions/3/plan'] },
    ]);
  });

  it("accepts the introduction planned in a predecessor's departure", () => {
    const doc = withNewcomer();
    doc.transitions.push({
      id: 'leave',
      type: 'staff-departure',
      staffId: 's-rec',
      successorStaffId: 's-new',
      effectiveDate: '2026-03-31',
      announcedDate: '2026-03-01',
      plan: [{ id: 'intro', kind: 'introduction', status: 'done' }],
    });
    expect(runRule('staff-arrival-introduced', doc)).toEqual([]);
  });
});
