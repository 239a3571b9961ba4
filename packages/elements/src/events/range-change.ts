/** `detail` of {@link MilieuRangeChangeEvent}. */
export interface RangeChangeDetail {
  /** First instant shown (local midnight in the program's zone), ISO 8601 with offset. */
  from: string;
  /** End of the range (exclusive), ISO 8601 with offset. */
  to: string;
  /** The view now shown: `day`, `week`, `agenda`, `now` or `print`. */
  view: string;
  /** The anchor date now shown, `YYYY-MM-DD` in the program's zone. */
  date: string;
}

/**
 * Fired by `<milieu-schedule-board>` when the user changes the shown range or view (previous,
 * next, today, the view switcher, PageUp/PageDown past the edge). Programmatic changes of
 * `date` or `view` fire nothing. Bubbles and crosses shadow roots.
 */
export class MilieuRangeChangeEvent extends CustomEvent<RangeChangeDetail> {
  static readonly eventName = 'milieu-range-change';
  constructor(detail: RangeChangeDetail) {
    super(MilieuRangeChangeEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'milieu-range-change': MilieuRangeChangeEvent;
  }
}
