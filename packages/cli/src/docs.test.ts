import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules, PRESET_NAMES, presetRuleIds } from '@milieu/core';

// The rule reference lives in @milieu/core, whose tests cannot read files: it is kept in sync here.
const docs = readFileSync(new URL('../../core/docs/rules.md', import.meta.url), 'utf8');

describe('packages/core/docs/rules.md', () => {
  it('documents every built-in rule with its severity, options, rationale, source and an example', () => {
    for (const rule of builtinRules) {
      const start = docs.indexOf(`### \`${rule.id}\``);
      expect(start, rule.id).toBeGreaterThan(0);
      const next = docs.indexOf('\n### ', start + 1);
      const section = docs.slice(start, next < 0 ? undefined : next);
      expect(section, rule.id).toContain(`**Default severity:** \`${rule.defaultSeverity}\``);
      expect(section, rule.id).toContain(rule.docs.rationale);
      expect(section, rule.id).toContain(rule.docs.source);
      expect(section, rule.id).toContain('**Example finding**');
      const shape =
        (rule.options as unknown as { def?: { shape?: Record<string, unknown> } } | undefined)?.def
          ?.shape ?? {};
      for (const option of Object.keys(shape))
        expect(section, `${rule.id}.${option}`).toMatch(new RegExp(`\\| \`${option}\` +\\|`));
    }
  });
});

describe('the preset tables (rules.md and the CLI README)', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const row = (text: string, name: string) =>
    text.split('\n').find((line) => line.startsWith(`| \`${name}\``)) ?? '';

  it('name every rule milieu:schedule turns on, and no other', () => {
    const ids = presetRuleIds('milieu:schedule');
    for (const text of [docs, readme]) {
      const line = row(text, 'milieu:schedule');
      const named = [...line.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
      expect(named.filter((id) => builtinRules.some((r) => r.id === id)).sort()).toEqual(
        [...ids].sort(),
      );
    }
  });

  it('count the rules milieu:recommended and milieu:strict turn on', () => {
    for (const text of [docs, readme]) {
      for (const name of PRESET_NAMES) expect(row(text, name), name).not.toBe('');
      expect(row(text, 'milieu:recommended')).toContain(
        `${presetRuleIds('milieu:recommended').length} rules`,
      );
      expect(row(text, 'milieu:strict')).toContain(
        `all ${presetRuleIds('milieu:strict').length} rules`,
      );
    }
  });
});
