/**
 * fast-check arbitraries for schedule property tests. Not part of the public API.
 *
 * @module
 * @internal
 */
import fc from 'fast-check';
import type { Recurrence, Weekday } from '../model/index.js';
import { dayNumberToLocalDate, localDateToDayNumber } from '../time/civil.js';

const CODES: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Day number of 2026-01-01, the origin of generated dates. @internal */
export const BASE_DAY = localDateToDayNumber('2026-01-01');
/** A civil date `lo`..`hi` days after 2026-01-01. @internal */
export const dayArb = (lo: number, hi: number): fc.Arbitrary<string> =>
  fc.integer({ min: BASE_DAY + lo, max: BASE_DAY + hi }).map(dayNumberToLocalDate);

/** Random recurrences (model-valid) over roughly two years from 2026. @internal */
export const recurrenceArb: fc.Arbitrary<Recurrence> = fc
  .record({
    freq: fc.constantFrom('DAILY' as const, 'WEEKLY' as const),
    interval: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    byDay: fc.option(fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 7 }), {
      nil: undefined,
    }),
    startDate: dayArb(0, 200),
    end: fc.oneof(
      fc.constant({}),
      dayArb(100, 600).map((until) => ({ until })),
      fc.integer({ min: 1, max: 120 }).map((count) => ({ count })),
    ),
    rdates: fc.option(fc.uniqueArray(dayArb(-30, 600), { maxLength: 5 }), { nil: undefined }),
    exdates: fc.option(fc.uniqueArray(dayArb(0, 600), { maxLength: 8 }), { nil: undefined }),
  })
  .map(({ end, byDay, ...r }) => {
    const rec: Recurrence = { ...r, ...end };
    if (r.freq === 'WEEKLY' && byDay !== undefined) rec.byDay = byDay;
    if (rec.until !== undefined && rec.until < rec.startDate) rec.until = rec.startDate;
    for (const k of ['interval', 'rdates', 'exdates'] as const)
      if (rec[k] === undefined) delete rec[k];
    return rec;
  });
