/**
 * Importing the timetable: routines from the milieu ActivityDefinitions (Timing plus the
 * `routine` extension), series from Appointments carrying the R5 `recurrenceTemplate`, and
 * plain R4 Appointments as one-off routines.
 *
 * @module
 */
import {
  ACTIVITY_KINDS,
  ATTENDANCE_MODES,
  expandRecurrence,
  instantToZoned,
  parseInstant,
  WEEKDAYS,
  type ActivityKind,
  type Audience,
  type Recurrence,
  type Routine,
  type RoutineException,
  type RosterChange,
  type Weekday,
} from '@milieu/core';
import type { ActivityDefinition, Appointment, Extension } from '@medplum/fhirtypes';
import { RECURRENCE_TEMPLATE_URL, ORIGINATING_APPOINTMENT_URL } from '../constants.js';
import { findExt, identifierValue } from '../util.js';
import { durationMinutes, FHIR_DAY, TEMPLATE_DAY } from '../export/schedule.js';
import { dateOf, hhmm, sub, subsOf, type BundleIndex, type Located } from './bundle.js';

const FROM_FHIR_DAY = new Map(Object.entries(FHIR_DAY).map(([k, v]) => [v, k as Weekday]));

const kindOf = (
  ix: BundleIndex,
  codings: { system?: string; code?: string }[] | undefined,
): ActivityKind => {
  const code = codings?.find((c) => c.system === ix.c.codeSystem('activity-kind'))?.code;
  return (ACTIVITY_KINDS as readonly unknown[]).includes(code) ? (code as ActivityKind) : 'other';
};

function readException(
  ix: BundleIndex,
  e: Extension,
  pointer: string,
): RoutineException | undefined {
  const date = dateOf(sub(e, 'date')?.valueDate);
  const type = sub(e, 'type')?.valueCode;
  const reason = sub(e, 'reason')?.valueString ?? 'changed in the source system';
  if (date === undefined) {
    ix.issue(pointer, 'required', 'an exception without a date is skipped');
    return undefined;
  }
  const locationId = ix.refId('location', 'Location', sub(e, 'location')?.valueReference);
  if (type === 'cancelled') return { date, type, reason };
  if (type === 'moved') {
    const start = hhmm(sub(e, 'start')?.valueTime);
    const end = hhmm(sub(e, 'end')?.valueTime);
    if (start === undefined || end === undefined) {
      ix.issue(pointer, 'required', 'a moved exception without start and end is skipped');
      return undefined;
    }
    const newDate = dateOf(sub(e, 'newDate')?.valueDate);
    return {
      date,
      type,
      reason,
      start,
      end,
      ...(newDate === undefined ? {} : { newDate }),
      ...(locationId === undefined ? {} : { locationId }),
    };
  }
  const out: RoutineException = { date, type: 'changed', reason };
  const title = sub(e, 'title')?.valueString;
  const description = sub(e, 'description')?.valueString;
  if (title !== undefined) out.title = title;
  if (description !== undefined) out.description = description;
  if (locationId !== undefined) out.locationId = locationId;
  if (sub(e, 'facilitatorsChanged')?.valueBoolean) {
    out.facilitatorIds = subsOf(e, 'facilitator')
      .map((f) => ix.refId('staff', 'Practitioner', f.valueReference))
      .filter((id): id is string => id !== undefined);
  }
  return out;
}

