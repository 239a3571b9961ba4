/**
 * Builds the schedule resource (`GET /api/v1/occurrences`) from a document for one viewer: the
 * one place that decides what each role receives of the schedule. The reference server calls it,
 * and so should any other source of the resource (a mock, a FHIR bridge); a widget never does
 * (it reads the result).
 *
 * - `staff` (staff and admin tokens): ids, full names, each occurrence's participants, its
 *   attendance records and its attendance completeness at `now` (`attendanceCompleteness`);
 * - `participant`: their own schedule only; staff by full name; no participants per occurrence
 *   (the response names the participant once) and no records;
 * - `kiosk`: no participant ids or lists, no records, facilitators by shared-screen name only
 *   (`policy.displayNames`: `Dana R.`, `D. R.` or none at all).
 *
 * @module
 */
import type { AttendanceRecord, MilieuDocument, Participant, Staff } from '../model/index.js';
import { DEFAULT_DISPLAY_NAME_POLICY } from '../model/index.js';
import { displayName, sharedScreenName } from '../layout/names.js';
import { emptyStretchOptions } from '../rules/structure/no-empty-stretch.js';
import { attendanceCompleteness } from '../schedule/attendance.js';
import { expandOccurrences } from '../schedule/expand.js';
import type { Occurrence } from '../schedule/types.js';
import { formatInstant } from '../time/index.js';
import type { PersonRef } from './common.js';
import type {
  OccurrenceAttendance,
  OccurrenceExceptionView,
  OccurrencesResponse,
  OccurrenceView,
} from './schedule.js';

/** Who reads the schedule: the three shapes of the resource. */
export type ScheduleViewer =
  { kind: 'staff' } | { kind: 'participant'; participantId: string } | { kind: 'kiosk' };

/** Options of {@link scheduleResource}. */
export interface ScheduleResourceOptions {
  /** Start of the range `[from, to)`, epoch ms (validated by the caller). */
  from: number;
  /** End of the range, epoch ms. */
  to: number;
  /** A participant whose schedule to give (a `participant` viewer always gets its own). */
  participant?: string | undefined;
  /** Keep cancelled occurrences (default `true`, so boards can show them with the reason). */
  includeCancelled?: boolean | undefined;
  /** Attendance records by occurrence id, for the `staff` view (others never receive them). */
  attendance?: ReadonlyMap<string, readonly AttendanceRecord[]> | undefined;
  /**
   * The current instant, epoch ms, for the `staff` view's attendance completeness (whether an
   * occurrence has ended: `overdue`). Without it the staff view carries no `completeness`.
   */
  now?: number | undefined;
}

interface DocumentIndex {
  participants: ReadonlyMap<string, Participant>;
  staff: ReadonlyMap<string, Staff>;
  locations: ReadonlyMap<string, string>;
}

const indexes = new WeakMap<MilieuDocument, DocumentIndex>();

function indexOf(doc: MilieuDocument): DocumentIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = {
      participants: new Map(doc.people.participants.map((p) => [p.id, p])),
      staff: new Map(doc.people.staff.map((s) => [s.id, s])),
      locations: new Map(doc.program.locations.map((l) => [l.id, l.name])),
    };
    indexes.set(doc, index);
  }
  return index;
}

function personRef(
  doc: MilieuDocument,
  person: Participant | Staff | undefined,
  id: string,
  viewer: ScheduleViewer,
): PersonRef {
  if (viewer.kind === 'kiosk') {
    return { name: person ? sharedScreenName(person, doc.program.policy?.displayNames) : '' };
  }
  return person ? { id, name: displayName(person, 'full') } : { id, name: id };
}

function exceptionView(occ: Occurrence): OccurrenceExceptionView | undefined {
  const ex = occ.exception;
  if (!ex) return undefined;
  const view: OccurrenceExceptionView = { type: ex.type, reason: ex.reason };
  if (ex.type === 'moved') {
    if (ex.newDate !== undefined) view.newDate = ex.newDate;
    view.start = ex.start;
    view.end = ex.end;
  }
  if (ex.originalStart !== undefined) view.originalStart = ex.originalStart;
  if (ex.originalEnd !== undefined) view.originalEnd = ex.originalEnd;
  return view;
}

