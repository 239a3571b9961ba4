/**
 * msw handlers for the feedback HTTP contract (`@milieu/core`'s contract module), for tests and
 * stories: success, 500-then-success (the entry is stored before the 500, as when a response is
 * lost, so only idempotency prevents a second copy), a 4xx with a message, a network error
 * (offline) and a timeout. The in-memory server stores at most one entry per `Idempotency-Key`.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  CreateFeedbackRequestSchema,
  FEEDBACK_PATH,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKeySchema,
  type ErrorBody,
  type FeedbackEntry,
} from '@milieu/core';

/** One request the mock server saw. */
export interface SeenRequest {
  key: string | null;
  body: unknown;
}

/** The mock server's memory: what it stored and every request it saw. */
export interface FeedbackServer {
  /** Stored entries, at most one per idempotency key. */
  saved: FeedbackEntry[];
  requests: SeenRequest[];
  reset(): void;
}

/** A fresh, empty mock server. */
export function createFeedbackServer(): FeedbackServer {
  const server: FeedbackServer = {
    saved: [],
    requests: [],
    reset() {
      server.saved = [];
      server.requests = [];
      byKey.clear();
    },
  };
  const byKey = new Map<string, { json: string; entry: FeedbackEntry }>();
  stores.set(server, byKey);
  return server;
}
const stores = new WeakMap<FeedbackServer, Map<string, { json: string; entry: FeedbackEntry }>>();

/** How the mock endpoint behaves. */
export type FeedbackScenario = 'success' | 'flaky' | 'rejected' | 'offline' | 'timeout';

/** Options of {@link feedbackHandlers}. */
export interface FeedbackHandlerOptions {
  /** Endpoint URL or path. Default `FEEDBACK_PATH` (`/api/v1/feedback`). */
  url?: string;
  /** `flaky`: how many 500s each key gets before success. Default 1. */
  failures?: number;
  /** `rejected`: the status and error body. Default 403, `forbidden`. */
  status?: number;
  error?: ErrorBody['error'];
}

const errorBody = (
  code: string,
  message: string,
  issues?: ErrorBody['error']['issues'],
): ErrorBody => ({
  error: issues ? { code, message, issues } : { code, message },
});

/** msw handlers implementing the contract for `scenario`, recording into `server`. */
export function feedbackHandlers(
  server: FeedbackServer,
  scenario: FeedbackScenario = 'success',
  options: FeedbackHandlerOptions = {},
): HttpHandler[] {
  const byKey = stores.get(server) ?? new Map();
  const failuresLeft = new Map<string, number>();
  return [
    http.post(options.url ?? FEEDBACK_PATH, async ({ request }) => {
      const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
      const body: unknown = await request.json().catch(() => undefined);
      server.requests.push({ key, body });
      if (scenario === 'offline') return HttpResponse.error();
      if (scenario === 'timeout') {
        await delay('infinite');
        return HttpResponse.error();
      }
      if (scenario === 'rejected') {
        const error = options.error ?? {
          code: 'forbidden',
          message: 'Peer feedback is closed for this person today.',
        };
        return HttpResponse.json({ error }, { status: options.status ?? 403 });
      }
      if (!key || !IdempotencyKeySchema.safeParse(key).success) {
        return HttpResponse.json(
          errorBody('idempotency_key_missing', 'Send an Idempotency-Key header.'),
          {
            status: 400,
          },
        );
      }
      const parsed = CreateFeedbackRequestSchema.safeParse(body);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: '/' + i.path.join('/'),
          code: i.code,
          message: i.message,
        }));
        return HttpResponse.json(errorBody('invalid_entry', 'The entry is not valid.', issues), {
          status: 422,
        });
      }
      const json = JSON.stringify(parsed.data);
      const known = byKey.get(key);
      if (known && known.json !== json) {
        return HttpResponse.json(
          errorBody('idempotency_key_reused', 'This key was used for a different entry.'),
          { status: 409 },
        );
      }
      if (!known) {
        byKey.set(key, { json, entry: parsed.data });
        server.saved.push(parsed.data);
      }
      if (scenario === 'flaky') {
        const left = failuresLeft.get(key) ?? options.failures ?? 1;
        if (left > 0) {
          failuresLeft.set(key, left - 1);
          // Stored, but the response is lost: only the key stops a second copy.
          return HttpResponse.json(errorBody('server_error', 'Temporary failure.'), {
            status: 500,
          });
        }
      }
      return HttpResponse.json(
        { entry: (byKey.get(key) ?? { entry: parsed.data }).entry },
        { status: 201 },
      );
    }),
  ];
}
