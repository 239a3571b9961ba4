/**
 * What every endpoint of the Milieu HTTP API shares: the base path, the roles a bearer token
 * can carry, error codes, and small value types such as a display-safe person reference.
 *
 * Errors use the feedback contract's body (`ErrorBodySchema`: `{ error: { code, message,
 * issues? } }`, issues located by JSON pointers), so every client reads one error shape.
 *
 * @module
 */
import * as z from 'zod/mini';
import { FEEDBACK_ERROR_CODES } from '../feedback/error-codes.js';
import { IdSchema } from '../model/scalars.js';

/** The base path of version 1 of the API. */
export const API_BASE_PATH = '/api/v1';

/**
 * What a bearer token may do:
 * - `admin`: everything, including replacing the program document;
 * - `staff`: read the document, record attendance, review feedback, see all findings;
 * - `participant`: their own schedule, and the feedback they wrote or may see;
 * - `kiosk`: the display-safe schedule only (preferred first name + last initial, no records).
 */
export const ROLES = ['admin', 'staff', 'participant', 'kiosk'] as const;
/** A role (see {@link ROLES}). */
export type Role = (typeof ROLES)[number];
/** A role (see {@link ROLES}). */
export const RoleSchema = z.enum(ROLES);

/**
 * Error codes of the API: the feedback contract's codes plus the ones other endpoints need.
 * Clients must accept codes they do not know (and fall back on the HTTP status).
 */
export const API_ERROR_CODES = [
  ...FEEDBACK_ERROR_CODES,
  'invalid_request',
  'invalid_json',
  'unsupported_media_type',
  'precondition_failed',
  'precondition_required',
  'conflict',
] as const;
/** A known error code (see {@link API_ERROR_CODES}). */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * A person as other people may see them: an optional opaque id and a name already reduced for
 * the viewer (`Dana R.` on a kiosk, `Dana Rivera` for staff).
 */
export const PersonRefSchema = z.strictObject({
  id: z.optional(IdSchema),
  name: z.string(),
});
/** A person reference (see {@link PersonRefSchema}). */
export type PersonRef = z.infer<typeof PersonRefSchema>;

/** `GET /api/v1/me`: who the bearer token speaks for. */
export const SessionResponseSchema = z.strictObject({
  role: RoleSchema,
  participantId: z.optional(IdSchema),
  staffId: z.optional(IdSchema),
});
/** The body of `GET /api/v1/me`. */
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/** `GET /healthz`: the process is up and its database answers. */
export const HealthResponseSchema = z.strictObject({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
});
/** The body of `GET /healthz`. */
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
