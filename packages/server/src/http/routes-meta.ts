/**
 * Findings, the caller's session and health: `GET /api/v1/check`, `GET /api/v1/me`,
 * `GET /healthz`.
 *
 * @module
 */
import {
  CheckQuerySchema,
  RuleConfigError,
  ScheduleRangeError,
  checkDocument,
  createParser,
  type CheckResponse,
  type SessionResponse,
} from '@milieu/core';
import { ApiError, invalid } from './errors.js';
import { queryObject } from './json.js';
import type { RouteDef } from './route.js';

const parseCheckQuery = createParser(CheckQuerySchema);

/** The meta routes. */
export const metaRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v1/check',
    operationId: 'checkDocument',
    summary: 'Run the rule engine',
    description:
      "Runs `checkDocument` on the stored document at `now` (default: the server's clock), messages in `locale` (default: the program's). Staff and admin get every finding and the summary; a participant only findings about themself alone.",
    tags: ['rules'],
    roles: ['admin', 'staff', 'participant'],
    query: 'CheckQuery',
    responses: {
      200: { description: 'Findings, ordered by location.', schema: 'CheckResponse' },
      404: { description: 'No document yet.', schema: 'ErrorBody' },
    },
    async handler(c, deps) {
      const q = parseCheckQuery(queryObject(c));
      if (!q.ok) throw invalid('invalid_request', q.issues);
      const stored = await deps.store.document();
      if (!stored) throw new ApiError(404, 'not_found', 'there is no program document yet');
      let result;
      try {
        result = checkDocument(stored.document, {
          now: q.value.now ?? new Date(),
          ...(q.value.locale === undefined ? {} : { locale: q.value.locale }),
        });
      } catch (error) {
        if (error instanceof RuleConfigError || error instanceof ScheduleRangeError) {
          throw invalid('invalid_request', [
            { path: '', code: 'invalid_value', message: error.message },
          ]);
        }
        throw error;
      }
      const principal = c.get('principal');
      if (principal.role === 'participant') {
        const me = principal.participantId;
        const findings = result.findings.filter((f) => {
          const ids = f.related.participantIds ?? [];
          return ids.length > 0 && ids.every((id) => id === me);
        });
        return c.json({ findings } satisfies CheckResponse, 200);
      }
      return c.json({ findings: result.findings, summary: result.summary } as CheckResponse, 200);
    },
  },
  {
    method: 'GET',
    path: '/api/v1/me',
    operationId: 'getSession',
    summary: 'Who the token speaks for',
    description: 'The role of the bearer token, and the participant or staff member it speaks for.',
    tags: ['session'],
    roles: ['admin', 'staff', 'participant', 'kiosk'],
    responses: { 200: { description: 'The session.', schema: 'SessionResponse' } },
    handler(c) {
      const { role, participantId, staffId } = c.get('principal');
      const session: SessionResponse = { role };
      if (participantId !== undefined) session.participantId = participantId;
      if (staffId !== undefined) session.staffId = staffId;
      return Promise.resolve(c.json(session, 200));
    },
  },
  {
    method: 'GET',
    path: '/healthz',
    operationId: 'health',
    summary: 'Health check',
    description:
      'Answers `200` when the process is up and its database answers, `503` otherwise. No token needed.',
    tags: ['meta'],
    roles: null,
    responses: {
      200: { description: 'Healthy.', schema: 'HealthResponse' },
      503: { description: 'The database does not answer.', schema: 'ErrorBody' },
    },
    async handler(c, deps) {
      try {
        await deps.store.ping();
      } catch {
        throw new ApiError(503, 'unavailable', 'the database does not answer');
      }
      return c.json({ status: 'ok', database: deps.store.kind }, 200, {
        'Cache-Control': 'no-store',
      });
    },
  },
];
