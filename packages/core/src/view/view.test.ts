import { describe, expect, it } from 'vitest';
import type { OccurrenceView } from '../contract/schedule.js';
import { scheduleResource } from '../contract/schedule-resource.js';
import { overdueOccurrences } from './schedule-view.js';
import { examples } from '../model/__fixtures__/documents.js';
import { parseDocument, type MilieuDocument } from '../model/index.js';
import { checkDocument } from '../rules/index.js';
import { emptyStretchOptions } from '../rules/structure/no-empty-stretch.js';
import { dateList, groupBy } from '../rules/util/group.js';
import { zonedToInstant } from '../time/index.js';
import { emptyStretches, kioskPanel, scheduleView, viewItems, viewRange } from './index.js';

const NY = 'America/New_York';

function occ(
  id: string,
  start: string,
  end: string,
  extra: Partial<OccurrenceView> = {},
): OccurrenceView {
  return {
    id,
    routineId: id.split('@')[0]!,
    kind: 'group-therapy',
    title: id,
    localDate: start.slice(0, 10),
    originalDate: start.slice(0, 10),
    start,
    end,
    facilitators: [],
    attendance: 'required',
    status: 'scheduled',
    ...extra,
  };
}

function parsed(name: keyof typeof examples): MilieuDocument {
  const result = parseDocument(examples[name]());
  if (!result.ok) throw new Error(`${name} must parse`);
  return result.value;
}

describe('viewRange', () => {
  it('gives the query bounds of each view as civil dates', () => {
    expect(viewRange('week', '2026-03-11', '2026-03-10')).toEqual({
      first: '2026-03-09',
      count: 7,
      step: 7,
      from: '2026-03-09',
      to: '2026-03-16',
    });
    expect(viewRange('week', '2026-03-11', '2026-03-10', 7).first).toBe('2026-03-08');
    expect(viewRange('day', '2026-03-11', '2026-03-10')).toMatchObject({
      from: '2026-03-11',
      to: '2026-03-12',
    });
    expect(viewRange('now', '2026-01-01', '2026-03-10')).toMatchObject({
      from: '2026-03-10',
      to: '2026-03-12',
      step: 0,
    });
  });
});

describe('scheduleView on DST days', () => {
  it('draws the spring-forward day as 23 hours and keeps wall-clock positions', () => {
    const input = {
      timeZone: NY,
      occurrences: [
        occ('meds@2026-03-08', '2026-03-08T03:30:00-04:00', '2026-03-08T03:45:00-04:00', {
          dstShifted: true,
        }),
        occ('group@2026-03-09', '2026-03-09T10:00:00-04:00', '2026-03-09T11:00:00-04:00'),
      ],
    };
    const view = scheduleView(input, {
      mode: 'week',
      date: '2026-03-08',
      now: Date.parse('2026-03-09T14:00:00Z'),
      firstDay: 7,
    });
    expect(view.days.map((d) => d.column.minutes)).toEqual([
      1380, 1440, 1440, 1440, 1440, 1440, 1440,
    ]);
    expect(view.days[0]!.layout.segments).toMatchObject([{ item: 0, startMin: 210, endMin: 225 }]);
    expect(view.days[1]!.layout.segments).toMatchObject([{ item: 1, startMin: 600, endMin: 660 }]);
    // The window fits the 03:30 round; the now-line sits at 10:00 on Monday.
    expect(view.window).toEqual({ startMin: 180, endMin: 1200 });
    expect(view.now).toMatchObject({ column: 1, minute: 600 });
  });

  it('draws the fall-back day as 25 hours, the repeated hour sharing rows in separate lanes', () => {
    const input = {
      timeZone: NY,
      occurrences: [
        occ('a@2026-11-01', '2026-11-01T01:10:00-04:00', '2026-11-01T01:50:00-04:00'),
        occ('b@2026-11-01', '2026-11-01T01:20:00-05:00', '2026-11-01T01:40:00-05:00'),
      ],
    };
    const view = scheduleView(input, { mode: 'day', date: '2026-11-01', now: 0 });
    expect(view.days[0]!.column.minutes).toBe(1500);
    expect(view.days[0]!.layout.segments.map((s) => [s.startMin, s.lane, s.lanes])).toEqual([
      [70, 0, 2],
      [80, 1, 2],
    ]);
  });
});

