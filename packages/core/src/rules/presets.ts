/**
 * Presets: shareable rule configurations, ESLint style, named in a configuration's `extends`
 * (`{ "extends": "milieu:schedule", "rules": { … } }`) or with `milieu check --preset`.
 *
 * @module
 */
import { builtinRules } from './builtin.js';
import type { RuleSetting } from './config.js';

/** The names of the built-in presets. */
export const PRESET_NAMES = ['milieu:recommended', 'milieu:schedule', 'milieu:strict'] as const;
/** A built-in preset name (see {@link PRESET_NAMES}). */
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * The rules `milieu:schedule` keeps: the structure of the timetable and the consistency of its
 * times, all readable from routines alone. Rules that need records, transitions, expectations,
 * staffing (facilitators) or rosters (capacity) are off.
 */
export const SCHEDULE_RULE_IDS: readonly string[] = Object.freeze([
  'meals-daily',
  'consistent-times',
  'protected-mealtimes',
  'free-time-daily',
  'no-empty-stretch',
  'required-elements',
  'no-double-booking',
  'recurrence-bounded',
]);

function everyBuiltin(setting: (id: string) => RuleSetting): Record<string, RuleSetting> {
  return Object.fromEntries(builtinRules.map((r) => [r.id, setting(r.id)]));
}

/**
 * The built-in presets as rule maps.
 *
 * - `milieu:recommended`: every rule at its default severity and options (what runs with no
 *   configuration).
 * - `milieu:schedule`: a timetable-only lint, {@link SCHEDULE_RULE_IDS} at their defaults and
 *   every other built-in rule off.
 * - `milieu:strict`: every built-in rule as an error, including rules that are off by default,
 *   and `recurrence-bounded` without the daily-anchor exemption.
 */
export const RULE_PRESETS: Readonly<Record<PresetName, Readonly<Record<string, RuleSetting>>>> =
  Object.freeze({
    'milieu:recommended': Object.freeze(
      everyBuiltin((id) => builtinRules.find((r) => r.id === id)?.defaultSeverity ?? 'off'),
    ),
    'milieu:schedule': Object.freeze(
      everyBuiltin((id) =>
        SCHEDULE_RULE_IDS.includes(id)
          ? (builtinRules.find((r) => r.id === id)?.defaultSeverity ?? 'off')
          : 'off',
      ),
    ),
    'milieu:strict': Object.freeze({
      ...everyBuiltin(() => 'error'),
      'recurrence-bounded': ['error', { exemptKinds: [] }] as const,
    }),
  });

/**
 * The ids of the rules a preset turns on, in {@link builtinRules} order.
 *
 * @param name - a preset name
 */
export function presetRuleIds(name: PresetName): string[] {
  const rules = RULE_PRESETS[name];
  return builtinRules
    .map((r) => r.id)
    .filter((id) => {
      const setting = rules[id];
      const level = Array.isArray(setting) ? (setting as unknown[])[0] : setting;
      return level !== undefined && level !== 'off' && level !== 0;
    });
}
