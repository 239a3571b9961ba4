/**
 * Registers `<milieu-schedule-board>`. Importing this module is the only
 * side effect; import `@milieu/elements` for the class without registering.
 */
import { defineElement } from '../../internal/milieu-element.js';
import {
  MilieuOccurrenceSelectEvent,
  type OccurrenceSelectDetail,
} from '../../events/occurrence-select.js';
import { MilieuRangeChangeEvent, type RangeChangeDetail } from '../../events/range-change.js';
import { MilieuLoadErrorEvent, type LoadErrorDetail } from '../../events/load-error.js';
import { MilieuScheduleBoard } from './schedule-board.component.js';

export { MilieuScheduleBoard };
export { SCHEDULE_VIEWS, type ScheduleView, type ScheduleLoader } from './schedule-board.types.js';

export { MilieuOccurrenceSelectEvent, MilieuRangeChangeEvent, MilieuLoadErrorEvent };
export type { OccurrenceSelectDetail, RangeChangeDetail, LoadErrorDetail };

defineElement('milieu-schedule-board', MilieuScheduleBoard);

declare global {
  interface HTMLElementTagNameMap {
    'milieu-schedule-board': MilieuScheduleBoard;
  }
  /**
   * Its events, typed wherever this module is imported: `addEventListener` on the element, the
   * document or any node (`HTMLElementEventMap` extends this map) gives `e.detail` its type.
   */
  interface GlobalEventHandlersEventMap {
    'milieu-occurrence-select': MilieuOccurrenceSelectEvent;
    'milieu-range-change': MilieuRangeChangeEvent;
    'milieu-load-error': MilieuLoadErrorEvent;
  }
}
