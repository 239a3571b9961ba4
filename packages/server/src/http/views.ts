/**
 * What each role may see of the schedule: occurrences without the routine object, with people
 * reduced to the names the viewer may read.
 *
 * - staff and admin: ids, full names, the participants of each occurrence, attendance records;
 * - participant: staff names, no participants per occurrence (the response names them once), no
 *   records;
 * - kiosk: kiosk names (`Dana R.`) without ids, no participants, no records (`display-privacy`).
 *
 * @module
 */
import {
  displayName,
  type AttendanceRecord,
  type Occurrence,
  type OccurrenceExceptionView,
  type OccurrenceView,
  type PersonRef,
} from '@milieu/core';
import type { LoadedBody } from './cache.js';

/** Who is looking: the three views of the schedule. */
export type Viewer =
  { kind: 'staff' } | { kind: 'participant'; participantId: string } | { kind: 'kiosk' };

function staffRef(body: LoadedBody, id: string, viewer: Viewer): PersonRef {
  const person = body.staff.get(id);
  if (!person) return viewer.kind === 'kiosk' ? { name: '' } : { id, name: id };
  return viewer.kind === 'kiosk'
    ? { name: displayName(person, 'kiosk') }
    : { id, name: displayName(person, 'full') };
}

/**
 * A participant as the viewer may see them.
 *
 * @param body - the loaded document
 * @param id - the participant's id
 * @param viewer - who is looking
 */
export function participantRef(body: LoadedBody, id: string, viewer: Viewer): PersonRef {
  const person = body.participants.get(id);
  if (viewer.kind === 'kiosk') return { name: person ? displayName(person, 'kiosk') : '' };
  if (!person) return { id, name: id };
  return { id, name: displayName(person, 'full') };
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
 * @param occ - an expanded occurrence
 * @param body - the loaded document
 * @param viewer - who is looking
 * @param records - attendance by occurrence id (staff view only)
 */
export function occurrenceView(
  occ: Occurrence,
  body: LoadedBody,
  viewer: Viewer,
  records?: ReadonlyMap<string, AttendanceRecord[]>,
): OccurrenceView {
  const view: OccurrenceView = {
    id: occ.id,
    routineId: occ.routineId,
    kind: occ.kind,
    title: occ.title,
    localDate: occ.localDate,
    originalDate: occ.originalDate,
    start: occ.start,
    end: occ.end,
    facilitators: occ.facilitatorIds.map((id) => staffRef(body, id, viewer)),
    attendance: occ.attendance,
    status: occ.status,
  };
  if (occ.description !== undefined) view.description = occ.description;
  if (occ.locationId !== undefined) {
    view.location = {
      id: occ.locationId,
      name: body.locations.get(occ.locationId) ?? occ.locationId,
    };
  }
  if (viewer.kind === 'staff') {
    view.participants = occ.participantIds.map((id) => participantRef(body, id, viewer));
    view.attendanceRecords = (records?.get(occ.id) ?? []).map((r) => {
      const out: { participantId: string; status: AttendanceRecord['status']; note?: string } = {
        participantId: r.participantId,
        status: r.status,
      };
      if (r.note !== undefined) out.note = r.note;
      return out;
    });
  }
  const exception = exceptionView(occ);
  if (exception) view.exception = exception;
  if (occ.dstShifted) view.dstShifted = true;
  return view;
}
