import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assignLanes,
  dayColumns,
  displayName,
  findGaps,
  hourBounds,
  layoutDays,
  nowPosition,
  progressAt,
  wallClockAt,
  wallClockOf,
  weekStart,
  type LaneSlot,
  type TimedSpan,
} from './index.js';

const NY = 'America/New_York';

function span(start: string, end: string): TimedSpan {
  return { start, end, startMs: Date.parse(start), endMs: Date.parse(end) };
}

describe('weekStart', () => {
  it('goes back to the chosen first weekday', () => {
    expect(weekStart('2026-03-11', 1)).toBe('2026-03-09');
    expect(weekStart('2026-03-11', 7)).toBe('2026-03-08');
    expect(weekStart('2026-03-09', 1)).toBe('2026-03-09');
    expect(weekStart('2026-03-08', 1)).toBe('2026-03-02');
    expect(weekStart('2026-01-01', 1)).toBe('2025-12-29');
  });
  it('rejects a malformed date', () => {
    expect(() => weekStart('2026-02-30')).toThrow(RangeError);
  });
});

describe('dayColumns', () => {
  it('bounds each day by its midnights in the zone, 23 h on the spring-forward day', () => {
    const cols = dayColumns('2026-03-07', 3, NY);
    expect(cols.map((c) => c.date)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(cols.map((c) => c.minutes)).toEqual([1440, 1380, 1440]);
    expect(cols[1]!.start).toBe('2026-03-08T00:00:00-05:00');
    expect(cols[1]!.end).toBe('2026-03-09T00:00:00-04:00');
    expect(cols[1]!.weekday).toBe(7);
    expect(cols[0]!.endMs).toBe(cols[1]!.startMs);
  });
  it('has a 25 h fall-back day', () => {
    expect(dayColumns('2026-11-01', 1, NY)[0]!.minutes).toBe(1500);
  });
  it('is empty for count 0', () => {
    expect(dayColumns('2026-03-07', 0, NY)).toEqual([]);
  });
});

describe('wall clock', () => {
  it('reads the clock written in an ISO instant', () => {
    expect(wallClockOf('2026-03-08T03:30:00-04:00')).toEqual({ date: '2026-03-08', minute: 210 });
    expect(wallClockOf('2026-03-08')).toBeNull();
  });
  it('reads an instant in a zone', () => {
    expect(wallClockAt(Date.parse('2026-03-08T12:15:00Z'), NY)).toEqual({
      date: '2026-03-08',
      minute: 495,
    });
    expect(wallClockAt(Date.parse('2026-03-08T12:15:00Z'), 'Asia/Kolkata')).toEqual({
      date: '2026-03-08',
      minute: 1065,
    });
  });
});

describe('layoutDays', () => {
  const dates = ['2026-03-08', '2026-03-09'];

  it('places items by their wall clock, including a DST-shifted 03:30 start', () => {
    const [day] = layoutDays(
      [span('2026-03-08T03:30:00-04:00', '2026-03-08T04:30:00-04:00')],
      dates,
    );
    expect(day!.segments).toEqual([
      {
        item: 0,
        startMin: 210,
        endMin: 270,
        continuesBefore: false,
        continuesAfter: false,
        lane: 0,
        lanes: 1,
      },
    ]);
  });

  it('cuts an item crossing midnight into one segment per day', () => {
    const days = layoutDays(
      [span('2026-03-08T22:00:00-04:00', '2026-03-09T06:30:00-04:00')],
      dates,
    );
    expect(days[0]!.segments[0]).toMatchObject({
      startMin: 1320,
      endMin: 1440,
      continuesAfter: true,
      continuesBefore: false,
    });
    expect(days[1]!.segments[0]).toMatchObject({
      startMin: 0,
      endMin: 390,
      continuesBefore: true,
      continuesAfter: false,
    });
  });

  it('does not add an empty segment for an item ending at midnight', () => {
    const days = layoutDays(
      [span('2026-03-08T23:00:00-04:00', '2026-03-09T00:00:00-04:00')],
      dates,
    );
    expect(days[0]!.segments).toHaveLength(1);
    expect(days[1]!.segments).toHaveLength(0);
  });

  it('uses the real duration in the repeated hour of a fall-back night', () => {
    const [day] = layoutDays(
      [span('2026-11-01T01:30:00-04:00', '2026-11-01T01:15:00-05:00')],
      ['2026-11-01'],
    );
    expect(day!.segments[0]).toMatchObject({ startMin: 90, endMin: 135 });
  });

  it('puts overlapping items side by side and gives the whole cluster one width', () => {
    const items = [
      span('2026-03-09T09:00:00-04:00', '2026-03-09T10:00:00-04:00'),
      span('2026-03-09T09:30:00-04:00', '2026-03-09T11:00:00-04:00'),
      span('2026-03-09T10:00:00-04:00', '2026-03-09T10:30:00-04:00'),
      span('2026-03-09T12:00:00-04:00', '2026-03-09T13:00:00-04:00'),
    ];
    const [, day] = layoutDays(items, dates);
    const byItem = Object.fromEntries(day!.segments.map((s) => [s.item, [s.lane, s.lanes]]));
    expect(byItem).toEqual({ 0: [0, 2], 1: [1, 2], 2: [0, 2], 3: [0, 1] });
  });

  it('gives very short items a minimum height when assigning lanes', () => {
    const items = [
      span('2026-03-09T08:00:00-04:00', '2026-03-09T08:05:00-04:00'),
      span('2026-03-09T08:05:00-04:00', '2026-03-09T08:10:00-04:00'),
    ];
    expect(layoutDays(items, dates, { minDuration: 15 })[1]!.segments.map((s) => s.lanes)).toEqual([
      2, 2,
    ]);
    expect(layoutDays(items, dates, { minDuration: 0 })[1]!.segments.map((s) => s.lanes)).toEqual([
      1, 1,
    ]);
  });

  it('clips to the window and counts what falls outside it', () => {
    const items = [
      span('2026-03-09T06:00:00-04:00', '2026-03-09T06:30:00-04:00'),
      span('2026-03-09T07:30:00-04:00', '2026-03-09T08:30:00-04:00'),
      span('2026-03-09T22:30:00-04:00', '2026-03-09T23:00:00-04:00'),
    ];
    const [, day] = layoutDays(items, dates, { startMin: 480, endMin: 1320 });
    expect(day!.hiddenBefore).toBe(1);
    expect(day!.hiddenAfter).toBe(1);
    expect(day!.segments).toEqual([
      {
        item: 1,
        startMin: 480,
        endMin: 510,
        continuesBefore: true,
        continuesAfter: false,
        lane: 0,
        lanes: 1,
      },
    ]);
  });

  it('filters with include and ignores dates outside the columns', () => {
    const items = [
      span('2026-03-09T09:00:00-04:00', '2026-03-09T10:00:00-04:00'),
      span('2026-03-09T09:00:00-04:00', '2026-03-09T10:00:00-04:00'),
      span('2026-03-12T09:00:00-04:00', '2026-03-12T10:00:00-04:00'),
    ];
    const days = layoutDays(items, dates, { include: (i) => i !== 1 });
    expect(days[1]!.segments.map((s) => s.item)).toEqual([0]);
    expect(days[0]!.segments).toEqual([]);
  });

  it('keeps every segment inside the window and lanes below the lane count (property)', () => {
    const arb = fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 1439 }),
        len: fc.integer({ min: 0, max: 600 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 720 }), (raw, winStart) => {
        const base = Date.parse('2026-03-09T00:00:00-04:00');
        const items = raw.map(({ start, len }) => {
          const s = base + start * 60_000;
          const e = Math.min(s + len * 60_000, base + 1440 * 60_000);
          const iso = (ms: number): string => {
            const m = (ms - base) / 60_000;
            if (m >= 1440) return '2026-03-10T00:00:00-04:00';
            const hh = String(Math.floor(m / 60)).padStart(2, '0');
            const mm = String(m % 60).padStart(2, '0');
            return `2026-03-09T${hh}:${mm}:00-04:00`;
          };
          return { start: iso(s), end: iso(e), startMs: s, endMs: e };
        });
        const [day] = layoutDays(items, ['2026-03-09'], {
          startMin: winStart,
          endMin: 1440,
          minDuration: 10,
        });
        const segs = day!.segments;
        expect(segs.length + day!.hiddenBefore + day!.hiddenAfter).toBe(items.length);
        for (const s of segs) {
          expect(s.startMin).toBeGreaterThanOrEqual(winStart);
          expect(s.endMin).toBeGreaterThan(s.startMin);
          expect(s.lane).toBeLessThan(s.lanes);
        }
        // Two segments sharing a lane never overlap (with the minimum height).
        for (const a of segs)
          for (const b of segs)
            if (a !== b && a.lane === b.lane && a.startMin <= b.startMin)
              expect(
                Math.max(a.endMin, a.startMin + 10) <= b.startMin ||
                  (a.startMin === b.startMin && a === b),
              ).toBe(true);
      }),
    );
  });
});

