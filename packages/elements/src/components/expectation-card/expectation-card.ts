/**
 * Registers `<milieu-expectation-card>`. Importing this module is the only
 * side effect; import `@milieu/elements` for the class without registering.
 */
import { defineElement } from '../../internal/milieu-element.js';
import { MilieuExpectationCard } from './expectation-card.component.js';

export { MilieuExpectationCard };
export type { ExpectationCardData } from './expectation-card.component.js';

defineElement('milieu-expectation-card', MilieuExpectationCard);

declare global {
  interface HTMLElementTagNameMap {
    'milieu-expectation-card': MilieuExpectationCard;
  }
}
