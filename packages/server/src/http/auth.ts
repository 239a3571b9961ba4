/**
 * Bearer-token authentication and role checks. Tokens are looked up by their SHA-256 hash; a
 * short-lived cache keeps the lookup off the database on busy endpoints (a revoked token stops
 * working within `ttlMs`).
 *
 * @module
 */
import type { Role } from '@milieu/core';
import type { MiddlewareHandler } from 'hono';
import { hashToken, type Principal } from '../store/tokens.js';
import type { AppEnv } from './context.js';
import { ApiError } from './errors.js';
import { parseBearer } from './headers.js';

/**
 * A TTL cache of token hash → principal (misses are cached too, briefly). Bounded by count:
 * at most `max` entries (10 000 by default; a 64-character hash and a principal of at most a
 * few hundred bytes each, so about 5 MiB at worst), emptied whole when full.
 */
export class PrincipalCache {
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #entries = new Map<string, { principal: Principal | undefined; expires: number }>();

  /**
   * @param ttlMs - how long an answer is trusted; default 5 s
   * @param max - most entries kept; default 10 000
   */
  constructor(ttlMs = 5_000, max = 10_000) {
    this.#ttlMs = ttlMs;
    this.#max = max;
  }

  /**
   * The cached answer for a hash: `undefined` when not cached, `{ principal }` otherwise.
   *
   * @param hash - token hash
   * @param now - epoch ms
   */
  get(hash: string, now: number): { principal: Principal | undefined } | undefined {
    const hit = this.#entries.get(hash);
    if (!hit) return undefined;
    if (hit.expires <= now) {
      this.#entries.delete(hash);
      return undefined;
    }
    return { principal: hit.principal };
  }

  /**
   * Caches an answer.
   *
   * @param hash - token hash
   * @param principal - the principal, or `undefined` for an unknown token
   * @param now - epoch ms
   */
  set(hash: string, principal: Principal | undefined, now: number): void {
    if (this.#entries.size >= this.#max) this.#entries.clear();
    this.#entries.set(hash, { principal, expires: now + this.#ttlMs });
  }

  /** Forgets everything (after a revocation in this process). */
  clear(): void {
    this.#entries.clear();
  }
}

/**
 * The bearer token of a request, or `undefined` when absent or malformed.
 *
 * @param header - the `Authorization` header
 */
export function bearerToken(header: string | undefined): string | undefined {
  return parseBearer(header);
}

/** A `401` that tells the client which scheme to use. */
export function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message, {
    headers: { 'WWW-Authenticate': 'Bearer realm="milieu"' },
  });
}

/**
 * Resolves the principal of a request (cached), or throws `401`.
 *
 * @param lookup - database lookup by hash
 * @param cache - the principal cache
 * @param header - the `Authorization` header
 */
export async function authenticate(
  lookup: (hash: string) => Promise<Principal | undefined>,
  cache: PrincipalCache,
  header: string | undefined,
): Promise<Principal> {
  const token = bearerToken(header);
  if (token === undefined) throw unauthorized('send a bearer token: Authorization: Bearer <token>');
  const hash = hashToken(token);
  const now = Date.now();
  let hit = cache.get(hash, now);
  if (!hit) {
    hit = { principal: await lookup(hash) };
    cache.set(hash, hit.principal, now);
  }
  if (!hit.principal) throw unauthorized('the token is unknown or revoked');
  return hit.principal;
}

/**
 * Lets only these roles through; everyone else gets `403`.
 *
 * @param roles - the allowed roles
 */
export function allow(roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role } = c.get('principal');
    if (!roles.includes(role)) {
      throw new ApiError(403, 'forbidden', `a ${role} token may not do this`);
    }
    await next();
  };
}
