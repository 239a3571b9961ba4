/**
 * msw handlers for `POST /api/v1/attendance` (core's contract): each request upserts one record
 * per occurrence and participant, as the reference server does, so replays never store twice;
 * plus scenarios: slow, 503-then-success, a lost response (stored, then the connection drops),
 * 403, a 400 for a cancelled occurrence (`/occurrenceId`), and a network error.
 *
 * @module
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { API_BASE_PATH, parseAttendanceRecord, type AttendanceRecord } from '@milieu/core';
import { errorResponse } from './errors.js';
import { mount } from './program-routes.js';

/** The path of `POST /api/v1/attendance`. */
export const ATTENDANCE_PATH = `${API_BASE_PATH}/attendance`;

/** Scenarios of the mock attendance endpoint (see {@link attendanceEndpoint}). */
export const ATTENDANCE_SCENARIOS = [
  'success',
  'slow',
  'flaky',
  'lost-response',
  'forbidden',
  'cancelled',
  'offline',
] as const;
/**
 * How `POST /api/v1/attendance` answers:
 * - `success`: `200 { record }` (a bad body is a `400` with pointers);
 * - `slow`: the same after `delayMs` (default 1500 ms);
 * - `flaky`: `503` for the first `failures` requests (default 1), then `success`;
 * - `lost-response`: the first `failures` requests are stored, then the connection drops;
 * - `forbidden`: `403 forbidden` (a token without the staff role);
 * - `cancelled`: `400` with an issue at `/occurrenceId` (the occurrence is cancelled);
 * - `offline`: a network error (`fetch` rejects).
 */
export type AttendanceScenario = (typeof ATTENDANCE_SCENARIOS)[number];

/** Options of {@link attendanceEndpoint}. */
export interface AttendanceHandlerOptions {
  /** Endpoint URL or path. Default {@link ATTENDANCE_PATH} (or the `programId`'s route). */
  url?: string;
  /**
   * Mount at this program's route, `programPath(programId)` + `/attendance`
   * (`/api/v1/programs/{programId}/attendance`), instead of `/api/v1/attendance`. `url` wins when both are
   * given. Throws a `TypeError` at creation for an invalid id.
   */
  programId?: string;
  /** `slow`: milliseconds before answering. Default 1500. */
  delayMs?: number;
  /** `flaky` / `lost-response`: how many requests fail first. Default 1. */
  failures?: number;
}

/** The mock endpoint and what it stored. */
export interface AttendanceEndpoint {
  handlers: HttpHandler[];
  /** The stored records, one per occurrence and participant. */
  readonly records: readonly AttendanceRecord[];
  /** How many POSTs arrived. */
  readonly requests: number;
}

/**
 * A mock `POST /api/v1/attendance` with an in-memory store.
 *
 * @param scenario - how it answers (default `success`)
 * @param options - endpoint (`url` or `programId`), delay and failure count
 * @throws TypeError when `options.programId` is not a valid id
 */
export function attendanceEndpoint(
  scenario: AttendanceScenario = 'success',
  options: AttendanceHandlerOptions = {},
): AttendanceEndpoint {
  const store = new Map<string, AttendanceRecord>();
  let requests = 0;
  const failures = options.failures ?? 1;
  const at = mount('attendanceEndpoint', ATTENDANCE_PATH, options);
  const handler = http.post(at.path, async ({ request, params }) => {
    if (!at.owns(params)) return undefined;
    requests++;
    if (scenario === 'offline') return HttpResponse.error();
    if (scenario === 'slow') await delay(options.delayMs ?? 1500);
    if (scenario === 'forbidden')
      return errorResponse(403, {
        code: 'forbidden',
        message: 'This token may not record attendance.',
      });
    if (scenario === 'flaky' && requests <= failures)
      return errorResponse(503, { code: 'unavailable', message: 'Try again shortly.' });
    const parsed = parseAttendanceRecord(await request.json().catch(() => undefined));
    if (!parsed.ok)
      return errorResponse(400, {
        code: 'invalid_request',
        message: 'The record is not valid.',
        issues: parsed.issues,
      });
    if (scenario === 'cancelled')
      return errorResponse(400, {
        code: 'invalid_request',
        message: `"${parsed.value.occurrenceId}" is cancelled.`,
        issues: [{ path: '/occurrenceId', code: 'cancelled_occurrence', message: 'cancelled' }],
      });
    const record = parsed.value;
    store.set(`${record.occurrenceId} ${record.participantId}`, record);
    if (scenario === 'lost-response' && requests <= failures) return HttpResponse.error();
    return HttpResponse.json({ record });
  });
  return {
    handlers: [handler],
    get records() {
      return [...store.values()];
    },
    get requests() {
      return requests;
    },
  };
}
