import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULE_IDS } from '@milieu/core';
import { main, type CliIo } from './main.js';
import type { SarifLog } from './format/sarif.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const EXAMPLES = [
  'examples/inpatient-unit.json',
  'examples/residential-rehab.json',
  'examples/outpatient-group.json',
];
/** The examples' records run to 2026-03-28: check them that evening. */
const EXAMPLES_NOW = '2026-03-28T20:00:00-04:00';
const BROKEN = 'packages/cli/test/fixtures/broken-all-rules.json';
const BROKEN_NOW = '2026-03-04T12:00:00-05:00';

async function run(argv: string[], extra: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: root,
    ...extra,
  });
  return { code, stdout, stderr };
}

describe('milieu check on the examples', () => {
  for (const file of EXAMPLES) {
    it(`${file} is clean (0 errors, 0 warnings)`, async () => {
      const text = await run(['check', file, '--now', EXAMPLES_NOW]);
      expect(text.stdout).toContain(`✓ ${file}: no problems`);
      expect(text.code).toBe(0);
      const json = await run(['check', file, '--now', EXAMPLES_NOW, '--format', 'json']);
      const report = JSON.parse(json.stdout) as {
        findings: { message: string }[];
        summary: { errors: number; warnings: number };
      };
      expect(report.findings.map((f) => f.message)).toEqual([]);
      expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    });
  }
});

describe('milieu check on the broken fixture', () => {
  const args = ['check', BROKEN, '--now', BROKEN_NOW, '--rule', 'therapist-not-enforcer=error'];

  it('reports every built-in rule and exits 1', async () => {
    const { code, stdout } = await run([...args, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: { ruleId: string }[] };
    expect([...new Set(report.findings.map((f) => f.ruleId))].sort()).toEqual(
      [...BUILTIN_RULE_IDS].sort(),
    );
  });

  it('prints findings like a linter: position, severity, message, rule id, pointer, fix', async () => {
    const { code, stdout } = await run(args);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(BROKEN);
    const meals = lines.findIndex((l) => l.includes('meals-daily'));
    expect(lines[meals]).toMatch(
      /^ {2}\d+:\d+ +error {2}No lunch is scheduled on 4 day\(s\): .* {2}meals-daily$/,
    );
    expect(lines[meals + 1]).toMatch(/at \/routines\/5\/recurrence$/);
    expect(lines[meals + 2]).toMatch(/fix: Schedule lunch every day/);
    expect(stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings\)/);
    expect(stdout).toMatch(
      /scores: structure \d+ · consistency \d+ · feedback \d+ · transitions \d+ · privacy \d+/,
    );
  });

  it('speaks Spanish with --locale es', async () => {
    const { stdout } = await run([...args, '--locale', 'es']);
    expect(stdout).toContain('No hay «lunch» programado en 4 día(s)');
  });

  it('exits 0 when there are only warnings', async () => {
    const rules = Object.fromEntries(BUILTIN_RULE_IDS.map((id) => [id, 'warn']));
    const files: Record<string, string> = { [`${root}warn.json`]: JSON.stringify({ rules }) };
    const readFileFake = (path: string) =>
      files[path] !== undefined ? Promise.resolve(files[path]) : readFile(path, 'utf8');
    const { code, stdout } = await run(
      ['check', BROKEN, '--now', BROKEN_NOW, '--config', 'warn.json'],
      { readFile: readFileFake },
    );
    expect(stdout).toMatch(/\(0 errors, \d+ warnings\)/);
    expect(code).toBe(0);
  });

  it('writes SARIF 2.1.0 with rules, levels, logical and physical locations', async () => {
    const { code, stdout } = await run([...args, '--format', 'sarif']);
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as SarifLog;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const [run0] = log.runs;
    if (!run0) throw new Error('no run');
    const ids = run0.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual([...BUILTIN_RULE_IDS]);
    for (const rule of run0.tool.driver.rules) expect(rule.help.text).toContain('Source:');
    expect(run0.results.length).toBeGreaterThan(30);
    for (const r of run0.results) {
      expect(ids[r.ruleIndex]).toBe(r.ruleId);
      expect(['error', 'warning']).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(0);
      const [loc] = r.locations;
      expect(loc?.physicalLocation.artifactLocation.uri).toBe(BROKEN);
      expect(loc?.physicalLocation.region.startLine).toBeGreaterThan(0);
      expect(loc?.logicalLocations[0]?.fullyQualifiedName).toMatch(/^\//);
    }
    const meals = run0.results.find((r) => r.ruleId === 'meals-daily');
    expect(meals?.locations[0]?.logicalLocations[0]?.fullyQualifiedName).toBe(
      '/routines/5/recurrence',
    );
  });

  it('uses the injected clock when --now is absent', async () => {
    const { code, stdout } = await run(['check', BROKEN, '--format', 'json'], {
      now: () => new Date(BROKEN_NOW),
    });
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { summary: { now: string } }).summary.now).toBe(BROKEN_NOW);
  });
});

