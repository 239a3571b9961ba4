/**
 * Transitions: discharge, step-down/up, transfer, staff departure/arrival and schedule changes,
 * each with an effective date, notice and plan tasks.
 *
 * @module
 */
import * as z from 'zod/mini';
import { addIssue, dateNotBefore, uniqueBy, uniqueValues, whenObject } from './checks.js';
import { IdSchema, InstantSchema, LocalDateSchema } from './scalars.js';

/** Transition types. */
export const TRANSITION_TYPES = [
  'discharge',
  'step-down',
  'step-up',
  'transfer',
  'staff-departure',
  'staff-arrival',
  'schedule-change',
] as const;
/** A transition type (see {@link TRANSITION_TYPES}). */
export type TransitionType = (typeof TRANSITION_TYPES)[number];

/** Transition types that concern one participant (they need `participantId`). */
export const PARTICIPANT_TRANSITION_TYPES = [
  'discharge',
  'step-down',
  'step-up',
  'transfer',
] as const;
/** Transition types that concern one staff member (they need `staffId`). */
export const STAFF_TRANSITION_TYPES = ['staff-departure', 'staff-arrival'] as const;

/** Plan task kinds. */
export const PLAN_TASK_KINDS = [
  'aftercare-appointment',
  'peer-contact',
  'relapse-prevention-plan',
  'farewell',
  'introduction',
  'handover',
  'other',
] as const;
/** A plan task kind (see {@link PLAN_TASK_KINDS}). */
export type PlanTaskKind = (typeof PLAN_TASK_KINDS)[number];

/** Plan task statuses. */
export const PLAN_TASK_STATUSES = ['todo', 'in-progress', 'done', 'not-applicable'] as const;
/** A plan task status (see {@link PLAN_TASK_STATUSES}). */
export type PlanTaskStatus = (typeof PLAN_TASK_STATUSES)[number];

/** Legal bases of a recorded consent (42 CFR Part 2 for substance-use programs in the US). */
export const CONSENT_BASES = ['42-cfr-part-2', 'hipaa', 'other'] as const;

/** A recorded consent: when, who consented (participant or staff ids, at least one), on what basis. */
export const ConsentSchema = z.strictObject({
  recordedOn: LocalDateSchema,
  parties: z.array(IdSchema).check(z.minLength(1), uniqueValues()),
  basis: z.optional(z.enum(CONSENT_BASES)),
});
/** A recorded consent (see {@link ConsentSchema}). */
export type Consent = z.infer<typeof ConsentSchema>;

/**
 * A plan task: an aftercare appointment (`at` = the booked instant), consented peer contact, a
 * relapse-prevention plan, a farewell or introduction, a handover.
 */
export const PlanTaskSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(PLAN_TASK_KINDS),
  status: z.enum(PLAN_TASK_STATUSES),
  dueDate: z.optional(LocalDateSchema),
  at: z.optional(InstantSchema),
  note: z.optional(z.string()),
  consent: z.optional(ConsentSchema),
});
/** A plan task (see {@link PlanTaskSchema}). */
export type PlanTask = z.infer<typeof PlanTaskSchema>;

/**
 * A transition. Participant transitions (`discharge`, `step-down`, `step-up`, `transfer`) need a
 * `participantId`; staff transitions need a `staffId`; `successorStaffId` belongs to a
 * `staff-departure`. The notice (`announcedDate`) is not after `effectiveDate`. Plan ids are unique.
 */
export const TransitionSchema = z
  .strictObject({
    id: IdSchema,
    type: z.enum(TRANSITION_TYPES),
    participantId: z.optional(IdSchema),
    staffId: z.optional(IdSchema),
    successorStaffId: z.optional(IdSchema),
    effectiveDate: LocalDateSchema,
    announcedDate: z.optional(LocalDateSchema),
    createdOn: z.optional(LocalDateSchema),
    plan: z.array(PlanTaskSchema).check(uniqueBy()),
  })
  .check(
    dateNotBefore('announcedDate', 'effectiveDate'),
    z.superRefine((t, ctx) => {
      const type = t.type as string | undefined;
      if (
        (PARTICIPANT_TRANSITION_TYPES as readonly unknown[]).includes(type) &&
        t.participantId === undefined
      ) {
        addIssue(
          ctx,
          ['participantId'],
          'required',
          `a ${type} transition needs the participantId it concerns`,
        );
      }
      if (
        (STAFF_TRANSITION_TYPES as readonly unknown[]).includes(type) &&
        t.staffId === undefined
      ) {
        addIssue(
          ctx,
          ['staffId'],
          'required',
          `a ${type} transition needs the staffId it concerns`,
        );
      }
      if (t.successorStaffId !== undefined && type !== 'staff-departure') {
        addIssue(
          ctx,
          ['successorStaffId'],
          'conflicting_fields',
          'successorStaffId belongs to a staff-departure transition',
        );
      }
    }, whenObject),
  );
/** A transition (see {@link TransitionSchema}). */
export type Transition = z.infer<typeof TransitionSchema>;
