import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '@milieu/core';

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
