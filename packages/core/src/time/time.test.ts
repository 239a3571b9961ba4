import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumberToLocalDate,
  daysBetween,
  formatInstant,
  instantToZoned,
  localDateToDayNumber,
  localTimeToMinutes,
  parseInstant,
  weekdayOf,
  zonedToInstant,
  zoneOffsetMinutes,
  zoneTransitions,
} from './index.js';

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/St_Johns',
];

/** Independent reference: the zone's wall clock at `ms` straight from Intl. */
function intlWallClock(ms: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(ms);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

describe('civil dates', () => {
  it('converts LocalDate ⇄ day number', () => {
    expect(localDateToDayNumber('1970-01-01')).toBe(0);
    expect(localDateToDayNumber('1969-12-31')).toBe(-1);
    expect(localDateToDayNumber('2026-03-08')).toBe(Date.UTC(2026, 2, 8) / 86_400_000);
    expect(dayNumberToLocalDate(localDateToDayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(localDateToDayNumber('2026-02-29')).toBeNaN();
    expect(localDateToDayNumber('2026-3-8')).toBeNaN();
  });

  it('round-trips every day for 1000 years and agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(dayNumberToLocalDate(n)).toBe(iso);
        expect(localDateToDayNumber(iso)).toBe(n);
      }),
    );
  });

  it('adds days across DST changes as calendar days', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-01', 31)).toBe('2026-04-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-01', '2026-03-08')).toBe(7);
    expect(weekdayOf('2026-03-08')).toBe('SU');
    expect(weekdayOf('2026-03-09')).toBe('MO');
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
  });

  it('parses local times', () => {
    expect(localTimeToMinutes('00:00')).toBe(0);
    expect(localTimeToMinutes('23:59')).toBe(1439);
    expect(localTimeToMinutes('24:00')).toBeNaN();
    expect(localTimeToMinutes('9:00')).toBeNaN();
  });
});

