/**
 * Defining rules and collecting them in registries.
 *
 * @module
 */
import { CONCERNS, type AnyRule, type RuleDefinition } from './types.js';

const RULE_ID = /^(?:[a-z0-9][a-z0-9-]*\/)?[a-z0-9][a-z0-9-]*$/;

/**
 * Defines a rule. Returns the definition unchanged (frozen) after checking its shape, with the
 * options type inferred from its zod/mini `options` schema.
 *
 * @param rule - the rule definition
 * @throws TypeError when the id is not kebab-case (an optional `vendor/` prefix is allowed),
 *   the concern is unknown or the English messages are missing
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * import { builtinRules, checkDocument, createRuleRegistry, defineRule } from '@milieu/core';
 *
 * const noBingo = defineRule({
 *   id: 'acme/no-bingo-after-nine',
 *   concern: 'structure',
 *   defaultSeverity: 'warn',
 *   options: z.strictObject({ latest: z._default(z.string(), '21:00') }),
 *   docs: { description: 'Bingo ends by 21:00.', rationale: 'Quiet evenings.', source: 'House rules' },
 *   messages: { en: { late: 'Bingo on {date} runs past {latest}.' }, es: { late: 'El bingo del {date} pasa de las {latest}.' } },
 *   check(ctx) {
 *     return ctx
 *       .scheduled()
 *       .filter((o) => /bingo/i.test(o.title) && o.end.slice(11, 16) > ctx.options.latest)
 *       .map((o) => ({ messageId: 'late', data: { date: o.localDate, latest: ctx.options.latest }, path: ctx.routinePointer(o.routineId) }));
 *   },
 * });
 *
 * checkDocument(doc, { now, rules: [...builtinRules, noBingo] });
 * ```
 */
export function defineRule<O = Record<string, never>>(rule: RuleDefinition<O>): RuleDefinition<O> {
  if (typeof rule.id !== 'string' || !RULE_ID.test(rule.id)) {
    throw new TypeError(
      `defineRule: id "${String(rule.id)}" must be kebab-case, optionally prefixed "vendor/"`,
    );
  }
  if (!(CONCERNS as readonly string[]).includes(rule.concern)) {
    throw new TypeError(`defineRule(${rule.id}): concern must be one of ${CONCERNS.join(', ')}`);
  }
  if (!['off', 'warn', 'error'].includes(rule.defaultSeverity)) {
    throw new TypeError(`defineRule(${rule.id}): defaultSeverity must be "off", "warn" or "error"`);
  }
  if (typeof rule.check !== 'function' || typeof rule.messages?.en !== 'object') {
    throw new TypeError(
      `defineRule(${rule.id}): a check function and English messages are required`,
    );
  }
  return Object.freeze(rule);
}

/** A set of rules addressable by id. */
export interface RuleRegistry {
  /** The rule with this id. */
  get(id: string): AnyRule | undefined;
  /** Whether a rule with this id is registered. */
  has(id: string): boolean;
  /** Every rule, in registration order. */
  list(): readonly AnyRule[];
  /** Every id, in registration order. */
  ids(): readonly string[];
}

/**
 * Creates a registry from rules. Ids must be unique.
 *
 * @param rules - e.g. `[...builtinRules, myRule]`
 * @throws TypeError on a duplicate id
 */
export function createRuleRegistry(rules: readonly AnyRule[]): RuleRegistry {
  const byId = new Map<string, AnyRule>();
  for (const rule of rules) {
    if (byId.has(rule.id))
      throw new TypeError(`createRuleRegistry: duplicate rule id "${rule.id}"`);
    byId.set(rule.id, rule);
  }
  const list = Object.freeze([...byId.values()]);
  const ids = Object.freeze([...byId.keys()]);
  return {
    get: (id) => byId.get(id),
    has: (id) => byId.has(id),
    list: () => list,
    ids: () => ids,
  };
}
