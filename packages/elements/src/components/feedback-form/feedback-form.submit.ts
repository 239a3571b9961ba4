import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  IDEMPOTENCY_KEY_HEADER,
  readFeedbackResponse,
  type FeedbackEntry,
  type RetryPolicy,
} from '@milieu/core';

/** Retry timing of the form: the core {@link RetryPolicy} plus a per-attempt timeout. */
export interface FeedbackRetryOptions extends RetryPolicy {
  /** Abort an attempt after this many ms and retry. Default 15 000. */
  timeoutMs: number;
}

/** The defaults of {@link FeedbackRetryOptions}. */
export const DEFAULT_RETRY: Readonly<FeedbackRetryOptions> = {
  ...DEFAULT_RETRY_POLICY,
  timeoutMs: 15_000,
};

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
 * POSTs an entry per the core HTTP contract, with the same `Idempotency-Key` on every attempt.
 * Network errors, timeouts and retryable statuses (5xx, 408, 429) are retried with capped
 * exponential backoff and jitter; while the browser is offline it waits for `online` without
 * spending attempts. A 2xx is saved; any other 4xx ends at once with the server's message.
 */
export async function postFeedback(o: PostOptions): Promise<PostResult> {
  const send = o.fetch;
  let attempts = 0;
  let failures = 0;
  for (;;) {
    if (!o.isOnline()) {
      o.onWait?.('offline', failures);
      await o.waitOnline();
    }
    attempts++;
    let status: number | null = null;
    let code: string;
    let message = '';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), o.retry.timeoutMs);
    try {
      const res = await send(o.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          [IDEMPOTENCY_KEY_HEADER]: o.idempotencyKey,
        },
        body: JSON.stringify(o.entry),
        credentials: 'same-origin',
        signal: abort.signal,
      });
      status = res.status;
      const body: unknown = await res.json().catch(() => undefined);
      const outcome = readFeedbackResponse(status, body);
      if (outcome.ok) return { ok: true, entry: outcome.entry ?? o.entry, status, attempts };
      ({ code, message } = outcome.error);
      if (!outcome.retryable)
        return { ok: false, status, code, message, retryable: false, attempts };
    } catch {
      code = abort.signal.aborted ? 'timeout' : 'network_error';
    } finally {
      clearTimeout(timer);
    }
    if (!o.isOnline()) continue; // lost the network: wait for it, this failure does not count
    failures++;
    if (failures >= o.retry.maxAttempts) {
      return { ok: false, status, code, message, retryable: true, attempts };
    }
    o.onWait?.('retry', failures);
    await o.sleep(backoffDelay(failures, o.retry, o.random()));
  }
}
