import { describe, expect, it } from 'vitest';
import { builtinRules } from './builtin.js';
import { resolveRuleConfig } from './config.js';
import { createRuleRegistry } from './define.js';
import { PRESET_NAMES, presetRuleIds, RULE_PRESETS, SCHEDULE_RULE_IDS } from './presets.js';

const registry = createRuleRegistry(builtinRules);
const enabled = (config: Parameters<typeof resolveRuleConfig>[0]) => {
  const r = resolveRuleConfig(config, registry);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe('presets', () => {
  it('milieu:recommended is the defaults', () => {
    const defaults = enabled(undefined);
    const recommended = enabled({ extends: 'milieu:recommended' });
    expect(recommended.map((r) => [r.rule.id, r.severity])).toEqual(
      defaults.map((r) => [r.rule.id, r.severity]),
    );
    expect(recommended.map((r) => r.rule.id)).not.toContain('therapist-not-enforcer');
  });

  it('milieu:schedule keeps only rules that read the timetable', () => {
    const ids = enabled({ extends: ['milieu:schedule'] }).map((r) => r.rule.id);
    expect(ids).toEqual([...SCHEDULE_RULE_IDS]);
    for (const id of ids) expect(builtinRules.find((r) => r.id === id)?.concern).toBe('structure');
    expect(presetRuleIds('milieu:schedule')).toEqual(ids);
  });

  it('milieu:strict turns every rule on as an error, anchors included', () => {
    const resolved = enabled({ extends: 'milieu:strict' });
    expect(resolved).toHaveLength(builtinRules.length);
    expect(new Set(resolved.map((r) => r.severity))).toEqual(new Set(['error']));
    const bounded = resolved.find((r) => r.rule.id === 'recurrence-bounded');
    expect(bounded?.options).toMatchObject({ exemptKinds: [] });
  });

  it('own rules override presets; a bare level keeps the preset options', () => {
    const resolved = enabled({
      extends: 'milieu:strict',
      rules: { 'recurrence-bounded': 'warn', capacity: 'off' },
    });
    expect(resolved.find((r) => r.rule.id === 'capacity')).toBeUndefined();
    expect(resolved.find((r) => r.rule.id === 'recurrence-bounded')).toMatchObject({
      severity: 'warn',
      options: { exemptKinds: [] },
    });
    const back = enabled({ extends: 'milieu:schedule', rules: { capacity: 'error' } });
    expect(back.map((r) => r.rule.id)).toContain('capacity');
  });

  it('reports an unknown preset at /extends with a suggestion', () => {
    const r = resolveRuleConfig({ extends: ['milieu:recommended', 'milieu:shedule'] }, registry);
    expect(r).toMatchObject({
      ok: false,
      issues: [
        {
          path: '/extends/1',
          code: 'unknown_preset',
          message: expect.stringContaining('did you mean "milieu:schedule"?'),
        },
      ],
    });
    expect(resolveRuleConfig({ extends: 'eslint:recommended' }, registry)).toMatchObject({
      ok: false,
      issues: [{ path: '/extends', code: 'unknown_preset' }],
    });
  });

  it('ignores preset entries for rules a custom registry does not have', () => {
    const small = createRuleRegistry(builtinRules.slice(0, 2));
    expect(resolveRuleConfig({ extends: 'milieu:strict' }, small).ok).toBe(true);
  });

  it('every preset mentions only built-in rules', () => {
    for (const name of PRESET_NAMES)
      for (const id of Object.keys(RULE_PRESETS[name])) expect(registry.has(id), id).toBe(true);
  });
});
