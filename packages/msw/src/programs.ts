/**
 * msw handlers for the program list of `@milieu/core`'s contract (`GET /api/v1/programs`: the
 * programs the caller may use, with their role in each), and the server's `404` for every
 * other program's routes; plus scenarios: slow, never answering, 500, 500-then-success, a body
 * that fails `ProgramListResponseSchema`, and a network error.
 *
 * @module
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  PROGRAMS_PATH,
  ProgramListResponseSchema,
  type ProgramListResponse,
  type ProgramSummary,
} from '@milieu/core';
import { errorResponse } from './errors.js';
import { programNotFoundHandlers } from './program-routes.js';

/** Scenarios of the mock program list (see {@link programsHandlers}). */
export const PROGRAMS_SCENARIOS = [
  'success',
  'slow',
  'loading',
  'server-error',
  'flaky',
  'invalid',
  'offline',
] as const;
/**
 * How `GET /api/v1/programs` answers:
 * - `success`: `200 { programs }` with the list given (an empty list is a valid answer: a
 *   token with no grant in any program);
 * - `slow`: the same after `delayMs` (default 1500 ms);
 * - `loading`: never answers, so a widget stays in its loading state;
 * - `server-error`: `500 server_error` every time;
 * - `flaky`: `500` for the first `failures` requests (default 1), then `success`;
 * - `invalid`: `200` with a body that fails `ProgramListResponseSchema` (see {@link invalidProgramList});
 * - `offline`: a network error (`fetch` rejects).
 *
 * Whatever the scenario, the routes of a program not in the list answer the server's `404`
 * (unless `unlisted: 'unhandled'`).
 */
export type ProgramsScenario = (typeof PROGRAMS_SCENARIOS)[number];

/** Options of {@link programsHandlers}. */
export interface ProgramsHandlerOptions {
  /** Endpoint URL or path of the list. Default `PROGRAMS_PATH` (`/api/v1/programs`). */
  url?: string;
  /** `slow`: milliseconds before answering. Default 1500. */
  delayMs?: number;
  /** `flaky`: how many 500s before success. Default 1. */
  failures?: number;
  /** `invalid`: the body to serve. Default {@link invalidProgramList}. */
  invalid?: unknown;
  /**
   * The routes `/api/v1/programs/{programId}/…` of a program not in the list:
   * `not-found` (default) answers the server's `404` (`PROGRAM_NOT_FOUND`), as for a
   * token with no grant there; `unhandled` leaves them to other handlers.
   */
  unlisted?: 'not-found' | 'unhandled';
}

/** What the mock program list saw. */
export interface ProgramsEndpoint {
  /** The handlers to pass to msw (`worker.use`, `server.use`, Storybook's `parameters.msw`). */
  handlers: HttpHandler[];
  /** How many `GET /api/v1/programs` requests were answered or failed so far. */
  readonly requests: number;
  /** The paths (with query) answered `404` because their program is not listed, in order. */
  readonly notFound: readonly string[];
}

/** A body that `ProgramListResponseSchema` rejects: a role no token has, a program without a name. */
export function invalidProgramList(): unknown {
  return {
    programs: [{ id: '4-north', name: '4 North', role: 'owner' }, { id: '5-south' }],
  };
}

/**
 * The list, checked against `ProgramListResponseSchema` (and for duplicate ids, which the
 * server never lists), or a `TypeError` naming every problem by JSON pointer.
 */
function checkedList(who: string, programs: readonly ProgramSummary[]): ProgramListResponse {
  if (!Array.isArray(programs)) {
    throw new TypeError(`${who}: programs must be an array of { id, name, role }`);
  }
  const parsed = ProgramListResponseSchema.safeParse({ programs });
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `/${i.path.map(String).join('/')}: ${i.message}`);
  const seen = new Map<string, number>();
  programs.forEach((p, i) => {
    const id = (p as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else problems.push(`/programs/${i}/id: "${id}" is already listed at /programs/${first}`);
  });
  if (!parsed.success || problems.length > 0) {
    throw new TypeError(
      `${who}: the program list does not match ProgramListResponseSchema:\n  ${problems.join('\n  ')}`,
    );
  }
  return parsed.data;
}

/**
 * msw handlers answering `GET /api/v1/programs` with `programs` as `scenario` says, and the
 * server's `404` for the routes of every program not listed.
 *
 * @param programs - the caller's programs (`{ id, name, role }`), checked at creation
 * @param scenario - how to answer; default `success`
 * @param options - endpoint, delay, failure count, invalid body, unlisted programs
 * @throws TypeError when `programs` fails `ProgramListResponseSchema` or repeats an id
 * @example
 * ```ts
 * worker.use(
 *   ...programsHandlers([{ id: '4-north', name: '4 North', role: 'staff' }]),
 *   ...scheduleHandlers(doc, 'success', { programId: '4-north' }),
 * );
 * ```
 */
export function programsHandlers(
  programs: readonly ProgramSummary[],
  scenario: ProgramsScenario = 'success',
  options: ProgramsHandlerOptions = {},
): HttpHandler[] {
  return endpoint('programsHandlers', programs, scenario, options).handlers;
}

/**
 * Like {@link programsHandlers}, and counts the requests (to check a Retry sent a second one)
 * and records the paths answered `404` for an unlisted program.
 *
 * @param programs - the caller's programs (`{ id, name, role }`), checked at creation
 * @param scenario - how to answer; default `success`
 * @param options - endpoint, delay, failure count, invalid body, unlisted programs
 * @throws TypeError when `programs` fails `ProgramListResponseSchema` or repeats an id
 */
export function programsEndpoint(
  programs: readonly ProgramSummary[],
  scenario: ProgramsScenario = 'success',
  options: ProgramsHandlerOptions = {},
): ProgramsEndpoint {
  return endpoint('programsEndpoint', programs, scenario, options);
}

function endpoint(
  who: string,
  programs: readonly ProgramSummary[],
  scenario: ProgramsScenario,
  options: ProgramsHandlerOptions,
): ProgramsEndpoint {
  const body = checkedList(who, programs);
  let requests = 0;
  const notFound: string[] = [];
  const ok = (): Response => HttpResponse.json(body);
  const handler = http.get(options.url ?? PROGRAMS_PATH, async () => {
    requests++;
    switch (scenario) {
      case 'slow':
        await delay(options.delayMs ?? 1500);
        return ok();
      case 'loading':
        await delay('infinite');
        return HttpResponse.error();
      case 'server-error':
        return errorResponse(500, { code: 'server_error', message: 'Temporary failure.' });
      case 'flaky':
        if (requests <= (options.failures ?? 1)) {
          return errorResponse(500, { code: 'server_error', message: 'Temporary failure.' });
        }
        return ok();
      case 'invalid':
        return HttpResponse.json(
          options.invalid ?? (invalidProgramList() as Record<string, unknown>),
        );
      case 'offline':
        return HttpResponse.error();
      default:
        return ok();
    }
  });
  const ids = body.programs.map((p) => p.id);
  const others =
    options.unlisted === 'unhandled'
      ? []
      : programNotFoundHandlers(ids, (request) => {
          const url = new URL(request.url);
          notFound.push(url.pathname + url.search);
        });
  return {
    handlers: [handler, ...others],
    get requests() {
      return requests;
    },
    get notFound() {
      return notFound;
    },
  };
}