describe('scheduleView: a moved occurrence', () => {
  it('sits on the day it moved to, and only there', () => {
    const moved = occ('art@2026-03-10', '2026-03-11T14:00:00-04:00', '2026-03-11T15:00:00-04:00', {
      localDate: '2026-03-11',
      originalDate: '2026-03-10',
      status: 'moved',
      exception: {
        type: 'moved',
        reason: 'Room repairs.',
        newDate: '2026-03-11',
        start: '14:00',
        end: '15:00',
        originalStart: '2026-03-10T14:00:00-04:00',
        originalEnd: '2026-03-10T15:00:00-04:00',
      },
    });
    const view = scheduleView(
      { timeZone: NY, occurrences: [moved] },
      { mode: 'agenda', date: '2026-03-10', now: 0 },
    );
    const counts = view.days.map((d) => [d.column.date, d.layout.segments.length]);
    expect(counts.filter(([, n]) => n)).toEqual([['2026-03-11', 1]]);
  });

  it('cuts an overnight occurrence into one segment per day', () => {
    const night = occ('watch@2026-03-10', '2026-03-10T23:00:00-04:00', '2026-03-11T01:00:00-04:00');
    const view = scheduleView(
      { timeZone: NY, occurrences: [night] },
      { mode: 'week', date: '2026-03-10', now: 0, hourStart: 0, hourEnd: 24 },
    );
    const segs = view.days.flatMap((d) =>
      d.layout.segments.map((s) => [
        d.column.date,
        s.startMin,
        s.endMin,
        s.continuesBefore,
        s.continuesAfter,
      ]),
    );
    expect(segs).toEqual([
      ['2026-03-10', 1380, 1440, false, true],
      ['2026-03-11', 0, 60, true, false],
    ]);
  });
});

describe('empty stretches agree with no-empty-stretch', () => {
  const cases = [
    ['inpatient', {}],
    ['inpatient', { maxHours: 1 }],
    ['rehab', {}],
    ['rehab', { maxHours: 2, useWakeAndLightsOut: false, wakingStart: '06:00' }],
    ['outpatient', {}],
  ] as const;
  it.each(cases)('on the %s example with options %j', (name, options) => {
    const doc = parsed(name);
    const zone = doc.program.timeZone;
    const from = zonedToInstant('2026-03-09', '00:00', zone).ms;
    const to = zonedToInstant('2026-03-23', '00:00', zone).ms;
    const { findings } = checkDocument(doc, {
      now: from,
      range: { from, to },
      config: { rules: { 'no-empty-stretch': ['warn', options] } },
    });
    const expected = findings
      .filter((f) => f.ruleId === 'no-empty-stretch')
      .map((f) => [
        f.data['from'],
        f.data['to'],
        f.data['hours'],
        f.data['count'],
        f.data['dates'],
      ]);
    // The board's path: the kiosk-shaped resource, two week views.
    const response = scheduleResource(doc, { kind: 'kiosk' }, { from, to });
    const resource = {
      ...response,
      emptyStretch: emptyStretchOptions(doc.program.setting, options),
    };
    const stretches = ['2026-03-09', '2026-03-16'].flatMap((date) =>
      scheduleView(resource, { mode: 'week', date, now: from }).days.flatMap((d) => d.stretches),
    );
    const actual = [...groupBy(stretches, (s) => `${s.from}-${s.to}-${s.hours}`).values()].map(
      (list) => [
        list[0]!.from,
        list[0]!.to,
        list[0]!.hours,
        list.length,
        dateList(list.map((s) => s.date)),
      ],
    );
    expect(actual).toEqual(expected);
    if (name === 'outpatient') expect(expected).toEqual([]);
    if ('maxHours' in options) expect(expected.length).toBeGreaterThan(0);
  });

  it('reports only stretches strictly longer than the limit', () => {
    const items = viewItems([
      occ('a@2026-03-10', '2026-03-10T07:00:00-04:00', '2026-03-10T09:00:00-04:00'),
      occ('b@2026-03-10', '2026-03-10T12:00:00-04:00', '2026-03-10T22:00:00-04:00'),
    ]);
    const options = {
      maxHours: 3,
      wakingStart: '07:00',
      wakingEnd: '22:00',
      useWakeAndLightsOut: true,
      ignoreKinds: [],
    };
    expect(emptyStretches(items, '2026-03-10', NY, options)).toEqual([]);
    const longer = emptyStretches(items, '2026-03-10', NY, { ...options, maxHours: 2.9 });
    expect(longer).toMatchObject([
      { from: '09:00', to: '12:00', startMin: 540, endMin: 720, hours: 3 },
    ]);
  });
});

