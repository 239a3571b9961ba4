import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

const NEAR = '2026-03-16T12:00:00-04:00'; // p2 leaves 03-18, p1 03-20

describe('aftercare-booked', () => {
  it('passes a discharge with an appointment within 7 days that is also a contact within 72 h', () => {
    const doc = cleanDoc();
    doc.transitions = doc.transitions.filter((t) => t.participantId !== 'p2');
    expect(runRule('aftercare-booked', doc, { now: NEAR })).toEqual([]);
  });

  it('reports a discharge without a booked appointment (and without follow-up contact)', () => {
    const findings = runRule('aftercare-booked', cleanDoc(), { now: NEAR });
    expect(findings.map((f) => [f.messageId, f.severity, f.path[0]])).toEqual([
      ['noFollowUp', 'warn', '/transitions/1/plan'],
      ['notBooked', 'error', '/transitions/1/plan'],
    ]);
  });

  it('reports an appointment later than 7 days, and accepts a follow-up call by due date', () => {
    const doc = cleanDoc();
    const plan = doc.transitions[0]?.plan ?? [];
    const appointment = plan[0];
    if (appointment) appointment.at = '2026-03-30T10:00:00-04:00';
    plan.push({
      id: 'call',
      kind: 'other',
      status: 'todo',
      dueDate: '2026-03-22',
      note: 'Follow-up call',
    });
    const findings = runRule('aftercare-booked', doc, { now: NEAR }).filter(
      (f) => f.data['name'] === 'Dana R.',
    );
    expect(findings).toMatchObject([
      {
        messageId: 'outsideWindow',
        path: ['/transitions/0/plan/0/at'],
        data: { at: '2026-03-30' },
      },
    ]);
  });

  it('is waived by a not-applicable appointment and ignores far-away discharges', () => {
    const doc = cleanDoc();
    const t = doc.transitions[1];
    if (t)
      t.plan.push({
        id: 'na',
        kind: 'aftercare-appointment',
        status: 'not-applicable',
        note: 'Transferred to a medical ward',
      });
    expect(runRule('aftercare-booked', doc, { now: NEAR })).toEqual([]);
    expect(runRule('aftercare-booked', cleanDoc())).toEqual([]);
  });

  it('reports a discharge date without any discharge transition', () => {
    const doc = cleanDoc();
    const p3 = doc.people.participants[2];
    if (p3) p3.dischargeDate = '2026-03-05';
    expect(runRule('aftercare-booked', doc).map((f) => f.messageId)).toEqual([]);
    doc.transitions = doc.transitions.filter((t) => t.participantId !== 'p3');
    expect(runRule('aftercare-booked', doc)).toMatchObject([
      { messageId: 'noTransition', path: ['/people/participants/2/dischargeDate'] },
    ]);
  });
});
