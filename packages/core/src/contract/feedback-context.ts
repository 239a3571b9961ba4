/**
 * The feedback context resource, `GET /api/v1/feedback/context`: everything a feedback form
 * needs for its caller, and nothing more, so that a participant's form never receives the
 * program document.
 *
 * ```
 * GET /api/v1/feedback/context?source=peer
 * GET /api/v1/feedback/context?source=staff&subject=p-12
 * 200 FeedbackContextResponse
 * ```
 *
 * - `templates`: the feedback templates the caller may use for `source` (all sources they may
 *   write when `source` is absent);
 * - `people`: whom they may write about, as id plus display name (never stay dates, goals,
 *   pronouns or level of care);
 * - `goals` and `copingSkills`: the caller's own (a participant), or the subject's when a staff
 *   caller names `subject`; empty for a peer writing about someone else;
 * - `expectations`: the community's agreements, for expectation-linked questions;
 * - `policy`: the values the form shows its writer (who can see their name, the anonymity
 *   minimum, whether staff read it first, the crisis resource).
 *
 * @module
 */
import * as z from 'zod/mini';
import { FeedbackTemplateSchema } from '../feedback/template.js';
import { FEEDBACK_MODES } from '../feedback/template-utils.js';
import {
  ANONYMOUS_AUTHOR_VISIBILITIES,
  CrisisResourceSchema,
  GOAL_STATUSES,
  IdSchema,
} from '../model/index.js';

/** The path of the feedback context resource. */
export const FEEDBACK_CONTEXT_PATH = '/api/v1/feedback/context';

/**
 * The query of `GET /api/v1/feedback/context`: the `source` the form writes as and, for staff,
 * the `subject` whose goals to include.
 */
export const FeedbackContextQuerySchema = z.strictObject({
  source: z.optional(z.enum(FEEDBACK_MODES)),
  subject: z.optional(IdSchema),
});
/** The query of `GET /api/v1/feedback/context`. */
export type FeedbackContextQuery = z.infer<typeof FeedbackContextQuerySchema>;

/** A person the caller may write about: an id and a display name, nothing else. */
export const FeedbackPersonSchema = z.strictObject({ id: IdSchema, name: z.string() });
/** A person the caller may write about (see {@link FeedbackPersonSchema}). */
export type FeedbackPerson = z.infer<typeof FeedbackPersonSchema>;

/** A goal as the form lists it. */
export const FeedbackGoalSchema = z.strictObject({
  id: IdSchema,
  statement: z.string(),
  status: z.enum(GOAL_STATUSES),
});
/** A goal as the form lists it (see {@link FeedbackGoalSchema}). */
export type FeedbackGoal = z.infer<typeof FeedbackGoalSchema>;

/** The policy values a form shows its writer. */
export const FeedbackContextPolicySchema = z.strictObject({
  /** Distinct anonymous raters needed before the subject sees anything, in aggregate only. */
  peerAnonymityMinRaters: z.number(),
  /** Who may learn the writer of anonymous peer feedback (`nobody` or `reviewers`). */
  anonymousAuthors: z.enum(ANONYMOUS_AUTHOR_VISIBILITIES),
  /** Whether staff read peer feedback before its subject does (always `true` in the reference server). */
  peerReviewFirst: z.boolean(),
  /** Named when safety language routes an entry to staff review. */
  crisisResource: z.optional(CrisisResourceSchema),
});
/** The policy values a form shows (see {@link FeedbackContextPolicySchema}). */
export type FeedbackContextPolicy = z.infer<typeof FeedbackContextPolicySchema>;

/** The `200` body of `GET /api/v1/feedback/context`. */
export const FeedbackContextResponseSchema = z.strictObject({
  program: z.strictObject({ name: z.string(), locale: z.string() }),
  /** Who the caller is: the writer's own reference (a participant's or staff member's id and name). */
  author: z.optional(FeedbackPersonSchema),
  /** The template modes the caller may write as (`staff`, `peer`, `self`, `program`). */
  sources: z.array(z.enum(FEEDBACK_MODES)),
  templates: z.array(FeedbackTemplateSchema),
  people: z.array(FeedbackPersonSchema),
  goals: z.array(FeedbackGoalSchema),
  copingSkills: z.array(z.string()),
  expectations: z.array(z.strictObject({ id: IdSchema, statement: z.string() })),
  policy: FeedbackContextPolicySchema,
});
/** The `200` body of `GET /api/v1/feedback/context`. */
export type FeedbackContextResponse = z.infer<typeof FeedbackContextResponseSchema>;