describe('the kiosk', () => {
  const day = [
    occ('night@2026-03-09', '2026-03-09T23:30:00-04:00', '2026-03-10T00:30:00-04:00'),
    occ('wake@2026-03-10', '2026-03-10T07:00:00-04:00', '2026-03-10T07:30:00-04:00', {
      kind: 'wake-up',
    }),
    occ('meds@2026-03-10', '2026-03-10T07:00:00-04:00', '2026-03-10T07:15:00-04:00', {
      kind: 'medication',
    }),
    occ('group@2026-03-10', '2026-03-10T10:00:00-04:00', '2026-03-10T11:00:00-04:00', {
      status: 'changed',
    }),
    occ('art@2026-03-10', '2026-03-10T14:00:00-04:00', '2026-03-10T15:00:00-04:00', {
      status: 'cancelled',
    }),
    occ('lights@2026-03-10', '2026-03-10T23:00:00-04:00', '2026-03-10T23:15:00-04:00', {
      kind: 'lights-out',
    }),
    occ('wake@2026-03-11', '2026-03-11T07:00:00-04:00', '2026-03-11T07:30:00-04:00', {
      kind: 'wake-up',
    }),
  ];
  const at = (iso: string) =>
    scheduleView({ timeZone: NY, occurrences: day }, { mode: 'now', now: Date.parse(iso) });
  const ids = (view: ReturnType<typeof at>, list: number[]) => list.map((i) => view.items[i]!.id);

  it('at 00:00 shows what runs across midnight as on now, then the morning as next', () => {
    const view = at('2026-03-10T00:00:00-04:00');
    expect(view.today).toBe('2026-03-10');
    expect(view.range).toMatchObject({ from: '2026-03-10', to: '2026-03-12' });
    const k = view.kiosk!;
    expect(k.now.map((n) => [view.items[n.item]!.id, n.progress, n.minutesLeft])).toEqual([
      ['night@2026-03-09', 0.5, 30],
    ]);
    expect(ids(view, k.next)).toEqual(['meds@2026-03-10', 'wake@2026-03-10']);
    expect(k.nextInMinutes).toBe(420);
    expect(ids(view, k.later)).toEqual(['group@2026-03-10', 'lights@2026-03-10']);
    expect(ids(view, k.changes)).toEqual(['group@2026-03-10', 'art@2026-03-10']);
  });

  it('at 23:59 has nothing later today, and tomorrow’s wake-up is next', () => {
    const view = at('2026-03-10T23:59:00-04:00');
    const k = view.kiosk!;
    expect(k.now).toEqual([]);
    expect(ids(view, k.next)).toEqual(['wake@2026-03-11']);
    expect(k.nextInMinutes).toBe(421);
    expect(k.later).toEqual([]);
    expect(ids(view, k.changes)).toEqual(['group@2026-03-10', 'art@2026-03-10']);
  });

  it('across midnight, today becomes the new day and yesterday’s changes drop off', () => {
    const view = at('2026-03-11T00:01:00-04:00');
    expect(view.today).toBe('2026-03-11');
    expect(view.kiosk!.changes).toEqual([]);
    expect(ids(view, view.kiosk!.next)).toEqual(['wake@2026-03-11']);
    expect(kioskPanel([], 0, '2026-03-11')).toEqual({
      now: [],
      next: [],
      nextInMinutes: undefined,
      later: [],
      changes: [],
    });
  });
});

describe('overdue occurrences', () => {
  it('marks occurrences that ended without complete attendance, from staff resources only', () => {
    const base = {
      routineId: 'g',
      kind: 'group-therapy' as const,
      title: 'Group',
      localDate: '2026-03-09',
      originalDate: '2026-03-09',
      facilitators: [],
      attendance: 'required' as const,
      status: 'scheduled' as const,
    };
    const done = {
      ...base,
      id: 'g@2026-03-09',
      start: '2026-03-09T09:00:00-04:00',
      end: '2026-03-09T10:00:00-04:00',
      participants: [
        { id: 'p1', name: 'A' },
        { id: 'p2', name: 'B' },
      ],
      attendanceRecords: [{ participantId: 'p1', status: 'present' as const }],
    };
    const later = { ...done, id: 'g@2026-03-10', end: '2026-03-10T10:00:00-04:00' };
    const kiosk = { ...base, id: 'k@2026-03-09', start: done.start, end: done.end };
    const now = Date.parse('2026-03-09T12:00:00-04:00');
    expect(overdueOccurrences([done, later, kiosk], now)).toEqual(['g@2026-03-09']);
    const complete = {
      ...done,
      attendanceRecords: [
        ...done.attendanceRecords,
        { participantId: 'p2', status: 'late' as const },
      ],
    };
    expect(overdueOccurrences([complete], now)).toEqual([]);
  });
});
