/**
 * Mounting the mock endpoints under one program's routes (`/api/v1/programs/{programId}/…`),
 * as the reference server serves every route of a database with many programs, and the `404`
 * the server answers for a program the caller may not use or that does not exist (one body for
 * both, so programs cannot be probed).
 *
 * @module
 */
import { http, type HttpHandler } from 'msw';
import {
  PROGRAM_NOT_FOUND,
  API_BASE_PATH,
  ID_PATTERN,
  PROGRAMS_PATH,
  programPath,
} from '@milieu/core';
import { errorResponse } from './errors.js';

// The `error` of the server's `404` for a program the token may not use or that does not
// exist lives in core's contract (`PROGRAM_NOT_FOUND`), so the server and these mocks share it;
// re-exported for mock users.
export { PROGRAM_NOT_FOUND };

/** The server's `404` for an unknown or foreign program (see {@link PROGRAM_NOT_FOUND}). */
export function programNotFoundResponse(): Response {
  return errorResponse(404, { ...PROGRAM_NOT_FOUND });
}

/**
 * Throws a located `TypeError` unless `programId` is a valid id (`ID_PATTERN`): the server
 * answers `404` for any other, so a mock mounted there would serve what the server never does.
 *
 * @param where - the caller and option, for the message (`scheduleHandlers: options.programId`)
 * @param programId - the value to check
 */
export function checkProgramId(where: string, programId: unknown): string {
  if (typeof programId === 'string' && ID_PATTERN.test(programId)) return programId;
  throw new TypeError(
    `${where}: ${JSON.stringify(programId) ?? String(programId)} is not a program id ` +
      `(a letter or digit, then up to 127 of A-Z a-z 0-9 _ . : -)`,
  );
}

/**
 * The path of a route of the API within one program: `/api/v1/occurrences` in program
 * `4-north` is `/api/v1/programs/4-north/occurrences` (core's `programPath(programId)` and the
 * route's path after `/api/v1`). Use it for loaders and widget `src` attributes too.
 *
 * @param path - a route path under `API_BASE_PATH`, e.g. `OCCURRENCES_PATH`
 * @param programId - the program (`program.id`)
 * @throws TypeError when `path` is not under `/api/v1/` or `programId` is not a valid id
 * @example
 * ```ts
 * programScopedPath(OCCURRENCES_PATH, '4-north'); // '/api/v1/programs/4-north/occurrences'
 * ```
 */
export function programScopedPath(path: string, programId: string): string {
  const id = checkProgramId('programScopedPath: programId', programId);
  const base = `${API_BASE_PATH}/`;
  if (!path.startsWith(base) || path.startsWith(`${PROGRAMS_PATH}/`) || path === PROGRAMS_PATH) {
    throw new TypeError(
      `programScopedPath: path ${JSON.stringify(path)} is not a route under ${base} (e.g. ${base}occurrences)`,
    );
  }
  return `${programPath(id)}/${path.slice(base.length)}`;
}

/** The options every endpoint family shares for where it is mounted. */
export interface MountOptions {
  /** Endpoint URL or path. Wins over `programId` when both are given. */
  url?: string | undefined;
  /** Mount at this program's route (`programPath(programId)` + the route) instead of the legacy one. */
  programId?: string | undefined;
}

/** Where an endpoint family is mounted: the msw path, and whether a matched request is its own. */
export interface Mount {
  /** The msw path to register. */
  path: string;
  /**
   * Whether a request matched on {@link Mount.path} is this mount's: for a program's route, the
   * decoded `programId` must be the program (`/programs/unit:4/…` and `/programs/unit%3A4/…` are
   * one program, as on the server); a handler returns nothing otherwise, so msw goes on.
   */
  owns(params: Readonly<Record<string, unknown>>): boolean;
}

const always = (): boolean => true;

/**
 * Where an endpoint family is mounted: `options.url`, else the route within
 * `options.programId`, else the legacy `path`. A given `programId` is checked either way.
 *
 * @param who - the function, for error messages
 * @param path - the legacy route path
 * @param options - `url` and `programId`
 */
export function mount(who: string, path: string, options: MountOptions): Mount {
  const id =
    options.programId === undefined
      ? undefined
      : checkProgramId(`${who}: options.programId`, options.programId);
  if (options.url !== undefined) return { path: options.url, owns: always };
  if (id === undefined) return { path, owns: always };
  programScopedPath(path, id); // checks that the route is under /api/v1/
  return {
    path: `${PROGRAMS_PATH}/:programId/${path.slice(API_BASE_PATH.length + 1)}`,
    owns: (params) => params['programId'] === id,
  };
}

/**
 * msw handlers answering the server's `404` ({@link PROGRAM_NOT_FOUND}) for every request under
 * `/api/v1/programs/{programId}/…` whose program is not in `known`; requests for a known
 * program fall through to the next handlers (the ones mounted with `programId`). Place them
 * anywhere in the list: they never answer for a known program. `programsHandlers` includes them
 * for the programs it lists.
 *
 * The server answers this `404` before any role check, for every route and method; it answers
 * its own `404 no such route` for a path that is no route at all, which these handlers do not
 * tell apart.
 *
 * @param known - the programs the caller may use (requests for them are left to other handlers)
 * @param onNotFound - called with each request answered `404` (to count or record them)
 * @throws TypeError when an id in `known` is not a valid id
 * @example
 * ```ts
 * worker.use(
 *   ...scheduleHandlers(doc, 'success', { programId: '4-north' }),
 *   ...programNotFoundHandlers(['4-north']), // every other program: 404 "no such program"
 * );
 * ```
 */
export function programNotFoundHandlers(
  known: readonly string[] = [],
  onNotFound?: (request: Request) => void,
): HttpHandler[] {
  const ids = new Set(
    known.map((id, i) => checkProgramId(`programNotFoundHandlers: known[${i}]`, id)),
  );
  return [
    http.all(`${PROGRAMS_PATH}/:programId/*`, ({ params, request }) => {
      const { programId } = params;
      if (typeof programId === 'string' && ids.has(programId)) return undefined;
      onNotFound?.(request);
      return programNotFoundResponse();
    }),
  ];
}
