import { describe, expect, it } from 'vitest';
import { cleanDoc, routine, routineOf, runRule, weekdaysOnly } from '../fixtures/builders.js';

describe('no-empty-stretch', () => {
  it('passes a full day, evenings and weekends included', () => {
    expect(runRule('no-empty-stretch', cleanDoc())).toEqual([]);
  });

  it('reports an empty weekend afternoon, grouped by time of day', () => {
    const doc = cleanDoc();
    for (const id of ['rec', 'free', 'art', 'visiting'])
      routineOf(doc, id).recurrence = weekdaysOnly();
    const findings = runRule('no-empty-stretch', doc);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      data: {
        from: '12:45',
        to: '17:30',
        hours: 4.8,
        max: 3,
        count: 4,
        dates: '2026-03-07, 2026-03-08, 2026-03-14, 2026-03-15',
      },
      path: ['/routines'],
    });
  });

  it('checks evenings up to lights-out', () => {
    const doc = cleanDoc();
    doc.routines = doc.routines.filter((r) => r.id !== 'walk' && r.id !== 'evening');
    const findings = runRule('no-empty-stretch', doc);
    expect(findings.map((f) => [f.data['from'], f.data['to'], f.data['count']])).toEqual([
      ['18:15', '22:00', 14],
    ]);
  });

  it('measures real elapsed time on the spring-forward day', () => {
    // Waking hours from 01:00; the first activity at 04:00. On 2026-03-08 02:00–03:00 does not
    // exist in New York, so only 2 real hours are empty — under a 2.5 h limit — while on other
    // days 3 hours are.
    const doc = cleanDoc();
    doc.routines = doc.routines.filter((r) => r.kind !== 'wake-up');
    doc.routines.push(
      routine({
        id: 'early',
        kind: 'medication',
        title: 'Early meds',
        start: '04:00',
        end: '08:00',
      }),
    );
    const findings = runRule('no-empty-stretch', doc, {
      options: { maxHours: 2.5, wakingStart: '01:00' },
      range: { from: '2026-03-07T00:00:00-05:00', to: '2026-03-10T00:00:00-04:00' },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.data).toMatchObject({
      from: '01:00',
      to: '04:00',
      hours: 3,
      dates: '2026-03-07, 2026-03-09',
    });
  });

  it('uses the configured waking hours when there is no wake-up or lights-out, and skips day programs', () => {
    const doc = cleanDoc();
    doc.routines = doc.routines.filter((r) => r.kind !== 'lights-out' && r.kind !== 'wake-up');
    expect(
      runRule('no-empty-stretch', doc, { options: { wakingEnd: '23:30', maxHours: 2 } })[0]?.data,
    ).toMatchObject({ from: '21:00', to: '23:30' });
    doc.program.setting = 'iop';
    expect(runRule('no-empty-stretch', doc, { options: { wakingEnd: '23:30' } })).toEqual([]);
  });
});
