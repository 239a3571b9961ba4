/**
 * The timetable: one `ActivityDefinition` (with its `Timing`) per routine, a `PlanDefinition`
 * for the unit listing them, and an `Appointment` per occurrence in the export range, carrying
 * the series as the R5 cross-version `recurrenceTemplate` extension.
 *
 * @module
 */
import {
  displayName,
  expandOccurrences,
  expandRecurrence,
  localTimeToMinutes,
  type InstantRange,
  type Occurrence,
  type Recurrence,
  type Routine,
  type RoutineException,
  type Weekday,
} from '@milieu/core';
import type {
  ActivityDefinition,
  Appointment,
  AppointmentParticipant,
  Extension,
  PlanDefinition,
  Timing,
} from '@medplum/fhirtypes';
import {
  IANA_TZ_SYSTEM,
  OCCURRENCE_CHANGED_URL,
  ORIGINATING_APPOINTMENT_URL,
  RECURRENCE_TEMPLATE_URL,
  UCUM_SYSTEM,
} from '../constants.js';
import { coding, ext, subs } from '../util.js';
import type { ExportContext } from './context.js';

/** iCalendar weekday → FHIR `days-of-week` code. */
export const FHIR_DAY: Record<Weekday, 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'> = {
  MO: 'mon',
  TU: 'tue',
  WE: 'wed',
  TH: 'thu',
  FR: 'fri',
  SA: 'sat',
  SU: 'sun',
};
/** iCalendar weekday → the R5 `weeklyTemplate` sub-extension name. */
export const TEMPLATE_DAY: Record<Weekday, string> = {
  MO: 'monday',
  TU: 'tuesday',
  WE: 'wednesday',
  TH: 'thursday',
  FR: 'friday',
  SA: 'saturday',
  SU: 'sunday',
};

/** Minutes from start to end (`end <= start` ends the next day). */
export function durationMinutes(start: string, end: string): number {
  const s = localTimeToMinutes(start);
  const e = localTimeToMinutes(end);
  return e <= s ? e + 1440 - s : e - s;
}

function timing(r: Routine): Timing {
  const rec = r.recurrence;
  const repeat: NonNullable<Timing['repeat']> = {
    boundsPeriod: { start: rec.startDate, ...(rec.until ? { end: rec.until } : {}) },
    frequency: 1,
    period: rec.interval ?? 1,
    periodUnit: rec.freq === 'DAILY' ? 'd' : 'wk',
    timeOfDay: [`${r.start}:00`],
    duration: durationMinutes(r.start, r.end),
    durationUnit: 'min',
  };
  if (rec.count !== undefined) repeat.count = rec.count;
  if (rec.byDay) repeat.dayOfWeek = rec.byDay.map((d) => FHIR_DAY[d]);
  return { repeat };
}

function exceptionExt(ctx: ExportContext, e: RoutineException): Extension {
  const parts: (Extension | undefined)[] = [
    ext('date', { valueDate: e.date }),
    ext('type', { valueCode: e.type }),
    ext('reason', { valueString: e.reason }),
  ];
  if (e.type === 'moved') {
    if (e.newDate !== undefined) parts.push(ext('newDate', { valueDate: e.newDate }));
    parts.push(
      ext('start', { valueTime: `${e.start}:00` }),
      ext('end', { valueTime: `${e.end}:00` }),
    );
  }
  if (e.type !== 'cancelled' && e.locationId !== undefined) {
    parts.push(ext('location', { valueReference: ctx.ref('location', e.locationId) }));
  }
  if (e.type === 'changed') {
    if (e.title !== undefined) parts.push(ext('title', { valueString: e.title }));
    if (e.description !== undefined && e.description !== '')
      parts.push(ext('description', { valueString: e.description }));
    if (e.facilitatorIds !== undefined) {
      parts.push(ext('facilitatorsChanged', { valueBoolean: true }));
      for (const id of e.facilitatorIds)
        parts.push(ext('facilitator', { valueReference: ctx.ref('staff', id) }));
    }
  }
  return ext('exception', { extension: subs(parts) });
}

/** Everything about a routine that FHIR has no element for, as one complex extension. */
function routineExt(ctx: ExportContext, r: Routine): Extension {
  const rec = r.recurrence;
  const parts: (Extension | undefined)[] = [
    ext('start', { valueTime: `${r.start}:00` }),
    ext('end', { valueTime: `${r.end}:00` }),
    ext('attendance', { valueCode: r.attendance }),
    ext('audience', { valueCode: r.audience.type }),
  ];
  if (r.audience.type === 'groups')
    for (const g of r.audience.groupIds)
      parts.push(ext('audienceGroup', { valueReference: ctx.ref('group', g) }));
  if (r.audience.type === 'participants')
    for (const p of r.audience.participantIds)
      parts.push(ext('audienceParticipant', { valueReference: ctx.ref('participant', p) }));
  for (const id of r.facilitatorIds)
    parts.push(ext('facilitator', { valueReference: ctx.ref('staff', id) }));
  if (r.capacity) {
    parts.push(ext('capacityMax', { valuePositiveInt: r.capacity.max }));
    if (r.capacity.min !== undefined)
      parts.push(ext('capacityMin', { valueUnsignedInt: r.capacity.min }));
  }
  for (const d of rec.rdates ?? []) parts.push(ext('rdate', { valueDate: d }));
  for (const d of rec.exdates ?? []) parts.push(ext('exdate', { valueDate: d }));
  if (rec.reviewDate !== undefined) parts.push(ext('reviewDate', { valueDate: rec.reviewDate }));
  for (const e of r.exceptions) parts.push(exceptionExt(ctx, e));
  for (const change of r.roster) {
    parts.push(
      ext('roster', {
        extension: [
          ext('participant', { valueReference: ctx.ref('participant', change.participantId) }),
          ext('action', { valueCode: change.action }),
          ext('effective', { valueDate: change.effective }),
        ],
      }),
    );
  }
  return ext(ctx.c.extension('routine'), { extension: subs(parts) });
}