/**
 * One occurrence as the viewer may see it.
 *
 * @param doc - the document the occurrence was expanded from
 * @param occ - an expanded occurrence
 * @param viewer - who is looking
 * @param attendance - attendance records by occurrence id (used for `staff` only)
 * @param now - the current instant, epoch ms: the `staff` view's completeness (absent without it)
 */
export function occurrenceView(
  doc: MilieuDocument,
  occ: Occurrence,
  viewer: ScheduleViewer,
  attendance?: ReadonlyMap<string, readonly AttendanceRecord[]>,
  now?: number,
): OccurrenceView {
  const index = indexOf(doc);
  const facilitators = occ.facilitatorIds
    .map((id) => personRef(doc, index.staff.get(id), id, viewer))
    .filter((ref) => ref.name !== '' || viewer.kind !== 'kiosk');
  const view: OccurrenceView = {
    id: occ.id,
    routineId: occ.routineId,
    kind: occ.kind,
    title: occ.title,
    localDate: occ.localDate,
    originalDate: occ.originalDate,
    start: occ.start,
    end: occ.end,
    facilitators,
    attendance: occ.attendance,
    status: occ.status,
  };
  if (occ.description !== undefined) view.description = occ.description;
  if (occ.locationId !== undefined) {
    view.location = {
      id: occ.locationId,
      name: index.locations.get(occ.locationId) ?? occ.locationId,
    };
  }
  if (viewer.kind === 'staff') {
    view.participants = occ.participantIds.map((id) =>
      personRef(doc, index.participants.get(id), id, viewer),
    );
    const records = attendance?.get(occ.id) ?? [];
    view.attendanceRecords = records.map((r) => {
      const out: OccurrenceAttendance = { participantId: r.participantId, status: r.status };
      if (r.note !== undefined) out.note = r.note;
      return out;
    });
    if (now !== undefined) {
      const [c] = attendanceCompleteness([occ], records, now);
      if (c) {
        view.completeness = {
          state: c.state,
          expected: c.expected.length,
          recorded: c.recorded.length,
          missing: c.missing,
        };
      }
    }
  }
  const exception = exceptionView(occ);
  if (exception) view.exception = exception;
  if (occ.dstShifted) view.dstShifted = true;
  return view;
}

/**
 * The schedule resource for one viewer: the program's name, zone, locale and naming policy,
 * the `no-empty-stretch` options in force, and the occurrences of `[from, to)` shaped for the
 * viewer (see the module docs for what each role receives).
 *
 * @param doc - a valid document (from `parseDocument`)
 * @param viewer - who is looking
 * @param options - the range and filters (a `participant` viewer's own id wins over `participant`)
 * @throws ScheduleRangeError when the range is malformed (validate bounds first)
 * @example
 * ```ts
 * const kiosk = scheduleResource(doc, { kind: 'kiosk' }, { from: Date.parse('2026-03-09T04:00Z'), to: Date.parse('2026-03-10T04:00Z') });
 * ```
 */
export function scheduleResource(
  doc: MilieuDocument,
  viewer: ScheduleViewer,
  options: ScheduleResourceOptions,
): OccurrencesResponse {
  const program = doc.program;
  const zone = program.timeZone;
  const participant =
    viewer.kind === 'participant'
      ? viewer.participantId
      : viewer.kind === 'kiosk'
        ? undefined
        : options.participant;
  const list = expandOccurrences(doc, {
    from: options.from,
    to: options.to,
    includeCancelled: options.includeCancelled ?? true,
    ...(participant === undefined ? {} : { participant }),
  });
  const response: OccurrencesResponse = {
    program: {
      name: program.name,
      timeZone: zone,
      locale: program.locale,
      displayNames: program.policy?.displayNames ?? DEFAULT_DISPLAY_NAME_POLICY,
    },
    timeZone: zone,
    from: formatInstant(options.from, zone),
    to: formatInstant(options.to, zone),
    occurrences: list.map((o) => occurrenceView(doc, o, viewer, options.attendance, options.now)),
  };
  const emptyStretch = emptyStretchOptions(program.setting);
  if (emptyStretch) response.emptyStretch = emptyStretch;
  if (participant !== undefined) {
    response.participant = personRef(
      doc,
      indexOf(doc).participants.get(participant),
      participant,
      viewer,
    );
  }
  return response;
}
