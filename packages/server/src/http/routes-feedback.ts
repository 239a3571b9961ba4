/**
 * Feedback: create (idempotent), list for review or reading, change review status, and the
 * feedback context a form needs. Every decision (who writes and reads what, authors, safety,
 * aggregates) is core's feedback policy; see core's `docs/feedback-policy.md`.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import {
  FEEDBACK_CONTEXT_PATH,
  FEEDBACK_PAGE_SIZE,
  FeedbackContextQuerySchema,
  FeedbackListQuerySchema,
  IDEMPOTENCY_KEY_HEADER,
  IdSchema,
  IdempotencyKeySchema,
  UNSUPPORTED_TIME_MESSAGE,
  ReviewChangeRequestSchema,
  canReadFeedback,
  createParser,
  feedbackContext,
  feedbackSettings,
  isSupportedInstant,
  mayShowAnonymousAuthor,
  parseFeedbackEntry,
  parseInstant,
  peerAggregate,
  presentFeedback,
  type FeedbackEntry,
  type FeedbackListResponse,
  type FeedbackReview,
  type FeedbackSettings,
} from '@milieu/core';
import type { CreateFeedbackOutcome, FeedbackRecord } from '../store/records.js';
import type { Principal } from '../store/tokens.js';
import { ApiError, invalid } from './errors.js';
import { acceptNewFeedback } from './feedback-policy.js';
import { queryObject, readJson } from './json.js';
import { sendJson, type RouteDef } from './route.js';

const parseListQuery = createParser(FeedbackListQuerySchema);
const parseReviewChange = createParser(ReviewChangeRequestSchema);
const parseContextQuery = createParser(FeedbackContextQuerySchema);

/** Rows read per batch while collecting a participant's page (most rows are not theirs). */
const PARTICIPANT_BATCH = 200;

/** A stored record as a caller sees it on a review route. */
function present(record: FeedbackRecord, principal: Principal, settings: FeedbackSettings) {
  const { entry, anonymousAuthor } = record;
  if (anonymousAuthor !== undefined && mayShowAnonymousAuthor(principal, 'review', settings)) {
    return { ...entry, authorId: anonymousAuthor } satisfies FeedbackEntry;
  }
  return presentFeedback(entry, principal, 'review', settings);
}

