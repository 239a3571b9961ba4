import { describe, expect, it } from 'vitest';
import { cleanDoc, runRule } from '../fixtures/builders.js';

describe('attendance-recorded', () => {
  it('passes when every occurrence that ended has a record per expected member', () => {
    expect(runRule('attendance-recorded', cleanDoc())).toEqual([]);
  });

  it('reports the occurrences that ended more than 24 h ago without complete attendance', () => {
    const doc = cleanDoc();
    const group = doc.routines.find((r) => r.kind === 'group-therapy');
    const first = doc.records.attendance.find((r) => r.occurrenceId.startsWith(`${group?.id}@`));
    if (!first) throw new Error('fixture has no attendance');
    doc.records.attendance = doc.records.attendance.filter(
      (r) => !(r.occurrenceId === first.occurrenceId && r.participantId === first.participantId),
    );
    const findings = runRule('attendance-recorded', doc);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      messageId: 'missing',
      data: { count: 1, records: 1, hours: 24 },
      related: { occurrenceIds: [first.occurrenceId], participantIds: [first.participantId] },
    });
    expect(findings[0]?.path[0]).toBe('/records/attendance');
    expect(findings[0]?.message).toContain('more than 24 h');
  });

  it('waits `hours` after the end before reporting (tunable)', () => {
    const doc = cleanDoc();
    doc.records.attendance = [];
    const soon = runRule('attendance-recorded', doc, { options: { hours: 0 } });
    const later = runRule('attendance-recorded', doc);
    const never = runRule('attendance-recorded', doc, { options: { hours: 24 * 14 } });
    const count = (fs: typeof soon) => fs.reduce((n, f) => n + Number(f.data['count']), 0);
    expect(count(soon)).toBeGreaterThan(count(later));
    expect(count(later)).toBeGreaterThan(0);
    expect(never).toEqual([]);
  });

  it('expects nothing of cancelled occurrences', () => {
    const doc = cleanDoc();
    doc.records.attendance = [];
    for (const r of doc.routines)
      r.exceptions = [
        ...r.exceptions.filter((e) => e.date !== '2026-03-02'),
        { date: '2026-03-02', type: 'cancelled', reason: 'Storm' },
      ];
    const findings = runRule('attendance-recorded', doc, { now: '2026-03-03T23:59:00-05:00' });
    expect(findings).toEqual([]);
  });
});
