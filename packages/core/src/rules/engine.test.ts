import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseDocument } from '../model/index.js';
import { builtinRules } from './builtin.js';
import { RuleConfigError } from './config.js';
import { createRuleRegistry, defineRule } from './define.js';
import { checkDocument, RuleExecutionError } from './engine.js';
import { cleanDoc, NOW, routineOf, weekdaysOnly } from './fixtures/builders.js';
import type { Occurrence } from '../schedule/index.js';

describe('clean fixture', () => {
  it('is a valid document', () => {
    const r = parseDocument(cleanDoc());
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('passes every built-in rule (therapist-not-enforcer enabled too)', () => {
    const { findings, summary } = checkDocument(cleanDoc(), {
      now: NOW,
      config: { rules: { 'therapist-not-enforcer': 'error' } },
    });
    expect(findings.map((f) => `${f.ruleId} ${f.path[0]} ${f.message}`)).toEqual([]);
    expect(summary.rulesRun).toBe(31);
    expect(Object.values(summary.concerns).map((c) => c.score)).toEqual([100, 100, 100, 100, 100]);
  });
});

function brokenDoc() {
  const doc = cleanDoc();
  routineOf(doc, 'lunch').recurrence = weekdaysOnly(); // meals-daily: error
  routineOf(doc, 'walk').recurrence = { freq: 'DAILY', startDate: '2026-01-05' }; // recurrence-bounded: error
  const e = doc.expectations.items[0];
  if (e) e.statement = 'No shouting.'; // expectation-positive: warn
  return doc;
}

describe('checkDocument', () => {
  it('returns localised findings with paths, related ids and fix hints, sorted by path', () => {
    const { findings, summary } = checkDocument(brokenDoc(), { now: NOW });
    expect(findings.map((f) => [f.path[0], f.ruleId, f.severity])).toEqual([
      ['/expectations/items/0/statement', 'expectation-positive', 'warn'],
      ['/routines/6/recurrence', 'meals-daily', 'error'],
      ['/routines/12/recurrence', 'recurrence-bounded', 'error'],
    ]);
    expect(findings[1]).toMatchObject({
      concern: 'structure',
      fix: {
        messageId: 'fixMissing',
        message:
          'Schedule lunch every day (check the recurrence, exdates and cancelled occurrences).',
      },
    });
    expect(summary).toMatchObject({
      errors: 2,
      warnings: 1,
      now: '2026-03-04T12:00:00-05:00',
      range: { from: '2026-03-02T00:00:00-05:00', to: '2026-03-16T00:00:00-04:00' },
      locale: 'en',
    });
    expect(summary.concerns.structure).toEqual({ rules: 12, errors: 2, warnings: 0, score: 96 });
    expect(summary.concerns.consistency).toEqual({ rules: 7, errors: 0, warnings: 1, score: 99 });
    expect(summary.concerns.privacy.score).toBe(100);
  });

  it('is deterministic for a given now, whatever the input order of Date or string', () => {
    const a = checkDocument(brokenDoc(), { now: NOW });
    const b = checkDocument(brokenDoc(), { now: new Date(NOW) });
    const c = checkDocument(brokenDoc(), { now: Date.parse(NOW) });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('applies severities and options from the configuration (ESLint style)', () => {
    const { findings, summary } = checkDocument(brokenDoc(), {
      now: NOW,
      config: {
        rules: {
          'meals-daily': ['warn', { meals: ['breakfast'] }],
          'recurrence-bounded': 0,
          'expectation-positive': ['error'],
        },
      },
    });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['expectation-positive', 'error'],
    ]);
    expect(summary.concerns.structure.rules).toBe(11);
  });

  it('uses the program locale by default, another on request, and falls back to English', () => {
    const doc = brokenDoc();
    doc.program.locale = 'es-ES';
    expect(checkDocument(doc, { now: NOW }).findings[1]?.message).toMatch(/^No hay «lunch»/);
    expect(checkDocument(doc, { now: NOW, locale: 'en' }).findings[1]?.message).toMatch(
      /^No lunch/,
    );
    const fr = checkDocument(doc, { now: NOW, locale: 'fr-CA' });
    expect(fr.findings[1]?.message).toMatch(/^No lunch/);
    expect(fr.summary.locale).toBe('fr');
  });

  it('checks an explicit range, widened to whole local days', () => {
    const { findings, summary } = checkDocument(brokenDoc(), {
      now: NOW,
      range: { from: '2026-03-07T15:00:00-05:00', to: '2026-03-08T09:00:00-04:00' },
    });
    expect(findings.find((f) => f.ruleId === 'meals-daily')?.data).toMatchObject({
      dates: '2026-03-07, 2026-03-08',
    });
    expect(summary.range).toEqual({
      from: '2026-03-07T00:00:00-05:00',
      to: '2026-03-09T00:00:00-04:00',
    });
  });
});

describe('configuration errors', () => {
  const issuesOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleConfigError);
      return (error as RuleConfigError).issues;
    }
    throw new Error('expected a RuleConfigError');
  };

  it('names unknown rules with a suggestion, bad levels and bad options by JSON pointer', () => {
    const issues = issuesOf(() =>
      checkDocument(cleanDoc(), {
        now: NOW,
        config: {
          rules: {
            'meal-daily': 'error',
            capacity: 'loud' as never,
            'no-empty-stretch': ['warn', { maxHours: -1, maxHour: 2 }],
          },
        },
      }),
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['/config/rules/meal-daily', 'unknown_rule'],
      ['/config/rules/no-empty-stretch/1/maxHours', 'too_small'],
      ['/config/rules/no-empty-stretch/1/maxHour', 'unknown_property'],
      ['/config/rules/capacity', 'invalid_setting'],
    ]);
    expect(issues[0]?.message).toBe('unknown rule "meal-daily" (did you mean "meals-daily"?)');
  });

  it('rejects a malformed now or range and a non-object config', () => {
    expect(
      issuesOf(() => checkDocument(cleanDoc(), { now: '2026-03-04 12:00' })).map((i) => i.path),
    ).toEqual(['/now']);
    expect(
      issuesOf(() =>
        checkDocument(cleanDoc(), { now: NOW, range: { from: NOW, to: '2026-03-01T00:00:00Z' } }),
      ).map((i) => i.code),
    ).toEqual(['invalid_range']);
    expect(
      issuesOf(() => checkDocument(cleanDoc(), { now: NOW, config: { rulez: {} } as never })).map(
        (i) => i.path,
      ),
    ).toEqual(['/config/rulez']);
    expect(() => checkDocument(cleanDoc(), { now: 'x' })).toThrow(
      /invalid rule configuration: \/now: expected an ISO 8601/,
    );
  });
});

