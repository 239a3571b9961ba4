import { describe, expect, it } from 'vitest';
import { cleanDoc, routineOf, runRule } from '../fixtures/builders.js';

describe('personal-choice', () => {
  it('passes weeks with electives', () => {
    expect(runRule('personal-choice', cleanDoc())).toEqual([]);
  });

  it('reports weeks without electives, including when all elective sessions are cancelled', () => {
    const doc = cleanDoc();
    routineOf(doc, 'art').recurrence = {
      freq: 'DAILY',
      startDate: '2026-01-05',
      until: '2026-03-08',
    };
    expect(runRule('personal-choice', doc)).toMatchObject([
      { messageId: 'noElectives', data: { weeks: '2026-03-09', found: 0, minElectives: 1 } },
    ]);
    expect(
      runRule('personal-choice', cleanDoc(), { options: { minElectives: 2 } })[0]?.data['found'],
    ).toBe(1);
  });

  it('does not apply to weekly outpatient groups', () => {
    const doc = cleanDoc();
    doc.program.setting = 'outpatient';
    doc.routines = doc.routines.filter((r) => r.attendance !== 'elective');
    expect(runRule('personal-choice', doc)).toEqual([]);
  });
});
