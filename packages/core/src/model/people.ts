/**
 * People in the milieu: participants and staff. Minimum necessary personal data — preferred
 * name, optional last name and pronouns, stay dates; no diagnoses, no record numbers.
 *
 * @module
 */
import * as z from 'zod/mini';
import { dateNotBefore, uniqueBy, uniqueValues } from './checks.js';
import { IdSchema, LocalDateSchema, TextSchema } from './scalars.js';

/** Staff roles, in the vocabulary of domain.md. */
export const STAFF_ROLES = [
  'psychiatrist',
  'psychologist',
  'therapist',
  'nurse',
  'counselor',
  'mental-health-technician',
  'peer-support-specialist',
  'occupational-therapist',
  'recreation-therapist',
  'art-therapist',
  'social-worker',
  'teacher',
  'chaplain',
  'other',
] as const;
/** A staff role (see {@link STAFF_ROLES}). */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Goal statuses. */
export const GOAL_STATUSES = ['active', 'met', 'paused', 'closed'] as const;
/** A goal status (see {@link GOAL_STATUSES}). */
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A participant's goal, in their own words where possible. */
export const GoalSchema = z.strictObject({
  id: IdSchema,
  statement: TextSchema,
  setOn: LocalDateSchema,
  status: z.enum(GOAL_STATUSES),
});
/** A participant's goal. */
export type Goal = z.infer<typeof GoalSchema>;

/**
 * A participant (never "patient" in UI text). The stay runs from `admissionDate` to
 * `dischargeDate` (inclusive; open while absent). `groupIds` → `program.groups`,
 * `electiveRoutineIds` → elective routines, `primaryTherapistId` → staff. Discharge dates are not
 * before admission; goal ids are unique within the participant.
 */
export const ParticipantSchema = z
  .strictObject({
    id: IdSchema,
    preferredName: TextSchema,
    lastName: z.optional(z.string()),
    pronouns: z.optional(z.string()),
    admissionDate: LocalDateSchema,
    anticipatedDischargeDate: z.optional(LocalDateSchema),
    dischargeDate: z.optional(LocalDateSchema),
    levelOfCare: z.optional(z.string()),
    groupIds: z.array(IdSchema).check(uniqueValues()),
    electiveRoutineIds: z.array(IdSchema).check(uniqueValues()),
    goals: z.array(GoalSchema).check(uniqueBy()),
    primaryTherapistId: z.optional(IdSchema),
  })
  .check(
    dateNotBefore('admissionDate', 'anticipatedDischargeDate'),
    dateNotBefore('admissionDate', 'dischargeDate'),
  );
/** A participant (see {@link ParticipantSchema}). */
export type Participant = z.infer<typeof ParticipantSchema>;

/** A staff member; employed from `startDate` to `endDate` inclusive (open while absent). */
export const StaffSchema = z
  .strictObject({
    id: IdSchema,
    preferredName: TextSchema,
    lastName: z.optional(z.string()),
    pronouns: z.optional(z.string()),
    role: z.enum(STAFF_ROLES),
    startDate: LocalDateSchema,
    endDate: z.optional(LocalDateSchema),
  })
  .check(dateNotBefore('startDate', 'endDate'));
/** A staff member (see {@link StaffSchema}). */
export type Staff = z.infer<typeof StaffSchema>;

/** Everyone in the milieu; ids unique within each list. */
export const PeopleSchema = z.strictObject({
  participants: z.array(ParticipantSchema).check(uniqueBy()),
  staff: z.array(StaffSchema).check(uniqueBy()),
});
/** Everyone in the milieu. */
export type People = z.infer<typeof PeopleSchema>;
