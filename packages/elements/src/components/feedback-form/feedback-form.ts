/**
 * Registers `<milieu-feedback-form>`. Importing this module is the only
 * side effect; import `@milieu/elements` for the class without registering.
 */
import { defineElement } from '../../internal/milieu-element.js';
import {
  MilieuFeedbackSubmitEvent,
  type FeedbackSubmitDetail,
} from '../../events/feedback-submit.js';
import { MilieuFeedbackSavedEvent, type FeedbackSavedDetail } from '../../events/feedback-saved.js';
import { MilieuFeedbackErrorEvent, type FeedbackErrorDetail } from '../../events/feedback-error.js';
import { MilieuDraftChangeEvent, type DraftChangeDetail } from '../../events/draft-change.js';
import { MilieuFeedbackForm } from './feedback-form.component.js';

export { MilieuFeedbackForm };
export type { DraftStorage, FeedbackFormSource } from './feedback-form.types.js';
export type { FeedbackRetryOptions } from './feedback-form.submit.js';

export {
  MilieuFeedbackSubmitEvent,
  MilieuFeedbackSavedEvent,
  MilieuFeedbackErrorEvent,
  MilieuDraftChangeEvent,
};
export type { FeedbackSubmitDetail, FeedbackSavedDetail, FeedbackErrorDetail, DraftChangeDetail };

defineElement('milieu-feedback-form', MilieuFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'milieu-feedback-form': MilieuFeedbackForm;
  }
  /**
   * Its events, typed wherever this module is imported: `addEventListener` on the element, the
   * document or any node (`HTMLElementEventMap` extends this map) gives `e.detail` its type.
   */
  interface GlobalEventHandlersEventMap {
    'milieu-feedback-submit': MilieuFeedbackSubmitEvent;
    'milieu-feedback-saved': MilieuFeedbackSavedEvent;
    'milieu-feedback-error': MilieuFeedbackErrorEvent;
    'milieu-draft-change': MilieuDraftChangeEvent;
  }
}
