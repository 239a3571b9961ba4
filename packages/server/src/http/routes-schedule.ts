/**
 * The schedule and attendance: `GET /api/v1/occurrences`, `POST` and `GET /api/v1/attendance`.
 *
 * @module
 */
import {
  AttendanceQuerySchema,
  MAX_OCCURRENCE_RANGE_DAYS,
  OccurrencesQuerySchema,
  ScheduleRangeError,
  UNSUPPORTED_TIME_MESSAGE,
  addDays,
  createParser,
  daysBetween,
  scheduleResource,
  formatInstant,
  isLocalDate,
  isSupportedDate,
  parseAttendanceRecord,
  parseInstant,
  zonedToInstant,
  type AttendanceRecord,
  type MilieuDocument,
  type ScheduleViewer,
} from '@milieu/core';
import type { Principal } from '../store/tokens.js';
import type { DocumentHead } from '../store/documents.js';
import { CachedJson, type LoadedBody } from './cache.js';
import { ApiError, invalid } from './errors.js';
import { queryObject, readJson } from './json.js';
import { sendCached, type Deps, type RouteDef } from './route.js';

const parseOccurrencesQueryObject = createParser(OccurrencesQuerySchema);
const parsedQueries = new Map<string, ReturnType<typeof parseOccurrencesQueryObject>>();

/**
 * Parses the occurrences query, remembering the outcome by the raw query string: kiosks and
 * apps ask for the same few windows over and over, and the parse cost about a tenth of a
 * cached response. Bounded (cleared when full); the outcomes are never mutated.
 */
function parseOccurrencesQuery(c: Parameters<RouteDef['handler']>[0]) {
  const url = c.req.url;
  const at = url.indexOf('?');
  const search = at < 0 ? '' : url.slice(at);
  let parsed = parsedQueries.get(search);
  if (parsed === undefined) {
    parsed = parseOccurrencesQueryObject(queryObject(c));
    if (parsedQueries.size >= 256) parsedQueries.clear();
    if (search.length <= 512) parsedQueries.set(search, parsed);
  }
  return parsed;
}
const parseAttendanceQuery = createParser(AttendanceQuerySchema);
const DAY_MS = 86_400_000;

const noDocument = () => new ApiError(404, 'not_found', 'there is no program document yet');

/**
 * Why an attendance record cannot stand: the occurrence is cancelled, or the participant's
 * stay does not cover its date (admission ≤ date ≤ discharge). Pointers into the body.
 */
function attendanceIssues(
  doc: MilieuDocument,
  record: AttendanceRecord,
): { path: string; code: string; message: string }[] {
  const at = record.occurrenceId.lastIndexOf('@');
  const routine = doc.routines.find((r) => r.id === record.occurrenceId.slice(0, at));
  const originalDate = record.occurrenceId.slice(at + 1);
  const exception = routine?.exceptions.find((e) => e.date === originalDate);
  if (exception?.type === 'cancelled') {
    return [
      {
        path: '/occurrenceId',
        code: 'cancelled_occurrence',
        message: `"${record.occurrenceId}" is cancelled (${exception.reason})`,
      },
    ];
  }
  const date = exception?.type === 'moved' ? (exception.newDate ?? originalDate) : originalDate;
  const p = doc.people.participants.find((x) => x.id === record.participantId);
  if (p && (date < p.admissionDate || (p.dischargeDate !== undefined && date > p.dischargeDate))) {
    return [
      {
        path: '/participantId',
        code: 'outside_stay',
        message: `"${record.participantId}" is not staying on ${date} (stay ${p.admissionDate} – ${p.dischargeDate ?? 'open'})`,
      },
    ];
  }
  return [];
}

async function loaded(deps: Deps): Promise<{ head: DocumentHead; body: LoadedBody }> {
  const head = await deps.store.head();
  const body = head && (await deps.cache.body(head));
  if (!head || !body) throw noDocument();
  return { head, body };
}

function boundMs(value: string, zone: string): number {
  return isLocalDate(value) ? zonedToInstant(value, '00:00', zone).ms : parseInstant(value);
}

function viewerOf(principal: Principal): ScheduleViewer {
  if (principal.role === 'kiosk') return { kind: 'kiosk' };
  if (principal.role === 'participant')
    return { kind: 'participant', participantId: principal.participantId ?? '' };
  return { kind: 'staff' };
}

