/**
 * Importing Appointments that no milieu ActivityDefinition covers: series from the R5
 * `recurrenceTemplate` extension, plain R4 Appointments as one-off routines.
 *
 * @module
 */
import {
  expandRecurrence,
  instantToZoned,
  parseInstant,
  type Recurrence,
  type Routine,
  type Weekday,
} from '@milieu/core';
import type { Appointment, Extension } from '@medplum/fhirtypes';
import { ORIGINATING_APPOINTMENT_URL, RECURRENCE_TEMPLATE_URL } from '../constants.js';
import { TEMPLATE_DAY } from '../export/days.js';
import { findExt, identifierValue } from '../util.js';
import { dateOf, sub, subsOf, type BundleIndex, type Located } from './bundle.js';
import { kindOf } from './schedule.js';

/** An appointment read in the program's zone. */
interface Slot {
  located: Located<Appointment>;
  date: string;
  start: string;
  end: string;
  minutes: number;
  facilitatorIds: string[];
  participantIds: string[];
  locationId?: string | undefined;
}

function slotOf(ix: BundleIndex, located: Located<Appointment>, zone: string): Slot | undefined {
  const a = located.resource;
  const startMs = typeof a.start === 'string' ? parseInstant(a.start) : NaN;
  const endMs = typeof a.end === 'string' ? parseInstant(a.end) : NaN;
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) {
    ix.issue(
      `${located.pointer}/start`,
      'required',
      'an Appointment without a start and end instant (with offset) is skipped',
    );
    return undefined;
  }
  const minutes = Math.round((endMs - startMs) / 60_000);
  if (minutes <= 0 || minutes >= 1440) {
    ix.issue(
      `${located.pointer}/end`,
      'invalid_range',
      'an Appointment must last more than 0 and less than 24 hours to be a milieu occurrence; skipped',
    );
    return undefined;
  }
  const s = instantToZoned(startMs, zone);
  const e = instantToZoned(endMs, zone);
  const slot: Slot = {
    located,
    date: s.date,
    start: s.time,
    end: e.time,
    minutes,
    facilitatorIds: [],
    participantIds: [],
  };
  for (const p of a.participant ?? []) {
    const hit = ix.resolve(p.actor);
    const type = hit?.resource.resourceType ?? p.actor?.type;
    if (type === 'Practitioner') {
      const id = ix.refId('staff', 'Practitioner', p.actor);
      if (id !== undefined) slot.facilitatorIds.push(id);
    } else if (type === 'Patient') {
      const id = ix.refId('participant', 'Patient', p.actor);
      if (id !== undefined) slot.participantIds.push(id);
    } else if (type === 'Location') {
      slot.locationId ??= ix.refId('location', 'Location', p.actor);
    }
  }
  return slot;
}

function baseRoutine(ix: BundleIndex, slot: Slot, id: string): Routine {
  const a = slot.located.resource;
  const routine: Routine = {
    id,
    kind: kindOf(
      ix,
      a.serviceType?.flatMap((s) => s.coding ?? []),
    ),
    title: a.description ?? a.serviceType?.[0]?.text ?? a.appointmentType?.text ?? 'Appointment',
    facilitatorIds: [...new Set(slot.facilitatorIds)],
    audience: slot.participantIds.length
      ? { type: 'participants', participantIds: [...new Set(slot.participantIds)] }
      : { type: 'everyone' },
    attendance: 'required',
    start: slot.start,
    end: slot.end,
    recurrence: { freq: 'DAILY', startDate: slot.date, count: 1 },
    exceptions: [],
    roster: [],
  };
  if (a.comment) routine.description = a.comment;
  if (slot.locationId !== undefined) routine.locationId = slot.locationId;
  if (a.status === 'cancelled' || a.status === 'noshow') {
    routine.exceptions.push({
      date: slot.date,
      type: 'cancelled',
      reason: a.cancelationReason?.text ?? a.cancelationReason?.coding?.[0]?.display ?? 'cancelled',
    });
  }
  return routine;
}

function seriesRecurrence(template: Extension, startDate: string): Recurrence {
  const type = sub(template, 'recurrenceType')?.valueCodeableConcept?.coding?.[0]?.code;
  const rec: Recurrence = { freq: type === 'wk' ? 'WEEKLY' : 'DAILY', startDate };
  const weekly = sub(template, 'weeklyTemplate');
  if (rec.freq === 'WEEKLY') {
    const days = (Object.entries(TEMPLATE_DAY) as [Weekday, string][])
      .filter(([, name]) => sub(weekly, name)?.valueBoolean === true)
      .map(([d]) => d);
    if (days.length) rec.byDay = days;
    const interval = sub(weekly, 'weekInterval')?.valuePositiveInt;
    if (interval !== undefined && interval !== 1) rec.interval = interval;
  } else {
    const interval = sub(template, 'dayInterval')?.valuePositiveInt;
    if (interval !== undefined && interval !== 1) rec.interval = interval;
  }
  const last = dateOf(sub(template, 'lastOccurrenceDate')?.valueDate);
  if (last !== undefined && last >= startDate) rec.until = last;
  const count = sub(template, 'occurrenceCount')?.valuePositiveInt;
  if (count !== undefined && last === undefined) rec.count = count;
  const rdates = subsOf(template, 'occurrenceDate')
    .map((x) => dateOf(x.valueDate))
    .filter((d): d is string => !!d);
  const exdates = subsOf(template, 'excludingDate')
    .map((x) => dateOf(x.valueDate))
    .filter((d): d is string => !!d);
  if (rdates.length) rec.rdates = [...new Set(rdates)];
  if (exdates.length) rec.exdates = [...new Set(exdates)];
  return rec;
}

