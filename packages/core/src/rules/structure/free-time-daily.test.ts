import { describe, expect, it } from 'vitest';
import { cleanDoc, routineOf, runRule, weekdaysOnly } from '../fixtures/builders.js';

describe('free-time-daily', () => {
  it('passes a unit with free time every day', () => {
    expect(runRule('free-time-daily', cleanDoc())).toEqual([]);
  });

  it('reports days without free time in one finding', () => {
    const doc = cleanDoc();
    routineOf(doc, 'free').recurrence = weekdaysOnly();
    routineOf(doc, 'evening').recurrence = weekdaysOnly();
    const findings = runRule('free-time-daily', doc);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      data: { count: 4, minutes: 30 },
      path: ['/routines/8/recurrence', '/routines/13/recurrence'],
    });
  });

  it('counts minutes against minMinutes and skips day programs', () => {
    const doc = cleanDoc();
    expect(
      runRule('free-time-daily', doc, { options: { minMinutes: 240 } })[0]?.data['count'],
    ).toBe(14);
    doc.program.setting = 'php';
    doc.routines = doc.routines.filter((r) => r.kind !== 'free-time');
    expect(runRule('free-time-daily', doc)).toEqual([]);
  });
});
