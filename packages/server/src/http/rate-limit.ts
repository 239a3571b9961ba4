/**
 * Per-token rate limits: a token bucket per key (a token id, or the client address for
 * requests without a valid token), refilled continuously. At most `maxKeys` buckets are kept
 * (50 000 by default, about 10 MiB): refilled ones go first, then the least recently used.
 *
 * @module
 */

/** Limits of {@link RateLimiter}. */
export interface RateLimitOptions {
  /** Sustained requests per minute per key; `0` turns limiting off. */
  perMinute: number;
  /** Requests allowed in a burst (the bucket size); default `max(10, perMinute / 6)`. */
  burst?: number;
  /**
   * Most keys (tokens and client addresses) tracked; default {@link MAX_RATE_LIMIT_KEYS}. At
   * about 200 bytes a bucket, 50 000 keys hold about 10 MiB.
   */
  maxKeys?: number;
}

/** The default most keys a {@link RateLimiter} tracks. */
export const MAX_RATE_LIMIT_KEYS = 50_000;

/** The verdict for one request. */
export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Token buckets by key. */
export class RateLimiter {
  readonly #rate: number;
  readonly #burst: number;
  readonly #maxKeys: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  /** @param options - sustained rate, burst and most keys tracked */
  constructor(options: RateLimitOptions) {
    this.#maxKeys = options.maxKeys ?? MAX_RATE_LIMIT_KEYS;
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
    // Most recently used last, so the oldest are first when the map must shrink.
    this.#buckets.delete(key);
    if (this.#buckets.size >= this.#maxKeys) {
      // Drop buckets that have refilled: they hold no state worth keeping.
      for (const [k, b] of this.#buckets) {
        if (b.tokens + (now - b.at) * this.#rate >= this.#burst) this.#buckets.delete(k);
      }
      // Still too many active keys: drop the least recently used down to 90 %, so the next
      // sweep is at least a tenth of the map away (amortised O(1) per new key). A dropped key
      // starts again with a full bucket.
      const target = Math.floor(this.#maxKeys * 0.9);
      for (const k of this.#buckets.keys()) {
        if (this.#buckets.size <= target) break;
        this.#buckets.delete(k);
      }
    }
    this.#buckets.set(key, bucket);
  }

  /** Keys tracked now (at most `maxKeys`). */
  get size(): number {
    return this.#buckets.size;
  }
}
