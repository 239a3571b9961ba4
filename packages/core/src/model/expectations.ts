/**
 * Expectations: community agreements phrased positively, with a plain-language rationale and a
 * graduated, non-punitive response ladder.
 *
 * @module
 */
import * as z from 'zod/mini';
import { addIssue, uniqueBy, whenObject } from './checks.js';
import { IdSchema, LocalDateSchema, PositiveIntSchema, TextSchema } from './scalars.js';

/** Expectation categories. */
export const EXPECTATION_CATEGORIES = [
  'safety',
  'respect',
  'participation',
  'privacy',
  'wellbeing',
  'shared-space',
  'other',
] as const;
/** An expectation category (see {@link EXPECTATION_CATEGORIES}). */
export type ExpectationCategory = (typeof EXPECTATION_CATEGORIES)[number];

/** Kinds of ladder step: reminder → 1:1 problem-solving → restorative action → team review. */
export const LADDER_STEP_KINDS = [
  'reminder',
  'problem-solving',
  'restorative',
  'team-review',
  'other',
] as const;
/** A ladder step kind (see {@link LADDER_STEP_KINDS}). */
export type LadderStepKind = (typeof LADDER_STEP_KINDS)[number];

/**
 * One graduated response. `step` is a whole number ≥ 1; `reviewAfterDays` / `expiresAfterDays`
 * (whole numbers ≥ 1) say when the response is reviewed or lapses.
 */
export const LadderStepSchema = z.strictObject({
  step: PositiveIntSchema,
  kind: z.enum(LADDER_STEP_KINDS),
  description: TextSchema,
  reviewAfterDays: z.optional(PositiveIntSchema),
  expiresAfterDays: z.optional(PositiveIntSchema),
});
/** One graduated response (see {@link LadderStepSchema}). */
export type LadderStep = z.infer<typeof LadderStepSchema>;

/** A response ladder: steps strictly increasing (`1, 2, 3`), so "the next step" is always defined. */
export const LadderSchema = z.array(LadderStepSchema).check(
  z.superRefine(
    (steps, ctx) => {
      let previous = -Infinity;
      steps.forEach((s, index) => {
        const step = (s as { step?: unknown } | null)?.step;
        if (typeof step !== 'number') return;
        if (step <= previous) {
          addIssue(
            ctx,
            [index, 'step'],
            'not_increasing',
            `step ${step} must be greater than the step before it (${previous})`,
            step,
          );
        }
        previous = step;
      });
    },
    { when: (p) => Array.isArray(p.value) },
  ),
);

/**
 * A community agreement. `statement` says what to do; `rationale` explains why in plain
 * language; `mutual` means it binds staff too; `earnBack` describes how a response lapses early.
 */
export const ExpectationSchema = z.strictObject({
  id: IdSchema,
  statement: TextSchema,
  rationale: z.optional(z.string()),
  category: z.enum(EXPECTATION_CATEGORIES),
  mutual: z.boolean(),
  agreedAt: z.optional(LocalDateSchema),
  lastReviewed: z.optional(LocalDateSchema),
  ladder: LadderSchema,
  earnBack: z.optional(z.string()),
});
/** A community agreement (see {@link ExpectationSchema}). */
export type Expectation = z.infer<typeof ExpectationSchema>;

/**
 * The community's expectations: when and at which meeting (`routineId` → routines) the set was
 * agreed, when it was last reviewed, and the items (ids unique).
 */
export const ExpectationSetSchema = z
  .strictObject({
    agreedAt: z.optional(
      z.strictObject({ date: LocalDateSchema, routineId: z.optional(IdSchema) }),
    ),
    lastReviewed: z.optional(LocalDateSchema),
    items: z.array(ExpectationSchema).check(uniqueBy()),
  })
  .check(
    z.superRefine((set, ctx) => {
      const agreed = set.agreedAt?.date;
      if (
        typeof agreed === 'string' &&
        typeof set.lastReviewed === 'string' &&
        set.lastReviewed < agreed
      ) {
        addIssue(
          ctx,
          ['lastReviewed'],
          'invalid_range',
          `lastReviewed ${set.lastReviewed} is before agreedAt ${agreed}`,
          set.lastReviewed,
        );
      }
    }, whenObject),
  );
/** The community's expectations (see {@link ExpectationSetSchema}). */
export type ExpectationSet = z.infer<typeof ExpectationSetSchema>;
