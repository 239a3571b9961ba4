/**
 * Programs as tenants: one server (one database) holds many programs, and every route of the
 * API also lives under `/api/v1/programs/{programId}/…`. `GET /api/v1/programs` lists the
 * programs the caller may use, with their role in each, and nothing more.
 *
 * @module
 */
import * as z from 'zod/mini';
import { IdSchema } from '../model/scalars.js';
import { API_BASE_PATH, RoleSchema } from './common.js';

/** `GET` lists the caller's programs; `${PROGRAMS_PATH}/{programId}/…` are one program's routes. */
export const PROGRAMS_PATH = `${API_BASE_PATH}/programs`;

/**
 * The base path of one program's routes: `programPath('cedar-day') + '/occurrences'`.
 *
 * @param programId - the program (`program.id`)
 * @example
 * ```ts
 * programPath('cedar-day'); // '/api/v1/programs/cedar-day'
 * ```
 */
export function programPath(programId: string): string {
  return `${PROGRAMS_PATH}/${encodeURIComponent(programId)}`;
}

/** One program as `GET /api/v1/programs` lists it: id, name and the caller's role there. */
export const ProgramSummarySchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  role: RoleSchema,
});
/** A program as listed (see {@link ProgramSummarySchema}). */
export type ProgramSummary = z.infer<typeof ProgramSummarySchema>;

/** `GET /api/v1/programs`: the programs the caller may use, by id. */
export const ProgramListResponseSchema = z.strictObject({
  programs: z.array(ProgramSummarySchema),
});
/** The body of `GET /api/v1/programs`. */
export type ProgramListResponse = z.infer<typeof ProgramListResponseSchema>;

/**
 * The error of every program route for a program the token may not use **or** that does not
 * exist — the same `404` body for both, byte for byte, so programs cannot be probed:
 * `{"error":{"code":"not_found","message":"no such program"}}`. The reference server and the
 * mock handlers of `@milieu/msw` both answer it.
 */
export const PROGRAM_NOT_FOUND = Object.freeze({
  code: 'not_found',
  message: 'no such program',
} as const);
