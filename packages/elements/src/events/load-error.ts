import type { Issue } from '@milieu/core';

/** `detail` of {@link MilieuLoadErrorEvent}. */
export interface LoadErrorDetail {
  /** What went wrong, in English, for logs (the element shows a localised message). */
  message: string;
  /** HTTP status when a `src` request answered with an error. */
  status?: number;
  /** Validation issues (JSON pointers) when the document was received but is invalid. */
  issues?: Issue[];
}

/**
 * Fired when a Milieu element cannot load or read its document: a failed request, a loader
 * that threw, a response that is not JSON, or a document with validation issues. Bubbles and
 * crosses shadow roots.
 */
export class MilieuLoadErrorEvent extends CustomEvent<LoadErrorDetail> {
  static readonly eventName = 'milieu-load-error';
  constructor(detail: LoadErrorDetail) {
    super(MilieuLoadErrorEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'milieu-load-error': MilieuLoadErrorEvent;
  }
}
