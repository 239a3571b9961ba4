import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

describe('transition-plan-early', () => {
  it('passes participants with an early plan and an anticipated discharge date', () => {
    expect(runRule('transition-plan-early', cleanDoc())).toEqual([]);
  });

  it('reports a missing plan and a missing anticipated discharge date after 3 days', () => {
    const doc = cleanDoc();
    doc.transitions = doc.transitions.filter((t) => t.participantId !== 'p2');
    const p2 = doc.people.participants[1];
    if (p2) delete p2.anticipatedDischargeDate;
    expect(
      runRule('transition-plan-early', doc).map((f) => [
        f.messageId,
        f.path[0],
        f.data['due'] ?? f.data['admitted'],
      ]),
    ).toEqual([
      ['noAnticipatedDischarge', '/people/participants/1', '2026-02-25'],
      ['noPlan', '/people/participants/1', '2026-02-28'],
    ]);
  });

  it('leaves the first 3 days alone, warns about a late start, and skips outpatient groups', () => {
    const doc = cleanDoc();
    const t = doc.transitions.find((x) => x.participantId === 'p3');
    if (t) t.createdOn = '2026-03-03';
    expect(runRule('transition-plan-early', doc)).toMatchObject([
      { messageId: 'late', severity: 'warn', path: ['/transitions/2/createdOn'] },
    ]);
    doc.transitions = doc.transitions.filter((x) => x.participantId !== 'p3');
    expect(runRule('transition-plan-early', doc, { now: '2026-03-01T12:00:00-05:00' })).toEqual([]);
    doc.program.setting = 'outpatient';
    expect(runRule('transition-plan-early', doc)).toEqual([]);
  });
});
