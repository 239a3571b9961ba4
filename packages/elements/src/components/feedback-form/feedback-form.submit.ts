import { readFeedbackResponse, type FeedbackEntry } from '@milieu/core';
import {
  DEFAULT_SAVE_RETRY,
  postIdempotent,
  type SaveRetryOptions,
} from '../../internal/lossless-save.js';

/** Retry timing of the form: the core `RetryPolicy` plus a per-attempt timeout. */
export type FeedbackRetryOptions = SaveRetryOptions;

/** The defaults of {@link FeedbackRetryOptions}. */
export const DEFAULT_RETRY: Readonly<FeedbackRetryOptions> = DEFAULT_SAVE_RETRY;

/** Everything {@link postFeedback} needs; the clock, randomness and network are injectable. */
export interface PostOptions {
  url: string;
  entry: FeedbackEntry;
  idempotencyKey: string;
  fetch: typeof fetch;
  retry: FeedbackRetryOptions;
  isOnline: () => boolean;
  /** Resolves when the browser is back online. */
  waitOnline: () => Promise<void>;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Told when the loop waits: for the network to come back, or before a retry. */
  onWait?: (reason: 'offline' | 'retry', failures: number) => void;
}

/** How {@link postFeedback} ended. */
export type PostResult =
  | { ok: true; entry: FeedbackEntry; status: number; attempts: number }
  | {
      ok: false;
      status: number | null;
      code: string;
      message: string;
      retryable: boolean;
      attempts: number;
    };

/**
 * POSTs an entry per the core HTTP contract, with the same `Idempotency-Key` on every attempt,
 * through the shared lossless save path (`internal/lossless-save.ts`): network errors, timeouts
 * and retryable statuses (5xx, 408, 429) are retried with capped exponential backoff and jitter;
 * while the browser is offline it waits for `online` without spending attempts. A 2xx is saved;
 * any other 4xx ends at once with the server's message.
 */
export async function postFeedback(o: PostOptions): Promise<PostResult> {
  const r = await postIdempotent<FeedbackEntry | undefined>({
    ...o,
    body: o.entry,
    read: (status, body) => {
      const outcome = readFeedbackResponse(status, body);
      return outcome.ok
        ? { ok: true, value: outcome.entry }
        : { ok: false, retryable: outcome.retryable, error: outcome.error };
    },
  });
  if (!r.ok) return r;
  return { ok: true, entry: r.value ?? o.entry, status: r.status, attempts: r.attempts };
}
