/**
 * The one lossless save path of our elements: idempotent POSTs whose `Idempotency-Key` stays the
 * same across retries and reloads, retried with capped backoff and jitter on network errors,
 * timeouts and retryable statuses (5xx, 408, 429), waiting while the browser is offline without
 * spending attempts, and "saved" only after a 2xx. {@link postIdempotent} is one request;
 * {@link SaveQueue} keeps many (one per item, the latest change wins) and, with
 * `storage: 'session'`, survives a reload in `sessionStorage`.
 *
 * The feedback form and the attendance sheet both save through it.
 *
 * @internal
 * @module
 */
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  IDEMPOTENCY_KEY_HEADER,
  isRetryableStatus,
  type RetryPolicy,
} from '@milieu/core';

/** Retry timing: the core {@link RetryPolicy} plus a per-attempt timeout. */
export interface SaveRetryOptions extends RetryPolicy {
  /** Abort an attempt after this many ms and retry. Default 15 000. */
  timeoutMs: number;
}

/** The defaults of {@link SaveRetryOptions}. */
export const DEFAULT_SAVE_RETRY: Readonly<SaveRetryOptions> = {
  ...DEFAULT_RETRY_POLICY,
  timeoutMs: 15_000,
};

/** A UUID (`crypto.randomUUID` where available, so also outside secure contexts). */
export const uuid = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join('');

/** Whether the browser says it is online (always `true` outside browsers). */
export const isOnline = (): boolean => (typeof navigator === 'undefined' ? true : navigator.onLine);

/** Resolves at the next `online` event. */
export const waitOnline = (): Promise<void> =>
  new Promise((resolve) => globalThis.addEventListener('online', () => resolve(), { once: true }));

/** How a response reads: saved (with a value), or an error (retryable or not). */
export type ResponseReading<T> =
  | { ok: true; value: T }
  | { ok: false; retryable: boolean; error: { code: string; message: string } };

/**
 * Reads a response of our HTTP contract: a 2xx is saved (`value` from `pick`, or `undefined`);
 * otherwise the `ErrorBody`'s code and message, retryable per `isRetryableStatus`.
 *
 * @param status - the HTTP status
 * @param body - the parsed JSON body, if any
 * @param pick - reads the saved value out of a 2xx body
 */
export function readContractResponse<T>(
  status: number,
  body: unknown,
  pick: (body: unknown) => T,
): ResponseReading<T> {
  if (status >= 200 && status < 300) return { ok: true, value: pick(body) };
  // The contract's ErrorBody, read by hand: no schema module in every widget's bundle.
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const error =
    typeof e?.code === 'string' && typeof e.message === 'string'
      ? { code: e.code, message: e.message }
      : { code: status >= 500 ? 'server_error' : 'http_' + status, message: '' };
  return { ok: false, retryable: isRetryableStatus(status), error };
}

/** Everything {@link postIdempotent} needs; the clock, randomness and network are injectable. */
export interface IdempotentPostOptions<T> {
  url: string;
  /** The JSON body, identical on every attempt. */
  body: unknown;
  idempotencyKey: string;
  fetch: typeof fetch;
  retry: SaveRetryOptions;
  /** Reads a response (see {@link readContractResponse}). */
  read: (status: number, body: unknown) => ResponseReading<T>;
  isOnline: () => boolean;
  /** Resolves when the browser is back online. */
  waitOnline: () => Promise<void>;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Told when the loop waits: for the network to come back, or before a retry. */
  onWait?: (reason: 'offline' | 'retry', failures: number) => void;
}

/** How {@link postIdempotent} ended. */
export type IdempotentPostResult<T> =
  | { ok: true; value: T; status: number; attempts: number }
  | {
      ok: false;
      status: number | null;
      code: string;
      message: string;
      retryable: boolean;
      attempts: number;
    };

/**
 * POSTs a body with the same `Idempotency-Key` on every attempt. Network errors, timeouts and
 * retryable statuses are retried with capped exponential backoff and jitter; while offline it
 * waits for `online` without spending attempts. A 2xx is saved; any other 4xx ends at once with
 * the server's message.
 */
