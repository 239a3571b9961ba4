/**
 * Time-grid layout: occurrences cut into per-day segments on the wall clock, and overlapping
 * segments placed side by side in lanes with a sweep line.
 *
 * @module
 */
import type { LocalDate } from '../model/index.js';
import { addDays } from '../time/index.js';
import { wallClockOf } from './calendar.js';

/** What {@link layoutDays} reads from each item: an `Occurrence` satisfies it. */
export interface TimedSpan {
  /** Start, ISO 8601 with the program zone's offset. */
  start: string;
  /** End, ISO 8601 with the program zone's offset. */
  end: string;
  /** Start, epoch ms. */
  startMs: number;
  /** End, epoch ms. */
  endMs: number;
}

/** A part of one item inside one day column, with its lane. */
export interface DaySegment {
  /** Index of the item in the array given to {@link layoutDays}. */
  item: number;
  /** Visible start, minutes after local midnight on the wall clock (clipped to the window). */
  startMin: number;
  /** Visible end, minutes after local midnight (clipped to the window); `> startMin`. */
  endMin: number;
  /** The item started before this segment (an earlier day, or before the window). */
  continuesBefore: boolean;
  /** The item goes on after this segment (the next day, or after the window). */
  continuesAfter: boolean;
  /** Zero-based lane within its overlap cluster. */
  lane: number;
  /** Number of lanes in its overlap cluster (1 when nothing overlaps). */
  lanes: number;
}

/** The segments of one day column, in reading order (start, then longer first, then item). */
export interface DayLayout {
  /** The civil date of the column. */
  date: LocalDate;
  /** Visible segments with lanes. */
  segments: DaySegment[];
  /** Items of this day that end before the window starts. */
  hiddenBefore: number;
  /** Items of this day that start after the window ends. */
  hiddenAfter: number;
}

/** Options of {@link layoutDays}. */
export interface LayoutOptions {
  /** First visible minute of each day (default 0). */
  startMin?: number;
  /** End of the visible window in minutes (default 1440). */
  endMin?: number;
  /**
   * Shortest height an item takes when lanes are assigned, in minutes (default 15), so that
   * a five-minute medication round still gets room for its label.
   */
  minDuration?: number;
  /** Keep only items for which this returns `true` (e.g. hide cancelled ones). */
  include?: (index: number) => boolean;
}

const DAY = 1440;

/**
 * Lays out items on day columns. Each item is placed by the wall clock written in its ISO
 * `start`/`end` (the program zone's), so a 03:30 start on a spring-forward day sits at 03:30;
 * items crossing midnight are cut into one segment per day; a fall-back day's repeated hour
 * shares the wall-clock rows and overlapping items get separate lanes. Linear in the number
 * of items plus segments × lanes.
 *
 * @param items - occurrences (or any {@link TimedSpan}), in any order
 * @param dates - the civil dates of the columns
 * @param options - visible window, minimum height, filter
 */
