/**
 * Rule configuration, ESLint style: `{ rules: { "no-empty-stretch": ["warn", { maxHours: 3 }] } }`.
 * Validated against a registry; every problem becomes an {@link Issue} with a JSON pointer.
 *
 * @module
 */
import * as z from 'zod/mini';
import { fromZodIssues, toPointer, type Issue, type ParseResult } from '../model/index.js';
import type { RuleRegistry } from './define.js';
import { PRESET_NAMES, RULE_PRESETS, type PresetName } from './presets.js';
import type { AnyRule, RuleLevel, Severity } from './types.js';

/** A level as ESLint accepts it: a name, or `0` (off), `1` (warn), `2` (error). */
export type RuleLevelInput = RuleLevel | 0 | 1 | 2;

/** One rule's setting: a level, or `[level]`, or `[level, options]`. */
export type RuleSetting =
  RuleLevelInput | readonly [RuleLevelInput] | readonly [RuleLevelInput, Record<string, unknown>];

/**
 * A rule configuration. `extends` names presets applied first, in order (`milieu:recommended`,
 * `milieu:schedule`, `milieu:strict`); `rules` then override them, ESLint style: a bare level
 * keeps the options the preset gave the rule. Rules neither mentions run at their default
 * severity with default options.
 *
 * @example
 * ```ts
 * const config: RuleConfig = {
 *   extends: 'milieu:schedule',
 *   rules: { 'no-empty-stretch': ['warn', { maxHours: 2 }], 'therapist-not-enforcer': 'error' },
 * };
 * ```
 */
export interface RuleConfig {
  /** Presets to start from (see `RULE_PRESETS`); later ones override earlier ones. */
  extends?: string | readonly string[];
  rules?: Readonly<Record<string, RuleSetting>>;
}

/** A rule as it will run: its severity and its options after defaults. */
export interface ResolvedRule {
  rule: AnyRule;
  severity: Severity;
  options: unknown;
}

/**
 * Thrown by `checkDocument` when the configuration (or another check option) is invalid.
 * `issues` lists every problem with a JSON pointer into the configuration, e.g.
 * `/rules/no-empty-stretch/1/maxHours`.
 */
export class RuleConfigError extends Error {
  /** Every problem found. */
  readonly issues: Issue[];

  /** @param issues - the problems, at least one */
  constructor(issues: Issue[]) {
    const head = issues
      .slice(0, 3)
      .map((i) => `${i.path || '/'}: ${i.message}`)
      .join('; ');
    super(
      `invalid rule configuration: ${head}${issues.length > 3 ? ` (+${issues.length - 3} more)` : ''}`,
    );
    this.name = 'RuleConfigError';
    this.issues = issues;
  }
}

const LevelSchema = z.union([z.enum(['off', 'warn', 'error']), z.literal([0, 1, 2])]);
const SettingSchema = z.union([
  LevelSchema,
  z.tuple([LevelSchema]),
  z.tuple([LevelSchema, z.record(z.string(), z.unknown())]),
]);
const ConfigSchema = z.strictObject({
  extends: z.optional(z.union([z.string(), z.array(z.string())])),
  rules: z.optional(z.record(z.string(), z.unknown())),
});

/** Applies `next` over `previous` the ESLint way: a bare level keeps the earlier options. */
function overlay(previous: unknown, next: unknown): unknown {
  if (!Array.isArray(next) && Array.isArray(previous) && previous.length > 1)
    return [next, previous[1]];
  return next;
}

const LEVELS: Record<string, RuleLevel> = {
  0: 'off',
  1: 'warn',
  2: 'error',
  off: 'off',
  warn: 'warn',
  error: 'error',
};

function levelOf(input: unknown): RuleLevel {
  return LEVELS[String(input)] ?? 'off';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(
        cur + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = cur;
    }
  }
  return row[b.length] as number;
}

function suggest(id: string, ids: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of ids) {
    const d = distance(id, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(id.length / 3))
    ? ` (did you mean "${best}"?)`
    : '';
}