describe('assignLanes', () => {
  it('reuses a freed lane inside a cluster', () => {
    const slots: LaneSlot[] = [
      { startMin: 0, endMin: 60, lane: 0, lanes: 0 },
      { startMin: 10, endMin: 120, lane: 0, lanes: 0 },
      { startMin: 60, endMin: 90, lane: 0, lanes: 0 },
    ];
    assignLanes(slots);
    expect(slots.map((s) => [s.lane, s.lanes])).toEqual([
      [0, 2],
      [1, 2],
      [0, 2],
    ]);
  });
});

describe('hourBounds', () => {
  it('widens the default hours to show every segment', () => {
    const days = layoutDays(
      [
        span('2026-03-09T06:30:00-04:00', '2026-03-09T07:00:00-04:00'),
        span('2026-03-09T21:00:00-04:00', '2026-03-09T22:15:00-04:00'),
      ],
      ['2026-03-09'],
    );
    expect(hourBounds(days)).toEqual([6, 23]);
    expect(hourBounds([], 8, 20)).toEqual([8, 20]);
  });
});

describe('findGaps', () => {
  it('finds unscheduled stretches of at least the minimum length', () => {
    const busy = [
      { startMin: 540, endMin: 600 },
      { startMin: 570, endMin: 660 },
      { startMin: 1080, endMin: 1200 },
    ];
    expect(findGaps(busy, 480, 1320, 180)).toEqual([{ startMin: 660, endMin: 1080 }]);
    expect(findGaps(busy, 480, 1320, 60)).toEqual([
      { startMin: 480, endMin: 540 },
      { startMin: 660, endMin: 1080 },
      { startMin: 1200, endMin: 1320 },
    ]);
  });
  it('reports the whole window for an empty day', () => {
    expect(findGaps([], 480, 1320)).toEqual([{ startMin: 480, endMin: 1320 }]);
  });
});

