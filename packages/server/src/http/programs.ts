/**
 * Programs as tenants over HTTP. Every route of the API lives twice:
 *
 * - under `/api/v1/programs/{programId}/…`, for that program;
 * - at its legacy path `/api/v1/…`, for the database's only program. With no program yet the
 *   legacy routes act as before (`PUT /api/v1/document` with `If-None-Match: *` creates the
 *   first one); with several they answer `409` pointing to `/api/v1/programs`.
 *
 * A middleware resolves the program and the token's role in it ({@link principalIn}) before
 * the route's role check, then hands the handler that program's store and caches. A token with
 * no grant there — or a program that does not exist — gets `404` with one identical body, so
 * programs cannot be probed. `GET /api/v1/programs` lists what the caller may use.
 *
 * @module
 */
import {
  IdSchema,
  PROGRAM_NOT_FOUND,
  PROGRAMS_PATH,
  type ProgramListResponse,
  type ProgramSummary,
} from '@milieu/core';
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/store.js';
import { isGlobalAdmin, principalIn } from '../store/tokens.js';
import { DocumentCache, type ByteBudget } from './cache.js';
import type { AppEnv } from './context.js';
import { ApiError } from './errors.js';
import type { Deps, RouteDef } from './route.js';

/** The Hono path prefix of program-scoped routes. */
export const PROGRAM_ROUTE_PREFIX = `${PROGRAMS_PATH}/:programId`;

const LEGACY_PREFIX = '/api/v1/';

/** Most per-program caches kept (beyond it they are dropped and rebuilt on demand). */
const MAX_CACHES = 1_000;

/** One {@link DocumentCache} per program, built on first use, and each program's handler deps. */
export class ProgramCaches {
  readonly #store: Store;
  readonly #budget: ByteBudget | undefined;
  readonly #caches = new Map<string, DocumentCache>();
  readonly #deps = new Map<string, Deps>();

  /**
   * @param store - the database-wide store
   * @param budget - the byte budget every program's cache is charged to (shared, so the bound
   *   holds for the process whatever the number of programs)
   */
  constructor(store: Store, budget?: ByteBudget) {
    this.#store = store;
    this.#budget = budget;
  }

