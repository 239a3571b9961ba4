/**
 * The Hono environment of the app: what middleware stores for handlers.
 *
 * @module
 */
import type { Principal } from '../store/tokens.js';

/** Hono `Env` of the app. */
export interface AppEnv {
  Variables: {
    /** The caller (set by the auth middleware on `/api/*`). */
    principal: Principal;
    /** A random id for this request, echoed as `X-Request-Id` and logged. */
    requestId: string;
    /** The largest body this route accepts, in bytes. */
    bodyLimit: number;
  };
}
