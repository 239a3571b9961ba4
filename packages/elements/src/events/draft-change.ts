import type { FeedbackValue } from '@milieu/core';

/** `detail` of {@link MilieuDraftChangeEvent}. */
export interface DraftChangeDetail {
  /** The draft's key (scoped by source, subject and author). */
  key: string;
  /** The values as typed, by template item id; `{}` when the draft was cleared. */
  values: Record<string, FeedbackValue>;
  /** Whether the writer chose to stay anonymous. */
  anonymous: boolean;
  /** Where the draft is kept: `memory`, or `session` (`sessionStorage`). */
  storage: 'memory' | 'session';
}

/**
 * Fired by `<milieu-feedback-form>` when the user changes the draft, or when it is cleared
 * after a confirmed save. Programmatic changes fire nothing. Bubbles and crosses shadow roots.
 */
export class MilieuDraftChangeEvent extends CustomEvent<DraftChangeDetail> {
  static readonly eventName = 'milieu-draft-change';
  constructor(detail: DraftChangeDetail) {
    super(MilieuDraftChangeEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'milieu-draft-change': MilieuDraftChangeEvent;
  }
}
