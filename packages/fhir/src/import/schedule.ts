/**
 * Importing the timetable: routines from the milieu ActivityDefinitions (Timing plus the
 * `routine` extension). Appointments are read in `appointments.ts`.
 *
 * @module
 */
import {
  ACTIVITY_KINDS,
  ATTENDANCE_MODES,
  WEEKDAYS,
  type ActivityKind,
  type Audience,
  type Recurrence,
  type Routine,
  type RoutineException,
  type RosterChange,
  type Weekday,
} from '@milieu/core';
import type { ActivityDefinition, Extension } from '@medplum/fhirtypes';
import { findExt } from '../util.js';
import { durationMinutes, FHIR_DAY } from '../export/days.js';
import { dateOf, hhmm, sub, subsOf, type BundleIndex, type Located } from './bundle.js';

const FROM_FHIR_DAY = new Map(Object.entries(FHIR_DAY).map(([k, v]) => [v, k as Weekday]));

/** The activity kind of codings in the milieu code system, else `other`. @internal */
export const kindOf = (
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

/** Minutes between two wall-clock times (re-exported for the source). @internal */
export const minutesBetween = durationMinutes;
