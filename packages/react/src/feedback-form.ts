import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '@milieu/elements/feedback-form.js';
import {
  MilieuFeedbackForm,
  type MilieuDraftChangeEvent,
  type MilieuFeedbackErrorEvent,
  type MilieuFeedbackSavedEvent,
  type MilieuFeedbackSubmitEvent,
  type MilieuLoadErrorEvent,
} from '@milieu/elements';

/**
 * `<milieu-feedback-form>` for React. Every element property is a prop, set as a property
 * (`contextSrc`, `context`, `document`, `values`, `template`, `fetcher`, `retry`, `source`, `subject`, `author`,
 * `action`…), and each event has a typed callback:
 *
 * - `onFeedbackSubmit` — `milieu-feedback-submit`, cancelable: call `e.preventDefault()` to save
 *   the entry yourself (nothing is POSTed), then `ref.current.markSaved(entry)`
 * - `onFeedbackSaved` — `milieu-feedback-saved`, `e.detail: { entry, status }`
 * - `onFeedbackError` — `milieu-feedback-error`, `e.detail: { status, code, message, retryable, attempts }`
 * - `onDraftChange` — `milieu-draft-change`, `e.detail: { key, values, anonymous, storage }`
 * - `onInput` / `onChange` — the element's native `input` and `change` events (user actions only)
 *
 * Importing it registers `<milieu-feedback-form>`.
 *
 * @example
 * ```tsx
 * <FeedbackForm source="peer" subject="p-12" author="p-7" document={doc}
 *   action="/api/v1/feedback" onFeedbackSaved={() => toast('Saved')} />
 * ```
 */
export const FeedbackForm = createComponent({
  tagName: 'milieu-feedback-form',
  elementClass: MilieuFeedbackForm,
  react: React,
  events: {
    onFeedbackSubmit: 'milieu-feedback-submit' as EventName<MilieuFeedbackSubmitEvent>,
    onFeedbackSaved: 'milieu-feedback-saved' as EventName<MilieuFeedbackSavedEvent>,
    onFeedbackError: 'milieu-feedback-error' as EventName<MilieuFeedbackErrorEvent>,
    onDraftChange: 'milieu-draft-change' as EventName<MilieuDraftChangeEvent>,
    onLoadError: 'milieu-load-error' as EventName<MilieuLoadErrorEvent>,
    onInput: 'input' as EventName<InputEvent>,
    onChange: 'change' as EventName<Event>,
  },
  displayName: 'FeedbackForm',
});
