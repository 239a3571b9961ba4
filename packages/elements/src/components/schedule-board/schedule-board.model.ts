/**
 * What `render()` reads: core's headless schedule view (days, lanes, hours, empty stretches,
 * now-line, kiosk) for the schedule resource, plus the board's display strings, messages and
 * focus grid. No domain maths here: formatting and wiring only, memoised so a minute tick or a
 * focus move recomputes almost nothing.
 */
import {
  scheduleView,
  wallClockOf,
  type DayLayout,
  type DayView,
  type OccurrencesResponse,
  type OccurrenceView,
  type ScheduleViewModel,
  type ViewItem,
} from '@milieu/core';
import { languageOf } from '../../internal/locale.js';
import { BoardFormat } from './schedule-board.format.js';
import { firstKey, focusGrid, type FocusGrid } from './schedule-board.keyboard.js';
import { messages, type BoardMessages } from './schedule-board.messages.js';
import type { ScheduleView } from './schedule-board.types.js';

/** One occurrence with its display strings (locale-dependent, computed once per response). */
export interface BoardItem {
  occ: OccurrenceView;
  startMs: number;
  endMs: number;
  /** Text label of the kind. */
  kind: string;
  /** The kind label to show beside the title (`''` when the title already says it). */
  kindShown: string;
  /** `10:00 AM to 11:00 AM`. */
  when: string;
  /** Location and facilitators: `Room 2 · with Dana R.`. */
  meta: string;
  /** Times, location and facilitators on one line. */
  sub: string;
  /** Status badge (`Cancelled`, `Moved from 2:00 PM`, `Changed`, clock change) or `''`. */
  badge: string;
  /** The reason of an exception (`Staff training.`), or `''`. */
  note: string;
  /** The sentence a screen reader hears. */
  label: string;
}

/** What every view template reads. */
export interface ViewContext {
  t: BoardMessages;
  fmt: BoardFormat;
  items: readonly BoardItem[];
  days: readonly DayView[];
  today: string;
  nowMs: number;
}

/** The kiosk panel with display items. */
export interface KioskModel {
  now: { item: BoardItem; progress: number; left: number }[];
  next: BoardItem[];
  nextIn: number | undefined;
  later: BoardItem[];
  changes: BoardItem[];
}

/** The board's inputs, already validated by the element. */
export interface BoardInput {
  view: ScheduleView;
  /** A valid `YYYY-MM-DD`, or `''` for today. */
  date: string;
  locale: string;
  firstDay: number;
  hourStart: number | undefined;
  hourEnd: number | undefined;
  nowMs: number;
  /** The focus key to keep if it still exists. */
  activeKey: string | null;
  unknownParticipant: boolean;
}

/** Everything render() reads. */
export interface Model extends ViewContext {
  schedule: OccurrencesResponse;
  view: ScheduleView;
  sv: ScheduleViewModel;
  kiosk: KioskModel | null;
  grid: FocusGrid;
  /** The laid-out days whose segments the focus keys `column.segment` point into. */
  focusDays: readonly DayLayout[];
  activeKey: string | null;
  subtitle: string;
  unknownParticipant: boolean;
  /** The note shown when the program zone is not the device's zone, or `''`. */
  zoneNote: string;
  /** How many occurrences of the range ended without complete attendance (the headless view's `overdue`). */
  overdue: number;
  /** The program zone's readable name, e.g. `Eastern Time (America/New_York)`. */
  zoneName: string;
}

/** ISO weekday (1 = Monday … 7 = Sunday) on which weeks start in `locale`. */
export function firstDayOf(locale: string): number {
  try {
    const l = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    return (l.getWeekInfo?.() ?? l.weekInfo)?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

/** Builds the display strings of each occurrence. */
export function buildItems(
  items: readonly ViewItem[],
  fmt: BoardFormat,
  t: BoardMessages,
  overdueKey = '',
): BoardItem[] {
  const overdue = new Set(overdueKey ? overdueKey.split('\n') : []);
  return items.map(({ occurrence: occ, startMs, endMs }) => {
    const kind = t.kinds[occ.kind] ?? t.kinds.other;
    const place = occ.location?.name ?? '';
    const people = occ.facilitators
      .map((f) => f.name)
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
    if (overdue.has(occ.id)) badge = badge ? `${badge} · ${t.overdue}` : t.overdue;
    const note = ex?.reason ?? '';
    const kindShown = kind.toLowerCase() === occ.title.toLowerCase() ? '' : kind;
    const elective = occ.attendance === 'elective' ? t.elective : '';
    const when = `${fmt.time(occ.start)} ${t.to} ${fmt.time(occ.end)}`;
    const meta = [place, people && t.with(people)].filter(Boolean).join(' · ');
    const sub = meta ? `${when} · ${meta}` : when;
    // The accessible name reads the visible text in its visual order (WCAG 2.5.3 label in
    // name), then what only the icon says.
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
    return { occ, startMs, endMs, kind, kindShown, when, meta, sub, badge, note, label };
  });
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

/** One per element: its memoised steps. */
export class BoardModeller {
  private readonly items = memo(buildItems);
  private readonly grid = memo(focusGrid);
  private readonly layouts = memo((days: readonly DayView[]) => days.map((d) => d.layout));

  /** The model for `schedule` and `input`; throws only on a programming error (caught by the element). */
  compute(schedule: OccurrencesResponse, input: BoardInput): Model {
    const zone = schedule.timeZone;
    const { view, nowMs } = input;
    const fmt = BoardFormat.of(input.locale || schedule.program.locale || 'en', zone);
    const t = messages[languageOf(fmt.locale)];
    const sv = scheduleView(schedule, {
      mode: view,
      date: input.date,
      now: nowMs,
      firstDay: input.firstDay,
      hourStart: input.hourStart,
      hourEnd: input.hourEnd,
    });
    // The overdue ids as one string, so the memo rebuilds items only when the set changes.
    const items = this.items(sv.items, fmt, t, sv.overdue.join('\n'));
    const interactive = view === 'day' || view === 'week' || view === 'agenda';
    const focusDays = interactive ? this.layouts(sv.days) : [];
    const grid = this.grid(focusDays);
    let activeKey = input.activeKey;
    if (!activeKey || !grid.some((col) => col.some((c) => c.key === activeKey))) {
      const todayCol = sv.days.findIndex((d) => d.column.date === sv.today);
      activeKey = firstKey(grid, Math.max(0, todayCol));
    }
    const k = sv.kiosk;
    const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zoneName = fmt.zoneName(zone, nowMs);
    return {
      t,
      fmt,
      items,
      days: sv.days,
      today: sv.today,
      nowMs,
      schedule,
      view,
      sv,
      kiosk: k && {
        now: k.now.map((n) => ({
          item: items[n.item]!,
          progress: n.progress,
          left: n.minutesLeft,
        })),
        next: k.next.map((i) => items[i]!),
        nextIn: k.nextInMinutes,
        later: k.later.map((i) => items[i]!),
        changes: k.changes.map((i) => items[i]!),
      },
      grid,
      focusDays,
      activeKey,
      subtitle: schedule.participant?.name ? t.scheduleFor(schedule.participant.name) : '',
      unknownParticipant: input.unknownParticipant,
      zoneName,
      overdue: sv.overdue.length,
      zoneNote: device && device !== zone ? t.zoneNote(zoneName, fmt.zoneName(device, nowMs)) : '',
    };
  }
}