export async function postIdempotent<T>(
  o: IdempotentPostOptions<T>,
): Promise<IdempotentPostResult<T>> {
  let attempts = 0;
  let failures = 0;
  const payload = JSON.stringify(o.body);
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
      const res = await o.fetch(o.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          [IDEMPOTENCY_KEY_HEADER]: o.idempotencyKey,
        },
        body: payload,
        credentials: 'same-origin',
        signal: abort.signal,
      });
      status = res.status;
      const body: unknown = await res.json().catch(() => undefined);
      const outcome = o.read(status, body);
      if (outcome.ok) return { ok: true, value: outcome.value, status, attempts };
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

/** Where a {@link SaveQueue} keeps unsaved changes: memory only, or `sessionStorage` too. */
export type QueueStorage = 'memory' | 'session';

/** One unsaved change: an item's latest body and the key it goes out under. */
export interface QueuedRequest {
  /** The item (e.g. `occurrenceId participantId`): a newer change replaces an older one. */
  item: string;
  body: unknown;
  idempotencyKey: string;
}

/** The state of an item in a {@link SaveQueue}. */
export type QueuedState = 'queued' | 'saving' | 'retrying' | 'offline' | 'saved' | 'failed';

/** What a {@link SaveQueue} reports about an item. */
export interface QueueReport<T> {
  item: string;
  state: QueuedState;
  body: unknown;
  /** The saved value (state `saved`). */
  value?: T;
  /** The HTTP status of the last answer, if any. */
  status?: number | null;
  /** Why it failed (state `failed`). */
  error?: { code: string; message: string; retryable: boolean };
}

/** Options of a {@link SaveQueue}. */
export interface SaveQueueOptions<T> {
  /** Where to POST (read at each send). */
  url: () => string;
  fetch: () => typeof fetch;
  retry: () => SaveRetryOptions;
  read: (status: number, body: unknown) => ResponseReading<T>;
  /** Storage key of the queue in `sessionStorage` (with `storage() === 'session'`). */
  storageKey: () => string;
  storage: () => QueueStorage;
  /** Told of every state change of an item. */
  onReport: (report: QueueReport<T>) => void;
  /** Requests in flight at once (each item is sent one change at a time). Default 4. */
  concurrency?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  isOnline?: () => boolean;
  waitOnline?: () => Promise<void>;
}

const memoryQueues = new Map<string, QueuedRequest[]>();

function session(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // sandboxed frames throw on access
  }
}

function reviveQueue(text: string | null | undefined): QueuedRequest[] {
  if (!text) return [];
  try {
    const raw: unknown = JSON.parse(text);
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (r): r is QueuedRequest =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as QueuedRequest).item === 'string' &&
        typeof (r as QueuedRequest).idempotencyKey === 'string' &&
        /^[\x21-\x7e]{1,255}$/.test((r as QueuedRequest).idempotencyKey) &&
        'body' in r,
    );
  } catch {
    return [];
  }
}

/**
 * A queue of idempotent requests, one per item: enqueueing a change for an item that has one
 * waiting replaces it (latest wins); a change for an item in flight waits for that request to
 * end, so the server always applies an item's changes in order. Each change gets its own
 * `Idempotency-Key` once, kept through retries and, with `storage: 'session'`, through a reload
 * ({@link SaveQueue.resume} resends what was not confirmed). A request leaves the queue only on
 * a 2xx or a non-retryable 4xx.
 */
export class SaveQueue<T> {
  private pending: QueuedRequest[] = [];
  private readonly inFlight = new Map<string, QueuedRequest>();
  /** Changes that ran out of attempts (retryable): kept, with their keys, for a later retry. */
  private readonly stalled = new Map<string, QueuedRequest>();
  private idle: (() => void)[] = [];

  constructor(private readonly o: SaveQueueOptions<T>) {}

