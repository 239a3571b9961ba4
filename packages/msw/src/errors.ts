import { HttpResponse } from 'msw';
import type { ErrorBody } from '@milieu/core';

/** One located problem of an error body (a JSON pointer into the request body). */
export type ContractIssue = NonNullable<ErrorBody['error']['issues']>[number];

/**
 * An error body per the core contract (`ErrorBodySchema`): `{ error: { code, message, issues? } }`.
 *
 * @param code - a machine-readable code, e.g. `invalid_entry`
 * @param message - a sentence for people, safe to show
 * @param issues - located problems, if any
 */
export function errorBody(code: string, message: string, issues?: ContractIssue[]): ErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/**
 * A JSON error response with the contract's error body.
 *
 * @param status - the HTTP status (4xx or 5xx)
 * @param error - the `error` object of the body
 */
export function errorResponse(status: number, error: ErrorBody['error']): Response {
  return HttpResponse.json({ error } satisfies ErrorBody, { status });
}