describe('now', () => {
  it('locates now on today’s column in the program zone', () => {
    const ms = Date.parse('2026-03-09T14:30:00Z'); // 10:30 EDT
    expect(nowPosition(ms, NY, ['2026-03-08', '2026-03-09'], 480, 1320)).toEqual({
      column: 1,
      date: '2026-03-09',
      minute: 630,
      fraction: 150 / 840,
    });
    expect(nowPosition(ms, NY, ['2026-03-10'])).toBeNull();
    expect(nowPosition(ms, NY, ['2026-03-09'], 700, 1320)!.fraction).toBeNull();
  });
  it('measures progress in elapsed time', () => {
    expect(progressAt(0, 100, 25)).toBe(0.25);
    expect(progressAt(0, 100, -5)).toBe(0);
    expect(progressAt(0, 100, 500)).toBe(1);
    expect(progressAt(10, 10, 10)).toBe(1);
  });
});

describe('displayName', () => {
  const dana = { preferredName: ' Dana ', lastName: 'Rivera' };
  it('shows first name and last initial on kiosks by default', () => {
    expect(displayName(dana)).toBe('Dana R.');
    expect(displayName({ preferredName: 'Seán', lastName: "o'Brien" }, 'kiosk')).toBe('Seán O.');
    expect(displayName({ preferredName: 'Ana', lastName: '  de la Cruz' }, 'kiosk')).toBe('Ana D.');
    expect(displayName({ preferredName: 'Zoë' }, 'kiosk')).toBe('Zoë');
    expect(displayName({ preferredName: 'Kim', lastName: '—' }, 'kiosk')).toBe('Kim');
  });
  it('has full and first styles', () => {
    expect(displayName(dana, 'full')).toBe('Dana Rivera');
    expect(displayName(dana, 'first')).toBe('Dana');
  });
  it('never returns more than the name fields (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (first, last) => {
        const out = displayName({ preferredName: first, lastName: last }, 'kiosk');
        const rest = last?.replace(/\s+/g, ' ').trim() ?? '';
        if (rest.length > 2) expect(out.includes(rest)).toBe(false);
      }),
    );
  });
});
