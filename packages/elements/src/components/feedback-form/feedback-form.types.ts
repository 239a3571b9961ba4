import { FEEDBACK_MODES, type FeedbackMode } from '@milieu/core';

/** Values of the `source` attribute: who writes about whom. */
export const FEEDBACK_FORM_SOURCES = FEEDBACK_MODES;
/** A value of the `source` attribute. */
export type FeedbackFormSource = FeedbackMode;

/** Values of the `draft-storage` attribute. `memory` keeps personal data out of storage. */
export const DRAFT_STORAGES = ['memory', 'session'] as const;
/** Where drafts are kept: `memory` (default) or `session` (`sessionStorage`, never `localStorage`). */
export type DraftStorage = (typeof DRAFT_STORAGES)[number];

/** What the form is doing; each is also a custom state except `idle`. */
export const SUBMIT_STATES = ['idle', 'pending', 'offline', 'saved', 'error'] as const;
/** What the form is doing (see {@link SUBMIT_STATES}). */
export type SubmitState = (typeof SUBMIT_STATES)[number];
