/**
 * The timetable: one `ActivityDefinition` (with its `Timing`) per routine, a `PlanDefinition`
 * for the unit listing them, and an `Appointment` per occurrence in the export range, carrying
 * the series as the R5 cross-version `recurrenceTemplate` extension.
 *
 * @module
 */
import {
  expandOccurrences,
  type InstantRange,
  type Occurrence,
  type Routine,
  type RoutineException,
} from '@milieu/core';
import type { ActivityDefinition, Extension, PlanDefinition, Timing } from '@medplum/fhirtypes';
import { coding, ext, subs } from '../util.js';
import { appointment, recurrenceTemplate } from './appointments.js';
import { durationMinutes, FHIR_DAY } from './days.js';
import type { ExportContext } from './context.js';

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
