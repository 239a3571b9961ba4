/**
 * Registers `<milieu-feedback-form>`. Importing this module is the only
 * side effect; import `@milieu/elements` for the class without registering.
 */
import { defineElement } from '../../internal/milieu-element.js';
import { MilieuFeedbackForm } from './feedback-form.component.js';

export { MilieuFeedbackForm };
export type { DraftStorage, FeedbackFormSource } from './feedback-form.types.js';
export type { FeedbackRetryOptions } from './feedback-form.submit.js';

defineElement('milieu-feedback-form', MilieuFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'milieu-feedback-form': MilieuFeedbackForm;
  }
}
