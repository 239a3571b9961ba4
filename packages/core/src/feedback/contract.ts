/**
 * The HTTP contract for saving feedback, shared by the form, the reference server and the mock
 * handlers.
 *
 * ```
 * POST {action}                       (suggested path: FEEDBACK_PATH)
 * Content-Type: application/json
 * Idempotency-Key: <1–255 visible ASCII characters, a UUID from the form>
 * body: FeedbackEntry
 *
 * 201 { entry: FeedbackEntry }        saved (a replay of the same key returns the first response)
 * 4xx { error: { code, message, issues? } }   not saved; fix and resend (retrying as is will not help)
 * 5xx { error: … } or anything        may or may not be saved; resend with the SAME key
 * ```
 *
 * A server must store at most one entry per idempotency key: a retry after a lost response
 * must not create a second entry. A key reused with a different body is a `422`
 * `idempotency_key_reused` (as the IETF Idempotency-Key draft says; `409` is for a request with
 * the same key still in progress).
 *
 * @module
 */
import * as z from 'zod/mini';
import { FeedbackEntrySchema, type FeedbackEntry } from '../model/index.js';

/** The path of the endpoint in the Milieu API (`API_BASE_PATH` + `/feedback`); the form POSTs to whatever `action` says. */
export const FEEDBACK_PATH = '/api/v1/feedback';
/** The header carrying the idempotency key (IETF draft `Idempotency-Key`). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** An idempotency key: 1–255 visible ASCII characters (the form sends a UUID). */
export const IdempotencyKeySchema = z.string().check(z.regex(/^[\x21-\x7e]{1,255}$/));

/** The request body: the entry itself. */
export const CreateFeedbackRequestSchema = FeedbackEntrySchema;
/** The request body (see {@link CreateFeedbackRequestSchema}). */
export type CreateFeedbackRequest = z.infer<typeof CreateFeedbackRequestSchema>;

/** The `201 Created` body: the stored entry (the server may have set `review`). */
export const CreateFeedbackResponseSchema = z.object({ entry: FeedbackEntrySchema });
/** The `201 Created` body. */
export type CreateFeedbackResponse = z.infer<typeof CreateFeedbackResponseSchema>;

/** One located problem, as in the model's `Issue` (JSON pointer into the request body). */
export const ContractIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});

/** The body of every error response. `message` is for people and safe to show. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string().check(z.minLength(1)),
    message: z.string(),
    issues: z.optional(z.array(ContractIssueSchema)),
  }),
});
/** The body of every error response. */
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/**
 * Whether a failed request should be retried automatically with the same key: network errors
 * (`status` undefined), `408`, `429` and every `5xx`. Other `4xx` will fail again as they are.
 */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

/** What a response means for the client (see {@link readFeedbackResponse}). */
export type FeedbackResponseOutcome =
  | { ok: true; entry: FeedbackEntry | undefined }
  | { ok: false; retryable: boolean; error: ErrorBody['error'] };

/**
 * Interprets a response status and parsed JSON body (or `undefined`) per this contract: any 2xx
 * is saved (with the server's entry when the body matches), anything else an error with the
 * server's message when it sent one.
 *
 * @param status - the HTTP status
 * @param body - the parsed JSON body, if any
 */
export function readFeedbackResponse(status: number, body: unknown): FeedbackResponseOutcome {
  if (status >= 200 && status < 300) {
    const parsed = CreateFeedbackResponseSchema.safeParse(body);
    return { ok: true, entry: parsed.success ? parsed.data.entry : undefined };
  }
  const parsed = ErrorBodySchema.safeParse(body);
  const error = parsed.success
    ? parsed.data.error
    : { code: status >= 500 ? 'server_error' : 'http_' + status, message: '' };
  return { ok: false, retryable: isRetryableStatus(status), error };
}

/** Automatic retry timing: exponential backoff with jitter, capped, for a bounded number of attempts. */
export interface RetryPolicy {
  /** Attempts in all, the first included. Default 5. */
  maxAttempts: number;
  /** Delay before the first retry, in ms. Default 500. */
  baseDelayMs: number;
  /** Longest delay, in ms. Default 15 000. */
  maxDelayMs: number;
}

/** The default {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
};

/**
 * The wait before retry number `retry` (1 = the first retry): `base · 2^(retry-1)`, capped at
 * `maxDelayMs`, then "equal jitter" — between half and all of it — so many clients that failed
 * together do not retry together.
 *
 * @param retry - 1 for the first retry
 * @param policy - timing; defaults from {@link DEFAULT_RETRY_POLICY}
 * @param random - a number in [0, 1); inject it in tests
 */
export function backoffDelay(
  retry: number,
  policy: Partial<RetryPolicy> = {},
  random: number = 0.5,
): number {
  const { baseDelayMs, maxDelayMs } = { ...DEFAULT_RETRY_POLICY, ...policy };
  const full = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(full / 2 + (full / 2) * Math.min(Math.max(random, 0), 1));
}
