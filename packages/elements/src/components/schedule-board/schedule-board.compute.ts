/**
 * Turns a validated document and the board's inputs into the model `render()` reads, with
 * each expensive step memoised on its inputs (expansion, display strings, layout, focus grid),
 * so a minute tick or a focus move recomputes almost nothing.
 */
import {
  displayName,
  nowPosition,
  wallClockAt,
  type DayLayout,
  type MilieuDocument,
  type NowPosition,
} from '@milieu/core';
import { languageOf } from '../../internal/locale.js';
import { BoardFormat } from './schedule-board.format.js';
import { firstKey, focusGrid, type FocusGrid } from './schedule-board.keyboard.js';
import { messages } from './schedule-board.messages.js';
import * as M from './schedule-board.model.js';
import type { ViewContext } from './schedule-board.timeline.js';
import type { ScheduleView } from './schedule-board.types.js';

/** The board's inputs, already validated by the element. */
export interface BoardInput {
  view: ScheduleView;
  /** A valid `YYYY-MM-DD`, or `''` for today. */
  date: string;
  participant: string;
  locale: string;
  hourStart: number | undefined;
  hourEnd: number | undefined;
  nowMs: number;
  /** The focus key to keep if it still exists. */
  activeKey: string | null;
}

/** Everything render() reads. */
export interface Model extends ViewContext {
  doc: MilieuDocument;
  view: ScheduleView;
  date: string;
  range: M.BoardRange;
  full: DayLayout[];
  timeline: M.Timeline | null;
  agendaGaps: ReturnType<typeof M.gapsOf>;
  grid: FocusGrid;
  /** The laid-out days whose segments the focus keys `column.segment` point into. */
  focusDays: readonly DayLayout[];
  /** The roving tab stop. */
  activeKey: string | null;
  now: NowPosition | null;
  kiosk: M.KioskModel | null;
  subtitle: string;
  unknownParticipant: boolean;
  /** The note shown when the program zone is not the device's zone, or `''`. */
  zoneNote: string;
  /** The program zone's readable name, e.g. `Eastern Time (America/New_York)`. */
  zoneName: string;
  /** ISO weekday the locale's weeks start on. */
  firstDay: number;
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

/** One per element: its memoised steps. */
export class BoardComputer {
  private readonly range = M.memo(M.boardRange);
  private readonly expand = M.memo(M.expand);
  private readonly items = M.memo(M.buildItems);
  private readonly full = M.memo(M.layoutFull);
  private readonly timeline = M.memo(M.buildTimeline);
  private readonly gaps = M.memo(M.gapsOf);
  private readonly grid = M.memo(focusGrid);

  /** The model for `doc` and `input`; throws only on a programming error (caught by the element). */
  compute(doc: MilieuDocument, input: BoardInput): Model {
    const { view, participant, nowMs } = input;
    const zone = doc.program.timeZone;
    const today = wallClockAt(nowMs, zone).date;
    const date = input.date || today;
    const fmt = BoardFormat.of(input.locale || doc.program.locale || 'en', zone);
    const t = messages[languageOf(fmt.locale)];
    const firstDay = firstDayOf(fmt.locale);
    const range = this.range(view, date, view === 'now' ? today : '', firstDay, zone);
    const person = participant
      ? doc.people.participants.find((p) => p.id === participant)
      : undefined;
    const unknownParticipant = Boolean(participant) && !person;
    const occurrences = unknownParticipant
      ? []
      : this.expand(doc, range.from, range.to, participant);
    const items = this.items(occurrences, doc, fmt, t);
    const full = this.full(occurrences, range.columns);
    const timeline =
      view === 'day' || view === 'week'
        ? this.timeline(occurrences, range.columns, full, input.hourStart, input.hourEnd)
        : null;
    const focusDays = timeline ? timeline.days : view === 'agenda' ? full : [];
    const grid = this.grid(focusDays);
    let activeKey = input.activeKey;
    if (!activeKey || !grid.some((col) => col.some((c) => c.key === activeKey))) {
      const todayCol = range.columns.findIndex((c) => c.date === today);
      activeKey = firstKey(grid, Math.max(0, todayCol));
    }
    const dates = range.columns.map((c) => c.date);
    const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zoneName = fmt.zoneName(zone, nowMs);
    return {
      t,
      fmt,
      items,
      columns: range.columns,
      today,
      nowMs,
      doc,
      view,
      date,
      range,
      full,
      timeline,
      agendaGaps: view === 'agenda' ? this.gaps(full, occurrences) : [],
      grid,
      focusDays,
      activeKey,
      now: timeline ? nowPosition(nowMs, zone, dates, timeline.startMin, timeline.endMin) : null,
      kiosk:
        view === 'now'
          ? M.buildKiosk(
              doc,
              items,
              nowMs,
              today,
              participant,
              (o) => M.buildItems([o], doc, fmt, t)[0]!,
            )
          : null,
      subtitle: person ? t.scheduleFor(displayName(person, 'kiosk')) : '',
      unknownParticipant,
      zoneName,
      zoneNote: device && device !== zone ? t.zoneNote(zoneName, fmt.zoneName(device, nowMs)) : '',
      firstDay,
    };
  }
}
