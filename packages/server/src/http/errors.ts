/**
 * Error responses: every failure is `{ error: { code, message, issues? } }` (the core contract's
 * `ErrorBody`), raised by throwing an {@link ApiError} anywhere in a handler.
 *
 * @module
 */
import type { ApiErrorCode, ErrorBody, Issue } from '@milieu/core';

/** An error that becomes a JSON error response with its status. */
export class ApiError extends Error {
  /** The HTTP status. */
  readonly status: number;
  /** The machine-readable code. */
  readonly code: ApiErrorCode;
  /** Located problems in the request (JSON pointers). */
  readonly issues: Issue[] | undefined;
  /** Extra response headers (`Retry-After`, `WWW-Authenticate`, `ETag`). */
  readonly headers: Record<string, string>;

  /**
   * @param status - the HTTP status
   * @param code - the error code
   * @param message - for people, safe to show (never personal data)
   * @param options - issues and extra headers
   */
  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    options: { issues?: Issue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = options.issues;
    this.headers = options.headers ?? {};
  }

  /** The response body. */
  body(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.issues !== undefined) error.issues = this.issues;
    return { error };
  }
}

/**
 * A `400` for a request that failed validation.
 *
 * @param code - `invalid_request`, `invalid_entry`, …
 * @param issues - every problem, located by JSON pointers
 * @param message - a summary
 */
export function invalid(
  code: ApiErrorCode,
  issues: Issue[],
  message = 'the request is not valid: see issues',
): ApiError {
  return new ApiError(400, code, message, { issues });
}

/** The JSON content type of every API response. */
export const JSON_TYPE = 'application/json; charset=utf-8';