describe('zonedToInstant — RFC 5545 §3.3.5 / Temporal compatible', () => {
  // [zone, spring gap date, gap time, expected iso, fall overlap date, overlap time, expected iso (first)]
  const golden: [string, string, string, string, string, string, string][] = [
    [
      'America/New_York',
      '2026-03-08',
      '02:30',
      '2026-03-08T03:30:00-04:00',
      '2026-11-01',
      '01:30',
      '2026-11-01T01:30:00-04:00',
    ],
    [
      'Europe/London',
      '2026-03-29',
      '01:30',
      '2026-03-29T02:30:00+01:00',
      '2026-10-25',
      '01:30',
      '2026-10-25T01:30:00+01:00',
    ],
    [
      'Europe/Berlin',
      '2026-03-29',
      '02:30',
      '2026-03-29T03:30:00+02:00',
      '2026-10-25',
      '02:30',
      '2026-10-25T02:30:00+02:00',
    ],
    [
      'Australia/Sydney',
      '2026-10-04',
      '02:30',
      '2026-10-04T03:30:00+11:00',
      '2026-04-05',
      '02:30',
      '2026-04-05T02:30:00+11:00',
    ],
    [
      'America/St_Johns',
      '2026-03-08',
      '02:30',
      '2026-03-08T03:30:00-02:30',
      '2026-11-01',
      '01:30',
      '2026-11-01T01:30:00-02:30',
    ],
  ];
  for (const [zone, gapDate, gapTime, gapIso, overDate, overTime, overIso] of golden) {
    it(`${zone}: gap shifts forward by the gap, overlap takes the first instant`, () => {
      const gap = zonedToInstant(gapDate, gapTime, zone);
      expect(gap).toMatchObject({ iso: gapIso, shifted: true, ambiguous: false });
      expect(gap.ms).toBe(parseInstant(gapIso));
      const over = zonedToInstant(overDate, overTime, zone);
      expect(over).toMatchObject({ iso: overIso, shifted: false, ambiguous: true });
      expect(over.ms).toBe(parseInstant(overIso));
      // The second reading of the overlap is exactly one hour later and reads back the same wall clock.
      expect(instantToZoned(over.ms + 3_600_000, zone).time).toBe(overTime);
    });
  }

  it('Asia/Kolkata has no DST and a +05:30 offset', () => {
    expect(zonedToInstant('2026-03-08', '02:30', 'Asia/Kolkata')).toMatchObject({
      iso: '2026-03-08T02:30:00+05:30',
      offsetMinutes: 330,
      shifted: false,
      ambiguous: false,
    });
    expect(zoneTransitions('Asia/Kolkata', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([]);
  });

  it('finds the 2026 transitions of each DST zone', () => {
    const y = [Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)] as const;
    expect(zoneTransitions('America/New_York', ...y)).toEqual([
      { atMs: Date.UTC(2026, 2, 8, 7), offsetBeforeMinutes: -300, offsetAfterMinutes: -240 },
      { atMs: Date.UTC(2026, 10, 1, 6), offsetBeforeMinutes: -240, offsetAfterMinutes: -300 },
    ]);
    expect(
      zoneTransitions('America/St_Johns', ...y).map((t) =>
        formatInstant(t.atMs, 'America/St_Johns'),
      ),
    ).toEqual(['2026-03-08T03:00:00-02:30', '2026-11-01T01:00:00-03:30']);
    expect(
      zoneTransitions('Australia/Sydney', ...y).map((t) =>
        formatInstant(t.atMs, 'Australia/Sydney'),
      ),
    ).toEqual(['2026-04-05T02:00:00+10:00', '2026-10-04T03:00:00+11:00']);
  });

  it('formats offsets including half hours and zero', () => {
    const t = Date.UTC(2026, 6, 1, 12);
    expect(formatInstant(t, 'Asia/Kolkata')).toBe('2026-07-01T17:30:00+05:30');
    expect(formatInstant(t, 'America/St_Johns')).toBe('2026-07-01T09:30:00-02:30');
    expect(formatInstant(Date.UTC(2026, 0, 10, 9), 'Europe/London')).toBe(
      '2026-01-10T09:00:00+00:00',
    );
    expect(formatInstant(t + 1500, 'UTC')).toBe('2026-07-01T12:00:01.500+00:00');
    expect(zoneOffsetMinutes(new Date(t), 'America/St_Johns')).toBe(-150);
  });

  it('agrees with Intl for random instants (1990–2060) in every zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 631_152_000, max: 2_871_763_200 }),
        (zone, sec) => {
          const ms = sec * 1000;
          const z = instantToZoned(ms, zone);
          expect(`${z.date}T${z.time}`).toBe(intlWallClock(ms, zone));
          expect(parseInstant(formatInstant(ms, zone))).toBe(ms);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips wall-clock times: existing ones come back unchanged, gap ones move forward', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({
          min: localDateToDayNumber('2020-01-01'),
          max: localDateToDayNumber('2040-12-31'),
        }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, day, minute) => {
          const date = dayNumberToLocalDate(day);
          const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
          const r = zonedToInstant(date, time, zone);
          const back = instantToZoned(r.ms, zone);
          if (!r.shifted) expect(`${back.date}T${back.time}`).toBe(`${date}T${time}`);
          else {
            const gap = back.offsetMinutes - zoneOffsetMinutes(r.ms - 86_400_000, zone);
            expect(gap).toBeGreaterThan(0);
            const wall = localDateToDayNumber(back.date) * 1440 + localTimeToMinutes(back.time);
            expect(wall - (day * 1440 + minute)).toBe(gap);
          }
          if (r.ambiguous) expect(instantToZoned(r.ms - 3_600_000, zone).time).not.toBe(time);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('parseInstant', () => {
  it('requires an offset or Z', () => {
    expect(parseInstant('2026-03-08T09:00:00-05:00')).toBe(Date.UTC(2026, 2, 8, 14));
    expect(parseInstant('2026-03-08T14:00Z')).toBe(Date.UTC(2026, 2, 8, 14));
    expect(parseInstant('2026-03-08T09:00:00.250+05:30')).toBe(Date.UTC(2026, 2, 8, 3, 30, 0, 250));
    expect(parseInstant('2026-03-08T09:00:00')).toBeNaN();
    expect(parseInstant('2026-03-08')).toBeNaN();
    expect(parseInstant('2026-02-30T09:00:00Z')).toBeNaN();
  });
});
