/**
 * msw handlers for the schedule resource of `@milieu/core`'s contract
 * (`GET /api/v1/occurrences?from&to&participant`), answered from a document with core's
 * `scheduleResource` for one viewer (staff, a participant or a kiosk), exactly as the reference
 * server shapes it; plus scenarios: slow, never answering, 404, 500, 500-then-success, a body
 * that fails `OccurrencesResponseSchema`, and a network error.
 *
 * @module
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  API_BASE_PATH,
  ErrorBodySchema,
  MAX_OCCURRENCE_RANGE_DAYS,
  OccurrencesQuerySchema,
  isLocalDate,
  parseInstant,
  scheduleResource,
  zonedToInstant,
  type MilieuDocument,
  type OccurrencesQuery,
  type ScheduleViewer,
} from '@milieu/core';
import { errorResponse } from './errors.js';
import { mount } from './program-routes.js';

/** The path of the schedule resource: `API_BASE_PATH` + `/occurrences` (`/api/v1/occurrences`). */
export const OCCURRENCES_PATH = `${API_BASE_PATH}/occurrences`;

/** Scenarios of the mock schedule endpoint (see {@link scheduleHandlers}). */
export const SCHEDULE_SCENARIOS = [
  'success',
  'slow',
  'loading',
  'not-found',
  'server-error',
  'flaky',
  'invalid',
  'offline',
] as const;
/**
 * How `GET /api/v1/occurrences` answers:
 * - `success`: `200` with the schedule of `[from, to)` for the viewer (`400` for a bad query,
 *   `403` for a kiosk asking for a participant, or a participant asking for someone else);
 * - `slow`: the same after `delayMs` (default 1500 ms);
 * - `loading`: never answers, so a widget stays in its loading state;
 * - `not-found`: `404 not_found` (no document stored yet);
 * - `server-error`: `500 server_error` every time;
 * - `flaky`: `500` for the first `failures` requests (default 1), then `success`;
 * - `invalid`: `200` with a body that fails `OccurrencesResponseSchema` (see {@link invalidSchedule});
 * - `offline`: a network error (`fetch` rejects).
 */
export type ScheduleScenario = (typeof SCHEDULE_SCENARIOS)[number];

/** Options of {@link scheduleHandlers}. */
export interface ScheduleHandlerOptions {
  /** Endpoint URL or path. Default {@link OCCURRENCES_PATH} (or the `programId`'s route). */
  url?: string;
  /**
   * Mount at this program's route, `programPath(programId)` + `/occurrences`
   * (`/api/v1/programs/{programId}/occurrences`), instead of `/api/v1/occurrences`. `url` wins when both are
   * given. Throws a `TypeError` at creation for an invalid id.
   */
  programId?: string;
  /** Who is asking (the role of the bearer token). Default `{ kind: 'staff' }`. */
  viewer?: ScheduleViewer;
  /** `slow`: milliseconds before answering. Default 1500. */
  delayMs?: number;
  /** `flaky`: how many 500s before success. Default 1. */
  failures?: number;
  /** `invalid`: the body to serve. Default {@link invalidSchedule}. */
  invalid?: unknown;
}

/** What the mock schedule endpoint saw. */
export interface ScheduleEndpoint {
  /** The handlers to pass to msw (`worker.use`, `server.use`, Storybook's `parameters.msw`). */
  handlers: HttpHandler[];
  /** How many GET requests were answered or failed so far. */
  readonly requests: number;
  /** The queries received, in order (`from`, `to`, `participant` as sent). */
  readonly queries: readonly Record<string, string>[];
}

/** A body that `OccurrencesResponseSchema` rejects: no program, an occurrence without times. */
export function invalidSchedule(): unknown {
  return {
    timeZone: 'America/New_York',
    from: '2026-03-09T00:00:00-04:00',
    to: '2026-03-16T00:00:00-04:00',
    occurrences: [{ id: 'x@2026-03-09', title: 'Group', start: 'soon' }],
  };
}

function boundMs(value: string, zone: string): number {
  return isLocalDate(value) ? zonedToInstant(value, '00:00', zone).ms : parseInstant(value);
}

const DAY_MS = 86_400_000;