/**
 * Parses a rule's options with its schema (defaults filled in).
 *
 * @param rule - the rule
 * @param input - the options object from the configuration, or `undefined`
 * @param base - path of the options in the configuration, for issues
 */
export function parseRuleOptions(
  rule: AnyRule,
  input: unknown,
  base: readonly PropertyKey[] = [],
): ParseResult<unknown> {
  if (!rule.options) {
    if (input !== undefined && Object.keys(input as object).length > 0) {
      return {
        ok: false,
        issues: [
          {
            path: toPointer(base),
            code: 'unexpected_options',
            message: `rule "${rule.id}" takes no options`,
          },
        ],
      };
    }
    return { ok: true, value: {} };
  }
  const result = rule.options.safeParse(input ?? {}, { reportInput: true });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: fromZodIssues(result.error.issues, base) };
}

/**
 * Validates a configuration against a registry and resolves every enabled rule (unmentioned
 * rules at their default severity and default options). Never throws.
 *
 * Issue codes: `unknown_preset` (at `/extends`), `unknown_rule` (with a "did you mean" suggestion), `invalid_setting` (not a level
 * or `[level, options]`), `unexpected_options`, and the model's codes for bad option values
 * (`invalid_type`, `too_small`, `unknown_property`, …) at `/rules/<id>/1/<option>`.
 *
 * @param config - the configuration (`undefined` = all defaults)
 * @param registry - the rules available
 */
export function resolveRuleConfig(
  config: RuleConfig | undefined,
  registry: RuleRegistry,
): ParseResult<ResolvedRule[]> {
  const outer = ConfigSchema.safeParse(config ?? {}, { reportInput: true });
  if (!outer.success) return { ok: false, issues: fromZodIssues(outer.error.issues) };
  const own = outer.data.rules ?? {};
  const issues: Issue[] = [];
  const settings: Record<string, unknown> = {};
  const presets = outer.data.extends;
  const names = typeof presets === 'string' ? [presets] : (presets ?? []);
  names.forEach((name, index) => {
    const preset = (PRESET_NAMES as readonly string[]).includes(name)
      ? RULE_PRESETS[name as PresetName]
      : undefined;
    if (!preset) {
      issues.push({
        path: toPointer(typeof presets === 'string' ? ['extends'] : ['extends', index]),
        code: 'unknown_preset',
        message: `unknown preset "${name}"${suggest(name, PRESET_NAMES)}; presets: ${PRESET_NAMES.join(', ')}`,
      });
      return;
    }
    for (const [id, setting] of Object.entries(preset))
      if (registry.has(id)) settings[id] = overlay(settings[id], setting);
  });
  for (const [id, setting] of Object.entries(own)) settings[id] = overlay(settings[id], setting);
  for (const id of Object.keys(own)) {
    if (!registry.has(id)) {
      issues.push({
        path: toPointer(['rules', id]),
        code: 'unknown_rule',
        message: `unknown rule "${id}"${suggest(id, registry.ids())}`,
      });
    }
  }
  const resolved: ResolvedRule[] = [];
  for (const rule of registry.list()) {
    const has = Object.prototype.hasOwnProperty.call(settings, rule.id);
    const setting: unknown = has ? settings[rule.id] : rule.defaultSeverity;
    if (!SettingSchema.safeParse(setting).success) {
      issues.push({
        path: toPointer(['rules', rule.id]),
        code: 'invalid_setting',
        message: `expected "off", "warn", "error" (or 0, 1, 2), or [level, options], got ${JSON.stringify(setting) ?? String(setting)}`,
      });
      continue;
    }
    const tuple = Array.isArray(setting) ? (setting as unknown[]) : [setting];
    const level = levelOf(tuple[0]);
    const options = parseRuleOptions(rule, tuple[1], ['rules', rule.id, 1]);
    if (!options.ok) {
      issues.push(...options.issues);
      continue;
    }
    if (level !== 'off') resolved.push({ rule, severity: level, options: options.value });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: resolved };
}
