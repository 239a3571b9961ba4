import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '@milieu/elements/attendance-sheet.js';
import {
  MilieuAttendanceSheet,
  type MilieuAttendanceChangeEvent,
  type MilieuAttendanceSavedEvent,
  type MilieuLoadErrorEvent,
} from '@milieu/elements';

/**
 * `<milieu-attendance-sheet>` for React. Every element property is a prop, set as a property
 * (`occurrenceId`, `src`, `loader`, `action`, `draftStorage`, `fetcher`, `retry`, `now`,
 * `locale`), and each event has a typed callback:
 *
 * - `onAttendanceChange` — `milieu-attendance-change`, cancelable: `e.preventDefault()` keeps
 *   the previous value and saves nothing; `e.detail: { occurrenceId, participantId, status, note? }`
 * - `onAttendanceSaved` — `milieu-attendance-saved`, `e.detail: { record, status }`
 * - `onLoadError` — `milieu-load-error`, `e.detail: { message, status? }`
 *
 * Importing it registers `<milieu-attendance-sheet>`.
 *
 * @example
 * ```tsx
 * <AttendanceSheet src="/api/v1/occurrences" action="/api/v1/attendance"
 *   occurrenceId="skills@2026-03-10" draftStorage="session" />
 * ```
 */
export const AttendanceSheet = createComponent({
  tagName: 'milieu-attendance-sheet',
  elementClass: MilieuAttendanceSheet,
  react: React,
  events: {
    onAttendanceChange: 'milieu-attendance-change' as EventName<MilieuAttendanceChangeEvent>,
    onAttendanceSaved: 'milieu-attendance-saved' as EventName<MilieuAttendanceSavedEvent>,
    onLoadError: 'milieu-load-error' as EventName<MilieuLoadErrorEvent>,
  },
  displayName: 'AttendanceSheet',
});
