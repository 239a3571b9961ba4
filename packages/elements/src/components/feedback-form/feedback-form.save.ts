import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedbackEntry } from '@milieu/core';
import { MilieuFeedbackErrorEvent } from '../../events/feedback-error.js';
import { MilieuFeedbackSavedEvent } from '../../events/feedback-saved.js';
import { MilieuFeedbackSubmitEvent } from '../../events/feedback-submit.js';
import type { FeedbackDraft } from './feedback-form.drafts.js';
import { DEFAULT_RETRY, postFeedback, type FeedbackRetryOptions } from './feedback-form.submit.js';
import type { SubmitState } from './feedback-form.types.js';
import { isOnline, uuid, waitOnline } from '../../internal/lossless-save.js';

/** What the save controller reads from its element. */
export interface SaveHost extends ReactiveControllerHost, EventTarget {
  action: string;
  fetcher: typeof fetch | null;
  retry: Partial<FeedbackRetryOptions>;
}

/** Why the last save failed, for the element to word. */
export interface SaveFailure {
  retryable: boolean;
  status: number | null;
  message: string;
}

/** How {@link FeedbackSaveController.save} ended. */
export type SaveOutcome = 'failed' | 'handed-off' | { entry: FeedbackEntry; status: number };

/** The entry's identity, kept with the draft so a reload resends the same request. */
export type EntryIdentity = Pick<
  FeedbackDraft,
  'entryId' | 'idempotencyKey' | 'createdAt' | 'sent'
>;

export { uuid };
const online = isOnline;

/**
 * Saving, as a reactive controller: connectivity, the entry's id and `Idempotency-Key`, the
 * cancelable submit event, the POST with retries, and the saved / error events. It never touches
 * the answers; the element clears or keeps them.
 */
export class FeedbackSaveController implements ReactiveController {
  state: SubmitState = 'idle';
  retrying = false;
  failure: SaveFailure | null = null;
  online = online();
  /** A save is in progress (between the submit event and its outcome). */
  busy = false;
  id: EntryIdentity = { entryId: uuid(), idempotencyKey: uuid() };

  constructor(private readonly host: SaveHost) {
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.onNetwork);
    globalThis.addEventListener('offline', this.onNetwork);
    this.online = online();
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.onNetwork);
    globalThis.removeEventListener('offline', this.onNetwork);
  }

  private readonly onNetwork = (): void => {
    this.online = online();
    this.host.requestUpdate();
  };

  private set(state: SubmitState, retrying = false): void {
    this.state = state;
    this.retrying = retrying;
    this.host.requestUpdate();
  }

  /** Takes the identity from a restored draft, or starts a new entry. */
  restore(draft?: EntryIdentity): void {
    this.id = draft ? { ...draft } : { entryId: uuid(), idempotencyKey: uuid() };
    this.failure = null;
  }

  /** The user changed an answer: once the key went out, the changed entry is a new request. */
  edited(): void {
    if (this.id.sent) this.id = { entryId: this.id.entryId, idempotencyKey: uuid() };
    if (this.state === 'saved') this.set('idle');
  }

  /** The entry's creation time, fixed at the first send so re-sends are identical. */
  stamp(): string {
    return (this.id.createdAt ??= new Date().toISOString());
  }

  /**
   * Fires `milieu-feedback-submit`; unless cancelled and when `action` is set, POSTs the entry.
   * `persist` is called whenever the identity changes, so the draft keeps it.
   *
   * @returns the stored entry and status once confirmed (call {@link saved} after clearing the
   *   answers), `failed`, or `handed-off` (cancelled or no `action`: the host saves it)
   */
  async save(entry: FeedbackEntry, persist: () => void): Promise<SaveOutcome> {
    this.busy = true;
    this.failure = null;
    try {
      const detail = { entry, idempotencyKey: this.id.idempotencyKey };
      if (!this.host.dispatchEvent(new MilieuFeedbackSubmitEvent(detail)) || !this.host.action) {
        return 'handed-off';
      }
      this.id = { ...this.id, sent: true };
      persist();
      this.set(this.online ? 'pending' : 'offline');
      const r = await postFeedback({
        url: this.host.action,
        entry,
        idempotencyKey: this.id.idempotencyKey,
        fetch: this.host.fetcher ?? globalThis.fetch.bind(globalThis),
        retry: { ...DEFAULT_RETRY, ...this.host.retry },
        isOnline: online,
        waitOnline,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        random: Math.random,
        onWait: (reason) =>
          this.set(reason === 'offline' ? 'offline' : 'pending', reason === 'retry'),
      });
      if (r.ok) return { entry: r.entry, status: r.status };
      // A 4xx was not stored: the corrected entry goes out under a fresh key.
      if (!r.retryable) this.id = { entryId: this.id.entryId, idempotencyKey: uuid() };
      persist();
      this.failure = { retryable: r.retryable, status: r.status, message: r.message };
      this.set('error');
      const { status, code, message, retryable, attempts } = r;
      this.host.dispatchEvent(
        new MilieuFeedbackErrorEvent({ status, code, message, retryable, attempts }),
      );
      return 'failed';
    } finally {
      this.busy = false;
    }
  }

  /** Marks the entry saved: a new entry (id and key) starts, and `milieu-feedback-saved` fires. */
  saved(entry: FeedbackEntry, status: number | null): void {
    this.restore();
    this.set('saved');
    this.host.dispatchEvent(new MilieuFeedbackSavedEvent({ entry, status }));
  }

  /** Back to idle (after a form reset). */
  reset(): void {
    this.failure = null;
    this.set('idle');
  }
}