  /**
   * The cache of a program.
   *
   * @param programId - the program
   */
  get(programId: string): DocumentCache {
    let cache = this.#caches.get(programId);
    if (!cache) {
      if (this.#caches.size >= MAX_CACHES) {
        // Release their bytes too; the handler deps hold the caches, so they go with them.
        for (const old of this.#caches.values()) old.clear();
        this.#caches.clear();
        this.#deps.clear();
      }
      cache = new DocumentCache(
        this.#store.forProgram(programId),
        this.#budget ? { budget: this.#budget } : {},
      );
      this.#caches.set(programId, cache);
    }
    return cache;
  }

  /**
   * The handler dependencies of a program (kept, so a request allocates none).
   *
   * @param programId - the program
   * @param fromPath - whether the route named it (else: the database's only program)
   * @param root - the database-wide dependencies
   */
  deps(programId: string, fromPath: boolean, root: Deps): Deps {
    const key = (fromPath ? 'p:' : 'l:') + programId;
    let deps = this.#deps.get(key);
    if (!deps) {
      if (this.#deps.size >= 2 * MAX_CACHES) this.#deps.clear();
      deps = {
        ...root,
        store: this.#store.forProgram(programId),
        cache: this.get(programId),
        program: { id: programId, fromPath },
      };
      this.#deps.set(key, deps);
    }
    return deps;
  }
}

/**
 * The `404` for a program the token may not use or that does not exist: one body for both.
 */
export function programNotFound(): ApiError {
  return new ApiError(404, PROGRAM_NOT_FOUND.code, PROGRAM_NOT_FOUND.message);
}

/** The `409` of a legacy route on a database with several programs. */
export function severalPrograms(): ApiError {
  return new ApiError(
    409,
    'conflict',
    `this server holds several programs: use ${PROGRAMS_PATH}/{programId}/… (GET ${PROGRAMS_PATH} lists yours)`,
  );
}

/**
 * Whether a route is part of the per-program API (every `/api/v1/` route but the program list).
 *
 * @param route - a route
 */
export function isProgramRoute(route: RouteDef): boolean {
  return route.roles !== null && route.path.startsWith(LEGACY_PREFIX) && route !== programsRoute;
}

/**
 * The program-scoped twin of a route: the same handler at `/api/v1/programs/:programId/…`.
 *
 * @param route - a legacy route
 */
export function programScoped(route: RouteDef): RouteDef {
  const notFound = route.responses[404]?.description;
  return {
    ...route,
    path: PROGRAM_ROUTE_PREFIX + '/' + route.path.slice(LEGACY_PREFIX.length),
    operationId: `${route.operationId}InProgram`,
    summary: `${route.summary} (one program)`,
    pathParams: [
      { name: 'programId', required: true, description: 'The program (`program.id`).' },
      ...(route.pathParams ?? []),
    ],
    responses: {
      ...route.responses,
      404: {
        description: `No such program, or one this token has no grant for (the same body either way)${notFound ? `; or: ${notFound}` : ''}.`,
        schema: 'ErrorBody',
      },
    },
  };
}

/**
 * A legacy route as documented: the same route, with the `409` of a database with several
 * programs.
 *
 * @param route - a legacy route
 */
export function legacyDocumented(route: RouteDef): RouteDef {
  const several = `The database holds several programs: use \`${PROGRAMS_PATH}/{programId}/…\`.`;
  const conflict = route.responses[409]?.description;
  return {
    ...route,
    description: `${route.description} For a database with one program (see \`${PROGRAMS_PATH}\`).`,
    responses: {
      ...route.responses,
      409: { description: conflict ? `${conflict} Or: ${several}` : several, schema: 'ErrorBody' },
    },
  };
}

/**
 * The middleware that scopes a request to one program: the path's `programId`, or for a legacy
 * route the database's only program. It sets the token's principal in that program and the
 * program's store and cache (`deps`), or answers `404` ({@link programNotFound}) / `409`
 * ({@link severalPrograms}). With no program at all, a legacy route keeps the database-wide
 * store, so the first document can be created.
 *
 * @param store - the database-wide store
 * @param caches - the per-program caches
 * @param root - the database-wide dependencies
 * @param fromPath - whether the route carries `:programId`
 * @param creates - whether the route may create the program (`PUT …/document`); every other
 *   route answers {@link programNotFound} for a program that does not exist, whoever asks
 */
export function scopeToProgram(
  store: Store,
  caches: ProgramCaches,
  root: Deps,
  fromPath: boolean,
  creates = false,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = c.get('token');
    let programId: string | undefined;
    let only: boolean;
    if (fromPath) {
      programId = c.req.param('programId');
      if (programId === undefined || !IdSchema.safeParse(programId).success)
        throw programNotFound();
      const ids = await store.programIds();
      only = ids.length === 1 && ids[0] === programId;
      const exists = ids.includes(programId);
      // A program that does not exist is the same 404 for everyone, global admins included;
      // only `PUT …/document` goes on, to create it (if the token's role there allows).
      if (!exists && !creates) throw programNotFound();
    } else {
      const ids = await store.programIds();
      if (ids.length > 1) throw severalPrograms();
      programId = ids[0];
      only = true;
    }
    if (programId === undefined) {
      // A legacy route on an empty database: tokens bound to a program have none here.
      if (token.grants !== undefined) throw programNotFound();
      c.set('deps', root);
      await next();
      return;
    }
    const principal = principalIn(token, programId, only);
    if (!principal) throw programNotFound();
    c.set('principal', principal);
    c.set('deps', caches.deps(programId, fromPath, root));
    await next();
  };
}

/** `GET /api/v1/programs`: the programs the caller may use. */
export const programsRoute: RouteDef = {
  method: 'GET',
  path: PROGRAMS_PATH,
  operationId: 'listPrograms',
  summary: 'List the programs this token may use',
  description:
    "Every program the caller may use, with its id, name and the caller's role there, nothing more: a global admin sees every program; any other token the programs it has a grant for (or the database's only program, for a token bound to it). Programs it may not use are not listed, and their routes answer `404`.",
  tags: ['programs'],
  roles: ['admin', 'staff', 'participant', 'kiosk'],
  responses: { 200: { description: 'The programs, by id.', schema: 'ProgramListResponse' } },
  async handler(c, deps) {
    const token = c.get('token');
    const ids = await deps.store.programIds();
    let visible: { id: string; role: ProgramSummary['role'] }[];
    if (isGlobalAdmin(token)) visible = ids.map((id) => ({ id, role: 'admin' }));
    else if (token.grants !== undefined)
      visible = token.grants
        .filter((g) => ids.includes(g.programId))
        .map((g) => ({ id: g.programId, role: g.role }));
    else visible = ids.length === 1 && ids[0] ? [{ id: ids[0], role: token.role }] : [];
    const programs: ProgramSummary[] = [];
    for (const { id, role } of visible) {
      const body = await deps.programs.get(id).current();
      if (body) programs.push({ id, name: body.doc.program.name, role });
    }
    return c.json({ programs } satisfies ProgramListResponse, 200);
  },
};
