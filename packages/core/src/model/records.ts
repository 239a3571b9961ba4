/**
 * Records: attendance per occurrence per participant, observations of expectations, feedback
 * entries and coping-skill practice.
 *
 * @module
 */
import * as z from 'zod/mini';
import { addIssue, uniqueBy, whenObject } from './checks.js';
import {
  IdSchema,
  InstantSchema,
  OccurrenceIdSchema,
  PositiveIntSchema,
  TextSchema,
} from './scalars.js';
import { ATTENDANCE_STATUSES } from './vocabulary.js';

/** Who gave feedback. `program` = a participant's feedback about the milieu itself. */
export const FEEDBACK_SOURCES = ['therapist', 'staff', 'peer', 'self', 'program'] as const;
/** A feedback source (see {@link FEEDBACK_SOURCES}). */
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

/** What a feedback entry is about. */
export const FEEDBACK_ABOUT_TYPES = [
  'goal',
  'coping-skill',
  'expectation',
  'activity',
  'general',
] as const;
/** Who may see a feedback entry. */
export const FEEDBACK_VISIBILITIES = ['staff', 'subject', 'community'] as const;
/** Review statuses of a feedback entry. */
export const REVIEW_STATUSES = ['pending', 'approved', 'needs-changes', 'withheld'] as const;
/** Review flags of a feedback entry. */
export const REVIEW_FLAGS = ['safety-language'] as const;

/** A rating on a 1–5 scale. */
export const RatingSchema = z.literal([1, 2, 3, 4, 5]);
/** A rating on a 1–5 scale. */
export type Rating = z.infer<typeof RatingSchema>;

/** A template item id: a non-empty string. */
const ItemKeySchema = z.string().check(z.minLength(1));

/** Attendance of one participant at one occurrence (`occurrenceId` = `routineId@originalDate`). */
export const AttendanceRecordSchema = z.strictObject({
  occurrenceId: OccurrenceIdSchema,
  participantId: IdSchema,
  status: z.enum(ATTENDANCE_STATUSES),
  note: z.optional(z.string()),
});
/** Attendance of one participant at one occurrence. */
export type AttendanceRecord = z.infer<typeof AttendanceRecordSchema>;

/**
 * An observation that an expectation was not met, and the ladder `step` applied (whole number ≥ 1),
 * at an instant, by a staff member. Never shown on shared displays.
 */
export const ObservationSchema = z.strictObject({
  id: IdSchema,
  participantId: IdSchema,
  expectationId: IdSchema,
  at: InstantSchema,
  step: PositiveIntSchema,
  byStaffId: IdSchema,
  note: z.optional(z.string()),
});
/** An observation of an expectation (see {@link ObservationSchema}). */
export type Observation = z.infer<typeof ObservationSchema>;

/** What a feedback entry is about: a goal, a coping skill, an expectation, an activity or in general. */
export const FeedbackAboutSchema = z.strictObject({
  type: z.enum(FEEDBACK_ABOUT_TYPES),
  id: z.optional(z.string()),
  label: z.optional(z.string()),
});
/** What a feedback entry is about (see {@link FeedbackAboutSchema}). */
export type FeedbackAbout = z.infer<typeof FeedbackAboutSchema>;

/** The review state of a feedback entry (safety language routes it to staff review first). */
export const FeedbackReviewSchema = z.strictObject({
  status: z.enum(REVIEW_STATUSES),
  flags: z.optional(z.array(z.enum(REVIEW_FLAGS))),
  reviewedBy: z.optional(IdSchema),
  reviewedAt: z.optional(InstantSchema),
});
/** The review state of a feedback entry. */
export type FeedbackReview = z.infer<typeof FeedbackReviewSchema>;

/**
 * A feedback entry. It names a strength first (`strengths` must not be empty); `subjectId` is
 * the participant it is about and is absent for source `program`. For anonymous peer feedback,
 * `authorId` is kept for reviewers only and never travels to the subject.
 */
export const FeedbackEntrySchema = z
  .strictObject({
    id: IdSchema,
    createdAt: InstantSchema,
    source: z.enum(FEEDBACK_SOURCES),
    authorId: z.optional(IdSchema),
    subjectId: z.optional(IdSchema),
    about: z.optional(FeedbackAboutSchema),
    strengths: TextSchema,
    suggestions: z.optional(z.string()),
    ratings: z.optional(z.record(ItemKeySchema, RatingSchema)),
    answers: z.optional(
      z.record(ItemKeySchema, z.union([z.string(), z.array(z.string()), z.number()])),
    ),
    visibility: z.enum(FEEDBACK_VISIBILITIES),
    anonymous: z.boolean(),
    review: FeedbackReviewSchema,
    templateId: z.optional(z.string()),
  })
  .check(
    z.superRefine((f, ctx) => {
      if (f.source === 'program' && f.subjectId !== undefined) {
        addIssue(
          ctx,
          ['subjectId'],
          'conflicting_fields',
          'feedback with source "program" is about the milieu and has no subjectId',
        );
      }
    }, whenObject),
  );
/** A feedback entry (see {@link FeedbackEntrySchema}). */
export type FeedbackEntry = z.infer<typeof FeedbackEntrySchema>;

/** A participant's practice of a coping skill, optionally with how helpful it felt (1–5). */
export const CopingPracticeSchema = z.strictObject({
  id: IdSchema,
  participantId: IdSchema,
  skill: TextSchema,
  at: InstantSchema,
  helpfulness: z.optional(RatingSchema),
  note: z.optional(z.string()),
});
/** A coping-skill practice record (see {@link CopingPracticeSchema}). */
export type CopingPractice = z.infer<typeof CopingPracticeSchema>;

/**
 * All records. Ids are unique per list; attendance is unique per (occurrence, participant)
 * (checked in the document).
 */
export const RecordsSchema = z.strictObject({
  attendance: z.array(AttendanceRecordSchema),
  observations: z.array(ObservationSchema).check(uniqueBy()),
  feedback: z.array(FeedbackEntrySchema).check(uniqueBy()),
  copingPractice: z.array(CopingPracticeSchema).check(uniqueBy()),
});
/** All records (see {@link RecordsSchema}). */
export type Records = z.infer<typeof RecordsSchema>;
