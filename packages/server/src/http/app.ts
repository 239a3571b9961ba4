/**
 * The Hono app: security headers, CORS, bearer auth with per-token rate limits, body limits,
 * the routes, JSON errors for everything else, and structured request logs.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Store } from '../store/store.js';
import type { Principal } from '../store/tokens.js';
import { allow, authenticate, PrincipalCache } from './auth.js';
import { DocumentCache } from './cache.js';
import type { AppEnv } from './context.js';
import { ApiError } from './errors.js';
import { checkDeclaredLength } from './json.js';
import { silentLogger, type Logger } from './logger.js';
import { buildOpenApi } from './openapi.js';
import { RateLimiter } from './rate-limit.js';
import type { Deps, RouteDef } from './route.js';
import { documentRoutes } from './routes-document.js';
import { feedbackRoutes } from './routes-feedback.js';
import { metaRoutes } from './routes-meta.js';
import { scheduleRoutes } from './routes-schedule.js';
import { staticFiles } from './static.js';

/** Every route of the API, in documentation order. */
export const routes: readonly RouteDef[] = [
  ...documentRoutes,
  ...scheduleRoutes,
  ...feedbackRoutes,
  ...metaRoutes,
];

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** Requests per minute per token (and per client address without a valid token); `0` = off. Default 600. */
  rateLimitPerMinute?: number;
  /** Burst size of the rate limit; default a tenth of a minute's allowance, at least 10. */
  rateLimitBurst?: number;
  /** Largest `PUT /api/v1/document` body in bytes; default 5 MiB. */
  documentBodyLimit?: number;
  /** Largest body of the other endpoints in bytes; default 64 KiB. */
  bodyLimit?: number;
  /** A folder to serve at `/` (e.g. the built demo), under a nonce-based CSP. */
  staticDir?: string;
  /** Where logs go; default nowhere. */
  logger?: Logger;
  /** How long a token lookup is cached, in ms (revocations take effect after it); default 5000. */
  tokenCacheMs?: number;
  /** The version reported in `/openapi.json`. */
  version?: string;
  /**
   * Demo mode: requests without an `Authorization` header act as this principal instead of
   * getting `401` (a wrong token is still `401`). Only for a local demo — `milieu-server serve`
   * allows it on loopback addresses only.
   */
  anonymous?: Omit<Principal, 'tokenId'>;
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function errorResponse(c: Context, error: ApiError): Response {
  return c.json(error.body(), error.status as 400, error.headers);
}

/**
 * Builds the app over a store. Use `app.fetch` with any server, or `startServer`.
 *
 * @param store - the data layer
 * @param options - limits, CORS, logging, static files
 * @example
 * ```ts
 * const app = createApp(await openStore({ kind: 'sqlite', file: ':memory:' }));
 * const res = await app.request('/healthz');
 * ```
 */
export function createApp(store: Store, options: AppOptions = {}): Hono<AppEnv> {
  const logger = options.logger ?? silentLogger;
  const deps: Deps = { store, cache: new DocumentCache(store) };
  const documentBodyLimit = options.documentBodyLimit ?? 5 * 1024 * 1024;
  const bodyLimit = options.bodyLimit ?? 64 * 1024;
  const principals = new PrincipalCache(options.tokenCacheMs ?? 5_000);
  const limiter = new RateLimiter({
    perMinute: options.rateLimitPerMinute ?? 600,
    ...(options.rateLimitBurst === undefined ? {} : { burst: options.rateLimitBurst }),
  });
  const openapi = JSON.stringify(buildOpenApi(routes, options.version ?? '0.0.0'));
  const corsOrigins = options.corsOrigins ?? [];
  const app = new Hono<AppEnv>();

  // Headers are set before the handler runs: Hono then builds each response with them, and
  // @hono/node-server can write it directly (setting headers afterwards would force it to
  // materialise a full web Response and stream the body).
  // OWASP's REST set for every response; the rest only for pages served with --static.
  const security: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
    ['Cross-Origin-Resource-Policy', corsOrigins.length > 0 ? 'cross-origin' : 'same-origin'],
  ];
  const apiOnly: [string, string][] = [
    ['Cache-Control', 'no-store'],
    ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ];
  const pagesOnly: [string, string][] = [
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
  const apiHeaders = [...security, ...apiOnly];
  const pageHeaders = [...security, ...pagesOnly];
  const logRequests = logger.infoEnabled !== false;
  app.use('*', async (c, next) => {
    const started = logRequests ? performance.now() : 0;
    const id = randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    for (const [name, value] of c.req.path.startsWith('/api/') ? apiHeaders : pageHeaders) {
      c.header(name, value);
    }
    await next();
    if (!logRequests) return;
    logger.info('request', {
      id,
      method: c.req.method,
      route: c.req.routePath === '*' ? undefined : c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      role: c.get('principal')?.role,
    });
  });
  if (corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: [...corsOrigins],
        allowMethods: ['GET', 'PUT', 'POST'],
        allowHeaders: [
          'Authorization',
          'Content-Type',
          'Idempotency-Key',
          'If-Match',
          'If-None-Match',
        ],
        exposeHeaders: ['ETag', 'Retry-After', 'Idempotent-Replayed', 'X-Request-Id'],
        maxAge: 600,
      }),
    );
  }
  app.use('/api/*', async (c, next) => {
    const lookup = (hash: string) => store.findPrincipal(hash);
    const header = c.req.header('authorization');
    let principal: Principal;
    try {
      principal =
        header === undefined && options.anonymous
          ? { ...options.anonymous, tokenId: 'anonymous:' + clientAddress(c) }
          : await authenticate(lookup, principals, header);
    } catch (error) {
      const verdict = limiter.take('addr:' + clientAddress(c), Date.now());
      if (!verdict.ok) throw tooMany(verdict.retryAfterSeconds);
      throw error;
    }
    const verdict = limiter.take('token:' + principal.tokenId, Date.now());
    if (!verdict.ok) throw tooMany(verdict.retryAfterSeconds);
    c.set('principal', principal);
    await next();
  });

  for (const route of routes) {
    const handlers: MiddlewareHandler<AppEnv>[] = [];
    if (route.roles) handlers.push(allow(route.roles));
    if (route.body) {
      const max = route.body.limit === 'document' ? documentBodyLimit : bodyLimit;
      handlers.push(async (c, next) => {
        checkDeclaredLength(c, max); // 413 before anything else is looked at
        c.set('bodyLimit', max);
        await next();
      });
    }
    handlers.push((c) => route.handler(c, deps));
    app.on([route.method], [route.path], ...handlers);
  }
  app.get('/openapi.json', (c) =>
    c.body(openapi, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-cache',
    }),
  );
  if (options.staticDir !== undefined) {
    const serve = staticFiles(options.staticDir);
    app.get('*', async (c, next) => {
      if (c.req.path.startsWith('/api/')) return next();
      const response = await serve(c);
      if (response) return response;
      return next();
    });
  }

  app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found', 'no such route')));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    logger.error('unhandled error', {
      id: c.get('requestId'),
      route: c.req.routePath,
      error: error.name,
      code: errorCode(error),
      // Quoted parts of messages may hold values; drop them so no personal data reaches the log.
      detail: error.message.replace(/"[^"]*"|'[^']*'/g, '…').slice(0, 200),
    });
    return errorResponse(
      c,
      new ApiError(500, 'server_error', 'something went wrong on the server'),
    );
  });
  return app;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function tooMany(seconds: number): ApiError {
  return new ApiError(429, 'rate_limited', 'too many requests for this token: slow down', {
    headers: { 'Retry-After': String(seconds) },
  });
}
