/**
 * Routes are data: method, path, roles, documented parameters and responses, and a handler.
 * The app registers them and the OpenAPI document is generated from the same list, so a route
 * cannot exist undocumented.
 *
 * @module
 */
import type { ContractSchemaName, Role } from '@milieu/core';
import type { Context } from 'hono';
import type { Store } from '../store/store.js';
import type { CachedJson, DocumentCache } from './cache.js';
import type { AppEnv } from './context.js';
import { acceptsGzip } from './headers.js';

export { acceptsGzip } from './headers.js';
import type { ProgramCaches } from './programs.js';

/** What handlers use. */
export interface Deps {
  /** The request's program's store (the database-wide one only while there is no program). */
  store: Store;
  /** The request's program's caches. */
  cache: DocumentCache;
  /** Every program's caches (for routes that span programs, such as `GET /api/v1/programs`). */
  programs: ProgramCaches;
  /**
   * The program the request acts on, and whether it came from the path
   * (`/api/v1/programs/{programId}/…`) or is the database's only one (a legacy route). Absent
   * on a legacy route while the database has no program.
   */
  program?: { id: string; fromPath: boolean };
}

/** A documented response. */
export interface ResponseSpec {
  description: string;
  /** The body's component schema; omitted for empty bodies. */
  schema?: ContractSchemaName;
  /** Response headers and their descriptions. */
  headers?: Record<string, string>;
}

/** A documented header or path parameter. */
export interface ParameterSpec {
  name: string;
  required: boolean;
  description: string;
  /** A regular-expression pattern for the value, if any. */
  pattern?: string;
}

/** One route of the API. */
export interface RouteDef {
  method: 'GET' | 'PUT' | 'POST';
  /** Hono path (`:id` parameters). */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  /** Roles allowed; `null` for public routes (no token). */
  roles: readonly Role[] | null;
  /** A query component schema whose properties are the query parameters. */
  query?: ContractSchemaName;
  pathParams?: ParameterSpec[];
  headers?: ParameterSpec[];
  /** The JSON request body: its schema and which size limit applies. */
  body?: { schema: ContractSchemaName; limit: 'document' | 'default' };
  /** Success and route-specific error responses (common errors are added automatically). */
  responses: Record<number, ResponseSpec>;
  handler: (c: Context<AppEnv>, deps: Deps) => Promise<Response>;
}

/**
 * Sends pre-serialised JSON.
 *
 * @param c - the context
 * @param json - JSON text
 * @param status - the status (default 200)
 * @param headers - extra headers
 */
export function sendJson(
  c: Context,
  json: string,
  status: 200 | 201 = 200,
  headers: Record<string, string> = {},
): Response {
  return c.body(json, status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

/**
 * Sends a cached JSON body, gzip-compressed when the client accepts it and it is worth it.
 *
 * @param c - the context
 * @param cached - the cached body
 * @param headers - extra headers
 */
export function sendCached(
  c: Context,
  cached: CachedJson,
  headers: Record<string, string> = {},
): Response {
  const out: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    Vary: 'Accept-Encoding',
    ...headers,
  };
  if (cached.raw.byteLength > 1024 && acceptsGzip(c.req.header('accept-encoding'))) {
    out['Content-Encoding'] = 'gzip';
    return c.body(cached.gzip(), 200, out);
  }
  return c.body(cached.raw, 200, out);
}
