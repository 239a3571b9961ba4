import { describe, expect, it } from 'vitest';
import { builtinRules } from './builtin.js';
import { en, es } from './messages/index.js';
import { CONCERNS } from './types.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('built-in rules', () => {
  it('are 31, with unique ids, documented, and with options that parse to defaults', () => {
    expect(builtinRules).toHaveLength(31);
    expect(new Set(builtinRules.map((r) => r.id)).size).toBe(31);
    for (const rule of builtinRules) {
      expect(CONCERNS).toContain(rule.concern);
      expect(rule.docs.description.length).toBeGreaterThan(20);
      expect(rule.docs.rationale.length).toBeGreaterThan(40);
      expect(rule.docs.source.length).toBeGreaterThan(5);
      expect(rule.options?.safeParse({}).success ?? true).toBe(true);
    }
  });

  it('have English and Spanish messages with the same ids and placeholders', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en).sort()).toEqual(builtinRules.map((r) => r.id).sort());
    for (const [ruleId, messages] of Object.entries(en)) {
      const spanish = es[ruleId] ?? {};
      expect(Object.keys(spanish).sort(), ruleId).toEqual(Object.keys(messages).sort());
      for (const [id, text] of Object.entries(messages))
        expect(placeholders(spanish[id] ?? ''), `${ruleId}.${id}`).toEqual(placeholders(text));
    }
  });

  it('never call participants patients in their messages', () => {
    for (const messages of Object.values(en))
      for (const text of Object.values(messages))
        expect(text).not.toMatch(/\bpatients?\b|infraction/i);
    for (const messages of Object.values(es))
      for (const text of Object.values(messages))
        expect(text).not.toMatch(/\bpacientes?\b|infracci/i);
  });
});
