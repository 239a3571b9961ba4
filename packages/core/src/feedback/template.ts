/**
 * Feedback templates: the questions a feedback form asks, as data. A template has sections of
 * items — free text, 1–5 scales, single or multiple choice, and links to the participant's goals
 * or the program's expectations. Strengths always come first.
 *
 * The schemas live here, apart from the helpers in `template-utils.ts`, so a bundle that only
 * renders templates does not carry them.
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  FEEDBACK_VISIBILITIES,
  fromZodIssues,
  GOAL_STATUSES,
  IdSchema,
  type ParseResult,
} from '../model/index.js';
import { FEEDBACK_MODES } from './template-utils.js';

const NonEmpty = z.string().check(
  z.minLength(1),
  z.refine((s) => s.trim().length > 0),
);

/**
 * Text for people: one string, or a map from language (`en`, `es`, `es-MX`…) to text that
 * must include English, the fallback.
 */
export const LocalizedTextSchema = z.union([
  NonEmpty,
  z.catchall(z.object({ en: NonEmpty }), NonEmpty),
]);
/** Text for people, in one language or several (see {@link LocalizedTextSchema}). */
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Where a text item's value goes in the entry: `strengths`, `suggestions`, or `answers` (no role). */
export const TEXT_ROLES = ['strengths', 'suggestions'] as const;

const common = {
  id: IdSchema,
  label: LocalizedTextSchema,
  help: z.optional(LocalizedTextSchema),
  required: z.optional(z.boolean()),
};

/**
 * Free text. `role: 'strengths'` fills `entry.strengths` (every template has exactly one, first
 * and required); `role: 'suggestions'` fills `entry.suggestions`. `specific: true` asks for a
 * concrete suggestion (at least four words, not a vague phrase such as "do better").
 * `maxLength` defaults to 2000.
 */
export const TextItemSchema = z.strictObject({
  type: z.literal('text'),
  ...common,
  role: z.optional(z.enum(TEXT_ROLES)),
  multiline: z.optional(z.boolean()),
  minLength: z.optional(z.number().check(z.int(), z.gte(0))),
  maxLength: z.optional(z.number().check(z.int(), z.gte(1))),
  specific: z.optional(z.boolean()),
});

/** A 1–5 scale with an optional label for each point (five labels, from 1 to 5). Fills `entry.ratings`. */
export const ScaleItemSchema = z.strictObject({
  type: z.literal('scale'),
  ...common,
  labels: z.optional(z.array(LocalizedTextSchema).check(z.length(5))),
});

/** One option of a choice item. */
export const ChoiceOptionSchema = z.strictObject({
  value: IdSchema,
  label: LocalizedTextSchema,
});

/** Single (`multiple` false) or multiple choice among fixed options. Fills `entry.answers`. */
export const ChoiceItemSchema = z.strictObject({
  type: z.literal('choice'),
  ...common,
  multiple: z.optional(z.boolean()),
  options: z.array(ChoiceOptionSchema).check(z.minLength(1)),
  maxSelected: z.optional(z.number().check(z.int(), z.gte(1))),
});

/**
 * A link to the subject's goals (`goal-link`; goals with a status in `statuses`, default
 * `['active']`) or to the program's expectations (`expectation-link`). The options come from the
 * document. With `about: true` a single chosen goal or expectation becomes `entry.about`.
 */
export const GoalLinkItemSchema = z.strictObject({
  type: z.literal('goal-link'),
  ...common,
  multiple: z.optional(z.boolean()),
  about: z.optional(z.boolean()),
  statuses: z.optional(z.array(z.enum(GOAL_STATUSES)).check(z.minLength(1))),
});

/** A link to the program's expectations (see {@link GoalLinkItemSchema}). */
export const ExpectationLinkItemSchema = z.strictObject({
  type: z.literal('expectation-link'),
  ...common,
  multiple: z.optional(z.boolean()),
  about: z.optional(z.boolean()),
});

