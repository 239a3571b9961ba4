import { describe, expect, it } from 'vitest';
import { checkDocument } from '../engine.js';
import { cleanDoc, NOW, runRule } from '../fixtures/builders.js';

describe('therapist-not-enforcer', () => {
  it('is off by default', () => {
    const doc = cleanDoc();
    const o = doc.records.observations[0];
    if (o) o.byStaffId = 's-ther';
    expect(
      checkDocument(doc, { now: NOW }).findings.filter(
        (f) => f.ruleId === 'therapist-not-enforcer',
      ),
    ).toEqual([]);
  });

  it('when enabled, reports a response applied by the primary therapist only', () => {
    const doc = cleanDoc();
    expect(runRule('therapist-not-enforcer', doc)).toEqual([]);
    const o = doc.records.observations[0];
    if (o) o.byStaffId = 's-ther';
    expect(runRule('therapist-not-enforcer', doc)).toMatchObject([
      {
        messageId: 'therapistIssued',
        path: ['/records/observations/0/byStaffId'],
        data: { name: 'Ben C.', participant: 'Sam O.', date: '2026-03-01' },
      },
    ]);
  });
});
