/**
 * Everything `@milieu/elements` exports for `<milieu-feedback-form>` (nothing is registered):
 * the class, its form-associated base, its events and option types.
 */
export { MilieuFeedbackForm } from './feedback-form.component.js';
export {
  DRAFT_STORAGES,
  FEEDBACK_FORM_SOURCES,
  type DraftStorage,
  type FeedbackFormSource,
  type SubmitState,
} from './feedback-form.types.js';
export { DEFAULT_RETRY, type FeedbackRetryOptions } from './feedback-form.submit.js';
export { MilieuFormAssociatedElement } from '../../internal/form-associated.js';
export {
  MilieuFeedbackSubmitEvent,
  type FeedbackSubmitDetail,
} from '../../events/feedback-submit.js';
export { MilieuFeedbackSavedEvent, type FeedbackSavedDetail } from '../../events/feedback-saved.js';
export { MilieuFeedbackErrorEvent, type FeedbackErrorDetail } from '../../events/feedback-error.js';
export { MilieuDraftChangeEvent, type DraftChangeDetail } from '../../events/draft-change.js';
export { MilieuLoadErrorEvent, type LoadErrorDetail } from '../../events/load-error.js';
