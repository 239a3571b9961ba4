/**
 * Registers `<milieu-schedule-board>`. Importing this module is the only
 * side effect; import `@milieu/elements` for the class without registering.
 */
import { defineElement } from '../../internal/milieu-element.js';
import { MilieuScheduleBoard } from './schedule-board.component.js';

export { MilieuScheduleBoard };
export { SCHEDULE_VIEWS, type ScheduleView, type ScheduleLoader } from './schedule-board.types.js';

defineElement('milieu-schedule-board', MilieuScheduleBoard);

declare global {
  interface HTMLElementTagNameMap {
    'milieu-schedule-board': MilieuScheduleBoard;
  }
}
