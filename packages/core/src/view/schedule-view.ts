/**
 * The headless schedule view: everything a board draws, computed from the occurrences of a
 * range as the schedule resource gives them. Pure; runs in Node and browsers.
 *
 * @module
 */
import type { EmptyStretchOptions, OccurrenceView } from '../contract/schedule.js';
import { dayColumns, wallClockAt, type DayColumn } from '../layout/calendar.js';
import type { MinuteRange } from '../layout/gaps.js';
import { hourBounds, layoutDays, type DayLayout, type TimedSpan } from '../layout/lanes.js';
import { nowPosition, type NowPosition } from '../layout/now.js';
import type { ActivityKind, LocalDate } from '../model/index.js';
import { attendanceCompleteness } from '../schedule/attendance.js';
import { parseInstant } from '../time/index.js';
import { kioskPanel, type KioskPanel } from './kiosk.js';
import { viewRange, type ViewMode, type ViewRange } from './range.js';
import { emptyStretches, type EmptyStretch } from './stretches.js';

/**
 * What {@link scheduleView} reads: an `OccurrencesResponse` (the schedule resource's body)
 * satisfies it as it is.
 */
export interface ScheduleViewInput {
  /** The occurrences of the range, as the resource gives them (any order). */
  occurrences: readonly OccurrenceView[];
  /** The program's IANA zone; every day and time is drawn in it. */
  timeZone: string;
  /** The `no-empty-stretch` options in force; without them no stretch is marked. */
  emptyStretch?: EmptyStretchOptions | undefined;
}

/** Options of {@link scheduleView}. */
export interface ScheduleViewOptions {
  /** The view to draw. */
  mode: ViewMode;
  /** The anchor date, `YYYY-MM-DD` in the program's zone; empty or absent for today. */
  date?: LocalDate | undefined;
  /** The current instant, epoch ms (the now-line, today, the kiosk). */
  now: number;
  /** ISO weekday weeks start on (1 = Monday, the default … 7 = Sunday). */
  firstDay?: number | undefined;
  /** First hour of the `day`/`week` timeline (0–23); default: fits the occurrences, from 08:00 at the latest. */
  hourStart?: number | undefined;
  /** Hour the timeline ends (1–24); default: fits the occurrences, to 20:00 at the earliest. */
  hourEnd?: number | undefined;
}

/** One occurrence with its instants read once (a {@link TimedSpan} for the lay-out). */
export interface ViewItem extends TimedSpan {
  /** The occurrence as received. */
  occurrence: OccurrenceView;
  id: string;
  kind: ActivityKind;
  status: OccurrenceView['status'];
  localDate: LocalDate;
}

/** One day column. */
export interface DayView {
  /** The civil day and the instants bounding it (23 or 25 hours on DST days). */
  column: DayColumn;
  /** Segments with lanes: within the visible window on a timeline, the whole day otherwise. */
  layout: DayLayout;
  /** The day's empty stretches, whole (`[]` without `emptyStretch` options). */
  stretches: EmptyStretch[];
  /** The same stretches in wall-clock minutes, clipped to the visible window: what to hatch. */
  hatched: MinuteRange[];
}

/** Everything a board draws (see {@link scheduleView}). */
export interface ScheduleViewModel {
  mode: ViewMode;
  /** Today in the program's zone. */
  today: LocalDate;
  /** The anchor date in use. */
  date: LocalDate;
  /** The days shown and the query bounds for them. */
  range: ViewRange;
  /** The input's occurrences with their instants; segments and the kiosk point into it. */
  items: ViewItem[];
  /** One entry per day shown. */
  days: DayView[];
  /** Visible wall-clock minutes: the timeline's hours, or the whole day (0–1440). */
  window: MinuteRange;
  /** The now-line on a timeline (`null` when today is not shown or not a timeline). */
  now: NowPosition | null;
  /** The kiosk panel (`now` view only). */
  kiosk: KioskPanel | null;
  /**
   * Ids of the occurrences that have ended without complete attendance at `now` (core's
   * `attendanceCompleteness` over each occurrence's `participants` and `attendanceRecords`, so
   * only a staff resource can have any), in `items` order.
   */
  overdue: string[];
}

/**
 * The occurrences that ended without complete attendance at `now`: the staff board's overdue
 * marks. Reads each occurrence's `participants` and `attendanceRecords` (staff view only).
 *
 * @param occurrences - occurrences as the schedule resource gives them
 * @param now - the current instant, epoch ms
 * @returns their ids, in input order
 */
export function overdueOccurrences(occurrences: readonly OccurrenceView[], now: number): string[] {
  const records = occurrences.flatMap((o) =>
    (o.attendanceRecords ?? []).map((r) => ({
      occurrenceId: o.id,
      participantId: r.participantId,
    })),
  );
  return attendanceCompleteness(occurrences, records, now)
    .filter((c) => c.state === 'overdue')
    .map((c) => c.occurrenceId);
}

const itemsCache = new WeakMap<readonly OccurrenceView[], ViewItem[]>();

/**
 * The input's occurrences with their instants parsed, memoised by the array's identity (a
 * minute tick or a view switch reads the same response again). Unreadable instants are dropped.
 *
 * @param occurrences - occurrences as the schedule resource gives them
 */
