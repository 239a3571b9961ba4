import { describe, expect, it } from 'vitest';
import { addDays, zonedToInstant } from '../time/index.js';
import { expandOccurrences } from './expand.js';
import { makeDoc, makeRoutine } from './test-fixtures.js';

/**
 * Golden DST cases. For each zone and each 2026 transition day:
 * - `gap`/`overlap`: a routine at a wall time that does not exist / happens twice that day;
 * - `span`: a routine across the transition whose real length changes.
 */
interface Golden {
  zone: string;
  date: string;
  change: 'spring' | 'fall' | 'none';
  time: string; // routine start at the gap/overlap time (30 min long)
  expectStart: string;
  shifted: boolean;
  span: [start: string, end: string];
  spanStart: string;
  spanEnd: string;
  spanHours: number;
}

const GOLDEN: Golden[] = [
  {
    zone: 'America/New_York',
    date: '2026-03-08',
    change: 'spring',
    time: '02:30',
    expectStart: '2026-03-08T03:30:00-04:00',
    shifted: true,
    span: ['01:00', '03:00'],
    spanStart: '2026-03-08T01:00:00-05:00',
    spanEnd: '2026-03-08T03:00:00-04:00',
    spanHours: 1,
  },
  {
    zone: 'America/New_York',
    date: '2026-11-01',
    change: 'fall',
    time: '01:30',
    expectStart: '2026-11-01T01:30:00-04:00',
    shifted: false,
    span: ['01:00', '03:00'],
    spanStart: '2026-11-01T01:00:00-04:00',
    spanEnd: '2026-11-01T03:00:00-05:00',
    spanHours: 3,
  },
  {
    zone: 'Europe/London',
    date: '2026-03-29',
    change: 'spring',
    time: '01:30',
    expectStart: '2026-03-29T02:30:00+01:00',
    shifted: true,
    span: ['00:30', '02:30'],
    spanStart: '2026-03-29T00:30:00+00:00',
    spanEnd: '2026-03-29T02:30:00+01:00',
    spanHours: 1,
  },
  {
    zone: 'Europe/London',
    date: '2026-10-25',
    change: 'fall',
    time: '01:30',
    expectStart: '2026-10-25T01:30:00+01:00',
    shifted: false,
    span: ['00:30', '02:30'],
    spanStart: '2026-10-25T00:30:00+01:00',
    spanEnd: '2026-10-25T02:30:00+00:00',
    spanHours: 3,
  },
  {
    zone: 'Europe/Berlin',
    date: '2026-03-29',
    change: 'spring',
    time: '02:30',
    expectStart: '2026-03-29T03:30:00+02:00',
    shifted: true,
    span: ['01:00', '04:00'],
    spanStart: '2026-03-29T01:00:00+01:00',
    spanEnd: '2026-03-29T04:00:00+02:00',
    spanHours: 2,
  },
  {
    zone: 'Europe/Berlin',
    date: '2026-10-25',
    change: 'fall',
    time: '02:30',
    expectStart: '2026-10-25T02:30:00+02:00',
    shifted: false,
    span: ['01:00', '04:00'],
    spanStart: '2026-10-25T01:00:00+02:00',
    spanEnd: '2026-10-25T04:00:00+01:00',
    spanHours: 4,
  },
  // Southern hemisphere: DST ends on the first Sunday of April, starts on the first Sunday of October.
  {
    zone: 'Australia/Sydney',
    date: '2026-04-05',
    change: 'fall',
    time: '02:30',
    expectStart: '2026-04-05T02:30:00+11:00',
    shifted: false,
    span: ['01:00', '04:00'],
    spanStart: '2026-04-05T01:00:00+11:00',
    spanEnd: '2026-04-05T04:00:00+10:00',
    spanHours: 4,
  },
  {
    zone: 'Australia/Sydney',
    date: '2026-10-04',
    change: 'spring',
    time: '02:30',
    expectStart: '2026-10-04T03:30:00+11:00',
    shifted: true,
    span: ['01:00', '04:00'],
    spanStart: '2026-10-04T01:00:00+10:00',
    spanEnd: '2026-10-04T04:00:00+11:00',
    spanHours: 2,
  },
  // Half-hour offset zone: NST -03:30 / NDT -02:30.
  {
    zone: 'America/St_Johns',
    date: '2026-03-08',
    change: 'spring',
    time: '02:30',
    expectStart: '2026-03-08T03:30:00-02:30',
    shifted: true,
    span: ['01:00', '03:00'],
    spanStart: '2026-03-08T01:00:00-03:30',
    spanEnd: '2026-03-08T03:00:00-02:30',
    spanHours: 1,
  },
  {
    zone: 'America/St_Johns',
    date: '2026-11-01',
    change: 'fall',
    time: '01:30',
    expectStart: '2026-11-01T01:30:00-02:30',
    shifted: false,
    span: ['01:00', '03:00'],
    spanStart: '2026-11-01T01:00:00-02:30',
    spanEnd: '2026-11-01T03:00:00-03:30',
    spanHours: 3,
  },
  // No DST at all.
  {
    zone: 'Asia/Kolkata',
    date: '2026-03-08',
    change: 'none',
    time: '02:30',
    expectStart: '2026-03-08T02:30:00+05:30',
    shifted: false,
    span: ['01:00', '03:00'],
    spanStart: '2026-03-08T01:00:00+05:30',
    spanEnd: '2026-03-08T03:00:00+05:30',
    spanHours: 2,
  },
  {
    zone: 'Asia/Kolkata',
    date: '2026-11-01',
    change: 'none',
    time: '01:30',
    expectStart: '2026-11-01T01:30:00+05:30',
    shifted: false,
    span: ['01:00', '03:00'],
    spanStart: '2026-11-01T01:00:00+05:30',
    spanEnd: '2026-11-01T03:00:00+05:30',
    spanHours: 2,
  },
];

