/**
 * The closed vocabularies of the model (activity kinds, attendance modes and statuses, exception
 * types, shared-screen naming) in a module of their own, free of the document schemas: the
 * schedule contract and widgets that only read the schedule resource import them without
 * pulling the document model into their bundle.
 *
 * @module
 */
import * as z from 'zod/mini';

/**
 * Activity kinds, in the vocabulary of domain.md. `supervised-recreation` is recreation that
 * staff supervise without running it as therapy (the gym, the basketball court, the campus
 * store); `education` is school or academic time (adolescent units, residential schools).
 */
export const ACTIVITY_KINDS = [
  'wake-up',
  'medication',
  'breakfast',
  'lunch',
  'dinner',
  'snack',
  'community-meeting',
  'group-therapy',
  'individual-therapy',
  'social-skills',
  'psychoeducation',
  'occupational-therapy',
  'recreation-therapy',
  'supervised-recreation',
  'art-therapy',
  'exercise',
  'education',
  'free-time',
  'visiting-hours',
  'outing',
  'quiet-time',
  'lights-out',
  'other',
] as const;
/** An activity kind (see {@link ACTIVITY_KINDS}). */
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Whether attending a routine is expected of its audience or chosen by each participant. */
export const ATTENDANCE_MODES = ['required', 'elective'] as const;
/** `required` or `elective` (see {@link ATTENDANCE_MODES}). */
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/** Exception types. */
export const EXCEPTION_TYPES = ['cancelled', 'moved', 'changed'] as const;
/** An exception type (see {@link EXCEPTION_TYPES}). */
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

/** Attendance statuses. */
export const ATTENDANCE_STATUSES = [
  'present',
  'late',
  'left-early',
  'excused',
  'absent',
  'refused',
] as const;
/** An attendance status (see {@link ATTENDANCE_STATUSES}). */
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * How people are named on shared screens (the kiosk view and printouts), from the most to the
 * least shown:
 * - `first-initial` (the default): preferred first name plus last initial, `Dana R.`;
 * - `initials`: `D. R.`;
 * - `none`: no names at all, which a substance-use program needs under 42 CFR Part 2 (even a
 *   first name on a hallway screen discloses that a person is in treatment).
 */
export const DISPLAY_NAME_POLICIES = ['first-initial', 'initials', 'none'] as const;
/** How people are named on shared screens (see {@link DISPLAY_NAME_POLICIES}). */
export type DisplayNamePolicy = (typeof DISPLAY_NAME_POLICIES)[number];
/** Schema of {@link DisplayNamePolicy}. */
export const DisplayNamePolicySchema = z.enum(DISPLAY_NAME_POLICIES);
/** The default of `Policy.displayNames` (see {@link DISPLAY_NAME_POLICIES}). */
export const DEFAULT_DISPLAY_NAME_POLICY: DisplayNamePolicy = 'first-initial';
