import type { AttendanceStatus } from '@milieu/core';

/** `detail` of {@link MilieuAttendanceChangeEvent} and {@link MilieuAttendanceSavedEvent}. */
export interface AttendanceChangeDetail {
  /** The occurrence, `routineId@YYYY-MM-DD`. */
  occurrenceId: string;
  participantId: string;
  status: AttendanceStatus;
  /** The short note, when there is one. */
  note?: string;
}

/**
 * Fired by `<milieu-attendance-sheet>` when staff set a member's status or note, before it is
 * shown or saved. Cancelable: `preventDefault()` keeps the previous value and saves nothing.
 * Bubbles and crosses shadow roots.
 */
export class MilieuAttendanceChangeEvent extends CustomEvent<AttendanceChangeDetail> {
  static readonly eventName = 'milieu-attendance-change';
  constructor(detail: AttendanceChangeDetail) {
    super(MilieuAttendanceChangeEvent.eventName, {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail,
    });
  }
}

/** `detail` of {@link MilieuAttendanceSavedEvent}. */
export interface AttendanceSavedDetail {
  /** The record as the server stored it (its 2xx answer, or what was sent). */
  record: AttendanceChangeDetail;
  /** The HTTP status (2xx). */
  status: number;
}

/**
 * Fired by `<milieu-attendance-sheet>` once one change is confirmed stored (a 2xx answer).
 * Bubbles and crosses shadow roots.
 */
export class MilieuAttendanceSavedEvent extends CustomEvent<AttendanceSavedDetail> {
  static readonly eventName = 'milieu-attendance-saved';
  constructor(detail: AttendanceSavedDetail) {
    super(MilieuAttendanceSavedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'milieu-attendance-change': MilieuAttendanceChangeEvent;
    'milieu-attendance-saved': MilieuAttendanceSavedEvent;
  }
}