function activityDefinition(ctx: ExportContext, r: Routine): ActivityDefinition {
  const ad: ActivityDefinition = {
    resourceType: 'ActivityDefinition',
    url: ctx.c.activityDefinition(ctx.doc.program.id, r.id),
    identifier: [ctx.identifier('routine', r.id)],
    status: 'active',
    title: r.title,
    kind: 'Appointment',
    code: { coding: [coding(ctx.c.codeSystem('activity-kind'), r.kind)], text: r.kind },
    timingTiming: timing(r),
    extension: [routineExt(ctx, r)],
  };
  if (r.description !== undefined && r.description !== '') ad.description = r.description;
  if (r.locationId !== undefined)
    ad.location = ctx.ref('location', r.locationId, ctx.locations.get(r.locationId));
  if (r.facilitatorIds.length > 0) ad.participant = [{ type: 'practitioner' }];
  return ad;
}

/**
 * The R5 `recurrenceTemplate` of a routine: its zone, type, weekly template, last date or
 * count, extra dates (`occurrenceDate`) and excluded dates (`excludingDate`).
 */
export function recurrenceTemplate(zone: string, rec: Recurrence, firstDay: string): Extension {
  const parts: (Extension | undefined)[] = [
    ext('timezone', { valueCodeableConcept: { coding: [coding(IANA_TZ_SYSTEM, zone)] } }),
    ext('recurrenceType', {
      valueCodeableConcept: {
        coding: [
          coding(
            UCUM_SYSTEM,
            rec.freq === 'DAILY' ? 'd' : 'wk',
            rec.freq === 'DAILY' ? 'day' : 'week',
          ),
        ],
      },
    }),
  ];
  if (rec.until !== undefined) parts.push(ext('lastOccurrenceDate', { valueDate: rec.until }));
  if (rec.count !== undefined) parts.push(ext('occurrenceCount', { valuePositiveInt: rec.count }));
  for (const d of rec.rdates ?? []) parts.push(ext('occurrenceDate', { valueDate: d }));
  if (rec.freq === 'WEEKLY') {
    const days = rec.byDay ?? [weekdayCode(firstDay)];
    parts.push(
      ext('weeklyTemplate', {
        extension: [
          ...(Object.keys(TEMPLATE_DAY) as Weekday[])
            .filter((d) => days.includes(d))
            .map((d) => ext(TEMPLATE_DAY[d], { valueBoolean: true })),
          ext('weekInterval', { valuePositiveInt: rec.interval ?? 1 }),
        ],
      }),
    );
  } else if ((rec.interval ?? 1) !== 1) {
    // R5 has no daily interval: a milieu extension keeps it (see the README).
    parts.push(ext('dayInterval', { valuePositiveInt: rec.interval ?? 1 }));
  }
  for (const d of rec.exdates ?? []) parts.push(ext('excludingDate', { valueDate: d }));
  return ext(RECURRENCE_TEMPLATE_URL, { extension: subs(parts) });
}

const WEEKDAY_CODES: Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
function weekdayCode(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAY_CODES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as Weekday;
}

/** The first date of a routine's series (its originating occurrence), if it has one. */
export function firstSeriesDate(rec: Recurrence): string | undefined {
  const [first] = [
    ...expandRecurrence(rec, rec.startDate, addYears(rec.startDate, 1)).slice(0, 1),
    ...(rec.rdates ?? []),
  ].sort();
  return first;
}

function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

