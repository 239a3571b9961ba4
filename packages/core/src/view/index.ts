/**
 * Headless schedule views: what a board draws — days in the program's zone, lanes, the
 * visible hours, empty stretches, the now-line and the kiosk's now / next / later / changes —
 * computed from the occurrences the schedule resource gives (never from a whole document).
 * Pure and DOM-free. See `docs/view.md`.
 *
 * @module
 */
export {
  overdueOccurrences,
  scheduleView,
  viewItems,
  type DayView,
  type ScheduleViewInput,
  type ScheduleViewModel,
  type ScheduleViewOptions,
  type ViewItem,
} from './schedule-view.js';
export { stepDate, viewRange, VIEW_MODES, type ViewMode, type ViewRange } from './range.js';
export { emptyStretches, wakingHours, type EmptyStretch, type StretchItem } from './stretches.js';
export {
  KIOSK_HORIZON_MS,
  KIOSK_LATER,
  kioskPanel,
  type InProgressItem,
  type KioskItem,
  type KioskPanel,
} from './kiosk.js';