  /** Changes not yet confirmed (in flight, waiting or stalled), oldest first. */
  get unsaved(): QueuedRequest[] {
    return [...this.inFlight.values(), ...this.pending, ...this.stalled.values()];
  }

  /** Whether nothing waits or is in flight (stalled changes wait for {@link retryFailed}). */
  get settled(): boolean {
    return this.pending.length === 0 && this.inFlight.size === 0;
  }

  private persist(): void {
    const key = this.o.storageKey();
    const list = this.unsaved;
    if (list.length === 0) memoryQueues.delete(key);
    else memoryQueues.set(key, list);
    try {
      if (this.o.storage() === 'session' && list.length > 0)
        session()?.setItem(key, JSON.stringify(list));
      else session()?.removeItem(key);
    } catch {
      // Quota or privacy mode: the memory copy still holds the queue.
    }
  }

  /**
   * Queues a change for an item (under a fresh key) and starts sending.
   *
   * @param item - the item the change is for
   * @param body - the JSON body
   */
  enqueue(item: string, body: unknown): QueuedRequest {
    const request = { item, body, idempotencyKey: uuid() };
    this.pending = [...this.pending.filter((r) => r.item !== item), request];
    this.stalled.delete(item);
    this.persist();
    this.o.onReport({ item, state: 'queued', body });
    this.pump();
    return request;
  }

  /**
   * Takes back the changes a previous page left unsaved (same keys) and sends them again.
   *
   * @returns the restored requests
   */
  resume(): QueuedRequest[] {
    const key = this.o.storageKey();
    const kept =
      memoryQueues.get(key) ??
      (this.o.storage() === 'session' ? reviveQueue(session()?.getItem(key)) : []);
    const known = new Set(this.unsaved.map((r) => r.item));
    const restored = kept.filter((r) => !known.has(r.item));
    this.pending.push(...restored);
    this.persist();
    for (const r of restored) this.o.onReport({ item: r.item, state: 'queued', body: r.body });
    this.pump();
    return restored;
  }

  /** Sends again, under their keys, the changes that ran out of attempts. */
  retryFailed(): void {
    this.pending.push(...this.stalled.values());
    this.stalled.clear();
    this.pump();
  }

  /** Resolves once nothing waits or is in flight. */
  whenSettled(): Promise<void> {
    return this.settled ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    const limit = this.o.concurrency ?? 4;
    for (const request of [...this.pending]) {
      if (this.inFlight.size >= limit) break;
      if (this.inFlight.has(request.item)) continue;
      this.pending = this.pending.filter((r) => r !== request);
      this.inFlight.set(request.item, request);
      void this.send(request);
    }
    if (this.settled) for (const resolve of this.idle.splice(0)) resolve();
  }

  private async send(request: QueuedRequest): Promise<void> {
    const { item, body } = request;
    this.o.onReport({ item, state: 'saving', body });
    const r = await postIdempotent<T>({
      url: this.o.url(),
      body,
      idempotencyKey: request.idempotencyKey,
      fetch: this.o.fetch(),
      retry: this.o.retry(),
      read: this.o.read,
      isOnline: this.o.isOnline ?? isOnline,
      waitOnline: this.o.waitOnline ?? waitOnline,
      sleep: this.o.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      random: this.o.random ?? Math.random,
      onWait: (reason) =>
        this.o.onReport({ item, state: reason === 'offline' ? 'offline' : 'retrying', body }),
    });
    this.inFlight.delete(item);
    const superseded = this.pending.some((p) => p.item === item);
    if (!r.ok && r.retryable && !superseded) this.stalled.set(item, request);
    this.persist();
    if (r.ok) {
      if (!superseded)
        this.o.onReport({ item, state: 'saved', body, value: r.value, status: r.status });
    } else {
      this.o.onReport({
        item,
        state: 'failed',
        body,
        status: r.status,
        error: { code: r.code, message: r.message, retryable: r.retryable },
      });
    }
    this.pump();
  }
}

/** Forgets every in-memory queue (tests use it to simulate a reload). */
export function clearMemoryQueues(): void {
  memoryQueues.clear();
}
