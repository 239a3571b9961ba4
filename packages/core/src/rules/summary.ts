/**
 * The summary of a check: counts per concern and a 0–100 score per concern.
 *
 * @module
 */
import { CONCERNS, type Concern, type Finding } from './types.js';
import type { ResolvedRule } from './config.js';

/** Weight of one error in a rule's penalty (four errors use up the rule's whole share). */
export const ERROR_WEIGHT = 0.25;
/** Weight of one warning in a rule's penalty (ten warnings use up the rule's whole share). */
export const WARNING_WEIGHT = 0.1;

/** Counts and score of one concern. */
export interface ConcernSummary {
  /** Enabled rules of this concern. */
  rules: number;
  /** Findings with severity `error`. */
  errors: number;
  /** Findings with severity `warn`. */
  warnings: number;
  /** 0–100 (see {@link scoreConcern}); `null` when no rule of the concern is enabled. */
  score: number | null;
}

/** The summary returned with the findings of a check. */
export interface CheckSummary {
  /** Findings with severity `error`. */
  errors: number;
  /** Findings with severity `warn`. */
  warnings: number;
  /** Enabled rules that ran. */
  rulesRun: number;
  /** Per concern, in {@link CONCERNS} order. */
  concerns: Record<Concern, ConcernSummary>;
  /** Mean of the non-null concern scores, rounded; `null` when no rule ran. */
  score: number | null;
  /** `now` as ISO 8601 in the program's zone. */
  now: string;
  /** The checked range, whole local days `[from, to)`. */
  range: { from: string; to: string };
  /** The base language messages were written in (`en`, `es`). */
  locale: string;
}

/**
 * The score of one concern, 0–100. Each enabled rule of the concern holds an equal share of
 * 100; a rule loses `0.25` of its share per error and `0.1` per warning, at most its whole
 * share:
 *
 * `score = round(100 × (1 − Σ min(1, 0.25·errors(rule) + 0.1·warnings(rule)) / enabledRules))`
 *
 * so one rule failing badly cannot hide that the others pass, and a clean concern scores 100.
 *
 * @param counts - errors and warnings of each enabled rule of the concern
 * @returns the score, or `null` when `counts` is empty (no enabled rule)
 */
export function scoreConcern(
  counts: readonly { errors: number; warnings: number }[],
): number | null {
  if (counts.length === 0) return null;
  const penalty = counts.reduce(
    (sum, c) => sum + Math.min(1, ERROR_WEIGHT * c.errors + WARNING_WEIGHT * c.warnings),
    0,
  );
  return Math.round(100 * (1 - penalty / counts.length));
}

/**
 * Summarises findings per concern.
 *
 * @param rules - the enabled rules that ran
 * @param findings - their findings
 * @param meta - `now`, range and locale to echo
 */
export function summarize(
  rules: readonly ResolvedRule[],
  findings: readonly Finding[],
  meta: Pick<CheckSummary, 'now' | 'range' | 'locale'>,
): CheckSummary {
  const perRule = new Map<string, { errors: number; warnings: number }>();
  for (const r of rules) perRule.set(r.rule.id, { errors: 0, warnings: 0 });
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    const c = perRule.get(f.ruleId);
    if (f.severity === 'error') {
      errors++;
      if (c) c.errors++;
    } else {
      warnings++;
      if (c) c.warnings++;
    }
  }
  const concerns = {} as Record<Concern, ConcernSummary>;
  const scores: number[] = [];
  for (const concern of CONCERNS) {
    const counts = rules
      .filter((r) => r.rule.concern === concern)
      .map((r) => perRule.get(r.rule.id) ?? { errors: 0, warnings: 0 });
    const score = scoreConcern(counts);
    if (score !== null) scores.push(score);
    concerns[concern] = {
      rules: counts.length,
      errors: counts.reduce((s, c) => s + c.errors, 0),
      warnings: counts.reduce((s, c) => s + c.warnings, 0),
      score,
    };
  }
  return {
    errors,
    warnings,
    rulesRun: rules.length,
    concerns,
    score:
      scores.length === 0 ? null : Math.round(scores.reduce((a, b) => a + b, 0) / scores.length),
    ...meta,
  };
}