const H = 3_600_000;

describe.each(GOLDEN)('$zone on $date ($change)', (g) => {
  const [h, m] = g.time.split(':').map(Number) as [number, number];
  const end = `${String(h).padStart(2, '0')}:${String(m + 29).padStart(2, '0')}`;
  const doc = makeDoc({
    timeZone: g.zone,
    routines: [
      makeRoutine('edge', { start: g.time, end, recurrence: { startDate: '2026-01-01' } }),
      makeRoutine('span', {
        start: g.span[0],
        end: g.span[1],
        recurrence: { startDate: '2026-01-01' },
      }),
    ],
  });
  // Three local days around the change, midnight to midnight in the zone.
  const from = zonedToInstant(addDays(g.date, -1), '00:00', g.zone).ms;
  const to = zonedToInstant(addDays(g.date, 2), '00:00', g.zone).ms;
  const occurrences = expandOccurrences(doc, { from, to });

  it('expands each daily routine exactly once per local day (an overlap time happens once)', () => {
    const days = [addDays(g.date, -1), g.date, addDays(g.date, 1)];
    expect(occurrences.map((o) => o.id).sort()).toEqual(
      days.flatMap((d) => [`edge@${d}`, `span@${d}`]).sort(),
    );
    expect(
      occurrences.every((o, i) => i === 0 || (occurrences[i - 1]?.startMs ?? 0) <= o.startMs),
    ).toBe(true);
  });

  it(
    g.shifted
      ? 'shifts a start in the gap forward by the gap and flags it'
      : 'takes the first instant of an overlapping start',
    () => {
      const edge = occurrences.find((o) => o.id === `edge@${g.date}`);
      expect(edge?.start).toBe(g.expectStart);
      expect(edge?.startMs).toBe(Date.parse(g.expectStart));
      expect(edge?.dstShifted ?? false).toBe(g.shifted);
      expect(edge?.localDate).toBe(g.date);
    },
  );

  it(`keeps wall-clock durations: ${g.span[0]}–${g.span[1]} lasts ${g.spanHours} real hours`, () => {
    const span = occurrences.find((o) => o.id === `span@${g.date}`);
    expect(span?.start).toBe(g.spanStart);
    expect(span?.end).toBe(g.spanEnd);
    expect(((span?.endMs ?? 0) - (span?.startMs ?? 0)) / H).toBe(g.spanHours);
    // Neighbouring days keep the nominal length.
    const nominal = (Number(g.span[1].slice(0, 2)) - Number(g.span[0].slice(0, 2))) * H;
    for (const d of [addDays(g.date, -1), addDays(g.date, 1)]) {
      const o = occurrences.find((x) => x.id === `span@${d}`);
      expect((o?.endMs ?? 0) - (o?.startMs ?? 0)).toBe(nominal);
      expect(o?.dstShifted).toBeUndefined();
    }
  });

  it('writes start/end with the offset in force at each instant', () => {
    for (const o of occurrences) {
      expect(Date.parse(o.start)).toBe(o.startMs);
      expect(Date.parse(o.end)).toBe(o.endMs);
    }
  });
});

describe('overnight routines across DST', () => {
  it('22:00–06:00 is 7 h on the spring-forward night and 9 h on the fall-back night (New York)', () => {
    const doc = makeDoc({
      routines: [
        makeRoutine('night', {
          kind: 'lights-out',
          start: '22:00',
          end: '06:00',
          recurrence: { startDate: '2026-01-01' },
        }),
      ],
    });
    const spring = expandOccurrences(doc, {
      from: '2026-03-07T12:00:00-05:00',
      to: '2026-03-08T12:00:00-04:00',
    });
    expect(spring.map((o) => [o.id, o.start, o.end, (o.endMs - o.startMs) / H])).toEqual([
      ['night@2026-03-07', '2026-03-07T22:00:00-05:00', '2026-03-08T06:00:00-04:00', 7],
    ]);
    const fall = expandOccurrences(doc, {
      from: '2026-10-31T12:00:00-04:00',
      to: '2026-11-01T12:00:00-05:00',
    });
    expect(fall.map((o) => [o.id, o.start, o.end, (o.endMs - o.startMs) / H])).toEqual([
      ['night@2026-10-31', '2026-10-31T22:00:00-04:00', '2026-11-01T06:00:00-05:00', 9],
    ]);
  });

  it('a routine 02:30–03:30 on the spring-forward day collapses to zero length at 03:30 (both ends shift)', () => {
    const doc = makeDoc({
      routines: [
        makeRoutine('r', {
          start: '02:30',
          end: '03:30',
          recurrence: { startDate: '2026-03-08', count: 1 },
        }),
      ],
    });
    const [o] = expandOccurrences(doc, {
      from: '2026-03-08T00:00:00-05:00',
      to: '2026-03-09T00:00:00-04:00',
    });
    expect(o).toMatchObject({
      start: '2026-03-08T03:30:00-04:00',
      end: '2026-03-08T03:30:00-04:00',
      dstShifted: true,
    });
  });
});
