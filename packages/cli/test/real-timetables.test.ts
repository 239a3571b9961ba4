/**
 * Real published timetables, encoded the way a vendor would (see fixtures/real/README.md), checked
 * with `--preset milieu:schedule`: the true problems each must report, and the false positives
 * it must not.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocumentJson, SCHEDULE_RULE_IDS } from '@milieu/core';
import { main } from '../src/main.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const NOW = '2026-03-04T12:00:00-05:00';
const dir = 'packages/cli/test/fixtures/real';

interface Finding {
  ruleId: string;
  messageId: string;
  severity: string;
  data: Record<string, string | number>;
  related: { routineIds?: string[] };
}

async function check(file: string, preset = 'milieu:schedule') {
  let stdout = '';
  const code = await main(
    ['check', `${dir}/${file}`, '--now', NOW, '--preset', preset, '--format', 'json'],
    { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, cwd: root },
  );
  const report = JSON.parse(stdout) as { valid: boolean; findings: Finding[] };
  return { code, report, findings: report.findings };
}

const summary = (findings: Finding[]) => findings.map((f) => `${f.ruleId}/${f.messageId}`).sort();

describe('Kestrel Ward, North Wales Adolescent Service (NHS adolescent inpatient)', () => {
  // https://bcuhb.nhs.wales/services/hospital-services/north-wales-adolescent-service-nwas/kestrel-ward/daily-routine/
  const file = 'kestrel-ward.json';

  it('reports the true problems: no therapeutic programme and no free time on the timetable', async () => {
    const { code, findings } = await check(file);
    expect(code).toBe(1);
    expect(summary(findings)).toEqual(['free-time-daily/missing', 'required-elements/missing']);
    const missing = findings.find((f) => f.ruleId === 'required-elements');
    // One finding for one cause, not one per element.
    expect(missing?.data['count']).toBe(5);
    expect(String(missing?.data['kinds'])).toContain('community-meeting');
  });

  it('does not report the age groups’ bedtimes or the later weekend breakfast as drift', async () => {
    const { findings } = await check(file);
    expect(findings.filter((f) => f.ruleId === 'consistent-times')).toEqual([]);
    const pooled = await check(file, 'milieu:recommended');
    expect(pooled.findings.filter((f) => f.ruleId === 'consistent-times')).toEqual([]);
  });

  it('does not report meals, wake-up and lights-out as repeating forever', async () => {
    const { findings } = await check(file);
    expect(findings.filter((f) => f.ruleId === 'recurrence-bounded')).toEqual([]);
  });

  it('refuses "BST" as the zone and names Europe/London', async () => {
    const text = await readFile(`${root}${dir}/${file}`, 'utf8');
    const parsed = parseDocumentJson(text.replace('"Europe/London"', '"BST"'));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues).toMatchObject([
      {
        path: '/program/timeZone',
        code: 'invalid_time_zone',
        message: expect.stringContaining('"Europe/London"'),
      },
    ]);
  });
});

describe('Clearbrook Massachusetts (residential substance-use treatment)', () => {
  // https://www.clearbrookmass.com/news/faq-items/typical-day-like-clearbrook/
  const file = 'clearbrook-massachusetts.json';

  it('reports the true problems: no community meeting, and open-ended groups once', async () => {
    const { findings } = await check(file);
    expect(summary(findings)).toEqual([
      'recurrence-bounded/unboundedMany',
      'required-elements/missing',
    ]);
    expect(findings.find((f) => f.ruleId === 'required-elements')?.data['kinds']).toBe(
      'community-meeting',
    );
    const bounded = findings.find((f) => f.ruleId === 'recurrence-bounded');
    expect(bounded?.data['count']).toBe(8);
    expect(bounded?.related.routineIds).toHaveLength(8);
    expect(bounded?.related.routineIds).not.toContain('breakfast');
  });

  it('counts the supervised recreation period (basketball, campus store) as recreation', async () => {
    const { findings } = await check(file);
    const missing = findings.filter((f) => f.ruleId === 'required-elements');
    expect(missing.map((f) => f.data['kinds'])).toEqual(['community-meeting']);
    // And without demanding a therapist for it, even with every rule on.
    const all = await check(file, 'milieu:recommended');
    const bare = all.findings.filter((f) => f.ruleId === 'facilitator-required');
    expect(bare.length).toBeGreaterThan(0);
    expect(bare.flatMap((f) => f.related.routineIds ?? [])).not.toContain('recreation');
  });
});

describe('Middlebridge School (residential school for students with learning differences)', () => {
  // http://middlebridgeschool.org/day-life/
  const file = 'middlebridge-school.json';

  it('reports the true problems: no weekend timetable (once per rule), no groups, open-ended series', async () => {
    const { findings } = await check(file);
    expect(summary(findings)).toEqual([
      'free-time-daily/missing',
      'meals-daily/missing',
      'no-empty-stretch/gap',
      'recurrence-bounded/unboundedMany',
      'required-elements/missing',
    ]);
    const meals = findings.find((f) => f.ruleId === 'meals-daily');
    expect(meals?.data).toMatchObject({ meal: 'breakfast, dinner, lunch', count: 4 });
    expect(findings.find((f) => f.ruleId === 'required-elements')?.data['kinds']).toBe(
      'community-meeting, group-therapy',
    );
  });

  it('does not report school periods as missing psychoeducation or as double-booked', async () => {
    const { findings } = await check(file);
    const kinds = String(findings.find((f) => f.ruleId === 'required-elements')?.data['kinds']);
    expect(kinds).not.toContain('psychoeducation');
    expect(findings.filter((f) => f.ruleId === 'no-double-booking')).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'protected-mealtimes')).toEqual([]);
  });
});

describe('every real timetable', () => {
  it.each(['kestrel-ward.json', 'clearbrook-massachusetts.json', 'middlebridge-school.json'])(
    '%s: milieu:schedule keeps only timetable rules, and leaves out what needs records',
    async (file) => {
      const schedule = await check(file);
      expect(schedule.report.valid).toBe(true);
      for (const f of schedule.findings) expect(SCHEDULE_RULE_IDS).toContain(f.ruleId);
      // The same timetable under the defaults reports rules that need records or staffing
      // (personal-choice reads participants' electives): exactly what the preset scopes away.
      const all = await check(file, 'milieu:recommended');
      const extra = all.findings.filter((f) => !SCHEDULE_RULE_IDS.includes(f.ruleId));
      expect(extra.length).toBeGreaterThan(0);
    },
  );
});
