import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '@milieu/elements/schedule-board.js';
import {
  MilieuScheduleBoard,
  type MilieuLoadErrorEvent,
  type MilieuOccurrenceSelectEvent,
  type MilieuRangeChangeEvent,
} from '@milieu/elements';

/**
 * `<milieu-schedule-board>` for React. Every element property is a prop, set as a property
 * (`document`, `loader`, `view`, `date`, `participant`, `now`, `noControls`…), and each
 * `milieu-*` event has a typed callback:
 *
 * - `onOccurrenceSelect` — `milieu-occurrence-select`, `e.detail: { id, routineId, start, end, kind, title, status }`
 * - `onRangeChange` — `milieu-range-change`, `e.detail: { from, to, view, date }`
 * - `onLoadError` — `milieu-load-error`, `e.detail: { message, status?, issues? }`
 *
 * Importing it registers `<milieu-schedule-board>`.
 *
 * @example
 * ```tsx
 * <ScheduleBoard document={doc} view="week" onOccurrenceSelect={(e) => open(e.detail.id)} />
 * ```
 */
export const ScheduleBoard = createComponent({
  tagName: 'milieu-schedule-board',
  elementClass: MilieuScheduleBoard,
  react: React,
  events: {
    onOccurrenceSelect: 'milieu-occurrence-select' as EventName<MilieuOccurrenceSelectEvent>,
    onRangeChange: 'milieu-range-change' as EventName<MilieuRangeChangeEvent>,
    onLoadError: 'milieu-load-error' as EventName<MilieuLoadErrorEvent>,
  },
  displayName: 'ScheduleBoard',
});
