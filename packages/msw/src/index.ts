/**
 * `@milieu/msw` — Mock Service Worker handlers for the Milieu Kit HTTP API, built from the
 * contract in `@milieu/core`. One set of handlers serves Storybook, the widgets' browser tests
 * and Node tests alike:
 *
 * - {@link documentHandlers}: `GET /api/v1/document` — success, slow, loading, 404, 500,
 *   500-then-success, an invalid document, offline;
 * - {@link scheduleHandlers}: `GET /api/v1/occurrences` — the schedule resource for a staff,
 *   participant or kiosk viewer, honouring `from`, `to` and `participant`; slow, loading, 404,
 *   500, 500-then-success, an invalid body, offline;
 * - {@link feedbackHandlers}: `POST /api/v1/feedback` — 201, 500-then-success honouring the
 *   `Idempotency-Key`, 4xx and 422 with the server's message, offline, timeout;
 * - {@link feedbackContextHandlers}: `GET /api/v1/feedback/context` — a participant's and a
 *   staff member's context, loading, 403, 500, offline, a body that fails the contract schema;
 * - {@link attendanceEndpoint}: `POST /api/v1/attendance` — one record per occurrence and
 *   participant; slow, 503-then-success, a lost response, 403, a cancelled occurrence, offline;
 * - {@link programsEndpoint}: `GET /api/v1/programs` — the caller's programs; slow, loading,
 *   500, 500-then-success, an invalid body, offline; and the server's `404 no such program` for
 *   the routes of every program not listed ({@link programNotFoundHandlers});
 * - {@link createFetch}: a `fetch` answered by handlers, with no service worker.
 *
 * Every family takes `options.programId` to mount under that program's routes
 * (`/api/v1/programs/{programId}/…`, see {@link programScopedPath}); `options.url` wins.
 *
 * @packageDocumentation
 */
export { errorBody, errorResponse, type ContractIssue } from './errors.js';
export {
  DOCUMENT_PATH,
  DOCUMENT_SCENARIOS,
  documentEndpoint,
  documentHandlers,
  invalidDocument,
  type DocumentEndpoint,
  type DocumentHandlerOptions,
  type DocumentScenario,
} from './document.js';
export {
  OCCURRENCES_PATH,
  SCHEDULE_SCENARIOS,
  invalidSchedule,
  scheduleEndpoint,
  scheduleHandlers,
  scheduleLoader,
  type ScheduleEndpoint,
  type ScheduleHandlerOptions,
  type ScheduleScenario,
} from './schedule.js';
export {
  FEEDBACK_SCENARIOS,
  createFeedbackServer,
  feedbackHandlers,
  type FeedbackHandlerOptions,
  type FeedbackScenario,
  type FeedbackServer,
  type SeenRequest,
} from './feedback.js';
export {
  FEEDBACK_CONTEXT_SCENARIOS,
  feedbackContextEndpoint,
  feedbackContextHandlers,
  participantFeedbackContext,
  staffFeedbackContext,
  type FeedbackContextEndpoint,
  type FeedbackContextHandlerOptions,
  type FeedbackContextScenario,
} from './feedback-context.js';
export { createFetch, documentLoader, type HandlerFetchOptions } from './fetch.js';
export {
  ATTENDANCE_PATH,
  ATTENDANCE_SCENARIOS,
  attendanceEndpoint,
  type AttendanceEndpoint,
  type AttendanceHandlerOptions,
  type AttendanceScenario,
} from './attendance.js';
export {
  PROGRAM_NOT_FOUND,
  programNotFoundHandlers,
  programNotFoundResponse,
  programScopedPath,
} from './program-routes.js';
export {
  PROGRAMS_SCENARIOS,
  invalidProgramList,
  programsEndpoint,
  programsHandlers,
  type ProgramsEndpoint,
  type ProgramsHandlerOptions,
  type ProgramsScenario,
} from './programs.js';