function appointment(ctx: ExportContext, occ: Occurrence, template: Extension): Appointment {
  const r = occ.routine;
  const participants: AppointmentParticipant[] = [];
  if (occ.locationId !== undefined) {
    participants.push({
      actor: ctx.ref('location', occ.locationId, ctx.locations.get(occ.locationId)),
      required: 'required',
      status: 'accepted',
    });
  }
  for (const id of occ.facilitatorIds) {
    const s = ctx.staff.get(id);
    participants.push({
      type: [{ text: 'facilitator' }],
      actor: ctx.ref('staff', id, s ? displayName(s, 'full') : undefined),
      required: 'required',
      status: 'accepted',
    });
  }
  for (const id of occ.participantIds) {
    const p = ctx.participants.get(id);
    participants.push({
      actor: ctx.ref('participant', id, p ? displayName(p, 'full') : undefined),
      required: occ.attendance === 'required' ? 'required' : 'optional',
      status: 'accepted',
    });
  }
  if (participants.length === 0) {
    // R4 requires a participant: the unit itself has no actor type, so name it by type only.
    participants.push({
      type: [{ text: 'audience' }],
      required: 'information-only',
      status: 'needs-action',
    });
  }
  const first = firstSeriesDate(r.recurrence);
  const extension: Extension[] = [template];
  if (first !== undefined) {
    extension.push(
      ext(ORIGINATING_APPOINTMENT_URL, {
        valueReference: {
          type: 'Appointment',
          identifier: ctx.identifier('occurrence', `${r.id}@${first}`),
        },
      }),
    );
  }
  if (occ.status === 'moved' || occ.status === 'changed') {
    extension.push(ext(OCCURRENCE_CHANGED_URL, { valueBoolean: true }));
  }
  const ex = occ.exception;
  if (ex) {
    extension.push(
      ext(ctx.c.extension('occurrence-exception'), {
        extension: subs([
          ext('type', { valueCode: ex.type }),
          ext('reason', { valueString: ex.reason }),
          ex.type === 'moved' && ex.newDate !== undefined
            ? ext('newDate', { valueDate: ex.newDate })
            : undefined,
          ex.type === 'moved' ? ext('start', { valueTime: `${ex.start}:00` }) : undefined,
          ex.type === 'moved' ? ext('end', { valueTime: `${ex.end}:00` }) : undefined,
          ex.originalStart === undefined
            ? undefined
            : ext('originalStart', { valueDateTime: ex.originalStart }),
          ex.originalEnd === undefined
            ? undefined
            : ext('originalEnd', { valueDateTime: ex.originalEnd }),
        ]),
      }),
    );
  }
  if (occ.dstShifted) extension.push(ext(ctx.c.extension('dst-shifted'), { valueBoolean: true }));
  const appt: Appointment = {
    resourceType: 'Appointment',
    identifier: [ctx.identifier('occurrence', occ.id)],
    status: occ.status === 'cancelled' ? 'cancelled' : 'booked',
    serviceType: [
      { coding: [coding(ctx.c.codeSystem('activity-kind'), occ.kind)], text: occ.kind },
    ],
    description: occ.title,
    start: occ.start,
    end: occ.end,
    minutesDuration: Math.round((occ.endMs - occ.startMs) / 60_000),
    // The routine and the unit: a FHIR client finds a unit's occurrences with `supporting-info`.
    supportingInformation: [
      ctx.ref('routine', r.id, r.title),
      ctx.ref('program', ctx.doc.program.id, ctx.doc.program.name),
    ],
    participant: participants,
    extension,
  };
  if (appt.minutesDuration === 0) delete appt.minutesDuration;
  if (occ.status === 'cancelled' && ex) appt.cancelationReason = { text: ex.reason };
  if (occ.description !== undefined && occ.description !== '') appt.comment = occ.description;
  return appt;
}

/**
 * Exports the routines, the unit's plan and, when `range` is given, an Appointment per
 * occurrence in it (cancelled ones included, with their reason). @internal
 *
 * @returns the occurrences exported, by id (attendance Encounters link to them)
 */
export function exportSchedule(
  ctx: ExportContext,
  range: InstantRange | undefined,
): Map<string, Occurrence> {
  const { doc } = ctx;
  for (const r of doc.routines) ctx.add('routine', r.id, activityDefinition(ctx, r));
  const plan: PlanDefinition = {
    resourceType: 'PlanDefinition',
    url: ctx.c.planDefinition(doc.program.id),
    identifier: [ctx.identifier('program', doc.program.id)],
    status: 'active',
    title: `${doc.program.name}: timetable`,
    type: {
      coding: [
        coding('http://terminology.hl7.org/CodeSystem/plan-definition-type', 'workflow-definition'),
      ],
    },
    subjectReference: ctx.ref('program', doc.program.id, doc.program.name),
    action: doc.routines.map((r) => ({
      title: r.title,
      code: [{ coding: [coding(ctx.c.codeSystem('activity-kind'), r.kind)] }],
      definitionCanonical: ctx.c.activityDefinition(doc.program.id, r.id),
    })),
  };
  if (plan.action?.length === 0) delete plan.action;
  ctx.entries.push({
    fullUrl: ctx.url('program', `plan:${doc.program.id}`),
    resource: plan,
    match: ctx.identifier('program', doc.program.id),
  });

  const byId = new Map<string, Occurrence>();
  if (!range) return byId;
  const templates = new Map<string, Extension>();
  for (const occ of expandOccurrences(doc, { from: range.from, to: range.to })) {
    let template = templates.get(occ.routineId);
    if (!template) {
      const rec = occ.routine.recurrence;
      template = recurrenceTemplate(doc.program.timeZone, rec, rec.startDate);
      templates.set(occ.routineId, template);
    }
    byId.set(occ.id, occ);
    ctx.add('occurrence', occ.id, appointment(ctx, occ, template));
  }
  return byId;
}
