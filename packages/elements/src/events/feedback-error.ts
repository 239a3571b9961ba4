/** `detail` of {@link MilieuFeedbackErrorEvent}. */
export interface FeedbackErrorDetail {
  /** The HTTP status, or `null` for a network error or timeout. */
  status: number | null;
  /** The server's error code (`invalid_entry`, …), `network_error` or `timeout`. */
  code: string;
  /** The server's message for people, or `''`. Shown as text, never as HTML. */
  message: string;
  /** Whether sending again unchanged may work (network errors, 5xx). A 4xx needs a change first. */
  retryable: boolean;
  /** Attempts made. */
  attempts: number;
}

/**
 * Fired by `<milieu-feedback-form>` when saving failed for good: a 4xx, or network errors and
 * 5xx after the last automatic retry. The draft is kept. Bubbles and crosses shadow roots.
 */
export class MilieuFeedbackErrorEvent extends CustomEvent<FeedbackErrorDetail> {
  static readonly eventName = 'milieu-feedback-error';
  constructor(detail: FeedbackErrorDetail) {
    super(MilieuFeedbackErrorEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'milieu-feedback-error': MilieuFeedbackErrorEvent;
  }
}
