import type { FeedbackEntry } from '@milieu/core';

/** `detail` of {@link MilieuFeedbackSavedEvent}. */
export interface FeedbackSavedDetail {
  /** The stored entry (the server's copy when it returned one). */
  entry: FeedbackEntry;
  /** The HTTP status (2xx), or `null` when the host reported the save with `markSaved()`. */
  status: number | null;
}

/**
 * Fired by `<milieu-feedback-form>` once an entry is confirmed saved (a 2xx response, or the
 * host called `markSaved()`). The draft is cleared. Bubbles and crosses shadow roots.
 */
export class MilieuFeedbackSavedEvent extends CustomEvent<FeedbackSavedDetail> {
  static readonly eventName = 'milieu-feedback-saved';
  constructor(detail: FeedbackSavedDetail) {
    super(MilieuFeedbackSavedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'milieu-feedback-saved': MilieuFeedbackSavedEvent;
  }
}
