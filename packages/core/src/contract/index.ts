/**
 * The HTTP contract of the Milieu API (`/api/v1`): every request, response and error body that
 * crosses the network, as zod/mini schemas. The reference server, the mock handlers and the
 * widgets all read it from here. Every route also lives under `/api/v1/programs/{programId}/…`
 * (see `programs.ts`). Creating feedback follows the feedback module's contract
 * (`CreateFeedbackRequestSchema`, `Idempotency-Key`); errors use its `ErrorBodySchema`.
 *
 * @module
 */
export * from './common.js';
export * from './programs.js';
export * from './document.js';
export * from './schedule.js';
export * from './schedule-resource.js';
export * from './records.js';
export * from './feedback-context.js';
export * from './findings.js';
export * from './json-schema.js';
