/**
 * Feedback: create (idempotent), list for review or reading, change review status.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import {
  FEEDBACK_PAGE_SIZE,
  FeedbackListQuerySchema,
  IDEMPOTENCY_KEY_HEADER,
  IdSchema,
  IdempotencyKeySchema,
  ReviewChangeRequestSchema,
  createParser,
  parseFeedbackEntry,
  type FeedbackListResponse,
  type FeedbackReview,
} from '@milieu/core';
import type { CreateFeedbackOutcome } from '../store/records.js';
import { ApiError, invalid } from './errors.js';
import {
  normaliseNewFeedback,
  peerAggregate,
  visibleToParticipant,
  withoutAnonymousAuthor,
} from './feedback-policy.js';
import { queryObject, readJson } from './json.js';
import { sendJson, type RouteDef } from './route.js';

const parseListQuery = createParser(FeedbackListQuerySchema);
const parseReviewChange = createParser(ReviewChangeRequestSchema);

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
      'Stores one entry. `Idempotency-Key` is required: a repeated key (per token) returns the first response with the same status and stores nothing (`Idempotent-Replayed: true`); the same key with a different body is `422`. Participants write peer, self or program feedback as themselves; safety language routes the entry to staff review.',
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
      let entry;
      try {
        const parsed = parseFeedbackEntry(input);
        if (!parsed.ok)
          throw invalid('invalid_entry', parsed.issues, 'the entry is not valid: see issues');
        const body = await deps.cache.current();
        if (!body) throw new ApiError(404, 'not_found', 'there is no program document yet');
        entry = normaliseNewFeedback(parsed.value, principal, body);
      } catch (error) {
        // A retry of a request that succeeded earlier replays its response, even if the
        // document changed since (or the key was reused with another body: 422 first).
        const earlier = await deps.store.findIdempotent(request);
        if (earlier) return reply(c, earlier);
        throw error;
      }
      return reply(c, await deps.store.createFeedback(request, entry));
    },
  },
  {
    method: 'GET',
    path: '/api/v1/feedback',
    operationId: 'listFeedback',
    summary: 'List feedback',
    description:
      'Staff and admin (the reviewers) see every entry with its author, filtered by review status, subject or source. A participant sees what they wrote, approved entries shown to them or the community (anonymous ones without author), and anonymous peer feedback about them only in `aggregates` of at least `program.policy.peerAnonymityMinRaters` raters.',
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
      const me = principal.role === 'participant' ? (principal.participantId ?? '') : undefined;
      const rows = await deps.store.listFeedback({
        status: q.value.status,
        subject: q.value.subject,
        source: q.value.source,
        afterSeq: q.value.cursor === undefined ? undefined : Number(q.value.cursor),
        scopeParticipant: me,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      let entries = page.map((r) => r.entry);
      const response: FeedbackListResponse = { entries };
      if (me !== undefined) {
        entries = entries.filter((e) => visibleToParticipant(e, me)).map(withoutAnonymousAuthor);
        response.entries = entries;
        if (q.value.cursor === undefined) {
          const body = await deps.cache.current();
          const aggregate =
            body && peerAggregate(me, await deps.store.anonymousPeerFeedbackAbout(me), body);
          response.aggregates = aggregate ? [aggregate] : [];
        }
      }
      const last = page[page.length - 1];
      if (rows.length > limit && last) response.nextCursor = String(last.seq);
      return c.json(response, 200);
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/feedback/:id/review',
    operationId: 'setFeedbackReview',
    summary: 'Change the review of a feedback entry',
    description:
      'Sets the review status (and flags, and optionally visibility) of an entry; the server records `reviewedAt` and, when the token names a staff member, `reviewedBy`.',
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
      const review: FeedbackReview = { status: parsed.value.status, reviewedAt: deps.store.now() };
      if (parsed.value.flags !== undefined) review.flags = parsed.value.flags;
      if (principal.staffId !== undefined) review.reviewedBy = principal.staffId;
      const entry = await deps.store.setReview(id, { review, visibility: parsed.value.visibility });
      if (!entry) throw new ApiError(404, 'not_found', 'no feedback entry with this id');
      return c.json({ entry }, 200);
    },
  },
];