/**
 * JSON with object keys sorted, so the same body always hashes alike. Writes text directly and
 * never builds objects, so `__proto__` keys in the input stay inert.
 *
 * @param value - a parsed JSON value
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return (
      '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(record[k])).join(',') + '}'
    );
  }
  return JSON.stringify(value) ?? 'null';
}

function reply(c: Parameters<RouteDef['handler']>[0], outcome: CreateFeedbackOutcome): Response {
  switch (outcome.kind) {
    case 'created':
      return sendJson(c, outcome.body, 201);
    case 'replayed':
      return sendJson(c, outcome.body, outcome.status === 201 ? 201 : 200, {
        'Idempotent-Replayed': 'true',
      });
    case 'key_reused':
      throw new ApiError(
        422,
        'idempotency_key_reused',
        'this Idempotency-Key was used with a different body: use a new key',
      );
    case 'duplicate_id':
      throw new ApiError(409, 'conflict', 'an entry with this id exists already');
    case 'no_document':
      throw new ApiError(404, 'not_found', 'there is no program document yet');
  }
}

/** The feedback routes. */
export const feedbackRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/api/v1/feedback',
    operationId: 'createFeedback',
    summary: 'Create a feedback entry',
    description:
      'Stores one entry. `Idempotency-Key` is required: a repeated key (per token) returns the first response with the same status and stores nothing (`Idempotent-Replayed: true`); the same key with a different body is `422`. Participants write peer, self or program feedback as themselves; their `review` is ignored (peer and program entries start `pending`) and their `visibility` can only narrow. Staff write as their staff id (a staff token without one names no author); `review.reviewedBy`/`reviewedAt` come from the token and the clock. Safety language in any text (strengths, suggestions, `about.label`, answer keys and values, rating keys) routes the entry to staff review. `about` must name an existing goal of the subject, expectation or routine. Under `program.policy.anonymousAuthors: nobody` (the default) the writer of an anonymous entry is not stored; no response to anyone but reviewers on the review routes under `reviewers` carries it.',
    tags: ['feedback'],
    roles: ['admin', 'staff', 'participant'],
    headers: [
      {
        name: IDEMPOTENCY_KEY_HEADER,
        required: true,
        description: '1–255 visible ASCII characters (a UUID).',
        pattern: '^[\\x21-\\x7e]{1,255}$',
      },
    ],
    body: { schema: 'FeedbackEntry', limit: 'default' },
    responses: {
      201: {
        description: 'Stored (or the replay of the first response to this key).',
        schema: 'CreateFeedbackResponse',
        headers: { 'Idempotent-Replayed': '`true` on a replay.' },
      },
      404: { description: 'No document yet.', schema: 'ErrorBody' },
      409: { description: 'An entry with this id exists already.', schema: 'ErrorBody' },
      422: { description: 'The key was used with a different body.', schema: 'ErrorBody' },
    },
    async handler(c, deps) {
      const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
      if (key === undefined || key === '') {
        throw new ApiError(
          400,
          'idempotency_key_missing',
          `send an ${IDEMPOTENCY_KEY_HEADER} header (a UUID)`,
        );
      }
      if (!IdempotencyKeySchema.safeParse(key).success) {
        throw new ApiError(
          400,
          'invalid_request',
          `${IDEMPOTENCY_KEY_HEADER} must be 1–255 visible ASCII characters`,
        );
      }
      const input = await readJson(c);
      const principal = c.get('principal');
      const request = {
        principal: principal.tokenId,
        key,
        requestHash: createHash('sha256').update(canonicalJson(input)).digest('hex'),
      };
      let accepted;
      let settings;
      try {
        const parsed = parseFeedbackEntry(input);
        if (!parsed.ok)
          throw invalid('invalid_entry', parsed.issues, 'the entry is not valid: see issues');
        if (!isSupportedInstant(parseInstant(parsed.value.createdAt))) {
          throw invalid('invalid_entry', [
            { path: '/createdAt', code: 'out_of_range', message: UNSUPPORTED_TIME_MESSAGE },
          ]);
        }
        const body = await deps.cache.current();
        if (!body) throw new ApiError(404, 'not_found', 'there is no program document yet');
        accepted = acceptNewFeedback(parsed.value, principal, body.doc, deps.store.now());
        settings = feedbackSettings(body.doc);
      } catch (error) {
        // A retry of a request that succeeded earlier replays its response, even if the
        // document changed since (or the key was reused with another body: 422 first).
        const earlier = await deps.store.findIdempotent(request);
        if (earlier) return reply(c, earlier);
        throw error;
      }
      const { entry, writerId } = accepted;
      const outcome = await deps.store.createFeedback(request, entry, {
        ...(writerId === undefined ? {} : { writerId }),
        keepAnonymousAuthor: settings.anonymousAuthors === 'reviewers',
        response: presentFeedback(entry, principal, 'other', settings),
      });
      return reply(c, outcome);
    },
  },
  {
    method: 'GET',
    path: '/api/v1/feedback',
    operationId: 'listFeedback',
    summary: 'List feedback',
    description:
      'Staff and admin (the reviewers) see every entry, filtered by review status, subject or source; the author of an anonymous entry only under `program.policy.anonymousAuthors: reviewers` (under `nobody`, the default, it is not stored). A participant sees what they wrote (unless anonymous), approved entries shown to them or the community (never with an anonymous author), and anonymous peer feedback about them only in `aggregates` of at least `program.policy.peerAnonymityMinRaters` distinct raters. Pages hold only entries the caller may read; `nextCursor` is the position of the last one.',
    tags: ['feedback'],
    roles: ['admin', 'staff', 'participant'],
    query: 'FeedbackListQuery',
    responses: { 200: { description: 'A page of entries.', schema: 'FeedbackListResponse' } },
    async handler(c, deps) {
      const q = parseListQuery(queryObject(c));
      if (!q.ok) throw invalid('invalid_request', q.issues);
      const limit = Math.min(
        Number(q.value.limit ?? FEEDBACK_PAGE_SIZE.default),
        FEEDBACK_PAGE_SIZE.max,
      );
      const principal = c.get('principal');
      const body = await deps.cache.current();
      const settings = feedbackSettings(body?.doc ?? { program: {} });
      const participant = principal.role === 'participant';
      const me = participant ? (principal.participantId ?? '') : undefined;
      // Page over what the caller may read only, so the cursor never points past a hidden row.
      const page: FeedbackRecord[] = [];
      let after = q.value.cursor === undefined ? undefined : Number(q.value.cursor);
      const batch = participant ? Math.max(limit + 1, PARTICIPANT_BATCH) : limit + 1;
      for (;;) {
        const rows = await deps.store.listFeedback({
          status: q.value.status,
          subject: q.value.subject,
          source: q.value.source,
          afterSeq: after,
          scopeParticipant: me,
          limit: batch,
        });
        for (const row of rows) {
          if (page.length > limit) break;
          if (canReadFeedback(row.entry, principal)) page.push(row);
        }
        const last = rows[rows.length - 1];
        if (page.length > limit || rows.length < batch || !last) break;
        after = last.seq;
      }
      const shown = page.slice(0, limit);
      const response: FeedbackListResponse = {
        entries: shown.map((r) => present(r, principal, settings)),
      };
      if (me !== undefined && q.value.cursor === undefined) {
        const pool = me === '' ? [] : await deps.store.anonymousPeerFeedbackAbout(me);
        const keys = new Map(pool.map((p) => [p.entry, p.raterKey ?? undefined]));
        const aggregate = peerAggregate(
          me,
          pool.map((p) => p.entry),
          settings.minRaters,
          (e) => keys.get(e),
        );
        response.aggregates = aggregate ? [aggregate] : [];
      }
      const lastShown = shown[shown.length - 1];
      if (page.length > limit && lastShown) response.nextCursor = String(lastShown.seq);
      return c.json(response, 200);
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/feedback/:id/review',
    operationId: 'setFeedbackReview',
    summary: 'Change the review of a feedback entry',
    description:
      'Sets the review status (and flags, and optionally visibility) of an entry; the server records `reviewedAt` from its clock and, when the token names a staff member of the document, `reviewedBy` (never from the body).',
    tags: ['feedback'],
    roles: ['admin', 'staff'],
    pathParams: [{ name: 'id', required: true, description: 'The entry id.' }],
    body: { schema: 'ReviewChangeRequest', limit: 'default' },
    responses: {
      200: { description: 'The entry after the change.', schema: 'ReviewChangeResponse' },
      404: { description: 'No entry with this id.', schema: 'ErrorBody' },
    },
    async handler(c, deps) {
      const id = c.req.param('id') ?? '';
      if (!IdSchema.safeParse(id).success) {
        throw invalid('invalid_request', [
          { path: '/id', code: 'invalid_id', message: 'not a valid entry id' },
        ]);
      }
      const parsed = parseReviewChange(await readJson(c));
      if (!parsed.ok) throw invalid('invalid_request', parsed.issues);
      const principal = c.get('principal');
      const body = await deps.cache.current();
      if (!body) throw new ApiError(404, 'not_found', 'there is no program document yet');
      const review: FeedbackReview = { status: parsed.value.status, reviewedAt: deps.store.now() };
      if (parsed.value.flags !== undefined) review.flags = parsed.value.flags;
      // Only a staff member of the document is recorded, so the document stays valid.
      if (principal.staffId !== undefined && body.staff.has(principal.staffId)) {
        review.reviewedBy = principal.staffId;
      }
      const entry = await deps.store.setReview(id, { review, visibility: parsed.value.visibility });
      if (!entry) throw new ApiError(404, 'not_found', 'no feedback entry with this id');
      const settings = feedbackSettings(body.doc);
      return c.json({ entry: presentFeedback(entry, principal, 'review', settings) }, 200);
    },
  },
  {
    method: 'GET',
    path: FEEDBACK_CONTEXT_PATH,
    operationId: 'getFeedbackContext',
    summary: 'What a feedback form needs',
    description:
      "The feedback context for the caller (core's `feedbackContext`): the templates they may use for `source`, the people they may write about as id and display name only, their own goals and coping skills (a participant) or the `subject`'s (staff and admin), the community's expectations, and the policy values the form shows (who can see the writer's name, the anonymity minimum, the crisis resource). A participant's form never needs the program document. `403` for a source the caller may not write, or a participant naming another `subject`.",
    tags: ['feedback'],
    roles: ['admin', 'staff', 'participant'],
    query: 'FeedbackContextQuery',
    responses: {
      200: { description: 'The context.', schema: 'FeedbackContextResponse' },
      404: { description: 'No document yet.', schema: 'ErrorBody' },
    },
    async handler(c, deps) {
      const q = parseContextQuery(queryObject(c));
      if (!q.ok) throw invalid('invalid_request', q.issues);
      const body = await deps.cache.current();
      if (!body) throw new ApiError(404, 'not_found', 'there is no program document yet');
      const result = feedbackContext(body.doc, c.get('principal'), q.value);
      if (!result.ok) {
        if (result.code === 'forbidden') throw new ApiError(403, 'forbidden', result.message);
        throw invalid('invalid_request', result.issues, result.message);
      }
      return c.json(result.value, 200, { 'Cache-Control': 'private, no-store' });
    },
  },
];
