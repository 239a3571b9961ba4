/**
 * Occurrences as Appointments, with the series as the R5 cross-version `recurrenceTemplate`
 * and `originatingAppointment` extensions.
 *
 * @module
 */
import {
  displayName,
  expandRecurrence,
  type Occurrence,
  type Recurrence,
  type Weekday,
} from '@milieu/core';
import type { Appointment, AppointmentParticipant, Extension } from '@medplum/fhirtypes';
import {
  IANA_TZ_SYSTEM,
  OCCURRENCE_CHANGED_URL,
  ORIGINATING_APPOINTMENT_URL,
  RECURRENCE_TEMPLATE_URL,
  UCUM_SYSTEM,
} from '../constants.js';
import { coding, ext, subs } from '../util.js';
import type { ExportContext } from './context.js';
import { TEMPLATE_DAY } from './days.js';

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

/** One occurrence as an Appointment. @internal */
export function appointment(ctx: ExportContext, occ: Occurrence, template: Extension): Appointment {
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