/** One template item, by `type`. */
export const FeedbackItemSchema = z.discriminatedUnion('type', [
  TextItemSchema,
  ScaleItemSchema,
  ChoiceItemSchema,
  GoalLinkItemSchema,
  ExpectationLinkItemSchema,
]);
/** One template item. */
export type FeedbackItem = z.infer<typeof FeedbackItemSchema>;
/** A free-text item. */
export type TextItem = z.infer<typeof TextItemSchema>;
/** A 1–5 scale item. */
export type ScaleItem = z.infer<typeof ScaleItemSchema>;
/** A choice item. */
export type ChoiceItem = z.infer<typeof ChoiceItemSchema>;
/** A goal-link item. */
export type GoalLinkItem = z.infer<typeof GoalLinkItemSchema>;
/** An expectation-link item. */
export type ExpectationLinkItem = z.infer<typeof ExpectationLinkItemSchema>;

/** A titled group of items. */
export const FeedbackSectionSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  description: z.optional(LocalizedTextSchema),
  items: z.array(FeedbackItemSchema).check(z.minLength(1)),
});
/** A titled group of items. */
export type FeedbackSection = z.infer<typeof FeedbackSectionSchema>;

/**
 * A feedback template.
 *
 * - `mode`: who writes about whom (see {@link FeedbackMode}).
 * - `visibility`: who may read entries made with it (`staff`, `subject` = the subject and staff,
 *   `community`); safety language always narrows it to `staff` until reviewed.
 * - `review`: the review status a new entry starts with (`pending` = staff read it first).
 * - `anonymity`: `choice` offers the writer to hide their name (peer and program feedback).
 *
 * Item ids are unique across the template (they key `answers` and `ratings`); exactly one text
 * item has `role: 'strengths'`, is required and is the first item: feedback names a strength first.
 * At most one item has `role: 'suggestions'`.
 */
export const FeedbackTemplateSchema = z
  .strictObject({
    id: IdSchema,
    mode: z.enum(FEEDBACK_MODES),
    title: LocalizedTextSchema,
    description: z.optional(LocalizedTextSchema),
    visibility: z.enum(FEEDBACK_VISIBILITIES),
    review: z.optional(z.enum(['pending', 'approved'])),
    anonymity: z.optional(z.enum(['choice', 'never'])),
    sections: z.array(FeedbackSectionSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((t, ctx) => {
      const seen = new Set<string>();
      let strengths = 0;
      let suggestions = 0;
      t.sections.forEach((section, s) =>
        section.items.forEach((item, i) => {
          const path = ['sections', s, 'items', i];
          if (seen.has(item.id)) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'id'],
              message: `duplicate item id "${item.id}"`,
              params: { code: 'duplicate_id' },
            });
          }
          seen.add(item.id);
          if (item.type !== 'text') return;
          if (item.role === 'suggestions') suggestions++;
          if (item.role !== 'strengths') return;
          strengths++;
          if (s !== 0 || i !== 0 || item.required !== true) {
            ctx.addIssue({
              code: 'custom',
              path,
              message: 'the strengths item must be the first item and required',
              params: { code: 'strengths_not_first' },
            });
          }
        }),
      );
      if (strengths !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections'],
          message: 'a template needs exactly one text item with role "strengths"',
          params: { code: 'strengths_missing' },
        });
      }
      if (suggestions > 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections'],
          message: 'at most one text item may have role "suggestions"',
          params: { code: 'duplicate_value' },
        });
      }
    }),
  );
/** A feedback template (see {@link FeedbackTemplateSchema}). */
export type FeedbackTemplate = z.infer<typeof FeedbackTemplateSchema>;

/**
 * Checks a host-provided template: every shape issue (with JSON-pointer paths), plus the
 * template rules (unique item ids, strengths first). Never throws. The form trusts the
 * templates it is given, so check yours with this in development and tests.
 *
 * @param input - a template, for example parsed from JSON
 */
export function parseFeedbackTemplate(input: unknown): ParseResult<FeedbackTemplate> {
  const r = FeedbackTemplateSchema.safeParse(input, { reportInput: true });
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, issues: fromZodIssues(r.error.issues) };
}
