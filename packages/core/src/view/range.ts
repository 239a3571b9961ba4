/**
 * The days a schedule view shows, as civil dates: what a board asks the schedule resource for
 * (`?from=…&to=…`), before it knows anything else about the program.
 *
 * @module
 */
import { weekStart } from '../layout/calendar.js';
import type { LocalDate } from '../model/index.js';
import { addDays } from '../time/index.js';

/** The views a board draws. */
export const VIEW_MODES = ['day', 'week', 'agenda', 'now', 'print'] as const;
/**
 * - `day`: one day on a timeline; `week`: seven days on a timeline;
 * - `agenda`: the week as a list; `print`: the week as a timetable;
 * - `now`: a kiosk's today and tomorrow (what is on now, next, later today, changes today).
 */
export type ViewMode = (typeof VIEW_MODES)[number];

/** The days of a view (see {@link viewRange}). */
export interface ViewRange {
  /** The first day shown. */
  first: LocalDate;
  /** Number of days shown. */
  count: number;
  /** Days moved by previous/next (0 for `now`, which always shows today). */
  step: number;
  /** The query bound `from`: {@link ViewRange.first} (midnight in the program's zone). */
  from: LocalDate;
  /** The query bound `to`, exclusive: the day after the last day shown. */
  to: LocalDate;
}

/**
 * The days a view shows around an anchor date: the day itself, its week (starting on
 * `firstDay`), or today and tomorrow for `now`.
 *
 * @param mode - the view
 * @param date - the anchor date (ignored by `now`)
 * @param today - today's date in the program's zone
 * @param firstDay - ISO weekday weeks start on: 1 = Monday (default) … 7 = Sunday
 * @throws RangeError when `date` (or `today` for `now`) is not a civil date
 * @example
 * ```ts
 * viewRange('week', '2026-03-11', '2026-03-10'); // { first: '2026-03-09', count: 7, step: 7, from: '2026-03-09', to: '2026-03-16' }
 * ```
 */
export function viewRange(
  mode: ViewMode,
  date: LocalDate,
  today: LocalDate,
  firstDay = 1,
): ViewRange {
  const [first, count, step] =
    mode === 'day'
      ? [date, 1, 1]
      : mode === 'now'
        ? [today, 2, 0]
        : [weekStart(date, firstDay), 7, 7];
  return { first, count, step, from: first, to: addDays(first, count) };
}

/**
 * The anchor date after pressing next (`direction` 1) or previous (-1) in a view.
 *
 * @param mode - the view
 * @param date - the current anchor date
 * @param direction - 1 or -1
 */
export function stepDate(mode: ViewMode, date: LocalDate, direction: 1 | -1): LocalDate {
  const step = mode === 'day' ? 1 : mode === 'now' ? 0 : 7;
  return addDays(date, step * direction);
}
