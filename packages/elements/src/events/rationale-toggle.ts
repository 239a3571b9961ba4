/** `detail` of {@link MilieuRationaleToggleEvent}. */
export interface RationaleToggleDetail {
  /** The expectation's id, or `null` when the card was given plain attributes. */
  expectationId: string | null;
  /** Whether the rationale is now shown. */
  open: boolean;
}

/**
 * Fired by `<milieu-expectation-card>` when the user shows or hides an
 * expectation's rationale. Bubbles and crosses shadow roots.
 */
export class MilieuRationaleToggleEvent extends CustomEvent<RationaleToggleDetail> {
  static readonly eventName = 'milieu-rationale-toggle';
  constructor(detail: RationaleToggleDetail) {
    super(MilieuRationaleToggleEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'milieu-rationale-toggle': MilieuRationaleToggleEvent;
  }
}
