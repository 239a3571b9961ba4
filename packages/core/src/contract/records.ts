/**
 * Records over HTTP: attendance (staff) and feedback review (staff) or reading (participants).
 * Creating feedback is the feedback contract (`CreateFeedbackRequestSchema`, `Idempotency-Key`).
 *
 * ```
 * POST /api/v1/attendance                       body AttendanceRecord      200 { record }
 * GET  /api/v1/attendance?from=&to=             200 { records }
 * POST /api/v1/feedback      Idempotency-Key    body FeedbackEntry         201 { entry }
 * GET  /api/v1/feedback?status=&subject=        200 FeedbackListResponse
 * PUT  /api/v1/feedback/{id}/review             body ReviewChangeRequest   200 { entry }
 * ```
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  AttendanceRecordSchema,
  FEEDBACK_SOURCES,
  FEEDBACK_VISIBILITIES,
  FeedbackEntrySchema,
  IdSchema,
  LocalDateSchema,
  REVIEW_FLAGS,
  REVIEW_STATUSES,
} from '../model/index.js';
import { isSupportedDate, UNSUPPORTED_TIME_MESSAGE } from '../time/index.js';

/** The body of `POST /api/v1/attendance`: one record, upserted by (occurrence, participant). */
export const RecordAttendanceRequestSchema = AttendanceRecordSchema;
/** The body of `POST /api/v1/attendance`. */
export type RecordAttendanceRequest = z.infer<typeof RecordAttendanceRequestSchema>;

/** The `200` body of `POST /api/v1/attendance`: the record as stored. */
export const AttendanceResponseSchema = z.strictObject({ record: AttendanceRecordSchema });
const SupportedDateSchema = LocalDateSchema.check(
  z.refine(isSupportedDate, {
    message: UNSUPPORTED_TIME_MESSAGE,
    params: { code: 'out_of_range' },
  }),
);

/** The `200` body of `POST /api/v1/attendance`. */
export type AttendanceResponse = z.infer<typeof AttendanceResponseSchema>;

/** The query of `GET /api/v1/attendance`: occurrences whose original date is in `[from, to)`. */
export const AttendanceQuerySchema = z.strictObject({
  from: SupportedDateSchema,
  to: SupportedDateSchema,
});
/** The query of `GET /api/v1/attendance`. */
export type AttendanceQuery = z.infer<typeof AttendanceQuerySchema>;

/** The `200` body of `GET /api/v1/attendance`. */
export const AttendanceListResponseSchema = z.strictObject({
  records: z.array(AttendanceRecordSchema),
});
/** The `200` body of `GET /api/v1/attendance`. */
export type AttendanceListResponse = z.infer<typeof AttendanceListResponseSchema>;

/** Page sizes of `GET /api/v1/feedback`: default 100, at most 500. */
export const FEEDBACK_PAGE_SIZE = { default: 100, max: 500 } as const;

/**
 * The query of `GET /api/v1/feedback`. Filters apply to what the caller may see; `cursor` is the
 * `nextCursor` of the previous page.
 */
export const FeedbackListQuerySchema = z.strictObject({
  status: z.optional(z.enum(REVIEW_STATUSES)),
  subject: z.optional(IdSchema),
  source: z.optional(z.enum(FEEDBACK_SOURCES)),
  limit: z.optional(z.string().check(z.regex(/^[1-9]\d{0,3}$/))),
  cursor: z.optional(z.string().check(z.regex(/^\d{1,15}$/))),
});
/** The query of `GET /api/v1/feedback`. */
export type FeedbackListQuery = z.infer<typeof FeedbackListQuerySchema>;

/** Mean and count of one rating item across the entries of an aggregate. */
export const RatingSummarySchema = z.strictObject({
  count: z.number().check(z.int(), z.positive()),
  mean: z.number(),
});

/**
 * Anonymous peer feedback about one participant, shown to them only as an aggregate of at least
 * `program.policy.peerAnonymityMinRaters` (default 3) distinct raters: no ids, no dates, no
 * authors, texts sorted so their order says nothing about who wrote them.
 */
export const PeerFeedbackAggregateSchema = z.strictObject({
  subjectId: IdSchema,
  raters: z.number().check(z.int(), z.positive()),
  entries: z.number().check(z.int(), z.positive()),
  ratings: z.record(z.string(), RatingSummarySchema),
  strengths: z.array(z.string()),
  suggestions: z.array(z.string()),
});
/** An aggregate of anonymous peer feedback (see {@link PeerFeedbackAggregateSchema}). */
export type PeerFeedbackAggregate = z.infer<typeof PeerFeedbackAggregateSchema>;

/**
 * The `200` body of `GET /api/v1/feedback`. Staff and admin (the reviewers) see every entry with
 * its author. A participant sees the entries they wrote, approved entries shown to them or to
 * the community (anonymous ones without `authorId`), and anonymous peer feedback about them only
 * in `aggregates`.
 */
export const FeedbackListResponseSchema = z.strictObject({
  entries: z.array(FeedbackEntrySchema),
  aggregates: z.optional(z.array(PeerFeedbackAggregateSchema)),
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor: z.optional(z.string()),
});
/** The `200` body of `GET /api/v1/feedback`. */
export type FeedbackListResponse = z.infer<typeof FeedbackListResponseSchema>;

/**
 * The body of `PUT /api/v1/feedback/{id}/review`: the new review status and flags, and
 * optionally a new visibility (an entry routed to staff for safety language is narrowed to
 * `staff`; the reviewer may widen it again). The server sets `reviewedAt` (now) and `reviewedBy`
 * (the staff id of the token, when it has one).
 */
export const ReviewChangeRequestSchema = z.strictObject({
  status: z.enum(REVIEW_STATUSES),
  flags: z.optional(z.array(z.enum(REVIEW_FLAGS))),
  visibility: z.optional(z.enum(FEEDBACK_VISIBILITIES)),
});
/** The body of `PUT /api/v1/feedback/{id}/review`. */
export type ReviewChangeRequest = z.infer<typeof ReviewChangeRequestSchema>;

/** The `200` body of `PUT /api/v1/feedback/{id}/review`: the entry after the change. */
export const ReviewChangeResponseSchema = z.strictObject({ entry: FeedbackEntrySchema });
/** The `200` body of `PUT /api/v1/feedback/{id}/review`. */
export type ReviewChangeResponse = z.infer<typeof ReviewChangeResponseSchema>;