/** A routine from a milieu ActivityDefinition (or any with a Timing), or `undefined` with an issue. */
export function routineFromActivity(
  ix: BundleIndex,
  { resource: ad, pointer }: Located<ActivityDefinition>,
): Routine | undefined {
  const e = findExt(ad, ix.c.extension('routine'));
  const repeat = ad.timingTiming?.repeat;
  const start = hhmm(sub(e, 'start')?.valueTime) ?? hhmm(repeat?.timeOfDay?.[0]);
  const startDate = dateOf(repeat?.boundsPeriod?.start);
  if (start === undefined || startDate === undefined || !repeat) {
    ix.issue(
      `${pointer}/timingTiming`,
      'required',
      'an ActivityDefinition without a Timing (time of day and bounds start) is skipped',
    );
    return undefined;
  }
  let end = hhmm(sub(e, 'end')?.valueTime);
  if (end === undefined) {
    const minutes = repeat.duration ?? 60;
    const m = (Number(start.slice(0, 2)) * 60 + Number(start.slice(3)) + minutes) % 1440;
    end = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  }
  const recurrence: Recurrence = {
    freq: repeat.periodUnit === 'wk' ? 'WEEKLY' : 'DAILY',
    startDate,
  };
  if (repeat.period !== undefined && repeat.period !== 1) recurrence.interval = repeat.period;
  if (recurrence.freq === 'WEEKLY' && repeat.dayOfWeek?.length) {
    const order = (d: Weekday): number => WEEKDAYS.indexOf(d);
    recurrence.byDay = repeat.dayOfWeek
      .map((d) => FROM_FHIR_DAY.get(d))
      .filter((d): d is Weekday => d !== undefined)
      .sort((a, b) => order(a) - order(b));
  }
  const until = dateOf(repeat.boundsPeriod?.end);
  if (until !== undefined) recurrence.until = until;
  if (repeat.count !== undefined) recurrence.count = repeat.count;
  const rdates = subsOf(e, 'rdate')
    .map((x) => x.valueDate)
    .filter((d): d is string => !!d);
  const exdates = subsOf(e, 'exdate')
    .map((x) => x.valueDate)
    .filter((d): d is string => !!d);
  if (rdates.length) recurrence.rdates = rdates;
  if (exdates.length) recurrence.exdates = exdates;
  const reviewDate = dateOf(sub(e, 'reviewDate')?.valueDate);
  if (reviewDate !== undefined) recurrence.reviewDate = reviewDate;

  const audienceType = sub(e, 'audience')?.valueCode;
  let audience: Audience = { type: 'everyone' };
  if (audienceType === 'groups') {
    const groupIds = subsOf(e, 'audienceGroup')
      .map((x) => ix.refId('group', 'Group', x.valueReference))
      .filter((id): id is string => id !== undefined);
    if (groupIds.length) audience = { type: 'groups', groupIds };
  } else if (audienceType === 'participants') {
    const participantIds = subsOf(e, 'audienceParticipant')
      .map((x) => ix.refId('participant', 'Patient', x.valueReference))
      .filter((id): id is string => id !== undefined);
    if (participantIds.length) audience = { type: 'participants', participantIds };
  }
  const attendance = sub(e, 'attendance')?.valueCode;
  const routine: Routine = {
    id: ix.idOf('routine', ad),
    kind: kindOf(ix, ad.code?.coding),
    title: ad.title ?? ad.name ?? 'Activity',
    facilitatorIds: subsOf(e, 'facilitator')
      .map((x) => ix.refId('staff', 'Practitioner', x.valueReference))
      .filter((id): id is string => id !== undefined),
    audience,
    attendance: (ATTENDANCE_MODES as readonly unknown[]).includes(attendance)
      ? (attendance as Routine['attendance'])
      : 'required',
    start,
    end,
    recurrence,
    exceptions: subsOf(e, 'exception')
      .map((x) => readException(ix, x, `${pointer}/extension`))
      .filter((x): x is RoutineException => x !== undefined),
    roster: subsOf(e, 'roster')
      .map((x): RosterChange | undefined => {
        const participantId = ix.refId(
          'participant',
          'Patient',
          sub(x, 'participant')?.valueReference,
        );
        const action = sub(x, 'action')?.valueCode;
        const effective = dateOf(sub(x, 'effective')?.valueDate);
        return participantId && (action === 'add' || action === 'remove') && effective
          ? { participantId, action, effective }
          : undefined;
      })
      .filter((x): x is RosterChange => x !== undefined),
  };
  if (ad.description) routine.description = ad.description;
  const locationId = ix.refId('location', 'Location', ad.location);
  if (locationId !== undefined) routine.locationId = locationId;
  const max = sub(e, 'capacityMax')?.valuePositiveInt;
  const min = sub(e, 'capacityMin')?.valueUnsignedInt;
  if (max !== undefined) routine.capacity = { max, ...(min === undefined ? {} : { min }) };
  return routine;
}

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

/** Minutes between two wall-clock times (re-exported for the source). @internal */
export const minutesBetween = durationMinutes;
