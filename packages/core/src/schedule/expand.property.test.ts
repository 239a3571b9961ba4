import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recurrence, Routine, Weekday } from '../model/index.js';
import { dayNumberToLocalDate, localDateToDayNumber } from '../time/index.js';
import { expandOccurrences } from './expand.js';
import { dayArb, recurrenceArb } from './test-arbitraries.js';
import { makeDoc, makeRoutine } from './test-fixtures.js';

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/St_Johns',
];
const CODES: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY = 86_400_000;

// ---- Reference implementation: day by day, straight from Intl, no caches. ----

const formatters = new Map<string, Intl.DateTimeFormat>();
function intlOffset(ms: number, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute, p.second) - ms;
}

/** RFC 5545 reading of a wall clock: the unique instant, else the earlier one, else (gap) the offset from before. */
function referenceInstant(
  day: number,
  minutes: number,
  zone: string,
): { ms: number; shifted: boolean } {
  const local = day * DAY + minutes * 60_000;
  const before = intlOffset(local - DAY, zone);
  const after = intlOffset(local + DAY, zone);
  const valid = [...new Set([before, after])]
    .map((o) => local - o)
    .filter((ms) => intlOffset(ms, zone) === local - ms);
  if (valid.length > 0) return { ms: Math.min(...valid), shifted: false };
  return { ms: local - before, shifted: true };
}

function weekday(d: number): Weekday {
  return CODES[(new Date(d * DAY).getUTCDay() + 6) % 7] as Weekday;
}

function referenceDays(rec: Recurrence, lastDay: number): Set<number> {
  const start = localDateToDayNumber(rec.startDate);
  const until = rec.until === undefined ? Infinity : localDateToDayNumber(rec.until);
  const byDay = rec.byDay ?? (rec.freq === 'WEEKLY' ? [weekday(start)] : CODES);
  const monday = (d: number): number => d - CODES.indexOf(weekday(d));
  const out = new Set<number>();
  let count = 0;
  for (let d = start; d <= Math.min(lastDay, until); d++) {
    if (rec.count !== undefined && count >= rec.count) break;
    const step = rec.freq === 'DAILY' ? d - start : (monday(d) - monday(start)) / 7;
    if (byDay.includes(weekday(d)) && step % (rec.interval ?? 1) === 0) {
      out.add(d);
      count++;
    }
  }
  for (const r of rec.rdates ?? []) out.add(localDateToDayNumber(r));
  for (const x of rec.exdates ?? []) out.delete(localDateToDayNumber(x));
  return out;
}

function reference(routines: Routine[], zone: string, fromMs: number, toMs: number): string[] {
  const rows: string[] = [];
  const toMin = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  for (const r of routines) {
    const s = toMin(r.start);
    const e = toMin(r.end);
    for (const d of referenceDays(r.recurrence, Math.floor(toMs / DAY) + 2)) {
      const a = referenceInstant(d, s, zone);
      const b = referenceInstant(e <= s ? d + 1 : d, e, zone);
      // An interval wholly inside a spring-forward gap collapses to its shifted start.
      b.ms = Math.max(b.ms, a.ms);
      const overlaps = a.ms === b.ms ? a.ms >= fromMs && a.ms < toMs : a.ms < toMs && b.ms > fromMs;
      if (overlaps && toMs > fromMs)
        rows.push(`${r.id}@${dayNumberToLocalDate(d)} ${a.ms} ${b.ms} ${a.shifted}`);
    }
  }
  return rows.sort();
}

// ---- Generators ----

const timeArb = fc
  .integer({ min: 0, max: 47 })
  .map((h) => `${String(Math.floor(h / 2)).padStart(2, '0')}:${h % 2 ? '30' : '00'}`);
const routineArb = (id: string): fc.Arbitrary<Routine> =>
  fc
    .record({ rec: recurrenceArb, start: timeArb, end: timeArb })
    .map(({ rec, start, end }) => makeRoutine(id, { start, end, recurrence: rec }));

const caseArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  routines: fc
    .array(fc.nat(), { minLength: 1, maxLength: 4 })
    .chain((xs) => fc.tuple(...xs.map((_, i) => routineArb(`r${i}`)))),
  fromDate: dayArb(-10, 640),
  fromMinute: fc.integer({ min: 0, max: 1439 }),
  lengthHours: fc.integer({ min: 0, max: 24 * 45 }),
});

const TRANSITION_DAYS = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
  '2027-03-14',
  '2027-03-28',
];
const nearTransitionArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  routines: fc
    .array(fc.nat(), { minLength: 1, maxLength: 4 })
    .chain((xs) => fc.tuple(...xs.map((_, i) => routineArb(`r${i}`)))),
  fromDate: fc
    .tuple(fc.constantFrom(...TRANSITION_DAYS), fc.integer({ min: -2, max: 0 }))
    .map(([d, k]) => dayNumberToLocalDate(localDateToDayNumber(d) + k)),
  fromMinute: fc.integer({ min: 0, max: 1439 }),
  lengthHours: fc.integer({ min: 0, max: 96 }),
});

describe.each([
  ['random ranges', caseArb],
  ['ranges around DST transitions', nearTransitionArb],
])('expandOccurrences properties (%s)', (_, arb) => {
  it('never yields an occurrence outside the range, never duplicates ids, is sorted — and equals the day-by-day reference', () => {
    fc.assert(
      fc.property(arb, ({ zone, routines, fromDate, fromMinute, lengthHours }) => {
        const fromMs = localDateToDayNumber(fromDate) * DAY + fromMinute * 60_000;
        const toMs = fromMs + lengthHours * 3_600_000;
        const doc = makeDoc({ timeZone: zone, routines });
        const occ = expandOccurrences(doc, { from: new Date(fromMs), to: new Date(toMs) });
        for (const o of occ) {
          if (o.endMs === o.startMs) expect(o.startMs >= fromMs && o.startMs < toMs).toBe(true);
          else expect(o.startMs < toMs && o.endMs > fromMs).toBe(true);
          expect(Date.parse(o.start)).toBe(o.startMs);
          expect(Date.parse(o.end)).toBe(o.endMs);
        }
        expect(new Set(occ.map((o) => o.id)).size).toBe(occ.length);
        for (let i = 1; i < occ.length; i++) {
          const [a, b] = [occ[i - 1], occ[i]] as const;
          if (a && b)
            expect(a.startMs < b.startMs || (a.startMs === b.startMs && a.id < b.id)).toBe(true);
        }
        expect(
          occ.map((o) => `${o.id} ${o.startMs} ${o.endMs} ${o.dstShifted ?? false}`).sort(),
        ).toEqual(reference(routines, zone, fromMs, toMs));
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});
