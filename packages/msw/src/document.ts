/**
 * msw handlers for the program document resource of `@milieu/core`'s contract
 * (`GET /api/v1/document`, `ETag` / `If-None-Match`): success, slow, never answering (loading),
 * 404, 500, 500-then-success, a document that fails `parseDocument`, and a network error.
 *
 * @module
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { API_BASE_PATH, documentEtag, type MilieuDocument } from '@milieu/core';
import { errorResponse } from './errors.js';
import { mount } from './program-routes.js';

/** The path of the document resource: `API_BASE_PATH` + `/document` (`/api/v1/document`). */
export const DOCUMENT_PATH = `${API_BASE_PATH}/document`;

/** Scenarios of the mock document endpoint (see {@link documentHandlers}). */
export const DOCUMENT_SCENARIOS = [
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
 * How `GET /api/v1/document` answers:
 * - `success`: `200` with the document and `ETag: "<revision>"` (`304` for a matching `If-None-Match`);
 * - `slow`: the same after `delayMs` (default 1500 ms);
 * - `loading`: never answers, so a widget stays in its loading state;
 * - `not-found`: `404 not_found` (no document stored yet);
 * - `server-error`: `500 server_error` every time;
 * - `flaky`: `500` for the first `failures` requests (default 1), then `success`;
 * - `invalid`: `200` with a document that fails `parseDocument` (see {@link invalidDocument});
 * - `offline`: a network error (`fetch` rejects).
 */
export type DocumentScenario = (typeof DOCUMENT_SCENARIOS)[number];

/** Options of {@link documentHandlers}. */
export interface DocumentHandlerOptions {
  /** Endpoint URL or path. Default {@link DOCUMENT_PATH} (or the `programId`'s route). */
  url?: string;
  /**
   * Mount at this program's route, `programPath(programId)` + `/document`
   * (`/api/v1/programs/{programId}/document`), instead of `/api/v1/document`. `url` wins when both are
   * given. Throws a `TypeError` at creation for an invalid id.
   */
  programId?: string;
  /** The document revision, sent as the `ETag`. Default 1. */
  revision?: number;
  /** `slow`: milliseconds before answering. Default 1500. */
  delayMs?: number;
  /** `flaky`: how many 500s before success. Default 1. */
  failures?: number;
  /** `invalid`: the body to serve. Default {@link invalidDocument} of `document`. */
  invalid?: unknown;
}

/** What the mock document endpoint saw (see {@link DocumentEndpoint.requests}). */
export interface DocumentEndpoint {
  /** The handlers to pass to msw (`worker.use`, `server.use`, Storybook's `parameters.msw`). */
  handlers: HttpHandler[];
  /** How many GET requests were answered or failed so far. */
  readonly requests: number;
}

/**
 * A copy of `document` that `parseDocument` rejects: the first routine starts at `25:00` and the
 * program's time zone does not exist. Shows the "invalid document" state of the widgets.
 *
 * @param document - a valid document to break
 */
export function invalidDocument(document: MilieuDocument): unknown {
  const [first, ...rest] = document.routines;
  return {
    ...document,
    program: { ...document.program, timeZone: 'Mars/Olympus_Mons' },
    routines: first ? [{ ...first, start: '25:00' }, ...rest] : [],
  };
}

/**
 * msw handlers serving `document` at `GET /api/v1/document` as `scenario` says.
 *
 * @param document - the document to serve
 * @param scenario - how to answer; default `success`
 * @param options - endpoint (`url` or `programId`), revision, delay, failure count, invalid body
 * @throws TypeError when `options.programId` is not a valid id
 */
export function documentHandlers(
  document: MilieuDocument,
  scenario: DocumentScenario = 'success',
  options: DocumentHandlerOptions = {},
): HttpHandler[] {
  return documentEndpoint(document, scenario, options).handlers;
}

/**
 * Like {@link documentHandlers}, and counts the requests (to check a Retry sent a second one).
 *
 * @param document - the document to serve
 * @param scenario - how to answer; default `success`
 * @param options - endpoint (`url` or `programId`), revision, delay, failure count, invalid body
 * @throws TypeError when `options.programId` is not a valid id
 */
export function documentEndpoint(
  document: MilieuDocument,
  scenario: DocumentScenario = 'success',
  options: DocumentHandlerOptions = {},
): DocumentEndpoint {
  let requests = 0;
  const etag = documentEtag(options.revision ?? 1);
  const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
  const ok = (request: Request): Response =>
    request.headers.get('If-None-Match') === etag
      ? new HttpResponse(null, { status: 304, headers })
      : HttpResponse.json(document as unknown as Record<string, unknown>, { headers });
  const at = mount('documentEndpoint', DOCUMENT_PATH, options);
  const handler = http.get(at.path, async ({ request, params }) => {
    if (!at.owns(params)) return undefined;
    requests++;
    switch (scenario) {
      case 'slow':
        await delay(options.delayMs ?? 1500);
        return ok(request);
      case 'loading':
        await delay('infinite');
        return HttpResponse.error();
      case 'not-found':
        return errorResponse(404, {
          code: 'not_found',
          message: 'No program document has been stored yet.',
        });
      case 'server-error':
        return errorResponse(500, { code: 'server_error', message: 'Temporary failure.' });
      case 'flaky':
        if (requests <= (options.failures ?? 1)) {
          return errorResponse(500, { code: 'server_error', message: 'Temporary failure.' });
        }
        return ok(request);
      case 'invalid':
        return new HttpResponse(JSON.stringify(options.invalid ?? invalidDocument(document)), {
          headers: { ...headers, 'Content-Type': 'application/json' },
        });
      case 'offline':
        return HttpResponse.error();
      default:
        return ok(request);
    }
  });
  return {
    handlers: [handler],
    get requests() {
      return requests;
    },
  };
}
