import { describe, expect, it } from 'vitest';
import { cleanDoc, routine, routineOf, runRule } from '../fixtures/builders.js';

describe('consistent-times', () => {
  it('passes fixed times, including across the DST change (wall clock is kept)', () => {
    expect(runRule('consistent-times', cleanDoc())).toEqual([]);
  });

  it('reports a weekend breakfast 90 minutes later than usual', () => {
    const doc = cleanDoc();
    routineOf(doc, 'breakfast').recurrence = {
      freq: 'WEEKLY',
      byDay: ['MO', 'TU', 'WE', 'TH', 'FR'],
      startDate: '2026-01-05',
      reviewDate: '2026-06-01',
    };
    doc.routines.push(
      routine({
        id: 'brunch',
        kind: 'breakfast',
        title: 'Weekend brunch',
        start: '09:30',
        end: '10:00',
        recurrence: {
          freq: 'WEEKLY',
          byDay: ['SA', 'SU'],
          startDate: '2026-01-10',
          reviewDate: '2026-06-01',
        },
      }),
    );
    doc.routines = doc.routines.filter((r) => r.id !== 'weekend-skills');
    const findings = runRule('consistent-times', doc);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      data: {
        kind: 'breakfast',
        title: 'Weekend brunch',
        time: '09:30',
        usual: '08:00',
        tolerance: 30,
        dates: '2026-03-07, 2026-03-08, 2026-03-14, 2026-03-15',
      },
      path: [`/routines/${doc.routines.length - 1}/start`],
    });
  });

  it('stays within the tolerance, and the tolerance is tunable', () => {
    const doc = cleanDoc();
    routineOf(doc, 'lunch').exceptions.push({
      date: '2026-03-11',
      type: 'changed',
      reason: 'Cook-off',
      title: 'Cook-off lunch',
    });
    doc.routines.push(
      routine({
        id: 'late-lunch',
        kind: 'lunch',
        title: 'Late lunch',
        start: '12:25',
        end: '12:50',
        recurrence: {
          freq: 'WEEKLY',
          byDay: ['SA'],
          startDate: '2026-01-10',
          reviewDate: '2026-06-01',
        },
      }),
    );
    expect(runRule('consistent-times', doc)).toEqual([]);
    expect(
      runRule('consistent-times', doc, { options: { toleranceMinutes: 15 } }).map(
        (f) => f.data['title'],
      ),
    ).toEqual(['Late lunch']);
  });

  it('ignores one-off moves (they carry a reason) and compares lights-out around midnight', () => {
    const doc = cleanDoc();
    routineOf(doc, 'community').exceptions.push({
      date: '2026-03-10',
      type: 'moved',
      reason: 'Fire drill',
      start: '13:00',
      end: '13:45',
    });
    const lights = routineOf(doc, 'lights-out');
    lights.start = '23:50';
    lights.end = '00:05';
    doc.routines.push(
      routine({
        id: 'late-lights',
        kind: 'lights-out',
        title: 'Weekend lights out',
        start: '00:10',
        end: '00:20',
        recurrence: {
          freq: 'WEEKLY',
          byDay: ['SA'],
          startDate: '2026-01-10',
          reviewDate: '2026-06-01',
        },
      }),
    );
    expect(runRule('consistent-times', doc)).toEqual([]);
  });

  it('compares each audience with itself: an older group later lights-out is not drift', () => {
    const doc = cleanDoc();
    doc.program.groups.push({ id: 'older', name: 'Ages 16-18' });
    routineOf(doc, 'lights-out').audience = { type: 'groups', groupIds: ['track-a'] };
    doc.routines.push(
      routine({
        id: 'lights-out-older',
        kind: 'lights-out',
        title: 'Lights out (16-18)',
        start: '23:30',
        end: '23:45',
        audience: { type: 'groups', groupIds: ['older'] },
      }),
    );
    expect(runRule('consistent-times', doc)).toEqual([]);
    const pooled = runRule('consistent-times', doc, { options: { perAudience: false } });
    expect(pooled).toHaveLength(1);
    expect(pooled[0]?.data['kind']).toBe('lights-out');
  });

  it('still reports drift within one audience', () => {
    const doc = cleanDoc();
    doc.routines.push(
      routine({
        id: 'weekend-lights',
        kind: 'lights-out',
        title: 'Weekend lights out',
        start: '23:30',
        end: '23:45',
        recurrence: {
          freq: 'WEEKLY',
          byDay: ['SA'],
          startDate: '2026-01-10',
          reviewDate: '2026-06-01',
        },
      }),
    );
    expect(runRule('consistent-times', doc)).toMatchObject([
      { data: { title: 'Weekend lights out', audience: 'everyone' } },
    ]);
  });
});
