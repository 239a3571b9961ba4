/**
 * `@milieu/react` — React components for the Milieu web components, made with `@lit/react`:
 * every element property is a typed prop (set as a property, so objects and functions pass
 * through), and every `milieu-*` event has a typed `on…` callback.
 *
 * Importing this entry registers all four elements; import `@milieu/react/<name>.js` to
 * register (and ship) only the one you use.
 *
 * @packageDocumentation
 */
export { ExpectationCard } from './expectation-card.js';
export { ScheduleBoard } from './schedule-board.js';
export { FeedbackForm } from './feedback-form.js';
export { AttendanceSheet } from './attendance-sheet.js';
export type {
  AttendanceChangeDetail,
  AttendanceSavedDetail,
  MilieuAttendanceChangeEvent,
  MilieuAttendanceSavedEvent,
  MilieuAttendanceSheet,
  DraftChangeDetail,
  FeedbackErrorDetail,
  FeedbackSavedDetail,
  FeedbackSubmitDetail,
  LoadErrorDetail,
  MilieuDraftChangeEvent,
  MilieuExpectationCard,
  MilieuFeedbackErrorEvent,
  MilieuFeedbackForm,
  MilieuFeedbackSavedEvent,
  MilieuFeedbackSubmitEvent,
  MilieuLoadErrorEvent,
  MilieuOccurrenceSelectEvent,
  MilieuRangeChangeEvent,
  MilieuRationaleToggleEvent,
  MilieuScheduleBoard,
  OccurrenceSelectDetail,
  RangeChangeDetail,
  RationaleToggleDetail,
} from '@milieu/elements';
