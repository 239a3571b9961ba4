/**
 * Public exports of `<milieu-attendance-sheet>` for the package root (`@milieu/elements`),
 * which registers nothing.
 */
export { MilieuAttendanceSheet } from './attendance-sheet.component.js';
export {
  MilieuAttendanceChangeEvent,
  MilieuAttendanceSavedEvent,
  type AttendanceChangeDetail,
  type AttendanceSavedDetail,
} from '../../events/attendance-change.js';
