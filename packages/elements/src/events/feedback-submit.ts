import type { FeedbackEntry } from '@milieu/core';

/** `detail` of {@link MilieuFeedbackSubmitEvent}. */
export interface FeedbackSubmitDetail {
  /** The validated entry, as it will be POSTed (it passes `FeedbackEntrySchema`). */
  entry: FeedbackEntry;
  /** The `Idempotency-Key` of this entry: the same for every retry of it. */
  idempotencyKey: string;
}

/**
 * Fired by `<milieu-feedback-form>` when the user submits a valid entry, before anything is
 * sent. Cancelable: call `preventDefault()` to handle saving yourself (nothing is POSTed);
 * call the form's `markSaved()` once it is stored. Bubbles and crosses shadow roots.
 */
export class MilieuFeedbackSubmitEvent extends CustomEvent<FeedbackSubmitDetail> {
  static readonly eventName = 'milieu-feedback-submit';
  constructor(detail: FeedbackSubmitDetail) {
    super(MilieuFeedbackSubmitEvent.eventName, {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail,
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'milieu-feedback-submit': MilieuFeedbackSubmitEvent;
  }
}