/**
 * Routines for Appointments that no imported routine already covers: one series per
 * `recurrenceTemplate` (keyed by its originating appointment), the rest one-off routines.
 *
 * @param covered - whether an Appointment belongs to a routine read from an ActivityDefinition
 */
export function routinesFromAppointments(
  ix: BundleIndex,
  zone: string,
  covered: (a: Appointment) => boolean,
  firstSeen: Map<string, string>,
  occurrenceIds: Map<Appointment, string>,
): Routine[] {
  const series = new Map<string, Slot[]>();
  const singles: Slot[] = [];
  for (const located of ix.all<Appointment>('Appointment')) {
    try {
      const a = located.resource;
      if (covered(a)) continue;
      if (a.status === 'entered-in-error') continue;
      const slot = slotOf(ix, located, zone);
      if (!slot) continue;
      for (const id of slot.participantIds)
        if (!(firstSeen.get(id)! <= slot.date)) firstSeen.set(id, slot.date);
      for (const id of slot.facilitatorIds)
        if (!(firstSeen.get(`staff:${id}`)! <= slot.date)) firstSeen.set(`staff:${id}`, slot.date);
      const template = findExt(a, RECURRENCE_TEMPLATE_URL);
      if (!template) {
        singles.push(slot);
        continue;
      }
      const origin = findExt(a, ORIGINATING_APPOINTMENT_URL)?.valueReference;
      const key =
        origin?.identifier?.value ??
        origin?.reference ??
        `${JSON.stringify(template)}|${a.description ?? ''}`;
      const list = series.get(key) ?? [];
      list.push(slot);
      series.set(key, list);
    } catch (error) {
      ix.skip(located, error);
    }
  }
  const routines: Routine[] = [];
  for (const slots of series.values()) {
    const first = slots[0]!.located;
    const routine = ix.guard(first, () => {
      slots.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
      const template = findExt(slots[0]!.located.resource, RECURRENCE_TEMPLATE_URL)!;
      // The series' time is the most common wall-clock time among its occurrences.
      const counts = new Map<string, number>();
      for (const s of slots)
        if (s.located.resource.status !== 'cancelled')
          counts.set(`${s.start}-${s.end}`, (counts.get(`${s.start}-${s.end}`) ?? 0) + 1);
      const [time] = [...counts.entries()].sort((x, y) => y[1] - x[1])[0] ?? [
        `${slots[0]!.start}-${slots[0]!.end}`,
      ];
      const model = slots.find((s) => `${s.start}-${s.end}` === time) ?? slots[0]!;
      const routine = baseRoutine(ix, model, ix.idOf('routine', model.located.resource));
      routine.exceptions = [];
      routine.recurrence = seriesRecurrence(template, slots[0]!.date);
      routine.facilitatorIds = [...new Set(slots.flatMap((s) => s.facilitatorIds))];
      const everyone = [...new Set(slots.flatMap((s) => s.participantIds))];
      routine.audience = everyone.length
        ? { type: 'participants', participantIds: everyone }
        : { type: 'everyone' };
      const last = slots[slots.length - 1]!.date;
      const days = new Set(expandRecurrence(routine.recurrence, slots[0]!.date, last));
      const seen = new Set<string>();
      for (const s of slots) {
        const a = s.located.resource;
        // The series date: from a milieu occurrence identifier (`routine@date`) when there is one.
        const occ = identifierValue(a, ix.c.identifier('occurrence'));
        const original =
          occ !== undefined && /@\d{4}-\d{2}-\d{2}$/.test(occ) ? occ.slice(-10) : s.date;
        if (!days.has(original) || seen.has(original)) {
          singles.push(s);
          continue;
        }
        seen.add(original);
        occurrenceIds.set(a, `${routine.id}@${original}`);
        if (a.status === 'cancelled') {
          routine.exceptions.push({
            date: original,
            type: 'cancelled',
            reason: a.cancelationReason?.text ?? 'cancelled',
          });
        } else if (`${s.start}-${s.end}` !== time || original !== s.date) {
          routine.exceptions.push({
            date: original,
            type: 'moved',
            reason: 'moved in the source system',
            start: s.start,
            end: s.end,
            ...(original === s.date ? {} : { newDate: s.date }),
          });
        }
      }
      // Between its first and last Appointment a series lists every occurrence: a missing day is excluded.
      const missing = [...days].filter((d) => !seen.has(d));
      if (missing.length)
        routine.recurrence.exdates = [
          ...new Set([...(routine.recurrence.exdates ?? []), ...missing]),
        ].sort();
      return routine;
    });
    if (routine) routines.push(routine);
  }
  for (const s of singles) {
    const routine = baseRoutine(ix, s, ix.idOf('routine', s.located.resource));
    occurrenceIds.set(s.located.resource, `${routine.id}@${s.date}`);
    routines.push(routine);
  }
  return routines;
}

/** Whether an appointment is an occurrence of a routine the import already has. */
export function coveredBy(
  ix: BundleIndex,
  routineIds: ReadonlySet<string>,
  activities: ReadonlySet<object>,
) {
  return (a: Appointment): boolean => {
    const occ = identifierValue(a, ix.c.identifier('occurrence'));
    if (occ !== undefined && routineIds.has(occ.slice(0, occ.lastIndexOf('@')))) return true;
    return (a.supportingInformation ?? []).some((r) => {
      const hit = ix.resolve(r);
      return hit !== undefined && activities.has(hit.resource);
    });
  };
}
