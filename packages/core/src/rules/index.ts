/**
 * The rule engine: milieu practice as lint rules. `checkDocument` runs the built-in rules (or
 * yours, made with `defineRule`) over a document and returns located, localised findings with a
 * 0–100 score per concern. See `packages/core/docs/rules.md` for every rule.
 *
 * @module
 */
export {
  CONCERNS,
  SEVERITIES,
  type AnyRule,
  type CheckContext,
  type CheckNow,
  type CheckRange,
  type Concern,
  type Finding,
  type FixHint,
  type Located,
  type MessageData,
  type MessageValue,
  type Related,
  type RuleContext,
  type RuleDefinition,
  type RuleDocs,
  type RuleLevel,
  type RuleMessages,
  type RuleReport,
  type Severity,
} from './types.js';
export { createRuleRegistry, defineRule, type RuleRegistry } from './define.js';
export {
  parseRuleOptions,
  resolveRuleConfig,
  RuleConfigError,
  type ResolvedRule,
  type RuleConfig,
  type RuleLevelInput,
  type RuleSetting,
} from './config.js';
export {
  PRESET_NAMES,
  presetRuleIds,
  RULE_PRESETS,
  SCHEDULE_RULE_IDS,
  type PresetName,
} from './presets.js';
export { DEFAULT_RANGE_WEEKS } from './context.js';
export {
  checkDocument,
  compareFindings,
  RuleExecutionError,
  type CheckInstant,
  type CheckOptions,
  type CheckResult,
} from './engine.js';
export {
  ERROR_WEIGHT,
  scoreConcern,
  WARNING_WEIGHT,
  type CheckSummary,
  type ConcernSummary,
} from './summary.js';
export {
  en as ruleMessagesEn,
  es as ruleMessagesEs,
  formatMessage as formatRuleMessage,
  RULE_LOCALES,
  ruleCatalogs,
  type MessageCatalog,
  type RuleLocale,
} from './messages/index.js';
export { BUILTIN_RULE_IDS, builtinRules } from './builtin.js';
export { DAILY_ANCHOR_KINDS } from './structure/recurrence-bounded.js';
export { audienceKey } from './structure/consistent-times.js';
export { emptyStretchOptions } from './structure/no-empty-stretch.js';
export { DEFAULT_REQUIRED_ELEMENTS, type KindRequirement } from './structure/required-elements.js';
/** Default word lists and kind sets of the built-in rules, to extend rather than replace. */
export { THERAPY_AND_GROUP_KINDS } from './structure/protected-mealtimes.js';
export { AMBIENT_KINDS } from './structure/no-double-booking.js';
export { NEGATIVE_WORDS } from './consistency/expectation-positive.js';
export { STEP_INTENSITY } from './consistency/graduated-responses.js';
export { BASIC_NEED_WORDS, RESTRICTION_WORDS } from './consistency/basic-needs-unconditional.js';
export { REQUIRED_FEEDBACK_SOURCES } from './feedback/feedback-sources.js';
export { EMPTY_STRENGTHS } from './feedback/feedback-balanced.js';
export { DIAGNOSIS_TERMS, STATUS_TERMS } from './privacy/display-privacy.js';
