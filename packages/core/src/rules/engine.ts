/**
 * `checkDocument`: runs the enabled rules over a document once and returns localised, located,
 * deterministically ordered findings with a summary per concern.
 *
 * @module
 */
import type { Issue, MilieuDocument } from '../model/index.js';
import { isSupportedInstant, parseInstant, UNSUPPORTED_TIME_MESSAGE } from '../time/index.js';
import { builtinRules } from './builtin.js';
import {
  resolveRuleConfig,
  RuleConfigError,
  type ResolvedRule,
  type RuleConfig,
} from './config.js';
import { clockAt, createCheckContext, rangeOf } from './context.js';
import { createRuleRegistry, type RuleRegistry } from './define.js';
import { baseLanguage, formatMessage, messageTemplate } from './messages/format.js';
import { summarize, type CheckSummary } from './summary.js';
import type { AnyRule, CheckContext, Finding, RuleReport } from './types.js';

/** An instant: ISO 8601 with an offset or `Z`, a `Date`, or epoch milliseconds. */
export type CheckInstant = string | Date | number;

/** Options of {@link checkDocument}. */
export interface CheckOptions {
  /**
   * The instant the check is made at ("today" is its date in the program's zone). Required:
   * rules never read the clock, so the same `now` always gives the same findings.
   */
  now: CheckInstant;
  /**
   * The schedule range to check, `[from, to)`, widened to whole local days in the program's zone.
   * Default: two weeks from the Monday of the week of `now` (this week and next).
   */
  range?: { from: CheckInstant; to: CheckInstant };
  /** Which rules run, at which severity, with which options (default: every rule's defaults). */
  config?: RuleConfig;
  /** Language of the messages (BCP 47; `es-MX` uses `es`); default `program.locale`; English fallback. */
  locale?: string;
  /** The rules available (default {@link builtinRules}); add your own with `[...builtinRules, myRule]`. */
  rules?: readonly AnyRule[];
  /** A prepared registry (takes precedence over `rules`). */
  registry?: RuleRegistry;
}

/** The result of {@link checkDocument}. */
export interface CheckResult {
  /** Every finding, ordered by primary path, then rule id, then message. */
  findings: Finding[];
  /** Counts and scores per concern. */
  summary: CheckSummary;
}

/** Thrown when a rule's `check` throws: names the rule and keeps the original error as `cause`. */
export class RuleExecutionError extends Error {
  /** The failing rule's id. */
  readonly ruleId: string;