describe('custom rules', () => {
  const noBingo = defineRule({
    id: 'acme/no-bingo-after-nine',
    concern: 'structure',
    defaultSeverity: 'warn',
    options: z.strictObject({ latest: z._default(z.string(), '21:00') }),
    docs: {
      description: 'Bingo ends by 21:00.',
      rationale: 'Quiet evenings.',
      source: 'House rules',
    },
    messages: {
      en: { late: 'Bingo on {date} runs past {latest}.' },
      es: { late: 'El bingo del {date} pasa de las {latest}.' },
    },
    check(ctx) {
      return ctx
        .scheduled()
        .filter((o) => /bingo/i.test(o.title) && o.end.slice(11, 16) > ctx.options.latest)
        .map((o) => ({
          messageId: 'late',
          data: { date: o.localDate, latest: ctx.options.latest },
          path: ctx.routinePointer(o.routineId),
          related: { occurrenceIds: [o.id] },
        }));
    },
  });

  it('run alongside the built-ins with options, messages and scores', () => {
    const doc = cleanDoc();
    routineOf(doc, 'evening').title = 'Bingo night';
    const { findings } = checkDocument(doc, {
      now: NOW,
      rules: [...builtinRules, noBingo],
      config: { rules: { 'acme/no-bingo-after-nine': ['error', { latest: '20:30' }] } },
    });
    expect(findings).toHaveLength(14);
    expect(findings[0]).toMatchObject({
      ruleId: 'acme/no-bingo-after-nine',
      severity: 'error',
      message: 'Bingo on 2026-03-02 runs past 20:30.',
      path: ['/routines/13'],
    });
    const es = checkDocument(doc, {
      now: NOW,
      registry: createRuleRegistry([noBingo]),
      locale: 'es',
    });
    expect(es.findings.map((f) => f.message)).toEqual([]);
    expect(es.summary.concerns.consistency.score).toBeNull();
  });

  it('share one expansion per check', () => {
    const seen: (readonly Occurrence[])[] = [];
    const spy = (id: string) =>
      defineRule({
        id,
        concern: 'structure',
        defaultSeverity: 'warn',
        docs: { description: 'spy', rationale: 'spy', source: 'test' },
        messages: { en: {} },
        check(ctx) {
          seen.push(ctx.occurrences(), ctx.occurrences());
          return [];
        },
      });
    checkDocument(cleanDoc(), { now: NOW, rules: [spy('a'), spy('b')] });
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(1);
  });

  it('are validated when defined and registered', () => {
    expect(() => defineRule({ ...noBingo, id: 'Not Kebab' })).toThrow(TypeError);
    expect(() => defineRule({ ...noBingo, concern: 'support' as never })).toThrow(/concern/);
    expect(() => createRuleRegistry([noBingo, noBingo])).toThrow(/duplicate/);
  });

  it('that throw are reported with their id', () => {
    const broken = defineRule({
      ...noBingo,
      id: 'acme/broken',
      check: () => {
        throw new Error('boom');
      },
    });
    expect(() => checkDocument(cleanDoc(), { now: NOW, rules: [broken] })).toThrow(
      RuleExecutionError,
    );
    expect(() => checkDocument(cleanDoc(), { now: NOW, rules: [broken] })).toThrow(
      'rule "acme/broken" failed: boom',
    );
  });
});