export function viewItems(occurrences: readonly OccurrenceView[]): ViewItem[] {
  let items = itemsCache.get(occurrences);
  if (!items) {
    items = [];
    for (const o of occurrences) {
      const startMs = parseInstant(o.start);
      const endMs = parseInstant(o.end);
      if (Number.isNaN(startMs) || Number.isNaN(endMs)) continue;
      items.push({
        occurrence: o,
        id: o.id,
        kind: o.kind,
        status: o.status,
        localDate: o.localDate,
        start: o.start,
        end: o.end,
        startMs,
        endMs,
      });
    }
    itemsCache.set(occurrences, items);
  }
  return items;
}

function clip(stretches: readonly EmptyStretch[], window: MinuteRange): MinuteRange[] {
  const out: MinuteRange[] = [];
  for (const s of stretches) {
    const startMin = Math.max(s.startMin, window.startMin);
    const endMin = Math.min(s.endMin, window.endMin);
    if (endMin > startMin) out.push({ startMin, endMin });
  }
  return out;
}

const daysCache = new WeakMap<ViewItem[], { key: string; days: DayView[]; window: MinuteRange }>();

function layOut(
  items: ViewItem[],
  zone: string,
  range: ViewRange,
  timeline: boolean,
  stretchOptions: EmptyStretchOptions | undefined,
  options: ScheduleViewOptions,
): { days: DayView[]; window: MinuteRange } {
  const columns = dayColumns(range.first, range.count, zone);
  const dates = columns.map((c) => c.date);
  const full = layoutDays(items, dates);
  let window: MinuteRange = { startMin: 0, endMin: 1440 };
  let layouts = full;
  if (timeline) {
    const [autoStart, autoEnd] = hourBounds(full);
    let h0 = options.hourStart ?? autoStart;
    let h1 = options.hourEnd ?? autoEnd;
    if (!(h1 > h0)) [h0, h1] = [autoStart, autoEnd];
    window = { startMin: h0 * 60, endMin: h1 * 60 };
    if (options.hourStart !== undefined || options.hourEnd !== undefined) {
      layouts = layoutDays(items, dates, window);
    }
  }
  const days = columns.map((column, i) => {
    const stretches = stretchOptions
      ? emptyStretches(items, column.date, zone, stretchOptions)
      : [];
    return { column, layout: layouts[i]!, stretches, hatched: clip(stretches, window) };
  });
  return { days, window };
}

/**
 * Everything a board draws for `options.mode` around `options.date`, from the occurrences of
 * the range in the program's zone:
 *
 * - `days`: one column per civil day (stepped on the calendar, so DST days are 23 or 25 hours),
 *   each with its segments in overlap lanes (core's `layoutDays`; an occurrence crossing
 *   midnight is cut per day, a moved one sits on the day it moved to) and its empty stretches
 *   (`emptyStretches`, the function the `no-empty-stretch` rule reports with);
 * - `window`: the timeline's visible hours (fitted to the occurrences unless `hourStart` and
 *   `hourEnd` say otherwise; what falls outside is counted per day);
 * - `now`: the now-line; `kiosk`: what is on now, next, later today and changed today;
 * - `overdue`: occurrences that ended without complete attendance (staff resources only).
 *
 * @param input - the schedule resource's body (or anything with its occurrences and zone)
 * @param options - view, anchor date, clock and visible hours
 * @throws RangeError when the zone is unknown or `date` is not a civil date
 * @example
 * ```ts
 * const view = scheduleView(response, { mode: 'week', date: '2026-03-11', now: Date.now() });
 * view.days.map((d) => d.layout.segments.length);
 * ```
 */
export function scheduleView(
  input: ScheduleViewInput,
  options: ScheduleViewOptions,
): ScheduleViewModel {
  const zone = input.timeZone;
  const { mode, now: nowMs } = options;
  const today = wallClockAt(nowMs, zone).date;
  const date = options.date || today;
  const range = viewRange(mode, date, today, options.firstDay);
  const items = viewItems(input.occurrences);
  const timeline = mode === 'day' || mode === 'week';
  const stretchOptions = mode === 'now' || mode === 'print' ? undefined : input.emptyStretch;
  const key = [
    zone,
    range.first,
    range.count,
    timeline,
    options.hourStart,
    options.hourEnd,
    JSON.stringify(stretchOptions ?? null),
  ].join('|');
  let cached = daysCache.get(items);
  if (cached?.key !== key) {
    cached = { key, ...layOut(items, zone, range, timeline, stretchOptions, options) };
    daysCache.set(items, cached);
  }
  const { days, window } = cached;
  const dates = days.map((d) => d.column.date);
  return {
    mode,
    today,
    date,
    range,
    items,
    days,
    window,
    now: timeline ? nowPosition(nowMs, zone, dates, window.startMin, window.endMin) : null,
    kiosk: mode === 'now' ? kioskPanel(items, nowMs, today) : null,
    overdue: overdueOccurrences(
      items.map((i) => i.occurrence),
      nowMs,
    ),
  };
}