describe('milieu check on unreadable and invalid input', () => {
  it('prints parse issues with pointers and positions, and exits 2', async () => {
    const file = 'packages/cli/test/fixtures/invalid-document.json';
    const { code, stdout } = await run(['check', file, '--now', BROKEN_NOW]);
    expect(code).toBe(2);
    expect(stdout).toContain(`${file}: not a valid milieu document`);
    expect(stdout).toMatch(/ {2}7:5 {2}\/program\/timeZone {2}.*\(invalid_time_zone\)/);
    expect(stdout).toMatch(/\/routines\/0\/start .*\(invalid_time\)/);
    expect(stdout).toMatch(/\/routines\/0\/facilitatorIds\/0 .*\(unknown_reference\)/);
    const json = await run(['check', file, '--format', 'json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ file, valid: false });
    const sarif = await run(['check', file, '--format', 'sarif']);
    expect((JSON.parse(sarif.stdout) as SarifLog).runs[0]?.results[0]?.ruleId).toBe(
      'milieu/invalid-document',
    );
  });

  it('reports malformed JSON and missing files with exit 2', async () => {
    const bad = await run(['check', 'packages/cli/test/fixtures/not-json.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('(invalid_json)');
    const missing = await run(['check', 'nope/missing.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^milieu: cannot read nope\/missing\.json: /);
  });
});

describe('milieu arguments', () => {
  it('prints help and version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: milieu check <file.json>/);
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rejects bad arguments with the usage and exit 2', async () => {
    for (const argv of [
      [],
      ['lint', 'x.json'],
      ['check'],
      ['check', 'a.json', '--format', 'xml'],
      ['check', 'a.json', '--rule', 'meals-daily=loud'],
      ['check', 'a.json', '--bogus'],
      ['check', 'a.json', '--from', '2026-03-01T00:00:00Z'],
    ]) {
      const { code, stderr } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: milieu check');
    }
  });

  it('rejects unknown rules, bad options and a bad --now after reading the document', async () => {
    const unknown = await run(['check', BROKEN, '--now', BROKEN_NOW, '--rule', 'meal-daily=off']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--rule meal-daily: unknown rule "meal-daily" (did you mean "meals-daily"?)',
    );
    const options = await run([
      'check',
      BROKEN,
      '--now',
      BROKEN_NOW,
      '--rule',
      'no-empty-stretch=["warn",{"maxHours":0}]',
    ]);
    expect(options.code).toBe(2);
    expect(options.stderr).toContain('--rule no-empty-stretch/1/maxHours');
    const now = await run(['check', BROKEN, '--now', 'yesterday']);
    expect(now.code).toBe(2);
    expect(now.stderr).toContain('--now: expected an ISO 8601 date-time');
  });

  it('accepts a range and JSON rule settings', async () => {
    const { code, stdout } = await run([
      'check',
      BROKEN,
      '--now',
      BROKEN_NOW,
      '--from',
      '2026-03-07T00:00:00-05:00',
      '--to',
      '2026-03-09T00:00:00-04:00',
      '--rule=meals-daily=["warn",{"meals":["lunch"]}]',
      '--format',
      'json',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      findings: { ruleId: string; severity: string; data: Record<string, unknown> }[];
    };
    expect(report.findings.filter((f) => f.ruleId === 'meals-daily')).toMatchObject([
      { severity: 'warn', data: { meal: 'lunch', dates: '2026-03-07, 2026-03-08' } },
    ]);
  });
});
