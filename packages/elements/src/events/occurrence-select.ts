import type { ActivityKind } from '@milieu/core';

/** `detail` of {@link MilieuOccurrenceSelectEvent}: plain values, safe to log or send. */
export interface OccurrenceSelectDetail {
  /** Stable occurrence id, `routineId@originalDate`. */
  id: string;
  /** The routine's id. */
  routineId: string;
  /** Start, ISO 8601 with the program zone's offset. */
  start: string;
  /** End, ISO 8601 with the program zone's offset. */
  end: string;
  /** Activity kind. */
  kind: ActivityKind;
  /** Title as shown (after a `changed` exception). */
  title: string;
  /** `scheduled`, `cancelled`, `moved` or `changed`. */
  status: 'scheduled' | 'cancelled' | 'moved' | 'changed';
}

/**
 * Fired by `<milieu-schedule-board>` when the user selects an occurrence (click, Enter or
 * Space). Bubbles and crosses shadow roots. Never fired for programmatic changes.
 */
export class MilieuOccurrenceSelectEvent extends CustomEvent<OccurrenceSelectDetail> {
  static readonly eventName = 'milieu-occurrence-select';
  constructor(detail: OccurrenceSelectDetail) {
    super(MilieuOccurrenceSelectEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'milieu-occurrence-select': MilieuOccurrenceSelectEvent;
  }
}
