/**
 * Per-token rate limits: a token bucket per key (a token id, or the client address for
 * requests without a valid token), refilled continuously.
 *
 * @module
 */

/** Limits of {@link RateLimiter}. */
export interface RateLimitOptions {
  /** Sustained requests per minute per key; `0` turns limiting off. */
  perMinute: number;
  /** Requests allowed in a burst (the bucket size); default `max(10, perMinute / 6)`. */
  burst?: number;
}

/** The verdict for one request. */
export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Token buckets by key. */
export class RateLimiter {
  readonly #rate: number;
  readonly #burst: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  /** @param options - sustained rate and burst */
  constructor(options: RateLimitOptions) {
    this.#rate = options.perMinute / 60_000;
    this.#burst = options.burst ?? Math.max(10, Math.ceil(options.perMinute / 6));
  }

  /** Whether limiting is on. */
  get enabled(): boolean {
    return this.#rate > 0;
  }

  /**
   * Takes one request from `key`'s bucket.
   *
   * @param key - token id or client address
   * @param now - epoch ms
   */
  take(key: string, now: number): RateLimitVerdict {
    if (!this.enabled) return { ok: true };
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: now };
    bucket.tokens = Math.min(this.#burst, bucket.tokens + (now - bucket.at) * this.#rate);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.#remember(key, bucket, now);
      return { ok: true };
    }
    this.#remember(key, bucket, now);
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#rate / 1000)),
    };
  }

  #remember(key: string, bucket: { tokens: number; at: number }, now: number): void {
    if (!this.#buckets.has(key) && this.#buckets.size >= 50_000) {
      // Drop buckets that have refilled: they hold no state worth keeping.
      for (const [k, b] of this.#buckets) {
        if (b.tokens + (now - b.at) * this.#rate >= this.#burst) this.#buckets.delete(k);
      }
    }
    this.#buckets.set(key, bucket);
  }
}