  /**
   * @param ruleId - the rule that threw
   * @param cause - what it threw
   */
  constructor(ruleId: string, cause: unknown) {
    super(`rule "${ruleId}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'RuleExecutionError';
    this.ruleId = ruleId;
  }
}

function instantMs(value: unknown, path: string, issues: Issue[]): number {
  let ms = NaN;
  if (typeof value === 'string') ms = parseInstant(value);
  else if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  if (!Number.isFinite(ms)) {
    issues.push({
      path,
      code: 'invalid_instant',
      message: `expected an ISO 8601 date-time with an offset or Z (e.g. 2026-03-09T09:00:00-05:00), a Date or epoch ms, got ${JSON.stringify(value) ?? String(value)}`,
    });
  } else if (!isSupportedInstant(ms)) {
    issues.push({ path, code: 'out_of_range', message: UNSUPPORTED_TIME_MESSAGE });
  }
  return ms;
}

const collator = new Intl.Collator('en', { numeric: true });

/** Orders findings: primary path (numeric-aware), rule id, message id, message, then other paths. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    collator.compare(a.path[0] ?? '', b.path[0] ?? '') ||
    collator.compare(a.ruleId, b.ruleId) ||
    collator.compare(a.messageId, b.messageId) ||
    collator.compare(a.message, b.message) ||
    collator.compare(a.path.join(' '), b.path.join(' '))
  );
}

function toFinding(resolved: ResolvedRule, report: RuleReport, locale: string): Finding {
  const { rule } = resolved;
  const data = report.data ?? {};
  const paths = typeof report.path === 'string' ? [report.path] : [...report.path];
  const finding: Finding = {
    ruleId: rule.id,
    concern: rule.concern,
    severity: report.severity === 'warn' ? 'warn' : resolved.severity,
    messageId: report.messageId,
    message: formatMessage(messageTemplate(rule.messages, report.messageId, locale), data),
    data,
    path: paths.length > 0 ? paths : [''],
    related: sortRelated(report.related ?? {}),
  };
  if (report.fix !== undefined) {
    finding.fix = {
      messageId: report.fix,
      message: formatMessage(messageTemplate(rule.messages, report.fix, locale), data),
    };
  }
  return finding;
}

function sortRelated(related: Finding['related']): Finding['related'] {
  const out: Finding['related'] = {};
  for (const key of ['participantIds', 'staffIds', 'routineIds', 'occurrenceIds'] as const) {
    const ids = related[key];
    if (ids && ids.length > 0) out[key] = [...new Set(ids)].sort(collator.compare);
  }
  return out;
}

/**
 * Checks a document against milieu practice rules.
 *
 * Validates the options first and throws a {@link RuleConfigError} listing every problem
 * (unknown rules, bad levels or options, a malformed `now` or range) with JSON pointers such
 * as `/rules/no-empty-stretch/1/maxHours` or `/now`. Then builds one shared context (the
 * schedule of the range is expanded once, conflicts found once) and runs each enabled rule.
 * Rules read no clock and do no I/O: the result depends only on the document and the options.
 *
 * @param doc - a valid document (from `parseDocument`)
 * @param options - `now` (required), `range`, `config`, `locale`, custom `rules`
 * @returns findings and a summary per concern
 * @throws RuleConfigError on invalid options; RuleExecutionError when a rule throws
 * @example
 * ```ts
 * const { findings, summary } = checkDocument(doc, {
 *   now: '2026-03-09T09:00:00-05:00',
 *   config: { rules: { 'no-empty-stretch': ['warn', { maxHours: 2 }] } },
 *   locale: 'es',
 * });
 * summary.concerns.structure.score; // e.g. 92
 * ```
 */
export function checkDocument(doc: MilieuDocument, options: CheckOptions): CheckResult {
  const issues: Issue[] = [];
  if (options === null || typeof options !== 'object') {
    throw new RuleConfigError([
      { path: '', code: 'invalid_type', message: 'expected check options { now, … }' },
    ]);
  }
  const nowMs = instantMs(options.now, '/now', issues);
  let bounds: { fromMs: number; toMs: number } | undefined;
  if (options.range !== undefined) {
    const fromMs = instantMs(options.range?.from, '/range/from', issues);
    const toMs = instantMs(options.range?.to, '/range/to', issues);
    if (toMs <= fromMs)
      issues.push({
        path: '/range/to',
        code: 'invalid_range',
        message: 'range.to must be after range.from',
      });
    bounds = { fromMs, toMs };
  }
  const registry = options.registry ?? createRuleRegistry(options.rules ?? builtinRules);
  const resolved = resolveRuleConfig(options.config, registry);
  if (!resolved.ok)
    issues.push(...resolved.issues.map((i) => ({ ...i, path: `/config${i.path}` })));
  if (issues.length > 0 || !resolved.ok) throw new RuleConfigError(issues);

  const zone = doc.program.timeZone;
  const now = clockAt(nowMs, zone);
  const range = rangeOf(zone, now, bounds);
  const locale = baseLanguage(options.locale ?? doc.program.locale);
  const shared: CheckContext = createCheckContext(doc, now, range);

  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const entry of resolved.value) {
    let reports: readonly RuleReport[];
    try {
      reports = entry.rule.check({ ...shared, ruleId: entry.rule.id, options: entry.options });
    } catch (error) {
      throw new RuleExecutionError(entry.rule.id, error);
    }
    for (const report of reports) {
      const finding = toFinding(entry, report, locale);
      const key = `${finding.ruleId}\u0000${finding.messageId}\u0000${finding.path.join(' ')}\u0000${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  findings.sort(compareFindings);
  return {
    findings,
    summary: summarize(resolved.value, findings, {
      now: now.iso,
      range: { from: range.from, to: range.to },
      locale,
    }),
  };
}
