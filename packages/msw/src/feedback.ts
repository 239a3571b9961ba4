/**
 * msw handlers for the feedback HTTP contract of `@milieu/core` (`POST /api/v1/feedback` with an
 * `Idempotency-Key`): success, 500-then-success (the entry is stored before the 500, as when a
 * response is lost, so only the key prevents a second copy), a 4xx with the server's message, a
 * 422 with located issues, a network error (offline) and a request that never answers.
 *
 * @module
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  CreateFeedbackRequestSchema,
  FEEDBACK_PATH,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKeySchema,
  type CreateFeedbackResponse,
  type ErrorBody,
  type FeedbackEntry,
} from '@milieu/core';
import { errorBody, errorResponse } from './errors.js';
import { mount } from './program-routes.js';

/** One request the mock server saw. */
export interface SeenRequest {
  /** The `Idempotency-Key` header, or `null` when missing. */
  key: string | null;
  /** The parsed JSON body, or `undefined` when it was not JSON. */
  body: unknown;
}

/** The mock server's memory: what it stored and every request it saw. */
export interface FeedbackServer {
  /** Stored entries, at most one per idempotency key. */
  saved: FeedbackEntry[];
  /** Every request, in order, stored or not. */
  requests: SeenRequest[];
  /** Forgets everything (entries, requests and keys). */
  reset(): void;
}

interface Stored {
  json: string;
  entry: FeedbackEntry;
}
const stores = new WeakMap<FeedbackServer, Map<string, Stored>>();

/** A fresh, empty mock feedback server, to pass to {@link feedbackHandlers}. */
export function createFeedbackServer(): FeedbackServer {
  const byKey = new Map<string, Stored>();
  const server: FeedbackServer = {
    saved: [],
    requests: [],
    reset() {
      server.saved = [];
      server.requests = [];
      byKey.clear();
    },
  };
  stores.set(server, byKey);
  return server;
}

/** Scenarios of the mock feedback endpoint (see {@link feedbackHandlers}). */
export const FEEDBACK_SCENARIOS = [
  'success',
  'flaky',
  'rejected',
  'invalid',
  'offline',
  'timeout',
] as const;
/**
 * How the mock feedback endpoint behaves:
 * - `success`: `201 { entry }`, one stored entry per key (a replay answers the first entry);
 * - `flaky`: stores the entry, then answers `500` `failures` times per key before the `201`;
 * - `rejected`: a 4xx (default `403 forbidden`) with the server's message; nothing stored;
 * - `invalid`: `422 invalid_entry` with the server's message and located issues;
 * - `offline`: a network error (`fetch` rejects), nothing stored;
 * - `timeout`: never answers (the client's timeout must abort it).
 */
export type FeedbackScenario = (typeof FEEDBACK_SCENARIOS)[number];

/** Options of {@link feedbackHandlers}. */
export interface FeedbackHandlerOptions {
  /** Endpoint URL or path. Default `FEEDBACK_PATH` (`/api/v1/feedback`, or the `programId`'s route). */
  url?: string;
  /**
   * Mount at this program's route, `programPath(programId)` + `/feedback`
   * (`/api/v1/programs/{programId}/feedback`), instead of `/api/v1/feedback`. `url` wins when both are
   * given. Throws a `TypeError` at creation for an invalid id.
   */
  programId?: string;
  /** `flaky`: how many 500s each key gets before success. Default 1. */
  failures?: number;
  /** `rejected`: the status. Default 403. */
  status?: number;
  /** `rejected` and `invalid`: the error body's `error` (code, message, issues). */
  error?: ErrorBody['error'];
  /** Milliseconds to wait before answering (all scenarios but `timeout`). Default 0. */
  delayMs?: number;
}

const DEFAULT_REJECTED: ErrorBody['error'] = {
  code: 'forbidden',
  message: 'Peer feedback is closed for this person today.',
};
const DEFAULT_INVALID: ErrorBody['error'] = {
  code: 'invalid_entry',
  message: 'Feedback about another participant must name a strength in your own words.',
  issues: [{ path: '/strengths', code: 'too_short', message: 'Write at least a few words.' }],
};

/**
 * msw handlers implementing the feedback contract for `scenario`, recording into `server`.
 * Requests without a valid `Idempotency-Key` get `400 idempotency_key_missing`; bodies that fail
 * `CreateFeedbackRequestSchema` get `422 invalid_entry` with issues; a key reused with another
 * body gets `422 idempotency_key_reused`.
 *
 * @param server - the memory to record into (see {@link createFeedbackServer})
 * @param scenario - how to answer; default `success`
 * @param options - endpoint (`url` or `programId`), failure count, status and error body
 * @throws TypeError when `options.programId` is not a valid id
 */
export function feedbackHandlers(
  server: FeedbackServer,
  scenario: FeedbackScenario = 'success',
  options: FeedbackHandlerOptions = {},
): HttpHandler[] {
  const byKey = stores.get(server) ?? new Map<string, Stored>();
  const failuresLeft = new Map<string, number>();
  const at = mount('feedbackHandlers', FEEDBACK_PATH, options);
  return [
    http.post(at.path, async ({ request, params }) => {
      if (!at.owns(params)) return undefined;
      const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
      const body: unknown = await request.json().catch(() => undefined);
      server.requests.push({ key, body });
      if (scenario === 'timeout') {
        await delay('infinite');
        return HttpResponse.error();
      }
      if (options.delayMs) await delay(options.delayMs);
      if (scenario === 'offline') return HttpResponse.error();
      if (scenario === 'rejected') {
        return errorResponse(options.status ?? 403, options.error ?? DEFAULT_REJECTED);
      }
      if (scenario === 'invalid') return errorResponse(422, options.error ?? DEFAULT_INVALID);
      if (!key || !IdempotencyKeySchema.safeParse(key).success) {
        return HttpResponse.json(
          errorBody('idempotency_key_missing', 'Send an Idempotency-Key header.'),
          { status: 400 },
        );
      }
      const parsed = CreateFeedbackRequestSchema.safeParse(body);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: '/' + i.path.map(String).join('/'),
          code: i.code,
          message: i.message,
        }));
        return errorResponse(
          422,
          errorBody('invalid_entry', 'The entry is not valid.', issues).error,
        );
      }
      const json = JSON.stringify(parsed.data);
      const known = byKey.get(key);
      if (known && known.json !== json) {
        return errorResponse(422, {
          code: 'idempotency_key_reused',
          message: 'This key was used for a different entry.',
        });
      }
      const stored = known ?? { json, entry: parsed.data };
      if (!known) {
        byKey.set(key, stored);
        server.saved.push(parsed.data);
      }
      if (scenario === 'flaky') {
        const left = failuresLeft.get(key) ?? options.failures ?? 1;
        if (left > 0) {
          failuresLeft.set(key, left - 1);
          // Stored, but the response is lost: only the key stops a second copy.
          return errorResponse(500, { code: 'server_error', message: 'Temporary failure.' });
        }
      }
      return HttpResponse.json({ entry: stored.entry } satisfies CreateFeedbackResponse, {
        status: 201,
      });
    }),
  ];
}
