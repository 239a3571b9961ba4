import { describe, expect, it } from 'vitest';
import { cleanDoc, routine, runRule } from '../fixtures/builders.js';

describe('facilitator-conflict', () => {
  it('passes when facilitators are employed and in one place at a time', () => {
    expect(runRule('facilitator-conflict', cleanDoc())).toEqual([]);
  });

  it('reports a facilitator leaving mid-range who still facilitates afterwards', () => {
    const doc = cleanDoc();
    const rec = doc.people.staff.find((s) => s.id === 's-rec');
    if (rec) rec.endDate = '2026-03-10';
    const findings = runRule('facilitator-conflict', doc);
    expect(findings.map((f) => [f.messageId, f.data['title'], f.data['count']])).toEqual([
      ['noLongerEmployed', 'Recreation', 5],
      ['noLongerEmployed', 'Art studio', 5],
    ]);
    expect(findings[0]).toMatchObject({
      data: {
        name: 'Cara D.',
        limit: '2026-03-10',
        dates: '2026-03-11, 2026-03-12, 2026-03-13, 2026-03-14, 2026-03-15',
      },
      path: ['/routines/7/facilitatorIds', '/people/staff/2/endDate'],
      related: { staffIds: ['s-rec'] },
    });
  });

  it('reports a facilitator scheduled before their start date, and a changed exception fixes it', () => {
    const doc = cleanDoc();
    doc.people.staff.push({
      id: 's-new',
      preferredName: 'Eli',
      role: 'counselor',
      startDate: '2026-03-12',
    });
    doc.routines.push(
      routine({
        id: 'skills',
        kind: 'social-skills',
        title: 'Skills',
        start: '20:00',
        end: '20:45',
        facilitatorIds: ['s-new'],
        recurrence: {
          freq: 'WEEKLY',
          byDay: ['WE'],
          startDate: '2026-03-04',
          reviewDate: '2026-06-01',
        },
      }),
    );
    expect(runRule('facilitator-conflict', doc).map((f) => [f.messageId, f.data['dates']])).toEqual(
      [['notYetEmployed', '2026-03-04, 2026-03-11']],
    );
    for (const date of ['2026-03-04', '2026-03-11'])
      doc.routines
        .at(-1)
        ?.exceptions.push({ date, type: 'changed', reason: 'Cover', facilitatorIds: ['s-mht'] });
    expect(runRule('facilitator-conflict', doc)).toEqual([]);
  });

  it('reports a facilitator leading two overlapping groups', () => {
    const doc = cleanDoc();
    doc.routines.push(
      routine({
        id: 'family-group',
        kind: 'group-therapy',
        title: 'Family group',
        start: '10:30',
        end: '11:00',
        facilitatorIds: ['s-ther'],
        audience: { type: 'groups', groupIds: ['track-a'] },
        recurrence: {
          freq: 'WEEKLY',
          byDay: ['TH'],
          startDate: '2026-01-08',
          reviewDate: '2026-06-01',
        },
      }),
    );
    const findings = runRule('facilitator-conflict', doc);
    expect(findings.map((f) => [f.messageId, f.data['a'], f.data['b'], f.data['dates']])).toEqual([
      ['doubleBooked', 'Family group', 'Group therapy', '2026-03-05, 2026-03-12'],
    ]);
  });
});
