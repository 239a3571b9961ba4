/**
 * Registers `<milieu-attendance-sheet>`. Importing this module is the only
 * side effect; import `@milieu/elements` for the class without registering.
 */
import { defineElement } from '../../internal/milieu-element.js';
import { MilieuAttendanceSheet } from './attendance-sheet.component.js';

export { MilieuAttendanceSheet };

defineElement('milieu-attendance-sheet', MilieuAttendanceSheet);

declare global {
  interface HTMLElementTagNameMap {
    'milieu-attendance-sheet': MilieuAttendanceSheet;
  }
}
