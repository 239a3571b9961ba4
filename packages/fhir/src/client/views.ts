/**
 * Appointments as the schedule resource's occurrences, reduced for the viewer: staff see ids,
 * full names, participants and attendance; a participant sees staff names and only their own
 * occurrences; a kiosk sees names per `program.policy.displayNames` and no ids at all.
 *
 * @module
 */
import {
  ACTIVITY_KINDS,
  ATTENDANCE_STATUSES,
  DEFAULT_DISPLAY_NAME_POLICY,
  EXCEPTION_TYPES,
  displayName,
  sharedScreenName,
  formatInstant,
  ID_PATTERN,
  instantToZoned,
  OCCURRENCE_ID_PATTERN,
  OccurrenceViewSchema,
  parseInstant,
  type ActivityKind,
  type DisplayNamePolicy,
  type NamedPerson,
  type OccurrenceAttendance,
  type OccurrenceExceptionView,
  type OccurrenceView,
  type PersonRef,
} from '@milieu/core';
import type {
  Appointment,
  Encounter,
  HumanName,
  Location,
  Patient,
  Practitioner,
  Resource,
} from '@medplum/fhirtypes';
import { OCCURRENCE_CHANGED_URL, type Canon } from '../constants.js';
import { findExt, identifierValue } from '../util.js';
import { hhmm, sub } from '../import/bundle.js';

/** Who is looking at the schedule. */
export type Viewer =
  { role: 'staff' } | { role: 'participant'; participantId: string } | { role: 'kiosk' };

/** Resources the search brought along, by `Type/id` and full URL. @internal */
export class Included {
  private readonly map = new Map<string, Resource>();
  add(r: Resource, fullUrl?: string): void {
    if (r.id) this.map.set(`${r.resourceType}/${r.id}`, r);
    if (fullUrl) this.map.set(fullUrl, r);
  }
  get(reference: string | undefined): Resource | undefined {
    if (!reference) return undefined;
    const hit = this.map.get(reference);
    if (hit) return hit;
    const m = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
    return m ? this.map.get(`${m[1]}/${m[2]}`) : undefined;
  }
}

function named(list: HumanName[] | undefined, display: string | undefined): NamedPerson {
  const n = list?.find((x) => x.use === 'usual') ?? list?.[0];
  if (n?.given?.[0]) return { preferredName: n.given[0], lastName: n.family };
  const text = n?.text ?? display ?? '';
  return { preferredName: text };
}

/** Everything one conversion needs. @internal */
export interface ViewContext {
  c: Canon;
  zone: string;
  viewer: Viewer;
  policy: DisplayNamePolicy;
  included: Included;
  /** Routine kinds from the unit's PlanDefinition, by routine id. */
  kinds: ReadonlyMap<string, ActivityKind>;
  /** Attendance Encounters by the appointment they point at (`Type/id` or full URL). */
  encounters: ReadonlyMap<string, Encounter[]>;
}

/** The milieu id of a person or place, or `undefined` when it has none that passes `ID_PATTERN`. */
function milieuId(
  c: Canon,
  r: Resource | undefined,
  kind: 'participant' | 'staff' | 'location',
): string | undefined {
  if (!r) return undefined;
  const v = identifierValue(r as { identifier?: never }, c.identifier(kind));
  if (v !== undefined && ID_PATTERN.test(v)) return v;
  return r.id !== undefined && ID_PATTERN.test(r.id) ? r.id : undefined;
}

/** A person as the viewer may see them (`undefined`: leave them out). @internal */
export function personRef(
  ctx: ViewContext,
  resource: Patient | Practitioner | undefined,
  display: string | undefined,
  kind: 'participant' | 'staff',
): PersonRef | undefined {
  const person = named(resource?.name, display);
  if (ctx.viewer.role === 'kiosk') {
    // Core decides shared-screen names; an empty name (policy `none`) leaves the person out.
    const name = person.preferredName ? sharedScreenName(person, ctx.policy) : '';
    return name === '' ? undefined : { name };
  }
  const id = milieuId(ctx.c, resource, kind);
  const name = person.preferredName ? displayName(person, 'full') : (id ?? '');
  return id === undefined ? { name } : { id, name };
}

function exceptionView(ctx: ViewContext, a: Appointment): OccurrenceExceptionView | undefined {
  const e = findExt(a, ctx.c.extension('occurrence-exception'));
  const type = sub(e, 'type')?.valueCode;
  if (e && (EXCEPTION_TYPES as readonly unknown[]).includes(type)) {
    const view: OccurrenceExceptionView = {
      type: type as OccurrenceExceptionView['type'],
      reason: sub(e, 'reason')?.valueString ?? '',
    };
    const newDate = sub(e, 'newDate')?.valueDate;
    const start = hhmm(sub(e, 'start')?.valueTime);
    const end = hhmm(sub(e, 'end')?.valueTime);
    const os = sub(e, 'originalStart')?.valueDateTime;
    const oe = sub(e, 'originalEnd')?.valueDateTime;
    if (newDate) view.newDate = newDate;
    if (start) view.start = start;
    if (end) view.end = end;
    if (os) view.originalStart = os;
    if (oe) view.originalEnd = oe;
    return view;
  }
  if (a.status === 'cancelled')
    return { type: 'cancelled', reason: a.cancelationReason?.text ?? '' };
  return undefined;
}

