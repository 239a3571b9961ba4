/**
 * The schedule engine: recurrence expansion in the program's zone (DST per RFC 5545),
 * exceptions, audiences, conflict detection, personal and kiosk views, iCalendar export.
 *
 * @module
 */
export {
  type AppliedException,
  type ExpandOptions,
  type InstantInput,
  type InstantRange,
  type Occurrence,
  ScheduleRangeError,
} from './types.js';
export { expandRecurrence } from './recurrence.js';
export { expandOccurrences } from './expand.js';
export { compareOccurrences } from './order.js';
export {
  CONFLICT_KINDS,
  type Conflict,
  type ConflictKind,
  type ConflictOptions,
  findConflicts,
} from './conflicts.js';
export {
  type InProgress,
  type NowAndNext,
  type NowAndNextOptions,
  nowAndNext,
  type PersonalRange,
  personalSchedule,
} from './views.js';
export { type ICalendarOptions, toICalendar } from './ical.js';
export {
  attendanceCompleteness,
  COMPLETENESS_STATES,
  UNRECORDED_KINDS,
  type CompletenessOptions,
  type AttendanceCompleteness,
  type CompletenessOccurrence,
  type CompletenessRecord,
  type CompletenessState,
} from './attendance.js';
