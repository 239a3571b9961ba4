/**
 * The Hono environment of the app: what middleware stores for handlers.
 *
 * @module
 */
import type { Principal, TokenPrincipal } from '../store/tokens.js';
import type { Deps } from './route.js';

/** Hono `Env` of the app. */
export interface AppEnv {
  Variables: {
    /**
     * The caller: set by the auth middleware on `/api/*`, then replaced by the caller's role and
     * ids in the request's program (see `programs.ts`).
     */
    principal: Principal;
    /** The bearer token's principal with its grants in every program (set by the auth middleware). */
    token: TokenPrincipal;
    /** The program's store and caches for this request (set by the program middleware). */
    deps: Deps;
    /** A random id for this request, echoed as `X-Request-Id` and logged. */
    requestId: string;
    /** The largest body this route accepts, in bytes. */
    bodyLimit: number;
  };
}
