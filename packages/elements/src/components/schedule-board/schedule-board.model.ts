/**
 * The board's view model: everything `render()` needs, computed from the document and the
 * inputs in `willUpdate` (memoised), never in `render()`. Domain maths comes from core.
 */
import {
  addDays,
  dayColumns,
  displayName,
  expandOccurrences,
  findGaps,
  hourBounds,
  layoutDays,
  nowAndNext,
  wallClockOf,
  weekStart,
  type DayColumn,
  type DayLayout,
  type MilieuDocument,
  type MinuteRange,
  type Occurrence,
} from '@milieu/core';
import type { BoardFormat } from './schedule-board.format.js';
import type { BoardMessages } from './schedule-board.messages.js';
import type { ScheduleView } from './schedule-board.types.js';

/** One occurrence with its display strings (locale-dependent, computed once). */
export interface BoardItem {
  occ: Occurrence;
  /** Text label of the kind. */
  kind: string;
  /** The kind label to show beside the title (`''` when the title already says it). */
  kindShown: string;
  /** Formatted start and end times. */
  start: string;
  end: string;
  /** Location name, or `''`. */
  place: string;
  /** Facilitators, display-safe (`Dana R.`), or `''`. */
  people: string;
  /** `10:00 AM to 11:00 AM`. */
  when: string;
  /** Location and facilitators for display: `Room 2 · with Dana R.`. */
  meta: string;
  /** Times, location and facilitators on one line: `10:00 AM to 11:00 AM · Room 2 · with Dana R.`. */
  sub: string;
  /** Status badge (`Cancelled`, `Moved from 2:00 PM`, `Changed`, clock change) or `''`. */
  badge: string;
  /** The reason of an exception (`Staff training.`), or `''`. */
  note: string;
  /** The sentence a screen reader hears. */
  label: string;
}

/** The days a view shows. */
export interface BoardRange {
  columns: DayColumn[];
  /** ISO instants bounding the range `[from, to)`. */
  from: string;
  to: string;
  /** Days moved by previous/next (0 for the kiosk). */
  step: number;
}

/** Days shown by a view around an anchor date. */
export function boardRange(
  view: ScheduleView,
  date: string,
  today: string,
  firstDay: number,
  timeZone: string,
): BoardRange {
  const [first, count, step] =
    view === 'day'
      ? [date, 1, 1]
      : view === 'now'
        ? [today, 2, 0]
        : [weekStart(date, firstDay), 7, 7];
  const columns = dayColumns(first, count, timeZone);
  return { columns, from: columns[0]!.start, to: columns[columns.length - 1]!.end, step };
}

/** Occurrences of the range, for a participant when `participant` is set. */
export function expand(
  doc: MilieuDocument,
  from: string,
  to: string,
  participant: string,
): Occurrence[] {
  return expandOccurrences(doc, participant ? { from, to, participant } : { from, to });
}

const directories = new WeakMap<
  MilieuDocument,
  { places: Map<string, string>; staff: Map<string, string> }
>();

function directory(doc: MilieuDocument): {
  places: Map<string, string>;
  staff: Map<string, string>;
} {
  let d = directories.get(doc);
  if (!d) {
    d = {
      places: new Map(doc.program.locations.map((l) => [l.id, l.name])),
      // Display-safe names only: first name and last initial, even on staff screens.
      staff: new Map(doc.people.staff.map((s) => [s.id, displayName(s, 'kiosk')])),
    };
    directories.set(doc, d);
  }
  return d;
}

/** Builds the display strings of each occurrence. */
export function buildItems(
  occurrences: readonly Occurrence[],
  doc: MilieuDocument,
  fmt: BoardFormat,
  t: BoardMessages,
): BoardItem[] {
  const { places, staff } = directory(doc);
  return occurrences.map((occ) => {
    const kind = t.kinds[occ.kind] ?? t.kinds.other;
    const start = fmt.time(occ.start);
    const end = fmt.time(occ.end);
    const place = occ.locationId ? (places.get(occ.locationId) ?? '') : '';
    const people = occ.facilitatorIds
      .map((id) => staff.get(id))
      .filter(Boolean)
      .join(', ');
    let badge = '';
    const ex = occ.exception;
    if (occ.status === 'cancelled') {
      badge = t.cancelled;
    } else if (occ.status === 'moved') {
      const was = ex?.originalStart ? wallClockOf(ex.originalStart) : null;
      badge =
        was && ex?.originalStart
          ? t.movedFrom(
              was.date === occ.localDate
                ? fmt.time(ex.originalStart)
                : `${fmt.dayShort({ startMs: Date.parse(ex.originalStart) })} ${fmt.time(ex.originalStart)}`,
            )
          : t.moved;
    } else if (occ.status === 'changed') {
      badge = t.changed;
    } else if (occ.dstShifted) {
      badge = t.shifted;
    }
    const note = ex?.reason ?? '';
    const kindShown = kind.toLowerCase() === occ.title.toLowerCase() ? '' : kind;
    const elective = occ.attendance === 'elective' ? t.elective : '';
    const when = `${start} ${t.to} ${end}`;
    const meta = [place, people && t.with(people)].filter(Boolean).join(' · ');
    const sub = meta ? `${when} · ${meta}` : when;
    // The accessible name reads the visible text in its visual order (WCAG 2.5.3 label in
    // name), then what only the icon says: "Group therapy, Moved from 2:00 PM, 10:00 AM to
    // 11:00 AM, Group room, with Dana R., Staff training."
    const label = [
      occ.title,
      badge,
      when,
      place,
      people && t.with(people),
      elective,
      note,
      kindShown,
    ]
      .filter(Boolean)
      .join(', ');
    return { occ, kind, kindShown, start, end, when, place, people, meta, sub, badge, note, label };
  });
}

