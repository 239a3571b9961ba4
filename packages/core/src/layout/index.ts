/**
 * Pure lay-out helpers for schedule views: day columns in the program's zone, per-day segments
 * with overlap lanes, empty stretches, the now-line and display-safe names. No DOM.
 *
 * @module
 */
export {
  dayColumns,
  wallClockAt,
  wallClockOf,
  weekStart,
  type DayColumn,
  type WallClock,
} from './calendar.js';
export {
  assignLanes,
  hourBounds,
  layoutDays,
  type DayLayout,
  type DaySegment,
  type LaneSlot,
  type LayoutOptions,
  type TimedSpan,
} from './lanes.js';
export { findGaps, type MinuteRange } from './gaps.js';
export { nowPosition, progressAt, type NowPosition } from './now.js';
export {
  displayName,
  NAME_STYLES,
  sharedScreenName,
  type NamedPerson,
  type NameStyle,
} from './names.js';
