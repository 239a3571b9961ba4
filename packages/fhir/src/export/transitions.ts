/**
 * Transitions: a `CarePlan` per transition (the aftercare plan of a discharge; categorised by
 * the transition-type code system), its tasks as activities, and a `Consent` for each task
 * with a recorded consent (peer contact after discharge).
 *
 * @module
 */
import type { PlanTask, Transition } from '@milieu/core';
import type { CarePlan, CarePlanActivity, Consent } from '@medplum/fhirtypes';
import { CONSENT_SCOPE_SYSTEM, LOINC_SYSTEM } from '../constants.js';
import { coding, ext, subs, type AnyRef } from '../util.js';
import type { ExportContext } from './context.js';

/** CarePlan activity status of a plan task status. */
export const TASK_STATUS = {
  todo: 'not-started',
  'in-progress': 'in-progress',
  done: 'completed',
  'not-applicable': 'cancelled',
} as const;

const BASIS_TEXT = { '42-cfr-part-2': '42 CFR Part 2', hipaa: 'HIPAA', other: 'other' } as const;

function consent(ctx: ExportContext, t: Transition, task: PlanTask): Consent | undefined {
  const c = task.consent;
  if (!c) return undefined;
  const party = (id: string): AnyRef =>
    ctx.staff.has(id) ? ctx.ref('staff', id) : ctx.ref('participant', id);
  const patientId = t.participantId ?? c.parties.find((id) => ctx.participants.has(id));
  const out: Consent = {
    resourceType: 'Consent',
    identifier: [ctx.identifier('plan-task', `${t.id}/${task.id}`)],
    status: 'active',
    scope: { coding: [coding(CONSENT_SCOPE_SYSTEM, 'patient-privacy', 'Privacy Consent')] },
    category: [{ coding: [coding(LOINC_SYSTEM, '59284-0', 'Patient Consent')] }],
    dateTime: c.recordedOn,
    performer: c.parties.map(party),
    policyRule: {
      text: c.basis === undefined ? 'peer contact after discharge' : BASIS_TEXT[c.basis],
    },
    provision: {
      type: 'permit',
      period: { start: t.effectiveDate },
      actor: c.parties.map((id) => ({
        role: { text: 'party to peer contact' },
        reference: party(id),
      })),
    },
    extension: subs([
      ext(ctx.c.extension('plan-task'), {
        extension: subs([
          ext('task', { valueString: task.id }),
          c.basis === undefined ? undefined : ext('basis', { valueCode: c.basis }),
        ]),
      }),
    ]),
  };
  if (patientId !== undefined) out.patient = ctx.ref('participant', patientId);
  return out;
}

function activity(ctx: ExportContext, task: PlanTask): CarePlanActivity {
  const detail: NonNullable<CarePlanActivity['detail']> = {
    code: { coding: [coding(ctx.c.codeSystem('plan-task-kind'), task.kind)], text: task.kind },
    status: TASK_STATUS[task.status],
    extension: [
      ext(ctx.c.extension('plan-task'), {
        extension: subs([
          ext('task', { valueString: task.id }),
          task.dueDate === undefined ? undefined : ext('dueDate', { valueDate: task.dueDate }),
        ]),
      }),
    ],
  };
  if (task.at !== undefined) detail.scheduledPeriod = { start: task.at };
  if (task.note !== undefined && task.note !== '') detail.description = task.note;
  return { detail };
}

/** Exports every transition. @internal */
export function exportTransitions(ctx: ExportContext): void {
  const { doc } = ctx;
  for (const t of doc.transitions) {
    const consents: AnyRef[] = [];
    for (const task of t.plan) {
      const c = consent(ctx, t, task);
      if (c) {
        ctx.add('plan-task', `${t.id}/${task.id}`, c);
        consents.push(ctx.ref('plan-task', `${t.id}/${task.id}`));
      }
    }
    const done = t.plan.every((p) => p.status === 'done' || p.status === 'not-applicable');
    const plan: CarePlan = {
      resourceType: 'CarePlan',
      identifier: [ctx.identifier('transition', t.id)],
      status: done ? 'completed' : 'active',
      intent: 'plan',
      category: [{ coding: [coding(ctx.c.codeSystem('transition-type'), t.type)] }],
      title: t.type === 'discharge' ? 'Aftercare plan' : `Transition plan: ${t.type}`,
      subject:
        t.participantId === undefined
          ? ctx.ref('program', doc.program.id, doc.program.name)
          : ctx.ref('participant', t.participantId),
      period: { start: t.effectiveDate },
      extension: [
        ext(ctx.c.extension('transition'), {
          extension: subs([
            ext('effectiveDate', { valueDate: t.effectiveDate }),
            t.announcedDate === undefined
              ? undefined
              : ext('announcedDate', { valueDate: t.announcedDate }),
            t.staffId === undefined
              ? undefined
              : ext('staff', { valueReference: ctx.ref('staff', t.staffId) }),
            t.successorStaffId === undefined
              ? undefined
              : ext('successorStaff', { valueReference: ctx.ref('staff', t.successorStaffId) }),
          ]),
        }),
      ],
    };
    if (t.createdOn !== undefined) plan.created = t.createdOn;
    if (t.plan.length > 0) plan.activity = t.plan.map((task) => activity(ctx, task));
    if (consents.length > 0) plan.supportingInfo = consents;
    ctx.add('transition', t.id, plan);
  }
}