/** The schedule for a query, or the error response the reference server gives. */
function answer(doc: MilieuDocument, query: unknown, viewer: ScheduleViewer): Response {
  const q = OccurrencesQuerySchema.safeParse(query);
  if (!q.success) {
    return errorResponse(400, {
      code: 'invalid_request',
      message: 'The query is not valid.',
      issues: q.error.issues.map((i) => ({
        path: `/${i.path.join('/')}`,
        code: i.code,
        message: i.message,
      })),
    });
  }
  const v: OccurrencesQuery = q.data;
  const zone = doc.program.timeZone;
  const from = boundMs(v.from, zone);
  const to = boundMs(v.to, zone);
  if (!(to > from) || to - from > MAX_OCCURRENCE_RANGE_DAYS * DAY_MS + 2 * 3_600_000) {
    return errorResponse(400, {
      code: 'invalid_request',
      message: `"to" must be after "from", at most ${MAX_OCCURRENCE_RANGE_DAYS} days later.`,
      issues: [{ path: '/to', code: 'invalid_range', message: 'out of range' }],
    });
  }
  let participant = v.participant;
  if (viewer.kind === 'kiosk' && participant !== undefined) {
    return errorResponse(403, {
      code: 'forbidden',
      message: 'A kiosk token reads the whole unit schedule only.',
    });
  }
  if (viewer.kind === 'participant') {
    if (participant !== undefined && participant !== viewer.participantId) {
      return errorResponse(403, {
        code: 'forbidden',
        message: 'A participant token reads its own schedule only.',
      });
    }
    participant = viewer.participantId;
  }
  if (participant !== undefined && !doc.people.participants.some((p) => p.id === participant)) {
    return errorResponse(400, {
      code: 'invalid_request',
      message: `No participant "${participant}".`,
      issues: [{ path: '/participant', code: 'unknown_reference', message: 'unknown participant' }],
    });
  }
  const body = scheduleResource(doc, viewer, {
    from,
    to,
    participant,
    includeCancelled: v.includeCancelled !== 'false',
  });
  return HttpResponse.json(body as unknown as Record<string, unknown>, {
    headers: { 'Cache-Control': 'no-cache' },
  });
}

/**
 * msw handlers answering `GET /api/v1/occurrences` from `document` for `options.viewer`, as
 * `scenario` says.
 *
 * @param document - a valid document (from `parseDocument`)
 * @param scenario - how to answer; default `success`
 * @param options - endpoint (`url` or `programId`), viewer, delay, failure count, invalid body
 * @throws TypeError when `options.programId` is not a valid id
 * @example
 * ```ts
 * worker.use(...scheduleHandlers(doc, 'success', { viewer: { kind: 'kiosk' } }));
 * // under a program's routes: GET /api/v1/programs/4-north/occurrences
 * worker.use(...scheduleHandlers(doc, 'success', { programId: '4-north' }));
 * ```
 */
export function scheduleHandlers(
  document: MilieuDocument,
  scenario: ScheduleScenario = 'success',
  options: ScheduleHandlerOptions = {},
): HttpHandler[] {
  return scheduleEndpoint(document, scenario, options).handlers;
}

/**
 * Like {@link scheduleHandlers}, and records the requests (to check a board's ranges,
 * prefetches and retries).
 *
 * @param document - a valid document (from `parseDocument`)
 * @param scenario - how to answer; default `success`
 * @param options - endpoint (`url` or `programId`), viewer, delay, failure count, invalid body
 * @throws TypeError when `options.programId` is not a valid id
 */
export function scheduleEndpoint(
  document: MilieuDocument,
  scenario: ScheduleScenario = 'success',
  options: ScheduleHandlerOptions = {},
): ScheduleEndpoint {
  let requests = 0;
  const queries: Record<string, string>[] = [];
  const viewer = options.viewer ?? { kind: 'staff' };
  const at = mount('scheduleEndpoint', OCCURRENCES_PATH, options);
  const handler = http.get(at.path, async ({ request, params }) => {
    if (!at.owns(params)) return undefined;
    requests++;
    const query = Object.fromEntries(new URL(request.url).searchParams);
    queries.push(query);
    const ok = (): Response => answer(document, query, viewer);
    switch (scenario) {
      case 'slow':
        await delay(options.delayMs ?? 1500);
        return ok();
      case 'loading':
        await delay('infinite');
        return HttpResponse.error();
      case 'not-found':
        return errorResponse(404, {
          code: 'not_found',
          message: 'There is no program document yet.',
        });
      case 'server-error':
        return errorResponse(500, { code: 'server_error', message: 'Temporary failure.' });
      case 'flaky':
        if (requests <= (options.failures ?? 1)) {
          return errorResponse(500, { code: 'server_error', message: 'Temporary failure.' });
        }
        return ok();
      case 'invalid':
        return HttpResponse.json(options.invalid ?? (invalidSchedule() as Record<string, unknown>));
      case 'offline':
        return HttpResponse.error();
      default:
        return ok();
    }
  });
  return {
    handlers: [handler],
    get requests() {
      return requests;
    },
    get queries() {
      return queries;
    },
  };
}

/**
 * A schedule loader (`({ from, to, participant }, signal) => Promise<unknown>`, what
 * `<milieu-schedule-board>`'s `loader` property takes) that GETs `url` with the range through
 * `fetcher`: resolves to the JSON body of a 2xx and rejects with the server's message otherwise.
 *
 * @param fetcher - e.g. `createFetch` over {@link scheduleHandlers}
 * @param url - default {@link OCCURRENCES_PATH}
 */
export function scheduleLoader(
  fetcher: typeof fetch,
  url: string = OCCURRENCES_PATH,
): (
  query: { from: string; to: string; participant?: string | undefined },
  signal: AbortSignal,
) => Promise<unknown> {
  return async (query, signal) => {
    const params = new URLSearchParams({ from: query.from, to: query.to });
    if (query.participant) params.set('participant', query.participant);
    const target = `${url}?${params.toString()}`;
    const response = await fetcher(target, { signal, headers: { Accept: 'application/json' } });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return body;
    const error = ErrorBodySchema.safeParse(body);
    const why = error.success ? `: ${error.data.error.message}` : '';
    throw new Error(`GET ${target} answered ${response.status}${why}`);
  };
}