/**
 * One Appointment as an occurrence for the viewer, or `undefined` when it is not one (no
 * instants, not the viewer's, or not a valid occurrence).
 *
 * @internal
 */
export function appointmentView(
  ctx: ViewContext,
  a: Appointment,
  ref: string,
): OccurrenceView | undefined {
  const startMs = a.start ? parseInstant(a.start) : NaN;
  const endMs = a.end ? parseInstant(a.end) : NaN;
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) return undefined;
  const localDate = instantToZoned(startMs, ctx.zone).date;
  const occ = identifierValue(a, ctx.c.identifier('occurrence'));
  const id =
    occ !== undefined && OCCURRENCE_ID_PATTERN.test(occ)
      ? occ
      : a.id !== undefined && ID_PATTERN.test(a.id)
        ? `${a.id}@${localDate}`
        : undefined;
  if (id === undefined) return undefined;
  const at = id.lastIndexOf('@');
  const routineId = id.slice(0, at);

  const facilitators: PersonRef[] = [];
  const participants: PersonRef[] = [];
  const participantIds: string[] = [];
  let location: OccurrenceView['location'];
  let optional = 0;
  for (const p of a.participant ?? []) {
    const resource = ctx.included.get(p.actor?.reference);
    const type = resource?.resourceType ?? p.actor?.type;
    if (type === 'Practitioner') {
      const ref = personRef(ctx, resource as Practitioner | undefined, p.actor?.display, 'staff');
      if (ref) facilitators.push(ref);
    } else if (type === 'Patient') {
      if (p.required === 'optional') optional++;
      const pid = milieuId(ctx.c, resource, 'participant');
      if (pid) participantIds.push(pid);
      const ref = personRef(ctx, resource as Patient | undefined, p.actor?.display, 'participant');
      if (ref) participants.push(ref);
    } else if (type === 'Location' && !location) {
      const lid = milieuId(ctx.c, resource, 'location');
      const name = (resource as Location | undefined)?.name ?? p.actor?.display ?? '';
      if (lid) location = { id: lid, name };
    }
  }
  if (ctx.viewer.role === 'participant' && !participantIds.includes(ctx.viewer.participantId))
    return undefined;

  const code = a.serviceType
    ?.flatMap((s) => s.coding ?? [])
    .find((c) => c.system === ctx.c.codeSystem('activity-kind'))?.code;
  const kind: ActivityKind = (ACTIVITY_KINDS as readonly unknown[]).includes(code)
    ? (code as ActivityKind)
    : (ctx.kinds.get(routineId) ?? 'other');
  const exception = exceptionView(ctx, a);
  const changed = findExt(a, OCCURRENCE_CHANGED_URL)?.valueBoolean === true;
  const view: OccurrenceView = {
    id,
    routineId,
    kind,
    title: a.description ?? a.serviceType?.[0]?.text ?? 'Appointment',
    localDate,
    originalDate: id.slice(at + 1),
    start: formatInstant(startMs, ctx.zone),
    end: formatInstant(endMs, ctx.zone),
    facilitators,
    attendance:
      participantIds.length > 0 && optional === participantIds.length ? 'elective' : 'required',
    status:
      a.status === 'cancelled'
        ? 'cancelled'
        : exception && exception.type !== 'cancelled'
          ? exception.type
          : changed
            ? 'changed'
            : 'scheduled',
  };
  if (a.comment) view.description = a.comment;
  if (location) view.location = location;
  if (exception) view.exception = exception;
  if (findExt(a, ctx.c.extension('dst-shifted'))?.valueBoolean) view.dstShifted = true;
  if (ctx.viewer.role === 'staff') {
    view.participants = participants;
    view.attendanceRecords = (ctx.encounters.get(ref) ?? []).flatMap(
      (e): OccurrenceAttendance[] => {
        const patient = ctx.included.get(e.subject?.reference);
        const participantId =
          milieuId(ctx.c, patient, 'participant') ??
          identifierValue(e, ctx.c.identifier('attendance'))?.split('/').pop();
        if (!participantId || !ID_PATTERN.test(participantId)) return [];
        const coded = findExt(e, ctx.c.extension('attendance-status'))?.valueCode;
        const status = (ATTENDANCE_STATUSES as readonly unknown[]).includes(coded)
          ? (coded as OccurrenceAttendance['status'])
          : e.status === 'finished'
            ? 'present'
            : 'absent';
        const note = findExt(e, ctx.c.extension('attendance-note'))?.valueString;
        return [{ participantId, status, ...(note ? { note } : {}) }];
      },
    );
  }
  return OccurrenceViewSchema.safeParse(view).success ? view : undefined;
}

/** The default shared-screen policy (re-exported for the source). @internal */
export const DEFAULT_POLICY: DisplayNamePolicy = DEFAULT_DISPLAY_NAME_POLICY;