/** Day and week views: the columns laid out within the visible hours, with gaps. */
export interface Timeline {
  days: DayLayout[];
  /** Visible window in wall-clock minutes. */
  startMin: number;
  endMin: number;
  /** Unscheduled stretches of three hours or more within waking hours, per day. */
  gaps: MinuteRange[][];
}

/** Full-day layout (agenda, print, auto hours). */
export function layoutFull(
  occurrences: readonly Occurrence[],
  columns: readonly DayColumn[],
): DayLayout[] {
  return layoutDays(
    occurrences,
    columns.map((c) => c.date),
  );
}

/**
 * Lays out a timeline. Without `hourStart`/`hourEnd`, the hours stretch to show everything
 * (at least 08:00–20:00); with them, items outside are counted as earlier/later.
 */
export function buildTimeline(
  occurrences: readonly Occurrence[],
  columns: readonly DayColumn[],
  full: DayLayout[],
  hourStart: number | undefined,
  hourEnd: number | undefined,
): Timeline {
  let [h0, h1] = hourBounds(full);
  if (hourStart !== undefined) h0 = hourStart;
  if (hourEnd !== undefined) h1 = hourEnd;
  if (!(h1 > h0)) [h0, h1] = hourBounds(full);
  const startMin = h0 * 60;
  const endMin = h1 * 60;
  const days =
    hourStart === undefined && hourEnd === undefined
      ? full
      : layoutDays(
          occurrences,
          columns.map((c) => c.date),
          { startMin, endMin },
        );
  const gaps = gapsOf(days, occurrences, startMin, endMin);
  return { days, startMin, endMin, gaps };
}

/**
 * Unscheduled stretches of three hours or more per day, within waking hours (07:00–22:00)
 * and the visible window; cancelled occurrences do not count as busy.
 */
export function gapsOf(
  days: readonly DayLayout[],
  occurrences: readonly Occurrence[],
  startMin = 0,
  endMin = 1440,
): MinuteRange[][] {
  const from = Math.max(startMin, 7 * 60);
  const to = Math.min(endMin, 22 * 60);
  return days.map((day) =>
    findGaps(
      day.segments.filter((s) => occurrences[s.item]!.status !== 'cancelled'),
      from,
      to,
      180,
    ),
  );
}

/** Kiosk: what is on now, next, later today and what changed today. */
export interface KioskModel {
  now: { item: BoardItem; progress: number; left: number }[];
  next: BoardItem[];
  nextIn: number | undefined;
  later: BoardItem[];
  changes: BoardItem[];
}

/**
 * The kiosk panel: in progress (with progress and minutes left) and next from core's
 * `nowAndNext`, every occurrence starting at the same time as the next one, up to four later
 * today, and today's changed, moved or cancelled occurrences (from the view's items).
 */
export function buildKiosk(
  doc: MilieuDocument,
  items: readonly BoardItem[],
  nowMs: number,
  today: string,
  participant: string,
  toItem: (occ: Occurrence) => BoardItem,
): KioskModel {
  const nn = nowAndNext(doc, nowMs, participant ? { participant } : {});
  const byId = new Map(items.map((i) => [i.occ.id, i]));
  const itemOf = (o: Occurrence): BoardItem => byId.get(o.id) ?? toItem(o);
  const now = nn.now.map((o) => ({
    item: itemOf(o),
    progress: o.progress,
    left: Math.ceil((o.endMs - nowMs) / 60_000),
  }));
  const first = nn.next;
  const live = items.filter((i) => i.occ.status !== 'cancelled' && i.occ.startMs > nowMs);
  const next = first
    ? [
        itemOf(first),
        ...live.filter((i) => i.occ.startMs === first.startMs && i.occ.id !== first.id),
      ]
    : [];
  const later = first
    ? live.filter((i) => i.occ.startMs > first.startMs && i.occ.localDate === today).slice(0, 4)
    : [];
  const changes = items.filter((i) => i.occ.status !== 'scheduled' && i.occ.localDate === today);
  return { now, next, nextIn: nn.nextStartsInMinutes, later, changes };
}

/** The next or previous anchor date for a view. */
export function stepDate(date: string, step: number, direction: 1 | -1): string {
  return addDays(date, step * direction);
}

/** Caches the last result of `fn` by argument identity. */
export function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: A | undefined;
  let value!: R;
  return (...args: A): R => {
    if (!last || args.length !== last.length || args.some((a, i) => a !== last![i])) {
      value = fn(...args);
      last = args;
    }
    return value;
  };
}
