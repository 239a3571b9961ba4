import type { ScheduleLoader as Loader } from '../../controllers/schedule-controller.js';

/** Views of `<milieu-schedule-board>`. */
export const SCHEDULE_VIEWS = ['day', 'week', 'agenda', 'now', 'print'] as const;
/**
 * - `day`: one day on a timeline;
 * - `week`: seven day columns on a timeline;
 * - `agenda`: an accessible list of the week, the default on narrow containers;
 * - `now`: a kiosk panel for a hallway screen: large clock, what is on now, what is next;
 * - `print`: a weekly sheet for one landscape page.
 */
export type ScheduleView = (typeof SCHEDULE_VIEWS)[number];

/** Views whose occurrences are buttons the user can move between and select. */
export const INTERACTIVE_VIEWS: readonly ScheduleView[] = ['day', 'week', 'agenda'];

/**
 * The board's `loader`: `({ from, to, participant }, signal) => Promise<body>`, resolving to the
 * schedule resource's JSON body for that range.
 */
export type ScheduleLoader = Loader;

/** Whether `value` is one of {@link SCHEDULE_VIEWS}. */
export function isScheduleView(value: unknown): value is ScheduleView {
  return (SCHEDULE_VIEWS as readonly unknown[]).includes(value);
}
