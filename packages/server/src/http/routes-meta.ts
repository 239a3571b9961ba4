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
  canReadFeedback,
  checkDocument,
  createParser,
  type CheckResponse,
  type Finding,
  type MilieuDocument,
  type SessionResponse,
} from '@milieu/core';
import type { Principal } from '../store/tokens.js';
import { ApiError, invalid } from './errors.js';
import { queryObject } from './json.js';
import type { RouteDef } from './route.js';

const parseCheckQuery = createParser(CheckQuerySchema);

/** Rules whose findings describe anonymous raters (counts), never shown to a participant. */
const RATER_RULES = new Set(['peer-anonymity']);
const FEEDBACK_POINTER = /^\/records\/feedback\/(\d+)(?:\/|$)/;

/**
 * Whether a participant may see a finding: about themself alone, not about anonymous raters,
 * and pointing at no feedback entry they cannot read (core's `canReadFeedback`).
 */
function participantMaySee(finding: Finding, doc: MilieuDocument, principal: Principal): boolean {
  const ids = finding.related.participantIds ?? [];
  if (ids.length === 0 || !ids.every((id) => id === principal.participantId)) return false;
  if (RATER_RULES.has(finding.ruleId)) return false;
  return finding.path.every((pointer) => {
    const m = FEEDBACK_POINTER.exec(pointer);
    if (!m) return true;
    const entry = doc.records.feedback[Number(m[1])];
    return entry !== undefined && canReadFeedback(entry, principal);
  });
}

/** The meta routes. */
export const metaRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v1/check',
    operationId: 'checkDocument',
    summary: 'Run the rule engine',
    description:
      "Runs `checkDocument` on the stored document at `now` (default: the server's clock), messages in `locale` (default: the program's). Anonymous raters are counted by their server-side rater keys. Staff and admin get every finding and the summary; a participant only findings about themself alone, never those counting anonymous raters (`peer-anonymity`), and none that point at a feedback entry they cannot read.",
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
      const raters = await deps.store.raterKeys();
      let result;
      try {
        result = checkDocument(stored.document, {
          now: q.value.now ?? new Date(),
          ...(q.value.locale === undefined ? {} : { locale: q.value.locale }),
          config: { rules: { 'peer-anonymity': ['error', { raters }] } },
        });
      } catch (error) {
        // Core's labelled errors point at the offending option (`/now`), which is the query
        // parameter of the same name.
        const located =
          error instanceof RuleConfigError ? error.issues.filter((i) => i.path === '/now') : [];
        if (located.length > 0) throw invalid('invalid_request', located);
        if (error instanceof RuleConfigError || error instanceof ScheduleRangeError) {
          const path = error instanceof ScheduleRangeError ? `/${error.argument}` : '';
          throw invalid('invalid_request', [
            { path, code: 'invalid_value', message: error.message },
          ]);
        }
        throw error;
      }
      const principal = c.get('principal');
      if (principal.role === 'participant') {
        const findings = result.findings.filter((f) =>
          participantMaySee(f, stored.document, principal),
        );
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
