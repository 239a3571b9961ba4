import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/main.js';
import type { SarifLog } from '../src/format/sarif.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const EXAMPLES_NOW = '2026-03-28T20:00:00-04:00';
const BROKEN = 'packages/cli/test/fixtures/broken-all-rules.json';
const INVALID = 'packages/cli/test/fixtures/invalid-document.json';
const BROKEN_NOW = '2026-03-04T12:00:00-05:00';

async function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: root,
    readFile: (path) =>
      files[path] !== undefined ? Promise.resolve(files[path]) : readFile(path, 'utf8'),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The SARIF 2.1.0 JSON schema (draft-04), shipped with the tests: no network. */
async function sarifValidator() {
  const schema = JSON.parse(
    await readFile(new URL('./sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode RegExps accept.
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateFormats: false,
    unicodeRegExp: false,
  });
  return ajv.compile(schema);
}

describe('several files in one run', () => {
  it('writes one SARIF log with one run per file, valid against the SARIF 2.1.0 schema', async () => {
    const validate = await sarifValidator();
    const { code, stdout } = await run([
      'check',
      'examples/inpatient-unit.json',
      BROKEN,
      INVALID,
      '--now',
      EXAMPLES_NOW,
      '--format',
      'sarif',
    ]);
    expect(code).toBe(2);
    const log = JSON.parse(stdout) as SarifLog;
    const valid = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
    expect(log.runs.map((r) => r.artifacts[0]?.location.uri)).toEqual([
      'examples/inpatient-unit.json',
      BROKEN,
      INVALID,
    ]);
    expect(log.runs[0]?.results).toEqual([]);
    expect(log.runs[1]?.results.length).toBeGreaterThan(10);
    expect(log.runs[2]?.results[0]?.ruleId).toBe('milieu/invalid-document');
  });

  it('the schema check can fail: a result without a message is rejected', async () => {
    const validate = await sarifValidator();
    const { stdout } = await run(['check', BROKEN, '--now', BROKEN_NOW, '--format', 'sarif']);
    const log = JSON.parse(stdout) as { runs: { results: Record<string, unknown>[] }[] };
    expect(validate(log)).toBe(true);
    delete log.runs[0]?.results[0]?.['message'];
    expect(validate(log)).toBe(false);
  });

  it('expands globs and ends the text output with a summary line', async () => {
    const { code, stdout } = await run(['check', 'examples/*-*.json', '--now', EXAMPLES_NOW]);
    expect(code).toBe(0);
    for (const file of [
      'examples/inpatient-unit.json',
      'examples/outpatient-group.json',
      'examples/residential-rehab.json',
    ])
      expect(stdout).toContain(`✓ ${file}: no problems`);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('✓ 3 files checked: 0 errors, 0 warnings');
  });

  it('sums errors over files and counts invalid ones', async () => {
    const { code, stdout } = await run(['check', BROKEN, INVALID, '--now', BROKEN_NOW]);
    expect(code).toBe(2);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^✖ 1 file checked, 1 invalid or unreadable: \d+ errors, \d+ warnings$/,
    );
  });

  it('prints { files, summary } as JSON for several files', async () => {
    const { stdout } = await run([
      'check',
      'examples/inpatient-unit.json',
      BROKEN,
      '--now',
      BROKEN_NOW,
      '--format',
      'json',
    ]);
    const report = JSON.parse(stdout) as {
      files: { file: string; valid: boolean }[];
      summary: Record<string, number>;
    };
    expect(report.files.map((f) => f.file)).toEqual(['examples/inpatient-unit.json', BROKEN]);
    expect(report.summary).toMatchObject({ files: 2, checked: 2, invalid: 0 });
    expect(report.summary['errors']).toBeGreaterThan(0);
  });

  it('reports a glob that matches nothing', async () => {
    const { code, stderr } = await run(['check', 'examples/*.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('no files match "examples/*.yaml"');
  });
});

describe('configuration', () => {
  const config = `${root}milieu.config.json`;

  it('locates a bad value in the config file: path, line:column and JSON pointer', async () => {
    const text =
      '{\n  "rules": {\n    "no-empty-stretch": ["warn", { "maxHours": 0 }],\n    "meal-daily": "off"\n  }\n}\n';
    const { code, stderr } = await run(
      ['check', BROKEN, '--now', BROKEN_NOW, '--config', 'milieu.config.json'],
      { [config]: text },
    );
    expect(code).toBe(2);
    expect(stderr).toContain('milieu: invalid configuration');
    expect(stderr).toMatch(/milieu\.config\.json:3:\d+ \/rules\/no-empty-stretch\/1\/maxHours: /);
    expect(stderr).toMatch(
      /milieu\.config\.json:4:5 \/rules\/meal-daily: unknown rule "meal-daily" \(did you mean "meals-daily"\?\)/,
    );
    expect(stderr).not.toContain('--rule');
  });

  it('locates an unknown preset in extends, and a bad --preset as the flag', async () => {
    const file = await run(
      ['check', BROKEN, '--now', BROKEN_NOW, '--config', 'milieu.config.json'],
      { [config]: '{ "extends": ["milieu:schedul"] }' },
    );
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(
      /milieu\.config\.json:1:\d+ \/extends\/0: unknown preset "milieu:schedul" \(did you mean "milieu:schedule"\?\)/,
    );
    const flag = await run(['check', BROKEN, '--now', BROKEN_NOW, '--preset', 'strict']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--preset: unknown preset "strict"');
  });

  it('--preset milieu:schedule runs only the timetable rules', async () => {
    const { stdout } = await run([
      'check',
      BROKEN,
      '--now',
      BROKEN_NOW,
      '--preset',
      'milieu:schedule',
      '--format',
      'json',
    ]);
    const report = JSON.parse(stdout) as {
      findings: { ruleId: string }[];
      summary: { rulesRun: number };
    };
    expect(report.summary.rulesRun).toBe(8);
    expect([...new Set(report.findings.map((f) => f.ruleId))].sort()).toEqual([
      'consistent-times',
      'free-time-daily',
      'meals-daily',
      'no-double-booking',
      'no-empty-stretch',
      'protected-mealtimes',
      'recurrence-bounded',
      'required-elements',
    ]);
  });

  it('extends in the config file, with rules over the preset and --rule over both', async () => {
    const { stdout } = await run(
      [
        'check',
        BROKEN,
        '--now',
        BROKEN_NOW,
        '--config',
        'milieu.config.json',
        '--rule',
        'meals-daily=off',
        '--format',
        'json',
      ],
      { [config]: '{ "extends": "milieu:schedule", "rules": { "capacity": "warn" } }' },
    );
    const report = JSON.parse(stdout) as { findings: { ruleId: string; severity: string }[] };
    const ids = new Set(report.findings.map((f) => f.ruleId));
    expect(ids.has('capacity')).toBe(true);
    expect(ids.has('meals-daily')).toBe(false);
    expect(ids.has('aftercare-booked')).toBe(false);
  });
});
