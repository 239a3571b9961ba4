import { describe, expect, it } from 'vitest';
import { cleanDoc, routineOf, runRule } from '../fixtures/builders.js';

describe('facilitator-required', () => {
  it('passes when every group has a facilitator', () => {
    expect(runRule('facilitator-required', cleanDoc())).toEqual([]);
  });

  it('reports a routine without facilitators', () => {
    const doc = cleanDoc();
    routineOf(doc, 'rec').facilitatorIds = [];
    const [f] = runRule('facilitator-required', doc);
    expect(f).toMatchObject({
      data: { title: 'Recreation', count: 14 },
      path: ['/routines/7/facilitatorIds'],
    });
  });

  it('reports an occurrence whose facilitators were removed by a changed exception; meals need none', () => {
    const doc = cleanDoc();
    routineOf(doc, 'group').exceptions.push({
      date: '2026-03-10',
      type: 'changed',
      reason: 'Staff training',
      facilitatorIds: [],
    });
    const [f, ...rest] = runRule('facilitator-required', doc);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      data: { count: 1, dates: '2026-03-10' },
      path: ['/routines/3/exceptions/0/facilitatorIds'],
    });
  });

  it('reports routines that name no facilitator as one finding (one cause: no staff named)', () => {
    const doc = cleanDoc();
    for (const id of ['rec', 'group']) routineOf(doc, id).facilitatorIds = [];
    const findings = runRule('facilitator-required', doc);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      messageId: 'missingMany',
      data: { count: 2 },
      related: { routineIds: ['group', 'rec'] },
    });
    expect(findings[0]?.path).toHaveLength(2);
    expect(findings[0]?.message).toMatch(/^2 routines name no facilitator: /);
  });
});
