/**
 * Findings over HTTP, `GET /api/v1/check`: `checkDocument` on the stored document.
 *
 * ```
 * GET /api/v1/check?now=2026-03-09T12:00:00-04:00&locale=es
 * 200 CheckResponse
 * ```
 *
 * @module
 */
import * as z from 'zod/mini';
import { InstantSchema, LocaleSchema } from '../model/index.js';
import { CONCERNS, SEVERITIES } from '../rules/index.js';
import { isSupportedInstant, parseInstant, UNSUPPORTED_TIME_MESSAGE } from '../time/index.js';

/** The query of `GET /api/v1/check`: the instant to check at (default: now) and the language. */
export const CheckQuerySchema = z.strictObject({
  now: z.optional(
    InstantSchema.check(
      z.refine((s) => isSupportedInstant(parseInstant(s)), {
        message: UNSUPPORTED_TIME_MESSAGE,
        params: { code: 'out_of_range' },
      }),
    ),
  ),
  locale: z.optional(LocaleSchema),
});
/** The query of `GET /api/v1/check`. */
export type CheckQuery = z.infer<typeof CheckQuerySchema>;

const IdListSchema = z.optional(z.array(z.string()));

/** One finding of the rule engine, as `checkDocument` returns it (see `Finding`). */
export const FindingSchema = z.strictObject({
  ruleId: z.string(),
  concern: z.enum(CONCERNS),
  severity: z.enum(SEVERITIES),
  messageId: z.string(),
  message: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.readonly(z.array(z.string()))])),
  path: z.array(z.string()),
  related: z.strictObject({
    participantIds: IdListSchema,
    staffIds: IdListSchema,
    routineIds: IdListSchema,
    occurrenceIds: IdListSchema,
  }),
  fix: z.optional(z.strictObject({ messageId: z.string(), message: z.string() })),
});

const ConcernSummarySchema = z.strictObject({
  rules: z.number(),
  errors: z.number(),
  warnings: z.number(),
  score: z.nullable(z.number()),
});

/** Counts and scores per concern (see `CheckSummary`). */
export const CheckSummarySchema = z.strictObject({
  errors: z.number(),
  warnings: z.number(),
  rulesRun: z.number(),
  concerns: z.record(z.enum(CONCERNS), ConcernSummarySchema),
  score: z.nullable(z.number()),
  now: z.string(),
  range: z.strictObject({ from: z.string(), to: z.string() }),
  locale: z.string(),
});

/**
 * The `200` body of `GET /api/v1/check`. Staff and admin get every finding and the summary; a
 * participant gets only findings about themself alone, without the summary.
 */
export const CheckResponseSchema = z.strictObject({
  findings: z.array(FindingSchema),
  summary: z.optional(CheckSummarySchema),
});
/** The `200` body of `GET /api/v1/check`. */
export type CheckResponse = z.infer<typeof CheckResponseSchema>;
