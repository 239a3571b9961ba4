/**
 * The feedback endpoint's error codes, in a module of their own: the API's shared error codes
 * (`API_ERROR_CODES`) extend them, and a widget that only reads the schedule resource must not
 * bundle the feedback schemas with them.
 *
 * @module
 */

/** Error codes servers should use. Clients must accept others. */
export const FEEDBACK_ERROR_CODES = [
  'invalid_entry',
  'idempotency_key_missing',
  'idempotency_key_reused',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  'rate_limited',
  'server_error',
  'unavailable',
] as const;
/** A known error code (see {@link FEEDBACK_ERROR_CODES}). */
export type FeedbackErrorCode = (typeof FEEDBACK_ERROR_CODES)[number];
