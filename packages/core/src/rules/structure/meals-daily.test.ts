import { describe, expect, it } from 'vitest';
import { cleanDoc, routineOf, runRule, weekdaysOnly } from '../fixtures/builders.js';

describe('meals-daily', () => {
  it('passes a unit with three meals every day, across the spring-forward day', () => {
    expect(runRule('meals-daily', cleanDoc())).toEqual([]);
  });

  it('reports weekend days without lunch, once per meal with the dates', () => {
    const doc = cleanDoc();
    routineOf(doc, 'lunch').recurrence = weekdaysOnly();
    const [f, ...rest] = runRule('meals-daily', doc);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      ruleId: 'meals-daily',
      severity: 'error',
      messageId: 'missing',
      data: { meal: 'lunch', count: 4, dates: '2026-03-07, 2026-03-08, 2026-03-14, 2026-03-15' },
      path: ['/routines/6/recurrence'],
      related: { routineIds: ['lunch'] },
      fix: { messageId: 'fixMissing' },
    });
    expect(f?.message).toBe(
      'No lunch is scheduled on 4 day(s): 2026-03-07, 2026-03-08, 2026-03-14, 2026-03-15.',
    );
  });

  it('reports meals missing on the same days once (one cause: no weekend timetable)', () => {
    const doc = cleanDoc();
    for (const id of ['lunch', 'dinner']) routineOf(doc, id).recurrence = weekdaysOnly();
    const findings = runRule('meals-daily', doc);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      data: { meal: 'dinner, lunch', count: 4 },
      related: { routineIds: ['dinner', 'lunch'] },
    });
    expect(findings[0]?.path).toHaveLength(2);
  });

  it('points at the exception that cancelled a meal', () => {
    const doc = cleanDoc();
    routineOf(doc, 'breakfast').exceptions.push({
      date: '2026-03-09',
      type: 'cancelled',
      reason: 'Kitchen inspection',
    });
    const [f] = runRule('meals-daily', doc);
    expect(f?.path[0]).toBe('/routines/1/exceptions/0');
    expect(f?.related.occurrenceIds).toEqual(['breakfast@2026-03-09']);
  });

  it('counts a meal moved to another time on the same day', () => {
    const doc = cleanDoc();
    routineOf(doc, 'dinner').exceptions.push({
      date: '2026-03-10',
      type: 'moved',
      reason: 'Outing',
      start: '19:00',
      end: '19:45',
    });
    expect(runRule('meals-daily', doc)).toEqual([]);
  });

  it('does not apply to day programs, and the meal set is configurable', () => {
    const doc = cleanDoc();
    doc.program.setting = 'iop';
    doc.routines = doc.routines.filter((r) => r.kind !== 'lunch');
    expect(runRule('meals-daily', doc)).toEqual([]);
    const snack = runRule('meals-daily', cleanDoc(), {
      options: { meals: ['breakfast', 'snack'] },
    });
    expect(snack.map((f) => f.data['meal'])).toEqual(['snack']);
    expect(snack[0]?.path).toEqual(['/routines']);
  });

  it('speaks Spanish', () => {
    const doc = cleanDoc();
    routineOf(doc, 'lunch').recurrence = weekdaysOnly();
    expect(runRule('meals-daily', doc, { locale: 'es-MX' })[0]?.message).toMatch(
      /^No hay «lunch» programado en 4 día\(s\)/,
    );
  });
});
