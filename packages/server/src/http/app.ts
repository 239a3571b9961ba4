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
import { ByteBudget, DEFAULT_CACHE_BUDGET_BYTES, DocumentCache } from './cache.js';
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
import {
  ProgramCaches,
  isProgramRoute,
  legacyDocumented,
  programScoped,
  programsRoute,
  scopeToProgram,
} from './programs.js';
import { scheduleRoutes } from './routes-schedule.js';
import { staticFiles } from './static.js';

const baseRoutes: readonly RouteDef[] = [
  ...documentRoutes,
  ...scheduleRoutes,
  ...feedbackRoutes,
  ...metaRoutes,
];

/**
 * Every route of the API, in documentation order: the legacy routes (the database's only
 * program), `GET /api/v1/programs`, then every per-program route again under
 * `/api/v1/programs/:programId` (see `programs.ts`).
 */
export const routes: readonly RouteDef[] = [
  ...baseRoutes.map((r) => (isProgramRoute(r) ? legacyDocumented(r) : r)),
  programsRoute,
  ...baseRoutes.filter(isProgramRoute).map(programScoped),
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
  /**
   * The byte budget of the in-memory caches (parsed document, full-document JSON, rendered
   * responses with their gzip): a number of bytes, or a {@link ByteBudget} to share with other
   * apps or caches. Default 64 MiB (`DEFAULT_CACHE_BUDGET_BYTES`).
   */
  cacheBudget?: number | ByteBudget;
  /** The version reported in `/openapi.json`. */
  version?: string;
  /**
   * Demo mode: requests without an `Authorization` header act as this principal instead of
   * getting `401` (a wrong token is still `401`). Only for a local demo — `milieu-server serve`
   * allows it on loopback addresses only, and such a request carrying a proxy header
   * (`Forwarded`, `X-Forwarded-For`, `X-Forwarded-Host`, `X-Forwarded-Proto`, `X-Real-IP`) is
   * refused with `403` (and logged): anonymous mode cannot be used behind a reverse proxy.
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

/** Headers a reverse proxy adds: their presence means the client is not on this machine. */
export const PROXY_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
] as const;

/**
 * In demo mode (`anonymous`), a request without a token that came through a proxy is refused
 * with `403` and logged: the loopback-only guard of `--anonymous-as` means nothing once a proxy
 * on the same machine forwards the world to it.
 */
function refuseProxied(c: Context, logger: Logger): void {
  const seen = PROXY_HEADERS.find((name) => c.req.header(name) !== undefined);
  if (seen === undefined) return;
  logger.error('anonymous request through a proxy refused', {
    id: c.get('requestId') as string,
    header: seen,
  });
  throw new ApiError(
    403,
    'forbidden',
    `demo mode (--anonymous-as) serves local clients only and this request came through a proxy (${seen}): send a bearer token`,
  );
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
  const budget =
    options.cacheBudget instanceof ByteBudget
      ? options.cacheBudget
      : new ByteBudget(options.cacheBudget ?? DEFAULT_CACHE_BUDGET_BYTES);
  const programs = new ProgramCaches(store, budget);
  const deps: Deps = { store, cache: new DocumentCache(store, { budget }), programs };
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
      if (header === undefined && options.anonymous) {
        refuseProxied(c, logger); // demo mode is for loopback clients only, never behind a proxy
        principal = { ...options.anonymous, tokenId: 'anonymous:' + clientAddress(c) };
      } else principal = await authenticate(lookup, principals, header);
    } catch (error) {
      const verdict = limiter.take('addr:' + clientAddress(c), Date.now());
      if (!verdict.ok) throw tooMany(verdict.retryAfterSeconds);
      throw error;
    }
    const verdict = limiter.take('token:' + principal.tokenId, Date.now());
    if (!verdict.ok) throw tooMany(verdict.retryAfterSeconds);
    c.set('principal', principal);
    c.set('token', principal);
    await next();
  });

  for (const route of routes) {
    const handlers: MiddlewareHandler<AppEnv>[] = [];
    // The program first: a program the token may not use is 404 whatever the route's roles.
    if (isProgramRoute(route)) {
      const fromPath = route.path.includes('/:programId/');
      const creates = route.method === 'PUT' && route.path.endsWith('/document');
      handlers.push(scopeToProgram(store, programs, deps, fromPath, creates));
    }
    if (route.roles) handlers.push(allow(route.roles));
    if (route.body) {
      const max = route.body.limit === 'document' ? documentBodyLimit : bodyLimit;
      handlers.push(async (c, next) => {
        checkDeclaredLength(c, max); // 413 before anything else is looked at
        c.set('bodyLimit', max);
        await next();
      });
    }
    handlers.push((c) => route.handler(c, c.get('deps') ?? deps));
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
