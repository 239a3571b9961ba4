import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recurrence, Weekday } from '../model/index.js';
import { dayNumberToLocalDate, localDateToDayNumber } from '../time/index.js';
import { expandRecurrence } from './recurrence.js';
import { BASE_DAY as BASE, recurrenceArb } from './test-arbitraries.js';

const CODES: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

describe('expandRecurrence', () => {
  it('DAILY with interval jumps to the window', () => {
    const rec: Recurrence = { freq: 'DAILY', interval: 3, startDate: '2020-01-01' };
    // 2026-03-03 is 2253 = 3 × 751 days after 2020-01-01.
    expect(expandRecurrence(rec, '2026-03-02', '2026-03-10')).toEqual([
      '2026-03-03',
      '2026-03-06',
      '2026-03-09',
    ]);
  });

  it('WEEKLY defaults byDay to the weekday of startDate', () => {
    expect(
      expandRecurrence({ freq: 'WEEKLY', startDate: '2026-03-04' }, '2026-03-01', '2026-03-20'),
    ).toEqual(['2026-03-04', '2026-03-11', '2026-03-18']);
  });

  it('WEEKLY with byDay does not include an unmatched startDate', () => {
    expect(
      expandRecurrence(
        { freq: 'WEEKLY', byDay: ['MO', 'FR'], startDate: '2026-03-04' },
        '2026-03-01',
        '2026-03-10',
      ),
    ).toEqual(['2026-03-06', '2026-03-09']);
  });

  it('WEEKLY interval 2 counts Monday-based weeks from the week of startDate (WKST=MO)', () => {
    // startDate is a Sunday: its week began Monday 2026-03-02. Weeks 03-02, 03-16, 03-30 are on.
    const rec: Recurrence = {
      freq: 'WEEKLY',
      interval: 2,
      byDay: ['MO', 'SU'],
      startDate: '2026-03-08',
    };
    expect(expandRecurrence(rec, '2026-03-01', '2026-04-05')).toEqual([
      '2026-03-08',
      '2026-03-16',
      '2026-03-22',
      '2026-03-30',
      '2026-04-05',
    ]);
  });

  it('UNTIL is inclusive; COUNT counts rule dates from the start, including exdates, not rdates', () => {
    expect(
      expandRecurrence(
        { freq: 'DAILY', startDate: '2026-03-01', until: '2026-03-03' },
        '2026-01-01',
        '2026-12-31',
      ),
    ).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    const counted: Recurrence = {
      freq: 'DAILY',
      startDate: '2026-03-01',
      count: 3,
      exdates: ['2026-03-02'],
      rdates: ['2026-02-01', '2026-03-10'],
    };
    expect(expandRecurrence(counted, '2026-01-01', '2026-12-31')).toEqual([
      '2026-02-01',
      '2026-03-01',
      '2026-03-03',
      '2026-03-10',
    ]);
    // The window can start after the end of a COUNT series.
    expect(expandRecurrence(counted, '2026-03-04', '2026-03-09')).toEqual([]);
  });

  it('exdates also remove rdates; duplicates merge', () => {
    const rec: Recurrence = {
      freq: 'WEEKLY',
      byDay: ['MO'],
      startDate: '2026-03-02',
      rdates: ['2026-03-09', '2026-03-10'],
      exdates: ['2026-03-10'],
    };
    expect(expandRecurrence(rec, '2026-03-01', '2026-03-12')).toEqual(['2026-03-02', '2026-03-09']);
  });

  it('rejects malformed dates', () => {
    expect(() =>
      expandRecurrence({ freq: 'DAILY', startDate: '2026-02-30' }, '2026-03-01', '2026-03-02'),
    ).toThrow(RangeError);
  });
});

/** Brute force: walk every day from the start, applying the rule by its definition. */
function bruteForce(rec: Recurrence, from: number, to: number): string[] {
  const start = localDateToDayNumber(rec.startDate);
  const until = rec.until === undefined ? Infinity : localDateToDayNumber(rec.until);
  const weekday = (d: number): Weekday =>
    CODES[
      new Date(d * 86_400_000).getUTCDay() === 0 ? 6 : new Date(d * 86_400_000).getUTCDay() - 1
    ] as Weekday;
  const monday = (d: number): number => d - CODES.indexOf(weekday(d));
  const byDay = rec.byDay ?? (rec.freq === 'WEEKLY' ? [weekday(start)] : CODES);
  const interval = rec.interval ?? 1;
  const set = new Set<number>();
  let count = 0;
  for (let d = start; d <= Math.min(to, until); d++) {
    if (rec.count !== undefined && count >= rec.count) break;
    const step = rec.freq === 'DAILY' ? d - start : (monday(d) - monday(start)) / 7;
    if (byDay.includes(weekday(d)) && step % interval === 0) {
      set.add(d);
      count++;
    }
  }
  for (const r of rec.rdates ?? []) set.add(localDateToDayNumber(r));
  for (const x of rec.exdates ?? []) set.delete(localDateToDayNumber(x));
  return [...set]
    .filter((d) => d >= from && d <= to)
    .sort((a, b) => a - b)
    .map(dayNumberToLocalDate);
}

describe('expandRecurrence equals a brute-force day-by-day expansion', () => {
  it('on random rules and windows', () => {
    fc.assert(
      fc.property(
        recurrenceArb,
        fc.integer({ min: -40, max: 650 }),
        fc.integer({ min: 0, max: 120 }),
        (rec, lo, len) => {
          const from = BASE + lo;
          const to = from + len;
          expect(
            expandRecurrence(rec, dayNumberToLocalDate(from), dayNumberToLocalDate(to)),
          ).toEqual(bruteForce(rec, from, to));
        },
      ),
      { numRuns: 1500 },
    );
  });
});
