/**
 * Public exports of `<milieu-schedule-board>` for the package root (`@milieu/elements`),
 * which registers nothing.
 */
export { MilieuScheduleBoard } from './schedule-board.component.js';
export {
  SCHEDULE_VIEWS,
  isScheduleView,
  type ScheduleView,
  type ScheduleLoader,
} from './schedule-board.types.js';
export {
  MilieuOccurrenceSelectEvent,
  type OccurrenceSelectDetail,
} from '../../events/occurrence-select.js';
export { MilieuRangeChangeEvent, type RangeChangeDetail } from '../../events/range-change.js';
export { MilieuLoadErrorEvent, type LoadErrorDetail } from '../../events/load-error.js';
export {
  ScheduleController,
  type ScheduleQuery,
  type ScheduleSource,
  type ScheduleState,
} from '../../controllers/schedule-controller.js';