/**
 * Attendance by occurrence id for the occurrences whose series date falls in the range (a day
 * either side, since a moved occurrence keeps its original date).
 */
async function attendanceByOccurrence(
  deps: Deps,
  doc: MilieuDocument,
  fromMs: number,
  toMs: number,
): Promise<Map<string, AttendanceRecord[]>> {
  const zone = doc.program.timeZone;
  const first = addDays(formatInstant(fromMs, zone).slice(0, 10), -1);
  const last = addDays(formatInstant(toMs, zone).slice(0, 10), 2);
  const out = new Map<string, AttendanceRecord[]>();
  for (const r of await deps.store.listAttendance(first, last)) {
    const list = out.get(r.occurrenceId) ?? [];
    list.push(r);
    out.set(r.occurrenceId, list);
  }
  return out;
}

async function occurrences(c: Parameters<RouteDef['handler']>[0], deps: Deps): Promise<Response> {
  const q = parseOccurrencesQuery(c);
  if (!q.ok) throw invalid('invalid_request', q.issues);
  const { head, body } = await loaded(deps);
  const zone = body.doc.program.timeZone;
  const fromMs = boundMs(q.value.from, zone);
  const toMs = boundMs(q.value.to, zone);
  if (!(toMs > fromMs) || toMs - fromMs > MAX_OCCURRENCE_RANGE_DAYS * DAY_MS + 2 * 3_600_000) {
    throw invalid('invalid_request', [
      {
        path: '/to',
        code: 'invalid_range',
        message: `"to" must be after "from", at most ${MAX_OCCURRENCE_RANGE_DAYS} days later`,
      },
    ]);
  }
  const principal = c.get('principal');
  const viewer = viewerOf(principal);
  let participant = q.value.participant;
  if (viewer.kind === 'kiosk' && participant !== undefined) {
    // The same answer for a known and an unknown id: a hallway screen cannot probe who is here.
    throw new ApiError(403, 'forbidden', 'a kiosk token reads the whole unit schedule only');
  }
  if (viewer.kind === 'participant') {
    if (participant !== undefined && participant !== viewer.participantId) {
      throw new ApiError(403, 'forbidden', 'a participant token reads its own schedule only');
    }
    participant = viewer.participantId;
  }
  if (participant !== undefined && !body.participants.has(participant)) {
    throw invalid('invalid_request', [
      {
        path: '/participant',
        code: 'unknown_reference',
        message: `no participant "${participant}"`,
      },
    ]);
  }
  const includeCancelled = q.value.includeCancelled !== 'false';
  // Completeness (staff only) depends on the clock: staff responses are cached per minute.
  const nowMs = parseInstant(deps.store.now());
  const minute = viewer.kind === 'staff' ? Math.floor(nowMs / 60_000) : '';
  const version = viewer.kind === 'staff' ? `r${head.revision}` : `b${head.bodyVersion}`;
  const key = [
    viewer.kind,
    version,
    fromMs,
    toMs,
    participant ?? '',
    includeCancelled,
    viewer.kind === 'participant' ? viewer.participantId : '',
    minute,
  ].join('|');
  const hit = deps.cache.responses.get(key);
  if (hit !== undefined) return sendCached(c, hit);

  let response;
  try {
    const attendance =
      viewer.kind === 'staff'
        ? await attendanceByOccurrence(deps, body.doc, fromMs, toMs)
        : undefined;
    response = scheduleResource(body.doc, viewer, {
      from: fromMs,
      to: toMs,
      includeCancelled,
      participant,
      attendance,
      now: nowMs,
    });
  } catch (error) {
    if (!(error instanceof ScheduleRangeError)) throw error;
    throw invalid('invalid_request', [
      { path: `/${error.argument}`, code: 'invalid_range', message: error.message },
    ]);
  }
  const json = new CachedJson(JSON.stringify(response));
  deps.cache.responses.set(key, json);
  return sendCached(c, json);
}

