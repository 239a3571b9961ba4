import { describe, expect, it } from 'vitest';
import type { Transition } from '../../model/index.js';
import { cleanDoc, runRule } from '../fixtures/builders.js';

const departure = (extra: Partial<Transition> = {}): Transition => ({
  id: 'leave',
  type: 'staff-departure',
  staffId: 's-rec',
  successorStaffId: 's-mht',
  effectiveDate: '2026-03-27',
  announcedDate: '2026-03-10',
  plan: [{ id: 'intro', kind: 'introduction', status: 'todo', dueDate: '2026-03-20' }],
  ...extra,
});

function withDeparture(t: Transition, model: 'short-term' | 'long-term' = 'short-term') {
  const doc = cleanDoc();
  doc.program.stay.model = model;
  const s = doc.people.staff.find((x) => x.id === 's-rec');
  if (s) s.endDate = t.effectiveDate;
  doc.transitions.push(t);
  return doc;
}

describe('staff-departure-notice', () => {
  it('passes a departure announced 14+ days ahead with the successor introduced', () => {
    expect(
      runRule('staff-departure-notice', withDeparture(departure()), {
        now: '2026-03-11T12:00:00-04:00',
      }),
    ).toEqual([]);
  });

  it('needs 28 days in long-term programs', () => {
    const findings = runRule('staff-departure-notice', withDeparture(departure(), 'long-term'), {
      now: '2026-03-11T12:00:00-04:00',
    });
    expect(findings).toMatchObject([
      {
        messageId: 'lateNotice',
        data: { days: 17, notice: 28, due: '2026-02-27' },
        path: ['/transitions/3/announcedDate'],
      },
    ]);
  });

  it('reports a departure not announced once notice is due, but not before', () => {
    const t = departure();
    delete t.announcedDate;
    expect(runRule('staff-departure-notice', withDeparture(t))).toEqual([]);
    expect(
      runRule('staff-departure-notice', withDeparture(t), { now: '2026-03-14T12:00:00-04:00' }).map(
        (f) => f.messageId,
      ),
    ).toEqual(['notAnnounced']);
  });

  it('reports a missing successor or a successor introduced too late', () => {
    const none = departure();
    delete none.successorStaffId;
    expect(runRule('staff-departure-notice', withDeparture(none)).map((f) => f.messageId)).toEqual([
      'noSuccessor',
    ]);
    const late = departure({
      plan: [
        { id: 'intro', kind: 'introduction', status: 'todo', at: '2026-03-27T09:00:00-04:00' },
      ],
    });
    expect(runRule('staff-departure-notice', withDeparture(late))).toMatchObject([
      { messageId: 'notIntroduced', data: { successor: 'Dev S.' } },
    ]);
  });

  it('reports an end date inside the notice period without a departure transition', () => {
    const doc = cleanDoc();
    const s = doc.people.staff.find((x) => x.id === 's-rec');
    if (s) s.endDate = '2026-03-12';
    expect(runRule('staff-departure-notice', doc)).toMatchObject([
      { messageId: 'noTransition', path: ['/people/staff/2/endDate'] },
    ]);
  });
});
