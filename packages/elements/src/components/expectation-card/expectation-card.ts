/**
 * Registers `<milieu-expectation-card>`. Importing this module is the only
 * side effect; import `@milieu/elements` for the class without registering.
 */
import { defineElement } from '../../internal/milieu-element.js';
import {
  MilieuRationaleToggleEvent,
  type RationaleToggleDetail,
} from '../../events/rationale-toggle.js';
import { MilieuExpectationCard } from './expectation-card.component.js';

export { MilieuExpectationCard };
export type { ExpectationCardData } from './expectation-card.component.js';

export { MilieuRationaleToggleEvent };
export type { RationaleToggleDetail };

defineElement('milieu-expectation-card', MilieuExpectationCard);

declare global {
  interface HTMLElementTagNameMap {
    'milieu-expectation-card': MilieuExpectationCard;
  }
  /**
   * Its events, typed wherever this module is imported: `addEventListener` on the element, the
   * document or any node (`HTMLElementEventMap` extends this map) gives `e.detail` its type.
   */
  interface GlobalEventHandlersEventMap {
    'milieu-rationale-toggle': MilieuRationaleToggleEvent;
  }
}
