// Importing only the tag module types the tag AND its events (see check-event-types.mjs).
import { expectTypeOf } from 'vitest';
import '@milieu/elements/feedback-form.js';
import type {
  MilieuDraftChangeEvent,
  MilieuFeedbackErrorEvent,
  MilieuFeedbackSavedEvent,
  MilieuFeedbackSubmitEvent,
} from '@milieu/elements/feedback-form.js';
import { type MilieuFeedbackForm } from '@milieu/elements/feedback-form.js';

const form = document.createElement('milieu-feedback-form');
expectTypeOf(form).toEqualTypeOf<MilieuFeedbackForm>();
form.addEventListener('milieu-feedback-submit', (e) => {
  expectTypeOf(e).toEqualTypeOf<MilieuFeedbackSubmitEvent>();
  expectTypeOf(e.detail.idempotencyKey).toEqualTypeOf<string>();
});
form.addEventListener('milieu-feedback-saved', (e) => {
  expectTypeOf(e).toEqualTypeOf<MilieuFeedbackSavedEvent>();
  expectTypeOf(e.detail.status).toEqualTypeOf<number | null>();
});
form.addEventListener('milieu-feedback-error', (e) => {
  expectTypeOf(e).toEqualTypeOf<MilieuFeedbackErrorEvent>();
  expectTypeOf(e.detail.code).toEqualTypeOf<string>();
});
document.addEventListener('milieu-draft-change', (e) => {
  expectTypeOf(e).toEqualTypeOf<MilieuDraftChangeEvent>();
});
// Control: the board's events are not typed by the form's module.
form.addEventListener('milieu-occurrence-select', (e) => {
  // @ts-expect-error -- a plain Event has no detail
  void e.detail;
});
