import { describe, expect, it } from 'vitest';
import { parseDocument, parseDocumentJson } from './parse.js';
import { examples, type Json } from './__fixtures__/documents.js';
// @ts-expect-error -- Vite's `?raw` import (no type declarations in core): the README as text
import readme from '../../README.md?raw';

describe('examples/', () => {
  it.each(Object.entries(examples))('%s parses clean', (_, load) => {
    const r = parseDocument(load());
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('the README example is examples/minimal.json and parses clean', () => {
    const block = /A complete small document[\s\S]*?```json\n([\s\S]*?)\n```/.exec(
      String(readme),
    )?.[1];
    expect(block).toBeDefined();
    const r = parseDocumentJson(block ?? '');
    expect(r.ok ? [] : r.issues).toEqual([]);
    expect(JSON.parse(block ?? '')).toEqual(examples.minimal());
  });

  it('cover what the issue asks for', () => {
    const inpatient = parseDocument(examples.inpatient());
    const rehab = parseDocument(examples.rehab());
    const outpatient = parseDocument(examples.outpatient());
    if (!inpatient.ok || !rehab.ok || !outpatient.ok) throw new Error('examples must parse');
    expect(inpatient.value.program).toMatchObject({
      setting: 'inpatient',
      timeZone: 'America/New_York',
    });
    expect(inpatient.value.people.participants).toHaveLength(20);
    expect(inpatient.value.routines.length).toBeGreaterThanOrEqual(25);
    expect(rehab.value.program).toMatchObject({
      setting: 'residential',
      stay: { model: 'short-term', boundDays: 28 },
    });
    expect(outpatient.value.program.locale).toMatch(/^es/);
    for (const { value } of [inpatient, rehab, outpatient]) {
      // timetables are open-ended with a review date, or run at least 12 months
      for (const r of value.routines)
        expect(r.recurrence.reviewDate ?? r.recurrence.until).toBeDefined();
      // records cover at least three weeks
      const days = new Set(value.records.attendance.map((a) => a.occurrenceId.slice(-10)));
      expect(days.size).toBeGreaterThanOrEqual(value.program.setting === 'outpatient' ? 5 : 21);
      const sources = new Set(value.records.feedback.map((f) => f.source));
      expect([...sources].sort()).toEqual(['peer', 'program', 'self', 'staff', 'therapist']);
      expect(value.records.feedback.some((f) => f.source === 'peer' && f.anonymous)).toBe(true);
      expect(
        value.expectations.items.every((e) => e.rationale && e.earnBack && e.ladder.length >= 3),
      ).toBe(true);
    }
    const departures = [inpatient, rehab].flatMap(({ value }) =>
      value.transitions.filter((t) => t.type === 'staff-departure'),
    );
    expect(departures.every((t) => t.successorStaffId && t.announcedDate)).toBe(true);
  });
});

describe('large documents', () => {
  it('parses a ~5 MB document (records replicated) in reasonable time', () => {
    const base = examples.inpatient() as { records: Record<string, Json[]> };
    const records = base.records as {
      attendance: { occurrenceId: string }[];
      feedback: { id: string }[];
      copingPractice: { id: string }[];
      observations: { id: string }[];
    };
    const copies = 21;
    const grow = <T extends object>(list: T[], fn: (item: T, k: number) => T): T[] =>
      Array.from({ length: copies }, (_, k) => list.map((item) => fn(item, k))).flat();
    records.attendance = grow(records.attendance, (a, k) => ({
      ...a,
      occurrenceId: a.occurrenceId.replace('@2026', `@${2026 + k}`),
    }));
    records.feedback = grow(records.feedback, (f, k) => ({ ...f, id: `${f.id}-${k}` }));
    records.copingPractice = grow(records.copingPractice, (c, k) => ({ ...c, id: `${c.id}-${k}` }));
    records.observations = grow(records.observations, (o, k) => ({ ...o, id: `${o.id}-${k}` }));
    const text = JSON.stringify(base);
    expect(text.length).toBeGreaterThan(5_000_000);
    const started = Date.now();
    const r = parseDocumentJson(text);
    const ms = Date.now() - started;
    expect(r.ok ? [] : r.issues.slice(0, 5)).toEqual([]);
    expect(ms).toBeLessThan(5_000);
  });
});