/** The schedule routes. */
export const scheduleRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v1/occurrences',
    operationId: 'listOccurrences',
    summary: 'List occurrences in a range',
    description: `Expanded occurrences in \`[from, to)\` (dates are midnight in the program's zone; at most ${MAX_OCCURRENCE_RANGE_DAYS} days), optionally for one participant, as the caller's role may see them (core's \`scheduleResource\`): staff and admin get participants and attendance records; a participant token gets its own schedule only (\`participant\` someone else: 403) with no participants per occurrence and no records; a kiosk gets no participant at all and facilitators by shared-screen name (\`program.policy.displayNames\`), and \`participant\` is 403 whether the id exists or not.`,
    tags: ['schedule'],
    roles: ['admin', 'staff', 'participant', 'kiosk'],
    query: 'OccurrencesQuery',
    responses: {
      200: { description: 'The occurrences, in start order.', schema: 'OccurrencesResponse' },
      403: {
        description:
          "The token's role may not do this: a participant asking for someone else, or a kiosk asking for any participant.",
        schema: 'ErrorBody',
      },
      404: { description: 'No document yet.', schema: 'ErrorBody' },
    },
    handler: occurrences,
  },
  {
    method: 'POST',
    path: '/api/v1/attendance',
    operationId: 'recordAttendance',
    summary: 'Record attendance',
    description:
      'Records one participant at one occurrence (`routineId@YYYY-MM-DD`), replacing an earlier record for the same pair, so retrying is safe. Who recorded it and when come from the token and the server clock, never from the body (a body with other fields is a 400). A cancelled occurrence, or a participant whose stay does not cover the occurrence date, is a 400 whose issue points at `/occurrenceId` or `/participantId`.',
    tags: ['records'],
    roles: ['admin', 'staff'],
    body: { schema: 'AttendanceRecord', limit: 'default' },
    responses: {
      200: { description: 'Recorded.', schema: 'AttendanceResponse' },
      404: { description: 'No document yet.', schema: 'ErrorBody' },
    },
    async handler(c, deps) {
      const parsed = parseAttendanceRecord(await readJson(c));
      if (!parsed.ok) throw invalid('invalid_request', parsed.issues);
      const record = parsed.value;
      const { body } = await loaded(deps);
      const issues = [];
      if (!body.participants.has(record.participantId)) {
        issues.push({
          path: '/participantId',
          code: 'unknown_reference',
          message: `no participant "${record.participantId}"`,
        });
      }
      const routineId = record.occurrenceId.slice(0, record.occurrenceId.lastIndexOf('@'));
      if (!body.doc.routines.some((r) => r.id === routineId)) {
        issues.push({
          path: '/occurrenceId',
          code: 'unknown_reference',
          message: `no routine "${routineId}"`,
        });
      }
      if (!isSupportedDate(record.occurrenceId.slice(record.occurrenceId.lastIndexOf('@') + 1))) {
        issues.push({
          path: '/occurrenceId',
          code: 'out_of_range',
          message: `the occurrence date ${UNSUPPORTED_TIME_MESSAGE}`,
        });
      }
      if (issues.length === 0) issues.push(...attendanceIssues(body.doc, record));
      if (issues.length > 0) throw invalid('invalid_request', issues);
      const principal = c.get('principal');
      if (!(await deps.store.recordAttendance(record, principal.staffId))) throw noDocument();
      return c.json({ record }, 200);
    },
  },
  {
    method: 'GET',
    path: '/api/v1/attendance',
    operationId: 'listAttendance',
    summary: 'List attendance in a range',
    description:
      'Attendance records of occurrences whose original date is in `[from, to)` (at most 366 days).',
    tags: ['records'],
    roles: ['admin', 'staff'],
    query: 'AttendanceQuery',
    responses: {
      200: { description: 'The records, in the order recorded.', schema: 'AttendanceListResponse' },
    },
    async handler(c, deps) {
      const q = parseAttendanceQuery(queryObject(c));
      if (!q.ok) throw invalid('invalid_request', q.issues);
      const span = daysBetween(q.value.from, q.value.to);
      if (span <= 0 || span > 366) {
        throw invalid('invalid_request', [
          {
            path: '/to',
            code: 'invalid_range',
            message: '"to" must be after "from", at most 366 days later',
          },
        ]);
      }
      return c.json({ records: await deps.store.listAttendance(q.value.from, q.value.to) }, 200);
    },
  },
];
