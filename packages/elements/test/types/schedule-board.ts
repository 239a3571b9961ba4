// Importing only the tag module types the tag AND its events (checked by check-event-types.mjs
// against the built .d.ts, one fixture per program, so no other module's augmentation helps).
import { expectTypeOf } from 'vitest';
import '@milieu/elements/schedule-board.js';
import type {
  MilieuLoadErrorEvent,
  MilieuOccurrenceSelectEvent,
  MilieuRangeChangeEvent,
} from '@milieu/elements/schedule-board.js';
import { type MilieuScheduleBoard } from '@milieu/elements/schedule-board.js';

const board = document.createElement('milieu-schedule-board');
expectTypeOf(board).toEqualTypeOf<MilieuScheduleBoard>();
board.addEventListener('milieu-occurrence-select', (e) => {
  expectTypeOf(e).toEqualTypeOf<MilieuOccurrenceSelectEvent>();
  expectTypeOf(e.detail.routineId).toEqualTypeOf<string>();
});
board.addEventListener('milieu-range-change', (e) => {
  expectTypeOf(e).toEqualTypeOf<MilieuRangeChangeEvent>();
  expectTypeOf(e.detail.from).toEqualTypeOf<string>();
});
document.addEventListener('milieu-load-error', (e) => {
  expectTypeOf(e).toEqualTypeOf<MilieuLoadErrorEvent>();
  expectTypeOf(e.detail.message).toEqualTypeOf<string>();
});
expectTypeOf<
  HTMLElementEventMap['milieu-occurrence-select']
>().toEqualTypeOf<MilieuOccurrenceSelectEvent>();
// Control: the form's events are not typed by the board's module.
board.addEventListener('milieu-feedback-saved', (e) => {
  // @ts-expect-error -- a plain Event has no detail
  void e.detail;
});