export function layoutDays(
  items: readonly TimedSpan[],
  dates: readonly LocalDate[],
  options: LayoutOptions = {},
): DayLayout[] {
  const winStart = Math.max(0, options.startMin ?? 0);
  const winEnd = Math.min(DAY, options.endMin ?? DAY);
  const minDuration = Math.max(0, options.minDuration ?? 15);
  const days: DayLayout[] = dates.map((date) => ({
    date,
    segments: [],
    hiddenBefore: 0,
    hiddenAfter: 0,
  }));
  const column = new Map<string, number>();
  dates.forEach((d, i) => column.set(d, i));
  if (dates.length === 0) return days;
  const last = dates.reduce((a, b) => (b > a ? b : a));

  for (let item = 0; item < items.length; item++) {
    if (options.include && !options.include(item)) continue;
    const span = items[item]!;
    const a = wallClockOf(span.start);
    const b = wallClockOf(span.end);
    if (!a || !b) continue;
    let endDate = b.date;
    let endMin = b.minute;
    if (endDate < a.date || (endDate === a.date && endMin <= a.minute)) {
      // Fall-back overlap (01:50-04:00 → 01:10-05:00) or zero length: use the real duration.
      const minutes = a.minute + Math.max(0, (span.endMs - span.startMs) / 60_000);
      endDate = addDays(a.date, Math.floor(minutes / DAY));
      endMin = minutes % DAY;
      if (endDate === a.date && endMin < a.minute) endMin = a.minute;
    }
    let date = a.date;
    let from = a.minute;
    for (let guard = 0; guard < 400; guard++) {
      const lastDay = date === endDate;
      const to = lastDay ? endMin : DAY;
      const col = column.get(date);
      if (col !== undefined && (to > from || (lastDay && date === a.date))) {
        place(days[col]!, item, from, to, date !== a.date, !lastDay);
      }
      if (lastDay || date >= last) break;
      date = addDays(date, 1);
      from = 0;
      if (date === endDate && endMin === 0) break;
    }
  }

  for (const day of days) {
    day.segments.sort((x, y) => x.startMin - y.startMin || y.endMin - x.endMin || x.item - y.item);
    assignLanes(day.segments, minDuration);
  }
  return days;

  function place(
    day: DayLayout,
    item: number,
    from: number,
    to: number,
    before: boolean,
    after: boolean,
  ): void {
    const shownTo = to > from ? to : from + 1;
    if (shownTo <= winStart) {
      day.hiddenBefore++;
      return;
    }
    if (from >= winEnd) {
      day.hiddenAfter++;
      return;
    }
    const startMin = Math.max(from, winStart);
    const endMin = Math.min(shownTo, winEnd);
    day.segments.push({
      item,
      startMin,
      endMin,
      continuesBefore: before || from < winStart,
      continuesAfter: after || shownTo > winEnd,
      lane: 0,
      lanes: 1,
    });
  }
}

/** The fields {@link assignLanes} reads and writes. */
export interface LaneSlot {
  startMin: number;
  endMin: number;
  lane: number;
  lanes: number;
}

/**
 * Assigns lanes with a sweep line: each slot takes the lowest lane free at its start; a cluster
 * (a run of transitively overlapping slots) shares one lane count, so every slot of a cluster
 * has the same width. Slots must be sorted by `startMin`.
 *
 * @param slots - sorted by start; `lane` and `lanes` are written
 * @param minDuration - minimum length a slot occupies, in minutes (default 0)
 */
export function assignLanes(slots: LaneSlot[], minDuration = 0): void {
  const laneEnds: number[] = [];
  let clusterFrom = 0;
  let clusterEnd = -Infinity;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const start = slot.startMin;
    const end = Math.max(slot.endMin, start + minDuration);
    if (i > clusterFrom && start >= clusterEnd) {
      close(clusterFrom, i, laneEnds.length);
      laneEnds.length = 0;
      clusterFrom = i;
      clusterEnd = -Infinity;
    }
    let lane = laneEnds.findIndex((e) => e <= start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = end;
    slot.lane = lane;
    if (end > clusterEnd) clusterEnd = end;
  }
  close(clusterFrom, slots.length, laneEnds.length);

  function close(from: number, to: number, lanes: number): void {
    for (let j = from; j < to; j++) slots[j]!.lanes = Math.max(1, lanes);
  }
}

/**
 * The whole hours that show every segment of `days`, widened to include `[minHour, maxHour)`.
 * Lay out with the full window first (the default), then pass the result to the view.
 *
 * @param days - laid-out columns
 * @param minHour - first hour always shown (default 8)
 * @param maxHour - last hour always shown, exclusive (default 20)
 * @returns `[startHour, endHour]`, 0 ≤ start < end ≤ 24
 */
export function hourBounds(
  days: readonly DayLayout[],
  minHour = 8,
  maxHour = 20,
): [number, number] {
  let lo = minHour * 60;
  let hi = maxHour * 60;
  for (const day of days) {
    for (const s of day.segments) {
      if (s.startMin < lo) lo = s.startMin;
      if (s.endMin > hi) hi = s.endMin;
    }
  }
  const start = Math.max(0, Math.floor(lo / 60));
  return [start, Math.min(24, Math.max(start + 1, Math.ceil(hi / 60)))];
}
